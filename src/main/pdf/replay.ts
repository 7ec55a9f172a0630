// A statement's unchanging parts (the remittance stub's head, the hospital's block and the statement
// box, the tables' header rows, the assistance box, the final notice's summary page) draw the very
// same operators in every statement of a run: the same texts, in the same fonts, at the same place.
// `replayed` draws such a part once, keeps the bytes it wrote into the page's content stream and
// what it did to the document (its position, font, size and colour, the fonts the page now names),
// and for every later document in the same state writes those bytes and sets that state instead of
// drawing again (issue 18 item 5). A document drawn with it has exactly the bytes it has without.
//
// What the part does is recorded only when it is plain: no page added, no font other than the
// standard ones in the document (a fallback font's subset numbers its glyphs per document), no
// object made but the standard fonts' own, and nothing but numbers, strings and the font changed on
// the document. Otherwise the part is simply drawn each time. Like pageCopy.ts and standardText.ts
// this relies on pdfkit 0.20's internals (the page's content buffer, `_font`, `_offsets`).
import type { Pdf } from './layout';

interface FontInternals {
  id: string;
  name: string;
  dictionary?: unknown;
  ref(): unknown;
}

interface ReplayInternals {
  _font: FontInternals;
  _fontFamilies: Record<string, FontInternals>;
  _offsets: unknown[];
  page: {
    width: number;
    height: number;
    margins: Record<string, number>;
    fonts: Record<string, unknown>;
    content: { buffer: Uint8Array[] };
    resources: { data: Record<string, unknown> };
    write(chunk: Uint8Array): void;
  };
}

/** What a part did: its bytes, the fonts it put on the page (id and name), and the state it left. */
interface Effect {
  bytes: Buffer;
  newFonts: string[];
  font: string;
  state: [string, unknown][];
}

/** Parts by their key and the state they began in; forgotten all at once at this many. */
const LIMIT = 2_000;
const effects = new Map<string, Effect | null>();
/** How many times a part was drawn from a state without being plain; at TRIES it is drawn for good. */
const failures = new Map<string, number>();
const TRIES = 3;

const allowed = new WeakSet<object>();
let enabled = true;

/** How many parts were replayed and how many recorded since the process began (tests look). */
export const replayCounts = { recorded: 0, replayed: 0 };

/** Turns replaying off (every part drawn as it comes) or on again, forgetting what was kept: for comparisons. */
export function setReplay(on: boolean): void {
  enabled = on;
  effects.clear();
  failures.clear();
}

/** Lets `doc` replay parts (statementPdf's documents; any other draws every part as it comes). */
export function allowReplay(doc: Pdf): void {
  allowed.add(doc);
}

/** Properties of the document that change as it is written, handled apart (refs made by fonts). */
const APART = new Set(['_offsets', '_waiting', '_font']);

type Value = string | number | boolean | null | undefined | object;

/** The document's own properties: numbers and strings as they are, arrays copied, objects by identity. */
function stateOf(d: object): Map<string, Value> {
  const state = new Map<string, Value>();
  for (const [k, v] of Object.entries(d)) {
    if (APART.has(k)) continue;
    state.set(k, Array.isArray(v) ? [...(v as unknown[])] : (v as Value));
  }
  return state;
}

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function plainValue(v: Value): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
}

/** Whether pdfkit has made the font's object (its ref) in this document. */
function hasRef(f: FontInternals): boolean {
  return f.dictionary !== undefined && f.dictionary !== null;
}

function standardOnly(d: ReplayInternals, standard: unknown): boolean {
  for (const f of Object.values(d._fontFamilies)) if ((f as object).constructor !== standard) return false;
  return true;
}

/**
 * The document's state a part's drawing depends on (pdfkit's position, font, size, line gap, colour
 * and transform, any text in progress) and may change. A part that changes anything else is not kept.
 */
const KEYED = [
  'x',
  'y',
  '_fontSize',
  '_fontSource',
  '_fontFamily',
  '_fontCount',
  '_lineGap',
  '_fillColor',
  '_ctm',
  '_wrapper',
  '_textOptions',
] as const;
/** What a kept part may change (and sets again when replayed): no new font, no transform left over. */
const WRITABLE = new Set<string>(['x', 'y', '_fontSize', '_fontSource', '_fontFamily', '_lineGap', '_fillColor']);

/** The state a part's bytes depend on, as a key: where it starts, its font, size and colour, the page. */
function startKey(d: ReplayInternals): string {
  const r = d as unknown as Record<string, unknown>;
  let key = `${d._font.name}|${d.page.width}|${d.page.height}`;
  const m = d.page.margins;
  key += `|${m.top}|${m.bottom}|${m.left}|${m.right}|${Object.keys(d.page.fonts).join()}`;
  for (const f of Object.values(d._fontFamilies)) key += `|${f.id}${hasRef(f) ? '+' : '-'}`;
  key += `|${(r._ctmStack as unknown[] | undefined)?.length}`;
  for (const k of KEYED) {
    const v = r[k];
    key += `|${Array.isArray(v) ? v.join() : typeof v === 'object' && v !== null ? 'object' : String(v)}`;
  }
  return key;
}

/**
 * Draws `draw` (a part that depends only on `key` and on where and how the document stands), or
 * writes what it wrote the last time it was drawn from the same state.
 */
export function replayed(doc: Pdf, key: string, draw: () => void): void {
  if (!enabled || !allowed.has(doc)) return draw();
  const d = doc as unknown as ReplayInternals;
  const standard = (d._font as object).constructor;
  if (!standardOnly(d, standard)) return draw();
  const full = `${key}\u0000${startKey(d)}`;
  const known = effects.get(full);
  if (known === null) return draw();
  if (known) {
    replayCounts.replayed++;
    d.page.write(known.bytes);
    for (const id of known.newFonts) {
      const f = Object.values(d._fontFamilies).find((x) => x.id === id)!;
      d.page.fonts[id] = f.ref();
    }
    d._font = d._fontFamilies[known.font]!;
    const target = d as unknown as Record<string, unknown>;
    for (const [k, v] of known.state) target[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
    return;
  }
  // Drawn for real, and what it did kept if it is plain.
  const before = stateOf(d);
  const page = d.page;
  const chunks = page.content.buffer.length;
  const fontsBefore = new Set(Object.keys(page.fonts));
  const refsBefore = d._offsets.length;
  const hadRef = new Set(
    Object.values(d._fontFamilies)
      .filter((f) => hasRef(f))
      .map((f) => f.id),
  );
  // The page's other resources, read without pdfkit's getters (which would make them).
  const counts = () =>
    ['XObject', 'ExtGState', 'Pattern', 'ColorSpace']
      .map((k) => Object.keys((page.resources.data[k] as object | undefined) ?? {}).length)
      .join();
  const resources = counts();
  draw();
  if (effects.size >= LIMIT || failures.size >= LIMIT) {
    effects.clear();
    failures.clear();
  }
  const after = stateOf(d);
  const newFonts = Object.keys(page.fonts).filter((id) => !fontsBefore.has(id));
  const changed: [string, unknown][] = [];
  let plain =
    d.page === page &&
    standardOnly(d, standard) &&
    d._fontFamilies[d._font.name] === d._font &&
    counts() === resources &&
    after.size === before.size;
  for (const [k, v] of after) {
    if (!plain) break;
    if (!before.has(k)) plain = false;
    else if (!same(before.get(k)!, v)) {
      if (WRITABLE.has(k) && plainValue(v)) changed.push([k, Array.isArray(v) ? [...(v as unknown[])] : v]);
      else plain = false;
    }
  }
  // The only objects made here are the refs of fonts new to the page, made again in the same order
  // (by `ref()`, as the page names them) when the part is replayed.
  if (plain) {
    const fonts = Object.values(d._fontFamilies);
    const made = newFonts.filter((id) => !hadRef.has(id));
    plain =
      d._offsets.length - refsBefore === made.length &&
      newFonts.every((id) => fonts.some((f) => f.id === id)) &&
      fonts.every((f) => hasRef(f) === (hadRef.has(f.id) || newFonts.includes(f.id)));
  }
  if (!plain) {
    // Not plain this time (pdfkit's first wrapping of a text leaves its wrapper's state behind):
    // tried again the next times, and drawn for good after a few.
    const failed = (failures.get(full) ?? 0) + 1;
    failures.set(full, failed);
    if (failed >= TRIES) effects.set(full, null);
    return;
  }
  replayCounts.recorded++;
  effects.set(full, {
    bytes: Buffer.concat(page.content.buffer.slice(chunks)),
    newFonts,
    font: d._font.name,
    state: changed,
  });
}

// Copying finished pages from one PDF into another without drawing them again. The statement run
// renders each statement once, as the single-statement PDF whose SHA-256 is recorded (and which a
// reprint must match byte for byte); the run's batch PDF takes those very pages. Drawing every
// statement twice was half the run's time.
//
// This reads pdfkit's page objects (the content stream before it is compressed, and the fonts a
// page uses). It relies on pdfkit 0.20 (pinned in package.json) and checks what it relies on:
// a page using anything but fonts (images, transparency, links), a different page size, or fonts
// numbered differently in the two documents is refused with an error, never copied wrongly. The
// tests compare the batch's pages with the single statements, text and pictures.
//
// A page drawn with a fallback font (a name in another script, scriptText.ts) uses that
// document's own subset of the font, numbered its own way. Such a page takes a copy of the subset
// with it (which glyphs, in which order, and what they read as), and the batch embeds that copy
// for the statement's pages: its glyph numbers mean what they meant where the page was drawn.
import { deflateSync, inflateSync } from 'node:zlib';
import { fallbackFont, fallbackKeyOf, registeredName, type FallbackFontKey } from './fonts';
import type { Pdf } from './layout';

/** A document's subset of a fallback font, as plain data (it crosses from worker threads). */
export interface CapturedSubset {
  key: FallbackFontKey;
  /** The font's glyph ids in the order the subset numbers them. */
  glyphs: number[];
  /** What each subset glyph reads as, and its width (pdfkit's own bookkeeping). */
  unicode: number[][];
  widths: number[];
}

/** One page as drawn: its content stream (uncompressed) and the standard fonts it names. */
export interface CapturedPage {
  width: number;
  height: number;
  /** The page's drawing operators, after pdfkit's own opening transform. */
  content: Uint8Array;
  /** Font resource name ("F1") to the standard font it stands for ("Helvetica"). */
  fonts: Record<string, string>;
  /** Font resource name ("F3") to the fallback font subset it stands for. */
  subsets?: Record<string, CapturedSubset>;
}

/**
 * A captured page whose whole content stream (pdfkit's opening transform and the page's
 * operators) is deflated already, as pdfkit deflates it: a worker thread compresses the pages it
 * draws, so the thread writing the batch only copies them.
 */
export interface DeflatedPage extends Omit<CapturedPage, 'content'> {
  deflated: Uint8Array;
}

interface PdfReferenceInternals {
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  compress: boolean;
  uncompressedLength: number;
  write(chunk: Uint8Array): void;
}
interface PdfPageInternals {
  width: number;
  height: number;
  content: PdfReferenceInternals;
  resources: PdfReferenceInternals;
  dictionary: PdfReferenceInternals;
}
interface PdfFontInternals {
  id: string;
  name: string;
  subset?: { glyphs: number[]; includeGlyph(gid: number): number };
  unicode?: number[][];
  widths?: number[];
  font?: unknown;
  ref(): unknown;
}
interface PdfDocumentInternals {
  compress: boolean;
  _pageBuffer: PdfPageInternals[];
  _fontFamilies: Record<string, PdfFontInternals>;
  _font: PdfFontInternals;
  page: PdfPageInternals & { fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
}

const RESOURCE_KEYS = new Set(['ProcSet', 'Font', 'ColorSpace']);

/** pdfkit's opening transform on every new page (its y axis points down). */
function openingTransform(height: number): Uint8Array {
  return Buffer.from(`1 0 0 -1 0 ${height} cm\n`, 'latin1');
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** The pages of a document drawn with `bufferPages` (as createPdf makes them), before it is ended. */
export function capturePages(doc: Pdf): CapturedPage[] {
  const d = doc as unknown as PdfDocumentInternals;
  if (!Array.isArray(d._pageBuffer)) throw new Error('pageCopy: this pdfkit keeps its pages differently');
  const names = new Map(Object.values(d._fontFamilies).map((f) => [f.id, f.name]));
  const fallbacks = new Map<string, { key: FallbackFontKey; font: PdfFontInternals }>();
  for (const [name, f] of Object.entries(d._fontFamilies)) {
    const key = fallbackKeyOf(name);
    if (key && f.subset) fallbacks.set(f.id, { key, font: f });
  }
  return d._pageBuffer.map((page, i) => {
    for (const key of Object.keys(page.resources.data)) {
      const value = page.resources.data[key];
      const empty = value && typeof value === 'object' && Object.keys(value).length === 0;
      if (!RESOURCE_KEYS.has(key) && !empty)
        throw new Error(`pageCopy: page ${i + 1} uses ${key}, which is not copied`);
    }
    const annotations = page.dictionary.data.Annots as unknown[] | undefined;
    if (annotations && annotations.length > 0)
      throw new Error(`pageCopy: page ${i + 1} has links, which are not copied`);
    const colorSpaces = page.resources.data.ColorSpace as Record<string, unknown> | undefined;
    if (colorSpaces && Object.keys(colorSpaces).length > 0) throw new Error('pageCopy: spot colours are not copied');
    const content = Buffer.concat(page.content.buffer);
    const opening = openingTransform(page.height);
    if (!startsWith(content, opening)) throw new Error('pageCopy: a page does not open as pdfkit opens it');
    const fonts: Record<string, string> = {};
    let subsets: Record<string, CapturedSubset> | undefined;
    for (const id of Object.keys((page.resources.data.Font as Record<string, unknown> | undefined) ?? {})) {
      const fallback = fallbacks.get(id);
      if (fallback) {
        const f = fallback.font;
        subsets ??= {};
        subsets[id] = {
          key: fallback.key,
          glyphs: [...f.subset!.glyphs],
          unicode: f.unicode!.map((u) => [...u]),
          widths: [...f.widths!],
        };
        continue;
      }
      const name = names.get(id);
      if (!name) throw new Error(`pageCopy: font ${id} is unknown`);
      fonts[id] = name;
    }
    return {
      width: page.width,
      height: page.height,
      content: content.subarray(opening.length),
      fonts,
      ...(subsets ? { subsets } : {}),
    };
  });
}

/**
 * The pages with their content streams deflated. `level`: zlib's (pdfkit deflates at the default,
 * 6); a statement run's batch takes 3, three times as fast for a file some 8% larger.
 */
export function deflatePages(pages: readonly CapturedPage[], level = -1): DeflatedPage[] {
  return pages.map(({ content, ...page }) => {
    const whole = Buffer.concat([openingTransform(page.height), content]);
    return { ...page, deflated: deflateSync(whole, { level }) };
  });
}

/** Replaces the content stream of the page just added (its opening transform) with a whole deflated one. */
function writeDeflated(target: Pdf, deflated: Uint8Array): void {
  const t = target as unknown as PdfDocumentInternals;
  const content = t.page.content;
  content.buffer = [];
  content.data.Length = 0;
  content.uncompressedLength = 0;
  if (t.compress) {
    content.compress = false;
    content.data.Filter = 'FlateDecode';
    content.write(deflated);
  } else content.write(inflateSync(deflated));
}

/**
 * Appends captured pages to `target`, a new page each (make the target with createPdf's
 * `streamPages`, which has no opening page). The target must number its fonts as the source did:
 * createPdf registers the regular and the bold font first, in that order, in every document.
 */
export function appendPages(target: Pdf, pages: readonly (CapturedPage | DeflatedPage)[]): void {
  const t = target as unknown as PdfDocumentInternals;
  // The pages of one document share its subsets: one copy each in the batch.
  const copies = new Map<string, PdfFontInternals>();
  pages.forEach((p) => {
    target.addPage();
    if (t.page.width !== p.width || t.page.height !== p.height) throw new Error('pageCopy: the page sizes differ');
    if ('deflated' in p) writeDeflated(target, p.deflated);
    else t.page.write(p.content);
    const current = t._font;
    for (const [id, name] of Object.entries(p.fonts)) {
      target.font(name);
      if (t._font.id !== id) throw new Error(`pageCopy: ${name} is ${t._font.id} here but ${id} in the source`);
      t.page.fonts[id] = t._font.ref();
    }
    for (const [id, subset] of Object.entries(p.subsets ?? {})) {
      let copy = copies.get(id);
      if (!copy) {
        copy = subsetCopy(target, subset);
        copies.set(id, copy);
      }
      t.page.fonts[id] = copy.ref();
    }
    t._font = current;
  });
}

const subsetCopies = new WeakMap<Pdf, number>();

/** A fallback font in `target` holding exactly a captured subset, embedded when `target` ends. */
function subsetCopy(target: Pdf, subset: CapturedSubset): PdfFontInternals {
  const t = target as unknown as PdfDocumentInternals;
  const current = t._font;
  // The target's own instance of the font gives pdfkit's embedded-font class.
  const name = registeredName(subset.key);
  target.registerFont(name, fallbackFont(subset.key) as unknown as string);
  target.font(name);
  const EmbeddedFont = t._font.constructor as new (doc: Pdf, font: unknown, id: string) => PdfFontInternals;
  t._font = current;
  // A subset name of its own (pdfkit makes the six-letter tag from the id) for each copy.
  const n = (subsetCopies.get(target) ?? 0) + 1;
  subsetCopies.set(target, n);
  const copy = new EmbeddedFont(target, fallbackFont(subset.key), `S${String(n % 1_000_000).padStart(6, '0')}`);
  for (const gid of subset.glyphs.slice(1)) copy.subset!.includeGlyph(gid);
  if (copy.subset!.glyphs.length !== subset.glyphs.length || copy.subset!.glyphs.some((g, i) => g !== subset.glyphs[i]))
    throw new Error('pageCopy: a font subset could not be copied as it was');
  copy.unicode = subset.unicode;
  copy.widths = subset.widths;
  // pdfkit embeds the fonts it knows of when the document ends.
  t._fontFamilies[`${name}#${n}`] = copy;
  return copy;
}

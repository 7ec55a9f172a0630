// Text in any script (layout 2). Helvetica, the font every document is drawn in, has glyphs only
// for the Windows-1252 letters; pdfkit draws anything else as garbage. Here a document's text,
// measuring and wrapping go through one rule, line by line:
//
// - a line Helvetica can draw is drawn in Helvetica exactly as before (so a document with only
//   such lines is byte for byte what layout 1 made, and stays cheap: no font to embed);
// - any other line is drawn in the Noto fallback fonts (fonts.ts), each character in the first
//   font of the fallback order that has a glyph for it; spaces, digits and punctuation stay in the
//   font of the letter before them. The whole line changes font, not only the odd letter, so a
//   name is never drawn in two typefaces;
// - right-to-left text (Arabic, Hebrew) is put in visual order by the Unicode bidirectional
//   algorithm (bidi-js), on a left-to-right line as the rest of the document is: pdfkit draws
//   glyphs left to right only. fontkit shapes each right-to-left word (joining Arabic letters)
//   and lays its glyphs out right to left; the order of words and of runs is ours.
//
// The fallback fonts are placed on Helvetica's baseline and line height, so a name in any script
// sits on the line with the words around it and tables keep their row heights.
//
// This wraps the document's own text, widthOfString and heightOfString (every *Pdf.ts calls them,
// directly or through layout.ts), so no document has to know which lines need which font.
import bidiFactory from 'bidi-js';
import type { Pdf } from './layout';
import { fallbackFont, fallbackOrder, registeredName, sizeScale, type FallbackFontKey, type Weight } from './fonts';

/** Characters of Windows-1252 beyond Latin-1, which pdfkit's standard fonts also draw. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)!));

/** Whether Helvetica (any standard font) can draw every character of `text`. */
export function standardFontDraws(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x7e || (c >= 0xa0 && c <= 0xff)) continue;
    if (!WIN_ANSI_EXTRA.has(c)) return false;
  }
  return true;
}

interface PdfFontInternals {
  name: string;
  ascender: number;
  descender: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
}
interface Internals {
  _font: PdfFontInternals;
  _wrapper: unknown;
  _lineGap?: number;
  _fontSize: number;
  x: number;
  y: number;
  _initOptions(x?: unknown, y?: unknown, options?: unknown): TextOptions;
  _text(text: string, options: TextOptions, y: undefined, unused: undefined, lineCallback: () => void): void;
  currentLineHeight(includeGap?: boolean): number;
}
type TextOptions = PDFKit.Mixins.TextOptions & { continued?: boolean; height?: number; lineGap?: number };

/** A piece of a line drawn in one font: the standard font the document chose, or a fallback font. */
export interface Fragment {
  font: FallbackFontKey | null;
  text: string;
}

let bidi: ReturnType<typeof bidiFactory> | null = null;

const COMMON = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const DIGIT = /^[0-9]$/;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

function hasGlyph(key: FallbackFontKey, char: string): boolean {
  return fallbackFont(key).hasGlyphForCodePoint(char.codePointAt(0)!);
}

interface Run {
  font: FallbackFontKey;
  level: number;
  text: string;
}

/** A line's characters in fonts and bidi levels, as runs in logical order. */
function logicalRuns(line: string, weight: Weight): Run[] {
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(line, 'ltr');
  const order = fallbackOrder(line, weight);
  const runs: Run[] = [];
  let index = 0;
  let previous: FallbackFontKey | null = null;
  for (const char of line) {
    const level = levels[index]!;
    index += char.length;
    // Spaces, digits and punctuation stay in the font of the letter before them, except digits
    // after letters drawn larger (Arabic): a house number keeps the size of the text around it.
    const font: FallbackFontKey =
      previous && COMMON.test(char) && !(DIGIT.test(char) && sizeScale(previous) !== 1) && hasGlyph(previous, char)
        ? previous
        : (order.find((k) => hasGlyph(k, char)) ?? order[0]!);
    previous = font;
    const last = runs[runs.length - 1];
    if (last && last.font === font && last.level === level) last.text += char;
    else runs.push({ font, level, text: char });
  }
  // Leading neutrals (an opening quote, a house number) join the run after them when they can.
  if (runs.length > 1 && [...runs[0]!.text].every((c) => COMMON.test(c))) {
    const [first, second] = runs as [Run, Run];
    if (first.level === second.level && [...first.text].every((c) => hasGlyph(second.font, c))) {
      second.text = first.text + second.text;
      runs.shift();
    }
  }
  return runs;
}

/** Unicode's rule L2: from the highest level down to the lowest odd one, reverse each stretch at that level or above. */
function visualOrder(runs: Run[]): Run[] {
  const out = [...runs];
  const highest = Math.max(...out.map((r) => r.level));
  const lowestOdd = Math.min(...out.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length;) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/** A right-to-left run as left-to-right pieces: its words in reverse order, each laid out right to left. */
function rightToLeftPieces(run: Run): Fragment[] {
  bidi ??= bidiFactory();
  const pieces = run.text.split(/( +)/).filter((p) => p !== '');
  return pieces.reverse().map((p) => {
    // fontkit lays out a word with right-to-left letters right to left itself; anything else
    // (a bracket, a dash between Arabic words) is reversed and mirrored here.
    if (RTL_LETTER.test(p) || /^ +$/.test(p)) return { font: run.font, text: p };
    const mirrored = [...p].reverse().map((c) => bidi!.getMirroredCharacter(c) ?? c);
    return { font: run.font, text: mirrored.join('') };
  });
}

/** The pieces a line is drawn in, left to right; null when the standard font draws it all. */
export function lineFragments(line: string, weight: Weight): Fragment[] | null {
  if (standardFontDraws(line)) return null;
  const out: Fragment[] = [];
  for (const run of visualOrder(logicalRuns(line, weight))) {
    const pieces = run.level % 2 === 1 ? rightToLeftPieces(run) : [{ font: run.font, text: run.text }];
    for (const p of pieces) {
      const last = out[out.length - 1];
      // Neighbouring left-to-right pieces in one font are one piece (pdfkit wraps and kerns them as one).
      if (last && last.font === p.font && run.level % 2 === 0 && !RTL_LETTER.test(last.text)) last.text += p.text;
      else out.push({ ...p });
    }
  }
  return out;
}

/**
 * The pieces of each line of a text; null when the standard font draws it all. A line the
 * standard font draws is one piece in it (font null); an empty line has no pieces.
 */
export function textLines(text: string, weight: Weight): Fragment[][] | null {
  if (standardFontDraws(text)) return null;
  // Composed characters: a name typed as letters and combining accents draws as one typed composed.
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => lineFragments(line, weight) ?? (line === '' ? [] : [{ font: null, text: line }]));
}

interface GlyphRunInternals {
  direction: 'ltr' | 'rtl';
  glyphs: { codePoints: number[] }[];
}
interface EmbeddedFontInternals {
  layoutRun(text: string, features?: unknown): GlyphRunInternals;
}

const INDIC_OR_THAI = /[\p{Script=Devanagari}\p{Script=Thai}]/u;

/**
 * Makes a fallback font in a document lay text out the same way whatever the process drew before.
 * fontkit keeps one glyph object per glyph for the life of the font, with the characters it was
 * first made for, and pdfkit maps each glyph to those characters for copying and searching (the
 * PDF's ToUnicode map). So a glyph first met in "Thị" (where "ị" is drawn as "i" and a dot) would
 * read as "ị" in every later document of the worker, and the same statement could come out with
 * other bytes in another process. Here every layout starts from fresh glyph objects, Latin, Greek
 * and Cyrillic take the precomposed glyphs (no "ccmp" decomposition, so "i" reads as "i"), and a
 * ligature in right-to-left text (Arabic lam-alef, the word Allah) lists its characters in the
 * visual order the rest of the line is in, so text extraction reading right to left gets them right.
 */
function deterministicLayout(f: EmbeddedFontInternals, key: FallbackFontKey): void {
  const layoutRun = f.layoutRun.bind(f);
  const font = fallbackFont(key) as unknown as { _glyphs: Record<number, unknown> };
  f.layoutRun = (text: string, features?: unknown) => {
    font._glyphs = {};
    const run = layoutRun(text, features ?? (INDIC_OR_THAI.test(text) ? undefined : { ccmp: false }));
    if (run.direction === 'rtl')
      for (const g of run.glyphs) if (g.codePoints.length > 1) g.codePoints = [...g.codePoints].reverse();
    return run;
  };
}

/**
 * Makes `doc` draw, measure and wrap text in any script (see the top of this file). Called by
 * createPdf for layout 2 and later.
 */
export function drawAnyScript(doc: Pdf): void {
  const d = doc as unknown as Internals;
  // pdfkit's own, untyped here: text takes (text, x, y, options) or (text, options).
  const text = doc.text as unknown as (this: Pdf, ...args: unknown[]) => Pdf;
  const widthOfString = doc.widthOfString;
  const heightOfString = doc.heightOfString;
  const keyOf = new Map<PdfFontInternals, FallbackFontKey>();

  /** The weight of the font in use: bold when the document chose a bold font. */
  const weightNow = (): Weight => {
    const key = keyOf.get(d._font);
    if (key) return key.endsWith('Bold') ? 'bold' : 'regular';
    return /Bold/.test(d._font.name) ? 'bold' : 'regular';
  };
  /** Whether the font in use draws every character (then pdfkit is left to itself). */
  const drawsAll = (s: string): boolean => {
    const key = keyOf.get(d._font);
    if (!key) return standardFontDraws(s);
    const font = fallbackFont(key);
    for (const c of s) if (c !== '\n' && !font.hasGlyphForCodePoint(c.codePointAt(0)!)) return false;
    return true;
  };
  /** Switches to a piece's font (null: the base font), set on the base font's baseline and line height. */
  /** The document's own font and size, which pieces are drawn in place of and which come back after. */
  interface Base {
    font: PdfFontInternals;
    size: number;
  }
  const baseNow = (): Base => ({ font: d._font, size: d._fontSize });
  const restore = (base: Base): void => {
    d._font = base.font;
    d._fontSize = base.size;
  };
  /** Switches to a piece's font (null: the base font), set on the base font's baseline and line height. */
  const use = (base: Base, font: FallbackFontKey | null): void => {
    if (font === null) {
      restore(base);
      return;
    }
    const name = registeredName(font);
    doc.registerFont(name, fallbackFont(font) as unknown as string);
    doc.font(name);
    const f = d._font;
    if (!keyOf.has(f)) {
      keyOf.set(f, font);
      deterministicLayout(f as unknown as EmbeddedFontInternals, font);
    }
    // A script whose letters are small for their size (Naskh Arabic) is drawn larger; its metrics
    // are scaled back so the line keeps the base font's baseline and height.
    const scale = sizeScale(font);
    d._fontSize = base.size * scale;
    f.ascender = base.font.ascender / scale;
    f.descender = base.font.descender / scale;
    f.lineGap = base.font.lineGap / scale;
  };

  /**
   * Draws (or measures, with `measure`) the lines one after the other, each a continued text of
   * its pieces, as pdfkit draws a text of several lines: the first at (x, y) or where the
   * document is, the next ones below it at the same x.
   */
  const eachLine = (
    lines: Fragment[][],
    first: { x?: number; y?: number },
    options: TextOptions,
    draw: (piece: string, at: { x?: number; y?: number }, o: TextOptions) => void,
  ): void => {
    const base = baseNow();
    const finalContinued = options.continued ?? false;
    let at: { x?: number; y?: number } = first;
    const startX = first.x ?? d.x;
    lines.forEach((pieces, l) => {
      const lastLine = l === lines.length - 1;
      // An empty line still takes its height.
      const line = pieces.length > 0 ? pieces : [{ font: null, text: ' ' }];
      line.forEach((p, i) => {
        use(base, p.font);
        const last = i === line.length - 1;
        draw(p.text, i === 0 ? at : {}, { ...options, continued: last ? (lastLine ? finalContinued : false) : true });
      });
      at = { x: startX };
    });
    restore(base);
  };

  doc.text = function (this: Pdf, value: string, ...rest: unknown[]) {
    const s = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    if (drawsAll(s)) return text.call(doc, value, ...rest);
    const lines = textLines(s, weightNow());
    if (!lines) return text.call(doc, value, ...rest);
    const [x, y, options] = rest;
    const positioned = !(x && typeof x === 'object');
    const opts: TextOptions = positioned
      ? { ...((options as TextOptions | undefined) ?? {}) }
      : { ...(x as TextOptions) };
    const first = positioned ? { x: x as number | undefined, y: y as number | undefined } : {};
    // Without line breaking pdfkit draws every line of a text on one baseline; so does this.
    const drawn = opts.lineBreak === false ? [lines.flat()] : lines;
    eachLine(drawn, first, opts, (piece, at, o) => {
      if (at.x !== undefined || at.y !== undefined) text.call(doc, piece, at.x, at.y, o);
      else text.call(doc, piece, o);
    });
    return doc;
  } as typeof doc.text;

  doc.widthOfString = function (this: Pdf, s: string, options?: PDFKit.Mixins.TextOptions) {
    if (drawsAll(s)) return widthOfString.call(doc, s, options);
    const base = baseNow();
    let width = 0;
    for (const p of (textLines(s, weightNow()) ?? []).flat()) {
      use(base, p.font);
      width += widthOfString.call(doc, p.text, options);
    }
    restore(base);
    return width;
  };

  doc.heightOfString = function (this: Pdf, s: string, options?: PDFKit.Mixins.TextOptions) {
    if (drawsAll(s)) return heightOfString.call(doc, s, options);
    const lines = textLines(s, weightNow()) ?? [];
    // As pdfkit's heightOfString, over the lines drawn as they would be.
    const { x, y } = d;
    const o = d._initOptions(options);
    o.height = Infinity;
    const lineGap = o.lineGap || d._lineGap || 0;
    eachLine(lines, {}, o, (piece, _at, po) => {
      d._text(piece, po, undefined, undefined, () => {
        d.y += d.currentLineHeight(true) + lineGap;
      });
    });
    const height = d.y - y;
    d.x = x;
    d.y = y;
    return height;
  };
}

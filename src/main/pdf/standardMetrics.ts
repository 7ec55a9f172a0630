// A standard font's metrics (Helvetica's and the other PDF base fonts') as tables indexed by
// character: each character's glyph, the glyph's width, the kerning of every pair, the hex code
// pdfkit writes for it. pdfkit measures and encodes a string by looking each glyph up by name in
// objects (its width, then the kerning pair with the next glyph); a statement run measures some
// four hundred strings a statement, and those lookups were a large part of its drawing time.
//
// The figures are pdfkit's own (read from its parsed AFM metrics once per font and thread), added
// in the same order with the same operations: a width or a show-text operator made here is the
// very number or bytes pdfkit makes (standardText.test.ts).

/** pdfkit's parsed AFM metrics of a standard font (AFMFont). */
export interface AfmInternals {
  glyphWidths: Record<string, number>;
  kernPairs: Record<string, number>;
  characterToGlyph(charCode: number): string;
  encodeText(text: string): string[];
}

/** As pdfkit writes a number into a content stream. */
export function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** How many show-text operators a font keeps (a few MB at most). */
const SHOWN = 20_000;

export class StandardMetrics {
  /** Glyph names to their index in the tables; index `count` is a glyph with no width and no kerning. */
  private readonly index = new Map<string, number>();
  private readonly count: number;
  private readonly widths: Float64Array;
  private readonly kerns: Float64Array;
  /** UTF-16 code unit to glyph index (-1: not looked up yet). */
  private readonly glyphOf = new Int16Array(65536).fill(-1);
  /** UTF-16 code unit to the hex code pdfkit writes for it (WinAnsi), as met. */
  private readonly hexOf: (string | undefined)[] = [];
  /** Show-text operators by text (labels and amounts come back); forgotten all at once at SHOWN. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly afm: AfmInternals) {
    const names = Object.keys(afm.glyphWidths);
    names.forEach((name, i) => this.index.set(name, i));
    this.count = names.length;
    const n = this.count + 1;
    this.widths = new Float64Array(n);
    // pdfkit: `this.glyphWidths[glyph] || 0`.
    names.forEach((name, i) => (this.widths[i] = afm.glyphWidths[name] || 0));
    this.kerns = new Float64Array(n * n);
    for (const [pair, amount] of Object.entries(afm.kernPairs)) {
      const [left, right] = pair.split('\u0000') as [string, string];
      const l = this.index.get(left);
      const r = this.index.get(right);
      if (l === undefined || r === undefined) throw new Error(`standardMetrics: kerning of an unknown glyph ${pair}`);
      this.kerns[l * n + r] = amount || 0;
    }
  }

  private glyph(code: number): number {
    let g = this.glyphOf[code]!;
    if (g < 0) {
      // A glyph pdfkit names but the font has no metrics for measures 0 and kerns with nothing.
      g = this.index.get(this.afm.characterToGlyph(code)) ?? this.count;
      this.glyphOf[code] = g;
    }
    return g;
  }

  /** The width of `s` at size 1000, as pdfkit's StandardFont.widthOfString sums it. */
  width(s: string): number {
    const n = this.count + 1;
    let width = 0;
    const length = s.length;
    if (length === 0) return width;
    let left = this.glyph(s.charCodeAt(0));
    for (let i = 0; i < length; i++) {
      const right = i + 1 < length ? this.glyph(s.charCodeAt(i + 1)) : -1;
      // An advance: the glyph's width plus the kerning with the next glyph (none after the last).
      width += this.widths[left]! + (right < 0 ? 0 : this.kerns[left * n + right]!);
      left = right;
    }
    return width;
  }

  /**
   * At least the width (size 1000) of `s` measured in pieces, as pdfkit's line wrapper measures
   * it word by word: each glyph's width and only the kerning that widens (a word measured alone
   * loses the kerning with the word before it).
   */
  widthBound(s: string): number {
    const n = this.count + 1;
    let width = 0;
    const length = s.length;
    for (let i = 0; i < length; i++) {
      const left = this.glyph(s.charCodeAt(i));
      const kern = i + 1 < length ? this.kerns[left * n + this.glyph(s.charCodeAt(i + 1))]! : 0;
      width += this.widths[left]! + Math.max(0, kern);
    }
    return width;
  }

  private hex(code: number): string {
    let h = this.hexOf[code];
    if (h === undefined) {
      h = this.afm.encodeText(String.fromCharCode(code))[0]!;
      this.hexOf[code] = h;
    }
    return h;
  }

  /**
   * The show-text operator of `s` as pdfkit's _fragment writes it for a standard font: the hex
   * codes in segments, each ended where a kerning pair moves the next glyph ("[<48> 15 <656c> 0] TJ").
   */
  show(s: string): string {
    let op = this.shown.get(s);
    if (op === undefined) {
      op = this.showOf(s);
      if (this.shown.size >= SHOWN) this.shown.clear();
      this.shown.set(s, op);
    }
    return op;
  }

  private showOf(s: string): string {
    const n = this.count + 1;
    const length = s.length;
    let out = '[';
    let segment = '';
    let left = this.glyph(s.charCodeAt(0));
    for (let i = 0; i < length; i++) {
      const code = s.charCodeAt(i);
      segment += this.hex(code);
      const right = i + 1 < length ? this.glyph(s.charCodeAt(i + 1)) : -1;
      const glyphWidth = this.widths[left]!;
      const xAdvance = glyphWidth + (right < 0 ? 0 : this.kerns[left * n + right]!);
      // pdfkit ends a segment after a glyph whose advance is not its width, and after the last.
      const kerning = xAdvance - glyphWidth;
      if (kerning !== 0 || right < 0) {
        out += `${out.length > 1 ? ' ' : ''}<${segment}> ${pdfNumber(-kerning)}`;
        segment = '';
      }
      left = right;
    }
    return `${out}] TJ`;
  }
}

const metrics = new Map<string, StandardMetrics>();

/** The tables of a standard font (by its name: its metrics never change), made on first use. */
export function standardMetrics(name: string, afm: AfmInternals): StandardMetrics {
  let m = metrics.get(name);
  if (!m) {
    m = new StandardMetrics(afm);
    metrics.set(name, m);
  }
  return m;
}

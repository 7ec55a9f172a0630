// Text in the standard fonts (Helvetica and the other PDF base fonts), measured from tables
// (standardMetrics.ts) and wrapped once per process instead of every time it is drawn. A
// statement run draws the same labels, headings, amounts and paragraphs tens of thousands of
// times; pdfkit looked up every glyph's width and kerning pair by name, broke every paragraph
// into lines and encoded every line again each time, which was most of a statement's drawing time.
//
// What is remembered depends only on the font's metrics, its size and the text: the lines a text
// breaks into at a width. A document drawn with this writes exactly the bytes pdfkit writes
// without it (the numbers are computed by the same expressions, in the same order): statements
// recorded before reprint byte for byte (statementGolden.test.ts, standardText.test.ts). Anything
// out of the ordinary (another font, justified or continued text, character or word spacing,
// links, underlines, a line that would break to a new page) is left to pdfkit itself.
//
// This relies on pdfkit 0.20's text internals (_text, _fragment, _line, the LineWrapper's
// options), as pageCopy.ts does; pdfkit is pinned in package.json.
import type { Pdf } from './layout';
import { pdfNumber as number, standardMetrics, type AfmInternals } from './standardMetrics';

interface StandardFontInternals {
  name: string;
  id: string;
  ascender: number;
  font: AfmInternals;
  ref(): unknown;
}

type TextOptions = Record<string, unknown> & {
  width?: number;
  height?: number;
  align?: string;
  lineGap?: number;
  textWidth?: number;
  wordCount?: number;
  lineWidth?: number;
};

type LineCallback = (line: string, options: TextOptions, wrapper?: unknown) => void;

interface DocumentInternals {
  _font: StandardFontInternals;
  _fontSize: number;
  _lineGap: number;
  _wrapper: unknown;
  _textOptions: unknown;
  x: number;
  y: number;
  page: {
    height: number;
    margins: { bottom: number };
    fonts: Record<string, unknown>;
    maxY(): number;
    write(chunk: Uint8Array): void;
  };
  _line: LineCallback;
  _text(text: unknown, x: unknown, y: unknown, options: unknown, lineCallback: LineCallback): Pdf;
  _fragment(text: string, x: number, y: number, options: TextOptions): void;
  _initOptions(x?: unknown, y?: unknown, options?: unknown): TextOptions;
  currentLineHeight(includeGap?: boolean): number;
  widthOfString(text: string, options?: TextOptions): number;
  heightOfString(text: string, options?: TextOptions): number;
}

/** One line a text broke into, with what pdfkit's line wrapper told the line's drawing. */
interface WrappedLine {
  text: string;
  textWidth: number;
  wordCount: number;
  lineWidth: number;
}

/**
 * Texts by what they are wrapped in (a font, a size and a width), forgetting everything once it
 * holds `limit` texts: the names and addresses of a run are each met once and must not fill a
 * worker's memory; the paragraphs come back at once. The text itself is the inner key.
 */
class Memo<V> {
  private readonly byContext = new Map<string, Map<string, V>>();
  private size = 0;
  constructor(private readonly limit: number) {}
  get(context: string, text: string): V | undefined {
    return this.byContext.get(context)?.get(text);
  }
  set(context: string, text: string, value: V): void {
    if (this.size >= this.limit) {
      this.byContext.clear();
      this.size = 0;
    }
    let texts = this.byContext.get(context);
    if (!texts) this.byContext.set(context, (texts = new Map()));
    texts.set(text, value);
    this.size++;
  }
}

/** A text's lines, each with its newline but the last. */
const HARD_LINES = /[^\n]*\n|[^\n]+$/g;
/** Where pdfkit's line breaker breaks or hyphenates a line other than at a newline or a space. */
const OTHER_BREAKS = /[\r\v\f\u0085\u2028\u2029\u00ad]/;

/** The lines a text breaks into, by font, size and width. */
const wraps = new Memo<WrappedLine[]>(50_000);

/**
 * Text options drawn here as pdfkit draws them; any other option set to something (spacing, links,
 * underlines, features, indents, a paragraph gap, an ellipsis, continued text...) is left to pdfkit.
 */
const USUAL = new Set([
  'width',
  'height',
  'align',
  'lineBreak',
  'lineGap',
  'columns',
  'columnGap',
  'rotation',
  'horizontalScaling',
  'textWidth',
  'wordCount',
  'lineWidth',
]);

function usual(o: TextOptions): boolean {
  for (const k in o) {
    if (USUAL.has(k)) continue;
    const v = o[k];
    if (v !== undefined && v !== null && v !== false && v !== 0) return false;
  }
  if (o.align === 'justify') return false;
  if (o.horizontalScaling !== undefined && o.horizontalScaling !== 100) return false;
  if ((o.columns as number | undefined) !== undefined && (o.columns as number) > 1) return false;
  return !o.rotation;
}

/**
 * Makes `doc` remember standard-font text across documents (see the top of this file). Called by
 * createPdf, before anything else wraps the document's text methods.
 */
export function rememberStandardText(doc: Pdf): void {
  const d = doc as unknown as DocumentInternals;
  // The font every document starts with (createPdf chooses Helvetica) gives pdfkit's class of standard fonts.
  const StandardFont = (d._font as object).constructor;
  const isStandard = (f: unknown): f is StandardFontInternals => (f as object).constructor === StandardFont;
  const text = d._text;
  const fragment = d._fragment;
  const widthOfString = d.widthOfString;
  const heightOfString = d.heightOfString;

  d.widthOfString = function (this: DocumentInternals, s: string, options: TextOptions = {}): number {
    const f = d._font;
    if (!isStandard(f)) return widthOfString.call(this, s, options);
    // pdfkit's expression: (font width × size / 1000 + spacing) × scaling / 100.
    const horizontalScaling = (options.horizontalScaling as number | undefined) || 100;
    return (
      ((standardMetrics(f.name, f.font).width(`${s}`) * (d._fontSize / 1000) +
        ((options.characterSpacing as number | undefined) || 0) * (s.length - 1)) *
        horizontalScaling) /
      100
    );
  } as typeof d.widthOfString;

  d._fragment = function (this: DocumentInternals, s: string, x: number, y: number, options: TextOptions): void {
    const f = d._font;
    if (!isStandard(f) || !usual(options)) return fragment.call(this, s, x, y, options);
    let line = `${s}`;
    if (line.includes('\n')) line = line.replace(/\n/g, '');
    if (line.length === 0) return;
    const show = standardMetrics(f.name, f.font).show(line);
    // Where pdfkit puts the line: aligned in its box, on the font's ascender.
    if (options.width) {
      const align = options.align || 'left';
      if (align === 'right') x += options.lineWidth! - d.widthOfString(line.replace(/\s+$/, ''), options);
      else if (align === 'center') x += options.lineWidth! / 2 - options.textWidth! / 2;
    }
    const dy = (f.ascender / 1000) * d._fontSize;
    const page = d.page;
    const top = page.height - y - dy;
    if (page.fonts[f.id] === undefined || page.fonts[f.id] === null) page.fonts[f.id] = f.ref();
    // pdfkit's save, flip, text object and restore, one operator a line, as one write.
    page.write(
      Buffer.from(
        `q\n1 0 0 -1 0 ${number(page.height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(top)} Tm\n/${f.id} ${number(d._fontSize)} Tf\n${show}\nET\nQ\n`,
        'latin1',
      ),
    );
  };

  const wrapContext = (f: StandardFontInternals, width: number): string => `${f.name} ${d._fontSize} ${width}`;

  /**
   * The lines of a text whose every line plainly fits its width: pdfkit's wrapper breaks it only
   * at its newlines (each line keeping its newline). Plainly: even counted as the wrapper counts
   * (word by word, so without the kerning that would pull a word towards the one before it), with
   * room to spare. Null otherwise, or for what the wrapper breaks by other rules.
   */
  const plainLines = (f: StandardFontInternals, s: string, width: number): WrappedLine[] | null => {
    if (s === '' || OTHER_BREAKS.test(s)) return null;
    // The wrapper's line width: (width × scaling / 100 − column gap × (columns − 1)) / columns.
    const lineWidth = (width * 100) / 100;
    const metrics = standardMetrics(f.name, f.font);
    const lines = s.match(HARD_LINES) ?? [];
    for (const line of lines) if ((metrics.widthBound(line) * d._fontSize) / 1000 + 0.5 >= lineWidth) return null;
    return lines.map((line) => ({ text: line, textWidth: NaN, wordCount: NaN, lineWidth }));
  };

  /** pdfkit's wrapping of a text, run for real, with the lines it gives kept. */
  const wrapAndKeep = (
    context: string,
    s: string,
    x: unknown,
    y: unknown,
    options: unknown,
    draw: LineCallback,
  ): Pdf => {
    const lines: WrappedLine[] = [];
    const result = text.call(d, s, x, y, options, (line, o, wrapper) => {
      lines.push({ text: line, textWidth: o.textWidth!, wordCount: o.wordCount!, lineWidth: o.lineWidth! });
      draw.call(d, line, o, wrapper);
    });
    wraps.set(context, s, lines);
    return result;
  };

  d._text = function (
    this: DocumentInternals,
    value: unknown,
    x: unknown,
    y: unknown,
    options: unknown,
    lineCallback: LineCallback,
  ): Pdf {
    const f = d._font;
    if (lineCallback !== d._line || !isStandard(f) || d._wrapper || d._textOptions)
      return text.call(this, value, x, y, options, lineCallback);
    const o = d._initOptions(x, y, options);
    if (!o.width || (o.height !== undefined && o.height !== null) || !usual(o))
      return text.call(this, value, x, y, options, lineCallback);
    const s = value === undefined || value === null ? '' : `${value as string}`;
    const context = wrapContext(f, o.width);
    // A centred line is placed by the width the wrapper measured: only its lines can say it.
    const lines = wraps.get(context, s) ?? (o.align === 'center' ? null : plainLines(f, s, o.width));
    if (!lines) return wrapAndKeep(context, s, x, y, options, lineCallback);
    // The lines must all fit on this page (else pdfkit breaks to the next page itself).
    const maxY = d.page.maxY() - 1;
    const step = d.currentLineHeight(true);
    const lineGap = o.lineGap || d._lineGap || 0;
    let bottom = d.y;
    if (bottom + step > maxY) return text.call(this, value, x, y, options, lineCallback);
    for (let i = 0; i < lines.length; i++) {
      bottom += step + lineGap;
      if (bottom + step > maxY) return text.call(this, value, x, y, options, lineCallback);
    }
    const startX = d.x;
    d._wrapper = null;
    d._textOptions = null;
    for (const line of lines) {
      o.textWidth = line.textWidth;
      o.wordCount = line.wordCount;
      o.lineWidth = line.lineWidth;
      d._fragment(line.text, d.x, d.y, o);
      d.y += d.currentLineHeight(true) + lineGap;
    }
    d.x = startX;
    return d as unknown as Pdf;
  };

  d.heightOfString = function (this: DocumentInternals, value: string, options?: TextOptions): number {
    const f = d._font;
    if (!isStandard(f) || d._wrapper || d._textOptions) return heightOfString.call(this, value, options);
    const { x, y } = d;
    const o = d._initOptions(options);
    if (!o.width || !usual(o)) return heightOfString.call(this, value, options);
    o.height = Infinity;
    const lineGap = o.lineGap || d._lineGap || 0;
    // As pdfkit's heightOfString: a line's height added for each line the text breaks into.
    const advance = () => {
      d.y += d.currentLineHeight(true) + lineGap;
    };
    const s = value === undefined || value === null ? '' : `${value}`;
    const context = wrapContext(f, o.width);
    const lines = wraps.get(context, s) ?? plainLines(f, s, o.width);
    if (lines) for (let i = 0; i < lines.length; i++) advance();
    else wrapAndKeep(context, s, d.x, d.y, o, advance);
    const height = d.y - y;
    d.x = x;
    d.y = y;
    return height;
  } as typeof d.heightOfString;
}

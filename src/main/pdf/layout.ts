// The one PDF layout toolkit: Letter pages, margins, the hospital letterhead, headings, label and
// value rows, and a footer with page numbers. Every document is built on these helpers.
// Documents are deterministic: the creation date is the business date, so a reprint is identical.
import PDFDocument from 'pdfkit';
import type { Hospital } from '../../shared/schemas/hospital';
import { formatShortDate, type BusinessDate } from '../../shared/dates';
import { formatCents } from '../../shared/money';
import { drawAnyScript } from './scriptText';
import { rememberPlainColors } from './plainColors';
import { replayed } from './replay';
import { rememberStandardText } from './standardText';

export type Pdf = PDFKit.PDFDocument;

export const PAGE = { width: 612, height: 792, margin: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  mono: 'Courier',
  monoBold: 'Courier-Bold',
} as const;
export const INK = { text: '#111111', muted: '#555555', rule: '#999999' } as const;

/**
 * How documents are drawn, recorded with every statement so a past one is redrawn as it was:
 * 1, Helvetica only (text outside Windows-1252 came out as garbage); 2, any script (scriptText.ts:
 * lines Helvetica cannot draw fall back to embedded Noto fonts, right-to-left text in visual
 * order). A document whose every line Helvetica draws is the same bytes in both. 3, a statement's
 * section heading goes to the next page with its table rather than stand alone at a page's foot
 * (statementPdf.ts); every other document is drawn as in 2.
 */
export type LayoutVersion = 1 | 2 | 3;
export const LAYOUT_VERSION = 3 satisfies LayoutVersion;

export interface PdfMeta {
  title: string;
  /**
   * A batch assembled from finished pages (pageCopy): no opening page, and pages written out as
   * they are added instead of kept for page numbers.
   */
  streamPages?: boolean;
  /** Content streams left uncompressed (cheaper to draw; for a document only hashed and copied). */
  uncompressed?: boolean;
  landscape?: boolean;
  /** The paper: Letter unless a wide report needs Legal (the bad-debt listing's 24 columns). */
  size?: 'LETTER' | 'LEGAL';
  /** The business date the document is dated; also its PDF creation date. */
  date: BusinessDate;
  author?: string;
  /** The drawing to use; the current one unless a recorded document is drawn again. */
  layout?: LayoutVersion;
}

export function createPdf(meta: PdfMeta): Pdf {
  const creation = new Date(`${meta.date}T12:00:00Z`);
  const doc = new PDFDocument({
    size: meta.size ?? 'LETTER',
    layout: meta.landscape ? 'landscape' : 'portrait',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: !meta.streamPages,
    autoFirstPage: !meta.streamPages,
    compress: !meta.uncompressed,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'Recoup',
      Creator: 'Recoup',
      Producer: 'Recoup',
      CreationDate: creation,
      ModDate: creation,
    },
  });
  // The regular and the bold font are numbered F1 and F2 in every document, so that finished
  // pages can be copied from one document into another (pageCopy).
  doc.font(FONT.regular).font(FONT.bold).font(FONT.regular).fontSize(10);
  rememberStandardText(doc);
  rememberPlainColors(doc);
  if ((meta.layout ?? LAYOUT_VERSION) >= 2) drawAnyScript(doc);
  if (!meta.streamPages) doc.fillColor(INK.text);
  return doc;
}

/** The width between the margins of the current page. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - 2 * PAGE.margin;
}

/** The document's bytes once it is ended (a long document writes its pages out as it goes). */
export function collectBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders the document to bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  const bytes = collectBytes(doc);
  doc.end();
  return bytes;
}

function formatPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : phone;
}

export { formatPhone };

/** The hospital's name, address and phone across the top of the first page. */
export function letterhead(doc: Pdf, hospital: Hospital): void {
  const a = hospital.address;
  doc
    .font(FONT.bold)
    .fontSize(14)
    .text(hospital.legalName, PAGE.margin, PAGE.margin, { width: contentWidth(doc) });
  doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
  doc.text([a.line1, a.line2].filter(Boolean).join(', '));
  doc.text(`${a.city}, ${a.state} ${a.zip}   ·   ${formatPhone(hospital.phone)}`);
  doc.fillColor(INK.text);
  rule(doc);
}

/**
 * The hospital's name, address and a phone line at the top left of a statement, beside the box a
 * statement puts at the top right (`width`: what the block may take of the line).
 */
export function hospitalBlock(doc: Pdf, hospital: Hospital, phoneLine: string, width: number): void {
  const a = hospital.address;
  doc.font(FONT.bold).fontSize(13).fillColor(INK.text).text(hospital.legalName, PAGE.margin, PAGE.margin, { width });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text([a.line1, a.line2].filter(Boolean).join(', '), { width });
  doc.text(`${a.city}, ${a.state} ${a.zip}`, { width });
  doc.text(phoneLine, { width });
}

export function rule(doc: Pdf, gapBefore = 8, gapAfter = 10): void {
  doc.moveDown(0);
  const y = doc.y + gapBefore;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(doc.page.width - PAGE.margin, y)
    .lineWidth(0.7)
    .strokeColor(INK.rule)
    .stroke();
  doc.y = y + gapAfter;
  doc.x = PAGE.margin;
}

export function heading(doc: Pdf, text: string, size = 16): void {
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(INK.text)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  doc.font(FONT.regular).fontSize(10);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; muted?: boolean } = {}): void {
  doc
    .font(FONT.regular)
    .fontSize(options.size ?? 10)
    .fillColor(options.muted ? INK.muted : INK.text)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.fillColor(INK.text).moveDown(0.6);
}

/** A label in the left column and its value beside it. */
/** One entry of an itemised statement of account: its date, what it is, its amount and the balance after it. */
export interface ItemisedLine {
  date: BusinessDate;
  description: string;
  /** Positive: a charge; negative: a credit. */
  amountCents: number;
  balanceCents: number;
}

/**
 * An itemised statement's tables (a court packet's, a statement of claim's): each account's entries
 * in date order with charges and credits apart and the balance after each, the account's total last
 * (`before` draws what heads each account); then the totals by kind of entry.
 */
export function itemisedTables<A extends { accountNumber: string; lines: readonly ItemisedLine[]; totalCents: number }>(
  doc: Pdf,
  accounts: readonly A[],
  summary: { rows: readonly [string, number][]; totalLabel: string; totalCents: number },
  labels: { accountTotal: string },
  before: (a: A) => void,
): void {
  const w = contentWidth(doc);
  const cols = [
    { header: 'Date', width: w * 0.14 },
    { header: 'Description', width: w * 0.41 },
    { header: 'Charge', width: w * 0.15, align: 'right' as const },
    { header: 'Credit', width: w * 0.15, align: 'right' as const },
    { header: 'Balance', width: w * 0.15, align: 'right' as const },
  ];
  for (const a of accounts) {
    before(a);
    table(
      doc,
      cols,
      a.lines.map((l) => [
        formatShortDate(l.date),
        l.description,
        l.amountCents > 0 ? formatCents(l.amountCents) : '',
        l.amountCents < 0 ? formatCents(-l.amountCents) : '',
        formatCents(l.balanceCents),
      ]),
      { totalRow: [`Account ${a.accountNumber}`, labels.accountTotal, '', '', formatCents(a.totalCents)] },
    );
  }
  if (doc.y > doc.page.height - PAGE.margin - 200) doc.addPage();
  heading(doc, 'Summary', 12);
  table(
    doc,
    [
      { header: 'Kind of entry', width: w * 0.7 },
      { header: 'Total', width: w * 0.3, align: 'right' },
    ],
    summary.rows.map(([label, cents]) => [label, formatCents(cents)]),
    { totalRow: [summary.totalLabel, formatCents(summary.totalCents)], fontSize: 10 },
  );
}

/**
 * A conspicuous notice (ECA-06: the financial-assistance notice on a letter): a ruled box the width
 * of the page with its own heading and the text inside; the page goes on below it.
 */
export function ruledBox(doc: Pdf, title: string, text: string): void {
  const w = contentWidth(doc);
  const top = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text(title, PAGE.margin + 10, top + 8, { width: w - 20 });
  doc.moveDown(0.2);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text(text, PAGE.margin + 10, doc.y, { width: w - 20, lineGap: 2 });
  const bottom = doc.y + 8;
  doc
    .rect(PAGE.margin, top, w, bottom - top)
    .lineWidth(1.2)
    .strokeColor(INK.text)
    .stroke();
  doc.x = PAGE.margin;
  doc.y = bottom + 12;
}

export function labelValue(doc: Pdf, label: string, value: string, labelWidth = 150): void {
  const y = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .text(label, PAGE.margin, y, { width: labelWidth - 8 });
  const afterLabel = doc.y;
  doc.font(FONT.regular).text(value, PAGE.margin + labelWidth, y, { width: contentWidth(doc) - labelWidth });
  doc.y = Math.max(afterLabel, doc.y) + 3;
  doc.x = PAGE.margin;
}

/**
 * A statement's line of small print at the foot of each page from `first` to the last (whose it is,
 * which page: a batch's pages can be put back together); call last. `line` is given the page's
 * number from `first` and how many there are.
 */
export function statementFooters(doc: Pdf, first: number, line: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const pages = last - first + 1;
  for (let i = first; i <= last; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(INK.muted)
      .text(line(i - first + 1, pages), PAGE.margin, doc.page.height - PAGE.margin + 22, { lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.fillColor(INK.text);
}

/** "Page n of m" and a line of small print on every page; call last. */
export function footer(
  doc: Pdf,
  text: string | ((pageIndex: number) => string),
  // LANG-01: a patient document says "Page n of m" in its language (a batch, page by page).
  pageOf: (page: number, pages: number, pageIndex: number) => string = (page, pages) => `Page ${page} of ${pages}`,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - PAGE.margin + 16;
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor(INK.muted);
    doc.text(typeof text === 'string' ? text : text(i), PAGE.margin, y, {
      width: contentWidth(doc) - 80,
      lineBreak: false,
    });
    doc.text(pageOf(i - range.start + 1, range.count, i), doc.page.width - PAGE.margin - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor(INK.text);
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * The height a cell's text takes at `width`: one line when it plainly fits (measured without
 * wrapping, which is most cells and much cheaper), otherwise what the line wrapper says. Gives
 * exactly what `heightOfString` gives, so documents come out the same byte for byte.
 */
export function cellHeight(doc: Pdf, text: string, width: number): number {
  if (text !== '' && !text.includes('\n') && doc.widthOfString(text) < width - 1) return doc.currentLineHeight(true);
  return doc.heightOfString(text, { width });
}

/**
 * Text in a box `width` wide at (x, y): a line that plainly fits is placed directly (aligned by
 * its measured width) instead of going through the line wrapper, which is most of pdfkit's cost
 * in a table; anything longer wraps as usual. Leaves doc.y alone for the caller to set.
 */
export function boxText(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'right' | 'center' = 'left',
): void {
  if (text === '') return;
  if (!text.includes('\n')) {
    const w = doc.widthOfString(text);
    if (w < width - 1) {
      const trimmed = text.trimEnd();
      const dx =
        align === 'right'
          ? width - (trimmed === text ? w : doc.widthOfString(trimmed))
          : align === 'center'
            ? (width - w) / 2
            : 0;
      doc.text(text, x + dx, y, { lineBreak: false });
      return;
    }
  }
  doc.text(text, x, y, { width, align });
}

/**
 * A document's facts box's rows (statement date, amount due, pay by…): each label muted on the left
 * half, its value bold and right-aligned on the right half, 15 points apart from `y`.
 */
export function factRows(
  doc: Pdf,
  facts: readonly (readonly [string, string])[],
  boxX: number,
  boxW: number,
  y: number,
): void {
  for (const [label, value] of facts) {
    doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
    boxText(doc, label, boxX + 8, y, boxW / 2);
    doc.font(FONT.bold).fontSize(9).fillColor(INK.text);
    boxText(doc, value, boxX + boxW / 2, y, boxW / 2 - 8, 'right');
    y += 15;
  }
}

/** The lowest a table's row may reach on the page: its own bottom margin (a statement keeps room for its stub). */
function tableFoot(doc: Pdf): number {
  return doc.page.height - Math.max(doc.page.margins.bottom, PAGE.margin + 20);
}

/**
 * Whether a table's header row and first row (what `table` keeps together), set at `y` (after
 * `above` points of something kept with them), would reach below the page's foot; measured as the
 * table draws them, and leaving the table's bold font set. The sum is taken in the order `table`
 * always took it (the figures are not integers: another order may differ at the very edge, and a
 * recorded document must break where it broke).
 */
export function tableStartsTooLow(
  doc: Pdf,
  y: number,
  columns: Column[],
  rows: string[][],
  options: { fontSize?: number } = {},
  above = 0,
): boolean {
  const padding = 3;
  doc.font(FONT.bold).fontSize(options.fontSize ?? 9);
  const firstRowHeight = rows[0]
    ? Math.max(...rows[0].map((c, i) => cellHeight(doc, c, columns[i]!.width - 2 * padding))) + 2 * padding
    : 0;
  const headerHeight = Math.max(...columns.map((c) => cellHeight(doc, c.header, c.width - 2 * padding))) + 2 * padding;
  return (above === 0 ? y : y + above) + headerHeight + firstRowHeight > tableFoot(doc);
}

/**
 * A table with a header row repeated on each page, light rules between rows, and an optional
 * bold total row. Widths are in points and should add up to the content width.
 */
export function table(
  doc: Pdf,
  columns: Column[],
  rows: string[][],
  options: { totalRow?: string[]; fontSize?: number } = {},
): void {
  const size = options.fontSize ?? 9;
  const padding = 3;
  const drawRow = (cells: string[], bold: boolean, shaded: boolean) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
    const heights = cells.map((c, i) => cellHeight(doc, c, columns[i]!.width - 2 * padding));
    const h = Math.max(...heights, size) + 2 * padding;
    // Respect the page's own bottom margin (a statement keeps room for its remittance stub).
    if (doc.y + h > tableFoot(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    const width = columns.reduce((sum, c) => sum + c.width, 0);
    if (shaded) doc.rect(PAGE.margin, y, width, h).fillColor('#eeeeee').fill();
    doc.fillColor(INK.text);
    let x = PAGE.margin;
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
      boxText(doc, c, x + padding, y + padding, col.width - 2 * padding, col.align ?? 'left');
      x += col.width;
    });
    doc
      .moveTo(PAGE.margin, y + h)
      .lineTo(PAGE.margin + width, y + h)
      .lineWidth(0.4)
      .strokeColor('#cccccc')
      .stroke();
    doc.y = y + h;
    doc.x = PAGE.margin;
  };
  // The header row is the same wherever the table stands at the same place (replay.ts: a
  // statement's tables are drawn by the tens of thousands).
  const drawHeader = () =>
    replayed(doc, JSON.stringify(['table', size, columns]), () =>
      drawRow(
        columns.map((c) => c.header),
        true,
        true,
      ),
    );
  // Keep the header with the first row: start on a new page if both do not fit.
  if (tableStartsTooLow(doc, doc.y, columns, rows, options)) doc.addPage();
  drawHeader();
  for (const r of rows) drawRow(r, false, false);
  if (options.totalRow) drawRow(options.totalRow, true, false);
  doc.moveDown(0.5);
}

// The Exhibit 2A bad-debt listing (BD-14, rules §1.2) as a landscape PDF a cost-report reviewer
// reads: Legal paper turned sideways (24 columns need its 14 inches; on Letter the dates and the
// amounts alone would fill the line), half-inch margins. The first page carries the header the
// exhibit asks for (provider, CCN, subprovider CCN, period, inpatient or outpatient, preparer,
// date, total allowable, total dual-eligible) and a legend naming each numbered column in full
// (EXHIBIT_2A_COLUMNS); every page repeats the numbered column headings with short names and a
// running head; the last line is the totals; "Page x of y" on each. Names in any script print
// (the toolkit's font fallback, scriptText.ts).
//
// It is drawn for listings of tens of thousands of lines: each cell that fits on its line is
// placed directly (measured once, no line wrapper), the rest wrap; rows are shaded
// alternately so a reviewer's eye stays on one line across the page.
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { EXHIBIT_2A_COLUMNS, type ListingLine } from '../../../shared/rules/badDebt';
import type { ListingView } from '../../../shared/schemas/badDebt';
import { createPdf, FONT, INK, pdfBytes, type Pdf } from '../../pdf/layout';
import { standardFontDraws } from '../../pdf/scriptText';

/** Half an inch: the listing needs the width. */
const MARGIN = 36;
const BODY_SIZE = 6.5;
const HEAD_SIZE = 6;
const PAD = 1.5;
/** Above and below a row's text. */
const VPAD = 2.5;

type Col = (typeof EXHIBIT_2A_COLUMNS)[number][0];

/** Each column's short heading (the legend gives the full name) and its share of the width, in points. */
const LAYOUT: Record<Col, { short: string; width: number; align?: 'right' | 'center' }> = {
  '1': { short: 'Last name', width: 48 },
  '2': { short: 'First name', width: 41 },
  '3': { short: 'Service from', width: 38 },
  '4': { short: 'Service to', width: 38 },
  '5': { short: 'Account no.', width: 40 },
  '6': { short: 'MBI / HICN', width: 51 },
  '7': { short: 'Medicaid no.', width: 42 },
  '8': { short: 'Y/N', width: 16, align: 'center' },
  '9': { short: 'Medicare RA', width: 38 },
  '10': { short: 'Medicaid RA', width: 38 },
  '11': { short: 'Secondary RA', width: 38 },
  '12': { short: 'Benef. resp.', width: 37, align: 'right' },
  '13': { short: 'First bill', width: 38 },
  '14': { short: 'A/R write-off', width: 38 },
  '15a': { short: 'Y/N', width: 16, align: 'center' },
  '15': { short: 'Back from agency', width: 38 },
  '16': { short: 'Effort ceased', width: 38 },
  '17': { short: 'Medicare write-off', width: 38 },
  '18': { short: 'Recoveries', width: 37, align: 'right' },
  '19': { short: 'Recovery FYE', width: 38 },
  '20': { short: 'Deductible', width: 37, align: 'right' },
  '21': { short: 'Coinsurance', width: 37, align: 'right' },
  '22': { short: 'Paid prior', width: 37, align: 'right' },
  '23': { short: 'Allowable', width: 39, align: 'right' },
  '24': { short: 'Comments', width: 0 }, // the rest of the line
};

// --- placing a row's cells quickly
//
// pdfkit's text() costs some 10 µs a call (options, the line machinery, a save and a transform for
// every fragment); a listing of 20,000 lines has half a million cells. A cell Helvetica draws and
// that fits its column is written here as pdfkit itself writes a fragment (the font's own encoding
// and kerning, the same operators), all the row's such cells inside one text object. Anything else
// (a name in another script, a cell that wraps) goes through doc.text and the toolkit's fallback.

interface FontInternals {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}
interface DocInternals {
  _font: FontInternals;
  _fontSize: number;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string): unknown;
}

const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A cell ready to place: Helvetica's encoding and the width it takes, or null when Helvetica cannot draw it. */
interface Encoded {
  /** The text-showing operator, as pdfkit writes it: the glyphs' codes with the kerning between them. */
  tj: string;
  width: number;
}

/** pdfkit's TJ for encoded glyphs: runs of codes, each followed by the kerning after its last glyph. */
function showText(hex: string[], positions: { xAdvance: number; advanceWidth: number }[]): string {
  const commands: string[] = [];
  let last = 0;
  const segment = (cur: number) => {
    if (last < cur) {
      const p = positions[cur - 1]!;
      commands.push(`<${hex.slice(last, cur).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = cur;
  };
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
  }
  segment(positions.length);
  return `[${commands.join(' ')}] TJ`;
}

/**
 * A listing repeats most of its cells (dates, amounts, Y and N): each is encoded once per font
 * and size. The cache belongs to one drawing.
 */
type EncodeCache = Map<string, Encoded | null>;

function encodeCell(doc: Pdf, text: string, cache: EncodeCache): Encoded | null {
  const d = doc as unknown as DocInternals;
  const key = `${d._font.id}|${d._fontSize}|${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let e: Encoded | null = null;
  if (standardFontDraws(text) && !text.includes('\n')) {
    const [hex, positions] = d._font.encode(text);
    let units = 0;
    for (const p of positions) units += p.xAdvance;
    e = { tj: showText(hex, positions), width: (units * d._fontSize) / 1000 };
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(key, e);
  return e;
}

/** Writes encoded cells (x, top of the line) in one text object, as pdfkit's _fragment writes each. */
function writeCells(doc: Pdf, cells: { e: Encoded; x: number; y: number }[]): void {
  if (cells.length === 0) return;
  const d = doc as unknown as DocInternals;
  const font = d._font;
  const size = d._fontSize;
  if (d.page.fonts[font.id] === undefined) d.page.fonts[font.id] = font.ref();
  const dy = (font.ascender / 1000) * size;
  const out: string[] = ['q', `1 0 0 -1 0 ${num(d.page.height)} cm`, 'BT', `/${font.id} ${num(size)} Tf`];
  for (const { e, x, y } of cells) {
    out.push(`1 0 0 1 ${num(x)} ${num(d.page.height - y - dy)} Tm`, e.tj);
  }
  out.push('ET', 'Q');
  d.addContent(out.join('\n'));
}

const d = (date: string | null): string => (date === null ? '' : formatShortDate(date));
const yn = (b: boolean): string => (b ? 'Y' : 'N');

/** A line's 24 cells, in the exhibit's order (15a before 15). */
export function listingCells(l: ListingLine): string[] {
  return [
    l.lastName,
    l.firstName,
    d(l.serviceFrom),
    d(l.serviceTo),
    l.accountNumber,
    l.mbi,
    l.medicaidNumber,
    yn(l.indigentNonDual),
    d(l.medicareRaDate),
    l.medicaidRaDate === 'AD' ? 'AD' : d(l.medicaidRaDate),
    d(l.secondaryRaDate),
    l.qmb ? 'QMB' : formatCents(l.beneficiaryResponsibilityCents),
    d(l.firstBillDate),
    d(l.arWriteOffDate),
    yn(l.sentToAgency),
    d(l.agencyReturnDate),
    d(l.ceasedOn),
    d(l.medicareWriteOffDate),
    l.recoveriesCents === 0 && l.kind === 'writeoff' ? '' : formatCents(l.recoveriesCents),
    d(l.recoveryFye),
    formatCents(l.deductibleCents),
    formatCents(l.coinsuranceCents),
    formatCents(l.paidPriorCents),
    formatCents(l.allowableCents),
    l.comments,
  ];
}

interface Geometry {
  x: number[];
  widths: number[];
  aligns: ('left' | 'right' | 'center')[];
  tableWidth: number;
}

function geometry(doc: Pdf): Geometry {
  const full = doc.page.width - 2 * MARGIN;
  const fixed = EXHIBIT_2A_COLUMNS.reduce((s, [n]) => s + LAYOUT[n].width, 0);
  const widths = EXHIBIT_2A_COLUMNS.map(([n]) => LAYOUT[n].width || full - fixed);
  const x: number[] = [];
  let at = MARGIN;
  for (const w of widths) {
    x.push(at);
    at += w;
  }
  return { x, widths, aligns: EXHIBIT_2A_COLUMNS.map(([n]) => LAYOUT[n].align ?? 'left'), tableWidth: full };
}

function setting(view: ListingView): string {
  return view.header.setting === 'inpatient' ? 'Inpatient' : 'Outpatient';
}

function period(view: ListingView): string {
  return `${formatShortDate(view.header.periodFrom)} – ${formatShortDate(view.header.periodTo)}`;
}

/** The header Exhibit 2A asks for, in three columns of label and value. */
function headerBlock(doc: Pdf, view: ListingView): void {
  const h = view.header;
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font(FONT.bold)
    .fontSize(14)
    .fillColor(INK.text)
    .text('Medicare bad debt listing (Exhibit 2A)', MARGIN, MARGIN, { width });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(INK.muted)
    .text(
      `${setting(view)} listing for the cost-reporting period ${formatLongDate(h.periodFrom)} to ${formatLongDate(h.periodTo)} (CMS-2552-10, PRM-II §4004.2; 42 CFR 413.89 and 413.24(f)(5)).`,
      MARGIN,
      doc.y + 2,
      { width },
    );
  doc.fillColor(INK.text);
  const top = doc.y + 8;
  const duals = view.lines.filter((l) => l.medicaidNumber !== '').length;
  const recoveries = view.lines.filter((l) => l.kind === 'recovery').length;
  const fields: [string, string][][] = [
    [
      ['Provider', h.providerName],
      ['CCN', h.ccn],
      ['Subprovider CCN', h.subproviderCcn || 'None'],
    ],
    [
      ['Cost-reporting period', period(view)],
      ['Inpatient or outpatient', setting(view)],
      [
        'Lines',
        recoveries === 0
          ? view.lines.length.toLocaleString('en-US')
          : `${view.lines.length.toLocaleString('en-US')} (${plural(recoveries, 'recovery line', 'recovery lines')})`,
      ],
    ],
    [
      ['Prepared by', h.preparer],
      ['Date prepared', formatShortDate(h.preparedOn)],
      ['Total allowable bad debt (col. 23)', formatCents(h.totalAllowableCents)],
      [`Total dual eligible (col. 23, ${plural(duals, 'line', 'lines')})`, formatCents(h.totalDualCents)],
    ],
  ];
  const colWidth = width / 3;
  const labelWidths = [80, 120, 175];
  let bottom = top;
  fields.forEach((group, i) => {
    let y = top;
    const x = MARGIN + i * colWidth;
    const lw = labelWidths[i]!;
    for (const [label, value] of group) {
      doc
        .font(FONT.bold)
        .fontSize(8.5)
        .text(label, x, y, { width: lw - 4 });
      const labelBottom = doc.y;
      doc.font(FONT.regular).text(value, x + lw, y, { width: colWidth - lw - 12 });
      y = Math.max(labelBottom, doc.y) + 3;
    }
    bottom = Math.max(bottom, y);
  });
  doc.y = bottom + 4;
  hRule(doc, doc.y, width, 0.7);
  doc.y += 6;
}

/** The legend: each column's number and full name, in six columns. */
function legend(doc: Pdf): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font(FONT.bold).fontSize(8).text('Columns', MARGIN, doc.y, { width });
  const top = doc.y + 2;
  const perColumn = Math.ceil(EXHIBIT_2A_COLUMNS.length / 5);
  const colWidth = width / 5;
  let bottom = top;
  EXHIBIT_2A_COLUMNS.forEach(([n, name], i) => {
    const x = MARGIN + Math.floor(i / perColumn) * colWidth;
    const y = top + (i % perColumn) * 9.5;
    doc.font(FONT.bold).fontSize(7.5).text(n, x, y, { lineBreak: false });
    doc.font(FONT.regular).text(name, x + 18, y, { lineBreak: false });
    bottom = Math.max(bottom, y + 9.5);
  });
  doc.y = bottom + 8;
}

function hRule(doc: Pdf, y: number, width: number, lineWidth: number, color: string = INK.rule): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke();
}

/** The numbered headings, repeated on every page, centred over their columns; returns where the rows start. */
function columnHeadings(doc: Pdf, g: Geometry, y: number, height: number): number {
  doc.rect(MARGIN, y, g.tableWidth, height).fillColor('#e4e4e4').fill();
  doc.fillColor(INK.text);
  EXHIBIT_2A_COLUMNS.forEach(([n], i) => {
    const w = g.widths[i]! - 2 * PAD;
    doc
      .font(FONT.bold)
      .fontSize(7.5)
      .text(n, g.x[i]! + PAD, y + PAD + 1, { width: w, align: 'center', lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(HEAD_SIZE)
      .text(LAYOUT[n].short, g.x[i]! + PAD, y + PAD + 10, { width: w, align: 'center' });
  });
  hRule(doc, y + height, g.tableWidth, 0.8, INK.text);
  return y + height;
}

/** Light lines between the columns, from the headings to the last row on the page. */
function columnRules(doc: Pdf, g: Geometry, top: number, bottom: number): void {
  doc.lineWidth(0.3).strokeColor('#b8b8b8');
  for (let i = 1; i < g.x.length; i++) doc.moveTo(g.x[i]!, top).lineTo(g.x[i]!, bottom);
  doc.moveTo(MARGIN, top).lineTo(MARGIN, bottom);
  doc.moveTo(MARGIN + g.tableWidth, top).lineTo(MARGIN + g.tableWidth, bottom);
  doc.stroke();
}

function headingsHeight(doc: Pdf, g: Geometry): number {
  doc.font(FONT.regular).fontSize(HEAD_SIZE);
  const tallest = Math.max(
    ...EXHIBIT_2A_COLUMNS.map(([n], i) => doc.heightOfString(LAYOUT[n].short, { width: g.widths[i]! - 2 * PAD })),
  );
  return PAD + 10 + tallest + PAD + 1;
}

function runningHead(doc: Pdf, view: ListingView): void {
  const h = view.header;
  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor(INK.muted)
    .text(
      `Exhibit 2A · ${h.providerName} · CCN ${h.ccn}${h.subproviderCcn ? ` (subprovider ${h.subproviderCcn})` : ''} · ${setting(view)} · ${period(view)}`,
      MARGIN,
      MARGIN - 14,
      { width: doc.page.width - 2 * MARGIN, lineBreak: false },
    );
  doc.fillColor(INK.text);
}

/**
 * Draws the listing. ListingView is the one the export handler builds; the PDF prints its lines
 * and header as they are (the problems stop the export before it gets here).
 */
export async function drawListingPdf(view: ListingView): Promise<Buffer> {
  const h = view.header;
  const doc = createPdf({
    title: `Medicare bad debt listing, CCN ${h.ccn}, ${setting(view).toLowerCase()}, ${h.periodFrom} to ${h.periodTo}`,
    date: h.preparedOn,
    author: h.preparer,
    landscape: true,
    size: 'LEGAL',
  });
  const margins = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
  doc.page.margins = { ...margins };
  (doc as unknown as { options: { margins: typeof margins } }).options.margins = margins;

  const g = geometry(doc);
  const bottomLimit = doc.page.height - MARGIN - 12; // room for the footer
  headerBlock(doc, view);
  legend(doc);
  const headHeight = headingsHeight(doc, g);
  let y = columnHeadings(doc, g, doc.y, headHeight);

  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  let pageTop = y - headHeight;
  const cache: EncodeCache = new Map();
  const encoded = new Array<Encoded | null>(EXHIBIT_2A_COLUMNS.length);
  const widths = new Array<number>(EXHIBIT_2A_COLUMNS.length);
  const drawRow = (cells: string[], bold: boolean, shaded: boolean) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(BODY_SIZE);
    // Each cell is measured once: most fit their column on one line and are placed directly;
    // only those that do not go through the line wrapper.
    let lines = 1;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const e = c === '' ? null : encodeCell(doc, c, cache);
      encoded[i] = e;
      const w = c === '' ? 0 : e ? e.width : doc.widthOfString(c);
      widths[i] = w;
      const room = g.widths[i]! - 2 * PAD;
      if (w >= room - 1) lines = Math.max(lines, Math.round(doc.heightOfString(c, { width: room }) / lineHeight));
    }
    const rowHeight = lines * lineHeight + 2 * VPAD;
    if (y + rowHeight > bottomLimit) {
      columnRules(doc, g, pageTop, y);
      doc.addPage();
      runningHead(doc, view);
      pageTop = MARGIN;
      y = columnHeadings(doc, g, MARGIN, headHeight);
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(BODY_SIZE);
    }
    if (shaded) doc.rect(MARGIN, y, g.tableWidth, rowHeight).fillColor('#f0f0f0').fill();
    doc.fillColor(INK.text);
    const fast: { e: Encoded; x: number; y: number }[] = [];
    const slow: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === '') continue;
      const room = g.widths[i]! - 2 * PAD;
      const w = widths[i]!;
      const e = encoded[i];
      if (e && w < room - 1) {
        const align = g.aligns[i]!;
        const dx = align === 'right' ? room - w : align === 'center' ? (room - w) / 2 : 0;
        fast.push({ e, x: g.x[i]! + PAD + dx, y: y + VPAD });
      } else slow.push(i);
    }
    writeCells(doc, fast);
    for (const i of slow) {
      const room = g.widths[i]! - 2 * PAD;
      if (widths[i]! < room - 1) {
        const align = g.aligns[i]!;
        const dx = align === 'right' ? room - widths[i]! : align === 'center' ? (room - widths[i]!) / 2 : 0;
        doc.text(cells[i]!, g.x[i]! + PAD + dx, y + VPAD, { lineBreak: false });
      } else doc.text(cells[i]!, g.x[i]! + PAD, y + VPAD, { width: room, align: g.aligns[i]! });
    }
    y += rowHeight;
  };

  view.lines.forEach((l, i) => drawRow(listingCells(l), false, i % 2 === 1));

  // The table ends; the totals follow in cells wide enough for any sum (a 20,000-line listing's
  // total does not fit a line's column), each under its column's number.
  columnRules(doc, g, pageTop, y);
  hRule(doc, y, g.tableWidth, 0.8, INK.text);
  const sum = (f: (l: ListingLine) => number) => view.lines.reduce((s, l) => s + f(l), 0);
  const totals: [string, string, string][] = [
    ['18', 'Recoveries', formatCents(sum((l) => l.recoveriesCents))],
    ['20', 'Deductible', formatCents(sum((l) => l.deductibleCents))],
    ['21', 'Coinsurance', formatCents(sum((l) => l.coinsuranceCents))],
    ['22', 'Amounts paid prior', formatCents(sum((l) => l.paidPriorCents))],
    ['23', 'Allowable Medicare bad debt', formatCents(h.totalAllowableCents)],
    ['23', 'Of which dual eligible', formatCents(h.totalDualCents)],
  ];
  const boxHeight = 44;
  if (y + 10 + boxHeight > bottomLimit) {
    doc.addPage();
    runningHead(doc, view);
    y = MARGIN;
  } else y += 10;
  const cellWidth = 132;
  const startX = MARGIN + g.tableWidth - totals.length * cellWidth;
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(INK.text)
    .text(`Totals of ${plural(view.lines.length, 'line', 'lines')}`, MARGIN, y + 18, { lineBreak: false });
  totals.forEach(([n, label, value], i) => {
    const x = startX + i * cellWidth;
    doc.rect(x, y, cellWidth, 16).fillColor('#e4e4e4').fill();
    doc.fillColor(INK.text);
    doc
      .font(FONT.bold)
      .fontSize(7.5)
      .text(`${n}  `, x + 4, y + 4.5, { continued: true, lineBreak: false })
      .font(FONT.regular)
      .text(label, { lineBreak: false });
    doc
      .font(FONT.bold)
      .fontSize(10)
      .text(value, x + 4, y + 22, { width: cellWidth - 8, align: 'right', lineBreak: false });
  });
  doc
    .rect(startX, y, totals.length * cellWidth, boxHeight - 6)
    .lineWidth(0.6)
    .strokeColor(INK.rule)
    .stroke();
  for (let i = 1; i < totals.length; i++)
    doc
      .moveTo(startX + i * cellWidth, y)
      .lineTo(startX + i * cellWidth, y + boxHeight - 6)
      .stroke();
  y += boxHeight;
  if (view.lines.length === 0) {
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(INK.muted)
      .text('No write-off or recovery falls in this period for this CCN and setting.', MARGIN, y + 6);
    doc.fillColor(INK.text);
  }

  // Page x of y, and what the document is, on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const fy = doc.page.height - MARGIN + 8;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor(INK.muted);
    doc.text(
      `Confidential · Medicare bad debt listing, CCN ${h.ccn}, ${setting(view).toLowerCase()}, ${period(view)} · prepared by ${h.preparer} on ${formatShortDate(h.preparedOn)}`,
      MARGIN,
      fy,
      { lineBreak: false },
    );
    const label = `Page ${i - range.start + 1} of ${range.count}`;
    doc.text(label, doc.page.width - MARGIN - doc.widthOfString(label), fy, { lineBreak: false });
  }
  doc.fillColor(INK.text);
  return pdfBytes(doc);
}

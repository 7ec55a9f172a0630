// What the three OB documents (the agreement, the monthly OB statement, the true-up letter) draw
// alike, on the one PDF layout toolkit (src/main/pdf): section headings kept with what they head,
// paragraphs never split across pages, boxed fields as a form has them, the estimate with its
// arithmetic (each step from the rule's data, in words: obTexts estimateLines), the schedule, the
// EMTALA sentence and the financial-assistance notice (ECA-06: the monthly statement's own words).
import type { EstimateStep, InstallmentState, ObInstallment } from '../../../shared/rules/obstetrics';
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import {
  ESTIMATE_OP_SIGNS,
  OB_COMMON_TEXTS,
  estimateLines,
  installmentStateText,
  obEmtalaSentence,
} from '../../../shared/wording/obTexts';
import { STATEMENT_TEXTS } from '../../../shared/wording/statementTexts';
import { contentWidth, FONT, formatPhone, INK, PAGE, ruledBox, table, type Pdf } from '../../pdf/layout';

export const BODY = 9.5;
export const SMALL = 8.5;

/** The page's usable bottom (a page may keep room at its foot). */
function bottomOf(doc: Pdf): number {
  return doc.page.height - Math.max(doc.page.margins.bottom, PAGE.margin);
}

/** A section's heading, kept on one page with the `keepWith` points below it. */
export function section(doc: Pdf, title: string, keepWith = 60): void {
  if (doc.y + 24 + keepWith > bottomOf(doc)) doc.addPage();
  doc.moveDown(0.5);
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text(title, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.25);
  doc.font(FONT.regular).fontSize(BODY);
}

/** A paragraph, never split across pages. */
export function para(doc: Pdf, text: string, o: { size?: number; muted?: boolean; bold?: boolean } = {}): void {
  const w = contentWidth(doc);
  doc
    .font(o.bold ? FONT.bold : FONT.regular)
    .fontSize(o.size ?? BODY)
    .fillColor(o.muted ? INK.muted : INK.text);
  if (doc.y + doc.heightOfString(text, { width: w, lineGap: 1.5 }) > bottomOf(doc)) doc.addPage();
  doc.text(text, PAGE.margin, doc.y, { width: w, lineGap: 1.5 });
  doc.font(FONT.regular).fillColor(INK.text).moveDown(0.45);
}

/** The estimate table's height, header and total included: a section keeps it whole on one page. */
export function estimateTableHeight(doc: Pdf, lang: DocumentLanguage, steps: readonly EstimateStep[]): number {
  const w = contentWidth(doc);
  doc.font(FONT.regular).fontSize(BODY);
  const rows = estimateLines(lang, steps).map((l) =>
    Math.max(doc.heightOfString(l.text, { width: w * 0.74 - 6 }), BODY),
  );
  // The table breaks 20 points above the page's usual bottom (layout.table): that room too.
  return rows.reduce((a, h) => a + h + 6, 0) + BODY + 6 + 8 + 20;
}

/** The estimate, step by step: what each figure is, how it joins the sum (+, –, =), the figure; the share last, bold. */
export function estimateTable(doc: Pdf, lang: DocumentLanguage, steps: readonly EstimateStep[]): void {
  const w = contentWidth(doc);
  const lines = estimateLines(lang, steps);
  const share = lines[lines.length - 1]!;
  const c = wordingFor(lang, OB_COMMON_TEXTS);
  table(
    doc,
    [
      { header: c.say('colStep'), width: w * 0.74 },
      { header: '', width: w * 0.05, align: 'center' },
      { header: c.say('colAmount'), width: w * 0.21, align: 'right' },
    ],
    lines.slice(0, -1).map((l) => [l.text, ESTIMATE_OP_SIGNS[l.op], l.amount ?? '']),
    { totalRow: [share.text, ESTIMATE_OP_SIGNS[share.op], share.amount ?? ''], fontSize: BODY },
  );
}

export interface ScheduleRow extends ObInstallment {
  /** With progress (the OB statement): what the deposits cover of it, and its state. */
  coveredCents?: number;
  state?: InstallmentState;
}

/** The payments before delivery: number, due date, amount (and, on a statement, what was received and the state). */
export function scheduleTable(
  doc: Pdf,
  lang: DocumentLanguage,
  rows: readonly ScheduleRow[],
  totalCents: number,
): void {
  const w = contentWidth(doc);
  const c = wordingFor(lang, OB_COMMON_TEXTS);
  const withProgress = rows.some((r) => r.state !== undefined);
  const columns = withProgress
    ? [
        { header: c.say('colPayment'), width: w * 0.18 },
        { header: c.say('colDue'), width: w * 0.24 },
        { header: c.say('colAmount'), width: w * 0.18, align: 'right' as const },
        { header: c.say('colReceived'), width: w * 0.18, align: 'right' as const },
        { header: c.say('colState'), width: w * 0.22 },
      ]
    : [
        { header: c.say('colPayment'), width: w * 0.3 },
        { header: c.say('colDue'), width: w * 0.4 },
        { header: c.say('colAmount'), width: w * 0.3, align: 'right' as const },
      ];
  table(
    doc,
    columns,
    rows.map((r) => {
      const base = [c.say('paymentNumber', { number: r.seq }), c.longDate(r.dueDate), c.money(r.amountCents)];
      return withProgress
        ? [...base, c.money(r.coveredCents ?? 0), r.state ? installmentStateText(lang, r.state) : '']
        : base;
    }),
    {
      totalRow: withProgress
        ? [c.say('scheduleTotal'), '', c.money(totalCents), '', '']
        : [c.say('scheduleTotal'), '', c.money(totalCents)],
      fontSize: BODY,
    },
  );
}

/** PP-04 / EMTALA: the sentence, plainly, in a ruled box of its own. */
export function emtalaBox(doc: Pdf, lang: DocumentLanguage): void {
  const title = wordingFor(lang, OB_COMMON_TEXTS).say('emtalaHeading');
  keepBox(doc, title, obEmtalaSentence(lang));
  ruledBox(doc, title, obEmtalaSentence(lang));
}

/** ECA-06: the monthly statement's financial-assistance notice, with the hospital's phone and URL. */
export function assistanceBox(doc: Pdf, lang: DocumentLanguage, h: Hospital, extra = ''): void {
  const t = wordingFor(lang, STATEMENT_TEXTS);
  const text = [
    t.say('assistanceBody', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }),
    extra,
  ]
    .filter(Boolean)
    .join(' ');
  keepBox(doc, t.say('assistanceTitle'), text);
  ruledBox(doc, t.say('assistanceTitle'), text);
}

/** A ruled box starts the next page when it does not fit whole on this one. */
function keepBox(doc: Pdf, title: string, text: string): void {
  const w = contentWidth(doc) - 20;
  doc.font(FONT.bold).fontSize(11);
  let h = doc.heightOfString(title, { width: w });
  doc.font(FONT.regular).fontSize(10);
  h += doc.heightOfString(text, { width: w, lineGap: 2 }) + 30;
  if (doc.y + h > bottomOf(doc)) doc.addPage();
}

/** A line "label ........ value" across the page (the true-up's figures). */
export function figureLine(doc: Pdf, label: string, value: string, o: { bold?: boolean; note?: string } = {}): void {
  const w = contentWidth(doc);
  const valueWidth = 120;
  doc.font(o.bold ? FONT.bold : FONT.regular).fontSize(10.5);
  const h = Math.max(doc.heightOfString(label, { width: w - valueWidth - 10 }), doc.currentLineHeight(true));
  if (doc.y + h + 14 > bottomOf(doc)) doc.addPage();
  const y = doc.y;
  doc.fillColor(INK.text).text(label, PAGE.margin, y, { width: w - valueWidth - 10 });
  const after = doc.y;
  doc.text(value, PAGE.margin + w - valueWidth, y, { width: valueWidth, align: 'right' });
  doc.y = Math.max(after, doc.y);
  if (o.note) {
    doc
      .font(FONT.regular)
      .fontSize(SMALL)
      .fillColor(INK.muted)
      .text(o.note, PAGE.margin + 12, doc.y + 1, { width: w - valueWidth - 22 });
    doc.fillColor(INK.text);
  }
  const ruleY = doc.y + 4;
  doc
    .moveTo(PAGE.margin, ruleY)
    .lineTo(PAGE.margin + w, ruleY)
    .lineWidth(0.4)
    .strokeColor('#cccccc')
    .stroke();
  doc.x = PAGE.margin;
  doc.y = ruleY + 6;
}

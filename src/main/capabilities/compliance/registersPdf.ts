// The month's 501(r) compliance registers as one landscape PDF for an auditor: statements and
// final notices sent (with each account's step), every ECA attempt allowed or refused with the
// clock's reasons, every hold placed or released by staff, and the financial-assistance applications
// and decisions that suspend and resume collection actions (ECA-05, ST-03).
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { ECA_KIND_LABELS, type EcaKind } from '../../../shared/rules/ecaClock';
import { HOLD_REASON_LABELS, type HoldReason } from '../../../shared/rules/statementCycle';
import { FAP_STATUS_LABELS } from '../../../shared/schemas/accounts';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { MonthlyRegisters } from '../../../shared/schemas/registers';
import { contentWidth, createPdf, FONT, footer, INK, PAGE, pdfBytes, table, type Pdf } from '../../pdf/layout';

export function monthLabel(month: string): string {
  return formatLongDate(`${month}-01`).replace(/ 1, /, ' ');
}

function heading(doc: Pdf, title: string, count: number): void {
  if (doc.y > doc.page.height - PAGE.margin - 90) doc.addPage();
  doc.moveDown(0.8);
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK.text)
    .text(`${title} (${count.toLocaleString('en-US')})`, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

interface RegisterSpec<T> {
  title: string;
  empty: string;
  rows: T[];
  /** Widths as fractions of the page's content width. */
  columns: { header: string; width: number; align?: 'right'; cell: (row: T) => string }[];
}

/** One register: its heading with the count, then its rows, or a line saying there were none. */
function register<T>(doc: Pdf, spec: RegisterSpec<T>): void {
  heading(doc, spec.title, spec.rows.length);
  if (spec.rows.length === 0) {
    none(doc, spec.empty);
    return;
  }
  const w = contentWidth(doc);
  table(
    doc,
    spec.columns.map((c) => ({ header: c.header, width: w * c.width, align: c.align })),
    spec.rows.map((row) => spec.columns.map((c) => c.cell(row))),
    { fontSize: 8 },
  );
}

function none(doc: Pdf, text: string): void {
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.fillColor(INK.text);
}

export async function registersPdf(r: MonthlyRegisters, hospital: Hospital, printedOn: string, printedBy: string) {
  const doc = createPdf({ title: `501(r) registers ${r.month}`, date: printedOn, landscape: true });
  const w = contentWidth(doc);
  doc.font(FONT.bold).fontSize(12).text(hospital.legalName);
  doc.moveDown(0.2);
  doc
    .font(FONT.bold)
    .fontSize(16)
    .text(`501(r) compliance registers: ${monthLabel(r.month)}`);
  const finals = r.statements.filter((s) => s.kind === 'final_notice').length;
  const refused = r.ecaAttempts.filter((e) => !e.allowed).length;
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text(
      `${plural(r.statements.length, 'statement', 'statements')} sent, ${plural(finals, 'of them a final notice', 'of them final notices')}; ` +
        `${plural(r.ecaAttempts.length, 'extraordinary collection action', 'extraordinary collection actions')} attempted, ${refused.toLocaleString('en-US')} refused by the 501(r) gate; ` +
        `${plural(r.holds.filter((h) => h.event === 'placed').length, 'hold', 'holds')} placed and ${r.holds.filter((h) => h.event === 'released').length.toLocaleString('en-US')} released by staff; ` +
        `${plural(r.assistance.length, 'financial-assistance application or decision', 'financial-assistance applications and decisions')} recorded. ` +
        `Printed ${formatLongDate(printedOn)} from Recoup's records.`,
      { width: w },
    );

  register(doc, {
    title: 'Statements and final notices sent',
    empty: 'No statement was sent this month.',
    rows: r.statements,
    columns: [
      { header: 'Date', width: 0.09, cell: (s) => formatShortDate(s.date) },
      { header: 'Guarantor', width: 0.2, cell: (s) => s.guarantor },
      { header: 'Guarantor no.', width: 0.1, cell: (s) => s.guarantorNumber ?? '—' },
      {
        header: 'Statement',
        width: 0.1,
        cell: (s) => (s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`),
      },
      { header: 'Accounts (number in cycle)', width: 0.39, cell: (s) => s.accounts || '—' },
      { header: 'Amount due', width: 0.12, align: 'right', cell: (s) => formatCents(s.amountDueCents) },
    ],
  });
  register(doc, {
    title: 'Extraordinary collection actions attempted',
    empty: 'No extraordinary collection action was attempted this month.',
    rows: r.ecaAttempts,
    columns: [
      { header: 'Date', width: 0.08, cell: (e) => formatShortDate(e.date) },
      { header: 'Guarantor', width: 0.13, cell: (e) => e.guarantor },
      { header: 'Account', width: 0.08, cell: (e) => e.accountNumber },
      { header: 'Action', width: 0.14, cell: (e) => ECA_KIND_LABELS[e.kind as EcaKind] ?? e.kind },
      { header: 'Decision', width: 0.07, cell: (e) => (e.allowed ? 'Allowed' : 'Refused') },
      { header: 'Allowed from', width: 0.08, cell: (e) => (e.allowedFrom ? formatShortDate(e.allowedFrom) : '—') },
      { header: 'Reason', width: 0.32, cell: (e) => e.why },
      { header: 'By', width: 0.1, cell: (e) => e.by ?? 'Recoup' },
    ],
  });
  register(doc, {
    title: 'Holds placed and released by staff',
    empty: 'No hold was placed or released this month.',
    rows: r.holds,
    columns: [
      { header: 'Date', width: 0.09, cell: (h) => formatShortDate(h.date) },
      { header: 'Event', width: 0.08, cell: (h) => (h.event === 'placed' ? 'Placed' : 'Released') },
      { header: 'Guarantor', width: 0.18, cell: (h) => h.guarantor },
      { header: 'Account', width: 0.09, cell: (h) => h.accountNumber ?? 'All accounts' },
      { header: 'Reason', width: 0.2, cell: (h) => HOLD_REASON_LABELS[h.reason as HoldReason] ?? h.reason },
      { header: 'Note', width: 0.24, cell: (h) => h.note || '—' },
      { header: 'By', width: 0.12, cell: (h) => h.by ?? '—' },
    ],
  });
  register(doc, {
    title: 'Financial-assistance applications and decisions',
    empty: 'No application or decision was recorded this month.',
    rows: r.assistance,
    columns: [
      { header: 'Date', width: 0.09, cell: (x) => formatShortDate(x.date) },
      { header: 'Guarantor', width: 0.2, cell: (x) => x.guarantor },
      { header: 'Guarantor no.', width: 0.1, cell: (x) => x.guarantorNumber ?? '—' },
      { header: 'Status', width: 0.17, cell: (x) => FAP_STATUS_LABELS[x.status] },
      { header: 'Note', width: 0.32, cell: (x) => x.note || '—' },
      { header: 'Recorded by', width: 0.12, cell: (x) => x.by ?? '—' },
    ],
  });
  footer(doc, `Confidential · 501(r) registers ${monthLabel(r.month)} · printed by ${printedBy}`);
  return pdfBytes(doc);
}

// The month's 501(r) compliance registers as one landscape PDF for an auditor: statements and
// final notices sent (with each account's step), every ECA attempt allowed or refused with the
// clock's reasons, every hold placed or released by staff, and the financial-assistance applications
// and decisions that suspend and resume collection actions (ECA-05, ST-03).
import { formatLongDate, formatShortDate } from '../../shared/dates';
import { formatCents } from '../../shared/money';
import { ECA_KIND_LABELS, type EcaKind } from '../../shared/rules/ecaClock';
import { HOLD_REASON_LABELS, type HoldReason } from '../../shared/rules/statementCycle';
import { FAP_STATUS_LABELS } from '../../shared/schemas/accounts';
import type { Hospital } from '../../shared/schemas/hospital';
import type { MonthlyRegisters } from '../../shared/schemas/registers';
import { contentWidth, createPdf, FONT, footer, INK, PAGE, pdfBytes, table, type Pdf } from './layout';

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

/** "1 statement", "2 statements". */
function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
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
      `${count(r.statements.length, 'statement', 'statements')} sent, ${count(finals, 'of them a final notice', 'of them final notices')}; ` +
        `${count(r.ecaAttempts.length, 'extraordinary collection action', 'extraordinary collection actions')} attempted, ${refused.toLocaleString('en-US')} refused by the 501(r) gate; ` +
        `${count(r.holds.filter((h) => h.event === 'placed').length, 'hold', 'holds')} placed and ${r.holds.filter((h) => h.event === 'released').length.toLocaleString('en-US')} released by staff; ` +
        `${count(r.assistance.length, 'financial-assistance application or decision', 'financial-assistance applications and decisions')} recorded. ` +
        `Printed ${formatLongDate(printedOn)} from Recoup's records.`,
      { width: w },
    );

  heading(doc, 'Statements and final notices sent', r.statements.length);
  if (r.statements.length === 0) none(doc, 'No statement was sent this month.');
  else
    table(
      doc,
      [
        { header: 'Date', width: w * 0.09 },
        { header: 'Guarantor', width: w * 0.2 },
        { header: 'Guarantor no.', width: w * 0.1 },
        { header: 'Statement', width: w * 0.1 },
        { header: 'Accounts (number in cycle)', width: w * 0.39 },
        { header: 'Amount due', width: w * 0.12, align: 'right' },
      ],
      r.statements.map((s) => [
        formatShortDate(s.date),
        s.guarantor,
        s.guarantorNumber ?? '—',
        s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`,
        s.accounts || '—',
        formatCents(s.amountDueCents),
      ]),
      { fontSize: 8 },
    );

  heading(doc, 'Extraordinary collection actions attempted', r.ecaAttempts.length);
  if (r.ecaAttempts.length === 0) none(doc, 'No extraordinary collection action was attempted this month.');
  else
    table(
      doc,
      [
        { header: 'Date', width: w * 0.08 },
        { header: 'Guarantor', width: w * 0.13 },
        { header: 'Account', width: w * 0.08 },
        { header: 'Action', width: w * 0.14 },
        { header: 'Decision', width: w * 0.07 },
        { header: 'Allowed from', width: w * 0.08 },
        { header: 'Reason', width: w * 0.32 },
        { header: 'By', width: w * 0.1 },
      ],
      r.ecaAttempts.map((e) => [
        formatShortDate(e.date),
        e.guarantor,
        e.accountNumber,
        ECA_KIND_LABELS[e.kind as EcaKind] ?? e.kind,
        e.allowed ? 'Allowed' : 'Refused',
        e.allowedFrom ? formatShortDate(e.allowedFrom) : '—',
        e.why,
        e.by ?? 'Recoup',
      ]),
      { fontSize: 8 },
    );

  heading(doc, 'Holds placed and released by staff', r.holds.length);
  if (r.holds.length === 0) none(doc, 'No hold was placed or released this month.');
  else
    table(
      doc,
      [
        { header: 'Date', width: w * 0.09 },
        { header: 'Event', width: w * 0.08 },
        { header: 'Guarantor', width: w * 0.18 },
        { header: 'Account', width: w * 0.09 },
        { header: 'Reason', width: w * 0.2 },
        { header: 'Note', width: w * 0.24 },
        { header: 'By', width: w * 0.12 },
      ],
      r.holds.map((h) => [
        formatShortDate(h.date),
        h.event === 'placed' ? 'Placed' : 'Released',
        h.guarantor,
        h.accountNumber ?? 'All accounts',
        HOLD_REASON_LABELS[h.reason as HoldReason] ?? h.reason,
        h.note || '—',
        h.by ?? '—',
      ]),
      { fontSize: 8 },
    );
  heading(doc, 'Financial-assistance applications and decisions', r.assistance.length);
  if (r.assistance.length === 0) none(doc, 'No application or decision was recorded this month.');
  else
    table(
      doc,
      [
        { header: 'Date', width: w * 0.09 },
        { header: 'Guarantor', width: w * 0.2 },
        { header: 'Guarantor no.', width: w * 0.1 },
        { header: 'Status', width: w * 0.17 },
        { header: 'Note', width: w * 0.32 },
        { header: 'Recorded by', width: w * 0.12 },
      ],
      r.assistance.map((a) => [
        formatShortDate(a.date),
        a.guarantor,
        a.guarantorNumber ?? '—',
        FAP_STATUS_LABELS[a.status],
        a.note || '—',
        a.by ?? '—',
      ]),
      { fontSize: 8 },
    );
  footer(doc, `Confidential · 501(r) registers ${monthLabel(r.month)} · printed by ${printedBy}`);
  return pdfBytes(doc);
}

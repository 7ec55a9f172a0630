// The auditor's packet for one account as a PDF (BD-08): the account and beneficiary, the bad-debt
// clock criterion by criterion, the account's history with every bill, letter, call and contact
// dated (oldest first), the 835 claims with their adjustments, the bills as recorded (with the
// fingerprint each was recorded under), the ledger, the write-off and recoveries, and the
// hospital's collection policy (BD-06). An internal paper for an auditor, in English; names in any
// script print.
import { formatLongDate, formatServiceDates, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { CriterionState } from '../../../shared/rules/badDebt';
import { LEDGER_TYPE_LABELS } from '../../../shared/schemas/ledger';
import {
  collectBytes,
  contentWidth,
  createPdf,
  FONT,
  footer,
  heading,
  INK,
  labelValue,
  letterhead,
  PAGE,
  paragraph,
  pdfBytes,
  table,
  type Pdf,
} from '../../pdf/layout';
import { appendPages, capturePages } from '../../pdf/pageCopy';
import type { RecordedStatement } from '../statements';
import type { AuditPacket } from './auditPacket';

const STATE_LABEL: Record<CriterionState, string> = {
  met: 'Met',
  not_met: 'Not met',
  waiting: 'Waiting',
  not_applicable: 'Does not apply',
};

const PAYER_CLASS_LABEL: Record<string, string> = {
  medicare: 'Medicare (fee for service)',
  medicare_advantage: 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  self_pay: 'Self-pay',
};

const date = (d: string | null): string => (d === null ? '—' : formatShortDate(d));

function section(doc: Pdf, title: string): void {
  if (doc.y > doc.page.height - PAGE.margin - 110) doc.addPage();
  doc.moveDown(0.6);
  heading(doc, title, 12);
}

function none(doc: Pdf, text: string): void {
  paragraph(doc, text, { muted: true, size: 9 });
}

/**
 * The packet; `copies` (the bills as mailed, drawn again from their records and verified) follow
 * its own pages, each exactly as it was mailed (BD-08: copies of bills and notices).
 */
export async function drawAuditPacket(p: AuditPacket, copies: readonly RecordedStatement[] = []): Promise<Buffer> {
  const a = p.account;
  const title = `Medicare bad debt: audit packet for account ${a.accountNumber}`;
  const doc = createPdf({ title, date: p.printedOn, author: p.printedBy, uncompressed: copies.length > 0 });
  const w = contentWidth(doc);
  letterhead(doc, p.hospital);
  heading(doc, `Medicare bad debt: account ${a.accountNumber}`, 16);
  paragraph(
    doc,
    `The record of this account as Recoup holds it on ${formatLongDate(p.printedOn)}, for the Medicare cost-report auditor (42 CFR 413.89(e); PRM-I §§308–310): the bad-debt criteria, every bill, letter, call and contact dated, the remittances, payments and adjustments, the write-off, and the hospital's collection policy.`,
    { size: 9, muted: true },
  );

  section(doc, 'Account and beneficiary');
  const lw = 165;
  labelValue(doc, 'Beneficiary (patient)', a.patientName, lw);
  labelValue(doc, 'Guarantor', a.guarantorName, lw);
  labelValue(doc, 'Patient account number', a.accountNumber, lw);
  labelValue(doc, 'MBI or HICN', a.mbi || 'Not recorded', lw);
  labelValue(
    doc,
    'Medicaid number',
    a.medicaidNumber ? `${a.medicaidNumber} (dual eligible)` : 'None (not dual eligible)',
    lw,
  );
  labelValue(doc, 'Dates of service', formatServiceDates(a.serviceFrom, a.serviceTo), lw);
  labelValue(doc, 'Setting', a.setting === 'inpatient' ? 'Inpatient' : 'Outpatient', lw);
  labelValue(doc, 'Payer class', PAYER_CLASS_LABEL[a.payerClass] ?? a.payerClass, lw);
  labelValue(doc, 'Provider and CCN', `${p.providerName}${p.ccn ? `, CCN ${p.ccn}` : ' (CCN not set)'}`, lw);
  if (a.qmb) labelValue(doc, 'QMB', 'Qualified Medicare Beneficiary: not billed for cost-sharing', lw);
  if (a.medicaidAdNote) labelValue(doc, 'Alternative documentation', a.medicaidAdNote, lw);
  labelValue(
    doc,
    'Deductible and coinsurance',
    `${formatCents(p.costSharing.deductibleCents)} and ${formatCents(p.costSharing.coinsuranceCents)} (${p.costSharing.source === '835' ? 'from the Medicare 835 remittances' : 'from the billing system’s extract'})`,
    lw,
  );
  labelValue(doc, 'Paid by others (col. 22)', formatCents(p.paidPriorCents), lw);
  labelValue(doc, 'Balance today', formatCents(a.balanceCents), lw);

  section(
    doc,
    p.clockOn === p.printedOn
      ? `The bad-debt criteria on ${formatLongDate(p.clockOn)}`
      : `The bad-debt criteria on ${formatLongDate(p.clockOn)}, the day it was written off`,
  );
  const c = p.clock;
  doc.font(FONT.bold).fontSize(10).text(c.summary, PAGE.margin, doc.y, { width: w, lineGap: 2 });
  doc.font(FONT.regular).moveDown(0.3);
  paragraph(
    doc,
    `Allowable bad debt (BD-01): ${formatCents(c.allowableCents)}. Latest remittance: ${date(c.latestRemittance)}. First bill counted: ${date(c.firstBill)}. First date it can be written off: ${c.firstWriteOffDate ? formatShortDate(c.firstWriteOffDate) : 'not yet known'}.`,
    { size: 9 },
  );
  table(
    doc,
    [
      { header: 'Rule', width: w * 0.08 },
      { header: 'Criterion', width: w * 0.25 },
      { header: 'State', width: w * 0.14 },
      { header: 'Why', width: w * 0.53 },
    ],
    c.criteria.map((x) => [x.rule, x.label, STATE_LABEL[x.state], x.detail]),
    { fontSize: 8.5 },
  );

  section(doc, 'History: every bill, letter, call and contact, dated');
  if (p.history.length === 0) none(doc, 'Nothing is recorded on this account yet.');
  else
    table(
      doc,
      [
        { header: 'Date', width: w * 0.11 },
        { header: 'What', width: w * 0.17 },
        { header: 'Detail', width: w * 0.41 },
        { header: 'By', width: w * 0.18 },
        { header: 'Amount', width: w * 0.13, align: 'right' },
      ],
      p.history.map((e) => [
        formatShortDate(e.date),
        e.kind,
        e.detail,
        e.by,
        e.amountCents === null ? '' : formatCents(e.amountCents),
      ]),
      { fontSize: 8 },
    );

  section(doc, 'Bills sent (statements as recorded)');
  if (p.bills.length === 0) none(doc, 'No statement listing this account has been sent.');
  else {
    paragraph(
      doc,
      copies.length > 0
        ? 'Each statement is kept as it was mailed: Recoup drew it again from its record and checked it against the SHA-256 fingerprint taken when it was sent. The copies follow the last page of this packet, in the order below, each as mailed.'
        : 'Each statement is kept as it was mailed: Recoup draws it again from its record and checks it against the SHA-256 fingerprint taken when it was sent (Statements, reprint), so a copy given to the auditor is the bill as mailed.',
      { size: 8.5, muted: true },
    );
    table(
      doc,
      [
        { header: 'Mailed', width: w * 0.11 },
        { header: 'Statement', width: w * 0.14 },
        { header: 'This account', width: w * 0.17 },
        { header: 'Account balance', width: w * 0.13, align: 'right' },
        { header: 'Amount due', width: w * 0.11, align: 'right' },
        { header: 'Recorded as (no. and SHA-256)', width: w * 0.34 },
      ],
      p.bills.map((b) =>
        b.source === 'billing_system'
          ? [formatShortDate(b.date), b.what, b.step, '—', '—', 'No copy kept in Recoup']
          : [
              formatShortDate(b.date),
              b.what,
              b.step,
              b.accountBalanceCents === null ? '—' : formatCents(b.accountBalanceCents),
              b.amountDueCents === null ? '—' : formatCents(b.amountDueCents),
              `#${b.statementId} · ${b.sha256.slice(0, 16)}…${b.copy === 'differs' ? ' · does not reprint exactly: tell your administrator' : ''}`,
            ],
      ),
      { fontSize: 8 },
    );
  }

  section(doc, 'Remittances (X12 835)');
  if (p.remittances.length === 0) none(doc, 'No 835 remittance is recorded for this account.');
  else
    table(
      doc,
      [
        { header: 'RA date', width: w * 0.1 },
        { header: 'Payer', width: w * 0.18 },
        { header: 'Claim', width: w * 0.12 },
        { header: 'Paid', width: w * 0.1, align: 'right' },
        { header: 'Deductible', width: w * 0.1, align: 'right' },
        { header: 'Coins.', width: w * 0.1, align: 'right' },
        { header: 'Adjustments (CAS)', width: w * 0.3 },
      ],
      p.remittances.map((r) => [
        formatShortDate(r.remittanceDate),
        `${r.payerName}\n${r.payerRole}${r.filingIndicator ? `, ${r.filingIndicator}` : ''}${r.medicare ? ' (Medicare)' : ''}`,
        `${r.payerClaimNumber || '—'}\n${r.serviceFrom ? formatServiceDates(r.serviceFrom, r.serviceTo ?? r.serviceFrom) : ''}`,
        formatCents(r.paidCents),
        formatCents(r.deductibleCents),
        formatCents(r.coinsuranceCents),
        r.adjustments.join('\n') || '—',
      ]),
      { fontSize: 8 },
    );

  section(doc, 'Ledger: charges, payments and adjustments');
  table(
    doc,
    [
      { header: 'Date', width: w * 0.11 },
      { header: 'Entry', width: w * 0.22 },
      { header: 'Memo and reference', width: w * 0.33 },
      { header: 'Amount', width: w * 0.17, align: 'right' },
      { header: 'Balance', width: w * 0.17, align: 'right' },
    ],
    p.ledger.map((l) => [
      formatShortDate(l.effectiveDate),
      `${LEDGER_TYPE_LABELS[l.type]}${l.reversedById !== null ? ' (reversed)' : ''}`,
      [l.memo, l.reference].filter(Boolean).join(' · '),
      formatCents(l.amountCents),
      formatCents(l.runningBalanceCents),
    ]),
    { fontSize: 8 },
  );

  section(doc, 'Write-off as Medicare bad debt, and recoveries');
  if (p.writeOffs.length === 0) none(doc, 'No write-off has been proposed for this account.');
  for (const wo of p.writeOffs) {
    const lv = 165;
    labelValue(doc, 'Status', wo.status.charAt(0).toUpperCase() + wo.status.slice(1), lv);
    labelValue(doc, 'Amount', formatCents(wo.amountCents), lv);
    labelValue(
      doc,
      'Figures',
      `Deductible ${formatCents(wo.deductibleCents)} + coinsurance ${formatCents(wo.coinsuranceCents)} − paid ${formatCents(wo.paidPriorCents)}`,
      lv,
    );
    labelValue(doc, 'Collection effort ceased', formatShortDate(wo.ceasedOn), lv);
    labelValue(
      doc,
      'Proposed',
      `${formatShortDate(wo.proposedAt.slice(0, 10))} by ${wo.proposedBy}${wo.proposedNote ? `: ${wo.proposedNote}` : ''}`,
      lv,
    );
    if (wo.decidedAt)
      labelValue(
        doc,
        wo.status === 'rejected' ? 'Rejected' : 'Approved',
        `${formatShortDate(wo.decidedAt.slice(0, 10))} by ${wo.decidedBy}${wo.decisionNote ? `: ${wo.decisionNote}` : ''}`,
        lv,
      );
    if (wo.writtenOffOn) labelValue(doc, 'Medicare write-off date', formatShortDate(wo.writtenOffOn), lv);
    if (wo.reversedAt)
      labelValue(
        doc,
        'Reversed',
        `${formatShortDate(wo.reversedAt.slice(0, 10))} by ${wo.reversedBy}: ${wo.reversalReason}`,
        lv,
      );
    doc.moveDown(0.5);
  }
  if (p.recoveries.length > 0)
    table(
      doc,
      [
        { header: 'Received', width: w * 0.15 },
        { header: 'Recovery after the write-off (BD-12)', width: w * 0.6 },
        { header: 'Amount', width: w * 0.25, align: 'right' },
      ],
      p.recoveries.map((r) => [formatShortDate(r.date), r.memo || 'Recovery', formatCents(r.amountCents)]),
      { fontSize: 8.5 },
    );
  else if (p.writeOffs.some((x) => x.status === 'approved')) none(doc, 'Nothing has been recovered since.');

  section(doc, 'The hospital’s collection policy (Medicare and non-Medicare alike)');
  for (const s of p.policy.sentences) paragraph(doc, s, { size: 9 });

  const copyPages = copies.reduce((n, c) => n + c.pages.length, 0);
  footer(
    doc,
    `Confidential · Medicare bad debt audit packet · account ${a.accountNumber} · printed ${formatShortDate(p.printedOn)} by ${p.printedBy}`,
    (page, pages) => `Page ${page} of ${pages + copyPages}`,
  );
  doc.fillColor(INK.text);
  if (copies.length === 0) return pdfBytes(doc);
  const own = capturePages(doc);
  await pdfBytes(doc);
  const packet = createPdf({ title, date: p.printedOn, author: p.printedBy, streamPages: true });
  const bytes = collectBytes(packet);
  appendPages(packet, own);
  for (const c of copies) appendPages(packet, c.pages);
  packet.end();
  return bytes;
}

// The payment plan agreement: the terms, the full schedule, what happens when a payment is missed
// (PP-02, in the plan's own policy figures), the financial-assistance notice (ECA-06), and
// signature lines. A plan does not protect the patient unless it is in writing (PP-02).
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { PlanPolicy } from '../../../shared/schemas/plans';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  formatPhone,
  heading,
  labelValue,
  letterhead,
  paragraph,
  pdfBytes,
  PAGE,
  rule,
  table,
} from '../../pdf/layout';

export interface AgreementData {
  hospital: Hospital;
  planId: number;
  date: string;
  guarantor: { name: string; address: string[]; externalId: string | null };
  accounts: { accountNumber: string; service: string; balanceCents: number }[];
  balanceCents: number;
  downPaymentCents: number;
  frequencyLabel: string;
  installments: { number: number; dueDate: string; amountCents: number }[];
  policy: PlanPolicy;
}

export async function planAgreement(d: AgreementData): Promise<Buffer> {
  const doc = createPdf({ title: `Payment plan agreement #${d.planId}`, date: d.date });
  letterhead(doc, d.hospital);
  heading(doc, 'Payment plan agreement');
  labelValue(doc, 'Agreement', `#${d.planId}, made ${formatLongDate(d.date)}`);
  labelValue(doc, 'Responsible party', [d.guarantor.name, ...d.guarantor.address].join('\n'));
  if (d.guarantor.externalId) labelValue(doc, 'Guarantor number', d.guarantor.externalId);
  rule(doc);

  heading(doc, 'The accounts in this plan', 12);
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: 'Account', width: w * 0.3 },
      { header: 'Dates of service', width: w * 0.4 },
      { header: 'Balance', width: w * 0.3, align: 'right' },
    ],
    d.accounts.map((a) => [a.accountNumber, a.service, formatCents(a.balanceCents)]),
    { totalRow: ['Total', '', formatCents(d.balanceCents)] },
  );

  heading(doc, 'The terms', 12);
  const regular = d.installments[0]!;
  const last = d.installments.at(-1)!;
  paragraph(
    doc,
    `${d.downPaymentCents > 0 ? `A down payment of ${formatCents(d.downPaymentCents)} is due today. Then ` : ''}${d.installments.length} ${d.frequencyLabel} payment${d.installments.length === 1 ? '' : 's'} of ${formatCents(regular.amountCents)}${last.amountCents !== regular.amountCents ? ` (the last ${formatCents(last.amountCents)})` : ''}, from ${formatLongDate(regular.dueDate)} to ${formatLongDate(last.dueDate)}. The payments add up to the balance of ${formatCents(d.balanceCents)}. No interest or fees are charged.`,
  );
  paragraph(
    doc,
    `If a payment is not received within ${d.policy.graceDays} days of its due date, we will send you a letter. You will then have ${d.policy.cureDays} days from that letter to bring the plan up to date. If it is not brought up to date by then, or if ${d.policy.missedToDefault} payments are missed, the plan ends and the remaining balance returns to our normal collection process. Payments made early go to your next payment${d.policy.overpayment === 'pay_ahead' ? ' and then to the ones after it' : '; anything beyond it shortens the plan from the end'}.`,
  );
  paragraph(
    doc,
    'If your balance changes (for example, new charges or an insurance payment), we will recalculate the plan with you. You may pay off the balance at any time.',
  );

  heading(doc, 'Financial assistance', 12);
  paragraph(
    doc,
    `You may qualify for free or discounted care under our financial assistance policy, even while on this plan. Call ${formatPhone(d.hospital.financialAssistancePhone)} or visit ${d.hospital.financialAssistanceUrl}.`,
  );

  // The schedule, on its own page if it does not fit here.
  if (doc.y > doc.page.height - PAGE.margin - 200) doc.addPage();
  heading(doc, 'Payment schedule', 12);
  const rows = [
    ...(d.downPaymentCents > 0 ? [['Down payment', formatShortDate(d.date), formatCents(d.downPaymentCents)]] : []),
    ...d.installments.map((i) => [`Payment ${i.number}`, formatShortDate(i.dueDate), formatCents(i.amountCents)]),
  ];
  table(
    doc,
    [
      { header: 'Payment', width: w * 0.4 },
      { header: 'Due', width: w * 0.3 },
      { header: 'Amount', width: w * 0.3, align: 'right' },
    ],
    rows,
    { totalRow: ['Total', '', formatCents(d.balanceCents)] },
  );

  if (doc.y > doc.page.height - PAGE.margin - 130) doc.addPage();
  doc.moveDown(1);
  paragraph(doc, 'I agree to make the payments above. I understand what happens if a payment is missed.');
  const y = doc.y + 34;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + 230, y)
    .lineWidth(0.8)
    .strokeColor('#333333')
    .stroke();
  doc
    .moveTo(PAGE.margin + 280, y)
    .lineTo(PAGE.margin + 420, y)
    .stroke();
  doc.font(FONT.regular).fontSize(9).fillColor('#333333');
  doc.text('Responsible party', PAGE.margin, y + 4);
  doc.text('Date', PAGE.margin + 280, y + 4);
  const y2 = y + 48;
  doc
    .moveTo(PAGE.margin, y2)
    .lineTo(PAGE.margin + 230, y2)
    .stroke();
  doc
    .moveTo(PAGE.margin + 280, y2)
    .lineTo(PAGE.margin + 420, y2)
    .stroke();
  doc.text(`For ${d.hospital.legalName}`, PAGE.margin, y2 + 4);
  doc.text('Date', PAGE.margin + 280, y2 + 4);
  footer(doc, `${d.hospital.legalName} · Payment plan agreement #${d.planId}`);
  return pdfBytes(doc);
}

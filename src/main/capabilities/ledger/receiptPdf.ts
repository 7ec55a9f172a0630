// The payment receipt: who paid, how, how much, and where it went, account by account.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../shared/schemas/ledger';
import type { Hospital } from '../../../shared/schemas/hospital';
import {
  CONTENT_WIDTH,
  createPdf,
  footer,
  formatPhone,
  heading,
  labelValue,
  letterhead,
  paragraph,
  pdfBytes,
  rule,
  table,
} from '../../pdf/layout';

export interface ReceiptData {
  hospital: Hospital;
  receiptNumber: string;
  date: string;
  guarantor: { name: string; address: string[]; externalId: string | null };
  method: PaymentMethod;
  reference: string;
  amountCents: number;
  receivedBy: string;
  allocations: { accountNumber: string; service: string; appliedCents: number; balanceAfterCents: number }[];
}

export async function paymentReceipt(d: ReceiptData): Promise<Buffer> {
  const doc = createPdf({ title: `Payment receipt ${d.receiptNumber}`, date: d.date });
  letterhead(doc, d.hospital);
  heading(doc, 'Payment receipt');
  labelValue(doc, 'Receipt number', d.receiptNumber);
  labelValue(doc, 'Date received', formatLongDate(d.date));
  labelValue(doc, 'Received from', [d.guarantor.name, ...d.guarantor.address].join('\n'));
  if (d.guarantor.externalId) labelValue(doc, 'Guarantor number', d.guarantor.externalId);
  labelValue(doc, 'Paid by', `${PAYMENT_METHOD_LABELS[d.method]}${d.reference ? ` (${d.reference})` : ''}`);
  labelValue(doc, 'Amount', formatCents(d.amountCents));
  rule(doc);
  heading(doc, 'Applied to', 12);
  const w = CONTENT_WIDTH;
  table(
    doc,
    [
      { header: 'Account', width: w * 0.24 },
      { header: 'Dates of service', width: w * 0.3 },
      { header: 'Applied', width: w * 0.23, align: 'right' },
      { header: 'Balance after', width: w * 0.23, align: 'right' },
    ],
    d.allocations.map((a) => [
      a.accountNumber,
      a.service,
      formatCents(a.appliedCents),
      formatCents(a.balanceAfterCents),
    ]),
    { totalRow: ['Total', '', formatCents(d.allocations.reduce((s, a) => s + a.appliedCents, 0)), ''] },
  );
  paragraph(doc, `Received by ${d.receivedBy}. Thank you for your payment.`);
  paragraph(
    doc,
    `Questions about your bill: ${formatPhone(d.hospital.phone)}.\nFinancial assistance is available: call ${formatPhone(d.hospital.financialAssistancePhone)} or visit ${d.hospital.financialAssistanceUrl}`,
    { muted: true, size: 9 },
  );
  footer(doc, `${d.hospital.legalName} · Receipt ${d.receiptNumber}`);
  return pdfBytes(doc);
}

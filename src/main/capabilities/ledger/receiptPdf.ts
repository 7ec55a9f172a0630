// The payment receipt: who paid, how, how much, and where it went, account by account.
// LANG-01: printed in the guarantor's language, every text from RECEIPT_TEXTS.
import type { PaymentMethod } from '../../../shared/schemas/ledger';
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { PAYMENT_METHOD_TEXTS, RECEIPT_TEXTS } from '../../../shared/wording/receiptTexts';
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
  /** LANG-01: the guarantor's document language. */
  language: DocumentLanguage;
  receiptNumber: string;
  date: string;
  guarantor: { name: string; address: string[]; externalId: string | null };
  method: PaymentMethod;
  reference: string;
  amountCents: number;
  receivedBy: string;
  allocations: {
    accountNumber: string;
    serviceFrom: string;
    serviceTo: string;
    appliedCents: number;
    balanceAfterCents: number;
  }[];
}

export async function paymentReceipt(d: ReceiptData): Promise<Buffer> {
  const t = wordingFor(d.language, RECEIPT_TEXTS);
  const doc = createPdf({ title: t.say('documentTitle', { number: d.receiptNumber }), date: d.date });
  letterhead(doc, d.hospital);
  heading(doc, t.say('heading'));
  labelValue(doc, t.say('receiptNumber'), d.receiptNumber);
  labelValue(doc, t.say('dateReceived'), t.longDate(d.date));
  labelValue(doc, t.say('receivedFrom'), [d.guarantor.name, ...d.guarantor.address].join('\n'));
  if (d.guarantor.externalId) labelValue(doc, t.say('guarantorNumber'), d.guarantor.externalId);
  labelValue(
    doc,
    t.say('paidBy'),
    `${PAYMENT_METHOD_TEXTS[d.method][d.language]}${d.reference ? ` (${d.reference})` : ''}`,
  );
  labelValue(doc, t.say('amount'), t.money(d.amountCents));
  rule(doc);
  heading(doc, t.say('appliedTo'), 12);
  const w = CONTENT_WIDTH;
  table(
    doc,
    [
      { header: t.say('colAccount'), width: w * 0.24 },
      { header: t.say('colServiceDates'), width: w * 0.3 },
      { header: t.say('colApplied'), width: w * 0.23, align: 'right' },
      { header: t.say('colBalanceAfter'), width: w * 0.23, align: 'right' },
    ],
    d.allocations.map((a) => [
      a.accountNumber,
      t.serviceDates(a.serviceFrom, a.serviceTo),
      t.money(a.appliedCents),
      t.money(a.balanceAfterCents),
    ]),
    { totalRow: [t.say('total'), '', t.money(d.allocations.reduce((s, a) => s + a.appliedCents, 0)), ''] },
  );
  paragraph(doc, t.say('thanks', { name: d.receivedBy }));
  paragraph(
    doc,
    `${t.say('questions', { phone: formatPhone(d.hospital.phone) })}\n${t.say('assistance', {
      phone: formatPhone(d.hospital.financialAssistancePhone),
      url: d.hospital.financialAssistanceUrl,
    })}`,
    { muted: true, size: 9 },
  );
  const pages = wordingFor(d.language, COMMON_TEXTS);
  footer(doc, t.say('footer', { hospital: d.hospital.legalName, number: d.receiptNumber }), (page, count) =>
    pages.say('pageOf', { page, pages: count }),
  );
  return pdfBytes(doc);
}

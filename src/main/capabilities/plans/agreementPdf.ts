// The payment plan agreement: the terms, the full schedule, what happens when a payment is missed
// (PP-02, in the plan's own policy figures), the financial-assistance notice (ECA-06), and
// signature lines. A plan does not protect the patient unless it is in writing (PP-02).
// LANG-01: printed in the guarantor's language, every text from AGREEMENT_TEXTS.
import type { Hospital } from '../../../shared/schemas/hospital';
import type { PLAN_FREQUENCIES } from '../../../shared/rules/planSchedule';
import type { PlanPolicy } from '../../../shared/schemas/plans';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import { AGREEMENT_TEXTS } from '../../../shared/wording/agreementTexts';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
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
  type Pdf,
} from '../../pdf/layout';

export interface AgreementData {
  hospital: Hospital;
  /** LANG-01: the guarantor's document language. */
  language: DocumentLanguage;
  planId: number;
  date: string;
  guarantor: { name: string; address: string[]; externalId: string | null };
  accounts: { accountNumber: string; serviceFrom: string; serviceTo: string; balanceCents: number }[];
  balanceCents: number;
  downPaymentCents: number;
  frequency: (typeof PLAN_FREQUENCIES)[number];
  installments: { number: number; dueDate: string; amountCents: number }[];
  policy: PlanPolicy;
}

const PAYMENTS_PHRASE = {
  monthly: ['monthlyOne', 'monthlyMany'],
  biweekly: ['biweeklyOne', 'biweeklyMany'],
  weekly: ['weeklyOne', 'weeklyMany'],
} as const;

export async function planAgreement(d: AgreementData): Promise<Buffer> {
  return pdfBytes(agreementDocument(d));
}

/** The agreement drawn, not yet ended: its bytes (pdfBytes) or its pages for a court packet (capturePages). */
export function agreementDocument(d: AgreementData): Pdf {
  const t = wordingFor(d.language, AGREEMENT_TEXTS);
  const doc = createPdf({ title: t.say('documentTitle', { id: d.planId }), date: d.date });
  letterhead(doc, d.hospital);
  heading(doc, t.say('heading'));
  labelValue(doc, t.say('agreement'), t.say('madeOn', { id: d.planId, date: t.longDate(d.date) }));
  labelValue(doc, t.say('responsibleParty'), [d.guarantor.name, ...d.guarantor.address].join('\n'));
  if (d.guarantor.externalId) labelValue(doc, t.say('guarantorNumber'), d.guarantor.externalId);
  rule(doc);

  heading(doc, t.say('accountsHeading'), 12);
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: t.say('colAccount'), width: w * 0.3 },
      { header: t.say('colServiceDates'), width: w * 0.4 },
      { header: t.say('colBalance'), width: w * 0.3, align: 'right' },
    ],
    d.accounts.map((a) => [a.accountNumber, t.serviceDates(a.serviceFrom, a.serviceTo), t.money(a.balanceCents)]),
    { totalRow: [t.say('total'), '', t.money(d.balanceCents)] },
  );

  heading(doc, t.say('termsHeading'), 12);
  const regular = d.installments[0]!;
  const last = d.installments.at(-1)!;
  const [one, many] = PAYMENTS_PHRASE[d.frequency];
  const payments = t.say(d.installments.length === 1 ? one : many, {
    count: d.installments.length,
    amount: t.money(regular.amountCents),
  });
  const terms = {
    payments:
      last.amountCents !== regular.amountCents
        ? `${payments} ${t.say('lastDiffers', { amount: t.money(last.amountCents) })}`
        : payments,
    first: t.longDate(regular.dueDate),
    last: t.longDate(last.dueDate),
  };
  paragraph(
    doc,
    `${
      d.downPaymentCents > 0
        ? t.say('termsWithDown', { down: t.money(d.downPaymentCents), ...terms })
        : t.say('termsNoDown', terms)
    } ${t.say('addsUp', { balance: t.money(d.balanceCents) })}`,
  );
  paragraph(
    doc,
    `${t.say('missedPayment', {
      grace: d.policy.graceDays,
      cure: d.policy.cureDays,
      missed: d.policy.missedToDefault,
    })} ${t.say(d.policy.overpayment === 'pay_ahead' ? 'earlyPayAhead' : 'earlyShortens')}`,
  );
  paragraph(doc, t.say('balanceChanges'));

  heading(doc, t.say('assistanceHeading'), 12);
  paragraph(
    doc,
    t.say('assistanceBody', {
      phone: formatPhone(d.hospital.financialAssistancePhone),
      url: d.hospital.financialAssistanceUrl,
    }),
  );

  // The schedule, on its own page if it does not fit here.
  if (doc.y > doc.page.height - PAGE.margin - 200) doc.addPage();
  heading(doc, t.say('scheduleHeading'), 12);
  const rows = [
    ...(d.downPaymentCents > 0 ? [[t.say('downPayment'), t.shortDate(d.date), t.money(d.downPaymentCents)]] : []),
    ...d.installments.map((i) => [
      t.say('paymentNumber', { number: i.number }),
      t.shortDate(i.dueDate),
      t.money(i.amountCents),
    ]),
  ];
  table(
    doc,
    [
      { header: t.say('colPayment'), width: w * 0.4 },
      { header: t.say('colDue'), width: w * 0.3 },
      { header: t.say('colAmount'), width: w * 0.3, align: 'right' },
    ],
    rows,
    { totalRow: [t.say('total'), '', t.money(d.balanceCents)] },
  );

  if (doc.y > doc.page.height - PAGE.margin - 130) doc.addPage();
  doc.moveDown(1);
  paragraph(doc, t.say('iAgree'));
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
  doc.text(t.say('signResponsible'), PAGE.margin, y + 4);
  doc.text(t.say('signDate'), PAGE.margin + 280, y + 4);
  const y2 = y + 48;
  doc
    .moveTo(PAGE.margin, y2)
    .lineTo(PAGE.margin + 230, y2)
    .stroke();
  doc
    .moveTo(PAGE.margin + 280, y2)
    .lineTo(PAGE.margin + 420, y2)
    .stroke();
  doc.text(t.say('signHospital', { hospital: d.hospital.legalName }), PAGE.margin, y2 + 4, { width: 230 });
  doc.text(t.say('signDate'), PAGE.margin + 280, y2 + 4);
  const pages = wordingFor(d.language, COMMON_TEXTS);
  footer(doc, t.say('footer', { hospital: d.hospital.legalName, id: d.planId }), (page, count) =>
    pages.say('pageOf', { page, pages: count }),
  );
  return doc;
}

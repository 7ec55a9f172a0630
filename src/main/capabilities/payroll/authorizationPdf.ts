// The two authorizations an employee-patient signs (issue 16), drawn from the facts authorization.ts
// gathers, in the guarantor's language (LANG-01, texts in shared/wording/payrollTexts.ts), each twice
// in one file: the hospital's copy, then the employee's (the bank form: the patient's) copy, each
// starting on its own page with its own page count.
// - Payroll deduction (PD-03): the employee and id, the pay frequency, the accounts and their total,
//   the amount each pay period, the first pay date, the number of deductions and the last date; the
//   specific purpose and that the amount is withheld from wages (PD-02, 40 TAC 821.28(b)); the
//   wage-floor clause (PD-01); the final paycheck as the settings say (finalPayDeduction);
//   revocation; voluntary; signatures and dates; the payroll contact.
// - Automatic bank transfer (ACH debit): the holder, the routing number, the account as its last four
//   digits only (the full number is never printed) and its type, the amount each debit, how often,
//   the first date, the count and the last date, the accounts and their total, revocation, signatures.
// Any name in any script prints (the layout toolkit's scriptText.ts).
import type { PayFrequency } from '../../../shared/rules/payroll';
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage, type Wording } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import {
  AUTHORIZATION_COMMON_TEXTS,
  BANK_AUTHORIZATION_TEXTS,
  PAY_FREQUENCY_TEXTS,
  PAYROLL_AUTHORIZATION_TEXTS,
} from '../../../shared/wording/payrollTexts';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  formatPhone,
  INK,
  letterhead,
  PAGE,
  pdfBytes,
  table,
  type Pdf,
} from '../../pdf/layout';

/** Everything a form prints, gathered by authorization.ts (one definition with the arrangement's view). */
export interface AuthorizationFacts {
  method: 'payroll' | 'bank';
  language: DocumentLanguage;
  /** "PD-12" or "ABT-12". */
  reference: string;
  /** The day it is printed. */
  date: string;
  hospital: Hospital;
  guarantor: { name: string; number: string | null };
  /** The covered accounts, each with what it owes now (never below zero): they add up to totalCents. */
  accounts: { accountNumber: string; serviceFrom: string; serviceTo: string; owedCents: number }[];
  totalCents: number;
  amountCents: number;
  frequency: PayFrequency;
  /** The first date it deducts (or debits) from now, the number of them it takes and the last one. */
  firstDate: string;
  periods: number;
  lastDate: string;
  /** The last deduction's amount (less than amountCents when the total is not a multiple of it). */
  lastAmountCents: number;
  payroll: {
    employeeName: string;
    employeeNumber: string;
    finalPayDeduction: 'none' | 'regular';
    payrollContact: string;
  } | null;
  bank: {
    holderName: string;
    routingNumber: string;
    /** "••••6789": the last four digits only. */
    accountMasked: string;
    accountType: 'checking' | 'savings';
  } | null;
}

const SECTION = 10.5;
const BODY = 9.5;
const LABEL_WIDTH = 170;

function section(doc: Pdf, text: string): void {
  doc.moveDown(0.2);
  doc
    .font(FONT.bold)
    .fontSize(SECTION)
    .fillColor(INK.text)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.25);
  doc.font(FONT.regular).fontSize(BODY);
}

/** A paragraph of the form: a little smaller than a letter's, so a copy fits its page. */
function para(doc: Pdf, text: string, o: { size?: number; muted?: boolean } = {}): void {
  doc
    .font(FONT.regular)
    .fontSize(o.size ?? BODY)
    .fillColor(o.muted ? INK.muted : INK.text)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  doc.fillColor(INK.text).moveDown(0.45);
}

/** A label and its value on one row (the layout's labelValue, at the form's size). */
function fact(doc: Pdf, label: string, value: string): void {
  const y = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .fillColor(INK.text)
    .text(label, PAGE.margin, y, { width: LABEL_WIDTH - 8 });
  const afterLabel = doc.y;
  doc.font(FONT.regular).text(value, PAGE.margin + LABEL_WIDTH, y, { width: contentWidth(doc) - LABEL_WIDTH });
  doc.y = Math.max(afterLabel, doc.y) + 2;
  doc.x = PAGE.margin;
}

/** The title on the left, and which copy this is in a ruled box on the right. */
function titleBlock(doc: Pdf, title: string, copy: string, note: string, reference: string): void {
  const w = contentWidth(doc);
  const boxWidth = 150;
  const top = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor(INK.text)
    .text(title, PAGE.margin, top, { width: w - boxWidth - 16 });
  doc.moveDown(0.2);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(reference, PAGE.margin, doc.y, { width: w - boxWidth - 16 });
  const leftBottom = doc.y;
  const x = PAGE.margin + w - boxWidth;
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text(copy, x + 8, top + 6, { width: boxWidth - 16, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(INK.muted)
    .text(note, x + 8, doc.y + 2, { width: boxWidth - 16, align: 'center' });
  const boxBottom = doc.y + 6;
  doc
    .rect(x, top, boxWidth, boxBottom - top)
    .lineWidth(1)
    .strokeColor(INK.text)
    .stroke();
  doc.fillColor(INK.text);
  doc.x = PAGE.margin;
  doc.y = Math.max(leftBottom, boxBottom) + 12;
}

function accountsTable(doc: Pdf, f: AuthorizationFacts, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>): void {
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: c.say('colAccount'), width: w * 0.3 },
      { header: c.say('colServiceDates'), width: w * 0.4 },
      { header: c.say('colBalance'), width: w * 0.3, align: 'right' },
    ],
    f.accounts.map((a) => [a.accountNumber, c.serviceDates(a.serviceFrom, a.serviceTo), c.money(a.owedCents)]),
    { totalRow: [c.say('totalBalance'), '', c.money(f.totalCents)], fontSize: 9.5 },
  );
}

/** "9: 8 of $50.00 and a last one of $12.37", "4, each of $25.00", "1 ($40.00)". */
function countText(f: AuthorizationFacts, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>): string {
  if (f.periods === 1) return c.say('countOne', { amount: c.money(f.lastAmountCents) });
  if (f.lastAmountCents === f.amountCents)
    return c.say('countEven', { count: f.periods, amount: c.money(f.amountCents) });
  return c.say('countWithLast', {
    count: f.periods,
    full: f.periods - 1,
    amount: c.money(f.amountCents),
    last: c.money(f.lastAmountCents),
  });
}

/** Two signature lines with their dates: the signer's, then the hospital's; kept on one page. */
function signatures(doc: Pdf, signer: string, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>, hospital: string) {
  const w = contentWidth(doc);
  if (doc.y > doc.page.height - PAGE.margin - 125) doc.addPage();
  const lineWidth = w * 0.58;
  const dateX = PAGE.margin + w * 0.68;
  const dateWidth = w * 0.32;
  const line = (y: number, label: string) => {
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + lineWidth, y)
      .moveTo(dateX, y)
      .lineTo(dateX + dateWidth, y)
      .lineWidth(0.8)
      .strokeColor('#333333')
      .stroke();
    doc.font(FONT.regular).fontSize(9).fillColor('#333333');
    doc.text(label, PAGE.margin, y + 4, { width: lineWidth });
    const below = doc.y;
    doc.text(c.say('signDate'), dateX, y + 4, { width: dateWidth });
    doc.y = Math.max(below, doc.y);
  };
  line(doc.y + 26, signer);
  line(doc.y + 28, c.say('signHospital', { hospital }));
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(9).fillColor('#333333').text(c.say('received'), PAGE.margin, doc.y, { width: w });
  doc.fillColor(INK.text);
  doc.x = PAGE.margin;
}

function addressLine(h: Hospital): string {
  const a = h.address;
  return `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.city}, ${a.state} ${a.zip}`;
}

function payrollCopy(doc: Pdf, f: AuthorizationFacts, copy: 'hospital' | 'employee'): void {
  const t = wordingFor(f.language, PAYROLL_AUTHORIZATION_TEXTS);
  const c = wordingFor(f.language, AUTHORIZATION_COMMON_TEXTS);
  const freq = wordingFor(f.language, PAY_FREQUENCY_TEXTS);
  const p = f.payroll!;
  const h = f.hospital;
  letterhead(doc, h);
  titleBlock(
    doc,
    t.say('heading'),
    copy === 'hospital' ? c.say('hospitalCopy') : t.say('employeeCopy'),
    copy === 'hospital' ? c.say('hospitalCopyNote') : t.say('employeeCopyNote'),
    c.say('reference', { reference: f.reference, date: c.longDate(f.date) }),
  );
  fact(doc, t.say('employee'), p.employeeName);
  fact(doc, t.say('employeeId'), p.employeeNumber);
  fact(doc, t.say('payFrequency'), freq.say(f.frequency));
  fact(
    doc,
    c.say('guarantor'),
    f.guarantor.number
      ? c.say('guarantorWithNumber', { name: f.guarantor.name, number: f.guarantor.number })
      : f.guarantor.name,
  );

  section(doc, c.say('accountsHeading'));
  accountsTable(doc, f, c);

  section(doc, t.say('deductionHeading'));
  fact(doc, t.say('amountEach'), c.money(f.amountCents));
  fact(doc, t.say('firstDate'), c.longDate(f.firstDate));
  fact(doc, t.say('count'), countText(f, c));
  fact(doc, t.say('lastDate'), c.longDate(f.lastDate));
  doc.moveDown(0.5);
  para(
    doc,
    t.say('purpose', {
      hospital: h.legalName,
      amount: c.money(f.amountCents),
      first: c.longDate(f.firstDate),
      total: c.money(f.totalCents),
      count: f.periods,
      last: c.longDate(f.lastDate),
    }),
  );
  para(doc, t.say('endsWhenPaid'));

  section(doc, t.say('wageFloorHeading'));
  para(doc, t.say('wageFloor'));
  section(doc, t.say('terminationHeading'));
  para(
    doc,
    p.finalPayDeduction === 'regular'
      ? t.say('finalPayRegular', { amount: c.money(f.amountCents) })
      : t.say('finalPayNone'),
  );
  section(doc, t.say('revocationHeading'));
  para(doc, t.say('revocation', { hospital: h.legalName, address: addressLine(h) }));
  para(doc, t.say('voluntary'));
  para(
    doc,
    p.payrollContact.trim()
      ? t.say('questionsContact', { contact: p.payrollContact.trim(), phone: formatPhone(h.phone) })
      : t.say('questionsNoContact', { phone: formatPhone(h.phone) }),
    { size: 9 },
  );
  para(doc, c.say('assistance', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }), {
    size: 9,
    muted: true,
  });
  signatures(doc, t.say('signEmployee'), c, h.legalName);
}

function bankCopy(doc: Pdf, f: AuthorizationFacts, copy: 'hospital' | 'patient'): void {
  const t = wordingFor(f.language, BANK_AUTHORIZATION_TEXTS);
  const c = wordingFor(f.language, AUTHORIZATION_COMMON_TEXTS);
  const freq = wordingFor(f.language, PAY_FREQUENCY_TEXTS);
  const b = f.bank!;
  const h = f.hospital;
  letterhead(doc, h);
  titleBlock(
    doc,
    t.say('heading'),
    copy === 'hospital' ? c.say('hospitalCopy') : t.say('patientCopy'),
    copy === 'hospital' ? c.say('hospitalCopyNote') : t.say('patientCopyNote'),
    c.say('reference', { reference: f.reference, date: c.longDate(f.date) }),
  );
  fact(
    doc,
    c.say('guarantor'),
    f.guarantor.number
      ? c.say('guarantorWithNumber', { name: f.guarantor.name, number: f.guarantor.number })
      : f.guarantor.name,
  );

  section(doc, t.say('bankHeading'));
  fact(doc, t.say('holder'), b.holderName);
  fact(doc, t.say('routing'), b.routingNumber);
  fact(doc, t.say('account'), t.say('accountMasked', { masked: b.accountMasked, type: t.say(b.accountType) }));

  section(doc, c.say('accountsHeading'));
  accountsTable(doc, f, c);

  section(doc, t.say('debitHeading'));
  fact(doc, t.say('amountEach'), c.money(f.amountCents));
  fact(doc, t.say('frequency'), freq.say(f.frequency));
  fact(doc, t.say('firstDate'), c.longDate(f.firstDate));
  fact(doc, t.say('count'), countText(f, c));
  fact(doc, t.say('lastDate'), c.longDate(f.lastDate));
  doc.moveDown(0.5);
  para(
    doc,
    t.say('purpose', {
      hospital: h.legalName,
      type: t.say(b.accountType),
      amount: c.money(f.amountCents),
      frequency: freq.say(`${f.frequency}Phrase`),
      first: c.longDate(f.firstDate),
      total: c.money(f.totalCents),
      count: f.periods,
      last: c.longDate(f.lastDate),
    }),
  );
  para(doc, t.say('endsWhenPaid'));
  para(doc, t.say('returned'));
  section(doc, t.say('revocationHeading'));
  para(doc, t.say('revocation', { hospital: h.legalName, address: addressLine(h), phone: formatPhone(h.phone) }));
  para(doc, t.say('voluntary'));
  para(doc, t.say('questions', { phone: formatPhone(h.phone) }), { size: 9 });
  para(doc, c.say('assistance', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }), {
    size: 9,
    muted: true,
  });
  signatures(doc, t.say('signHolder'), c, h.legalName);
}

/** The form for the arrangement's method: the hospital's copy, then the employee's (patient's), one PDF. */
export function authorizationDocument(f: AuthorizationFacts): Pdf {
  const payroll = f.method === 'payroll';
  const title = payroll
    ? wordingFor(f.language, PAYROLL_AUTHORIZATION_TEXTS).say('documentTitle', { reference: f.reference })
    : wordingFor(f.language, BANK_AUTHORIZATION_TEXTS).say('documentTitle', { reference: f.reference });
  const doc = createPdf({ title, date: f.date });
  // Each copy's first page index, for its own footer and page count.
  const starts: number[] = [0];
  if (payroll) payrollCopy(doc, f, 'hospital');
  else bankCopy(doc, f, 'hospital');
  doc.addPage();
  starts.push(doc.bufferedPageRange().count - 1);
  if (payroll) payrollCopy(doc, f, 'employee');
  else bankCopy(doc, f, 'patient');

  const total = doc.bufferedPageRange().count;
  const copyOf = (pageIndex: number) => (pageIndex >= starts[1]! ? 1 : 0);
  const c = wordingFor(f.language, AUTHORIZATION_COMMON_TEXTS);
  const copyNames = payroll
    ? [c.say('hospitalCopy'), wordingFor(f.language, PAYROLL_AUTHORIZATION_TEXTS).say('employeeCopy')]
    : [c.say('hospitalCopy'), wordingFor(f.language, BANK_AUTHORIZATION_TEXTS).say('patientCopy')];
  const pages = wordingFor(f.language, COMMON_TEXTS);
  footer(
    doc,
    (i) => {
      const values = { hospital: f.hospital.legalName, reference: f.reference, copy: copyNames[copyOf(i)]! };
      return payroll
        ? wordingFor(f.language, PAYROLL_AUTHORIZATION_TEXTS).say('footer', values)
        : wordingFor(f.language, BANK_AUTHORIZATION_TEXTS).say('footer', values);
    },
    (_page, _pages, i) => {
      const k = copyOf(i);
      const from = starts[k]!;
      const to = k === 0 ? starts[1]! : total;
      return pages.say('pageOf', { page: i - from + 1, pages: to - from });
    },
  );
  return doc;
}

export function authorizationPdf(f: AuthorizationFacts): Promise<Buffer> {
  return pdfBytes(authorizationDocument(f));
}

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
import { fields as boxedFields, titleBlock } from '../../pdf/formParts';

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

const SECTION = 10;
const BODY = 9;

/** A row of boxed fields (the shared form part), the body text back at this form's size after it. */
const fields = (doc: Pdf, cells: [label: string, value: string, weight?: number][]): void =>
  boxedFields(doc, cells, BODY);
const SMALL = 8.5;
const PARAGRAPH_GAP = 0.4;

/** A section's heading, kept on one page with what it heads (`next`, a paragraph; else a box or a table's start). */
function section(doc: Pdf, text: string, next?: string): void {
  doc.font(FONT.regular).fontSize(BODY);
  const after = next === undefined ? 56 : doc.heightOfString(next, { width: contentWidth(doc), lineGap: 1.5 });
  if (doc.y + 22 + after > doc.page.height - PAGE.margin) doc.addPage();
  doc.moveDown(0.1);
  doc
    .font(FONT.bold)
    .fontSize(SECTION)
    .fillColor(INK.text)
    .text(text, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  doc.font(FONT.regular).fontSize(BODY);
}

/** A paragraph of the form: a little smaller than a letter's, so a copy fits its page. */
function para(doc: Pdf, text: string, o: { size?: number; muted?: boolean } = {}): void {
  const w = contentWidth(doc);
  doc
    .font(FONT.regular)
    .fontSize(o.size ?? BODY)
    .fillColor(o.muted ? INK.muted : INK.text);
  // A paragraph is not split across pages: it starts the next page when it does not fit here.
  if (doc.y + doc.heightOfString(text, { width: w, lineGap: 1.5 }) > doc.page.height - PAGE.margin) doc.addPage();
  doc.text(text, PAGE.margin, doc.y, { width: w, lineGap: 1.5 });
  doc.fillColor(INK.text).moveDown(PARAGRAPH_GAP);
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

/** The guarantor responsible for the accounts, with the number the hospital knows them by. */
function guarantorText(f: AuthorizationFacts, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>): string {
  return f.guarantor.number
    ? c.say('guarantorWithNumber', { name: f.guarantor.name, number: f.guarantor.number })
    : f.guarantor.name;
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

function assistanceText(h: Hospital, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>): string {
  return c.say('assistance', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl });
}

type ParaOptions = { size?: number; muted?: boolean };

/**
 * What is signed, kept with the signatures: the closing paragraphs (voluntary, whom to ask) and the
 * signature lines start a new page together when they do not fit, so a signature never stands on a
 * page alone.
 */
function closing(
  doc: Pdf,
  paragraphs: [string, ParaOptions][],
  signer: string,
  c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>,
  hospital: string,
): void {
  const w = contentWidth(doc);
  let height = signaturesHeight(doc, signer, c, hospital);
  for (const [text, o] of paragraphs) {
    doc.font(FONT.regular).fontSize(o.size ?? BODY);
    height += doc.heightOfString(text, { width: w, lineGap: 1.5 }) + PARAGRAPH_GAP * doc.currentLineHeight(true);
  }
  if (doc.y + height > doc.page.height - PAGE.margin) doc.addPage();
  for (const [text, o] of paragraphs) para(doc, text, o);
  signatures(doc, signer, c, hospital);
}

const SIGNATURE_SPACE = 26;

function signatureLayout(doc: Pdf, signer: string, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>, hospital: string) {
  const w = contentWidth(doc);
  doc.font(FONT.regular).fontSize(SMALL);
  const half = (w - 24) / 2;
  const sigWidth = half * 0.68;
  const hospitalLabel = c.say('signHospital', { hospital });
  const labelHeight = Math.max(
    doc.heightOfString(signer, { width: sigWidth }),
    doc.heightOfString(hospitalLabel, { width: sigWidth }),
  );
  return { half, sigWidth, dateWidth: half - sigWidth - 10, hospitalLabel, labelHeight };
}

function signaturesHeight(
  doc: Pdf,
  signer: string,
  c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>,
  hospital: string,
): number {
  return SIGNATURE_SPACE + 3 + signatureLayout(doc, signer, c, hospital).labelHeight;
}

/** The signatures side by side, each with its date: the signer's on the left, the hospital's on the right. */
function signatures(doc: Pdf, signer: string, c: Wording<typeof AUTHORIZATION_COMMON_TEXTS>, hospital: string) {
  const { half, sigWidth, dateWidth, hospitalLabel, labelHeight } = signatureLayout(doc, signer, c, hospital);
  if (doc.y + SIGNATURE_SPACE + 3 + labelHeight > doc.page.height - PAGE.margin) doc.addPage();
  const y = doc.y + SIGNATURE_SPACE;
  const one = (x: number, label: string) => {
    doc
      .moveTo(x, y)
      .lineTo(x + sigWidth, y)
      .moveTo(x + sigWidth + 10, y)
      .lineTo(x + half, y)
      .lineWidth(0.8)
      .strokeColor('#333333')
      .stroke();
    doc.font(FONT.regular).fontSize(SMALL).fillColor('#333333');
    doc.text(label, x, y + 3, { width: sigWidth });
    doc.text(c.say('signDate'), x + sigWidth + 10, y + 3, { width: dateWidth });
  };
  one(PAGE.margin, signer);
  one(PAGE.margin + half + 24, hospitalLabel);
  doc.fillColor(INK.text);
  doc.x = PAGE.margin;
  doc.y = y + 3 + labelHeight + 6;
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
  fields(doc, [
    [t.say('employee'), p.employeeName, 1.1],
    [t.say('employeeId'), p.employeeNumber, 0.7],
    [t.say('payFrequency'), freq.say(f.frequency), 0.8],
    [c.say('guarantor'), guarantorText(f, c), 1.4],
  ]);

  section(doc, c.say('accountsHeading'));
  accountsTable(doc, f, c);

  section(doc, t.say('deductionHeading'));
  fields(doc, [
    [t.say('amountEach'), c.money(f.amountCents), 0.75],
    [t.say('firstDate'), c.longDate(f.firstDate), 0.9],
    [t.say('count'), countText(f, c), 1.5],
    [t.say('lastDate'), c.longDate(f.lastDate), 0.9],
  ]);
  para(
    doc,
    `${t.say('purpose', {
      hospital: h.legalName,
      amount: c.money(f.amountCents),
      first: c.longDate(f.firstDate),
      total: c.money(f.totalCents),
      count: f.periods,
      last: c.longDate(f.lastDate),
    })} ${t.say('endsWhenPaid')}`,
  );

  section(doc, t.say('wageFloorHeading'), t.say('wageFloor'));
  para(doc, t.say('wageFloor'));
  const finalPay =
    p.finalPayDeduction === 'regular'
      ? t.say('finalPayRegular', { amount: c.money(f.amountCents) })
      : t.say('finalPayNone');
  section(doc, t.say('terminationHeading'), finalPay);
  para(doc, finalPay);
  const revocation = t.say('revocation', { hospital: h.legalName, address: addressLine(h) });
  section(doc, t.say('revocationHeading'), revocation);
  para(doc, revocation);
  closing(
    doc,
    [
      [t.say('voluntary'), {}],
      [
        p.payrollContact.trim()
          ? t.say('questionsContact', { contact: p.payrollContact.trim(), phone: formatPhone(h.phone) })
          : t.say('questionsNoContact', { phone: formatPhone(h.phone) }),
        { size: SMALL },
      ],
      [assistanceText(h, c), { size: SMALL, muted: true }],
    ],
    t.say('signEmployee'),
    c,
    h.legalName,
  );
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
  section(doc, t.say('bankHeading'));
  fields(doc, [
    [t.say('holder'), b.holderName, 1.1],
    [t.say('routing'), b.routingNumber, 0.8],
    [t.say('account'), t.say('accountMasked', { masked: b.accountMasked, type: t.say(b.accountType) }), 0.8],
    [c.say('guarantor'), guarantorText(f, c), 1.4],
  ]);

  section(doc, c.say('accountsHeading'));
  accountsTable(doc, f, c);

  section(doc, t.say('debitHeading'));
  fields(doc, [
    [t.say('amountEach'), c.money(f.amountCents), 0.75],
    [t.say('frequency'), freq.say(f.frequency), 0.8],
    [t.say('firstDate'), c.longDate(f.firstDate), 0.95],
    [t.say('count'), countText(f, c), 1.05],
    [t.say('lastDate'), c.longDate(f.lastDate), 0.95],
  ]);
  para(
    doc,
    `${t.say('purpose', {
      hospital: h.legalName,
      type: t.say(b.accountType),
      amount: c.money(f.amountCents),
      frequency: freq.say(`${f.frequency}Phrase`),
      first: c.longDate(f.firstDate),
      total: c.money(f.totalCents),
      count: f.periods,
      last: c.longDate(f.lastDate),
    })} ${t.say('endsWhenPaid')}`,
  );
  para(doc, t.say('returned'));
  const revocation = t.say('revocation', {
    hospital: h.legalName,
    address: addressLine(h),
    phone: formatPhone(h.phone),
  });
  section(doc, t.say('revocationHeading'), revocation);
  para(doc, revocation);
  closing(
    doc,
    [
      [t.say('voluntary'), {}],
      [t.say('questions', { phone: formatPhone(h.phone) }), { size: SMALL }],
      [assistanceText(h, c), { size: SMALL, muted: true }],
    ],
    t.say('signHolder'),
    c,
    h.legalName,
  );
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

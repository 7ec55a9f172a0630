// The obstetric prepayment forms (issue 17, PP-04) as the clerk types them: money in dollars and
// cents, percentages as numbers such as 20, dates as YYYY-MM-DD, the patient chosen by search or
// typed as a new patient. Each form turns into its channel's input (schemas/obstetrics.ts), whose own
// fields then check it, so a form refuses what main refuses, in the same words.
import { z } from 'zod';
import {
  businessDateSchema,
  compareDates,
  dateNotAfter,
  formatLongDate,
  isBusinessDate,
  type BusinessDate,
} from '../dates';
import { dollarsText, parseDollars, positiveCents, type Cents } from '../money';
import { PAYMENT_METHODS } from './ledger';
import {
  cancelInput,
  coverageSchema,
  depositInput,
  FAP_SCREENINGS,
  newPatientSchema,
  refundDepositsInput,
  reverseDepositInput,
  reviseInput,
  trueUpInput,
} from './obstetrics';
import { choice } from './formFields';
import { lastDueDate, SELF_PAY_COVERAGE, type ObCoverage } from '../rules/obstetrics';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The coverage step as typed: every amount text, the coinsurance a percentage. */
export interface CoverageText {
  coverageKind: string;
  payerName: string;
  planYearEnd: string;
  deductibleRemaining: string;
  oopRemaining: string;
  annualDeductible: string;
  annualOopMax: string;
  coinsurancePercent: string;
  copay: string;
  allowed: string;
}

/** The estimate's facts as typed; the same for the interview and a revision. */
export interface EstimateText extends CoverageText {
  expectedDelivery: string;
  deliveryKind: string;
  firstDue: string;
}

type Problems = [field: string, message: string][];

function percentBp(text: string): number | null {
  if (!/^\s*\d{1,3}(\.\d{1,2})?\s*%?\s*$/.test(text)) return null;
  return parseDollars(text.replace('%', ''));
}

/** Whether the plan year ends before the delivery (then the new year's full figures are asked). */
export function planYearEndsFirst(planYearEnd: string, expectedDelivery: string): boolean {
  return DATE.test(planYearEnd) && DATE.test(expectedDelivery) && planYearEnd < expectedDelivery;
}

/**
 * The coverage as the channel takes it, and the problems with what was typed (field, message). The
 * yearly figures are read only when the plan year ends before the delivery; for a self-pay patient
 * only the kind matters.
 */
export function coverageOf(v: EstimateText): { coverage: ObCoverage | null; problems: Problems } {
  const problems: Problems = [];
  const money = (field: keyof CoverageText, label: string, blank: Cents | null): Cents | null => {
    const text = v[field].trim();
    if (!text) {
      if (blank === null) problems.push([field, `Enter the ${label}.`]);
      return blank;
    }
    const cents = parseDollars(text);
    if (cents === null || cents < 0) {
      problems.push([field, `Write the ${label} in dollars and cents, like 125.00.`]);
      return null;
    }
    return cents;
  };
  if (v.coverageKind !== 'insured' && v.coverageKind !== 'self_pay') {
    problems.push(['coverageKind', 'Choose insured or self-pay.']);
    return { coverage: null, problems };
  }
  if (v.coverageKind === 'self_pay')
    return {
      coverage: SELF_PAY_COVERAGE,
      problems,
    };
  const planYearEnd = v.planYearEnd.trim();
  if (planYearEnd && !DATE.test(planYearEnd)) problems.push(['planYearEnd', 'Enter the plan year’s last day.']);
  const yearly = planYearEndsFirst(planYearEnd, v.expectedDelivery);
  // A blank coinsurance or deductible is not known, not zero: "0" is typed when it is met or none.
  const coinsurance = v.coinsurancePercent.trim() === '' ? null : percentBp(v.coinsurancePercent);
  if (v.coinsurancePercent.trim() === '')
    problems.push(['coinsurancePercent', 'Enter the coinsurance (0 if the plan has none).']);
  else if (coinsurance === null)
    problems.push(['coinsurancePercent', 'Write the coinsurance as a percentage such as 20 or 12.5.']);
  const allowedText = v.allowed.trim();
  const allowed = allowedText === '' ? null : parseDollars(allowedText);
  if (allowedText !== '' && (allowed === null || allowed <= 0))
    problems.push(['allowed', 'Write the payer’s allowed amount in dollars and cents, or leave it blank.']);
  const coverage = {
    kind: 'insured' as const,
    payerName: v.payerName.trim(),
    planYearEnd: planYearEnd && DATE.test(planYearEnd) ? planYearEnd : null,
    deductibleRemainingCents: money('deductibleRemaining', 'deductible remaining (0 if met)', null) ?? 0,
    oopRemainingCents: money('oopRemaining', 'out-of-pocket maximum remaining', null) ?? 0,
    annualDeductibleCents: yearly ? money('annualDeductible', 'yearly deductible', null) : null,
    annualOopMaxCents: yearly ? money('annualOopMax', 'yearly out-of-pocket maximum', null) : null,
    coinsuranceBp: coinsurance ?? 0,
    copayCents: money('copay', 'copay', 0) ?? 0,
    allowedCents: allowed !== null && allowed > 0 ? allowed : null,
  };
  const checked = coverageSchema.safeParse(coverage);
  if (!checked.success)
    for (const issue of checked.error.issues)
      problems.push([COVERAGE_FIELDS[String(issue.path[0])] ?? 'coverageKind', issue.message]);
  return { coverage, problems };
}

/** The channel's coverage fields, as the form's. */
const COVERAGE_FIELDS: Record<string, keyof CoverageText> = {
  kind: 'coverageKind',
  payerName: 'payerName',
  planYearEnd: 'planYearEnd',
  deductibleRemainingCents: 'deductibleRemaining',
  oopRemainingCents: 'oopRemaining',
  annualDeductibleCents: 'annualDeductible',
  annualOopMaxCents: 'annualOopMax',
  coinsuranceBp: 'coinsurancePercent',
  copayCents: 'copay',
  allowedCents: 'allowed',
};

/** Main's refusals on the channel's fields, shown on the form's. */
export const ESTIMATE_ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COVERAGE_FIELDS).map(([k, f]) => [`coverage.${k}`, f])),
  guarantorId: 'patientMode',
  ...Object.fromEntries(Object.keys(newPatientSchema.shape).map((k) => [`newPatient.${k}`, k])),
};

export interface EstimateFacts {
  expectedDelivery: BusinessDate;
  deliveryKind: 'vaginal' | 'cesarean';
  coverage: ObCoverage;
  firstDue: BusinessDate | null;
}

/** The estimate's facts when what is typed is complete enough to ask for the estimate, else the problems. */
export function estimateFactsOf(v: EstimateText): { facts: EstimateFacts | null; problems: Problems } {
  const problems: Problems = [];
  if (!DATE.test(v.expectedDelivery)) problems.push(['expectedDelivery', 'Enter the expected delivery date.']);
  if (v.deliveryKind !== 'vaginal' && v.deliveryKind !== 'cesarean')
    problems.push(['deliveryKind', 'Choose the delivery kind.']);
  if (v.firstDue.trim() !== '' && !DATE.test(v.firstDue)) problems.push(['firstDue', 'Enter the first due date.']);
  const { coverage, problems: coverageProblems } = coverageOf(v);
  problems.push(...coverageProblems);
  if (problems.length > 0 || coverage === null) return { facts: null, problems };
  return {
    facts: {
      expectedDelivery: v.expectedDelivery,
      deliveryKind: v.deliveryKind as 'vaginal' | 'cesarean',
      coverage,
      firstDue: DATE.test(v.firstDue) ? v.firstDue : null,
    },
    problems,
  };
}

export const NEW_PATIENT_FIELDS = Object.keys(newPatientSchema.shape) as (keyof typeof newPatientSchema.shape)[];

export interface InterviewText extends EstimateText {
  patientMode: string;
  guarantorId: string;
  lastName: string;
  firstName: string;
  middleName: string;
  dateOfBirth: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  language: string;
  guarantorNumber: string;
  mrn: string;
  fapScreening: string;
  documentLanguage: string;
}

export const INTERVIEW_BLANK: InterviewText = {
  patientMode: 'existing',
  guarantorId: '',
  lastName: '',
  firstName: '',
  middleName: '',
  dateOfBirth: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  zip: '',
  phone: '',
  email: '',
  language: 'English',
  guarantorNumber: '',
  mrn: '',
  expectedDelivery: '',
  deliveryKind: '',
  coverageKind: 'insured',
  payerName: '',
  planYearEnd: '',
  deductibleRemaining: '',
  oopRemaining: '',
  annualDeductible: '',
  annualOopMax: '',
  coinsurancePercent: '',
  copay: '',
  allowed: '',
  fapScreening: '',
  firstDue: '',
  documentLanguage: '',
};

const text = z.string();
const interviewShape = Object.fromEntries(Object.keys(INTERVIEW_BLANK).map((k) => [k, text])) as Record<
  keyof InterviewText,
  typeof text
>;

/** The whole interview: the patient, the pregnancy, the coverage, the screening answer, the first due date. */
export const interviewForm = z
  .object(interviewShape)
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.patientMode === 'existing') {
      if (!/^[1-9]\d*$/.test(v.guarantorId)) add('patientMode', 'Find her guarantor record, or enter a new patient.');
    } else {
      const patient = newPatientSchema.safeParse(newPatientOf(v));
      if (!patient.success) for (const issue of patient.error.issues) add(String(issue.path[0]), issue.message);
    }
    for (const [field, message] of estimateFactsOf(v).problems) add(field, message);
    if (!(FAP_SCREENINGS as readonly string[]).includes(v.fapScreening))
      add('fapScreening', 'Record the financial-assistance screening offer and her answer.');
  })
  .transform((v) => {
    const facts = estimateFactsOf(v).facts!;
    return {
      ...(v.patientMode === 'existing'
        ? { guarantorId: Number(v.guarantorId) }
        : { newPatient: newPatientSchema.parse(newPatientOf(v)) }),
      ...facts,
      fapScreening: v.fapScreening as (typeof FAP_SCREENINGS)[number],
      ...(v.documentLanguage === 'en' || v.documentLanguage === 'es'
        ? { language: v.documentLanguage as 'en' | 'es' }
        : {}),
    };
  });

function newPatientOf(v: InterviewText) {
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName,
    dateOfBirth: v.dateOfBirth,
    addressLine1: v.addressLine1,
    addressLine2: v.addressLine2,
    city: v.city,
    state: v.state === '' ? undefined : v.state,
    zip: v.zip,
    phone: v.phone,
    email: v.email,
    language: v.language,
    guarantorNumber: v.guarantorNumber,
    mrn: v.mrn,
  };
}

export interface ReviseText extends EstimateText {
  reason: string;
  note: string;
}

/** A revision: the same facts, why, and a note. */
export const ESTIMATE_KEYS: readonly (keyof EstimateText)[] = [
  'expectedDelivery',
  'deliveryKind',
  'firstDue',
  'coverageKind',
  'payerName',
  'planYearEnd',
  'deductibleRemaining',
  'oopRemaining',
  'annualDeductible',
  'annualOopMax',
  'coinsurancePercent',
  'copay',
  'allowed',
];

/**
 * The revise dialog's form. Given the business date and the case's days before delivery, it also says
 * at once, field by field, a past expected delivery date and a first due date outside the dates allowed
 * (the server says the same, one refusal at a time: PP-04), so the clerk sees every problem together.
 */
export function reviseFormFor(today?: BusinessDate, daysBefore?: number) {
  return z
    .object(
      Object.fromEntries([...ESTIMATE_KEYS, 'reason', 'note'].map((k) => [k, z.string()])) as Record<
        keyof ReviseText,
        z.ZodString
      >,
    )
    .superRefine((v, ctx) => {
      for (const [field, message] of estimateFactsOf(v).problems)
        ctx.addIssue({ code: 'custom', path: [field], message });
      if (v.reason !== 'date_moved' && v.reason !== 'estimate_revised')
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the schedule changes.' });
      const note = reviseInput.shape.note.safeParse(v.note);
      if (!note.success) ctx.addIssue({ code: 'custom', path: ['note'], message: note.error.issues[0]!.message });
      if (today === undefined || daysBefore === undefined || !isBusinessDate(v.expectedDelivery)) return;
      if (compareDates(v.expectedDelivery, today) <= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['expectedDelivery'],
          message: `The expected delivery date must be after today, ${formatLongDate(today)}.`,
        });
      if (!isBusinessDate(v.firstDue)) return;
      const lastAllowed = lastDueDate(v.expectedDelivery, daysBefore);
      const open = compareDates(lastAllowed, today) >= 0;
      if (compareDates(v.firstDue, today) < 0)
        ctx.addIssue({
          code: 'custom',
          path: ['firstDue'],
          message: open
            ? `The first payment cannot be due before today: choose a date from ${formatLongDate(today)} to ${formatLongDate(lastAllowed)}.`
            : `The first payment cannot be due before today, ${formatLongDate(today)}.`,
        });
      else if (open && compareDates(v.firstDue, lastAllowed) > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['firstDue'],
          message: `Every payment must be due by ${formatLongDate(lastAllowed)}, ${daysBefore} days before the expected delivery (PP-04): choose a first due date from ${formatLongDate(today)} to ${formatLongDate(lastAllowed)}.`,
        });
    })
    .transform((v) => ({
      ...estimateFactsOf(v).facts!,
      reason: v.reason as 'date_moved' | 'estimate_revised',
      note: v.note.trim(),
    }));
}

/** A deposit received: the amount in dollars, the day (not after today), how it was paid, a reference. */
export function depositForm(today: BusinessDate) {
  return z.object({
    amount: dollarsText('Deposit', positiveCents('deposit')),
    receivedOn: dateNotAfter(today, 'A deposit', businessDateSchema),
    method: choice(depositInput.shape.method),
    reference: depositInput.shape.reference,
  });
}
export const DEPOSIT_ALIASES = { amountCents: 'amount' } as const;

export const reverseDepositForm = z.object({ note: reverseDepositInput.shape.note });

export function refundDepositsForm(today: BusinessDate) {
  return z.object({
    refundedOn: dateNotAfter(today, 'A refund', businessDateSchema),
    method: choice(refundDepositsInput.shape.method),
    reference: refundDepositsInput.shape.reference,
  });
}

export function cancelForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'A cancellation', businessDateSchema),
    note: cancelInput.shape.note,
  });
}

export function dayForm(today: BusinessDate, what: string) {
  return z.object({ on: dateNotAfter(today, what, businessDateSchema) });
}

/** The true-up: her real share in dollars and where it comes from. */
export const trueUpForm = z.object({
  realShare: dollarsText('Patient’s real share', trueUpInput.shape.realShareCents),
  source: trueUpInput.shape.source,
});
export const TRUE_UP_ALIASES = { realShareCents: 'realShare' } as const;

export const PAYMENT_METHOD_CHOICES = PAYMENT_METHODS;

// The account workspace: what search returns, what one screen shows about a guarantor, and the
// inputs for the activity log and follow-up tasks.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, typedDate, type BusinessDate } from '../dates';
import type { AgingBucket } from '../rules/aging';
import { choice, idChoice } from './formFields';
import type { LedgerLine, PaymentMethod } from './ledger';
import { addPromiseForm } from './plans';
import { idSchema, optionalText, requiredText } from './text';

export const SERVICE_TYPES = ['inpatient', 'outpatient', 'emergency', 'obstetric'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  inpatient: 'Inpatient',
  outpatient: 'Outpatient',
  emergency: 'Emergency',
  obstetric: 'Obstetric',
};

export const PAYER_CLASSES = ['self_pay', 'medicare', 'medicare_advantage', 'medicaid', 'commercial'] as const;
export type PayerClass = (typeof PAYER_CLASSES)[number];
export const PAYER_CLASS_LABELS: Record<PayerClass, string> = {
  self_pay: 'Self-pay',
  medicare: 'Medicare',
  medicare_advantage: 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
};

export const FAP_STATUSES = [
  'unknown',
  'not_applied',
  'pending',
  'approved_full',
  'approved_partial',
  'denied',
] as const;
export type FapStatus = (typeof FAP_STATUSES)[number];
export const FAP_STATUS_LABELS: Record<FapStatus, string> = {
  unknown: 'Unknown',
  not_applied: 'Not applied',
  pending: 'Application pending',
  approved_full: 'Approved (full)',
  approved_partial: 'Approved (partial)',
  denied: 'Denied',
};

export const searchInput = z.object({
  query: z
    .string()
    .trim()
    .min(
      1,
      'Type a name, an account number, an MRN (or its start), a phone number (or its last four digits), or a date of birth.',
    )
    .max(100),
});

export interface SearchResult {
  guarantorId: number;
  name: string;
  dateOfBirth: string | null;
  cityState: string;
  mrn: string | null;
  phoneLast4: string | null;
  balanceCents: number;
  accountCount: number;
  deceased: boolean;
  matchedOn: 'name' | 'account_number' | 'mrn' | 'phone' | 'date_of_birth';
  matchedDetail: string | null;
}

export interface GuarantorHeader {
  id: number;
  externalId: string | null;
  mrn: string | null;
  name: string;
  lastName: string;
  firstName: string;
  middleName: string;
  dateOfBirth: string | null;
  address: { line1: string; line2: string; city: string; state: string; zip: string };
  phone: string;
  email: string;
  language: string;
  employer: string;
  employee: {
    employeeId: string | null;
    payFrequency: string | null;
    hourlyRateCents: number | null;
    annualSalaryCents: number | null;
  } | null;
  deceased: { dateOfDeath: string | null; source: string } | null;
  fapStatus: FapStatus;
  fapStatusDate: string | null;
  bankruptcy: boolean;
  doNotCall: boolean;
  doNotMail: boolean;
  doNotEmail: boolean;
  balanceCents: number;
  /** Open balance by age of service date, as of today. */
  aging: Record<AgingBucket, number>;
}

export interface AccountView {
  id: number;
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  serviceType: ServiceType;
  payerClass: PayerClass;
  stateOfService: string;
  mbi: string | null;
  medicareRaDate: string | null;
  medicaidNumber: string | null;
  medicaidRaDate: string | null;
  secondaryRaDate: string | null;
  deductibleCents: number;
  coinsuranceCents: number;
  lastIllness: boolean;
  firstStatementDate: string | null;
  /** The 30-day final notice (ECA-05), once sent. */
  finalNoticeDate: string | null;
  balanceCents: number;
  /** What happens next with this account, in a sentence (plan, application, statements, 501(r) clock). */
  nextStep: string;
  ledger: LedgerLine[];
}

export const ACTIVITY_KINDS = ['call', 'letter', 'visit', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_OUTCOMES = [
  'reached',
  'left_message',
  'no_answer',
  'wrong_number',
  'promised_to_pay',
  'disputed',
  'requested_assistance',
  'sent',
  'returned_mail',
  'paid_in_person',
  'noted',
] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];
export const ACTIVITY_OUTCOME_LABELS: Record<ActivityOutcome, string> = {
  reached: 'Reached the guarantor',
  left_message: 'Left a message',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  promised_to_pay: 'Promised to pay',
  disputed: 'Disputes the balance',
  requested_assistance: 'Asked about financial assistance',
  sent: 'Sent',
  returned_mail: 'Mail returned',
  paid_in_person: 'Paid in person',
  noted: 'Noted',
};

export const logActivityInput = z.object({
  guarantorId: idSchema,
  accountId: idSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS, { error: 'Choose call, letter, visit or note.' }),
  direction: z.enum(['inbound', 'outbound']).optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES, { error: 'Choose the outcome.' }),
  note: optionalText('Note', 2000).default(''),
  occurredOn: businessDateSchema,
});

export interface ActivityView {
  id: number;
  accountId: number | null;
  kind: ActivityKind;
  direction: 'inbound' | 'outbound' | null;
  outcome: ActivityOutcome;
  note: string;
  occurredOn: string;
  createdAt: string;
  by: string | null;
}

export const addFollowUpInput = z.object({
  guarantorId: idSchema,
  accountId: idSchema.optional(),
  title: requiredText('What to do', 200, 'Say what is to be done.'),
  note: optionalText('Note', 2000).default(''),
  dueDate: businessDateSchema,
  assigneeId: idSchema.optional(),
});

// The forms: each is its channel's schema as the clerk types it (ids picked from lists as text,
// dates not after the business date) and gives its channel's input, less the guarantor.

/**
 * activity:log, less the guarantor; the direction only for a call. A call whose outcome is a
 * promise to pay gives promises:add's amount and date too (its own form, addPromiseForm).
 */
export function logActivityForm(today: BusinessDate) {
  const shape = logActivityInput.shape;
  const promise = addPromiseForm(today);
  return z
    .object({
      kind: shape.kind,
      direction: shape.direction.unwrap(),
      outcome: choice(shape.outcome),
      accountId: idChoice(shape.accountId),
      note: shape.note,
      occurredOn: dateNotAfter(today, 'An activity', shape.occurredOn),
      promiseAmount: z.string(),
      promiseDue: z.string(),
    })
    .transform(({ direction, promiseAmount, promiseDue, ...v }, ctx) => {
      const activity = {
        ...v,
        direction: v.kind === 'call' ? direction : undefined,
      } satisfies Omit<z.input<typeof logActivityInput>, 'guarantorId'>;
      if (v.outcome !== 'promised_to_pay') return { activity, promise: null };
      // The promise's amount and date are asked only for this outcome, and checked only then.
      const parsed = promise.safeParse({ promiseAmount, promiseDue });
      if (parsed.success) return { activity, promise: parsed.data };
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    });
}

/** followUps:add, less the guarantor. */
export const addFollowUpForm = z.object({
  title: addFollowUpInput.shape.title,
  dueDate: typedDate(addFollowUpInput.shape.dueDate, 'Enter the due date.'),
  assigneeId: idChoice(addFollowUpInput.shape.assigneeId),
  accountId: idChoice(addFollowUpInput.shape.accountId),
  note: addFollowUpInput.shape.note,
});

export const closeFollowUpInput = z.object({
  followUpId: idSchema,
  outcome: z.enum(['done', 'cancelled']),
});

export interface FollowUpView {
  id: number;
  guarantorId: number;
  accountId: number | null;
  title: string;
  note: string;
  dueDate: string;
  assigneeId: number | null;
  assignee: string | null;
  status: 'open' | 'done' | 'cancelled';
  createdAt: string;
  closedAt: string | null;
}

export interface DocumentView {
  id: number;
  kind: string;
  title: string;
  fileName: string;
  createdAt: string;
  by: string | null;
}

export interface PaymentView {
  id: number;
  receiptNumber: string;
  method: PaymentMethod;
  reference: string;
  amountCents: number;
  effectiveDate: string;
  reversed: boolean;
}

export interface AccountWorkspace {
  guarantor: GuarantorHeader;
  accounts: AccountView[];
  activities: ActivityView[];
  followUps: FollowUpView[];
  documents: DocumentView[];
  payments: PaymentView[];
}

export const guarantorInput = z.object({ guarantorId: idSchema });
export const documentInput = z.object({ documentId: idSchema });

// Obstetric prepayment (issue 17, PP-04): the channels' inputs (each field checked with a message
// naming it) and the views they answer with. Money is integer cents, rates basis points, dates
// business dates.
import { z } from 'zod';
import { businessDateSchema, type BusinessDate } from '../dates';
import { nonNegativeCents, positiveCents } from '../money';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../rules/documentLanguage';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  type InstallmentState,
  type ObCoverage,
  type ObEstimate,
  type ObInstallment,
  type TrueUp,
} from '../rules/obstetrics';
import { US_STATES } from './hospital';
import { PAYMENT_METHODS, type PaymentMethod } from './ledger';
import { idSchema, optionalText, requiredText } from './text';

export const OB_STATUSES = ['awaiting_signature', 'active', 'delivered', 'closed', 'cancelled'] as const;
export type ObStatus = (typeof OB_STATUSES)[number];
export const OB_STATUS_LABELS: Record<ObStatus, string> = {
  awaiting_signature: 'Awaiting the signed agreement',
  active: 'Paying before delivery',
  delivered: 'Delivered: awaiting the true-up',
  closed: 'Closed (trued up)',
  cancelled: 'Cancelled',
};

/** The financial-assistance screening offered at the interview, and her answer. */
export const FAP_SCREENINGS = ['declined', 'will_apply', 'applied', 'approved'] as const;
export type FapScreening = (typeof FAP_SCREENINGS)[number];
export const FAP_SCREENING_LABELS: Record<FapScreening, string> = {
  declined: 'Offered; she declined',
  will_apply: 'Offered; she will apply (application given)',
  applied: 'She has applied already',
  approved: 'She has assistance already',
};

export const OB_VERSION_REASONS = ['interview', 'date_moved', 'estimate_revised'] as const;
export type ObVersionReason = (typeof OB_VERSION_REASONS)[number];
export const OB_VERSION_REASON_LABELS: Record<ObVersionReason, string> = {
  interview: 'Interview',
  date_moved: 'Delivery date moved',
  estimate_revised: 'Estimate revised',
};

export const DEPOSIT_STATUSES = ['held', 'applied', 'refunded', 'reversed'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

const bp = (label: string) =>
  z
    .number({ error: `The ${label} is a percentage.` })
    .int(`The ${label} has at most two decimals.`)
    .min(0, `The ${label} cannot be negative.`)
    .max(10_000, `The ${label} is at most 100%.`);

/** The interview's coverage facts (ObCoverage). */
export const coverageSchema = z
  .object({
    kind: z.enum(['insured', 'self_pay'], { error: 'Choose insured or self-pay.' }),
    payerName: optionalText('Payer and plan', 80),
    planYearEnd: businessDateSchema.nullable(),
    deductibleRemainingCents: nonNegativeCents('deductible remaining'),
    oopRemainingCents: nonNegativeCents('out-of-pocket maximum remaining'),
    annualDeductibleCents: nonNegativeCents('yearly deductible').nullable(),
    annualOopMaxCents: nonNegativeCents('yearly out-of-pocket maximum').nullable(),
    coinsuranceBp: bp('coinsurance'),
    copayCents: nonNegativeCents('copay'),
    allowedCents: positiveCents('payer’s allowed amount').nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'insured' && c.payerName === '')
      ctx.addIssue({ code: 'custom', path: ['payerName'], message: 'Name the payer and plan.' });
  }) satisfies z.ZodType<ObCoverage, unknown>;

/** A patient registration does not know yet: Recoup makes her guarantor record (origin 'ob_interview'). */
export const newPatientSchema = z.object({
  lastName: requiredText('Last name', 80),
  firstName: requiredText('First name', 80),
  middleName: optionalText('Middle name', 80).default(''),
  dateOfBirth: businessDateSchema,
  addressLine1: requiredText('Address', 120),
  addressLine2: optionalText('Address line 2', 120).default(''),
  city: requiredText('City', 80),
  state: z.enum(US_STATES, { error: 'Choose a state.' }),
  zip: z
    .string({ error: 'ZIP code is text.' })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'A ZIP code is 5 digits (or ZIP+4).'),
  phone: optionalText('Phone', 30).default(''),
  email: optionalText('Email', 120).default(''),
  language: z.enum(['English', 'Spanish'], { error: 'Choose her language.' }),
  /** The hospital's guarantor number, when registration has given one: the extract then updates this same record. */
  guarantorNumber: optionalText('Guarantor number', 40).default(''),
  mrn: optionalText('MRN', 40).default(''),
});
export type NewPatient = z.infer<typeof newPatientSchema>;

const patientChoice = {
  /** An existing guarantor … */
  guarantorId: idSchema.optional(),
  /** … or a new patient (exactly one of the two). */
  newPatient: newPatientSchema.optional(),
};

const estimateFields = {
  expectedDelivery: businessDateSchema,
  deliveryKind: z.enum(DELIVERY_KINDS, { error: 'Choose the delivery kind.' }),
  coverage: coverageSchema,
  /** The first due date she chose (null: nothing to schedule, or the delivery is too near). */
  firstDue: businessDateSchema.nullable(),
};

function onePatient(v: { guarantorId?: number | undefined; newPatient?: unknown }, ctx: z.RefinementCtx): void {
  if ((v.guarantorId === undefined) === (v.newPatient === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['guarantorId'],
      message: 'Choose the patient: an existing guarantor or a new patient.',
    });
}

/** The interview's preview: the estimate and the schedule as they would be saved (nothing saved). */
export const estimateInput = z.object({ guarantorId: idSchema.optional(), ...estimateFields }).strict();

export const interviewInput = z
  .object({
    ...patientChoice,
    ...estimateFields,
    fapScreening: z.enum(FAP_SCREENINGS, { error: 'Record the financial-assistance screening offer.' }),
    /** Left out: the guarantor's recorded language. */
    language: z.enum(DOCUMENT_LANGUAGES).optional(),
  })
  .superRefine(onePatient);

export const caseInput = z.object({ caseId: idSchema });
export const casesInput = z.object({
  status: z.enum(['open', 'all', ...OB_STATUSES]).default('open'),
});
export const guarantorObInput = z.object({ guarantorId: idSchema });

/** A moved delivery date or new coverage facts: a new version of the estimate and schedule. */
export const reviseInput = z.object({
  caseId: idSchema,
  reason: z.enum(['date_moved', 'estimate_revised'], { error: 'Say why the schedule changes.' }),
  ...estimateFields,
  note: requiredText('Note', 300, 'Say what changed and who said so.'),
});
export const revisePreviewInput = reviseInput
  .omit({ note: true })
  .extend({ note: optionalText('Note', 300).default('') });

export const agreementInput = z.object({
  caseId: idSchema,
  /** Left out: the case's language, else the guarantor's. */
  language: z.enum(DOCUMENT_LANGUAGES).optional(),
});
export const recordSignatureInput = z.object({ caseId: idSchema, signedOn: businessDateSchema });
export const cancelInput = z.object({
  caseId: idSchema,
  on: businessDateSchema,
  note: requiredText('Note', 300, 'Say why the arrangement ends.'),
});

export const depositInput = z.object({
  caseId: idSchema,
  amountCents: positiveCents('deposit'),
  receivedOn: businessDateSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
});
export const reverseDepositInput = z.object({
  depositId: idSchema,
  note: requiredText('Note', 300, 'Say what the mistake was.'),
});
export const refundDepositsInput = z.object({
  caseId: idSchema,
  refundedOn: businessDateSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how the money goes back.' }),
  reference: optionalText('Reference', 60).default(''),
});

export const recordDeliveryInput = z.object({ caseId: idSchema, deliveredOn: businessDateSchema });
export const linkDeliveryInput = z.object({
  caseId: idSchema,
  accountIds: z
    .array(idSchema, { error: 'Choose the delivery account.' })
    .min(1, 'Choose the delivery account.')
    .max(5, 'At most 5 accounts.'),
});
export const trueUpPreviewInput = z.object({
  caseId: idSchema,
  realShareCents: nonNegativeCents('patient’s real share'),
});
export const trueUpInput = trueUpPreviewInput.extend({
  source: requiredText('Source', 120, 'Say where the real share comes from (the remittance or the EOB).'),
});
export const trueUpLetterInput = agreementInput;

export const statementRunPreviewInput = z.object({ statementDate: businessDateSchema });
export const statementRunInput = statementRunPreviewInput;
export const statementRunIdInput = z.object({ runId: idSchema });
export const singleStatementInput = z.object({
  caseId: idSchema,
  language: z.enum(DOCUMENT_LANGUAGES).optional(),
});

// --- views

export interface ObCaseSummary {
  id: number;
  /** "OB-12": the reference on every document. */
  reference: string;
  guarantorId: number;
  guarantorName: string;
  status: ObStatus;
  expectedDelivery: BusinessDate;
  deliveryKind: DeliveryKind;
  estimateCents: number;
  /** Deposits held for her now (received, not yet applied, refunded or reversed). */
  heldCents: number;
  /** Deposits applied to the delivery account(s). */
  appliedCents: number;
  nextDue: { dueDate: BusinessDate; cents: number } | null;
  pastDueCents: number;
  signedOn: BusinessDate | null;
  deliveredOn: BusinessDate | null;
  createdOn: BusinessDate;
}

export interface ObVersionView {
  id: number;
  version: number;
  reason: ObVersionReason;
  note: string;
  expectedDelivery: BusinessDate;
  deliveryKind: DeliveryKind;
  coverage: ObCoverage;
  chargesCents: number;
  estimate: ObEstimate;
  daysBefore: number;
  lastAllowed: BusinessDate;
  firstDue: BusinessDate | null;
  heldBeforeCents: number;
  scheduledCents: number;
  emptyReason: 'nothing_due' | 'too_near' | null;
  installments: ObInstallment[];
  madeOn: BusinessDate;
  madeBy: string;
}

export interface ObDepositView {
  id: number;
  receiptNumber: string;
  amountCents: number;
  receivedOn: BusinessDate;
  method: PaymentMethod;
  reference: string;
  status: DepositStatus;
  /** Applied: the day, and the ledger payment's receipt. */
  appliedOn: BusinessDate | null;
  paymentReceipt: string | null;
  closedOn: BusinessDate | null;
  closeNote: string | null;
}

export interface ObCaseDetail extends ObCaseSummary {
  language: DocumentLanguage;
  fapScreening: FapScreening;
  /** The guarantor record Recoup made at the interview ('ob_interview') or the extract's. */
  guarantorOrigin: 'extract' | 'ob_interview';
  current: ObVersionView;
  /** Every version, newest first (the history of the estimate and the schedule). */
  versions: ObVersionView[];
  /** The current schedule, installment by installment, against the deposits since it was made. */
  progress: {
    paidCents: number;
    items: (ObInstallment & { coveredCents: number; state: InstallmentState })[];
    remainingCents: number;
  };
  deposits: ObDepositView[];
  deliveryAccounts: {
    accountId: number;
    accountNumber: string;
    serviceFrom: BusinessDate;
    serviceTo: BusinessDate;
    balanceCents: number;
    held: boolean;
  }[];
  statements: { id: number; statementDate: BusinessDate; documentId: number | null }[];
  agreementDocumentId: number | null;
  cancelled: { on: BusinessDate; note: string } | null;
  trueUp: {
    realShareCents: number;
    source: string;
    outcome: TrueUp['outcome'];
    cents: number;
    truedUpOn: BusinessDate;
    letterDocumentId: number | null;
  } | null;
}

/** The interview's (or a revision's) preview: what would be saved. */
export interface EstimatePreview {
  chargesCents: number;
  selfPayDiscountBp: number;
  assistanceBp: number;
  estimate: ObEstimate;
  daysBefore: number;
  lastAllowed: BusinessDate;
  heldCents: number;
  scheduledCents: number;
  installments: ObInstallment[];
  emptyReason: 'nothing_due' | 'too_near' | null;
}

/** An account the extract brought that may be the delivery. */
export interface DeliveryCandidate {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  guarantorName: string;
  /** Under the case's own guarantor, or under another record of the same patient (same birth date and name). */
  sameGuarantor: boolean;
  patientName: string;
  serviceType: string;
  serviceFrom: BusinessDate;
  serviceTo: BusinessDate;
  balanceCents: number;
  /** Why it is offered, in a sentence. */
  why: string;
  /** Linked to another case already: not offered for confirmation. */
  takenByCase: string | null;
}

export interface TrueUpPreview {
  estimateCents: number;
  realShareCents: number;
  /** What she paid on the delivery account(s): the deposits applied and any payment since. */
  paidCents: number;
  depositsAppliedCents: number;
  /** The delivery account(s)' balance in the ledger now, and what it must be: share − paid. */
  balanceCents: number;
  expectedBalanceCents: number;
  /** Null when the true-up can be made; else what stops it, in a sentence. */
  problem: string | null;
  outcome: TrueUp;
  /** The adjudicated patient responsibility from a remittance on file for the delivery account (X-01 CLP05). */
  remittance: { patientRespCents: number; payer: string; paidOn: BusinessDate | null } | null;
}

export interface ObStatementRunPreview {
  statementDate: BusinessDate;
  due: {
    caseId: number;
    reference: string;
    guarantorName: string;
    nextDue: { dueDate: BusinessDate; cents: number } | null;
    pastDueCents: number;
  }[];
  left: { caseId: number; reference: string; guarantorName: string; reason: string }[];
}

export interface ObStatementRunView {
  id: number;
  statementDate: BusinessDate;
  count: number;
  documentId: number | null;
  createdAt: string;
}

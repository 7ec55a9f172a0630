// Payment plans: the plan policy (PP-01..03), the set-up input, and what the workspace shows.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, dateNotBefore, formatShortDate, type BusinessDate } from '../dates';
import { dollarsText, nonNegativeCents, positiveCents } from '../money';
import { DEFAULT_PLAN_TIERS } from '../rules/planPolicy';
import { MAX_INSTALLMENTS, PLAN_FREQUENCIES } from '../rules/planSchedule';
import type { PlanProgress, PlanState } from '../rules/planProgress';
import { idSchema, optionalText, requiredText } from './text';
import { supervisorApprovalSchema } from './users';

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}: a whole number of days.` })
    .int(`${label}: a whole number of days.`)
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label}: at most ${max}.`);

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} is a number.` })
    .int(`${label} is a whole number.`)
    .min(min, `${label}: at least ${min}.`)
    .max(max, `${label}: at most ${max}.`);

/** The most tiers a plan policy has. */
export const MAX_TIERS = 12;

export const planTierSchema = z.object({
  upToCents: positiveCents('Limit').nullable(),
  maxMonths: z
    .number({ error: 'The longest term is a number of months.' })
    .int('Months are whole.')
    .min(1, 'At least 1 month.')
    .max(120, 'At most 120 months.'),
  minMonthlyCents: nonNegativeCents('Smallest monthly payment'),
});

export const planPolicySchema = z.object({
  /** PP-01: balance tiers, ascending; the last has no upper limit. */
  tiers: z
    .array(planTierSchema)
    .min(1, 'Give at least one tier.')
    .max(MAX_TIERS, `At most ${MAX_TIERS} tiers.`)
    .refine((t) => t[t.length - 1]?.upToCents === null, 'The last tier covers every larger balance (no upper limit).')
    .refine(
      (t) => t.slice(0, -1).every((x, i) => x.upToCents !== null && (i === 0 || x.upToCents > t[i - 1]!.upToCents!)),
      'Tier limits must rise from one tier to the next.',
    ),
  /** PP-02: days after a due date before an unpaid installment lapses the plan. */
  graceDays: days('Grace days', 60),
  /** PP-02: days after the lapse (and its letter) to bring the plan current before it defaults. */
  cureDays: days('Days to cure', 90),
  /** PP-02: this many missed installments default the plan even inside the cure period. */
  missedToDefault: z
    .number({ error: 'Missed payments that default is a number.' })
    .int('Missed payments that default is a whole number.')
    .min(1, 'At least 1 missed payment.')
    .max(12, 'At most 12 missed payments.'),
  /** What money beyond the installment due next does. */
  overpayment: z.enum(['pay_ahead', 'shorten_term']),
  /** 501(r) spirit: offer financial assistance first when the FAP status is unknown and the balance is above this. */
  fapPromptAboveCents: nonNegativeCents('Amount'),
  /** PP-03 (FFIEC model; unconfirmed limits). */
  reage: z.object({
    minAccountAgeMonths: count('Months open before a re-age', 0, 120),
    consecutivePayments: count('Consecutive payments before a re-age', 1, 12),
    maxPer12Months: count('Re-ages in 12 months', 0, 12),
    maxPer5Years: count('Re-ages in 5 years', 0, 60),
  }),
});
export type PlanPolicy = z.infer<typeof planPolicySchema>;

/** Shipped defaults. Grace, cure and default counts follow the Hillsdale example of PP-02 (unconfirmed as a standard). */
export const DEFAULT_PLAN_POLICY: PlanPolicy = {
  tiers: DEFAULT_PLAN_TIERS,
  graceDays: 10,
  cureDays: 20,
  missedToDefault: 2,
  overpayment: 'pay_ahead',
  fapPromptAboveCents: 50_000,
  reage: { minAccountAgeMonths: 9, consecutivePayments: 3, maxPer12Months: 1, maxPer5Years: 2 },
};

export const setPlanPolicyInput = z.object({ effectiveFrom: businessDateSchema, policy: planPolicySchema });

export interface PlanPolicyVersion {
  id: number;
  effectiveFrom: string;
  policy: PlanPolicy;
  createdAt: string;
  createdBy: string | null;
}

export const FAP_ANSWERS = ['not_asked', 'declined', 'will_apply', 'already_applied'] as const;
export const FAP_ANSWER_LABELS: Record<(typeof FAP_ANSWERS)[number], string> = {
  not_asked: 'Not asked',
  declined: 'Offered; the patient declined to apply',
  will_apply: 'Offered; the patient will apply',
  already_applied: 'The patient has already applied',
};

/** A plan outside its tier: a supervisor's user name and password, and why it is an exception. */
export const planApprovalSchema = supervisorApprovalSchema.extend({
  reason: requiredText('Reason for the exception', 300, 'Say why this plan is an exception.'),
});

const planTermsShape = {
  downPaymentCents: nonNegativeCents('Down payment'),
  frequency: z.enum(PLAN_FREQUENCIES, { error: 'Choose monthly, every two weeks, or weekly.' }),
  dayOfMonth: z
    .number({ error: 'The day of the month is 1 to 31.' })
    .int('The day of the month is 1 to 31.')
    .min(1, 'The day of the month is 1 to 31.')
    .max(31, 'The day of the month is 1 to 31.')
    .optional(),
  firstDueDate: businessDateSchema,
  installmentCents: positiveCents('Amount of each payment').optional(),
  installmentCount: z
    .number({ error: 'The number of payments is a whole number.' })
    .int('The number of payments is a whole number.')
    .min(1, 'A plan has at least one payment.')
    .max(MAX_INSTALLMENTS, `A plan has at most ${MAX_INSTALLMENTS} payments.`)
    .optional(),
  /** Outside the policy tier: a supervisor's approval with a reason (a supervisor gives their own). */
  approval: planApprovalSchema.optional(),
  exceptionReason: optionalText('Reason for the exception', 300).optional(),
};

export const createPlanInput = z
  .object({
    guarantorId: idSchema,
    accountIds: z.array(idSchema).min(1, 'Choose the accounts the plan covers.').max(50),
    fapAnswer: z.enum(FAP_ANSWERS),
    ...planTermsShape,
  })
  .refine((x) => (x.installmentCents === undefined) !== (x.installmentCount === undefined), {
    message: 'Give either the amount of each payment or the number of payments.',
    path: ['installmentCents'],
  });
export type CreatePlanInput = z.infer<typeof createPlanInput>;

/** The fields of a plan's terms: what set-up and re-schedule both ask for (the rest is whose plan,
 * over which accounts). */
export type PlanTermField =
  | 'downPaymentCents'
  | 'frequency'
  | 'dayOfMonth'
  | 'firstDueDate'
  | 'installmentCents'
  | 'installmentCount'
  | 'approval'
  | 'exceptionReason';

export const reschedulePlanInput = z
  .object({
    planId: idSchema,
    /** Accounts to add to the plan (a new balance); the plan's own stay. */
    addAccountIds: z.array(idSchema).max(50).default([]),
    reason: requiredText('Reason', 300),
    /** PP-03: bring a lapsed or defaulted plan current by re-aging it. */
    reage: z.boolean().default(false),
    ...planTermsShape,
  })
  .refine((x) => (x.installmentCents === undefined) !== (x.installmentCount === undefined), {
    message: 'Give either the amount of each payment or the number of payments.',
    path: ['installmentCents'],
  });

export const planIdInput = z.object({ planId: idSchema });
export const cancelPlanInput = z.object({ planId: idSchema, reason: requiredText('Reason', 300) });
export const signedInput = z.object({ planId: idSchema, signedOn: businessDateSchema });

/** 'suspended': the guarantor died (issue 14); an undo of the death resumes the plan as it was. */
export type PlanStatus = PlanState | 'cancelled' | 'replaced' | 'suspended';

/**
 * An active plan: in force, covering its accounts (a payment goes to them first, the statement
 * run holds them while current) and checked by the lapse engine every day.
 */
export const ACTIVE_PLAN_STATUSES = ['current', 'lapsed'] as const satisfies readonly PlanStatus[];
/** An open plan: active, or defaulted and still to be worked (re-aged, re-scheduled or cancelled). */
export const OPEN_PLAN_STATUSES = ['current', 'lapsed', 'defaulted'] as const satisfies readonly PlanStatus[];

export function isActivePlan(status: PlanStatus): boolean {
  return (ACTIVE_PLAN_STATUSES as readonly PlanStatus[]).includes(status);
}

export function isOpenPlan(status: PlanStatus): boolean {
  return (OPEN_PLAN_STATUSES as readonly PlanStatus[]).includes(status);
}
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  current: 'Current',
  lapsed: 'Lapsed',
  defaulted: 'Defaulted',
  completed: 'Paid in full',
  cancelled: 'Cancelled',
  replaced: 'Replaced by a new schedule',
  suspended: 'Suspended (the guarantor died)',
};

export interface PlanEventView {
  id: number;
  onDate: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string;
  by: string | null;
}

export interface PlanView {
  id: number;
  guarantorId: number;
  status: PlanStatus;
  statusSince: string;
  startDate: string;
  balanceCents: number;
  downPaymentCents: number;
  frequency: (typeof PLAN_FREQUENCIES)[number];
  dayOfMonth: number | null;
  installmentCents: number;
  installmentCount: number;
  accountIds: number[];
  withinTier: boolean;
  approvedBy: string | null;
  approvalReason: string | null;
  fapAnswer: (typeof FAP_ANSWERS)[number];
  agreementSignedOn: string | null;
  replacesPlanId: number | null;
  reaged: boolean;
  /** When the plan lapsed and the cure deadline its lapse letter gave (while lapsed or defaulted). */
  lapsedOn: string | null;
  cureDeadline: string | null;
  policyEffectiveFrom: string;
  progress: PlanProgress;
  events: PlanEventView[];
}

export const addPromiseInput = z.object({
  guarantorId: idSchema,
  amountCents: positiveCents('Amount promised'),
  dueDate: businessDateSchema,
  activityId: idSchema.optional(),
});

export interface PromiseView {
  id: number;
  amountCents: number;
  promisedOn: string;
  dueDate: string;
  /** 'suspended': the guarantor died (issue 14); an undo of the death reopens it. */
  status: 'open' | 'kept' | 'broken' | 'cancelled' | 'suspended';
  resolvedOn: string | null;
  paidCents: number;
}

// The small plan forms. Each is its channel's schema as the clerk types it, less the record the
// dialog is about; plan terms and the plan policy have files of their own (planTermsForm.ts,
// planPolicyForm.ts).

/** plans:signed, less the plan: not after the business date, not before the plan was made. */
export function signedForm(today: BusinessDate, planStartDate: BusinessDate) {
  return z.object({
    signedOn: dateNotAfter(today, 'The signing', signedInput.shape.signedOn).refine(
      (d) => d >= planStartDate,
      `The agreement cannot be signed before the plan was made (${formatShortDate(planStartDate)}).`,
    ),
  });
}

/** plans:cancel, less the plan: why. */
export const cancelPlanForm = cancelPlanInput.omit({ planId: true });

/** promises:add, less the guarantor and the call: the amount in dollars and the day, today or later. */
export function addPromiseForm(today: BusinessDate) {
  const shape = addPromiseInput.shape;
  return z
    .object({
      promiseAmount: dollarsText('Amount promised', shape.amountCents),
      promiseDue: dateNotBefore(
        today,
        `A promise falls due today or later (${formatShortDate(today)} or after).`,
        shape.dueDate,
        'Enter the date it is promised by.',
      ),
    })
    .transform((v) => ({ amountCents: v.promiseAmount, dueDate: v.promiseDue }));
}

/** Main's refusals of promises:add, on the promise fields. */
export const PROMISE_ALIASES = { amountCents: 'promiseAmount', dueDate: 'promiseDue' } as const;

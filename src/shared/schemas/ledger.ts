// The ledger's vocabulary: entry types with their sign, payment methods, adjustment reasons.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, type BusinessDate } from '../dates';
import { centsSchema, dollarsText, positiveCents, typedCents } from '../money';
import { allocateOldestFirst, checkChosenAllocation, type Allocation } from '../rules/allocation';
import { choice } from './formFields';
import { idSchema, optionalText, requiredText } from './text';
import { supervisorApprovalSchema } from './users';

export const LEDGER_TYPES = [
  'charge',
  'insurance_payment',
  'contractual_adjustment',
  'patient_payment',
  'agency_remittance',
  'payroll_deduction',
  'court_recovery',
  'estate_recovery',
  'charity_adjustment',
  'bad_debt_writeoff',
  'administrative_adjustment',
  'refund',
  'reversal',
  'court_costs',
] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  charge: 'Charge',
  insurance_payment: 'Insurance payment',
  contractual_adjustment: 'Contractual adjustment',
  patient_payment: 'Patient payment',
  agency_remittance: 'Agency remittance',
  payroll_deduction: 'Payroll deduction',
  court_recovery: 'Court recovery',
  estate_recovery: 'Estate recovery',
  charity_adjustment: 'Charity / financial-assistance adjustment',
  bad_debt_writeoff: 'Bad-debt write-off',
  administrative_adjustment: 'Adjustment',
  refund: 'Refund',
  reversal: 'Reversal',
  court_costs: 'Court costs awarded',
};

/** +1: raises the balance; -1: lowers it; 0: either (by reason or the entry reversed). */
/** Money from the patient's side (and refunds of it): what "you paid" means on a statement and for ECA-05. */
export const PATIENT_MONEY_TYPES = [
  'patient_payment',
  'payroll_deduction',
  'agency_remittance',
  'court_recovery',
  'estate_recovery',
  'refund',
] as const satisfies readonly LedgerType[];

export const LEDGER_TYPE_SIGN: Record<LedgerType, 1 | -1 | 0> = {
  charge: 1,
  refund: 1,
  insurance_payment: -1,
  contractual_adjustment: -1,
  patient_payment: -1,
  agency_remittance: -1,
  payroll_deduction: -1,
  court_recovery: -1,
  estate_recovery: -1,
  charity_adjustment: -1,
  bad_debt_writeoff: -1,
  administrative_adjustment: 0,
  reversal: 0,
  court_costs: 1,
};

export const PAYMENT_METHODS = ['cash', 'check', 'card', 'money_order', 'ach'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  check: 'Check',
  card: 'Card',
  money_order: 'Money order',
  ach: 'Bank transfer (ACH)',
};

/** Adjustment reasons a clerk may post; each says which way it moves the balance. */
export const ADJUSTMENT_REASONS = {
  small_balance: { label: 'Small-balance write-off', sign: -1, type: 'administrative_adjustment' },
  billing_error: { label: 'Billing error correction', sign: -1, type: 'administrative_adjustment' },
  prompt_pay_discount: { label: 'Prompt-pay discount', sign: -1, type: 'administrative_adjustment' },
  charity: { label: 'Financial assistance (charity)', sign: -1, type: 'charity_adjustment' },
  contractual: { label: 'Contractual adjustment', sign: -1, type: 'contractual_adjustment' },
  rebill: { label: 'Re-bill / balance correction (increase)', sign: 1, type: 'administrative_adjustment' },
} as const satisfies Record<string, { label: string; sign: 1 | -1; type: LedgerType }>;
export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS;

/**
 * Reasons the system posts with a matter's own step, never offered for a clerk's adjustment by
 * hand: a judgment leaves the rest uncollectable (issue 13); an estate closes with nothing more
 * (issue 14). The ledger view shows their labels.
 */
export const MATTER_ADJUSTMENT_REASONS = {
  court_judgment: 'Court judgment: not collectable',
  estate_closed: 'Estate closed with nothing more',
  medicare_bad_debt: 'Medicare bad debt written off (BD-09)',
  bad_debt_recovery: 'Reinstated for a bad-debt recovery (BD-12)',
} as const;
export const ESTATE_CLOSED_REASON = 'estate_closed' satisfies keyof typeof MATTER_ADJUSTMENT_REASONS;
/** Issue 15: a Medicare bad-debt write-off (a bad_debt_writeoff entry) and a recovery's reinstatement. */
export const MEDICARE_BAD_DEBT_REASON = 'medicare_bad_debt' satisfies keyof typeof MATTER_ADJUSTMENT_REASONS;
export const BAD_DEBT_RECOVERY_REASON = 'bad_debt_recovery' satisfies keyof typeof MATTER_ADJUSTMENT_REASONS;
export const ADJUSTMENT_REASON_CODES = Object.keys(ADJUSTMENT_REASONS) as [AdjustmentReason, ...AdjustmentReason[]];

/** One account's part of a payment the clerk splits. */
export const allocationSchema = z.object({ accountId: idSchema, amountCents: positiveCents('Allocated amount') });

export const postPaymentInput = z.object({
  guarantorId: idSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
  amountCents: positiveCents('Amount'),
  effectiveDate: businessDateSchema,
  /** Empty: oldest first. Otherwise the clerk's split, which must add up to the amount. */
  allocations: z.array(allocationSchema).max(500, 'Too many allocations.').default([]),
  /** The clerk confirms it is a second payment, not the same one again (src/shared/rules/paymentChecks.ts). */
  confirmDuplicate: z.boolean().default(false),
  /** A supervisor's user name and password, for a payment dated before the last statement. */
  approval: supervisorApprovalSchema.optional(),
});
export type PostPaymentInput = z.infer<typeof postPaymentInput>;

export const postAdjustmentInput = z.object({
  accountId: idSchema,
  reason: z.enum(ADJUSTMENT_REASON_CODES, { error: 'Choose a reason.' }),
  /** The size of the adjustment; its direction comes from the reason. */
  amountCents: positiveCents('Amount'),
  effectiveDate: businessDateSchema,
  memo: optionalText('Memo', 300).default(''),
  /** A supervisor's user name and password, when the amount is above the approval limit. */
  approval: supervisorApprovalSchema.optional(),
});
export type PostAdjustmentInput = z.infer<typeof postAdjustmentInput>;

export const reverseEntryInput = z.object({
  entryId: idSchema,
  reason: requiredText('Reason', 300),
  effectiveDate: businessDateSchema,
  /** A supervisor's user name and password, when the reversal lowers the balance by more than the limit. */
  approval: supervisorApprovalSchema.optional(),
});

export const paymentIdInput = z.object({ paymentId: idSchema }).strict();

export const reversePaymentInput = z.object({
  paymentId: idSchema,
  reason: requiredText('Reason', 300),
  effectiveDate: businessDateSchema,
});

// The forms. Each is its channel's schema as the clerk types it (dollars as text, dates not after
// the business date) and gives the channel's input, less the record the dialog is about.

/** Form keys for a split ("a12"): react-hook-form would read a bare account id as an array index. */
export const splitKey = (accountId: number) => `a${accountId}`;

/** An account as the payment form knows it (AccountView is one). */
export interface PayableAccount {
  id: number;
  serviceFrom: BusinessDate;
  balanceCents: number;
}

/**
 * A form's supervisor approval: the user name and password when the action needs one (over the
 * limit, or main asked), and otherwise nothing sent, whatever the hidden boxes hold.
 */
export function approvalField(needsApproval: boolean) {
  return needsApproval
    ? supervisorApprovalSchema
    : z
        .object({ username: z.string(), password: z.string() })
        .optional()
        .transform(() => undefined);
}

/**
 * payments:post, less the guarantor. The spread is checked by the rule main applies: oldest first
 * (a payment above what is owed is refused) or the clerk's split, which must add up to the payment.
 * `splitTotal` is no field: the place the spread's refusal is shown.
 */
export function postPaymentForm({
  today,
  accounts,
  needsApproval = false,
}: {
  today: BusinessDate;
  accounts: readonly PayableAccount[];
  needsApproval?: boolean;
}) {
  const shape = postPaymentInput.shape;
  const part = dollarsText('Allocated amount', allocationSchema.shape.amountCents);
  const open = accounts.map((a) => ({ accountId: a.id, serviceFrom: a.serviceFrom, balanceCents: a.balanceCents }));
  return z
    .object({
      method: choice(shape.method),
      reference: shape.reference,
      amount: dollarsText('Amount', shape.amountCents),
      effectiveDate: dateNotAfter(today, 'A payment', shape.effectiveDate),
      allocation: z.enum(['oldest', 'split']),
      split: z.record(z.string(), z.string()),
      splitTotal: z.string().optional(),
      confirmDuplicate: z.boolean().default(false),
      approval: approvalField(needsApproval),
    })
    .transform((v, ctx) => {
      const allocations: Allocation[] = [];
      if (v.allocation === 'split') {
        let typedWell = true;
        for (const a of accounts) {
          const key = splitKey(a.id);
          const text = v.split[key] ?? '';
          // Left empty or 0.00: nothing to this account.
          if (!text.trim() || typedCents(text) === 0) continue;
          const cents = part.safeParse(text);
          if (cents.success) allocations.push({ accountId: a.id, amountCents: cents.data });
          else {
            typedWell = false;
            for (const issue of cents.error.issues)
              ctx.addIssue({ code: 'custom', path: ['split', key], message: issue.message });
          }
        }
        if (!typedWell) return z.NEVER;
      }
      const spread =
        v.allocation === 'split'
          ? checkChosenAllocation(open, v.amount, allocations)
          : allocateOldestFirst(open, v.amount);
      if (!spread.ok) {
        ctx.addIssue({ code: 'custom', path: ['splitTotal'], message: spread.reason });
        return z.NEVER;
      }
      return {
        method: v.method,
        reference: v.reference,
        amountCents: v.amount,
        effectiveDate: v.effectiveDate,
        allocations,
        confirmDuplicate: v.confirmDuplicate,
        approval: v.approval,
      } satisfies Omit<PostPaymentInput, 'guarantorId'>;
    });
}

/** Main's refusals of payments:post, on the payment form's fields. */
export const POST_PAYMENT_ALIASES = {
  amountCents: 'amount',
  allocations: 'splitTotal',
  approval: 'approval.password',
} as const;

/**
 * ledger:adjust, less the account. The supervisor's user name and password are asked, and sent,
 * only when the adjustment needs approval (`needsApproval`).
 */
export function postAdjustmentForm({ today, needsApproval }: { today: BusinessDate; needsApproval: boolean }) {
  const shape = postAdjustmentInput.shape;
  return z
    .object({
      reason: choice(shape.reason),
      amount: dollarsText('Amount', shape.amountCents),
      effectiveDate: dateNotAfter(today, 'An adjustment', shape.effectiveDate),
      memo: shape.memo,
      approval: approvalField(needsApproval),
    })
    .transform(({ amount, ...v }) => ({ ...v, amountCents: amount }) satisfies Omit<PostAdjustmentInput, 'accountId'>);
}

/** Main's refusals of ledger:adjust, on the adjustment form's fields. */
export const POST_ADJUSTMENT_ALIASES = { amountCents: 'amount', approval: 'approval.password' } as const;

/** ledger:reverse, less the entry: why, and the date (not after the business date). */
export function reverseEntryForm(today: BusinessDate, needsApproval = false) {
  const shape = reverseEntryInput.shape;
  return z.object({
    reason: shape.reason,
    effectiveDate: dateNotAfter(today, 'A reversal', shape.effectiveDate),
    approval: approvalField(needsApproval),
  });
}

/** payments:reverse, less the payment: why, and the date (not after the business date). */
export function reversePaymentForm(today: BusinessDate) {
  const shape = reversePaymentInput.shape;
  return z.object({ reason: shape.reason, effectiveDate: dateNotAfter(today, 'A reversal', shape.effectiveDate) });
}

export interface LedgerLine {
  id: number;
  accountId: number;
  type: LedgerType;
  amountCents: number;
  effectiveDate: string;
  postedAt: string;
  postedBy: string | null;
  reference: string;
  reasonCode: string | null;
  memo: string;
  paymentId: number | null;
  reversesId: number | null;
  reversedById: number | null;
  /** Came in with the billing extract (posted by whoever ran the import). */
  imported: boolean;
  /** The supervisor who approved an adjustment over the limit. */
  approvedBy: string | null;
  runningBalanceCents: number;
}

export { centsSchema };

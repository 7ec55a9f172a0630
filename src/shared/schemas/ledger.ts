// The ledger's vocabulary: entry types with their sign, payment methods, adjustment reasons.
import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { positiveCentsSchema, centsSchema } from '../money';
import { idSchema, optionalText, requiredText } from './text';

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
export const ADJUSTMENT_REASON_CODES = Object.keys(ADJUSTMENT_REASONS) as [AdjustmentReason, ...AdjustmentReason[]];

export const postPaymentInput = z.object({
  guarantorId: idSchema,
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
  amountCents: positiveCentsSchema,
  effectiveDate: businessDateSchema,
  /** Empty: oldest first. Otherwise the clerk's split, which must add up to the amount. */
  allocations: z
    .array(z.object({ accountId: idSchema, amountCents: positiveCentsSchema }))
    .max(500, 'Too many allocations.')
    .default([]),
});
export type PostPaymentInput = z.infer<typeof postPaymentInput>;

export const postAdjustmentInput = z.object({
  accountId: idSchema,
  reason: z.enum(ADJUSTMENT_REASON_CODES, { error: 'Choose a reason.' }),
  /** The size of the adjustment; its direction comes from the reason. */
  amountCents: positiveCentsSchema,
  effectiveDate: businessDateSchema,
  memo: optionalText('Memo', 300).default(''),
  /** A supervisor's user name and password, when the amount is above the approval limit. */
  approval: z
    .object({ username: requiredText('Supervisor user name', 40), password: requiredText('Supervisor password', 128) })
    .optional(),
});
export type PostAdjustmentInput = z.infer<typeof postAdjustmentInput>;

export const reverseEntryInput = z.object({
  entryId: idSchema,
  reason: requiredText('Reason', 300),
  effectiveDate: businessDateSchema,
});

export const paymentIdInput = z.object({ paymentId: idSchema }).strict();

export const reversePaymentInput = z.object({
  paymentId: idSchema,
  reason: requiredText('Reason', 300),
  effectiveDate: businessDateSchema,
});

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

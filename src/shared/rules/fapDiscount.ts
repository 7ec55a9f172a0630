// Financial assistance as the policy reads (ECA-05; 26 CFR 1.501(r)-5). For each open account the
// policy gives an amount the patient is responsible for, counted on everything the patient owed
// — what is still billed AND what they have already paid — never on the balance alone (issue 11:
// a percentage typed against the balance, less what was paid, made $308 of refunds the policy never
// gave). What they paid counts towards that amount; only what they paid beyond it is refunded.
//
// Percentages are whole basis points (6250 = 62.50%) so no float ever touches money.
export type FapDiscount =
  /** Approved in full: the patient owes nothing. */
  | { kind: 'full' }
  /** Approved in part: this percentage off what the patient was responsible for. */
  | { kind: 'percent'; percentOffBasisPoints: number }
  /** Approved in part: the patient pays the amount generally billed (the AGB percentage of gross charges). */
  | { kind: 'agb' };

/** One open account's ledger, summed by what each entry counts as. */
export interface FapAccountLedger {
  accountId: number;
  accountNumber: string;
  /** Charges (and re-bills), net of reversals. */
  grossChargesCents: number;
  /** Insurance payments and contractual adjustments. */
  payerCreditsCents: number;
  /** Every other adjustment already made (administrative, an earlier charity adjustment, ...). */
  otherAdjustmentsCents: number;
  /** What the patient's side paid, net of refunds (PATIENT_MONEY_TYPES). */
  patientPaidCents: number;
}

export interface FapAccountOutcome extends FapAccountLedger {
  /** The balance the ledger shows now: responsibility less what the patient paid. */
  balanceCents: number;
  /** What the patient was responsible for before the decision: gross less payer credits and other adjustments. */
  responsibilityCents: number;
  /** 1.501(r)-5: the amount generally billed for this care; a patient who qualifies never pays more. */
  agbLimitCents: number;
  /** What the patient is responsible for under the policy (paid and still to pay). */
  policyAmountCents: number;
  /** True when the AGB limit, not the chosen discount, set the policy amount. */
  agbLimited: boolean;
  /** The charity adjustment to post. */
  adjustmentCents: number;
  /** What the patient paid beyond the policy amount: refunded to them. */
  refundCents: number;
  /** What the patient still owes once the adjustment posts and any refund is made. */
  owesCents: number;
}

export const BASIS_POINTS = 10_000;

/** amount × basisPoints / 10,000, rounded down (in the patient's favor), exactly (BigInt: no 2^53 overflow). */
export function portion(amountCents: number, basisPoints: number): number {
  if (amountCents <= 0) return 0;
  return Number((BigInt(amountCents) * BigInt(basisPoints)) / BigInt(BASIS_POINTS));
}

/**
 * One account under the policy. The policy amount is the discount's amount, never more than AGB
 * (1.501(r)-5) nor more than the patient was responsible for, nor below zero. Then
 *   adjustment = responsibility − policy amount,
 *   refund     = what was paid beyond the policy amount,
 *   owes       = what is left to pay,
 * and balance − adjustment + refund = owes (the ledger after the adjustment and the refund).
 */
export function fapOutcome(
  account: FapAccountLedger,
  discount: FapDiscount,
  agbBasisPoints: number,
): FapAccountOutcome {
  const responsibility = account.grossChargesCents - account.payerCreditsCents - account.otherAdjustmentsCents;
  const balance = responsibility - account.patientPaidCents;
  const agbLimit = portion(account.grossChargesCents, agbBasisPoints);
  const chosen =
    discount.kind === 'full'
      ? 0
      : discount.kind === 'agb'
        ? agbLimit
        : portion(responsibility, BASIS_POINTS - discount.percentOffBasisPoints);
  const policyAmount = Math.max(0, Math.min(chosen, agbLimit, responsibility));
  const paid = account.patientPaidCents;
  return {
    ...account,
    balanceCents: balance,
    responsibilityCents: responsibility,
    agbLimitCents: agbLimit,
    policyAmountCents: policyAmount,
    agbLimited: discount.kind === 'percent' && agbLimit < chosen && agbLimit < responsibility,
    adjustmentCents: Math.max(0, responsibility - policyAmount),
    refundCents: Math.max(0, paid - policyAmount),
    owesCents: Math.max(0, policyAmount - paid),
  };
}

export interface FapTotals {
  adjustmentCents: number;
  refundCents: number;
  owesCents: number;
}

export function fapTotals(outcomes: readonly FapAccountOutcome[]): FapTotals {
  return outcomes.reduce(
    (t, o) => ({
      adjustmentCents: t.adjustmentCents + o.adjustmentCents,
      refundCents: t.refundCents + o.refundCents,
      owesCents: t.owesCents + o.owesCents,
    }),
    { adjustmentCents: 0, refundCents: 0, owesCents: 0 },
  );
}

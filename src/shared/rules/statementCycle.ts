// ST-03: who gets a statement on a run date, and which one. A guarantor with an open balance of
// at least the minimum, not held, is due when no statement has gone out yet, or when the days
// between statements have passed since the last one. Statements 1..N are regular; the next one is
// the final notice (the 501(r) 30-day notice with the plain-language summary, ECA-05); after the
// final notice the cycle ends and the account waits for the ECA date.
import { addDays, type BusinessDate } from '../dates';

export const HOLD_REASONS = [
  'dispute',
  'fap_pending',
  'bankruptcy',
  'deceased',
  'plan_current',
  'placed_with_agency',
  'in_litigation',
  'estate_claim',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  dispute: 'Balance disputed',
  fap_pending: 'Financial-assistance application pending',
  bankruptcy: 'Bankruptcy',
  deceased: 'Deceased',
  plan_current: 'Payment plan current',
  placed_with_agency: 'Placed with a collection agency',
  in_litigation: 'In litigation',
  estate_claim: 'Claim against the estate',
};

export interface CyclePolicy {
  /** Days between statements (ST-03: about 30; unconfirmed as a standard). */
  daysBetween: number;
  /** Regular statements before the final notice (ST-03: 3). */
  regularStatements: number;
  /** Balances below this get no statement. */
  minimumBalanceCents: number;
}

export const DEFAULT_CYCLE_POLICY: CyclePolicy = { daysBetween: 30, regularStatements: 3, minimumBalanceCents: 500 };

export interface CycleState {
  balanceCents: number;
  /** Statements already sent in this cycle (0 when none). */
  sentCount: number;
  lastStatementDate: BusinessDate | null;
  finalNoticeSent: boolean;
  /** Active holds that stop the cycle today. */
  holds: HoldReason[];
}

export type CycleDecision =
  | { due: true; kind: 'regular' | 'final_notice'; number: number }
  | {
      due: false;
      why: 'below_minimum' | 'held' | 'not_yet' | 'cycle_complete' | 'credit_or_zero';
      holds?: HoldReason[];
      nextDate?: BusinessDate;
    };

export function statementDue(
  state: CycleState,
  runDate: BusinessDate,
  policy: CyclePolicy = DEFAULT_CYCLE_POLICY,
): CycleDecision {
  if (state.balanceCents <= 0) return { due: false, why: 'credit_or_zero' };
  if (state.balanceCents < policy.minimumBalanceCents) return { due: false, why: 'below_minimum' };
  if (state.holds.length > 0) return { due: false, why: 'held', holds: state.holds };
  if (state.finalNoticeSent) return { due: false, why: 'cycle_complete' };
  if (state.lastStatementDate !== null) {
    const next = addDays(state.lastStatementDate, policy.daysBetween);
    if (runDate < next) return { due: false, why: 'not_yet', nextDate: next };
  }
  const number = state.sentCount + 1;
  return { due: true, kind: number > policy.regularStatements ? 'final_notice' : 'regular', number };
}

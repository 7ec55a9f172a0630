// ST-03: who gets a statement on a run date, and which one. A guarantor with an open balance of
// at least the minimum, not held, is due when no statement has gone out yet, or when the days
// between statements have passed since the last one. Statements 1..N are regular; the next one is
// the final notice (the 501(r) 30-day notice with the plain-language summary, ECA-05); after the
// final notice the cycle ends and the account waits for the ECA date. The cycle runs per account
// (each has its own D0 and final notice), while the guarantor gets one statement for all of them.
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

/** One open account of the guarantor, as the cycle sees it (the 501(r) clock runs per account). */
export interface AccountCycleState {
  accountId: number;
  balanceCents: number;
  /** Statements that have shown this account in its cycle (0 when none). */
  sentCount: number;
  /** The account's final notice has gone out: its cycle is complete. */
  finalNoticeSent: boolean;
  /** Active holds placed on this account alone. */
  holds: HoldReason[];
}

/** A guarantor gets one statement covering all their open accounts, at most every `daysBetween` days. */
export interface CycleState {
  lastStatementDate: BusinessDate | null;
  /** Active holds on the guarantor (placed for all their accounts, or following from the record). */
  holds: HoldReason[];
  accounts: AccountCycleState[];
}

/** Where an account stands on the statement: its number in its own cycle, its final notice, or done. */
export type AccountStep =
  | { accountId: number; step: 'regular' | 'final_notice'; number: number }
  | { accountId: number; step: 'after_notice'; number: null };

export type CycleDecision =
  | {
      due: true;
      /** A final notice when any account on it reaches its final notice. */
      kind: 'regular' | 'final_notice';
      /** The highest number in cycle among the accounts on it. */
      number: number;
      /** The accounts the statement shows, each with its step; held accounts are left off. */
      accounts: AccountStep[];
      heldAccounts: { accountId: number; holds: HoldReason[] }[];
    }
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
  const open = state.accounts.filter((a) => a.balanceCents > 0);
  if (open.length === 0) return { due: false, why: 'credit_or_zero' };
  if (state.holds.length > 0) return { due: false, why: 'held', holds: state.holds };
  // A hold on one account keeps that account off the statement, not the others.
  const billable = open.filter((a) => a.holds.length === 0);
  const heldAccounts = open.filter((a) => a.holds.length > 0).map((a) => ({ accountId: a.accountId, holds: a.holds }));
  if (billable.length === 0)
    return { due: false, why: 'held', holds: [...new Set(heldAccounts.flatMap((a) => a.holds))] };
  const balance = billable.reduce((t, a) => t + a.balanceCents, 0);
  if (balance < policy.minimumBalanceCents) return { due: false, why: 'below_minimum' };
  // Each account runs its own cycle; a statement goes out while any account on it still has one to run.
  if (billable.every((a) => a.finalNoticeSent)) return { due: false, why: 'cycle_complete' };
  if (state.lastStatementDate !== null) {
    const next = addDays(state.lastStatementDate, policy.daysBetween);
    if (runDate < next) return { due: false, why: 'not_yet', nextDate: next };
  }
  const accounts = billable.map((a): AccountStep => {
    if (a.finalNoticeSent) return { accountId: a.accountId, step: 'after_notice', number: null };
    const number = a.sentCount + 1;
    return { accountId: a.accountId, step: number > policy.regularStatements ? 'final_notice' : 'regular', number };
  });
  const number = Math.max(...accounts.map((a) => a.number ?? 0));
  const kind = accounts.some((a) => a.step === 'final_notice') ? 'final_notice' : 'regular';
  return { due: true, kind, number, accounts, heldAccounts };
}

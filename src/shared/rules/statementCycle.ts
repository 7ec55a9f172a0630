// ST-03: who gets a statement on a run date, and which one. A guarantor with an open balance of
// at least the minimum, not held, is due when no statement has gone out yet, or when the days
// between statements have passed since the last one. Statements 1..N are regular; the next one is
// the final notice (the 501(r) 30-day notice with the plain-language summary, ECA-05); after the
// final notice the cycle ends and the account waits for the ECA date. The cycle runs per account
// (each has its own D0 and final notice), while the guarantor gets one statement for all of them.
// Issue 11: the statement tells the whole truth. Accounts in credit are shown, each with the date
// it is refunded by (ECA-05: what a patient paid beyond what they owe is refunded; the refunds
// worklist returns it); a credit is never netted against another account, because each account's
// balance is its own (the aging, the work queue and the 501(r) gate read it so) and netting on
// paper while the refund is posted told the patient two things. What is owed is billed; a guarantor
// who owes nothing, or whose credits are at least what they owe, gets no statement and no dunning
// at all (the hospital demands nothing of someone it owes as much). Accounts on an active payment plan (current,
// or lapsed and inside its cure period) are not dunned: the statement asks for the plan's payment
// (PP-01: monthly statements), and they never move toward a final notice. Returned mail holds the
// guarantor until the address is corrected.
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
  'returned_mail',
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
  returned_mail: 'Mail returned: new address needed',
};

/**
 * A statement run's held guarantors as the proof and the preview say them: how many there are, and,
 * when the list names only the first of them (issue 18: a book of a million may hold hundreds of
 * thousands), which part it names. `count`: held whole and with some accounts held.
 */
export function heldListNote(listed: number, count: { guarantors: number; accountsOnly: number }): string {
  const total = count.guarantors + count.accountsOnly;
  return listed < total
    ? ` (the first ${listed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} in the run’s order)`
    : '';
}

/** Guarantors held with no statement, by reason, most first (a guarantor held for two counts under both). */
export function heldByReason(byReason: Record<string, number>): [string, number][] {
  return Object.entries(byReason).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** The same as words: "Balance disputed 750,000; Deceased 12,004". */
export function heldByReasonText(byReason: Record<string, number>): string {
  return heldByReason(byReason)
    .map(([r, n]) => `${HOLD_REASON_LABELS[r as HoldReason] ?? r} ${n.toLocaleString('en-US')}`)
    .join('; ');
}

/**
 * Holds a clerk places by hand. Returned mail follows from the guarantor's record instead; a
 * placement with an agency is placed and ended by the placement and its recall (issue 12).
 */
export const PLACEABLE_HOLD_REASONS = HOLD_REASONS.filter(
  (r) => r !== 'returned_mail' && r !== 'placed_with_agency',
) as Exclude<HoldReason, 'returned_mail' | 'placed_with_agency'>[];

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
  /** On an active payment plan: shown with the plan's payment, never dunned (PP-01, PP-02). */
  onPlan?: boolean;
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
  | { accountId: number; step: 'after_notice' | 'plan' | 'credit'; number: null };

/** Steps of an account's own cycle (recorded against the account); a plan or a credit runs none. */
export function isCycleStep(step: AccountStep['step']): step is 'regular' | 'final_notice' | 'after_notice' {
  return step === 'regular' || step === 'final_notice' || step === 'after_notice';
}

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
  const credits = state.accounts.filter((a) => a.balanceCents < 0);
  if (open.length === 0) return { due: false, why: 'credit_or_zero' };
  if (state.holds.length > 0) return { due: false, why: 'held', holds: state.holds };
  // A hold on one account keeps that account off the statement, not the others.
  const billable = open.filter((a) => a.holds.length === 0);
  const heldAccounts = open.filter((a) => a.holds.length > 0).map((a) => ({ accountId: a.accountId, holds: a.holds }));
  if (billable.length === 0)
    return { due: false, why: 'held', holds: [...new Set(heldAccounts.flatMap((a) => a.holds))] };
  // What is owed is billed; a credit is listed with its refund, never subtracted (see above). While
  // the hospital owes the guarantor at least what they owe it, nothing is demanded of them.
  const owed = billable.reduce((t, a) => t + a.balanceCents, 0);
  const credit = -credits.reduce((t, a) => t + a.balanceCents, 0);
  if (credit >= owed) return { due: false, why: 'credit_or_zero' };
  if (owed < policy.minimumBalanceCents) return { due: false, why: 'below_minimum' };
  // Each account runs its own cycle; a statement goes out while any account on it still has one to
  // run, or while a plan asks for its payments (monthly statements, PP-01).
  if (billable.every((a) => a.finalNoticeSent && !a.onPlan)) return { due: false, why: 'cycle_complete' };
  if (state.lastStatementDate !== null) {
    const next = addDays(state.lastStatementDate, policy.daysBetween);
    if (runDate < next) return { due: false, why: 'not_yet', nextDate: next };
  }
  const accounts = billable.map((a): AccountStep => {
    if (a.onPlan) return { accountId: a.accountId, step: 'plan', number: null };
    if (a.finalNoticeSent) return { accountId: a.accountId, step: 'after_notice', number: null };
    const number = a.sentCount + 1;
    return { accountId: a.accountId, step: number > policy.regularStatements ? 'final_notice' : 'regular', number };
  });
  for (const c of credits) accounts.push({ accountId: c.accountId, step: 'credit', number: null });
  const number = Math.max(1, ...accounts.map((a) => a.number ?? 0));
  const kind = accounts.some((a) => a.step === 'final_notice') ? 'final_notice' : 'regular';
  return { due: true, kind, number, accounts, heldAccounts };
}

// Where a payment plan stands on a business date: what each installment has been paid, which are
// missed, and the plan's state under PP-02 (grace days, a cure period after the lapse letter,
// missed payments that make a default). Pure: the lapse engine, the account screen and the
// agreement all ask this one rule.
import { addDays, type BusinessDate } from '../dates';

export interface PlanTerms {
  installments: { number: number; dueDate: BusinessDate; amountCents: number }[];
  /** What happens to money beyond the installment due next. */
  overpayment: 'pay_ahead' | 'shorten_term';
  graceDays: number;
  cureDays: number;
  missedToDefault: number;
}

/** A payment toward the plan's accounts (reversed payments are left out by the caller). */
export interface PlanPayment {
  date: BusinessDate;
  amountCents: number;
}

export type PlanState = 'current' | 'lapsed' | 'defaulted' | 'completed';

export interface InstallmentProgress {
  number: number;
  dueDate: BusinessDate;
  amountCents: number;
  paidCents: number;
  /** Unpaid (in whole or part) after its due date plus the grace days. */
  missed: boolean;
}

export interface PlanProgress {
  state: PlanState;
  installments: InstallmentProgress[];
  paidCents: number;
  owedCents: number;
  /** Due and unpaid as of the date (what brings the plan current). */
  pastDueCents: number;
  missedCount: number;
  /** The day the plan lapsed (the first missed installment's grace ran out), if it has. */
  lapsedOn: BusinessDate | null;
  /** The last day to cure a lapse before the plan defaults. */
  cureDeadline: BusinessDate | null;
  nextDue: { dueDate: BusinessDate; amountCents: number } | null;
}

/** Applies the payments, in date order, to the installments. */
export function applyPayments(
  terms: Pick<PlanTerms, 'installments' | 'overpayment'>,
  payments: readonly PlanPayment[],
  asOf: BusinessDate,
): number[] {
  const inst = [...terms.installments].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number,
  );
  const paid = inst.map(() => 0);
  const room = (i: number) => inst[i]!.amountCents - paid[i]!;
  const sorted = payments
    .filter((p) => p.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const p of sorted) {
    let left = p.amountCents;
    // First what is due by the payment's date, and the installment due next: a payment made a few
    // days early is for that installment, not extra.
    let nextTaken = false;
    for (let i = 0; i < inst.length && left > 0; i++) {
      if (room(i) === 0) continue;
      if (inst[i]!.dueDate > p.date) {
        if (nextTaken) break;
        nextTaken = true;
      }
      const take = Math.min(left, room(i));
      paid[i]! += take;
      left -= take;
    }
    // Then any excess: toward the next installments, or off the end of the plan.
    const order = terms.overpayment === 'pay_ahead' ? inst.map((_, i) => i) : inst.map((_, i) => inst.length - 1 - i);
    for (const i of order) {
      if (left === 0) break;
      const take = Math.min(left, room(i));
      paid[i]! += take;
      left -= take;
    }
  }
  // Back to the caller's order.
  const byNumber = new Map(inst.map((x, i) => [x.number, paid[i]!]));
  return terms.installments.map((x) => byNumber.get(x.number)!);
}

/**
 * Where the plan stands. `payments` are what was paid toward it: the patient's payments to its
 * accounts posted after it was made (src/main/capabilities/plans/progress.ts, one definition for
 * the screen, the agreement, the letters, the lapse engine and the queue), so a payment made before
 * set-up — counted in the balance the plan was made on — is never counted again. `accountsOwedCents`
 * is what the plan's accounts owe now: what the plan still asks for never exceeds it (insurance, an
 * adjustment or financial assistance may have lowered it), and a plan whose accounts owe nothing is
 * completed.
 */
export function planProgress(
  terms: PlanTerms,
  payments: readonly PlanPayment[],
  asOf: BusinessDate,
  accountsOwedCents: number = Number.MAX_SAFE_INTEGER,
): PlanProgress {
  const paid = applyPayments(terms, payments, asOf);
  const installments: InstallmentProgress[] = terms.installments.map((x, i) => {
    const paidCents = paid[i]!;
    const missed = paidCents < x.amountCents && asOf > addDays(x.dueDate, terms.graceDays);
    return { number: x.number, dueDate: x.dueDate, amountCents: x.amountCents, paidCents, missed };
  });
  const total = installments.reduce((s, x) => s + x.amountCents, 0);
  const paidCents = installments.reduce((s, x) => s + x.paidCents, 0);
  const missed = installments.filter((x) => x.missed);
  const owedCents = Math.max(0, Math.min(total - paidCents, accountsOwedCents));
  const pastDueCents = Math.min(
    owedCents,
    installments.filter((x) => x.dueDate <= asOf).reduce((s, x) => s + (x.amountCents - x.paidCents), 0),
  );
  const firstMissed = missed.reduce<InstallmentProgress | null>(
    (a, x) => (a === null || x.dueDate < a.dueDate ? x : a),
    null,
  );
  const lapsedOn = firstMissed ? addDays(firstMissed.dueDate, terms.graceDays + 1) : null;
  const cureDeadline = lapsedOn ? addDays(lapsedOn, terms.cureDays) : null;
  let state: PlanState;
  if (owedCents === 0) state = 'completed';
  else if (missed.length === 0) state = 'current';
  else if (missed.length >= terms.missedToDefault || (cureDeadline !== null && asOf > cureDeadline))
    state = 'defaulted';
  else state = 'lapsed';
  const next = state === 'completed' ? null : (installments.find((x) => x.paidCents < x.amountCents) ?? null);
  return {
    state,
    installments,
    paidCents,
    owedCents,
    pastDueCents,
    missedCount: missed.length,
    lapsedOn,
    cureDeadline,
    nextDue: next
      ? { dueDate: next.dueDate, amountCents: Math.min(owedCents, next.amountCents - next.paidCents) }
      : null,
  };
}

/** What an active plan asks the patient to pay, and by when. */
export interface PaymentAsked {
  amountCents: number;
  dueDate: BusinessDate;
  /** A lapsed plan: what brings it current, by the cure deadline of its lapse letter. */
  cure: boolean;
}

/**
 * PP-02: the one definition of what a plan asks for, printed alike on the statement and on the lapse
 * letter of the same day (issue 11: they once asked for different amounts by different dates). A
 * plan lapsed with a cure deadline asks for everything past due by that deadline; otherwise the
 * installment due next (what is left of it), on its due date. Nothing when the plan asks nothing.
 */
export function paymentAsked(progress: PlanProgress, cureDeadline: BusinessDate | null): PaymentAsked | null {
  if (progress.state === 'completed' || progress.owedCents === 0) return null;
  if (cureDeadline !== null && progress.pastDueCents > 0)
    return { amountCents: progress.pastDueCents, dueDate: cureDeadline, cure: true };
  return progress.nextDue && progress.nextDue.amountCents > 0 ? { ...progress.nextDue, cure: false } : null;
}

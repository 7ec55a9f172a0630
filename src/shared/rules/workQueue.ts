// How the daily work queue ranks what needs a clerk (documented in docs/user-guide/work-queue.md):
//   money   = log10(1 + dollars at stake)      (the balance on a plan's accounts, the amount promised,
//                                               or the guarantor's balance for a follow-up)
//   urgency = lapsed plan: 2 + days since the lapse / 15 (at most 3); 4 when the cure deadline is
//             today or passed, 3 when it is within 3 days
//             defaulted plan: 2.5;  broken promise: 2 + days since / 10 (at most 3)
//             follow-up: 1 when due today, 1.5 + days overdue / 7 (at most 2.5) when overdue
//   score   = money x urgency, to two decimals
// Each capability that puts items in the queue scores them with these.

function money(cents: number): number {
  return Math.log10(1 + Math.max(0, cents) / 100);
}

/** The score of an item: the money at stake weighted by its urgency. */
export function queueScore(amountCents: number, urgency: number): number {
  return Math.round(money(amountCents) * urgency * 100) / 100;
}

export const URGENCY = {
  lapsedPlan(daysToCureDeadline: number | null, daysSinceLapse: number): number {
    if (daysToCureDeadline !== null && daysToCureDeadline <= 0) return 4;
    if (daysToCureDeadline !== null && daysToCureDeadline <= 3) return 3;
    return 2 + Math.min(1, daysSinceLapse / 15);
  },
  defaultedPlan: 2.5,
  brokenPromise(daysSinceBroken: number): number {
    return 2 + Math.min(1, daysSinceBroken / 10);
  },
  followUp(daysOverdue: number): number {
    return daysOverdue > 0 ? 1.5 + Math.min(1, daysOverdue / 7) : 1;
  },
  // Issue 11: mail came back; nothing reaches the patient until the address is corrected.
  newAddress: 2,
} as const;

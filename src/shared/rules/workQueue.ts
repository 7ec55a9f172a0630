// How the daily work queue ranks what needs a person (documented, with a worked example for every
// kind, in docs/user-guide/work-queue.md). One formula for every kind:
//   money   = log10(1 + dollars at stake)      (the balance on a plan's accounts, the amount promised,
//                                               or the guarantor's balance, as each kind says)
//   urgency = the kind's own figure, from URGENCY below
//   score   = money x urgency, to two decimals
// Urgency, kind by kind:
//   lapsed plan: 2 + days since the lapse / 15 (at most 3); 4 when the cure deadline is today or
//                passed, 3 when it is within 3 days
//   defaulted plan: 2.5;  broken promise: 2 + days since / 10 (at most 3)
//   follow-up: 1 when due today, 1.5 + days overdue / 7 (at most 2.5) when overdue
//   final notice passed (ECA-05): 2 + days since the notice's deadline / 30 (at most 3)
//   no payment since the statement: 1.25 + days since its due date / 120 (at most 2)
//   high balance: 1
//   assistance application awaiting a decision (supervisors): 1.5 + days pending / 30 (at most 3)
//   credit to refund (the credit is the money): 1.5; 2 in the week before it is due
//   refund overdue (supervisors): 3 + days overdue / 15 (at most 4)
//   small-claims case: hearing today or tomorrow 4; hearing within 7 days 3; serve by: 3.5 once the
//                day has come, else 2.5; ready to file 2; judgment unpaid 2
// Each capability that puts items in the queue scores them with these.

function money(cents: number): number {
  return Math.log10(1 + Math.max(0, cents) / 100);
}

/** The score of an item: the money at stake weighted by its urgency. */
export function queueScore(amountCents: number, urgency: number): number {
  return Math.round(money(amountCents) * urgency * 100) / 100;
}

/** a + days / per, at most `cap` (never below a: a date in the future counts as today). */
function rising(base: number, days: number, per: number, cap: number): number {
  return Math.min(cap, base + Math.max(0, days) / per);
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
  /** ECA-05: the final notice's deadline (the notice + 30 days) has passed and the account is still owed. */
  finalNoticePassed(daysSinceDeadline: number): number {
    return rising(2, daysSinceDeadline, 30, 3);
  },
  /** A self-pay balance with no payment since the last statement, whose due date has passed. */
  noPaymentSinceStatement(daysSinceDue: number): number {
    return rising(1.25, daysSinceDue, 120, 2);
  },
  /** A balance at or over the high-balance threshold, not in the queue for anything else. */
  highBalance: 1,
  /** A financial-assistance application awaiting a decision: older ones first (ECA-05 suspends ECAs meanwhile). */
  assistancePending(daysPending: number): number {
    return rising(1.5, daysPending, 30, 3);
  },
  /** A credit to refund, before its due date (Settings: days to refund): 2 in its last week, else 1.5. */
  creditToRefund(daysToDue: number): number {
    return daysToDue <= 7 ? 2 : 1.5;
  },
  /** A refund past its due date: escalated to the supervisors' queue, above the clerks' items. */
  refundOverdue(daysOverdue: number): number {
    return rising(3, daysOverdue, 15, 4);
  },
  // Issue 11: mail came back; nothing reaches the patient until the address is corrected.
  newAddress: 2,
  /** Issue 13: a small-claims case's reminder (src/shared/rules/smallClaims.ts, caseReminder). */
  courtCase(
    kind: 'ready_to_file' | 'serve_by' | 'hearing_week' | 'hearing_tomorrow' | 'judgment_unpaid',
    daysToDate: number,
  ): number {
    if (kind === 'hearing_tomorrow') return 4;
    if (kind === 'hearing_week') return 3;
    if (kind === 'serve_by') return daysToDate <= 0 ? 3.5 : 2.5;
    return 2;
  },
} as const;

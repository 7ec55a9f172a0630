// How plan terms read on screen: the frequencies' names, a first due date a month out, and the
// payments in a phrase. The terms form itself (fields, schedule preview, checks) is shared:
// src/shared/schemas/planTermsForm.ts.
import { formatCents } from '../../../../shared/money';
import { monthlyDueDate, PLAN_FREQUENCIES, type PlanFrequency } from '../../../../shared/rules/planSchedule';

export const FREQUENCY_LABELS: Record<PlanFrequency, string> = {
  monthly: 'Monthly',
  biweekly: 'Every two weeks',
  weekly: 'Weekly',
};

export const FREQUENCY_OPTIONS = PLAN_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }));

/** A month from today, on today's day of the month (or the month's last day). */
export function aMonthFrom(today: string): string {
  return monthlyDueDate(today, 1, Number(today.slice(8, 10)));
}

/** "12 monthly payments of $285.89 (the last $285.94)". */
export function paymentsPhrase(frequency: PlanFrequency, installments: readonly { amountCents: number }[]): string {
  const n = installments.length;
  const first = installments[0]?.amountCents ?? 0;
  const last = installments.at(-1)?.amountCents ?? 0;
  const how = { monthly: 'monthly', biweekly: 'every-two-weeks', weekly: 'weekly' }[frequency];
  const what = `${n} ${how} payment${n === 1 ? '' : 's'} of ${formatCents(first)}`;
  return n > 1 && last !== first ? `${what} (the last ${formatCents(last)})` : what;
}

// Issue 16 section 4, as the authorization form prints it: the next date, the number of deductions
// (owed ÷ amount, rounded up), the last date and the last amount, by hand for each frequency.
import { describe, expect, it } from 'vitest';
import { arrangementSchedule } from '../../../src/main/capabilities/payroll/authorization';

describe('the schedule the form prints (issue 16 section 4)', () => {
  const a = (
    first: string,
    frequency: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly',
    amount: number,
    signed: string | null = null,
  ) => ({
    first_date: first,
    frequency,
    amount_cents: amount,
    signed_on: signed,
  });
  it.each([
    // [first, frequency, amount, owed, today, signed, next, periods, last, lastAmount]
    ['2026-12-04', 'biweekly', 5_000, 41_237, '2026-11-26', null, '2026-12-04', 9, '2027-03-26', 1_237],
    ['2026-12-04', 'weekly', 5_000, 41_237, '2026-11-26', null, '2026-12-04', 9, '2027-01-29', 1_237],
    ['2026-12-15', 'semimonthly', 10_000, 30_000, '2026-11-26', null, '2026-12-15', 3, '2027-01-15', 10_000],
    ['2026-12-10', 'semimonthly', 10_000, 50_000, '2026-11-26', null, '2026-12-10', 5, '2027-02-10', 10_000],
    ['2026-12-31', 'monthly', 7_500, 30_000, '2026-11-26', null, '2026-12-31', 4, '2027-03-31', 7_500],
    ['2027-01-30', 'monthly', 7_500, 15_000, '2026-11-26', null, '2027-01-30', 2, '2027-02-28', 7_500],
    // Active, signed after the first date: from the signature.
    ['2026-12-04', 'biweekly', 5_000, 10_000, '2026-11-26', '2026-12-05', '2026-12-18', 2, '2027-01-01', 5_000],
    // A single deduction of less than the amount.
    ['2026-12-04', 'biweekly', 5_000, 4_000, '2026-11-26', null, '2026-12-04', 1, '2026-12-04', 4_000],
  ] as const)('%s %s %i of %i', (first, freq, amount, owed, today, signed, next, periods, last, lastAmount) => {
    expect(arrangementSchedule(a(first, freq, amount, signed), owed, today)).toEqual({
      nextDate: next,
      periods,
      lastDate: last,
      lastAmountCents: lastAmount,
    });
  });
  it('nothing owed: no dates', () => {
    expect(arrangementSchedule(a('2026-12-04', 'weekly', 5_000), 0, '2026-11-26')).toEqual({
      nextDate: null,
      periods: 0,
      lastDate: null,
      lastAmountCents: 0,
    });
  });
});

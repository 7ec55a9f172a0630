// The plan schedule rule, case by case: month ends, leap years, rounding, biweekly and weekly
// across year ends, and the PP-01 tiers.
import { describe, expect, it } from 'vitest';
import { checkTier, DEFAULT_PLAN_TIERS, planMonths, tierFor } from '../../../src/shared/rules/planPolicy';
import { computeSchedule, monthlyDueDate, type ScheduleRequest } from '../../../src/shared/rules/planSchedule';

function schedule(r: Partial<ScheduleRequest>) {
  const result = computeSchedule({
    balanceCents: 100_000,
    downPaymentCents: 0,
    frequency: 'monthly',
    firstDueDate: '2027-01-15',
    ...r,
  });
  if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
  return result;
}

describe('monthly due dates keep their day; the 29th-31st fall to the last day of short months', () => {
  it.each([
    ['2027-01-31', 31, 1, '2027-02-28'],
    ['2028-01-31', 31, 1, '2028-02-29'], // leap year
    ['2027-01-31', 31, 2, '2027-03-31'], // back to the 31st after February
    ['2027-01-30', 30, 1, '2027-02-28'],
    ['2027-01-29', 29, 1, '2027-02-28'],
    ['2028-01-29', 29, 1, '2028-02-29'],
    ['2027-03-31', 31, 1, '2027-04-30'],
    ['2027-11-30', 30, 3, '2028-02-29'],
    ['2027-12-15', 15, 1, '2028-01-15'], // across a year end
    ['2027-01-15', 15, 23, '2028-12-15'],
    ['2027-02-28', 31, 1, '2027-03-31'], // a plan set for the 31st that started in February
  ])('from %s on day %i, payment %i later is due %s', (first, day, n, expected) => {
    expect(monthlyDueDate(first, n, day)).toBe(expected);
  });
});

describe('amounts: whole cents, the last payment takes the remainder, the total is the balance', () => {
  it.each([
    // balance, down, count, regular, last
    [100_000, 0, 3, 33_333, 33_334],
    [100_000, 10_000, 7, 12_857, 12_858],
    [1, 0, 1, 1, 1],
    [99_999, 0, 12, 8_333, 8_336],
    [200_000, 0, 36, 5_555, 5_575],
  ])('%i cents less %i down in %i payments: %i each, the last %i', (balance, down, count, regular, last) => {
    const s = schedule({ balanceCents: balance, downPaymentCents: down, installmentCount: count });
    expect(s.installments).toHaveLength(count);
    expect(s.installments[0]!.amountCents).toBe(regular);
    expect(s.installments.at(-1)!.amountCents).toBe(last);
    expect(down + s.installments.reduce((t, i) => t + i.amountCents, 0)).toBe(balance);
    expect(s.totalCents).toBe(balance);
  });

  it.each([
    // balance, down, amount, count, last
    [100_000, 0, 10_000, 10, 10_000],
    [100_000, 0, 30_000, 4, 10_000],
    [100_050, 50, 25_000, 4, 25_000],
    [12_345, 345, 5_000, 3, 2_000],
    [5_000, 0, 9_000, 1, 5_000],
    // Issue 11: a remainder under a tenth of a payment joins the one before it: $100.03 at $50.00
    // is $50.00 + $50.03, not $50.00 + $50.00 + $0.03.
    [10_003, 0, 5_000, 2, 5_003],
    // A tenth exactly stays a payment of its own: $110.00 at $50.00 is $50 + $50 + $10.
    [11_000, 0, 5_000, 3, 1_000],
  ])('%i cents less %i down at %i a payment: %i payments, the last %i', (balance, down, amount, count, last) => {
    const s = schedule({ balanceCents: balance, downPaymentCents: down, installmentCents: amount });
    expect(s.installments).toHaveLength(count);
    expect(s.installments.at(-1)!.amountCents).toBe(last);
    expect(down + s.installments.reduce((t, i) => t + i.amountCents, 0)).toBe(balance);
  });

  it('every schedule, whatever the numbers, adds up exactly', () => {
    for (let balance = 1_001; balance < 500_000; balance += 37_777) {
      for (const count of [1, 2, 3, 7, 11, 12, 24, 36]) {
        const s = schedule({ balanceCents: balance, downPaymentCents: balance % 1_000, installmentCount: count });
        expect(s.installments.reduce((t, i) => t + i.amountCents, balance % 1_000)).toBe(balance);
        expect(s.installments.every((i) => Number.isInteger(i.amountCents) && i.amountCents > 0)).toBe(true);
      }
    }
  });
});

describe('a day of the month earlier than the first due date', () => {
  it('starts on that day in the next month, never before the first due date', () => {
    const s = schedule({ firstDueDate: '2026-11-28', dayOfMonth: 5, installmentCount: 3 });
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2026-12-05', '2027-01-05', '2027-02-05']);
    const same = schedule({ firstDueDate: '2026-11-28', dayOfMonth: 28, installmentCount: 2 });
    expect(same.installments.map((i) => i.dueDate)).toEqual(['2026-11-28', '2026-12-28']);
    const later = schedule({ firstDueDate: '2026-11-10', dayOfMonth: 31, installmentCount: 2 });
    expect(later.installments.map((i) => i.dueDate)).toEqual(['2026-11-30', '2026-12-31']);
  });
});

describe('weekly and biweekly', () => {
  it('biweekly across a year end', () => {
    const s = schedule({ frequency: 'biweekly', firstDueDate: '2027-12-10', installmentCount: 4 });
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2027-12-10', '2027-12-24', '2028-01-07', '2028-01-21']);
  });
  it('weekly across a leap day', () => {
    const s = schedule({ frequency: 'weekly', firstDueDate: '2028-02-22', installmentCount: 3 });
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
  });
});

describe('refusals name the field', () => {
  it.each([
    [{ balanceCents: 0 }, 'balanceCents'],
    [{ downPaymentCents: -1 }, 'downPaymentCents'],
    [{ downPaymentCents: 100_000 }, 'downPaymentCents'],
    [{ installmentCount: 0 }, 'installmentCount'],
    [{ installmentCount: 100_001 }, 'installmentCount'],
    [{ installmentCents: 0 }, 'installmentCents'],
    [{ installmentCents: 1 }, 'installmentCents'],
    [{ dayOfMonth: 32, installmentCount: 2 }, 'dayOfMonth'],
    [{ firstDueDate: '2027-02-30', installmentCount: 2 }, 'firstDueDate'],
    [{}, 'installmentCents'],
  ])('%j', (request, field) => {
    const r = computeSchedule({
      balanceCents: 100_000,
      downPaymentCents: 0,
      frequency: 'monthly',
      firstDueDate: '2027-01-15',
      ...request,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe(field);
  });
});

describe('PP-01 tiers', () => {
  it.each([
    [1, 12, 5_000],
    [50_000, 12, 5_000],
    [50_001, 24, 5_000],
    [99_999, 24, 5_000],
    [100_000, 24, 10_000],
    [200_000, 24, 10_000],
    [200_001, 36, 10_000],
    [10_000_000, 36, 10_000],
  ])('a balance of %i cents: at most %i months, at least %i a month', (balance, months, min) => {
    expect(tierFor(DEFAULT_PLAN_TIERS, balance)).toMatchObject({ maxMonths: months, minMonthlyCents: min });
  });

  it('a plan within its tier, and plans outside it with the reasons', () => {
    const base = { balanceCents: 150_000, frequency: 'monthly' as const, firstDueDate: '2027-01-15' };
    expect(
      checkTier(DEFAULT_PLAN_TIERS, { ...base, count: 15, installmentCents: 10_000, lastDueDate: '2028-03-15' }),
    ).toMatchObject({ within: true, reasons: [] });
    const long = checkTier(DEFAULT_PLAN_TIERS, {
      ...base,
      count: 30,
      installmentCents: 5_000,
      lastDueDate: '2029-06-15',
    });
    expect(long.within).toBe(false);
    expect(long.reasons).toEqual([
      'It runs 30 months; for this balance the policy allows 24.',
      'It pays about $50.00 a month; for this balance the policy asks at least $100.00.',
    ]);
  });

  it('weekly and biweekly plans are compared as monthly equivalents', () => {
    expect(planMonths({ frequency: 'weekly', count: 52, firstDueDate: '2027-01-01', lastDueDate: '2027-12-24' })).toBe(
      12,
    );
    expect(
      planMonths({ frequency: 'biweekly', count: 26, firstDueDate: '2027-01-01', lastDueDate: '2027-12-17' }),
    ).toBe(12);
    // $25 a week is about $108 a month: enough for a $1,500 balance.
    expect(
      checkTier(DEFAULT_PLAN_TIERS, {
        balanceCents: 150_000,
        frequency: 'weekly',
        count: 60,
        installmentCents: 2_500,
        firstDueDate: '2027-01-01',
        lastDueDate: '2028-02-18',
      }).within,
    ).toBe(true);
  });
});

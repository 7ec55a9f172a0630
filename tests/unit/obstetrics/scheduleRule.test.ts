// PP-04: the schedule ends before delivery (src/shared/rules/obstetrics.ts). Every month shape
// with dates worked out by hand (the 31st across February in the leap year 2028 and in 2027, the
// 30-day months, a cutoff exactly on a due date and the day before, across a year end), one
// installment, the delivery too near, nothing due, the remainder on the last, the first due date
// refused before today or after the cutoff; then the progress of the deposits against it, the
// true-up, and a property: the installments always sum to the total and fall between the first due
// date and the last allowed date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../src/shared/dates';
import {
  lastDueDate,
  obAmountDue,
  obProgress,
  obSchedule,
  obTrueUp,
  type ScheduleRequest,
} from '../../../src/shared/rules/obstetrics';

function schedule(r: Partial<ScheduleRequest> & Pick<ScheduleRequest, 'firstDue' | 'expectedDelivery' | 'today'>) {
  const result = obSchedule({ totalCents: 100_001, daysBeforeDelivery: 30, ...r });
  if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
  return result;
}

const dates = (s: ReturnType<typeof schedule>) => s.installments.map((i) => i.dueDate);
const amounts = (s: ReturnType<typeof schedule>) => s.installments.map((i) => i.amountCents);

describe('the last allowed date is the expected delivery less the configured days', () => {
  it.each([
    ['2027-06-15', 30, '2027-05-16'],
    ['2028-03-15', 30, '2028-02-14'], // across the leap February
    ['2027-03-15', 30, '2027-02-13'],
    ['2027-01-10', 14, '2026-12-27'], // across a year end
    ['2027-06-15', 1, '2027-06-14'],
  ])('delivery %s, %i days before -> %s', (delivery, days, last) => {
    expect(lastDueDate(delivery, days)).toBe(last);
  });
});

describe('monthly from the first due date, every one by the last allowed date', () => {
  it('the 31st across February in the leap year 2028: Jan 31, Feb 29, Mar 31, Apr 30 (May 31 is after May 16)', () => {
    const s = schedule({ today: '2028-01-10', firstDue: '2028-01-31', expectedDelivery: '2028-06-15' });
    expect(s.lastAllowed).toBe('2028-05-16');
    expect(s.empty).toBeNull();
    expect(dates(s)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    // $1,000.01 in four: $250.00 three times, $250.01 last.
    expect(amounts(s)).toEqual([25_000, 25_000, 25_000, 25_001]);
    expect(s.installments.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  });

  it('the 31st across February in the common year 2027: Jan 31, Feb 28, Mar 31, Apr 30', () => {
    const s = schedule({ today: '2027-01-10', firstDue: '2027-01-31', expectedDelivery: '2027-06-15' });
    expect(s.lastAllowed).toBe('2027-05-16');
    expect(dates(s)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('the 29th: Feb 29 in 2028, Feb 28 in 2027', () => {
    expect(dates(schedule({ today: '2028-01-01', firstDue: '2028-01-29', expectedDelivery: '2028-04-30' }))).toEqual([
      '2028-01-29',
      '2028-02-29',
      '2028-03-29',
    ]);
    expect(dates(schedule({ today: '2027-01-01', firstDue: '2027-01-29', expectedDelivery: '2027-04-30' }))).toEqual([
      '2027-01-29',
      '2027-02-28',
      '2027-03-29',
    ]);
  });

  it('the 30th through 30-day and 31-day months, the cutoff exactly on a due date (Aug 30) counts it', () => {
    // Delivery 2027-09-29, 30 days before: 2027-08-30.
    const s = schedule({ today: '2027-04-01', firstDue: '2027-04-30', expectedDelivery: '2027-09-29' });
    expect(s.lastAllowed).toBe('2027-08-30');
    expect(dates(s)).toEqual(['2027-04-30', '2027-05-30', '2027-06-30', '2027-07-30', '2027-08-30']);
    // $1,000.01 in five: $200.00 four times, $200.01 last.
    expect(amounts(s)).toEqual([20_000, 20_000, 20_000, 20_000, 20_001]);
  });

  it('the cutoff the day before a due date (Aug 29) leaves that date out', () => {
    const s = schedule({ today: '2027-04-01', firstDue: '2027-04-30', expectedDelivery: '2027-09-28' });
    expect(s.lastAllowed).toBe('2027-08-29');
    expect(dates(s)).toEqual(['2027-04-30', '2027-05-30', '2027-06-30', '2027-07-30']);
    // $1,000.01 in four.
    expect(amounts(s)).toEqual([25_000, 25_000, 25_000, 25_001]);
  });

  it('across a year end: Nov 30, Dec 30, Jan 30, Feb 29 (leap), Mar 30 is after Mar 16', () => {
    const s = schedule({ today: '2027-11-01', firstDue: '2027-11-30', expectedDelivery: '2028-04-15' });
    expect(s.lastAllowed).toBe('2028-03-16');
    expect(dates(s)).toEqual(['2027-11-30', '2027-12-30', '2028-01-30', '2028-02-29']);
  });

  it('one installment: the first due date is the last allowed date', () => {
    const s = schedule({ today: '2027-05-01', firstDue: '2027-05-16', expectedDelivery: '2027-06-15' });
    expect(s.installments).toEqual([{ seq: 1, dueDate: '2027-05-16', amountCents: 100_001 }]);
  });

  it('one installment due today, the last allowed day', () => {
    const s = schedule({ today: '2027-05-16', firstDue: '2027-05-16', expectedDelivery: '2027-06-15' });
    expect(s.installments).toEqual([{ seq: 1, dueDate: '2027-05-16', amountCents: 100_001 }]);
  });

  it('the remainder cents go on the last: $1,000.00 in three is $333.33, $333.33, $333.34', () => {
    const s = schedule({
      totalCents: 100_000,
      today: '2027-01-01',
      firstDue: '2027-01-15',
      expectedDelivery: '2027-04-14',
    });
    expect(s.lastAllowed).toBe('2027-03-15');
    expect(dates(s)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15']);
    expect(amounts(s)).toEqual([33_333, 33_333, 33_334]);
  });

  it('fewer cents than months: $0.02 is two installments of $0.01 from the first (never one of $0.00)', () => {
    const s = schedule({ totalCents: 2, today: '2027-01-01', firstDue: '2027-01-15', expectedDelivery: '2027-04-14' });
    expect(s.installments).toEqual([
      { seq: 1, dueDate: '2027-01-15', amountCents: 1 },
      { seq: 2, dueDate: '2027-02-15', amountCents: 1 },
    ]);
  });
});

describe('nothing to schedule', () => {
  it('the last allowed date has passed: empty, too near (no first due date needed)', () => {
    const s = schedule({ today: '2027-05-17', firstDue: null, expectedDelivery: '2027-06-15' });
    expect(s).toEqual({ ok: true, installments: [], lastAllowed: '2027-05-16', empty: 'too_near' });
  });

  it('nothing left to collect: empty, nothing due', () => {
    const s = schedule({ totalCents: 0, today: '2027-01-01', firstDue: null, expectedDelivery: '2027-06-15' });
    expect(s).toEqual({ ok: true, installments: [], lastAllowed: '2027-05-16', empty: 'nothing_due' });
  });
});

describe('the first due date is refused, naming the field', () => {
  const base = { totalCents: 100_000, daysBeforeDelivery: 30, expectedDelivery: '2027-06-15', today: '2027-02-10' };

  it('before today', () => {
    expect(obSchedule({ ...base, firstDue: '2027-02-09' })).toEqual({
      ok: false,
      field: 'firstDue',
      reason: 'The first payment cannot be due before today: choose a date from February 10, 2027 to May 16, 2027.',
    });
  });

  it('after the last allowed date (one day after)', () => {
    expect(obSchedule({ ...base, firstDue: '2027-05-17' })).toEqual({
      ok: false,
      field: 'firstDue',
      reason:
        'Every payment must be due by May 16, 2027, 30 days before the expected delivery (PP-04): choose a first due date from February 10, 2027 to May 16, 2027.',
    });
  });

  it('not chosen while there is something to schedule', () => {
    expect(obSchedule({ ...base, firstDue: null })).toEqual({
      ok: false,
      field: 'firstDue',
      reason: 'Choose the first due date.',
    });
  });
});

describe('a fast-check property: every schedule sums to its total and ends before delivery', () => {
  it('holds for any total, dates and days before', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1_000_000_000 })),
        day,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 180 }),
        fc.integer({ min: 0, max: 400 }),
        (total, today, ahead, daysBefore, offset) => {
          const expectedDelivery = addDays(today, ahead);
          const lastAllowed = lastDueDate(expectedDelivery, daysBefore);
          const span = Math.max(0, Math.round((Date.parse(lastAllowed) - Date.parse(today)) / 86_400_000));
          const firstDue = addDays(today, span === 0 ? 0 : offset % (span + 1));
          const r = obSchedule({
            totalCents: total,
            firstDue,
            expectedDelivery,
            daysBeforeDelivery: daysBefore,
            today,
          });
          if (!r.ok) throw new Error(r.reason);
          expect(r.lastAllowed).toBe(lastAllowed);
          if (compareDates(lastAllowed, today) < 0) {
            expect(r.empty).toBe('too_near');
            expect(r.installments).toEqual([]);
            return;
          }
          expect(r.empty).toBeNull();
          const n = r.installments.length;
          expect(n).toBeGreaterThanOrEqual(1);
          expect(r.installments.reduce((s, i) => s + i.amountCents, 0)).toBe(total);
          for (const i of r.installments) {
            expect(i.amountCents).toBeGreaterThan(0);
            expect(compareDates(i.dueDate, lastAllowed)).toBeLessThanOrEqual(0);
            expect(compareDates(i.dueDate, firstDue)).toBeGreaterThanOrEqual(0);
          }
          expect(r.installments[0]!.dueDate).toBe(firstDue);
          for (let k = 1; k < n; k++)
            expect(compareDates(r.installments[k]!.dueDate, r.installments[k - 1]!.dueDate)).toBeGreaterThan(0);
          const each = r.installments[0]!.amountCents;
          // All equal but the last, which carries the remainder (fewer cents than installments).
          for (const i of r.installments.slice(0, -1)) expect(i.amountCents).toBe(each);
          const extra = r.installments[n - 1]!.amountCents - each;
          expect(extra).toBeGreaterThanOrEqual(0);
          expect(extra).toBeLessThan(n);
          expect(extra).toBe(total % n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('progress: the deposits cover the installments oldest first', () => {
  const plan = [
    { seq: 1, dueDate: '2028-01-31', amountCents: 25_000 },
    { seq: 2, dueDate: '2028-02-29', amountCents: 25_000 },
    { seq: 3, dueDate: '2028-03-31', amountCents: 25_000 },
    { seq: 4, dueDate: '2028-04-30', amountCents: 25_001 },
  ];

  it('part paid before its date: $300.00 pays the first and $50.00 of the second', () => {
    const p = obProgress(plan, 30_000, '2028-02-10');
    expect(p.items.map((i) => [i.state, i.coveredCents])).toEqual([
      ['paid', 25_000],
      ['part_paid', 5_000],
      ['due', 0],
      ['due', 0],
    ]);
    expect(p.nextDue).toEqual({ dueDate: '2028-02-29', cents: 20_000 });
    expect(p.pastDueCents).toBe(0);
    expect(p.remainingCents).toBe(70_001);
    expect(p.paidCents).toBe(30_000);
  });

  it('past due once its date has passed: the $200.00 left of Feb 29 on Mar 5', () => {
    const p = obProgress(plan, 30_000, '2028-03-05');
    expect(p.items.map((i) => i.state)).toEqual(['paid', 'past_due', 'due', 'due']);
    expect(p.pastDueCents).toBe(20_000);
    expect(p.nextDue).toEqual({ dueDate: '2028-02-29', cents: 20_000 });
  });

  it('due on its own day is not past due yet', () => {
    const p = obProgress(plan, 0, '2028-01-31');
    expect(p.items[0]!.state).toBe('due');
    expect(p.pastDueCents).toBe(0);
  });

  it('nothing paid, two dates passed: $500.00 past due', () => {
    const p = obProgress(plan, 0, '2028-03-01');
    expect(p.items.map((i) => i.state)).toEqual(['past_due', 'past_due', 'due', 'due']);
    expect(p.pastDueCents).toBe(50_000);
    expect(p.remainingCents).toBe(100_001);
    expect(p.nextDue).toEqual({ dueDate: '2028-01-31', cents: 25_000 });
  });

  it('paid exactly: nothing next, nothing left', () => {
    const p = obProgress(plan, 100_001, '2028-05-01');
    expect(p.items.every((i) => i.state === 'paid')).toBe(true);
    expect(p.nextDue).toBeNull();
    expect(p.remainingCents).toBe(0);
  });

  it('over-paid: every installment paid, the excess stays in paid to date (the true-up settles it)', () => {
    const p = obProgress(plan, 200_000, '2028-03-05');
    expect(p.items.map((i) => i.coveredCents)).toEqual([25_000, 25_000, 25_000, 25_001]);
    expect(p.paidCents).toBe(200_000);
    expect(p.nextDue).toBeNull();
    expect(p.pastDueCents).toBe(0);
    expect(p.remainingCents).toBe(0);
  });

  it('an empty schedule: nothing next, nothing left', () => {
    expect(obProgress([], 5_000, '2028-03-05')).toEqual({
      paidCents: 5_000,
      items: [],
      nextDue: null,
      pastDueCents: 0,
      remainingCents: 0,
    });
  });
});

describe('the true-up: her real share against what she paid', () => {
  it('she owes the rest: share $3,000.00, paid $2,500.00 -> a bill of $500.00', () => {
    expect(obTrueUp(300_000, 250_000)).toEqual({ outcome: 'bill', cents: 50_000 });
  });
  it('she paid too much: share $2,000.00, paid $2,500.01 -> a refund of $500.01', () => {
    expect(obTrueUp(200_000, 250_001)).toEqual({ outcome: 'refund', cents: 50_001 });
  });
  it('even: share $2,500.00, paid $2,500.00', () => {
    expect(obTrueUp(250_000, 250_000)).toEqual({ outcome: 'even', cents: 0 });
  });
  it('a share of $0.00 after everything was paid: all of it back', () => {
    expect(obTrueUp(0, 120_000)).toEqual({ outcome: 'refund', cents: 120_000 });
  });
});

describe('obAmountDue: what a statement asks for', () => {
  const three = [
    { seq: 1, dueDate: '2027-01-15', amountCents: 30_000 },
    { seq: 2, dueDate: '2027-02-15', amountCents: 30_000 },
    { seq: 3, dueDate: '2027-03-15', amountCents: 30_000 },
  ];
  it('two payments late and the next to come: $600.00 + $300.00 = $900.00 by 03/15', () => {
    expect(obAmountDue(obProgress(three, 0, '2027-03-01'), '2027-03-01')).toEqual({
      cents: 90_000,
      dueDate: '2027-03-15',
    });
  });
  it('part paid: $450.00 received covers Jan and half of Feb: $150.00 late + $300.00 = $450.00', () => {
    expect(obAmountDue(obProgress(three, 45_000, '2027-03-01'), '2027-03-01')).toEqual({
      cents: 45_000,
      dueDate: '2027-03-15',
    });
  });
  it('all late: the whole $900.00 now; nothing left: $0.00 and no date', () => {
    expect(obAmountDue(obProgress(three, 0, '2027-04-01'), '2027-04-01')).toEqual({
      cents: 90_000,
      dueDate: '2027-04-01',
    });
    expect(obAmountDue(obProgress(three, 90_000, '2027-04-01'), '2027-04-01')).toEqual({ cents: 0, dueDate: null });
  });
});

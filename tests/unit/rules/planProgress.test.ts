// PP-02, day by day: a plan of three $100 monthly payments due Jan 15, Feb 15 and Mar 15, with 10
// grace days, 15 days to cure, and three missed payments making a default.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/shared/dates';
import { applyPayments, planProgress, type PlanPayment, type PlanTerms } from '../../../src/shared/rules/planProgress';

const TERMS: PlanTerms = {
  installments: [
    { number: 1, dueDate: '2027-01-15', amountCents: 10_000 },
    { number: 2, dueDate: '2027-02-15', amountCents: 10_000 },
    { number: 3, dueDate: '2027-03-15', amountCents: 10_000 },
  ],
  overpayment: 'pay_ahead',
  graceDays: 10,
  cureDays: 15,
  missedToDefault: 3,
};

const state = (payments: PlanPayment[], asOf: string, terms = TERMS) => planProgress(terms, payments, asOf).state;

describe('PP-02 day by day with no payment', () => {
  it.each([
    ['2027-01-14', 'current'],
    ['2027-01-15', 'current'], // due today
    ['2027-01-25', 'current'], // last day of grace
    ['2027-01-26', 'lapsed'], // grace has run out
    ['2027-02-10', 'lapsed'], // the cure deadline is Jan 26 + 15 = Feb 10
    ['2027-02-11', 'defaulted'], // past the cure deadline
  ])('on %s the plan is %s', (asOf, expected) => {
    expect(state([], asOf)).toBe(expected);
  });

  it('says when it lapsed and the last day to cure', () => {
    const p = planProgress(TERMS, [], '2027-01-30');
    expect(p).toMatchObject({
      lapsedOn: '2027-01-26',
      cureDeadline: '2027-02-10',
      missedCount: 1,
      pastDueCents: 10_000,
    });
  });
});

describe('payments', () => {
  it('a payment on time keeps it current; the next one missed lapses it', () => {
    const pay = [{ date: '2027-01-14', amountCents: 10_000 }];
    expect(state(pay, '2027-02-25')).toBe('current');
    expect(state(pay, '2027-02-26')).toBe('lapsed');
  });

  it('a payment during the cure period brings it current again', () => {
    expect(state([{ date: '2027-02-01', amountCents: 10_000 }], '2027-02-01')).toBe('current');
    expect(state([{ date: '2027-02-01', amountCents: 10_000 }], '2027-01-31')).toBe('lapsed'); // not yet paid on the 31st
  });

  it('a partial payment leaves the installment partly paid, and still missed', () => {
    const p = planProgress(TERMS, [{ date: '2027-01-15', amountCents: 6_000 }], '2027-01-26');
    expect(p.installments.map((x) => x.paidCents)).toEqual([6_000, 0, 0]);
    expect(p.state).toBe('lapsed');
    expect(p.pastDueCents).toBe(4_000);
  });

  it('three missed payments default it even inside a cure period', () => {
    const short = { ...TERMS, cureDays: 400 };
    expect(state([], '2027-03-25', short)).toBe('lapsed'); // two missed
    expect(state([], '2027-03-26', short)).toBe('defaulted'); // the third's grace is over
  });

  it('paid in full is completed', () => {
    expect(state([{ date: '2027-01-10', amountCents: 30_000 }], '2027-01-10')).toBe('completed');
  });
});

describe('overpayment: pay ahead or shorten the term', () => {
  const pay = [{ date: '2027-01-14', amountCents: 15_000 }];
  it('pays ahead: the excess covers the next installment first', () => {
    expect(applyPayments(TERMS, pay, '2027-01-14')).toEqual([10_000, 5_000, 0]);
  });
  it('shortens the term: the excess comes off the last installment', () => {
    expect(applyPayments({ ...TERMS, overpayment: 'shorten_term' }, pay, '2027-01-14')).toEqual([10_000, 0, 5_000]);
    // So February is still due in full.
    expect(state(pay, '2027-02-26', { ...TERMS, overpayment: 'shorten_term' })).toBe('lapsed');
    expect(state(pay, '2027-02-26')).toBe('lapsed'); // pay-ahead only covered half of February
  });
  it('a payment a few days early is for the installment due next, not extra', () => {
    expect(
      applyPayments(
        { ...TERMS, overpayment: 'shorten_term' },
        [
          { date: '2027-02-10', amountCents: 10_000 },
          { date: '2027-01-15', amountCents: 10_000 },
        ],
        '2027-02-20',
      ),
    ).toEqual([10_000, 10_000, 0]);
  });
  it('payments after the as-of date are not counted', () => {
    expect(applyPayments(TERMS, [{ date: '2027-03-01', amountCents: 10_000 }], '2027-02-28')).toEqual([0, 0, 0]);
  });
});

describe('every day of a plan, the paid amounts never exceed the installments and add up to what was paid', () => {
  it('holds for a long run of irregular payments', () => {
    const payments: PlanPayment[] = [];
    for (let d = 0; d < 120; d += 9) payments.push({ date: addDays('2027-01-01', d), amountCents: 3_333 + d });
    for (const overpayment of ['pay_ahead', 'shorten_term'] as const) {
      for (let d = 0; d < 120; d++) {
        const asOf = addDays('2027-01-01', d);
        const p = planProgress({ ...TERMS, overpayment }, payments, asOf);
        const paidSoFar = Math.min(
          30_000,
          payments.filter((x) => x.date <= asOf).reduce((s, x) => s + x.amountCents, 0),
        );
        expect(p.paidCents).toBe(paidSoFar);
        expect(p.installments.every((x) => x.paidCents <= x.amountCents && x.paidCents >= 0)).toBe(true);
      }
    }
  });
});

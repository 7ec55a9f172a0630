// The interview's coverage as the clerk types it (src/shared/schemas/obstetricsForms.ts): a blank
// deductible or coinsurance is not known, not zero (a $1,500.00 deductible left blank would have
// turned a $3,600.00 estimate into $2,100.00); "0" is typed when it is met or none.
import { describe, expect, it } from 'vitest';
import { coverageOf, reviseFormFor, type EstimateText } from '../../../src/shared/schemas/obstetricsForms';

const TYPED: EstimateText = {
  expectedDelivery: '2027-05-15',
  deliveryKind: 'vaginal',
  firstDue: '2027-01-15',
  coverageKind: 'insured',
  payerName: 'Acme PPO',
  planYearEnd: '',
  deductibleRemaining: '1500.00',
  oopRemaining: '5000.00',
  annualDeductible: '',
  annualOopMax: '',
  coinsurancePercent: '20',
  copay: '',
  allowed: '',
};

describe('coverageOf', () => {
  it('reads the typed figures in cents and basis points; a blank copay is none', () => {
    const r = coverageOf(TYPED);
    expect(r.problems).toEqual([]);
    expect(r.coverage).toMatchObject({ deductibleRemainingCents: 150_000, coinsuranceBp: 2000, copayCents: 0 });
  });
  it('refuses a blank deductible and a blank coinsurance, naming each field', () => {
    const r = coverageOf({ ...TYPED, deductibleRemaining: ' ', coinsurancePercent: '' });
    expect(r.problems).toEqual(
      expect.arrayContaining([
        ['deductibleRemaining', 'Enter the deductible remaining (0 if met).'],
        ['coinsurancePercent', 'Enter the coinsurance (0 if the plan has none).'],
      ]),
    );
  });
  it('takes 0 typed as met', () => {
    const r = coverageOf({ ...TYPED, deductibleRemaining: '0', coinsurancePercent: '0' });
    expect(r.problems).toEqual([]);
    expect(r.coverage).toMatchObject({ deductibleRemainingCents: 0, coinsuranceBp: 0 });
  });
});

// The revise dialog's form (PP-04): every problem with the dates at once, each at its field. Today
// 2027-01-04, 30 days before delivery: a delivery on 2027-05-15 allows payments through 2027-04-15.
describe('reviseFormFor', () => {
  const form = reviseFormFor('2027-01-04', 30);
  const messages = (typed: Partial<EstimateText>) => {
    const r = form.safeParse({ ...TYPED, ...typed, reason: 'date_moved', note: 'Her obstetrician moved the date.' });
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  it('takes a delivery after today and a first due date within the dates allowed', () => {
    expect(messages({ firstDue: '2027-04-15' })).toEqual([]);
  });
  it('names a past delivery date and a past first due date together', () => {
    expect(messages({ expectedDelivery: '2027-01-03', firstDue: '2026-12-31' })).toEqual([
      ['expectedDelivery', 'The expected delivery date must be after today, January 4, 2027.'],
      ['firstDue', 'The first payment cannot be due before today, January 4, 2027.'],
    ]);
  });
  it('refuses a first due date after the last allowed date, giving the dates allowed', () => {
    expect(messages({ firstDue: '2027-04-16' })).toEqual([
      [
        'firstDue',
        'Every payment must be due by April 15, 2027, 30 days before the expected delivery (PP-04): choose a first due date from January 4, 2027 to April 15, 2027.',
      ],
    ]);
  });
  it('refuses a first due date before today, giving the dates allowed', () => {
    expect(messages({ firstDue: '2027-01-03' })).toEqual([
      [
        'firstDue',
        'The first payment cannot be due before today: choose a date from January 4, 2027 to April 15, 2027.',
      ],
    ]);
  });
});

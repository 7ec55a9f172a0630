// The interview's coverage as the clerk types it (src/shared/schemas/obstetricsForms.ts): a blank
// deductible or coinsurance is not known, not zero (a $1,500.00 deductible left blank would have
// turned a $3,600.00 estimate into $2,100.00); "0" is typed when it is met or none.
import { describe, expect, it } from 'vitest';
import { coverageOf, type EstimateText } from '../../../src/shared/schemas/obstetricsForms';

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

// PP-04: the estimate of an expectant patient's share (src/shared/rules/obstetrics.ts), case by case
// with the cents worked out by hand: the deductible met, not met and partly met; the coinsurance
// rounded down; the copay; the out-of-pocket maximum reached and already reached; a plan year that
// ends before the delivery (the new year's figures, refused when they are missing); the payer's
// allowed amount as the basis; self-pay with and without the hospital's discount; financial
// assistance in full and in part; the price table not set.
import { describe, expect, it } from 'vitest';
import { obEstimate, type EstimateRequest, type ObCoverage } from '../../../src/shared/rules/obstetrics';

/** Charges $12,000.00 for a vaginal delivery expected 2027-03-15. */
const CHARGES = 1_200_000;

function insured(c: Partial<ObCoverage> = {}): ObCoverage {
  return {
    kind: 'insured',
    payerName: 'Acme PPO',
    planYearEnd: null,
    deductibleRemainingCents: 150_000,
    oopRemainingCents: 500_000,
    annualDeductibleCents: null,
    annualOopMaxCents: null,
    coinsuranceBp: 2000,
    copayCents: 0,
    allowedCents: null,
    ...c,
  };
}

const SELF_PAY: ObCoverage = insured({ kind: 'self_pay', payerName: '' });

function estimate(r: Partial<EstimateRequest> = {}) {
  const result = obEstimate({
    deliveryKind: 'vaginal',
    chargesCents: CHARGES,
    coverage: insured(),
    expectedDelivery: '2027-03-15',
    selfPayDiscountBp: 0,
    assistanceBp: 0,
    ...r,
  });
  if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
  return result.estimate;
}

function refusal(r: Partial<EstimateRequest>) {
  const result = obEstimate({
    deliveryKind: 'vaginal',
    chargesCents: CHARGES,
    coverage: insured(),
    expectedDelivery: '2027-03-15',
    selfPayDiscountBp: 0,
    assistanceBp: 0,
    ...r,
  });
  if (result.ok) throw new Error('the estimate was not refused');
  return result;
}

describe('insured: the deductible, then the coinsurance on the rest', () => {
  it('deductible not met: $1,500.00 + 20% of $10,500.00 ($2,100.00) = $3,600.00', () => {
    const e = estimate();
    expect(e.shareCents).toBe(360_000);
    expect(e.basisCents).toBe(CHARGES);
    expect(e.planYear).toBe('current');
    expect(e.steps).toEqual([
      { step: 'charges', kind: 'vaginal', cents: 1_200_000 },
      { step: 'deductible', cents: 150_000, remainingCents: 150_000 },
      { step: 'coinsurance', cents: 210_000, bp: 2000, onCents: 1_050_000 },
      { step: 'share', cents: 360_000 },
    ]);
  });

  it('deductible met: 20% of the whole $12,000.00 = $2,400.00', () => {
    const e = estimate({ coverage: insured({ deductibleRemainingCents: 0 }) });
    expect(e.shareCents).toBe(240_000);
    expect(e.steps).toContainEqual({ step: 'deductible', cents: 0, remainingCents: 0 });
    expect(e.steps).toContainEqual({ step: 'coinsurance', cents: 240_000, bp: 2000, onCents: 1_200_000 });
  });

  it('deductible partly met ($400.00 left): $400.00 + 20% of $11,600.00 ($2,320.00) = $2,720.00', () => {
    expect(estimate({ coverage: insured({ deductibleRemainingCents: 40_000 }) }).shareCents).toBe(272_000);
  });

  it('a deductible larger than the charges takes the charges only', () => {
    const e = estimate({ coverage: insured({ deductibleRemainingCents: 2_000_000, oopRemainingCents: 5_000_000 }) });
    expect(e.steps).toContainEqual({ step: 'deductible', cents: 1_200_000, remainingCents: 2_000_000 });
    expect(e.steps).toContainEqual({ step: 'coinsurance', cents: 0, bp: 2000, onCents: 0 });
    expect(e.shareCents).toBe(1_200_000);
  });

  it('the coinsurance is rounded down to the cent: 20% of $12,345.67 is $2,469.13 (not $2,469.134)', () => {
    // Charges $13,345.67, deductible $1,000.00: the rest is $12,345.67.
    const e = estimate({
      chargesCents: 1_334_567,
      coverage: insured({ deductibleRemainingCents: 100_000 }),
    });
    expect(e.steps).toContainEqual({ step: 'coinsurance', cents: 246_913, bp: 2000, onCents: 1_234_567 });
    expect(e.shareCents).toBe(346_913);
  });

  it('15% of $12,345.67 is $1,851.85 (1,851.8505 rounded down)', () => {
    const e = estimate({
      chargesCents: 1_334_567,
      coverage: insured({ deductibleRemainingCents: 100_000, coinsuranceBp: 1500 }),
    });
    expect(e.shareCents).toBe(100_000 + 185_185);
  });

  it('the copay is added: 10% of $12,000.00 + $250.00 = $1,450.00', () => {
    const e = estimate({ coverage: insured({ deductibleRemainingCents: 0, coinsuranceBp: 1000, copayCents: 25_000 }) });
    expect(e.shareCents).toBe(145_000);
    expect(e.steps.map((s) => s.step)).toEqual(['charges', 'deductible', 'coinsurance', 'copay', 'share']);
    expect(e.steps).toContainEqual({ step: 'copay', cents: 25_000 });
  });

  it('no copay step when there is none', () => {
    expect(estimate().steps.some((s) => s.step === 'copay')).toBe(false);
  });
});

describe('the out-of-pocket maximum caps her share', () => {
  it('reached: $3,600.00 before the cap, $3,000.00 left of the maximum -> $3,000.00', () => {
    const e = estimate({ coverage: insured({ oopRemainingCents: 300_000 }) });
    expect(e.shareCents).toBe(300_000);
    expect(e.steps.slice(-2)).toEqual([
      { step: 'oop_cap', cents: 300_000, beforeCents: 360_000 },
      { step: 'share', cents: 300_000 },
    ]);
  });

  it('exactly at the maximum: no cap step', () => {
    const e = estimate({ coverage: insured({ oopRemainingCents: 360_000 }) });
    expect(e.shareCents).toBe(360_000);
    expect(e.steps.some((s) => s.step === 'oop_cap')).toBe(false);
  });

  it('already reached this year (nothing left of it): she owes $0.00', () => {
    const e = estimate({ coverage: insured({ oopRemainingCents: 0, copayCents: 25_000 }) });
    expect(e.shareCents).toBe(0);
    expect(e.steps).toContainEqual({ step: 'oop_cap', cents: 0, beforeCents: 385_000 });
  });
});

describe('a plan year that ends before the delivery: the new year’s full figures apply', () => {
  const nextYear = insured({
    planYearEnd: '2026-12-31',
    deductibleRemainingCents: 0, // met this year: does not count for a delivery next year
    oopRemainingCents: 10_000,
    annualDeductibleCents: 200_000,
    annualOopMaxCents: 600_000,
  });

  it('yearly deductible $2,000.00 + 20% of $10,000.00 = $4,000.00 (this year’s $100.00 of maximum left is not the cap)', () => {
    const e = estimate({ coverage: nextYear });
    expect(e.planYear).toBe('next');
    expect(e.shareCents).toBe(400_000);
    expect(e.steps).toEqual([
      { step: 'charges', kind: 'vaginal', cents: 1_200_000 },
      {
        step: 'plan_year_ends',
        planYearEnd: '2026-12-31',
        expectedDelivery: '2027-03-15',
        deductibleCents: 200_000,
        oopCents: 600_000,
      },
      { step: 'deductible', cents: 200_000, remainingCents: 200_000 },
      { step: 'coinsurance', cents: 200_000, bp: 2000, onCents: 1_000_000 },
      { step: 'share', cents: 400_000 },
    ]);
  });

  it('the new year’s maximum caps: $4,000.00 -> $3,500.00', () => {
    const e = estimate({ coverage: { ...nextYear, annualOopMaxCents: 350_000 } });
    expect(e.shareCents).toBe(350_000);
    expect(e.steps).toContainEqual({ step: 'oop_cap', cents: 350_000, beforeCents: 400_000 });
  });

  it('a plan year ending on the delivery day itself is this year’s: the remaining figures apply', () => {
    const e = estimate({ coverage: { ...nextYear, planYearEnd: '2027-03-15' } });
    expect(e.planYear).toBe('current');
    // deductible 0 (met), 20% of $12,000.00 = $2,400.00, capped at the $100.00 left.
    expect(e.shareCents).toBe(10_000);
  });

  it('a plan year ending after the delivery is this year’s', () => {
    expect(estimate({ coverage: { ...nextYear, planYearEnd: '2027-06-30' } }).planYear).toBe('current');
  });

  it('refused without the yearly deductible, naming the field', () => {
    const r = refusal({ coverage: { ...nextYear, annualDeductibleCents: null } });
    expect(r.field).toBe('coverage.annualDeductibleCents');
    expect(r.reason).toMatch(/yearly deductible/);
  });

  it('refused without the yearly out-of-pocket maximum, naming the field', () => {
    const r = refusal({ coverage: { ...nextYear, annualOopMaxCents: null } });
    expect(r.field).toBe('coverage.annualOopMaxCents');
    expect(r.reason).toMatch(/out-of-pocket maximum/);
  });
});

describe('the payer’s allowed amount is the basis when known', () => {
  it('allowed $8,000.00: $1,500.00 + 20% of $6,500.00 ($1,300.00) = $2,800.00', () => {
    const e = estimate({ coverage: insured({ allowedCents: 800_000 }) });
    expect(e.basisCents).toBe(800_000);
    expect(e.shareCents).toBe(280_000);
    expect(e.steps.slice(0, 2)).toEqual([
      { step: 'charges', kind: 'vaginal', cents: 1_200_000 },
      { step: 'allowed', payerName: 'Acme PPO', cents: 800_000 },
    ]);
  });

  it('an allowed amount equal to the charges is accepted', () => {
    expect(estimate({ coverage: insured({ allowedCents: CHARGES }) }).shareCents).toBe(360_000);
  });

  it('an allowed amount above the charges is refused, naming the field', () => {
    const r = refusal({ coverage: insured({ allowedCents: CHARGES + 1 }) });
    expect(r.field).toBe('coverage.allowedCents');
    expect(r.reason).toMatch(/cannot be more than the expected charges/);
  });
});

describe('self-pay: the charges less the hospital’s self-pay discount', () => {
  it('no discount: the whole $12,000.00', () => {
    const e = estimate({ coverage: SELF_PAY });
    expect(e.shareCents).toBe(1_200_000);
    expect(e.planYear).toBe('none');
    expect(e.steps).toEqual([
      { step: 'charges', kind: 'vaginal', cents: 1_200_000 },
      { step: 'share', cents: 1_200_000 },
    ]);
  });

  it('35% off $12,000.00: $4,200.00 off, $7,800.00', () => {
    const e = estimate({ coverage: SELF_PAY, selfPayDiscountBp: 3500 });
    expect(e.shareCents).toBe(780_000);
    expect(e.steps).toContainEqual({ step: 'self_pay_discount', cents: 420_000, bp: 3500 });
  });

  it('35% off $12,345.67: she pays 65% = $8,024.68 (8,024.6855 rounded down; the discount $4,320.99)', () => {
    const e = estimate({ chargesCents: 1_234_567, coverage: SELF_PAY, selfPayDiscountBp: 3500 });
    expect(e.shareCents).toBe(802_468);
    expect(e.steps).toContainEqual({ step: 'self_pay_discount', cents: 432_099, bp: 3500 });
  });

  it('the coverage’s insurance figures play no part for a self-pay patient', () => {
    const e = estimate({ coverage: { ...SELF_PAY, allowedCents: 5, oopRemainingCents: 0 }, selfPayDiscountBp: 1000 });
    expect(e.shareCents).toBe(1_080_000);
    expect(e.basisCents).toBe(1_200_000);
  });
});

describe('financial assistance already granted lowers her share', () => {
  it('100%: she owes nothing; the step shows the $3,600.00 forgiven', () => {
    const e = estimate({ assistanceBp: 10_000 });
    expect(e.shareCents).toBe(0);
    expect(e.steps.slice(-2)).toEqual([
      { step: 'assistance', cents: 360_000, bp: 10_000 },
      { step: 'share', cents: 0 },
    ]);
  });

  it('50% of $3,600.01: she pays $1,800.00 (rounded down), $1,800.01 forgiven', () => {
    const e = estimate({ coverage: insured({ copayCents: 1 }), assistanceBp: 5000 });
    expect(e.shareCents).toBe(180_000);
    expect(e.steps).toContainEqual({ step: 'assistance', cents: 180_001, bp: 5000 });
  });

  it('50% for a self-pay patient with a 10% discount: $12,000.00 → $10,800.00 → $5,400.00', () => {
    const e = estimate({ coverage: SELF_PAY, selfPayDiscountBp: 1000, assistanceBp: 5000 });
    expect(e.shareCents).toBe(540_000);
  });

  it('no assistance step when her share is already $0.00', () => {
    const e = estimate({ coverage: insured({ oopRemainingCents: 0 }), assistanceBp: 5000 });
    expect(e.steps.some((s) => s.step === 'assistance')).toBe(false);
  });
});

describe('the price table', () => {
  it('charges not set (0) are refused with the way to set them', () => {
    const r = refusal({ chargesCents: 0, deliveryKind: 'cesarean' });
    expect(r.field).toBe('deliveryKind');
    expect(r.reason).toBe(
      'The price table has no expected charges for a cesarean delivery: a supervisor sets them in Settings → Obstetrics.',
    );
  });
});

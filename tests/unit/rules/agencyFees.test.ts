// An agency's money (issue 12 item 4): the fee per line rounded to the cent, what is remitted gross
// or net, the net-back, ratios; amounts computed by hand, and properties over any amounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyFee, basisPoints, feeRateOn, netBackCents, remittedCents } from '../../../src/shared/rules/agencyFees';

describe('agencyFee', () => {
  it.each<[number, number, number]>([
    [10_000, 2_500, 2_500], // 25% of $100.00
    [3_333, 2_500, 833], // 25% of $33.33 = 833.25 -> 833
    [1_001, 3_333, 334], // 33.33% of $10.01 = 333.6333 -> 334
    [2, 2_500, 1], // 0.5 cent rounds up (half away from zero)
    [-3_333, 2_500, -833], // a payment taken back takes its fee back
    [-2, 2_500, -1],
    [12_345, 0, 0],
    [12_345, 10_000, 12_345],
  ])('%i cents at %i bp = %i', (collected, rate, fee) => {
    expect(agencyFee(collected, rate)).toBe(fee);
  });

  it('refuses a rate outside 0..100% or fractional cents', () => {
    expect(() => agencyFee(100, 10_001)).toThrow(RangeError);
    expect(() => agencyFee(1.5, 100)).toThrow(RangeError);
  });
});

describe('remitted and net-back', () => {
  it('gross remits everything; net keeps the fee; the hospital nets the same either way', () => {
    // $120.00 collected at 30%: fee $36.00.
    const fee = agencyFee(12_000, 3_000);
    expect(fee).toBe(3_600);
    expect(remittedCents('gross', 12_000, fee)).toBe(12_000);
    expect(remittedCents('net', 12_000, fee)).toBe(8_400);
    expect(netBackCents(12_000, fee)).toBe(8_400);
  });

  it('properties: fee within the collection, remitted + (gross: invoiced fee) = collected, sign kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (c, rate) => {
        const fee = agencyFee(c, rate);
        expect(Math.abs(fee)).toBeLessThanOrEqual(Math.abs(c));
        expect(Math.sign(fee) === Math.sign(c) || fee === 0).toBe(true);
        // Exact to half a cent.
        expect(Math.abs(fee * 10_000 - c * rate)).toBeLessThanOrEqual(5_000);
        expect(remittedCents('net', c, fee) + fee).toBe(c);
        expect(remittedCents('gross', c, fee)).toBe(c);
        expect(netBackCents(c, fee) + fee).toBe(c);
        expect(agencyFee(-c, rate)).toBe(fee === 0 ? 0 : -fee);
      }),
    );
  });
});

describe('basisPoints and feeRateOn', () => {
  it('ratios rounded half up; nothing placed is 0', () => {
    expect(basisPoints(1, 3)).toBe(3_333);
    expect(basisPoints(2, 3)).toBe(6_667);
    expect(basisPoints(5, 0)).toBe(0);
  });

  it('the rate in force on a date is the latest that took effect on or before it', () => {
    const rates = [
      { kind: 'primary' as const, rateBp: 2_500, effectiveFrom: '2026-01-01' },
      { kind: 'primary' as const, rateBp: 2_200, effectiveFrom: '2026-07-01' },
      { kind: 'legal' as const, rateBp: 4_000, effectiveFrom: '2026-01-01' },
    ];
    expect(feeRateOn(rates, 'primary', '2025-12-31')).toBeNull();
    expect(feeRateOn(rates, 'primary', '2026-06-30')).toBe(2_500);
    expect(feeRateOn(rates, 'primary', '2026-07-01')).toBe(2_200);
    expect(feeRateOn(rates, 'secondary', '2026-07-01')).toBeNull();
    expect(feeRateOn(rates, 'legal', '2027-01-01')).toBe(4_000);
  });
});

// ECA-05 and 1.501(r)-5: financial assistance as the policy reads. Each case's amounts are worked by
// hand in its name: responsibility = gross − payer credits − other adjustments; the policy amount is
// the discount's amount capped at AGB; adjustment = responsibility − policy amount; refund = paid
// beyond the policy amount; owes = policy amount − paid, not below zero.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fapOutcome,
  fapTotals,
  portion,
  type FapAccountLedger,
  type FapDiscount,
} from '../../../src/shared/rules/fapDiscount';

const account = (gross: number, payer: number, paid: number, other = 0): FapAccountLedger => ({
  accountId: 1,
  accountNumber: 'A1',
  grossChargesCents: gross,
  payerCreditsCents: payer,
  otherAdjustmentsCents: other,
  patientPaidCents: paid,
});

const FULL: FapDiscount = { kind: 'full' };
const AGB: FapDiscount = { kind: 'agb' };
const pct = (bp: number): FapDiscount => ({ kind: 'percent', percentOffBasisPoints: bp });
const AGB_45 = 4_500; // the AGB percentage: 45.00% of gross charges

describe('ECA-05: the policy amount, the charity adjustment and the refund, per account', () => {
  it.each<[string, FapAccountLedger, FapDiscount, { policy: number; adj: number; refund: number; owes: number }]>([
    [
      'full, nothing paid: gross $1,000.00, insurance $600.00 → adjust $400.00, owes $0',
      account(100_000, 60_000, 0),
      FULL,
      { policy: 0, adj: 40_000, refund: 0, owes: 0 },
    ],
    [
      'full, $150.00 paid of $400.00: adjust all $400.00, refund the $150.00',
      account(100_000, 60_000, 15_000),
      FULL,
      { policy: 0, adj: 40_000, refund: 15_000, owes: 0 },
    ],
    [
      '60% off $400.00 responsibility: policy $160.00; paid $100.00 → adjust $240.00, owes $60.00',
      account(100_000, 60_000, 10_000),
      pct(6_000),
      { policy: 16_000, adj: 24_000, refund: 0, owes: 6_000 },
    ],
    [
      '60% off $400.00: policy $160.00; paid $200.00 → adjust $240.00, refund $40.00',
      account(100_000, 60_000, 20_000),
      pct(6_000),
      { policy: 16_000, adj: 24_000, refund: 4_000, owes: 0 },
    ],
    [
      // Issue 11's defect: balance $800.00, paid $708.00. The old dialog took 50% of the balance
      // ($400.00) as the whole share, less $708.00 paid: a $308.00 refund. Under the policy the
      // patient is responsible for 50% of $1,508.00 = $754.00; they paid $708.00: they owe $46.00.
      // (Gross $2,000.00 less $492.00 insurance = $1,508.00; AGB 45% of $2,000.00 = $900.00 does not bind.)
      'the $308 defect: 50% off $1,508.00 (balance $800.00 + paid $708.00): policy $754.00 → adjust $754.00, owes $46.00, no refund',
      account(200_000, 49_200, 70_800),
      pct(5_000),
      { policy: 75_400, adj: 75_400, refund: 0, owes: 4_600 },
    ],
    [
      'AGB 45% of gross $1,000.00 = $450.00 against $800.00 responsibility, nothing paid → adjust $350.00',
      account(100_000, 20_000, 0),
      AGB,
      { policy: 45_000, adj: 35_000, refund: 0, owes: 45_000 },
    ],
    [
      'AGB $450.00 but the patient was responsible for only $300.00: nothing to adjust',
      account(100_000, 70_000, 0),
      AGB,
      { policy: 30_000, adj: 0, refund: 0, owes: 30_000 },
    ],
    [
      '1.501(r)-5: 10% off $900.00 would be $810.00, above AGB $450.00 → policy $450.00, adjust $450.00',
      account(100_000, 10_000, 0),
      pct(1_000),
      { policy: 45_000, adj: 45_000, refund: 0, owes: 45_000 },
    ],
    [
      'rounding in the patient’s favor: 33.33% off $100.01 → 66.67% of it is $66.6766…, policy $66.67',
      account(30_001, 20_000, 0),
      pct(3_333),
      { policy: 6_667, adj: 3_334, refund: 0, owes: 6_667 },
    ],
    [
      'an earlier $50.00 administrative adjustment lowers the responsibility: 50% off $350.00 = $175.00',
      account(100_000, 60_000, 0, 5_000),
      pct(5_000),
      { policy: 17_500, adj: 17_500, refund: 0, owes: 17_500 },
    ],
  ])('%s', (_name, a, discount, want) => {
    const o = fapOutcome(a, discount, AGB_45);
    expect([o.policyAmountCents, o.adjustmentCents, o.refundCents, o.owesCents]).toEqual([
      want.policy,
      want.adj,
      want.refund,
      want.owes,
    ]);
  });

  it('says when the AGB limit, not the percentage, set the amount', () => {
    expect(fapOutcome(account(100_000, 10_000, 0), pct(1_000), AGB_45).agbLimited).toBe(true);
    expect(fapOutcome(account(100_000, 60_000, 0), pct(6_000), AGB_45).agbLimited).toBe(false);
  });

  it('portion is exact past 2^53 and rounds down', () => {
    expect(portion(999_999_999_999, 9_999)).toBe(999_899_999_999);
    expect(portion(3, 5_000)).toBe(1);
    expect(portion(-5, 5_000)).toBe(0);
  });

  it('totals add the accounts', () => {
    const outs = [
      fapOutcome(account(100_000, 60_000, 20_000), pct(6_000), AGB_45),
      fapOutcome(account(200_000, 49_200, 70_800), pct(5_000), AGB_45),
    ];
    expect(fapTotals(outs)).toEqual({ adjustmentCents: 99_400, refundCents: 4_000, owesCents: 4_600 });
  });
});

describe('ECA-05 property: the outcome agrees with the ledger', () => {
  const cents = (max: number) => fc.integer({ min: 0, max });
  const discount = fc.oneof(
    fc.constant<FapDiscount>(FULL),
    fc.constant<FapDiscount>(AGB),
    fc.integer({ min: 0, max: 10_000 }).map(pct),
  );
  it('balance − adjustment + refund = owes; paid − refund + owes = policy amount; a refund only of money paid beyond it', () => {
    fc.assert(
      fc.property(
        cents(10_000_000),
        cents(10_000_000),
        cents(10_000_000),
        cents(10_000_000),
        discount,
        fc.integer({ min: 0, max: 10_000 }),
        (gross, payer, other, paid, d, agb) => {
          fc.pre(gross - payer - other - paid > 0); // an open account
          const o = fapOutcome(account(gross, payer, paid, other), d, agb);
          expect(o.balanceCents).toBe(gross - payer - other - paid);
          expect(o.balanceCents - o.adjustmentCents + o.refundCents).toBe(o.owesCents);
          expect(paid - o.refundCents + o.owesCents).toBe(o.policyAmountCents);
          expect(o.adjustmentCents).toBeGreaterThanOrEqual(0);
          expect(o.refundCents).toBeLessThanOrEqual(paid);
          expect(o.refundCents === 0 || o.owesCents === 0).toBe(true);
          expect(o.policyAmountCents).toBeLessThanOrEqual(portion(gross, agb)); // 1.501(r)-5
          expect(o.policyAmountCents).toBeLessThanOrEqual(o.responsibilityCents);
        },
      ),
    );
  });
});

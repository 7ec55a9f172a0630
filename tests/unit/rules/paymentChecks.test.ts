// Issue 11 item 6: what a clerk may post alone. A likely duplicate (the same check posted twice) is
// asked about; a payment dated before the last statement needs a supervisor. Case by case.
import { describe, expect, it } from 'vitest';
import {
  backdatedIntoStatementedPeriod,
  likelyDuplicate,
  sameReference,
  type PaymentSeen,
} from '../../../src/shared/rules/paymentChecks';

const earlier: PaymentSeen[] = [
  { receiptNumber: 'R20261110-0001', amountCents: 12_500, reference: 'Check 4417', effectiveDate: '2026-11-10' },
  { receiptNumber: 'R20261120-0002', amountCents: 5_000, reference: '', effectiveDate: '2026-11-20' },
];

describe('a likely duplicate', () => {
  it.each([
    ['the same check number and amount, 4 days later', 12_500, '#4417', '2026-11-14', 'R20261110-0001'],
    ['the same check, 14 days later (the window’s last day)', 12_500, 'check 4417', '2026-11-24', 'R20261110-0001'],
    ['the same check, 15 days later: another month’s check', 12_500, 'Check 4417', '2026-11-25', null],
    ['the same check number, another amount', 12_000, 'Check 4417', '2026-11-10', null],
    ['cash with no reference, the same amount the same day', 5_000, '', '2026-11-20', 'R20261120-0002'],
    ['cash with no reference, the same amount the next day', 5_000, '', '2026-11-21', null],
    ['a reference on one only, the same amount the same day', 5_000, 'MO 77', '2026-11-20', null],
  ])('%s', (_what, amountCents, reference, effectiveDate, found) => {
    expect(likelyDuplicate({ amountCents, reference, effectiveDate }, earlier)?.receiptNumber ?? null).toBe(found);
  });

  it('references compare without case, spaces, punctuation or a leading "check", "ck", "No." or "#"', () => {
    expect(sameReference('No. 4417', 'ck #4417')).toBe(true);
    expect(sameReference('Check 4417', '#4417')).toBe(true);
    expect(sameReference('AUTH-88 12', 'auth8812')).toBe(true);
    expect(sameReference('', '')).toBe(false);
  });
});

describe('a payment dated before the last statement', () => {
  it.each([
    ['dated the day before the statement', '2026-10-31', '2026-11-01', true],
    ['dated the statement’s day', '2026-11-01', '2026-11-01', false],
    ['dated after it', '2026-11-20', '2026-11-01', false],
    ['no statement sent yet', '2026-08-01', null, false],
  ])('%s: approval needed %s', (_what, date, last, needed) => {
    expect(backdatedIntoStatementedPeriod(date, last)).toBe(needed);
  });
});

// The work queue's one formula, kind by kind (docs/user-guide/work-queue.md): score = log10(1 +
// dollars) x urgency, to two decimals. Every figure below is worked out by hand in the comment.
import { describe, expect, it } from 'vitest';
import { queueScore, URGENCY } from '../../../src/shared/rules/workQueue';

describe('urgency of the collection kinds', () => {
  it.each([
    // ECA-05: 2 + days since the final notice's deadline / 30, at most 3
    ['final notice passed, deadline today', URGENCY.finalNoticePassed(0), 2],
    ['final notice passed 15 days ago', URGENCY.finalNoticePassed(15), 2.5],
    ['final notice passed 30 days ago', URGENCY.finalNoticePassed(30), 3],
    ['final notice passed 56 days ago (capped)', URGENCY.finalNoticePassed(56), 3],
    ['final notice deadline in the future counts as today', URGENCY.finalNoticePassed(-3), 2],
    // 1.25 + days since the statement's due date / 120, at most 2
    ['no payment, due today', URGENCY.noPaymentSinceStatement(0), 1.25],
    ['no payment, 30 days past due', URGENCY.noPaymentSinceStatement(30), 1.5],
    ['no payment, 60 days past due', URGENCY.noPaymentSinceStatement(60), 1.75],
    ['no payment, 90 days past due (the cap)', URGENCY.noPaymentSinceStatement(90), 2],
    ['no payment, 200 days past due (capped)', URGENCY.noPaymentSinceStatement(200), 2],
    ['high balance', URGENCY.highBalance, 1],
    // 1.5 + days pending / 30, at most 3
    ['assistance pending since today', URGENCY.assistancePending(0), 1.5],
    ['assistance pending 15 days', URGENCY.assistancePending(15), 2],
    ['assistance pending 45 days (the cap)', URGENCY.assistancePending(45), 3],
    ['assistance pending 90 days (capped)', URGENCY.assistancePending(90), 3],
  ])('%s', (_, got, want) => {
    expect(got).toBeCloseTo(want, 10);
  });
});

describe('scores of the collection kinds (the user guide’s examples)', () => {
  it.each([
    // log10(1,001) = 3.00043; 65 days past due: 1.25 + 65/120 = 1.79167; 3.00043 x 1.79167 = 5.3758
    ['$1,000.00 unpaid, 65 days past due', queueScore(100_000, URGENCY.noPaymentSinceStatement(65)), 5.38],
    // log10(7,001) = 3.84516 x 1.79167 = 6.8892
    ['$7,000.00 unpaid, 65 days past due', queueScore(700_000, URGENCY.noPaymentSinceStatement(65)), 6.89],
    // log10(301) = 2.47857 x 3 = 7.4357
    [
      '$300.00 after a final notice, 56 days past its deadline',
      queueScore(30_000, URGENCY.finalNoticePassed(56)),
      7.44,
    ],
    // log10(6,001) = 3.77822 x 1 = 3.7782
    ['$6,000.00 high balance', queueScore(600_000, URGENCY.highBalance), 3.78],
    // log10(501) = 2.69984; 20 days: 1.5 + 20/30 = 2.16667; 2.69984 x 2.16667 = 5.8497
    ['$500.00, assistance pending 20 days', queueScore(50_000, URGENCY.assistancePending(20)), 5.85],
    // a credit balance has nothing at stake
    ['a credit balance scores 0', queueScore(-2_500, URGENCY.highBalance), 0],
  ])('%s', (_, got, want) => {
    expect(got).toBe(want);
  });
});

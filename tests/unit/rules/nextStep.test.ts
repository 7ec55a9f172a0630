import { describe, expect, it } from 'vitest';
import { nextCollectionStep, type NextStepInput } from '../../../src/shared/rules/nextStep';

const base: NextStepInput = {
  balanceCents: 10_000,
  plan: null,
  firstStatementDate: null,
  finalNoticeDate: null,
  fapStatus: 'unknown',
  today: '2026-11-26',
};

describe('the next collection step', () => {
  it.each([
    ['nothing owed', { balanceCents: 0 }, /^Nothing owed/],
    ['a credit', { balanceCents: -500 }, /^Credit balance/],
    ['an application pending', { fapStatus: 'pending' as const }, /application pending/],
    [
      'a hold on the account',
      { holds: ['dispute' as const], firstStatementDate: '2026-01-01' },
      /^On hold \(balance disputed\): no statements and no collection actions while it stands\.$/,
    ],
    [
      'a bankruptcy before a lapsed plan: nobody is told to call',
      {
        holds: ['bankruptcy' as const],
        plan: { id: 3, status: 'lapsed' as const, since: '2026-11-20', cureDeadline: '2026-12-10' },
      },
      /^On hold \(bankruptcy\): no statements and no collection actions/,
    ],
    [
      'a death: only the estate claim may follow',
      { holds: ['deceased' as const] },
      /^On hold \(deceased\): no statements; only a claim against the estate may follow/,
    ],
    [
      'a current plan',
      { plan: { id: 3, status: 'current' as const, since: '2026-10-01', cureDeadline: null } },
      /^On payment plan #3, current/,
    ],
    [
      'a lapsed plan',
      { plan: { id: 3, status: 'lapsed' as const, since: '2026-11-20', cureDeadline: '2026-12-10' } },
      /lapsed on November 20, 2026.*by December 10, 2026/,
    ],
    [
      'a defaulted plan, no statement yet',
      { plan: { id: 3, status: 'defaulted' as const, since: '2026-11-25', cureDeadline: null } },
      /^Payment plan #3 defaulted on November 25, 2026; the account is back in the collection cycle\. Next: the first statement/,
    ],
    [
      'statements started',
      { firstStatementDate: '2026-09-01' },
      /Next: statements continue, then the 30-day final notice; no collection action before December 30, 2026/,
    ],
    [
      'final notice sent, waiting',
      { firstStatementDate: '2026-06-01', finalNoticeDate: '2026-11-10' },
      /allowed from December 10, 2026/,
    ],
    ['notices complete', { firstStatementDate: '2026-01-01', finalNoticeDate: '2026-06-01' }, /notices are complete/],
  ])('%s', (_label, input, expected) => {
    expect(nextCollectionStep({ ...base, ...input })).toMatch(expected);
  });
});

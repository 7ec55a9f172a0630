// ST-03 selection, case by case: the minimum, holds, the days between statements, the final notice.
import { describe, expect, it } from 'vitest';
import { statementDue, type CycleState } from '../../../src/shared/rules/statementCycle';

const fresh: CycleState = {
  balanceCents: 10_000,
  sentCount: 0,
  lastStatementDate: null,
  finalNoticeSent: false,
  holds: [],
};

describe('ST-03: who is due a statement on a run date', () => {
  it.each([
    ['the first statement', fresh, { due: true, kind: 'regular', number: 1 }],
    ['a balance under the minimum', { ...fresh, balanceCents: 499 }, { due: false, why: 'below_minimum' }],
    ['exactly the minimum', { ...fresh, balanceCents: 500 }, { due: true, kind: 'regular', number: 1 }],
    ['a credit balance', { ...fresh, balanceCents: -100 }, { due: false, why: 'credit_or_zero' }],
    ['a hold', { ...fresh, holds: ['dispute' as const] }, { due: false, why: 'held', holds: ['dispute'] }],
    [
      '29 days after the last',
      { ...fresh, sentCount: 1, lastStatementDate: '2026-10-28' },
      { due: false, why: 'not_yet', nextDate: '2026-11-27' },
    ],
    [
      '30 days after the last',
      { ...fresh, sentCount: 1, lastStatementDate: '2026-10-27' },
      { due: true, kind: 'regular', number: 2 },
    ],
    [
      'after the third: the final notice',
      { ...fresh, sentCount: 3, lastStatementDate: '2026-10-01' },
      { due: true, kind: 'final_notice', number: 4 },
    ],
    [
      'after the final notice',
      { ...fresh, sentCount: 4, lastStatementDate: '2026-09-01', finalNoticeSent: true },
      { due: false, why: 'cycle_complete' },
    ],
  ] as const)('%s', (_label, state, expected) => {
    expect(statementDue(state as CycleState, '2026-11-26')).toEqual(expected);
  });

  it('follows the policy: two regular statements every 21 days', () => {
    const policy = { daysBetween: 21, regularStatements: 2, minimumBalanceCents: 0 };
    expect(statementDue({ ...fresh, sentCount: 2, lastStatementDate: '2026-11-05' }, '2026-11-26', policy)).toEqual({
      due: true,
      kind: 'final_notice',
      number: 3,
    });
    expect(statementDue({ ...fresh, balanceCents: 1 }, '2026-11-26', policy)).toMatchObject({ due: true });
  });
});

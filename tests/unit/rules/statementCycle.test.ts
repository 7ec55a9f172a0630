// ST-03 selection, case by case: the minimum, holds (on the guarantor and on one account), the days
// between statements, the final notice, and accounts at different points of their own cycles.
import { describe, expect, it } from 'vitest';
import { statementDue, type AccountCycleState, type CycleState } from '../../../src/shared/rules/statementCycle';

const account = (over: Partial<AccountCycleState> = {}): AccountCycleState => ({
  accountId: 1,
  balanceCents: 10_000,
  sentCount: 0,
  finalNoticeSent: false,
  holds: [],
  ...over,
});
const fresh: CycleState = { lastStatementDate: null, holds: [], accounts: [account()] };
const one = (over: Partial<AccountCycleState>, state: Partial<CycleState> = {}): CycleState => ({
  ...fresh,
  ...state,
  accounts: [account(over)],
});

describe('ST-03: who is due a statement on a run date', () => {
  it.each([
    ['the first statement', fresh, { due: true, kind: 'regular', number: 1 }],
    ['a balance under the minimum', one({ balanceCents: 499 }), { due: false, why: 'below_minimum' }],
    ['exactly the minimum', one({ balanceCents: 500 }), { due: true, kind: 'regular', number: 1 }],
    ['a credit balance', one({ balanceCents: -100 }), { due: false, why: 'credit_or_zero' }],
    ['no accounts open', { ...fresh, accounts: [] }, { due: false, why: 'credit_or_zero' }],
    [
      'a hold on the guarantor',
      { ...fresh, holds: ['dispute' as const] },
      { due: false, why: 'held', holds: ['dispute'] },
    ],
    [
      'a hold on the only account',
      one({ holds: ['in_litigation'] }),
      { due: false, why: 'held', holds: ['in_litigation'] },
    ],
    [
      '29 days after the last',
      one({ sentCount: 1 }, { lastStatementDate: '2026-10-28' }),
      { due: false, why: 'not_yet', nextDate: '2026-11-27' },
    ],
    [
      '30 days after the last',
      one({ sentCount: 1 }, { lastStatementDate: '2026-10-27' }),
      { due: true, kind: 'regular', number: 2 },
    ],
    [
      'after the third: the final notice',
      one({ sentCount: 3 }, { lastStatementDate: '2026-10-01' }),
      { due: true, kind: 'final_notice', number: 4 },
    ],
    [
      'after the final notice',
      one({ sentCount: 4, finalNoticeSent: true }, { lastStatementDate: '2026-09-01' }),
      { due: false, why: 'cycle_complete' },
    ],
  ] as const)('%s', (_label, state, expected) => {
    expect(statementDue(state as CycleState, '2026-11-26')).toMatchObject(expected);
  });

  it('follows the policy: two regular statements every 21 days', () => {
    const policy = { daysBetween: 21, regularStatements: 2, minimumBalanceCents: 0 };
    expect(
      statementDue(one({ sentCount: 2 }, { lastStatementDate: '2026-11-05' }), '2026-11-26', policy),
    ).toMatchObject({
      due: true,
      kind: 'final_notice',
      number: 3,
    });
    expect(statementDue(one({ balanceCents: 1 }), '2026-11-26', policy)).toMatchObject({ due: true });
  });
});

describe('ST-03 / ECA-05: each account runs its own cycle on the guarantor’s one statement', () => {
  it('a new account starts at statement 1 on the statement that is another account’s third', () => {
    const state: CycleState = {
      lastStatementDate: '2026-10-27',
      holds: [],
      accounts: [account({ accountId: 1, sentCount: 2 }), account({ accountId: 2, sentCount: 0 })],
    };
    expect(statementDue(state, '2026-11-26')).toEqual({
      due: true,
      kind: 'regular',
      number: 3,
      accounts: [
        { accountId: 1, step: 'regular', number: 3 },
        { accountId: 2, step: 'regular', number: 1 },
      ],
      heldAccounts: [],
    });
  });

  it('one account’s final notice makes the statement a final notice; the newer account goes on with its cycle', () => {
    const state: CycleState = {
      lastStatementDate: '2026-10-27',
      holds: [],
      accounts: [account({ accountId: 1, sentCount: 3 }), account({ accountId: 2, sentCount: 1 })],
    };
    expect(statementDue(state, '2026-11-26')).toMatchObject({
      due: true,
      kind: 'final_notice',
      number: 4,
      accounts: [
        { accountId: 1, step: 'final_notice', number: 4 },
        { accountId: 2, step: 'regular', number: 2 },
      ],
    });
  });

  it('an account that first owes after another’s final notice gets a cycle of its own', () => {
    const state: CycleState = {
      lastStatementDate: '2026-09-01',
      holds: [],
      accounts: [
        account({ accountId: 1, sentCount: 4, finalNoticeSent: true }),
        account({ accountId: 2, sentCount: 0 }),
      ],
    };
    expect(statementDue(state, '2026-11-26')).toMatchObject({
      due: true,
      kind: 'regular',
      number: 1,
      accounts: [
        { accountId: 1, step: 'after_notice', number: null },
        { accountId: 2, step: 'regular', number: 1 },
      ],
    });
  });

  it('a hold on one account keeps that account off the statement, not the others', () => {
    const state: CycleState = {
      lastStatementDate: null,
      holds: [],
      accounts: [account({ accountId: 1, holds: ['dispute'] }), account({ accountId: 2 })],
    };
    expect(statementDue(state, '2026-11-26')).toMatchObject({
      due: true,
      accounts: [{ accountId: 2, step: 'regular', number: 1 }],
      heldAccounts: [{ accountId: 1, holds: ['dispute'] }],
    });
  });

  it('the minimum counts only what the statement would show', () => {
    const state: CycleState = {
      lastStatementDate: null,
      holds: [],
      accounts: [account({ accountId: 1, holds: ['dispute'] }), account({ accountId: 2, balanceCents: 400 })],
    };
    expect(statementDue(state, '2026-11-26')).toEqual({ due: false, why: 'below_minimum' });
  });

  it('a guarantor hold stops every account, whatever their steps', () => {
    const state: CycleState = {
      lastStatementDate: null,
      holds: ['bankruptcy'],
      accounts: [account({ accountId: 1 }), account({ accountId: 2, holds: ['dispute'] })],
    };
    expect(statementDue(state, '2026-11-26')).toEqual({ due: false, why: 'held', holds: ['bankruptcy'] });
  });
});

describe('issue 11: credits shown and refunded, plans asked for their payment, never dunned', () => {
  const owed = (over: Partial<AccountCycleState>) => account({ accountId: 1, ...over });
  const credit = (cents: number) => account({ accountId: 9, balanceCents: cents });
  it.each([
    [
      'a $100.00 credit against $500.00 owed: due, the credit shown',
      [owed({ balanceCents: 50_000 }), credit(-10_000)],
      {
        due: true,
        kind: 'regular',
        accounts: [
          { accountId: 1, step: 'regular', number: 1 },
          { accountId: 9, step: 'credit', number: null },
        ],
      },
    ],
    [
      'a $600.00 credit against $500.00 owed: the hospital owes more, no statement',
      [owed({ balanceCents: 50_000 }), credit(-60_000)],
      { due: false, why: 'credit_or_zero' },
    ],
    [
      'a credit equal to what is owed: nothing demanded, no statement',
      [owed({ balanceCents: 50_000 }), credit(-50_000)],
      { due: false, why: 'credit_or_zero' },
    ],
    [
      'ECA-05: a credit covering the account due its final notice: no final notice',
      [owed({ balanceCents: 50_000, sentCount: 3 }), credit(-50_000)],
      { due: false, why: 'credit_or_zero' },
    ],
    [
      'a credit is not subtracted: $5.00 owed beside a $0.01 credit is billed (the minimum is of what is owed)',
      [owed({ balanceCents: 500 }), credit(-1)],
      {
        due: true,
        kind: 'regular',
        accounts: [
          { accountId: 1, step: 'regular', number: 1 },
          { accountId: 9, step: 'credit', number: null },
        ],
      },
    ],
    [
      'the minimum is of what is owed: $4.99 owed beside a $0.01 credit is below it',
      [owed({ balanceCents: 499 }), credit(-1)],
      { due: false, why: 'below_minimum' },
    ],
    [
      'PP-01: an account on a plan after three statements: a plan statement, not a final notice',
      [owed({ sentCount: 3, onPlan: true })],
      { due: true, kind: 'regular', number: 1, accounts: [{ accountId: 1, step: 'plan', number: null }] },
    ],
    [
      'PP-01: a plan’s account whose final notice went out still gets its monthly statement',
      [owed({ sentCount: 4, finalNoticeSent: true, onPlan: true })],
      { due: true, kind: 'regular', accounts: [{ accountId: 1, step: 'plan', number: null }] },
    ],
  ] as const)('%s', (_label, accounts, expected) => {
    expect(
      statementDue(
        { lastStatementDate: '2026-10-01', holds: [], accounts: accounts as unknown as AccountCycleState[] },
        '2026-11-26',
      ),
    ).toMatchObject(expected);
  });
});

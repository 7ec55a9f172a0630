// The one rule, case by case against the tables as migration 021 seeds them from the brief: each
// state's entity limit (rules §3.1), each state's statute of limitations by basis and accrual rule
// (rules §3.2) with the last day worked out by hand, Ohio's 8 years before 15 June 2021 and 6 after,
// New York's three years from treatment for medical debt (CPLR 213-d), California's two claims a
// year over $2,500.00, the waiver of the excess, the economics, the 501(r) gate's wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitationRows, limitRows } from '../../../src/main/capabilities/smallClaims/check';
import {
  addYears,
  caseReminder,
  limitationFor,
  limitsInForce,
  suitDecision,
  suitEconomics,
  type AccrualDates,
  type CourtLimit,
  type Limitation,
  type SuitAccountFacts,
  type SuitFacts,
} from '../../../src/shared/rules/smallClaims';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
let limits: CourtLimit[];
let limitations: Limitation[];
beforeAll(async () => {
  t = testApp({ today: '2026-05-20' });
  await setUpAndLogIn(t);
  limits = limitRows(t.app.store.db);
  limitations = limitationRows(t.app.store.db);
});
afterAll(() => t.cleanup());

describe('rules §3.1: the entity limit in force, state by state', () => {
  it.each([
    ['CA', [['Small claims court', 625_000]]],
    ['TX', [['Justice court', 2_000_000]]],
    [
      'NY',
      [
        ['New York City Civil Court (commercial claims)', 1_000_000],
        ['City Court or Nassau / W. Suffolk District Court (commercial claims)', 500_000],
        ['Town or Village Court', 300_000],
      ],
    ],
    ['FL', [['County court, small claims', 800_000]]],
    ['IL', [['Circuit court, small claims', 1_000_000]]],
    ['PA', [['Magisterial district judge', 1_200_000]]],
    ['OH', [['Small claims division', 600_000]]],
    ['GA', [['Magistrate court', 1_500_000]]],
    ['NC', [['Small claims (magistrate)', 1_000_000]]],
    ['MI', [['District court, small claims division', 700_000]]],
  ] as const)('%s', (state, courts) => {
    expect(limitsInForce(limits, state, '2026-05-20').map((l) => [l.court, l.entityLimitCents])).toEqual(courts);
  });

  it('California: $12,500 for a person, $6,250 for an entity from 1 January 2024, two claims a year over $2,500', () => {
    const [ca] = limitsInForce(limits, 'CA', '2026-05-20');
    expect(ca).toMatchObject({
      individualLimitCents: 1_250_000,
      entityLimitCents: 625_000,
      effectiveFrom: '2024-01-01',
      largeClaimCents: 250_000,
      largeClaimsPerYear: 2,
    });
    // Before its effective date the row is not in force (no other CA row is on file).
    expect(limitsInForce(limits, 'CA', '2023-12-31')).toEqual([]);
  });

  it('a later row of the same court replaces it from its date; other states are not mixed in', () => {
    const newer: CourtLimit = {
      ...limitsInForce(limits, 'CA', '2026-05-20')[0]!,
      id: 999,
      entityLimitCents: 700_000,
      effectiveFrom: '2026-07-01',
    };
    const rows = [...limits, newer];
    expect(limitsInForce(rows, 'CA', '2026-06-30').map((l) => l.entityLimitCents)).toEqual([625_000]);
    expect(limitsInForce(rows, 'CA', '2026-07-01').map((l) => l.entityLimitCents)).toEqual([700_000]);
    expect(limitsInForce(rows, 'WA', '2026-07-01')).toEqual([]);
  });
});

describe('rules §3.2: the statute of limitations, state by state and basis by basis', () => {
  // Treated 10 May 2021; first due 30 June 2021; the last item on the account 15 January 2022.
  const dates: AccrualDates = { treatment: '2021-05-10', firstDue: '2021-06-30', lastItem: '2022-01-15' };
  it.each([
    // state, basis, years, accrual, accrued on, last day to file (accrued + years − 1 day)
    ['CA', 'written', 4, 'first_due', '2021-06-30', '2025-06-29'],
    ['CA', 'open_account', 4, 'last_item', '2022-01-15', '2026-01-14'],
    ['TX', 'written', 4, 'first_due', '2021-06-30', '2025-06-29'],
    ['TX', 'open_account', 4, 'first_due', '2021-06-30', '2025-06-29'],
    // New York: medical debt governs whatever the basis, three years from treatment (CPLR 213-d).
    ['NY', 'written', 3, 'treatment', '2021-05-10', '2024-05-09'],
    ['NY', 'open_account', 3, 'treatment', '2021-05-10', '2024-05-09'],
    ['FL', 'written', 5, 'first_due', '2021-06-30', '2026-06-29'],
    ['FL', 'open_account', 4, 'last_item', '2022-01-15', '2026-01-14'],
    ['IL', 'written', 10, 'first_due', '2021-06-30', '2031-06-29'],
    ['IL', 'open_account', 5, 'first_due', '2021-06-30', '2026-06-29'],
    ['PA', 'written', 4, 'first_due', '2021-06-30', '2025-06-29'],
    ['PA', 'open_account', 4, 'first_due', '2021-06-30', '2025-06-29'],
    // Ohio: accrued after 14 June 2021, six years (SB 13).
    ['OH', 'written', 6, 'first_due', '2021-06-30', '2027-06-29'],
    ['OH', 'open_account', 4, 'first_due', '2021-06-30', '2025-06-29'],
    ['GA', 'written', 6, 'first_due', '2021-06-30', '2027-06-29'],
    ['GA', 'open_account', 4, 'first_due', '2021-06-30', '2025-06-29'],
    ['NC', 'written', 3, 'first_due', '2021-06-30', '2024-06-29'],
    ['NC', 'open_account', 3, 'first_due', '2021-06-30', '2024-06-29'],
    ['MI', 'written', 6, 'first_due', '2021-06-30', '2027-06-29'],
    ['MI', 'open_account', 6, 'first_due', '2021-06-30', '2027-06-29'],
  ] as const)('%s %s: %i years %s', (state, basis, years, accrual, accruedOn, lastDay) => {
    const a = limitationFor(limitations, state, basis, dates);
    expect(a.row).toMatchObject({ years, accrual });
    expect(a.accruedOn).toBe(accruedOn);
    expect(a.lastDay).toBe(lastDay);
  });

  it('Ohio: eight years for a written claim accrued before 15 June 2021 but no later than six years from SB 13, six from that day', () => {
    const on = (firstDue: string) => limitationFor(limitations, 'OH', 'written', { ...dates, firstDue });
    // 8 years from 2021-06-14 would run to 2029-06-13; SB 13 caps the older claims at six years
    // from 16 June 2021 (the day before the anniversary: 2027-06-15).
    expect(on('2021-06-14')).toMatchObject({ row: { years: 8 }, lastDay: '2027-06-15' });
    expect(on('2021-06-14').explanation).toContain('but no later than June 15, 2027');
    expect(on('2020-01-01')).toMatchObject({ row: { years: 8 }, lastDay: '2027-06-15' });
    expect(on('2021-06-15')).toMatchObject({ row: { years: 6 }, lastDay: '2027-06-14' });
    // Eight years that end before the cap stand: 2015-03-01 + 8 years - 1 day.
    expect(on('2015-03-01')).toMatchObject({ row: { years: 8 }, lastDay: '2023-02-28' });
    expect(on('2015-03-01').explanation).not.toContain('but no later than');
  });

  it('New York: three years from treatment even when the written contract’s six would run later', () => {
    // Treated 1 December 2022 (the test book's N1): the last day was 30 November 2025.
    const a = limitationFor(limitations, 'NY', 'written', {
      treatment: '2022-12-01',
      firstDue: '2023-01-15',
      lastItem: '2023-01-15',
    });
    expect(a.row?.basis).toBe('medical_debt');
    expect(a.lastDay).toBe('2025-11-30');
    expect(a.explanation).toContain('CPLR 213-d');
  });

  it('a state with no row says so (and a suit is not judged inside it)', () => {
    const a = limitationFor(limitations, 'WA', 'written', dates);
    expect(a).toMatchObject({ row: null, lastDay: null });
    expect(a.explanation).toContain('No statute of limitations is on file for WA');
  });

  it('whole years from 29 February land on 28 February in a common year', () => {
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 3)).toBe('2023-02-28');
    expect(addYears('2021-06-30', 6)).toBe('2027-06-30');
  });
});

const account = (over: Partial<SuitAccountFacts> = {}): SuitAccountFacts => ({
  accountId: 1,
  accountNumber: 'A1',
  balanceCents: 195_000,
  payerClass: 'self_pay',
  hasMedicaidNumber: false,
  dates: { treatment: '2026-01-05', firstDue: '2026-02-23', lastItem: '2026-01-05' },
  eca: { allowed: true, allowedFrom: '2026-06-02', reasons: [] },
  disputed: false,
  bankrupt: false,
  deceased: false,
  onCurrentPlan: false,
  inOpenCase: false,
  ...over,
});
const facts = (over: Partial<SuitFacts> = {}): SuitFacts => ({
  today: '2026-06-02',
  state: 'CA',
  basis: 'open_account',
  fapStatus: 'not_applied',
  court: limitsInForce(limits, 'CA', '2026-06-02')[0]!,
  limitations,
  accounts: [account()],
  largeClaimsFiledThisYear: 0,
  waiveExcess: false,
  economics: { clerkHourlyCents: 3_500, hoursPerCase: 6, expectedRecoveryPercent: 40 },
  ...over,
});
const line = (d: ReturnType<typeof suitDecision>, key: string) => d.lines.find((l) => l.key === key);

describe('the decision', () => {
  it('files when every line passes', () => {
    const d = suitDecision(facts());
    expect(d.lines.map((l) => [l.key, l.state])).toEqual([
      ['limit', 'pass'],
      ['limitation', 'pass'],
      ['gate', 'pass'],
      ['assistance', 'pass'],
      ['bankruptcy', 'pass'],
      ['deceased', 'pass'],
      ['plan', 'pass'],
      ['dispute', 'pass'],
      ['medicaid', 'pass'],
      ['open_case', 'pass'],
      ['economics', 'pass'],
    ]);
    expect(d).toMatchObject({
      canFile: true,
      canPrepare: true,
      claimCents: 195_000,
      waivedCents: 0,
      limitCents: 625_000,
    });
  });

  it('over the limit: refused, unless the excess is waived, when the claim is the limit', () => {
    const over = [account({ balanceCents: 700_000 })];
    const refused = suitDecision(facts({ accounts: over }));
    expect(line(refused, 'limit')).toMatchObject({ state: 'fail' });
    expect(line(refused, 'limit')!.detail).toContain('the excess of $750.00 is waived');
    expect(refused.canPrepare).toBe(false);
    const waived = suitDecision(facts({ accounts: over, waiveExcess: true, largeClaimsFiledThisYear: 0 }));
    expect(waived).toMatchObject({ canFile: true, claimCents: 625_000, waivedCents: 75_000, balanceCents: 700_000 });
    // Exactly the limit is within it; a waiver of nothing waives nothing.
    const at = suitDecision(facts({ accounts: [account({ balanceCents: 625_000 })], waiveExcess: true }));
    expect(at).toMatchObject({ claimCents: 625_000, waivedCents: 0 });
  });

  it('California: two claims over $2,500.00 a calendar year; the third waits for next year or sues for $2,500.00', () => {
    const big = [account({ balanceCents: 300_000 })];
    expect(line(suitDecision(facts({ accounts: big, largeClaimsFiledThisYear: 1 })), 'large_claims')).toMatchObject({
      state: 'pass',
      detail: '1 of the 2 claims over $2,500.00 allowed in 2026 have been filed.',
    });
    const third = suitDecision(facts({ accounts: big, largeClaimsFiledThisYear: 2 }));
    expect(line(third, 'large_claims')?.state).toBe('fail');
    expect(third.canPrepare).toBe(false);
    // $2,500.00 exactly is not over the threshold: no line.
    expect(
      line(
        suitDecision(facts({ accounts: [account({ balanceCents: 250_000 })], largeClaimsFiledThisYear: 2 })),
        'large_claims',
      ),
    ).toBeUndefined();
    // Texas has no such cap.
    const tx = limitsInForce(limits, 'TX', '2026-06-02')[0]!;
    expect(
      line(suitDecision(facts({ state: 'TX', court: tx, accounts: big, largeClaimsFiledThisYear: 9 })), 'large_claims'),
    ).toBeUndefined();
  });

  it('the 501(r) gate: waiting lets a case be prepared but not filed; a hold fails it', () => {
    const waiting = suitDecision(
      facts({
        today: '2026-06-01',
        accounts: [
          account({
            eca: { allowed: false, allowedFrom: '2026-06-02', reasons: ['The 120 days run to June 2, 2026.'] },
          }),
        ],
      }),
    );
    expect(line(waiting, 'gate')?.state).toBe('wait');
    expect(waiting).toMatchObject({ canPrepare: true, canFile: false, ecaAllowedFrom: '2026-06-02' });
    const held = suitDecision(
      facts({ accounts: [account({ eca: { allowed: false, allowedFrom: null, reasons: ['A dispute is open.'] } })] }),
    );
    expect(line(held, 'gate')?.state).toBe('fail');
    expect(held.canPrepare).toBe(false);
  });

  it('too late to sue: the last day passed', () => {
    // CA open account: four years from the last item (2022-01-15) ended 2026-01-14.
    const late = suitDecision(
      facts({
        accounts: [account({ dates: { treatment: '2021-05-10', firstDue: '2021-06-30', lastItem: '2022-01-15' } })],
      }),
    );
    expect(line(late, 'limitation')?.state).toBe('fail');
    expect(late.accounts[0]!.problems).toContain('Too late to sue: the last day was January 14, 2026.');
    const lastDay = suitDecision(
      facts({
        today: '2026-01-14',
        accounts: [account({ dates: { treatment: '2021-05-10', firstDue: '2021-06-30', lastItem: '2022-01-15' } })],
      }),
    );
    expect(line(lastDay, 'limitation')?.state).toBe('pass');
  });

  it.each([
    ['assistance', { fapStatus: 'pending' as const }],
    ['assistance', { fapStatus: 'unknown' as const }],
    ['assistance', { fapStatus: 'approved_full' as const }],
    ['bankruptcy', { accounts: [account({ bankrupt: true })] }],
    ['deceased', { accounts: [account({ deceased: true })] }],
    ['plan', { accounts: [account({ onCurrentPlan: true })] }],
    ['dispute', { accounts: [account({ disputed: true })] }],
    ['medicaid', { accounts: [account({ payerClass: 'medicaid' })] }],
    ['medicaid', { accounts: [account({ payerClass: 'medicare', hasMedicaidNumber: true })] }],
    ['open_case', { accounts: [account({ inOpenCase: true })] }],
  ])('%s fails and stops the suit (%o)', (key, over) => {
    const d = suitDecision(facts(over as Partial<SuitFacts>));
    expect(line(d, key)?.state).toBe('fail');
    expect(d.canPrepare).toBe(false);
  });

  it('a Medicare balance without a Medicaid number is not a QMB balance', () => {
    expect(line(suitDecision(facts({ accounts: [account({ payerClass: 'medicare' })] })), 'medicaid')?.state).toBe(
      'pass',
    );
  });
});

describe('the economics, by hand', () => {
  it('fees and the clerk’s hours against the claim times the expected recovery', () => {
    // 40% of $1,950.00 = $780.00; costs $75.00 + $40.00 + 6 h × $35.00 = $325.00; net $455.00.
    expect(
      suitEconomics(
        195_000,
        { filingFeeCents: 7_500, serviceFeeCents: 4_000 },
        { clerkHourlyCents: 3_500, hoursPerCase: 6, expectedRecoveryPercent: 40 },
      ),
    ).toEqual({
      claimCents: 195_000,
      expectedRecoveryCents: 78_000,
      filingFeeCents: 7_500,
      serviceFeeCents: 4_000,
      clerkCostCents: 21_000,
      costCents: 32_500,
      netCents: 45_500,
    });
    // 33% of $123.45 = $40.7385 → $40.74; 3 h × $33.33 = $99.99; net $40.74 − $99.99 = −$59.25.
    expect(
      suitEconomics(
        12_345,
        { filingFeeCents: 0, serviceFeeCents: 0 },
        { clerkHourlyCents: 3_333, hoursPerCase: 3, expectedRecoveryPercent: 33 },
      ),
    ).toMatchObject({
      expectedRecoveryCents: 4_074,
      clerkCostCents: 9_999,
      netCents: -5_925,
    });
  });

  it('a claim not worth its cost fails the line and says by how much', () => {
    // C2 alone: 40% of $450.00 = $180.00 against the clerk's $210.00 (the seeded fees are $0.00).
    const d = suitDecision(facts({ accounts: [account({ balanceCents: 45_000 })] }));
    expect(line(d, 'economics')).toMatchObject({ state: 'fail' });
    expect(line(d, 'economics')!.detail).toContain('It would cost $30.00 more than it is expected to bring back.');
    // No fee on file is said so, never shown as a fee of $0.00.
    expect(line(d, 'economics')!.detail).toContain(
      'Costs: the clerk’s 6 hours at $35.00 = $210.00; no filing or service fee is on file for',
    );
    expect(line(d, 'economics')!.detail).not.toContain('filing $0.00');
    expect(d.canPrepare).toBe(false);
  });
});

describe('the case reminder', () => {
  const policy = { serveDaysBeforeHearing: 15, serveDaysAfterFiling: 30, judgmentFollowUpDays: 30 };
  const filed = {
    status: 'filed' as const,
    fileAfter: '2026-06-02',
    filedOn: '2026-06-02',
    servedOn: null,
    hearingOn: '2026-07-20',
    judgmentOn: null,
    judgmentOwedCents: 0,
  };
  it('serve by 15 days before the hearing, from a week before that day', () => {
    expect(caseReminder(filed, '2026-06-27', policy)).toBeNull();
    expect(caseReminder(filed, '2026-06-28', policy)).toMatchObject({ kind: 'serve_by', date: '2026-07-05' });
  });
  it('no serve-by once the hearing’s day has passed (serving for it is moot)', () => {
    expect(caseReminder(filed, '2026-07-21', policy)).toBeNull();
  });
  it('the hearing today says today', () => {
    expect(caseReminder(filed, '2026-07-20', policy)?.text).toMatch(/^Hearing today:/);
  });
});

// The limit and limitation tables a supervisor keeps (rules §3.1, §3.2): rows are added from a date,
// never changed; a case keeps the row that judged it; a clerk reads them but cannot add.
import { afterEach, describe, expect, it } from 'vitest';
import { courtWorld, type CourtWorld } from './fixtures';
import { caCourtId, openG1, refusal } from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const CA_2026 = {
  state: 'CA',
  court: 'Small claims court',
  entityLimitCents: 700_000,
  individualLimitCents: 1_250_000,
  largeClaimCents: 250_000,
  largeClaimsPerYear: 2,
  filingFeeCents: 7_500,
  serviceFeeCents: 4_000,
  effectiveFrom: '2026-07-01',
  source: 'A new limit (test)',
} as const;

describe('the limits table', () => {
  it('a supervisor adds a row from a date; it is in force from that date; the earlier row and its case stay', async () => {
    w = await courtWorld();
    const { t, clerk, supervisor, gid } = w;
    const caseId = await openG1(w);
    const oldId = caCourtId(w);
    const forbidden = await refusal(t.call('smallClaims:setLimit', CA_2026, clerk));
    expect(forbidden.code).toBe('forbidden');
    await t.call('smallClaims:setLimit', CA_2026, supervisor);
    let rules = await t.call('smallClaims:rules', {}, clerk);
    const ca = rules.limits.filter((l) => l.state === 'CA');
    expect(ca.map((l) => [l.entityLimitCents, l.effectiveFrom, l.inForce, l.recordedBy])).toEqual([
      [625_000, '2024-01-01', true, null],
      [700_000, '2026-07-01', false, 'Test supervisor'],
    ]);
    expect(rules.limits.filter((l) => l.inForce)).toHaveLength(12);
    // G2 owes $7,000.00: over the limit before July, within it from July 1 (the new row's fees count).
    const g2 = () => t.call('smallClaims:check', { guarantorId: gid('G2') }, clerk);
    expect((await g2()).decision.lines.find((l) => l.key === 'limit')?.state).toBe('fail');
    t.clock.setToday('2026-07-01');
    const july = await g2();
    expect(july.decision.lines.find((l) => l.key === 'limit')?.state).toBe('pass');
    expect(july.decision.economics).toMatchObject({ filingFeeCents: 7_500, serviceFeeCents: 4_000 });
    rules = await t.call('smallClaims:rules', {}, clerk);
    expect(rules.limits.filter((l) => l.state === 'CA').map((l) => l.inForce)).toEqual([false, true]);
    // The case opened under the 2024 row keeps it.
    expect((await t.call('smallClaims:case', { caseId }, clerk)).court).toMatchObject({
      id: oldId,
      entityLimitCents: 625_000,
    });
  });

  it('refuses a second row for the same court and date, a threshold above the limit, half a large-claim rule', async () => {
    w = await courtWorld();
    const { t, supervisor } = w;
    const before = await t.call('smallClaims:rules', {}, supervisor);
    const same = await refusal(t.call('smallClaims:setLimit', { ...CA_2026, effectiveFrom: '2024-01-01' }, supervisor));
    expect(same.fields?.effectiveFrom).toContain('already has a limit from that date');
    const high = await refusal(t.call('smallClaims:setLimit', { ...CA_2026, largeClaimCents: 700_000 }, supervisor));
    expect(Object.keys(high.fields ?? {})).toEqual(['largeClaimCents']);
    const half = await refusal(t.call('smallClaims:setLimit', { ...CA_2026, largeClaimsPerYear: null }, supervisor));
    expect(half.fields).toEqual({
      largeClaimsPerYear: 'Give both the large-claim threshold and how many such claims a year, or neither.',
    });
    const noCourt = await refusal(t.call('smallClaims:setLimit', { ...CA_2026, court: '' }, supervisor));
    expect(Object.keys(noCourt.fields ?? {})).toEqual(['court']);
    const badState = await refusal(t.call('smallClaims:setLimit', { ...CA_2026, state: 'ZZ' as 'CA' }, supervisor));
    expect(badState.fields).toEqual({ state: 'Choose a state.' });
    expect(await t.call('smallClaims:rules', {}, supervisor)).toEqual(before);
  });
});

describe('the limitations table', () => {
  it('a supervisor adds a row for claims accrued from a date; the rule uses it from then', async () => {
    w = await courtWorld();
    const { t, clerk, supervisor, gid } = w;
    // California open account: four years from the last item. Say a change made it three for claims accrued from 2026-01-01.
    const row = {
      state: 'CA',
      basis: 'open_account',
      years: 3,
      accrual: 'last_item',
      accruedFrom: '2026-01-01',
      source: 'test',
    } as const;
    const forbidden = await refusal(t.call('smallClaims:setLimitation', row, clerk));
    expect(forbidden.code).toBe('forbidden');
    await t.call('smallClaims:setLimitation', row, supervisor);
    const rules = await t.call('smallClaims:rules', {}, clerk);
    expect(
      rules.limitations
        .filter((l) => l.state === 'CA' && l.basis === 'open_account')
        .map((l) => [l.years, l.accruedFrom, l.recordedBy]),
    ).toEqual([
      [4, '1900-01-01', null],
      [3, '2026-01-01', 'Test supervisor'],
    ]);
    const v = await t.call('smallClaims:check', { guarantorId: gid('G1'), accountIds: [w.acct('C1')] }, clerk);
    // C1's last item is its charge of 2026-01-05 (the insurer's payment is not the patient's item): 3 years.
    expect(v.decision.accounts[0]!.limitation).toMatchObject({ accruedOn: '2026-01-05', lastDay: '2029-01-04' });
    const twice = await refusal(t.call('smallClaims:setLimitation', row, supervisor));
    expect(Object.keys(twice.fields ?? {})).toEqual(['accruedFrom']);
    const tooMany = await refusal(t.call('smallClaims:setLimitation', { ...row, years: 31 }, supervisor));
    expect(tooMany.fields).toEqual({ years: 'At most 30 years.' });
  });
});

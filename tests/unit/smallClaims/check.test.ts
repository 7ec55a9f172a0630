// Should we sue? The check as the store answers it (check.ts): California's yearly count of large
// claims taken from the cases recorded, the gate too early and on time, holds and open cases, the
// statute of limitations of the test book's New York account.
import { afterEach, describe, expect, it } from 'vitest';
import { changeCase, insertCase } from '../../../src/main/capabilities/smallClaims/rows';
import { courtWorld, GATE_OPENS, type CourtWorld } from './fixtures';
import { caCourtId, openG1 } from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const lineOf = (v: { decision: { lines: { key: string; state: string; detail: string }[] } }, key: string) =>
  v.decision.lines.find((l) => l.key === key);

/** A CA case recorded as filed on a day with a claim (another defendant's: G1 stands in). */
function recordedCase(
  world: CourtWorld,
  claimCents: number,
  filedOn: string | null,
  status: 'filed' | 'dismissed' = 'filed',
) {
  const db = world.t.app.store.db;
  const id = insertCase(
    db,
    {
      guarantorId: world.gid('G1'),
      courtLimitId: caCourtId(world),
      courtName: 'Los Angeles Superior Court',
      courtAddress: '',
      county: 'Los Angeles',
      basis: 'written',
      balanceCents: claimCents,
      claimCents,
      waivedCents: 0,
      waiverNote: '',
      openedOn: '2026-01-02',
      at: world.t.app.nowIso(),
      by: 1,
    },
    [{ accountId: world.acct('C1'), balanceCents: 150_000 }],
  );
  if (filedOn) changeCase(db, id, { status, filed_on: filedOn, case_number: `SC-${id}` });
  else changeCase(db, id, { status: 'withdrawn' });
  return id;
}

describe('California: at most two claims over $2,500.00 filed a calendar year (CCP 116.231)', () => {
  it('counts the cases recorded as filed this year over the threshold, whatever became of them', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const g2 = () => t.call('smallClaims:check', { guarantorId: gid('G2'), waiveExcess: true }, clerk);
    expect(lineOf(await g2(), 'large_claims')).toMatchObject({
      state: 'pass',
      detail: '0 of the 2 claims over $2,500.00 allowed in 2026 have been filed.',
    });
    // Not counted: filed last year, exactly $2,500.00, never filed.
    recordedCase(w, 400_000, '2025-12-31');
    recordedCase(w, 250_000, '2026-02-10');
    recordedCase(w, 500_000, null);
    expect(lineOf(await g2(), 'large_claims')?.detail).toMatch(/^0 of the 2/);
    recordedCase(w, 300_000, '2026-03-01');
    expect(lineOf(await g2(), 'large_claims')).toMatchObject({ state: 'pass' });
    expect(lineOf(await g2(), 'large_claims')?.detail).toMatch(/^1 of the 2/);
    // A dismissed case was still filed.
    recordedCase(w, 250_001, '2026-04-01', 'dismissed');
    const full = await g2();
    expect(lineOf(full, 'large_claims')).toMatchObject({ state: 'fail' });
    expect(lineOf(full, 'large_claims')?.detail).toContain(
      'All 2 claims over $2,500.00 allowed in 2026 have been filed',
    );
    expect(full.decision.canPrepare).toBe(false);
    // Next year the count starts again.
    t.clock.setToday('2027-01-04');
    expect(lineOf(await g2(), 'large_claims')?.detail).toMatch(/^0 of the 2 claims over \$2,500.00 allowed in 2027/);
  });
});

describe('the 501(r) gate through the check', () => {
  it('waits on 2026-06-01 and passes on 2026-06-02', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    t.clock.setToday('2026-06-01');
    const early = await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk);
    expect(lineOf(early, 'gate')?.state).toBe('wait');
    expect(lineOf(early, 'gate')?.detail).toContain('A suit is allowed from June 2, 2026.');
    expect(early.decision).toMatchObject({ canPrepare: true, canFile: false, ecaAllowedFrom: GATE_OPENS });
    // The check writes nothing to the register.
    expect(t.app.store.db.prepare('SELECT count(*) FROM eca_attempts').pluck().get()).toBe(0);
    t.clock.setToday(GATE_OPENS);
    const onTime = await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk);
    expect(lineOf(onTime, 'gate')?.state).toBe('pass');
    expect(onTime.decision.canFile).toBe(true);
  });
});

describe('holds, open cases and the statute of limitations', () => {
  it('a dispute or a bankruptcy stops the suit; an account in an open case cannot be sued for again', async () => {
    w = await courtWorld();
    const { t, clerk, gid, acct } = w;
    await t.call('holds:place', { guarantorId: gid('G1'), accountId: acct('C2'), reason: 'dispute', note: '' }, clerk);
    let v = await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk);
    expect(lineOf(v, 'dispute')).toMatchObject({
      state: 'fail',
      detail: 'The balance is disputed: resolve the dispute first (C2).',
    });
    expect(v.decision.accounts.find((a) => a.accountNumber === 'C2')?.problems).toContain('Balance disputed.');
    // C1 alone is not disputed.
    v = await t.call('smallClaims:check', { guarantorId: gid('G1'), accountIds: [acct('C1')] }, clerk);
    expect(lineOf(v, 'dispute')?.state).toBe('pass');
    await t.call('holds:place', { guarantorId: gid('G1'), reason: 'bankruptcy', note: 'Chapter 7' }, clerk);
    v = await t.call('smallClaims:check', { guarantorId: gid('G1'), accountIds: [acct('C1')] }, clerk);
    expect(lineOf(v, 'bankruptcy')?.state).toBe('fail');
  });

  it('an account already in an open case fails the open-case line', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    await openG1(w);
    const v = await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk);
    expect(lineOf(v, 'open_case')).toMatchObject({ state: 'fail' });
    expect(lineOf(v, 'open_case')?.detail).toBe('Already in an open small-claims case (C1, C2).');
  });

  it('New York: the test book’s N1, treated 2022-12-01, was too late from 2025-12-01 (CPLR 213-d)', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const v = await t.call('smallClaims:check', { guarantorId: gid('G3'), basis: 'written' }, clerk);
    expect(lineOf(v, 'limitation')?.state).toBe('fail');
    expect(v.decision.limitationLastDay).toBe('2025-11-30');
    expect(v.courts.map((c) => c.entityLimitCents)).toEqual([1_000_000, 500_000, 300_000]);
  });
});

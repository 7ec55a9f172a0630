// The small-claims test book is what its comment says: real statements, the gate's dates, the check.
import { afterEach, describe, expect, it } from 'vitest';
import { courtWorld, GATE_OPENS, type CourtWorld } from './fixtures';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

describe('the small-claims book', () => {
  it('has its statements and final notice recorded and the gate opening on 2026-06-02', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const ws = await t.call('accounts:open', { guarantorId: gid('G1') }, clerk);
    expect(ws.accounts.map((a) => [a.accountNumber, a.balanceCents, a.firstStatementDate, a.finalNoticeDate])).toEqual([
      ['C1', 150_000, '2026-02-02', '2026-05-03'],
      ['C2', 45_000, '2026-02-02', '2026-05-03'],
    ]);
    expect(await t.call('eca:check', { accountId: acct('C1'), kind: 'civil_action' }, clerk)).toMatchObject({
      allowed: false,
      allowedFrom: GATE_OPENS,
    });
    const check = await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk);
    expect(check.state).toBe('CA');
    expect(check.decision).toMatchObject({
      canPrepare: true,
      canFile: false,
      claimCents: 195_000,
      ecaAllowedFrom: GATE_OPENS,
    });
    expect(check.decision.lines.find((l) => l.key === 'gate')?.state).toBe('wait');
    t.clock.setToday(GATE_OPENS);
    expect((await t.call('smallClaims:check', { guarantorId: gid('G1') }, clerk)).decision.canFile).toBe(true);
  });
});

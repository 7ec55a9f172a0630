// The estate test book is what its comment says: real statements, the gate's date, the plan, the
// promise and the placement standing before any death is recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { ESTATE_GATE_OPENS, estateWorld, type EstateWorld } from './fixtures';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

describe('the estate book', () => {
  it('has statements, the gate opening 2026-06-02, a plan, a promise and a placement', async () => {
    w = await estateWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    const ws = await t.call('accounts:open', { guarantorId: gid('E1') }, clerk);
    expect(ws.accounts.map((a) => [a.accountNumber, a.balanceCents, a.firstStatementDate, a.finalNoticeDate])).toEqual([
      ['M1', 300_000, '2026-02-02', '2026-05-03'],
      ['M2', 40_000, '2026-02-02', '2026-05-03'],
      ['M3', 65_000, '2026-02-02', '2026-05-03'],
    ]);
    expect(db.prepare('SELECT deductible_cents, coinsurance_cents FROM accounts WHERE id = ?').get(acct('M2'))).toEqual(
      {
        deductible_cents: 24_000,
        coinsurance_cents: 10_000,
      },
    );
    // The plan's hold waits the clock now; the clock itself allows an ECA from 2026-06-02.
    expect((await t.call('eca:check', { accountId: acct('M1'), kind: 'estate_claim' }, clerk)).clock).toMatchObject({
      earliestEcaDate: ESTATE_GATE_OPENS,
    });
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('current');
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('open');
    expect(db.prepare('SELECT status FROM placements WHERE id = ?').pluck().get(w.placementId)).toBe('placed');
    expect(db.prepare("SELECT language FROM guarantors WHERE external_id = 'E2'").pluck().get()).toBe('Spanish');
  });
});

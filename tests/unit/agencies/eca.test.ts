// An agency's own extraordinary collection actions are the hospital's (ECA-01): a request to report
// to a credit bureau or to sue passes the 501(r) gate and lands in the ECA register, allowed or
// refused with the date it becomes allowed. A referral itself is not an ECA (ECA-03): placing an
// account writes nothing to the register.
import { afterEach, describe, expect, it } from 'vitest';
import { addAgency, agencyWorld, placeByHand, type AgencyWorld } from './fixtures';

let w: AgencyWorld;
afterEach(() => w?.t.cleanup());

async function placementOf(guarantor: string) {
  return (await w.t.call('placements:ofGuarantor', { guarantorId: w.gid(guarantor) }, w.clerk))[0]!.placementId;
}

describe('agency ECA requests', () => {
  it('allows a credit report once the clock allows it, recorded in the register with the request', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    // ECA-03: the placement wrote nothing to the ECA register.
    expect(w.t.app.store.db.prepare('SELECT count(*) FROM eca_attempts').pluck().get()).toBe(0);
    // D0 2026-06-01 + 120 = 2026-09-29; final notice 2026-09-01 + 30 = 2026-10-01: allowed on 2026-12-01
    // (the placement's own hold does not stop the agency's action).
    const placementId = await placementOf('G1');
    await w.t.call('agencies:requestEca', { placementId, kind: 'credit_report', note: 'Agency letter 4' }, w.clerk);
    const requests = await w.t.call('agencies:ecaRequests', {}, w.clerk);
    expect(requests).toMatchObject([
      {
        accountNumber: 'P1',
        agencyName: 'Acme Recovery',
        kind: 'credit_report',
        allowed: true,
        requestedOn: '2026-12-01',
      },
    ]);
    const register = await w.t.call('registers:month', { month: '2026-12' }, w.supervisor);
    expect(register.ecaAttempts).toMatchObject([{ accountNumber: 'P1', kind: 'credit_report', allowed: true }]);
  });

  it('refuses while an assistance application is pending, with the reasons, and keeps both records', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P2']);
    await w.t.call(
      'fap:record',
      { guarantorId: w.gid('G2'), status: 'pending', date: '2026-12-01', note: '' },
      w.clerk,
    );
    const placementId = await placementOf('G2');
    const r = await w.t.raw('agencies:requestEca', { placementId, kind: 'civil_action' }, w.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    if (!r.ok) expect(r.error.message).toContain('Sue (including small claims) is not allowed yet for account P2');
    const requests = await w.t.call('agencies:ecaRequests', {}, w.clerk);
    expect(requests[0]).toMatchObject({ accountNumber: 'P2', kind: 'civil_action', allowed: false });
    expect(requests[0]?.reasons.length).toBeGreaterThan(0);
    const register = await w.t.call('registers:month', { month: '2026-12' }, w.supervisor);
    expect(register.ecaAttempts).toMatchObject([{ accountNumber: 'P2', kind: 'civil_action', allowed: false }]);
  });

  it('refuses a request on an account no longer with the agency', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    const placementId = await placementOf('G1');
    await w.t.call('placements:recall', { placementIds: [placementId], reason: 'dispute' }, w.clerk);
    const r = await w.t.raw('agencies:requestEca', { placementId, kind: 'credit_report' }, w.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await w.t.call('agencies:ecaRequests', {}, w.clerk)).toEqual([]);
  });
});

describe('one party at a time (ST-03)', () => {
  it('the hospital’s own ECA waits while the account is placed; the placement’s hold ends only by a recall', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    const own = await w.t.call('eca:check', { accountId: w.acct('P1'), kind: 'civil_action' }, w.clerk);
    expect(own.allowed).toBe(false);
    const holds = await w.t.call('holds:list', { guarantorId: w.gid('G1') }, w.clerk);
    const hold = holds.find((h) => h.active && h.reason === 'placed_with_agency')!;
    expect(await w.t.raw('holds:release', { holdId: hold.id, note: 'by mistake' }, w.clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    // Nor can a clerk place one by hand (a placement places it).
    expect(
      await w.t.raw('holds:place', { guarantorId: w.gid('G2'), reason: 'placed_with_agency', note: '' }, w.clerk),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The agency's own request on it is judged by the clock.
    await w.t.call('agencies:requestEca', { placementId: await placementOf('G1'), kind: 'civil_action' }, w.clerk);
  });
});

// The small-claims reports: open cases, the hearings of a week, and outcomes by status with the
// claim, what was recovered since filing (standing patient money on the case's accounts, from the
// ledger), the fees paid and the court costs awarded; each equal to the case screens' figures.
import { afterEach, describe, expect, it } from 'vitest';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';
import { caCourtId, demandRecorded, LA_COURT, openG1 } from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

describe('the reports', () => {
  it('open cases, the week’s hearings and the outcomes with money recovered against costs', async () => {
    w = await courtWorld();
    const { t, clerk, supervisor, gid, acct } = w;
    // G2 pays $100.00 before any case: not recovered by the court.
    await t.call(
      'payments:post',
      { guarantorId: gid('G2'), method: 'cash', reference: '', amountCents: 10_000, effectiveDate: COURT_TODAY },
      clerk,
    );
    const g1 = await openG1(w);
    const { caseId: g2 } = await t.call(
      'smallClaims:open',
      {
        guarantorId: gid('G2'),
        accountIds: [acct('C3')],
        courtId: caCourtId(w),
        basis: 'written',
        ...LA_COURT,
        waiveExcess: true,
        waiverNote: 'Cheaper than a civil suit.',
      },
      clerk,
    );
    for (const id of [g1, g2]) demandRecorded(w, id, COURT_TODAY, '2026-06-01');
    t.clock.setToday(GATE_OPENS);
    for (const [id, n] of [
      [g1, 'SC-1'],
      [g2, 'SC-2'],
    ] as const)
      await t.call(
        'smallClaims:record',
        { event: 'filed', caseId: id, on: GATE_OPENS, caseNumber: n, filingFeeCents: 7_500 },
        clerk,
      );
    await t.call(
      'smallClaims:record',
      { event: 'served', caseId: g1, on: GATE_OPENS, method: 'sheriff', serviceFeeCents: 4_000 },
      clerk,
    );
    // HP-01: the list and the reports name the guarantors they show in their audit events.
    await t.call('smallClaims:cases', {}, clerk);
    await t.call('smallClaims:reports', {}, clerk);
    for (const channel of ['smallClaims:cases', 'smallClaims:reports']) {
      const records = t.app.store.db
        .prepare('SELECT records FROM audit_events WHERE channel = ? ORDER BY id DESC LIMIT 1')
        .pluck()
        .get(channel) as string;
      expect(JSON.parse(records)).toEqual(
        expect.arrayContaining([`guarantor:${w.gid('G1')}`, `guarantor:${w.gid('G2')}`]),
      );
    }
    await t.call(
      'smallClaims:record',
      { event: 'hearing', caseId: g2, on: '2026-07-22', time: '8:30 AM', place: 'Dept. 77' },
      clerk,
    );
    t.clock.setToday('2026-07-15');
    await t.call(
      'smallClaims:record',
      {
        event: 'judgment',
        caseId: g1,
        on: '2026-07-15',
        outcome: 'plaintiff',
        amountCents: 180_000,
        costsCents: 7_500,
        interestRateBp: 1000,
      },
      clerk,
    );
    t.clock.setToday('2026-07-20');
    await t.call(
      'smallClaims:payment',
      { caseId: g1, receivedOn: '2026-07-20', amountCents: 50_000, method: 'check', reference: '' },
      clerk,
    );
    // A payment that bounced: posted, then reversed; it is not recovered.
    await t.call(
      'smallClaims:payment',
      { caseId: g1, receivedOn: '2026-07-20', amountCents: 20_000, method: 'check', reference: 'bad' },
      clerk,
    );
    const bounced = t.app.store.db
      .prepare("SELECT id FROM ledger_entries WHERE type = 'court_recovery' AND reference = 'bad'")
      .pluck()
      .get() as number;
    await t.call(
      'ledger:reverse',
      { entryId: bounced, reason: 'Check returned unpaid', effectiveDate: '2026-07-20' },
      supervisor,
    );

    const r = await t.call('smallClaims:reports', { weekOf: '2026-07-20' }, clerk);
    expect(r).toMatchObject({ weekOf: '2026-07-20', weekTo: '2026-07-26' });
    expect(r.open.map((c) => [c.caseId, c.status])).toEqual([
      [g2, 'filed'],
      [g1, 'judgment'],
    ]);
    expect(r.hearings.map((c) => [c.caseId, c.hearingOn, c.hearingTime])).toEqual([[g2, '2026-07-22', '8:30 AM']]);
    expect((await t.call('smallClaims:reports', { weekOf: '2026-07-23' }, clerk)).hearings).toEqual([]);
    expect(r.outcomes.byStatus).toEqual([
      // G2: claim the limit, $6,250.00; nothing recovered since filing; filing $75.00.
      { status: 'filed', cases: 1, claimCents: 625_000, recoveredCents: 0, costCents: 7_500 },
      // G1: claim $1,950.00; $500.00 recovered (the bounced $200.00 not); filing $75.00 + service $40.00.
      { status: 'judgment', cases: 1, claimCents: 195_000, recoveredCents: 50_000, costCents: 11_500 },
    ]);
    expect(r.outcomes).toMatchObject({
      claimCents: 820_000,
      recoveredCents: 50_000,
      costCents: 19_000,
      costsAwardedCents: 7_500,
    });
    // The case screen says the same.
    const d = await t.call('smallClaims:case', { caseId: g1 }, clerk);
    expect(d).toMatchObject({ recoveredCents: 50_000, judgmentOwedCents: 137_500 });
    // The default week starts today.
    expect((await t.call('smallClaims:reports', {}, clerk)).weekOf).toBe('2026-07-20');
  });
});

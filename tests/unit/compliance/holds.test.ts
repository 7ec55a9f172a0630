// Holds that stop the collection cycle: placed with a reason and an end, released with a note;
// and the ones Recoup keeps from the record itself.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('holds', () => {
  it('are placed with a reason and an end date, run out, and are released with a note', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { jane, a1, a3 } = await importSmall(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    expect(
      await t.raw('holds:place', { guarantorId: jane, accountId: a3, reason: 'dispute', note: '' }, clerk),
    ).toMatchObject({ ok: false, error: { fields: { accountId: expect.any(String) } } });
    expect(
      await t.raw('holds:place', { guarantorId: jane, reason: 'dispute', note: '', until: '2026-11-25' }, clerk),
    ).toMatchObject({ ok: false, error: { fields: { until: expect.any(String) } } });
    const { id } = await t.call(
      'holds:place',
      { guarantorId: jane, accountId: a1, reason: 'dispute', note: 'disputes the lab charge', until: '2026-12-31' },
      clerk,
    );
    expect(await t.call('holds:list', { guarantorId: jane }, clerk)).toMatchObject([
      { id, reason: 'dispute', active: true, placedBy: 'Test clerk', until: '2026-12-31', automatic: false },
    ]);
    t.clock.setToday('2027-01-01');
    expect((await t.call('holds:list', { guarantorId: jane }, clerk))[0]!.active).toBe(false);
    await t.call('holds:release', { holdId: id, note: 'resolved: charge explained' }, clerk);
    expect(await t.raw('holds:release', { holdId: id, note: 'again' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect((await t.call('holds:list', { guarantorId: jane }, clerk))[0]).toMatchObject({
      releasedOn: '2027-01-01',
      releasedBy: 'Test clerk',
      releaseNote: 'resolved: charge explained',
    });
  });

  it('follow the record: deceased, bankruptcy, an application pending, a current plan', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { jane, a1 } = await importSmall(t);
    // The plan first: no plan is offered to a guarantor recorded as deceased (issue 14).
    await t.call(
      'plans:create',
      {
        guarantorId: jane,
        accountIds: [a1],
        fapAnswer: 'already_applied',
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-12-15',
        installmentCount: 5,
      },
      admin,
    );
    t.app.store.db
      .prepare(`UPDATE guarantors SET deceased = 1, bankruptcy = 1, fap_status = 'pending' WHERE id = ?`)
      .run(jane);
    const holds = await t.call('holds:list', { guarantorId: jane }, admin);
    expect(holds.map((h) => [h.reason, h.automatic, h.active])).toEqual([
      ['deceased', true, true],
      ['bankruptcy', true, true],
      ['fap_pending', true, true],
      ['plan_current', true, true],
    ]);
  });
});

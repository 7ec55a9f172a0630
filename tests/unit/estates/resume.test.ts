// A death recorded by mistake and undone must not cost the patient (issue 14): while Recoup had the
// plan and the promise suspended nothing was asked of them, so on the undo every unpaid instalment
// due from the day of the suspension on, and the promise's due date, move later by the days it was
// suspended. The next daily check finds the plan current and the promise open; the dates then count
// as moved (a missed moved instalment still lapses the plan in its time).
import { afterEach, describe, expect, it } from 'vitest';
import { ESTATE_TODAY, estateWorld, type EstateWorld } from './fixtures';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

// Suspended on 2026-06-10 (ESTATE_TODAY), undone on 2026-08-19: 20 days to June 30, 31 in July,
// 19 in August = 70 days.
const UNDONE_ON = '2026-08-19';
const DAYS = 70;

async function recordAndUndo(world: EstateWorld) {
  const { t, gid, clerk, supervisor } = world;
  await t.call(
    'estates:recordDeath',
    { guarantorId: gid('E1'), dateOfDeath: '2026-06-01', source: 'family', note: '' },
    clerk,
  );
  t.clock.setToday(UNDONE_ON);
  await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Her sister died, not she.' }, supervisor);
}

const dueDates = (world: EstateWorld) =>
  world.t.app.store.db
    .prepare('SELECT number, due_date FROM plan_installments WHERE plan_id = ? ORDER BY number')
    .all(world.planId)
    .map((r) => {
      const { number, due_date } = r as { number: number; due_date: string };
      return [number, due_date];
    });

describe('undoing a death moves what fell due while suspended', () => {
  it('leaves the plan current and the promise open at the next daily check, the dates moved 70 days', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const db = t.app.store.db;
    // Before: six monthly instalments of $175.00 from 2026-07-01; the promise due 2026-06-30.
    expect(dueDates(w)).toEqual([
      [1, '2026-07-01'],
      [2, '2026-08-01'],
      [3, '2026-09-01'],
      [4, '2026-10-01'],
      [5, '2026-11-01'],
      [6, '2026-12-01'],
    ]);
    await recordAndUndo(w);

    // Each 70 days later: 07-01 -> 07-31 (30) -> 08-31 (61) -> 09-09; 08-01 -> 08-31 (30) -> 09-30
    // (60) -> 10-10; 09-01 -> 09-30 (29) -> 10-31 (60) -> 11-10; 10-01 -> 10-31 (30) -> 11-30 (60)
    // -> 12-10; 11-01 -> 11-30 (29) -> 12-31 (60) -> 2027-01-10; 12-01 -> 12-31 (30) -> 01-31 (61)
    // -> 2027-02-09. The promise: 06-30 -> 07-31 (31) -> 08-31 (62) -> 09-08.
    expect(dueDates(w)).toEqual([
      [1, '2026-09-09'],
      [2, '2026-10-10'],
      [3, '2026-11-10'],
      [4, '2026-12-10'],
      [5, '2027-01-10'],
      [6, '2027-02-09'],
    ]);
    expect(db.prepare('SELECT status, due_date, resolved_on FROM promises WHERE id = ?').get(w.promiseId)).toEqual({
      status: 'open',
      due_date: '2026-09-08',
      resolved_on: null,
    });
    expect(
      db
        .prepare(`SELECT kind, on_date, reason FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`)
        .get(w.planId),
    ).toEqual({
      kind: 'resumed',
      on_date: UNDONE_ON,
      reason:
        'The death was undone: Her sister died, not she. Payments due while suspended moved 70 days later (the days it was suspended): 6 payments, the next now due September 9, 2026.',
    });

    // The daily check the same day (the scheduler's, and one asked for): nothing missed, nothing
    // broken, no letter.
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('current');
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('open');
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(0);

    // Still so on the promise's new day and the first instalment's grace (10 days: to 2026-09-19).
    t.clock.setToday('2026-09-08');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('open');
    t.clock.setToday('2026-09-19');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('current');
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('broken');
    // The moved dates count: unpaid past the grace, the plan lapses the next day.
    t.clock.setToday('2026-09-20');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status, lapsed_on FROM plans WHERE id = ?').get(w.planId)).toEqual({
      status: 'lapsed',
      lapsed_on: '2026-09-20',
    });
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(1);
  });

  it('moves only what is unpaid: an instalment paid while suspended keeps its date', async () => {
    w = await estateWorld();
    const { t, gid, acct, clerk, supervisor } = w;
    const db = t.app.store.db;
    await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-06-01', source: 'family', note: '' },
      clerk,
    );
    // The family pays the first instalment ($175.00) to the plan's account M3 on its day.
    t.clock.setToday('2026-07-01');
    await t.call(
      'payments:post',
      {
        guarantorId: gid('E1'),
        method: 'cash',
        reference: '',
        amountCents: 17_500,
        effectiveDate: '2026-07-01',
        allocations: [{ accountId: acct('M3'), amountCents: 17_500 }],
      },
      clerk,
    );
    t.clock.setToday(UNDONE_ON);
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong person' }, supervisor);
    expect(dueDates(w)).toEqual([
      [1, '2026-07-01'], // paid: stays
      [2, '2026-10-10'],
      [3, '2026-11-10'],
      [4, '2026-12-10'],
      [5, '2027-01-10'],
      [6, '2027-02-09'],
    ]);
    expect(
      db.prepare(`SELECT reason FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(w.planId),
    ).toBe(
      `The death was undone: Wrong person. Payments due while suspended moved ${DAYS} days later (the days it was suspended): 5 payments, the next now due October 10, 2026.`,
    );
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('current');
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(0);
  });

  it('a lapsed plan keeps the patient’s own miss but its cure deadline moves with the rest', async () => {
    w = await estateWorld();
    const { t, gid, clerk, supervisor } = w;
    const db = t.app.store.db;
    // Instalment #1 (2026-07-01) missed: lapsed on the run of 2026-07-20, cure by 07-20 + 20 = 2026-08-09.
    t.clock.setToday('2026-07-20');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status, cure_deadline FROM plans WHERE id = ?').get(w.planId)).toEqual({
      status: 'lapsed',
      cure_deadline: '2026-08-09',
    });
    await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-07-15', source: 'family', note: '' },
      clerk,
    );
    // Undone 70 days later: 07-20 -> 07-31 (11) -> 08-31 (42) -> 09-28.
    t.clock.setToday('2026-09-28');
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong person' }, supervisor);
    // #1 fell due before the suspension: the patient's own miss, it stays. The cure deadline
    // 08-09 -> 08-31 (22) -> 09-30 (52) -> 10-18 (70).
    expect(dueDates(w)).toEqual([
      [1, '2026-07-01'],
      [2, '2026-10-10'],
      [3, '2026-11-10'],
      [4, '2026-12-10'],
      [5, '2027-01-10'],
      [6, '2027-02-09'],
    ]);
    expect(
      db.prepare(`SELECT reason FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(w.planId),
    ).toBe(
      `The death was undone: Wrong person. Payments due while suspended moved ${DAYS} days later (the days it was suspended): 5 payments, the next now due October 10, 2026. The cure deadline moved to October 18, 2026.`,
    );
    // Still lapsed, not defaulted (one miss; the cure deadline to come).
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status, cure_deadline FROM plans WHERE id = ?').get(w.planId)).toEqual({
      status: 'lapsed',
      cure_deadline: '2026-10-18',
    });
    // Past it, the plan defaults as it would have.
    t.clock.setToday('2026-10-19');
    await t.call('plans:runDaily', {}, clerk);
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('defaulted');
  });

  it('moves nothing when undone the day it was recorded', async () => {
    w = await estateWorld();
    const { t, gid, clerk, supervisor } = w;
    const before = dueDates(w);
    await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-06-01', source: 'family', note: '' },
      clerk,
    );
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong person' }, supervisor);
    expect(dueDates(w)).toEqual(before);
    const db = t.app.store.db;
    expect(db.prepare('SELECT due_date FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('2026-06-30');
    expect(
      db.prepare(`SELECT reason FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(w.planId),
    ).toBe('The death was undone: Wrong person');
    expect(t.clock.today()).toBe(ESTATE_TODAY);
  });
});

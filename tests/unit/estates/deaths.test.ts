// A death recorded (issue 14 item 1): the holds, the plan and promise suspended, the placement
// recalled, the estate opened with the outer limit as its deadline and in the work queue, all in
// one transaction; the refusals change nothing; a supervisor's undo resumes what the death
// suspended (not the placement) and keeps the history; the extract raises and lowers a death the
// same way (afterDeathChange).
import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { settle } from '../support';
import { ESTATE_EXTRACT, ESTATE_TODAY, estateWorld, footprint, refusal, type EstateWorld } from './fixtures';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const DEATH = '2026-04-15';

async function recordE1(world: EstateWorld, on = DEATH) {
  return world.t.call(
    'estates:recordDeath',
    { guarantorId: world.gid('E1'), dateOfDeath: on, source: 'family', note: 'Her son called.' },
    world.clerk,
  );
}

async function estateItems(world: EstateWorld, on: string) {
  world.t.clock.setToday(on);
  const q = await world.t.call('queue:list', { kind: 'estate', assignee: 'all' }, world.clerk);
  return q.items.map((i) => ({ key: i.key, summary: i.summary, amountCents: i.amountCents, score: i.score }));
}

/** An extract of E2's row again, with the deceased flag and date of death as given. */
async function importE2(world: EstateWorld, deceased: string, dateOfDeath: string) {
  const [header, ...lines] = ESTATE_EXTRACT.split('\r\n');
  const e2 = lines.filter((l) => l.startsWith('E2,'));
  const text = [`${header},deceased,date_of_death`, ...e2.map((l) => `${l},${deceased},${dateOfDeath}`)].join('\r\n');
  const t = world.t;
  const report = await runImport(
    t.app.store.db,
    [
      {
        name: 'deaths.csv',
        layout: 'combined',
        text,
        mapping: {
          layout: 'combined',
          columns: autoMapping(csvHeaders(text), 'combined'),
          dateFormat: 'YYYY-MM-DD',
          encoding: 'utf-8',
          amountSign: 'signed',
          typeCodes: {},
        },
      },
    ],
    {
      mode: 'commit',
      now: t.app.nowIso(),
      today: t.clock.today(),
      userId: 1,
      source: 'test',
      afterLedgerChange: settle(t),
      deathSubscribers: t.app.extensions.deathSubscribers,
    },
  );
  if (!report.committed) throw new Error(report.errors.map((e) => e.reason).join('\n'));
  return report;
}

describe('recording a death', () => {
  it('stops the dunning, suspends the plan and promise, recalls the placement and opens the estate', async () => {
    w = await estateWorld();
    const { t, acct, gid } = w;
    const db = t.app.store.db;
    const detail = await recordE1(w);

    expect(
      db.prepare('SELECT deceased, date_of_death, death_source FROM guarantors WHERE id = ?').get(gid('E1')),
    ).toEqual({ deceased: 1, date_of_death: DEATH, death_source: 'family' });
    // The plan and the promise suspended, each kept as what the death did.
    expect(db.prepare('SELECT status, status_since FROM plans WHERE id = ?').get(w.planId)).toEqual({
      status: 'suspended',
      status_since: ESTATE_TODAY,
    });
    expect(
      db
        .prepare(`SELECT kind, from_status, to_status FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`)
        .get(w.planId),
    ).toEqual({ kind: 'suspended', from_status: 'current', to_status: 'suspended' });
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('suspended');
    // M1 came back from the agency (reason deceased), its placement hold released, the agency told.
    expect(
      db
        .prepare('SELECT status, return_reason, returned_on, recall_file_id FROM placements WHERE id = ?')
        .get(w.placementId),
    ).toMatchObject({
      status: 'returned',
      return_reason: 'deceased',
      returned_on: ESTATE_TODAY,
    });
    expect(db.prepare('SELECT recall_file_id FROM placements WHERE id = ?').pluck().get(w.placementId)).not.toBeNull();
    expect(
      db
        .prepare(
          `SELECT count(*) FROM holds WHERE account_id = ? AND reason = 'placed_with_agency' AND released_on IS NULL`,
        )
        .pluck()
        .get(acct('M1')),
    ).toBe(0);
    expect(db.prepare('SELECT kind, ref_id, from_status, restored_on FROM death_effects ORDER BY kind').all()).toEqual([
      { kind: 'placement', ref_id: w.placementId, from_status: 'placed', restored_on: null },
      { kind: 'plan', ref_id: w.planId, from_status: 'current', restored_on: null },
      { kind: 'promise', ref_id: w.promiseId, from_status: 'open', restored_on: null },
    ]);

    // The estate: Minnesota's row; no estate known, so 12 months from 2026-04-15 = 2027-04-15.
    expect(detail).toMatchObject({
      status: 'watching',
      state: 'MN',
      dateOfDeath: DEATH,
      deadline: '2027-04-15',
      letterLanguage: 'en',
      owedCents: 405_000,
      claimCents: null,
    });
    expect(detail.deadlineInfo.basis).toBe('outer_limit');
    expect(detail.deadlineInfo.rule.state).toBe('MN');
    // Last illness suggested within 90 days of the death: M3 ended 2026-01-21, 84 days before
    // (10 + 28 + 31 + 15); M2 ended 2026-01-12, 93 days; M1 2026-01-09, 96 days.
    expect(
      detail.accounts.map((a) => [a.accountNumber, a.balanceCents, a.lastIllness, a.priority.classNumber]),
    ).toEqual([
      ['M1', 300_000, false, 5], // Minnesota: care within the final year is class 5
      ['M2', 40_000, false, 5],
      ['M3', 65_000, true, 4],
    ]);

    // The activity log says what happened, in one line.
    const note = db
      .prepare(`SELECT note FROM activities WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get(gid('E1'));
    expect(note).toBe(
      'Death recorded (April 15, 2026, family): statements and letters stopped; 1 plan and 1 promise suspended; 1 placement recalled; claim due by April 15, 2027. Her son called.',
    );

    // No statement, letter or ECA: the automatic 'deceased' hold stands; the plan's hold went with
    // the plan, the placement's with the recall.
    const holds = await t.call('holds:list', { guarantorId: gid('E1') }, w.clerk);
    expect(holds.filter((h) => h.active).map((h) => [h.reason, h.automatic])).toEqual([['deceased', true]]);

    // The estate is in everyone's queue: find the estate (the deadline is months away, urgency 4:
    // log10(1 + 4,050.00) × 1.5 = 3.6076 × 1.5 = 5.41).
    expect(await estateItems(w, '2026-06-15')).toEqual([
      {
        key: `estate:${detail.id}:find_estate:2027-04-15`,
        summary:
          'The estate of Eleanor Marsh: Find the probate estate (court, personal representative) and refer to legal; the claim is due by April 15, 2027.',
        amountCents: 405_000,
        score: 5.41,
      },
    ]);
    // 30 days before the deadline (2027-03-16): present the claim, urgency 3 -> 2.5: 3.6076 × 2.5 = 9.02.
    expect(await estateItems(w, '2027-03-16')).toEqual([
      expect.objectContaining({ key: `estate:${detail.id}:deadline_near:2027-04-15`, score: 9.02 }),
    ]);
  });

  it('refuses a second death, a date to come or before birth, and a clerk’s undo, changing nothing', async () => {
    w = await estateWorld();
    const { t, gid, clerk } = w;
    const before = footprint(w);
    expect(
      await refusal(
        t.call('estates:recordDeath', { guarantorId: gid('E1'), dateOfDeath: '2026-06-11', source: 'family' }, clerk),
      ),
    ).toMatchObject({ code: 'invalid_input', fields: { dateOfDeath: expect.stringMatching(/2026|today/i) } });
    expect(
      await refusal(
        t.call('estates:recordDeath', { guarantorId: gid('E1'), dateOfDeath: '1948-09-29', source: 'obituary' }, clerk),
      ),
    ).toMatchObject({
      code: 'invalid_input',
      fields: {
        dateOfDeath: 'The date of death is before Eleanor Marsh’s date of birth (September 30, 1948): check the date.',
      },
    });
    expect(footprint(w)).toBe(before);

    await recordE1(w);
    const after = footprint(w);
    expect(await refusal(recordE1(w, '2026-04-16'))).toMatchObject({
      code: 'not_allowed',
      message:
        'A death is already recorded for Eleanor Marsh on April 15, 2026: a supervisor undoes it first to correct it.',
    });
    expect(
      await refusal(t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong person' }, clerk)),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect(footprint(w)).toBe(after);
  });

  it('offers no plan or promise to a deceased guarantor', async () => {
    w = await estateWorld();
    const { t, gid, acct, clerk } = w;
    await recordE1(w);
    const before = footprint(w);
    const message =
      'Eleanor Marsh is recorded as deceased: no payment plan can be offered; the balance is claimed from the estate.';
    expect(
      await refusal(
        t.call(
          'plans:create',
          {
            guarantorId: gid('E1'),
            accountIds: [acct('M1')],
            fapAnswer: 'declined',
            downPaymentCents: 0,
            frequency: 'monthly',
            firstDueDate: '2026-07-01',
            installmentCount: 6,
          },
          clerk,
        ),
      ),
    ).toMatchObject({ code: 'not_allowed', message });
    expect(
      await refusal(
        t.call('promises:add', { guarantorId: gid('E1'), amountCents: 1_000, dueDate: '2026-06-30' }, clerk),
      ),
    ).toMatchObject({ code: 'not_allowed', message });
    expect(footprint(w)).toBe(before);
  });

  it('prints no lapse letter for a plan the death suspended', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    // The plan's first instalment (2026-07-01) missed: the plan lapses and its letter is queued.
    t.clock.setToday('2026-07-20');
    await t.call('plans:runDaily', {}, clerk);
    expect(t.app.store.db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('lapsed');
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(1);
    await recordE1(w);
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(0);
    expect(await refusal(t.call('letters:lapseBatch', {}, clerk))).toMatchObject({ code: 'not_found' });
    expect(t.app.store.db.prepare('SELECT from_status FROM death_effects WHERE kind = ?').pluck().get('plan')).toBe(
      'lapsed',
    );
  });

  it('prints no lapse letter to a guarantor flagged deceased, even with the plan still lapsed', async () => {
    w = await estateWorld();
    const { t, clerk, gid } = w;
    t.clock.setToday('2026-07-20');
    await t.call('plans:runDaily', {}, clerk);
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(1);
    // The flag alone (as an older store may have it, with no death recorded): still no letter.
    t.app.store.db.prepare('UPDATE guarantors SET deceased = 1 WHERE id = ?').run(gid('E1'));
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(0);
    expect(await refusal(t.call('letters:lapseBatch', {}, clerk))).toMatchObject({ code: 'not_found' });
  });
});

describe('undoing a death', () => {
  it('resumes the plan and promise as they were, withdraws the estate, keeps the placement returned and the history', async () => {
    w = await estateWorld();
    const { t, gid, supervisor } = w;
    const db = t.app.store.db;
    const detail = await recordE1(w);
    t.clock.setToday('2026-06-12');
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Her sister died, not she' }, supervisor);

    expect(db.prepare('SELECT deceased, date_of_death FROM guarantors WHERE id = ?').get(gid('E1'))).toEqual({
      deceased: 0,
      date_of_death: null,
    });
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('current');
    expect(
      db
        .prepare(`SELECT kind, from_status, to_status FROM plan_events WHERE plan_id = ? ORDER BY id DESC LIMIT 1`)
        .get(w.planId),
    ).toEqual({ kind: 'resumed', from_status: 'suspended', to_status: 'current' });
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('open');
    expect(db.prepare('SELECT status FROM placements WHERE id = ?').pluck().get(w.placementId)).toBe('returned');
    expect(db.prepare('SELECT kind, restored_on FROM death_effects ORDER BY kind').all()).toEqual([
      { kind: 'placement', restored_on: null },
      { kind: 'plan', restored_on: '2026-06-12' },
      { kind: 'promise', restored_on: '2026-06-12' },
    ]);
    const ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E1') }, w.clerk);
    expect(ge.deaths).toEqual([
      expect.objectContaining({
        dateOfDeath: DEATH,
        undoneOn: '2026-06-12',
        undoReason: 'Her sister died, not she',
        undoneBy: 'Test supervisor',
      }),
    ]);
    expect(ge.estate).toMatchObject({ id: detail.id, status: 'withdrawn', closedOn: '2026-06-12' });
    expect(
      db.prepare(`SELECT note FROM activities WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(gid('E1')),
    ).toBe(
      'Death of April 15, 2026 undone: Her sister died, not she. 1 plan and 1 promise resumed; the estate is withdrawn. 1 placement recalled for the death is not placed again: place it again if wanted.',
    );
    expect(await estateItems(w, '2026-06-12')).toEqual([]);
    // Undone twice: nothing stands.
    expect(
      await refusal(t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Again' }, supervisor)),
    ).toMatchObject({
      code: 'not_allowed',
      message: 'No death is recorded for Eleanor Marsh: there is nothing to undo.',
    });
    // A death can be recorded again, with a new estate.
    const again = await recordE1(w, '2026-06-01');
    expect(again.id).not.toBe(detail.id);
    expect((await t.call('estates:ofGuarantor', { guarantorId: gid('E1') }, w.clerk)).deaths).toHaveLength(2);
  });
});

describe('a death from the extract', () => {
  it('opens an estate for a guarantor the extract brings in already deceased', async () => {
    w = await estateWorld();
    const { t } = w;
    const [header] = ESTATE_EXTRACT.split('\r\n');
    const text = [
      `${header},deceased,date_of_death`,
      'E9,ME9,Ortiz,Ramón,1940-02-02,3 Pine St,Duluth,MN,55802,2185550100,Z1,2026-03-01,2026-03-04,inpatient,self_pay,,T9,charge,2500.00,2026-03-04,,Inpatient stay,,,1,2026-03-20',
    ].join('\r\n');
    const report = await runImport(
      t.app.store.db,
      [
        {
          name: 'new.csv',
          layout: 'combined',
          text,
          mapping: {
            layout: 'combined',
            columns: autoMapping(csvHeaders(text), 'combined'),
            dateFormat: 'YYYY-MM-DD',
            encoding: 'utf-8',
            amountSign: 'signed',
            typeCodes: {},
          },
        },
      ],
      {
        mode: 'commit',
        now: t.app.nowIso(),
        today: t.clock.today(),
        userId: 1,
        source: 'test',
        afterLedgerChange: settle(t),
        deathSubscribers: t.app.extensions.deathSubscribers,
      },
    );
    expect(report.errors).toEqual([]);
    const ge = await t.call('estates:ofGuarantor', { guarantorId: w.gid('E9') }, w.clerk);
    // Minnesota, 12 months from 2026-03-20 = 2027-03-20; Z1 ended 2026-03-04, 16 days before: the last illness.
    expect(ge.estate).toMatchObject({ state: 'MN', deadline: '2027-03-20', owedCents: 250_000 });
    expect(ge.estate?.accounts.map((a) => [a.accountNumber, a.lastIllness, a.priority.classNumber])).toEqual([
      ['Z1', true, 4],
    ]);
    expect(ge.deaths[0]).toMatchObject({ source: 'extract', recordedBy: 'Avery Admin' }); // the user who ran the import
  });

  it('is recorded with the extract’s date, or the import’s day with a note to find the date; a supervisor’s approval of the lowering undoes it', async () => {
    w = await estateWorld();
    const { t, gid, supervisor } = w;
    const db = t.app.store.db;
    await importE2(w, '1', '2026-05-20');
    let ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E2') }, w.clerk);
    expect(ge.deaths).toEqual([expect.objectContaining({ dateOfDeath: '2026-05-20', source: 'extract' })]);
    // California has no row: the UPC default '*' (12 months): 2027-05-20. Letters in Spanish.
    expect(ge.estate).toMatchObject({ state: 'CA', deadline: '2027-05-20', letterLanguage: 'es', owedCents: 82_000 });
    expect(ge.estate?.deadlineInfo.rule.state).toBe('*');

    // The extract lowers the flag: held for a supervisor; the approval undoes the death.
    t.clock.setToday('2026-06-11');
    await importE2(w, '0', '');
    expect(db.prepare('SELECT deceased FROM guarantors WHERE id = ?').pluck().get(gid('E2'))).toBe(1);
    const held = await t.call('importHeld:list', { status: 'pending' }, supervisor);
    const lowering = held.find((h) => h.field === 'deceased');
    expect(lowering).toBeDefined();
    await t.call('importHeld:decide', { id: lowering!.id, decision: 'approve', note: '' }, supervisor);
    ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E2') }, w.clerk);
    expect(ge.deaths[0]).toMatchObject({
      undoneOn: '2026-06-11',
      undoReason: 'A supervisor approved the extract’s change',
    });
    expect(ge.estate?.status).toBe('withdrawn');

    // The extract reports the undone death again (no date): not recorded again; the flag comes down
    // and the clerk is told to correct the billing system.
    t.clock.setToday('2026-06-12');
    await importE2(w, '1', '');
    ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E2') }, w.clerk);
    expect(ge.deaths).toHaveLength(1);
    expect(ge.deaths[0]).toMatchObject({ dateOfDeath: '2026-05-20', undoneOn: '2026-06-11' });
    expect(db.prepare('SELECT deceased FROM guarantors WHERE id = ?').pluck().get(gid('E2'))).toBe(0);
    expect(
      db.prepare(`SELECT note FROM activities WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(gid('E2')),
    ).toMatch(
      /reports again the death a supervisor undid on June 11, 2026 .*not recorded again\. Correct the billing system\.$/,
    );

    // A death on another date is a new death: counted from the import's day when the extract gives none
    // is only for a first report; here the extract gives the date.
    t.clock.setToday('2026-06-15');
    await importE2(w, '1', '2026-06-14');
    ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E2') }, w.clerk);
    expect(ge.deaths[0]).toMatchObject({ dateOfDeath: '2026-06-14', source: 'extract', undoneOn: null });
    expect(ge.estate).toMatchObject({ status: 'watching', deadline: '2027-06-14' });
  });
});

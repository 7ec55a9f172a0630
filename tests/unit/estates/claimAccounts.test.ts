// The estate's accounts follow the ledger (issue 14): an account of a deceased guarantor that comes
// to owe something after the estate opened joins it, its last illness suggested by the one rule
// (PR-04); a living guarantor's account joins nothing; a filed estate takes the account with no
// claim (not in the claim filed). The daily check records a death for every guarantor flagged
// deceased with none standing (a store from before estates were kept), once.
import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { backfillDeaths } from '../../../src/main/capabilities/estates/backfill';
import { importHooks } from '../support';
import { filedByRows } from './estateSupport';
import { ESTATE_EXTRACT, ESTATE_TODAY, estateWorld, type EstateWorld } from './fixtures';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const DEATH = '2026-04-15';
const [HEADER] = ESTATE_EXTRACT.split('\r\n');

/** An extract with new accounts (lines in the estate fixture's layout), imported on the clock's day. */
async function importLines(world: EstateWorld, lines: string[]) {
  const t = world.t;
  const text = [HEADER, ...lines].join('\r\n');
  const report = await runImport(
    t.app.store.db,
    [
      {
        name: 'late.csv',
        layout: 'combined',
        text,
        mapping: {
          layout: 'combined',
          columns: autoMapping(csvHeaders(text!), 'combined'),
          dateFormat: 'YYYY-MM-DD',
          encoding: 'utf-8',
          amountSign: 'signed',
          typeCodes: {},
        },
      },
    ],
    { mode: 'commit', now: t.app.nowIso(), today: t.clock.today(), userId: 1, source: 'test', ...importHooks(t) },
  );
  if (!report.committed) throw new Error(report.errors.map((e) => e.reason).join('\n'));
}

// E1's M4: care 2026-04-10..2026-04-14, the day before the death (1 day: the last illness);
// M5: care 2025-12-01..2025-12-02, 134 days before (not suggested). E2's L2: she is living.
const M4 =
  'E1,ME1,Marsh,Eleanor,1948-09-30,45 Lake St,Minneapolis,MN,55401,6125550100,M4,2026-04-10,2026-04-14,inpatient,self_pay,,T6,charge,250.00,2026-04-14,,Late charge,,';
const M5 =
  'E1,ME1,Marsh,Eleanor,1948-09-30,45 Lake St,Minneapolis,MN,55401,6125550100,M5,2025-12-01,2025-12-02,outpatient,self_pay,,T7,charge,90.00,2025-12-02,,Clinic visit,,';
const L2 =
  'E2,ME2,李,美玲,1948-09-30,45 Lake St,San Gabriel,CA,91776,6125550100,L2,2026-05-01,2026-05-01,outpatient,self_pay,,T8,charge,120.00,2026-05-01,,Outpatient visit,,';

async function recordE1(world: EstateWorld) {
  return world.t.call(
    'estates:recordDeath',
    { guarantorId: world.gid('E1'), dateOfDeath: DEATH, source: 'family', note: '' },
    world.clerk,
  );
}

const estateAccountRows = (world: EstateWorld) =>
  world.t.app.store.db
    .prepare(
      `SELECT e.guarantor_id, a.account_number, ea.last_illness, ea.claim_cents FROM estate_accounts ea
         JOIN estates e ON e.id = ea.estate_id JOIN accounts a ON a.id = ea.account_id ORDER BY a.account_number`,
    )
    .all();

describe('an account that comes to owe after the estate opened', () => {
  it('joins the open estate, its last illness suggested; a living guarantor’s account joins nothing', async () => {
    w = await estateWorld();
    const { t, gid, clerk } = w;
    const detail = await recordE1(w);
    expect(detail.accounts.map((a) => a.accountNumber)).toEqual(['M1', 'M2', 'M3']);

    t.clock.setToday('2026-06-11');
    await importLines(w, [M4, M5, L2]);
    const after = await t.call('estates:estate', { estateId: detail.id }, clerk);
    // Ordered by the dates of service: M5 (2025-12-01) first.
    expect(after.accounts.map((a) => [a.accountNumber, a.balanceCents, a.lastIllness, a.claimCents])).toEqual([
      ['M5', 9_000, false, null],
      ['M1', 300_000, false, null],
      ['M2', 40_000, false, null],
      ['M3', 65_000, true, null],
      ['M4', 25_000, true, null],
    ]);
    // $4,050.00 + $250.00 + $90.00.
    expect(after.owedCents).toBe(439_000);
    expect(after.events.filter((e) => e.on === '2026-06-11').map((e) => e.text)).toEqual([
      'Account M5 ($90.00 owed) joined the estate.',
      'Account M4 ($250.00 owed) joined the estate as care of the last illness.',
    ]);
    // E2 is living: L2 is in no estate.
    expect(estateAccountRows(w).filter((r) => (r as { guarantor_id: number }).guarantor_id === gid('E2'))).toEqual([]);
    expect(
      t.app.store.db
        .prepare(
          'SELECT count(*) FROM estate_accounts ea JOIN accounts a ON a.id = ea.account_id WHERE a.account_number = ?',
        )
        .pluck()
        .get('L2'),
    ).toBe(0);
  });

  it('joins nothing once the death is undone (the estate withdrawn)', async () => {
    w = await estateWorld();
    const { t, gid, supervisor } = w;
    await recordE1(w);
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong person' }, supervisor);
    const before = estateAccountRows(w);
    t.clock.setToday('2026-06-11');
    await importLines(w, [M4]);
    expect(estateAccountRows(w)).toEqual(before);
  });

  it('joins a filed estate with no claim: not in the claim filed', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const detail = await recordE1(w);
    const claim = filedByRows(w, detail.id, ESTATE_TODAY);
    expect(claim).toBe(405_000);
    t.clock.setToday('2026-06-11');
    await importLines(w, [M4]);
    const after = await t.call('estates:estate', { estateId: detail.id }, clerk);
    expect(after.status).toBe('filed');
    expect(after.claimCents).toBe(405_000);
    expect(after.accounts.map((a) => [a.accountNumber, a.claimCents, a.lastIllness])).toEqual([
      ['M1', 300_000, false],
      ['M2', 40_000, false],
      ['M3', 65_000, true],
      ['M4', null, true],
    ]);
    expect(after.events.map((e) => e.text)).toContain(
      'Account M4 ($250.00 owed) joined the estate as care of the last illness; it is not in the claim filed on June 10, 2026.',
    );
  });
});

describe('the daily estate check', () => {
  it('records a death for a guarantor flagged deceased with none, once', async () => {
    w = await estateWorld();
    const { t, gid, clerk } = w;
    const db = t.app.store.db;
    // As a store from before estates were kept has it: the flag and the date, no death, the plan running.
    db.prepare(`UPDATE guarantors SET deceased = 1, date_of_death = '2026-05-20' WHERE id = ?`).run(gid('E1'));
    expect(db.prepare('SELECT count(*) FROM deaths').pluck().get()).toBe(0);

    // The next business day's first call runs the day's jobs.
    t.clock.setToday('2026-06-11');
    await t.call('estates:list', {}, clerk);
    const ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E1') }, clerk);
    expect(ge.deaths).toEqual([
      expect.objectContaining({
        dateOfDeath: '2026-05-20',
        source: 'extract',
        recordedOn: '2026-06-11',
        note: 'Recorded as deceased before Recoup kept estates (daily check).',
      }),
    ]);
    // The same effects as any death: Minnesota, 12 months from 2026-05-20; the plan and promise suspended.
    expect(ge.estate).toMatchObject({ status: 'watching', deadline: '2027-05-20', owedCents: 405_000 });
    expect(db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(w.planId)).toBe('suspended');
    expect(db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(w.promiseId)).toBe('suspended');
    expect(
      db
        .prepare(`SELECT detail FROM audit_events WHERE channel = 'job:estate-backfill' ORDER BY id DESC LIMIT 1`)
        .pluck()
        .get(),
    ).toBe('Estate check: 1 death recorded for guarantors flagged deceased with none.');

    // Once: again the same day, and the next day, nothing more.
    expect(backfillDeaths(db, '2026-06-11', t.app.nowIso())).toEqual({ recorded: 0, failed: [] });
    t.clock.setToday('2026-06-12');
    await t.call('estates:list', {}, clerk);
    expect(db.prepare('SELECT count(*) FROM deaths').pluck().get()).toBe(1);
    expect(
      db
        .prepare(`SELECT detail FROM audit_events WHERE channel = 'job:estate-backfill' ORDER BY id DESC LIMIT 1`)
        .pluck()
        .get(),
    ).toBe('Estate check: 0 deaths recorded for guarantors flagged deceased with none.');
  });

  it('names a guarantor whose record cannot take a death and records the others', async () => {
    w = await estateWorld();
    const { t, gid } = w;
    const db = t.app.store.db;
    // E1 died before she was born (a typing mistake in the old store); E2 with no date.
    db.prepare(`UPDATE guarantors SET deceased = 1, date_of_death = '1948-01-01' WHERE id = ?`).run(gid('E1'));
    db.prepare(`UPDATE guarantors SET deceased = 1, date_of_death = NULL WHERE id = ?`).run(gid('E2'));
    const r = backfillDeaths(db, ESTATE_TODAY, t.app.nowIso());
    expect(r).toEqual({
      recorded: 1,
      failed: [
        'Eleanor Marsh: The date of death is before Eleanor Marsh’s date of birth (September 30, 1948): check the date.',
      ],
    });
    expect(db.prepare('SELECT guarantor_id, date_of_death FROM deaths').all()).toEqual([
      { guarantor_id: gid('E2'), date_of_death: ESTATE_TODAY },
    ]);
  });
});

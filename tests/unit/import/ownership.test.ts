// Issue 10 item 1 (ECA-05): an import never undoes what Recoup recorded. The owner rules of
// src/shared/rules/extractOwnership.ts case by case, the table in docs/import-format.md kept equal
// to them, and the clerk's sequence: import, run statements, record an application, re-import the
// same and an older extract — the 501(r) clock, the statuses, the registers and the ledger stand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import {
  ACCOUNT_FIELD_OWNERS,
  fapStatusMayFollow,
  GUARANTOR_FIELD_OWNERS,
  mergeExtractRow,
  mergeFapStatus,
  type FapStatusValue,
} from '../../../src/shared/rules/extractOwnership';
import { COMBINED_HEADER, importSmall, SMALL_EXTRACT } from '../accounts/fixtures';
import type { ImportLayout } from '../../../src/shared/schemas/import';
import { addUserAndLogIn, setUpAndLogIn, importHooks, testApp, type TestApp, sendStatements } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

async function reimport(text: string, name = 'extract.csv', layout: ImportLayout = 'combined') {
  return runImport(
    t.app.store.db,
    [
      {
        name,
        layout,
        text,
        mapping: {
          layout,
          columns: autoMapping(csvHeaders(text), layout),
          dateFormat: 'YYYY-MM-DD',
          encoding: 'utf-8',
          amountSign: 'signed',
          typeCodes: {},
        },
      },
    ],
    { mode: 'commit', now: t.app.nowIso(), userId: 1, source: 'test', ...importHooks(t) },
  );
}

describe('the owner rules, field by field', () => {
  const owners = { ...GUARANTOR_FIELD_OWNERS, ...ACCOUNT_FIELD_OWNERS };
  const stored = {
    last_name: 'Smith',
    phone: '2075550142',
    address_line1: '12 Oak St',
    address_line2: 'Apt 4',
    city: 'Portland',
    state: 'ME',
    zip: '04101',
    deceased: 1,
    bankruptcy: 0,
    date_of_birth: null,
    date_of_death: '2026-10-02',
    death_source: 'family',
    first_statement_date: '2026-03-01',
    medicare_ra_date: '2026-02-10',
    fap_status: 'pending',
    fap_status_date: '2026-11-20',
  } as Record<string, string | number | null>;
  const merge = (incoming: Record<string, string | number | null>) => mergeExtractRow(stored, incoming, owners);

  it.each([
    // [what, incoming, changed fields, kept fields, fields held for a supervisor]
    ['nothing said: nothing changes', {}, [], []],
    ['billing: a value replaces', { phone: '2075550100' }, ['phone'], []],
    ['identity: a new name waits for a supervisor', { last_name: 'Smyth' }, [], [], ['last_name']],
    ['identity: an empty one is filled', { date_of_birth: '1980-02-14' }, ['date_of_birth'], []],
    ['billing: the same value is no change', { phone: '2075550142' }, [], []],
    [
      'address: the parts given change (the reader gives an emptied line 2 as "")',
      { address_line1: '9 Elm Ave', address_line2: '', city: 'Saco', zip: '04072' },
      ['address_line1', 'address_line2', 'city', 'zip'],
      [],
    ],
    ['address: without line 1, only the parts given change', { zip: '04102' }, ['zip'], []],
    ['flag: the extract raises it', { bankruptcy: 1 }, ['bankruptcy'], []],
    ['flag: lowering it waits for a supervisor', { deceased: 0 }, [], [], ['deceased']],
    ['first known: Recoup’s date of death stands', { date_of_death: '2026-10-05' }, [], ['date_of_death']],
    [
      'earliest: D0 moves to an earlier statement the extract proves',
      { first_statement_date: '2026-02-15' },
      ['first_statement_date'],
      [],
    ],
    ['earliest: D0 never moves later', { first_statement_date: '2026-04-01' }, [], ['first_statement_date']],
    ['latest: a later remittance date wins', { medicare_ra_date: '2026-03-01' }, ['medicare_ra_date'], []],
    ['latest: an older remittance date is kept out', { medicare_ra_date: '2026-01-01' }, [], ['medicare_ra_date']],
    [
      'fap: an older "not applied" does not lift a pending application',
      { fap_status: 'not_applied', fap_status_date: '2026-10-01' },
      [],
      ['fap_status'],
    ],
    [
      'fap: a later decision answers the application',
      { fap_status: 'approved_full', fap_status_date: '2026-11-25' },
      ['fap_status', 'fap_status_date'],
      [],
    ],
  ] as [string, Record<string, string | number | null>, string[], string[], string[]?][])(
    '%s',
    (_, incoming, changed, kept, held = []) => {
      const r = merge(incoming);
      expect(r.changes.map((c) => c.field).sort()).toEqual([...changed].sort());
      expect(r.kept.map((k) => k.field).sort()).toEqual([...kept].sort());
      expect(r.held.map((k) => k.field).sort()).toEqual([...held].sort());
      for (const field of [...kept, ...held]) expect(r.values[field]).toBe(stored[field]);
    },
  );

  const fap = (status: FapStatusValue, date: string | null) => ({ fap_status: status, fap_status_date: date });
  it.each([
    // [Recoup holds, the extract says, result status, why]
    [
      fap('unknown', null),
      fap('denied', '2026-01-01'),
      'denied',
      'Recoup knows nothing: the extract’s status is taken',
    ],
    [fap('pending', '2026-11-20'), fap('unknown', '2026-12-01'), 'pending', '"unknown" says nothing'],
    [
      fap('pending', '2026-11-20'),
      fap('not_applied', '2026-12-01'),
      'pending',
      'an open application closes only by a decision',
    ],
    [fap('pending', '2026-11-20'), fap('denied', '2026-11-20'), 'denied', 'a decision may share its application’s day'],
    [
      fap('pending', '2026-11-20'),
      fap('denied', '2026-11-19'),
      'pending',
      'a decision dated before the application is older',
    ],
    [fap('pending', '2026-11-20'), fap('approved_partial', null), 'pending', 'no date: it cannot show it is newer'],
    [fap('approved_full', '2026-06-01'), fap('denied', '2026-07-01'), 'approved_full', 'an approval stands'],
    [fap('approved_full', '2026-06-01'), fap('not_applied', '2026-07-01'), 'approved_full', 'an approval stands'],
    [fap('approved_full', '2026-06-01'), fap('pending', '2026-07-01'), 'pending', 'a new, later application'],
    [fap('denied', '2026-06-01'), fap('approved_partial', '2026-07-01'), 'approved_partial', 'a later approval'],
    [
      fap('denied', '2026-06-01'),
      fap('not_applied', '2026-07-01'),
      'denied',
      '"did not apply" never follows an application',
    ],
    [fap('not_applied', '2026-06-01'), fap('pending', '2026-07-01'), 'pending', 'a later application'],
    [fap('not_applied', '2026-06-01'), fap('pending', '2026-05-01'), 'not_applied', 'an older application is history'],
  ] as const)('%o then %o -> %s (%s)', (held, said, result, _why) => {
    expect(mergeFapStatus(held, said).values.fap_status).toBe(result);
  });

  it('which status may follow which (ECA-05), the whole table', () => {
    const all: FapStatusValue[] = ['unknown', 'not_applied', 'pending', 'approved_full', 'approved_partial', 'denied'];
    const table = Object.fromEntries(all.map((from) => [from, all.filter((to) => fapStatusMayFollow(from, to))]));
    expect(table).toEqual({
      unknown: ['not_applied', 'pending', 'approved_full', 'approved_partial', 'denied'],
      not_applied: ['pending', 'approved_full', 'approved_partial', 'denied'],
      pending: ['approved_full', 'approved_partial', 'denied'],
      approved_full: ['pending', 'approved_partial'],
      approved_partial: ['pending', 'approved_full'],
      denied: ['pending', 'approved_full', 'approved_partial'],
    });
  });
});

describe('docs/import-format.md says who owns each fact', () => {
  it('its table names every field the extract writes, with the owner the importer follows', () => {
    const doc = readFileSync(path.join(__dirname, '../../../docs/import-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Who owns each fact'));
    const rows = [...section.matchAll(/^\| `([a-z_0-9]+)` +\| `([a-z_]+)` /gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual({ ...GUARANTOR_FIELD_OWNERS, ...ACCOUNT_FIELD_OWNERS });
  });
});

describe('re-importing never undoes what Recoup recorded', () => {
  /** Everything the 501(r) clock, the statuses, the registers and the ledger consist of. */
  async function facts(session: string, admin: string) {
    const db = t.app.store.db;
    const all = (sql: string) => db.prepare(sql).all();
    const a1 = db.prepare(`SELECT id FROM accounts WHERE account_number = 'A1'`).pluck().get() as number;
    return {
      accounts: all(
        'SELECT account_number, first_statement_date, final_notice_date, balance_cents, payer_class FROM accounts ORDER BY id',
      ),
      guarantors: all(
        'SELECT external_id, fap_status, fap_status_date, deceased, date_of_death, bankruptcy, do_not_call, balance_cents FROM guarantors ORDER BY id',
      ),
      fapHistory: all('SELECT guarantor_id, status, status_date FROM fap_history ORDER BY id'),
      holds: all('SELECT guarantor_id, reason, released_on FROM holds ORDER BY id'),
      ecaAttempts: all('SELECT account_id, kind, allowed FROM eca_attempts ORDER BY id'),
      ledger: all('SELECT account_id, type, amount_cents, effective_date FROM ledger_entries ORDER BY id'),
      statements: all('SELECT guarantor_id, statement_date, kind FROM statements ORDER BY id'),
      registers: await t.call('registers:month', { month: '2026-11' }, admin),
      eca: await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, session),
    };
  }

  it('same extract, then an older one: the clock, statuses, registers and ledger are unchanged', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    const { jane } = await importSmall(t);
    // Recoup's statement run sends John's first statement (D0 of A3: the extract had none).
    const run = await sendStatements(t, admin, 'statements-own-1');
    expect(run.count).toBeGreaterThan(0);
    expect(
      t.app.store.db.prepare(`SELECT first_statement_date FROM accounts WHERE account_number = 'A3'`).pluck().get(),
    ).toBe('2026-11-26');
    // Jane's application comes in and is recorded in Recoup; a clerk puts John on a dispute hold.
    const john = t.app.store.db.prepare(`SELECT id FROM guarantors WHERE external_id = 'G2'`).pluck().get() as number;
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-26', note: 'mailed in' }, clerk);
    await t.call('holds:place', { guarantorId: john, reason: 'dispute', note: 'disputes the ER visit' }, clerk);
    // Today's extract: the billing system has John in bankruptcy and on do-not-call.
    const first = SMALL_EXTRACT.replace(COMBINED_HEADER, `${COMBINED_HEADER},bankruptcy,do_not_call`)
      .split('\r\n')
      .map((line, i) => (i === 0 ? line : line.startsWith('G2,') ? `${line},Y,Y` : `${line},,`))
      .join('\r\n');
    const flagged = await reimport(first, 'today.csv');
    expect(flagged.changes.map((c) => [c.key, c.field, c.from, c.to])).toEqual([
      ['G2', 'bankruptcy', '0', '1'],
      ['G2', 'do_not_call', '0', '1'],
    ]);
    const before = await facts(clerk, admin);
    expect(before.eca.allowed).toBe(false); // suspended while the application is pending (ECA-05)

    // 1. The same extract again: nothing to change, nothing counted as updated.
    const same = await reimport(first, 'same.csv');
    expect(same.committed).toBe(true);
    expect(same.guarantors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(same.accounts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(same.changes).toEqual([]);
    expect(await facts(clerk, admin)).toEqual(before);

    // 2. An older extract: before T3 was posted, before John's bankruptcy and do-not-call were
    // recorded, saying Jane did not apply (dated before her application), with a later D0 for A1
    // and none for A3.
    const older = [
      `${COMBINED_HEADER},bankruptcy,do_not_call,fap_status,fap_status_date`,
      'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-03-01,T1,charge,500.00,2025-01-10,,Clinic visit,N,N,not_applied,2026-10-01',
      'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A2,2025-06-01,2025-06-03,inpatient,commercial,2025-07-15,T2,charge,1000.00,2025-06-03,,Room and board,N,N,not_applied,2026-10-01',
      "G2,M200,O'Brien-Núñez,John,1950-07-04,1 Main St,Bangor,ME,04401,2075550199,A3,2026-10-01,2026-10-01,emergency,medicare,,T4,charge,1200.00,2026-10-01,,ER level 4,N,N,,",
    ].join('\r\n');
    const old = await reimport(older, 'older.csv');
    expect(old.committed).toBe(true);
    expect(old.guarantors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(old.accounts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(old.transactions).toEqual({ created: 0, duplicates: 3 });
    expect(old.changes).toEqual([]);
    // What the extract said and Recoup kept, each with its reason.
    expect(old.kept.map((k) => [k.key, k.field, k.extract, k.kept])).toEqual([
      ['G1', 'fap_status', 'not_applied', 'pending'],
      ['A1', 'first_statement_date', '2025-03-01', '2025-02-01'],
    ]);
    // Lifting a legal or contact flag is not the import's to do: it waits for a supervisor.
    expect(old.held.map((h) => [h.key, h.field, h.from, h.to])).toEqual([
      ['G2', 'bankruptcy', '1', '0'],
      ['G2', 'do_not_call', '1', '0'],
    ]);
    expect(old.kept[0]!.reason).toMatch(/not after the status recorded on 2026-11-26/);
    expect(await facts(clerk, admin)).toEqual(before);
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
  });

  it('"updated" counts only records whose values changed, and the report lists each change', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    await importSmall(t);
    // Jane moved; John's phone cell is empty (no information: his phone stays).
    const newer = SMALL_EXTRACT.replace(/12 Oak St,Portland,ME,04101/g, '9 Elm Ave,Saco,ME,04072').replace(
      '04401,2075550199',
      '04401,',
    );
    const r = await reimport(newer, 'newer.csv');
    expect(r.guarantors).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(r.accounts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(r.changeCount).toBe(3);
    expect(r.changes.map((c) => [c.key, c.field, c.from, c.to, c.line])).toEqual([
      ['G1', 'address_line1', '12 Oak St', '9 Elm Ave', 2],
      ['G1', 'city', 'Portland', 'Saco', 2],
      ['G1', 'zip', '04101', '04072', 2],
    ]);
    expect(t.app.store.db.prepare(`SELECT phone FROM guarantors WHERE external_id = 'G2'`).pluck().get()).toBe(
      '2075550199',
    );
  });

  it('the address is one block: line 1 given, an empty cell in a carried column clears; a column not carried keeps', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    const header = 'guarantor_id,last_name,first_name,address_line1,address_line2,city,state,zip';
    await reimport([header, 'G9,Nowak,Anna,12 Oak St,Apt 4,Portland,ME,04101'].join('\r\n'), 'first.csv', 'guarantors');
    const address = () =>
      t.app.store.db
        .prepare(`SELECT address_line1, address_line2, city, zip FROM guarantors WHERE external_id = 'G9'`)
        .raw()
        .get();
    // A file without the line-2 column says nothing about it.
    const noLine2 = 'guarantor_id,last_name,first_name,address_line1,city,state,zip';
    await reimport([noLine2, 'G9,Nowak,Anna,40 Pine Rd,Portland,ME,04101'].join('\r\n'), 'no-line2.csv', 'guarantors');
    expect(address()).toEqual(['40 Pine Rd', 'Apt 4', 'Portland', '04101']);
    // She moves: line 1 given and line 2 empty in a file that carries it: the old apartment goes.
    const r = await reimport(
      [header, 'G9,Nowak,Anna,9 Elm Ave,,Saco,ME,04072'].join('\r\n'),
      'moved.csv',
      'guarantors',
    );
    expect(address()).toEqual(['9 Elm Ave', '', 'Saco', '04072']);
    expect(r.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['address_line1', '40 Pine Rd', '9 Elm Ave'],
      ['address_line2', 'Apt 4', ''],
      ['city', 'Portland', 'Saco'],
      ['zip', '04101', '04072'],
    ]);
  });

  it('a status the extract brings goes into the assistance history, and lifts nothing it should not', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    const withFap = SMALL_EXTRACT.replace(COMBINED_HEADER, `${COMBINED_HEADER},fap_status,fap_status_date`)
      .split('\r\n')
      .map((line, i) => (i === 0 ? line : line.startsWith('G1,') ? `${line},pending,2026-11-02` : `${line},,`))
      .join('\r\n');
    await importSmall(t, withFap);
    const history = () =>
      t.app.store.db.prepare('SELECT status, status_date, note FROM fap_history ORDER BY id').raw().all();
    expect(history()).toEqual([['pending', '2026-11-02', 'From the billing extract (small.csv, line 2).']]);
    // A later extract decides it: the decision is taken and kept in the history.
    const decided = withFap.replace(/pending,2026-11-02/g, 'denied,2026-11-20');
    const r = await reimport(decided, 'decided.csv');
    expect(r.changes.map((c) => [c.key, c.field, c.from, c.to])).toEqual([
      ['G1', 'fap_status', 'pending', 'denied'],
      ['G1', 'fap_status_date', '2026-11-02', '2026-11-20'],
    ]);
    expect(history()).toEqual([
      ['pending', '2026-11-02', 'From the billing extract (small.csv, line 2).'],
      ['denied', '2026-11-20', 'From the billing extract (decided.csv, line 2).'],
    ]);
  });
});

describe('a change of identity or a lifted flag waits for a supervisor (issue 11)', () => {
  it('held, listed, not applied; a supervisor approves or rejects; the same change is not held twice', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    const supervisor = await addUserAndLogIn(t, admin, 'supervisor');
    const { jane } = await importSmall(t);
    // A one-line file turns G1 into someone else: another name and date of birth.
    const other = [
      'guarantor_id,last_name,first_name,date_of_birth,phone',
      'G1,Okafor,Chidi,1991-09-30,2075550111',
    ].join('\r\n');
    const r = await reimport(other, 'one-line.csv', 'guarantors');
    expect(r.committed).toBe(true);
    expect(r.held.map((h) => [h.key, h.field, h.from, h.to])).toEqual([
      ['G1', 'last_name', 'Smith', 'Okafor'],
      ['G1', 'first_name', 'Jane', 'Chidi'],
      ['G1', 'date_of_birth', '1980-02-14', '1991-09-30'],
    ]);
    // The phone (the billing system's) is taken; the identity is not.
    expect(r.changes.map((c) => c.field)).toEqual(['phone']);
    const row = () =>
      t.app.store.db.prepare('SELECT first_name, last_name, date_of_birth FROM guarantors WHERE id = ?').get(jane);
    expect(row()).toEqual({ first_name: 'Jane', last_name: 'Smith', date_of_birth: '1980-02-14' });
    // The same file again holds nothing new.
    await reimport(other, 'one-line.csv', 'guarantors');
    const waiting = await t.call('importHeld:list', { status: 'pending' }, clerk);
    expect(waiting.map((h) => [h.guarantor, h.field, h.from, h.to, h.file, h.line])).toEqual([
      ['Jane Smith', 'last_name', 'Smith', 'Okafor', 'one-line.csv', 2],
      ['Jane Smith', 'first_name', 'Jane', 'Chidi', 'one-line.csv', 2],
      ['Jane Smith', 'date_of_birth', '1980-02-14', '1991-09-30', 'one-line.csv', 2],
    ]);
    // Only a supervisor decides.
    expect(await t.raw('importHeld:decide', { id: waiting[0]!.id, decision: 'approve' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The billing office confirms a married name: approved, applied, and search follows it.
    const approved = await t.call(
      'importHeld:decide',
      { id: waiting[0]!.id, decision: 'approve', note: 'married name, per billing office' },
      supervisor,
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: expect.any(String),
      note: 'married name, per billing office',
    });
    expect(row()).toMatchObject({ last_name: 'Okafor' });
    expect((await t.call('search:query', { query: 'Okafor' }, clerk)).map((g) => g.guarantorId)).toEqual([jane]);
    // The date of birth was a billing-system error: rejected, nothing changes.
    await t.call('importHeld:decide', { id: waiting[2]!.id, decision: 'reject', note: 'wrong patient' }, supervisor);
    expect(row()).toMatchObject({ date_of_birth: '1980-02-14' });
    // The first name changed since the import: approving the stale change sets it aside.
    t.app.store.db.prepare(`UPDATE guarantors SET first_name = 'Janet' WHERE id = ?`).run(jane);
    expect(await t.raw('importHeld:decide', { id: waiting[1]!.id, decision: 'approve' }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(row()).toMatchObject({ first_name: 'Janet' });
    expect(await t.call('importHeld:list', { status: 'pending' }, clerk)).toEqual([]);
    // Decided, newest first (the same minute here: by the order they were held, last first).
    expect((await t.call('importHeld:list', { status: 'decided' }, clerk)).map((h) => [h.field, h.status])).toEqual([
      ['date_of_birth', 'rejected'],
      ['first_name', 'superseded'],
      ['last_name', 'approved'],
    ]);
  });
});

describe('dates an extract cannot prove, and placeholders (review of issue 10)', () => {
  it('an undated status is compared by the date of Recoup’s last history entry; an undated one is recorded as of the import', () => {
    // A pending application kept without a date (an older version), recorded in its history on 11-20.
    const held = { fap_status: 'pending' as const, fap_status_date: null };
    const older = mergeFapStatus(
      held,
      { fap_status: 'denied', fap_status_date: '2024-01-01' },
      {
        recordedOn: '2026-11-20',
      },
    );
    expect(older.values.fap_status).toBe('pending');
    // Recoup knows nothing: an undated status is taken as of the import's day.
    const taken = mergeFapStatus(
      { fap_status: 'unknown', fap_status_date: null },
      { fap_status: 'pending' },
      {
        today: '2026-11-26',
      },
    );
    expect(taken.values).toEqual({ fap_status: 'pending', fap_status_date: '2026-11-26' });
  });

  it('a date after today, or a first statement before discharge, is a bad cell; nothing is written', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    await importSmall(t);
    const future = SMALL_EXTRACT.replace(COMBINED_HEADER, `${COMBINED_HEADER},fap_status,fap_status_date`)
      .split('\r\n')
      .map((line, i) => (i === 0 ? line : line.startsWith('G2,') ? `${line},denied,2099-12-31` : `${line},,`))
      .join('\r\n');
    const r1 = await reimport(future, 'future.csv');
    expect(r1.committed).toBe(false);
    expect(r1.errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/fap_status_date: "2099-12-31" is after today \(2026-11-26\)/),
    ]);
    // A3 was discharged 2026-10-01: a first statement "2020-01-01" is not a statement after discharge.
    const early = SMALL_EXTRACT.replace(
      'A3,2026-10-01,2026-10-01,emergency,medicare,,',
      'A3,2026-10-01,2026-10-01,emergency,medicare,2020-01-01,',
    );
    const r2 = await reimport(early, 'early.csv');
    expect(r2.committed).toBe(false);
    expect(r2.errors[0]!.reason).toMatch(/before the discharge/);
    expect(
      t.app.store.db.prepare(`SELECT first_statement_date FROM accounts WHERE account_number = 'A3'`).pluck().get(),
    ).toBeNull();
  });

  it('a placeholder cell ("-", "N/A") is no information; control characters and direction overrides leave names', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    await importSmall(t);
    const text = [
      'guarantor_id,last_name,first_name,phone',
      'G2,O\u202eBrien-Núñez,Jo\u0007hn,N/A',
      'G1,Smith,Jane,-',
    ].join('\r\n');
    const r = await reimport(text, 'placeholders.csv', 'guarantors');
    expect(r.committed).toBe(true);
    const rows = t.app.store.db
      .prepare('SELECT external_id, phone, first_name FROM guarantors ORDER BY id')
      .raw()
      .all();
    expect(rows).toEqual([
      ['G1', '2075550142', 'Jane'],
      ['G2', '2075550199', 'John'],
    ]);
    // The name with the override taken out differs from Recoup's: held for a supervisor, never applied raw.
    expect(r.held.map((h) => [h.key, h.field, h.to])).toEqual([
      ['G2', 'last_name', 'O Brien-Núñez'],
      ['G2', 'first_name', 'Jo hn'],
    ]);
  });
});

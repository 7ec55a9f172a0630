// Issue 18: every way search finds someone reads an index, never the whole of a table, and reads
// a guarantor's row only for the (at most 25) guarantors it shows. Against a real migrated,
// encrypted store; the plans come from EXPLAIN QUERY PLAN of the very statements search runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, searchPlans } from '../../../src/main/capabilities/accounts/search';
import { insertGuarantorByHand } from '../../../src/main/capabilities/accounts';
import { runImport } from '../../../src/main/capabilities/imports/importer';
import { extractFiles, generateExtract } from '../../../src/main/demo/synthetic';
import { importHooks, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from './fixtures';
import { importScriptNames } from './scriptFixtures';

let t: TestApp;
beforeAll(async () => {
  t = testApp();
  await setUpAndLogIn(t);
  await importSmall(t);
  await importScriptNames(t);
});
afterAll(() => t.cleanup());

/** The one statement that reads what the clerk sees, for each guarantor shown. */
const RESULT_ROW = /^SELECT g\.id, g\.last_name/;

/** [query, how it finds, the index each of its statements must use (in the order run)] */
const PATHS: [string, string, RegExp[]][] = [
  ['1980-02-14', 'date_of_birth', [/SEARCH g USING COVERING INDEX guarantors_dob \(date_of_birth=\?\)/]],
  ['02/14/1980', 'date_of_birth', [/SEARCH g USING COVERING INDEX guarantors_dob \(date_of_birth=\?\)/]],
  [
    'A1',
    'account_number',
    [/SEARCH a USING INDEX sqlite_autoindex_accounts_1 \(account_number>\? AND account_number<\?\)/, /guarantors_mrn/],
  ],
  ['SU0', 'account_number', [/sqlite_autoindex_accounts_1 \(account_number>\? AND/, /guarantors_mrn/]],
  [
    'M100',
    'mrn',
    [/sqlite_autoindex_accounts_1/, /SEARCH g USING COVERING INDEX guarantors_mrn \(mrn>\? AND mrn<\?\)/],
  ],
  [
    '2075550142',
    'phone',
    [/sqlite_autoindex_accounts_1/, /guarantors_mrn/, /SEARCH g USING COVERING INDEX guarantors_phone \(phone=\?\)/],
  ],
  [
    '2075550',
    'phone',
    [
      /sqlite_autoindex_accounts_1/,
      /guarantors_mrn/,
      /SEARCH g USING COVERING INDEX guarantors_phone \(phone>\? AND phone<\?\)/,
    ],
  ],
  [
    '0142',
    'phone',
    [/sqlite_autoindex_accounts_1/, /guarantors_mrn/, /SEARCH g USING INDEX guarantors_phone_last4 \(phone_last4=\?\)/],
  ],
  ['(207) 555-0142', 'phone', [/SEARCH g USING COVERING INDEX guarantors_phone \(phone=\?\)/]],
  ['smith', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['jan smi', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['Петров', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['Παπαδόπουλος', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['小明', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['山田 太郎', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
  ['민준 김', 'name', [/SEARCH t USING PRIMARY KEY \(token>\? AND token<\?\)/]],
];

describe('every search path reads an index (EXPLAIN QUERY PLAN)', () => {
  it.each(PATHS)('%s: by %s', (query, on, indexes) => {
    const db = t.app.store.db;
    const found = search(db, query);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.matchedOn).toBe(on);
    const plans = searchPlans(db, query);
    const finding = plans.filter((p) => !RESULT_ROW.test(p.sql));
    expect(finding).toHaveLength(indexes.length);
    finding.forEach((p, i) => expect(p.plan.join('\n')).toMatch(indexes[i]!));
    for (const p of plans) {
      // No full scan of a table, an index of it, or the tokens.
      expect(p.plan.join('\n')).not.toMatch(/\bSCAN (g|a|t|guarantors|accounts|name_tokens)\b/);
      // Matches are never made unique in a b-tree of every row the range holds.
      expect(p.plan).not.toContain('USE TEMP B-TREE FOR DISTINCT');
      // Identifiers come out of their index in order: no sort. (Names, dates of birth and the
      // last four sort their matches, by name, which only the shown rows' order needs.)
      if (/ORDER BY (a\.account_number|g\.mrn|g\.id|g\.phone)\b/.test(p.sql))
        expect(p.plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      // Names are answered from the token index alone: no guarantor row, no accounts.
      if (/FROM name_tokens/.test(p.sql)) expect(p.plan.join('\n')).not.toMatch(/guarantors|accounts/);
    }
    // What the clerk sees is read by id, its account count from the accounts' guarantor index, and
    // only for the guarantors shown.
    const shown = plans.find((p) => RESULT_ROW.test(p.sql))!;
    expect(shown.plan).toEqual([
      'SEARCH g USING INTEGER PRIMARY KEY (rowid=?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH a USING COVERING INDEX accounts_guarantor (guarantor_id=?)',
    ]);
  });
});

describe('search keeps the order a clerk has always seen', () => {
  const NOW = '2026-11-26T09:00:00.000Z';
  const add = (last: string, first: string, middle = '', dob = '1961-03-03', phone = '') =>
    insertGuarantorByHand(
      t.app.store.db,
      {
        externalId: null,
        mrn: null,
        lastName: last,
        firstName: first,
        middleName: middle,
        dateOfBirth: dob,
        addressLine1: '1 Elm St',
        addressLine2: '',
        city: 'Portland',
        state: 'ME',
        zip: '04101',
        phone,
        email: '',
        language: 'English',
      },
      NOW,
    );

  it('names: last name, first name, then id; a guarantor matched by two of its tokens is listed once', () => {
    const ann1 = add('Quillfeather', 'Ann', 'Annabel');
    const ann2 = add('Quillfeather', 'Ann');
    const bea = add('Quillfeather', 'Bea', 'Annette');
    const zed = add('Annquill', 'Zed');
    const ids = (q: string) => search(t.app.store.db, q).map((r) => r.guarantorId);
    expect(ids('quillf ann')).toEqual([ann1, ann2, bea]);
    expect(ids('ann quillf')).toEqual([ann1, ann2, bea]);
    expect(ids('annquill')).toEqual([zed]);
    // "ann" begins Ann and Annabel of the first (listed once), Ann of the second, Annette of Bea, Annquill.
    expect(ids('ann').filter((id) => [ann1, ann2, bea, zed].includes(id))).toEqual([zed, ann1, ann2, bea]);
  });

  it('names: 25 guarantors even when each has many tokens the word begins (more rows than 4 × 25)', () => {
    const made: number[] = [];
    // Each has the tokens vexa, vexanne, vexalia and vexaria (and the hyphenated whole): 5 rows in "vex".
    for (let i = 0; i < 30; i++) made.push(add('Vexaria-Vexalia', 'Vexa', 'Vexanne'));
    const found = search(t.app.store.db, 'vex');
    expect(found.map((r) => r.guarantorId)).toEqual(made.slice(0, 25));
  });

  it('a renamed guarantor moves to its new place in the list', () => {
    const db = t.app.store.db;
    const x = add('Wrenfield', 'Abe');
    const y = add('Wrenfield', 'Bo');
    expect(search(db, 'wrenf').map((r) => r.guarantorId)).toEqual([x, y]);
    db.prepare(`UPDATE guarantors SET first_name = 'Cy' WHERE id = ?`).run(x);
    expect(search(db, 'wrenf').map((r) => [r.guarantorId, r.name])).toEqual([
      [y, 'Wrenfield, Bo'],
      [x, 'Wrenfield, Cy'],
    ]);
  });

  it('a date of birth and the last four: last name, first name, then id', () => {
    const db = t.app.store.db;
    const z = add('Ostrander', 'Zoe', '', '1933-05-05', '2075559876');
    const m1 = add('Ostrander', 'Mia', '', '1933-05-05', '2075559876');
    const m2 = add('Ostrander', 'Mia', '', '1933-05-05', '2075559876');
    const e = add('Eastman', 'Al', '', '1933-05-05', '2075559876');
    expect(search(db, '1933-05-05').map((r) => r.guarantorId)).toEqual([e, m1, m2, z]);
    expect(search(db, '9876').map((r) => r.guarantorId)).toEqual([e, m1, m2, z]);
    // A whole phone number: in the order the guarantors were made.
    expect(search(db, '(207) 555-9876').map((r) => r.guarantorId)).toEqual([z, m1, m2, e]);
  });
});

describe('the same guarantors as the search before issue 18, in the same order', () => {
  // The name search as it was (every candidate's row read, its other words checked by the token
  // index of the guarantor, all matches sorted), the reference for the one that replaced it.
  function before(query: string): number[] {
    const db = t.app.store.db;
    const words = queryWordsOf(query).sort((a, b) => b.length - a.length);
    if (words.length === 0) return [];
    const [first, ...rest] = words;
    const up = (w: string) => `${w}\u{10ffff}`;
    const others = rest
      .map(
        () =>
          'AND EXISTS (SELECT 1 FROM name_tokens t2 WHERE t2.guarantor_id = g.id AND t2.token >= ? AND t2.token < ?)',
      )
      .join(' ');
    return db
      .prepare(
        `SELECT g.id FROM guarantors g WHERE g.id IN (SELECT t.guarantor_id FROM name_tokens t WHERE t.token >= ? AND t.token < ?)
         ${others} ORDER BY g.last_name, g.first_name, g.id LIMIT 25`,
      )
      .pluck()
      .all(first, up(first!), ...rest.flatMap((w) => [w, up(w)])) as number[];
  }
  let queryWordsOf: (q: string) => string[];

  it('for beginnings of names, whole names and names in other scripts among 3,000 guarantors', async () => {
    queryWordsOf = (await import('../../../src/shared/nameTokens')).queryWords;
    const x = generateExtract({ seed: 18, guarantors: 3000, today: '2026-11-26', idPrefix: 'R' });
    const report = await runImport(t.app.store.db, extractFiles(x, 'R'), {
      ...importHooks(t),
      mode: 'commit',
      now: t.app.nowIso(),
      userId: 1,
      source: 'test',
    });
    expect(report.committed).toBe(true);
    const names = t.app.store.db
      .prepare('SELECT first_name, middle_name, last_name FROM guarantors ORDER BY id')
      .all() as { first_name: string; middle_name: string; last_name: string }[];
    const queries = new Set<string>(['s', 'j', 'ma', 'jo', 'smi', 'mar jo', 'a b', 'li', 'ann', 'vex', '小', '山田']);
    names.forEach((n, i) => {
      if (i % 37 !== 0) return;
      queries.add(`${n.last_name.slice(0, 4)} ${n.first_name.slice(0, 2)}`);
      queries.add(`${n.first_name} ${n.last_name}`);
      queries.add(n.last_name);
      queries.add(`${n.first_name.slice(0, 1)} ${n.middle_name} ${n.last_name.slice(0, 3)}`);
    });
    for (const q of queries) {
      if (/\d/.test(q)) continue;
      const found = search(t.app.store.db, q);
      expect(found.every((r) => r.matchedOn === 'name')).toBe(true);
      expect({ q, ids: found.map((r) => r.guarantorId) }).toEqual({ q, ids: before(q) });
    }
  });
});

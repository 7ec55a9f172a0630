// The matches awaiting a person, at a million guarantors (issue 18): pendingMatches keeps, among
// the guarantors born on an employee's date of birth, only those whose last or first name agrees as
// matchName folds it (or with an employee id on file) before reading their rows. What it offers must
// be what judging every such guarantor offered: compared here with that reading (the query before
// issue 18, kept below as the reference) on a book of names spelled every way matchName folds.
import { afterEach, describe, expect, it } from 'vitest';
import {
  judgeMatch,
  matchName,
  pendingMatches,
  registerMatchName,
  sameMatchNameSql,
} from '../../../src/main/capabilities/payroll/matching';
import { payrollQueueSource } from '../../../src/main/capabilities/payroll/queueSource';
import { coveredOwedCents } from '../../../src/main/capabilities/payroll/reads';
import type { Db } from '../../../src/main/store/database';
import { applyApprovedGuarantorChange, insertGuarantorByHand } from '../../../src/main/capabilities/accounts';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { plansOf } from '../queryPlans';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { addArrangement, addEmployee, bigWorld } from './runSupport';
import { MAPPING, ROSTER_HEADER, payrollWorld, type PayrollWorld } from './world';

let w: PayrollWorld | undefined;
let t: TestApp | undefined;
afterEach(() => {
  w?.t.cleanup();
  t?.cleanup();
  w = undefined;
  t = undefined;
});

/** Names as a register and a roster spell them: cases, marks, apostrophes, spaces, other scripts. */
const NAMES = [
  'Smith',
  'SMITH',
  'smith',
  'Smíth',
  'Ｓｍｉｔｈ',
  "O'Brien",
  'O’Brien',
  'OBrien',
  'O Brien',
  'Mary Ann',
  'Mary-Ann',
  'MaryAnn',
  'Núñez',
  'Nunez',
  'Łukasz',
  'Lukasz',
  'Straße',
  'Strasse',
  'Иванов',
  'иванов',
  'Γιώργος',
  '王小明',
  'Jo2',
  'JO2',
  'Zoë',
  'Zoe',
  '-',
  'Müller',
  'Mueller',
];

describe('sameMatchNameSql holds for every pair of names matchName says agree', () => {
  it('over every pair of the names, and each one against itself folded', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    registerMatchName(db);
    const names = NAMES.concat(['', ' ', 'A', 'ab cd', "d'Arcy", 'ǅemal', 'İnan', 'ﬁona', 'Smith2', 'ß']);
    const same = db
      .prepare(`WITH p(name, key) AS (VALUES (?, ?)) SELECT ${sameMatchNameSql('name', 'key')} FROM p`)
      .pluck();
    for (const a of names)
      for (const b of names.concat(names.map(matchName))) {
        const key = matchName(b);
        // Never false where matchName agrees (a pair it lets through is judged by judgeMatch after).
        if (key !== '' && matchName(a) === key) expect(same.get(a, key), `${a} / ${b}`).toBe(1);
        // For a name of plain letters, exactly matchName.
        if (/^[A-Za-z]*$/.test(a))
          expect(same.get(a, key), `${a} / ${b}`).toBe(key !== '' && matchName(a) === key ? 1 : 0);
      }
  });
});

/** pendingMatches as it read before issue 18: every guarantor of the id or the date of birth, judged. */
function everyPairJudged(db: Db, employees: 'active' | 'all'): string[] {
  const status = employees === 'active' ? `AND e.status = 'active'` : '';
  const rows = db
    .prepare(
      `WITH pairs(employee_key, guarantor_key) AS (
         SELECT e.id, g.id FROM guarantors g CROSS JOIN employees e ON e.employee_number = g.employee_id
          WHERE g.employee_id IS NOT NULL AND e.guarantor_id IS NULL ${status}
         UNION
         SELECT e.id, g.id FROM employees e JOIN guarantors g ON g.date_of_birth = e.birth_date
          WHERE e.birth_date IS NOT NULL AND e.guarantor_id IS NULL ${status})
       SELECT e.id AS employee_key, e.employee_number, e.birth_date, e.first_name AS e_first, e.last_name AS e_last,
              g.id AS guarantor_key, g.first_name, g.last_name, g.date_of_birth, g.employee_id, g.is_employee
         FROM pairs p JOIN employees e ON e.id = p.employee_key JOIN guarantors g ON g.id = p.guarantor_key
        WHERE NOT EXISTS (SELECT 1 FROM employee_match_rejections r WHERE r.employee_id = e.id AND r.guarantor_id = g.id)
          AND NOT EXISTS (SELECT 1 FROM employees o WHERE o.guarantor_id = g.id)
        ORDER BY e.id, g.id`,
    )
    .all() as {
    employee_key: number;
    employee_number: string;
    birth_date: string | null;
    e_first: string;
    e_last: string;
    guarantor_key: number;
    first_name: string;
    last_name: string;
    date_of_birth: string | null;
    employee_id: string | null;
    is_employee: number;
  }[];
  return rows.flatMap((r) => {
    const judged = judgeMatch(
      { employee_number: r.employee_number, birth_date: r.birth_date, first_name: r.e_first, last_name: r.e_last },
      r,
    );
    return judged ? [`${r.employee_key}:${r.guarantor_key}:${judged.kind}:${judged.reasons.join(' ')}`] : [];
  });
}

const offered = (db: Db, employees: 'active' | 'all') =>
  pendingMatches(db, employees).map(
    (m) => `${m.employee.id}:${m.guarantor.id}:${m.judged.kind}:${m.judged.reasons.join(' ')}`,
  );

const BIRTHS = ['1971-03-09', '1984-11-30', '1990-05-17'];
const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('the matches awaiting a person are what judging every guarantor of the date of birth gave', () => {
  it('on names spelled every way, employee ids in other cases or with spaces, a rejection and a confirmed match', async () => {
    w = await payrollWorld();
    const db = w.t.app.store.db;
    // 3 × 29 guarantors: every name as a last name, a first name from the list further on.
    const lines = [COMBINED_HEADER];
    let n = 0;
    for (const birth of BIRTHS)
      NAMES.forEach((last, i) => {
        n++;
        const first = NAMES[(i * 7 + 3) % NAMES.length]!;
        lines.push(
          `X${n},MX${n},${csv(last)},${csv(first)},${birth},1 Elm St,Portland,ME,04101,,AX${n},2026-01-05,2026-01-05,outpatient,self_pay,2026-02-01,TX${n},charge,100.00,2026-01-05,,Visit`,
        );
      });
    await importSmall(w.t, lines.join('\r\n'));
    // The roster: every name as a last name and as a first name, under each date of birth (and one
    // without), the first names paired differently from the guarantors'.
    const roster = [ROSTER_HEADER];
    let k = 0;
    for (const birth of [...BIRTHS, ''])
      NAMES.forEach((name, i) => {
        k++;
        const first = NAMES[(i * 5 + 1) % NAMES.length]!;
        const last = name === '-' ? 'Dash' : name;
        roster.push(
          `E${k},${csv(last)},${csv(first)},${birth},W,15.00,,40,N,TX,${k % 13 === 0 ? 'T' : 'A'},${k % 13 === 0 ? '2026-06-01' : ''}`,
        );
      });
    await w.importRoster(roster.join('\r\n'));
    // Employee ids on guarantors' records: in another case, with spaces around (judged trimmed),
    // on a guarantor of another date of birth.
    const gid = (ext: string) =>
      db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
    db.prepare('UPDATE guarantors SET employee_id = ? WHERE id = ?').run('e3', gid('X40'));
    db.prepare('UPDATE guarantors SET employee_id = ? WHERE id = ?').run(' E5 ', gid('X9'));
    db.prepare('UPDATE guarantors SET employee_id = ? WHERE id = ?').run('E60', gid('X61'));

    const before = everyPairJudged(db, 'active');
    expect(before.length).toBeGreaterThan(40);
    expect(offered(db, 'active')).toEqual(before);
    expect(offered(db, 'all')).toEqual(everyPairJudged(db, 'all'));

    // A rejected pair and a confirmed match: gone from both alike.
    const [first, second] = pendingMatches(db);
    await w.t.call(
      'payroll:rejectMatch',
      { employeeId: first!.employee.id, guarantorId: first!.guarantor.id },
      w.clerk,
    );
    const other = pendingMatches(db).find((m) => m.employee.id !== second!.employee.id && m.judged.kind === 'exact')!;
    await w.t.call('payroll:confirmMatch', { employeeId: other.employee.id, guarantorId: other.guarantor.id }, w.clerk);
    expect(offered(db, 'active')).toEqual(everyPairJudged(db, 'active'));
    expect(offered(db, 'all')).toEqual(everyPairJudged(db, 'all'));
    expect(offered(db, 'active').length).toBeLessThan(before.length);

    // The queue offers each waiting employee once, with the first of its candidates.
    const firstOf = new Map<number, string>();
    for (const p of everyPairJudged(db, 'active')) {
      const [e, g] = p.split(':');
      if (!firstOf.has(Number(e))) firstOf.set(Number(e), g!);
    }
    const queued = payrollQueueSource
      .items(db, '2026-07-01', () => true)
      .filter((i) => i.key.startsWith('payroll:match:'))
      .map((i) => `${i.key.slice('payroll:match:'.length)}:${i.guarantorId}`);
    expect(queued).toEqual([...firstOf].map(([e, g]) => `${e}:${g}`));
  });

  it('reads the names stored folded (033): kept by every writer, and a row without them matched as before', async () => {
    w = await payrollWorld();
    const db = w.t.app.store.db;
    const lines = [COMBINED_HEADER];
    let n = 0;
    for (const birth of BIRTHS)
      NAMES.forEach((last, i) => {
        n++;
        lines.push(
          `Z${n},MZ${n},${csv(last)},${csv(NAMES[(i * 3 + 2) % NAMES.length]!)},${birth},1 Elm St,Portland,ME,04101,,AZ${n},2026-01-05,2026-01-05,outpatient,self_pay,2026-02-01,TZ${n},charge,100.00,2026-01-05,,Visit`,
        );
      });
    await importSmall(w.t, lines.join('\r\n'));
    const roster = [ROSTER_HEADER];
    let k = 0;
    for (const birth of BIRTHS)
      NAMES.forEach((name, i) => {
        k++;
        roster.push(
          `E${k},${csv(name === '-' ? 'Dash' : name)},${csv(NAMES[(i * 5 + 1) % NAMES.length]!)},${birth},W,15.00,,40,N,TX,A,`,
        );
      });
    await w.importRoster(roster.join('\r\n'));
    /** Every row's stored keys against matchName of its names: the ids of the rows that differ. */
    const stale = (table: 'guarantors' | 'employees') =>
      (
        db.prepare(`SELECT id, last_name, first_name, match_last, match_first FROM ${table}`).all() as {
          id: number;
          last_name: string;
          first_name: string;
          match_last: string | null;
          match_first: string | null;
        }[]
      ).filter((r) => r.match_last !== matchName(r.last_name) || r.match_first !== matchName(r.first_name));
    // The import and the roster write them.
    expect(stale('guarantors')).toEqual([]);
    expect(stale('employees')).toEqual([]);
    const reference = everyPairJudged(db, 'all');
    expect(reference.length).toBeGreaterThan(40);
    expect(offered(db, 'all')).toEqual(reference);

    // A name a supervisor approves (the import held it), a record made at an OB interview, the
    // roster again with other names: each written with its keys, and matched on them.
    const gid = (ext: string) =>
      db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
    applyApprovedGuarantorChange(db, gid('Z1'), 'last_name', 'Ｏ’Brien', 't');
    applyApprovedGuarantorChange(db, gid('Z2'), 'first_name', 'MARY-ANN', 't');
    applyApprovedGuarantorChange(db, gid('Z3'), 'middle_name', 'Zoë', 't');
    insertGuarantorByHand(
      db,
      {
        externalId: null,
        mrn: null,
        lastName: 'Straße',
        firstName: 'Łukasz',
        middleName: '',
        dateOfBirth: BIRTHS[1]!,
        addressLine1: '1 Elm St',
        addressLine2: '',
        city: 'Portland',
        state: 'ME',
        zip: '04101',
        phone: '',
        email: '',
        language: 'en',
      },
      't',
    );
    const again = [ROSTER_HEADER];
    k = 0;
    for (const birth of BIRTHS)
      NAMES.forEach((name, i) => {
        k++;
        again.push(
          `E${k},${csv(NAMES[(i + 9) % NAMES.length]!)},${csv(name === '-' ? 'Dash' : name)},${birth},W,15.00,,40,N,TX,A,`,
        );
      });
    await w.importRoster(again.join('\r\n'));
    expect(stale('guarantors')).toEqual([]);
    expect(stale('employees')).toEqual([]);
    const changed = everyPairJudged(db, 'all');
    expect(changed).not.toEqual(reference);
    expect(offered(db, 'all')).toEqual(changed);
    expect(offered(db, 'active')).toEqual(everyPairJudged(db, 'active'));

    // Rows without the keys (written before 033, or by hand outside rows.ts): matched as before.
    db.exec(`UPDATE guarantors SET match_last = NULL WHERE id % 3 = 0;
             UPDATE guarantors SET match_first = NULL WHERE id % 3 = 1;
             UPDATE employees SET match_last = NULL, match_first = NULL WHERE id % 2 = 0`);
    expect(offered(db, 'all')).toEqual(changed);
    expect(offered(db, 'active')).toEqual(everyPairJudged(db, 'active'));
  });

  it('the roster counts the employees with a match to confirm as before', async () => {
    w = await payrollWorld();
    const lines = [COMBINED_HEADER];
    NAMES.forEach((last, i) =>
      lines.push(
        `Y${i},MY${i},${csv(last)},${csv(NAMES[(i + 4) % NAMES.length]!)},${BIRTHS[i % 3]},1 Elm St,Portland,ME,04101,,AY${i},2026-01-05,2026-01-05,outpatient,self_pay,2026-02-01,TY${i},charge,100.00,2026-01-05,,Visit`,
      ),
    );
    await importSmall(w.t, lines.join('\r\n'));
    const roster = [ROSTER_HEADER];
    NAMES.forEach((name, i) =>
      roster.push(
        `R${i},${csv(name === '-' ? 'Dash' : name)},${csv(NAMES[(i + 9) % NAMES.length]!)},${BIRTHS[(i + 1) % 3]},W,15.00,,40,N,TX,A,`,
      ),
    );
    const report = (await w.t.call(
      'payroll:rosterImport',
      { uploadId: await w.upload(roster.join('\r\n')), mapping: MAPPING },
      w.clerk,
    )) as { toConfirm: number };
    const db = w.t.app.store.db;
    const waiting = new Set(everyPairJudged(db, 'active').map((p) => p.split(':')[0]));
    expect(report.toConfirm).toBe(waiting.size);
    expect(report.toConfirm).toBeGreaterThan(5);
  });
});

describe('the payroll queue reads by index at a million guarantors', () => {
  it('the guarantors of an employee’s date of birth are read from the match’s own index of the date and the folded names; none is scanned', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const statements = plansOf(db, () => payrollQueueSource.items(db, '2026-11-26', () => true));
    const pending = statements.find((s) => s.sql.includes('unmatched AS MATERIALIZED'))!.plan;
    // Migration 033: the names stored folded, read from the match's own index alone.
    expect(pending).toMatch(/SEARCH g USING COVERING INDEX guarantors_match \(date_of_birth=\?/);
    expect(pending).toMatch(/SCAN g USING COVERING INDEX guarantors_employee_id/);
    expect(pending).toMatch(/SEARCH g USING INDEX guarantors_match_unset \(date_of_birth=\?\)/);
    expect(pending).toMatch(/SEARCH e USING INDEX sqlite_autoindex_employees_1 \(employee_number=\?\)/);
    for (const { sql, plan } of statements) {
      expect(plan, sql).not.toMatch(/SCAN g\b(?! USING (COVERING )?INDEX)/);
      expect(plan, sql).not.toMatch(/SCAN (accounts|guarantors)$/m);
    }
  });
});

describe('the payroll queue reads what its arrangements owe at once', () => {
  it('each item’s amount is coveredOwedCents of its arrangement (PD-01 limits worked out once per pay and date)', async () => {
    const b = await bigWorld('2026-07-01');
    t = b.t;
    b.db
      .prepare(
        "INSERT INTO wage_floors (jurisdiction, effective_from, minimum_wage_cents, source, created_at) VALUES ('OK', '2020-01-01', 725, 'test', 't')",
      )
      .run();
    // Jane (two accounts), John at the floor (can take nothing), Ana and Bo with the same pay in
    // OK (one limit for both), Di's account paid (owes nothing: no item), Cy by bank transfer.
    const people: [number, number[], Partial<Parameters<typeof addEmployee>[1]>][] = [
      [b.jane, [b.a1, b.a2], { frequency: 'weekly' }],
      [b.john, [b.a3], { rateCents: 725 }],
      [b.ana, [b.a4], { state: 'OK', rateCents: 1800 }],
      [b.bo, [b.a5], { state: 'OK', rateCents: 1800 }],
      [b.di, [b.a7], {}],
    ];
    const ids = people.map(([g, accounts, facts], i) =>
      addArrangement(b.t, {
        guarantorId: g,
        employeeId: addEmployee(b.db, { number: `E${i}`, guarantorId: g, ...facts }),
        accountIds: accounts,
        amountCents: 1000,
        firstDate: '2026-06-19',
        frequency: facts.frequency ?? 'biweekly',
      }),
    );
    const cy = addArrangement(b.t, {
      guarantorId: b.cy,
      method: 'bank',
      accountIds: [b.a6],
      amountCents: 1000,
      firstDate: '2026-06-19',
      frequency: 'weekly',
      bank: { holder: 'Cy Diaz', routing: '021000021', account: '12345678', type: 'checking' },
    });
    const items = payrollQueueSource.items(b.db, '2026-07-01', () => true);
    const byArrangement = (id: number) => items.filter((i) => new RegExp(`^payroll:\\w+:${id}(:|$)`).test(i.key));
    for (const id of [...ids, cy]) {
      const owed = coveredOwedCents(b.db, id);
      for (const i of byArrangement(id)) expect(i.amountCents, i.key).toBe(owed);
      if (owed === 0) expect(byArrangement(id)).toEqual([]);
      else expect(byArrangement(id).length, String(id)).toBeGreaterThan(0);
    }
    expect(coveredOwedCents(b.db, ids[4]!)).toBe(0);
    expect(items.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        `payroll:nothing:${ids[1]}`,
        `payroll:missedDate:${ids[0]}:2026-06-26`,
        `payroll:stateRow:${ids[0]}`,
      ]),
    );
    expect(items.some((i) => i.key === `payroll:stateRow:${ids[2]}`)).toBe(false);
  });
});

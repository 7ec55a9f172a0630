import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/main/store/database';
import {
  LATEST_VERSION,
  migrate,
  MIGRATIONS,
  NewerDatabaseError,
  schemaVersion,
  type Migration,
} from '../../../src/main/store/migrations';
import { newDataKey } from '../../../src/main/store/keySlots';
import { tempDir } from '../support';

function freshDb() {
  return openEncrypted(path.join(tempDir(), 'm.db'), newDataKey());
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates users, settings, meta and an append-only audit trail', () => {
    const db = freshDb();
    expect(migrate(db, 1)).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'meta', 'settings', 'users']));
    db.prepare(
      `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('a','A','clerk','t','t')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('A','B','clerk','t','t')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('c','C','boss','t','t')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO audit_events (id, at, channel, kind, outcome, prev_hash, hash) VALUES (1,'t','c','auth','ok','0','h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_events SET outcome = 'x'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare(`DELETE FROM audit_events`).run()).toThrow(/cannot be deleted/);
    db.close();
  });

  it('running again applies nothing', () => {
    const db = freshDb();
    migrate(db);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const db = freshDb();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    db.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = freshDb();
    const registry: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') },
      { version: LATEST_VERSION + 2, name: 'fails', up: (d) => d.exec('CREATE TABLE broken (') },
    ];
    expect(() => migrate(db, LATEST_VERSION + 2, registry)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('002: accounts, ledger and the rest of the clerk’s data', () => {
  it('migrates a version-1 database with its users intact', () => {
    const db = freshDb();
    migrate(db, 1);
    db.prepare(
      `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('a','A','clerk','t','t')`,
    ).run();
    expect(migrate(db, 2)).toEqual([2]);
    expect(db.prepare('SELECT username FROM users').pluck().all()).toEqual(['a']);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'guarantors',
        'accounts',
        'ledger_entries',
        'payments',
        'activities',
        'tasks',
        'documents',
        'import_profiles',
        'import_batches',
        'name_tokens',
      ]),
    );
    db.close();
  });

  it('keeps money in whole cents with the sign its type calls for, and the ledger immutable', () => {
    const db = freshDb();
    migrate(db);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (id, account_number, guarantor_id, service_from, service_to, service_type, payer_class, created_at, updated_at) VALUES (1, 'A1', 1, '2026-01-01', '2026-01-02', 'inpatient', 'medicare', 't', 't')`,
    ).run();
    const entry = db.prepare(
      `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at) VALUES (1, ?, ?, '2026-01-02', 't')`,
    );
    entry.run('charge', 1000);
    entry.run('patient_payment', -500);
    entry.run('administrative_adjustment', -5);
    entry.run('administrative_adjustment', 5);
    for (const [type, amount] of [
      ['charge', -1],
      ['refund', -1],
      ['patient_payment', 1],
      ['bad_debt_writeoff', 10],
      ['charge', 0],
      ['charge', 1.5],
    ] as const) {
      expect(() => entry.run(type, amount), `${type} ${amount}`).toThrow();
    }
    expect(() =>
      db
        .prepare(
          `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at) VALUES (1, 'reversal', -1000, '2026-01-02', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reverses_id) VALUES (1, 'reversal', -1000, '2026-01-02', 't', 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reverses_id) VALUES (1, 'reversal', -1000, '2026-01-02', 't', 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE ledger_entries SET memo = 'x'`).run()).toThrow(/reverse them/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO accounts (account_number, guarantor_id, service_from, service_to, service_type, payer_class, created_at, updated_at) VALUES ('A2', 1, '2026-02-01', '2026-01-01', 'inpatient', 'medicare', 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('answers the clerk’s lookups from indexes', () => {
    const db = freshDb();
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    expect(plan(`SELECT guarantor_id FROM name_tokens WHERE token >= 'smi' AND token < 'smi\uffff'`)).toMatch(
      /SEARCH name_tokens USING (COVERING )?(PRIMARY KEY|INDEX)/,
    );
    expect(plan(`SELECT * FROM ledger_entries WHERE account_id = 1`)).toMatch(
      /SEARCH ledger_entries USING INDEX ledger_account/,
    );
    expect(plan(`SELECT * FROM ledger_entries WHERE external_id = 'T1'`)).toMatch(/USING INDEX ledger_external/);
    expect(plan(`SELECT * FROM accounts WHERE account_number = 'A1'`)).toMatch(/USING INDEX sqlite_autoindex_accounts/);
    expect(plan(`SELECT * FROM guarantors WHERE phone = '2075550142'`)).toMatch(/USING INDEX guarantors_phone/);
    // The date-of-birth index, or the payroll match's (033), narrower, also keyed by the date.
    expect(plan(`SELECT * FROM guarantors WHERE date_of_birth = '1980-01-01'`)).toMatch(
      /USING INDEX guarantors_(dob|match)\b/,
    );
    expect(plan(`SELECT * FROM guarantors WHERE mrn = 'M1'`)).toMatch(/USING INDEX guarantors_mrn/);
    expect(plan(`DELETE FROM name_tokens WHERE guarantor_id = 1`)).toMatch(
      /USING (COVERING )?INDEX name_tokens_guarantor/,
    );
    db.close();
  });
});

describe('003 and 004', () => {
  it('003 adds payment plans with their policy, schedule, events, letters, promises and work log', () => {
    const db = freshDb();
    migrate(db, 2);
    expect(migrate(db, 3)).toEqual([3]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'plan_policies',
        'plans',
        'plan_accounts',
        'plan_installments',
        'plan_events',
        'plan_letters',
        'promises',
        'work_log',
      ]),
    );
    // A plan outside its tier must carry its approver.
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO plan_policies (id, effective_from, policy, created_at) VALUES (1, '1900-01-01', '{}', 't')`,
    ).run();
    const plan = db.prepare(
      `INSERT INTO plans (guarantor_id, policy_id, status, status_since, start_date, balance_cents, down_payment_cents, frequency, first_due_date, installment_cents, installment_count, within_tier, fap_answer, created_at)
       VALUES (1, 1, 'current', 'd', 'd', 100, 0, 'monthly', 'd', 50, 2, ?, 'declined', 't')`,
    );
    expect(() => plan.run(0)).toThrow(/CHECK/);
    plan.run(1);
    db.close();
  });

  it('004 adds the final-notice date and the ECA register', () => {
    const db = freshDb();
    migrate(db, 3);
    expect(migrate(db, 4)).toEqual([4]);
    const columns = (db.prepare(`PRAGMA table_info(accounts)`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('final_notice_date');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['eca_attempts', 'eca_releases']));
    db.close();
  });
});

describe('005', () => {
  it('adds holds with an end date that is not before the day placed', () => {
    const db = freshDb();
    migrate(db, 4);
    expect(migrate(db, 5)).toEqual([5]);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    const hold = db.prepare(
      `INSERT INTO holds (guarantor_id, reason, placed_on, until) VALUES (1, ?, '2026-11-26', ?)`,
    );
    hold.run('dispute', '2026-12-01');
    expect(() => hold.run('dispute', '2026-11-25')).toThrow(/CHECK/);
    expect(() => hold.run('vacation', null)).toThrow(/CHECK/);
    db.close();
  });
});

describe('006', () => {
  it('adds statement runs and statements, one per guarantor a day', () => {
    const db = freshDb();
    migrate(db, 5);
    expect(migrate(db, 6)).toEqual([6]);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO statement_runs (id, run_date, started_at, finished_at, counts) VALUES (1, 'd', 't', 't', '{}')`,
    ).run();
    const st = db.prepare(
      `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256) VALUES (1, 1, '2026-11-26', 1, 'regular', 'd', 100, '{}', 'h')`,
    );
    st.run();
    expect(() => st.run()).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('007', () => {
  it('adds the compliance issue log, which keeps a resolution with every resolved issue', () => {
    const db = freshDb();
    migrate(db, 6);
    expect(migrate(db, 7)).toEqual([7]);
    const add = db.prepare(
      `INSERT INTO compliance_issues (category, description, reported_on, status, resolution) VALUES ('other', 'x', 'd', ?, ?)`,
    );
    add.run('open', null);
    expect(() => add.run('resolved', null)).toThrow(/CHECK/);
    db.close();
  });
});

describe('008', () => {
  it('records the accounts on each statement, filled in for statements already sent from their snapshots', () => {
    const db = freshDb();
    migrate(db, 7);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    const account = db.prepare(
      `INSERT INTO accounts (id, guarantor_id, account_number, service_from, service_to, service_type, payer_class, created_at, updated_at)
       VALUES (?, 1, ?, '2026-01-01', '2026-01-01', 'outpatient', 'self_pay', 't', 't')`,
    );
    account.run(1, 'A1');
    account.run(2, 'A2');
    db.prepare(
      `INSERT INTO statement_runs (id, run_date, started_at, finished_at, counts) VALUES (1, 'd', 't', 't', '{}')`,
    ).run();
    const snapshot = JSON.stringify({
      accounts: [
        { accountNumber: 'A1', balanceCents: 700 },
        { accountNumber: 'a2', balanceCents: 300 },
      ],
    });
    db.prepare(
      `INSERT INTO statements (id, run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256)
       VALUES (9, 1, 1, '2026-11-26', 4, 'final_notice', 'd', 1000, ?, 'h')`,
    ).run(snapshot);
    expect(migrate(db, 8)).toEqual([8]);
    expect(db.prepare('SELECT * FROM statement_accounts ORDER BY account_id').all()).toEqual([
      { statement_id: 9, account_id: 1, step: 'final_notice', number: 4, balance_cents: 700 },
      { statement_id: 9, account_id: 2, step: 'final_notice', number: 4, balance_cents: 300 },
    ]);
    const add = db.prepare(
      'INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (9, ?, ?, ?, 0)',
    );
    expect(() => add.run(1, 'regular', 1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare(`UPDATE statements SET sha256 = 'x'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM statements').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE statement_accounts SET number = 1').run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM statement_accounts').run()).toThrow(/cannot be deleted/);
    db.exec('DROP TRIGGER statement_accounts_no_delete');
    db.prepare('DELETE FROM statement_accounts').run();
    expect(() => add.run(1, 'after_notice', 2)).toThrow(/CHECK/);
    expect(() => add.run(1, 'regular', null)).toThrow(/CHECK/);
    add.run(1, 'after_notice', null);
    db.close();
  });
});

describe('009', () => {
  it('adds the financial-assistance history, with the statuses a guarantor can have', () => {
    const db = freshDb();
    migrate(db, 8);
    expect(migrate(db, 9)).toEqual([9]);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    const add = db.prepare(
      `INSERT INTO fap_history (guarantor_id, status, status_date, recorded_at) VALUES (1, ?, '2026-11-26', 't')`,
    );
    add.run('pending');
    add.run('approved_partial');
    expect(() => add.run('maybe')).toThrow(/CHECK/);
    db.close();
  });
});

describe('010', () => {
  it('links each payment to its receipt, carries the daily jobs’ days over, and renames tasks to follow-ups', () => {
    const db = freshDb();
    migrate(db, 9);
    db.exec(`
      INSERT INTO users (id, username, full_name, role, created_at, password_changed_at) VALUES (1, 'a', 'A', 'clerk', 't', 't');
      INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't');
      INSERT INTO payments (id, receipt_number, guarantor_id, method, amount_cents, effective_date, received_by, created_at)
        VALUES (1, 'R20261126-0001', 1, 'cash', 500, '2026-11-26', 1, 't'), (2, 'R20261126-0002', 1, 'cash', 700, '2026-11-26', 1, 't');
      INSERT INTO documents (id, guarantor_id, kind, title, file_name, mime_type, sha256, bytes, created_at)
        VALUES (7, 1, 'payment_receipt', 'Payment receipt R20261126-0001', 'receipt-R20261126-0001.pdf', 'application/pdf', 'h', x'00', 't');
      INSERT INTO tasks (guarantor_id, title, due_date, created_at) VALUES (1, 'Call back', '2026-12-01', 't');
      INSERT INTO work_log (item_key, worked_on, user_id, outcome, at) VALUES ('task:1', '2026-11-26', 1, 'called', 't'), ('promise:2', '2026-11-26', 1, 'called', 't');
      INSERT INTO meta (key, value) VALUES ('plans_last_run', '2026-11-25'), ('last_daily_backup', '2026-11-24');
    `);
    expect(migrate(db, 10)).toEqual([10]);
    expect(db.prepare('SELECT id, receipt_document_id FROM payments ORDER BY id').all()).toEqual([
      { id: 1, receipt_document_id: 7 },
      { id: 2, receipt_document_id: null },
    ]);
    expect(db.prepare(`SELECT key, value FROM meta WHERE key LIKE 'daily_job:%' ORDER BY key`).all()).toEqual([
      { key: 'daily_job:daily-backup', value: '2026-11-24' },
      { key: 'daily_job:lapse-check', value: '2026-11-25' },
    ]);
    expect(
      db.prepare(`SELECT count(*) FROM meta WHERE key IN ('plans_last_run','last_daily_backup')`).pluck().get(),
    ).toBe(0);
    expect(db.prepare('SELECT title FROM follow_ups').pluck().all()).toEqual(['Call back']);
    const indexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'follow_ups'`)
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['follow_ups_guarantor', 'follow_ups_due']));
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'tasks%'`).all()).toEqual([]);
    // A follow-up worked on the day of the upgrade stays worked (its queue key follows the rename).
    expect(db.prepare('SELECT item_key FROM work_log ORDER BY id').pluck().all()).toEqual(['followUp:1', 'promise:2']);
    db.close();
  });
});

describe('011', () => {
  it('makes every guarantor’s name tokens again, in any script, with plain spellings and CJK suffixes', () => {
    const db = freshDb();
    migrate(db, 10);
    db.exec(`
      INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES
        (1, 'Żółkiewski', 'Łukasz', 't', 't'), (2, 'Петрова', 'Ирина', 't', 't'), (3, '王', '小明', 't', 't'),
        (4, 'Smith', 'Jane', 't', 't');
      -- The tokens version 10 made: a-z and digits only (Cyrillic and Chinese names had none).
      INSERT INTO name_tokens (token, guarantor_id) VALUES ('ukasz', 1), ('zoikiewski', 1), ('smith', 4), ('jane', 4);
    `);
    expect(migrate(db, 11)).toEqual([11]);
    const tokens = (id: number) =>
      db.prepare('SELECT token FROM name_tokens WHERE guarantor_id = ? ORDER BY token').pluck().all(id);
    expect(tokens(1)).toEqual(['lukasz', 'zolkiewski']);
    expect(tokens(2)).toEqual(['ирина', 'петрова']);
    expect(tokens(3)).toEqual(['小明', '明', '王', '王小明']);
    expect(tokens(4)).toEqual(['jane', 'smith']);
    // A part of a Chinese name is looked up by the same index range as any other word.
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT guarantor_id FROM name_tokens WHERE token >= ? AND token < ?`)
        .all('小', '小\u{10ffff}') as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' / ');
    expect(plan).toMatch(/SEARCH name_tokens USING (COVERING )?(PRIMARY KEY|INDEX)/);
    db.close();
  });
});

describe('019', () => {
  it('021 widens the ledger to court costs in place on a database with entries, and seeds the court tables', () => {
    const db = freshDb();
    migrate(db, 20);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (id, account_number, guarantor_id, service_from, service_to, service_type, payer_class, created_at, updated_at) VALUES (1, 'A1', 1, '2026-01-01', '2026-01-02', 'inpatient', 'self_pay', 't', 't')`,
    ).run();
    const entry = db.prepare(
      `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at) VALUES (1, ?, ?, '2026-01-02', 't')`,
    );
    entry.run('charge', 1000);
    expect(() => entry.run('court_costs', 500)).toThrow(/CHECK/);
    expect(migrate(db, 21)).toEqual([21]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Court costs raise the balance: positive only; every older check still holds.
    entry.run('court_costs', 500);
    for (const [type, amount] of [
      ['court_costs', -500],
      ['charge', -1],
      ['patient_payment', 1],
      ['nonsense', 1],
    ] as const)
      expect(() => entry.run(type, amount), `${type} ${amount}`).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE ledger_entries SET memo = 'x'`).run()).toThrow(/reverse them/);
    expect(db.prepare('SELECT type, amount_cents FROM ledger_entries ORDER BY id').all()).toEqual([
      { type: 'charge', amount_cents: 1000 },
      { type: 'court_costs', amount_cents: 500 },
    ]);
    // The limit and limitation tables come seeded from the brief (rules §3.1, §3.2).
    expect(
      db
        .prepare(
          "SELECT entity_limit_cents, large_claim_cents, large_claims_per_year FROM court_limits WHERE state = 'CA'",
        )
        .get(),
    ).toEqual({ entity_limit_cents: 625_000, large_claim_cents: 250_000, large_claims_per_year: 2 });
    expect(db.prepare('SELECT count(DISTINCT state) FROM court_limitations').pluck().get()).toBe(10);
    // The indexes of the ledger survived the change of its text.
    expect(
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_entries'")
        .pluck()
        .get(),
    ).toBeGreaterThanOrEqual(5);
    db.close();
  });

  it('adds agencies, placements (one open per account), recall files, ECA requests and remittances', () => {
    const db = freshDb();
    migrate(db, 18);
    expect(migrate(db, 19)).toEqual([19]);
    db.exec(`
      INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't');
      INSERT INTO accounts (id, guarantor_id, account_number, service_from, service_to, service_type, payer_class, created_at, updated_at)
        VALUES (1, 1, 'A1', '2026-01-01', '2026-01-01', 'outpatient', 'self_pay', 't', 't');
      INSERT INTO agencies (id, name, recall_days, remittance_method, created_at, updated_at) VALUES (1, 'Acme', 180, 'gross', 't', 't');
      INSERT INTO placement_batches (id, agency_id, kind, method, status, built_on, built_at) VALUES (1, 1, 'primary', 'hand', 'draft', 'd', 't');
    `);
    expect(() =>
      db.exec(
        `INSERT INTO agencies (name, recall_days, remittance_method, created_at, updated_at) VALUES ('ACME', 180, 'net', 't', 't')`,
      ),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        `INSERT INTO agencies (name, recall_days, remittance_method, created_at, updated_at) VALUES ('B', 10, 'net', 't', 't')`,
      ),
    ).toThrow(/CHECK/);
    const propose = db.prepare(
      `INSERT INTO placements (batch_id, agency_id, account_id, guarantor_id, kind, status, proposed_cents) VALUES (1, 1, 1, 1, 'primary', 'proposed', 100)`,
    );
    propose.run();
    // An account is in one draft or with one agency at a time.
    expect(() => propose.run()).toThrow(/UNIQUE/);
    // A placed row carries its date; a returned one its reason.
    expect(() => db.exec(`UPDATE placements SET status = 'placed'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE placements SET status = 'returned', placed_on = '2026-12-01'`)).toThrow(/CHECK/);
    db.close();
  });
});

describe('022', () => {
  it('widens plans and promises to "suspended" in place on a database with rows, and seeds the probate table', () => {
    const db = freshDb();
    migrate(db, 21);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO plan_policies (id, effective_from, policy, created_at) VALUES (1, '2026-01-01', '{}', 't')`,
    ).run();
    const plan = db.prepare(
      `INSERT INTO plans (guarantor_id, policy_id, status, status_since, start_date, balance_cents, down_payment_cents, frequency,
         first_due_date, installment_cents, installment_count, within_tier, fap_answer, created_at)
       VALUES (1, 1, ?, '2026-01-01', '2026-01-01', 1000, 0, 'monthly', '2026-02-01', 500, 2, 1, 'declined', 't')`,
    );
    const promise = db.prepare(
      `INSERT INTO promises (guarantor_id, amount_cents, promised_on, due_date, status, created_at) VALUES (1, 100, '2026-01-01', '2026-01-05', ?, 't')`,
    );
    plan.run('current');
    promise.run('open');
    expect(() => plan.run('suspended')).toThrow(/CHECK/);
    expect(() => promise.run('suspended')).toThrow(/CHECK/);
    expect(migrate(db, 22)).toEqual([22]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    plan.run('suspended');
    promise.run('suspended');
    expect(() => plan.run('nonsense')).toThrow(/CHECK/);
    expect(() => promise.run('nonsense')).toThrow(/CHECK/);
    expect(db.prepare('SELECT status FROM plans ORDER BY id').pluck().all()).toEqual(['current', 'suspended']);
    // PR-01/PR-02 from the brief: the UPC default and the state variations, with effective dates.
    expect(
      db.prepare("SELECT notice_months, mailed_days, outer_months FROM probate_rules WHERE state = '*'").get(),
    ).toEqual({ notice_months: 4, mailed_days: 60, outer_months: 12 });
    expect(db.prepare("SELECT outer_months FROM probate_rules WHERE state = 'AZ'").pluck().get()).toBe(24);
    expect(db.prepare("SELECT notice_months FROM probate_rules WHERE state = 'UT'").pluck().get()).toBe(3);
    expect(db.prepare("SELECT mailed_days FROM probate_rules WHERE state = 'MT'").pluck().get()).toBe(30);
    expect(db.prepare("SELECT outer_months FROM probate_rules WHERE state = 'VT'").pluck().get()).toBe(36);
    // The partial index on active plans survived the change of the table's text.
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'plans_active'").pluck().get(),
    ).toBe(1);
  });
});

describe('023', () => {
  it('adds the remittance and bad-debt tables to a database with accounts; one write-off open per account', () => {
    const db = freshDb();
    migrate(db, 22);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (id, account_number, guarantor_id, service_from, service_to, service_type, payer_class, created_at, updated_at)
       VALUES (1, 'A1', 1, '2026-01-02', '2026-01-04', 'inpatient', 'medicare', 't', 't')`,
    ).run();
    expect(migrate(db, 23)).toEqual([23]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const propose = db.prepare(
      `INSERT INTO bad_debt_writeoffs (account_id, status, ceased_on, deductible_cents, coinsurance_cents, paid_prior_cents,
         amount_cents, proposed_at, written_off_on, ledger_entry_id, decided_at)
       VALUES (1, ?, '2026-06-01', 100, 0, 0, 100, 't', NULL, NULL, NULL)`,
    );
    propose.run('proposed');
    // BD-09: one write-off in progress or standing per account.
    expect(() => propose.run('proposed')).toThrow(/UNIQUE/);
    // An approved write-off carries its ledger entry and date; proposed ones carry neither.
    expect(() => db.exec(`UPDATE bad_debt_writeoffs SET status = 'approved', decided_at = 't'`)).toThrow(/CHECK/);
    // "AD" needs its note (BD-10).
    expect(() =>
      db.exec(`INSERT INTO bad_debt_facts (account_id, medicaid_ad, updated_at) VALUES (1, 1, 't')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('024', () => {
  it('adds the roster, the wage floor, arrangements and runs; one live arrangement per guarantor; bank details only sealed', () => {
    const db = freshDb();
    migrate(db, 23);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    expect(migrate(db, 24)).toEqual([24]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // PD-01: the federal row ships ($7.25 an hour; $684 a week for an exempt salary).
    expect(
      db
        .prepare("SELECT minimum_wage_cents, exempt_weekly_salary_cents FROM wage_floors WHERE jurisdiction = 'US'")
        .get(),
    ).toEqual({ minimum_wage_cents: 725, exempt_weekly_salary_cents: 68400 });
    db.exec(`INSERT INTO employees (id, employee_number, last_name, first_name, pay_frequency, pay_type, hourly_rate_cents,
               weekly_hours_centi, exempt, work_state, status, created_at, updated_at)
             VALUES (1, 'E1', 'S', 'J', 'biweekly', 'hourly', 1500, 4000, 0, 'TX', 'active', 't', 't')`);
    // A termination says who recorded it (a roster or a clerk by hand); an active employee has none.
    expect(() =>
      db.exec(`UPDATE employees SET status = 'terminated', terminated_on = '2026-06-30' WHERE id = 1`),
    ).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE employees SET termination_source = 'roster' WHERE id = 1`)).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `UPDATE employees SET status = 'terminated', terminated_on = '2026-06-30', termination_source = 'payroll' WHERE id = 1`,
      ),
    ).toThrow(/CHECK/);
    db.exec(
      `UPDATE employees SET status = 'terminated', terminated_on = '2026-06-30', termination_source = 'clerk' WHERE id = 1`,
    );
    db.exec(`UPDATE employees SET status = 'active', terminated_on = NULL, termination_source = NULL WHERE id = 1`);
    // An hourly employee has a rate and no salary.
    expect(() =>
      db.exec(`INSERT INTO employees (employee_number, last_name, first_name, pay_frequency, pay_type, annual_salary_cents,
                 weekly_hours_centi, exempt, work_state, status, created_at, updated_at)
               VALUES ('E2', 'S', 'J', 'weekly', 'hourly', 5000000, 4000, 0, 'TX', 'active', 't', 't')`),
    ).toThrow(/CHECK/);
    const arrange = db.prepare(
      `INSERT INTO deduction_arrangements (guarantor_id, method, employee_id, amount_cents, frequency, first_date, total_cents, status, created_at)
       VALUES (1, 'payroll', 1, 2500, 'biweekly', '2026-07-03', 10000, 'awaiting_signature', 't')`,
    );
    arrange.run();
    expect(() => arrange.run()).toThrow(/UNIQUE/);
    // PD-02: active only with the signature recorded.
    expect(() => db.exec(`UPDATE deduction_arrangements SET status = 'active'`)).toThrow(/CHECK/);
    // A bank transfer without its sealed account number is refused.
    db.exec(`UPDATE deduction_arrangements SET status = 'cancelled', ended_on = '2026-07-01'`);
    expect(() =>
      db.exec(`INSERT INTO deduction_arrangements (guarantor_id, method, amount_cents, frequency, first_date, total_cents, status, created_at,
                 bank_holder_name, bank_account_type, bank_routing, bank_account_last4)
               VALUES (1, 'bank', 2500, 'monthly', '2026-07-03', 10000, 'awaiting_signature', 't', 'J S', 'checking', '011000015', '6789')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('025', () => {
  it('adds OB cases with their versions, deposits, delivery accounts and statements; one live case per guarantor', () => {
    const db = freshDb();
    migrate(db, 24);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't')`,
    ).run();
    expect(migrate(db, 25)).toEqual([25]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every guarantor the extract brought keeps its origin; one made at an interview says so.
    expect(db.prepare('SELECT origin FROM guarantors WHERE id = 1').pluck().get()).toBe('extract');
    expect(() => db.exec(`UPDATE guarantors SET origin = 'typed' WHERE id = 1`)).toThrow(/CHECK/);
    const open = db.prepare(
      `INSERT INTO ob_cases (guarantor_id, status, fap_screening, created_at) VALUES (1, 'awaiting_signature', 'declined', 't')`,
    );
    open.run();
    // PP-04: one pregnancy before delivery at a time.
    expect(() => open.run()).toThrow(/UNIQUE/);
    // Active only with the signature recorded; closed only with the true-up.
    expect(() => db.exec(`UPDATE ob_cases SET status = 'active'`)).toThrow(/CHECK/);
    db.exec(`UPDATE ob_cases SET status = 'active', signed_on = '2026-03-01'`);
    expect(() => db.exec(`UPDATE ob_cases SET status = 'delivered'`)).toThrow(/CHECK/);
    db.exec(`UPDATE ob_cases SET status = 'delivered', delivered_on = '2026-09-01'`);
    expect(() => db.exec(`UPDATE ob_cases SET status = 'closed'`)).toThrow(/CHECK/);
    // A deposit is applied only with its ledger payment.
    db.exec(`INSERT INTO ob_deposits (case_id, receipt_number, amount_cents, received_on, method, created_at, status)
             VALUES (1, 'OB20260301-0001', 10000, '2026-03-01', 'cash', 't', 'held')`);
    expect(() => db.exec(`UPDATE ob_deposits SET status = 'applied', applied_on = '2026-09-05'`)).toThrow(/CHECK/);
    db.close();
  });
});

describe('026', () => {
  it('keeps every name token with its guarantor’s name and tokens, and follows a renamed guarantor', () => {
    const db = freshDb();
    migrate(db, 25);
    db.exec(`
      INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES
        (1, 'Smith', 'Jane', 't', 't'), (2, '王', '小明', 't', 't'), (3, 'Nobody', 'Without', 't', 't');
      INSERT INTO name_tokens (token, guarantor_id) VALUES
        ('smith', 1), ('jane', 1), ('王小明', 2), ('小明', 2), ('明', 2), ('王', 2);
    `);
    expect(migrate(db, 26)).toEqual([26]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db
      .prepare(
        'SELECT token, guarantor_id, last_name, first_name, all_tokens FROM name_tokens ORDER BY guarantor_id, token',
      )
      .all() as { token: string; guarantor_id: number; last_name: string; first_name: string; all_tokens: string }[];
    expect(rows.map((r) => [r.token, r.guarantor_id, r.last_name, r.first_name])).toEqual([
      ['jane', 1, 'Smith', 'Jane'],
      ['smith', 1, 'Smith', 'Jane'],
      ['小明', 2, '王', '小明'],
      ['明', 2, '王', '小明'],
      ['王', 2, '王', '小明'],
      ['王小明', 2, '王', '小明'],
    ]);
    // Every row of a guarantor has all of its tokens, each after a space (order aside).
    for (const r of rows) {
      const all = r.all_tokens.split(' ');
      expect(all[0]).toBe('');
      expect(all.slice(1).sort()).toEqual(
        rows
          .filter((o) => o.guarantor_id === r.guarantor_id)
          .map((o) => o.token)
          .sort(),
      );
    }
    // A renamed guarantor's rows follow the name the results are ordered by; other changes leave them be.
    db.exec(`UPDATE guarantors SET last_name = 'Smythe' WHERE id = 1`);
    db.exec(`UPDATE guarantors SET city = 'Bangor' WHERE id = 2`);
    expect(db.prepare('SELECT DISTINCT last_name FROM name_tokens WHERE guarantor_id = 1').pluck().all()).toEqual([
      'Smythe',
    ]);
    expect(db.prepare('SELECT DISTINCT last_name FROM name_tokens WHERE guarantor_id = 2').pluck().all()).toEqual([
      '王',
    ]);
    // Still one row per token and guarantor, and a token's guarantors found by the guarantor index.
    expect(() =>
      db.exec(
        `INSERT INTO name_tokens (token, guarantor_id, last_name, first_name, all_tokens) VALUES ('jane', 1, 'S', 'J', ' jane')`,
      ),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN DELETE FROM name_tokens WHERE guarantor_id = 1').all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' / ');
    expect(plan).toMatch(/USING (COVERING )?INDEX name_tokens_guarantor/);
    db.close();
  });
});

describe('027', () => {
  // Its indexes only, checked on a database at 025.
  it('adds the aging report’s index of accounts with a balance and the guarantors whose mail came back', async () => {
    const { migration027 } = await import('../../../src/main/store/migrations/027_reports_indexes');
    const db = freshDb();
    migrate(db, 25);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at, mail_returned_on) VALUES (1, 'S', 'J', 't', 't', '2026-11-01')`,
    ).run();
    db.transaction(() => migration027.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan('SELECT payer_class, service_to, sum(balance_cents) FROM accounts WHERE balance_cents <> 0 GROUP BY 1, 2'),
    ).toMatch(/COVERING INDEX accounts_aging/);
    expect(
      plan(`SELECT id FROM guarantors WHERE mail_returned_on IS NOT NULL AND mail_returned_on <= '2026-11-26'`),
    ).toMatch(/INDEX guarantors_mail_returned/);
    db.close();
  });
});

describe('028', () => {
  // Its indexes only, checked on a database at 027.
  it('adds the statement run’s guarantors in ZIP and name order, their accounts, and the guarantors by last change', async () => {
    const { migration028 } = await import('../../../src/main/store/migrations/028_statement_selection');
    const db = freshDb();
    migrate(db, 27);
    db.prepare(
      `INSERT INTO guarantors (id, last_name, first_name, zip, balance_cents, created_at, updated_at) VALUES (1, 'S', 'J', '04101', 500, 't', 't')`,
    ).run();
    db.transaction(() => migration028.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    const order = plan(
      `SELECT id, zip, first_name, middle_name, last_name, deceased, bankruptcy, fap_status, mail_returned_on
         FROM guarantors WHERE balance_cents > 0 ORDER BY zip, last_name, first_name, id`,
    );
    expect(order).toMatch(/COVERING INDEX guarantors_statement_order/);
    expect(order).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        `SELECT id, guarantor_id, balance_cents, final_notice_date IS NOT NULL FROM accounts WHERE abs(balance_cents) > 0
          ORDER BY guarantor_id, service_from, id`,
      ),
    ).toMatch(/^SCAN accounts USING COVERING INDEX accounts_statement$/);
    // The aging report's accounts with a balance ('<> 0') stay with accounts_aging.
    expect(plan('SELECT coalesce(sum(balance_cents), 0) FROM accounts WHERE balance_cents <> 0')).toMatch(
      /COVERING INDEX accounts_aging/,
    );
    expect(plan('SELECT max(updated_at) FROM guarantors')).toMatch(
      /SEARCH guarantors USING COVERING INDEX guarantors_updated/,
    );
    db.close();
  });
});

describe('029', () => {
  // Its indexes only, checked on a database at 028.
  it('adds the bad-debt payments’ index (agency remittances included) and the placement order’s', async () => {
    const { migration029 } = await import('../../../src/main/store/migrations/029_batches_indexes');
    const db = freshDb();
    migrate(db, 28);
    db.transaction(() => migration029.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(`SELECT account_id, max(effective_date), sum(amount_cents) FROM ledger_entries
             WHERE account_id = 1 AND type IN ('patient_payment', 'payroll_deduction', 'agency_remittance', 'court_recovery', 'estate_recovery')`),
    ).toMatch(/COVERING INDEX ledger_patient_paid/);
    expect(
      plan(`SELECT id FROM accounts WHERE balance_cents >= 5000 AND final_notice_date <= '2026-09-01'
              AND first_statement_date <= '2026-08-01' ORDER BY balance_cents DESC, id LIMIT 10`),
    ).toMatch(/^SEARCH accounts USING COVERING INDEX accounts_placeable \(balance_cents>\?\)$/);
    db.close();
  });
});

describe('030', () => {
  // Its index only, checked on a database at 029.
  it('the date-of-birth index carries the names and the employee id, under its own name', async () => {
    const { migration030 } = await import('../../../src/main/store/migrations/030_guarantors_dob_names');
    const db = freshDb();
    migrate(db, 29);
    db.transaction(() => migration030.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.pragma('index_info(guarantors_dob)') as { name: string }[]).map((c) => c.name)).toEqual([
      'date_of_birth',
      'last_name',
      'first_name',
      'employee_id',
    ]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    // A match's test by birth date and names reads the index alone.
    expect(
      plan(
        `SELECT id FROM guarantors WHERE date_of_birth = '1980-01-01' AND (last_name = 'Smith' OR employee_id IS NOT NULL)`,
      ),
    ).toMatch(/SEARCH guarantors USING COVERING INDEX guarantors_dob \(date_of_birth=\?\)/);
    expect(plan(`SELECT * FROM guarantors WHERE date_of_birth = '1980-01-01'`)).toMatch(/USING INDEX guarantors_dob/);
    db.close();
  });
});

describe('031', () => {
  // Its index only, checked on a database at 030.
  it('the remittance lines by placement carry the amounts collected and the fees, under the same name', async () => {
    const { migration031 } = await import('../../../src/main/store/migrations/031_remittance_lines_money');
    const db = freshDb();
    migrate(db, 30);
    db.transaction(() => migration031.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      (db.pragma('index_info(agency_remittance_lines_placement)') as { name: string }[]).map((c) => c.name),
    ).toEqual(['placement_id', 'paid_on', 'collected_cents', 'fee_cents']);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        `SELECT sum(collected_cents), sum(fee_cents) FROM agency_remittance_lines WHERE placement_id = 1 AND paid_on < '2026-12-01'`,
      ),
    ).toMatch(
      /SEARCH agency_remittance_lines USING COVERING INDEX agency_remittance_lines_placement \(placement_id=\? AND paid_on<\?\)/,
    );
    db.close();
  });
});

describe('032', () => {
  // Its indexes only, checked on a database at 031.
  it('the work queue reads the guarantors’ names and hold flags, and the pending applications, from indexes alone', async () => {
    const { migration032 } = await import('../../../src/main/store/migrations/032_guarantors_queue');
    const db = freshDb();
    migrate(db, 31);
    db.transaction(() => migration032.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const columns = (index: string) => (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);
    expect(columns('guarantors_queue')).toEqual([
      'id',
      'last_name',
      'first_name',
      'middle_name',
      'deceased',
      'bankruptcy',
      'fap_status',
      'mail_returned_on',
    ]);
    expect(columns('guarantors_fap_pending')).toEqual([
      'fap_status_date',
      'id',
      'last_name',
      'first_name',
      'middle_name',
      'balance_cents',
    ]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        `SELECT g.first_name, g.last_name, g.deceased, g.mail_returned_on FROM guarantors g INDEXED BY guarantors_queue WHERE g.id = 1`,
      ),
    ).toMatch(/SEARCH g USING COVERING INDEX guarantors_queue \(id=\?\)/);
    expect(
      plan(
        `SELECT g.id, g.first_name, g.middle_name, g.last_name, g.balance_cents, g.fap_status_date FROM guarantors g WHERE g.fap_status = 'pending'`,
      ),
    ).toMatch(/SCAN g USING COVERING INDEX guarantors_fap_pending/);
    db.close();
  });
});

describe('033', () => {
  // Checked on a database at 032.
  it('stores every guarantor’s and employee’s names as the payroll match folds them, and reads them by index', async () => {
    const { migration033 } = await import('../../../src/main/store/migrations/033_guarantors_match_names');
    const { matchName } = await import('../../../src/shared/nameTokens');
    const db = freshDb();
    migrate(db, 32);
    const names: [string, string][] = [
      ['Smith', 'Jane'],
      ['O’Brien-Núñez', 'Mary Ann'],
      ['Ｓｍｉｔｈ', 'Łukasz'],
      ['Straße', ''],
      ['Иванов', '王小明'],
    ];
    names.forEach(([last, first], i) => {
      db.prepare(
        `INSERT INTO guarantors (id, last_name, first_name, date_of_birth, created_at, updated_at) VALUES (?, ?, ?, '1980-01-01', 't', 't')`,
      ).run(i + 1, last, first);
      db.prepare(
        `INSERT INTO employees (employee_number, last_name, first_name, pay_frequency, pay_type, hourly_rate_cents,
           weekly_hours_centi, exempt, work_state, status, created_at, updated_at)
         VALUES (?, ?, ?, 'weekly', 'hourly', 1500, 4000, 0, 'TX', 'active', 't', 't')`,
      ).run(`E${i}`, last || 'X', first);
    });
    db.transaction(() => migration033.up(db))();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const table of ['guarantors', 'employees'])
      for (const r of db.prepare(`SELECT last_name, first_name, match_last, match_first FROM ${table}`).all() as {
        last_name: string;
        first_name: string;
        match_last: string;
        match_first: string;
      }[]) {
        expect(r.match_last).toBe(matchName(r.last_name));
        expect(r.match_first).toBe(matchName(r.first_name));
      }
    expect((db.pragma('index_info(guarantors_match)') as { name: string }[]).map((c) => c.name)).toEqual([
      'date_of_birth',
      'match_last',
      'match_first',
      'employee_id',
    ]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        `SELECT id FROM guarantors INDEXED BY guarantors_match WHERE date_of_birth = '1980-01-01' AND match_last = 'smith' AND employee_id IS NULL`,
      ),
    ).toMatch(/SEARCH guarantors USING COVERING INDEX guarantors_match \(date_of_birth=\? AND match_last=\?\)/);
    // Once filled, no row waits without them; the date-of-birth index (the search's) is 030's.
    expect(
      db.prepare('SELECT count(*) FROM guarantors WHERE match_last IS NULL OR match_first IS NULL').pluck().get(),
    ).toBe(0);
    expect((db.pragma('index_info(guarantors_dob)') as { name: string }[]).map((c) => c.name)).toEqual([
      'date_of_birth',
      'last_name',
      'first_name',
      'employee_id',
    ]);
    db.close();
  });
});

describe('034', () => {
  it('keeps the holds in force by guarantor and by account, each index with every column its query reads', () => {
    const db = freshDb();
    migrate(db, 33);
    expect(migrate(db, 34)).toEqual([34]);
    const columns = (index: string) => (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);
    expect(columns('holds_active_guarantor')).toEqual([
      'guarantor_id',
      'placed_on',
      'id',
      'until',
      'reason',
      'account_id',
      'released_on',
    ]);
    expect(columns('holds_active_account')).toEqual([
      'account_id',
      'placed_on',
      'id',
      'until',
      'reason',
      'released_on',
    ]);
    const sql = (index: string) =>
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index) as string;
    expect(sql('holds_active_guarantor')).toMatch(/WHERE released_on IS NULL AND account_id IS NULL$/);
    expect(sql('holds_active_account')).toMatch(/WHERE released_on IS NULL AND account_id IS NOT NULL$/);
    const plan = (q: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        `SELECT reason FROM holds h WHERE h.guarantor_id = 1 AND h.account_id IS NULL AND h.released_on IS NULL AND (h.until IS NULL OR h.until >= '2026-12-07') ORDER BY placed_on DESC, id DESC`,
      ),
    ).toMatch(/SEARCH h USING COVERING INDEX holds_active_guarantor \(guarantor_id=\?\)/);
    db.close();
  });
});

describe('035', () => {
  // Checked on a database at 034 holding a released run and a prepared one.
  it('discards a run prepared before it (its items were plain JSON) and keeps what the release reads beside each item', () => {
    const db = freshDb();
    migrate(db, 34);
    db.exec(`
      INSERT INTO guarantors (id, last_name, first_name, created_at, updated_at) VALUES (1, 'S', 'J', 't', 't');
      INSERT INTO statement_runs (id, run_date, started_at, finished_at, counts, status)
        VALUES (1, '2026-11-02', 't', 't', '{}', 'released'), (2, '2026-12-01', 't', 't', '{}', 'prepared');
      INSERT INTO statement_run_items (run_id, seq, guarantor_id, zip, snapshot, shown)
        VALUES (2, 0, 1, '04101', '{"kind":"regular"}', '[]');
    `);
    expect(migrate(db, 35)).toEqual([35]);
    expect(db.prepare('SELECT id, status FROM statement_runs ORDER BY id').all()).toEqual([
      { id: 1, status: 'released' },
      { id: 2, status: 'discarded' },
    ]);
    expect(db.prepare('SELECT count(*) FROM statement_run_items').pluck().get()).toBe(0);
    const columns = (db.pragma('table_info(statement_run_items)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'kind',
        'number_in_cycle',
        'due_date',
        'amount_due_cents',
        'named_actions',
        'plans',
        'credit_cents',
      ]),
    );
    // A kind the statements cannot have is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO statement_run_items (run_id, seq, guarantor_id, zip, snapshot, shown, kind) VALUES (1, 0, 1, '', '{}', '[]', 'dunning')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('036', () => {
  it('indexes each date that may start the first-bill clock (BD-04), the empty ones left out', () => {
    const db = freshDb();
    migrate(db, 35);
    expect(migrate(db, 36)).toEqual([36]);
    const sql = (index: string) =>
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index) as string;
    expect(sql('accounts_medicare_secondary_ra')).toMatch(
      /ON accounts\(secondary_ra_date\)\s+WHERE payer_class = 'medicare' AND balance_cents > 0 AND secondary_ra_date IS NOT NULL$/,
    );
    expect(sql('accounts_medicare_medicaid_ra')).toMatch(
      /ON accounts\(medicaid_ra_date\)\s+WHERE payer_class = 'medicare' AND balance_cents > 0 AND medicaid_ra_date IS NOT NULL$/,
    );
    expect(sql('bad_debt_facts_secondary_denied')).toMatch(
      /ON bad_debt_facts\(secondary_denied_on\)\s+WHERE secondary_denied_on IS NOT NULL$/,
    );
    db.close();
  });
});

describe('037', () => {
  it('keeps one index of the statements by guarantor and date, the UNIQUE constraint’s', () => {
    const db = freshDb();
    migrate(db, 36);
    expect(migrate(db)).toEqual([37]);
    const indexes = (db.pragma('index_list(statements)') as { name: string }[]).map((i) => i.name);
    expect(indexes).not.toContain('statements_guarantor');
    expect(indexes).toContain('sqlite_autoindex_statements_1');
    const columns = (db.pragma('index_info(sqlite_autoindex_statements_1)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['guarantor_id', 'statement_date']);
    db.close();
  });
});

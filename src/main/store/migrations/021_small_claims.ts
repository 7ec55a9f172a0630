// 021: small-claims court (issue 13). The court limits for an entity plaintiff and the statutes of
// limitation, each a table with effective dates that a supervisor keeps (rows are added, never
// changed: the rule that judged a case stays readable); a case per defendant (the guarantor) with
// the accounts it sues for, its demand letter, filing, service, hearings and continuances,
// judgment, payments after judgment, post-judgment actions (each through the 501(r) gate) and its
// end; and court costs awarded as their own ledger type. A lapse letter keeps what it said, so a
// court packet can print it again as it was sent.
import { ecaKindsNamed } from '../../../shared/wording/statementTexts';
// The snapshot format is part of the store (its dictionary never changes): read here to fill in what
// each final notice already sent named.
import { decodeSnapshot } from '../snapshotCodec';
import type { Db } from '../database';
import type { Migration } from './index';

/** Limits (rules §3.1), seeded from the brief; effective dates the brief does not give are 2023-01-01. */
const LIMITS: [string, string, number, number | null, string, string, number | null, number | null][] = [
  // state, court, entity limit, individual limit, effective from, source, CA: yearly large-claim threshold, count
  ['CA', 'Small claims court', 625000, 1250000, '2024-01-01', 'CCP 116.220/.221/.231', 250000, 2],
  ['TX', 'Justice court', 2000000, null, '2023-01-01', 'Tex. Gov. Code 27.031; NCSC 2023', null, null],
  [
    'NY',
    'New York City Civil Court (commercial claims)',
    1000000,
    null,
    '2023-01-01',
    'NY City Civil Ct Act 1801-A',
    null,
    null,
  ],
  [
    'NY',
    'City Court or Nassau / W. Suffolk District Court (commercial claims)',
    500000,
    null,
    '2023-01-01',
    'UCCA 1801-A',
    null,
    null,
  ],
  ['NY', 'Town or Village Court', 300000, null, '2023-01-01', 'UJCA 1801', null, null],
  ['FL', 'County court, small claims', 800000, null, '2023-01-01', 'Fla. Sm. Cl. R. 7.010(b)', null, null],
  ['IL', 'Circuit court, small claims', 1000000, null, '2023-01-01', 'Ill. S. Ct. Rule 281', null, null],
  ['PA', 'Magisterial district judge', 1200000, null, '2023-01-01', '42 Pa.C.S. 1515', null, null],
  ['OH', 'Small claims division', 600000, null, '2023-01-01', 'ORC 1925.02', null, null],
  ['GA', 'Magistrate court', 1500000, null, '2023-01-01', 'OCGA 15-10-2', null, null],
  ['NC', 'Small claims (magistrate)', 1000000, null, '2023-01-01', 'NCGS 7A-210 (some counties lower)', null, null],
  ['MI', 'District court, small claims division', 700000, null, '2023-01-01', 'MCL 600.8401', null, null],
];

/** Statutes of limitation (rules §3.2): basis, years, accrual rule, for claims accrued from a date. */
const LIMITATIONS: [string, string, number, string, string, string, string | null][] = [
  // state, basis, years, accrual, accrued from, source, no later than (a transitional cap)
  ['CA', 'written', 4, 'first_due', '1900-01-01', 'CCP 337', null],
  [
    'CA',
    'open_account',
    4,
    'last_item',
    '1900-01-01',
    'CCP 337(2): an open-book account runs from the last item',
    null,
  ],
  ['TX', 'written', 4, 'first_due', '1900-01-01', 'Tex. Civ. Prac. & Rem. Code 16.004, 16.051', null],
  ['TX', 'open_account', 4, 'first_due', '1900-01-01', 'Tex. Civ. Prac. & Rem. Code 16.004(c)', null],
  ['NY', 'written', 6, 'first_due', '1900-01-01', 'CPLR 213', null],
  ['NY', 'open_account', 6, 'first_due', '1900-01-01', 'CPLR 213', null],
  ['NY', 'medical_debt', 3, 'treatment', '1900-01-01', 'CPLR 213-d (since 4/3/2020): three years from treatment', null],
  ['FL', 'written', 5, 'first_due', '1900-01-01', 'Fla. Stat. 95.11(2)(b)', null],
  ['FL', 'open_account', 4, 'last_item', '1900-01-01', 'Fla. Stat. 95.11(3)(k)', null],
  ['IL', 'written', 10, 'first_due', '1900-01-01', '735 ILCS 5/13-206', null],
  ['IL', 'open_account', 5, 'first_due', '1900-01-01', '735 ILCS 5/13-205', null],
  ['PA', 'written', 4, 'first_due', '1900-01-01', '42 Pa.C.S. 5525', null],
  [
    'PA',
    'open_account',
    4,
    'first_due',
    '1900-01-01',
    '42 Pa.C.S. 5525 (tables disagree, 4-6; the shorter kept)',
    null,
  ],
  [
    'OH',
    'written',
    8,
    'first_due',
    '1900-01-01',
    'ORC 2305.06 before SB 13 (2021): 8 years, and no later than 6 years from 6/16/2021',
    '2027-06-15',
  ],
  [
    'OH',
    'written',
    6,
    'first_due',
    '2021-06-15',
    'ORC 2305.06 as amended by SB 13: claims accrued after 6/14/2021',
    null,
  ],
  ['OH', 'open_account', 4, 'first_due', '1900-01-01', 'ORC 2305.07 (oral)', null],
  ['GA', 'written', 6, 'first_due', '1900-01-01', 'OCGA 9-3-24', null],
  ['GA', 'open_account', 4, 'first_due', '1900-01-01', 'OCGA 9-3-25 (some tables 6; the shorter kept)', null],
  ['NC', 'written', 3, 'first_due', '1900-01-01', 'NCGS 1-52(1)', null],
  ['NC', 'open_account', 3, 'first_due', '1900-01-01', 'NCGS 1-52(1)', null],
  ['MI', 'written', 6, 'first_due', '1900-01-01', 'MCL 600.5807(9)', null],
  ['MI', 'open_account', 6, 'first_due', '1900-01-01', 'MCL 600.5807(9)', null],
];

/** The final notices already sent: what each named, from its recorded snapshot (ECA-05). */
export function backfillFinalNoticeActions(db: Db): number {
  const sent = db
    .prepare(
      `SELECT sa.account_id, s.snapshot FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id
         JOIN accounts a ON a.id = sa.account_id
        WHERE sa.step = 'final_notice' AND s.statement_date = a.final_notice_date AND a.final_notice_actions IS NULL`,
    )
    .all() as { account_id: number; snapshot: string }[];
  const setNamed = db.prepare('UPDATE accounts SET final_notice_actions = ? WHERE id = ?');
  let n = 0;
  for (const r of sent) {
    const notice = decodeSnapshot(r.snapshot).finalNotice;
    if (notice) n += setNamed.run(JSON.stringify(ecaKindsNamed(notice.intendedActions)), r.account_id).changes;
  }
  return n;
}

export const migration021: Migration = {
  version: 21,
  name: 'small-claims court: limits, limitations, cases and court costs',
  up(db) {
    db.exec(`
      -- A court's small-claims limit for an entity plaintiff (and for a person, where it differs),
      -- its fees, and California's yearly cap on large claims, from a date. A change is a new row.
      CREATE TABLE court_limits (
        id                     INTEGER PRIMARY KEY,
        state                  TEXT NOT NULL CHECK (length(state) = 2),
        court                  TEXT NOT NULL CHECK (length(court) BETWEEN 1 AND 120),
        entity_limit_cents     INTEGER NOT NULL CHECK (entity_limit_cents BETWEEN 1 AND 100000000),
        individual_limit_cents INTEGER CHECK (individual_limit_cents IS NULL OR individual_limit_cents BETWEEN 1 AND 100000000),
        large_claim_cents      INTEGER CHECK (large_claim_cents IS NULL OR large_claim_cents BETWEEN 1 AND 100000000),
        large_claims_per_year  INTEGER CHECK (large_claims_per_year IS NULL OR large_claims_per_year BETWEEN 0 AND 1000),
        filing_fee_cents       INTEGER NOT NULL DEFAULT 0 CHECK (filing_fee_cents BETWEEN 0 AND 10000000),
        service_fee_cents      INTEGER NOT NULL DEFAULT 0 CHECK (service_fee_cents BETWEEN 0 AND 10000000),
        effective_from         TEXT NOT NULL,
        source                 TEXT NOT NULL DEFAULT '',
        recorded_at            TEXT NOT NULL,
        recorded_by            INTEGER REFERENCES users(id),
        CHECK ((large_claim_cents IS NULL) = (large_claims_per_year IS NULL)),
        UNIQUE (state, court, effective_from)
      ) STRICT;

      -- A statute of limitations: the years for a basis (written contract, open account, medical
      -- debt) and when it starts (accrual), for claims accrued on or after a date. Added, never changed.
      CREATE TABLE court_limitations (
        id             INTEGER PRIMARY KEY,
        state          TEXT NOT NULL CHECK (length(state) = 2),
        basis          TEXT NOT NULL CHECK (basis IN ('written','open_account','medical_debt')),
        years          INTEGER NOT NULL CHECK (years BETWEEN 1 AND 30),
        accrual        TEXT NOT NULL CHECK (accrual IN ('treatment','first_due','last_item')),
        accrued_from   TEXT NOT NULL,
        no_later_than  TEXT,
        source         TEXT NOT NULL DEFAULT '',
        recorded_at    TEXT NOT NULL,
        recorded_by    INTEGER REFERENCES users(id),
        UNIQUE (state, basis, accrued_from, recorded_at)
      ) STRICT;

      -- A case: one defendant (the guarantor), the court it is brought in, the claim and any excess
      -- waived, and where it stands. Dates are business dates.
      CREATE TABLE court_cases (
        id                 INTEGER PRIMARY KEY,
        guarantor_id       INTEGER NOT NULL REFERENCES guarantors(id),
        court_limit_id     INTEGER NOT NULL REFERENCES court_limits(id),
        court_name         TEXT NOT NULL,
        court_address      TEXT NOT NULL DEFAULT '',
        county             TEXT NOT NULL,
        basis              TEXT NOT NULL CHECK (basis IN ('written','open_account')),
        balance_cents      INTEGER NOT NULL CHECK (balance_cents > 0),
        claim_cents        INTEGER NOT NULL CHECK (claim_cents > 0 AND claim_cents <= balance_cents),
        waived_cents       INTEGER NOT NULL DEFAULT 0 CHECK (waived_cents >= 0),
        waiver_note        TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL CHECK (status IN ('open','demand_sent','filed','served','judgment','satisfied','dismissed','withdrawn','lost')),
        opened_on          TEXT NOT NULL,
        demand_sent_on     TEXT,
        file_after         TEXT,
        filed_on           TEXT,
        case_number        TEXT,
        filing_fee_cents   INTEGER NOT NULL DEFAULT 0 CHECK (filing_fee_cents >= 0),
        served_on          TEXT,
        service_method     TEXT CHECK (service_method IS NULL OR service_method IN ('personal','substituted','certified_mail','sheriff','process_server')),
        service_fee_cents  INTEGER NOT NULL DEFAULT 0 CHECK (service_fee_cents >= 0),
        hearing_on         TEXT,
        hearing_time       TEXT NOT NULL DEFAULT '',
        hearing_place      TEXT NOT NULL DEFAULT '',
        judgment_on        TEXT,
        judgment_cents     INTEGER CHECK (judgment_cents IS NULL OR judgment_cents >= 0),
        costs_cents        INTEGER CHECK (costs_cents IS NULL OR costs_cents >= 0),
        interest_rate_bp   INTEGER CHECK (interest_rate_bp IS NULL OR interest_rate_bp BETWEEN 0 AND 5000),
        closed_on          TEXT,
        close_note         TEXT NOT NULL DEFAULT '',
        opened_at          TEXT NOT NULL,
        opened_by          INTEGER REFERENCES users(id),
        CHECK (claim_cents + waived_cents = balance_cents OR waived_cents = 0),
        CHECK ((filed_on IS NULL) = (case_number IS NULL))
      ) STRICT;
      CREATE INDEX court_cases_guarantor ON court_cases(guarantor_id);
      CREATE INDEX court_cases_open ON court_cases(status) WHERE status IN ('open','demand_sent','filed','served','judgment');
      CREATE INDEX court_cases_hearing ON court_cases(hearing_on) WHERE hearing_on IS NOT NULL;

      -- The accounts a case sues for, with the balance each carried when the case was opened, and
      -- the litigation hold filing placed on it (statements stop while the case runs).
      CREATE TABLE court_case_accounts (
        case_id        INTEGER NOT NULL REFERENCES court_cases(id),
        account_id     INTEGER NOT NULL REFERENCES accounts(id),
        balance_cents  INTEGER NOT NULL CHECK (balance_cents > 0),
        hold_id        INTEGER REFERENCES holds(id),
        PRIMARY KEY (case_id, account_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX court_case_accounts_account ON court_case_accounts(account_id);

      -- Everything that happened to a case, in order: opened, demand, filed, served, hearing set,
      -- continued, judgment, payment, post-judgment action, closed, notes. What it said is kept.
      CREATE TABLE court_case_events (
        id         INTEGER PRIMARY KEY,
        case_id    INTEGER NOT NULL REFERENCES court_cases(id),
        kind       TEXT NOT NULL CHECK (kind IN ('opened','demand','filed','served','hearing','continued','judgment','payment','post_judgment','closed','note')),
        on_date    TEXT NOT NULL,
        detail     TEXT NOT NULL CHECK (json_valid(detail)),
        at         TEXT NOT NULL,
        by         INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX court_case_events_case ON court_case_events(case_id, id);

      -- The demand letter as sent: what it said (to draw it again byte for byte) and its hash.
      CREATE TABLE court_demand_letters (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL UNIQUE REFERENCES court_cases(id),
        sent_on       TEXT NOT NULL,
        file_after    TEXT NOT NULL,
        language      TEXT NOT NULL,
        snapshot      TEXT NOT NULL CHECK (json_valid(snapshot)),
        sha256        TEXT NOT NULL,
        document_id   INTEGER REFERENCES documents(id)
      ) STRICT;

      -- A post-judgment action (garnishment, bank levy, lien): asked through the 501(r) gate,
      -- recorded allowed or refused (the register has the same answer, eca_attempts).
      CREATE TABLE court_actions (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES court_cases(id),
        kind          TEXT NOT NULL CHECK (kind IN ('wage_garnishment','bank_levy','lien')),
        requested_on  TEXT NOT NULL,
        allowed       INTEGER NOT NULL CHECK (allowed IN (0,1)),
        reasons       TEXT NOT NULL CHECK (json_valid(reasons)),
        note          TEXT NOT NULL DEFAULT '',
        at            TEXT NOT NULL,
        by            INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX court_actions_case ON court_actions(case_id);

      -- A hold a matter placed and owns (a small-claims case's litigation hold): it ends with the
      -- matter, never by hand from the holds list.
      ALTER TABLE holds ADD COLUMN owner TEXT CHECK (owner IS NULL OR length(owner) BETWEEN 1 AND 60);

      -- ECA-05: the actions the account's final notice named (ECA kinds), when Recoup sent it. An
      -- action it did not name waits for a notice that names it. Null: a notice from before this
      -- version, or dated from the billing system's history, which the gate cannot read.
      ALTER TABLE accounts ADD COLUMN final_notice_actions TEXT CHECK (final_notice_actions IS NULL OR json_valid(final_notice_actions));

      -- A lapse letter keeps what it said when it was printed, so it can be printed again as sent.
      ALTER TABLE plan_letters ADD COLUMN printed_letter TEXT CHECK (printed_letter IS NULL OR json_valid(printed_letter));
    `);

    backfillFinalNoticeActions(db);

    const insertLimit = db.prepare(
      `INSERT INTO court_limits (state, court, entity_limit_cents, individual_limit_cents, effective_from, source,
         large_claim_cents, large_claims_per_year, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`,
    );
    for (const [state, court, entity, individual, from, source, large, perYear] of LIMITS)
      insertLimit.run(state, court, entity, individual, from, source, large, perYear);
    const insertLimitation = db.prepare(
      `INSERT INTO court_limitations (state, basis, years, accrual, accrued_from, source, no_later_than, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`,
    );
    for (const row of LIMITATIONS) insertLimitation.run(...row);

    // Court costs awarded are their own ledger type (they raise the balance). The ledger's CHECK
    // constraints only widen, which SQLite documents as safe to make in the schema text itself
    // ("Making Other Kinds Of Table Schema Changes", sqlite.org/lang_altertable.html): no row can
    // break the wider check, and a rebuild of the largest table is avoided.
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      const sql = db
        .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_entries'`)
        .pluck()
        .get() as string;
      const widened = sql
        .replace(
          "'administrative_adjustment','refund','reversal'))",
          "'administrative_adjustment','refund','reversal','court_costs'))",
        )
        .replace(
          "CHECK (type NOT IN ('charge','refund') OR amount_cents > 0)",
          "CHECK (type NOT IN ('charge','refund','court_costs') OR amount_cents > 0)",
        );
      if (widened === sql || !widened.includes("'court_costs'))") || !widened.includes("'refund','court_costs') OR"))
        throw new Error('The ledger table is not as migration 021 expects; it was left unchanged.');
      db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'ledger_entries'`).run(widened);
      db.pragma(`schema_version = ${version + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    }
  },
};

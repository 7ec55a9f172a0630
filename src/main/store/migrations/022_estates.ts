// 022: deceased guarantors and their estates (issue 14). The probate table (PR-01..PR-04 by state,
// rows added with effective dates, never changed); each death recorded (by a clerk or from the
// extract) and each undone by a supervisor, with what the death suspended so an undo restores it;
// the estate record and its claim, the accounts claimed (last illness, amounts at filing, what a
// closing wrote off and left for the Medicare bad-debt listing), its history, and the documents it
// sent. Plans and promises gain the status 'suspended' (a death suspends them; an undo resumes them).
import type { Db } from '../database';
import type { Migration } from './index';

/**
 * The probate table (domain rules §4), seeded from the brief, in force from 1900 (a death long past
 * is judged too); figures not in the brief are marked unconfirmed in the note.
 */
const PROBATE: [string, number, number, number, number, number, number, number | null, number, string, string][] = [
  // state, notice months, mailed days, outer months, publication weeks, last-illness class, general class,
  // final-year class, suit days, source, note
  [
    '*',
    4,
    60,
    12,
    3,
    4,
    6,
    null,
    60,
    'UPC 3-801, 3-803, 3-804, 3-805',
    'The Uniform Probate Code’s figures, used for a state with no row of its own (unconfirmed for that state: check its statute).',
  ],
  ['AZ', 4, 60, 24, 3, 4, 6, null, 60, 'A.R.S. 14-3801, 14-3803', 'Two years from death (PR-02).'],
  [
    'ME',
    4,
    60,
    9,
    2,
    4,
    6,
    null,
    60,
    '18-C M.R.S. 3-801, 3-803',
    'Published 2 weeks. The 9-month outer limit is unconfirmed: check the statute.',
  ],
  ['MT', 4, 30, 12, 3, 4, 6, null, 60, 'MCA 72-3-801, 72-3-803', 'A mailed notice gives 30 days.'],
  [
    'UT',
    3,
    60,
    12,
    3,
    4,
    6,
    null,
    60,
    'Utah Code 75-3-801, 75-3-803, 75-3-805',
    'The one-year bar cannot be waived or tolled (Huitron v. Kaye, 2022); funeral expenses come first.',
  ],
  [
    'VT',
    4,
    60,
    36,
    3,
    4,
    6,
    null,
    60,
    '14 V.S.A. 1203',
    'Three years from death. The mailed-notice days are the UPC’s (unconfirmed).',
  ],
  [
    'IL',
    6,
    90,
    24,
    3,
    4,
    6,
    null,
    60,
    '755 ILCS 5/18-3, 5/18-12',
    'Six months from publication; a mailed notice 3 months (unconfirmed: check the statute); two years from death. Classes are the UPC’s (unconfirmed).',
  ],
  [
    'FL',
    3,
    30,
    24,
    2,
    4,
    6,
    null,
    30,
    'Fla. Stat. 733.702, 733.705, 733.710',
    'Three months from publication, 30 days from service of the notice; two years from death. Suit within 30 days of an objection (unconfirmed: check the statute; the shorter is kept).',
  ],
  [
    'IA',
    4,
    60,
    12,
    3,
    5,
    8,
    null,
    60,
    'Iowa Code 633.425',
    'Court costs come first, so the last illness is class 5. The deadline figures are the UPC’s (unconfirmed).',
  ],
  [
    'MN',
    4,
    60,
    12,
    3,
    4,
    7,
    5,
    60,
    'Minn. Stat. 524.3-805',
    'A class of its own for medical expenses of the final year before death (class 5).',
  ],
];

/** Widens a CHECK in a table's own schema text (SQLite documents widening as safe; see 021). */
function widenCheck(db: Db, table: string, from: string, to: string): void {
  const sql = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(table) as string;
  if (!sql.includes(from))
    throw new Error(`The ${table} table is not as migration 022 expects; it was left unchanged.`);
  db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`).run(sql.replace(from, to), table);
}

export const migration022: Migration = {
  version: 22,
  name: 'estates',
  up(db) {
    db.exec(`
      -- PR-01..PR-04 by state ('*': the Uniform Probate Code's, for a state with no row). A change
      -- is a new row from a date; the row that judged an estate stays readable.
      CREATE TABLE probate_rules (
        id                 INTEGER PRIMARY KEY,
        state              TEXT NOT NULL,
        notice_months      INTEGER NOT NULL CHECK (notice_months BETWEEN 1 AND 24),
        mailed_days        INTEGER NOT NULL CHECK (mailed_days BETWEEN 0 AND 365),
        outer_months       INTEGER NOT NULL CHECK (outer_months BETWEEN 1 AND 120),
        publication_weeks  INTEGER NOT NULL CHECK (publication_weeks BETWEEN 1 AND 8),
        last_illness_class INTEGER NOT NULL CHECK (last_illness_class BETWEEN 1 AND 12),
        general_class      INTEGER NOT NULL CHECK (general_class BETWEEN 1 AND 12),
        final_year_class   INTEGER CHECK (final_year_class IS NULL OR final_year_class BETWEEN 1 AND 12),
        suit_days          INTEGER NOT NULL CHECK (suit_days BETWEEN 1 AND 365),
        effective_from     TEXT NOT NULL,
        source             TEXT NOT NULL,
        note               TEXT NOT NULL DEFAULT '',
        recorded_at        TEXT NOT NULL,
        recorded_by        INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX probate_rules_state ON probate_rules(state, effective_from);

      -- Each death recorded, by a clerk (with its source) or from the extract; undone only by a
      -- supervisor, with the reason. At most one stands per guarantor.
      CREATE TABLE deaths (
        id             INTEGER PRIMARY KEY,
        guarantor_id   INTEGER NOT NULL REFERENCES guarantors(id),
        date_of_death  TEXT NOT NULL,
        source         TEXT NOT NULL CHECK (source IN ('family','obituary','returned_mail','extract','other')),
        note           TEXT NOT NULL DEFAULT '',
        recorded_on    TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        recorded_by    INTEGER REFERENCES users(id),
        undone_on      TEXT,
        undone_at      TEXT,
        undone_by      INTEGER REFERENCES users(id),
        undo_reason    TEXT,
        CHECK ((undone_on IS NULL) = (undo_reason IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX deaths_standing ON deaths(guarantor_id) WHERE undone_on IS NULL;

      -- What recording the death suspended or recalled, with the status it had: an undo resumes the
      -- plans and promises (a recall is not undone: the clerk places the account again if wanted).
      CREATE TABLE death_effects (
        death_id     INTEGER NOT NULL REFERENCES deaths(id),
        kind         TEXT NOT NULL CHECK (kind IN ('plan','promise','placement')),
        ref_id       INTEGER NOT NULL,
        from_status  TEXT NOT NULL,
        restored_on  TEXT,
        PRIMARY KEY (death_id, kind, ref_id)
      ) STRICT, WITHOUT ROWID;

      -- The estate of a deceased guarantor and the hospital's claim against it.
      CREATE TABLE estates (
        id                  INTEGER PRIMARY KEY,
        guarantor_id        INTEGER NOT NULL REFERENCES guarantors(id),
        death_id            INTEGER NOT NULL UNIQUE REFERENCES deaths(id),
        status              TEXT NOT NULL CHECK (status IN ('watching','referred','filed','allowed','disallowed','paid_part','paid','closed_nothing','withdrawn')),
        state               TEXT NOT NULL,
        county              TEXT NOT NULL DEFAULT '',
        court_name          TEXT NOT NULL DEFAULT '',
        court_address       TEXT NOT NULL DEFAULT '',
        case_number         TEXT NOT NULL DEFAULT '',
        pr_name             TEXT NOT NULL DEFAULT '',
        pr_address          TEXT NOT NULL DEFAULT '',
        attorney_name       TEXT NOT NULL DEFAULT '',
        attorney_address    TEXT NOT NULL DEFAULT '',
        letter_language     TEXT NOT NULL DEFAULT 'en' CHECK (letter_language IN ('en','es')),
        first_published_on  TEXT,
        mailed_notice_on    TEXT,
        probate_rule_id     INTEGER NOT NULL REFERENCES probate_rules(id),
        deadline            TEXT NOT NULL,
        referred_on         TEXT,
        filed_on            TEXT,
        filed_with          TEXT CHECK (filed_with IS NULL OR filed_with IN ('clerk','personal_representative')),
        claim_cents         INTEGER CHECK (claim_cents IS NULL OR claim_cents > 0),
        sworn               INTEGER NOT NULL DEFAULT 0 CHECK (sworn IN (0,1)),
        contingency         TEXT NOT NULL DEFAULT '',
        security            TEXT NOT NULL DEFAULT '',
        allowed_on          TEXT,
        allowed_cents       INTEGER CHECK (allowed_cents IS NULL OR allowed_cents >= 0),
        disallowed_on       TEXT,
        closed_on           TEXT,
        close_note          TEXT NOT NULL DEFAULT '',
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        CHECK ((filed_on IS NULL) = (claim_cents IS NULL))
      ) STRICT;
      CREATE INDEX estates_guarantor ON estates(guarantor_id);
      CREATE INDEX estates_open ON estates(status) WHERE status IN ('watching','referred','filed','allowed','disallowed','paid_part');

      -- The guarantor's accounts in the claim: the last illness (PR-04; the extract's flag, or the
      -- clerk's), the balance claimed at filing, and at a closing what was written off and what was
      -- left for the Medicare bad-debt listing (a deductible or coinsurance balance, BD-09).
      CREATE TABLE estate_accounts (
        estate_id          INTEGER NOT NULL REFERENCES estates(id),
        account_id         INTEGER NOT NULL REFERENCES accounts(id),
        last_illness       INTEGER NOT NULL CHECK (last_illness IN (0,1)),
        claim_cents        INTEGER CHECK (claim_cents IS NULL OR claim_cents > 0),
        written_off_cents  INTEGER NOT NULL DEFAULT 0 CHECK (written_off_cents >= 0),
        bad_debt_cents     INTEGER NOT NULL DEFAULT 0 CHECK (bad_debt_cents >= 0),
        bad_debt_on        TEXT,
        PRIMARY KEY (estate_id, account_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX estate_accounts_account ON estate_accounts(account_id);
      CREATE INDEX estate_accounts_bad_debt ON estate_accounts(bad_debt_on) WHERE bad_debt_cents > 0;

      -- Everything that happened to an estate, in order, with what it said.
      CREATE TABLE estate_events (
        id         INTEGER PRIMARY KEY,
        estate_id  INTEGER NOT NULL REFERENCES estates(id),
        kind       TEXT NOT NULL CHECK (kind IN ('opened','details','referred','released','filed','allowed','disallowed','payment','follow_up','closed','withdrawn','note')),
        on_date    TEXT NOT NULL,
        detail     TEXT NOT NULL CHECK (json_valid(detail)),
        at         TEXT NOT NULL,
        by         INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX estate_events_estate ON estate_events(estate_id, id);

      -- The documents an estate sent, as sent: what each said (to draw it again byte for byte) and its hash.
      CREATE TABLE estate_documents (
        id           INTEGER PRIMARY KEY,
        estate_id    INTEGER NOT NULL REFERENCES estates(id),
        kind         TEXT NOT NULL CHECK (kind IN ('referral_memo','statement_of_claim','cover_letter','follow_up_letter')),
        made_on      TEXT NOT NULL,
        language     TEXT NOT NULL,
        snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
        sha256       TEXT NOT NULL,
        document_id  INTEGER REFERENCES documents(id),
        at           TEXT NOT NULL,
        by           INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX estate_documents_estate ON estate_documents(estate_id, id);
    `);
    const insert = db.prepare(
      `INSERT INTO probate_rules (state, notice_months, mailed_days, outer_months, publication_weeks, last_illness_class,
         general_class, final_year_class, suit_days, effective_from, source, note, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '1900-01-01', ?, ?, '2026-01-01T00:00:00.000Z')`,
    );
    for (const row of PROBATE) insert.run(...row);

    // Plans and promises may be suspended (a death): the CHECKs only widen, in place, as in 021.
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      widenCheck(
        db,
        'plans',
        "CHECK (status IN ('current','lapsed','defaulted','completed','cancelled','replaced'))",
        "CHECK (status IN ('current','lapsed','defaulted','completed','cancelled','replaced','suspended'))",
      );
      widenCheck(
        db,
        'promises',
        "CHECK (status IN ('open','kept','broken','cancelled'))",
        "CHECK (status IN ('open','kept','broken','cancelled','suspended'))",
      );
      db.pragma(`schema_version = ${version + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    }
  },
};

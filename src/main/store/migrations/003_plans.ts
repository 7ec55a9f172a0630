// 003: payment plans with their schedules, the effective-dated plan policy each plan was made
// under, every change of a plan's state, lapse letters to print, promises to pay, and the log of
// work-queue items worked.
import type { Migration } from './index';

export const migration003: Migration = {
  version: 3,
  name: 'payment plans, promises, work log',
  up(db) {
    db.exec(`
      -- PP-01..03: a new row applies to plans made on or after its date; a plan keeps its own.
      CREATE TABLE plan_policies (
        id             INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE,
        policy         TEXT NOT NULL CHECK (json_valid(policy)),
        created_at     TEXT NOT NULL,
        created_by     INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE plans (
        id                  INTEGER PRIMARY KEY,
        guarantor_id        INTEGER NOT NULL REFERENCES guarantors(id),
        policy_id           INTEGER NOT NULL REFERENCES plan_policies(id),
        status              TEXT NOT NULL CHECK (status IN ('current','lapsed','defaulted','completed','cancelled','replaced')),
        status_since        TEXT NOT NULL,
        start_date          TEXT NOT NULL,
        balance_cents       INTEGER NOT NULL CHECK (balance_cents BETWEEN 1 AND 1000000000000),
        down_payment_cents  INTEGER NOT NULL CHECK (down_payment_cents BETWEEN 0 AND 1000000000000),
        frequency           TEXT NOT NULL CHECK (frequency IN ('monthly','biweekly','weekly')),
        day_of_month        INTEGER CHECK (day_of_month IS NULL OR day_of_month BETWEEN 1 AND 31),
        first_due_date      TEXT NOT NULL,
        installment_cents   INTEGER NOT NULL CHECK (installment_cents BETWEEN 1 AND 1000000000000),
        installment_count   INTEGER NOT NULL CHECK (installment_count BETWEEN 1 AND 520),
        within_tier         INTEGER NOT NULL CHECK (within_tier IN (0,1)),
        approved_by         INTEGER REFERENCES users(id),
        approval_reason     TEXT,
        fap_answer          TEXT NOT NULL CHECK (fap_answer IN ('not_asked','declined','will_apply','already_applied')),
        agreement_signed_on TEXT,
        lapsed_on           TEXT,
        cure_deadline       TEXT,
        replaces_plan_id    INTEGER REFERENCES plans(id),
        reaged              INTEGER NOT NULL DEFAULT 0 CHECK (reaged IN (0,1)),
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        CHECK (within_tier = 1 OR approved_by IS NOT NULL)
      ) STRICT;
      CREATE INDEX plans_guarantor ON plans(guarantor_id);
      CREATE INDEX plans_active ON plans(status) WHERE status IN ('current','lapsed');

      CREATE TABLE plan_accounts (
        plan_id    INTEGER NOT NULL REFERENCES plans(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        -- The account's balance when the plan was made: what the agreement shows.
        balance_cents INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, account_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX plan_accounts_account ON plan_accounts(account_id);

      -- Number 0 is the down payment, due the day the plan is made.
      CREATE TABLE plan_installments (
        plan_id      INTEGER NOT NULL REFERENCES plans(id),
        number       INTEGER NOT NULL CHECK (number >= 0),
        due_date     TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000000000),
        PRIMARY KEY (plan_id, number)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE plan_events (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id),
        on_date     TEXT NOT NULL,
        kind        TEXT NOT NULL,
        from_status TEXT,
        to_status   TEXT,
        reason      TEXT NOT NULL,
        at          TEXT NOT NULL,
        by          INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX plan_events_plan ON plan_events(plan_id, id);

      CREATE TABLE plan_letters (
        id            INTEGER PRIMARY KEY,
        plan_id       INTEGER NOT NULL REFERENCES plans(id),
        kind          TEXT NOT NULL CHECK (kind IN ('lapse')),
        queued_on     TEXT NOT NULL,
        cure_deadline TEXT NOT NULL,
        printed_on    TEXT,
        document_id   INTEGER REFERENCES documents(id),
        UNIQUE (plan_id, kind, queued_on)
      ) STRICT;
      CREATE INDEX plan_letters_unprinted ON plan_letters(queued_on) WHERE printed_on IS NULL;

      CREATE TABLE promises (
        id           INTEGER PRIMARY KEY,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000000000),
        promised_on  TEXT NOT NULL,
        due_date     TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','broken','cancelled')),
        resolved_on  TEXT,
        activity_id  INTEGER REFERENCES activities(id),
        created_at   TEXT NOT NULL,
        created_by   INTEGER REFERENCES users(id),
        CHECK (due_date >= promised_on)
      ) STRICT;
      CREATE INDEX promises_guarantor ON promises(guarantor_id);
      CREATE INDEX promises_open ON promises(due_date) WHERE status = 'open';

      CREATE TABLE work_log (
        id        INTEGER PRIMARY KEY,
        item_key  TEXT NOT NULL,
        worked_on TEXT NOT NULL,
        user_id   INTEGER REFERENCES users(id),
        outcome   TEXT NOT NULL,
        at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX work_log_day ON work_log(worked_on, user_id);
    `);
  },
};

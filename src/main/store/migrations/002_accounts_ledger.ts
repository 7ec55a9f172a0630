// 002: guarantors, accounts and the immutable ledger; payments (receipts) and their allocations;
// the activity log, follow-up tasks, printed documents; import profiles and batches; the name
// search index. Money is INTEGER cents with CHECKs; ledger rows can never be changed or deleted.
import type { Migration } from './index';

export const migration002: Migration = {
  version: 2,
  name: 'accounts, ledger, activity, tasks, documents, imports',
  up(db) {
    db.exec(`
      CREATE TABLE guarantors (
        id                 INTEGER PRIMARY KEY,
        external_id        TEXT UNIQUE,
        mrn                TEXT COLLATE NOCASE,
        last_name          TEXT NOT NULL,
        first_name         TEXT NOT NULL,
        middle_name        TEXT NOT NULL DEFAULT '',
        date_of_birth      TEXT,
        address_line1      TEXT NOT NULL DEFAULT '',
        address_line2      TEXT NOT NULL DEFAULT '',
        city               TEXT NOT NULL DEFAULT '',
        state              TEXT NOT NULL DEFAULT '',
        zip                TEXT NOT NULL DEFAULT '',
        phone              TEXT NOT NULL DEFAULT '',
        phone_last4        TEXT GENERATED ALWAYS AS (substr(phone, -4)) VIRTUAL,
        email              TEXT NOT NULL DEFAULT '',
        language           TEXT NOT NULL DEFAULT 'English',
        employer           TEXT NOT NULL DEFAULT '',
        is_employee        INTEGER NOT NULL DEFAULT 0 CHECK (is_employee IN (0,1)),
        employee_id        TEXT,
        pay_frequency      TEXT CHECK (pay_frequency IN ('weekly','biweekly','semimonthly','monthly')),
        hourly_rate_cents  INTEGER CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents BETWEEN 0 AND 100000000),
        annual_salary_cents INTEGER CHECK (annual_salary_cents IS NULL OR annual_salary_cents BETWEEN 0 AND 100000000000),
        deceased           INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0,1)),
        date_of_death      TEXT,
        death_source       TEXT NOT NULL DEFAULT '',
        fap_status         TEXT NOT NULL DEFAULT 'unknown'
                           CHECK (fap_status IN ('unknown','not_applied','pending','approved_full','approved_partial','denied')),
        fap_status_date    TEXT,
        bankruptcy         INTEGER NOT NULL DEFAULT 0 CHECK (bankruptcy IN (0,1)),
        do_not_call        INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0,1)),
        do_not_mail        INTEGER NOT NULL DEFAULT 0 CHECK (do_not_mail IN (0,1)),
        do_not_email       INTEGER NOT NULL DEFAULT 0 CHECK (do_not_email IN (0,1)),
        balance_cents      INTEGER NOT NULL DEFAULT 0 CHECK (balance_cents BETWEEN -1000000000000 AND 1000000000000),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX guarantors_mrn ON guarantors(mrn);
      CREATE INDEX guarantors_phone ON guarantors(phone);
      CREATE INDEX guarantors_phone_last4 ON guarantors(phone_last4);
      CREATE INDEX guarantors_dob ON guarantors(date_of_birth);

      CREATE TABLE accounts (
        id                    INTEGER PRIMARY KEY,
        account_number        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        guarantor_id          INTEGER NOT NULL REFERENCES guarantors(id),
        patient_name          TEXT NOT NULL DEFAULT '',
        service_from          TEXT NOT NULL,
        service_to            TEXT NOT NULL,
        service_type          TEXT NOT NULL CHECK (service_type IN ('inpatient','outpatient','emergency','obstetric')),
        payer_class           TEXT NOT NULL CHECK (payer_class IN ('self_pay','medicare','medicare_advantage','medicaid','commercial')),
        state_of_service      TEXT NOT NULL DEFAULT '',
        mbi                   TEXT,
        medicare_ra_date      TEXT,
        medicaid_number       TEXT,
        medicaid_ra_date      TEXT,
        secondary_ra_date     TEXT,
        deductible_cents      INTEGER NOT NULL DEFAULT 0 CHECK (deductible_cents BETWEEN 0 AND 1000000000000),
        coinsurance_cents     INTEGER NOT NULL DEFAULT 0 CHECK (coinsurance_cents BETWEEN 0 AND 1000000000000),
        last_illness          INTEGER NOT NULL DEFAULT 0 CHECK (last_illness IN (0,1)),
        first_statement_date  TEXT,
        balance_cents         INTEGER NOT NULL DEFAULT 0 CHECK (balance_cents BETWEEN -1000000000000 AND 1000000000000),
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        CHECK (service_to >= service_from)
      ) STRICT;
      CREATE INDEX accounts_guarantor ON accounts(guarantor_id);

      -- A payment as received (one receipt), allocated across accounts by its ledger entries.
      CREATE TABLE payments (
        id             INTEGER PRIMARY KEY,
        receipt_number TEXT NOT NULL UNIQUE,
        guarantor_id   INTEGER NOT NULL REFERENCES guarantors(id),
        method         TEXT NOT NULL CHECK (method IN ('cash','check','card','money_order','ach')),
        reference      TEXT NOT NULL DEFAULT '',
        amount_cents   INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000000000),
        effective_date TEXT NOT NULL,
        received_by    INTEGER REFERENCES users(id),
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payments_guarantor ON payments(guarantor_id);

      CREATE TABLE import_batches (
        id            INTEGER PRIMARY KEY,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        user_id       INTEGER REFERENCES users(id),
        source        TEXT NOT NULL,
        files         TEXT NOT NULL CHECK (json_valid(files)),
        counts        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts))
      ) STRICT;

      -- The ledger: immutable. A mistake is corrected by a reversal entry pointing at it.
      CREATE TABLE ledger_entries (
        id             INTEGER PRIMARY KEY,
        account_id     INTEGER NOT NULL REFERENCES accounts(id),
        type           TEXT NOT NULL CHECK (type IN (
                         'charge','insurance_payment','contractual_adjustment','patient_payment','agency_remittance',
                         'payroll_deduction','court_recovery','estate_recovery','charity_adjustment','bad_debt_writeoff',
                         'administrative_adjustment','refund','reversal')),
        amount_cents   INTEGER NOT NULL CHECK (amount_cents <> 0 AND amount_cents BETWEEN -1000000000000 AND 1000000000000),
        effective_date TEXT NOT NULL,
        posted_at      TEXT NOT NULL,
        posted_by      INTEGER REFERENCES users(id),
        reference      TEXT NOT NULL DEFAULT '',
        reason_code    TEXT,
        memo           TEXT NOT NULL DEFAULT '',
        external_id    TEXT,
        payment_id     INTEGER REFERENCES payments(id),
        reverses_id    INTEGER REFERENCES ledger_entries(id),
        import_batch_id INTEGER REFERENCES import_batches(id),
        approved_by    INTEGER REFERENCES users(id),
        -- Sign by type: what raises the balance is positive, what lowers it negative.
        CHECK (type NOT IN ('charge','refund') OR amount_cents > 0),
        CHECK (type NOT IN ('insurance_payment','contractual_adjustment','patient_payment','agency_remittance',
                            'payroll_deduction','court_recovery','estate_recovery','charity_adjustment','bad_debt_writeoff')
               OR amount_cents < 0),
        CHECK ((type = 'reversal') = (reverses_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX ledger_account ON ledger_entries(account_id, id);
      CREATE UNIQUE INDEX ledger_external ON ledger_entries(external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX ledger_payment ON ledger_entries(payment_id) WHERE payment_id IS NOT NULL;
      -- An entry is reversed at most once.
      CREATE UNIQUE INDEX ledger_reverses ON ledger_entries(reverses_id) WHERE reverses_id IS NOT NULL;
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries cannot be changed; reverse them'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries cannot be deleted; reverse them'); END;

      CREATE TABLE activities (
        id           INTEGER PRIMARY KEY,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        account_id   INTEGER REFERENCES accounts(id),
        kind         TEXT NOT NULL CHECK (kind IN ('call','letter','visit','note')),
        direction    TEXT CHECK (direction IN ('inbound','outbound')),
        outcome      TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        occurred_on  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        created_by   INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX activities_guarantor ON activities(guarantor_id, occurred_on);

      CREATE TABLE tasks (
        id           INTEGER PRIMARY KEY,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        account_id   INTEGER REFERENCES accounts(id),
        title        TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        due_date     TEXT NOT NULL,
        assignee_id  INTEGER REFERENCES users(id),
        status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
        created_at   TEXT NOT NULL,
        created_by   INTEGER REFERENCES users(id),
        closed_at    TEXT,
        closed_by    INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX tasks_guarantor ON tasks(guarantor_id, status);
      CREATE INDEX tasks_due ON tasks(status, due_date, assignee_id);

      -- Every document printed for a guarantor, with its bytes, so a reprint is identical.
      CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        guarantor_id INTEGER REFERENCES guarantors(id),
        kind         TEXT NOT NULL,
        title        TEXT NOT NULL,
        file_name    TEXT NOT NULL,
        mime_type    TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        bytes        BLOB NOT NULL,
        created_at   TEXT NOT NULL,
        created_by   INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX documents_guarantor ON documents(guarantor_id, created_at);

      CREATE TABLE import_profiles (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        layout     TEXT NOT NULL CHECK (layout IN ('combined','guarantors','accounts','transactions')),
        mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Name search: every name token of a guarantor, for partial, any-order matching.
      CREATE TABLE name_tokens (
        token        TEXT NOT NULL,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        PRIMARY KEY (token, guarantor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX name_tokens_guarantor ON name_tokens(guarantor_id);
    `);
  },
};

// 024: employee-patients (issue 16). The hospital's employee roster as imported (matched to a
// guarantor only when a person confirms it), the column mappings payroll's files use, the
// wage-floor table (PD-01: federal and per-state minimum wages, exempt salary levels and deduction
// limits, with effective dates), the arrangements (a payroll deduction or an automatic bank
// transfer: the accounts covered, the amount, the first date, the signed authorization, PD-02),
// and each pay period's run (the file sent to payroll or the bank, what came back, each line
// reconciled and posted).
import { randomBytes } from 'node:crypto';
import type { Db } from '../database';
import type { Migration } from './index';

export const migration024: Migration = {
  version: 24,
  name: 'payroll',
  up(db: Db) {
    db.exec(`
      -- A mapping of a payroll file's columns: the roster, the deduction file Recoup writes, and
      -- payroll's confirmation of what it deducted.
      CREATE TABLE payroll_profiles (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('roster','deductions','confirmation')),
        name       TEXT NOT NULL COLLATE NOCASE,
        mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        UNIQUE (kind, name)
      ) STRICT;

      -- Each roster file imported (all-or-nothing), with its hash and what it changed.
      CREATE TABLE roster_imports (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        lines       INTEGER NOT NULL CHECK (lines >= 0),
        added       INTEGER NOT NULL CHECK (added >= 0),
        updated     INTEGER NOT NULL CHECK (updated >= 0),
        terminated  INTEGER NOT NULL CHECK (terminated >= 0),
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- The roster: one row per employee id. Hours are hundredths of an hour a week.
      CREATE TABLE employees (
        id                  INTEGER PRIMARY KEY,
        employee_number     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(employee_number) BETWEEN 1 AND 30),
        last_name           TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        first_name          TEXT NOT NULL CHECK (length(first_name) <= 100),
        birth_date          TEXT,
        pay_frequency       TEXT NOT NULL CHECK (pay_frequency IN ('weekly','biweekly','semimonthly','monthly')),
        pay_type            TEXT NOT NULL CHECK (pay_type IN ('hourly','salary')),
        hourly_rate_cents   INTEGER CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents BETWEEN 1 AND 100000000),
        annual_salary_cents INTEGER CHECK (annual_salary_cents IS NULL OR annual_salary_cents BETWEEN 1 AND 100000000000),
        weekly_hours_centi  INTEGER NOT NULL CHECK (weekly_hours_centi BETWEEN 1 AND 16800),
        exempt              INTEGER NOT NULL CHECK (exempt IN (0,1)),
        work_state          TEXT NOT NULL CHECK (length(work_state) = 2),
        status              TEXT NOT NULL CHECK (status IN ('active','terminated')),
        terminated_on       TEXT,
        -- Who recorded the termination: 'roster' (a later roster saying active is a rehire) or
        -- 'clerk' (terminated by hand: Recoup's own fact, which no roster lifts).
        termination_source  TEXT CHECK (termination_source IS NULL OR termination_source IN ('roster','clerk')),
        -- Set only when a person confirms the match (never by name alone).
        guarantor_id        INTEGER UNIQUE REFERENCES guarantors(id),
        matched_on          TEXT,
        matched_by          INTEGER REFERENCES users(id),
        roster_import_id    INTEGER REFERENCES roster_imports(id),
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        CHECK ((pay_type = 'hourly') = (hourly_rate_cents IS NOT NULL)),
        CHECK ((pay_type = 'salary') = (annual_salary_cents IS NOT NULL)),
        CHECK ((status = 'terminated') = (terminated_on IS NOT NULL)),
        CHECK ((status = 'terminated') = (termination_source IS NOT NULL)),
        CHECK ((guarantor_id IS NULL) = (matched_on IS NULL))
      ) STRICT;
      CREATE INDEX employees_birth ON employees(birth_date);
      -- A roster's match by the employee id on the guarantor's record (any letter case).
      CREATE INDEX guarantors_employee_id ON guarantors(employee_id COLLATE NOCASE) WHERE employee_id IS NOT NULL;

      -- A likely match a person said was not the same person: never offered again.
      CREATE TABLE employee_match_rejections (
        employee_id  INTEGER NOT NULL REFERENCES employees(id),
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        rejected_on  TEXT NOT NULL,
        rejected_by  INTEGER REFERENCES users(id),
        PRIMARY KEY (employee_id, guarantor_id)
      ) STRICT;

      -- PD-01: the wage floor. 'US' is the federal row; a state's row adds to it (the higher
      -- minimum stands). Each row stands from its date until a later row of the same place.
      CREATE TABLE wage_floors (
        id                          INTEGER PRIMARY KEY,
        jurisdiction                TEXT NOT NULL CHECK (length(jurisdiction) = 2),
        effective_from              TEXT NOT NULL,
        minimum_wage_cents          INTEGER NOT NULL CHECK (minimum_wage_cents BETWEEN 1 AND 100000),
        exempt_weekly_salary_cents  INTEGER CHECK (exempt_weekly_salary_cents IS NULL OR exempt_weekly_salary_cents BETWEEN 1 AND 10000000),
        deduction_limit_bp          INTEGER CHECK (deduction_limit_bp IS NULL OR deduction_limit_bp BETWEEN 1 AND 10000),
        source                      TEXT NOT NULL DEFAULT '',
        created_at                  TEXT NOT NULL,
        created_by                  INTEGER REFERENCES users(id),
        UNIQUE (jurisdiction, effective_from)
      ) STRICT;
      INSERT INTO wage_floors (jurisdiction, effective_from, minimum_wage_cents, exempt_weekly_salary_cents, deduction_limit_bp, source, created_at)
        VALUES ('US', '2020-01-01', 725, 68400, NULL,
                'FLSA 29 U.S.C. 206(a)(1)(C) ($7.25 since 2009-07-24); 29 CFR 541.600 ($684 a week since 2020-01-01)',
                '2020-01-01T00:00:00.000Z');

      -- An arrangement: a payroll deduction (an employee's paychecks) or an automatic bank
      -- transfer (the guarantor's bank account). It deducts nothing until the signed authorization
      -- is recorded (PD-02); it ends when the accounts are paid, at a termination, a revocation or
      -- when a clerk stops it.
      CREATE TABLE deduction_arrangements (
        id                  INTEGER PRIMARY KEY,
        guarantor_id        INTEGER NOT NULL REFERENCES guarantors(id),
        method              TEXT NOT NULL CHECK (method IN ('payroll','bank')),
        employee_id         INTEGER REFERENCES employees(id),
        amount_cents        INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
        frequency           TEXT NOT NULL CHECK (frequency IN ('weekly','biweekly','semimonthly','monthly')),
        first_date          TEXT NOT NULL,
        -- What the covered accounts owed when it was set up (the form's total balance).
        total_cents         INTEGER NOT NULL CHECK (total_cents > 0),
        -- The wage-floor check when it was set up (payroll): the rule's answer, as JSON.
        wage_check          TEXT CHECK (wage_check IS NULL OR json_valid(wage_check)),
        status              TEXT NOT NULL CHECK (status IN ('awaiting_signature','active','paid','terminated','revoked','stopped','cancelled')),
        authorization_document_id INTEGER REFERENCES documents(id),
        signed_on           TEXT,
        signed_recorded_by  INTEGER REFERENCES users(id),
        ended_on            TEXT,
        end_note            TEXT,
        ended_by            INTEGER REFERENCES users(id),
        -- Automatic bank transfer: the account number sealed (AES-256-GCM under a key derived from
        -- the store's data key), only its last four digits in the clear.
        bank_holder_name    TEXT,
        bank_account_type   TEXT CHECK (bank_account_type IS NULL OR bank_account_type IN ('checking','savings')),
        bank_routing        TEXT CHECK (bank_routing IS NULL OR (length(bank_routing) = 9 AND bank_routing NOT GLOB '*[^0-9]*')),
        bank_account_last4  TEXT,
        bank_account_sealed BLOB,
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        CHECK ((method = 'payroll') = (employee_id IS NOT NULL)),
        CHECK ((method = 'bank') = (bank_account_sealed IS NOT NULL AND bank_routing IS NOT NULL AND bank_account_type IS NOT NULL AND bank_holder_name IS NOT NULL AND bank_account_last4 IS NOT NULL)),
        CHECK (status IN ('awaiting_signature','cancelled') OR signed_on IS NOT NULL),
        CHECK ((status IN ('awaiting_signature','active')) = (ended_on IS NULL))
      ) STRICT;
      -- One live arrangement per guarantor.
      CREATE UNIQUE INDEX deduction_arrangements_live ON deduction_arrangements(guarantor_id)
        WHERE status IN ('awaiting_signature','active');
      CREATE INDEX deduction_arrangements_employee ON deduction_arrangements(employee_id);

      -- The accounts an arrangement covers, each with the hold that keeps it out of the statement
      -- cycle while the arrangement is active (released when it ends).
      CREATE TABLE deduction_arrangement_accounts (
        arrangement_id INTEGER NOT NULL REFERENCES deduction_arrangements(id),
        account_id     INTEGER NOT NULL REFERENCES accounts(id),
        hold_id        INTEGER REFERENCES holds(id),
        PRIMARY KEY (arrangement_id, account_id)
      ) STRICT;
      CREATE INDEX deduction_arrangement_accounts_account ON deduction_arrangement_accounts(account_id);

      -- One pay period's run: the deduction file sent to payroll for a pay date, or the transfer
      -- file sent to the bank for a debit date; then what came back.
      CREATE TABLE deduction_runs (
        id                  INTEGER PRIMARY KEY,
        method              TEXT NOT NULL CHECK (method IN ('payroll','bank')),
        run_date            TEXT NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('sent','reconciled')),
        file_name           TEXT NOT NULL,
        file_sha256         TEXT NOT NULL,
        profile_id          INTEGER REFERENCES payroll_profiles(id),
        expected_cents      INTEGER NOT NULL CHECK (expected_cents >= 0),
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        reconciled_at       TEXT,
        reconciled_by       INTEGER REFERENCES users(id),
        confirmation_name   TEXT,
        confirmation_sha256 TEXT,
        deducted_cents      INTEGER CHECK (deducted_cents IS NULL OR deducted_cents >= 0),
        UNIQUE (method, run_date),
        CHECK ((status = 'reconciled') = (reconciled_at IS NOT NULL))
      ) STRICT;

      -- A line of a run: one arrangement's expected amount, then what was deducted (or debited),
      -- the outcome, the ledger entries it posted (payments row for a bank debit), and for a
      -- missed or short line the work-queue item's resolution.
      CREATE TABLE deduction_run_lines (
        id              INTEGER PRIMARY KEY,
        run_id          INTEGER NOT NULL REFERENCES deduction_runs(id),
        arrangement_id  INTEGER NOT NULL REFERENCES deduction_arrangements(id),
        expected_cents  INTEGER NOT NULL CHECK (expected_cents > 0),
        deducted_cents  INTEGER CHECK (deducted_cents IS NULL OR deducted_cents >= 0),
        hours_centi     INTEGER CHECK (hours_centi IS NULL OR hours_centi >= 0),
        gross_cents     INTEGER CHECK (gross_cents IS NULL OR gross_cents >= 0),
        outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('deducted','short','missed','returned')),
        return_code     TEXT,
        payment_id      INTEGER REFERENCES payments(id),
        resolved_on     TEXT,
        resolved_by     INTEGER REFERENCES users(id),
        resolution_note TEXT,
        UNIQUE (run_id, arrangement_id)
      ) STRICT;
      CREATE INDEX deduction_run_lines_arrangement ON deduction_run_lines(arrangement_id);
      CREATE INDEX deduction_run_lines_open ON deduction_run_lines(run_id)
        WHERE outcome IN ('short','missed','returned') AND resolved_on IS NULL;

      -- The store's own random key for sealing bank account numbers inside the encrypted store
      -- (payroll/bankSeal.ts). Kept in the database, so a change of the data key, a backup and a
      -- restore all carry it.
      CREATE TABLE sealing_keys (
        purpose    TEXT PRIMARY KEY CHECK (purpose IN ('bank_account')),
        key        BLOB NOT NULL CHECK (length(key) = 32),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    db.prepare("INSERT INTO sealing_keys (purpose, key, created_at) VALUES ('bank_account', ?, ?)").run(
      randomBytes(32),
      new Date().toISOString(),
    );
  },
};

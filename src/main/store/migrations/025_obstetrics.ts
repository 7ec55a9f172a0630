// 025: obstetric prepayment (issue 17, PP-04). An expectant patient's OB arrangement: the interview's
// estimate and schedule (each revision kept as a version: a moved delivery date recomputes the
// schedule with its history), the deposits received before delivery (held for her, off the
// ledger: there is no account yet, so nothing pre-delivery starts the 501(r) clock), the delivery
// account(s) they are applied to once the billing extract brings them (confirmed by a clerk), the
// monthly OB statements, and the true-up after the claim is adjudicated.
import type { Db } from '../database';
import type { Migration } from './index';

export const migration025: Migration = {
  version: 25,
  name: 'obstetrics',
  up(db: Db) {
    db.exec(`
      -- A guarantor Recoup made itself (an expectant patient interviewed before registration's
      -- extract knows her); 'extract' for every other.
      ALTER TABLE guarantors ADD COLUMN origin TEXT NOT NULL DEFAULT 'extract' CHECK (origin IN ('extract','ob_interview'));

      CREATE TABLE ob_cases (
        id                    INTEGER PRIMARY KEY,
        guarantor_id          INTEGER NOT NULL REFERENCES guarantors(id),
        status                TEXT NOT NULL CHECK (status IN ('awaiting_signature','active','delivered','closed','cancelled')),
        -- The language of her documents ('' = the guarantor's own).
        language              TEXT NOT NULL DEFAULT '',
        -- The financial-assistance screening offered at the interview, and her answer.
        fap_screening         TEXT NOT NULL CHECK (fap_screening IN ('declined','will_apply','applied','approved')),
        agreement_document_id INTEGER REFERENCES documents(id),
        -- The version the agreement to sign was printed for, and the version she signed.
        agreement_version_id  INTEGER REFERENCES ob_versions(id),
        signed_version_id     INTEGER REFERENCES ob_versions(id),
        signed_on             TEXT,
        signed_recorded_by    INTEGER REFERENCES users(id),
        delivered_on          TEXT,
        delivery_recorded_by  INTEGER REFERENCES users(id),
        cancelled_on          TEXT,
        cancel_note           TEXT,
        cancelled_by          INTEGER REFERENCES users(id),
        -- The true-up: her real share once the claim was adjudicated, and what came of it.
        real_share_cents      INTEGER CHECK (real_share_cents IS NULL OR real_share_cents BETWEEN 0 AND 100000000000),
        real_share_source     TEXT,
        trued_up_on           TEXT,
        true_up_outcome       TEXT CHECK (true_up_outcome IS NULL OR true_up_outcome IN ('refund','bill','even')),
        true_up_cents         INTEGER CHECK (true_up_cents IS NULL OR true_up_cents >= 0),
        trued_up_by           INTEGER REFERENCES users(id),
        true_up_letter_id     INTEGER REFERENCES documents(id),
        -- The guarantor the case was first opened under, when a clerk moved it to the record the
        -- extract brought for the same patient.
        moved_from_guarantor_id INTEGER REFERENCES guarantors(id),
        created_at            TEXT NOT NULL,
        created_by            INTEGER REFERENCES users(id),
        -- Paying before delivery needs her signature; a delivery (even an early one before she
        -- signed) and what follows it do not.
        CHECK (status <> 'active' OR signed_on IS NOT NULL),
        CHECK (status NOT IN ('delivered','closed') OR delivered_on IS NOT NULL),
        CHECK (status <> 'cancelled' OR cancelled_on IS NOT NULL),
        CHECK ((status = 'closed') = (trued_up_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX ob_cases_guarantor ON ob_cases(guarantor_id);
      CREATE INDEX ob_cases_status ON ob_cases(status);
      -- One pregnancy before delivery at a time per guarantor.
      CREATE UNIQUE INDEX ob_cases_live ON ob_cases(guarantor_id) WHERE status IN ('awaiting_signature','active');

      -- The estimate and schedule as made at the interview and at each revision (never rewritten).
      CREATE TABLE ob_versions (
        id                INTEGER PRIMARY KEY,
        case_id           INTEGER NOT NULL REFERENCES ob_cases(id),
        version           INTEGER NOT NULL CHECK (version >= 1),
        reason            TEXT NOT NULL CHECK (reason IN ('interview','date_moved','estimate_revised')),
        note              TEXT NOT NULL DEFAULT '',
        expected_delivery TEXT NOT NULL,
        delivery_kind     TEXT NOT NULL CHECK (delivery_kind IN ('vaginal','cesarean')),
        -- The interview's coverage facts (ObCoverage), as JSON.
        coverage          TEXT NOT NULL CHECK (json_valid(coverage)),
        charges_cents     INTEGER NOT NULL CHECK (charges_cents > 0),
        self_pay_discount_bp INTEGER NOT NULL CHECK (self_pay_discount_bp BETWEEN 0 AND 10000),
        assistance_bp     INTEGER NOT NULL CHECK (assistance_bp BETWEEN 0 AND 10000),
        estimate_cents    INTEGER NOT NULL CHECK (estimate_cents >= 0),
        -- The rule's answer (ObEstimate: the steps of the arithmetic), as JSON.
        estimate          TEXT NOT NULL CHECK (json_valid(estimate)),
        days_before       INTEGER NOT NULL CHECK (days_before BETWEEN 1 AND 180),
        last_allowed      TEXT NOT NULL,
        first_due         TEXT,
        -- The deposits held when this version was made; the schedule collects the rest.
        held_before_cents INTEGER NOT NULL CHECK (held_before_cents >= 0),
        scheduled_cents   INTEGER NOT NULL CHECK (scheduled_cents >= 0),
        empty_reason      TEXT CHECK (empty_reason IS NULL OR empty_reason IN ('nothing_due','too_near')),
        made_on           TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        created_by        INTEGER REFERENCES users(id),
        UNIQUE (case_id, version)
      ) STRICT;

      CREATE TABLE ob_installments (
        version_id   INTEGER NOT NULL REFERENCES ob_versions(id),
        seq          INTEGER NOT NULL CHECK (seq >= 1),
        due_date     TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        PRIMARY KEY (version_id, seq)
      ) STRICT, WITHOUT ROWID;

      -- Money received before delivery, held for her (not on the ledger: no account exists yet),
      -- then applied to the delivery account as a patient payment, refunded, or reversed as a mistake.
      CREATE TABLE ob_deposits (
        id              INTEGER PRIMARY KEY,
        case_id         INTEGER NOT NULL REFERENCES ob_cases(id),
        receipt_number  TEXT NOT NULL UNIQUE,
        amount_cents    INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000000),
        received_on     TEXT NOT NULL,
        method          TEXT NOT NULL CHECK (method IN ('cash','check','card','money_order','ach')),
        reference       TEXT NOT NULL DEFAULT '',
        received_by     INTEGER REFERENCES users(id),
        created_at      TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('held','applied','refunded','reversed')),
        applied_on      TEXT,
        payment_id      INTEGER REFERENCES payments(id),
        refunded_on     TEXT,
        refund_method   TEXT CHECK (refund_method IS NULL OR refund_method IN ('cash','check','card','money_order','ach')),
        refund_reference TEXT,
        reversed_on     TEXT,
        reverse_note    TEXT,
        closed_by       INTEGER REFERENCES users(id),
        CHECK ((status = 'applied') = (payment_id IS NOT NULL AND applied_on IS NOT NULL)),
        CHECK ((status = 'refunded') = (refunded_on IS NOT NULL)),
        CHECK ((status = 'reversed') = (reversed_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX ob_deposits_case ON ob_deposits(case_id, status);

      -- The delivery account(s) a clerk confirmed for the case, each held from statements until the
      -- true-up (hold_id), then released into the ordinary cycle.
      CREATE TABLE ob_delivery_accounts (
        case_id    INTEGER NOT NULL REFERENCES ob_cases(id),
        account_id INTEGER NOT NULL UNIQUE REFERENCES accounts(id),
        hold_id    INTEGER REFERENCES holds(id),
        linked_on  TEXT NOT NULL,
        linked_by  INTEGER REFERENCES users(id),
        PRIMARY KEY (case_id, account_id)
      ) STRICT;

      -- A run of monthly OB statements (alone, or after the monthly statement run): one PDF.
      CREATE TABLE ob_statement_runs (
        id             INTEGER PRIMARY KEY,
        statement_date TEXT NOT NULL,
        document_id    INTEGER REFERENCES documents(id),
        created_at     TEXT NOT NULL,
        created_by     INTEGER REFERENCES users(id)
      ) STRICT;

      -- Each OB statement sent, with the figures it printed (never the 501(r) clock's first statement).
      CREATE TABLE ob_statements (
        id               INTEGER PRIMARY KEY,
        case_id          INTEGER NOT NULL REFERENCES ob_cases(id),
        run_id           INTEGER REFERENCES ob_statement_runs(id),
        version_id       INTEGER NOT NULL REFERENCES ob_versions(id),
        statement_date   TEXT NOT NULL,
        language         TEXT NOT NULL,
        estimate_cents   INTEGER NOT NULL,
        paid_cents       INTEGER NOT NULL,
        next_due_date    TEXT,
        next_due_cents   INTEGER NOT NULL,
        past_due_cents   INTEGER NOT NULL,
        document_id      INTEGER REFERENCES documents(id),
        created_at       TEXT NOT NULL,
        created_by       INTEGER REFERENCES users(id),
        UNIQUE (case_id, statement_date)
      ) STRICT;
      CREATE INDEX ob_statements_run ON ob_statements(run_id);
    `);
  },
};

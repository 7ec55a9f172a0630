// 023: Medicare bad debt (issue 15). The X12 835 remittances as received (each file once, its
// transactions, claims, claim- and line-level adjustments, provider-level adjustments) with what
// each claim posted to the ledger or why it did not; the facts of an account the listing needs
// that the extract does not carry (professional component, QMB, CCN, the Medicaid "AD"); the
// indigence determinations (BD-11); the write-offs a clerk proposes and a supervisor decides
// (BD-09); and each listing exported for a cost report (BD-14), with its hash.
import type { Db } from '../database';
import type { Migration } from './index';

export const migration023: Migration = {
  version: 23,
  name: 'bad_debt',
  up(db: Db) {
    db.exec(`
      -- One 835 file as imported: refused a second time by its hash (X-01).
      CREATE TABLE remittance_files (
        id                INTEGER PRIMARY KEY,
        file_name         TEXT NOT NULL,
        sha256            TEXT NOT NULL UNIQUE,
        interchange_control TEXT NOT NULL,
        sender_id         TEXT NOT NULL,
        receiver_id       TEXT NOT NULL,
        interchange_date  TEXT NOT NULL,
        import_batch_id   INTEGER NOT NULL REFERENCES import_batches(id),
        claims            INTEGER NOT NULL CHECK (claims >= 0),
        posted            INTEGER NOT NULL CHECK (posted >= 0),
        unmatched         INTEGER NOT NULL CHECK (unmatched >= 0),
        paid_cents        INTEGER NOT NULL,
        adjusted_cents    INTEGER NOT NULL,
        imported_at       TEXT NOT NULL,
        imported_by       INTEGER REFERENCES users(id)
      ) STRICT;

      -- One transaction (ST..SE): one payer's payment or advice to one payee.
      CREATE TABLE remittance_transactions (
        id                INTEGER PRIMARY KEY,
        file_id           INTEGER NOT NULL REFERENCES remittance_files(id),
        control_number    TEXT NOT NULL,
        payer_name        TEXT NOT NULL,
        payer_id          TEXT NOT NULL DEFAULT '',
        payee_name        TEXT NOT NULL DEFAULT '',
        payee_id          TEXT NOT NULL DEFAULT '',
        trace_number      TEXT NOT NULL DEFAULT '',
        handling          TEXT NOT NULL,
        payment_method    TEXT NOT NULL DEFAULT '',
        payment_cents     INTEGER NOT NULL,
        paid_on           TEXT,
        remittance_date   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX remittance_transactions_file ON remittance_transactions(file_id);

      -- One claim (CLP, loop 2100) and what became of it. payer_role from CLP02 (X-01); medicare
      -- from CLP06 (MA/MB); the PR-1/2/3 and CO sums are claim and line levels together (X-02).
      CREATE TABLE remittance_claims (
        id                 INTEGER PRIMARY KEY,
        transaction_id     INTEGER NOT NULL REFERENCES remittance_transactions(id),
        seq                INTEGER NOT NULL,
        patient_control    TEXT NOT NULL,
        account_id         INTEGER REFERENCES accounts(id),
        status_code        TEXT NOT NULL,
        payer_role         TEXT NOT NULL CHECK (payer_role IN ('primary','secondary','tertiary','denied','reversal','other')),
        filing_indicator   TEXT NOT NULL DEFAULT '',
        medicare           INTEGER NOT NULL CHECK (medicare IN (0,1)),
        medicaid           INTEGER NOT NULL CHECK (medicaid IN (0,1)),
        payer_claim_number TEXT NOT NULL DEFAULT '',
        charge_cents       INTEGER NOT NULL,
        paid_cents         INTEGER NOT NULL,
        patient_resp_cents INTEGER NOT NULL DEFAULT 0,
        deductible_cents   INTEGER NOT NULL DEFAULT 0,
        coinsurance_cents  INTEGER NOT NULL DEFAULT 0,
        copay_cents        INTEGER NOT NULL DEFAULT 0,
        contractual_cents  INTEGER NOT NULL DEFAULT 0,
        other_adjustment_cents INTEGER NOT NULL DEFAULT 0,
        patient_last       TEXT NOT NULL DEFAULT '',
        patient_first      TEXT NOT NULL DEFAULT '',
        member_id          TEXT NOT NULL DEFAULT '',
        service_from       TEXT,
        service_to         TEXT,
        outcome            TEXT NOT NULL CHECK (outcome IN ('posted','recorded','reversed_prior','unmatched','duplicate')),
        reason             TEXT NOT NULL DEFAULT '',
        claim_key          TEXT NOT NULL,
        reverses_claim_id  INTEGER REFERENCES remittance_claims(id)
      ) STRICT;
      CREATE INDEX remittance_claims_transaction ON remittance_claims(transaction_id, seq);
      CREATE INDEX remittance_claims_account ON remittance_claims(account_id) WHERE account_id IS NOT NULL;
      CREATE INDEX remittance_claims_key ON remittance_claims(claim_key);
      CREATE INDEX remittance_claims_payer_claim ON remittance_claims(payer_claim_number, account_id);
      -- A claim already reversed is found by its reversal (duplicates, a reversal's original).
      CREATE INDEX remittance_claims_reverses ON remittance_claims(reverses_claim_id) WHERE reverses_claim_id IS NOT NULL;

      -- Each CAS triplet (X-02): line_no 0 is the claim level (2100), 1.. the service lines (2110).
      CREATE TABLE remittance_adjustments (
        id             INTEGER PRIMARY KEY,
        claim_id       INTEGER NOT NULL REFERENCES remittance_claims(id),
        line_no        INTEGER NOT NULL CHECK (line_no >= 0),
        procedure      TEXT NOT NULL DEFAULT '',
        group_code     TEXT NOT NULL CHECK (group_code IN ('PR','CO','OA','PI','CR')),
        reason_code    TEXT NOT NULL,
        amount_cents   INTEGER NOT NULL,
        quantity       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX remittance_adjustments_claim ON remittance_adjustments(claim_id);

      -- Provider-level adjustments (PLB): recorded and shown, never posted to an account.
      CREATE TABLE remittance_provider_adjustments (
        id              INTEGER PRIMARY KEY,
        transaction_id  INTEGER NOT NULL REFERENCES remittance_transactions(id),
        provider_id     TEXT NOT NULL,
        fiscal_date     TEXT NOT NULL,
        reason_code     TEXT NOT NULL,
        reference       TEXT NOT NULL DEFAULT '',
        amount_cents    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX remittance_provider_adjustments_transaction ON remittance_provider_adjustments(transaction_id);

      -- What the listing needs of an account that the extract does not carry, recorded in Recoup
      -- (so no import changes it): the professional component (BD-03), QMB (Exhibit 2A col 12), the
      -- CCN it is reported under (BD-14; none: the hospital's), "AD" in place of a Medicaid RA
      -- (BD-10, with why), and the date a secondary payer said it does not cover it (BD-04 (c)).
      CREATE TABLE bad_debt_facts (
        account_id               INTEGER PRIMARY KEY REFERENCES accounts(id),
        professional_component   INTEGER NOT NULL DEFAULT 0 CHECK (professional_component IN (0,1)),
        qmb                      INTEGER NOT NULL DEFAULT 0 CHECK (qmb IN (0,1)),
        ccn                      TEXT,
        medicaid_ad              INTEGER NOT NULL DEFAULT 0 CHECK (medicaid_ad IN (0,1)),
        medicaid_ad_note         TEXT NOT NULL DEFAULT '',
        secondary_denied_on      TEXT,
        updated_at               TEXT NOT NULL,
        updated_by               INTEGER REFERENCES users(id),
        CHECK (medicaid_ad = 0 OR medicaid_ad_note <> '')
      ) STRICT;

      -- BD-11: the hospital's own determination that a non-dual beneficiary is indigent, weighing
      -- total resources, with no other source legally responsible. A signed self-declaration alone
      -- is recorded as such and is not proof. Never changed; a later one supersedes.
      CREATE TABLE indigence_determinations (
        id                      INTEGER PRIMARY KEY,
        account_id              INTEGER NOT NULL REFERENCES accounts(id),
        determined_on           TEXT NOT NULL,
        assets_cents            INTEGER NOT NULL CHECK (assets_cents >= 0),
        liabilities_cents       INTEGER NOT NULL CHECK (liabilities_cents >= 0),
        monthly_income_cents    INTEGER NOT NULL CHECK (monthly_income_cents >= 0),
        monthly_expenses_cents  INTEGER NOT NULL CHECK (monthly_expenses_cents >= 0),
        household_size          INTEGER NOT NULL CHECK (household_size BETWEEN 1 AND 20),
        extenuating             TEXT NOT NULL DEFAULT '',
        no_other_source         INTEGER NOT NULL CHECK (no_other_source IN (0,1)),
        self_declaration_only   INTEGER NOT NULL CHECK (self_declaration_only IN (0,1)),
        indigent                INTEGER NOT NULL CHECK (indigent IN (0,1)),
        note                    TEXT NOT NULL DEFAULT '',
        determined_by           INTEGER REFERENCES users(id),
        created_at              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX indigence_account ON indigence_determinations(account_id, id);

      -- A write-off as Medicare bad debt: proposed by a clerk, decided by a supervisor; approval
      -- posts the bad_debt_writeoff entry (BD-09, never a contractual adjustment). The figures are
      -- those the listing prints (cols 16, 17, 20-23), fixed at approval.
      CREATE TABLE bad_debt_writeoffs (
        id                   INTEGER PRIMARY KEY,
        account_id           INTEGER NOT NULL REFERENCES accounts(id),
        status               TEXT NOT NULL CHECK (status IN ('proposed','approved','rejected','reversed')),
        ceased_on            TEXT NOT NULL,
        deductible_cents     INTEGER NOT NULL CHECK (deductible_cents >= 0),
        coinsurance_cents    INTEGER NOT NULL CHECK (coinsurance_cents >= 0),
        paid_prior_cents     INTEGER NOT NULL CHECK (paid_prior_cents >= 0),
        amount_cents         INTEGER NOT NULL CHECK (amount_cents > 0),
        proposed_note        TEXT NOT NULL DEFAULT '',
        proposed_at          TEXT NOT NULL,
        proposed_by          INTEGER REFERENCES users(id),
        written_off_on       TEXT,
        decided_at           TEXT,
        decided_by           INTEGER REFERENCES users(id),
        decision_note        TEXT NOT NULL DEFAULT '',
        ledger_entry_id      INTEGER REFERENCES ledger_entries(id),
        reversed_at          TEXT,
        reversed_by          INTEGER REFERENCES users(id),
        reversal_reason      TEXT NOT NULL DEFAULT '',
        CHECK ((status IN ('approved','reversed')) = (ledger_entry_id IS NOT NULL)),
        CHECK ((status IN ('approved','reversed')) = (written_off_on IS NOT NULL)),
        CHECK ((status = 'proposed') = (decided_at IS NULL)),
        CHECK ((status = 'reversed') = (reversed_at IS NOT NULL)),
        CHECK (written_off_on IS NULL OR written_off_on >= ceased_on)
      ) STRICT;
      -- At most one write-off in progress or standing per account.
      CREATE UNIQUE INDEX bad_debt_writeoffs_open ON bad_debt_writeoffs(account_id) WHERE status IN ('proposed','approved');
      CREATE INDEX bad_debt_writeoffs_period ON bad_debt_writeoffs(written_off_on) WHERE status = 'approved';

      -- Each listing exported for a cost report (BD-14), as exported: the file's hash, the totals.
      CREATE TABLE bad_debt_listings (
        id                     INTEGER PRIMARY KEY,
        ccn                    TEXT NOT NULL,
        period_from            TEXT NOT NULL,
        period_to              TEXT NOT NULL,
        setting                TEXT NOT NULL CHECK (setting IN ('inpatient','outpatient')),
        format                 TEXT NOT NULL CHECK (format IN ('pdf','xlsx','csv')),
        lines                  INTEGER NOT NULL CHECK (lines >= 0),
        total_allowable_cents  INTEGER NOT NULL,
        total_dual_cents       INTEGER NOT NULL,
        sha256                 TEXT NOT NULL,
        prepared_by            TEXT NOT NULL,
        exported_at            TEXT NOT NULL,
        exported_by            INTEGER REFERENCES users(id),
        CHECK (period_to >= period_from)
      ) STRICT;
    `);
  },
};

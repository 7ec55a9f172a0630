// 019: collection agencies (issue 12). An agency and its contract (the business associate
// agreement, HP-02; fees per placement kind with effective dates; recall days; gross or net
// remittance; its file layouts), every change to it kept; placement batches a clerk builds and a
// supervisor releases; each account's placement with the date it came back (BD-07); recall files;
// an agency's requests for extraordinary collection actions (ECA-01, through the 501(r) gate); and
// the agency's remittances, line by line, with the ledger entry each line posted.
import type { Migration } from './index';

export const migration019: Migration = {
  version: 19,
  name: 'collection agencies, placements, recalls and remittances',
  up(db) {
    db.exec(`
      CREATE TABLE agencies (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL,
        contact_name      TEXT NOT NULL DEFAULT '',
        contact_phone     TEXT NOT NULL DEFAULT '',
        contact_email     TEXT NOT NULL DEFAULT '',
        address           TEXT NOT NULL DEFAULT '',
        licence_states    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(licence_states)),
        baa_signed_on     TEXT,
        recall_days       INTEGER NOT NULL CHECK (recall_days BETWEEN 30 AND 1095),
        remittance_method TEXT NOT NULL CHECK (remittance_method IN ('gross','net')),
        share_percent     INTEGER NOT NULL DEFAULT 0 CHECK (share_percent BETWEEN 0 AND 100),
        active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at        TEXT NOT NULL,
        created_by        INTEGER REFERENCES users(id),
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX agencies_name ON agencies(name COLLATE NOCASE);

      -- Every change to an agency's record, as it was before and after: nothing is lost.
      CREATE TABLE agency_history (
        id          INTEGER PRIMARY KEY,
        agency_id   INTEGER NOT NULL REFERENCES agencies(id),
        at          TEXT NOT NULL,
        by          INTEGER REFERENCES users(id),
        what        TEXT NOT NULL,
        before      TEXT CHECK (before IS NULL OR json_valid(before)),
        after       TEXT NOT NULL CHECK (json_valid(after))
      ) STRICT;
      CREATE INDEX agency_history_agency ON agency_history(agency_id, id);

      -- The contingency fee per placement kind, from a date: a new rate is a new row.
      CREATE TABLE agency_fees (
        id              INTEGER PRIMARY KEY,
        agency_id       INTEGER NOT NULL REFERENCES agencies(id),
        kind            TEXT NOT NULL CHECK (kind IN ('primary','secondary','legal')),
        rate_bp         INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
        effective_from  TEXT NOT NULL,
        recorded_at     TEXT NOT NULL,
        recorded_by     INTEGER REFERENCES users(id),
        UNIQUE (agency_id, kind, effective_from)
      ) STRICT;

      -- The agency's file layouts (placement, recall, remittance), from a date: a change is a new row.
      CREATE TABLE agency_layouts (
        id              INTEGER PRIMARY KEY,
        agency_id       INTEGER NOT NULL REFERENCES agencies(id),
        file            TEXT NOT NULL CHECK (file IN ('placement','recall','remittance')),
        spec            TEXT NOT NULL CHECK (json_valid(spec)),
        recorded_at     TEXT NOT NULL,
        recorded_by     INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX agency_layouts_agency ON agency_layouts(agency_id, file, id);

      CREATE TABLE placement_batches (
        id             INTEGER PRIMARY KEY,
        agency_id      INTEGER NOT NULL REFERENCES agencies(id),
        kind           TEXT NOT NULL CHECK (kind IN ('primary','secondary','legal')),
        method         TEXT NOT NULL CHECK (method IN ('share','score','hand')),
        status         TEXT NOT NULL CHECK (status IN ('draft','released','cancelled')),
        built_on       TEXT NOT NULL,
        built_at       TEXT NOT NULL,
        built_by       INTEGER REFERENCES users(id),
        released_on    TEXT,
        released_at    TEXT,
        released_by    INTEGER REFERENCES users(id),
        approved_by    INTEGER REFERENCES users(id),
        cancelled_on   TEXT,
        cancelled_by   INTEGER REFERENCES users(id),
        file_document_id INTEGER REFERENCES documents(id),
        CHECK ((status = 'released') = (released_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX placement_batches_status ON placement_batches(status, id);

      -- One account's placement: proposed in a draft batch, placed when the batch is released,
      -- returned (recalled, paid, dropped before release) with the date and reason it came back.
      CREATE TABLE placements (
        id              INTEGER PRIMARY KEY,
        batch_id        INTEGER NOT NULL REFERENCES placement_batches(id),
        agency_id       INTEGER NOT NULL REFERENCES agencies(id),
        account_id      INTEGER NOT NULL REFERENCES accounts(id),
        guarantor_id    INTEGER NOT NULL REFERENCES guarantors(id),
        kind            TEXT NOT NULL CHECK (kind IN ('primary','secondary','legal')),
        status          TEXT NOT NULL CHECK (status IN ('proposed','dropped','placed','returned')),
        proposed_cents  INTEGER NOT NULL,
        placed_on       TEXT,
        placed_cents    INTEGER,
        fee_rate_bp     INTEGER CHECK (fee_rate_bp IS NULL OR fee_rate_bp BETWEEN 0 AND 10000),
        recall_days     INTEGER CHECK (recall_days IS NULL OR recall_days BETWEEN 30 AND 1095),
        hold_id         INTEGER REFERENCES holds(id),
        last_payment_on TEXT,
        returned_on     TEXT,
        return_reason   TEXT CHECK (return_reason IS NULL OR return_reason IN (
                          'no_payment','paid_in_full','paid_at_hospital','assistance_approved','dispute','bankruptcy',
                          'deceased','complaint','contract_ended','balance_adjusted','not_eligible','removed','cancelled','other')),
        return_note     TEXT NOT NULL DEFAULT '',
        returned_by     INTEGER REFERENCES users(id),
        recall_file_id  INTEGER REFERENCES recall_files(id),
        CHECK ((status IN ('placed','returned')) = (placed_on IS NOT NULL)),
        CHECK ((status IN ('placed','returned')) = (recall_days IS NOT NULL)),
        CHECK ((status IN ('dropped','returned')) = (return_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX placements_batch ON placements(batch_id, id);
      CREATE INDEX placements_agency ON placements(agency_id, placed_on);
      CREATE INDEX placements_guarantor ON placements(guarantor_id);
      -- An account is in one draft or with one agency at a time.
      CREATE UNIQUE INDEX placements_open ON placements(account_id) WHERE status IN ('proposed','placed');
      CREATE INDEX placements_account ON placements(account_id, id);
      -- The delinquent book placement reads: accounts whose cycle reached the final notice.
      CREATE INDEX accounts_final_notice ON accounts(final_notice_date) WHERE final_notice_date IS NOT NULL;

      -- A recall file sent to an agency: the accounts it lists point at it.
      CREATE TABLE recall_files (
        id             INTEGER PRIMARY KEY,
        agency_id      INTEGER NOT NULL REFERENCES agencies(id),
        made_on        TEXT NOT NULL,
        made_at        TEXT NOT NULL,
        made_by        INTEGER REFERENCES users(id),
        automatic      INTEGER NOT NULL CHECK (automatic IN (0,1)),
        document_id    INTEGER REFERENCES documents(id)
      ) STRICT;
      CREATE INDEX recall_files_agency ON recall_files(agency_id, id);

      -- An agency's request to take an extraordinary collection action (ECA-01: the agency's ECAs
      -- are the hospital's), as the 501(r) gate answered it; the gate's own row is in eca_attempts.
      CREATE TABLE agency_eca_requests (
        id             INTEGER PRIMARY KEY,
        placement_id   INTEGER NOT NULL REFERENCES placements(id),
        account_id     INTEGER NOT NULL REFERENCES accounts(id),
        kind           TEXT NOT NULL,
        requested_on   TEXT NOT NULL,
        note           TEXT NOT NULL DEFAULT '',
        allowed        INTEGER NOT NULL CHECK (allowed IN (0,1)),
        allowed_from   TEXT,
        reasons        TEXT NOT NULL CHECK (json_valid(reasons)),
        at             TEXT NOT NULL,
        by             INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX agency_eca_requests_placement ON agency_eca_requests(placement_id);

      -- A remittance from an agency (a file or keyed in), posted all-or-nothing; reconciled later
      -- against the cheque or transfer and the agency's invoice.
      CREATE TABLE agency_remittances (
        id               INTEGER PRIMARY KEY,
        agency_id        INTEGER NOT NULL REFERENCES agencies(id),
        reference        TEXT NOT NULL,
        method           TEXT NOT NULL CHECK (method IN ('gross','net')),
        received_on      TEXT NOT NULL,
        source           TEXT NOT NULL CHECK (source IN ('file','keyed')),
        file_name        TEXT,
        file_sha256      TEXT,
        line_count       INTEGER NOT NULL,
        collected_cents  INTEGER NOT NULL,
        fee_cents        INTEGER NOT NULL,
        remitted_cents   INTEGER NOT NULL,
        posted_at        TEXT NOT NULL,
        posted_by        INTEGER REFERENCES users(id),
        cheque_cents     INTEGER,
        cheque_reference TEXT,
        invoice_cents    INTEGER,
        invoice_reference TEXT,
        reconciled_on    TEXT,
        reconciled_by    INTEGER REFERENCES users(id),
        reconcile_note   TEXT NOT NULL DEFAULT '',
        -- The reconciliation as recorded: a closed one never changes with later postings.
        reconciliation   TEXT CHECK (reconciliation IS NULL OR json_valid(reconciliation)),
        UNIQUE (agency_id, reference)
      ) STRICT;
      CREATE INDEX agency_remittances_file ON agency_remittances(file_sha256);

      CREATE TABLE agency_remittance_lines (
        id               INTEGER PRIMARY KEY,
        remittance_id    INTEGER NOT NULL REFERENCES agency_remittances(id),
        line_no          INTEGER NOT NULL,
        placement_id     INTEGER NOT NULL REFERENCES placements(id),
        account_id       INTEGER NOT NULL REFERENCES accounts(id),
        paid_on          TEXT NOT NULL,
        collected_cents  INTEGER NOT NULL CHECK (collected_cents <> 0),
        fee_cents        INTEGER NOT NULL,
        remitted_cents   INTEGER NOT NULL,
        agency_reference TEXT NOT NULL DEFAULT '',
        ledger_entry_id  INTEGER NOT NULL REFERENCES ledger_entries(id)
      ) STRICT;
      CREATE INDEX agency_remittance_lines_remittance ON agency_remittance_lines(remittance_id, line_no);
      CREATE INDEX agency_remittance_lines_placement ON agency_remittance_lines(placement_id, paid_on);
    `);
  },
};

// 006: statement runs and every statement sent, with the snapshot it was printed from and the
// SHA-256 of its PDF, so any past statement reprints byte for byte (ST-02, ST-03).
import type { Migration } from './index';

export const migration006: Migration = {
  version: 6,
  name: 'statement runs and statements',
  up(db) {
    db.exec(`
      CREATE TABLE statement_runs (
        id          INTEGER PRIMARY KEY,
        run_date    TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        user_id     INTEGER REFERENCES users(id),
        counts      TEXT NOT NULL CHECK (json_valid(counts))
      ) STRICT;

      CREATE TABLE statements (
        id               INTEGER PRIMARY KEY,
        run_id           INTEGER NOT NULL REFERENCES statement_runs(id),
        guarantor_id     INTEGER NOT NULL REFERENCES guarantors(id),
        statement_date   TEXT NOT NULL,
        number_in_cycle  INTEGER NOT NULL CHECK (number_in_cycle >= 1),
        kind             TEXT NOT NULL CHECK (kind IN ('regular','final_notice')),
        due_date         TEXT NOT NULL,
        amount_due_cents INTEGER NOT NULL CHECK (amount_due_cents > 0),
        snapshot         TEXT NOT NULL CHECK (json_valid(snapshot)),
        sha256           TEXT NOT NULL,
        zip              TEXT NOT NULL DEFAULT '',
        UNIQUE (guarantor_id, statement_date)
      ) STRICT;
      CREATE INDEX statements_guarantor ON statements(guarantor_id, statement_date);
      CREATE INDEX statements_run ON statements(run_id);
    `);
  },
};

// 014: statements tell the whole truth, and a run is reviewed before it is sent (issue 11).
// - Each statement keeps the last ledger entry it covered (its ledger mark): the next one itemises
//   every entry it did not cover, so nothing posted on a statement's date after the run is lost.
// - A run is prepared first (status 'prepared', its statements kept as items, nothing recorded as
//   sent), then released by a supervisor (status 'released': only then are the statements recorded
//   and the 501(r) dates written), or discarded. Runs made before this version were released.
// - A guarantor's mail came back: the date it was returned; statements and letters are held until
//   the address is corrected.
import type { Migration } from './index';

export const migration016: Migration = {
  version: 16,
  name: 'statements: ledger marks, prepared runs, returned mail',
  up(db) {
    db.exec(`
      ALTER TABLE statements ADD COLUMN ledger_mark INTEGER;
      ALTER TABLE statement_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'released'
        CHECK (status IN ('prepared','released','discarded'));
      ALTER TABLE statement_runs ADD COLUMN released_by INTEGER REFERENCES users(id);
      ALTER TABLE statement_runs ADD COLUMN released_at TEXT;
      ALTER TABLE statement_runs ADD COLUMN ledger_mark INTEGER;
      ALTER TABLE statement_runs ADD COLUMN fingerprint TEXT;
      ALTER TABLE statement_runs ADD COLUMN proof TEXT CHECK (proof IS NULL OR json_valid(proof));
      CREATE TABLE statement_run_items (
        run_id       INTEGER NOT NULL REFERENCES statement_runs(id),
        seq          INTEGER NOT NULL,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        zip          TEXT NOT NULL DEFAULT '',
        snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
        shown        TEXT NOT NULL CHECK (json_valid(shown)),
        PRIMARY KEY (run_id, seq)
      ) STRICT;
      ALTER TABLE guarantors ADD COLUMN mail_returned_on TEXT;
    `);
  },
};

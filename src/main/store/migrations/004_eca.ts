// 004: the 501(r) gate's records: the final-notice date per account (the ECA-05 clock), every
// ECA attempt allowed or refused with the clock's reason, and supervisor releases of estate
// claims (ECA-04).
import type { Migration } from './index';

export const migration004: Migration = {
  version: 4,
  name: 'the ECA clock and register',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN final_notice_date TEXT;

      CREATE TABLE eca_releases (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES accounts(id),
        kind         TEXT NOT NULL,
        reason       TEXT NOT NULL,
        released_on  TEXT NOT NULL,
        released_by  INTEGER NOT NULL REFERENCES users(id),
        UNIQUE (account_id, kind)
      ) STRICT;

      -- Every ECA attempt, allowed or refused, with the clock's reasons: the register an auditor reads.
      CREATE TABLE eca_attempts (
        id            INTEGER PRIMARY KEY,
        account_id    INTEGER NOT NULL REFERENCES accounts(id),
        kind          TEXT NOT NULL,
        attempted_on  TEXT NOT NULL,
        allowed       INTEGER NOT NULL CHECK (allowed IN (0,1)),
        allowed_from  TEXT,
        reasons       TEXT NOT NULL CHECK (json_valid(reasons)),
        at            TEXT NOT NULL,
        by            INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX eca_attempts_on ON eca_attempts(attempted_on);
    `);
  },
};

// 005: holds that stop or pause the collection cycle (a dispute, a pending application, a
// bankruptcy …), each with who placed it, until when, and who released it.
import type { Migration } from './index';

export const migration005: Migration = {
  version: 5,
  name: 'collection holds',
  up(db) {
    db.exec(`
      CREATE TABLE holds (
        id            INTEGER PRIMARY KEY,
        guarantor_id  INTEGER NOT NULL REFERENCES guarantors(id),
        account_id    INTEGER REFERENCES accounts(id),
        reason        TEXT NOT NULL CHECK (reason IN ('dispute','fap_pending','bankruptcy','deceased','plan_current','placed_with_agency','in_litigation','estate_claim')),
        note          TEXT NOT NULL DEFAULT '',
        placed_on     TEXT NOT NULL,
        until         TEXT,
        placed_by     INTEGER REFERENCES users(id),
        released_on   TEXT,
        released_by   INTEGER REFERENCES users(id),
        release_note  TEXT,
        CHECK (until IS NULL OR until >= placed_on)
      ) STRICT;
      CREATE INDEX holds_guarantor ON holds(guarantor_id);
      CREATE INDEX holds_active ON holds(guarantor_id) WHERE released_on IS NULL;
    `);
  },
};

// 012: changes an extract asks for that wait for a supervisor (issue 11): a new name or date of
// birth on a guarantor Recoup already has, and the lifting of a legal or contact flag. The import
// records them here instead of applying them; a supervisor approves (then it is applied) or
// rejects. History kept: nothing is deleted.
import type { Migration } from './index';

export const migration012: Migration = {
  version: 12,
  name: 'import changes held for a supervisor',
  up(db) {
    db.exec(`
      CREATE TABLE import_held_changes (
        id            INTEGER PRIMARY KEY,
        batch_id      INTEGER NOT NULL REFERENCES import_batches(id),
        guarantor_id  INTEGER NOT NULL REFERENCES guarantors(id),
        field         TEXT NOT NULL,
        from_value    TEXT,
        to_value      TEXT,
        file          TEXT NOT NULL,
        line          INTEGER NOT NULL,
        status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','superseded')),
        held_at       TEXT NOT NULL,
        decided_by    INTEGER REFERENCES users(id),
        decided_at    TEXT,
        note          TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX import_held_changes_pending ON import_held_changes(status, guarantor_id, field);
    `);
  },
};

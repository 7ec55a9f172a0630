// 009: the history of a guarantor's financial-assistance status (ECA-05): each application
// received, each decision, who recorded it and when. The guarantor row keeps the current status.
import type { Migration } from './index';

export const migration009: Migration = {
  version: 9,
  name: 'financial-assistance history',
  up(db) {
    db.exec(`
      CREATE TABLE fap_history (
        id           INTEGER PRIMARY KEY,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        status       TEXT NOT NULL CHECK (status IN ('not_applied','pending','approved_full','approved_partial','denied')),
        status_date  TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        recorded_by  INTEGER REFERENCES users(id),
        recorded_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fap_history_guarantor ON fap_history(guarantor_id, id);
    `);
  },
};

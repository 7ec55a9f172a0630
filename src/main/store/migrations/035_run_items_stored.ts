// 035: a prepared statement run keeps each statement as the store keeps a sent one (issue 18 item
// 5). An item held the snapshot as plain JSON, some 1.5 KB, parsed again at release on the thread
// that records the run and handed to a drawing thread as an object; it is now kept as
// snapshotCodec stores it (about a third of the size, made by the drawing threads while the run is
// prepared), which the release hands on as it is and records as it is. What the release and the
// proof read of a statement (its kind, number, due date, amount, the actions a final notice names,
// whether it asks for a plan's payment or lists a credit) is kept beside it. A run prepared before
// this version and not released is discarded: it is prepared again.
import type { Migration } from './index';

export const migration035: Migration = {
  version: 35,
  name: 'statement run items: the snapshot as stored, and what the release and the proof read of it',
  up(db) {
    db.exec(`
      DELETE FROM statement_run_items;
      UPDATE statement_runs SET status = 'discarded' WHERE status = 'prepared';
      ALTER TABLE statement_run_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'regular'
        CHECK (kind IN ('regular','final_notice'));
      ALTER TABLE statement_run_items ADD COLUMN number_in_cycle INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE statement_run_items ADD COLUMN due_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE statement_run_items ADD COLUMN amount_due_cents INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE statement_run_items ADD COLUMN named_actions TEXT CHECK (named_actions IS NULL OR json_valid(named_actions));
      ALTER TABLE statement_run_items ADD COLUMN plans INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE statement_run_items ADD COLUMN credit_cents INTEGER NOT NULL DEFAULT 0;
    `);
  },
};

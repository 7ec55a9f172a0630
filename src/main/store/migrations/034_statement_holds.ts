// 034: the statement run's holds at a million guarantors (issue 18 item 5). planRun read every
// placed hold in force into a map (750,000 in the bench, which holds all but the run's 50,000) and
// every held guarantor's accounts and their past statements, only to decide "held". A guarantor's
// placed holds are now read with their row, from an index of the holds in force on a guarantor as a
// whole (its key the guarantor, then the day placed and the id: read backwards, the reasons come
// latest placed first, as they are listed), and
// a held guarantor's accounts are not read at all. The holds on single accounts have their own
// index, so reading them does not walk the guarantors' holds. Each index carries every column its
// query reads (the partial condition's columns too: SQLite covers a query only with them in it).
import type { Migration } from './index';

export const migration034: Migration = {
  version: 34,
  name: 'statement run: the holds in force on a guarantor, and on an account, each by its owner',
  up(db) {
    db.exec(`
      CREATE INDEX holds_active_guarantor
        ON holds(guarantor_id, placed_on, id, until, reason, account_id, released_on)
        WHERE released_on IS NULL AND account_id IS NULL;
      CREATE INDEX holds_active_account
        ON holds(account_id, placed_on, id, until, reason, released_on)
        WHERE released_on IS NULL AND account_id IS NOT NULL;
    `);
  },
};

// 013: a plan counts each dollar once (issue 11). A plan is made on the balance its accounts owe at
// that moment; what is paid toward it is the payments posted after, not those dated on or after its
// start (a payment posted the same day before set-up was counted twice). Each plan keeps the last
// ledger entry when it was made (its ledger mark); plans made before this version get the last
// entry posted by the time they were made.
import type { Migration } from './index';

export const migration013: Migration = {
  version: 13,
  name: 'plans: the ledger mark',
  up(db) {
    db.exec(`
      ALTER TABLE plans ADD COLUMN ledger_mark INTEGER NOT NULL DEFAULT 0;
      UPDATE plans SET ledger_mark = coalesce((SELECT max(e.id) FROM ledger_entries e WHERE e.posted_at <= plans.created_at), 0);
    `);
  },
};

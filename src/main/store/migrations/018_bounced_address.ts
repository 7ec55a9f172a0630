// 018: returned mail keeps the address it came back from (issue 11). A corrected address ends the
// hold; an extract that brings the bounced address back (the billing system not yet corrected)
// holds the mail again, and a change that is no change (a ZIP+4, letter case) does not end it.
import type { Migration } from './index';

export const migration018: Migration = {
  version: 18,
  name: 'guarantors: the address mail came back from',
  up(db) {
    db.exec(`ALTER TABLE guarantors ADD COLUMN bounced_address TEXT;`);
  },
};

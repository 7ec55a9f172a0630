// 037: the statements kept one index by guarantor and date twice: the UNIQUE constraint's (migration
// 006: a guarantor gets one statement a day) and statements_guarantor, on the same two columns. Every
// statement a run releases wrote both (some 50,000 random inserts each in a run at a million
// guarantors, issue 18 item 5). The constraint's index answers every read the other did: the queue's
// last statement, the run's plan, a guarantor's statements.
import type { Migration } from './index';

export const migration037: Migration = {
  version: 37,
  name: 'statements: one index by guarantor and date (the UNIQUE constraint’s)',
  up(db) {
    db.exec('DROP INDEX statements_guarantor');
  },
};

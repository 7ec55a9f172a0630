// 017: the credits worklist at scale (issue 11). The accounts in credit are few among many: a
// partial index finds them, all or one guarantor's, without reading every account; a decision's
// refund date is found by its account, not by reading every decision's rows.
import type { Migration } from './index';

export const migration017: Migration = {
  version: 17,
  name: 'credits: indexes for the accounts in credit and their refund dates',
  up(db) {
    db.exec(`
      CREATE INDEX accounts_credit ON accounts (guarantor_id, service_from, id) WHERE balance_cents < 0;
      CREATE INDEX fap_decision_accounts_account ON fap_decision_accounts (account_id, history_id);
    `);
  },
};

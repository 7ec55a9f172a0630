// 028: the statement run's selection and its fingerprint at a million guarantors (issue 18 items 3
// and 5). planRun read every guarantor with a balance from the table and sorted them by ZIP and name
// (803,158 at 1M), and every account with a balance through accounts_guarantor with a table read
// each; runFingerprint read every guarantor for the last change to one. Each now reads an index:
// - the guarantors with a balance in the run's order (ZIP, name, id), with what the run reads of
//   each (the name, the automatic holds' flags), so the run neither sorts nor visits the table;
// - the accounts with a balance in each guarantor's order (service date, id), with the balance and
//   whether a final notice went, so the run reads this index alone. Its condition is written
//   'abs(balance_cents) > 0' (the accounts of '<> 0': balances are whole cents, never null) so that
//   only a query asking in those words uses it: the aging report's 'balance_cents <> 0' keeps
//   accounts_aging and the credits' 'balance_cents < 0' keeps accounts_credit;
// - the guarantors by their last change, so the fingerprint's max(updated_at) is one probe.
import type { Migration } from './index';

export const migration028: Migration = {
  version: 28,
  name: 'statement run: the guarantors with a balance in ZIP and name order; their accounts with a balance; the guarantors by last change',
  up(db) {
    db.exec(`
      CREATE INDEX guarantors_statement_order
        ON guarantors(zip, last_name, first_name, id, middle_name, deceased, bankruptcy, fap_status, mail_returned_on, balance_cents)
        WHERE balance_cents > 0;
      CREATE INDEX accounts_statement ON accounts(guarantor_id, service_from, id, balance_cents, final_notice_date)
        WHERE abs(balance_cents) > 0;
      CREATE INDEX guarantors_updated ON guarantors(updated_at);
    `);
  },
};

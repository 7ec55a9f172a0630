// 027: the reports and the work queue at a million guarantors (issue 18 item 3). Each index lets a
// read that went through a whole table (some 280 MB of accounts, 250 MB of guarantors at that size,
// more than the page cache holds, so every page was decrypted again on every read) read a small
// index instead:
// - the aging report: the accounts with a balance, with exactly what the report sums (payer class,
//   both aging dates, the balance), so the report and its check never visit the table;
// - the work queue's new addresses: the few guarantors whose mail came back;
// - the work queue's Medicare first bills (BD-04): the Medicare accounts that owe, by their
//   remittance dates, so that the few near the deadline are found without reading every account.
import type { Migration } from './index';

export const migration027: Migration = {
  version: 27,
  name: 'reports: the aging report’s accounts with a balance; guarantors whose mail came back; Medicare accounts that owe',
  up(db) {
    db.exec(`
      CREATE INDEX accounts_aging ON accounts(payer_class, service_to, first_statement_date, balance_cents)
        WHERE balance_cents <> 0;
      CREATE INDEX guarantors_mail_returned ON guarantors(mail_returned_on) WHERE mail_returned_on IS NOT NULL;
      CREATE INDEX accounts_medicare_owing ON accounts(medicare_ra_date, secondary_ra_date, medicaid_ra_date)
        WHERE payer_class = 'medicare' AND balance_cents > 0;
    `);
  },
};

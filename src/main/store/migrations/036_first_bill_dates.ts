// 036: the work queue's Medicare first bills (BD-04) at a million guarantors (issue 18 item 3). The
// queue asked for the Medicare accounts that owe whose latest remittance date falls in a window of
// 14 days, written as the greatest of four dates between two bounds: no index answers that, so
// every owing Medicare account's index entry was read, with a probe of its bad-debt facts each
// (some 300,000 at 1M: 0.67 s on every build of the queue, for no item in the bench). The greatest
// of the dates is in the window only if one of them is, so the candidates are now read by each date
// in the window, by index, and the greatest checked on those. accounts_medicare_owing already leads
// with the Medicare remittance date; the secondary payer's and Medicaid's dates, and the day a
// secondary payer said it does not cover the account, get their own (partial: most are empty).
import type { Migration } from './index';

export const migration036: Migration = {
  version: 36,
  name: 'work queue: the Medicare first bills by each remittance date',
  up(db) {
    db.exec(`
      CREATE INDEX accounts_medicare_secondary_ra ON accounts(secondary_ra_date)
        WHERE payer_class = 'medicare' AND balance_cents > 0 AND secondary_ra_date IS NOT NULL;
      CREATE INDEX accounts_medicare_medicaid_ra ON accounts(medicaid_ra_date)
        WHERE payer_class = 'medicare' AND balance_cents > 0 AND medicaid_ra_date IS NOT NULL;
      CREATE INDEX bad_debt_facts_secondary_denied ON bad_debt_facts(secondary_denied_on)
        WHERE secondary_denied_on IS NOT NULL;
    `);
  },
};

// 014: the work queue asks, for every guarantor who owes on self-pay accounts, when they last paid
// (issue 11 item 8: "no payment since the last statement"). The guarantor's own payments, by account
// and date, so that the question is one index probe per account and not a walk of the ledger.
import type { Migration } from './index';

export const migration014: Migration = {
  version: 14,
  name: 'ledger: the guarantor’s payments by account and date',
  up(db) {
    db.exec(`
      CREATE INDEX ledger_paying ON ledger_entries(account_id, effective_date)
        WHERE type IN ('patient_payment','payroll_deduction');
    `);
  },
};

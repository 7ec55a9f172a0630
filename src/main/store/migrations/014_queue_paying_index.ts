// 014: the work queue reads every open account and asks, for every guarantor who owes on self-pay
// accounts, whether they paid since their last statement (issue 11 item 8). The open accounts with
// what the queue reads of them, so that it reads the index alone; and the guarantor's own payments
// by account and date, so that the question is one index probe per account, not a walk of the ledger;
// and the applications awaiting a decision, which supervisors find in the queue.
import type { Migration } from './index';

export const migration014: Migration = {
  version: 14,
  name: 'the work queue: open accounts, and the guarantor’s payments by account and date',
  up(db) {
    db.exec(`
      CREATE INDEX ledger_paying ON ledger_entries(account_id, effective_date)
        WHERE type IN ('patient_payment','payroll_deduction');
      CREATE INDEX accounts_open ON accounts(guarantor_id, balance_cents, payer_class, first_statement_date, final_notice_date)
        WHERE balance_cents > 0;
      CREATE INDEX guarantors_fap_pending ON guarantors(fap_status_date) WHERE fap_status = 'pending';
    `);
  },
};

// 029: the batches at a million guarantors (issue 18 item 3).
// - ledger_patient_paid: each account's patient-side payments (BD-05 restarts the clock on each;
//   column 22 counts them; agency remittances included, which ledger_patient_money leaves out),
//   with the date, amount and type the bad-debt candidates read, so that they are read from the
//   index alone and not from every charge and insurance line of 300,000 Medicare accounts in the
//   ledger table. Its WHERE is written exactly as the query's (badDebt/clock.ts
//   PATIENT_PAYMENT_TYPES), which is what lets the planner use a partial index.
// - accounts_placeable: the accounts whose cycle reached a final notice, largest balance first
//   (then by id, the placement build's order), with the dates the placement rule's cheap test
//   reads, so that a batch of the best N walks the index from the top and reads the expensive
//   facts (guarantor, holds, plans, placements) of only the accounts it needs.
import type { Migration } from './index';

export const migration029: Migration = {
  version: 29,
  name: 'batches: each account’s patient payments by date; the accounts with a final notice by balance',
  up(db) {
    db.exec(`
      CREATE INDEX ledger_patient_paid ON ledger_entries(account_id, effective_date, type, amount_cents)
        WHERE type IN ('patient_payment', 'payroll_deduction', 'agency_remittance', 'court_recovery', 'estate_recovery');
      CREATE INDEX accounts_placeable ON accounts(balance_cents DESC, id, final_notice_date, first_statement_date)
        WHERE final_notice_date IS NOT NULL;
    `);
  },
};

// 020: an agency's remittance lines by the agency's own transaction id (issue 12 item 4). A negative
// line takes back the earlier line with the same id, and a line whose id was already posted is
// refused: both are one index probe per line, not a walk of every line the agency ever sent. And
// the placements of a kind by the day they were placed, which the scorecard reads by month
// (with every column it reads, so it never visits the table); and the
// patient's money on each account by date (with what a reversal needs to count as its original),
// so that the payments made to the hospital while an account was placed are read from the index
// alone, not from every charge and insurance payment on the account.
import type { Migration } from './index';

export const migration020: Migration = {
  version: 20,
  name: 'agency remittance lines by the agency’s transaction id; placements by kind and day placed; the patient’s money by account and date',
  up(db) {
    db.exec(`
      CREATE INDEX agency_remittance_lines_reference ON agency_remittance_lines(agency_reference)
        WHERE agency_reference <> '';
      CREATE INDEX ledger_patient_money ON ledger_entries(account_id, effective_date, type, amount_cents, reverses_id)
        WHERE type IN ('patient_payment','payroll_deduction','court_recovery','estate_recovery','refund','reversal');
      CREATE INDEX placements_kind_placed
        ON placements(kind, placed_on, agency_id, account_id, returned_on, fee_rate_bp, placed_cents, status, return_reason)
        WHERE status IN ('placed','returned');
    `);
  },
};

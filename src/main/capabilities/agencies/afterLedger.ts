// What a placement owes to every ledger change (inside the change's transaction): the date of the
// account's last payment (to the agency or to the hospital: a payment stops the recall clock,
// recallDueOn) and, once nothing is owed on the account, its return from the agency ("paid in
// full", or "assistance approved" when financial assistance wrote it off), told to the agency in
// its next recall file. A payment reversed moves the date back.
import type { LedgerChange } from '../../platform/capability';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { entryStandsSql } from '../ledger';
import { setLastPayment } from './placementRows';
import { returnPlacement } from './recall';

const PAYMENT_TYPES = `('patient_payment','payroll_deduction','agency_remittance','court_recovery','estate_recovery')`;

export function placementsAfterLedger(db: Db, change: LedgerChange): void {
  const open = prepared(
    db,
    `SELECT p.id, p.hold_id, p.placed_on, a.balance_cents FROM placements p JOIN accounts a ON a.id = p.account_id
      WHERE p.account_id = ? AND p.status = 'placed'`,
  );
  const lastPaid = prepared(
    db,
    `SELECT max(e.effective_date) FROM ledger_entries e
      WHERE e.account_id = ? AND e.type IN ${PAYMENT_TYPES} AND ${entryStandsSql('e')}`,
  ).pluck();
  // Nothing owed because assistance wrote the balance off, not because anyone paid: the agency is
  // told so (it earns no fee on an adjustment).
  const assistance = prepared(
    db,
    `SELECT 1 FROM ledger_entries e WHERE e.account_id = ? AND e.type = 'charity_adjustment' AND e.effective_date >= ?
        AND ${entryStandsSql('e')} LIMIT 1`,
  );
  for (const accountId of change.accountIds) {
    const p = open.get(accountId) as
      { id: number; hold_id: number | null; placed_on: string; balance_cents: number } | undefined;
    if (!p) continue;
    const paid = lastPaid.get(accountId) as string | null;
    // Only payments since the placement count toward the agency's clock.
    setLastPayment(db, p.id, paid !== null && paid >= p.placed_on ? paid : null);
    if (p.balance_cents <= 0)
      returnPlacement(db, p, {
        reason: assistance.get(accountId, p.placed_on) ? 'assistance_approved' : 'paid_in_full',
        note: '',
        today: change.today,
        by: change.by,
      });
  }
}

// What a placement owes to every ledger change (inside the change's transaction): the date of the
// account's last payment (to the agency or to the hospital: a payment stops the recall clock,
// recallDueOn) and, once nothing is owed on the account, its return from the agency, told to the
// agency in its next recall file, with what closed it: a payment ("paid in full"), financial
// assistance ("assistance approved": no fee is earned on it), or any other entry, an insurer's
// payment or an adjustment ("nothing owed after an adjustment"). A payment reversed moves the date back.
import { PATIENT_MONEY_TYPES, type LedgerType } from '../../../shared/schemas/ledger';
import type { ReturnReason } from '../../../shared/schemas/agencies';
import type { LedgerChange } from '../../platform/capability';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { entryStandsSql } from '../ledger';
import { setLastPayment } from './placementRows';
import { returnPlacement } from './recall';

/** The patient paying (to the agency or the hospital): the ledger's patient money, less refunds. */
const PAYMENT_TYPES: readonly LedgerType[] = PATIENT_MONEY_TYPES.filter((t) => t !== 'refund');
const PAYMENT_LIST = PAYMENT_TYPES.map((t) => `'${t}'`).join(',');

function closedBy(type: LedgerType | undefined): ReturnReason {
  if (type !== undefined && PAYMENT_TYPES.includes(type)) return 'paid_in_full';
  if (type === 'charity_adjustment') return 'assistance_approved';
  return 'balance_adjusted';
}

export function placementsAfterLedger(db: Db, change: LedgerChange): void {
  // The placed accounts among those the change touched, in one query (an import touches thousands,
  // almost none of them placed).
  const placed = prepared(
    db,
    `SELECT p.id, p.account_id, p.hold_id, p.placed_on, a.balance_cents FROM placements p JOIN accounts a ON a.id = p.account_id
      WHERE p.status = 'placed' AND p.account_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...change.accountIds])) as {
    id: number;
    account_id: number;
    hold_id: number | null;
    placed_on: string;
    balance_cents: number;
  }[];
  if (placed.length === 0) return;
  const lastPaid = prepared(
    db,
    `SELECT max(e.effective_date) FROM ledger_entries e
      WHERE e.account_id = ? AND e.type IN (${PAYMENT_LIST}) AND ${entryStandsSql('e')}`,
  ).pluck();
  // The entry that brought the balance down last, as it still stands.
  const lastLowering = prepared(
    db,
    `SELECT e.type FROM ledger_entries e WHERE e.account_id = ? AND e.amount_cents < 0 AND ${entryStandsSql('e')}
      ORDER BY e.id DESC LIMIT 1`,
  ).pluck();
  for (const p of placed) {
    const paid = lastPaid.get(p.account_id) as string | null;
    // Only payments since the placement count toward the agency's clock.
    setLastPayment(db, p.id, paid !== null && paid >= p.placed_on ? paid : null);
    if (p.balance_cents <= 0)
      returnPlacement(db, p, {
        reason: closedBy(lastLowering.get(p.account_id) as LedgerType | undefined),
        note: '',
        today: change.today,
        by: change.by,
      });
  }
}

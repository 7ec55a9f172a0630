// afterLedgerChange (issue 17): a deposit applied to the delivery account became a patient payment
// on the ledger; when that payment is reversed there (a check that bounced, a payment keyed on the
// wrong account), the deposit no longer stands either: it is marked reversed with the payment named,
// in the same transaction, so the case never counts money the ledger took back (held + applied +
// refunded + reversed = received, and applied = the standing payments).
import type { LedgerChange } from '../../platform/capability';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { entryStandsSql } from '../ledger';
import { markAppliedReversed } from './depositRows';

export function obstetricsAfterLedgerChange(db: Db, change: LedgerChange): void {
  if (change.accountIds.size === 0) return;
  const find = prepared(
    db,
    `SELECT d.id, d.applied_on, p.receipt_number
       FROM ob_delivery_accounts l
       JOIN ob_deposits d ON d.case_id = l.case_id AND d.status = 'applied'
       JOIN payments p ON p.id = d.payment_id
      WHERE l.account_id = ?
        AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = d.payment_id AND e.reverses_id IS NULL AND ${entryStandsSql('e')})`,
  );
  const seen = new Set<number>();
  for (const accountId of change.accountIds)
    for (const d of find.all(accountId) as { id: number; applied_on: string; receipt_number: string }[]) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      markAppliedReversed(
        db,
        d.id,
        change.today,
        `Its payment ${d.receipt_number} (applied ${d.applied_on}) was reversed on the ledger.`,
        change.by,
      );
    }
}

// The only writer of ob_delivery_accounts (eslint/table-owners.mjs): the delivery account(s) a
// clerk confirmed for a case, each with the hold that keeps it out of statements until the true-up.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

export function insertDeliveryAccount(
  db: Db,
  link: { caseId: number; accountId: number; holdId: number | null; linkedOn: string },
  by: number,
): void {
  prepared(
    db,
    'INSERT INTO ob_delivery_accounts (case_id, account_id, hold_id, linked_on, linked_by) VALUES (?, ?, ?, ?, ?)',
  ).run(link.caseId, link.accountId, link.holdId, link.linkedOn, by);
}

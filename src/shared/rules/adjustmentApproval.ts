// Posting policy (issue 11: the same for every action that lowers a balance without money coming
// in): an adjustment — or a reversal that lowers the balance — larger than the approval limit in Settings needs a supervisor's
// approval (their user name and password, typed where it is posted); a supervisor or an
// administrator approves their own. The adjustment form asks for the approval by this rule.
import { roleAtLeast, type Role } from '../roles';

export function adjustmentNeedsApproval(role: Role, amountCents: number, approvalLimitCents: number): boolean {
  return amountCents > approvalLimitCents && !roleAtLeast(role, 'supervisor');
}

/**
 * Issue 11: every action that lowers a balance without money coming in follows the same limit as
 * an adjustment. A reversal lowers the balance when the entry it undoes raised it (a charge, a
 * re-bill, the reversal of a payment's reversal): by the entry's amount. Reversing a payment (a
 * returned check) raises the balance and needs no approval.
 */
export function reversalNeedsApproval(role: Role, entryAmountCents: number, approvalLimitCents: number): boolean {
  return entryAmountCents > 0 && adjustmentNeedsApproval(role, entryAmountCents, approvalLimitCents);
}

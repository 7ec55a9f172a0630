// Posting policy: an adjustment larger than the approval limit in Settings needs a supervisor's
// approval (their user name and password, typed where it is posted); a supervisor or an
// administrator approves their own. The adjustment form asks for the approval by this rule.
import { roleAtLeast, type Role } from '../roles';

export function adjustmentNeedsApproval(role: Role, amountCents: number, approvalLimitCents: number): boolean {
  return amountCents > approvalLimitCents && !roleAtLeast(role, 'supervisor');
}

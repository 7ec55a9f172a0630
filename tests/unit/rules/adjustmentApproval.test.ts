// Posting policy: a clerk's adjustment above the approval limit needs a supervisor's approval; a
// supervisor or an administrator approves their own. Limits in cents ($250.00 is 25,000).
import { describe, expect, it } from 'vitest';
import { adjustmentNeedsApproval, reversalNeedsApproval } from '../../../src/shared/rules/adjustmentApproval';
import type { Role } from '../../../src/shared/roles';

describe('an adjustment over the approval limit', () => {
  it.each<[string, Role, number, number, boolean]>([
    ['a clerk, $250.01 over a $250.00 limit', 'clerk', 25_001, 25_000, true],
    ['a clerk, $250.00 at the limit', 'clerk', 25_000, 25_000, false],
    ['a clerk, $0.01 with a $0.00 limit (every adjustment)', 'clerk', 1, 0, true],
    ['a supervisor, $1,000.00 over the limit', 'supervisor', 100_000, 25_000, false],
    ['an administrator, $1,000.00 over the limit', 'administrator', 100_000, 25_000, false],
  ])('%s: approval needed %s', (_rule, role, amount, limit, needed) =>
    expect(adjustmentNeedsApproval(role, amount, limit)).toBe(needed),
  );
});

describe('issue 11: a reversal that lowers a balance follows the same limit', () => {
  it.each<[string, Role, number, number, boolean]>([
    ['a clerk reverses a $3,845.00 charge (lowers the balance)', 'clerk', 384_500, 25_000, true],
    ['a clerk reverses a $250.00 charge (at the limit)', 'clerk', 25_000, 25_000, false],
    ['a clerk reverses a $500.00 payment (a returned check raises the balance)', 'clerk', -50_000, 25_000, false],
    ['a clerk reverses the $500.00 reversal of a payment (lowers it again)', 'clerk', 50_000, 25_000, true],
    ['a supervisor reverses a $3,845.00 charge', 'supervisor', 384_500, 25_000, false],
  ])('%s: approval needed %s', (_rule, role, entryAmount, limit, needed) =>
    expect(reversalNeedsApproval(role, entryAmount, limit)).toBe(needed),
  );
});

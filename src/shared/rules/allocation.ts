// How a patient payment is spread across a guarantor's accounts. By default, oldest service date
// first, each open account paid down to zero before the next; the clerk may instead say how much
// goes to each account. The allocations always add up to the payment exactly, in whole cents.
import type { BusinessDate } from '../dates';
import { formatCents } from '../money';

export interface OpenAccount {
  accountId: number;
  serviceFrom: BusinessDate;
  balanceCents: number;
}

export interface Allocation {
  accountId: number;
  amountCents: number;
}

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; reason: string };

/**
 * Oldest first: accounts with a balance, by service date then id. Accounts in `first` (those on a
 * payment plan the guarantor is keeping) come before the others, so a plan payment reaches the plan.
 */
export function allocateOldestFirst(
  accounts: readonly OpenAccount[],
  paymentCents: number,
  first: ReadonlySet<number> = new Set(),
): AllocationResult {
  if (!Number.isSafeInteger(paymentCents) || paymentCents <= 0)
    return { ok: false, reason: 'The payment must be more than zero.' };
  const open = accounts
    .filter((a) => a.balanceCents > 0)
    .sort(
      (a, b) =>
        Number(first.has(b.accountId)) - Number(first.has(a.accountId)) ||
        (a.serviceFrom < b.serviceFrom ? -1 : a.serviceFrom > b.serviceFrom ? 1 : a.accountId - b.accountId),
    );
  const owed = open.reduce((s, a) => s + a.balanceCents, 0);
  if (paymentCents > owed) {
    return {
      ok: false,
      reason: `The payment is more than the ${formatCents(owed)} owed. Choose the split to say which account takes the excess (it will show as a credit balance), or lower the amount.`,
    };
  }
  const allocations: Allocation[] = [];
  let left = paymentCents;
  for (const a of open) {
    if (left === 0) break;
    const take = Math.min(left, a.balanceCents);
    allocations.push({ accountId: a.accountId, amountCents: take });
    left -= take;
  }
  return { ok: true, allocations };
}

/** The clerk's own split: every account must be the guarantor's, and the parts must add up. */
export function checkChosenAllocation(
  accounts: readonly OpenAccount[],
  paymentCents: number,
  chosen: readonly Allocation[],
): AllocationResult {
  const ids = new Set(accounts.map((a) => a.accountId));
  const seen = new Set<number>();
  let total = 0;
  for (const part of chosen) {
    if (!ids.has(part.accountId))
      return { ok: false, reason: 'An allocation names an account that is not this guarantor’s.' };
    if (seen.has(part.accountId)) return { ok: false, reason: 'An account appears twice in the allocation.' };
    if (!Number.isSafeInteger(part.amountCents) || part.amountCents <= 0)
      return { ok: false, reason: 'Each allocated amount must be more than zero.' };
    seen.add(part.accountId);
    total += part.amountCents;
  }
  if (total !== paymentCents) {
    return {
      ok: false,
      reason: `The allocations add up to ${formatCents(total)}, not the payment's ${formatCents(paymentCents)}.`,
    };
  }
  return { ok: true, allocations: chosen.filter((p) => p.amountCents > 0).map((p) => ({ ...p })) };
}

// BD-01: an account's Medicare deductible and coinsurance, from one definition. Recoup's own record
// comes first: the Medicare claims of the 835s it posted for the account (claim and line level
// PR-1 and PR-2, X-02), a reversal's negative amounts netting out the claim it reverses. Without
// an 835, the billing system's figures from the extract stand.
import type { Db } from '../../store/database';

export interface CostSharing {
  deductibleCents: number;
  coinsuranceCents: number;
  /** Where the figures come from: Recoup's 835s, or the extract. */
  source: '835' | 'extract';
}

export function medicareCostSharing(db: Db, accountId: number): CostSharing {
  const r = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(deductible_cents), 0) AS d, coalesce(sum(coinsurance_cents), 0) AS c
         FROM remittance_claims
        WHERE account_id = ? AND medicare = 1 AND outcome IN ('posted', 'recorded', 'reversed_prior')`,
    )
    .get(accountId) as { n: number; d: number; c: number };
  if (r.n > 0) return { deductibleCents: Math.max(0, r.d), coinsuranceCents: Math.max(0, r.c), source: '835' };
  const a = db
    .prepare('SELECT deductible_cents AS d, coinsurance_cents AS c FROM accounts WHERE id = ?')
    .get(accountId) as { d: number; c: number } | undefined;
  return { deductibleCents: a?.d ?? 0, coinsuranceCents: a?.c ?? 0, source: 'extract' };
}

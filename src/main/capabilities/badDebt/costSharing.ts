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

/** The claims that count, per account (one SQL for one account or many). */
const CLAIM_SUMS = `SELECT account_id, count(*) AS n, coalesce(sum(deductible_cents), 0) AS d,
         coalesce(sum(coinsurance_cents), 0) AS c
    FROM remittance_claims
   WHERE account_id IS NOT NULL AND medicare = 1 AND outcome IN ('posted', 'recorded', 'reversed_prior')`;

function fromRow(r: { n: number | null; d: number | null; c: number | null; ad: number; ac: number }): CostSharing {
  if ((r.n ?? 0) > 0)
    return { deductibleCents: Math.max(0, r.d ?? 0), coinsuranceCents: Math.max(0, r.c ?? 0), source: '835' };
  return { deductibleCents: r.ad, coinsuranceCents: r.ac, source: 'extract' };
}

export function medicareCostSharing(db: Db, accountId: number): CostSharing {
  const r = db
    .prepare(
      `SELECT s.n, s.d, s.c, a.deductible_cents AS ad, a.coinsurance_cents AS ac
         FROM accounts a LEFT JOIN (${CLAIM_SUMS} AND account_id = @id GROUP BY account_id) s ON s.account_id = a.id
        WHERE a.id = @id`,
    )
    .get({ id: accountId }) as
    { n: number | null; d: number | null; c: number | null; ad: number; ac: number } | undefined;
  return r ? fromRow(r) : { deductibleCents: 0, coinsuranceCents: 0, source: 'extract' };
}

/**
 * The same for every account `accountsWhere` selects (SQL over `a`, the accounts): the sums of the
 * claims that count, by account, in one grouped pass over the claims of the accounts selected. The
 * extract's figures come from the account rows the caller has already read (`costSharingOf`), so
 * the accounts are not read a second time (at a million guarantors the candidates list read
 * 300,000 Medicare account rows again at random for two columns).
 */
export function medicareClaimSumsOf(
  db: Db,
  accountsWhere: string,
  params: Record<string, unknown> = {},
): Map<number, ClaimSums> {
  const rows = db
    .prepare(
      `SELECT c.account_id AS id, count(*) AS n, coalesce(sum(c.deductible_cents), 0) AS d,
              coalesce(sum(c.coinsurance_cents), 0) AS c
         FROM remittance_claims c JOIN accounts a ON a.id = c.account_id
        WHERE c.account_id IS NOT NULL AND c.medicare = 1 AND c.outcome IN ('posted', 'recorded', 'reversed_prior')
          AND ${accountsWhere}
        GROUP BY c.account_id`,
    )
    .all(params) as (ClaimSums & { id: number })[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface ClaimSums {
  n: number;
  d: number;
  c: number;
}

/** An account's cost sharing from its claims' sums (none: undefined) and its own extract figures. */
export function costSharingOf(
  account: { deductible_cents: number; coinsurance_cents: number },
  sums: ClaimSums | undefined,
): CostSharing {
  return fromRow({
    n: sums?.n ?? null,
    d: sums?.d ?? null,
    c: sums?.c ?? null,
    ad: account.deductible_cents,
    ac: account.coinsurance_cents,
  });
}

// The aging report: open balances by payer class and age, aged by service date or by the first
// post-discharge statement date, as of a business date. Its total is checked against the sum of
// every account balance, so the report always reconciles.
import { addDays } from '../../../shared/dates';
import { AGING_BUCKETS, BUCKET_BOUNDS, type AgingBasis } from '../../../shared/rules/aging';
import { PAYER_CLASSES } from '../../../shared/schemas/accounts';
import type { AgingColumn, AgingReport, AgingRow } from '../../../shared/schemas/reports';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';

function emptyBuckets(columns: AgingColumn[]): Record<AgingColumn, number> {
  return Object.fromEntries(columns.map((c) => [c, 0])) as Record<AgingColumn, number>;
}

/**
 * As of today the report reads the balances kept on the accounts. As of an earlier date it
 * re-derives each account's balance from the ledger entries dated on or before that day, leaves
 * out accounts first served after it, and counts a first statement sent after it as not yet sent.
 */
export function agingReport(db: Db, basis: AgingBasis, asOf: string, today: string): AgingReport {
  const historical = asOf < today;
  const dateColumn = basis === 'service_date' ? 'a.service_to' : 'a.first_statement_date';
  const columns: AgingColumn[] =
    basis === 'first_statement_date' ? [...AGING_BUCKETS, 'not_yet_billed'] : [...AGING_BUCKETS];
  // Bucket boundaries as dates (an account dated on or after the bound falls in the younger bucket).
  const cases = AGING_BUCKETS.map((b) => {
    const [, upper] = BUCKET_BOUNDS[b];
    return upper === null ? `ELSE '${b}'` : `WHEN ${dateColumn} >= '${addDays(asOf, -upper)}' THEN '${b}'`;
  }).join(' ');
  const unbilled = `${dateColumn} IS NULL${historical && basis === 'first_statement_date' ? ` OR ${dateColumn} > @asOf` : ''}`;
  const source = historical
    ? `accounts a JOIN (SELECT account_id, sum(amount_cents) AS balance FROM ledger_entries WHERE effective_date <= @asOf GROUP BY account_id) b
         ON b.account_id = a.id WHERE b.balance <> 0 AND a.service_from <= @asOf`
    : `accounts a JOIN (SELECT id AS account_id, balance_cents AS balance FROM accounts) b ON b.account_id = a.id WHERE b.balance <> 0`;
  const rows = db
    .prepare(
      `SELECT a.payer_class, CASE WHEN ${unbilled} THEN 'not_yet_billed' ${cases} END AS bucket,
              sum(b.balance) AS cents, count(*) AS n
         FROM ${source}
        GROUP BY a.payer_class, bucket`,
    )
    .all(historical ? { asOf } : {}) as {
    payer_class: AgingRow['payerClass'];
    bucket: AgingColumn;
    cents: number;
    n: number;
  }[];
  const byPayer = new Map<string, AgingRow>();
  for (const pc of PAYER_CLASSES)
    byPayer.set(pc, { payerClass: pc, buckets: emptyBuckets(columns), totalCents: 0, accountCount: 0 });
  const totals = { buckets: emptyBuckets(columns), totalCents: 0, accountCount: 0 };
  for (const r of rows) {
    const row = byPayer.get(r.payer_class)!;
    row.buckets[r.bucket] += r.cents;
    row.totalCents += r.cents;
    row.accountCount += r.n;
    totals.buckets[r.bucket] += r.cents;
    totals.totalCents += r.cents;
    totals.accountCount += r.n;
  }
  // Independently: the sum of every balance (as kept, or as of the date from the ledger).
  const balancesTotalCents = (
    historical
      ? db
          .prepare(
            `SELECT coalesce(sum(e.amount_cents), 0) FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
              WHERE e.effective_date <= ? AND a.service_from <= ?`,
          )
          .pluck()
          .get(asOf, asOf)
      : db.prepare('SELECT coalesce(sum(balance_cents), 0) FROM accounts').pluck().get()
  ) as number;
  if (balancesTotalCents !== totals.totalCents) {
    throw new AppError(
      'internal',
      'The aging report does not add up to the sum of the balances; run the balance check.',
    );
  }
  return { asOf, basis, columns, rows: [...byPayer.values()], totals, balancesTotalCents };
}

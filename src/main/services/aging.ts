// The aging report: open balances by payer class and age, aged by service date or by the first
// post-discharge statement date, as of a business date. Its total is checked against the sum of
// every account balance, so the report always reconciles.
import { addDays } from '../../shared/dates';
import { AGING_BUCKETS, BUCKET_BOUNDS, type AgingBasis } from '../../shared/rules/aging';
import { PAYER_CLASSES } from '../../shared/schemas/accounts';
import type { AgingColumn, AgingReport, AgingRow } from '../../shared/schemas/reports';
import { AppError } from '../../shared/errors';
import type { Db } from '../store/database';

function emptyBuckets(columns: AgingColumn[]): Record<AgingColumn, number> {
  return Object.fromEntries(columns.map((c) => [c, 0])) as Record<AgingColumn, number>;
}

export function agingReport(db: Db, basis: AgingBasis, asOf: string): AgingReport {
  const dateColumn = basis === 'service_date' ? 'service_to' : 'first_statement_date';
  const columns: AgingColumn[] =
    basis === 'first_statement_date' ? [...AGING_BUCKETS, 'not_yet_billed'] : [...AGING_BUCKETS];
  // Bucket boundaries as dates (an account dated on or after the bound falls in the younger bucket).
  const cases = AGING_BUCKETS.map((b) => {
    const [, upper] = BUCKET_BOUNDS[b];
    return upper === null ? `ELSE '${b}'` : `WHEN ${dateColumn} >= '${addDays(asOf, -upper)}' THEN '${b}'`;
  }).join(' ');
  const rows = db
    .prepare(
      `SELECT payer_class, CASE WHEN ${dateColumn} IS NULL THEN 'not_yet_billed' ${cases} END AS bucket,
              sum(balance_cents) AS cents, count(*) AS n
         FROM accounts WHERE balance_cents <> 0
        GROUP BY payer_class, bucket`,
    )
    .all() as { payer_class: AgingRow['payerClass']; bucket: AgingColumn; cents: number; n: number }[];
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
  const balancesTotalCents =
    (db.prepare('SELECT coalesce(sum(balance_cents), 0) FROM accounts').pluck().get() as number) ?? 0;
  if (balancesTotalCents !== totals.totalCents) {
    throw new AppError(
      'internal',
      'The aging report does not add up to the sum of the balances; run the balance check.',
    );
  }
  return { asOf, basis, columns, rows: [...byPayer.values()], totals, balancesTotalCents };
}

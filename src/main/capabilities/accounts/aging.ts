// The aging report: open balances by payer class and age, aged by service date or by the first
// post-discharge statement date, as of a business date. Its total is checked against the sum of
// every account balance, so the report always reconciles.
import type { z } from 'zod';
import { addDays, daysBetween } from '../../../shared/dates';
import { AGING_BUCKETS, BUCKET_BOUNDS, type AgingBasis } from '../../../shared/rules/aging';
import { PAYER_CLASSES } from '../../../shared/schemas/accounts';
import type {
  AgingAccountsPage,
  agingAccountsInput,
  AgingColumn,
  AgingReport,
  AgingRow,
} from '../../../shared/schemas/reports';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { guarantorName } from './rows';

function emptyBuckets(columns: AgingColumn[]): Record<AgingColumn, number> {
  return Object.fromEntries(columns.map((c) => [c, 0])) as Record<AgingColumn, number>;
}

/**
 * The report's accounts, one definition for the report and its drill-down: each account with a
 * balance (as kept today, or re-derived from the ledger as of an earlier date), its payer class and
 * its aging date (null: not yet billed). As of today the report reads the balances kept on the
 * accounts. As of an earlier date it re-derives each account's balance from the ledger entries
 * dated on or before that day, leaves out accounts first served after it, and counts a first
 * statement sent after it as not yet sent. `bucketOf` is the column an aging date falls in.
 */
function agedAccountsSql(
  basis: AgingBasis,
  asOf: string,
  today: string,
): { sql: string; params: object; bucketOf: (agingDate: string) => string } {
  const historical = asOf < today;
  const dateColumn = basis === 'service_date' ? 'a.service_to' : 'a.first_statement_date';
  const unbilled = `${dateColumn} IS NULL${historical && basis === 'first_statement_date' ? ` OR ${dateColumn} > @asOf` : ''}`;
  // As of today: the accounts with a balance, read from the covering index accounts_aging alone
  // (migration 027) when only the payer class, the dates and the balance are asked for.
  const source = historical
    ? `accounts a JOIN (SELECT account_id, sum(amount_cents) AS balance FROM ledger_entries WHERE effective_date <= @asOf GROUP BY account_id) b
         ON b.account_id = a.id WHERE b.balance <> 0 AND a.service_from <= @asOf`
    : `accounts a WHERE a.balance_cents <> 0`;
  const balance = historical ? 'b.balance' : 'a.balance_cents';
  const agingDate =
    basis === 'first_statement_date' && historical
      ? `CASE WHEN ${unbilled} THEN NULL ELSE ${dateColumn} END`
      : dateColumn;
  // Bucket boundaries as dates (an account dated on or after the bound falls in the younger bucket);
  // an account with no aging date is not yet billed.
  const bucketOf = (d: string) => {
    const cases = AGING_BUCKETS.map((b) => {
      const [, upper] = BUCKET_BOUNDS[b];
      return upper === null ? `ELSE '${b}'` : `WHEN ${d} >= '${addDays(asOf, -upper)}' THEN '${b}'`;
    }).join(' ');
    return `CASE WHEN ${d} IS NULL THEN 'not_yet_billed' ${cases} END`;
  };
  return {
    sql: `SELECT a.id, a.guarantor_id, a.account_number, a.payer_class, ${balance} AS balance, ${agingDate} AS aging_date
            FROM ${source}`,
    params: historical ? { asOf } : {},
    bucketOf,
  };
}

export function agingReport(db: Db, basis: AgingBasis, asOf: string, today: string): AgingReport {
  const historical = asOf < today;
  const columns: AgingColumn[] =
    basis === 'first_statement_date' ? [...AGING_BUCKETS, 'not_yet_billed'] : [...AGING_BUCKETS];
  const aged = agedAccountsSql(basis, asOf, today);
  // The accounts are summed by payer class and aging date first (in the order of the index
  // accounts_aging, without sorting them), then the few thousand sums by column: the bucket is worked
  // out once per date, not once per account.
  const rows = db
    .prepare(
      `SELECT payer_class, ${aged.bucketOf('aging_date')} AS bucket, sum(cents) AS cents, sum(n) AS n
         FROM (SELECT payer_class, aging_date, sum(balance) AS cents, count(*) AS n FROM (${aged.sql}) GROUP BY payer_class, aging_date)
        GROUP BY payer_class, bucket`,
    )
    .all(aged.params) as {
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
      : // An account at zero adds nothing: the sum reads the same index, never the whole table.
        db.prepare('SELECT coalesce(sum(balance_cents), 0) FROM accounts WHERE balance_cents <> 0').pluck().get()
  ) as number;
  if (balancesTotalCents !== totals.totalCents) {
    throw new AppError(
      'internal',
      'The aging report does not add up to the sum of the balances; run the balance check.',
    );
  }
  return { asOf, basis, columns, rows: [...byPayer.values()], totals, balancesTotalCents };
}

/**
 * The accounts behind one figure of the report (a column, a payer class, or both; neither: the
 * total), a page at a time, largest balance first, with the figure's own total and count, read
 * from the same definition as the report, so they equal its figure to the cent.
 */
export function agingAccounts(db: Db, input: z.output<typeof agingAccountsInput>, today: string): AgingAccountsPage {
  const asOf = input.asOf ?? today;
  const aged = agedAccountsSql(input.basis, asOf, today);
  const where = [
    ...(input.column ? ['x.bucket = @column'] : []),
    ...(input.payerClass ? ['x.payer_class = @payerClass'] : []),
  ];
  const params = {
    ...aged.params,
    ...(input.column ? { column: input.column } : {}),
    ...(input.payerClass ? { payerClass: input.payerClass } : {}),
  };
  const withBucket = `SELECT y.*, ${aged.bucketOf('y.aging_date')} AS bucket FROM (${aged.sql}) y`;
  const filtered = `(SELECT * FROM (${withBucket}) x${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) x`;
  const sums = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(x.balance), 0) AS cents FROM ${filtered}`)
    .get(params) as {
    n: number;
    cents: number;
  };
  // As of today, the page's accounts are chosen from the index accounts_aging alone: the smallest
  // balance on the page (the balances in order), then the accounts at or above it (the page and any
  // ties with its last balance). Only those are read from the table for their numbers, the order of
  // ties and their guarantors; the page is the same as ordering every account of the figure.
  // As of an earlier date the balances come from the ledger, read once for the page as before.
  let page = '';
  const pageParams: Record<string, unknown> = {};
  if (!(asOf < today)) {
    const cutoff = db
      .prepare(`SELECT x.balance FROM ${filtered} ORDER BY x.balance DESC LIMIT 1 OFFSET @last`)
      .pluck()
      .get({ ...params, last: input.offset + input.limit - 1 }) as number | undefined;
    const ids = db
      .prepare(`SELECT x.id FROM ${filtered}${cutoff === undefined ? '' : ' WHERE x.balance >= @cutoff'}`)
      .pluck()
      .all({ ...params, ...(cutoff === undefined ? {} : { cutoff }) }) as number[];
    page = 'WHERE x.id IN (SELECT value FROM json_each(@ids))';
    pageParams.ids = JSON.stringify(ids);
  }
  // The last payment from the guarantor on the account (as of the date): read for the page only.
  const rows = db
    .prepare(
      `SELECT x.id, x.account_number, x.payer_class, x.balance, x.aging_date, x.bucket,
              g.id AS guarantor_id, g.first_name, g.middle_name, g.last_name,
              (SELECT max(e.effective_date) FROM ledger_entries e INDEXED BY ledger_paying
                WHERE e.account_id = x.id AND e.type IN ('patient_payment','payroll_deduction') AND e.effective_date <= @asOfDate) AS last_paid
         FROM ${filtered} JOIN guarantors g ON g.id = x.guarantor_id
        ${page}
        ORDER BY x.balance DESC, x.account_number
        LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, ...pageParams, asOfDate: asOf, limit: input.limit, offset: input.offset }) as {
    id: number;
    account_number: string;
    payer_class: AgingAccountsPage['accounts'][number]['payerClass'];
    balance: number;
    aging_date: string | null;
    bucket: AgingColumn;
    guarantor_id: number;
    first_name: string;
    middle_name: string;
    last_name: string;
    last_paid: string | null;
  }[];
  return {
    asOf,
    basis: input.basis,
    column: input.column ?? null,
    payerClass: input.payerClass ?? null,
    accountCount: sums.n,
    totalCents: sums.cents,
    offset: input.offset,
    accounts: rows.map((r) => ({
      accountId: r.id,
      accountNumber: r.account_number,
      guarantorId: r.guarantor_id,
      guarantorName: guarantorName(r),
      payerClass: r.payer_class,
      balanceCents: r.balance,
      agingDate: r.aging_date,
      ageDays: r.aging_date === null ? null : Math.max(0, daysBetween(r.aging_date, asOf)),
      column: r.bucket,
      lastPaymentDate: r.last_paid,
    })),
  };
}

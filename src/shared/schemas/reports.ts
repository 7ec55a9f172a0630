import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { AGING_BASES, AGING_BUCKETS, type AgingBucket } from '../rules/aging';
import { PAYER_CLASSES, type PayerClass } from './accounts';

export const agingReportInput = z.object({
  basis: z.enum(AGING_BASES, { error: 'Age by service date or by first-statement date.' }),
  /** Defaults to today's business date. */
  asOf: businessDateSchema.optional(),
});

export type AgingColumn = AgingBucket | 'not_yet_billed';

export interface AgingRow {
  payerClass: PayerClass;
  buckets: Record<AgingColumn, number>;
  totalCents: number;
  accountCount: number;
}

export interface AgingReport {
  asOf: string;
  basis: (typeof AGING_BASES)[number];
  columns: AgingColumn[];
  rows: AgingRow[];
  totals: { buckets: Record<AgingColumn, number>; totalCents: number; accountCount: number };
  /** The sum of every account balance, independently: equals totals.totalCents. */
  balancesTotalCents: number;
}

/** The accounts behind one figure of the aging report, a page at a time. */
export const AGING_PAGE_SIZE = 50;

export const agingAccountsInput = agingReportInput.extend({
  /** The column (age) of the figure; left out: every column (a payer class's total, or the report's). */
  column: z.enum([...AGING_BUCKETS, 'not_yet_billed'], { error: 'Choose an age column of the report.' }).optional(),
  /** The payer class row of the figure; left out: every payer class (the Total row). */
  payerClass: z.enum(PAYER_CLASSES, { error: 'Choose a payer class of the report.' }).optional(),
  offset: z
    .number({ error: 'The page is a number.' })
    .int('The page is a whole number.')
    .min(0, 'The page cannot be before the first.')
    .default(0),
  limit: z
    .number({ error: 'The page size is a number.' })
    .int('The page size is a whole number.')
    .min(1, 'At least 1 account a page.')
    .max(200, 'At most 200 accounts a page.')
    .default(AGING_PAGE_SIZE),
});

export interface AgingAccount {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  guarantorName: string;
  payerClass: PayerClass;
  balanceCents: number;
  /** The date the account is aged from (service date or first statement); null when not yet billed. */
  agingDate: string | null;
  /** Days from the aging date to the as-of date (0 for a later date); null when not yet billed. */
  ageDays: number | null;
  column: AgingColumn;
  /** The guarantor's last payment on the account (patient payment or payroll deduction), as of the date. */
  lastPaymentDate: string | null;
}

export interface AgingAccountsPage {
  asOf: string;
  basis: (typeof AGING_BASES)[number];
  column: AgingColumn | null;
  payerClass: PayerClass | null;
  /** The figure: how many accounts and their total, equal to the report's cell to the cent. */
  accountCount: number;
  totalCents: number;
  offset: number;
  accounts: AgingAccount[];
}

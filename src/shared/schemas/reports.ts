import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { AGING_BASES, type AgingBucket } from '../rules/aging';
import type { PayerClass } from './accounts';

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

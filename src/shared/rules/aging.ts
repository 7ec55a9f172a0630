// Aging buckets for the aging report: days from the aging date (service date or first-statement
// date) to the as-of date. An account with no first statement yet is "not yet billed" when aged by
// first-statement date.
import { daysBetween, type BusinessDate } from '../dates';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '121-180', '180+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_BASES = ['service_date', 'first_statement_date'] as const;
export type AgingBasis = (typeof AGING_BASES)[number];

/** The bucket for an account aged `days` days (future dates count as 0). */
export function bucketForDays(days: number): AgingBucket {
  const d = Math.max(0, days);
  if (d <= 30) return '0-30';
  if (d <= 60) return '31-60';
  if (d <= 90) return '61-90';
  if (d <= 120) return '91-120';
  if (d <= 180) return '121-180';
  return '180+';
}

export function agingBucket(from: BusinessDate, asOf: BusinessDate): AgingBucket {
  return bucketForDays(daysBetween(from, asOf));
}

/** The lower and upper day bounds of each bucket, for SQL (upper null = open-ended). */
export const BUCKET_BOUNDS: Record<AgingBucket, [number, number | null]> = {
  '0-30': [Number.MIN_SAFE_INTEGER, 30],
  '31-60': [31, 60],
  '61-90': [61, 90],
  '91-120': [91, 120],
  '121-180': [121, 180],
  '180+': [181, null],
};

/** Column headings, the same on the screen, the PDF and in the user guide. */
export const AGING_COLUMN_LABELS: Record<AgingBucket | 'not_yet_billed', string> = {
  '0-30': '0–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '91-120': '91–120 days',
  '121-180': '121–180 days',
  '180+': '180+ days',
  not_yet_billed: 'Not yet billed',
};

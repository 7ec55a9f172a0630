// The date of a posting, an activity or a reversal: a real calendar date, and never after the
// business date (main refuses future-dated postings; the form says so first).
import { z } from 'zod';
import { businessDateSchema, formatShortDate } from '../../../../shared/dates';

export function dateNotAfter(today: string, what: string) {
  return z
    .string()
    .min(1, 'Enter the date.')
    .pipe(businessDateSchema)
    .refine((d) => d <= today, `${what} cannot be dated after the business date, ${formatShortDate(today)}.`);
}

export function requiredDate(message: string) {
  return z.string().min(1, message).pipe(businessDateSchema);
}

// Money as the clerk types it: dollars and cents in a text field, checked with the one money
// module (parseDollars: exact, no floats) and sent to main as whole cents.
import { z } from 'zod';
import { formatDecimal, parseDollars } from '../../shared/money';

export const DOLLARS_HINT = 'Dollars and cents, like 125.00.';

/** A typed amount -> cents; refuses anything that is not a plain amount with at most two decimals. */
export function dollarsSchema(label: string, options: { allowZero?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}.`)
    .transform((text, ctx) => {
      const cents = parseDollars(text);
      if (cents === null) {
        ctx.addIssue({
          code: 'custom',
          message: `Write the ${label.toLowerCase()} in dollars and cents, like 125.00.`,
        });
        return z.NEVER;
      }
      if (cents < 0 || (cents === 0 && !options.allowZero)) {
        ctx.addIssue({
          code: 'custom',
          message: options.allowZero
            ? `The ${label.toLowerCase()} cannot be negative.`
            : `The ${label.toLowerCase()} must be more than $0.00.`,
        });
        return z.NEVER;
      }
      return cents;
    });
}

/** Cents as the text a money field starts with ("250.00"). */
export function centsToField(cents: number): string {
  return formatDecimal(cents);
}

/** What a typed amount comes to, or null while it is not an amount. */
export function typedCents(text: string | undefined): number | null {
  if (!text || !text.trim()) return null;
  return parseDollars(text);
}

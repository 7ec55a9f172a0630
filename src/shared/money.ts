// Money is an integer number of cents everywhere. Formatting happens only at the edge.
import { z } from 'zod';

/** The largest amount Recoup accepts: $10 billion, far inside Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 1_000_000_000_000;

export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_CENTS;
}

/** Throws when a computation produced something that is not whole, bounded cents. */
export function assertCents(value: number, what = 'amount'): Cents {
  if (!isCents(value)) throw new RangeError(`${what} is not a whole number of cents: ${value}`);
  return value;
}

/** Any whole number of cents, signed (ledger entries, adjustments). */
export const centsSchema = z
  .number({ error: 'Enter an amount in cents.' })
  .int('Amounts are whole cents.')
  .min(-MAX_CENTS, 'That amount is too large.')
  .max(MAX_CENTS, 'That amount is too large.');

/** A non-negative amount of cents (a payment, a limit). */
export const nonNegativeCentsSchema = centsSchema.min(0, 'The amount cannot be negative.');

/** A positive amount of cents. */
export const positiveCentsSchema = centsSchema.min(1, 'The amount must be more than zero.');

const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** 123456 -> "$1,234.56"; -500 -> "-$5.00". */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  return formatter.format(cents / 100);
}

/**
 * Parses what a person typed ("1,234.56", "$12", "-3.5") into cents, exactly, without floats.
 * Returns null for anything that is not a plain decimal amount with at most two decimals.
 */
export function parseDollars(text: string): Cents | null {
  const cleaned = text.trim().replace(/[$,\s]/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (whole!.length > 13) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  const signed = sign ? -cents : cents;
  return isCents(signed) ? signed : null;
}

/** Adds amounts, refusing anything that is not whole cents. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += assertCents(v);
  return assertCents(total, 'total');
}

/** 123456 -> "1234.56"; -5 -> "-0.05": exact, for CSV and export files. */
export function formatDecimal(cents: Cents): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

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

/** "Amount promised" -> "amount promised", for a sentence about the field. */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Whole cents for one named field of a channel: each message names the field, for its form too. */
export function centsField(label: string) {
  const the = `The ${inSentence(label)}`;
  return z
    .number({ error: `${the} is an amount in cents.` })
    .int(`${the} is whole cents.`)
    .min(-MAX_CENTS, `${the} is too large.`)
    .max(MAX_CENTS, `${the} is too large.`);
}

/** A named amount that may be zero: "The approval limit cannot be negative." */
export function nonNegativeCents(label: string) {
  return centsField(label).min(0, `The ${inSentence(label)} cannot be negative.`);
}

/** A named amount above zero: "The amount promised must be more than $0.00." */
export function positiveCents(label: string) {
  return centsField(label).min(1, `The ${inSentence(label)} must be more than $0.00.`);
}

const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** 123456 -> "$1,234.56"; -500 -> "-$5.00". */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  return formatter.format(cents / 100);
}

const DOLLARS = /^(-)?(\d{1,13})(?:\.(\d{0,2}))?$/;

/** The cents a typed amount writes, before any bound: null when it is not a plain decimal amount. */
function writtenCents(text: string): number | null {
  const match = DOLLARS.exec(text.trim().replace(/[$,\s]/g, ''));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  // At most 13 digits of dollars: well inside Number.MAX_SAFE_INTEGER once in cents.
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign && cents ? -cents : cents;
}

/**
 * Parses what a person typed ("1,234.56", "$12", "-3.5") into cents, exactly, without floats.
 * Returns null for anything that is not a plain decimal amount with at most two decimals.
 */
export function parseDollars(text: string): Cents | null {
  const cents = writtenCents(text);
  return cents !== null && isCents(cents) ? cents : null;
}

/** What a typed amount comes to, or null while it is not an amount (live totals beside a form). */
export function typedCents(text: string | undefined): Cents | null {
  if (!text || !text.trim()) return null;
  return parseDollars(text);
}

export const DOLLARS_HINT = 'Dollars and cents, like 125.00.';

/**
 * Money as the clerk types it: dollars and cents in a text field, turned into cents exactly and
 * then checked by the channel's own cents field (`cents`), so its bounds and messages are the
 * form's. `blankIs` gives an empty field a value (a down payment of 0.00); otherwise it is asked for.
 */
export function dollarsText<T extends z.ZodType<Cents, Cents>>(
  label: string,
  cents: T,
  options: { blankIs?: Cents } = {},
) {
  const what = inSentence(label);
  return z
    .string({ error: `Enter the ${what}.` })
    .transform((text, ctx): Cents => {
      if (!text.trim()) {
        if (options.blankIs !== undefined) return options.blankIs;
        ctx.addIssue({ code: 'custom', message: `Enter the ${what}.` });
        return z.NEVER;
      }
      const written = writtenCents(text);
      if (written === null) {
        ctx.addIssue({ code: 'custom', message: `Write the ${what} in dollars and cents, like 125.00.` });
        return z.NEVER;
      }
      return written;
    })
    .pipe(cents);
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

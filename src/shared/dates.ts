// Business dates are 'YYYY-MM-DD' strings, calendar days with no time zone. All "today" comes
// from one injectable clock (src/main/clock.ts); nothing here reads the system time.
import { z } from 'zod';

export type BusinessDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string' || value.length !== 10 || !ISO_DATE.test(value)) return false;
  // Arithmetic, not Date objects: imports check millions of dates.
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** A date typed that the calendar has not (February 30th): every date field says it in these words. */
export const NO_SUCH_DATE_MESSAGE =
  'That date does not exist: check the month and the day (February 30th is not a date).';

export const businessDateSchema = z
  .string({ error: 'Enter a date.' })
  .max(10, 'Dates are written YYYY-MM-DD.')
  .refine(isBusinessDate, 'Enter a real date as YYYY-MM-DD.');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function toUtc(date: BusinessDate): number {
  if (!isBusinessDate(date)) throw new RangeError(`Not a business date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): BusinessDate {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/**
 * Adds calendar months; a day the later month does not have becomes its last day (31 October + 4
 * months is 28 or 29 February): the earlier day, so a deadline counted this way is never late.
 */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  if (!isBusinessDate(date)) throw new RangeError(`Not a business date: ${date}`);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an instant in the given IANA time zone (default: the machine's). */
export function businessDateOf(instant: Date, timeZone?: string): BusinessDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2026-11-26" -> "November 26, 2026" for letters and screens. */
export function formatLongDate(date: BusinessDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${MONTH_NAMES[m - 1]} ${d}, ${y}`;
}

/** "2026-11-26" -> "11/26/2026". */
export function formatShortDate(date: BusinessDate): string {
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y}`;
}

/** The dates of service as documents print them: one date, or "from – to". */
export function formatServiceDates(from: string, to: string): string {
  return from === to ? formatShortDate(from) : `${formatShortDate(from)} – ${formatShortDate(to)}`;
}

/**
 * A date typed in a form: an empty field says `emptyMessage`; anything else is checked by the
 * channel's own date field (`field`), so the form refuses what the channel refuses, in its words.
 */
export function typedDate<T extends z.ZodType<BusinessDate, BusinessDate>>(field: T, emptyMessage = 'Enter the date.') {
  return z.string({ error: emptyMessage }).min(1, emptyMessage).pipe(field);
}

/** The sentence for a date after the business date: postings, activities and decisions are not future-dated. */
export function afterBusinessDateMessage(today: BusinessDate, what: string): string {
  return `${what} cannot be dated after the business date, ${formatShortDate(today)}.`;
}

/** A typed date on or before the business date `today` (passed in: nothing here reads a clock). */
export function dateNotAfter<T extends z.ZodType<BusinessDate, BusinessDate>>(
  today: BusinessDate,
  what: string,
  field: T,
  emptyMessage?: string,
) {
  return typedDate(field, emptyMessage).refine((d) => d <= today, afterBusinessDateMessage(today, what));
}

/** A typed date on or after the business date `today`: a promise's day, a first due date, a policy's start. */
export function dateNotBefore<T extends z.ZodType<BusinessDate, BusinessDate>>(
  today: BusinessDate,
  message: string,
  field: T,
  emptyMessage?: string,
) {
  return typedDate(field, emptyMessage).refine((d) => d >= today, message);
}

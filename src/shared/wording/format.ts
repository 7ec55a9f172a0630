// Dates, money and lists as a patient document prints them, per language. Money is US dollars in
// both languages ("$1,234.56", as US banks and the remittance stub expect). English dates are as
// they always printed ("11/26/2026", "November 26, 2026"); Spanish dates use the month's name
// ("26 nov 2026", "26 de noviembre de 2026"), since a numeric date reads day-first to many Spanish
// readers and month-first to a US bank.
import { formatLongDate, formatServiceDates, formatShortDate, type BusinessDate } from '../dates';
import { formatCents, type Cents } from '../money';
import type { DocumentLanguage } from '../rules/documentLanguage';

function utc(date: BusinessDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const SPANISH_LONG = new Intl.DateTimeFormat('es-US', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const SPANISH_SHORT = new Intl.DateTimeFormat('es-US', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const SPANISH_LIST = new Intl.ListFormat('es', { type: 'conjunction' });

/** "2026-12-06" -> "December 6, 2026" / "6 de diciembre de 2026": in sentences. */
export function longDateIn(lang: DocumentLanguage, date: BusinessDate): string {
  return lang === 'es' ? SPANISH_LONG.format(utc(date)) : formatLongDate(date);
}

/** "2026-12-06" -> "12/06/2026" / "6 dic 2026": in tables, boxes and the stub. */
export function shortDateIn(lang: DocumentLanguage, date: BusinessDate): string {
  return lang === 'es' ? SPANISH_SHORT.format(utc(date)).replace('.', '') : formatShortDate(date);
}

/** A date range in a table: one date, or "from–to". */
export function dateRangeIn(lang: DocumentLanguage, from: BusinessDate, to: BusinessDate): string {
  return from === to ? shortDateIn(lang, from) : `${shortDateIn(lang, from)}–${shortDateIn(lang, to)}`;
}

/** The dates of service as letters, agreements and receipts print them: one date, or "from – to". */
export function serviceDatesIn(lang: DocumentLanguage, from: BusinessDate, to: BusinessDate): string {
  return lang === 'es'
    ? from === to
      ? shortDateIn(lang, from)
      : `${shortDateIn(lang, from)} – ${shortDateIn(lang, to)}`
    : formatServiceDates(from, to);
}

/** US dollars in both languages: 123456 -> "$1,234.56". */
export function moneyIn(_lang: DocumentLanguage, cents: Cents): string {
  return formatCents(cents);
}

/** ["A", "B", "C"] -> "A, B and C" / "A, B y C" (Spanish "e" before an i-sound, as Intl writes it). */
export function listIn(lang: DocumentLanguage, items: readonly string[]): string {
  if (lang === 'es') return SPANISH_LIST.format(items);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** A person's sentence set inside another ("undone: <reason>. ..."): its own final stop dropped. */
export function clause(text: string): string {
  return text.trim().replace(/[.。!]+$/u, '');
}

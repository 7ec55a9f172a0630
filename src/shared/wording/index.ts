// The wording of patient documents in the guarantor's language (LANG-01). A document gets one
// `Wording` for its language and its texts, and asks it for every text, date, amount and list it
// prints: `w.say('amountDue')`, `w.say('pageOf', { page, pages })`, `w.longDate(d)`, `w.money(c)`.
import type { BusinessDate } from '../dates';
import type { Cents } from '../money';
import type { DocumentLanguage } from '../rules/documentLanguage';
import { dateRangeIn, listIn, longDateIn, moneyIn, serviceDatesIn, shortDateIn } from './format';
import { fill, type Bilingual, type ValuesOf } from './template';

export { documentLanguage, DOCUMENT_LANGUAGES, DOCUMENT_LANGUAGE_NAMES } from '../rules/documentLanguage';
export type { DocumentLanguage } from '../rules/documentLanguage';
export { defineTexts, fill, placeholdersIn, type Bilingual, type Placeholders } from './template';
export { dateRangeIn, listIn, longDateIn, moneyIn, serviceDatesIn, shortDateIn } from './format';

export interface Wording<T extends Record<string, Bilingual>> {
  readonly lang: DocumentLanguage;
  /** The text `key` in this language, with its placeholders filled. */
  say<K extends keyof T & string>(key: K, ...values: ValuesOf<T[K]>): string;
  longDate(date: BusinessDate): string;
  shortDate(date: BusinessDate): string;
  /** The statement's table: "from–to". */
  dateRange(from: BusinessDate, to: BusinessDate): string;
  /** Letters, agreements and receipts: "from – to". */
  serviceDates(from: BusinessDate, to: BusinessDate): string;
  money(cents: Cents): string;
  list(items: readonly string[]): string;
}

export function wordingFor<T extends Record<string, Bilingual>>(lang: DocumentLanguage, texts: T): Wording<T> {
  return {
    lang,
    say: (key, ...values) => fill(texts[key]![lang], values[0] as Record<string, string | number> | undefined),
    longDate: (d) => longDateIn(lang, d),
    shortDate: (d) => shortDateIn(lang, d),
    dateRange: (from, to) => dateRangeIn(lang, from, to),
    serviceDates: (from, to) => serviceDatesIn(lang, from, to),
    money: (c) => moneyIn(lang, c),
    list: (items) => listIn(lang, items),
  };
}

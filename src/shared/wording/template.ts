// A patient text in both languages, with named placeholders ("Pay by {date}"). The placeholders are
// typed: a text's English and Spanish must name the same ones (a compile error otherwise), and a
// document must give a value for each (a compile error otherwise). Pure data, so the Settings
// screen can show every text side by side.
import type { DocumentLanguage } from '../rules/documentLanguage';

/** The names between braces in a template: "Call {phone} or visit {url}" -> "phone" | "url". */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** One text in every document language. */
export type Bilingual = Readonly<Record<DocumentLanguage, string>>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each entry as written, or (when its languages name different placeholders) a type no entry has. */
type Checked<T> = {
  [K in keyof T]: T[K] extends { en: infer E extends string; es: infer S extends string }
    ? Same<Placeholders<E>, Placeholders<S>> extends true
      ? T[K]
      : { en: E; es: S; placeholdersDiffer: `English and Spanish name different placeholders in "${K & string}"` }
    : never;
};

/**
 * A document's texts. Every entry needs `en` and `es` (a missing language does not compile), and
 * both must name the same placeholders.
 */
export function defineTexts<const T extends Record<string, Bilingual>>(texts: T & Checked<T>): T {
  return texts;
}

/** The values a text needs: none for a plain text, one per placeholder otherwise. */
export type ValuesOf<E extends Bilingual> = [Placeholders<E['en']>] extends [never]
  ? []
  : [values: Record<Placeholders<E['en']>, string | number>];

const HOLE = /\{([A-Za-z0-9_]+)\}/g;

/** The placeholder names a template uses, sorted: what the catalog test compares between languages. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(HOLE)].map((m) => m[1]!))].sort();
}

/** A template with its values put in. A value the template names but `values` lacks is a bug: it throws. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(HOLE, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new RangeError(`No value for {${name}} in "${template}"`);
    return String(value);
  });
}

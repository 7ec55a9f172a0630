// LANG-01: the language a guarantor's patient documents print in. The guarantor's language is free
// text (typed by a clerk, or carried in from the hospital's import: "Spanish", "Español", "es",
// "spa", "Spanish (Mexico)" ...). 501(r) asks for the financial-assistance documents in the
// languages of the hospital's larger limited-English groups; Recoup prints English and Spanish.
// The first word of the recorded language decides: a Spanish name or code prints Spanish, anything
// else (blank, "English", a language Recoup does not print yet) prints English.

export const DOCUMENT_LANGUAGES = ['en', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The language's name as a clerk reads it on a screen. */
export const DOCUMENT_LANGUAGE_NAMES: Record<DocumentLanguage, string> = { en: 'English', es: 'Spanish' };

/** First words that name Spanish: English and Spanish names, ISO 639-1/2/3 codes, and BCP 47 tags (es-US, es-MX). */
const SPANISH_WORDS: ReadonlySet<string> = new Set(['spanish', 'espanol', 'castellano', 'es', 'spa']);

/** "Español (México)" -> ["espanol", "mexico"]: lower case, accents removed, split on anything not a letter. */
function words(recorded: string): string[] {
  return recorded
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** LANG-01: the document language for a guarantor's recorded language. */
export function documentLanguage(recorded: string | null | undefined): DocumentLanguage {
  const first = words(recorded ?? '')[0];
  return first !== undefined && SPANISH_WORDS.has(first) ? 'es' : 'en';
}

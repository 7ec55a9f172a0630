// LANG-01: the guarantor's recorded language (free text, typed or imported) decides the document language.
import { describe, expect, it } from 'vitest';
import { documentLanguage } from '../../../src/shared/rules/documentLanguage';

describe('LANG-01: documentLanguage', () => {
  it.each([
    ['Spanish', 'es'],
    ['spanish', 'es'],
    ['SPANISH', 'es'],
    ['Español', 'es'],
    ['español', 'es'],
    ['Espanol', 'es'],
    ['ESPAÑOL', 'es'],
    ['Castellano', 'es'],
    ['es', 'es'],
    ['ES', 'es'],
    ['es-US', 'es'],
    ['es_MX', 'es'],
    ['spa', 'es'],
    ['  Spanish  ', 'es'],
    ['Spanish (Mexico)', 'es'],
    ['Spanish; English', 'es'],
    ['English', 'en'],
    ['english', 'en'],
    ['en', 'en'],
    ['eng', 'en'],
    ['', 'en'],
    ['   ', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['English, Spanish', 'en'],
    ['Portuguese', 'en'],
    ['Vietnamese', 'en'],
    ['Estonian', 'en'],
    ['est', 'en'],
    ['Spanglish', 'en'],
    ['esp', 'en'],
  ] as const)('%j prints in %s', (recorded, expected) => {
    expect(documentLanguage(recorded)).toBe(expected);
  });
});

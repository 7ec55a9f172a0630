// LANG-01: every patient text exists in English and Spanish, non-empty, naming the same placeholders;
// and the wording fills placeholders, dates, money and lists per language.
import { describe, expect, it } from 'vitest';
import { PATIENT_TEXT_GROUPS } from '../../../src/shared/wording/catalog';
import { defineTexts, fill, placeholdersIn, wordingFor } from '../../../src/shared/wording';
import { DEFAULT_STATEMENT_POLICY } from '../../../src/shared/schemas/settings';

describe('LANG-01: the patient text catalog', () => {
  const entries = PATIENT_TEXT_GROUPS.flatMap((g) =>
    Object.entries(g.texts).map(([key, text]) => [`${g.id}.${key}`, text] as const),
  );

  it('has texts for every document group', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(new Set(PATIENT_TEXT_GROUPS.map((g) => g.id)).size).toBe(PATIENT_TEXT_GROUPS.length);
  });

  it.each(entries)('%s: English and Spanish, non-empty, with the same placeholders', (_key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.es.trim()).not.toBe('');
    expect(placeholdersIn(text.es)).toEqual(placeholdersIn(text.en));
  });

  it('the Spanish defaults of the hospital’s own texts are given', () => {
    expect(DEFAULT_STATEMENT_POLICY.plainLanguageSummaryEs).toMatch(/^Ofrecemos asistencia financiera/);
    expect(DEFAULT_STATEMENT_POLICY.officeHoursEs).toBe('De lunes a viernes, de 8:00 a. m. a 4:30 p. m.');
  });
});

describe('LANG-01: wording', () => {
  const texts = defineTexts({ pay: { en: 'Pay {amount} by {date}.', es: 'Pague {amount} antes del {date}.' } });

  it('fills placeholders in the document language', () => {
    const en = wordingFor('en', texts);
    const es = wordingFor('es', texts);
    expect(en.say('pay', { amount: en.money(123_456), date: en.longDate('2026-12-06') })).toBe(
      'Pay $1,234.56 by December 6, 2026.',
    );
    expect(es.say('pay', { amount: es.money(123_456), date: es.longDate('2026-12-06') })).toBe(
      'Pague $1,234.56 antes del 6 de diciembre de 2026.',
    );
  });

  it.each([
    ['2026-12-06', '12/06/2026', '6 dic 2026', 'December 6, 2026', '6 de diciembre de 2026'],
    ['2026-01-01', '01/01/2026', '1 ene 2026', 'January 1, 2026', '1 de enero de 2026'],
    ['2027-09-30', '09/30/2027', '30 sept 2027', 'September 30, 2027', '30 de septiembre de 2027'],
    ['2028-02-29', '02/29/2028', '29 feb 2028', 'February 29, 2028', '29 de febrero de 2028'],
  ])('%s: short %s / %s, long %s / %s', (date, enShort, esShort, enLong, esLong) => {
    expect(wordingFor('en', texts).shortDate(date)).toBe(enShort);
    expect(wordingFor('es', texts).shortDate(date)).toBe(esShort);
    expect(wordingFor('en', texts).longDate(date)).toBe(enLong);
    expect(wordingFor('es', texts).longDate(date)).toBe(esLong);
  });

  it('money is US dollars in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      expect(wordingFor(lang, texts).money(123_456)).toBe('$1,234.56');
      expect(wordingFor(lang, texts).money(-500)).toBe('-$5.00');
    }
  });

  it('lists join with "and" / "y"', () => {
    expect(wordingFor('en', texts).list(['A1', 'A2', 'A3'])).toBe('A1, A2 and A3');
    expect(wordingFor('es', texts).list(['A1', 'A2', 'A3'])).toBe('A1, A2 y A3');
    expect(wordingFor('es', texts).list(['A1'])).toBe('A1');
  });

  it('a placeholder without a value is a bug, not a blank', () => {
    expect(() => fill('Pay {amount}.', {})).toThrow(/amount/);
  });
});

// Issue 16 section 6: names in any script print on both authorization forms, in English and Spanish
// (the employee's, the guarantor's and the bank account holder's), read back with pdftotext and
// asserted as tests/unit/estates/scriptNames.test.ts does (Devanagari by its letters, as a reader
// of the page may see them reordered; Arabic in the visual order it is drawn in).
import { describe, expect, it } from 'vitest';
import { authorizationPdf, type AuthorizationFacts } from '../../../src/main/capabilities/payroll/authorizationPdf';
import { SETUP } from '../support';
import { printedName, SCRIPT_NAMES } from '../scriptNames';
import { formPages } from './authorizationSupport';

const INDIC = /\p{Script=Devanagari}/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const letters = (word: string) => [...word].sort().join('');

function expectShown(text: string, value: string) {
  if (INDIC.test(value)) {
    const found = new Set(text.split(/[\s,.()]+/).map(letters));
    for (const word of value.split(' ')) expect(found, `${word} in ${text}`).toContain(letters(word));
  } else if (RTL.test(value)) {
    // Drawn in visual order (the first word rightmost): pdftotext reads it left to right, each word
    // inside bidi embedding marks.
    const plain = text.replace(/[\u202a-\u202e]/g, '');
    expect(plain).toContain(value.split(' ').reverse().join(' '));
  } else expect(text).toContain(value);
}

const SCRIPTS = ['Vietnamese', 'Polish', 'Cyrillic', 'Arabic', 'Chinese', 'Devanagari'];

function facts(name: string, method: 'payroll' | 'bank', language: 'en' | 'es'): AuthorizationFacts {
  return {
    method,
    language,
    reference: method === 'payroll' ? 'PD-7' : 'ABT-7',
    date: '2026-11-26',
    hospital: SETUP.hospital,
    guarantor: { name, number: 'G-77' },
    accounts: [
      { accountNumber: 'R1', serviceFrom: '2026-03-02', serviceTo: '2026-03-02', owedCents: 25_000 },
      { accountNumber: 'R2', serviceFrom: '2026-05-10', serviceTo: '2026-05-12', owedCents: 16_237 },
    ],
    totalCents: 41_237,
    amountCents: 5_000,
    frequency: 'biweekly',
    firstDate: '2026-12-04',
    periods: 9,
    lastDate: '2027-03-26',
    lastAmountCents: 1_237,
    payroll:
      method === 'payroll'
        ? { employeeName: name, employeeNumber: 'E-1', finalPayDeduction: 'none', payrollContact: '' }
        : null,
    bank:
      method === 'bank'
        ? { holderName: name, routingNumber: '011000015', accountMasked: '••••6789', accountType: 'checking' }
        : null,
  };
}

describe('both authorization forms print every name', () => {
  const cases = SCRIPT_NAMES.filter((n) => SCRIPTS.includes(n.script)).flatMap((n) =>
    (['payroll', 'bank'] as const).flatMap((method) =>
      (['en', 'es'] as const).map((lang) => [n.script, method, lang, n] as const),
    ),
  );
  it('covers the scripts asked for', () => expect(new Set(cases.map((c) => c[0])).size).toBe(SCRIPTS.length));

  it.each(cases)('%s, %s form, %s', async (_script, method, lang, n) => {
    const name = printedName(n);
    const pages = formPages(await authorizationPdf(facts(name, method, lang)), `script-${n.id}-${method}-${lang}`);
    // Each copy on one page, the name on both.
    expect(pages).toHaveLength(2);
    for (const page of pages) expectShown(page, name);
    const text = pages.join(' ');
    expect(text).toContain('$412.37');
    expect(text).toContain(lang === 'en' ? 'March 26, 2027' : '26 de marzo de 2027');
  });
});

// LANG-01 / PP-04: a patient's name and address in any script print on the OB agreement, the OB
// statement and the true-up letter, in English and in Spanish (embedded fonts, src/main/pdf), read
// back with pdftotext and asserted as tests/unit/payroll/authorizationScripts.test.ts does (Arabic
// and Hebrew in the visual order they are drawn in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obEmtalaSentence } from '../../../src/shared/wording/obTexts';
import { printedName, SCRIPT_NAMES } from '../scriptNames';
import { closeCase, obWorld, openCase, pdfPages, sign, type ObWorld } from './obDocumentsSupport';

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

function expectShown(text: string, value: string) {
  if (RTL.test(value)) {
    // Drawn in visual order (the first word rightmost): pdftotext reads it left to right.
    const plain = text.replace(/[\u202a-\u202e]/g, '');
    expect(plain).toContain(value.split(' ').reverse().join(' '));
  } else expect(text).toContain(value);
}

const SCRIPTS = [
  'Vietnamese',
  'Polish',
  'German',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Chinese',
  'Japanese',
  'Korean',
];
const PEOPLE = SCRIPT_NAMES.filter((n) => SCRIPTS.includes(n.script));

let w: ObWorld;
const cases = new Map<string, number>();

beforeAll(async () => {
  w = await obWorld(
    PEOPLE.map((n) => ({ external: n.id, last: n.lastName, first: n.firstName, line1: n.line1, city: n.city })),
  );
}, 60_000);
afterAll(() => w?.t.cleanup());

describe('OB documents print every name and address', () => {
  it('covers the scripts asked for', () => expect(PEOPLE.map((p) => p.script).sort()).toEqual([...SCRIPTS].sort()));

  it.each(PEOPLE.flatMap((n) => (['en', 'es'] as const).map((lang) => [n.script, lang, n] as const)))(
    '%s, %s',
    async (_script, lang, n) => {
      const caseId = openCase(w, { guarantor: n.id, language: lang });
      cases.set(`${n.id}-${lang}`, caseId);
      const name = printedName(n);
      const print = async (channel: 'ob:agreement' | 'ob:statement' | 'ob:trueUpLetter') =>
        pdfPages(await w.t.file(await w.t.call(channel, { caseId }, w.admin)), `script-${n.id}-${channel}-${lang}`);

      const agreement = await print('ob:agreement');
      // The name on both copies; the address on the form.
      expectShown(agreement[0]!, name);
      expectShown(agreement[agreement.length - 1]!, name);
      expectShown(agreement.join(' '), n.line1);
      expect(agreement.join(' ')).toContain(obEmtalaSentence(lang));

      sign(w, caseId);
      const statement = (await print('ob:statement')).join(' ');
      expectShown(statement, name);
      expectShown(statement, n.city);
      expect(statement).toContain(obEmtalaSentence(lang));
      expect(statement).toContain(lang === 'en' ? 'Your estimated share = $3,050.00' : 'Su parte estimada = $3,050.00');

      closeCase(w, caseId, 280_000, 305_000);
      const letter = (await print('ob:trueUpLetter')).join(' ');
      expectShown(letter, name);
      expect(letter).toContain(lang === 'en' ? 'We owe you $250.00' : 'Le debemos $250.00');
    },
  );
});

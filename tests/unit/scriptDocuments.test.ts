// Issue 10: every name prints, in any script. Names and addresses in a dozen scripts
// (scriptNames.ts) go through the documents a guarantor receives: the statement, the final
// notice, the run's batch, the payment receipt, the payment plan agreement and the lapse letter.
// The text read back from each PDF (pdfjs, as tests/unit/pdfText.ts reads it) must be the names.
//
// What extraction gives back, and so what is asserted:
// - left-to-right scripts, and Chinese, Japanese and Korean: the name and the address exactly;
// - Arabic and Hebrew names: exactly (pdfjs reads the right-to-left glyphs back into logical
//   order); in an address mixing right-to-left words with a number, every word, since pdfjs puts
//   the number where it stands on the page;
// - Devanagari: the same letters for each word. A vowel sign drawn before its consonant (ि) and
//   a repha (र्) drawn over the next consonant are read back in the order drawn, as PDF text
//   extraction does for every Indic font; the page shows the name right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createPdf, pdfBytes } from '../../src/main/pdf/layout';
import { appendPages } from '../../src/main/pdf/pageCopy';
import { renderStatement, statementPdf } from '../../src/main/capabilities/statements/statementPdf';
import { buildSnapshot } from '../../src/main/capabilities/statements/snapshot';
import { statementPolicy } from '../../src/main/platform/settings';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from './support';
import { pdfPages } from './pdfText';
import { importScriptNames } from './accounts/scriptFixtures';
import { printedName, SCRIPT_NAMES, type ScriptName } from './scriptNames';

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const INDIC = /\p{Script=Devanagari}/u;
const letters = (word: string) => [...word].sort().join('');
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');

/** Expects `text` (one document's, flattened) to show `value` as a reader of the page would read it. */
function expectShown(text: string, value: string) {
  if (INDIC.test(value)) {
    const found = new Set(text.split(/[\s,.]+/).map(letters));
    for (const word of value.split(' ')) expect(found, `${word} in ${text}`).toContain(letters(word));
  } else if (RTL.test(value) && /\d/.test(value)) {
    for (const word of value.split(' ')) expect(text).toContain(word);
  } else expect(text).toContain(value);
}

function expectNameAndAddress(text: string, n: ScriptName) {
  expectShown(text, printedName(n));
  expectShown(text, n.line1);
  expectShown(text, n.city);
}

let t: TestApp;
let clerk: string;
let ids: Map<string, number>;
beforeAll(async () => {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  clerk = await addUserAndLogIn(t, admin, 'clerk');
  ids = await importScriptNames(t);
});
afterAll(() => t.cleanup());

const snapshot = (n: ScriptName, kind: 'regular' | 'final_notice') =>
  buildSnapshot(t.app.store.db, ids.get(n.id)!, {
    statementDate: '2026-11-26',
    numberInCycle: kind === 'final_notice' ? 4 : 1,
    kind,
    lastStatementDate: kind === 'final_notice' ? '2026-10-27' : null,
    policy: statementPolicy(t.app.store.db),
  });

describe('statements and final notices print every name and address', () => {
  it.each(SCRIPT_NAMES.map((n) => [n.script, n] as const))('%s', async (_script, n) => {
    for (const kind of ['regular', 'final_notice'] as const) {
      const s = snapshot(n, kind);
      expect(s.layout).toBe(3);
      const pages = await pdfPages(await statementPdf(s));
      const text = flat(pages);
      expectNameAndAddress(text, n);
      // The address block keeps its lines (the window envelope shows them as lines).
      if (!RTL.test(n.line1) && !INDIC.test(n.line1))
        expect(pages[0]!.replace(/ *\n */g, '\n')).toContain(`${printedName(n)}\n${n.line1}\n${n.city}, ME 04101`);
      expect(text).toContain(kind === 'final_notice' ? 'FINAL NOTICE' : 'Statement');
    }
  });

  it('the run’s batch carries each statement’s own font subsets: its text is the single statements’ text', async () => {
    const batch = createPdf({ title: 'Statements', date: '2026-11-26', streamPages: true });
    const singles: Buffer[] = [];
    for (const n of SCRIPT_NAMES) {
      const s = snapshot(n, 'regular');
      const rendered = await renderStatement(s);
      const single = await statementPdf(s);
      expect(rendered.sha256).toBe(createHash('sha256').update(single).digest('hex'));
      // The pages cross from a worker thread as plain data.
      appendPages(batch, structuredClone(rendered.pages));
      singles.push(single);
    }
    const singleText = (await Promise.all(singles.map(pdfPages))).flat();
    expect(await pdfPages(await pdfBytes(batch))).toEqual(singleText);
  });
});

describe('receipts, agreements and lapse letters print every name and address', () => {
  it('a receipt for each guarantor names them', async () => {
    for (const n of SCRIPT_NAMES) {
      const posted = await t.call(
        'payments:post',
        {
          guarantorId: ids.get(n.id)!,
          method: 'cash',
          reference: '',
          amountCents: 1_000,
          effectiveDate: '2026-11-26',
          allocations: [],
        },
        clerk,
      );
      const text = flat(await pdfPages(await t.file(posted.receipt!)));
      expectShown(text, printedName(n));
    }
  });

  it('a payment plan agreement, and the lapse letter when it lapses, name and address each guarantor', async () => {
    for (const n of SCRIPT_NAMES) {
      const guarantorId = ids.get(n.id)!;
      const account = t.app.store.db
        .prepare('SELECT id FROM accounts WHERE account_number = ?')
        .pluck()
        .get(`S${n.id}`) as number;
      const plan = await t.call(
        'plans:create',
        {
          guarantorId,
          accountIds: [account],
          fapAnswer: 'declined',
          downPaymentCents: 0,
          frequency: 'monthly',
          firstDueDate: '2026-12-15',
          installmentCount: 4,
        },
        clerk,
      );
      const text = flat(await pdfPages(await t.file(await t.call('plans:agreement', { planId: plan.id }, clerk))));
      expect(text).toContain('Payment plan agreement');
      expectNameAndAddress(text, n);
    }
    t.clock.setToday('2026-12-26'); // past the grace period: every plan lapses and queues its letter
    const letters = await t.call('letters:lapseBatch', {}, clerk);
    expect(letters.count).toBe(SCRIPT_NAMES.length);
    const text = flat(await pdfPages(await t.file(letters)));
    for (const n of SCRIPT_NAMES) expectNameAndAddress(text, n);
  });
});

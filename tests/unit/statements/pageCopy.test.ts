// The run's batch takes the pages of the single statements as drawn (pageCopy): the same text and
// the same drawing operators page for page, in a batch of statements of one and two pages; and
// a page using what is not copied is refused rather than copied wrongly.
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createPdf, pdfBytes } from '../../../src/main/pdf/layout';
import { appendPages, capturePages } from '../../../src/main/pdf/pageCopy';
import { renderStatement, statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { statementPolicy } from '../../../src/main/platform/settings';
import { buildSnapshot } from '../../../src/main/capabilities/statements/snapshot';
import { createHash } from 'node:crypto';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages, STANDARD_FONTS } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function operators(bytes: Uint8Array): Promise<number[][]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const out: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) out.push([...(await (await doc.getPage(i)).getOperatorList()).fnArray]);
  await doc.destroy();
  return out;
}

describe('copying finished pages into the batch', () => {
  it('gives the batch exactly the single statements’ pages, and the recorded hash is the single PDF’s', async () => {
    t = testApp({ today: '2026-11-26' });
    await setUpAndLogIn(t);
    const { jane, john } = await importSmall(t);
    const policy = statementPolicy(t.app.store.db);
    const snaps = [
      buildSnapshot(t.app.store.db, jane, {
        statementDate: '2026-11-26',
        numberInCycle: 4,
        kind: 'final_notice',
        lastStatementDate: '2026-10-27',
        policy,
      }),
      buildSnapshot(t.app.store.db, john, {
        statementDate: '2026-11-26',
        numberInCycle: 1,
        kind: 'regular',
        lastStatementDate: null,
        policy,
      }),
    ];
    const batch = createPdf({ title: 'Statements', date: '2026-11-26', streamPages: true });
    const singles: Buffer[] = [];
    for (const s of snaps) {
      const rendered = await renderStatement(s);
      const single = await statementPdf(s);
      expect(rendered.sha256).toBe(createHash('sha256').update(single).digest('hex'));
      appendPages(batch, rendered.pages);
      singles.push(single);
    }
    const batchBytes = await pdfBytes(batch);
    const singleText = (await Promise.all(singles.map(pdfPages))).flat();
    expect(singleText).toHaveLength(3);
    expect(await pdfPages(batchBytes)).toEqual(singleText);
    const singleOps = (await Promise.all(singles.map(operators))).flat();
    const batchOps = await operators(batchBytes);
    expect(batchOps).toEqual(singleOps);
  });

  it('parses a standard font once (patches/pdfkit+0.20.2.patch is applied)', () => {
    type WithFont = { _font: { font: unknown } };
    const a = createPdf({ title: 'a', date: '2026-11-26' }) as unknown as WithFont;
    const b = createPdf({ title: 'b', date: '2026-11-26' }) as unknown as WithFont;
    expect(a._font.font).toBe(b._font.font);
  });

  it('refuses a page that uses more than fonts', async () => {
    const doc = createPdf({ title: 'x', date: '2026-11-26' });
    doc.fillOpacity(0.5).rect(10, 10, 50, 50).fill();
    expect(() => capturePages(doc)).toThrow(/ExtGState/);
  });

  it('refuses to copy into a document that numbers its fonts differently', async () => {
    const source = createPdf({ title: 'x', date: '2026-11-26' });
    source.font('Courier').text('monospace', 72, 72);
    const pages = capturePages(source);
    const target = createPdf({ title: 'y', date: '2026-11-26', streamPages: true });
    target.font('Times-Roman');
    expect(() => appendPages(target, pages)).toThrow(/Courier is F4 here but F3 in the source/);
  });
});

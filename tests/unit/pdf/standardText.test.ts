// Standard-font text remembered across documents (src/main/pdf/standardText.ts), and colours
// worked out once (plainColors.ts), must write exactly what pdfkit writes without them: a document drawn both ways is the same bytes, drawn once (nothing
// remembered yet) and again (everything remembered), with wrapping, alignment, line gaps, page
// breaks in the middle of a paragraph, measuring, and the cases left to pdfkit.
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { collectBytes, type Pdf } from '../../../src/main/pdf/layout';
import { rememberPlainColors } from '../../../src/main/pdf/plainColors';
import { rememberStandardText } from '../../../src/main/pdf/standardText';

function newDoc(remember: boolean): Pdf {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    compress: false,
    info: { CreationDate: new Date('2026-11-26T12:00:00Z'), ModDate: new Date('2026-11-26T12:00:00Z') },
  });
  doc.font('Helvetica').font('Helvetica-Bold').font('Helvetica').fontSize(10);
  if (remember) {
    rememberStandardText(doc);
    rememberPlainColors(doc);
  }
  return doc;
}

const PARAGRAPH =
  'Financial assistance is available for patients who cannot pay their hospital bill. Depending on your family income and household size, you may receive free or discounted care. AVATAR Wavy Tåkë “quoted” — €12.50 · naïve.';

function draw(doc: Pdf, round: number): number[] {
  const measured: number[] = [];
  doc.fillColor('#555555').text(`Statement ${round}`, 54, 54);
  doc.rect(300, 54, 100, 20).lineWidth(0.8).strokeColor('#333333').stroke();
  doc.rect(300, 80, 100, 20).fillColor('#eeeeee').fill();
  doc.fillColor('red').strokeColor('blue').fillColor('#ABCDEF', 0.5).strokeColor('#abcdef', 0.25);
  doc.fillColor([10, 20, 30]).fillColor('#111111');
  doc.font('Helvetica-Bold').fontSize(13).text('St. Brigid Regional Medical Center', 54, 70, { width: 300 });
  doc.font('Helvetica').fontSize(9).text('400 Harbor View Road\nPortland, ME 04101', { width: 300 });
  for (const align of ['left', 'right', 'center'] as const) doc.text('$1,234.56', 300, doc.y, { width: 120, align });
  // Lines that only just fit (or not), with kerning, each on its own line.
  const tight = 'AVATAR Wavy To. Tåkë, “quoted” e.';
  for (const room of [3, 0.6, 0.1, -0.3])
    for (const align of ['left', 'right'] as const)
      doc.text(`${tight}\n\n${tight}\n`, 54, doc.y, { width: doc.widthOfString(tight) + room, align });
  measured.push(doc.heightOfString(`${tight}\n${tight}`, { width: doc.widthOfString(tight) + 0.6 }));
  doc.text('Amount due', 54, doc.y, { lineBreak: false });
  doc.text(' and more', { lineBreak: false });
  doc.text(PARAGRAPH, 54, doc.y + 4, { width: 250, lineGap: 1 });
  doc.text(PARAGRAPH, 54, doc.y + 4, { width: 500, lineGap: 2, align: 'right' });
  doc.text(PARAGRAPH, 54, doc.y + 4, { width: 400, align: 'justify' });
  doc.text('Averylongwordthatcannotfitonasinglelineofthisnarrowboxatall', 54, doc.y, { width: 60 });
  doc.text('Part one, ', 54, doc.y, { continued: true }).text('part two.');
  doc.text('Underlined', { underline: true, width: 200 });
  measured.push(doc.widthOfString('AVATAR Wavy'), doc.widthOfString('x', { characterSpacing: 1 }));
  measured.push(doc.heightOfString(PARAGRAPH, { width: 250, lineGap: 1 }), doc.heightOfString(PARAGRAPH));
  measured.push(doc.heightOfString('', { width: 100 }), doc.heightOfString('one\n\ntwo', { width: 100 }));
  // A paragraph that runs off the foot of the page goes on to the next.
  doc.fontSize(11);
  for (let i = 0; i < 9; i++) doc.text(PARAGRAPH, 54, doc.y + 2, { width: 480 });
  doc.page.margins.bottom = 200;
  doc.text(PARAGRAPH, 54, doc.page.height - 260, { width: 480 });
  doc.page.margins.bottom = 54;
  doc.fontSize(7.5).text(`Page footer ${round}`, 54, doc.page.height - 30, { lineBreak: false });
  measured.push(doc.x, doc.y);
  return measured;
}

async function bytesOf(remember: boolean): Promise<{ bytes: Buffer; measured: number[] }> {
  const doc = newDoc(remember);
  const bytes = collectBytes(doc);
  const measured = [...draw(doc, 1), ...draw(doc, 2)];
  doc.addPage();
  measured.push(...draw(doc, 1));
  doc.end();
  return { bytes: await bytes, measured };
}

describe('standard-font text remembered across documents', () => {
  it('writes the very bytes pdfkit writes, the first time and once remembered', async () => {
    const plain = await bytesOf(false);
    for (let i = 0; i < 2; i++) {
      const remembered = await bytesOf(true);
      expect(remembered.measured).toEqual(plain.measured);
      expect(remembered.bytes.equals(plain.bytes)).toBe(true);
    }
  });
});

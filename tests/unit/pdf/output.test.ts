// A document's bytes collected without its stream (src/main/pdf/output.ts endToBytes), and a long
// document's output sent on in larger pieces (coalesceOutput), must be exactly what pdfkit writes
// through its stream: the same bytes, with the same offsets in the xref.
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createPdf, pdfBytes, type Pdf } from '../../../src/main/pdf/layout';
import { coalesceOutput, endToBytes } from '../../../src/main/pdf/output';

function draw(doc: Pdf, pages: number): Pdf {
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Page ${p + 1}: Statement for Jane Q. Smith`, 54, 54);
    // A line only an embedded font draws (layout 2), and text enough to wrap.
    doc.font('Helvetica').fontSize(9).text('Patient: 王小明 · Иван Петров · Tåkë naïve €12.50', { width: 300 });
    doc.text('Financial assistance is available. '.repeat(20 + p), { width: 400, lineGap: 1 });
    doc.rect(54, 400, 200, 50).lineWidth(0.8).strokeColor('#333333').stroke();
  }
  return doc;
}

const meta = (uncompressed: boolean) => ({ title: 'Output test', date: '2026-11-26', uncompressed });

describe('pdf output', () => {
  it('endToBytes gives the bytes pdfBytes gives, compressed or not, with an embedded font', async () => {
    for (const uncompressed of [true, false]) {
      const streamed = await pdfBytes(draw(createPdf(meta(uncompressed)), 2));
      const collected = endToBytes(draw(createPdf(meta(uncompressed)), 2));
      expect(collected.length).toBeGreaterThan(1000);
      expect(collected.equals(streamed)).toBe(true);
    }
  });

  it('coalesceOutput sends the same bytes in fewer pieces', async () => {
    const run = async (coalesce: boolean) => {
      const doc = createPdf({ title: 'Batch', date: '2026-11-26', streamPages: true });
      if (coalesce) coalesceOutput(doc);
      const chunks: Buffer[] = [];
      const out = new PassThrough();
      out.on('data', (c: Buffer) => chunks.push(c));
      const written = pipeline(doc, out);
      for (let i = 0; i < 40; i++) {
        doc.addPage();
        doc
          .font('Helvetica')
          .fontSize(10)
          .text(`Statement ${i + 1} — Amount due $${i}.50`, 54, 54);
      }
      doc.end();
      await written;
      return { bytes: Buffer.concat(chunks), pieces: chunks.length };
    };
    const plain = await run(false);
    const coalesced = await run(true);
    expect(coalesced.bytes.equals(plain.bytes)).toBe(true);
    expect(coalesced.pieces).toBeLessThan(plain.pieces / 10);
  });
});

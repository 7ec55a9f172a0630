// Parts of a printed form shared by the forms a patient signs (the payroll and bank authorizations,
// the OB financial agreement): a row of boxed fields, and the title with which copy this is.
import { contentWidth, FONT, INK, PAGE, type Pdf } from './layout';

/** A row of boxed fields: each label small above its value; the values of a row start on one line. */
export function fields(doc: Pdf, cells: [label: string, value: string, weight?: number][], bodySize = 9.5): void {
  const w = contentWidth(doc);
  const weights = cells.map((c) => c[2] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((k) => (w * k) / sum);
  const pad = 5;
  doc.font(FONT.regular).fontSize(7.5);
  const labelHeight = Math.max(...cells.map(([l], i) => doc.heightOfString(l, { width: widths[i]! - 2 * pad })));
  doc.font(FONT.bold).fontSize(10);
  const valueHeight = Math.max(...cells.map(([, v], i) => doc.heightOfString(v, { width: widths[i]! - 2 * pad })));
  const h = labelHeight + 2 + valueHeight + 2 * pad;
  if (doc.y + h > doc.page.height - Math.max(doc.page.margins.bottom, PAGE.margin)) doc.addPage();
  const top = doc.y;
  let x = PAGE.margin;
  cells.forEach(([label, value], i) => {
    const width = widths[i]!;
    doc.rect(x, top, width, h).lineWidth(0.6).strokeColor(INK.rule).stroke();
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(INK.muted)
      .text(label, x + pad, top + pad, { width: width - 2 * pad });
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(INK.text)
      .text(value, x + pad, top + pad + labelHeight + 2, { width: width - 2 * pad });
    x += width;
  });
  doc.font(FONT.regular).fontSize(bodySize).fillColor(INK.text);
  doc.x = PAGE.margin;
  doc.y = top + h + 6;
}

/** A form's title on the left, and which copy this is (hospital's, patient's) in a ruled box on the right. */
export function titleBlock(doc: Pdf, title: string, copy: string, note: string, reference: string): void {
  const w = contentWidth(doc);
  const boxWidth = 150;
  const top = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor(INK.text)
    .text(title, PAGE.margin, top, { width: w - boxWidth - 16 });
  doc.moveDown(0.2);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(reference, PAGE.margin, doc.y, { width: w - boxWidth - 16 });
  const leftBottom = doc.y;
  const x = PAGE.margin + w - boxWidth;
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text(copy, x + 8, top + 6, { width: boxWidth - 16, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(INK.muted)
    .text(note, x + 8, doc.y + 2, { width: boxWidth - 16, align: 'center' });
  const boxBottom = doc.y + 6;
  doc
    .rect(x, top, boxWidth, boxBottom - top)
    .lineWidth(1)
    .strokeColor(INK.text)
    .stroke();
  doc.fillColor(INK.text);
  doc.x = PAGE.margin;
  doc.y = Math.max(leftBottom, boxBottom) + 9;
}

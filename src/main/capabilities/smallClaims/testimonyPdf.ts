// The testimony sheet as a PDF for the clerk: the case at the top, the figures to state, the
// questions commonly asked with where the answer is in the packet, and the account's story in date
// order. Any name in any script prints (createPdf's fallback fonts).
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import {
  contentWidth,
  createPdf,
  footer,
  FONT,
  heading,
  labelValue,
  paragraph,
  pdfBytes,
  table,
} from '../../pdf/layout';
import type { Testimony } from './testimony';

export async function drawTestimony(t: Testimony): Promise<Buffer> {
  const r = t.c.row;
  const title = `${t.hospital.legalName} v. ${t.c.defendantName}`;
  const doc = createPdf({ title: `Testimony sheet: ${title}`, date: t.today });
  heading(doc, 'Testimony sheet', 20);
  paragraph(doc, `${title}. For the hospital’s witness: not filed with the court and not handed to the defendant.`, {
    muted: true,
  });
  labelValue(doc, 'Court', `${r.court_name}, ${r.county} County`);
  labelValue(doc, 'Case number', r.case_number ?? 'Not filed yet');
  if (r.hearing_on)
    labelValue(
      doc,
      'Hearing',
      `${formatLongDate(r.hearing_on)}${r.hearing_time ? ` at ${r.hearing_time}` : ''}${r.hearing_place ? `, ${r.hearing_place}` : ''}`,
    );
  labelValue(doc, 'Prepared', `${formatLongDate(t.today)} by ${t.preparedBy}`);
  doc.moveDown(0.5);

  const w = contentWidth(doc);
  heading(doc, 'The figures to state', 13);
  table(
    doc,
    [
      { header: 'Figure', width: w * 0.55 },
      { header: 'Amount or date', width: w * 0.45, align: 'right' },
    ],
    t.figures.map((f) => [f.label, f.value]),
    { fontSize: 10 },
  );
  paragraph(
    doc,
    'Every amount is the hospital’s ledger today: the itemised statement in the packet adds up to the same figures.',
    { muted: true, size: 9 },
  );

  heading(doc, 'Questions you may be asked', 13);
  for (const q of t.questions) {
    if (doc.y > doc.page.height - 54 - 80) doc.addPage();
    doc.font(FONT.bold).fontSize(10).text(q.question, 54, doc.y, { width: w });
    doc.moveDown(0.15);
    paragraph(doc, q.where.startsWith('Exhibit') ? `${q.answer}  Packet: ${q.where}.` : q.answer, { size: 9.5 });
  }

  heading(doc, 'The account’s story', 13);
  table(
    doc,
    [
      { header: 'Date', width: w * 0.14 },
      { header: 'What happened', width: w * 0.7 },
      { header: 'Packet', width: w * 0.16 },
    ],
    t.story.map((s) => [formatShortDate(s.date), s.text, s.where]),
  );
  footer(doc, `Testimony sheet · ${title} · case #${r.id}`);
  return pdfBytes(doc);
}

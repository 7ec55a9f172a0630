// The true-up letter (PP-04): after the claim is decided, the estimate she paid toward, her real
// share and where it comes from, what she paid, and the outcome: a refund of the overpayment within
// the refund days, a balance (a statement follows; a payment plan and financial assistance are
// available), or nothing owed; and the financial-assistance notice (ECA-06). In her language
// (LANG-01); any name in any script prints.
import { wordingFor } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { OB_COMMON_TEXTS, OB_TRUE_UP_TEXTS } from '../../../shared/wording/obTexts';
import { contentWidth, createPdf, FONT, footer, INK, letterhead, PAGE, pdfBytes, type Pdf } from '../../pdf/layout';
import { contactText } from './agreementPdf';
import type { TrueUpLetterFacts } from './obDocumentFacts';
import { assistanceBox, figureLine, para, SMALL } from './obPdfParts';

export function trueUpLetterDocument(f: TrueUpLetterFacts): Pdf {
  const t = wordingFor(f.language, OB_TRUE_UP_TEXTS);
  const c = wordingFor(f.language, OB_COMMON_TEXTS);
  const doc = createPdf({ title: t.say('documentTitle', { reference: f.reference }), date: f.date });
  const w = contentWidth(doc);
  letterhead(doc, f.hospital);
  doc.font(FONT.regular).fontSize(10).fillColor(INK.text);
  doc.text(c.longDate(f.date), PAGE.margin, doc.y, { width: w, align: 'right' });
  doc.moveDown(0.6);
  doc.text([f.patient.name, ...f.patient.address].join('\n'), PAGE.margin + 18, doc.y, { width: w * 0.55 });
  doc.moveDown(0.4);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(
      [
        `${c.say('reference')}: ${f.reference}`,
        f.patient.number ? `${c.say('guarantorNumber')}: ${f.patient.number}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      PAGE.margin + 18,
      doc.y,
      { width: w - 18 },
    );
  doc.moveDown(1.2);
  doc.font(FONT.bold).fontSize(14).fillColor(INK.text).text(t.say('heading'), PAGE.margin, doc.y, { width: w });
  doc.moveDown(0.6);
  para(doc, t.say('greeting', { name: f.patient.name }), { size: 10.5 });
  para(doc, t.say('opening'), { size: 10.5 });
  doc.moveDown(0.3);

  figureLine(doc, t.say('estimate'), c.money(f.estimateCents));
  figureLine(doc, t.say('realShare'), c.money(f.realShareCents), {
    note: f.source ? t.say('realShareSource', { source: f.source }) : undefined,
  });
  figureLine(doc, t.say('paid'), c.money(f.paidCents));
  const o = f.outcome;
  figureLine(
    doc,
    o.outcome === 'refund' ? t.say('refundLine') : o.outcome === 'bill' ? t.say('billLine') : t.say('evenLine'),
    c.money(o.cents),
    { bold: true },
  );
  doc.moveDown(0.6);
  const outcome =
    o.outcome === 'refund'
      ? t.say('refund', { amount: c.money(o.cents), days: f.refundDays, date: c.longDate(f.refundBy) })
      : o.outcome === 'bill'
        ? t.say('bill', { amount: c.money(o.cents) })
        : t.say('even');
  para(doc, outcome, { size: 10.5, bold: true });
  doc.moveDown(0.3);
  assistanceBox(doc, f.language, f.hospital);
  para(doc, contactText(f, c), { size: 10 });
  para(doc, t.say('signoff', { hospital: f.hospital.legalName }), { size: 10 });
  const pages = wordingFor(f.language, COMMON_TEXTS);
  footer(doc, t.say('footer', { hospital: f.hospital.legalName, reference: f.reference }), (page, count) =>
    pages.say('pageOf', { page, pages: count }),
  );
  doc.font(FONT.regular).fontSize(SMALL);
  return doc;
}

export function trueUpLetterPdf(f: TrueUpLetterFacts): Promise<Buffer> {
  return pdfBytes(trueUpLetterDocument(f));
}

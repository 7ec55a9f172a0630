// Lapse (cure) letters, one page each, printed as one batch: the payment that was missed, what is
// past due, the date to bring the plan up to date by, how to pay, and financial assistance.
// LANG-01: each letter in its guarantor's language, every text from LAPSE_LETTER_TEXTS.
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { LAPSE_LETTER_TEXTS } from '../../../shared/wording/lapseLetterTexts';
import {
  createPdf,
  footer,
  formatPhone,
  heading,
  labelValue,
  letterhead,
  paragraph,
  pdfBytes,
  type Pdf,
} from '../../pdf/layout';

export interface LapseLetter {
  planId: number;
  /** LANG-01: the guarantor's document language. */
  language: DocumentLanguage;
  guarantor: { name: string; address: string[] };
  missed: { dueDate: string; amountCents: number }[];
  pastDueCents: number;
  cureDeadline: string;
  nextDue: { dueDate: string; amountCents: number } | null;
}

export async function lapseLetters(hospital: Hospital, date: string, letters: LapseLetter[]): Promise<Buffer> {
  return pdfBytes(lapseLettersDocument(hospital, date, letters));
}

/** The letters drawn, not yet ended: the batch's bytes, or one letter's pages for a court packet. */
export function lapseLettersDocument(hospital: Hospital, date: string, letters: LapseLetter[]): Pdf {
  const doc = createPdf({ title: `Payment plan letters ${date}`, date });
  // The language of each page, for its foot.
  const pageLanguage: DocumentLanguage[] = [];
  letters.forEach((l, index) => {
    if (index > 0) doc.addPage();
    const t = wordingFor(l.language, LAPSE_LETTER_TEXTS);
    letterhead(doc, hospital);
    doc.moveDown(0.5);
    paragraph(doc, t.longDate(date));
    paragraph(doc, [l.guarantor.name, ...l.guarantor.address].join('\n'));
    heading(doc, t.say('heading'), 14);
    paragraph(doc, t.say('dear', { name: l.guarantor.name }));
    paragraph(
      doc,
      t.say(l.missed.length === 1 ? 'missedOne' : 'missedMany', {
        id: l.planId,
        amount: t.money(l.pastDueCents),
        date: t.longDate(l.cureDeadline),
      }),
    );
    // Spanish labels ("Vencía el 16 sept 2026") need a wider column than English ones.
    const labelWidth = l.language === 'es' ? 150 : 120;
    for (const m of l.missed)
      labelValue(doc, t.say('dueOn', { date: t.shortDate(m.dueDate) }), t.money(m.amountCents), labelWidth);
    labelValue(doc, t.say('pastDue'), t.money(l.pastDueCents), labelWidth);
    labelValue(doc, t.say('payBy'), t.longDate(l.cureDeadline), labelWidth);
    doc.moveDown(0.5);
    paragraph(doc, t.say('whatNext', { phone: formatPhone(hospital.phone) }));
    paragraph(
      doc,
      t.say('howToPay', {
        hospital: hospital.legalName,
        address: `${[hospital.remitTo.line1, hospital.remitTo.line2].filter(Boolean).join(', ')}, ${hospital.remitTo.city}, ${hospital.remitTo.state} ${hospital.remitTo.zip}`,
      }),
    );
    paragraph(
      doc,
      t.say('assistance', {
        phone: formatPhone(hospital.financialAssistancePhone),
        url: hospital.financialAssistanceUrl,
      }),
    );
    const range = doc.bufferedPageRange();
    while (pageLanguage.length < range.start + range.count) pageLanguage.push(l.language);
  });
  footer(
    doc,
    (page) =>
      wordingFor(pageLanguage[page] ?? 'en', LAPSE_LETTER_TEXTS).say('footer', { hospital: hospital.legalName }),
    (page, pages, index) => wordingFor(pageLanguage[index] ?? 'en', COMMON_TEXTS).say('pageOf', { page, pages }),
  );
  return doc;
}

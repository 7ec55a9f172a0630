// Lapse (cure) letters, one page each, printed as one batch: the payment that was missed, what is
// past due, the date to bring the plan up to date by, how to pay, and financial assistance.
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { Hospital } from '../../../shared/schemas/hospital';
import { createPdf, footer, formatPhone, heading, labelValue, letterhead, paragraph, pdfBytes } from '../../pdf/layout';

export interface LapseLetter {
  planId: number;
  guarantor: { name: string; address: string[] };
  missed: { dueDate: string; amountCents: number }[];
  pastDueCents: number;
  cureDeadline: string;
  nextDue: { dueDate: string; amountCents: number } | null;
}

export async function lapseLetters(hospital: Hospital, date: string, letters: LapseLetter[]): Promise<Buffer> {
  const doc = createPdf({ title: `Payment plan letters ${date}`, date });
  letters.forEach((l, index) => {
    if (index > 0) doc.addPage();
    letterhead(doc, hospital);
    doc.moveDown(0.5);
    paragraph(doc, formatLongDate(date));
    paragraph(doc, [l.guarantor.name, ...l.guarantor.address].join('\n'));
    heading(doc, 'Your payment plan needs attention', 14);
    paragraph(doc, `Dear ${l.guarantor.name},`);
    paragraph(
      doc,
      `We have not received ${l.missed.length === 1 ? 'the payment' : 'the payments'} due under your payment plan (agreement #${l.planId}). To keep your plan, please pay ${formatCents(l.pastDueCents)} by ${formatLongDate(l.cureDeadline)}.`,
    );
    for (const m of l.missed) labelValue(doc, `Due ${formatShortDate(m.dueDate)}`, formatCents(m.amountCents), 120);
    labelValue(doc, 'Past due now', formatCents(l.pastDueCents), 120);
    labelValue(doc, 'Pay by', formatLongDate(l.cureDeadline), 120);
    doc.moveDown(0.5);
    paragraph(
      doc,
      `If the plan is not brought up to date by then, it will end and the remaining balance will return to our normal collection process. If your situation has changed, call us at ${formatPhone(hospital.phone)}: we can talk about a new schedule.`,
    );
    paragraph(
      doc,
      `Mail your payment to ${hospital.legalName}, ${[hospital.remitTo.line1, hospital.remitTo.line2].filter(Boolean).join(', ')}, ${hospital.remitTo.city}, ${hospital.remitTo.state} ${hospital.remitTo.zip}, or call us to pay by card.`,
    );
    paragraph(
      doc,
      `Financial assistance is available. You may qualify for free or discounted care: call ${formatPhone(hospital.financialAssistancePhone)} or visit ${hospital.financialAssistanceUrl}.`,
    );
  });
  footer(doc, `${hospital.legalName} · Payment plan letter`);
  return pdfBytes(doc);
}

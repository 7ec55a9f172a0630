// The recovery-key sheet printed once at set-up: the key, what it is for, and where to keep it.
import type { Hospital } from '../../../shared/schemas/hospital';
import { formatLongDate, type BusinessDate } from '../../../shared/dates';
import {
  createPdf,
  FONT,
  footer,
  heading,
  labelValue,
  letterhead,
  paragraph,
  pdfBytes,
  PAGE,
  CONTENT_WIDTH,
  rule,
} from '../../pdf/layout';

export async function recoveryKeySheet(input: {
  hospital: Hospital;
  recoveryKey: string;
  createdBy: string;
  date: BusinessDate;
  dataDir: string;
}): Promise<Buffer> {
  const doc = createPdf({ title: 'Recoup recovery key', date: input.date });
  letterhead(doc, input.hospital);
  heading(doc, 'Recoup recovery key');
  paragraph(
    doc,
    'This key opens the encrypted Recoup store if every administrator password is lost. With it, a new password can be set for any active user. Anyone who has it and the data folder can read the patient accounts in it, so keep it as you keep the hospital safe combination.',
  );

  const boxY = doc.y + 6;
  const boxHeight = 64;
  doc.roundedRect(PAGE.margin, boxY, CONTENT_WIDTH, boxHeight, 6).lineWidth(1.2).strokeColor('#333333').stroke();
  doc.font(FONT.monoBold).fontSize(18).fillColor('#000000');
  doc.text(input.recoveryKey, PAGE.margin, boxY + 23, {
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 0.5,
    lineBreak: false,
  });
  doc.y = boxY + boxHeight + 18;
  doc.x = PAGE.margin;

  labelValue(doc, 'Created', formatLongDate(input.date));
  labelValue(doc, 'Created by', input.createdBy);
  labelValue(doc, 'Data folder', input.dataDir);
  rule(doc);

  heading(doc, 'Keep it safe', 12);
  paragraph(doc, '1. Store this sheet in a locked place away from the workstation, such as the business office safe.');
  paragraph(doc, '2. Do not photograph it, e-mail it or save it on the workstation.');
  paragraph(doc, '3. Recoup shows this key once. If it is lost while passwords still work, nothing is lost.');
  heading(doc, 'To use it', 12);
  paragraph(
    doc,
    'On the Recoup log-in screen choose "Use the recovery key", type the key (dashes and letter case do not matter), the user name, and a new password.',
  );

  doc.moveDown(2);
  doc.font(FONT.regular).fontSize(10);
  const y = doc.y;
  doc
    .moveTo(PAGE.margin, y + 24)
    .lineTo(PAGE.margin + 220, y + 24)
    .strokeColor('#333333')
    .stroke();
  doc
    .moveTo(PAGE.margin + 270, y + 24)
    .lineTo(PAGE.margin + 420, y + 24)
    .stroke();
  doc.text('Stored by (signature)', PAGE.margin, y + 28);
  doc.text('Date', PAGE.margin + 270, y + 28);

  footer(doc, 'Confidential: Recoup recovery key');
  return pdfBytes(doc);
}

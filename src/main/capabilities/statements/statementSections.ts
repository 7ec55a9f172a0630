// The parts of a patient statement's pages (ST-02, ECA-06): the tear-off remittance stub, the
// header (the hospital, the statement box, the address where a window envelope shows it), a
// section's title, a boxed notice, what is due now (issue 11), and each page's footer. The parts
// that are the same on every statement are replayed (pdf/replay.ts). statementPdf.ts draws a
// statement with them.
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import {
  hospitalBlock,
  boxText,
  contentWidth,
  factRows,
  FONT,
  formatPhone,
  INK,
  PAGE,
  statementFooters,
  type Pdf,
} from '../../pdf/layout';
import { replayed } from '../../pdf/replay';
import type { Words } from './statementWords';

export const STUB_HEIGHT = 168;

export function stub(doc: Pdf, s: StatementSnapshot, t: Words): void {
  const top = doc.page.height - PAGE.margin - STUB_HEIGHT;
  const w = contentWidth(doc);
  const leftX = PAGE.margin;
  const rightX = PAGE.margin + w / 2 + 10;
  const remit = s.hospital.remitTo;
  // The stub's head (the tear line, the hospital and where to send payment) is the same on every statement.
  replayed(doc, JSON.stringify(['stub', t.say('detachStub'), s.hospital.legalName, remit]), () => {
    doc.save();
    doc
      .moveTo(PAGE.margin, top)
      .lineTo(PAGE.margin + w, top)
      .dash(4, { space: 3 })
      .lineWidth(0.8)
      .strokeColor('#555555')
      .stroke();
    doc.undash();
    doc.restore();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(INK.muted)
      .text(t.say('detachStub'), PAGE.margin, top + 6, { width: w, align: 'center' });
    const y = top + 24;
    doc
      .fillColor(INK.text)
      .font(FONT.bold)
      .fontSize(10)
      .text(s.hospital.legalName, leftX, y, { width: w / 2 - 10 });
    doc.font(FONT.regular).fontSize(9);
    doc.text([remit.line1, remit.line2].filter(Boolean).join('\n'), leftX, doc.y, { width: w / 2 - 10 });
    doc.text(`${remit.city}, ${remit.state} ${remit.zip}`, leftX, doc.y, { width: w / 2 - 10 });
  });
  doc.moveDown(0.6);
  doc.text([s.guarantor.name, ...s.guarantor.address].join('\n'), leftX, doc.y, { width: w / 2 - 10 });
  const rows: [string, string][] = [
    [t.say('guarantorNumber'), s.guarantor.externalId ?? '—'],
    [t.say('statementDate'), t.shortDate(s.statementDate)],
    [t.say('amountDue'), t.money(s.amountDueCents)],
    [t.say('payBy'), t.shortDate(s.dueDate)],
    [t.say('amountEnclosed'), '$ ______________'],
  ];
  let y = top + 24;
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
    boxText(doc, label, rightX, y, 110);
    doc.font(FONT.bold).fontSize(10).fillColor(INK.text);
    boxText(doc, value, rightX + 110, y, w / 2 - 120, 'right');
    y += 20;
  }
  const howToPay = t.say('howToPay', { hospital: s.hospital.legalName, phone: formatPhone(s.hospital.phone) });
  replayed(doc, JSON.stringify(['howToPay', howToPay]), () => {
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(INK.muted)
      .text(howToPay, rightX, y + 2, { width: w / 2 - 10 });
    doc.fillColor(INK.text);
  });
}

export function header(doc: Pdf, s: StatementSnapshot, t: Words): void {
  const w = contentWidth(doc);
  const a = s.hospital.address;
  // The statement box, top right.
  const boxX = PAGE.margin + w * 0.6;
  const boxW = w * 0.4;
  const title = s.kind === 'final_notice' ? t.say('titleFinalNotice') : t.say('titleStatement');
  const phone = `${formatPhone(s.hospital.phone)} · ${s.officeHours}`;
  // The hospital's block and the box's title are the same on every statement of a kind.
  replayed(doc, JSON.stringify(['header', s.hospital.legalName, a, phone, title, s.kind === 'final_notice']), () => {
    hospitalBlock(doc, s.hospital, phone, w * 0.55);
    doc.rect(boxX, PAGE.margin, boxW, 90).lineWidth(0.8).strokeColor('#333333').stroke();
    doc
      .font(FONT.bold)
      .fontSize(s.kind === 'final_notice' ? 13 : 12)
      .fillColor(INK.text)
      .text(title, boxX + 8, PAGE.margin + 8, { width: boxW - 16 });
  });
  const facts: [string, string][] = [
    [t.say('statementDate'), t.shortDate(s.statementDate)],
    // The final notice is the last of the cycle: "3 of 4" says another one follows.
    [
      t.say('whichStatement'),
      s.kind === 'final_notice'
        ? t.say('finalNotice')
        : onlyPlan(s)
          ? t.say('paymentPlan')
          : t.say('numberOf', { number: s.numberInCycle, total: s.regularStatements + 1 }),
    ],
    [t.say('amountDue'), t.money(s.amountDueCents)],
    [t.say('payBy'), t.shortDate(s.dueDate)],
  ];
  factRows(doc, facts, boxX, boxW, PAGE.margin + 28);
  // The address block sits where a window envelope shows it.
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(INK.text)
    .text([s.guarantor.name, ...s.guarantor.address].join('\n'), PAGE.margin + 18, PAGE.margin + 100, {
      width: w * 0.5,
    });
  doc.y = PAGE.margin + 162;
  doc.x = PAGE.margin;
}

/**
 * A section's title. `keepWith`: room (points) its first rows need below it, or it starts the next
 * page (issue 11 statements only: statements recorded before keep their drawing, byte for byte).
 */
export function section(doc: Pdf, title: string, keepWith = 0): void {
  if (keepWith > 0 && doc.y + keepWith > doc.page.height - doc.page.margins.bottom) doc.addPage();
  replayed(doc, JSON.stringify(['section', title]), () => {
    doc.moveDown(0.4);
    sectionTitle(doc, title);
  });
}

/** The title itself, bold 11, and the gap under it. */
function sectionTitle(doc: Pdf, title: string): void {
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(INK.text)
    .text(title, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

/**
 * Layout 3: a section's heading that goes to the next page with its table when the table's header
 * and first row would not fit under it (`startsTooLow(above)`: the table's own measure, pdf/layout
 * tableStartsTooLow, with the heading's height above it), so that no heading stands alone at a
 * page's foot. Where it fits, the same bytes as `section`.
 */
export function sectionWithTable(doc: Pdf, title: string, startsTooLow: (above: number) => boolean): void {
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(11);
  const heading = doc.heightOfString(title, { width: contentWidth(doc) }) + 0.2 * doc.currentLineHeight(true);
  if (startsTooLow(heading)) doc.addPage();
  replayed(doc, JSON.stringify(['sectionTitle', title]), () => sectionTitle(doc, title));
}

export function boxed(doc: Pdf, title: string, text: string, strong: boolean): void {
  const w = contentWidth(doc);
  doc.font(FONT.regular).fontSize(9);
  const h = doc.heightOfString(text, { width: w - 20, lineGap: 1 }) + 30;
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 4;
  doc
    .rect(PAGE.margin, top, w, h)
    .lineWidth(strong ? 1.4 : 0.8)
    .strokeColor(strong ? '#000000' : '#555555')
    .stroke();
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(INK.text)
    .text(title, PAGE.margin + 10, top + 8, { width: w - 20 });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(text, PAGE.margin + 10, doc.y + 2, { width: w - 20, lineGap: 1 });
  doc.y = top + h + 6;
  doc.x = PAGE.margin;
}

/** Issue 11: a statement of a plan's accounts only (credits aside) runs no cycle: it says "Payment plan". */
function onlyPlan(s: StatementSnapshot): boolean {
  return (s.plans?.length ?? 0) > 0 && s.accounts.every((a) => a.step === 'plan' || a.step === 'credit');
}

/**
 * Issue 11: what is due now, when it is not simply the balance: each plan's payment (the amount and
 * date its lapse letter names, PP-02), the other accounts, each credit and when it is refunded, and the total.
 */
export function dueNow(doc: Pdf, s: StatementSnapshot, t: Words): void {
  const lines: string[] = [];
  for (const p of s.plans ?? [])
    lines.push(
      t.say(p.cure ? 'planCure' : 'planInstallment', {
        plan: p.planId,
        amount: t.money(p.amountCents),
        date: t.longDate(p.dueDate),
      }),
    );
  const planBalance = s.accounts.filter((a) => a.step === 'plan').reduce((x, a) => x + a.balanceCents, 0);
  const others = s.accounts
    .filter((a) => a.step !== 'plan' && a.balanceCents > 0)
    .reduce((x, a) => x + a.balanceCents, 0);
  if (planBalance > 0 && others > 0) lines.push(t.say('otherBalances', { amount: t.money(others) }));
  // ECA-05: each credit is the patient's money, refunded by its date; it is not subtracted here.
  for (const r of s.refunds ?? [])
    lines.push(
      // A refund already due (overdue, in the supervisors' queue) is being made: no date in the past.
      r.dueDate > s.statementDate
        ? t.say('creditRefunded', {
            amount: t.money(r.amountCents),
            account: r.accountNumber,
            date: t.longDate(r.dueDate),
          })
        : t.say('creditRefundedNow', { amount: t.money(r.amountCents), account: r.accountNumber }),
    );
  for (const c of s.payerCredits ?? [])
    lines.push(t.say('creditToInsurer', { amount: t.money(c.amountCents), account: c.accountNumber }));
  lines.push(t.say('amountDueNow', { amount: t.money(s.amountDueCents), date: t.longDate(s.dueDate) }));
  boxed(doc, t.say('dueNowTitle'), lines.join('\n'), false);
}

/** Each page says whose statement it is and which page: the pages of a batch can be put back together. */
export function pageFooters(doc: Pdf, s: StatementSnapshot, t: Words, first: number): void {
  const who = [s.guarantor.name, s.guarantor.externalId ? t.say('guarantorId', { id: s.guarantor.externalId }) : null]
    .filter(Boolean)
    .join(', ');
  statementFooters(doc, first, (page, pages) =>
    t.say('pageFooter', { who, date: t.shortDate(s.statementDate), page, pages }),
  );
}

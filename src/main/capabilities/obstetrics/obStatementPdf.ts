// The monthly OB statement (PP-04): a request to pay, laid out for a window envelope as the
// monthly statement is (the hospital top left, the statement's box top right, her name and address
// where the window shows them). It prints the reference, the statement date, the expected delivery,
// the estimate with its steps, paid to date (depositTotals.liveCents), the schedule with each
// payment's state and what was received of it, the next payment and anything past due (caseProgress:
// never recomputed), what happens after the delivery, how to pay, the EMTALA sentence and the
// financial-assistance notice (ECA-06). In her language (LANG-01); any name in any script prints.
// An OB statement is no billing statement of an account: it never starts the 501(r) clock.
// The run draws each statement once on its own and copies its finished pages into the run's PDF.
import { compareDates } from '../../../shared/dates';
import { obAmountDue } from '../../../shared/rules/obstetrics';
import { wordingFor, type Wording } from '../../../shared/wording';
import { DELIVERY_KIND_TEXTS, OB_COMMON_TEXTS, OB_STATEMENT_TEXTS } from '../../../shared/wording/obTexts';
import { STATEMENT_TEXTS } from '../../../shared/wording/statementTexts';
import {
  hospitalBlock,
  factRows,
  collectBytes,
  contentWidth,
  createPdf,
  FONT,
  formatPhone,
  INK,
  PAGE,
  pdfBytes,
  statementFooters,
  type Pdf,
} from '../../pdf/layout';
import { appendPages, capturePages, type CapturedPage } from '../../pdf/pageCopy';
import { afterDeliveryText, contactText, coverageText, scheduleNotes } from './agreementPdf';
import type { ObStatementFacts } from './obDocumentFacts';
import { fields } from '../../pdf/formParts';
import {
  assistanceBox,
  BODY,
  emtalaBox,
  estimateTable,
  estimateTableHeight,
  para,
  scheduleTable,
  section,
  SMALL,
} from './obPdfParts';

type Texts = Wording<typeof OB_STATEMENT_TEXTS>;

/** The hospital top left, the statement's box top right, her name and address where a window envelope shows them. */
function header(doc: Pdf, f: ObStatementFacts, t: Texts): void {
  const w = contentWidth(doc);
  hospitalBlock(doc, f.hospital, formatPhone(f.hospital.phone), w * 0.55);
  const boxX = PAGE.margin + w * 0.58;
  const boxW = w * 0.42;
  const c = wordingFor(f.language, OB_COMMON_TEXTS);
  // Everything late plus the next payment to come: never less than the past due the body shows.
  const due = obAmountDue(f.progress, f.date);
  const facts: [string, string][] = [
    [t.say('statementDate'), t.shortDate(f.date)],
    [c.say('reference'), f.reference],
    [wordingFor(f.language, STATEMENT_TEXTS).say('amountDue'), t.money(due.cents)],
    ...(due.dueDate ? ([[c.say('colDue'), t.shortDate(due.dueDate)]] as [string, string][]) : []),
  ];
  const boxH = 32 + facts.length * 15;
  doc.rect(boxX, PAGE.margin, boxW, boxH).lineWidth(0.8).strokeColor('#333333').stroke();
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK.text)
    .text(t.say('title'), boxX + 8, PAGE.margin + 8, { width: boxW - 16 });
  factRows(doc, facts, boxX, boxW, PAGE.margin + 28);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(INK.text)
    .text([f.patient.name, ...f.patient.address].join('\n'), PAGE.margin + 18, PAGE.margin + 100, { width: w * 0.5 });
  doc.y = Math.max(doc.y + 16, PAGE.margin + 162);
  doc.x = PAGE.margin;
}

/**
 * Anything past due with the date it fell due, and the next payment to come: the first one due on or
 * after the statement date (obAmountDue's, as the header's amount due), never a date already passed.
 */
function nextPayment(doc: Pdf, f: ObStatementFacts, t: Texts): void {
  const p = f.progress;
  // The next payment is obAmountDue's (the header's amount due): one definition.
  const due = obAmountDue(p, f.date);
  const next = p.items.find(
    (i) => i.state !== 'paid' && i.dueDate === due.dueDate && compareDates(i.dueDate, f.date) >= 0,
  );
  const firstLate = p.items.find((i) => i.state === 'past_due');
  const lines = [
    next
      ? t.say('nextDue', { amount: t.money(next.amountCents - next.coveredCents), date: t.longDate(next.dueDate) })
      : t.say('nextDueNone'),
    ...(p.pastDueCents > 0 && firstLate
      ? [t.say('pastDue', { amount: t.money(p.pastDueCents), date: t.longDate(firstLate.dueDate) })]
      : []),
  ];
  const w = contentWidth(doc);
  const top = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(INK.text)
    .text(t.say('nextDueHeading'), PAGE.margin + 10, top + 8, { width: w - 20 });
  doc
    .font(FONT.bold)
    .fontSize(12)
    .text(lines[0]!, PAGE.margin + 10, doc.y + 2, { width: w - 20 });
  if (lines[1])
    doc
      .font(FONT.regular)
      .fontSize(BODY)
      .text(lines[1], PAGE.margin + 10, doc.y + 3, { width: w - 20 });
  const bottom = doc.y + 8;
  doc
    .rect(PAGE.margin, top, w, bottom - top)
    .lineWidth(1.2)
    .strokeColor(INK.text)
    .stroke();
  doc.x = PAGE.margin;
  doc.y = bottom + 10;
}

function drawStatement(doc: Pdf, f: ObStatementFacts): void {
  const t = wordingFor(f.language, OB_STATEMENT_TEXTS);
  const c = wordingFor(f.language, OB_COMMON_TEXTS);
  const v = f.version;
  header(doc, f, t);
  fields(doc, [
    [c.say('expectedDelivery'), c.longDate(v.expectedDelivery), 0.9],
    [c.say('deliveryKind'), DELIVERY_KIND_TEXTS[v.deliveryKind][f.language], 0.8],
    [c.say('coverage'), coverageText(f, c), 1.3],
  ]);
  nextPayment(doc, f, t);
  // PP-04 / EMTALA on the first page, beside what she is asked to pay.
  emtalaBox(doc, f.language);
  fields(doc, [
    [t.say('estimateLine'), c.money(v.estimate.shareCents)],
    [c.say('paidToDate'), c.money(f.paidToDateCents)],
    [t.say('remaining'), c.money(f.progress.remainingCents)],
  ]);

  section(doc, c.say('scheduleHeading'), 70);
  if (f.progress.items.length > 0)
    scheduleTable(
      doc,
      f.language,
      f.progress.items,
      f.progress.items.reduce((s, i) => s + i.amountCents, 0),
    );
  for (const note of scheduleNotes(f, c)) para(doc, note, { size: SMALL });
  section(doc, c.say('estimateHeading'), estimateTableHeight(doc, f.language, v.estimate.steps));
  estimateTable(doc, f.language, v.estimate.steps);
  para(doc, c.say('estimateNote'), { size: SMALL, muted: true });

  section(doc, c.say('afterDeliveryHeading'), 50);
  para(doc, afterDeliveryText(f, c));
  para(doc, c.say('earlyDelivery'));
  para(
    doc,
    c.say('howToPay', { hospital: f.hospital.legalName, reference: f.reference, phone: formatPhone(f.hospital.phone) }),
  );
  para(doc, contactText(f, c), { size: SMALL });
  assistanceBox(doc, f.language, f.hospital);
  pageFooters(doc, f, t);
}

/** Whose statement and which page, on every page: a batch's pages can be put back together. */
function pageFooters(doc: Pdf, f: ObStatementFacts, t: Texts): void {
  const who = [f.patient.name, f.reference].join(', ');
  statementFooters(doc, doc.bufferedPageRange().start, (page, pages) =>
    t.say('pageFooter', { who, date: t.shortDate(f.date), page, pages }),
  );
}

function statementDocument(f: ObStatementFacts, uncompressed = false): Pdf {
  const doc = createPdf({
    title: wordingFor(f.language, OB_STATEMENT_TEXTS).say('documentTitle', { reference: f.reference, date: f.date }),
    date: f.date,
    uncompressed,
  });
  drawStatement(doc, f);
  return doc;
}

/** One OB statement on its own (the one printed now, and each of a run's, kept with her documents). */
export function obStatementPdf(f: ObStatementFacts): Promise<Buffer> {
  return pdfBytes(statementDocument(f));
}

/** One OB statement drawn once: its own PDF and its finished pages for the run's PDF. */
export async function renderObStatement(f: ObStatementFacts): Promise<{ bytes: Buffer; pages: CapturedPage[] }> {
  const doc = statementDocument(f, true);
  const pages = capturePages(doc);
  return { bytes: await pdfBytes(doc), pages };
}

/** The run's PDF: every statement's pages, in order, each statement in its own language. */
export function obStatementBatchPdf(
  title: string,
  date: string,
  statements: readonly CapturedPage[][],
): Promise<Buffer> {
  const batch = createPdf({ title, date, streamPages: true });
  const bytes = collectBytes(batch);
  for (const pages of statements) appendPages(batch, pages);
  batch.end();
  return bytes;
}

// The patient statement (ST-02, ECA-06): who owes, for which visits, what insurance paid, what is
// due and by when, what happened since the last statement, the aging, how to pay, and the
// financial-assistance notice; with a tear-off remittance stub at the foot of the first page. The
// final notice (ECA-05) carries the 30-day notice and the plain-language summary of the policy.
// Each statement is drawn once, on its own; the run's batch takes its finished pages (pageCopy).
// LANG-01: it prints in the language its snapshot records (the guarantor's), every text from
// STATEMENT_TEXTS; what the snapshot carries (services, activity, actions, the summary) is already
// in that language.
import { createHash } from 'node:crypto';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/rules/aging';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import { wordingFor, type Wording } from '../../../shared/wording';
import { STATEMENT_TEXTS } from '../../../shared/wording/statementTexts';
import {
  hospitalBlock,
  boxText,
  contentWidth,
  createPdf,
  FONT,
  formatPhone,
  INK,
  PAGE,
  table,
  type Pdf,
} from '../../pdf/layout';
import { capturePages, deflatePages, type CapturedPage, type DeflatedPage } from '../../pdf/pageCopy';
import { decodeSnapshot, encodeSnapshot } from '../../store/snapshotCodec';
import { endToBytes } from '../../pdf/output';
import { allowReplay, replayed } from '../../pdf/replay';

const STUB_HEIGHT = 168;

type Words = Wording<typeof STATEMENT_TEXTS>;

/** `f` remembering what it gave for each argument (forgetting all at `limit`): the same string for the same input. */
function remembered<A extends string | number>(f: (a: A) => string, limit = 20_000): (a: A) => string {
  const known = new Map<A, string>();
  return (a) => {
    let v = known.get(a);
    if (v === undefined) {
      if (known.size >= limit) known.clear();
      v = f(a);
      known.set(a, v);
    }
    return v;
  };
}

/**
 * One wording per language for every statement a thread draws, its amounts, dates and plain texts
 * remembered: a run formats the same amounts ("$0.00" above all), dates and labels tens of
 * thousands of times (Intl's formatting was a few per cent of a statement's drawing). The same
 * strings as `wordingFor` gives.
 */
const wordings = new Map<string, Words>();

/** The statement's wording in the language it was made in. */
function wordsOf(s: StatementSnapshot): Words {
  const lang = s.language ?? 'en';
  let w = wordings.get(lang);
  if (!w) {
    const plain = wordingFor(lang, STATEMENT_TEXTS);
    const money = remembered(plain.money);
    const texts = remembered((key: string) => (plain.say as (k: string) => string)(key), 1_000);
    w = {
      ...plain,
      say: ((key: string, ...values: unknown[]) =>
        values.length === 0 || values[0] === undefined
          ? texts(key)
          : (plain.say as (k: string, ...v: unknown[]) => string)(key, ...values)) as Words['say'],
      // A Map takes -0 for 0, and -0 would print "-$0.00": negative zero is not remembered.
      money: (cents: number) => (Object.is(cents, -0) ? plain.money(cents) : money(cents)),
      shortDate: remembered(plain.shortDate),
      longDate: remembered(plain.longDate),
    };
    wordings.set(lang, w);
  }
  return w;
}

/** Money that lowered the balance, shown as a positive amount (never "-$0.00"). */
function credit(w: Words, cents: number): string {
  return w.money(cents === 0 ? 0 : -cents);
}

/** An aging bucket's column: "31–60 days", "180+ days". */
function agingLabel(t: Words, bucket: AgingBucket): string {
  const [from, to] = bucket.split(/[-+]/);
  return to ? t.say('daysRange', { from: from!, to }) : t.say('daysOver', { from: from! });
}

function stub(doc: Pdf, s: StatementSnapshot, t: Words): void {
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

function header(doc: Pdf, s: StatementSnapshot, t: Words): void {
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
  let y = PAGE.margin + 28;
  for (const [label, value] of facts) {
    doc.font(FONT.regular).fontSize(9).fillColor(INK.muted);
    boxText(doc, label, boxX + 8, y, boxW / 2);
    doc.font(FONT.bold).fontSize(9).fillColor(INK.text);
    boxText(doc, value, boxX + boxW / 2, y, boxW / 2 - 8, 'right');
    y += 15;
  }
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
function section(doc: Pdf, title: string, keepWith = 0): void {
  if (keepWith > 0 && doc.y + keepWith > doc.page.height - doc.page.margins.bottom) doc.addPage();
  replayed(doc, JSON.stringify(['section', title]), () => {
    doc.moveDown(0.4);
    doc
      .font(FONT.bold)
      .fontSize(11)
      .fillColor(INK.text)
      .text(title, PAGE.margin, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.2);
  });
}

function boxed(doc: Pdf, title: string, text: string, strong: boolean): void {
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

function stepWords(t: Words, a: StatementSnapshot['accounts'][number], regular: number): string {
  if (a.step === 'final_notice') return t.say('stepFinalNotice');
  if (a.step === 'after_notice') return t.say('stepAfterNotice');
  if (a.step === 'plan') return t.say('stepPlan');
  if (a.step === 'credit') return t.say('stepCredit');
  return a.number ? t.say('stepNumber', { number: a.number, total: regular + 1 }) : '';
}

/** The final notice's opening and what it is about: the whole balance, or the accounts it is the notice for. */
function finalNoticeWords(s: StatementSnapshot, t: Words): { opening: string; balance: string } {
  const these = s.finalNotice?.accountNumbers;
  // Issue 11: with a credit listed (or a plan's payment), the notice asks for the amount due, never
  // more than the guarantor owes on balance.
  const asked = s.balanceCents !== undefined ? t.say('theAmountDue', { amount: t.money(s.amountDueCents) }) : null;
  if (!these || these.length === 0 || these.length === s.accounts.length)
    return { opening: t.say('lastStatement'), balance: asked ?? t.say('theBalance') };
  const accounts = t.say(these.length === 1 ? 'oneAccount' : 'manyAccounts', { list: t.list(these) });
  return {
    opening: t.say('lastStatementOn', { accounts }),
    balance: asked ?? t.say('theBalanceOf', { accounts }),
  };
}

/**
 * Issue 11: what is due now, when it is not simply the balance: each plan's payment (the amount and
 * date its lapse letter names, PP-02), the other accounts, each credit and when it is refunded, and the total.
 */
function dueNow(doc: Pdf, s: StatementSnapshot, t: Words): void {
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

/** Draws one statement into `doc`, a document of its own, from its first page. */
function drawStatement(doc: Pdf, s: StatementSnapshot): void {
  // Page one keeps room at its foot for the remittance stub; later pages use the normal margin.
  const t = wordsOf(s);
  stub(doc, s, t);
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = PAGE.margin + STUB_HEIGHT + 12;
  header(doc, s, t);
  const w = contentWidth(doc);
  const h = s.hospital;

  if (s.kind === 'final_notice' && s.finalNotice) {
    const { opening, balance } = finalNoticeWords(s, t);
    boxed(
      doc,
      t.say('finalNoticeTitle'),
      t.say('finalNoticeBody', {
        opening,
        deadline: t.longDate(s.finalNotice.deadline),
        balance,
        actions: s.finalNotice.intendedActions.join('; '),
        phone: formatPhone(h.financialAssistancePhone),
        url: h.financialAssistanceUrl,
      }),
      true,
    );
  }

  // Accounts at different points of their cycles (ECA-05 runs per account) each say where they stand.
  const steps = new Set(s.accounts.map((a) => (a.step ? `${a.step}${a.number ?? ''}` : '')));
  const showSteps = steps.size > 1;
  section(doc, t.say('yourAccounts'));
  table(
    doc,
    [
      { header: t.say('colAccount'), width: w * 0.11 },
      { header: t.say('colPatientService'), width: w * 0.33 },
      { header: t.say('colCharges'), width: w * 0.112, align: 'right' },
      { header: t.say('colInsurancePaid'), width: w * 0.112, align: 'right' },
      { header: t.say('colAdjustments'), width: w * 0.112, align: 'right' },
      { header: t.say('colYouPaid'), width: w * 0.112, align: 'right' },
      { header: t.say('colBalance'), width: w * 0.112, align: 'right' },
    ],
    s.accounts.map((a) => [
      a.accountNumber,
      `${a.patientName}\n${a.service}, ${t.dateRange(a.serviceFrom, a.serviceTo)}${showSteps ? `\n${stepWords(t, a, s.regularStatements)}` : ''}`,
      t.money(a.chargesCents),
      credit(t, a.insuranceCents),
      credit(t, a.adjustmentsCents),
      credit(t, a.patientPaidCents),
      t.money(a.balanceCents),
    ]),
    {
      totalRow:
        s.balanceCents === undefined
          ? [t.say('total'), '', '', '', '', '', t.money(s.amountDueCents)]
          : ['', t.say('totalBalance'), '', '', '', '', t.money(s.balanceCents)],
      fontSize: 8,
    },
  );
  if (s.balanceCents !== undefined) dueNow(doc, s, t);

  if (s.activity.length > 0) {
    section(doc, t.say('sinceLast'), s.balanceCents !== undefined ? 70 : 0);
    table(
      doc,
      [
        { header: t.say('colDate'), width: w * 0.15 },
        { header: t.say('colAccount'), width: w * 0.15 },
        { header: t.say('colWhat'), width: w * 0.5 },
        { header: t.say('colAmount'), width: w * 0.2, align: 'right' },
      ],
      s.activity.map((x) => [t.shortDate(x.date), x.accountNumber, x.description, t.money(x.amountCents)]),
      { fontSize: 8 },
    );
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text(
        t.say('balanceMoved', {
          previous: t.money(s.previousBalanceCents),
          now: t.money(s.balanceCents ?? s.amountDueCents),
        }),
        PAGE.margin,
        doc.y,
        { width: w },
      );
  }

  section(doc, t.say('howOld'), s.balanceCents !== undefined ? 70 : 0);
  table(
    doc,
    AGING_BUCKETS.map((b) => ({
      header: agingLabel(t, b),
      width: w / AGING_BUCKETS.length,
      align: 'right' as const,
    })),
    [AGING_BUCKETS.map((b) => t.money(s.aging[b]))],
    { fontSize: 8 },
  );
  // Issue 11: the aging is of what is owed; the credit refunded is said, so the figures add up.
  if ((s.creditCents ?? 0) < 0)
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text(t.say('agingBeforeCredit', { amount: t.money(-s.creditCents!) }), PAGE.margin, doc.y, { width: w });

  // ECA-06: every statement says financial assistance is available (the final notice says it above).
  if (s.kind !== 'final_notice') {
    const title = t.say('assistanceTitle');
    const body = t.say('assistanceBody', {
      phone: formatPhone(h.financialAssistancePhone),
      url: h.financialAssistanceUrl,
    });
    replayed(doc, JSON.stringify(['assistance', title, body]), () => boxed(doc, title, body, true));
  }

  if (s.kind === 'final_notice' && s.finalNotice) {
    doc.addPage();
    // The plain-language summary's page is the same on every final notice.
    const title = t.say('summaryTitle');
    const summary = s.finalNotice.plainLanguageSummary;
    const contact = t.say('summaryContact', {
      phone: formatPhone(h.financialAssistancePhone),
      url: h.financialAssistanceUrl,
      hospital: h.legalName,
      address: `${h.address.line1}, ${h.address.city}, ${h.address.state} ${h.address.zip}`,
    });
    replayed(doc, JSON.stringify(['summary', title, summary, contact]), () => {
      doc.font(FONT.bold).fontSize(13).text(title, PAGE.margin, PAGE.margin, { width: w });
      doc.moveDown(0.5);
      doc.font(FONT.regular).fontSize(10).text(summary, { width: w, lineGap: 2 });
      doc.moveDown(0.8);
      doc.text(contact, { width: w });
    });
  }
  doc.page.margins.bottom = bottom;
  pageFooters(doc, s, t, 0);
}

/** Each page says whose statement it is and which page: the pages of a batch can be put back together. */
function pageFooters(doc: Pdf, s: StatementSnapshot, t: Words, first: number): void {
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const pages = last - first + 1;
  const who = [s.guarantor.name, s.guarantor.externalId ? t.say('guarantorId', { id: s.guarantor.externalId }) : null]
    .filter(Boolean)
    .join(', ');
  for (let i = first; i <= last; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(INK.muted)
      .text(
        t.say('pageFooter', { who, date: t.shortDate(s.statementDate), page: i - first + 1, pages }),
        PAGE.margin,
        doc.page.height - PAGE.margin + 22,
        { lineBreak: false },
      );
    doc.page.margins.bottom = saved;
  }
  doc.fillColor(INK.text);
}

/** The statement drawn into a document of its own, not yet ended (the bench times its parts). */
export function statementDocument(s: StatementSnapshot): Pdf {
  const doc = createPdf({
    title: wordsOf(s)
      .say('documentTitle', { id: s.guarantor.externalId ?? '', date: s.statementDate })
      .trim(),
    date: s.statementDate,
    // Drawn by the tens of thousands in a run, where the batch compresses the pages; a single
    // statement (a reprint) is a few kilobytes more.
    uncompressed: true,
    // As it was drawn when it was recorded: a reprint must give the same bytes.
    layout: s.layout ?? 1,
  });
  doc.on('pageAdded', () => {
    doc.page.margins.bottom = PAGE.margin;
  });
  allowReplay(doc);
  drawStatement(doc, s);
  return doc;
}

/** One statement on its own: what is hashed when it is recorded, and what a reprint must match. */
export async function statementPdf(s: StatementSnapshot): Promise<Buffer> {
  return Promise.resolve(endToBytes(statementDocument(s)));
}

export interface RenderedStatement {
  /** The SHA-256 of the single-statement PDF, as recorded. */
  sha256: string;
  /** The snapshot as the store keeps it (snapshotCodec): made where it was drawn, or the stored one it was drawn from. */
  stored: string;
  /** Its pages, for the run's batch. */
  pages: CapturedPage[];
}

/**
 * Draws a statement once: the single PDF's hash, and its pages for the batch. `s` may be the
 * snapshot as the store keeps it (snapshotCodec): drawn as it decodes, and kept as it is.
 */
export async function renderStatement(s: StatementSnapshot | string): Promise<RenderedStatement> {
  const snapshot = typeof s === 'string' ? decodeSnapshot(s) : s;
  const doc = statementDocument(snapshot);
  const pages = capturePages(doc);
  // Its bytes collected as pdfkit writes them, not through its stream (pdf/output.ts: the same bytes).
  const bytes = endToBytes(doc);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    stored: typeof s === 'string' ? s : encodeSnapshot(snapshot),
    pages,
  };
}

/** A statement drawn for a run's batch: its pages compressed where it was drawn (a worker thread). */
export interface BatchStatement extends Omit<RenderedStatement, 'pages'> {
  pages: DeflatedPage[];
}

/** How hard a batch's pages are compressed: zlib's level 3 deflates three times as fast as its default, 8% larger. */
const BATCH_DEFLATE_LEVEL = 3;

/** Draws a statement for a run's batch (renderStatement, its pages deflated as the batch keeps them). */
export async function renderForBatch(s: StatementSnapshot | string): Promise<BatchStatement> {
  const { pages, ...rendered } = await renderStatement(s);
  return { ...rendered, pages: deflatePages(pages, BATCH_DEFLATE_LEVEL) };
}

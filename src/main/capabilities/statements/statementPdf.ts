// The patient statement (ST-02, ECA-06): who owes, for which visits, what insurance paid, what is
// due and by when, what happened since the last statement, the aging, how to pay, and the
// financial-assistance notice; with a tear-off remittance stub at the foot of the first page. The
// final notice (ECA-05) carries the 30-day notice and the plain-language summary of the policy.
// Each statement is drawn once, on its own; the run's batch takes its finished pages (pageCopy).
// LANG-01: it prints in the language its snapshot records (the guarantor's), every text from
// STATEMENT_TEXTS; what the snapshot carries (services, activity, actions, the summary) is already
// in that language. The parts of its pages are in statementSections.ts, its words in statementWords.ts.
import { createHash } from 'node:crypto';
import { AGING_BUCKETS } from '../../../shared/rules/aging';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import {
  contentWidth,
  createPdf,
  FONT,
  formatPhone,
  PAGE,
  table,
  tableStartsTooLow,
  type Column,
  type Pdf,
} from '../../pdf/layout';
import { capturePages, deflatePages, type CapturedPage, type DeflatedPage } from '../../pdf/pageCopy';
import { decodeSnapshot } from '../../store/snapshotCodec';
import { endToBytes } from '../../pdf/output';
import { allowReplay, replayed } from '../../pdf/replay';
import { agingLabel, credit, finalNoticeWords, stepWords, wordsOf } from './statementWords';
import { boxed, dueNow, header, pageFooters, section, sectionWithTable, STUB_HEIGHT, stub } from './statementSections';

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
  // A section's heading goes to the next page with its table when the table's header and first row
  // would not fit under it, so no heading stands alone at a page's foot: in layout 3 on every
  // statement, as measured. Before it only a statement with its balance shown (a plan or a credit)
  // kept 70 points under its headings, fitting or not, and a statement recorded then is drawn as it
  // was (in layout 3 such a statement's heading moves only when its table does not fit).
  const heading = (title: string, columns: Column[], rows: string[][]) => {
    if ((s.layout ?? 1) >= 3)
      sectionWithTable(doc, title, (above) => tableStartsTooLow(doc, doc.y, columns, rows, { fontSize: 8 }, above));
    else section(doc, title, s.balanceCents !== undefined ? 70 : 0);
  };

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
    const columns: Column[] = [
      { header: t.say('colDate'), width: w * 0.15 },
      { header: t.say('colAccount'), width: w * 0.15 },
      { header: t.say('colWhat'), width: w * 0.5 },
      { header: t.say('colAmount'), width: w * 0.2, align: 'right' },
    ];
    const rows = s.activity.map((x) => [t.shortDate(x.date), x.accountNumber, x.description, t.money(x.amountCents)]);
    heading(t.say('sinceLast'), columns, rows);
    table(doc, columns, rows, { fontSize: 8 });
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

  const agingColumns: Column[] = AGING_BUCKETS.map((b) => ({
    header: agingLabel(t, b),
    width: w / AGING_BUCKETS.length,
    align: 'right' as const,
  }));
  const agingRows = [AGING_BUCKETS.map((b) => t.money(s.aging[b]))];
  heading(t.say('howOld'), agingColumns, agingRows);
  table(doc, agingColumns, agingRows, { fontSize: 8 });
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
  /** Its pages, for the run's batch. */
  pages: CapturedPage[];
}

/**
 * Draws a statement once: the single PDF's hash, and its pages for the batch. `s` may be the
 * snapshot as the store keeps it (snapshotCodec), drawn as it decodes. (What the store keeps is
 * not sent back: the release records the stored form it sent.)
 */
export async function renderStatement(s: StatementSnapshot | string): Promise<RenderedStatement> {
  const snapshot = typeof s === 'string' ? decodeSnapshot(s) : s;
  const doc = statementDocument(snapshot);
  const pages = capturePages(doc);
  // Its bytes collected as pdfkit writes them, not through its stream (pdf/output.ts: the same bytes).
  const bytes = endToBytes(doc);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
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

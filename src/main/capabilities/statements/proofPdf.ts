// The proof of a prepared statement run, for the supervisor who releases it (issue 11 item 7): the
// counts by kind and the money, the guarantors and accounts held and why, what was skipped, then
// the first page of a sample of the statements exactly as they will print (one of each kind the
// run has: a regular statement, a final notice, a plan's statement, a statement netting a credit,
// and the first in the batch). Staff-facing; marked "not sent" on every page of its cover.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import {
  HOLD_REASON_LABELS,
  heldByReasonText,
  heldListNote,
  type HoldReason,
} from '../../../shared/rules/statementCycle';
import type { PreparedRunView } from '../../../shared/schemas/statements';
import { contentWidth, createPdf, FONT, INK, PAGE, pdfBytes, table } from '../../pdf/layout';
import { appendPages } from '../../pdf/pageCopy';
import type { Db } from '../../store/database';
import { renderStatement } from './statementPdf';

/** The sample: the first statement of each kind the run has, in batch order, at most five. */
function sampleSeqs(db: Db, runId: number): { seq: number; why: string }[] {
  const first = (where: string) =>
    db.prepare(`SELECT min(seq) FROM statement_run_items WHERE run_id = ? AND ${where}`).pluck().get(runId) as
      number | null;
  const picks: [string, number | null][] = [
    ['the first in the batch', first('1')],
    ['a final notice', first(`kind = 'final_notice'`)],
    ['a payment plan’s statement', first('plans > 0')],
    ['a statement netting a credit', first('credit_cents < 0')],
    ['a regular statement', first(`kind = 'regular'`)],
  ];
  const seen = new Map<number, string[]>();
  for (const [why, seq] of picks) if (seq !== null) seen.set(seq, [...(seen.get(seq) ?? []), why]);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([seq, whys]) => ({ seq, why: whys.join(', ') }));
}

export async function proofPdf(db: Db, run: PreparedRunView): Promise<Buffer> {
  const doc = createPdf({ title: `Statement run proof ${run.runDate}`, date: run.runDate, streamPages: true });
  doc.addPage();
  const w = contentWidth(doc);
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor(INK.text)
    .text(`Statement run of ${formatLongDate(run.runDate)}: proof (not sent)`, PAGE.margin, PAGE.margin, {
      width: w,
    });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(
      `Prepared by ${run.preparedBy ?? 'unknown'}. Nothing is recorded as sent until a supervisor releases this run.`,
      { width: w },
    );
  doc.fillColor(INK.text).moveDown(0.8);
  table(
    doc,
    [
      { header: 'In this run', width: w * 0.7 },
      { header: 'Count', width: w * 0.3, align: 'right' },
    ],
    [
      ['Regular statements', run.regular.toLocaleString('en-US')],
      ['Final notices (the 501(r) 30-day notice)', run.finalNotices.toLocaleString('en-US')],
      ['Statements asking for a payment plan’s payment', run.planStatements.toLocaleString('en-US')],
      ['Statements with a credit to refund', run.withCredits.toLocaleString('en-US')],
      ['Amount due on all statements', formatCents(run.amountCents)],
      ['Credits on them, each refunded', formatCents(run.creditCents)],
    ],
    { totalRow: ['Statements in all', run.statements.toLocaleString('en-US')], fontSize: 9 },
  );
  doc.moveDown(0.6);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(
      `Skipped: ${plural(run.skipped.belowMinimum, 'guarantor', 'guarantors')} below the minimum balance, ${run.skipped.notYet.toLocaleString('en-US')} not due yet, ${run.skipped.cycleComplete.toLocaleString('en-US')} with the cycle complete, ${run.skipped.creditOrZero.toLocaleString('en-US')} owing nothing (in credit or at zero).`,
      PAGE.margin,
      doc.y,
      { width: w },
    );
  doc.moveDown(0.8);
  doc
    .font(FONT.bold)
    .fontSize(12)
    .text(
      `Held (${(run.heldCount.guarantors + run.heldCount.accountsOnly).toLocaleString('en-US')})`,
      PAGE.margin,
      doc.y,
      {
        width: w,
      },
    );
  doc.moveDown(0.3);
  if (run.held.length === 0) doc.font(FONT.regular).fontSize(9).text('No guarantor or account is held.', { width: w });
  else {
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text(
        `${plural(run.heldCount.guarantors, 'guarantor', 'guarantors')} held, with no statement${run.heldCount.guarantors > 0 ? ` (by reason: ${heldByReasonText(run.heldCount.byReason)})` : ''}; ${plural(run.heldCount.accountsOnly, 'guarantor', 'guarantors')} with some accounts held, those accounts left off their statements. Listed${heldListNote(run.held.length, run.heldCount) || ': all of them'}.`,
        { width: w },
      );
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: 'Guarantor', width: w * 0.35 },
        { header: 'Held', width: w * 0.2 },
        { header: 'Why', width: w * 0.45 },
      ],
      run.held.map((h) => [
        h.name,
        h.accountsOnly ? 'Some accounts (left off)' : 'No statement',
        h.holds.map((r) => HOLD_REASON_LABELS[r as HoldReason] ?? r).join('; '),
      ]),
      { fontSize: 8 },
    );
  }
  const samples = sampleSeqs(db, run.runId);
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(12).text(`Sample pages (${samples.length})`, PAGE.margin, doc.y, { width: w });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(
      `The first page of each statement below follows, exactly as it will print: ${samples.map((s, i) => `${i + 1}. ${s.why}`).join('; ')}.`,
      { width: w },
    );
  const get = db.prepare('SELECT snapshot FROM statement_run_items WHERE run_id = ? AND seq = ?').pluck();
  for (const s of samples) {
    const drawn = await renderStatement(get.get(run.runId, s.seq) as string);
    appendPages(doc, drawn.pages.slice(0, 1));
  }
  return pdfBytes(doc);
}

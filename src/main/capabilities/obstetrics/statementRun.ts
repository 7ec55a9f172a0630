// The monthly OB statement run (PP-04: monthly statements before delivery). The preview says which
// cases are due (paying before delivery, something left to pay, no OB statement yet in the month of
// the statement date) and which open cases are left out and why. The run, all or nothing in the
// caller's transaction: each statement drawn once in her language and kept among her documents,
// one row per case with the figures it printed (caseProgress on the statement date, paid to date
// from depositTotals: never recomputed), and ONE PDF of all of them, kept as a document of no one
// guarantor and offered to print. A run with nothing due is refused. OB statements never touch the
// accounts (no first statement, no 501(r) clock).
import { compareDates, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { ObStatementRunPreview, ObStatementRunView } from '../../../shared/schemas/obstetrics';
import { storeDocument } from '../../platform/documents';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { ObCasesRow } from '../../store/schema';
import { guarantorName, guarantorRow } from '../accounts';
import { statementFacts } from './obDocumentFacts';
import { statementFigures, storeStatement, type When } from './obDocuments';
import { obStatementBatchPdf, renderObStatement } from './obStatementPdf';
import { caseProgress, caseReference } from './reads';
import { insertRun, insertStatement } from './statementRows';
import { caseCreatedOn } from './views';

function checkDate(statementDate: string, today: string): void {
  if (compareDates(statementDate, today) > 0)
    throw new AppError('invalid_input', 'The statement date cannot be after today.', {
      statementDate: 'The statement date cannot be after today.',
    });
}

/** The OB statement already sent to a case in the month of `date` (the latest), if any. */
function sentInMonth(db: Db, caseId: number, date: string): string | null {
  return (
    (prepared(
      db,
      `SELECT statement_date FROM ob_statements WHERE case_id = ? AND substr(statement_date, 1, 7) = ?
        ORDER BY statement_date DESC LIMIT 1`,
    )
      .pluck()
      .get(caseId, date.slice(0, 7)) as string | undefined) ?? null
  );
}

export function statementRunPreview(db: Db, statementDate: string, today: string): ObStatementRunPreview {
  checkDate(statementDate, today);
  const cases = prepared(
    db,
    `SELECT * FROM ob_cases WHERE status IN ('awaiting_signature','active','delivered') ORDER BY id`,
  ).all() as ObCasesRow[];
  const due: ObStatementRunPreview['due'] = [];
  const left: ObStatementRunPreview['left'] = [];
  for (const c of cases) {
    const reference = caseReference(c.id);
    const name = guarantorName(guarantorRow(db, c.guarantor_id));
    const leave = (reason: string) => left.push({ caseId: c.id, reference, guarantorName: name, reason });
    // The interview's business date (an instant's UTC day is not a business date).
    if (compareDates(caseCreatedOn(db, c.id), statementDate) > 0) {
      leave('Opened after the statement date.');
      continue;
    }
    if (c.status === 'awaiting_signature') {
      leave('Awaiting the signed agreement.');
      continue;
    }
    if (c.status === 'delivered') {
      leave(
        `Delivered${c.delivered_on ? ` on ${formatLongDate(c.delivered_on)}` : ''}: the rest is settled at the true-up.`,
      );
      continue;
    }
    const sent = sentInMonth(db, c.id, statementDate);
    if (sent !== null) {
      leave(`Already sent this month, on ${formatLongDate(sent)}.`);
      continue;
    }
    const { progress } = caseProgress(db, c.id, statementDate);
    if (progress.remainingCents <= 0) {
      leave('Nothing left to pay before the delivery.');
      continue;
    }
    due.push({
      caseId: c.id,
      reference,
      guarantorName: name,
      nextDue: progress.nextDue,
      pastDueCents: progress.pastDueCents,
    });
  }
  return { statementDate, due, left };
}

export interface RunResult {
  runId: number;
  documentId: number;
  count: number;
}

export async function statementRun(db: Db, statementDate: string, when: When): Promise<RunResult> {
  const preview = statementRunPreview(db, statementDate, when.today);
  if (preview.due.length === 0)
    throw new AppError(
      'not_allowed',
      `No OB statement is due for ${formatLongDate(statementDate)}: ${
        preview.left.length === 0 ? 'there is no open OB arrangement.' : 'see why each open arrangement is left out.'
      }`,
    );
  const drawn = [];
  for (const d of preview.due) {
    const facts = statementFacts(db, d.caseId, statementDate);
    const { bytes, pages } = await renderObStatement(facts);
    drawn.push({ facts, pages, documentId: storeStatement(db, facts, bytes, when) });
  }
  const batch = await obStatementBatchPdf(
    `OB statements ${statementDate}`,
    statementDate,
    drawn.map((d) => d.pages),
  );
  const documentId = storeDocument(db, {
    guarantorId: null,
    kind: 'ob_statement_run',
    title: `OB statements of ${statementDate} (${drawn.length})`,
    fileName: `ob-statements-${statementDate}.pdf`,
    mimeType: 'application/pdf',
    bytes: batch,
    at: when.now,
    by: when.by,
  });
  const runId = insertRun(db, { statementDate, documentId }, when.now, when.by);
  for (const d of drawn) insertStatement(db, statementFigures(d.facts, runId, d.documentId), when.now, when.by);
  return { runId, documentId, count: drawn.length };
}

export function statementRuns(db: Db): ObStatementRunView[] {
  return (
    prepared(
      db,
      `SELECT r.id, r.statement_date, r.document_id, r.created_at, count(s.id) AS n
         FROM ob_statement_runs r LEFT JOIN ob_statements s ON s.run_id = r.id
        GROUP BY r.id ORDER BY r.statement_date DESC, r.id DESC`,
    ).all() as { id: number; statement_date: string; document_id: number | null; created_at: string; n: number }[]
  ).map((r) => ({
    id: r.id,
    statementDate: r.statement_date,
    count: r.n,
    documentId: r.document_id,
    createdAt: r.created_at,
  }));
}

/** The run's stored PDF, to print again exactly as it was. */
export function statementRunDocument(db: Db, runId: number): { documentId: number; statementDate: string } {
  const r = prepared(db, 'SELECT document_id, statement_date FROM ob_statement_runs WHERE id = ?').get(runId) as
    { document_id: number | null; statement_date: string } | undefined;
  if (!r || r.document_id === null) throw new AppError('not_found', 'There is no such OB statement run.');
  return { documentId: r.document_id, statementDate: r.statement_date };
}

/** The cases a run sent to, for the audit. */
export function runRecords(db: Db, runId: number): string[] {
  const ids = prepared(db, 'SELECT case_id FROM ob_statements WHERE run_id = ? ORDER BY case_id')
    .pluck()
    .all(runId) as number[];
  return [`ob_statement_run:${runId}`, ...ids.map((id) => `ob_case:${id}`)];
}

// The only writer of ob_statement_runs and ob_statements (eslint/table-owners.mjs): a run of
// monthly OB statements (its one PDF), and each OB statement sent with the figures it printed.
// An OB statement is not an account's billing statement: nothing here touches accounts (no
// first_statement_date, no 501(r) clock).
import type { DocumentLanguage } from '../../../shared/rules/documentLanguage';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

export function insertRun(db: Db, r: { statementDate: string; documentId: number }, now: string, by: number): number {
  return Number(
    prepared(
      db,
      'INSERT INTO ob_statement_runs (statement_date, document_id, created_at, created_by) VALUES (?, ?, ?, ?)',
    ).run(r.statementDate, r.documentId, now, by).lastInsertRowid,
  );
}

export interface StatementFigures {
  caseId: number;
  runId: number | null;
  versionId: number;
  statementDate: string;
  language: DocumentLanguage;
  estimateCents: number;
  paidCents: number;
  nextDue: { dueDate: string; cents: number } | null;
  pastDueCents: number;
  documentId: number;
}

export function insertStatement(db: Db, s: StatementFigures, now: string, by: number): number {
  return Number(
    prepared(
      db,
      `INSERT INTO ob_statements (case_id, run_id, version_id, statement_date, language, estimate_cents, paid_cents,
         next_due_date, next_due_cents, past_due_cents, document_id, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.caseId,
      s.runId,
      s.versionId,
      s.statementDate,
      s.language,
      s.estimateCents,
      s.paidCents,
      s.nextDue?.dueDate ?? null,
      s.nextDue?.cents ?? 0,
      s.pastDueCents,
      s.documentId,
      now,
      by,
    ).lastInsertRowid,
  );
}

/**
 * A statement printed again the same day on its own (not a run's): the row keeps the latest print,
 * with the figures it printed.
 */
export function replaceSingleStatement(
  db: Db,
  statementId: number,
  s: StatementFigures,
  now: string,
  by: number,
): void {
  prepared(
    db,
    `UPDATE ob_statements SET version_id = ?, language = ?, estimate_cents = ?, paid_cents = ?, next_due_date = ?,
            next_due_cents = ?, past_due_cents = ?, document_id = ?, created_at = ?, created_by = ?
      WHERE id = ? AND run_id IS NULL`,
  ).run(
    s.versionId,
    s.language,
    s.estimateCents,
    s.paidCents,
    s.nextDue?.dueDate ?? null,
    s.nextDue?.cents ?? 0,
    s.pastDueCents,
    s.documentId,
    now,
    by,
    statementId,
  );
}

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

/** A statement's figures as the named parameters of its row (one mapping for the insert and the reprint). */
function rowParams(s: StatementFigures, now: string, by: number) {
  return {
    caseId: s.caseId,
    runId: s.runId,
    versionId: s.versionId,
    statementDate: s.statementDate,
    language: s.language,
    estimateCents: s.estimateCents,
    paidCents: s.paidCents,
    nextDueDate: s.nextDue?.dueDate ?? null,
    nextDueCents: s.nextDue?.cents ?? 0,
    pastDueCents: s.pastDueCents,
    documentId: s.documentId,
    now,
    by,
  };
}

export function insertStatement(db: Db, s: StatementFigures, now: string, by: number): number {
  return Number(
    prepared(
      db,
      `INSERT INTO ob_statements (case_id, run_id, version_id, statement_date, language, estimate_cents, paid_cents,
         next_due_date, next_due_cents, past_due_cents, document_id, created_at, created_by)
       VALUES (@caseId, @runId, @versionId, @statementDate, @language, @estimateCents, @paidCents,
         @nextDueDate, @nextDueCents, @pastDueCents, @documentId, @now, @by)`,
    ).run(rowParams(s, now, by)).lastInsertRowid,
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
    `UPDATE ob_statements SET version_id = @versionId, language = @language, estimate_cents = @estimateCents,
            paid_cents = @paidCents, next_due_date = @nextDueDate, next_due_cents = @nextDueCents,
            past_due_cents = @pastDueCents, document_id = @documentId, created_at = @now, created_by = @by
      WHERE id = @statementId AND run_id IS NULL`,
  ).run({ ...rowParams(s, now, by), statementId });
}

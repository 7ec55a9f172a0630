// The only writer of deduction_runs and deduction_run_lines (eslint/table-owners.mjs): a pay
// period's run as sent, its lines, what came back for each line, the run reconciled, and an open
// line resolved by a clerk.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { DeductionRunLinesRow } from '../../store/schema';

export function insertRun(
  db: Db,
  r: {
    method: 'payroll' | 'bank';
    runDate: string;
    fileName: string;
    fileSha256: string;
    profileId: number | null;
    expectedCents: number;
    createdAt: string;
    createdBy: number;
  },
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO deduction_runs (method, run_date, status, file_name, file_sha256, profile_id, expected_cents, created_at, created_by)
       VALUES (?, ?, 'sent', ?, ?, ?, ?, ?, ?)`,
    ).run(r.method, r.runDate, r.fileName, r.fileSha256, r.profileId, r.expectedCents, r.createdAt, r.createdBy)
      .lastInsertRowid,
  );
}

export function insertRunLine(db: Db, runId: number, arrangementId: number, expectedCents: number): number {
  return Number(
    prepared(db, 'INSERT INTO deduction_run_lines (run_id, arrangement_id, expected_cents) VALUES (?, ?, ?)').run(
      runId,
      arrangementId,
      expectedCents,
    ).lastInsertRowid,
  );
}

/** What came back for a line: deducted (or debited), the period's hours and gross, the outcome. */
export function recordLineResult(
  db: Db,
  lineId: number,
  r: Pick<
    DeductionRunLinesRow,
    'deducted_cents' | 'hours_centi' | 'gross_cents' | 'outcome' | 'return_code' | 'payment_id'
  >,
): void {
  prepared(
    db,
    `UPDATE deduction_run_lines SET deducted_cents = ?, hours_centi = ?, gross_cents = ?, outcome = ?, return_code = ?, payment_id = ?
      WHERE id = ?`,
  ).run(r.deducted_cents, r.hours_centi, r.gross_cents, r.outcome, r.return_code, r.payment_id, lineId);
}

export function reconcileRun(
  db: Db,
  runId: number,
  r: {
    at: string;
    by: number;
    confirmationName: string | null;
    confirmationSha256: string | null;
    deductedCents: number;
  },
): void {
  prepared(
    db,
    `UPDATE deduction_runs SET status = 'reconciled', reconciled_at = ?, reconciled_by = ?, confirmation_name = ?,
            confirmation_sha256 = ?, deducted_cents = ? WHERE id = ? AND status = 'sent'`,
  ).run(r.at, r.by, r.confirmationName, r.confirmationSha256, r.deductedCents, runId);
}

/** A short, missed or returned line closed with what was done about it (it leaves the work queue). */
export function resolveRunLine(db: Db, lineId: number, on: string, by: number, note: string): void {
  prepared(
    db,
    'UPDATE deduction_run_lines SET resolved_on = ?, resolved_by = ?, resolution_note = ? WHERE id = ? AND resolved_on IS NULL',
  ).run(on, by, note, lineId);
}

/** The file's hash, once it was drawn from the run's own rows (so a rebuild can be checked). */
export function setRunFileHash(db: Db, runId: number, sha256: string): void {
  prepared(db, 'UPDATE deduction_runs SET file_sha256 = ? WHERE id = ?').run(sha256, runId);
}

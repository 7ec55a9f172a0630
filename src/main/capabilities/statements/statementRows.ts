// The only writer of statement_runs, statement_run_items, statements and statement_accounts
// (eslint/table-owners.mjs): a run prepared (its row, its items, its proof's counts) or discarded;
// and a run released: each statement recorded with its hash and the accounts it showed, their
// 501(r) clocks set (D0, the final notice: ECA-05), the run marked released and its items dropped.
// The statements written once per run are prepared once per run.
import { isCycleStep } from '../../../shared/rules/statementCycle';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import { ecaKindsNamed } from '../../../shared/wording/statementTexts';
import type { Db } from '../../store/database';
import { setCollectionClock } from '../accounts';
import { preparedRow, type ProofCounts, type RunItemRow } from './preparedRun';
import type { DueStatement } from './runPlan';
import type { ShownAccount } from './snapshot';

/** Any run prepared and not yet released is discarded (its items dropped; the run row says so). */
export function discardPrepared(db: Db): void {
  const ids = db.prepare(`SELECT id FROM statement_runs WHERE status = 'prepared'`).pluck().all() as number[];
  for (const id of ids) {
    db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(id);
    db.prepare(`UPDATE statement_runs SET status = 'discarded' WHERE id = ?`).run(id);
  }
}

/** Discards a prepared run: nothing of it is kept but the run's row, marked discarded. */
export function discardRun(db: Db, runId: number): void {
  preparedRow(db, runId);
  db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(runId);
  db.prepare(`UPDATE statement_runs SET status = 'discarded' WHERE id = ?`).run(runId);
}

/** A run prepared, nothing of it recorded as sent: the last ledger entry and the fingerprint it was prepared under. */
export function insertPreparedRun(
  db: Db,
  runDate: string,
  now: string,
  by: number,
  mark: number,
  fingerprint: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO statement_runs (run_date, started_at, finished_at, user_id, counts, status, ledger_mark, fingerprint)
           VALUES (?, ?, ?, ?, '{}', 'prepared', ?, ?)`,
      )
      .run(runDate, now, now, by, mark, fingerprint).lastInsertRowid,
  );
}

/**
 * Keeps a prepared run's statements as they are built: each its snapshot as stored, what it shows,
 * what the release records and the proof samples by, at its place (`seq`) in the batch's order.
 */
export function runItemWriter(db: Db, runId: number) {
  const insert = db.prepare(
    `INSERT INTO statement_run_items (run_id, seq, guarantor_id, zip, snapshot, shown, kind, number_in_cycle, due_date,
                                        amount_due_cents, named_actions, plans, credit_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (d: DueStatement, seq: number, stored: string, shown: ShownAccount[], s: StatementSnapshot): void => {
    insert.run(
      runId,
      seq,
      d.guarantorId,
      d.zip,
      stored,
      JSON.stringify(shown),
      s.kind,
      s.numberInCycle,
      s.dueDate,
      s.amountDueCents,
      // ECA-05: the actions the final notice names, as ECA kinds (the snapshot has them in words).
      s.finalNotice ? JSON.stringify(ecaKindsNamed(s.finalNotice.intendedActions)) : null,
      s.plans?.length ?? 0,
      s.creditCents ?? 0,
    );
  };
}

/** The proof's counts, kept with the prepared run. */
export function keepProof(db: Db, runId: number, counts: ProofCounts): void {
  db.prepare('UPDATE statement_runs SET proof = ? WHERE id = ?').run(JSON.stringify(counts), runId);
}

/**
 * Records a released run's statements, each as it is drawn: the statement with its hash, the
 * accounts it showed at their steps, and each billed account's clock.
 */
export function statementRecorder(db: Db, runId: number, run: { run_date: string; ledger_mark: number }) {
  const insert = db.prepare(
    `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256, zip, ledger_mark)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertShown = db.prepare(
    'INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (?, ?, ?, ?, ?)',
  );
  return (item: RunItemRow, sha256: string): void => {
    const statementId = insert.run(
      runId,
      item.guarantor_id,
      run.run_date,
      item.number_in_cycle,
      item.kind,
      item.due_date,
      item.amount_due_cents,
      item.snapshot,
      sha256,
      item.zip,
      run.ledger_mark,
    ).lastInsertRowid;
    // ECA-05: the actions the final notice named, as ECA kinds (kept with the item when it was prepared).
    const named = item.named_actions === null ? null : { actions: JSON.parse(item.named_actions) as string[] };
    for (const a of JSON.parse(item.shown) as ShownAccount[]) {
      // A credit is refunded, not billed: it starts no clock. A plan's accounts are shown with
      // the plan's payment and run no cycle of their own, but a first statement is their D0.
      if (a.balanceCents <= 0) continue;
      if (isCycleStep(a.step)) insertShown.run(statementId, a.accountId, a.step, a.number, a.balanceCents);
      // D0 goes on every account the statement billed that had none; the final-notice date on
      // the accounts it was the final notice for (ECA-05: the clock is the account's).
      setCollectionClock(db, a.accountId, run.run_date, a.step === 'final_notice' ? named : null);
    }
  };
}

/** The run released (by whom, when, what it sent); its items, kept only until then, dropped. */
export function markReleased(
  db: Db,
  runId: number,
  releasedBy: number,
  releasedAt: string,
  finishedAt: string,
  counts: {
    statements: number;
    finalNotices: number;
    amountCents: number;
    held: number;
    skipped: ProofCounts['skipped'];
  },
): void {
  db.prepare(
    `UPDATE statement_runs SET status = 'released', released_by = ?, released_at = ?, finished_at = ?, counts = ? WHERE id = ?`,
  ).run(releasedBy, releasedAt, finishedAt, JSON.stringify(counts), runId);
  db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(runId);
}

// A statement run is reviewed before it is sent (issue 11 item 7). A clerk prepares the day's run:
// who is due, each statement built from the ledger, kept with the run as an item; nothing is
// recorded as sent. The proof (counts by kind, the money, the accounts held and why, and the first
// pages of a sample of statements) is read on screen. A supervisor releases it (their own session,
// or their user name and password typed in the clerk's dialog): only then is each statement drawn
// into the batch, recorded with its hash, and the 501(r) dates (D0, the final notice) written. A
// prepared run can be discarded; preparing again replaces it. A prepared run is stale, and refused
// at release, once anything that decides the statements has changed since it was prepared (a
// ledger entry, a hold placed or released, a guarantor's record, a plan's status, another
// statement) or the business day has moved on: it must be prepared again.
// Here, a prepared run as it is read until then: its fingerprint, its proof's counts, its items;
// prepare.ts prepares it, release.ts releases it, statementRows.ts writes (and discards) it.
import { AppError } from '../../../shared/errors';
import type { PreparedRunView } from '../../../shared/schemas/statements';
import type { Db } from '../../store/database';
import type { StatementRunItemsRow } from '../../store/schema';
import type { RunPlan } from './runPlan';

/** What the proof counts, kept with the prepared run: the view's counts (its holds as reasons). */
// (A run prepared before migration 035, whose proof listed every held guarantor and counted none,
// was discarded by it: every proof kept now has its counts.)
export type ProofCounts = Omit<
  PreparedRunView,
  'runId' | 'runDate' | 'preparedAt' | 'preparedBy' | 'stale' | 'held' | 'heldCount'
> & {
  held: RunPlan['held'];
  heldCount: RunPlan['heldCount'];
};

/**
 * Everything that decides who is due and what each statement says, as one string: the last ledger
 * entry, the holds placed and released, the last change to a guarantor's record, the last plan
 * event, the last statement recorded, and the last import (an extract may change an account's
 * service, patient or payer without a ledger entry). A run prepared under another fingerprint is stale.
 * Each part is a bare max() so that it is one probe of an index's end (the guarantors' last change
 * through guarantors_updated, migration 028), not a pass over the table; the string is as before.
 */
export function runFingerprint(db: Db): string {
  const f = db
    .prepare(
      `SELECT coalesce((SELECT max(id) FROM ledger_entries), 0) AS ledger,
              coalesce((SELECT max(id) FROM holds), 0) AS holds,
              (SELECT count(*) FROM holds WHERE released_on IS NOT NULL) AS released,
              coalesce((SELECT max(updated_at) FROM guarantors), '') AS guarantors,
              coalesce((SELECT max(id) FROM plan_events), 0) AS plans,
              coalesce((SELECT max(id) FROM statements), 0) AS statements,
              coalesce((SELECT max(id) FROM import_batches), 0) AS imports`,
    )
    .get() as Record<string, number | string>;
  return JSON.stringify(f);
}

/** The run prepared and waiting for release, with its proof's counts and whether it is stale. */
export function preparedRun(db: Db, today: string): PreparedRunView | null {
  const row = db
    .prepare(
      `SELECT r.id, r.run_date, r.started_at, r.proof, r.fingerprint, u.full_name FROM statement_runs r
         LEFT JOIN users u ON u.id = r.user_id WHERE r.status = 'prepared' ORDER BY r.id DESC LIMIT 1`,
    )
    .get() as
    | { id: number; run_date: string; started_at: string; proof: string; fingerprint: string; full_name: string | null }
    | undefined;
  if (!row) return null;
  const c = JSON.parse(row.proof) as ProofCounts;
  const stale = row.run_date !== today || row.fingerprint !== runFingerprint(db);
  return {
    runId: row.id,
    runDate: row.run_date,
    preparedAt: row.started_at,
    preparedBy: row.full_name,
    statements: c.statements,
    regular: c.regular,
    finalNotices: c.finalNotices,
    planStatements: c.planStatements,
    withCredits: c.withCredits,
    amountCents: c.amountCents,
    creditCents: c.creditCents,
    held: c.held,
    heldCount: c.heldCount,
    skipped: c.skipped,
    stale,
  };
}

export function preparedRow(db: Db, runId: number): { run_date: string; fingerprint: string; ledger_mark: number } {
  const row = db
    .prepare('SELECT run_date, status, fingerprint, ledger_mark FROM statement_runs WHERE id = ?')
    .get(runId) as { run_date: string; status: string; fingerprint: string; ledger_mark: number } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such statement run.');
  if (row.status === 'released') throw new AppError('not_allowed', 'This statement run was already released.');
  if (row.status === 'discarded')
    throw new AppError('not_allowed', 'This statement run was discarded; prepare the run again.');
  return row;
}

/** A prepared run's item: the statement as stored (snapshotCodec), what it shows, and what the release records of it. */
export type RunItemRow = Omit<StatementRunItemsRow, 'run_id' | 'plans' | 'credit_cents'>;

/** A prepared run's items in their order (ZIP code), a chunk at a time. */
export function runItems(db: Db, runId: number, afterSeq: number, limit: number): RunItemRow[] {
  return db
    .prepare(
      `SELECT seq, guarantor_id, zip, snapshot, shown, kind, number_in_cycle, due_date, amount_due_cents, named_actions
         FROM statement_run_items WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(runId, afterSeq, limit) as RunItemRow[];
}

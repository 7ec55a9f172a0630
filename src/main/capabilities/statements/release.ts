// Releasing a prepared statement run (issue 11 item 7; what a prepared run is: preparedRun.ts): its
// kept statements drawn in the worker threads into the batch, each recorded with its hash and the
// accounts it showed, and their clocks set (D0, the final notice: ECA-05; statementRows.ts writes
// them), all in one transaction.
import { AppError } from '../../../shared/errors';
import type { RecoupApp } from '../../app';
import type { Writable } from 'node:stream';
import { createPdf } from '../../pdf/layout';
import { appendPages } from '../../pdf/pageCopy';
import { statementRenderer } from './renderPool';
import type { BatchStatement } from './statementPdf';
import { largerPageCache } from '../../store/database';
import { beginWork, type UnitOfWork } from '../../platform/unitOfWork';
import { CHUNK, RUN_CACHE_KIB, RunCancelled, streamBatch, type RunHooks } from './batch';
import { preparedRow, runFingerprint, runItems, type ProofCounts, type RunItemRow } from './preparedRun';
import { markReleased, statementRecorder } from './statementRows';

export interface RunResult {
  runId: number;
  count: number;
  finalNotices: number;
  amountCents: number;
}

/**
 * Releases a prepared run (the caller has checked the supervisor): each statement drawn into the
 * batch, written into `out` as it comes, and recorded with its hash; D0 and the final-notice dates
 * written (ECA-05). All or nothing: the run commits only once `out` has the whole batch.
 */
export async function releaseRun(
  app: RecoupApp,
  runId: number,
  releasedBy: number,
  today: string,
  out: Writable,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const restoreCache = largerPageCache(app.store.db, RUN_CACHE_KIB);
  try {
    return await releaseWithCache(app, runId, releasedBy, today, out, hooks);
  } finally {
    restoreCache();
  }
}

async function releaseWithCache(
  app: RecoupApp,
  runId: number,
  releasedBy: number,
  today: string,
  out: Writable,
  hooks: RunHooks,
): Promise<RunResult> {
  const db = app.store.db;
  const run = preparedRow(db, runId);
  if (run.run_date !== today || run.fingerprint !== runFingerprint(db))
    throw new AppError(
      'not_allowed',
      'Something that decides the statements has changed since this run was prepared (a payment, a hold, an address, a plan, or the day): prepare the run again and check its proof.',
    );
  const total = db.prepare('SELECT count(*) FROM statement_run_items WHERE run_id = ?').pluck().get(runId) as number;
  const batch = createPdf({ title: `Statements ${run.run_date}`, date: run.run_date, streamPages: true });
  const written = streamBatch(batch, out);
  written.catch(() => undefined); // awaited before the commit; a failed release abandons it
  // The drawing threads start last: nothing before the try can leave them running.
  const renderer = hooks.renderer ?? statementRenderer();
  let work: UnitOfWork | null = null;
  try {
    // Inside the call's transaction (the router's, HP-01) this is a savepoint: the release commits
    // only with its audit event.
    work = beginWork(db);
    const recordStatement = statementRecorder(db, runId, run);
    let sent = 0;
    let finalNotices = 0;
    let amount = 0;
    // The item's snapshot goes to a drawing thread as it is stored, and into the statement as it is.
    const inFlight: { items: RunItemRow[]; rendered: Promise<BatchStatement[]> }[] = [];
    const record = (items: RunItemRow[], rendered: BatchStatement[]) => {
      items.forEach((item, k) => {
        const r = rendered[k]!;
        recordStatement(item, r.sha256);
        appendPages(batch, r.pages);
        sent++;
        if (item.kind === 'final_notice') finalNotices++;
        amount += item.amount_due_cents;
      });
    };
    const settleOne = async () => {
      const job = inFlight.shift()!;
      record(job.items, await job.rendered);
    };
    const most = 2 * Math.max(1, renderer.threads) + 1;
    let seq = -1;
    let done = 0;
    for (;;) {
      const rows = runItems(db, runId, seq, CHUNK);
      if (rows.length === 0) break;
      seq = rows[rows.length - 1]!.seq;
      const rendered = renderer.render(rows.map((r) => r.snapshot));
      rendered.catch(() => undefined); // awaited in turn below; a cancelled release abandons it
      inFlight.push({ items: rows, rendered });
      done += rows.length;
      while (inFlight.length >= most) await settleOne();
      hooks.onProgress?.(done, total);
      if (hooks.pause) await hooks.pause();
      if (hooks.isCancelled?.()) throw new RunCancelled();
    }
    while (inFlight.length > 0) await settleOne();
    if (sent === 0) throw new AppError('not_found', 'This run has no statements to send.');
    const proof = JSON.parse(
      db.prepare('SELECT proof FROM statement_runs WHERE id = ?').pluck().get(runId) as string,
    ) as ProofCounts;
    const held = proof.heldCount;
    const counts = {
      statements: sent,
      finalNotices,
      amountCents: amount,
      held: held.guarantors + held.accountsOnly,
      skipped: proof.skipped,
    };
    markReleased(db, runId, releasedBy, app.nowIso(), app.nowIso(), counts);
    batch.end();
    await written;
    work.commit();
    return { runId, count: sent, finalNotices, amountCents: amount };
  } catch (err) {
    work?.rollback();
    batch.destroy();
    if (err instanceof RunCancelled)
      throw new AppError('not_allowed', 'Sending the statement run was cancelled; nothing was recorded.');
    throw err;
  } finally {
    if (!hooks.renderer) await renderer.close();
  }
}

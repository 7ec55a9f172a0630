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
import { AppError } from '../../../shared/errors';
import { isCycleStep } from '../../../shared/rules/statementCycle';
import type { PreparedRunView, StatementSnapshot } from '../../../shared/schemas/statements';
import type { RecoupApp } from '../../app';
import type { Writable } from 'node:stream';
import { createPdf } from '../../pdf/layout';
import { appendPages } from '../../pdf/pageCopy';
import { statementRenderer } from './renderPool';
import type { BatchStatement } from './statementPdf';
import { largerPageCache, type Db } from '../../store/database';
import type { StatementRunItemsRow } from '../../store/schema';
import { setCollectionClock } from '../accounts';
import { ecaKindsNamed } from '../../../shared/wording/statementTexts';
import { hospitalIdentity, statementPolicy } from '../../platform/settings';
import { beginWork, type UnitOfWork } from '../../platform/unitOfWork';
import { buildStatement, type ShownAccount } from './snapshot';
import { CHUNK, streamBatch, type RunHooks } from './batch';
import { planRun, type DueStatement, type RunPlan } from './runPlan';

export class RunCancelled extends Error {}

export interface RunResult {
  runId: number;
  count: number;
  finalNotices: number;
  amountCents: number;
}

/** What the proof counts, kept with the prepared run: the view's counts (its holds as reasons). */
// (A run prepared before migration 035, whose proof listed every held guarantor and counted none,
// was discarded by it: every proof kept now has its counts.)
type ProofCounts = Omit<
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

function lastLedgerEntry(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM ledger_entries').pluck().get() as number;
}

/** Builds a due statement's snapshot; null when it asks for nothing as of the run date. */
function buildDue(
  db: Db,
  d: DueStatement,
  runDate: string,
  ctx: { policy: ReturnType<typeof statementPolicy>; hospital: ReturnType<typeof hospitalIdentity> },
): { snapshot: StatementSnapshot; shown: ShownAccount[] } | null {
  const request = {
    statementDate: runDate,
    numberInCycle: d.number,
    kind: d.kind,
    lastStatementDate: d.lastStatementDate,
    lastLedgerMark: d.lastLedgerMark,
    policy: ctx.policy,
    accounts: d.accounts,
    hospital: ctx.hospital,
  };
  let built = buildStatement(db, d.guarantorId, request);
  // The account due its final notice owed nothing as of the run date: a regular statement then.
  if (d.kind === 'final_notice' && !built.shown.some((a) => a.step === 'final_notice')) {
    const number = Math.max(1, ...built.shown.map((a) => a.number ?? 0));
    built = buildStatement(db, d.guarantorId, { ...request, kind: 'regular', numberInCycle: number });
  }
  // Nothing asked for as of the run date (every entry is dated later, or credits cover it): no statement.
  return built.snapshot.amountDueCents > 0 ? built : null;
}

/** Any run prepared and not yet released is discarded (its items dropped; the run row says so). */
function discardPrepared(db: Db): void {
  const ids = db.prepare(`SELECT id FROM statement_runs WHERE status = 'prepared'`).pluck().all() as number[];
  for (const id of ids) {
    db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(id);
    db.prepare(`UPDATE statement_runs SET status = 'discarded' WHERE id = ?`).run(id);
  }
}

/**
 * Prepares the day's run: every due statement built and kept with the run, the proof's counts;
 * nothing recorded as sent. A run prepared earlier and not released is replaced.
 */
export async function prepareRun(
  app: RecoupApp,
  runDate: string,
  by: number,
  hooks: Pick<RunHooks, 'onProgress' | 'isCancelled' | 'pause' | 'renderer'> = {},
): Promise<PreparedRunView> {
  const restoreCache = largerPageCache(app.store.db, RUN_CACHE_KIB);
  try {
    return await prepareWithCache(app, runDate, by, hooks);
  } finally {
    restoreCache();
  }
}

/**
 * The page cache of a statement run, preparing and releasing: its reads and writes go all over a
 * large book (each guarantor's accounts and ledger, the accounts' clocks, the statements' indexes),
 * and a page read again from a cache too small for them is decrypted again. At a million
 * guarantors 64 MiB -> 256 MiB took 9 of the run's 79 s of CPU off; 512 MiB took no more (issue 18).
 */
const RUN_CACHE_KIB = 256 * 1024;

async function prepareWithCache(
  app: RecoupApp,
  runDate: string,
  by: number,
  hooks: Pick<RunHooks, 'onProgress' | 'isCancelled' | 'pause' | 'renderer'>,
): Promise<PreparedRunView> {
  const db = app.store.db;
  const policy = statementPolicy(db);
  const hospital = hospitalIdentity(db);
  const fingerprint = runFingerprint(db);
  const mark = lastLedgerEntry(db);
  const plan = planRun(db, runDate);
  if (plan.due.length === 0) throw new AppError('not_found', 'No statements are due today.');
  let work: UnitOfWork | null = null;
  // The drawing threads make each statement's stored snapshot meanwhile (they draw only at release).
  const renderer = hooks.renderer ?? statementRenderer();
  try {
    work = beginWork(db);
    discardPrepared(db);
    const now = app.nowIso();
    const runId = Number(
      db
        .prepare(
          `INSERT INTO statement_runs (run_date, started_at, finished_at, user_id, counts, status, ledger_mark, fingerprint)
           VALUES (?, ?, ?, ?, '{}', 'prepared', ?, ?)`,
        )
        .run(runDate, now, now, by, mark, fingerprint).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO statement_run_items (run_id, seq, guarantor_id, zip, snapshot, shown, kind, number_in_cycle, due_date,
                                        amount_due_cents, named_actions, plans, credit_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const counts: ProofCounts = {
      statements: 0,
      regular: 0,
      finalNotices: 0,
      planStatements: 0,
      withCredits: 0,
      amountCents: 0,
      creditCents: 0,
      held: plan.held,
      heldCount: plan.heldCount,
      skipped: plan.skipped,
    };
    // Built in the order the guarantors are stored (by id: their rows, accounts and ledger lie
    // together, and a page of the store is read once rather than once per guarantor on it); kept
    // in the batch's order (ZIP code), `seq` being the place in it.
    const byId = plan.due.map((d, seq) => ({ d, seq })).sort((a, b) => a.d.guarantorId - b.d.guarantorId);
    type Built = { d: DueStatement; seq: number; snapshot: StatementSnapshot; shown: ShownAccount[] };
    // Each chunk kept as its stored snapshots come back, in order, a few chunks in flight.
    const inFlight: { items: Built[]; stored: Promise<string[]> }[] = [];
    const keep = async () => {
      const job = inFlight.shift()!;
      const stored = await job.stored;
      job.items.forEach(({ d, seq, snapshot: s, shown }, k) => {
        insert.run(
          runId,
          seq,
          d.guarantorId,
          d.zip,
          stored[k]!,
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
      });
    };
    const most = 2 * Math.max(1, renderer.threads) + 1;
    for (let i = 0; i < byId.length; i += CHUNK) {
      const items: Built[] = [];
      for (const { d, seq } of byId.slice(i, i + CHUNK)) {
        const built = buildDue(db, d, runDate, { policy, hospital });
        if (!built) continue;
        const s = built.snapshot;
        items.push({ d, seq, snapshot: s, shown: built.shown });
        counts.statements++;
        if (s.kind === 'final_notice') counts.finalNotices++;
        else counts.regular++;
        if (s.plans && s.plans.length > 0) counts.planStatements++;
        if ((s.creditCents ?? 0) < 0) {
          counts.withCredits++;
          counts.creditCents += s.creditCents!;
        }
        counts.amountCents += s.amountDueCents;
      }
      if (items.length > 0) {
        const stored = renderer.encode(items.map((b) => b.snapshot));
        stored.catch(() => undefined); // awaited in turn; a cancelled run abandons it
        inFlight.push({ items, stored });
        while (inFlight.length >= most) await keep();
      }
      hooks.onProgress?.(Math.min(i + CHUNK, plan.due.length), plan.due.length);
      if (hooks.pause) await hooks.pause();
      if (hooks.isCancelled?.()) throw new RunCancelled();
    }
    while (inFlight.length > 0) await keep();
    if (counts.statements === 0) throw new AppError('not_found', 'No statements are due today.');
    db.prepare('UPDATE statement_runs SET proof = ? WHERE id = ?').run(JSON.stringify(counts), runId);
    work.commit();
    return preparedRun(db, runDate)!;
  } catch (err) {
    work?.rollback();
    if (err instanceof RunCancelled)
      throw new AppError('not_allowed', 'Preparing the statement run was cancelled; nothing was kept.');
    throw err;
  } finally {
    if (!hooks.renderer) await renderer.close();
  }
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

function preparedRow(db: Db, runId: number): { run_date: string; fingerprint: string; ledger_mark: number } {
  const row = db
    .prepare('SELECT run_date, status, fingerprint, ledger_mark FROM statement_runs WHERE id = ?')
    .get(runId) as { run_date: string; status: string; fingerprint: string; ledger_mark: number } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such statement run.');
  if (row.status === 'released') throw new AppError('not_allowed', 'This statement run was already released.');
  if (row.status === 'discarded')
    throw new AppError('not_allowed', 'This statement run was discarded; prepare the run again.');
  return row;
}

/** Discards a prepared run: nothing of it is kept but the run's row, marked discarded. */
export function discardRun(db: Db, runId: number): void {
  preparedRow(db, runId);
  db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(runId);
  db.prepare(`UPDATE statement_runs SET status = 'discarded' WHERE id = ?`).run(runId);
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
    const insert = db.prepare(
      `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256, zip, ledger_mark)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertShown = db.prepare(
      'INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (?, ?, ?, ?, ?)',
    );
    let sent = 0;
    let finalNotices = 0;
    let amount = 0;
    // The item's snapshot goes to a drawing thread as it is stored, and into the statement as it is.
    const inFlight: { items: RunItemRow[]; rendered: Promise<BatchStatement[]> }[] = [];
    const record = (items: RunItemRow[], rendered: BatchStatement[]) => {
      items.forEach((item, k) => {
        const r = rendered[k]!;
        const statementId = insert.run(
          runId,
          item.guarantor_id,
          run.run_date,
          item.number_in_cycle,
          item.kind,
          item.due_date,
          item.amount_due_cents,
          item.snapshot,
          r.sha256,
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
    db.prepare(
      `UPDATE statement_runs SET status = 'released', released_by = ?, released_at = ?, finished_at = ?, counts = ? WHERE id = ?`,
    ).run(releasedBy, app.nowIso(), app.nowIso(), JSON.stringify(counts), runId);
    db.prepare('DELETE FROM statement_run_items WHERE run_id = ?').run(runId);
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

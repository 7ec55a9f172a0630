// Preparing the day's statement run (issue 11 item 7; what a prepared run is: preparedRun.ts): each
// due statement built from the ledger as a snapshot while the drawing threads make its stored form,
// kept with the run in the batch's order, with the proof's counts (statementRows.ts writes them);
// nothing is recorded as sent.
import { AppError } from '../../../shared/errors';
import type { PreparedRunView, StatementSnapshot } from '../../../shared/schemas/statements';
import type { RecoupApp } from '../../app';
import { statementRenderer } from './renderPool';
import { largerPageCache, type Db } from '../../store/database';
import { hospitalIdentity, statementPolicy } from '../../platform/settings';
import { beginWork, type UnitOfWork } from '../../platform/unitOfWork';
import { buildStatement, type ShownAccount } from './snapshot';
import { CHUNK, RUN_CACHE_KIB, RunCancelled, type RunHooks } from './batch';
import { preparedRun, runFingerprint, type ProofCounts } from './preparedRun';
import { planRun, type DueStatement } from './runPlan';
import { discardPrepared, insertPreparedRun, keepProof, runItemWriter } from './statementRows';

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
    const runId = insertPreparedRun(db, runDate, now, by, mark, fingerprint);
    const keepItem = runItemWriter(db, runId);
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
        keepItem(d, seq, stored[k]!, shown, s);
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
    keepProof(db, runId, counts);
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

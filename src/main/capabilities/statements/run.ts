// The monthly statement run (ST-03): who is due (and who is held, and why), then one statement per
// guarantor covering all their open accounts, printed as one PDF sorted by ZIP code. Each statement
// is recorded with its number in the cycle, its amounts, the snapshot it was printed from and the
// SHA-256 of its PDF. The first statement sets each account's D0 and the final notice its date
// (ECA-05). All in one transaction: a cancelled run records nothing. A second run on the same day
// finds nobody due.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import {
  statementDue,
  type AccountCycleState,
  type AccountStep,
  type HoldReason,
} from '../../../shared/rules/statementCycle';
import type { StatementListItem, StatementRunItem, StatementSnapshot } from '../../../shared/schemas/statements';
import type { RecoupApp } from '../../app';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createPdf, type Pdf } from '../../pdf/layout';
import { appendPages } from '../../pdf/pageCopy';
import { statementRenderer, type StatementRenderer } from './renderPool';
import { decodeSnapshot } from './snapshotCodec';
import { statementPdf, type RenderedStatement } from './statementPdf';
import type { Db } from '../../store/database';
import type { GuarantorsRow } from '../../store/schema';
import { guarantorName, setCollectionClock } from '../accounts';
import { accountsOnCurrentPlans, activePlacedHolds, automaticHoldReasons } from '../compliance';
import { hospitalIdentity, statementPolicy } from '../../platform/settings';
import { beginWork, type UnitOfWork } from '../../platform/unitOfWork';
import { buildStatement, type ShownAccount } from './snapshot';

export interface DueStatement {
  guarantorId: number;
  zip: string;
  name: string;
  kind: 'regular' | 'final_notice';
  number: number;
  lastStatementDate: string | null;
  /** The accounts the statement shows, each with its step in its own cycle. */
  accounts: AccountStep[];
  balanceCents: number;
}

export interface RunPlan {
  runDate: string;
  due: DueStatement[];
  dueCents: number;
  /** Guarantors held whole, and guarantors with some accounts held (those accounts are left off). */
  held: { guarantorId: number; name: string; holds: HoldReason[]; accountsOnly: boolean }[];
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number };
}

type GuarantorDue = Pick<
  GuarantorsRow,
  'id' | 'zip' | 'first_name' | 'middle_name' | 'last_name' | 'deceased' | 'bankruptcy' | 'fap_status'
> & { last_date: string | null };

/** Who is due a statement on the run date, and who is held or skipped, and why (a few queries in all). */
export function planRun(db: Db, runDate: string): RunPlan {
  const policy = statementPolicy(db);
  const guarantors = db
    .prepare(
      `SELECT g.id, g.zip, g.first_name, g.middle_name, g.last_name, g.deceased, g.bankruptcy, g.fap_status,
              (SELECT max(statement_date) FROM statements s WHERE s.guarantor_id = g.id) AS last_date
         FROM guarantors g WHERE g.balance_cents > 0
        ORDER BY g.zip, g.last_name, g.first_name, g.id`,
    )
    .all() as GuarantorDue[];
  const accounts = new Map<number, AccountCycleState[]>();
  for (const a of db
    .prepare(
      `SELECT a.id, a.guarantor_id, a.balance_cents, a.final_notice_date IS NOT NULL AS final_sent,
              (SELECT count(*) FROM statement_accounts sa WHERE sa.account_id = a.id AND sa.step <> 'after_notice') AS sent
         FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE g.balance_cents > 0 AND a.balance_cents > 0 ORDER BY a.guarantor_id, a.service_from, a.id`,
    )
    .all() as { id: number; guarantor_id: number; balance_cents: number; final_sent: number; sent: number }[]) {
    const list = accounts.get(a.guarantor_id) ?? [];
    list.push({
      accountId: a.id,
      balanceCents: a.balance_cents,
      sentCount: a.sent,
      finalNoticeSent: a.final_sent === 1,
      holds: [],
    });
    accounts.set(a.guarantor_id, list);
  }
  const guarantorHolds = new Map<number, HoldReason[]>();
  const accountHolds = new Map<number, HoldReason[]>();
  for (const accountId of accountsOnCurrentPlans(db))
    accountHolds.set(accountId, [...(accountHolds.get(accountId) ?? []), 'plan_current']);
  for (const h of activePlacedHolds(db, runDate)) {
    const map = h.accountId === null ? guarantorHolds : accountHolds;
    const key = h.accountId ?? h.guarantorId;
    map.set(key, [...(map.get(key) ?? []), h.reason]);
  }
  const plan: RunPlan = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0 },
  };
  for (const g of guarantors) {
    const name = guarantorName(g);
    const list = (accounts.get(g.id) ?? []).map((a) => ({ ...a, holds: accountHolds.get(a.accountId) ?? [] }));
    const holds = [
      ...automaticHoldReasons({
        deceased: g.deceased === 1,
        bankruptcy: g.bankruptcy === 1,
        fapPending: g.fap_status === 'pending',
      }),
      ...(guarantorHolds.get(g.id) ?? []),
    ];
    const d = statementDue({ lastStatementDate: g.last_date, holds, accounts: list }, runDate, policy);
    if (d.due) {
      const shown = new Set(d.accounts.map((a) => a.accountId));
      const cents = list.filter((a) => shown.has(a.accountId)).reduce((t, a) => t + a.balanceCents, 0);
      plan.due.push({
        guarantorId: g.id,
        zip: g.zip,
        name,
        kind: d.kind,
        number: d.number,
        lastStatementDate: g.last_date,
        accounts: d.accounts,
        balanceCents: cents,
      });
      plan.dueCents += cents;
      if (d.heldAccounts.length > 0)
        plan.held.push({
          guarantorId: g.id,
          name,
          holds: [...new Set(d.heldAccounts.flatMap((h) => h.holds))],
          accountsOnly: true,
        });
    } else if (d.why === 'held') plan.held.push({ guarantorId: g.id, name, holds: d.holds ?? [], accountsOnly: false });
    else if (d.why === 'below_minimum') plan.skipped.belowMinimum++;
    else if (d.why === 'not_yet') plan.skipped.notYet++;
    else if (d.why === 'cycle_complete') plan.skipped.cycleComplete++;
  }
  return plan;
}

export class RunCancelled extends Error {}

export interface RunResult {
  runId: number;
  count: number;
  finalNotices: number;
  amountCents: number;
}

/** Writes the batch into `out` as its pages come, and resolves once `out` has taken all of it. */
function streamBatch(batch: Pdf, out: Writable): Promise<void> {
  return pipeline(batch, out);
}

export interface RunHooks {
  onProgress?(count: number, total: number): void;
  isCancelled?(): boolean;
  pause?(): Promise<void>;
  /** Where the statements are drawn; worker threads beside the built app, by default. */
  renderer?: StatementRenderer;
}

/** Statements built on the main thread a chunk at a time, drawn by the renderer meanwhile. */
const CHUNK = 64;

interface Built {
  due: DueStatement;
  snapshot: StatementSnapshot;
  shown: ShownAccount[];
}

/**
 * The run. The batch (every statement, in ZIP-code order, as one PDF) is written into `out` as it
 * is drawn; the run commits only once `out` has all of it.
 */
export async function runStatements(
  app: RecoupApp,
  runDate: string,
  by: number,
  out: Writable,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const db = app.store.db;
  const policy = statementPolicy(db);
  const hospital = hospitalIdentity(db);
  const plan = planRun(db, runDate);
  if (plan.due.length === 0) throw new AppError('not_found', 'No statements are due today.');
  const renderer = hooks.renderer ?? statementRenderer();
  const batch = createPdf({ title: `Statements ${runDate}`, date: runDate, streamPages: true });
  const written = streamBatch(batch, out);
  written.catch(() => undefined); // awaited before the commit; a failed run abandons it
  const startedAt = app.nowIso();
  const inFlight: { built: Built[]; rendered: Promise<RenderedStatement[]> }[] = [];
  let work: UnitOfWork | null = null;
  try {
    // Inside the call's transaction (the router's, HP-01) this is a savepoint: the run commits
    // only with its audit event.
    work = beginWork(db);
    const runId = Number(
      db
        .prepare(
          'INSERT INTO statement_runs (run_date, started_at, finished_at, user_id, counts) VALUES (?, ?, ?, ?, ?)',
        )
        .run(runDate, startedAt, startedAt, by, '{}').lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256, zip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertShown = db.prepare(
      'INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (?, ?, ?, ?, ?)',
    );
    let sent = 0;
    let finalNotices = 0;
    let amount = 0;
    let done = 0;

    const build = (d: DueStatement): Built | null => {
      const request = {
        statementDate: runDate,
        numberInCycle: d.number,
        kind: d.kind,
        lastStatementDate: d.lastStatementDate,
        policy,
        accounts: d.accounts,
        hospital,
      };
      let built = buildStatement(db, d.guarantorId, request);
      // The account due its final notice owed nothing as of the run date: a regular statement then.
      if (d.kind === 'final_notice' && !built.shown.some((a) => a.step === 'final_notice')) {
        const number = Math.max(1, ...built.shown.map((a) => a.number ?? 0));
        built = buildStatement(db, d.guarantorId, { ...request, kind: 'regular', numberInCycle: number });
      }
      // Nothing owed as of the run date (every entry is dated later): no statement.
      return built.snapshot.amountDueCents > 0 ? { due: d, ...built } : null;
    };

    // Records a chunk once drawn, in ZIP order: the statement rows, the accounts' clock dates, the batch's pages.
    const record = (chunk: Built[], rendered: RenderedStatement[]) => {
      chunk.forEach(({ due: d, snapshot, shown }, k) => {
        const r = rendered[k]!;
        const statementId = insert.run(
          runId,
          d.guarantorId,
          runDate,
          snapshot.numberInCycle,
          snapshot.kind,
          snapshot.dueDate,
          snapshot.amountDueCents,
          r.stored,
          r.sha256,
          d.zip,
        ).lastInsertRowid;
        for (const a of shown) {
          insertShown.run(statementId, a.accountId, a.step, a.number, a.balanceCents);
          // D0 goes on every account the statement showed that had none; the final-notice date on
          // the accounts it was the final notice for (ECA-05: the clock is the account's).
          setCollectionClock(db, a.accountId, runDate, a.step === 'final_notice');
        }
        appendPages(batch, r.pages);
        sent++;
        if (snapshot.kind === 'final_notice') finalNotices++;
        amount += snapshot.amountDueCents;
      });
    };
    const settleOne = async () => {
      const job = inFlight.shift()!;
      record(job.built, await job.rendered);
    };

    const most = 2 * Math.max(1, renderer.threads) + 1;
    for (let i = 0; i < plan.due.length; i += CHUNK) {
      const chunk = plan.due.slice(i, i + CHUNK);
      const built = chunk.map(build).filter((b): b is Built => b !== null);
      const rendered = renderer.render(built.map((b) => b.snapshot));
      rendered.catch(() => undefined); // awaited in turn below; a cancelled run abandons it
      inFlight.push({ built, rendered });
      done += chunk.length;
      while (inFlight.length >= most) await settleOne();
      hooks.onProgress?.(done, plan.due.length);
      if (hooks.pause) await hooks.pause();
      if (hooks.isCancelled?.()) throw new RunCancelled();
    }
    while (inFlight.length > 0) await settleOne();
    if (sent === 0) throw new AppError('not_found', 'No statements are due today.');
    const counts = {
      statements: sent,
      finalNotices,
      amountCents: amount,
      held: plan.held.length,
      skipped: plan.skipped,
    };
    db.prepare('UPDATE statement_runs SET finished_at = ?, counts = ? WHERE id = ?').run(
      app.nowIso(),
      JSON.stringify(counts),
      runId,
    );
    batch.end();
    await written;
    work.commit();
    return { runId, count: sent, finalNotices, amountCents: amount };
  } catch (err) {
    work?.rollback();
    batch.destroy();
    if (err instanceof RunCancelled)
      throw new AppError('not_allowed', 'The statement run was cancelled; nothing was recorded.');
    throw err;
  } finally {
    if (!hooks.renderer) await renderer.close();
  }
}

/** A guarantor's statements, newest first. */
export function statementsOf(db: Db, guarantorId: number): StatementListItem[] {
  return db
    .prepare(
      `SELECT id, statement_date AS statementDate, number_in_cycle AS numberInCycle, kind, due_date AS dueDate, amount_due_cents AS amountDueCents
         FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC`,
    )
    .all(guarantorId) as StatementListItem[];
}

/** The date of a past run (refused when there is no such run). */
/**
 * The file name of a run's batch: the date and the run's own number, so two runs on one day never
 * share a name (issue 11). `runId` null: the run about to be made (runs are numbered in order and
 * never deleted, and one writer makes them).
 */
export function runFileName(db: Db, runDate: string, runId: number | null, again = false): string {
  const id =
    runId ?? ((db.prepare('SELECT coalesce(max(id), 0) + 1 FROM statement_runs').pluck().get() as number) || 1);
  return `statements-${runDate}-run-${id}${again ? '-again' : ''}.pdf`;
}

export function runDateOf(db: Db, runId: number): string {
  const date = db.prepare('SELECT run_date FROM statement_runs WHERE id = ?').pluck().get(runId) as string | undefined;
  if (!date) throw new AppError('not_found', 'There is no such statement run.');
  return date;
}

/** Past runs, newest first, with what each sent. */
export function listRuns(db: Db): StatementRunItem[] {
  return (
    db
      .prepare(
        `SELECT r.id, r.run_date, r.counts, u.full_name FROM statement_runs r LEFT JOIN users u ON u.id = r.user_id
          ORDER BY r.run_date DESC, r.id DESC LIMIT 120`,
      )
      .all() as { id: number; run_date: string; counts: string; full_name: string | null }[]
  ).map((r) => {
    const c = JSON.parse(r.counts) as { statements?: number; finalNotices?: number; amountCents?: number };
    return {
      id: r.id,
      runDate: r.run_date,
      statements: c.statements ?? 0,
      finalNotices: c.finalNotices ?? 0,
      amountCents: c.amountCents ?? 0,
      by: r.full_name,
    };
  });
}

/**
 * A past run's batch, printed again: every statement of the run drawn from what was recorded, in
 * the order it was sent (ZIP order), each checked against its recorded hash.
 */
export async function reprintRun(
  db: Db,
  runId: number,
  out: Writable,
  hooks: Pick<RunHooks, 'renderer' | 'pause' | 'onProgress' | 'isCancelled'> = {},
): Promise<{ runDate: string }> {
  const run = { run_date: runDateOf(db, runId) };
  const rows = db.prepare('SELECT id, snapshot, sha256 FROM statements WHERE run_id = ? ORDER BY id').all(runId) as {
    id: number;
    snapshot: string;
    sha256: string;
  }[];
  if (rows.length === 0) throw new AppError('not_found', 'That run sent no statements.');
  const renderer = hooks.renderer ?? statementRenderer();
  const batch = createPdf({ title: `Statements ${run.run_date}`, date: run.run_date, streamPages: true });
  const written = streamBatch(batch, out);
  written.catch(() => undefined);
  try {
    const jobs: { rows: typeof rows; rendered: Promise<RenderedStatement[]> }[] = [];
    const settle = async () => {
      const job = jobs.shift()!;
      const rendered = await job.rendered;
      job.rows.forEach((r, k) => {
        if (rendered[k]!.sha256 !== r.sha256)
          throw new AppError(
            'internal',
            `Statement #${r.id} of this run no longer reprints exactly as it was sent; tell your administrator.`,
          );
        appendPages(batch, rendered[k]!.pages);
      });
    };
    const most = 2 * Math.max(1, renderer.threads) + 1;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const rendered = renderer.render(chunk.map((r) => decodeSnapshot(r.snapshot)));
      rendered.catch(() => undefined);
      jobs.push({ rows: chunk, rendered });
      while (jobs.length >= most) await settle();
      hooks.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
      if (hooks.pause) await hooks.pause();
      if (hooks.isCancelled?.()) throw new AppError('not_allowed', 'Printing the run again was cancelled.');
    }
    while (jobs.length > 0) await settle();
    batch.end();
    await written;
    return { runDate: run.run_date };
  } catch (err) {
    batch.destroy();
    throw err;
  } finally {
    if (!hooks.renderer) await renderer.close();
  }
}

/** A past statement, printed again from what was recorded; its bytes must match the recorded hash. */
export async function reprintStatement(
  db: Db,
  statementId: number,
): Promise<{ fileName: string; bytes: Buffer; guarantorId: number }> {
  const row = db
    .prepare('SELECT guarantor_id, statement_date, snapshot, sha256 FROM statements WHERE id = ?')
    .get(statementId) as { guarantor_id: number; statement_date: string; snapshot: string; sha256: string } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such statement.');
  const bytes = await statementPdf(decodeSnapshot(row.snapshot));
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError(
      'internal',
      'This statement no longer reprints exactly as it was sent; tell your administrator.',
    );
  }
  return { fileName: `statement-${row.statement_date}-${statementId}.pdf`, bytes, guarantorId: row.guarantor_id };
}

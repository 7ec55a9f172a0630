// The monthly statement run (ST-03): who is due (and who is held, and why); one statement per
// guarantor covering all their open accounts, credits listed with their refunds (issue 11), printed as one PDF sorted
// by ZIP code. The run is prepared, proved and released in release.ts; each statement is recorded
// with its number in the cycle, its amounts, the snapshot it was printed from, the SHA-256 of its
// PDF and the last ledger entry it covered. Past runs, and their batches printed again, are here.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import {
  statementDue,
  type AccountCycleState,
  type AccountStep,
  type HoldReason,
} from '../../../shared/rules/statementCycle';
import type { StatementListItem, StatementRunItem } from '../../../shared/schemas/statements';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createPdf, type Pdf } from '../../pdf/layout';
import { appendPages, type CapturedPage } from '../../pdf/pageCopy';
import { coalesceOutput } from '../../pdf/output';
import { statementRenderer, type StatementRenderer } from './renderPool';
import { decodeSnapshot } from '../../store/snapshotCodec';
import { renderStatement, statementPdf, type BatchStatement } from './statementPdf';
import type { Db } from '../../store/database';
import type { GuarantorsRow } from '../../store/schema';
import { guarantorName } from '../accounts';
import { activeAccountHolds, automaticHoldReasons, placedHoldsSql } from '../compliance';
import { activePlanAccounts } from '../plans';
import { statementPolicy } from '../../platform/settings';

export interface DueStatement {
  guarantorId: number;
  zip: string;
  name: string;
  kind: 'regular' | 'final_notice';
  number: number;
  lastStatementDate: string | null;
  /** The last ledger entry the last statement covered (null before marks were kept). */
  lastLedgerMark: number | null;
  /** The accounts the statement shows, each with its step in its own cycle. */
  accounts: AccountStep[];
  balanceCents: number;
}

export interface RunPlan {
  runDate: string;
  due: DueStatement[];
  dueCents: number;
  /**
   * Guarantors held whole, and guarantors with some accounts held (those accounts are left off): the
   * first HELD_LISTED of them in the run's order, by name. `heldCount` counts them all.
   */
  held: { guarantorId: number; name: string; holds: HoldReason[]; accountsOnly: boolean }[];
  heldCount: HeldCount;
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number; creditOrZero: number };
}

/** How many held guarantors a plan names. The proof and the preview list them; a book of a million may hold more. */
export const HELD_LISTED = 1_000;

/** Every held guarantor counted: held whole, with some accounts held, and the whole ones by each reason. */
export interface HeldCount {
  guarantors: number;
  accountsOnly: number;
  byReason: Partial<Record<HoldReason, number>>;
}

/** A guarantor row of the run's selection, as its columns come (raw: no object a row). */
type GuarantorDue = [
  id: number,
  zip: string,
  firstName: string,
  middleName: string,
  lastName: string,
  deceased: number,
  bankruptcy: number,
  fapStatus: GuarantorsRow['fap_status'],
  mailReturnedOn: string | null,
  placedHolds: string | null,
];

/** An account of a guarantor who may be due: its id, balance, whether its final notice went, statements of its cycle sent. */
type AccountDue = [id: number, balanceCents: number, finalSent: number, sent: number];

/**
 * Who is due a statement on the run date, and who is held or skipped, and why: one pass over the
 * guarantors with a balance, and for each one not held whole, their accounts and last statement.
 * `heldListed`: how many held guarantors to name (HELD_LISTED).
 */
export function planRun(db: Db, runDate: string, heldListed = HELD_LISTED): RunPlan {
  const policy = statementPolicy(db);
  const accountHolds = activeAccountHolds(db, runDate);
  // PP-01/PP-02: accounts on an active plan get the plan's payment on a monthly statement, not dunning.
  const onPlan = new Set(activePlanAccounts(db));
  const plan: RunPlan = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    heldCount: { guarantors: 0, accountsOnly: 0, byReason: {} },
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0, creditOrZero: 0 },
  };
  const listHeld = (h: RunPlan['held'][number]) => {
    if (plan.held.length < heldListed) plan.held.push(h);
  };
  // A guarantor held whole, counted once for each reason they are held for.
  const byReason = plan.heldCount.byReason;
  const countHeldWhole = (holds: HoldReason[]) => {
    plan.heldCount.guarantors++;
    for (const reason of new Set(holds)) byReason[reason] = (byReason[reason] ?? 0) + 1;
  };
  // Issue 11: guarantors who owe on an account but whose credits cover it get no statement at all:
  // those with an account above zero (counted from accounts_open) less those among the guarantors
  // with a balance (counted as they are read).
  let owingOnAnAccount = db
    .prepare('SELECT count(DISTINCT guarantor_id) FROM accounts WHERE balance_cents > 0')
    .pluck()
    .get() as number;
  // The guarantors with a balance in the run's order (ZIP, name) from the index
  // guarantors_statement_order (migration 028), each with the reasons of the holds placed on them
  // (holds_active_guarantor, migration 034): no sort, no read of either table.
  const guarantors = db
    .prepare(
      `SELECT g.id, g.zip, g.first_name, g.middle_name, g.last_name, g.deceased, g.bankruptcy, g.fap_status,
              g.mail_returned_on, ${placedHoldsSql('g.id')} AS placed
         FROM guarantors g WHERE g.balance_cents > 0 ORDER BY g.zip, g.last_name, g.first_name, g.id`,
    )
    .raw()
    .iterate({ runDate }) as IterableIterator<GuarantorDue>;
  // A guarantor's accounts with a balance in service-date order, from accounts_statement (whose
  // condition 'abs(balance_cents) > 0', the accounts of '<> 0', this repeats word for word), with the
  // statements of each account's cycle sent: read only for a guarantor not held whole (issue 18: at a
  // million guarantors, reading every held guarantor's accounts was most of the plan's time).
  const accountsOf = db
    .prepare(
      `SELECT a.id, a.balance_cents, a.final_notice_date IS NOT NULL,
              (SELECT count(*) FROM statement_accounts sa WHERE sa.account_id = a.id AND sa.step <> 'after_notice')
         FROM accounts a WHERE a.guarantor_id = ? AND abs(a.balance_cents) > 0 ORDER BY a.service_from, a.id`,
    )
    .raw();
  // The last statement (its date and the ledger entry it covered), from the index statements_guarantor.
  const lastStatement = db.prepare(
    'SELECT statement_date AS last_date, ledger_mark AS last_mark FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC LIMIT 1',
  );
  for (const [
    id,
    zip,
    firstName,
    middleName,
    lastName,
    deceased,
    bankruptcy,
    fap,
    mailReturned,
    placed,
  ] of guarantors) {
    const nameOf = () => guarantorName({ first_name: firstName, middle_name: middleName, last_name: lastName });
    const holds: HoldReason[] = [
      ...automaticHoldReasons({
        deceased: deceased === 1,
        bankruptcy: bankruptcy === 1,
        fapPending: fap === 'pending',
        mailReturned: mailReturned !== null,
      }),
      ...(placed === null ? [] : (placed.split(',') as HoldReason[])),
    ];
    if (holds.length > 0) {
      // Held whole (statementDue: a guarantor owing on some account and held gets no statement). A
      // guarantor's balance is the sum of its accounts' (accounts/rows.ts moveBalance moves both),
      // so with it above zero some account owes: the accounts need not be read to know it.
      owingOnAnAccount--;
      countHeldWhole(holds);
      listHeld({ guarantorId: id, name: nameOf(), holds, accountsOnly: false });
      continue;
    }
    const list: AccountCycleState[] = [];
    let owing = false;
    for (const [accountId, balanceCents, finalSent, sent] of accountsOf.all(id) as AccountDue[]) {
      if (balanceCents > 0) owing = true;
      list.push({
        accountId,
        balanceCents,
        sentCount: sent,
        finalNoticeSent: finalSent === 1,
        holds: accountHolds.get(accountId) ?? [],
        onPlan: onPlan.has(accountId),
      });
    }
    if (owing) owingOnAnAccount--;
    const last = lastStatement.get(id) as { last_date: string; last_mark: number | null } | undefined;
    const lastDate = last?.last_date ?? null;
    const lastMark = last?.last_mark ?? null;
    const d = statementDue({ lastStatementDate: lastDate, holds, accounts: list }, runDate, policy);
    if (d.due) {
      // What the guarantor owes on the accounts shown (a credit is refunded, not subtracted; a plan's
      // payment may ask for less).
      const shown = new Set(d.accounts.map((a) => a.accountId));
      const cents = list
        .filter((a) => shown.has(a.accountId) && a.balanceCents > 0)
        .reduce((t, a) => t + a.balanceCents, 0);
      const name = nameOf();
      plan.due.push({
        guarantorId: id,
        zip,
        name,
        kind: d.kind,
        number: d.number,
        lastStatementDate: lastDate,
        lastLedgerMark: lastMark,
        accounts: d.accounts,
        balanceCents: cents,
      });
      plan.dueCents += cents;
      if (d.heldAccounts.length > 0) {
        plan.heldCount.accountsOnly++;
        listHeld({
          guarantorId: id,
          name,
          holds: [...new Set(d.heldAccounts.flatMap((h) => h.holds))],
          accountsOnly: true,
        });
      }
    } else if (d.why === 'held') {
      // Every account owing is held on its own: held whole, for those accounts' reasons.
      countHeldWhole(d.holds ?? []);
      listHeld({ guarantorId: id, name: nameOf(), holds: d.holds ?? [], accountsOnly: false });
    } else if (d.why === 'below_minimum') plan.skipped.belowMinimum++;
    else if (d.why === 'not_yet') plan.skipped.notYet++;
    else if (d.why === 'cycle_complete') plan.skipped.cycleComplete++;
    else if (d.why === 'credit_or_zero') plan.skipped.creditOrZero++;
  }
  plan.skipped.creditOrZero += owingOnAnAccount;
  return plan;
}

/** Writes the batch into `out` as its pages come, and resolves once `out` has taken all of it. */
export function streamBatch(batch: Pdf, out: Writable): Promise<void> {
  // In pieces of some 64 KB, not a chunk for every piece of every object (pdf/output.ts: the same bytes).
  coalesceOutput(batch);
  return pipeline(batch, out);
}

export interface RunHooks {
  onProgress?(count: number, total: number): void;
  isCancelled?(): boolean;
  pause?(): Promise<void>;
  /** Where the statements are drawn; worker threads beside the built app, by default. */
  renderer?: StatementRenderer;
}

/** Statements handled a chunk at a time, drawn by the renderer meanwhile. */
export const CHUNK = 64;

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
        `SELECT r.id, r.run_date, r.counts, u.full_name, s.full_name AS released_by
           FROM statement_runs r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN users s ON s.id = r.released_by
          WHERE r.status = 'released' ORDER BY r.run_date DESC, r.id DESC LIMIT 120`,
      )
      .all() as { id: number; run_date: string; counts: string; full_name: string | null; released_by: string | null }[]
  ).map((r) => {
    const c = JSON.parse(r.counts) as { statements?: number; finalNotices?: number; amountCents?: number };
    return {
      id: r.id,
      runDate: r.run_date,
      statements: c.statements ?? 0,
      finalNotices: c.finalNotices ?? 0,
      amountCents: c.amountCents ?? 0,
      by: r.full_name,
      releasedBy: r.released_by,
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
    const jobs: { rows: typeof rows; rendered: Promise<BatchStatement[]> }[] = [];
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

/** A recorded statement drawn again for a court packet: its pages, checked against the recorded hash. */
export interface RecordedStatement {
  id: number;
  statementDate: string;
  kind: 'regular' | 'final_notice';
  numberInCycle: number;
  dueDate: string;
  amountDueCents: number;
  sha256: string;
  runId: number;
  /** When the run was released for mailing (ISO time), null for runs recorded before release existed. */
  releasedAt: string | null;
  pages: CapturedPage[];
}

/**
 * A past statement's pages, drawn from what was recorded; refused, like reprintStatement, when the
 * drawing is not the bytes whose hash was recorded when it was sent.
 */
export async function recordedStatement(db: Db, statementId: number): Promise<RecordedStatement> {
  const row = db
    .prepare(
      `SELECT s.id, s.statement_date, s.kind, s.number_in_cycle, s.due_date, s.amount_due_cents, s.snapshot, s.sha256, s.run_id, r.released_at
         FROM statements s JOIN statement_runs r ON r.id = s.run_id WHERE s.id = ?`,
    )
    .get(statementId) as
    | {
        id: number;
        statement_date: string;
        kind: 'regular' | 'final_notice';
        number_in_cycle: number;
        due_date: string;
        amount_due_cents: number;
        snapshot: string;
        sha256: string;
        run_id: number;
        released_at: string | null;
      }
    | undefined;
  if (!row) throw new AppError('not_found', 'There is no such statement.');
  const rendered = await renderStatement(decodeSnapshot(row.snapshot));
  if (rendered.sha256 !== row.sha256)
    throw new AppError(
      'internal',
      `The ${row.kind === 'final_notice' ? 'final notice' : 'statement'} of ${row.statement_date} no longer reprints exactly as it was sent; tell your administrator.`,
    );
  return {
    id: row.id,
    statementDate: row.statement_date,
    kind: row.kind,
    numberInCycle: row.number_in_cycle,
    dueDate: row.due_date,
    amountDueCents: row.amount_due_cents,
    sha256: row.sha256,
    runId: row.run_id,
    releasedAt: row.released_at,
    pages: rendered.pages,
  };
}

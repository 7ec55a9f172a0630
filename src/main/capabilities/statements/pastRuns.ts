// Past statement runs and the statements they sent: a guarantor's statements, the runs released,
// and a run's batch, one statement or a statement's pages (a court packet) printed again from the
// snapshot recorded, each refused unless it gives the bytes whose SHA-256 was recorded when it was sent.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { StatementListItem, StatementRunItem } from '../../../shared/schemas/statements';
import type { Writable } from 'node:stream';
import { createPdf } from '../../pdf/layout';
import { appendPages, type CapturedPage } from '../../pdf/pageCopy';
import { statementRenderer } from './renderPool';
import { decodeSnapshot } from '../../store/snapshotCodec';
import { renderStatement, statementPdf, type BatchStatement } from './statementPdf';
import type { Db } from '../../store/database';
import { CHUNK, streamBatch, type RunHooks } from './batch';

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

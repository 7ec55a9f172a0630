// The monthly statement run (ST-03): who is due (and who is held, and why), then one statement per
// guarantor covering all their open accounts, printed as one PDF sorted by ZIP code. Each statement
// is recorded with its number in the cycle, its amounts, the snapshot it was printed from and the
// SHA-256 of its PDF. The first statement sets each account's D0 and the final notice its date
// (ECA-05). All in one transaction: a cancelled run records nothing. A second run on the same day
// finds nobody due.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { statementDue, type HoldReason } from '../../../shared/rules/statementCycle';
import type { FileOut } from '../../../shared/schemas/files';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import type { RecoupApp } from '../../app';
import { createPdf, pdfBytes, PAGE } from '../../documents/layout';
import { drawStatement, statementPdf } from '../../documents/statement';
import type { Db } from '../../store/database';
import { holdsOf } from '../holds';
import { statementPolicy } from '../settings';
import { buildSnapshot } from './snapshot';

export interface DueStatement {
  guarantorId: number;
  zip: string;
  name: string;
  kind: 'regular' | 'final_notice';
  number: number;
  lastStatementDate: string | null;
  balanceCents: number;
}

export interface RunPlan {
  runDate: string;
  due: DueStatement[];
  dueCents: number;
  held: { guarantorId: number; name: string; holds: HoldReason[] }[];
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number };
}

/** Who is due a statement on the run date, and who is held or skipped, and why. */
export function planRun(db: Db, runDate: string): RunPlan {
  const policy = statementPolicy(db);
  const rows = db
    .prepare(
      `SELECT g.id, g.zip, g.first_name || ' ' || g.last_name AS name,
              (SELECT coalesce(sum(a.balance_cents), 0) FROM accounts a WHERE a.guarantor_id = g.id AND a.balance_cents > 0) AS open_cents,
              (SELECT count(*) FROM statements s WHERE s.guarantor_id = g.id) AS sent,
              (SELECT max(statement_date) FROM statements s WHERE s.guarantor_id = g.id) AS last_date,
              EXISTS (SELECT 1 FROM statements s WHERE s.guarantor_id = g.id AND s.kind = 'final_notice') AS final_sent
         FROM guarantors g WHERE g.balance_cents > 0
        ORDER BY g.zip, g.last_name, g.first_name, g.id`,
    )
    .all() as {
    id: number;
    zip: string;
    name: string;
    open_cents: number;
    sent: number;
    last_date: string | null;
    final_sent: number;
  }[];
  const plan: RunPlan = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0 },
  };
  for (const r of rows) {
    const holds = holdsOf(db, r.id, runDate)
      .filter((h) => h.active)
      .map((h) => h.reason);
    const d = statementDue(
      {
        balanceCents: r.open_cents,
        sentCount: r.sent,
        lastStatementDate: r.last_date,
        finalNoticeSent: r.final_sent === 1,
        holds,
      },
      runDate,
      policy,
    );
    if (d.due) {
      plan.due.push({
        guarantorId: r.id,
        zip: r.zip,
        name: r.name,
        kind: d.kind,
        number: d.number,
        lastStatementDate: r.last_date,
        balanceCents: r.open_cents,
      });
      plan.dueCents += r.open_cents;
    } else if (d.why === 'held') plan.held.push({ guarantorId: r.id, name: r.name, holds: d.holds ?? [] });
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
  file: FileOut;
}

export async function runStatements(
  app: RecoupApp,
  runDate: string,
  by: number,
  hooks: { onProgress?(count: number, total: number): void; isCancelled?(): boolean; pause?(): Promise<void> } = {},
): Promise<RunResult> {
  const db = app.store.db;
  const policy = statementPolicy(db);
  const plan = planRun(db, runDate);
  if (plan.due.length === 0) throw new AppError('not_found', 'No statements are due today.');
  const batch = createPdf({ title: `Statements ${runDate}`, date: runDate });
  batch.on('pageAdded', () => {
    batch.page.margins.bottom = PAGE.margin;
  });
  const startedAt = app.nowIso();
  db.exec('BEGIN IMMEDIATE');
  try {
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
    // D0 and the final-notice date go on the accounts the statement showed.
    const setD0 = db.prepare(
      'UPDATE accounts SET first_statement_date = ? WHERE guarantor_id = ? AND account_number = ? AND first_statement_date IS NULL',
    );
    const setFinal = db.prepare(
      'UPDATE accounts SET final_notice_date = ? WHERE guarantor_id = ? AND account_number = ? AND final_notice_date IS NULL',
    );
    let sent = 0;
    let finalNotices = 0;
    let amount = 0;
    for (let i = 0; i < plan.due.length; i++) {
      const d = plan.due[i]!;
      const snapshot = buildSnapshot(db, d.guarantorId, {
        statementDate: runDate,
        numberInCycle: d.number,
        kind: d.kind,
        lastStatementDate: d.lastStatementDate,
        policy,
      });
      // Nothing owed as of the run date (every entry is dated later): no statement.
      if (snapshot.amountDueCents > 0) {
        const single = await statementPdf(snapshot);
        drawStatement(batch, snapshot, sent === 0);
        sent++;
        insert.run(
          runId,
          d.guarantorId,
          runDate,
          d.number,
          d.kind,
          snapshot.dueDate,
          snapshot.amountDueCents,
          JSON.stringify(snapshot),
          createHash('sha256').update(single).digest('hex'),
          d.zip,
        );
        for (const a of snapshot.accounts) setD0.run(runDate, d.guarantorId, a.accountNumber);
        if (d.kind === 'final_notice') {
          for (const a of snapshot.accounts) setFinal.run(runDate, d.guarantorId, a.accountNumber);
          finalNotices++;
        }
        amount += snapshot.amountDueCents;
      }
      if ((i + 1) % 25 === 0 || i === plan.due.length - 1) {
        hooks.onProgress?.(i + 1, plan.due.length);
        if (hooks.pause) await hooks.pause();
        if (hooks.isCancelled?.()) throw new RunCancelled();
      }
    }
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
    const bytes = await pdfBytes(batch);
    db.exec('COMMIT');
    return {
      runId,
      count: sent,
      finalNotices,
      amountCents: amount,
      file: { fileName: `statements-${runDate}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') },
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (err instanceof RunCancelled)
      throw new AppError('not_allowed', 'The statement run was cancelled; nothing was recorded.');
    throw err;
  }
}

/** A past statement, printed again from what was recorded; its bytes must match the recorded hash. */
export async function reprintStatement(db: Db, statementId: number): Promise<FileOut & { guarantorId: number }> {
  const row = db
    .prepare('SELECT guarantor_id, statement_date, snapshot, sha256 FROM statements WHERE id = ?')
    .get(statementId) as { guarantor_id: number; statement_date: string; snapshot: string; sha256: string } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such statement.');
  const bytes = await statementPdf(JSON.parse(row.snapshot) as StatementSnapshot);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError(
      'internal',
      'This statement no longer reprints exactly as it was sent; tell your administrator.',
    );
  }
  return {
    fileName: `statement-${row.statement_date}-${statementId}.pdf`,
    mimeType: 'application/pdf',
    base64: bytes.toString('base64'),
    guarantorId: row.guarantor_id,
  };
}

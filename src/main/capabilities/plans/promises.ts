// Promises to pay, logged from a call: kept when the guarantor's payments from the day of the
// promise to its due date reach the amount; broken when the due date passes without that.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { addPromiseInput, PromiseView } from '../../../shared/schemas/plans';
import type { Db } from '../../store/database';
import type { PromisesRow } from '../../store/schema';
import { entryStandsSql } from '../ledger';
import { refuseIfDeceased } from './suspension';

export function addPromise(
  db: Db,
  input: z.output<typeof addPromiseInput>,
  today: string,
  now: string,
  by: number,
): number {
  if (!db.prepare('SELECT 1 FROM guarantors WHERE id = ?').get(input.guarantorId))
    throw new AppError('not_found', 'There is no such guarantor.');
  refuseIfDeceased(db, input.guarantorId);
  if (input.dueDate < today)
    throw new AppError('invalid_input', 'A promise falls due today or later.', {
      dueDate: 'Choose today or a later date.',
    });
  if (input.activityId !== undefined) {
    const a = db.prepare('SELECT guarantor_id FROM activities WHERE id = ?').get(input.activityId) as
      { guarantor_id: number } | undefined;
    if (!a || a.guarantor_id !== input.guarantorId)
      throw new AppError('invalid_input', 'That call is not this guarantor’s.', {
        activityId: 'Choose this guarantor’s call.',
      });
  }
  return Number(
    db
      .prepare(
        'INSERT INTO promises (guarantor_id, amount_cents, promised_on, due_date, activity_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(input.guarantorId, input.amountCents, today, input.dueDate, input.activityId ?? null, now, by)
      .lastInsertRowid,
  );
}

const PAID_SQL = `SELECT coalesce(sum(-e.amount_cents), 0) FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
  WHERE a.guarantor_id = ? AND e.type IN ('patient_payment','payroll_deduction') AND e.effective_date BETWEEN ? AND ?
    AND ${entryStandsSql('e')}`;

/**
 * Decides open promises (of one guarantor, of a set of them, or all): kept once paid, broken once
 * the day passes. A set (a ledger change touching many guarantors) is read in one query, not one
 * per guarantor.
 */
export function evaluatePromises(
  db: Db,
  today: string,
  guarantors?: number | ReadonlySet<number>,
): { kept: number; broken: number } {
  type Open = Pick<PromisesRow, 'id' | 'guarantor_id' | 'amount_cents' | 'promised_on' | 'due_date'>;
  const all = `SELECT id, guarantor_id, amount_cents, promised_on, due_date FROM promises WHERE status = 'open'`;
  const open =
    typeof guarantors === 'number'
      ? (db.prepare(`${all} AND guarantor_id = ?`).all(guarantors) as Open[])
      : (db.prepare(all).all() as Open[]).filter((p) => guarantors === undefined || guarantors.has(p.guarantor_id));
  const paid = db.prepare(PAID_SQL).pluck();
  const resolve = db.prepare('UPDATE promises SET status = ?, resolved_on = ? WHERE id = ?');
  let kept = 0;
  let broken = 0;
  for (const p of open) {
    const upTo = today < p.due_date ? today : p.due_date;
    if ((paid.get(p.guarantor_id, p.promised_on, upTo) as number) >= p.amount_cents) {
      resolve.run('kept', today, p.id);
      kept++;
    } else if (today > p.due_date) {
      resolve.run('broken', today, p.id);
      broken++;
    }
  }
  return { kept, broken };
}

export function promisesOf(db: Db, guarantorId: number): PromiseView[] {
  const paid = db.prepare(PAID_SQL).pluck();
  return (
    db
      .prepare('SELECT * FROM promises WHERE guarantor_id = ? ORDER BY due_date DESC, id DESC')
      .all(guarantorId) as PromisesRow[]
  ).map((p) => ({
    id: p.id,
    amountCents: p.amount_cents,
    promisedOn: p.promised_on,
    dueDate: p.due_date,
    status: p.status,
    resolvedOn: p.resolved_on,
    paidCents: paid.get(guarantorId, p.promised_on, p.due_date) as number,
  }));
}

/**
 * A death suspends an open promise (issue 14); the day it was suspended is kept in resolved_on while
 * it is (the promises list shows it beside the status), so an undo of the death can move its due
 * date later by the days it was suspended.
 */
export function suspendPromise(db: Db, promiseId: number, on: string): void {
  db.prepare(`UPDATE promises SET status = 'suspended', resolved_on = ? WHERE id = ?`).run(on, promiseId);
}

/** An undo of the death reopens the promise, due on `dueDate` (its own, or moved later). */
export function reopenPromise(db: Db, promiseId: number, dueDate: string): void {
  db.prepare(`UPDATE promises SET status = 'open', resolved_on = NULL, due_date = ? WHERE id = ?`).run(
    dueDate,
    promiseId,
  );
}

/** The estate ended (issue 14): a promise the death suspended is cancelled, on that day. */
export function cancelSuspendedPromise(db: Db, promiseId: number, on: string): void {
  db.prepare(`UPDATE promises SET status = 'cancelled', resolved_on = ? WHERE id = ? AND status = 'suspended'`).run(
    on,
    promiseId,
  );
}

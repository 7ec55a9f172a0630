// The activity log (calls, letters, visits, notes with their outcomes) and follow-up tasks.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type {
  addFollowUpInput,
  closeFollowUpInput,
  logActivityInput,
  FollowUpView,
} from '../../../shared/schemas/accounts';
import type { Db } from '../../store/database';
import type { FollowUpsRow } from '../../store/schema';
import { prepared } from '../../store/prepared';
import { addressKey, bouncedAddress, clearMailReturned, guarantorRow, markMailReturned } from './rows';

function checkAccountBelongs(db: Db, guarantorId: number, accountId: number | undefined): void {
  if (accountId === undefined) return;
  const row = db.prepare('SELECT guarantor_id FROM accounts WHERE id = ?').get(accountId) as
    { guarantor_id: number } | undefined;
  if (!row || row.guarantor_id !== guarantorId)
    throw new AppError('invalid_input', 'That account is not this guarantor’s.', {
      accountId: 'Choose one of this guarantor’s accounts.',
    });
}

export function logActivity(db: Db, input: z.output<typeof logActivityInput>, by: number | null, now: string): number {
  guarantorRow(db, input.guarantorId);
  checkAccountBelongs(db, input.guarantorId, input.accountId);
  const info = db
    .prepare(
      `INSERT INTO activities (guarantor_id, account_id, kind, direction, outcome, note, occurred_on, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.guarantorId,
      input.accountId ?? null,
      input.kind,
      input.direction ?? null,
      input.outcome,
      input.note,
      input.occurredOn,
      now,
      by,
    );
  // Issue 11: returned mail stops mail until the address is corrected.
  if (input.outcome === 'returned_mail') markMailReturned(db, input.guarantorId, input.occurredOn, now);
  return Number(info.lastInsertRowid);
}

/**
 * Issue 11: a corrected address ends the returned-mail hold, with a line in the activity log saying
 * who or what corrected it. Nothing when the guarantor's mail had not come back.
 */
export function releaseReturnedMail(
  db: Db,
  guarantorId: number,
  how: string,
  on: string,
  now: string,
  by: number | null,
): boolean {
  const returned = clearMailReturned(db, guarantorId, now);
  if (returned === null) return false;
  prepared(
    db,
    `INSERT INTO activities (guarantor_id, kind, outcome, note, occurred_on, created_at, created_by) VALUES (?, 'note', 'noted', ?, ?, ?, ?)`,
  ).run(
    guarantorId,
    `Address corrected (${how}); mail held since it came back on ${returned} goes out again.`,
    on,
    now,
    by,
  );
  return true;
}

/**
 * Issue 11: the billing system's extract changed the guarantor's address. A real change ends a
 * returned-mail hold; a change that is no change to the post office (a ZIP+4, letter case) does
 * not; and the address the mail came back from, brought back, holds the mail again.
 */
export function addressFromExtract(
  db: Db,
  guarantorId: number,
  address: { address_line1: string; address_line2: string; city: string; state: string; zip: string },
  on: string,
  now: string,
  by: number | null,
): void {
  const bounced = bouncedAddress(db, guarantorId);
  const same = bounced !== null && addressKey(address) === bounced;
  if (!same) {
    releaseReturnedMail(db, guarantorId, 'the billing system’s extract', on, now, by);
    return;
  }
  const held = prepared<[number], string | null>(db, 'SELECT mail_returned_on FROM guarantors WHERE id = ?')
    .pluck()
    .get(guarantorId) as string | null;
  if (held !== null) return; // still held: the extract did not correct it
  markMailReturned(db, guarantorId, on, now);
  prepared(
    db,
    `INSERT INTO activities (guarantor_id, kind, outcome, note, occurred_on, created_at, created_by) VALUES (?, 'note', 'noted', ?, ?, ?, ?)`,
  ).run(
    guarantorId,
    'The billing system’s extract brought back the address mail came back from: statements and letters are held again until it is corrected there.',
    on,
    now,
    by,
  );
}

/** A letter Recoup printed and sent, in the guarantor's activity log. */
export function recordLetterSent(
  db: Db,
  guarantorId: number,
  note: string,
  sentOn: string,
  now: string,
  by: number | null,
): void {
  prepared(
    db,
    `INSERT INTO activities (guarantor_id, kind, outcome, note, occurred_on, created_at, created_by) VALUES (?, 'letter', 'sent', ?, ?, ?, ?)`,
  ).run(guarantorId, note, sentOn, now, by);
}

export function addFollowUp(db: Db, input: z.output<typeof addFollowUpInput>, by: number, now: string): number {
  guarantorRow(db, input.guarantorId);
  checkAccountBelongs(db, input.guarantorId, input.accountId);
  if (input.assigneeId !== undefined) {
    const u = db.prepare('SELECT active FROM users WHERE id = ?').get(input.assigneeId) as
      { active: number } | undefined;
    if (!u || u.active !== 1)
      throw new AppError('invalid_input', 'Assign the task to an active user.', {
        assigneeId: 'Choose an active user.',
      });
  }
  const info = db
    .prepare(
      `INSERT INTO follow_ups (guarantor_id, account_id, title, note, due_date, assignee_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.guarantorId,
      input.accountId ?? null,
      input.title,
      input.note,
      input.dueDate,
      input.assigneeId ?? by,
      now,
      by,
    );
  return Number(info.lastInsertRowid);
}

export function closeFollowUp(db: Db, input: z.output<typeof closeFollowUpInput>, by: number, now: string): number {
  const t = db.prepare('SELECT guarantor_id, status FROM follow_ups WHERE id = ?').get(input.followUpId) as
    { guarantor_id: number; status: string } | undefined;
  if (!t) throw new AppError('not_found', 'There is no such task.');
  if (t.status !== 'open') throw new AppError('not_allowed', 'This task is already closed.');
  db.prepare('UPDATE follow_ups SET status = ?, closed_at = ?, closed_by = ? WHERE id = ?').run(
    input.outcome,
    now,
    by,
    input.followUpId,
  );
  return t.guarantor_id;
}

/** A guarantor's follow-ups, open ones first by due date. */
export function followUpsOf(db: Db, guarantorId: number): FollowUpView[] {
  return (
    db
      .prepare(
        `SELECT t.*, u.full_name AS assignee_name FROM follow_ups t LEFT JOIN users u ON u.id = t.assignee_id
          WHERE t.guarantor_id = ?
          ORDER BY t.status = 'open' DESC, t.due_date, t.id`,
      )
      .all(guarantorId) as (FollowUpsRow & { assignee_name: string | null })[]
  ).map((r) => ({
    id: r.id,
    guarantorId: r.guarantor_id,
    accountId: r.account_id,
    title: r.title,
    note: r.note,
    dueDate: r.due_date,
    assigneeId: r.assignee_id,
    assignee: r.assignee_name,
    status: r.status,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}

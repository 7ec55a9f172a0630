// The one module that writes a plan's tables (eslint/table-owners.mjs): plans, their accounts,
// installments, events and letters. Services decide; these functions only store.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { PlansRow } from '../../store/schema';

export type NewPlan = Omit<
  PlansRow,
  'id' | 'status' | 'status_since' | 'agreement_signed_on' | 'lapsed_on' | 'cure_deadline' | 'ledger_mark'
> & { status_since: string };

/**
 * A new plan, current from `status_since`. Its ledger mark is the last ledger entry now: what is
 * paid toward the plan is what is posted after it (progress.ts, paidTowardPlanSql).
 */
export function insertPlan(db: Db, p: NewPlan): number {
  return Number(
    prepared(
      db,
      `INSERT INTO plans (guarantor_id, policy_id, status, status_since, start_date, balance_cents, down_payment_cents, frequency,
                          day_of_month, first_due_date, installment_cents, installment_count, within_tier, approved_by,
                          approval_reason, fap_answer, replaces_plan_id, reaged, created_at, created_by, ledger_mark)
       VALUES (@guarantor_id, @policy_id, 'current', @status_since, @start_date, @balance_cents, @down_payment_cents, @frequency,
               @day_of_month, @first_due_date, @installment_cents, @installment_count, @within_tier, @approved_by,
               @approval_reason, @fap_answer, @replaces_plan_id, @reaged, @created_at, @created_by,
               (SELECT coalesce(max(id), 0) FROM ledger_entries))`,
    ).run(p).lastInsertRowid,
  );
}

/** The plan's accounts, each with the balance it carried when the plan was made. */
export function addPlanAccounts(db: Db, planId: number, accountIds: Iterable<number>): void {
  const add = prepared(
    db,
    'INSERT INTO plan_accounts (plan_id, account_id, balance_cents) VALUES (?, ?, (SELECT balance_cents FROM accounts WHERE id = ?))',
  );
  for (const a of new Set(accountIds)) add.run(planId, a, a);
}

export function addInstallments(
  db: Db,
  planId: number,
  installments: readonly { number: number; dueDate: string; amountCents: number }[],
): void {
  const add = prepared(
    db,
    'INSERT INTO plan_installments (plan_id, number, due_date, amount_cents) VALUES (?, ?, ?, ?)',
  );
  for (const i of installments) add.run(planId, i.number, i.dueDate, i.amountCents);
}

/** The lapse engine's step: the new status, since when, and the lapse's dates (null when cured or ended). */
export function setPlanStatus(
  db: Db,
  planId: number,
  s: { status: PlansRow['status']; since: string; lapsedOn: string | null; cureDeadline: string | null },
): void {
  prepared(db, 'UPDATE plans SET status = ?, status_since = ?, lapsed_on = ?, cure_deadline = ? WHERE id = ?').run(
    s.status,
    s.since,
    s.lapsedOn,
    s.cureDeadline,
    planId,
  );
}

/** A plan replaced by a new schedule or cancelled: its dates of lapse stay as history. */
export function endPlan(db: Db, planId: number, status: 'replaced' | 'cancelled', on: string): void {
  prepared(db, 'UPDATE plans SET status = ?, status_since = ? WHERE id = ?').run(status, on, planId);
}

export function setAgreementSigned(db: Db, planId: number, signedOn: string): void {
  prepared(db, 'UPDATE plans SET agreement_signed_on = ? WHERE id = ?').run(signedOn, planId);
}

export function recordEvent(
  db: Db,
  planId: number,
  e: {
    onDate: string;
    kind: string;
    from?: string | null;
    to?: string | null;
    reason: string;
    at: string;
    by: number | null;
  },
): void {
  prepared(
    db,
    'INSERT INTO plan_events (plan_id, on_date, kind, from_status, to_status, reason, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(planId, e.onDate, e.kind, e.from ?? null, e.to ?? null, e.reason, e.at, e.by);
}

/** PP-02: one lapse (cure) letter per lapse, queued the day the plan lapsed. */
export function queueLapseLetter(db: Db, planId: number, queuedOn: string, cureDeadline: string): void {
  prepared(
    db,
    `INSERT OR IGNORE INTO plan_letters (plan_id, kind, queued_on, cure_deadline) VALUES (?, 'lapse', ?, ?)`,
  ).run(planId, queuedOn, cureDeadline);
}

/**
 * Marks letters printed in a batch document. Each keeps what it said (`printedLetter`, JSON: the
 * letter's own drawing and its hash), so a court packet can draw that one letter again as it was sent.
 */
export function markLettersPrinted(
  db: Db,
  letters: readonly { id: number; printedLetter: string }[],
  on: string,
  documentId: number,
): void {
  const mark = prepared(db, 'UPDATE plan_letters SET printed_on = ?, document_id = ?, printed_letter = ? WHERE id = ?');
  for (const l of letters) mark.run(on, documentId, l.printedLetter, l.id);
}

/**
 * A death suspends a plan, an undo of it resumes the plan with the status it had (issue 14): only
 * the status and since when change; the lapse's dates stay as they were.
 */
export function setPlanSuspension(db: Db, planId: number, status: PlansRow['status'], since: string): void {
  prepared(db, 'UPDATE plans SET status = ?, status_since = ? WHERE id = ?').run(status, since, planId);
}

/**
 * An undo of a death moves the resumed plan's unpaid instalments later by the days it was suspended
 * (issue 14), and a lapse's cure deadline with them: the service says which, and to when.
 */
export function movePlanDates(
  db: Db,
  planId: number,
  installments: readonly { number: number; dueDate: string }[],
  cureDeadline?: string,
): void {
  const move = prepared(db, 'UPDATE plan_installments SET due_date = ? WHERE plan_id = ? AND number = ?');
  for (const i of installments) move.run(i.dueDate, planId, i.number);
  if (cureDeadline !== undefined)
    prepared(db, 'UPDATE plans SET cure_deadline = ? WHERE id = ?').run(cureDeadline, planId);
}

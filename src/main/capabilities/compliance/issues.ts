// The compliance issue log: anyone reports an issue with its category and, when it concerns one,
// the account; supervisors review, assign and resolve. Nothing is ever deleted.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { ComplianceIssueView, reportIssueInput } from '../../../shared/schemas/compliance';
import type { Db } from '../../store/database';

export function reportIssue(
  db: Db,
  input: z.output<typeof reportIssueInput>,
  today: string,
  by: number,
): { id: number; accountId: number | null } {
  if (input.accountId !== undefined && !db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(input.accountId)) {
    throw new AppError('invalid_input', 'There is no such account.', { accountId: 'Choose an account.' });
  }
  let accountId = input.accountId;
  if (accountId === undefined && input.accountNumber) {
    accountId = db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(input.accountNumber) as
      number | undefined;
    if (accountId === undefined)
      throw new AppError('invalid_input', `There is no account ${input.accountNumber}.`, {
        accountNumber: `There is no account ${input.accountNumber}; check the number or leave it empty.`,
      });
  }
  const id = Number(
    db
      .prepare(
        'INSERT INTO compliance_issues (category, description, account_id, reported_on, reported_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(input.category, input.description, accountId ?? null, today, by).lastInsertRowid,
  );
  return { id, accountId: accountId ?? null };
}

function issue(db: Db, id: number): { status: string } {
  const row = db.prepare('SELECT status FROM compliance_issues WHERE id = ?').get(id) as { status: string } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such issue.');
  return row;
}

export function assignIssue(db: Db, issueId: number, assigneeId: number): void {
  if (issue(db, issueId).status === 'resolved') throw new AppError('not_allowed', 'This issue is resolved.');
  const u = db.prepare('SELECT role, active FROM users WHERE id = ?').get(assigneeId) as
    { role: 'clerk' | 'supervisor' | 'administrator'; active: number } | undefined;
  if (!u || u.active !== 1)
    throw new AppError('invalid_input', 'Assign the issue to an active user.', {
      assigneeId: 'Choose an active user.',
    });
  db.prepare(`UPDATE compliance_issues SET assignee_id = ?, status = 'in_review' WHERE id = ?`).run(
    assigneeId,
    issueId,
  );
}

export function resolveIssue(db: Db, issueId: number, resolution: string, today: string, by: number): void {
  if (issue(db, issueId).status === 'resolved') throw new AppError('not_allowed', 'This issue is already resolved.');
  db.prepare(
    `UPDATE compliance_issues SET status = 'resolved', resolution = ?, resolved_on = ?, resolved_by = ? WHERE id = ?`,
  ).run(resolution, today, by, issueId);
}

/** Supervisors see every issue; others see those they reported or were assigned. */
export function listIssues(
  db: Db,
  user: { id: number; role: 'clerk' | 'supervisor' | 'administrator' },
): ComplianceIssueView[] {
  const all = roleAtLeast(user.role, 'supervisor');
  return (
    db
      .prepare(
        `SELECT c.*, a.account_number, rb.full_name AS reported_by_name, asg.full_name AS assignee_name, rs.full_name AS resolved_by_name
           FROM compliance_issues c LEFT JOIN accounts a ON a.id = c.account_id LEFT JOIN users rb ON rb.id = c.reported_by
           LEFT JOIN users asg ON asg.id = c.assignee_id LEFT JOIN users rs ON rs.id = c.resolved_by
          WHERE ? OR c.reported_by = ? OR c.assignee_id = ?
          ORDER BY c.status = 'resolved', c.reported_on DESC, c.id DESC`,
      )
      .all(all ? 1 : 0, user.id, user.id) as {
      id: number;
      category: ComplianceIssueView['category'];
      description: string;
      account_number: string | null;
      reported_on: string;
      reported_by_name: string | null;
      status: ComplianceIssueView['status'];
      assignee_name: string | null;
      resolution: string | null;
      resolved_on: string | null;
      resolved_by_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    category: r.category,
    description: r.description,
    accountNumber: r.account_number,
    reportedOn: r.reported_on,
    reportedBy: r.reported_by_name,
    status: r.status,
    assignee: r.assignee_name,
    resolution: r.resolution,
    resolvedOn: r.resolved_on,
    resolvedBy: r.resolved_by_name,
  }));
}

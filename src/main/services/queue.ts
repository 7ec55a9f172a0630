// The daily work queue: everything due today for this clerk or all clerks, ranked by a score of
// money at stake and urgency. The score (documented in docs/user-guide/work-queue.md):
//   money   = log10(1 + dollars at stake)      (the balance on a plan's accounts, the amount promised,
//                                               or the guarantor's balance for a follow-up)
//   urgency = lapsed plan: 2 + days since the lapse / 15 (at most 3); 4 when the cure deadline is
//             today or passed, 3 when it is within 3 days
//             defaulted plan: 2.5;  broken promise: 2 + days since / 10 (at most 3)
//             follow-up task: 1 when due today, 1.5 + days overdue / 7 (at most 2.5) when overdue
//   score   = money x urgency
// An item worked today leaves the queue for the rest of the business day (a lapse or default that
// happens again is a new item); it comes back tomorrow if it still needs work.
import { daysBetween, formatShortDate } from '../../shared/dates';
import { formatCents } from '../../shared/money';
import type { QueueItem, QueueKind } from '../../shared/schemas/plans';
import type { Db } from '../store/database';

function money(cents: number): number {
  return Math.log10(1 + Math.max(0, cents) / 100);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Filter {
  kind?: QueueKind | undefined;
  userId: number;
  all: boolean;
}

export function workQueue(db: Db, today: string, filter: Filter): { items: QueueItem[]; workedToday: number } {
  const worked = new Set(
    db.prepare('SELECT item_key FROM work_log WHERE worked_on = ?').pluck().all(today) as string[],
  );
  const mine = (owner: number | null) => filter.all || owner === filter.userId;
  const items: QueueItem[] = [];
  const want = (k: QueueKind) => filter.kind === undefined || filter.kind === k;
  const name = `g.first_name || ' ' || g.last_name`;

  if (want('lapsed_plan') || want('defaulted_plan')) {
    const rows = db
      .prepare(
        `SELECT p.id, p.status, p.status_since, p.lapsed_on, p.cure_deadline, p.created_by, p.guarantor_id, ${name} AS gname, u.full_name AS owner,
                (SELECT coalesce(sum(a.balance_cents), 0) FROM plan_accounts pa JOIN accounts a ON a.id = pa.account_id WHERE pa.plan_id = p.id) AS owed
           FROM plans p JOIN guarantors g ON g.id = p.guarantor_id LEFT JOIN users u ON u.id = p.created_by
          WHERE p.status = 'lapsed' OR (p.status = 'defaulted' AND p.status_since >= date(?, '-30 days'))`,
      )
      .all(today) as {
      id: number;
      status: string;
      status_since: string;
      lapsed_on: string | null;
      cure_deadline: string | null;
      created_by: number | null;
      guarantor_id: number;
      gname: string;
      owner: string | null;
      owed: number;
    }[];
    for (const r of rows) {
      if (!mine(r.created_by)) continue;
      if (r.status === 'lapsed' && want('lapsed_plan')) {
        const key = `plan:${r.id}:lapsed:${r.status_since}`;
        if (worked.has(key)) continue;
        const toCure = r.cure_deadline ? daysBetween(today, r.cure_deadline) : 99;
        const urgency = toCure <= 0 ? 4 : toCure <= 3 ? 3 : 2 + Math.min(1, daysBetween(r.status_since, today) / 15);
        items.push({
          key,
          kind: 'lapsed_plan',
          guarantorId: r.guarantor_id,
          guarantorName: r.gname,
          summary: `Plan #${r.id} lapsed ${formatShortDate(r.status_since)}; cure by ${r.cure_deadline ? formatShortDate(r.cure_deadline) : '—'}${toCure <= 0 ? ' (today or passed)' : ''}. ${formatCents(r.owed)} on the plan's accounts.`,
          amountCents: r.owed,
          date: r.cure_deadline ?? r.status_since,
          score: round2(money(r.owed) * urgency),
          assignee: r.owner,
        });
      }
      if (r.status === 'defaulted' && want('defaulted_plan')) {
        const key = `plan:${r.id}:defaulted:${r.status_since}`;
        if (worked.has(key)) continue;
        items.push({
          key,
          kind: 'defaulted_plan',
          guarantorId: r.guarantor_id,
          guarantorName: r.gname,
          summary: `Plan #${r.id} defaulted ${formatShortDate(r.status_since)}. ${formatCents(r.owed)} returns to the collection cycle.`,
          amountCents: r.owed,
          date: r.status_since,
          score: round2(money(r.owed) * 2.5),
          assignee: r.owner,
        });
      }
    }
  }

  if (want('broken_promise')) {
    const rows = db
      .prepare(
        `SELECT p.id, p.amount_cents, p.due_date, p.resolved_on, p.created_by, p.guarantor_id, ${name} AS gname, u.full_name AS owner
           FROM promises p JOIN guarantors g ON g.id = p.guarantor_id LEFT JOIN users u ON u.id = p.created_by
          WHERE p.status = 'broken' AND p.resolved_on >= date(?, '-30 days')`,
      )
      .all(today) as {
      id: number;
      amount_cents: number;
      due_date: string;
      resolved_on: string;
      created_by: number | null;
      guarantor_id: number;
      gname: string;
      owner: string | null;
    }[];
    for (const r of rows) {
      const key = `promise:${r.id}`;
      if (!mine(r.created_by) || worked.has(key)) continue;
      items.push({
        key,
        kind: 'broken_promise',
        guarantorId: r.guarantor_id,
        guarantorName: r.gname,
        summary: `Promised ${formatCents(r.amount_cents)} by ${formatShortDate(r.due_date)}; not paid.`,
        amountCents: r.amount_cents,
        date: r.due_date,
        score: round2(money(r.amount_cents) * (2 + Math.min(1, daysBetween(r.resolved_on, today) / 10))),
        assignee: r.owner,
      });
    }
  }

  if (want('task')) {
    const rows = db
      .prepare(
        `SELECT t.id, t.title, t.due_date, t.assignee_id, t.guarantor_id, ${name} AS gname, g.balance_cents, u.full_name AS owner
           FROM tasks t JOIN guarantors g ON g.id = t.guarantor_id LEFT JOIN users u ON u.id = t.assignee_id
          WHERE t.status = 'open' AND t.due_date <= ?`,
      )
      .all(today) as {
      id: number;
      title: string;
      due_date: string;
      assignee_id: number | null;
      guarantor_id: number;
      gname: string;
      balance_cents: number;
      owner: string | null;
    }[];
    for (const r of rows) {
      const key = `task:${r.id}`;
      if (!mine(r.assignee_id) || worked.has(key)) continue;
      const overdue = daysBetween(r.due_date, today);
      items.push({
        key,
        kind: 'task',
        guarantorId: r.guarantor_id,
        guarantorName: r.gname,
        summary: `${r.title}${overdue > 0 ? ` (${overdue} day${overdue === 1 ? '' : 's'} overdue)` : ''}`,
        amountCents: r.balance_cents,
        date: r.due_date,
        score: round2(money(r.balance_cents) * (overdue > 0 ? 1.5 + Math.min(1, overdue / 7) : 1)),
        assignee: r.owner,
      });
    }
  }

  items.sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
  const workedToday = (
    filter.all
      ? db.prepare('SELECT count(*) FROM work_log WHERE worked_on = ?').pluck().get(today)
      : db
          .prepare('SELECT count(*) FROM work_log WHERE worked_on = ? AND user_id = ?')
          .pluck()
          .get(today, filter.userId)
  ) as number;
  return { items, workedToday };
}

export function markWorked(db: Db, key: string, outcome: string, today: string, now: string, userId: number): void {
  db.prepare('INSERT INTO work_log (item_key, worked_on, user_id, outcome, at) VALUES (?, ?, ?, ?, ?)').run(
    key,
    today,
    userId,
    outcome,
    now,
  );
}

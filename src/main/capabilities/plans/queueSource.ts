// What payment plans put in the clerk's work queue: lapsed plans (until cured or defaulted),
// plans defaulted in the last 30 days, and promises broken in the last 30 days. Each item belongs
// to the clerk who made the plan or took the promise.
import { daysBetween, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { guarantorName } from '../accounts';

export const plansQueueSource: QueueSource = {
  kinds: ['lapsed_plan', 'defaulted_plan', 'broken_promise'],
  items(db, today, want, only) {
    const items: QueueCandidate[] = [];
    // The kept queue revalidating some guarantors: their plans and promises only (by guarantor), not
    // every lapsed or defaulted plan and broken promise (a scan of the plans and promises at 1M).
    const onlyIds = only ? JSON.stringify([...only]) : null;
    const ofOnly = (alias: string) =>
      onlyIds === null ? '' : ` AND ${alias}.guarantor_id IN (SELECT value FROM json_each(@only))`;
    if (want('lapsed_plan') || want('defaulted_plan')) {
      const rows = db
        .prepare(
          `SELECT p.id, p.status, p.status_since, p.cure_deadline, p.created_by, p.guarantor_id,
                  g.first_name, g.middle_name, g.last_name, u.full_name AS owner,
                  (SELECT coalesce(sum(max(a.balance_cents, 0)), 0) FROM plan_accounts pa JOIN accounts a ON a.id = pa.account_id WHERE pa.plan_id = p.id) AS owed
             FROM plans p JOIN guarantors g ON g.id = p.guarantor_id LEFT JOIN users u ON u.id = p.created_by
            WHERE (p.status = 'lapsed' OR (p.status = 'defaulted' AND p.status_since >= date(@today, '-30 days')))${ofOnly('p')}`,
        )
        .all({ today, ...(onlyIds === null ? {} : { only: onlyIds }) }) as {
        id: number;
        status: 'lapsed' | 'defaulted';
        status_since: string;
        cure_deadline: string | null;
        created_by: number | null;
        guarantor_id: number;
        first_name: string;
        middle_name: string;
        last_name: string;
        owner: string | null;
        owed: number;
      }[];
      for (const r of rows) {
        // Each item is built whole, without spreading a shared base: the queue is thousands of items.
        const name = guarantorName(r);
        if (r.status === 'lapsed' && want('lapsed_plan')) {
          const toCure = r.cure_deadline ? daysBetween(today, r.cure_deadline) : null;
          items.push({
            key: `plan:${r.id}:lapsed:${r.status_since}`,
            kind: 'lapsed_plan',
            guarantorId: r.guarantor_id,
            guarantorName: name,
            summary: `Plan #${r.id} lapsed ${formatShortDate(r.status_since)}; cure by ${r.cure_deadline ? formatShortDate(r.cure_deadline) : '—'}${toCure !== null && toCure <= 0 ? ' (today or passed)' : ''}. ${formatCents(r.owed)} on the plan's accounts.`,
            amountCents: r.owed,
            date: r.cure_deadline ?? r.status_since,
            score: queueScore(r.owed, URGENCY.lapsedPlan(toCure, daysBetween(r.status_since, today))),
            assignee: r.owner,
            ownerId: r.created_by,
          });
        }
        if (r.status === 'defaulted' && want('defaulted_plan')) {
          items.push({
            key: `plan:${r.id}:defaulted:${r.status_since}`,
            kind: 'defaulted_plan',
            guarantorId: r.guarantor_id,
            guarantorName: name,
            summary: `Plan #${r.id} defaulted ${formatShortDate(r.status_since)}. ${formatCents(r.owed)} returns to the collection cycle.`,
            amountCents: r.owed,
            date: r.status_since,
            score: queueScore(r.owed, URGENCY.defaultedPlan),
            assignee: r.owner,
            ownerId: r.created_by,
          });
        }
      }
    }
    if (want('broken_promise')) {
      const rows = db
        .prepare(
          `SELECT p.id, p.amount_cents, p.due_date, p.resolved_on, p.created_by, p.guarantor_id,
                  g.first_name, g.middle_name, g.last_name, u.full_name AS owner
             FROM promises p JOIN guarantors g ON g.id = p.guarantor_id LEFT JOIN users u ON u.id = p.created_by
            WHERE p.status = 'broken' AND p.resolved_on >= date(@today, '-30 days')${ofOnly('p')}`,
        )
        .all({ today, ...(onlyIds === null ? {} : { only: onlyIds }) }) as {
        id: number;
        amount_cents: number;
        due_date: string;
        resolved_on: string;
        created_by: number | null;
        guarantor_id: number;
        first_name: string;
        middle_name: string;
        last_name: string;
        owner: string | null;
      }[];
      for (const r of rows) {
        items.push({
          key: `promise:${r.id}`,
          kind: 'broken_promise',
          guarantorId: r.guarantor_id,
          guarantorName: guarantorName(r),
          summary: `Promised ${formatCents(r.amount_cents)} by ${formatShortDate(r.due_date)}; not paid.`,
          amountCents: r.amount_cents,
          date: r.due_date,
          score: queueScore(r.amount_cents, URGENCY.brokenPromise(daysBetween(r.resolved_on, today))),
          assignee: r.owner,
          ownerId: r.created_by,
        });
      }
    }
    return items;
  },
};

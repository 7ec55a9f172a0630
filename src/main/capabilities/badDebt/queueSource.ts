// What Medicare bad debt puts in the work queue (kind bad_debt): for supervisors, write-offs
// proposed and waiting for a decision; for clerks, Medicare accounts whose first bill (BD-04) is
// due within 14 days of today and not yet sent (a bill later than 120 days after the remittance
// makes the account's deductible and coinsurance unallowable). Scored with the queue's one formula.
import { addDays, daysBetween, formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { badDebtClock } from '../../../shared/rules/badDebt';
import { queueScore } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { badDebtPolicy } from '../../platform/settings';
import type { GuarantorsRow } from '../../store/schema';
import { guarantorName } from '../accounts';
import { gatherAccounts, MEDICARE_OWING } from './clock';

/** How many days before the BD-04 deadline the clerk is reminded. */
export const FIRST_BILL_WARNING_DAYS = 14;

export const badDebtQueueSource: QueueSource = {
  kinds: ['bad_debt'],
  items(db, today, want, only) {
    if (!want('bad_debt')) return [];
    // The kept queue revalidating some guarantors: their accounts only (by accounts_guarantor).
    const onlyIds = only ? JSON.stringify([...only]) : null;
    const ofOnly = onlyIds === null ? '' : ' AND a.guarantor_id IN (SELECT value FROM json_each(@only))';
    const names = new Map<number, string>();
    const nameOf = (guarantorId: number): string => {
      let n = names.get(guarantorId);
      if (n === undefined) {
        const g = db
          .prepare('SELECT first_name, middle_name, last_name FROM guarantors WHERE id = ?')
          .get(guarantorId) as Pick<GuarantorsRow, 'first_name' | 'middle_name' | 'last_name'>;
        n = guarantorName(g);
        names.set(guarantorId, n);
      }
      return n;
    };
    const items: QueueCandidate[] = [];
    const proposed = db
      .prepare(
        `SELECT w.id, w.amount_cents, w.proposed_at, a.account_number, a.guarantor_id
           FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id WHERE w.status = 'proposed'${ofOnly} ORDER BY w.id`,
      )
      .all(...(onlyIds === null ? [] : [{ only: onlyIds }])) as {
      id: number;
      amount_cents: number;
      proposed_at: string;
      account_number: string;
      guarantor_id: number;
    }[];
    for (const p of proposed) {
      items.push({
        key: `bad_debt:decide:${p.id}`,
        kind: 'bad_debt',
        guarantorId: p.guarantor_id,
        guarantorName: nameOf(p.guarantor_id),
        summary: `Approve or reject the Medicare bad-debt write-off of ${formatCents(p.amount_cents)} on account ${p.account_number}.`,
        amountCents: p.amount_cents,
        date: p.proposed_at.slice(0, 10),
        score: queueScore(p.amount_cents, 2),
        assignee: null,
        ownerId: null,
        forSupervisors: true,
      });
    }
    const policy = badDebtPolicy(db);
    // Only accounts whose latest remittance puts the BD-04 deadline within the warning days are
    // gathered (the rule then decides): the queue is asked often, and most accounts are far from it.
    const scope = {
      where: `${MEDICARE_OWING.where} AND max(coalesce(a.medicare_ra_date, ''), coalesce(a.secondary_ra_date, ''),
          coalesce(a.medicaid_ra_date, ''),
          coalesce((SELECT f.secondary_denied_on FROM bad_debt_facts f WHERE f.account_id = a.id), ''))
        BETWEEN @earliest AND @latest`,
      params: {
        earliest: addDays(today, -policy.firstBillDays),
        latest: addDays(today, FIRST_BILL_WARNING_DAYS - policy.firstBillDays),
        ...(onlyIds === null ? {} : { only: onlyIds }),
      },
    };
    // The Medicare accounts that owe, from their own index (migration 027) by their remittance dates,
    // not every account that owes (the planner, without statistics, takes accounts_open and the table).
    const ids = db
      .prepare(
        onlyIds === null
          ? `SELECT a.id FROM accounts a INDEXED BY accounts_medicare_owing WHERE ${scope.where}`
          : `SELECT a.id FROM accounts a INDEXED BY accounts_guarantor WHERE ${scope.where}${ofOnly}`,
      )
      .pluck()
      .all(scope.params) as number[];
    const near: { where: string; params: Record<string, unknown> } = {
      where: 'a.id IN (SELECT value FROM json_each(@ids))',
      params: { ids: JSON.stringify(ids) },
    };
    for (const g of ids.length === 0 ? [] : gatherAccounts(db, near).values()) {
      const clock = badDebtClock(g.facts, policy, today);
      if (!clock.medicare || clock.latestRemittance === null || clock.firstBill !== null) continue;
      if (clock.kind !== 'ordinary' && policy.indigentSkipsClock) continue;
      if (clock.allowableCents <= 0) continue;
      const due = addDays(clock.latestRemittance, policy.firstBillDays);
      const left = daysBetween(today, due);
      if (left < 0 || left > FIRST_BILL_WARNING_DAYS) continue;
      items.push({
        key: `bad_debt:first_bill:${g.account.id}:${due}`,
        kind: 'bad_debt',
        guarantorId: g.account.guarantor_id,
        guarantorName: nameOf(g.account.guarantor_id),
        summary: `Send the first bill for Medicare account ${g.account.account_number} by ${formatLongDate(due)} (BD-04: ${policy.firstBillDays} days after the remittance), or ${formatCents(clock.allowableCents)} of deductible and coinsurance cannot be claimed.`,
        amountCents: clock.allowableCents,
        date: due,
        score: queueScore(clock.allowableCents, left <= 3 ? 4 : left <= 7 ? 3 : 2),
        assignee: null,
        ownerId: null,
      });
    }
    return items;
  },
};

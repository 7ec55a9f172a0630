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
    const firstBillWindow = {
      earliest: addDays(today, -policy.firstBillDays),
      latest: addDays(today, FIRST_BILL_WARNING_DAYS - policy.firstBillDays),
    };
    const latestRemittance = `max(coalesce(a.medicare_ra_date, ''), coalesce(a.secondary_ra_date, ''),
          coalesce(a.medicaid_ra_date, ''),
          coalesce((SELECT f.secondary_denied_on FROM bad_debt_facts f WHERE f.account_id = a.id), ''))`;
    // An account whose first statement is on or after its latest remittance has its first bill
    // (gatherAccounts counts the first statement as one; BD-04): the clock would pass it over, so it
    // is not gathered (at 1M all 10,715 in a window were such, 0.4 s of gathering for no item).
    const where = `${MEDICARE_OWING.where} AND ${latestRemittance} BETWEEN @earliest AND @latest
        AND (a.first_statement_date IS NULL OR a.first_statement_date < ${latestRemittance})`;
    // The whole book: the greatest of the dates is in the window only if one of them is, so the
    // candidates are those with a date in it, each date read from its own index (migrations 027 and
    // 036), and the greatest is checked on those few; not every owing Medicare account with a probe
    // of its facts (0.67 s a build at 1M). Some guarantors: their accounts (by accounts_guarantor).
    const inWindow = (column: string, index: string) =>
      `SELECT w.id FROM accounts w INDEXED BY ${index}
        WHERE w.payer_class = 'medicare' AND w.balance_cents > 0 AND w.${column} BETWEEN @earliest AND @latest`;
    const ids = db
      .prepare(
        onlyIds === null
          ? `SELECT a.id FROM accounts a WHERE a.id IN (
               ${inWindow('medicare_ra_date', 'accounts_medicare_owing')}
               UNION ${inWindow('secondary_ra_date', 'accounts_medicare_secondary_ra')}
               UNION ${inWindow('medicaid_ra_date', 'accounts_medicare_medicaid_ra')}
               UNION SELECT f.account_id FROM bad_debt_facts f INDEXED BY bad_debt_facts_secondary_denied
                      WHERE f.secondary_denied_on BETWEEN @earliest AND @latest)
             AND ${where}`
          : `SELECT a.id FROM accounts a INDEXED BY accounts_guarantor WHERE ${where}${ofOnly}`,
      )
      .pluck()
      .all({ ...firstBillWindow, ...(onlyIds === null ? {} : { only: onlyIds }) }) as number[];
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

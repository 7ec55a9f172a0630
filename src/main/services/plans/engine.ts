// The lapse engine (PP-02), run on the business date: every active plan's progress is worked out
// from the ledger; a plan with an installment unpaid past grace lapses and a lapse (cure) letter is
// queued, giving the patient the cure period from that letter; unpaid past the cure deadline, or
// with the policy's number of missed installments, it defaults and goes back to the collection
// cycle and the work queue; a payment that brings it current makes it current again. Every change
// is an event with its reason and date. Running twice on one day changes nothing the second time.
import type { DailyRunSummary } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { addDays, formatShortDate } from '../../../shared/dates';
import { planProgress, type PlanPayment } from '../../../shared/rules/planProgress';
import type { PlanPolicy } from '../../../shared/schemas/plans';
import type { Db } from '../../store/database';
import { statement } from '../../store/statements';
import { policyById } from './policy';
import { PAYING_TYPES, planInstallments, planPayments, type PlanRow } from './progress';
import { recordEvent } from './setup';
import { evaluatePromises } from './promises';

export type DailyRunResult = DailyRunSummary;

export function runDaily(
  db: Db,
  today: string,
  now: string,
  by: number | null,
  options: { markRun?: boolean } = {},
): DailyRunResult {
  const last = db.prepare(`SELECT value FROM meta WHERE key = 'plans_last_run'`).pluck().get() as string | undefined;
  const result: DailyRunResult = {
    firstRunToday: last === undefined || last < today,
    runOn: today,
    plansChecked: 0,
    lapsed: 0,
    cured: 0,
    defaulted: 0,
    completed: 0,
    lettersQueued: 0,
    promisesKept: 0,
    promisesBroken: 0,
  };
  db.transaction(() => {
    const plans = db.prepare(`SELECT * FROM plans WHERE status IN ('current','lapsed') ORDER BY id`).all() as PlanRow[];
    if (plans.length > 0) {
      // Everything the run needs, in three queries rather than three per plan.
      const installments = new Map<number, { number: number; dueDate: string; amountCents: number }[]>();
      for (const r of db
        .prepare(
          `SELECT i.plan_id, i.number, i.due_date, i.amount_cents FROM plan_installments i JOIN plans p ON p.id = i.plan_id WHERE p.status IN ('current','lapsed') ORDER BY i.plan_id, i.number`,
        )
        .iterate() as IterableIterator<{ plan_id: number; number: number; due_date: string; amount_cents: number }>) {
        let list = installments.get(r.plan_id);
        if (!list) installments.set(r.plan_id, (list = []));
        list.push({ number: r.number, dueDate: r.due_date, amountCents: r.amount_cents });
      }
      const payments = new Map<number, PlanPayment[]>();
      for (const r of db
        .prepare(
          `SELECT p.id AS plan_id, e.effective_date AS date, -e.amount_cents AS amount
             FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id JOIN ledger_entries e ON e.account_id = pa.account_id
            WHERE p.status IN ('current','lapsed') AND e.type IN ${PAYING_TYPES} AND e.effective_date >= p.start_date AND e.effective_date <= ?
              AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)`,
        )
        .iterate(today) as IterableIterator<{ plan_id: number; date: string; amount: number }>) {
        let list = payments.get(r.plan_id);
        if (!list) payments.set(r.plan_id, (list = []));
        list.push({ date: r.date, amountCents: r.amount });
      }
      const policies = new Map<number, PlanPolicy>();
      for (const plan of plans) {
        result.plansChecked++;
        let policy = policies.get(plan.policy_id);
        if (!policy) policies.set(plan.policy_id, (policy = policyById(db, plan.policy_id)));
        evaluatePlan(
          db,
          plan,
          policy,
          installments.get(plan.id) ?? [],
          payments.get(plan.id) ?? [],
          { today, now, by },
          result,
        );
      }
    }
    const promises = evaluatePromises(db, today);
    result.promisesKept = promises.kept;
    result.promisesBroken = promises.broken;
    if (options.markRun !== false) {
      db.prepare(
        `INSERT INTO meta (key, value) VALUES ('plans_last_run', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(today);
    }
  })();
  return result;
}

type Counts = Pick<DailyRunResult, 'lapsed' | 'cured' | 'defaulted' | 'completed' | 'lettersQueued'>;

/** One plan's step of the state machine on `today`; records the change, if any. */
function evaluatePlan(
  db: Db,
  plan: PlanRow,
  policy: PlanPolicy,
  installments: { number: number; dueDate: string; amountCents: number }[],
  payments: PlanPayment[],
  when: { today: string; now: string; by: number | null },
  result: Counts,
): void {
  const { today, now, by } = when;
  const progress = planProgress(
    {
      installments,
      overpayment: policy.overpayment,
      graceDays: policy.graceDays,
      cureDays: policy.cureDays,
      missedToDefault: policy.missedToDefault,
    },
    payments,
    today,
  );
  const setStatus = statement(
    db,
    'UPDATE plans SET status = ?, status_since = ?, lapsed_on = ?, cure_deadline = ? WHERE id = ?',
  );
  const event = (to: string, reason: string) =>
    recordEvent(db, plan.id, { onDate: today, kind: to, from: plan.status, to, reason, at: now, by });
  const accountsOwe = statement(
    db,
    'SELECT coalesce(sum(a.balance_cents), 0) FROM plan_accounts pa JOIN accounts a ON a.id = pa.account_id WHERE pa.plan_id = ?',
  )
    .pluck()
    .get(plan.id) as number;
  if (progress.state === 'completed') {
    setStatus.run('completed', today, null, null, plan.id);
    event('completed', 'Paid in full.');
    result.completed++;
  } else if (accountsOwe <= 0) {
    // Insurance, an adjustment or financial assistance cleared the accounts: nothing is left to pay.
    setStatus.run('completed', today, null, null, plan.id);
    event('completed', 'The plan’s accounts have no balance left.');
    result.completed++;
  } else if (progress.missedCount === 0) {
    if (plan.status === 'lapsed') {
      setStatus.run('current', today, null, null, plan.id);
      event('current', 'Payments brought the plan current.');
      result.cured++;
    }
  } else if (plan.status === 'current') {
    // The cure period runs from the lapse letter, queued today.
    const cureDeadline = addDays(today, policy.cureDays);
    setStatus.run('lapsed', today, progress.lapsedOn, cureDeadline, plan.id);
    const first = progress.installments.find((i) => i.missed)!;
    event(
      'lapsed',
      `Payment ${first.number === 0 ? '(down payment)' : `#${first.number}`} of ${formatCents(first.amountCents)} due ${formatShortDate(first.dueDate)} was not paid within ${policy.graceDays} days; ${formatCents(progress.pastDueCents)} past due. Lapse letter queued; cure by ${formatShortDate(cureDeadline)}.`,
    );
    statement(
      db,
      `INSERT OR IGNORE INTO plan_letters (plan_id, kind, queued_on, cure_deadline) VALUES (?, 'lapse', ?, ?)`,
    ).run(plan.id, today, cureDeadline);
    result.lapsed++;
    result.lettersQueued++;
  } else {
    const pastCure = plan.cure_deadline !== null && today > plan.cure_deadline;
    const tooMany = progress.missedCount >= policy.missedToDefault;
    if (pastCure || tooMany) {
      setStatus.run('defaulted', today, plan.lapsed_on, plan.cure_deadline, plan.id);
      event(
        'defaulted',
        pastCure
          ? `Still ${formatCents(progress.pastDueCents)} past due after the cure deadline ${plan.cure_deadline ? formatShortDate(plan.cure_deadline) : ''}. The accounts return to the collection cycle.`
          : `${progress.missedCount} payments missed (the policy defaults at ${policy.missedToDefault}). The accounts return to the collection cycle.`,
      );
      result.defaulted++;
    }
  }
}

/**
 * A payment (or its reversal) changes a guarantor's plans at once, not at tomorrow's run: the same
 * step of the state machine for each of their active plans.
 */
export function refreshPlansFor(db: Db, guarantorId: number, today: string, now: string, by: number | null): Counts {
  const counts: Counts = { lapsed: 0, cured: 0, defaulted: 0, completed: 0, lettersQueued: 0 };
  const plans = db
    .prepare(`SELECT * FROM plans WHERE guarantor_id = ? AND status IN ('current','lapsed')`)
    .all(guarantorId) as PlanRow[];
  for (const plan of plans) {
    evaluatePlan(
      db,
      plan,
      policyById(db, plan.policy_id),
      planInstallments(db, plan.id),
      planPayments(db, plan.id, plan.start_date).filter((p) => p.date <= today),
      { today, now, by },
      counts,
    );
  }
  evaluatePromises(db, today, guarantorId);
  return counts;
}

/** Runs the engine once per business day, when first needed (log-in, the work queue). */
export function runDailyIfDue(db: Db, today: string, now: string): DailyRunResult | null {
  const last = db.prepare(`SELECT value FROM meta WHERE key = 'plans_last_run'`).pluck().get() as string | undefined;
  if (last !== undefined && last >= today) return null;
  return runDaily(db, today, now, null);
}

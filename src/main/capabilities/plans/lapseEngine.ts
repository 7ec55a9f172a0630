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
import { policyById } from './policy';
import {
  activePlanSql,
  paidTowardPlanSql,
  planAccountsOwed,
  planInstallments,
  planPayments,
  type PlanRow,
} from './progress';
import { queueLapseLetter, recordEvent, setPlanStatus } from './planRows';
import { evaluatePromises } from './promises';
import type { DailyJob, LedgerChange } from '../../platform/capability';

type DailyRunResult = DailyRunSummary;

/** The daily check (PP-02) of every active plan and open promise; `firstRunToday` is the caller's to say. */
export function runDaily(db: Db, today: string, now: string, by: number | null): Omit<DailyRunResult, 'firstRunToday'> {
  const result: Omit<DailyRunResult, 'firstRunToday'> = {
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
    const plans = db.prepare(`SELECT * FROM plans p WHERE ${activePlanSql('p')} ORDER BY id`).all() as PlanRow[];
    result.plansChecked += plans.length;
    evaluatePlansBatched(db, plans, { today, now, by }, result);
    const promises = evaluatePromises(db, today);
    result.promisesKept = promises.kept;
    result.promisesBroken = promises.broken;
  })();
  return result;
}

/**
 * The step of the state machine for many plans: what they need is read in three queries over the
 * active plans rather than three per plan (the daily run, and a ledger change that touches many).
 */
function evaluatePlansBatched(
  db: Db,
  plans: readonly PlanRow[],
  when: { today: string; now: string; by: number | null },
  result: Counts,
  someOnly = false,
): void {
  if (plans.length === 0) return;
  const wanted = new Set(plans.map((p) => p.id));
  // A ledger change's batch reads only the plans it touched (the daily run wants every active plan).
  const only = someOnly ? 'p.id IN (SELECT value FROM json_each(?))' : '1';
  const ids = someOnly ? [JSON.stringify([...wanted])] : [];
  const installments = new Map<number, { number: number; dueDate: string; amountCents: number }[]>();
  for (const r of db
    .prepare(
      `SELECT i.plan_id, i.number, i.due_date, i.amount_cents FROM plan_installments i JOIN plans p ON p.id = i.plan_id
        WHERE ${activePlanSql('p')} AND ${only} ORDER BY i.plan_id, i.number`,
    )
    .iterate(...ids) as IterableIterator<{ plan_id: number; number: number; due_date: string; amount_cents: number }>) {
    if (!wanted.has(r.plan_id)) continue;
    let list = installments.get(r.plan_id);
    if (!list) installments.set(r.plan_id, (list = []));
    list.push({ number: r.number, dueDate: r.due_date, amountCents: r.amount_cents });
  }
  const payments = new Map<number, PlanPayment[]>();
  for (const r of db
    .prepare(
      `SELECT p.id AS plan_id, e.effective_date AS date, -e.amount_cents AS amount
         FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id JOIN ledger_entries e ON e.account_id = pa.account_id
        WHERE ${activePlanSql('p')} AND ${only} AND ${paidTowardPlanSql('p', 'e')} AND e.effective_date <= ?`,
    )
    .iterate(...ids, when.today) as IterableIterator<{ plan_id: number; date: string; amount: number }>) {
    if (!wanted.has(r.plan_id)) continue;
    let list = payments.get(r.plan_id);
    if (!list) payments.set(r.plan_id, (list = []));
    list.push({ date: r.date, amountCents: r.amount });
  }
  const policies = new Map<number, PlanPolicy>();
  for (const plan of plans) {
    let policy = policies.get(plan.policy_id);
    if (!policy) policies.set(plan.policy_id, (policy = policyById(db, plan.policy_id)));
    evaluatePlan(db, plan, policy, installments.get(plan.id) ?? [], payments.get(plan.id) ?? [], when, result);
  }
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
    planAccountsOwed(db, plan.id),
  );
  const setStatus = (status: PlanRow['status'], lapsedOn: string | null, cureDeadline: string | null) =>
    setPlanStatus(db, plan.id, { status, since: today, lapsedOn, cureDeadline });
  const event = (to: string, reason: string) =>
    recordEvent(db, plan.id, { onDate: today, kind: to, from: plan.status, to, reason, at: now, by });
  if (progress.state === 'completed') {
    setStatus('completed', null, null);
    const scheduled = installments.reduce((t, i) => t + i.amountCents, 0);
    // Paid in full, or insurance, an adjustment or financial assistance cleared the accounts.
    event('completed', progress.paidCents >= scheduled ? 'Paid in full.' : 'The plan’s accounts have no balance left.');
    result.completed++;
  } else if (progress.missedCount === 0) {
    if (plan.status === 'lapsed') {
      setStatus('current', null, null);
      event('current', 'Payments brought the plan current.');
      result.cured++;
    }
  } else if (plan.status === 'current') {
    // The cure period runs from the lapse letter, queued today.
    const cureDeadline = addDays(today, policy.cureDays);
    setStatus('lapsed', progress.lapsedOn, cureDeadline);
    const first = progress.installments.find((i) => i.missed)!;
    event(
      'lapsed',
      `Payment ${first.number === 0 ? '(down payment)' : `#${first.number}`} of ${formatCents(first.amountCents)} due ${formatShortDate(first.dueDate)} was not paid within ${policy.graceDays} days; ${formatCents(progress.pastDueCents)} past due. Lapse letter queued; cure by ${formatShortDate(cureDeadline)}.`,
    );
    queueLapseLetter(db, plan.id, today, cureDeadline);
    result.lapsed++;
    result.lettersQueued++;
  } else {
    const pastCure = plan.cure_deadline !== null && today > plan.cure_deadline;
    // A plan that lapsed today has just been sent its letter: it does not default the same day
    // (a second look on one day, after a payment or on demand, changes nothing).
    const tooMany = progress.missedCount >= policy.missedToDefault && plan.status_since < today;
    if (pastCure || tooMany) {
      setStatus('defaulted', plan.lapsed_on, plan.cure_deadline);
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
    .prepare(`SELECT * FROM plans p WHERE p.guarantor_id = ? AND ${activePlanSql('p')}`)
    .all(guarantorId) as PlanRow[];
  for (const plan of plans) {
    evaluatePlan(
      db,
      plan,
      policyById(db, plan.policy_id),
      planInstallments(db, plan.id),
      planPayments(db, plan.id).filter((p) => p.date <= today),
      { today, now, by },
      counts,
    );
  }
  evaluatePromises(db, today, guarantorId);
  return counts;
}

/**
 * After a ledger change (inside its transaction): the guarantors it touched who have an active plan
 * or an open promise take the same step of the state machine at once, so a payment that brings a
 * plan current, or an adjustment that leaves nothing owed, shows on the plan straight away.
 */
export function refreshAfterLedgerChange(db: Db, change: LedgerChange, batchFrom = BATCH_FROM): void {
  let guarantors: Iterable<number> = change.guarantorIds;
  if (change.guarantorIds.size > 50) {
    // A large change (an import): only those with an arrangement to move, found in one query.
    const open = new Set(
      db
        .prepare(
          `SELECT guarantor_id FROM plans WHERE ${activePlanSql('plans')} UNION SELECT guarantor_id FROM promises WHERE status = 'open'`,
        )
        .pluck()
        .all() as number[],
    );
    guarantors = [...change.guarantorIds].filter((g) => open.has(g));
  }
  const touched = [...guarantors];
  if (touched.length <= batchFrom) {
    for (const g of touched) refreshPlansFor(db, g, change.today, change.now, change.by);
    return;
  }
  // Many guarantors at once (an 835, an import): their plans in one batched step, then their promises.
  const set = new Set(touched);
  const plans = (db.prepare(`SELECT * FROM plans p WHERE ${activePlanSql('p')} ORDER BY id`).all() as PlanRow[]).filter(
    (p) => set.has(p.guarantor_id),
  );
  const counts: Counts = { lapsed: 0, cured: 0, defaulted: 0, completed: 0, lettersQueued: 0 };
  evaluatePlansBatched(db, plans, { today: change.today, now: change.now, by: change.by }, counts, true);
  evaluatePromises(db, change.today, set);
}

/** From how many guarantors with an arrangement a ledger change's step is taken in one batch. */
const BATCH_FROM = 200;

/** The daily job's name (the scheduler keeps the day it last ran under it). */
export const LAPSE_CHECK = 'lapse-check';

/** PP-02: the lapse engine's run on the business date, once a day (platform/scheduler.ts). */
export const lapseCheck: DailyJob = {
  name: LAPSE_CHECK,
  audit: 'change',
  run(app, today) {
    const r = runDaily(app.store.db, today, app.nowIso(), null);
    return `lapse check: ${r.plansChecked} plans: ${r.lapsed} lapsed, ${r.cured} current again, ${r.defaulted} defaulted, ${r.completed} paid; promises ${r.promisesKept} kept, ${r.promisesBroken} broken`;
  },
};

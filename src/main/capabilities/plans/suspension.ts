// Issue 14: a death recorded suspends the guarantor's open plans (current, lapsed, defaulted) and
// open promises, each with a plan event saying why; a supervisor's undo of the death resumes each
// one the death suspended with the status it had. A death recorded by mistake must not cost the
// patient: what fell due while Recoup had the plan or promise suspended was never asked of them, so
// on resuming, every unpaid instalment due on or after the day it was suspended (and a lapse's cure
// deadline, and the promise's due date) moves later by the days it was suspended; the next daily
// check finds nothing missed that the patient could have paid. The estates capability keeps what
// it suspended (death_effects) and asks for these through the plans index.
import { addDays, daysBetween, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { clause } from '../../../shared/wording/format';
import { plural } from '../../../shared/plural';
import type { Db } from '../../store/database';
import { guarantorName } from '../accounts';
import { policyById } from './policy';
import { openPlanSql, progressOf, type PlanRow } from './progress';
import { endPlan, movePlanDates, recordEvent, setPlanSuspension } from './planRows';
import { cancelSuspendedPromise, reopenPromise, suspendPromise } from './promises';
import type { PlansRow } from '../../store/schema';

export interface Suspended {
  plans: { id: number; from: string }[];
  promises: { id: number; from: string }[];
}

/** Suspends every open plan and open promise of the guarantor; returns each with the status it had. */
export function suspendForDeath(
  db: Db,
  guarantorId: number,
  reason: string,
  w: { today: string; now: string; by: number | null },
): Suspended {
  const plans = db
    .prepare(`SELECT id, status FROM plans p WHERE p.guarantor_id = ? AND ${openPlanSql('p')} ORDER BY id`)
    .all(guarantorId) as { id: number; status: string }[];
  for (const p of plans) {
    setPlanSuspension(db, p.id, 'suspended', w.today);
    recordEvent(db, p.id, {
      onDate: w.today,
      kind: 'suspended',
      from: p.status,
      to: 'suspended',
      reason,
      at: w.now,
      by: w.by,
    });
  }
  const promises = db
    .prepare(`SELECT id, status FROM promises WHERE guarantor_id = ? AND status = 'open' ORDER BY id`)
    .all(guarantorId) as { id: number; status: string }[];
  for (const p of promises) suspendPromise(db, p.id, w.today);
  return {
    plans: plans.map((p) => ({ id: p.id, from: p.status })),
    promises: promises.map((p) => ({ id: p.id, from: p.status })),
  };
}

/**
 * Resumes a plan the death suspended, if it is still suspended; true when it was. Its unpaid
 * instalments due on or after the day it was suspended (the 'suspended' event's day) move later by
 * the days from that day to today, and so does a lapse's cure deadline still to come then; the
 * plan's 'resumed' event says so.
 */
export function resumePlan(
  db: Db,
  planId: number,
  to: string,
  reason: string,
  w: { today: string; now: string; by: number | null },
): boolean {
  const plan = db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
  if (plan?.status !== 'suspended') return false;
  const suspendedOn =
    (db
      .prepare(`SELECT on_date FROM plan_events WHERE plan_id = ? AND kind = 'suspended' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get(planId) as string | undefined) ?? plan.status_since;
  const days = daysBetween(suspendedOn, w.today);
  let moved = '';
  if (days > 0) {
    const progress = progressOf(db, plan, policyById(db, plan.policy_id), w.today);
    const unpaid = progress.installments
      .filter((i) => i.dueDate >= suspendedOn && i.paidCents < i.amountCents)
      .map((i) => ({ number: i.number, dueDate: addDays(i.dueDate, days) }));
    const cure =
      to === 'lapsed' && plan.cure_deadline !== null && plan.cure_deadline >= suspendedOn
        ? addDays(plan.cure_deadline, days)
        : undefined;
    movePlanDates(db, planId, unpaid, cure);
    const next = unpaid.map((i) => i.dueDate).sort()[0];
    if (next !== undefined)
      moved += ` Payments due while suspended moved ${plural(days, 'day', 'days')} later (the days it was suspended): ${plural(unpaid.length, 'payment', 'payments')}, the next now due ${formatLongDate(next)}.`;
    if (cure !== undefined) moved += ` The cure deadline moved to ${formatLongDate(cure)}.`;
  }
  setPlanSuspension(db, planId, to as PlansRow['status'], w.today);
  recordEvent(db, planId, {
    onDate: w.today,
    kind: 'resumed',
    from: 'suspended',
    to,
    reason: moved ? `${clause(reason)}.${moved}` : reason,
    at: w.now,
    by: w.by,
  });
  return true;
}

/**
 * Reopens a promise the death suspended, if it is still suspended; true when it was. Given the day
 * (`w`), a due date on or after the day it was suspended moves later by the days it was suspended;
 * without it the promise reopens with its date as it was.
 */
export function resumePromise(db: Db, promiseId: number, w?: { today: string }): boolean {
  const p = db.prepare('SELECT status, due_date, resolved_on FROM promises WHERE id = ?').get(promiseId) as
    { status: string; due_date: string; resolved_on: string | null } | undefined;
  if (p?.status !== 'suspended') return false;
  const suspendedOn = p.resolved_on;
  const days = w && suspendedOn ? daysBetween(suspendedOn, w.today) : 0;
  reopenPromise(
    db,
    promiseId,
    days > 0 && suspendedOn !== null && p.due_date >= suspendedOn ? addDays(p.due_date, days) : p.due_date,
  );
  return true;
}

/**
 * The estate ended (paid in full, or closed with nothing more): the plans and promises the death
 * suspended end too, cancelled with the reason (a plan event says so), so none waits for ever.
 */
export function endSuspendedForDeath(
  db: Db,
  guarantorId: number,
  reason: string,
  w: { today: string; now: string; by: number | null },
): { plans: number; promises: number } {
  const plans = db
    .prepare(`SELECT id FROM plans WHERE guarantor_id = ? AND status = 'suspended' ORDER BY id`)
    .pluck()
    .all(guarantorId) as number[];
  for (const id of plans) {
    endPlan(db, id, 'cancelled', w.today);
    recordEvent(db, id, {
      onDate: w.today,
      kind: 'cancelled',
      from: 'suspended',
      to: 'cancelled',
      reason,
      at: w.now,
      by: w.by,
    });
  }
  const promises = db
    .prepare(`SELECT id FROM promises WHERE guarantor_id = ? AND status = 'suspended' ORDER BY id`)
    .pluck()
    .all(guarantorId) as number[];
  for (const id of promises) cancelSuspendedPromise(db, id, w.today);
  return { plans: plans.length, promises: promises.length };
}

/**
 * Issue 14: no payment plan or promise is offered to a guarantor recorded as deceased; the balance
 * is claimed from the estate. Refuses with the field-free message the screens show.
 */
export function refuseIfDeceased(db: Db, guarantorId: number): void {
  const g = db
    .prepare('SELECT deceased, first_name, middle_name, last_name FROM guarantors WHERE id = ?')
    .get(guarantorId) as { deceased: number; first_name: string; middle_name: string; last_name: string } | undefined;
  if (!g || g.deceased !== 1) return;
  throw new AppError(
    'not_allowed',
    `${guarantorName(g)} is recorded as deceased: no payment plan can be offered; the balance is claimed from the estate.`,
    { guarantorId: 'The guarantor is recorded as deceased.' },
  );
}

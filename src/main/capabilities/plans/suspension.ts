// Issue 14: a death recorded suspends the guarantor's open plans (current, lapsed, defaulted) and
// open promises, each with a plan event saying why; a supervisor's undo of the death resumes each
// one the death suspended with the status it had. The estates capability keeps what it suspended
// (death_effects) and asks for these through the plans index.
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { guarantorName } from '../accounts';
import { openPlanSql } from './progress';
import { recordEvent, setPlanSuspension } from './planRows';
import { setPromiseSuspension } from './promises';
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
  for (const p of promises) setPromiseSuspension(db, p.id, 'suspended');
  return {
    plans: plans.map((p) => ({ id: p.id, from: p.status })),
    promises: promises.map((p) => ({ id: p.id, from: p.status })),
  };
}

/** Resumes a plan the death suspended, if it is still suspended; true when it was. */
export function resumePlan(
  db: Db,
  planId: number,
  to: string,
  reason: string,
  w: { today: string; now: string; by: number | null },
): boolean {
  const status = db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(planId) as string | undefined;
  if (status !== 'suspended') return false;
  setPlanSuspension(db, planId, to as PlansRow['status'], w.today);
  recordEvent(db, planId, { onDate: w.today, kind: 'resumed', from: 'suspended', to, reason, at: w.now, by: w.by });
  return true;
}

/** Reopens a promise the death suspended, if it is still suspended; true when it was. */
export function resumePromise(db: Db, promiseId: number): boolean {
  const status = db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(promiseId) as string | undefined;
  if (status !== 'suspended') return false;
  setPromiseSuspension(db, promiseId, 'open');
  return true;
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

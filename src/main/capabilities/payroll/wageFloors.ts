// The wage-floor table (PD-01): federal and per-state minimum wages, exempt salary levels and
// deduction limits, each from a date. A change is a new row from a date; a row already in effect
// is history and is never replaced (the checks made under it stay explained); a row still ahead
// may be replaced by a supervisor.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { formatLongDate } from '../../../shared/dates';
import type { DeductionLimit } from '../../../shared/rules/payroll';
import type { limitInput, setWageFloorInput, WageFloorView } from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { employeeRow } from './matching';
import { upsertWageFloor } from './rosterRows';
import { limitFor } from './views';

export function wageFloorViews(db: Db): WageFloorView[] {
  return (
    prepared(
      db,
      `SELECT w.*, u.full_name AS by_name FROM wage_floors w LEFT JOIN users u ON u.id = w.created_by
        ORDER BY w.jurisdiction <> 'US', w.jurisdiction, w.effective_from DESC`,
    ).all() as {
      id: number;
      jurisdiction: string;
      effective_from: string;
      minimum_wage_cents: number;
      exempt_weekly_salary_cents: number | null;
      deduction_limit_bp: number | null;
      source: string;
      created_at: string;
      by_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    jurisdiction: r.jurisdiction,
    effectiveFrom: r.effective_from,
    minimumWageCents: r.minimum_wage_cents,
    exemptWeeklySalaryCents: r.exempt_weekly_salary_cents,
    deductionLimitBp: r.deduction_limit_bp,
    source: r.source,
    createdAt: r.created_at,
    createdBy: r.by_name,
  }));
}

export function setWageFloor(
  db: Db,
  input: z.output<typeof setWageFloorInput>,
  w: { today: string; now: string; by: number },
): void {
  const same = prepared(db, 'SELECT 1 FROM wage_floors WHERE jurisdiction = ? AND effective_from = ?').get(
    input.jurisdiction,
    input.effectiveFrom,
  );
  if (same && input.effectiveFrom <= w.today)
    throw new AppError(
      'conflict',
      `${input.jurisdiction} already has a row from ${formatLongDate(input.effectiveFrom)}, in effect: add a new row from a later date instead.`,
      { effectiveFrom: 'Choose a later date: a row in effect is never replaced.' },
    );
  upsertWageFloor(
    db,
    {
      jurisdiction: input.jurisdiction,
      effectiveFrom: input.effectiveFrom,
      minimumWageCents: input.minimumWageCents,
      exemptWeeklySalaryCents: input.exemptWeeklySalaryCents,
      deductionLimitBp: input.deductionLimitBp,
      source: input.source,
    },
    w.now,
    w.by,
  );
}

/** payroll:limit — the rule's largest amount for an employee on a date (the first pay date; today by default). */
export function employeeLimit(db: Db, input: z.output<typeof limitInput>, today: string): DeductionLimit {
  const e = employeeRow(db, input.employeeId);
  const limit = limitFor(db, e, input.on ?? today);
  if (!limit)
    throw new AppError('not_allowed', 'The wage-floor table has no federal row in effect on that date.', {
      on: 'Choose a date the federal row covers.',
    });
  return limit;
}

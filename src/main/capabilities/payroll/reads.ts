// Reads every part of the payroll capability shares: the wage-floor table, an employee's pay facts
// for the rule, an arrangement's reference, and what its accounts owe now (the accounts' balances,
// the one definition every screen, file and form shows).
import {
  scheduleDates,
  type PayFacts,
  type PayFrequency,
  type PayType,
  type WageFloorRow,
} from '../../../shared/rules/payroll';
import type { ArrangementMethod } from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { EmployeesRow } from '../../store/schema';

/** "PD-12" (payroll deduction) or "ABT-12" (automatic bank transfer): on every file and form. */
export function arrangementReference(method: ArrangementMethod, id: number): string {
  return `${method === 'payroll' ? 'PD' : 'ABT'}-${id}`;
}

export function wageFloorRows(db: Db): WageFloorRow[] {
  return (
    prepared(
      db,
      `SELECT jurisdiction, effective_from, minimum_wage_cents, exempt_weekly_salary_cents, deduction_limit_bp, source
         FROM wage_floors ORDER BY jurisdiction, effective_from`,
    ).all() as {
      jurisdiction: string;
      effective_from: string;
      minimum_wage_cents: number;
      exempt_weekly_salary_cents: number | null;
      deduction_limit_bp: number | null;
      source: string;
    }[]
  ).map((r) => ({
    jurisdiction: r.jurisdiction,
    effectiveFrom: r.effective_from,
    minimumWageCents: r.minimum_wage_cents,
    exemptWeeklySalaryCents: r.exempt_weekly_salary_cents,
    deductionLimitBp: r.deduction_limit_bp,
    source: r.source,
  }));
}

/** The employee's columns PD-01's rule reads (payFacts). */
export type PayFactsRow = Pick<
  EmployeesRow,
  | 'pay_type'
  | 'hourly_rate_cents'
  | 'annual_salary_cents'
  | 'weekly_hours_centi'
  | 'exempt'
  | 'pay_frequency'
  | 'work_state'
>;

export function payFacts(e: PayFactsRow): PayFacts {
  return {
    payType: e.pay_type as PayType,
    hourlyRateCents: e.hourly_rate_cents,
    annualSalaryCents: e.annual_salary_cents,
    weeklyHoursCenti: e.weekly_hours_centi,
    exempt: e.exempt === 1,
    payFrequency: e.pay_frequency as PayFrequency,
    workState: e.work_state,
  };
}

/** What an arrangement's accounts owe now (never below zero: a credit is not "owed"). */
const COVERED_OWED_SQL = 'COALESCE(SUM(MAX(a.balance_cents, 0)), 0)';

export function coveredOwedCents(db: Db, arrangementId: number): number {
  const r = prepared(
    db,
    `SELECT ${COVERED_OWED_SQL} AS owed
       FROM deduction_arrangement_accounts da JOIN accounts a ON a.id = da.account_id
      WHERE da.arrangement_id = ?`,
  ).get(arrangementId) as { owed: number };
  return r.owed;
}

/**
 * coveredOwedCents of every active arrangement, read at once (the queue asks it of thousands): by
 * arrangement id, one without accounts owing 0.
 */
export function activeCoveredOwedCents(db: Db): (arrangementId: number) => number {
  const rows = prepared(
    db,
    `SELECT da.arrangement_id AS id, ${COVERED_OWED_SQL} AS owed
       FROM deduction_arrangements x JOIN deduction_arrangement_accounts da ON da.arrangement_id = x.id
       JOIN accounts a ON a.id = da.account_id
      WHERE x.status = 'active' GROUP BY da.arrangement_id`,
  ).all() as { id: number; owed: number }[];
  const owed = new Map(rows.map((r) => [r.id, r.owed]));
  return (arrangementId) => owed.get(arrangementId) ?? 0;
}

/** More deductions than this is not a schedule anyone can sign (weekly for 190 years). */
export const MOST_PERIODS = 10_000;

export interface ArrangementSchedule {
  /** The next date it deducts (or debits); null when nothing is owed. */
  nextDate: string | null;
  /** Deductions of the full amount (the last may be less) it takes to pay what is owed. */
  periods: number;
  lastDate: string | null;
  /** What the last one takes. */
  lastAmountCents: number;
}

/**
 * The one schedule every screen and form shows (issue 16 section 4): nextDate = the first schedule date on or after today (and on or after
 * the signature when signed); periods = ceil(owed / amount); lastDate = the periods-th date from
 * nextDate.
 */
export function arrangementSchedule(
  a: { first_date: string; frequency: PayFrequency; amount_cents: number; signed_on: string | null },
  owedCents: number,
  today: string,
): ArrangementSchedule {
  if (owedCents <= 0) return { nextDate: null, periods: 0, lastDate: null, lastAmountCents: 0 };
  const periods = Math.ceil(owedCents / a.amount_cents);
  const from = a.signed_on !== null && a.signed_on > today ? a.signed_on : today;
  const dates = scheduleDates(a.first_date, a.frequency, from, '9999-12-31', Math.min(periods, MOST_PERIODS));
  return {
    nextDate: dates[0] ?? null,
    periods,
    lastDate: periods <= MOST_PERIODS ? (dates[periods - 1] ?? null) : null,
    lastAmountCents: owedCents - (periods - 1) * a.amount_cents,
  };
}

// What the screens, the forms and the files show of employees and arrangements: one definition
// each. What an arrangement's accounts owe is coveredOwedCents (their balances, never below 0);
// the next date is the first scheduled date on or after today (and the signature) while active;
// the periods are the full amounts it takes to pay what is owed now, and the last date the
// periods-th scheduled date from the next (from the first date ahead while awaiting the signature).
import { AppError } from '../../../shared/errors';
import { formatServiceDates } from '../../../shared/dates';
import { largestDeductionFrom, type DeductionLimit } from '../../../shared/rules/payroll';
import type {
  ArrangementDetail,
  ArrangementStatus,
  ArrangementSummary,
  EmployeeDetail,
  EmployeeSummary,
  GuarantorPayroll,
  RunLineOutcome,
} from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { DeductionArrangementsRow, EmployeesRow, GuarantorsRow } from '../../store/schema';
import { guarantorName, guarantorRow } from '../accounts';
import { arrangementRow, firstDateFrom, liveArrangementOf, matchedEmployee } from './arrangements';
import { accountEligibility, LIVE_SQL } from './eligibility';
import { maskedAccount } from './bankSeal';
import {
  employeeName,
  employeeRow,
  employeesForGuarantor,
  matchCandidates,
  openCandidates,
  pendingPairs,
} from './matching';
import { arrangementReference, arrangementSchedule, coveredOwedCents, payFacts, wageFloorRows } from './reads';

function userName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return (prepared(db, 'SELECT full_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

/**
 * The rule's largest amount for an employee from a date on (null without a federal row): the
 * smallest under the rows in effect then and every row already on file that starts later.
 */
export function limitFor(db: Db, e: EmployeesRow, on: string): DeductionLimit | null {
  return largestDeductionFrom(payFacts(e), wageFloorRows(db), on);
}

/** `candidates`, when given, is openCandidates(db, e) read for many employees at once. */
export function employeeSummary(db: Db, e: EmployeesRow, candidates?: number): EmployeeSummary {
  const g = e.guarantor_id === null ? null : guarantorRow(db, e.guarantor_id);
  const live = prepared(db, `SELECT id FROM deduction_arrangements WHERE employee_id = ? AND status IN ${LIVE_SQL}`)
    .pluck()
    .get(e.id) as number | undefined;
  return {
    id: e.id,
    employeeNumber: e.employee_number,
    name: employeeName(e),
    birthDate: e.birth_date,
    payFrequency: e.pay_frequency,
    workState: e.work_state,
    status: e.status,
    terminatedOn: e.terminated_on,
    guarantorId: e.guarantor_id,
    guarantorName: g ? guarantorName(g) : null,
    candidates: candidates ?? openCandidates(db, e),
    liveArrangementId: live ?? null,
  };
}

export function employeeDetail(db: Db, employeeId: number, today: string): EmployeeDetail {
  const e = employeeRow(db, employeeId);
  return {
    ...employeeSummary(db, e),
    firstName: e.first_name,
    lastName: e.last_name,
    payType: e.pay_type,
    hourlyRateCents: e.hourly_rate_cents,
    annualSalaryCents: e.annual_salary_cents,
    weeklyHoursCenti: e.weekly_hours_centi,
    exempt: e.exempt === 1,
    matchedOn: e.matched_on,
    matchedBy: userName(db, e.matched_by),
    matches: matchCandidates(db, e),
    limit: limitFor(db, e, today),
    updatedAt: e.updated_at,
  };
}

export function employeeList(
  db: Db,
  filter: {
    query: string;
    match: 'all' | 'matched' | 'to_confirm' | 'unmatched';
    status: 'all' | 'active' | 'terminated';
  },
): EmployeeSummary[] {
  const q = filter.query.trim().toLowerCase();
  const rows = prepared(
    db,
    'SELECT * FROM employees ORDER BY last_name, first_name, employee_number',
  ).all() as EmployeesRow[];
  // Each employee's open candidates, counted from one read (not a guarantor search per employee).
  const open = new Map<number, number>();
  for (const m of pendingPairs(db, 'all')) open.set(m.employeeId, (open.get(m.employeeId) ?? 0) + 1);
  const out: EmployeeSummary[] = [];
  for (const e of rows) {
    if (filter.status !== 'all' && e.status !== filter.status) continue;
    if (q && !`${e.employee_number} ${e.first_name} ${e.last_name}`.toLowerCase().includes(q)) continue;
    if (filter.match === 'matched' && e.guarantor_id === null) continue;
    if (filter.match !== 'matched' && filter.match !== 'all' && e.guarantor_id !== null) continue;
    const s = employeeSummary(db, e, e.guarantor_id === null ? (open.get(e.id) ?? 0) : 0);
    if (filter.match === 'to_confirm' && s.candidates === 0) continue;
    if (filter.match === 'unmatched' && s.candidates > 0) continue;
    out.push(s);
  }
  return out;
}

/** The next date an active arrangement takes money (on or after today and its signature). */
export function nextDateOf(a: DeductionArrangementsRow, today: string): string | null {
  if (a.status !== 'active') return null;
  const from = a.signed_on !== null && a.signed_on > today ? a.signed_on : today;
  return firstDateFrom(a, from);
}

/**
 * Periods of the full amount to pay what is owed now, and the date of the last: the one schedule
 * (reads.ts `arrangementSchedule`) the authorization form prints too. An ended arrangement has no
 * last date.
 */
export function periodsOf(
  a: DeductionArrangementsRow,
  owedCents: number,
  today: string,
): { periods: number; lastDate: string | null } {
  if (a.status !== 'active' && a.status !== 'awaiting_signature')
    return { periods: owedCents > 0 ? Math.ceil(owedCents / a.amount_cents) : 0, lastDate: null };
  const s = arrangementSchedule(a, owedCents, today);
  return { periods: s.periods, lastDate: s.lastDate };
}

function summaryOf(db: Db, a: DeductionArrangementsRow, g: GuarantorsRow, today: string): ArrangementSummary {
  const employeeNumber =
    a.employee_id === null
      ? null
      : (prepared(db, 'SELECT employee_number FROM employees WHERE id = ?').pluck().get(a.employee_id) as string);
  return {
    id: a.id,
    reference: arrangementReference(a.method, a.id),
    method: a.method,
    status: a.status as ArrangementStatus,
    guarantorId: a.guarantor_id,
    guarantorName: guarantorName(g),
    employeeNumber,
    amountCents: a.amount_cents,
    frequency: a.frequency,
    firstDate: a.first_date,
    owedCents: coveredOwedCents(db, a.id),
    nextDate: nextDateOf(a, today),
  };
}

export function arrangementSummary(db: Db, id: number, today: string): ArrangementSummary {
  const a = arrangementRow(db, id);
  return summaryOf(db, a, guarantorRow(db, a.guarantor_id), today);
}

export function arrangementList(
  db: Db,
  filter: { method: 'all' | 'payroll' | 'bank'; status: 'live' | 'ended' | 'all' },
  today: string,
): ArrangementSummary[] {
  const rows = prepared(
    db,
    'SELECT * FROM deduction_arrangements ORDER BY id DESC',
  ).all() as DeductionArrangementsRow[];
  return rows
    .filter((a) => filter.method === 'all' || a.method === filter.method)
    .filter((a) => {
      const live = a.status === 'awaiting_signature' || a.status === 'active';
      return filter.status === 'all' || (filter.status === 'live') === live;
    })
    .map((a) => summaryOf(db, a, guarantorRow(db, a.guarantor_id), today));
}

export function arrangementDetail(db: Db, id: number, today: string): ArrangementDetail {
  const a = arrangementRow(db, id);
  const summary = summaryOf(db, a, guarantorRow(db, a.guarantor_id), today);
  const accounts = (
    prepared(
      db,
      `SELECT a.id, a.account_number, a.service_from, a.service_to, a.balance_cents FROM deduction_arrangement_accounts da
         JOIN accounts a ON a.id = da.account_id WHERE da.arrangement_id = ? ORDER BY a.service_from, a.id`,
    ).all(a.id) as {
      id: number;
      account_number: string;
      service_from: string;
      service_to: string;
      balance_cents: number;
    }[]
  ).map((r) => ({
    accountId: r.id,
    accountNumber: r.account_number,
    serviceDates: formatServiceDates(r.service_from, r.service_to),
    owedCents: Math.max(0, r.balance_cents),
  }));
  const e = a.employee_id === null ? null : employeeRow(db, a.employee_id);
  const history = prepared(
    db,
    `SELECT r.id AS runId, r.run_date AS runDate, l.expected_cents AS expectedCents, l.deducted_cents AS deductedCents, l.outcome
       FROM deduction_run_lines l JOIN deduction_runs r ON r.id = l.run_id WHERE l.arrangement_id = ? ORDER BY r.run_date, r.id`,
  ).all(a.id) as {
    runId: number;
    runDate: string;
    expectedCents: number;
    deductedCents: number | null;
    outcome: RunLineOutcome | null;
  }[];
  return {
    ...summary,
    accounts,
    totalCents: a.total_cents,
    ...periodsOf(a, summary.owedCents, today),
    signedOn: a.signed_on,
    endedOn: a.ended_on,
    endNote: a.end_note,
    wageCheckAtSetup: a.wage_check === null ? null : (JSON.parse(a.wage_check) as DeductionLimit),
    limitToday: e ? limitFor(db, e, today) : null,
    bank:
      a.method === 'bank'
        ? {
            holderName: a.bank_holder_name!,
            routingNumber: a.bank_routing!,
            accountMasked: maskedAccount(a.bank_account_last4!),
            accountType: a.bank_account_type as 'checking' | 'savings',
          }
        : null,
    authorizationDocumentId: a.authorization_document_id,
    history,
    createdAt: a.created_at,
    createdBy: userName(db, a.created_by),
  };
}

/** What the guarantor's account page shows, and where the set-up dialog starts. */
export function guarantorPayroll(db: Db, guarantorId: number, today: string): GuarantorPayroll {
  const g = guarantorRow(db, guarantorId);
  const e = matchedEmployee(db, g.id);
  const live = liveArrangementOf(db, g.id);
  const ended = prepared(
    db,
    `SELECT * FROM deduction_arrangements WHERE guarantor_id = ? AND status NOT IN ${LIVE_SQL} ORDER BY id DESC`,
  ).all(g.id) as DeductionArrangementsRow[];
  const { eligible, ineligible } = accountEligibility(db, g.id, today);
  return {
    guarantorId: g.id,
    employee: e ? employeeSummary(db, e) : null,
    possibleEmployees: e
      ? []
      : employeesForGuarantor(db, g.id)
          .filter((p) => p.candidate.takenBy === null)
          .map((p) => ({
            employeeId: p.employee.id,
            employeeNumber: p.employee.employee_number,
            name: employeeName(p.employee),
            kind: p.candidate.kind,
            reasons: p.candidate.reasons,
          })),
    live: live ? arrangementDetail(db, live.id, today) : null,
    ended: ended.map((a) => summaryOf(db, a, g, today)),
    eligibleAccounts: eligible.map((a) => ({
      accountId: a.accountId,
      accountNumber: a.accountNumber,
      serviceDates: formatServiceDates(a.serviceFrom, a.serviceTo),
      owedCents: a.owedCents,
    })),
    ineligibleAccounts: ineligible.map((a) => ({
      accountId: a.accountId,
      accountNumber: a.accountNumber,
      owedCents: a.owedCents,
      reason: a.reason,
    })),
    limit: e && e.status === 'active' ? limitFor(db, e, today) : null,
  };
}

/** The records an arrangement call touched, for the audit event. */
export function arrangementRecords(db: Db, id: number): string[] {
  const a = prepared(db, 'SELECT guarantor_id FROM deduction_arrangements WHERE id = ?').get(id) as
    { guarantor_id: number } | undefined;
  if (!a) throw new AppError('not_found', 'There is no such arrangement.');
  return [`guarantor:${a.guarantor_id}`, `arrangement:${id}`];
}

/** The records an employee call touched: the employee, and the guarantor matched to them. */
export function employeeRecordsOf(db: Db, employeeId: number): string[] {
  const g = prepared(db, 'SELECT guarantor_id FROM employees WHERE id = ?').pluck().get(employeeId) as
    number | null | undefined;
  return g ? [`employee:${employeeId}`, `guarantor:${g}`] : [`employee:${employeeId}`];
}

// The only writer of employees, employee_match_rejections, roster_imports and wage_floors
// (eslint/table-owners.mjs).
import { matchName } from '../../../shared/nameTokens';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { WageFloorRow } from '../../../shared/rules/payroll';

/**
 * An employee's facts as an import writes them: the line's values, and for an employee on file the
 * stored value of every field the line does not give (roster.ts). The match is never the roster's.
 */
export interface EmployeeFacts {
  employeeNumber: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  payFrequency: string;
  payType: string;
  hourlyRateCents: number | null;
  annualSalaryCents: number | null;
  weeklyHoursCenti: number;
  exempt: boolean;
  workState: string;
  status: 'active' | 'terminated';
  terminatedOn: string | null;
  /** Who recorded the termination: a roster, or a clerk by hand (no roster lifts that one). */
  terminationSource: 'roster' | 'clerk' | null;
}

export function insertEmployee(db: Db, f: EmployeeFacts, importId: number | null, now: string): number {
  return Number(
    prepared(
      db,
      `INSERT INTO employees (employee_number, last_name, first_name, birth_date, pay_frequency, pay_type, hourly_rate_cents,
         annual_salary_cents, weekly_hours_centi, exempt, work_state, status, terminated_on, termination_source, match_last,
         match_first, roster_import_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...factValues(f), importId, now, now).lastInsertRowid,
  );
}

/**
 * The facts' values in the column order both the insert and the update name them, the names with
 * their match keys (matchName, migration 033: the match reads them, payroll/matching.ts).
 */
function factValues(f: EmployeeFacts): (string | number | null)[] {
  return [
    f.employeeNumber,
    f.lastName,
    f.firstName,
    f.birthDate,
    f.payFrequency,
    f.payType,
    f.hourlyRateCents,
    f.annualSalaryCents,
    f.weeklyHoursCenti,
    f.exempt ? 1 : 0,
    f.workState,
    f.status,
    f.terminatedOn,
    f.terminationSource,
    matchName(f.lastName),
    matchName(f.firstName),
  ];
}

/**
 * An import's facts on an existing employee (`f` already holds the stored value of every field the
 * line does not give); the confirmed match (guarantor_id) is Recoup's and stays.
 */
export function updateEmployeeFacts(db: Db, id: number, f: EmployeeFacts, importId: number | null, now: string): void {
  prepared(
    db,
    `UPDATE employees SET employee_number = ?, last_name = ?, first_name = ?, birth_date = ?, pay_frequency = ?, pay_type = ?,
       hourly_rate_cents = ?, annual_salary_cents = ?, weekly_hours_centi = ?, exempt = ?, work_state = ?, status = ?,
       terminated_on = ?, termination_source = ?, match_last = ?, match_first = ?, roster_import_id = COALESCE(?, roster_import_id), updated_at = ?
     WHERE id = ?`,
  ).run(...factValues(f), importId, now, id);
}

/** A termination entered by hand: Recoup's own fact, which a later roster saying active does not lift. */
export function setTerminated(db: Db, id: number, on: string, now: string): void {
  prepared(
    db,
    `UPDATE employees SET status = 'terminated', terminated_on = ?, termination_source = 'clerk', updated_at = ? WHERE id = ?`,
  ).run(on, now, id);
}

export function setMatch(db: Db, employeeId: number, guarantorId: number, on: string, by: number, now: string): void {
  prepared(
    db,
    'UPDATE employees SET guarantor_id = ?, matched_on = ?, matched_by = ?, updated_at = ? WHERE id = ?',
  ).run(guarantorId, on, by, now, employeeId);
}

export function clearMatch(db: Db, employeeId: number, now: string): void {
  prepared(
    db,
    'UPDATE employees SET guarantor_id = NULL, matched_on = NULL, matched_by = NULL, updated_at = ? WHERE id = ?',
  ).run(now, employeeId);
}

export function insertRejection(db: Db, employeeId: number, guarantorId: number, on: string, by: number): void {
  prepared(
    db,
    'INSERT OR IGNORE INTO employee_match_rejections (employee_id, guarantor_id, rejected_on, rejected_by) VALUES (?, ?, ?, ?)',
  ).run(employeeId, guarantorId, on, by);
}

export function insertRosterImport(
  db: Db,
  r: { fileName: string; sha256: string; lines: number; added: number; updated: number; terminated: number },
  now: string,
  by: number | null,
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO roster_imports (file_name, sha256, lines, added, updated, terminated, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.fileName, r.sha256, r.lines, r.added, r.updated, r.terminated, now, by).lastInsertRowid,
  );
}

/** A wage-floor row; the same place and date replaces the row (only while that date is still ahead). */
export function upsertWageFloor(db: Db, row: WageFloorRow, now: string, by: number): void {
  prepared(db, 'DELETE FROM wage_floors WHERE jurisdiction = ? AND effective_from = ?').run(
    row.jurisdiction,
    row.effectiveFrom,
  );
  prepared(
    db,
    `INSERT INTO wage_floors (jurisdiction, effective_from, minimum_wage_cents, exempt_weekly_salary_cents, deduction_limit_bp, source, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.jurisdiction,
    row.effectiveFrom,
    row.minimumWageCents,
    row.exemptWeeklySalaryCents,
    row.deductionLimitBp,
    row.source,
    now,
    by,
  );
}

export function setRosterImportCounts(
  db: Db,
  id: number,
  counts: { added: number; updated: number; terminated: number },
): void {
  prepared(db, 'UPDATE roster_imports SET added = ?, updated = ?, terminated = ? WHERE id = ?').run(
    counts.added,
    counts.updated,
    counts.terminated,
    id,
  );
}

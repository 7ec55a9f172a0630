// The hospital's employee roster (issue 16), imported by a mapping (Recoup's field -> the file's
// column) all-or-nothing: every bad value is a problem naming its line and column, and any problem
// changes nothing. Employees are upserted by employee id (added, updated, unchanged); those not in
// the file are left alone; a roster never clears a match a person confirmed (Recoup's fact). A
// termination (new or changed) ends the employee's live payroll deductions, the balance going back
// to the statement cycle; a rehire makes the employee active again (ended arrangements stay ended).
// A preview is the same work rolled back.
//
// An import never erases or downgrades a fact Recoup recorded itself: a field the file does not give
// (its column not mapped, or the cell empty) leaves an employee's stored value alone (the defaults
// are for new employees only); a termination a clerk recorded by hand stays whatever the roster
// says (counted as kept); a matched employee's date of birth cannot change under the match (a
// problem: a supervisor undoes the match first); a last name may (a married name), counted.
import type { z } from 'zod';
import { formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type {
  RosterField,
  RosterInspection,
  RosterMapping,
  RosterProblem,
  RosterReport,
  rosterImportInput,
} from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { EmployeesRow } from '../../store/schema';
import { guarantorName, guarantorRow } from '../accounts';
import { parseCsv } from '../imports';
import { endPayrollArrangementsOf } from './arrangements';
import { matchName, pendingPairs } from './matching';
import { readRoster, suggestRosterMapping, uploadedText, type RosterLine, type UploadSource } from './rosterFile';
import {
  insertEmployee,
  insertRosterImport,
  setRosterImportCounts,
  updateEmployeeFacts,
  type EmployeeFacts,
} from './rosterRows';

export type { UploadSource } from './rosterFile';

export async function inspectRoster(upload: UploadSource, uploadId: string): Promise<RosterInspection> {
  const { fileName, text } = uploadedText(upload, uploadId);
  const { headers, rows } = await parseCsv(text);
  if (headers.length === 0) throw new AppError('invalid_input', `${fileName} has no header line.`);
  return { fileName, headers, lines: rows.length, suggested: suggestRosterMapping(headers) };
}

function sameFacts(e: EmployeesRow, f: EmployeeFacts): boolean {
  return (
    e.employee_number === f.employeeNumber &&
    e.last_name === f.lastName &&
    e.first_name === f.firstName &&
    e.birth_date === f.birthDate &&
    e.pay_frequency === f.payFrequency &&
    e.pay_type === f.payType &&
    e.hourly_rate_cents === f.hourlyRateCents &&
    e.annual_salary_cents === f.annualSalaryCents &&
    e.weekly_hours_centi === f.weeklyHoursCenti &&
    (e.exempt === 1) === f.exempt &&
    e.work_state === f.workState &&
    e.status === f.status &&
    e.terminated_on === f.terminatedOn &&
    e.termination_source === f.terminationSource
  );
}

/** A good line with what it will write, and what it means for the report. */
interface Resolved {
  line: number;
  existing: EmployeesRow | undefined;
  facts: EmployeeFacts;
  /** A termination a roster recorded, lifted by this line saying active. */
  rehired: boolean;
  /** A termination a clerk recorded by hand, kept although this line says active. */
  keptTerminated: boolean;
  /** A matched employee's last name changed (a married name). */
  renamed: boolean;
}

/**
 * Each good line against what Recoup has: a field the line does not give keeps the stored value (a
 * new employee gets the default); the checks that depend on the stored employee give problems
 * naming the line and column. Reads only.
 */
function resolveLines(
  db: Db,
  lines: readonly RosterLine[],
  mapping: RosterMapping,
): { resolved: Resolved[]; problems: RosterProblem[] } {
  const byNumber = prepared(db, 'SELECT * FROM employees WHERE employee_number = ? COLLATE NOCASE');
  const resolved: Resolved[] = [];
  const problems: RosterProblem[] = [];
  for (const l of lines) {
    const e = byNumber.get(l.employeeNumber) as EmployeesRow | undefined;
    let bad = false;
    const problem = (f: RosterField, reason: string) => {
      bad = true;
      const value = l.cells[f];
      problems.push({
        line: l.line,
        column: mapping.columns[f] ?? null,
        value: value === undefined || value === '' ? null : value,
        reason,
      });
    };

    // The date of birth: a matched employee's cannot change under the match (that would make the
    // match another person's); the known one is the employee's, else the matched guarantor's.
    if (e && e.guarantor_id !== null && l.birthDate !== undefined) {
      const g = guarantorRow(db, e.guarantor_id);
      const known = e.birth_date ?? g.date_of_birth;
      if (known !== null && known !== l.birthDate)
        problem(
          'birthDate',
          `${e.employee_number} is matched to ${guarantorName(g)} (born ${formatShortDate(known)}); the roster gives ${formatShortDate(l.birthDate)}: a supervisor undoes the match first (Payroll, the employee).`,
        );
    }
    const birthDate = l.birthDate ?? e?.birth_date ?? null;

    // An hourly employee is not exempt (the line's own "exempt" with hourly is a problem already).
    const exempt = l.payType === 'hourly' ? false : (l.exempt ?? (e ? e.exempt === 1 : false));
    let weeklyHoursCenti = l.weeklyHoursCenti ?? e?.weekly_hours_centi;
    if (weeklyHoursCenti === undefined) {
      if (exempt && l.payType === 'salary') weeklyHoursCenti = 4000;
      else problem('weeklyHours', 'The usual hours a week are missing (needed unless the employee is exempt).');
    }

    let status: EmployeeFacts['status'];
    let terminatedOn: string | null;
    let terminationSource: EmployeeFacts['terminationSource'];
    let rehired = false;
    let keptTerminated = false;
    if (e && e.status === 'terminated' && e.termination_source === 'clerk') {
      // Recoup's own fact: no roster lifts it or moves its date.
      status = 'terminated';
      terminatedOn = e.terminated_on;
      terminationSource = 'clerk';
      keptTerminated = l.status === 'active';
    } else if (l.status === undefined) {
      status = e ? e.status : 'active';
      terminatedOn = e ? e.terminated_on : null;
      terminationSource = e ? (e.termination_source as EmployeeFacts['terminationSource']) : null;
    } else if (l.status === 'active') {
      status = 'active';
      terminatedOn = null;
      terminationSource = null;
      rehired = e?.status === 'terminated';
    } else {
      status = 'terminated';
      terminationSource = 'roster';
      terminatedOn = l.terminatedOn ?? (e?.status === 'terminated' ? e.terminated_on : null);
      if (terminatedOn === null)
        problem(
          mapping.columns.terminatedOn !== undefined ? 'terminatedOn' : 'status',
          'A terminated employee needs the termination date.',
        );
    }
    if (bad) continue;
    resolved.push({
      line: l.line,
      existing: e,
      facts: {
        employeeNumber: l.employeeNumber,
        lastName: l.lastName,
        firstName: l.firstName ?? e?.first_name ?? '',
        birthDate,
        payFrequency: l.payFrequency,
        payType: l.payType,
        hourlyRateCents: l.hourlyRateCents,
        annualSalaryCents: l.annualSalaryCents,
        weeklyHoursCenti: weeklyHoursCenti!,
        exempt,
        workState: l.workState,
        status,
        terminatedOn,
        terminationSource,
      },
      rehired,
      keptTerminated,
      renamed: e !== undefined && e.guarantor_id !== null && matchName(e.last_name) !== matchName(l.lastName),
    });
  }
  return { resolved, problems };
}

class PreviewDone extends Error {
  constructor(readonly report: RosterReport) {
    super('preview');
  }
}

/** Previews (nothing changes) or imports (all-or-nothing) a roster file. */
export async function runRoster(
  db: Db,
  upload: UploadSource,
  input: z.output<typeof rosterImportInput>,
  mode: 'preview' | 'commit',
  w: { today: string; now: string; by: number },
): Promise<RosterReport> {
  const { fileName, text, sha256 } = uploadedText(upload, input.uploadId);
  const parsed = await readRoster(text, input.mapping);
  const { resolved, problems: storedProblems } = resolveLines(db, parsed.given, input.mapping);
  // Every problem in line order (a line's own problems first, then those against what is on file).
  const problems = [...parsed.problems, ...storedProblems]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
  const empty: RosterReport = {
    fileName,
    lines: parsed.lines,
    added: 0,
    updated: 0,
    unchanged: 0,
    terminated: 0,
    rehired: 0,
    keptTerminated: 0,
    renamed: 0,
    arrangementsEnded: 0,
    toConfirm: 0,
    problems,
    importId: null,
  };
  if (problems.length > 0) {
    if (mode === 'commit') {
      const shown = problems
        .slice(0, 5)
        .map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.reason.replace(/\.$/, '')}`)
        .join('; ');
      const fields: Record<string, string> = {};
      for (const p of problems.slice(0, 50)) {
        const key = `line ${p.line}${p.column ? `.${p.column}` : ''}`;
        fields[key] = fields[key] ? `${fields[key]} ${p.reason}` : p.reason;
      }
      throw new AppError(
        'invalid_input',
        `Nothing was imported: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in ${fileName}. ${shown}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`,
        fields,
      );
    }
    return empty;
  }
  const work = (): RosterReport => {
    const report: RosterReport = { ...empty };
    const importId =
      mode === 'commit'
        ? insertRosterImport(
            db,
            { fileName, sha256, lines: parsed.lines, added: 0, updated: 0, terminated: 0 },
            w.now,
            w.by,
          )
        : null;
    const touched: number[] = [];
    for (const r of resolved) {
      const { existing: e, facts: f } = r;
      let id: number;
      if (!e) {
        id = insertEmployee(db, f, importId, w.now);
        report.added++;
        if (f.status === 'terminated') report.terminated++;
      } else {
        id = e.id;
        if (r.keptTerminated) report.keptTerminated++;
        if (sameFacts(e, f)) {
          report.unchanged++;
          continue;
        }
        updateEmployeeFacts(db, e.id, f, importId, w.now);
        report.updated++;
        if (r.rehired) report.rehired++;
        if (r.renamed) report.renamed++;
        const newTermination =
          f.status === 'terminated' && (e.status !== 'terminated' || e.terminated_on !== f.terminatedOn);
        if (newTermination) {
          report.terminated++;
          report.arrangementsEnded += endPayrollArrangementsOf(
            db,
            e.id,
            f.terminatedOn!,
            `From the roster ${fileName}.`,
            w,
          );
        }
      }
      touched.push(id);
    }
    // The employees touched with a candidate to confirm (openCandidates > 0), read for all at once.
    const waiting = new Set(pendingPairs(db).map((m) => m.employeeId));
    for (const id of touched) if (waiting.has(id)) report.toConfirm++;
    if (importId !== null) {
      report.importId = importId;
      setRosterImportCounts(db, importId, report);
    }
    if (mode === 'preview') throw new PreviewDone(report);
    return report;
  };
  try {
    return db.transaction(work)();
  } catch (e) {
    if (e instanceof PreviewDone) return e.report;
    throw e;
  }
}

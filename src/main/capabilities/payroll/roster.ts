// The hospital's employee roster (issue 16), imported by a mapping (Recoup's field -> the file's
// column) all-or-nothing: every bad value is a problem naming its line and column, and any problem
// changes nothing. Employees are upserted by employee id (added, updated, unchanged); those not in
// the file are left alone; a roster never clears a match a person confirmed (Recoup's fact). A
// termination (new or changed) ends the employee's live payroll deductions, the balance going back
// to the statement cycle; a rehire makes the employee active again (ended arrangements stay ended).
// A preview is the same work rolled back.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { RosterInspection, RosterReport, rosterImportInput } from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { EmployeesRow } from '../../store/schema';
import { parseCsv } from '../imports';
import { endPayrollArrangementsOf } from './arrangements';
import { pendingMatches } from './matching';
import { readRoster, suggestRosterMapping, uploadedText, type UploadSource } from './rosterFile';
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
    e.terminated_on === f.terminatedOn
  );
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
  const empty: RosterReport = {
    fileName,
    lines: parsed.lines,
    added: 0,
    updated: 0,
    unchanged: 0,
    terminated: 0,
    arrangementsEnded: 0,
    toConfirm: 0,
    problems: parsed.problems,
    importId: null,
  };
  if (parsed.problems.length > 0) {
    if (mode === 'commit') {
      const shown = parsed.problems
        .slice(0, 5)
        .map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.reason}`)
        .join('; ');
      const fields: Record<string, string> = {};
      for (const p of parsed.problems.slice(0, 50)) {
        const key = `line ${p.line}${p.column ? `.${p.column}` : ''}`;
        fields[key] = fields[key] ? `${fields[key]} ${p.reason}` : p.reason;
      }
      throw new AppError(
        'invalid_input',
        `Nothing was imported: ${parsed.problems.length === 1 ? '1 problem' : `${parsed.problems.length} problems`} in ${fileName}. ${shown}${parsed.problems.length > 5 ? `; and ${parsed.problems.length - 5} more` : ''}.`,
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
    const byNumber = prepared(db, 'SELECT * FROM employees WHERE employee_number = ? COLLATE NOCASE');
    const touched: number[] = [];
    for (const f of parsed.facts) {
      const e = byNumber.get(f.employeeNumber) as EmployeesRow | undefined;
      let id: number;
      if (!e) {
        id = insertEmployee(db, f, importId, w.now);
        report.added++;
        if (f.status === 'terminated') report.terminated++;
      } else {
        id = e.id;
        if (sameFacts(e, f)) {
          report.unchanged++;
          continue;
        }
        updateEmployeeFacts(db, e.id, f, importId, w.now);
        report.updated++;
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
    const waiting = new Set(pendingMatches(db).map((m) => m.employee.id));
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

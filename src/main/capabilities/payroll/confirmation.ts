// What came back for a run (issue 16, semantics 5). Payroll's confirmation file, read by its
// mapping, checked line by line (each problem names its line and column; ANY problem and nothing
// posts), then posted in one ledger change as payroll_deduction entries split over the covered
// accounts oldest service date first, each line's outcome kept and the run reconciled. A bank run
// settled: every debit not returned posts as a patient's ACH payment (one receipt per debit), a
// returned one keeps its NACHA code, and a code that means the authorization is gone ends the
// arrangement. A short, missed or returned line waits in the work queue until a clerk resolves it.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { formatLongDate, isBusinessDate } from '../../../shared/dates';
import { formatCents, parseDollars } from '../../../shared/money';
import { achReturnLabel, returnEndsAuthorization } from '../../../shared/rules/achReturns';
import { floorOn, largestDeduction, SHORTEST_PERIOD_WEEKS, type PayFrequency } from '../../../shared/rules/payroll';
import {
  CONFIRMATION_FIELD_LABELS,
  CONFIRMATION_FIELDS,
  type ConfirmationField,
  type ConfirmationMapping,
  type ConfirmationPreview,
  type ConfirmationProblem,
  type RunDetail,
  type RunLineOutcome,
} from '../../../shared/schemas/payroll';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { EmployeesRow } from '../../store/schema';
import { guarantorName } from '../accounts';
import { parseCsv } from '../imports';
import { changeLedger, postPaymentParts, type LedgerChangeWriter } from '../ledger';
import { arrangementReference, payFacts, wageFloorRows } from './reads';
import { employeeRow, runDetail, runRow } from './runs';
import { recordLineResult, reconcileRun, resolveRunLine } from './runRows';

/** How an arrangement is ended (ROSTER's endArrangement in arrangements.ts). */
export type EndArrangement = (
  db: Db,
  id: number,
  status: 'stopped',
  on: string,
  note: string,
  by: number,
  now: string,
) => void;

interface RunLineFacts {
  lineId: number;
  arrangementId: number;
  guarantorId: number;
  reference: string;
  guarantorName: string;
  expectedCents: number;
  employee: EmployeesRow | null;
}

function runLines(db: Db, runId: number): RunLineFacts[] {
  const rows = prepared(
    db,
    `SELECT l.id, l.arrangement_id, l.expected_cents, a.method, a.guarantor_id, a.employee_id, g.first_name, g.middle_name, g.last_name
       FROM deduction_run_lines l JOIN deduction_arrangements a ON a.id = l.arrangement_id
       JOIN guarantors g ON g.id = a.guarantor_id WHERE l.run_id = ? ORDER BY l.id`,
  ).all(runId) as {
    id: number;
    arrangement_id: number;
    expected_cents: number;
    method: 'payroll' | 'bank';
    guarantor_id: number;
    employee_id: number | null;
    first_name: string;
    middle_name: string;
    last_name: string;
  }[];
  return rows.map((r) => ({
    lineId: r.id,
    arrangementId: r.arrangement_id,
    guarantorId: r.guarantor_id,
    reference: arrangementReference(r.method, r.arrangement_id),
    guarantorName: guarantorName(r),
    expectedCents: r.expected_cents,
    employee: r.employee_id === null ? null : employeeRow(db, r.employee_id),
  }));
}

function parseAmount(text: string, format: 'dollars' | 'cents'): number | null {
  const t = text.trim();
  if (format === 'cents') return /^-?\d{1,13}$/.test(t) ? Number(t) : null;
  return parseDollars(t);
}

function parseFileDate(text: string, format: 'YYYY-MM-DD' | 'MM/DD/YYYY'): string | null {
  const t = text.trim();
  let iso: string | null = null;
  if (format === 'YYYY-MM-DD') iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  else {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    iso = m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
  }
  return iso !== null && isBusinessDate(iso) ? iso : null;
}

/** Hours as payroll writes them ("80", "37.5", "37.25") in hundredths. */
function parseHoursCenti(text: string): number | null {
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

interface CheckedLine {
  line: RunLineFacts;
  deductedCents: number;
  hoursCenti: number | null;
  grossCents: number | null;
  outcome: RunLineOutcome;
}

interface Checked {
  preview: ConfirmationPreview;
  checked: CheckedLine[];
  sha256: string;
  fileName: string;
}

export function outcomeOf(deducted: number, expected: number): RunLineOutcome {
  return deducted === 0 ? 'missed' : deducted < expected ? 'short' : 'deducted';
}

/** The confirmation file read and checked against the run; nothing is written. */
export async function checkConfirmation(
  app: RecoupApp,
  input: { runId: number; uploadId: string; mapping: ConfirmationMapping },
  userId: number,
): Promise<Checked> {
  const db = app.store.db;
  const run = runRow(db, input.runId);
  if (run.method !== 'payroll')
    throw new AppError(
      'not_allowed',
      'A bank transfer run is settled with the bank’s returns, not a payroll confirmation.',
    );
  const { fileName, bytes } = app.uploads.bytes(userId, input.uploadId);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { headers, rows, problems: csvProblems } = await parseCsv(text);
  const problems: ConfirmationProblem[] = csvProblems.map((p) => ({
    line: p.line,
    column: null,
    value: null,
    reason: p.reason,
  }));
  const m = input.mapping;
  const index: Partial<Record<ConfirmationField, number>> = {};
  for (const field of CONFIRMATION_FIELDS) {
    const header = m.columns[field];
    if (header === undefined) continue;
    const i = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (i < 0)
      problems.push({
        line: 1,
        column: header,
        value: null,
        reason: `The file has no column “${header}” (mapped to ${CONFIRMATION_FIELD_LABELS[field].toLowerCase()}).`,
      });
    else index[field] = i;
  }
  const lines = runLines(db, run.id);
  const byEmployee = new Map<string, RunLineFacts>();
  for (const l of lines) if (l.employee) byEmployee.set(l.employee.employee_number.toLowerCase(), l);
  const floors = wageFloorRows(db);
  const seen = new Map<number, number>();
  const checked: CheckedLine[] = [];
  if (index.employeeId !== undefined && index.amountDeducted !== undefined) {
    for (const row of rows) {
      if (row.cells.every((c) => c.trim() === '')) continue;
      const cell = (f: ConfirmationField): string | null =>
        index[f] === undefined ? null : (row.cells[index[f]!] ?? '');
      const col = (f: ConfirmationField) => m.columns[f] ?? null;
      const problem = (f: ConfirmationField, reason: string) =>
        problems.push({ line: row.line, column: col(f), value: cell(f), reason });
      const before = problems.length;
      const id = cell('employeeId')!.trim();
      const line = byEmployee.get(id.toLowerCase());
      if (!id) {
        problem('employeeId', 'The employee id is missing.');
        continue;
      }
      if (!line) {
        problem('employeeId', `Employee ${id} is not in this run of ${formatLongDate(run.run_date)}.`);
        continue;
      }
      if (seen.has(line.lineId)) {
        problem('employeeId', `Employee ${id} is on line ${seen.get(line.lineId)} already: each employee once.`);
        continue;
      }
      seen.set(line.lineId, row.line);
      const ref = cell('reference');
      if (ref !== null && ref.trim() !== '' && ref.trim().toUpperCase() !== line.reference)
        problem('reference', `Employee ${id}’s arrangement is ${line.reference}, not ${ref.trim()}.`);
      const payDate = cell('payDate');
      if (payDate !== null) {
        const d = parseFileDate(payDate, m.dateFormat);
        if (d === null) problem('payDate', `The pay date is not a date written ${m.dateFormat}.`);
        else if (d !== run.run_date)
          problem('payDate', `The pay date is ${formatLongDate(d)}; this run is for ${formatLongDate(run.run_date)}.`);
      }
      const deducted = parseAmount(cell('amountDeducted')!, m.amountFormat);
      if (deducted === null) {
        problem(
          'amountDeducted',
          m.amountFormat === 'dollars'
            ? 'The amount deducted is not dollars and cents, like 25.00.'
            : 'The amount deducted is not whole cents, like 2500.',
        );
        continue;
      }
      if (deducted < 0) {
        problem('amountDeducted', 'The amount deducted cannot be negative.');
        continue;
      }
      if (deducted > line.expectedCents)
        problem(
          'amountDeducted',
          `${formatCents(deducted)} is more than the ${formatCents(line.expectedCents)} asked for ${line.reference}: payroll must return ${formatCents(deducted - line.expectedCents)} to the employee.`,
        );
      let hoursCenti: number | null = null;
      let grossCents: number | null = null;
      const hours = cell('hoursWorked');
      if (hours !== null && hours.trim() !== '') {
        hoursCenti = parseHoursCenti(hours);
        if (hoursCenti === null) problem('hoursWorked', 'The hours worked are not a number of hours, like 80 or 37.5.');
      }
      const gross = cell('grossPay');
      if (gross !== null && gross.trim() !== '') {
        grossCents = parseAmount(gross, m.amountFormat);
        if (grossCents === null || grossCents < 0) {
          problem('grossPay', 'The gross pay is not an amount.');
          grossCents = null;
        }
      }
      // PD-01 for the period as it was paid: the rule with the hours payroll reports, and the gross
      // pay less the deduction over those hours never below the minimum wage.
      if (hoursCenti !== null && line.employee && deducted > 0) {
        const floor = floorOn(floors, line.employee.work_state, run.run_date);
        if (floor) {
          const pay = payFacts(line.employee);
          const w = SHORTEST_PERIOD_WEEKS[pay.payFrequency as PayFrequency];
          const limit = largestDeduction(pay, floor, { hoursCenti, weeks: { num: w.num, den: w.den } });
          let allowed = limit.maxCents;
          if (grossCents !== null)
            allowed = Math.min(
              allowed,
              Math.max(0, grossCents - Math.ceil((limit.minimumWageCents * hoursCenti) / 100)),
            );
          if (deducted > allowed)
            problem(
              grossCents !== null ? 'grossPay' : 'hoursWorked',
              `${formatCents(deducted)} from ${hoursCenti / 100} hours${grossCents !== null ? ` and ${formatCents(grossCents)} gross` : ''} brings pay below the wage floor (PD-01): at most ${formatCents(allowed)} could be taken; payroll must return ${formatCents(deducted - allowed)} to the employee.`,
            );
        }
      }
      if (problems.length > before) continue;
      checked.push({
        line,
        deductedCents: deducted,
        hoursCenti,
        grossCents,
        outcome: outcomeOf(deducted, line.expectedCents),
      });
    }
  }
  const mentioned = new Set(seen.keys());
  const missing = lines.filter((l) => !mentioned.has(l.lineId));
  const deductedCents = checked.reduce((s, c) => s + c.deductedCents, 0);
  problems.sort((a, b) => a.line - b.line);
  return {
    preview: {
      runId: run.id,
      lines: checked.map((c) => ({
        lineId: c.line.lineId,
        reference: c.line.reference,
        guarantorName: c.line.guarantorName,
        expectedCents: c.line.expectedCents,
        deductedCents: c.deductedCents,
        outcome: c.outcome,
      })),
      missing: missing.map((l) => ({
        lineId: l.lineId,
        reference: l.reference,
        guarantorName: l.guarantorName,
        expectedCents: l.expectedCents,
      })),
      deductedCents,
      expectedCents: run.expected_cents,
      problems,
    },
    checked,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName,
  };
}

/**
 * Money split over an arrangement's accounts, oldest service date first, each owing account up to
 * what it owes; what is beyond what they owe lands on the last account as a credit.
 */
export function splitOverAccounts(
  accounts: readonly { accountId: number; balanceCents: number }[],
  cents: number,
): { accountId: number; cents: number }[] {
  const parts = new Map<number, number>();
  let left = cents;
  for (const a of accounts) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, a.balanceCents));
    if (take > 0) {
      parts.set(a.accountId, take);
      left -= take;
    }
  }
  if (left > 0 && accounts.length > 0) {
    const last = accounts[accounts.length - 1]!.accountId;
    parts.set(last, (parts.get(last) ?? 0) + left);
  }
  return accounts
    .filter((a) => parts.has(a.accountId))
    .map((a) => ({ accountId: a.accountId, cents: parts.get(a.accountId)! }));
}

function coveredAccounts(db: Db, arrangementId: number): { accountId: number; balanceCents: number }[] {
  return prepared(
    db,
    `SELECT a.id AS accountId, a.balance_cents AS balanceCents FROM deduction_arrangement_accounts da
       JOIN accounts a ON a.id = da.account_id WHERE da.arrangement_id = ? ORDER BY a.service_from, a.id`,
  ).all(arrangementId) as { accountId: number; balanceCents: number }[];
}

function postDeduction(ledger: LedgerChangeWriter, line: RunLineFacts, cents: number, runDate: string): void {
  for (const part of splitOverAccounts(coveredAccounts(ledger.db, line.arrangementId), cents))
    ledger.post({
      accountId: part.accountId,
      type: 'payroll_deduction',
      amountCents: -part.cents,
      effectiveDate: runDate,
      reference: `${line.reference} pay ${runDate}`,
      memo: `Payroll deduction ${line.reference}, pay date ${runDate}.`,
      externalId: `payroll:${line.lineId}:${part.accountId}`,
    });
}

function notReconciled(run: { status: string; reconciled_at: string | null }, what: string): void {
  if (run.status === 'reconciled')
    throw new AppError(
      'conflict',
      `This run was reconciled on ${formatLongDate(run.reconciled_at!.slice(0, 10))}: ${what} is refused a second time.`,
    );
}

/** payroll:confirm: all-or-nothing. */
export async function confirmRun(
  app: RecoupApp,
  input: { runId: number; uploadId: string; mapping: ConfirmationMapping },
  by: number,
): Promise<RunDetail> {
  const db = app.store.db;
  const run = runRow(db, input.runId);
  notReconciled(run, 'a confirmation');
  if (run.run_date > app.clock.today())
    throw new AppError('not_allowed', `The pay date, ${formatLongDate(run.run_date)}, has not come yet.`);
  const c = await checkConfirmation(app, input, by);
  const n = c.preview.problems.length;
  if (n > 0) {
    const first = c.preview.problems[0]!;
    throw new AppError(
      'invalid_input',
      `The confirmation has ${n === 1 ? 'a problem' : `${n} problems`}; nothing was posted. Line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.reason}`,
      { uploadId: `${n === 1 ? 'A problem' : `${n} problems`} in the file: see the preview.` },
    );
  }
  changeLedger(app, by, (ledger) => {
    for (const k of c.checked) {
      if (k.deductedCents > 0) postDeduction(ledger, k.line, k.deductedCents, run.run_date);
      recordLineResult(db, k.line.lineId, {
        deducted_cents: k.deductedCents,
        hours_centi: k.hoursCenti,
        gross_cents: k.grossCents,
        outcome: k.outcome,
        return_code: null,
        payment_id: null,
      });
    }
    for (const miss of c.preview.missing)
      recordLineResult(db, miss.lineId, {
        deducted_cents: 0,
        hours_centi: null,
        gross_cents: null,
        outcome: 'missed',
        return_code: null,
        payment_id: null,
      });
    reconcileRun(db, run.id, {
      at: app.nowIso(),
      by,
      confirmationName: c.fileName,
      confirmationSha256: c.sha256,
      deductedCents: c.preview.deductedCents,
    });
  });
  app.uploads.discard(input.uploadId);
  return runDetail(db, run.id);
}

/** payroll:settle: a bank run's debits posted as ACH payments, its returns kept (and acted on). */
export function settleRun(
  app: RecoupApp,
  input: { runId: number; settledOn: string; returns: { lineId: number; code: string }[] },
  by: number,
  endArrangement: EndArrangement,
): RunDetail {
  const db = app.store.db;
  const run = runRow(db, input.runId);
  if (run.method !== 'bank')
    throw new AppError('not_allowed', 'A payroll run is reconciled with payroll’s confirmation file, not settled.');
  notReconciled(run, 'settling it');
  const today = app.clock.today();
  if (input.settledOn < run.run_date || input.settledOn > today) {
    const message = `The settlement date is between the debit date, ${formatLongDate(run.run_date)}, and today.`;
    throw new AppError('invalid_input', message, { settledOn: message });
  }
  const lines = runLines(db, run.id);
  const returned = new Map<number, string>();
  for (const [i, r] of input.returns.entries()) {
    if (!lines.some((l) => l.lineId === r.lineId)) {
      const message = 'That debit is not in this run.';
      throw new AppError('invalid_input', message, { [`returns.${i}.lineId`]: message });
    }
    if (returned.has(r.lineId)) {
      const message = 'Each debit is returned once.';
      throw new AppError('invalid_input', message, { [`returns.${i}.lineId`]: message });
    }
    returned.set(r.lineId, r.code);
  }
  changeLedger(app, by, (ledger) => {
    let settled = 0;
    for (const l of lines) {
      const code = returned.get(l.lineId);
      if (code !== undefined) {
        recordLineResult(db, l.lineId, {
          deducted_cents: 0,
          hours_centi: null,
          gross_cents: null,
          outcome: 'returned',
          return_code: code,
          payment_id: null,
        });
        continue;
      }
      const parts = splitOverAccounts(coveredAccounts(db, l.arrangementId), l.expectedCents);
      const { paymentId } = postPaymentParts(ledger, {
        guarantorId: l.guarantorId,
        amountCents: l.expectedCents,
        receivedOn: input.settledOn,
        method: 'ach',
        reference: `${l.reference} debit ${run.run_date}`,
        parts,
        memo: `Automatic bank transfer ${l.reference}, debit date ${run.run_date}.`,
      });
      settled += l.expectedCents;
      recordLineResult(db, l.lineId, {
        deducted_cents: l.expectedCents,
        hours_centi: null,
        gross_cents: null,
        outcome: 'deducted',
        return_code: null,
        payment_id: paymentId,
      });
    }
    reconcileRun(db, run.id, {
      at: app.nowIso(),
      by,
      confirmationName: null,
      confirmationSha256: null,
      deductedCents: settled,
    });
  });
  // The authorization is gone (an account closed, a debit revoked or not authorized): the
  // arrangement stops, in the same transaction as the returns (the router's).
  for (const l of lines) {
    const code = returned.get(l.lineId);
    if (code === undefined || !returnEndsAuthorization(code)) continue;
    const live = prepared(db, `SELECT status FROM deduction_arrangements WHERE id = ?`).get(l.arrangementId) as {
      status: string;
    };
    if (live.status === 'active')
      endArrangement(
        db,
        l.arrangementId,
        'stopped',
        input.settledOn,
        `The bank returned the debit of ${formatLongDate(run.run_date)}: ${achReturnLabel(code)}.`,
        by,
        app.nowIso(),
      );
  }
  return runDetail(db, run.id);
}

/** payroll:resolveLine: a short, missed or returned line closed with what was done. */
export function resolveLine(db: Db, lineId: number, note: string, today: string, by: number): number {
  const line = prepared(db, 'SELECT run_id, outcome, resolved_on FROM deduction_run_lines WHERE id = ?').get(lineId) as
    { run_id: number; outcome: string | null; resolved_on: string | null } | undefined;
  if (!line) throw new AppError('not_found', 'There is no such line.');
  if (line.outcome !== 'short' && line.outcome !== 'missed' && line.outcome !== 'returned')
    throw new AppError('not_allowed', 'Only a short, missed or returned line is resolved.');
  if (line.resolved_on !== null)
    throw new AppError('conflict', `This line was resolved on ${formatLongDate(line.resolved_on)}.`);
  resolveRunLine(db, lineId, today, by, note);
  return line.run_id;
}

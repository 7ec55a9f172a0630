// Each pay period's run (issue 16, semantics 5): which arrangements deduct (or debit) on a date and
// how much (never more than the amount, what the accounts owe, or for payroll the wage-floor rule's
// largest amount on that date: a pay cut never breaks the floor, PD-01; nothing before the signed
// authorization, PD-02); the run written with its lines and its file (payroll's CSV by the
// deductions profile or the default layout; the bank's NACHA file), the file's sha256 kept so the
// file downloaded again is the same bytes; the runs and a run's lines as the screens show them.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { formatLongDate } from '../../../shared/dates';
import { formatDecimal } from '../../../shared/money';
import { sortedName } from '../../../shared/names';
import {
  expectedDeduction,
  floorOn,
  largestDeduction,
  scheduleDates,
  type PayFrequency,
} from '../../../shared/rules/payroll';
import {
  routingNumberValid,
  type ArrangementMethod,
  type DeductionFileMapping,
  type RunDetail,
  type RunLineOutcome,
  type RunLineView,
  type RunPreview,
  type RunPreviewLine,
  type RunSummary,
} from '../../../shared/schemas/payroll';
import type { RecoupApp } from '../../app';
import { csvText, type CsvCell } from '../../platform/csv';
import { payrollPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type {
  DeductionArrangementsRow,
  DeductionRunLinesRow,
  DeductionRunsRow,
  EmployeesRow,
} from '../../store/schema';
import { entryStandsSql } from '../ledger';
import { guarantorName } from '../accounts';
import { openAccountNumber } from './bankSeal';
import { nachaFile } from './nacha';
import { profileOf } from './profiles';
import { arrangementReference, coveredOwedCents, payFacts, wageFloorRows } from './reads';
import { insertRun, insertRunLine, setRunFileHash } from './runRows';

type ArrangementRow = DeductionArrangementsRow & { first_name: string; middle_name: string; last_name: string };

const LIVE_SQL = `SELECT a.*, g.first_name, g.middle_name, g.last_name
   FROM deduction_arrangements a JOIN guarantors g ON g.id = a.guarantor_id
  WHERE a.method = ? AND a.status IN ('awaiting_signature','active')
  ORDER BY g.last_name COLLATE NOCASE, g.first_name COLLATE NOCASE, a.id`;

export function employeeRow(db: Db, id: number): EmployeesRow {
  return prepared(db, 'SELECT * FROM employees WHERE id = ?').get(id) as EmployeesRow;
}

export function runRow(db: Db, runId: number): DeductionRunsRow {
  const row = prepared(db, 'SELECT * FROM deduction_runs WHERE id = ?').get(runId) as DeductionRunsRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such pay-period run.');
  return row;
}

export function existingRunId(db: Db, method: ArrangementMethod, runDate: string): number | null {
  const r = prepared(db, 'SELECT id FROM deduction_runs WHERE method = ? AND run_date = ?').get(method, runDate) as
    { id: number } | undefined;
  return r?.id ?? null;
}

interface Planned {
  preview: RunPreview;
  picks: { arrangementId: number; expectedCents: number }[];
}

/** The one answer to "who deducts on this date, and how much" (the preview and the run). */
function planRun(db: Db, method: ArrangementMethod, runDate: string): Planned {
  const existing = existingRunId(db, method, runDate);
  const rows = prepared(db, LIVE_SQL).all(method) as ArrangementRow[];
  const floors = method === 'payroll' ? wageFloorRows(db) : [];
  const lines: RunPreviewLine[] = [];
  const leftOut: RunPreview['leftOut'] = [];
  const picks: Planned['picks'] = [];
  const inRun = new Set(
    existing === null
      ? []
      : (prepared(db, 'SELECT arrangement_id FROM deduction_run_lines WHERE run_id = ?')
          .pluck()
          .all(existing) as number[]),
  );
  for (const a of rows) {
    const reference = arrangementReference(method, a.id);
    const name = guarantorName(a);
    const out = (reason: string) => leftOut.push({ arrangementId: a.id, reference, guarantorName: name, reason });
    if (a.status === 'awaiting_signature') {
      out('the signed authorization is not recorded (PD-02)');
      continue;
    }
    if (a.signed_on === null || a.signed_on > runDate) {
      out(`the authorization was signed on ${formatLongDate(a.signed_on ?? runDate)}, after this date (PD-02)`);
      continue;
    }
    if (a.first_date > runDate) {
      out(`its first ${method === 'payroll' ? 'pay' : 'debit'} date is ${formatLongDate(a.first_date)}`);
      continue;
    }
    if (scheduleDates(a.first_date, a.frequency as PayFrequency, runDate, runDate).length === 0) {
      const next = scheduleDates(a.first_date, a.frequency as PayFrequency, runDate, '9999-12-31', 1)[0];
      out(`this is not one of its dates${next ? ` (the next is ${formatLongDate(next)})` : ''}`);
      continue;
    }
    if (inRun.has(a.id)) {
      out('it is already in the run of this date');
      continue;
    }
    const owed = coveredOwedCents(db, a.id);
    if (owed === 0) {
      out('its accounts owe nothing');
      continue;
    }
    let expected = expectedDeduction(a.amount_cents, owed);
    let employeeNumber: string | null = null;
    if (method === 'payroll') {
      const e = employeeRow(db, a.employee_id!);
      employeeNumber = e.employee_number;
      if (e.status !== 'active') {
        out(`the employee is terminated (${formatLongDate(e.terminated_on ?? runDate)})`);
        continue;
      }
      const floor = floorOn(floors, e.work_state, runDate);
      if (!floor) {
        out('no federal wage floor is on file for this date (PD-01)');
        continue;
      }
      const limit = largestDeduction(payFacts(e), floor);
      if (limit.maxCents === 0) {
        out('the pay on file leaves nothing above the wage floor on this date (PD-01)');
        continue;
      }
      expected = Math.min(expected, limit.maxCents);
    }
    picks.push({ arrangementId: a.id, expectedCents: expected });
    lines.push({
      arrangementId: a.id,
      reference,
      guarantorName: name,
      employeeNumber,
      expectedCents: expected,
      owedCents: owed,
    });
  }
  return {
    preview: {
      method,
      runDate,
      lines,
      leftOut,
      expectedCents: lines.reduce((s, l) => s + l.expectedCents, 0),
      existingRunId: existing,
    },
    picks,
  };
}

export function runPreview(db: Db, method: ArrangementMethod, runDate: string): RunPreview {
  return planRun(db, method, runDate).preview;
}

// --- the files

export const DEFAULT_DEDUCTION_LAYOUT: DeductionFileMapping = {
  columns: [
    { field: 'employeeId', header: 'Employee ID' },
    { field: 'employeeName', header: 'Employee Name' },
    { field: 'payDate', header: 'Pay Date' },
    { field: 'amount', header: 'Amount' },
    { field: 'deductionCode', header: 'Deduction Code' },
    { field: 'reference', header: 'Reference' },
  ],
  dateFormat: 'YYYY-MM-DD',
  amountFormat: 'dollars',
};

export function formatFileDate(date: string, format: 'YYYY-MM-DD' | 'MM/DD/YYYY'): string {
  return format === 'YYYY-MM-DD' ? date : `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
}

function formatFileAmount(cents: number, format: 'dollars' | 'cents'): string {
  return format === 'dollars' ? formatDecimal(cents) : String(cents);
}

interface StoredLine {
  id: number;
  arrangement_id: number;
  expected_cents: number;
}

function storedLines(db: Db, runId: number): StoredLine[] {
  return prepared(
    db,
    'SELECT id, arrangement_id, expected_cents FROM deduction_run_lines WHERE run_id = ? ORDER BY id',
  ).all(runId) as StoredLine[];
}

/** What an arrangement's accounts owed when the run was made (the ledger as it stood then). */
function owedAsOf(db: Db, arrangementId: number, at: string): number {
  const r = prepared(
    db,
    `SELECT COALESCE(SUM(MAX(t.bal, 0)), 0) AS owed FROM (
       SELECT (SELECT COALESCE(SUM(e.amount_cents), 0) FROM ledger_entries e WHERE e.account_id = da.account_id AND e.posted_at <= ?) AS bal
         FROM deduction_arrangement_accounts da WHERE da.arrangement_id = ?) t`,
  ).get(at, arrangementId) as { owed: number };
  return r.owed;
}

function payrollFile(db: Db, run: DeductionRunsRow): string {
  const mapping =
    run.profile_id === null ? DEFAULT_DEDUCTION_LAYOUT : profileOf(db, run.profile_id, 'deductions').mapping;
  const code = payrollPolicy(db).deductionCode;
  const rows: CsvCell[][] = storedLines(db, run.id).map((l) => {
    const a = prepared(db, 'SELECT employee_id FROM deduction_arrangements WHERE id = ?').get(l.arrangement_id) as {
      employee_id: number;
    };
    const e = employeeRow(db, a.employee_id);
    return mapping.columns.map((c): CsvCell => {
      switch (c.field) {
        case 'employeeId':
          return e.employee_number;
        case 'employeeName':
          return sortedName({ firstName: e.first_name, middleName: '', lastName: e.last_name });
        case 'payDate':
          return formatFileDate(run.run_date, mapping.dateFormat);
        case 'amount':
          return formatFileAmount(l.expected_cents, mapping.amountFormat);
        case 'deductionCode':
          return code;
        case 'reference':
          return arrangementReference('payroll', l.arrangement_id);
        case 'remainingBalance':
          return formatFileAmount(
            Math.max(0, owedAsOf(db, l.arrangement_id, run.created_at) - l.expected_cents),
            mapping.amountFormat,
          );
      }
    });
  });
  return csvText(
    mapping.columns.map((c) => c.header),
    rows,
  );
}

/** The settings the transfer file needs, or a refusal naming each one still blank. */
function bankOrigin(db: Db) {
  const p = payrollPolicy(db);
  const missing: Record<string, string> = {};
  if (!p.bankRoutingNumber)
    missing.bankRoutingNumber = 'Enter the hospital bank’s routing number in Settings, Payroll.';
  else if (!routingNumberValid(p.bankRoutingNumber))
    missing.bankRoutingNumber = 'The hospital bank’s routing number in Settings has a wrong check digit.';
  if (!p.bankName) missing.bankName = 'Enter the bank’s name in Settings, Payroll.';
  if (!p.bankCompanyName)
    missing.bankCompanyName = 'Enter the company name for the transfer file in Settings, Payroll.';
  if (!p.bankCompanyId) missing.bankCompanyId = 'Enter the company id the bank assigned in Settings, Payroll.';
  const names = Object.keys(missing);
  if (names.length > 0)
    throw new AppError(
      'not_allowed',
      `The transfer file cannot be written until Settings, Payroll has ${names
        .map(
          (n) =>
            ({
              bankRoutingNumber: 'a valid bank routing number',
              bankName: 'the bank name',
              bankCompanyName: 'the company name',
              bankCompanyId: 'the company id',
            })[n],
        )
        .join(', ')}.`,
      missing,
    );
  return {
    bankRoutingNumber: p.bankRoutingNumber,
    bankName: p.bankName,
    companyName: p.bankCompanyName,
    companyId: p.bankCompanyId,
    entryDescription: p.entryDescription,
  };
}

/** The NACHA file: the only place a full bank account number is ever opened (bankSeal). */
function bankFile(app: RecoupApp, run: DeductionRunsRow): string {
  const db = app.store.db;
  const origin = bankOrigin(db);
  const key = app.store.currentKey();
  try {
    const debits = storedLines(db, run.id).map((l) => {
      const a = prepared(db, 'SELECT * FROM deduction_arrangements WHERE id = ?').get(
        l.arrangement_id,
      ) as DeductionArrangementsRow;
      return {
        routingNumber: a.bank_routing!,
        accountNumber: openAccountNumber(key, a.bank_account_sealed!, a.guarantor_id),
        accountType: a.bank_account_type as 'checking' | 'savings',
        amountCents: l.expected_cents,
        individualId: arrangementReference('bank', a.id),
        name: a.bank_holder_name!,
      };
    });
    return nachaFile(origin, debits, run.run_date, run.created_at, run.id % 10_000_000);
  } finally {
    key.fill(0);
  }
}

export interface RunFile {
  runId: number;
  fileName: string;
  mimeType: 'text/csv' | 'text/plain';
  bytes: Buffer;
}

function fileOf(app: RecoupApp, run: DeductionRunsRow): RunFile {
  const text = run.method === 'payroll' ? payrollFile(app.store.db, run) : bankFile(app, run);
  return {
    runId: run.id,
    fileName: run.file_name,
    mimeType: run.method === 'payroll' ? 'text/csv' : 'text/plain',
    bytes: Buffer.from(text, 'utf8'),
  };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The run for a date: refuses an empty run and a second run of the method and date; writes the
 * lines, then draws the file from the stored run (the same code the download again uses) and
 * keeps its hash. Inside the caller's transaction (the router's).
 */
export function createRun(
  app: RecoupApp,
  input: { method: ArrangementMethod; runDate: string; profileId?: number | undefined },
  by: number,
): RunFile {
  const db = app.store.db;
  const { preview, picks } = planRun(db, input.method, input.runDate);
  const what = input.method === 'payroll' ? 'payroll deduction' : 'bank transfer';
  if (preview.existingRunId !== null)
    throw new AppError(
      'conflict',
      `The ${what} run for ${formatLongDate(input.runDate)} was made already: download its file again from its run.`,
    );
  if (picks.length === 0)
    throw new AppError(
      'not_allowed',
      `No ${what} falls on ${formatLongDate(input.runDate)}: there is nothing to send.`,
      {
        runDate: 'No arrangement deducts on this date.',
      },
    );
  if (input.method === 'bank') bankOrigin(db);
  if (input.method === 'payroll' && input.profileId !== undefined) profileOf(db, input.profileId, 'deductions');
  const fileName =
    input.method === 'payroll' ? `payroll-deductions-${input.runDate}.csv` : `bank-transfers-${input.runDate}.ach`;
  return db.transaction(() => {
    const runId = insertRun(db, {
      method: input.method,
      runDate: input.runDate,
      fileName,
      fileSha256: '',
      profileId: input.method === 'payroll' ? (input.profileId ?? null) : null,
      expectedCents: preview.expectedCents,
      createdAt: app.nowIso(),
      createdBy: by,
    });
    for (const p of picks) insertRunLine(db, runId, p.arrangementId, p.expectedCents);
    const file = fileOf(app, runRow(db, runId));
    setRunFileHash(db, runId, sha256(file.bytes));
    return file;
  })();
}

/** The run's file again: drawn from the stored run and checked against the hash kept when it was sent. */
export function runFile(app: RecoupApp, runId: number): RunFile {
  const run = runRow(app.store.db, runId);
  const file = fileOf(app, run);
  if (sha256(file.bytes) !== run.file_sha256)
    throw new AppError(
      'conflict',
      run.method === 'payroll'
        ? 'The deduction file cannot be made again as it was sent: its profile or the deduction code in Settings changed since. Ask payroll for the copy they received.'
        : 'The transfer file cannot be made again as it was sent: the bank settings or an account on it changed since. Ask the bank for the copy they received.',
    );
  return file;
}

// --- the views

const SUMMARY_SQL = `SELECT r.*,
    (SELECT count(*) FROM deduction_run_lines l WHERE l.run_id = r.id) AS lines,
    (SELECT count(*) FROM deduction_run_lines l WHERE l.run_id = r.id AND l.outcome IN ('short','missed','returned') AND l.resolved_on IS NULL) AS open
  FROM deduction_runs r`;

function summaryOf(r: DeductionRunsRow & { lines: number; open: number }): RunSummary {
  return {
    id: r.id,
    method: r.method,
    runDate: r.run_date,
    status: r.status,
    lines: r.lines,
    expectedCents: r.expected_cents,
    deductedCents: r.deducted_cents,
    open: r.open,
    fileName: r.file_name,
    createdAt: r.created_at,
  };
}

export function runs(db: Db, method: 'all' | ArrangementMethod): RunSummary[] {
  const rows = (
    method === 'all'
      ? prepared(db, `${SUMMARY_SQL} ORDER BY r.run_date DESC, r.id DESC`).all()
      : prepared(db, `${SUMMARY_SQL} WHERE r.method = ? ORDER BY r.run_date DESC, r.id DESC`).all(method)
  ) as (DeductionRunsRow & { lines: number; open: number })[];
  return rows.map(summaryOf);
}

/**
 * What the ledger holds for a run: its standing payroll deductions (external id
 * payroll:<line>:<account>) or the standing entries of its bank payments, as a positive sum.
 */
export function postedCents(db: Db, runId: number): number {
  const r = prepared(
    db,
    `SELECT COALESCE(-SUM(e.amount_cents), 0) AS posted FROM deduction_run_lines l
       JOIN ledger_entries e ON (e.external_id >= 'payroll:' || l.id || ':' AND e.external_id < 'payroll:' || l.id || ';')
                             OR (l.payment_id IS NOT NULL AND e.payment_id = l.payment_id AND e.type <> 'reversal')
      WHERE l.run_id = ? AND ${entryStandsSql('e')}`,
  ).get(runId) as { posted: number };
  return r.posted;
}

function userName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const r = prepared(db, 'SELECT full_name FROM users WHERE id = ?').get(id) as { full_name: string } | undefined;
  return r?.full_name ?? null;
}

export function runDetail(db: Db, runId: number): RunDetail {
  const row = prepared(db, `${SUMMARY_SQL} WHERE r.id = ?`).get(runId) as
    (DeductionRunsRow & { lines: number; open: number }) | undefined;
  if (!row) throw new AppError('not_found', 'There is no such pay-period run.');
  const lines = prepared(
    db,
    `SELECT l.*, a.guarantor_id, a.method, g.first_name, g.middle_name, g.last_name, e.employee_number
       FROM deduction_run_lines l JOIN deduction_arrangements a ON a.id = l.arrangement_id
       JOIN guarantors g ON g.id = a.guarantor_id LEFT JOIN employees e ON e.id = a.employee_id
      WHERE l.run_id = ? ORDER BY l.id`,
  ).all(runId) as (DeductionRunLinesRow & {
    guarantor_id: number;
    method: ArrangementMethod;
    first_name: string;
    middle_name: string;
    last_name: string;
    employee_number: string | null;
  })[];
  const lineViews: RunLineView[] = lines.map((l) => ({
    id: l.id,
    arrangementId: l.arrangement_id,
    reference: arrangementReference(l.method, l.arrangement_id),
    guarantorId: l.guarantor_id,
    guarantorName: guarantorName(l),
    employeeNumber: l.employee_number,
    expectedCents: l.expected_cents,
    deductedCents: l.deducted_cents,
    hoursCenti: l.hours_centi,
    grossCents: l.gross_cents,
    outcome: l.outcome as RunLineOutcome | null,
    returnCode: l.return_code,
    resolvedOn: l.resolved_on,
    resolvedBy: userName(db, l.resolved_by),
    resolutionNote: l.resolution_note,
  }));
  return {
    ...summaryOf(row),
    lineViews,
    confirmationName: row.confirmation_name,
    reconciledAt: row.reconciled_at,
    reconciledBy: userName(db, row.reconciled_by),
    postedCents: postedCents(db, runId),
  };
}

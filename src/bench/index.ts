// `npm run bench`: the performance benchmarks on a scale data set, run against real encrypted
// databases on this machine. Prints each figure and merges them into bench-results.json at the
// project root. Not part of `npm test`: targets live here, never in timed unit tests.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractFiles, generateExtract } from '../main/demo/synthetic';
import type { RecoupApp } from '../main/app';
import { CAPABILITIES } from '../main/capabilities';
import { agingReport } from '../main/capabilities/accounts';
import { type ImportFile } from '../main/capabilities/imports';
import { importBaselinesChild, importBench, timedImport as timedImportAt } from './import';
import { measurePeak } from './memory';
import { agenciesOnly, agencyBench } from './agencies';
import { LedgerChangeWriter } from '../main/capabilities/ledger';
import { policyOn, runDaily } from '../main/capabilities/plans';
import { workQueue } from '../main/capabilities/queue';
import {
  changeCase,
  insertCase,
  smallClaimsQueueSource,
  smallClaimsReports,
  suitCheck,
} from '../main/capabilities/smallClaims';
import { estateDetail, estateSummaries, estatesQueueSource, recordDeath } from '../main/capabilities/estates';
import {
  buildListing,
  candidates,
  drawListingPdf,
  insertApprovedWriteOffs,
  listingXlsx,
} from '../main/capabilities/badDebt';
import { costReportPeriod } from '../shared/rules/badDebt';
import { workspaceView } from '../main/capabilities/workspace';
import { confirmRun, createRun, employeeList, runPreview } from '../main/capabilities/payroll';
import {
  caseDetail as obCaseDetail,
  caseList as obCaseList,
  deliveryCandidates,
  interview as obInterview,
  linkDelivery,
  markSignedForBench as obMarkSigned,
  obstetricsQueueSource,
  recordDeposit as obDeposit,
  statementRun as obStatementRun,
  statementRunPreview as obStatementRunPreview,
} from '../main/capabilities/obstetrics';
import { formatDecimal } from '../shared/money';
import { collectExtensions } from '../main/platform/capability';
import { beginCall } from '../main/platform/unitOfWork';
import { badDebtPolicy, obstetricsPolicy, writeSettings } from '../main/platform/settings';
import { addDays } from '../shared/dates';
import { computeSchedule } from '../shared/rules/planSchedule';
import { SELF_PAY_COVERAGE } from '../shared/rules/obstetrics';
import { PATIENT_MONEY_TYPES } from '../shared/schemas/ledger';
import { openEncrypted, type Db } from '../main/store/database';
import { newDataKey } from '../main/store/keySlots';
import { addScriptGuarantors, searchBench, searchOnly } from './search';
import { reportsBench } from './reports';
import {
  pdfkitBaseline,
  reportBaseline,
  report as reportStatements,
  statementDrawing,
  statementRun,
  statementsKept,
  shapeStatementRun,
  statementPlanTiming,
} from './statements';
import { eraBench, lookupsOnly, payrollLookups } from './lookups';
import { BENCH_HOSPITAL } from './hospital';
import { queueBench, queueBenchOnKept } from './queue';
import { uploadsBench } from './uploads';
import { benchUser, cpuMsSince, round } from './util';

const TODAY = '2026-11-26';
const STATEMENTS = Number(process.env.RECOUP_BENCH_STATEMENTS ?? 50_000);
/**
 * RECOUP_BENCH_ONLY=statements: only the import it needs and the statement run (a quicker look); with
 * RECOUP_BENCH_DB=/a/copy.db, the run alone on that kept database, which it writes to (src/bench/statements.ts);
 * RECOUP_BENCH_ONLY=payroll: only the payroll bench (issue 16) on its own import;
 * RECOUP_BENCH_ONLY=obstetrics: only the obstetric prepayment bench (issue 17) on its own import;
 * RECOUP_BENCH_ONLY=import: only the generation, the measured imports and the raw insert baseline.
 */
const ONLY = process.env.RECOUP_BENCH_ONLY;
/**
 * RECOUP_BENCH_ONLY=database RECOUP_BENCH_KEEP=/some/file.db: builds the scale data set's encrypted
 * database (imported in slices of at most 250,000 guarantors, each slice with its own id prefix,
 * then 20,000 plans) and keeps it with its key in /some/file.db.key (hex), for measuring one part
 * at a large size without importing again. A tool for development, not a figure.
 */
const DATABASE_ONLY = ONLY === 'database';
const PAYROLL_ONLY = ONLY === 'payroll';
const OBSTETRICS_ONLY = ONLY === 'obstetrics';
const IMPORT_ONLY = ONLY === 'import';
/** RECOUP_BENCH_ONLY=uploads: the extract sent through import:upload and imported (src/bench/uploads.ts). */
const UPLOADS_ONLY = ONLY === 'uploads';
const ALL = ONLY === undefined || ONLY === '';
const GUARANTORS = Number(process.env.RECOUP_BENCH_GUARANTORS ?? 100_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95) };
}

function timedImport(db: Db, input: ImportFile[]): Promise<{ ms: number; rows: number }> {
  return timedImportAt(db, input, `${TODAY}T12:00:00.000Z`);
}

/**
 * Makes `count` plans for guarantors with a balance, started over the last six months under the
 * default policy, with payments for most of them so that the run finds every state.
 */
function makePlans(db: Db, count: number): number {
  const now = `${TODAY}T12:00:00.000Z`;
  const policyId = policyOn(db, TODAY, now).id;
  const guarantors = db
    .prepare(
      `SELECT g.id, (SELECT group_concat(a.id) FROM accounts a WHERE a.guarantor_id = g.id AND a.balance_cents > 0) AS accounts, g.balance_cents
                FROM guarantors g WHERE g.balance_cents >= 10000 ORDER BY g.id LIMIT ?`,
    )
    .all(count) as { id: number; accounts: string | null; balance_cents: number }[];
  const insertPlan = db.prepare(
    `INSERT INTO plans (guarantor_id, policy_id, status, status_since, start_date, balance_cents, down_payment_cents, frequency, day_of_month,
                        first_due_date, installment_cents, installment_count, within_tier, fap_answer, created_at, created_by)
     VALUES (?, ?, 'current', ?, ?, ?, 0, 'monthly', ?, ?, ?, ?, 1, 'declined', ?, NULL) RETURNING id`,
  );
  const insertAccount = db.prepare('INSERT INTO plan_accounts (plan_id, account_id) VALUES (?, ?)');
  const insertInstallment = db.prepare(
    'INSERT INTO plan_installments (plan_id, number, due_date, amount_cents) VALUES (?, ?, ?, ?)',
  );
  const insertPayment = db.prepare(
    `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, posted_by, reference) VALUES (?, 'patient_payment', ?, ?, ?, NULL, 'bench')`,
  );
  let made = 0;
  db.transaction(() => {
    guarantors.forEach((g, i) => {
      if (!g.accounts) return;
      const start = addDays(TODAY, -((i * 37) % 180));
      const first = addDays(start, 15);
      const schedule = computeSchedule({
        balanceCents: g.balance_cents,
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: first,
        installmentCount: 12,
      });
      if (!schedule.ok) return;
      const plan = insertPlan.get(
        g.id,
        policyId,
        start,
        start,
        g.balance_cents,
        Number(first.slice(8, 10)),
        first,
        schedule.installments[0]!.amountCents,
        12,
        now,
      ) as { id: number };
      const accounts = g.accounts.split(',').map(Number);
      for (const a of accounts) insertAccount.run(plan.id, a);
      for (const x of schedule.installments) insertInstallment.run(plan.id, x.number, x.dueDate, x.amountCents);
      // Seven in ten pay every installment due so far; the rest stop after a while.
      const paysAll = i % 10 < 7;
      for (const x of schedule.installments) {
        if (x.dueDate > TODAY || (!paysAll && x.number > i % 3)) break;
        insertPayment.run(accounts[0]!, -x.amountCents, addDays(x.dueDate, -2), now);
        new LedgerChangeWriter(db, { today: TODAY, now, by: null }).moveBalances(
          new Map([[accounts[0]!, -x.amountCents]]),
        );
      }
      made++;
    });
  })();
  return made;
}

function dbSizeMb(file: string): number {
  let size = 0;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) size += statSync(file + suffix).size;
  return size / (1024 * 1024);
}

/**
 * Small claims (issue 13): 2,000 cases on the data set (written through the case rows, each state's
 * largest court; a third filed with a hearing in the coming fortnight, a tenth judged, a tenth
 * closed), then the check for 500 guarantors (p95), the reports, and the cases' work-queue items.
 */
function smallClaimsBench(db: Db, results: Record<string, number>): void {
  const now = `${TODAY}T12:00:00.000Z`;
  const courts = new Map(
    (
      db.prepare('SELECT id, state FROM court_limits ORDER BY entity_limit_cents').all() as {
        id: number;
        state: string;
      }[]
    ).map((r) => [r.state, r.id]),
  );
  const candidates = db
    .prepare(
      `SELECT g.id, g.state, sum(a.balance_cents) AS balance FROM guarantors g JOIN accounts a ON a.guarantor_id = g.id
        WHERE a.balance_cents > 0 GROUP BY g.id ORDER BY g.id LIMIT 20000`,
    )
    .all() as { id: number; state: string; balance: number }[];
  const accountsOf = db.prepare('SELECT id, balance_cents FROM accounts WHERE guarantor_id = ? AND balance_cents > 0');
  let cases = 0;
  db.transaction(() => {
    for (const g of candidates) {
      if (cases >= 2_000) break;
      const court = courts.get(g.state) ?? courts.get('CA')!;
      const accounts = (accountsOf.all(g.id) as { id: number; balance_cents: number }[]).map((a) => ({
        accountId: a.id,
        balanceCents: a.balance_cents,
      }));
      const caseId = insertCase(
        db,
        {
          guarantorId: g.id,
          courtLimitId: court,
          courtName: 'Benchmark court',
          courtAddress: '',
          county: 'Bench',
          basis: 'open_account',
          balanceCents: g.balance,
          claimCents: g.balance,
          waivedCents: 0,
          waiverNote: '',
          openedOn: addDays(TODAY, -60),
          at: now,
          by: 1,
        },
        accounts,
      );
      cases++;
      const k = cases % 10;
      if (k <= 3)
        changeCase(db, caseId, {
          status: 'filed',
          filed_on: addDays(TODAY, -30),
          case_number: `BENCH-${caseId}`,
          hearing_on: addDays(TODAY, (cases % 14) + 1),
          hearing_place: 'Department 1',
        });
      else if (k === 4)
        changeCase(db, caseId, {
          status: 'judgment',
          filed_on: addDays(TODAY, -90),
          case_number: `BENCH-${caseId}`,
          judgment_on: addDays(TODAY, -45),
          judgment_cents: g.balance,
          costs_cents: 0,
          interest_rate_bp: 1000,
        });
      else if (k === 5) changeCase(db, caseId, { status: 'withdrawn', closed_on: addDays(TODAY, -10) });
      else
        changeCase(db, caseId, {
          status: 'demand_sent',
          demand_sent_on: addDays(TODAY, -20),
          file_after: addDays(TODAY, -6),
        });
    }
  })();
  const ids = db
    .prepare('SELECT DISTINCT guarantor_id FROM accounts WHERE balance_cents > 0 ORDER BY random() LIMIT 500')
    .pluck()
    .all() as number[];
  const checkMs: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    suitCheck(db, { guarantorId: id, basis: 'open_account', waiveExcess: false }, TODAY);
    checkMs.push(performance.now() - t);
  }
  results.small_claims_check_p95_ms = round(stats(checkMs).p95, 2);
  let t = performance.now();
  const reports = smallClaimsReports(db, TODAY);
  results.small_claims_reports_ms = round(performance.now() - t, 1);
  t = performance.now();
  const items = smallClaimsQueueSource.items(db, TODAY, () => true).length;
  results.small_claims_queue_ms = round(performance.now() - t, 1);
  console.log(
    `Small claims: ${cases} cases; check p95 ${results.small_claims_check_p95_ms} ms (500 guarantors); reports ${results.small_claims_reports_ms} ms (${reports.open.length} open, ${reports.hearings.length} hearings this week); ${items} queue items in ${results.small_claims_queue_ms} ms`,
  );
}

/**
 * Issue 14: deaths recorded through the service (the flag, plans and promises suspended, placements
 * recalled, the estate opened with its deadline and claimed accounts), then the estates list, the
 * work queue's estate items and the estate page at that size.
 */
function estatesBench(db: Db, results: Record<string, number>): void {
  const now = `${TODAY}T12:00:00.000Z`;
  const ids = db
    .prepare(
      `SELECT g.id FROM guarantors g WHERE g.deceased = 0 AND EXISTS (SELECT 1 FROM accounts a WHERE a.guarantor_id = g.id AND a.balance_cents > 0)
        ORDER BY g.id DESC LIMIT 2000`,
    )
    .pluck()
    .all() as number[];
  const recordMs: number[] = [];
  const estateIds: number[] = [];
  for (const [i, id] of ids.entries()) {
    const t = performance.now();
    estateIds.push(
      recordDeath(
        db,
        { guarantorId: id, dateOfDeath: addDays(TODAY, -((i % 300) + 1)), source: 'family', note: '' },
        { today: TODAY, now, by: 1 },
      ),
    );
    recordMs.push(performance.now() - t);
  }
  results.estates_record_death_p95_ms = round(stats(recordMs).p95, 2);
  let t = performance.now();
  const open = estateSummaries(db, TODAY).length;
  results.estates_list_ms = round(performance.now() - t, 1);
  t = performance.now();
  const items = estatesQueueSource.items(db, TODAY, () => true).length;
  results.estates_queue_ms = round(performance.now() - t, 1);
  const detailMs: number[] = [];
  for (const id of estateIds.slice(0, 200)) {
    const s = performance.now();
    estateDetail(db, id, TODAY);
    detailMs.push(performance.now() - s);
  }
  results.estates_detail_p95_ms = round(stats(detailMs).p95, 2);
  console.log(
    `Estates: ${ids.length} deaths recorded (p95 ${results.estates_record_death_p95_ms} ms each); list of ${open} open in ${results.estates_list_ms} ms; ${items} queue items in ${results.estates_queue_ms} ms; estate page p95 ${results.estates_detail_p95_ms} ms`,
  );
}

/**
 * Issue 15: a listing of 20,000 lines (buildListing: the facts of every account gathered in grouped
 * queries, the clock per line, the reviewer's checks, the reconciliation) and its xlsx. The book's
 * outpatient accounts are made Medicare and written off straight into the store in one transaction
 * (entries and write-off rows through badDebt/rows.ts). The PDF is measured by the lead after merge.
 * Then the candidates list over every Medicare account that owes.
 */
async function badDebtBench(db: Db, results: Record<string, number>): Promise<void> {
  const now = `${TODAY}T12:00:00.000Z`;
  const period = costReportPeriod(TODAY, '12-31');
  writeSettings(db, { badDebt: { ...badDebtPolicy(db), ccn: '123456', fiscalYearEnd: '12-31' } }, now, null);
  const ra = addDays(period.from, -200);
  const days = Math.max(1, Math.round((Date.parse(TODAY) - Date.parse(period.from)) / 86_400_000));
  // Write-offs the reviewer's checks pass (the bench measures a clean listing): accounts not at an
  // agency now, each written off (and its collection effort ceased) on its day of the period, or
  // later if it came back from an agency later (BD-07) or the guarantor paid less than 120 days
  // before (BD-05). An account that could only be written off after today is taken only when the
  // data set is too small to give 20,000 others (the quick configuration: its lines show problems).
  const patientMoney = PATIENT_MONEY_TYPES.filter((t) => t !== 'refund')
    .map((t) => `'${t}'`)
    .join(', ');
  const outpatient = db
    .prepare(
      `SELECT a.id, a.balance_cents,
              EXISTS (SELECT 1 FROM placements pl WHERE pl.account_id = a.id AND pl.status = 'placed') AS placed,
              (SELECT max(pl.returned_on) FROM placements pl WHERE pl.account_id = a.id AND pl.status = 'returned') AS returned_on,
              (SELECT max(e.effective_date) FROM ledger_entries e WHERE e.account_id = a.id AND e.type IN (${patientMoney})) AS paid_on
         FROM accounts a
        WHERE a.service_type <> 'inpatient' AND a.balance_cents > 100
        ORDER BY a.id`,
    )
    .all() as {
    id: number;
    balance_cents: number;
    placed: number;
    returned_on: string | null;
    paid_on: string | null;
  }[];
  const LINES = 20_000;
  const clean: { id: number; balance_cents: number; on: string }[] = [];
  const rest: { id: number; balance_cents: number; on: string }[] = [];
  for (const a of outpatient) {
    if (clean.length === LINES) break;
    const base = addDays(period.from, (clean.length + rest.length) % days);
    const on = [base, a.returned_on, a.paid_on && addDays(a.paid_on, 120)]
      .filter((d): d is string => d !== null)
      .sort()
      .pop()!;
    if (a.placed === 0 && on <= TODAY) clean.push({ ...a, on });
    else rest.push({ ...a, on: base });
  }
  const accounts = [...clean, ...rest.slice(0, Math.max(0, LINES - clean.length))];
  console.log(
    `  bad-debt bench: ${clean.length} accounts written off cleanly, ${accounts.length - clean.length} others`,
  );
  db.transaction(() => {
    const make = db.prepare(
      `UPDATE accounts SET payer_class = 'medicare', medicare_ra_date = ?, first_statement_date = ?, mbi = '1EG4TE5MK73',
              deductible_cents = ?, coinsurance_cents = ?,
              -- BD-10: a dual-eligible account has its Medicaid remittance too.
              medicaid_ra_date = CASE WHEN trim(coalesce(medicaid_number, '')) <> '' THEN ? ELSE medicaid_ra_date END
        WHERE id = ?`,
    );
    const entry = db.prepare(
      `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reason_code)
       VALUES (?, 'bad_debt_writeoff', ?, ?, ?, 'medicare_bad_debt') RETURNING id`,
    );
    const rows = accounts.map((a) => {
      const amount = a.balance_cents;
      const deductible = Math.ceil(amount / 2);
      make.run(ra, addDays(ra, 10), deductible, amount - deductible, ra, a.id);
      const on = a.on;
      const ledgerEntryId = (entry.get(a.id, -amount, on, now) as { id: number }).id;
      return {
        accountId: a.id,
        ceasedOn: on,
        deductibleCents: deductible,
        coinsuranceCents: amount - deductible,
        paidPriorCents: 0,
        amountCents: amount,
        note: '',
        at: now,
        by: null,
        writtenOffOn: on,
        ledgerEntryId,
      };
    });
    insertApprovedWriteOffs(db, rows);
  })();
  // As a clerk exports it: each export builds the listing (its facts, checks and reconciliation)
  // and writes one file. The listing's figure is the slower of the workbook and the PDF.
  const input = {
    ccn: '123456',
    periodFrom: period.from,
    periodTo: period.to,
    setting: 'outpatient' as const,
    preparer: 'Bench',
  };
  let t = performance.now();
  const view = buildListing(db, input, TODAY);
  const built = performance.now() - t;
  const xlsx = await listingXlsx(view);
  const xlsxMs = performance.now() - t;
  t = performance.now();
  const pdf = await drawListingPdf(buildListing(db, input, TODAY));
  const pdfMs = performance.now() - t;
  results.bad_debt_listing_xlsx_ms = round(xlsxMs, 0);
  results.bad_debt_listing_pdf_ms = round(pdfMs, 0);
  results.bad_debt_listing_ms = Math.max(results.bad_debt_listing_xlsx_ms, results.bad_debt_listing_pdf_ms);
  // Which of the reviewer's checks fire, by column and message (the bench's write-offs are meant to pass them all).
  const fired = new Map<string, number>();
  for (const p of view.problems)
    fired.set(`col ${p.column}: ${p.message}`, (fired.get(`col ${p.column}: ${p.message}`) ?? 0) + 1);
  for (const [what, n] of fired) console.log(`  problem x${n}: ${what}`);
  t = performance.now();
  const open = candidates(db, { setting: 'all', show: 'open' }, TODAY).length;
  results.bad_debt_candidates_ms = round(performance.now() - t, 0);
  console.log(
    `Bad-debt listing: ${view.lines.length} lines built in ${round(built, 0)} ms (${view.problems.length} problems, reconciles: ${view.reconciliation.agrees}), exported as xlsx (${round(xlsx.length / 1e6, 1)} MB) in ${results.bad_debt_listing_xlsx_ms} ms, as PDF (${round(pdf.length / 1e6, 1)} MB) in ${results.bad_debt_listing_pdf_ms} ms, each with its build (the slower ${results.bad_debt_listing_ms} ms; target ≤ 5,000); candidates: ${open} Medicare accounts that owe in ${results.bad_debt_candidates_ms} ms`,
  );
}

/**
 * Issue 16: payroll on a store of its own (a copy of the imported store, or its own import), in a
 * process of its own (benchInChild); the roster, the set-up and the queue in ./lookups.
 */
async function payrollBench(db: Db, key: Buffer, results: Record<string, number>): Promise<void> {
  const set = await payrollLookups(db, Buffer.from(key), TODAY, results);
  const { app, user, uploaded, runDate: RUN_DATE, payroll: PAYROLL, bank: BANK } = set;
  let t = performance.now();
  // The Payroll screen's employee list, every one with the count of its open candidates.
  t = performance.now();
  const listed = employeeList(db, { query: '', match: 'all', status: 'all' }).length;
  results.payroll_employees_ms = round(performance.now() - t, 0);
  console.log(`Payroll employee list: ${listed} employees in ${results.payroll_employees_ms} ms`);

  t = performance.now();
  const preview = runPreview(db, 'payroll', RUN_DATE);
  const csv = createRun(app, { method: 'payroll', runDate: RUN_DATE }, user);
  results.payroll_run_ms = round(performance.now() - t, 0);
  t = performance.now();
  const bankPreview = runPreview(db, 'bank', RUN_DATE);
  const ach = createRun(app, { method: 'bank', runDate: RUN_DATE }, user);
  results.payroll_bank_run_ms = round(performance.now() - t, 0);
  if (preview.lines.length !== PAYROLL || bankPreview.lines.length !== BANK)
    throw new Error(
      `payroll bench: ${preview.lines.length} payroll lines (${preview.leftOut[0]?.reason}), ${bankPreview.lines.length} bank lines`,
    );
  console.log(
    `Payroll runs: ${preview.lines.length} deductions previewed and the CSV written (${round(csv.bytes.length / 1e3, 0)} kB) in ${results.payroll_run_ms} ms (target ≤ 2,000); ${bankPreview.lines.length} debits and the NACHA file (${round(ach.bytes.length / 1e3, 0)} kB, account numbers opened) in ${results.payroll_bank_run_ms} ms (target ≤ 2,000)`,
  );

  // Payroll's confirmation: nine in ten deducted in full, some short, some missed (0).
  const hoursOf: Record<string, number> = { weekly: 40, biweekly: 80, semimonthly: 74, monthly: 160 };
  const rows = ['Employee ID,Pay Date,Amount Deducted,Hours Worked,Gross Pay'];
  const lineFacts = db
    .prepare(
      `SELECT e.employee_number, e.pay_frequency, e.hourly_rate_cents, e.annual_salary_cents, l.expected_cents
         FROM deduction_run_lines l JOIN deduction_arrangements a ON a.id = l.arrangement_id JOIN employees e ON e.id = a.employee_id
        WHERE l.run_id = ? ORDER BY l.id`,
    )
    .all(csv.runId) as {
    employee_number: string;
    pay_frequency: string;
    hourly_rate_cents: number | null;
    annual_salary_cents: number | null;
    expected_cents: number;
  }[];
  lineFacts.forEach((l, i) => {
    const hours = hoursOf[l.pay_frequency]!;
    const gross =
      l.hourly_rate_cents !== null
        ? l.hourly_rate_cents * hours
        : Math.round(
            l.annual_salary_cents! /
              ({ weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12 } as Record<string, number>)[l.pay_frequency]!,
          );
    const deducted = i % 30 === 0 ? 0 : i % 10 === 0 ? Math.floor(l.expected_cents / 2) : l.expected_cents;
    rows.push(`${l.employee_number},${RUN_DATE},${formatDecimal(deducted)},${hours},${formatDecimal(gross)}`);
  });
  uploaded.set('confirmation', { fileName: 'confirmation.csv', bytes: Buffer.from(`${rows.join('\r\n')}\r\n`) });
  set.clock.day = RUN_DATE;
  t = performance.now();
  const detail = await confirmRun(
    app,
    {
      runId: csv.runId,
      uploadId: 'confirmation',
      mapping: {
        columns: {
          employeeId: 'Employee ID',
          payDate: 'Pay Date',
          amountDeducted: 'Amount Deducted',
          hoursWorked: 'Hours Worked',
          grossPay: 'Gross Pay',
        },
        dateFormat: 'YYYY-MM-DD',
        amountFormat: 'dollars',
      },
    },
    user,
  );
  results.payroll_confirm_ms = round(performance.now() - t, 0);
  if (detail.status !== 'reconciled' || detail.postedCents !== detail.deductedCents)
    throw new Error(
      `payroll bench: confirmation ${detail.status}, posted ${detail.postedCents} of ${detail.deductedCents}`,
    );
  console.log(
    `Payroll confirmation: ${lineFacts.length} lines checked and posted (${detail.lineViews.filter((l) => l.outcome !== 'deducted').length} short or missed) in ${results.payroll_confirm_ms} ms (target ≤ 5,000)`,
  );
  db.close();
  key.fill(0);
}

/**
 * Issue 17: obstetric prepayment on a store of its own (as payroll's), in a process of its own. 5,000
 * open OB arrangements, every one made through the interview service (`interview`, in a
 * transaction as the router makes it), each for a different guarantor:
 * - 1,000 whose delivery account the extract holds (an obstetric or inpatient account whose
 *   service started 10–200 days ago): interviewed 150 days before that service, the expected
 *   delivery within 10 days of it, signed, two deposits held;
 * - 2,000 paying now: interviewed 30–149 days ago, the expected delivery 51–289 days away, signed,
 *   every installment due by ten days ago paid as a deposit on its due date except in one case in
 *   four (the last one then late);
 * - 1,000 awaiting the signature: half interviewed this week, half 60–159 days ago (many of them
 *   with the expected date gone by: the queue's delivery items);
 * - then the 1,000 measured interviews today (one in five a new patient whose record Recoup makes),
 *   each with the case page the handler returns.
 * Then the 1,000 delivery accounts linked as the clerk does it (the candidates read, the link with
 * its holds and the deposits applied through the ledger, the case page), the monthly OB statement
 * run for the 2,000 paying (preview + run: 2,000 PDFs, the run's PDF, the rows), the queue source
 * and the open cases list over the 5,000.
 */
async function obstetricsBench(db: Db, key: Buffer, results: Record<string, number>): Promise<void> {
  const now = `${TODAY}T12:00:00.000Z`;
  const user = benchUser(db, 'bench.ob', now);
  writeSettings(
    db,
    {
      hospital: BENCH_HOSPITAL,
      obstetrics: { ...obstetricsPolicy(db), vaginalChargesCents: 1_200_000, cesareanChargesCents: 1_800_000 },
    },
    now,
    null,
  );
  const app = {
    store: { db, currentKey: () => Buffer.from(key) },
    clock: { today: () => TODAY },
    nowIso: () => now,
    extensions: collectExtensions(CAPABILITIES),
  } as unknown as RecoupApp;
  const on = (day: string) => ({ today: day, now: `${day}T12:00:00.000Z`, by: user });
  const coverage = (i: number) =>
    i % 5 === 0
      ? SELF_PAY_COVERAGE
      : {
          kind: 'insured' as const,
          payerName: ['Acme PPO', 'Harbor Health HMO', 'Pine State Blue'][i % 3]!,
          planYearEnd: null,
          deductibleRemainingCents: 50_000 + (i % 10) * 25_000,
          oopRemainingCents: 400_000 + (i % 7) * 50_000,
          annualDeductibleCents: null,
          annualOopMaxCents: null,
          coinsuranceBp: [1000, 2000, 3000][i % 3]!,
          copayCents: i % 4 === 0 ? 25_000 : 0,
          allowedCents: null,
        };
  const interviewOn = (
    day: string,
    i: number,
    patient: { guarantorId: number } | { newPatient: Parameters<typeof obInterview>[1]['newPatient'] },
    expectedDelivery: string,
  ) =>
    db.transaction(() =>
      obInterview(
        db,
        {
          ...patient,
          expectedDelivery,
          deliveryKind: i % 4 === 0 ? 'cesarean' : 'vaginal',
          coverage: coverage(i),
          firstDue: addDays(day, 10),
          fapScreening: (['declined', 'will_apply', 'applied', 'declined'] as const)[i % 4]!,
        },
        on(day),
      ),
    )();
  const deposit = (caseId: number, amountCents: number, receivedOn: string, i: number) =>
    obDeposit(
      db,
      { caseId, amountCents, receivedOn, method: (['cash', 'check', 'card'] as const)[i % 3]!, reference: '' },
      on(TODAY),
    );

  // The delivery accounts: one per guarantor, the service started 10–200 days ago.
  const deliveries = db
    .prepare(
      `SELECT a.guarantor_id, min(a.service_from) AS service_from
         FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE a.service_type IN ('obstetric','inpatient') AND a.service_from BETWEEN ? AND ? AND g.deceased = 0
        GROUP BY a.guarantor_id ORDER BY a.guarantor_id`,
    )
    .all(addDays(TODAY, -200), addDays(TODAY, -10)) as { guarantor_id: number; service_from: string }[];
  const LINKS = 1_000;
  if (deliveries.length < LINKS) throw new Error(`obstetrics bench: only ${deliveries.length} delivery accounts`);
  const linkGuarantors = new Set(deliveries.slice(0, LINKS).map((d) => d.guarantor_id));
  const others = (
    db
      .prepare('SELECT id FROM guarantors WHERE deceased = 0 AND date_of_birth IS NOT NULL ORDER BY id')
      .pluck()
      .all() as number[]
  ).filter((id) => !linkGuarantors.has(id));
  if (others.length < 4_000) throw new Error(`obstetrics bench: only ${others.length} other guarantors`);

  let t = performance.now();
  const linkCases: number[] = [];
  deliveries.slice(0, LINKS).forEach((d, i) => {
    const day = addDays(d.service_from, -150);
    const caseId = interviewOn(day, i, { guarantorId: d.guarantor_id }, addDays(d.service_from, (i % 21) - 10));
    obMarkSigned(db, caseId, addDays(day, 3), user);
    deposit(caseId, 25_000 + (i % 8) * 5_000, addDays(day, 20), i);
    deposit(caseId, 20_000, addDays(day, 50), i + 1);
    linkCases.push(caseId);
  });
  const PAYING = 2_000;
  const installments = db.prepare(
    `SELECT i.due_date, i.amount_cents FROM ob_installments i
      WHERE i.version_id = (SELECT id FROM ob_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1) ORDER BY i.seq`,
  );
  for (let i = 0; i < PAYING; i++) {
    const day = addDays(TODAY, -(30 + (i % 120)));
    const caseId = interviewOn(day, i, { guarantorId: others[i]! }, addDays(day, 200 + (i % 90)));
    obMarkSigned(db, caseId, addDays(day, 2), user);
    const due = (installments.all(caseId) as { due_date: string; amount_cents: number }[]).filter(
      (x) => x.due_date <= addDays(TODAY, -10),
    );
    (i % 4 === 0 ? due.slice(0, -1) : due).forEach((x, k) => deposit(caseId, x.amount_cents, x.due_date, i + k));
  }
  for (let i = 0; i < 1_000; i++) {
    const day = i % 2 === 0 ? addDays(TODAY, -(i % 5)) : addDays(TODAY, -(60 + (i % 100)));
    interviewOn(day, i, { guarantorId: others[PAYING + i]! }, addDays(day, 100 + (i % 150)));
  }
  console.log(
    `  set-up: 4,000 OB arrangements interviewed, signed and paid into in ${round(performance.now() - t, 0)} ms`,
  );

  // The measured interviews today, each as the handler makes it (the case page returned).
  const interviewMs: number[] = [];
  t = performance.now();
  for (let i = 0; i < 1_000; i++) {
    const started = performance.now();
    const patient =
      i % 5 === 0
        ? {
            newPatient: {
              lastName: ['Núñez-García', 'Nguyễn', 'Okafor', '王', 'Kowalczyk'][i % 5]!,
              firstName: ['María', 'Thảo', 'Adaeze', '秀英', 'Zofia'][(i / 5) % 5]!,
              middleName: '',
              dateOfBirth: addDays('1988-01-01', i * 3),
              addressLine1: `${100 + i} Elm St`,
              addressLine2: '',
              city: 'Portland',
              state: 'ME' as const,
              zip: '04102',
              phone: `207555${String(1000 + i).slice(-4)}`,
              email: '',
              language: i % 2 === 0 ? ('Spanish' as const) : ('English' as const),
              guarantorNumber: '',
              mrn: '',
            },
          }
        : { guarantorId: others[PAYING + 1_000 + i]! };
    const caseId = interviewOn(TODAY, i, patient, addDays(TODAY, 120 + (i % 150)));
    obCaseDetail(db, caseId, TODAY);
    interviewMs.push(performance.now() - started);
  }
  results.ob_interview_ms = round(performance.now() - t, 0);
  results.ob_interview_p95_ms = round(stats(interviewMs).p95, 2);
  console.log(
    `OB interviews: 1,000 saved with the case page (200 new patients) in ${results.ob_interview_ms} ms; p95 ${results.ob_interview_p95_ms} ms each (target ≤ 500)`,
  );

  // The delivery accounts linked: the candidates the clerk sees, the link, the case page.
  const linkMs: number[] = [];
  let linkedAccounts = 0;
  t = performance.now();
  for (const caseId of linkCases) {
    const started = performance.now();
    const ids = deliveryCandidates(db, caseId)
      .filter((k) => k.sameGuarantor && k.takenByCase === null)
      .map((k) => k.accountId);
    db.transaction(() => {
      linkDelivery(app, caseId, ids, on(TODAY));
      obCaseDetail(db, caseId, TODAY);
    })();
    linkedAccounts += ids.length;
    linkMs.push(performance.now() - started);
  }
  results.ob_link_ms = round(performance.now() - t, 0);
  results.ob_link_p95_ms = round(stats(linkMs).p95, 2);
  const applied = db.prepare(`SELECT count(*) FROM ob_deposits WHERE status = 'applied'`).pluck().get() as number;
  if (applied !== 2 * LINKS) throw new Error(`obstetrics bench: ${applied} deposits applied`);
  console.log(
    `OB delivery links: ${LINKS} cases linked to ${linkedAccounts} accounts, ${applied} deposits applied through the ledger, in ${results.ob_link_ms} ms; p95 ${results.ob_link_p95_ms} ms each (target ≤ 500)`,
  );

  // The monthly OB statement run: preview + run, one PDF per case and the run's PDF.
  t = performance.now();
  const runPreview = obStatementRunPreview(db, TODAY, TODAY);
  // The router's transaction around the call (the run commits with it, all or nothing).
  const call = beginCall(db);
  const run = await obStatementRun(db, TODAY, on(TODAY));
  call.commit();
  results.ob_statement_run_ms = round(performance.now() - t, 0);
  // Of the 2,000 paying, those with nothing left to pay before the delivery are left out (the preview says so).
  if (runPreview.due.length < PAYING * 0.9 || run.count !== runPreview.due.length)
    throw new Error(`obstetrics bench: ${runPreview.due.length} OB statements due, ${run.count} run`);
  const reasons = new Map<string, number>();
  for (const l of runPreview.left) {
    const r = l.reason.replace(/( on .*|\.)$/, '');
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  const runBytes = db.prepare('SELECT length(bytes) FROM documents WHERE id = ?').pluck().get(run.documentId);
  console.log(
    `OB statement run: ${run.count} statements of ${PAYING} paying cases (left out: ${[...reasons].map(([r, n]) => `${n} ${r}`).join('; ')}) previewed, drawn and kept, the run's PDF ${round(Number(runBytes ?? 0) / 1e6, 1)} MB, in ${results.ob_statement_run_ms} ms (target ≤ 60,000)`,
  );

  const queueMs: number[] = [];
  let queueItems = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    queueItems = obstetricsQueueSource.items(db, TODAY, () => true).length;
    queueMs.push(performance.now() - t);
  }
  results.ob_queue_ms = round(stats(queueMs).median, 1);
  const listMs: number[] = [];
  let listed = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    listed = obCaseList(db, 'open', TODAY).length;
    listMs.push(performance.now() - t);
  }
  results.ob_cases_list_ms = round(stats(listMs).median, 1);
  console.log(
    `OB queue source: ${queueItems} items over ${listed} open cases in ${results.ob_queue_ms} ms (median of 5; target ≤ 500); the open cases list (${listed}) in ${results.ob_cases_list_ms} ms (median of 5; target ≤ 500)`,
  );
  db.close();
  key.fill(0);
}

const CHILD_PARTS = {
  payroll: payrollBench,
  obstetrics: obstetricsBench,
  // The statement run's book shaped (its guarantors held but for the run's), on the bench's store.
  statement_setup: (db: Db) => shapeStatementRun(db, STATEMENTS, TODAY),
} as const;
type ChildPart = keyof typeof CHILD_PARTS;
const CHILD_LINE = 'RECOUP_BENCH_CHILD ';

/**
 * Runs a bench part (payroll, obstetrics) in a process of its own on its own store, and merges its
 * figures. Each part changes its store's data (arrangements, OB cases), so it cannot share the main
 * store; in this process the second store's page cache, once freed, would stay resident and be
 * counted in the part's peak (issue 18 item 6), so the part's memory is measured where it runs.
 */
function benchInChild(part: ChildPart, dbPath: string, key: Buffer, results: Record<string, number>): void {
  // What this process holds meanwhile (it waits for the child): said beside the child's own peak.
  results[`${part}_parent_rss_mb`] = Math.round(process.memoryUsage().rss / 2 ** 20);
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, RECOUP_BENCH_ONLY: 'child', RECOUP_BENCH_CHILD: JSON.stringify({ part, dbPath }) },
    // The store's key on the child's standard input, not in its environment (which /proc shows).
    input: key.toString('hex'),
    stdio: ['pipe', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = child.stdout.split('\n');
  const line = lines.find((l) => l.startsWith(CHILD_LINE));
  for (const l of lines) if (l !== line && l !== '') console.log(l);
  if (child.status !== 0 || !line) throw new Error(`the ${part} bench failed (exit ${child.status})`);
  Object.assign(results, JSON.parse(line.slice(CHILD_LINE.length)) as Record<string, number>);
  console.log(`  (the bench's own process held ${results[`${part}_parent_rss_mb`]} MB meanwhile)`);
}

/** RECOUP_BENCH_ONLY=child (started by benchInChild): one part on the store it is given, its key on stdin. */
async function childPart(): Promise<void> {
  const input = JSON.parse(process.env.RECOUP_BENCH_CHILD ?? '{}') as { part: ChildPart; dbPath: string };
  const key = Buffer.from(readFileSync(0, 'utf8').trim(), 'hex');
  const results: Record<string, number> = {};
  const db = openEncrypted(input.dbPath, Buffer.from(key));
  const cpu = process.cpuUsage();
  const { peakMb } = await measurePeak(() => CHILD_PARTS[input.part](db, key, results));
  results[`${input.part}_cpu_ms`] = cpuMsSince(cpu);
  if (peakMb !== null) results[`${input.part}_peak_mb`] = peakMb;
  console.log(
    `  ${input.part}: CPU ${results[`${input.part}_cpu_ms`]} ms; peak ${peakMb ?? '?'} MB resident (a process of its own)`,
  );
  console.log(CHILD_LINE + JSON.stringify(results));
}

/** RECOUP_BENCH_ONLY=database: see DATABASE_ONLY. */
async function buildDatabase(file: string): Promise<void> {
  const key = newDataKey();
  rmSync(file, { force: true });
  const db = openEncrypted(file, key);
  const SLICE = 250_000;
  for (let done = 0, i = 0; done < GUARANTORS; done += SLICE, i++) {
    const size = Math.min(SLICE, GUARANTORS - done);
    const prefix = String.fromCharCode(65 + i);
    const t = performance.now();
    const run = await timedImport(
      db,
      extractFiles(generateExtract({ seed: 20261126 + i, guarantors: size, today: TODAY, idPrefix: prefix }), prefix),
    );
    console.log(
      `  slice ${prefix}: ${size} guarantors, ${run.rows} rows in ${round((performance.now() - t) / 1000, 1)} s`,
    );
  }
  console.log(`Plans: ${makePlans(db, 20_000)} active plans made`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(`${file}.key`, key.toString('hex'));
  console.log(`Kept ${file} (${round(dbSizeMb(file), 0)} MB) and its key in ${file}.key`);
}

async function main(): Promise<void> {
  if (ONLY === 'import-baselines') {
    await importBaselinesChild();
    return;
  }
  if (ONLY === 'child') {
    await childPart();
    return;
  }
  if (ONLY === 'search') {
    const file = process.env.RECOUP_BENCH_DB;
    if (!file) throw new Error('RECOUP_BENCH_ONLY=search needs RECOUP_BENCH_DB=/path/to/kept.db');
    searchOnly(path.resolve(file), `${TODAY}T09:00:00.000Z`);
    return;
  }
  if (ONLY === 'statement-draw' && process.env.RECOUP_BENCH_DB) {
    await statementDrawing(path.resolve(process.env.RECOUP_BENCH_DB), STATEMENTS);
    return;
  }
  if (ONLY === 'statement-plan' && process.env.RECOUP_BENCH_DB) {
    statementPlanTiming(path.resolve(process.env.RECOUP_BENCH_DB), TODAY);
    return;
  }
  if (ONLY === 'statements' && process.env.RECOUP_BENCH_DB) {
    await statementsKept(path.resolve(process.env.RECOUP_BENCH_DB), STATEMENTS, TODAY, BENCH_HOSPITAL, {});
    return;
  }
  if (ONLY === 'agencies') {
    const file = process.env.RECOUP_BENCH_DB;
    if (!file) throw new Error('RECOUP_BENCH_ONLY=agencies needs RECOUP_BENCH_DB=/path/to/kept.db (a copy: it writes)');
    agenciesOnly(path.resolve(file), TODAY);
    return;
  }
  if (ONLY === 'lookups') {
    const file = process.env.RECOUP_BENCH_DB;
    if (!file) throw new Error('RECOUP_BENCH_ONLY=lookups needs RECOUP_BENCH_DB=/path/to/kept.db');
    await lookupsOnly(path.resolve(file), TODAY);
    return;
  }
  if (ONLY === 'reports') {
    reportsBench();
    return;
  }
  if (ONLY === 'queue') {
    queueBenchOnKept(TODAY, collectExtensions(CAPABILITIES).queueSources);
    return;
  }
  if (DATABASE_ONLY) {
    const keep = process.env.RECOUP_BENCH_KEEP;
    if (!keep) throw new Error('RECOUP_BENCH_ONLY=database needs RECOUP_BENCH_KEEP=/path/to/file.db');
    await buildDatabase(path.resolve(keep));
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'recoup-bench-'));
  const results: Record<string, number> = {};
  /**
   * Issue 18 item 6: each step's peak resident memory, as `<step>_peak_mb` (src/bench/memory.ts);
   * `max_peak_mb` is the highest of them (the whole run's, generation and the encrypted import
   * included; the baselines, which run in a process of their own, are not).
   */
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage();
    const { value, peakMb } = await measurePeak(run);
    // The step's CPU time (every thread of the process), as `<step>_cpu_ms`: on a shared machine
    // the wall clock follows the load, the CPU time much less (the side-by-side tables use it).
    results[`${name}_cpu_ms`] = cpuMsSince(cpu);
    if (peakMb !== null) results[`${name}_peak_mb`] = peakMb;
    console.log(`  ${name}: CPU ${results[`${name}_cpu_ms`]} ms; peak ${peakMb ?? '?'} MB resident`);
    return value;
  };
  try {
    // Generation to files and the measured imports: src/bench/import.ts.
    const bench = await importBench(
      dir,
      {
        guarantors: GUARANTORS,
        today: TODAY,
        measure: ALL || IMPORT_ONLY,
        importDb: !PAYROLL_ONLY && !OBSTETRICS_ONLY && !UPLOADS_ONLY,
      },
      results,
    );
    const { input } = bench;
    let t = performance.now();
    // The payroll and obstetrics parts each need the imported store as it stands before the other
    // parts change it: a copy of it each (a file copy, not a second import), run at the end.
    const partStores = new Map<ChildPart, string>();
    const parts: ChildPart[] = ALL
      ? ['payroll', 'obstetrics']
      : PAYROLL_ONLY
        ? ['payroll']
        : OBSTETRICS_ONLY
          ? ['obstetrics']
          : [];
    let partKey: Buffer | null = null;
    if (bench.db && ALL) {
      // Everything in the file first (a copy without the WAL's frames would be an older store),
      // and the copies on disk before the next steps are timed (not their writeback meanwhile).
      const [done] = bench.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      if (done?.busy !== 0 || done.log !== 0) throw new Error('the store could not be checkpointed to be copied');
      partKey = bench.key;
      for (const part of parts) {
        const copy = path.join(dir, `${part}.db`);
        copyFileSync(bench.dbPath, copy);
        const fd = openSync(copy, 'r');
        fsyncSync(fd);
        closeSync(fd);
        partStores.set(part, copy);
      }
    } else if (parts.length > 0) {
      partKey = newDataKey();
      for (const part of parts) {
        const file = path.join(dir, `${part}.db`);
        const db = openEncrypted(file, Buffer.from(partKey));
        await timedImport(db, input);
        db.close();
        partStores.set(part, file);
      }
    }

    if (bench.db && IMPORT_ONLY) bench.db.close();
    else if (bench.db) {
      const { db, dbPath } = bench;
      if (ALL) {
        // Search: 1,000 mixed queries as a clerk types them, 1% of names in other scripts (issue 18).
        addScriptGuarantors(db, `${TODAY}T09:00:00.000Z`);
        await step('search', () => searchBench(db, results));

        // Opening an account: the whole workspace for one guarantor.
        const ids = db.prepare('SELECT id FROM guarantors ORDER BY random() LIMIT 1000').pluck().all() as number[];
        const openMs: number[] = [];
        await step('account_open', () => {
          for (const id of ids) {
            t = performance.now();
            workspaceView(db, id, TODAY);
            openMs.push(performance.now() - t);
          }
        });
        const o = stats(openMs);
        results.account_open_median_ms = round(o.median, 3);
        results.account_open_p95_ms = round(o.p95, 3);
        console.log(
          `Account open (1,000 guarantors): median ${results.account_open_median_ms} ms, p95 ${results.account_open_p95_ms} ms`,
        );

        t = performance.now();
        await step('aging_report', () => {
          agingReport(db, 'service_date', TODAY, TODAY);
          agingReport(db, 'first_statement_date', TODAY, TODAY);
        });
        results.aging_report_ms = round((performance.now() - t) / 2, 1);
        console.log(`Aging report: ${results.aging_report_ms} ms`);

        // Payment plans: 20,000 active plans on the scale data set, then the lapse engine's daily run
        // and the work queue.
      }
      const plans = await step('make_plans', () => makePlans(db, 20_000));
      console.log(`Plans: ${plans} active plans made`);
      if (ALL) {
        t = performance.now();
        const daily = await step('lapse_run', () => runDaily(db, TODAY, `${TODAY}T12:00:00.000Z`, null));
        results.lapse_run_ms = round(performance.now() - t, 1);
        console.log(
          `Lapse engine, daily run: ${results.lapse_run_ms} ms (${daily.plansChecked} plans: ${daily.lapsed} lapsed, ${daily.defaulted} defaulted, ${daily.completed} paid, ${daily.cured} cured)`,
        );
        const queueSources = collectExtensions(CAPABILITIES).queueSources;
        const queueMs: number[] = [];
        let queueSize = 0;
        await step('work_queue', () => {
          for (let i = 0; i < 25; i++) {
            t = performance.now();
            queueSize = workQueue(db, TODAY, { userId: 1, all: true, role: 'administrator' }, queueSources).items
              .length;
            queueMs.push(performance.now() - t);
          }
        });
        results.work_queue_median_ms = round(stats(queueMs).median, 1);
        console.log(`Work queue (${queueSize} items, all clerks): median ${results.work_queue_median_ms} ms`);
        // Where the queue's time goes: each source once, by its kinds.
        for (const source of queueSources) {
          t = performance.now();
          const n = source.items(db, TODAY, () => true).length;
          console.log(`  ${source.kinds.join(', ')}: ${n} items in ${round(performance.now() - t, 1)} ms`);
        }
        // The kept queue: the day's first build, a page, an item marked done (src/bench/queue.ts).
        await step('work_queue_kept', () =>
          queueBench(db, TODAY, queueSources, results, { write: true, now: `${TODAY}T15:00:00.000Z` }),
        );
      }

      // The monthly statement run: 50,000 statements on the scale data set (selection, drawing in
      // worker threads, recording, the batch PDF), then a bare pdfkit baseline of as many one-page
      // documents drawn in this thread.
      // Its book shaped first in a process of its own, on this store (committed before the run reads it).
      benchInChild('statement_setup', dbPath, bench.key, results);
      const statements = await step('statement_run', () => statementRun(db, TODAY, BENCH_HOSPITAL));
      reportStatements(statements, null, results);
      // Issue 18 item 5: the run's time (prepared and released) over the baseline's for as many.
      reportBaseline(statements, await pdfkitBaseline(statements.count), results);

      if (ALL) await step('agencies', () => agencyBench(db, results, TODAY));
      if (ALL) await step('small_claims', () => smallClaimsBench(db, results));
      if (ALL) await step('estates', () => estatesBench(db, results));
      if (ALL) await step('x12', () => eraBench(db, TODAY, results));
      if (ALL) await step('bad_debt', () => badDebtBench(db, results));

      if (ALL) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        results.db_size_mb = round(dbSizeMb(dbPath), 1);
        console.log(`Database size (with the plans and the statement run): ${results.db_size_mb} MB`);
      }
      db.close();
    }
    if (UPLOADS_ONLY) await uploadsBench(bench.extract, dir, { today: TODAY }, results);
    for (const [part, file] of partStores) {
      benchInChild(part, file, partKey!, results);
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
    partKey?.fill(0);
    // The application's steps; the baselines' own process (plain import, raw insert) is not Recoup.
    const BASELINE_PEAKS = new Set(['plain_import_peak_mb', 'raw_insert_peak_mb']);
    const peaks = Object.entries(results).filter(([k]) => k.endsWith('_peak_mb') && !BASELINE_PEAKS.has(k));
    if (peaks.length > 0) {
      results.max_peak_mb = Math.max(...peaks.map(([, v]) => v));
      console.log(
        `Peak resident memory of the run: ${results.max_peak_mb} MB (target < 2,048 at one million guarantors)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const file = path.resolve(__dirname, '../../bench-results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    file,
    `${JSON.stringify({ ...previous, ...results, measured_on: new Date().toISOString().slice(0, 10) }, null, 2)}\n`,
  );
  console.log(`Wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

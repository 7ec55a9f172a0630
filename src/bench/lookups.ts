// The three look-ups issue 18 found behind at one million guarantors: the X12 835 import (claims
// matched to accounts), the payroll roster (employees matched to guarantors) and the payroll queue
// source. The whole bench runs them on databases it imports itself (eraBench on the scale data set,
// payrollLookups on payroll's own); RECOUP_BENCH_ONLY=lookups RECOUP_BENCH_DB=/path/to/kept.db runs
// the same on a database kept by RECOUP_BENCH_ONLY=database (its key beside it in .key) inside one
// transaction rolled back at the end, so the file is left as it was and the run can be repeated
// (RECOUP_BENCH_REPEAT=n times). As the router does (HP-01), the capabilities' own transactions
// are then savepoints of that one. Wall-clock and CPU milliseconds are both printed: the machine
// is shared, and CPU time is what a change to the code moves.
import { readFileSync } from 'node:fs';
import type { RecoupApp } from '../main/app';
import { CAPABILITIES } from '../main/capabilities';
import { importEra, previewEra, write835, type Write835Claim } from '../main/capabilities/badDebt';
import {
  accountEligibility,
  confirmMatch,
  createArrangement,
  markSigned,
  payrollQueueSource,
  runRoster,
} from '../main/capabilities/payroll';
import { collectExtensions } from '../main/platform/capability';
import { payrollPolicy, writeSettings } from '../main/platform/settings';
import { openEncrypted, type Db } from '../main/store/database';
import { migrate } from '../main/store/migrations';
import { addDays } from '../shared/dates';
import { BENCH_HOSPITAL } from './hospital';
import { benchUser, median, round } from './util';

/** CPU milliseconds (user and system) of this process since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** What payrollBench (index.ts) goes on with after the roster, the set-up and the queue. */
export interface PayrollBenchSet {
  app: RecoupApp;
  user: number;
  runDate: string;
  payroll: number;
  bank: number;
  /** The files "uploaded" (by id) that the services read. */
  uploaded: Map<string, { fileName: string; bytes: Buffer }>;
  /** The day the app's clock says (payroll's confirmation comes on the pay date). */
  clock: { day: string };
}

/**
 * Issue 15: an X12 835 of 20,000 claims, each matched to an account of the data set (four
 * transactions of 5,000; every fifth claim Medicare with PR-1/PR-2, every claim a service line with
 * its CAS), read, previewed (the engine run and rolled back) and imported (posted in one ledger
 * change). Claims per second over preview and import together.
 */
export function eraBench(db: Db, TODAY: string, results: Record<string, number>): void {
  const now = `${TODAY}T12:00:00.000Z`;
  const user = benchUser(db, 'bench.era', now);
  const numbers = db.prepare('SELECT account_number FROM accounts ORDER BY id LIMIT 20000').pluck().all() as string[];
  const CLAIMS = 20_000;
  const claims: Write835Claim[] = Array.from({ length: CLAIMS }, (_, i) => {
    const medicare = i % 5 === 0;
    const paid = 5_000 + (i % 97) * 100;
    return {
      patientControl: numbers[i % numbers.length]!,
      status: '1',
      chargeCents: paid + 4_000,
      paidCents: paid,
      patientRespCents: 2_500,
      filing: medicare ? 'MA' : '12',
      payerClaimNumber: `BENCH${i}`,
      cas: [['CO', '45', 1_500]],
      lines: [
        {
          procedure: 'HC:99213',
          chargeCents: paid + 4_000,
          paidCents: paid,
          date: addDays(TODAY, -40),
          cas: medicare
            ? [
                ['PR', '1', 2_000],
                ['PR', '2', 500],
              ]
            : [['PR', '3', 2_500]],
        },
      ],
    };
  });
  const transactions = [0, 1, 2, 3].map((k) => ({
    payerName: k % 2 === 0 ? 'MEDICARE PART A' : 'ACME HEALTH PLAN',
    date: addDays(TODAY, -10 + k),
    claims: claims.slice(k * 5_000, (k + 1) * 5_000),
  }));
  const bytes = Buffer.from(write835(transactions, { control: '20000' }), 'latin1');
  const app = {
    store: { db },
    clock: { today: () => TODAY },
    nowIso: () => now,
    extensions: collectExtensions(CAPABILITIES),
  } as unknown as RecoupApp;
  const source = () => ({ fileName: 'bench.835', bytes });
  const t = performance.now();
  const cpu = process.cpuUsage();
  const preview = previewEra(app, user, 'bench', source);
  const previewMs = performance.now() - t;
  const previewCpuMs = cpuMs(cpu);
  const detail = importEra(app, user, 'bench', source);
  const ms = performance.now() - t;
  const importCpuMs = cpuMs(cpu) - previewCpuMs;
  if (preview.problems.length > 0 || detail.totals.posted !== CLAIMS)
    throw new Error(`835 bench: ${preview.problems.length} problems, ${detail.totals.posted} of ${CLAIMS} posted`);
  // The import is what posts (the target); the preview before it is the clerk's look, recorded apart.
  results.x12_claims_per_s = Math.round(CLAIMS / ((ms - previewMs) / 1000));
  results.x12_preview_ms = round(previewMs, 0);
  console.log(
    `835 remittance: ${CLAIMS} claims (${round(bytes.length / 1e6, 1)} MB) previewed in ${round(previewMs, 0)} ms and imported in ${round(ms - previewMs, 0)} ms (import ${results.x12_claims_per_s} claims/s; target ≥ 5,000); CPU ${round(previewCpuMs, 0)} ms and ${round(importCpuMs, 0)} ms`,
  );
}

/** The pay date of the bench's arrangements (payrollLookups sets them up to start on it). */
const PAYROLL_RUN_DATE = '2026-12-04';

/** The payroll queue source two days before the pay date, five calls: every arrangement due, and the matches to confirm. */
function payrollQueueBench(db: Db, today: string, results: Record<string, number>): void {
  const queueMs: number[] = [];
  const queueCpuMs: number[] = [];
  let queueItems = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    queueItems = payrollQueueSource.items(db, today, () => true).length;
    queueMs.push(performance.now() - t);
    queueCpuMs.push(cpuMs(cpu));
  }
  results.payroll_queue_ms = round(median(queueMs), 1);
  console.log(
    `Payroll queue: ${queueItems} items in ${results.payroll_queue_ms} ms (median of 5; target ≤ 500); CPU ${round(median(queueCpuMs), 1)} ms`,
  );
}

/**
 * Issue 16: payroll deductions on a database of their own, imported from the same extract (the
 * other benches' plans, placements and write-offs would leave few guarantors an arrangement can
 * cover). A roster of 20,000 employees imported (6,000 of them the bench's guarantors by date of
 * birth and name, a third of those also by the employee id put on the guarantor's record); 5,000
 * payroll deductions and 2,000 bank transfers set up through createArrangement (the service: the
 * eligibility, the wage-floor rule, the account number sealed) and marked signed by the owner's
 * row writer (recordSignature wants the printed form; holds are not placed: no run reads them);
 * then the queue source two days before the pay date. What follows (the employee list, each run,
 * payroll's confirmation) is index.ts's payrollBench, on what this returns.
 */
export async function payrollLookups(
  db: Db,
  key: Buffer,
  TODAY: string,
  results: Record<string, number>,
): Promise<PayrollBenchSet> {
  const now = `${TODAY}T12:00:00.000Z`;
  const user = benchUser(db, 'bench.payroll', now);
  writeSettings(
    db,
    {
      hospital: BENCH_HOSPITAL,
      payroll: {
        ...payrollPolicy(db),
        bankCompanyName: 'BENCH HOSPITAL',
        bankCompanyId: '1234567890',
        bankRoutingNumber: '021000021',
        bankName: 'BENCH BANK',
      },
    },
    now,
    null,
  );
  const RUN_DATE = PAYROLL_RUN_DATE;
  const clock = { day: TODAY };
  const uploaded = new Map<string, { fileName: string; bytes: Buffer }>();
  const app = {
    store: { db, currentKey: () => Buffer.from(key) },
    clock: { today: () => clock.day },
    nowIso: () => now,
    extensions: collectExtensions(CAPABILITIES),
    uploads: { bytes: (_user: number, id: string) => uploaded.get(id)!, discard: (id: string) => uploaded.delete(id) },
  } as unknown as RecoupApp;
  const w = { today: TODAY, now, by: user };

  // The guarantors an arrangement can cover (the service's own eligibility), 7,000 of them.
  const people = db
    .prepare(
      `SELECT id, first_name, last_name, date_of_birth FROM guarantors
        WHERE deceased = 0 AND date_of_birth IS NOT NULL AND balance_cents > 0 ORDER BY id`,
    )
    .all() as { id: number; first_name: string; last_name: string; date_of_birth: string }[];
  const PAYROLL = 5_000;
  const BANK = 2_000;
  const chosen: {
    id: number;
    first_name: string;
    last_name: string;
    date_of_birth: string;
    accounts: number[];
    owed: number;
  }[] = [];
  for (const g of people) {
    if (chosen.length === PAYROLL + BANK + 1_000) break;
    const eligible = accountEligibility(db, g.id, TODAY).eligible;
    const owed = eligible.reduce((s, a) => s + a.owedCents, 0);
    if (eligible.length > 0 && owed >= 2_000) chosen.push({ ...g, accounts: eligible.map((a) => a.accountId), owed });
  }
  if (chosen.length < PAYROLL + BANK + 1_000)
    throw new Error(`payroll bench: only ${chosen.length} guarantors can be covered`);
  // The first 6,000 are employees (5,000 to deduct from, 1,000 left for a person to confirm); the
  // next 2,000 pay by bank transfer. Every third employee's id is on the guarantor's record too.
  const employeesOf = chosen.slice(0, PAYROLL).concat(chosen.slice(PAYROLL + BANK));
  const setEmployeeId = db.prepare('UPDATE guarantors SET employee_id = ? WHERE id = ?');
  db.transaction(() => employeesOf.forEach((g, i) => i % 3 === 0 && setEmployeeId.run(`E${100000 + i}`, g.id)))();

  const EMPLOYEES = 20_000;
  const frequencies = ['weekly', 'biweekly', 'biweekly', 'semimonthly', 'monthly'];
  const states = ['TX', 'TX', 'TX', 'OK', 'LA', 'NM'];
  const lines = [
    'Employee ID,Last Name,First Name,Birth Date,Pay Frequency,Pay Type,Hourly Rate,Annual Salary,Weekly Hours,Exempt,Work State,Status,Terminated On',
  ];
  for (let i = 0; i < EMPLOYEES; i++) {
    const g = employeesOf[i];
    const salaried = i % 7 === 0;
    const terminated = !g && i % 50 === 0;
    const birth = g ? g.date_of_birth : addDays('1960-01-01', (i * 7919) % 15_000);
    const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    lines.push(
      [
        `E${100000 + i}`,
        q(g ? g.last_name : `Worker${i}`),
        q(g ? g.first_name : `Pat${i % 97}`),
        birth,
        frequencies[i % frequencies.length],
        salaried ? 'S' : 'H',
        salaried ? '' : (15 + (i % 26)).toFixed(2),
        salaried ? String(60_000 + (i % 40) * 1_500) : '',
        salaried ? '40' : i % 4 === 0 ? '32.5' : '40',
        salaried ? 'Y' : 'N',
        states[i % states.length],
        terminated ? 'T' : 'A',
        terminated ? '2026-10-31' : '',
      ].join(','),
    );
  }
  uploaded.set('roster', { fileName: 'roster.csv', bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') });
  const mapping = {
    columns: {
      employeeId: 'Employee ID',
      lastName: 'Last Name',
      firstName: 'First Name',
      birthDate: 'Birth Date',
      payFrequency: 'Pay Frequency',
      payType: 'Pay Type',
      hourlyRate: 'Hourly Rate',
      annualSalary: 'Annual Salary',
      weeklyHours: 'Weekly Hours',
      exempt: 'Exempt',
      workState: 'Work State',
      status: 'Status',
      terminatedOn: 'Terminated On',
    },
    dateFormat: 'YYYY-MM-DD' as const,
    codes: {},
  };
  const upload = (id: string) => uploaded.get(id)!;
  let t = performance.now();
  const cpu = process.cpuUsage();
  const report = await runRoster(db, upload, { uploadId: 'roster', mapping }, 'commit', w);
  const rosterMs = performance.now() - t;
  const rosterCpuMs = cpuMs(cpu);
  if (report.problems.length > 0 || report.added !== EMPLOYEES)
    throw new Error(`payroll bench: roster ${report.problems.length} problems, ${report.added} added`);
  results.roster_rows_per_s = Math.round(EMPLOYEES / (rosterMs / 1000));
  console.log(
    `Payroll roster: ${EMPLOYEES} employees imported in ${round(rosterMs, 0)} ms (${results.roster_rows_per_s} rows/s; target ≥ 5,000), ${report.toConfirm} with a match to confirm, ${report.terminated} terminated; CPU ${round(rosterCpuMs, 0)} ms`,
  );

  // Set-up: 5,000 matches confirmed and 7,000 arrangements created through the services.
  t = performance.now();
  const employeeIds = db.prepare('SELECT employee_number, id FROM employees').all() as {
    employee_number: string;
    id: number;
  }[];
  const employeeByNumber = new Map(employeeIds.map((e) => [e.employee_number, e.id]));
  const makeBank = (i: number) => ({
    holderName: `Holder ${i}`,
    routingNumber: '021000021',
    accountNumber: String(10_000_000 + i * 7),
    accountType: i % 5 === 0 ? ('savings' as const) : ('checking' as const),
  });
  db.transaction(() => {
    for (let i = 0; i < PAYROLL; i++) {
      const g = chosen[i]!;
      confirmMatch(db, employeeByNumber.get(`E${100000 + i}`)!, g.id, w);
      const id = createArrangement(
        db,
        {
          method: 'payroll',
          guarantorId: g.id,
          accountIds: g.accounts,
          amountCents: Math.min(g.owed, 2_500 + (i % 20) * 500),
          firstDate: RUN_DATE,
        },
        w,
      );
      markSigned(db, id, TODAY, user);
    }
    for (let i = 0; i < BANK; i++) {
      const g = chosen[PAYROLL + i]!;
      const id = createArrangement(
        db,
        {
          method: 'bank',
          guarantorId: g.id,
          accountIds: g.accounts,
          amountCents: Math.min(g.owed, 2_500 + (i % 20) * 500),
          firstDate: RUN_DATE,
          frequency: frequencies[i % frequencies.length] as 'weekly',
          bank: makeBank(i),
        },
        w,
      );
      markSigned(db, id, TODAY, user);
    }
  })();
  console.log(
    `  set-up: ${PAYROLL} matches confirmed and ${PAYROLL + BANK} arrangements created (services) in ${round(performance.now() - t, 0)} ms`,
  );

  payrollQueueBench(db, addDays(RUN_DATE, -2), results);

  return { app, user, runDate: RUN_DATE, payroll: PAYROLL, bank: BANK, uploaded, clock };
}

/**
 * RECOUP_BENCH_ONLY=lookups: the 835 and the payroll look-ups on a kept database (migrated first),
 * rolled back. RECOUP_BENCH_LOOKUPS_COMMIT=1 keeps what they wrote instead (a copy with the roster
 * and the arrangements on it), and RECOUP_BENCH_LOOKUPS_QUEUE=1 on such a copy measures only the
 * payroll queue (seconds rather than minutes at a million guarantors).
 */
export async function lookupsOnly(file: string, today: string): Promise<Record<string, number>> {
  const key = Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex');
  // RECOUP_BENCH_CACHE_MB: the page cache (the app's 64 MB by default), to see what a larger one buys.
  const cacheMb = Number(process.env.RECOUP_BENCH_CACHE_MB ?? 64);
  const db = openEncrypted(file, key, { mustExist: true, cacheKiB: cacheMb * 1024 });
  const repeat = Number(process.env.RECOUP_BENCH_REPEAT ?? 1);
  const commit = process.env.RECOUP_BENCH_LOOKUPS_COMMIT === '1';
  const queueOnly = process.env.RECOUP_BENCH_LOOKUPS_QUEUE === '1';
  const results: Record<string, number> = {};
  try {
    const applied = migrate(db);
    if (applied.length > 0) console.log(`Migrated (${applied.join(', ')})`);
    const guarantors = db.prepare('SELECT count(*) FROM guarantors').pluck().get() as number;
    console.log(`Look-ups on ${guarantors.toLocaleString()} guarantors in ${file}`);
    for (let i = 0; i < repeat; i++) {
      db.exec('BEGIN IMMEDIATE');
      try {
        if (queueOnly) payrollQueueBench(db, addDays(PAYROLL_RUN_DATE, -2), results);
        else {
          eraBench(db, today, results);
          await payrollLookups(db, key, today, results);
        }
      } finally {
        db.exec(commit ? 'COMMIT' : 'ROLLBACK');
      }
    }
  } finally {
    db.close();
    key.fill(0);
  }
  return results;
}

// Issue 18 item 3: the reports, the work queue and the capabilities' batches on a kept database, to
// see how their cost grows with the book (100k, 300k, 1M guarantors). A tool for measuring, not a
// figure of bench-results.json:
//
//   RECOUP_BENCH_ONLY=reports RECOUP_BENCH_DB=/work/bench-db/1m.db node out/main/bench.js
//
// The database is one kept by RECOUP_BENCH_ONLY=database (its key beside it in <file>.key). It is
// opened read-only unless RECOUP_BENCH_WRITE=1; then it is migrated to this version first (for
// good: the new indexes stay), and the batches that write (the lapse run, an agency placement build)
// run too, each inside a transaction that is rolled back. RECOUP_BENCH_REPORTS=word,word runs only the figures whose label has one of them.
import { readFileSync } from 'node:fs';
import { CAPABILITIES } from '../main/capabilities';
import { agingAccounts, agingReport } from '../main/capabilities/accounts';
import { buildBatches, scoreWeights } from '../main/capabilities/agencies';
import { candidates as badDebtCandidates } from '../main/capabilities/badDebt';
import { credits, monthlyRegisters } from '../main/capabilities/compliance';
import { estateSummaries } from '../main/capabilities/estates';
import { caseList as obCaseList } from '../main/capabilities/obstetrics';
import { employeeList } from '../main/capabilities/payroll';
import { runDaily } from '../main/capabilities/plans';
import { workQueue } from '../main/capabilities/queue';
import { smallClaimsReports } from '../main/capabilities/smallClaims';
import { planRun, runFingerprint } from '../main/capabilities/statements';
import { collectExtensions } from '../main/platform/capability';
import { openEncrypted, type Db } from '../main/store/database';
import { migrate } from '../main/store/migrations';
import { addDays } from '../shared/dates';
import { setUpAgencies } from './agencySetup';
import { median } from './util';

const TODAY = '2026-11-26';
/** RECOUP_BENCH_REPORTS=aging,queue: only the figures whose label contains one of these words. */
const ONLY_THESE = (process.env.RECOUP_BENCH_REPORTS ?? '').split(',').filter((w) => w !== '');

/**
 * Runs `fn` once cold and then `reps` times, and prints the median of the warm runs: wall time and
 * this process's CPU time (the machine is shared: CPU time moves less with what else runs on it).
 */
function timed<T>(label: string, reps: number, fn: () => T, size: (r: T) => string | number = () => ''): T | undefined {
  if (ONLY_THESE.length > 0 && !ONLY_THESE.some((w) => label.includes(w))) return undefined;
  let result: T | undefined;
  const wall: number[] = [];
  const cpu: number[] = [];
  let first = 0;
  for (let i = 0; i < reps + 1; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = fn();
    const took = performance.now() - t;
    const used = process.cpuUsage(c);
    if (i === 0) first = took;
    else {
      wall.push(took);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const n = size(result!);
  console.log(
    `  ${label.padEnd(52)} ${String(Math.round(median(wall))).padStart(7)} ms (cpu ${String(Math.round(median(cpu))).padStart(6)} ms) median of ${reps}, first ${Math.round(first)} ms${n === '' ? '' : `  [${n}]`}`,
  );
  return result!;
}

/** Runs `fn` inside a transaction rolled back afterwards: the kept database is left as it was. */
function rolledBack<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('ROLLBACK');
  }
}

export function reportsBench(): void {
  const file = process.env.RECOUP_BENCH_DB;
  if (!file) throw new Error('RECOUP_BENCH_ONLY=reports needs RECOUP_BENCH_DB=/path/to/kept.db');
  const write = process.env.RECOUP_BENCH_WRITE === '1';
  const key = Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex');
  // RECOUP_BENCH_CACHE_MB: the page cache (the app's default is 64 MB), to see what a larger one buys.
  const cacheMb = Number(process.env.RECOUP_BENCH_CACHE_MB ?? 64);
  const db = openEncrypted(file, key, { readonly: !write, mustExist: true, cacheKiB: cacheMb * 1024 });
  key.fill(0);
  if (write) {
    // A kept database from before the newest migrations gets them (the indexes' build time is what
    // an upgrade costs at this size).
    const t = performance.now();
    const applied = migrate(db);
    if (applied.length > 0) console.log(`Migrated (${applied.join(', ')}) in ${Math.round(performance.now() - t)} ms`);
  }
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  console.log(
    `${file} (page cache ${cacheMb} MB): ${count('SELECT count(*) FROM guarantors')} guarantors, ${count('SELECT count(*) FROM accounts')} accounts, ${count('SELECT max(rowid) FROM ledger_entries')} ledger entries`,
  );
  const reps = Number(process.env.RECOUP_BENCH_REPS ?? 3);

  console.log('Aging report');
  for (const basis of ['service_date', 'first_statement_date'] as const) {
    timed(
      `aging, ${basis}, today`,
      reps,
      () => agingReport(db, basis, TODAY, TODAY),
      (r) => r.totals.accountCount,
    );
  }
  timed(
    'aging, service_date, as of 2026-10-31',
    1,
    () => agingReport(db, 'service_date', '2026-10-31', TODAY),
    (r) => r.totals.accountCount,
  );
  timed(
    'aging drill-down, first page of the total',
    reps,
    () => agingAccounts(db, { basis: 'service_date', limit: 100, offset: 0 }, TODAY),
    (r) => r.accountCount,
  );

  console.log('Work queue');
  const sources = collectExtensions(CAPABILITIES).queueSources;
  for (const source of sources)
    timed(
      `source ${source.kinds.join(', ')}`,
      reps,
      () => source.items(db, TODAY, () => true),
      (r) => r.length,
    );
  timed(
    'the whole queue, all clerks',
    reps,
    () => workQueue(db, TODAY, { userId: 1, all: true, role: 'administrator' }, sources),
    (r) => r.items.length,
  );
  timed(
    'the whole queue, one clerk',
    reps,
    () => workQueue(db, TODAY, { userId: 1, all: false, role: 'clerk' }, sources),
    (r) => r.items.length,
  );

  console.log('Registers and lists');
  timed(
    'credits (refunds worklist)',
    reps,
    () => credits(db, TODAY),
    (r) => r.length,
  );
  timed(
    'compliance registers, 2026-11',
    reps,
    () => monthlyRegisters(db, '2026-11'),
    (r) => r.statements.length + r.ecaAttempts.length,
  );
  timed(
    'bad-debt candidates (open)',
    reps,
    () => badDebtCandidates(db, { setting: 'all', show: 'open' }, TODAY),
    (r) => r.length,
  );
  timed(
    'small-claims reports',
    reps,
    () => smallClaimsReports(db, TODAY),
    (r) => r.open.length,
  );
  timed(
    'estates list',
    reps,
    () => estateSummaries(db, TODAY),
    (r) => r.length,
  );
  timed(
    'OB open cases',
    reps,
    () => obCaseList(db, 'open', TODAY),
    (r) => r.length,
  );
  timed(
    'payroll employees',
    reps,
    () => employeeList(db, { query: '', match: 'all', status: 'all' }),
    (r) => r.length,
  );

  console.log('Batches');
  timed(
    'statement run selection (planRun)',
    reps,
    () => planRun(db, TODAY),
    (r) => r.due.length,
  );
  timed('statement run fingerprint (runFingerprint)', reps, () => runFingerprint(db));
  if (write) {
    timed(
      'lapse run (runDaily), rolled back',
      1,
      () => rolledBack(db, () => runDaily(db, TODAY, `${TODAY}T12:00:00.000Z`, null)),
      (r) => r.plansChecked,
    );
    timed(
      'agency placement build, 20,000, rolled back',
      1,
      () => rolledBack(db, () => placementBuild(db)),
      (r) => r,
    );
  }
  db.close();
}

/** Three agencies by share and a primary placement of the 20,000 best accounts, as agencyBench does. */
function placementBuild(db: Db): number {
  const now = `${TODAY}T12:00:00.000Z`;
  // As agencyBench (the same set-up): the accounts' cycles, a supervisor, three agencies by share.
  const supervisor = setUpAgencies(db, TODAY, addDays(TODAY, -90), now, 'bench.reports');
  const ids = buildBatches(
    db,
    { kind: 'primary', method: 'share', maxAccounts: 20_000 },
    TODAY,
    now,
    supervisor,
    scoreWeights,
  );
  return db
    .prepare(`SELECT count(*) FROM placements WHERE batch_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

// The import's benchmark (issue 18): the scale data set generated to CSV files in the bench's
// temporary folder (a batch of guarantors at a time), then imported by the real import from those
// files (read and decoded a MiB at a time) into a plain and an encrypted database, and the same
// rows inserted by the same driver with a prepared statement per table in one transaction into a
// fresh encrypted database with the same schema: the driver's limit the import is measured against.
// Each step's peak resident memory is recorded (memory.ts).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { RecoupApp } from '../main/app';
import { csvChunks, IMPORT_CACHE_KIB, runImport, sourcePieces, type ImportFile } from '../main/capabilities/imports';
import { settleLedgerChange } from '../main/capabilities/ledger';
import { extractFiles, generateExtract, writeExtract, type WrittenExtract } from '../main/demo/synthetic';
import { NO_EXTENSIONS } from '../main/platform/capability';
import { openEncrypted, openPlain, type Db } from '../main/store/database';
import { newDataKey } from '../main/store/keySlots';
import { migrate } from '../main/store/migrations';
import { measurePeak } from './memory';
import { cpuMsSince, round } from './util';

/** The real import, committed, timed; the WAL checkpointed after (not timed). */

/**
 * The real import, committed, timed (wall clock, and the CPU time it took: on a shared machine the
 * wall clock also counts the time others had the cores); the WAL checkpointed after (not timed).
 */
export async function timedImport(
  db: Db,
  input: ImportFile[],
  now: string,
): Promise<{ ms: number; cpuMs: number; rows: number }> {
  migrate(db);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runImport(db, input, {
    mode: 'commit',
    now,
    userId: null,
    source: 'bench',
    // The benchmark's store has no capabilities composed: nothing depends on the ledger yet.
    afterLedgerChange: (ledger) => settleLedgerChange({ extensions: NO_EXTENSIONS } as RecoupApp, ledger),
    deathSubscribers: [],
  });
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  if (!report.committed)
    throw new Error(
      `benchmark import failed: ${report.errors
        .slice(0, 3)
        .map((e) => e.reason)
        .join('; ')}`,
    );
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { ms, cpuMs, rows: report.rows };
}

/** The rows of a CSV file, a chunk at a time, with the file's header. */
async function* fileRows(file: string): AsyncGenerator<{ headers: string[]; rows: string[][] }> {
  for await (const chunk of csvChunks(sourcePieces(path.basename(file), { path: file }, 'utf-8')))
    yield { headers: chunk.headers, rows: chunk.rows.map((r) => r.cells) };
}

const yn = (v: string) => (v === 'Y' ? 1 : 0);
const orNull = (v: string) => (v === '' ? null : v);
const cents = (v: string) => (v === '' ? null : Math.round(Number(v) * 100));

/**
 * The driver's limit: the extract's rows inserted into a fresh encrypted database with the same
 * schema, one prepared INSERT per table run once per row, in one transaction, with the page cache
 * the import uses. Reading and converting the cells is done a batch at a time before the clock
 * runs; only the inserts and the commit are timed. Ids are resolved through maps of the rows
 * written, as any loader does.
 */
export async function rawInsertBaseline(
  extract: WrittenExtract,
  dbPath: string,
  now: string,
): Promise<{ ms: number; cpuMs: number; rows: number }> {
  const db = openEncrypted(dbPath, newDataKey());
  migrate(db);
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const insertGuarantor = db.prepare(
    `INSERT INTO guarantors (external_id, mrn, last_name, first_name, middle_name, date_of_birth, address_line1, address_line2,
       city, state, zip, phone, email, language, employer, is_employee, employee_id, pay_frequency, hourly_rate_cents,
       annual_salary_cents, deceased, date_of_death, death_source, fap_status, fap_status_date, bankruptcy, do_not_call,
       do_not_mail, do_not_email, created_at, updated_at)
     VALUES (${Array.from({ length: 31 }, () => '?').join(', ')})`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (account_number, guarantor_id, patient_name, service_from, service_to, service_type, payer_class,
       state_of_service, mbi, medicare_ra_date, medicaid_number, medicaid_ra_date, secondary_ra_date, deductible_cents,
       coinsurance_cents, last_illness, first_statement_date, created_at, updated_at)
     VALUES (${Array.from({ length: 19 }, () => '?').join(', ')})`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, posted_by, reference, memo,
       external_id, import_batch_id) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const guarantorIds = new Map<string, number>();
  const accountIds = new Map<string, number>();
  let ms = 0;
  let cpuMs = 0;
  let rows = 0;
  const timed = (work: () => void) => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    work();
    ms += performance.now() - t;
    cpuMs += cpuMsSince(cpu);
  };
  timed(() => db.exec('BEGIN'));
  const batch = Number(
    db.prepare(`INSERT INTO import_batches (started_at, user_id, source, files) VALUES (?, NULL, 'raw', '[]')`).run(now)
      .lastInsertRowid,
  );
  for await (const chunk of fileRows(extract.guarantorsPath)) {
    const values = chunk.rows.map((c) => [
      c[0],
      orNull(c[1]!),
      ...c.slice(2, 5),
      orNull(c[5]!),
      ...c.slice(6, 15),
      yn(c[15]!),
      orNull(c[16]!),
      orNull(c[17]!),
      cents(c[18]!),
      cents(c[19]!),
      yn(c[20]!),
      orNull(c[21]!),
      c[22],
      c[23],
      orNull(c[24]!),
      yn(c[25]!),
      yn(c[26]!),
      yn(c[27]!),
      yn(c[28]!),
      now,
      now,
    ]);
    timed(() => {
      for (const v of values) guarantorIds.set(v[0] as string, Number(insertGuarantor.run(...v).lastInsertRowid));
    });
    rows += values.length;
  }
  for await (const chunk of fileRows(extract.accountsPath)) {
    const values = chunk.rows.map((c) => [
      c[0],
      guarantorIds.get(c[1]!)!,
      ...c.slice(2, 8),
      orNull(c[8]!),
      orNull(c[9]!),
      orNull(c[10]!),
      orNull(c[11]!),
      orNull(c[12]!),
      cents(c[13]!) ?? 0,
      cents(c[14]!) ?? 0,
      yn(c[15]!),
      orNull(c[16]!),
      now,
      now,
    ]);
    timed(() => {
      for (const v of values) accountIds.set(v[0] as string, Number(insertAccount.run(...v).lastInsertRowid));
    });
    rows += values.length;
  }
  guarantorIds.clear();
  for await (const chunk of fileRows(extract.transactionsPath)) {
    const values = chunk.rows.map((c) => [
      accountIds.get(c[1]!)!,
      c[2],
      cents(c[3]!),
      c[4],
      now,
      c[5],
      c[6],
      c[0],
      batch,
    ]);
    timed(() => {
      for (const v of values) insertEntry.run(...v);
    });
    rows += values.length;
  }
  timed(() => db.exec('COMMIT'));
  db.close();
  rmSync(dbPath, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  return { ms, cpuMs, rows };
}

export interface ImportBench {
  extract: WrittenExtract;
  input: ImportFile[];
  /** The encrypted database the import made, open (the other benches run on it), and its file. */
  db: Db | null;
  dbPath: string;
  /** The encrypted database's key (the payroll and obstetrics parts open copies of it). */
  key: Buffer;
}

/**
 * Generates the data set to files in `dir`, and (`measure`) imports it into a plain database, then
 * into the encrypted one the rest of the benchmark uses, and runs the raw insert baseline; the
 * figures go into `results`. With `importDb` false only the files are made (the payroll and
 * obstetrics benches import them into databases of their own).
 */
export async function importBench(
  dir: string,
  options: { guarantors: number; today: string; measure: boolean; importDb: boolean },
  results: Record<string, number>,
): Promise<ImportBench> {
  const now = `${options.today}T12:00:00.000Z`;
  console.log(`Generating ${options.guarantors.toLocaleString()} guarantors ...`);
  const t = performance.now();
  const generated = await measurePeak(() =>
    writeExtract({ seed: 20261126, guarantors: options.guarantors, today: options.today }, dir),
  );
  const extract = generated.value;
  const c = extract.counts;
  const rows = c.guarantors + c.accounts + c.transactions;
  if (generated.peakMb !== null) results.generate_peak_mb = generated.peakMb;
  console.log(
    `  ${c.guarantors} guarantors, ${c.accounts} accounts, ${c.transactions} ledger entries (${rows} rows) written to files in ${round((performance.now() - t) / 1000, 1)} s (peak ${generated.peakMb ?? '?'} MB resident)`,
  );
  const input = extractFiles(extract);
  const dbPath = path.join(dir, 'recoup.db');
  const key = newDataKey();
  if (!options.importDb) return { extract, input, db: null, dbPath, key };

  // The baselines (the same import into a plain database, the raw insert) run in a process of
  // their own: they are the bench's yardsticks, not the application's steps, and in this process
  // the memory they leave resident (SQLite's freed page cache stays with the C allocator) would be
  // counted in every later step's peak.
  const baselines = options.measure ? runBaselines(extract, dir, now) : null;
  if (baselines) {
    if (baselines.plainPeakMb !== null) results.plain_import_peak_mb = baselines.plainPeakMb;
    if (baselines.rawPeakMb !== null) results.raw_insert_peak_mb = baselines.rawPeakMb;
    console.log(
      `Import, plain:     ${round(baselines.plain.ms / 1000, 2)} s (${Math.round(baselines.plain.rows / (baselines.plain.ms / 1000))} rows/s; CPU ${round(baselines.plain.cpuMs / 1000, 2)} s); peak ${baselines.plainPeakMb ?? '?'} MB resident (a process of its own)`,
    );
  }

  // Warm up the JIT on a small import first, so the measured import does not pay for it.
  if (options.measure) await warmUp(dir, now);
  const db = openEncrypted(dbPath, Buffer.from(key));
  const imported = await measurePeak(() => timedImport(db, input, now));
  const run = imported.value;
  if (options.measure) {
    results.import_rows_per_s = Math.round(run.rows / (run.ms / 1000));
    results.import_cpu_ms = round(run.cpuMs, 0);
    results.plain_import_cpu_ms = round(baselines!.plain.cpuMs, 0);
    results.raw_insert_cpu_ms = round(baselines!.raw.cpuMs, 0);
    results.encrypted_over_plain_import = round(run.ms / baselines!.plain.ms, 3);
    if (imported.peakMb !== null) results.import_peak_mb = imported.peakMb;
    console.log(
      `Import, encrypted: ${round(run.ms / 1000, 2)} s (${results.import_rows_per_s} rows/s; CPU ${round(run.cpuMs / 1000, 2)} s), encrypted/plain ${results.encrypted_over_plain_import}; peak ${imported.peakMb ?? '?'} MB resident`,
    );
    const raw = { value: baselines!.raw, peakMb: baselines!.rawPeakMb };
    results.raw_insert_rows_per_s = Math.round(raw.value.rows / (raw.value.ms / 1000));
    results.import_over_raw_insert = round(results.import_rows_per_s / results.raw_insert_rows_per_s, 3);
    console.log(
      `Raw insert (same rows, same driver, prepared, one transaction, encrypted): ${round(raw.value.ms / 1000, 2)} s (${results.raw_insert_rows_per_s} rows/s; CPU ${round(raw.value.cpuMs / 1000, 2)} s); import/raw ${results.import_over_raw_insert} (target ≥ 0.5; by CPU time ${round(raw.value.cpuMs / run.cpuMs, 3)}); peak ${raw.peakMb ?? '?'} MB resident`,
    );
  }
  return { extract, input, db, dbPath, key };
}

/** A small import into a plain database, thrown away: the JIT warmed up before a measured import. */
async function warmUp(dir: string, now: string): Promise<void> {
  const warm = openPlain(path.join(dir, 'warm.db'));
  await timedImport(warm, extractFiles(generateExtract({ seed: 7, guarantors: 3_000, today: now.slice(0, 10) })), now);
  warm.close();
  rmSync(path.join(dir, 'warm.db'), { force: true });
}

interface Baselines {
  plain: { ms: number; cpuMs: number; rows: number };
  plainPeakMb: number | null;
  raw: { ms: number; cpuMs: number; rows: number };
  rawPeakMb: number | null;
}

const BASELINES_LINE = 'RECOUP_BENCH_BASELINES ';

/** Runs this bench again as RECOUP_BENCH_ONLY=import-baselines on the same files, and reads its figures. */
function runBaselines(extract: WrittenExtract, dir: string, now: string): Baselines {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: {
      ...process.env,
      RECOUP_BENCH_ONLY: 'import-baselines',
      RECOUP_BENCH_BASELINE_INPUT: JSON.stringify({ extract, dir, now }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(BASELINES_LINE));
  if (child.status !== 0 || !line) throw new Error(`the import baselines failed (exit ${child.status})`);
  return JSON.parse(line.slice(BASELINES_LINE.length)) as Baselines;
}

/**
 * RECOUP_BENCH_ONLY=import-baselines (started by runBaselines): a warm-up import, the import into a
 * plain database and the raw insert baseline, each with its peak; the figures as one line on stdout.
 */
export async function importBaselinesChild(): Promise<void> {
  const { extract, dir, now } = JSON.parse(process.env.RECOUP_BENCH_BASELINE_INPUT ?? '{}') as {
    extract: WrittenExtract;
    dir: string;
    now: string;
  };
  await warmUp(dir, now);
  const plainPath = path.join(dir, 'plain.db');
  const plainDb = openPlain(plainPath);
  const plain = await measurePeak(() => timedImport(plainDb, extractFiles(extract), now));
  plainDb.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(plainPath + suffix, { force: true });
  const raw = await measurePeak(() => rawInsertBaseline(extract, path.join(dir, 'raw.db'), now));
  const out: Baselines = { plain: plain.value, plainPeakMb: plain.peakMb, raw: raw.value, rawPeakMb: raw.peakMb };
  console.log(BASELINES_LINE + JSON.stringify(out));
}

// The statement run's benchmark (issue 11, issue 18 items 5 and 6): the run as the clerk starts it on
// the scale data set, and bare pdfkit's one-page documents for comparison. `statementsKept` runs it
// alone on a kept database (RECOUP_BENCH_ONLY=statements RECOUP_BENCH_DB=/a/copy.db), for measuring
// at one million guarantors without importing again. The run writes to that database: give it a copy.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { RecoupApp } from '../main/app';
import {
  planRun,
  prepareRun,
  releaseRun,
  renderForBatch,
  renderThreads,
  statementDocument,
} from '../main/capabilities/statements';
import { Files } from '../main/platform/files';
import { writeSettings } from '../main/platform/settings';
import type { Hospital } from '../shared/schemas/hospital';
import { openEncrypted, type Db } from '../main/store/database';
import { addDays } from '../shared/dates';
import { measurePeak } from './memory';

import { createHash } from 'node:crypto';
import { endToBytes } from '../main/pdf/output';
import { capturePages, deflatePages } from '../main/pdf/pageCopy';
import { setReplay } from '../main/pdf/replay';
import { encodeSnapshot } from '../main/store/snapshotCodec';
import { decodeSnapshot } from '../main/store/snapshotCodec';
import { benchUser, round } from './util';

/** How many pages a PDF has ("/Type /Page", not "/Pages"), read as a stream: the batch is never held whole. */
async function countPages(stream: AsyncIterable<Buffer>): Promise<number> {
  let pages = 0;
  let tail = '';
  for await (const chunk of stream) {
    const text = tail + chunk.toString('latin1');
    // A match ending in the last 16 characters is counted with the next chunk (it may be "/Pages").
    const keep = Math.max(0, text.length - 16);
    for (const m of text.matchAll(/\/Type \/Page(?![A-Za-z0-9])/g)) if (m.index < keep) pages++;
    tail = text.slice(keep);
  }
  for (const _ of tail.matchAll(/\/Type \/Page(?![A-Za-z0-9])/g)) pages++;
  return pages;
}

export interface StatementRunFigures {
  ms: number;
  preparedMs: number;
  /** The process's CPU time (every thread: the main one and the drawing workers) in the run. */
  cpuMs: number;
  snapshotMb: number;
  count: number;
  finalNotices: number;
  pages: number;
  bytes: number;
  threads: number;
}

/**
 * The book shaped for the statement run: guarantors due beyond `count` are held (a hold is what
 * keeps a guarantor out of a run), so exactly `count` are due. One in four of them had statements
 * 1 to 3 in the last three months, so this run is their final notice (two pages, with the
 * plain-language summary), as in a month of a steady cycle. Not part of the run: the whole bench
 * does it in a process of its own (its plan of every guarantor due would otherwise stay resident
 * and be counted in the run's memory).
 */
export function shapeStatementRun(db: Db, count: number, today: string): void {
  const due = planRun(db, today).due;
  const hold = db.prepare(
    `INSERT INTO holds (guarantor_id, reason, note, placed_on) VALUES (?, 'dispute', 'benchmark: not in this run', ?)`,
  );
  const pastRun = db.prepare(
    `INSERT INTO statement_runs (run_date, started_at, finished_at, counts) VALUES (?, ?, ?, '{}') RETURNING id`,
  );
  const statement = db.prepare(
    `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256)
     VALUES (?, ?, ?, ?, 'regular', ?, ?, '{}', 'benchmark history') RETURNING id`,
  );
  const shown = db.prepare(
    `INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (?, ?, 'regular', ?, 0)`,
  );
  db.transaction(() => {
    // Those beyond the count in the run's own ZIP order.
    for (const d of due.slice(count)) hold.run(d.guarantorId, today);
    const past = [90, 60, 30].map((days, i) => {
      const date = addDays(today, -days);
      return {
        date,
        number: i + 1,
        runId: (pastRun.get(date, `${date}T12:00:00.000Z`, `${date}T12:00:00.000Z`) as { id: number }).id,
      };
    });
    due.slice(0, count).forEach((d, i) => {
      if (i % 4 !== 0) return;
      for (const p of past) {
        const id = (
          statement.get(p.runId, d.guarantorId, p.date, p.number, addDays(p.date, 21), d.balanceCents) as { id: number }
        ).id;
        for (const a of d.accounts) shown.run(id, a.accountId, p.number);
      }
    });
  })();
  due.length = 0;
}

/** The statement run on the book shapeStatementRun left, as the clerk starts it: prepared, then released. */
export async function statementRun(db: Db, today: string, hospital: Hospital): Promise<StatementRunFigures> {
  const app = {
    store: { db },
    nowIso: () => `${today}T12:00:00.000Z`,
  } as unknown as RecoupApp;
  writeSettings(db, { hospital }, `${today}T12:00:00.000Z`, null);
  const clerk = benchUser(db, 'bench.clerk', app.nowIso());
  // The batch goes where the app sends it: an encrypted temporary file, written as it is drawn.
  const files = new Files(() => Date.now());
  let run: Awaited<ReturnType<typeof releaseRun>> | null = null;
  const cpu = process.cpuUsage();
  const started = performance.now();
  // Prepared (the proof's statements built and kept), then released (drawn, recorded): issue 11.
  const prepared = await prepareRun(app, today, clerk);
  const preparedMs = performance.now() - started;
  const preparedCpu = process.cpuUsage(cpu);
  const batch = await files.offerStream(
    'bench',
    { fileName: 'statements.pdf', mimeType: 'application/pdf' },
    async (out) => {
      run = await releaseRun(app, prepared.runId, clerk, today, out);
    },
  );
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `  prepared in ${round(preparedMs / 1000, 2)} s, released in ${round((ms - preparedMs) / 1000, 2)} s; CPU ${round(cpuMs / 1000, 1)} s (all threads; preparing ${round((preparedCpu.user + preparedCpu.system) / 1e6, 1)} s)`,
  );
  // Counted from the file as it streams back: the batch is never held whole.
  const pages = await countPages(files.read(batch.fileId, () => db));
  files.clear();
  const snapshotBytes = db
    .prepare('SELECT sum(length(snapshot)) FROM statements WHERE run_id = ?')
    .pluck()
    .get(run!.runId) as number;
  return {
    ms,
    preparedMs,
    cpuMs,
    snapshotMb: snapshotBytes / 1e6,
    count: run!.count,
    finalNotices: run!.finalNotices,
    pages,
    bytes: batch.sizeBytes,
    threads: renderThreads(),
  };
}

/** The baseline's CPU time (ms) at its last call: on a loaded machine its wall time says little. */
export let baselineCpuMs = 0;

/** Bare pdfkit: `count` one-page documents of a few lines each, drawn one after another in this thread. */
export async function pdfkitBaseline(count: number): Promise<number> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const doc = new PDFDocument({ size: 'LETTER' });
    const bytes = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
    });
    doc.font('Helvetica').fontSize(10);
    doc.text(`Statement ${i + 1}`, 72, 72);
    doc.text('Jane Q Smith, 12 Oak St, Portland, ME 04101', 72, 90);
    doc.text(`Amount due: $${(i % 100_000) / 100}`, 72, 108);
    doc.end();
    await bytes;
  }
  const used = process.cpuUsage(cpu);
  baselineCpuMs = (used.user + used.system) / 1000;
  return performance.now() - started;
}

/**
 * The statement run alone on a kept database (RECOUP_BENCH_ONLY=database built it; the run writes
 * to it, so `file` is a copy), then the baseline: the figures the full bench reports for the step.
 */
export async function statementsKept(
  file: string,
  count: number,
  today: string,
  hospital: Hospital,
  results: Record<string, number>,
): Promise<void> {
  // RECOUP_BENCH_CACHE_MB: the page cache (the app's 64 MB by default), to see what a larger one buys.
  const cacheMb = Number(process.env.RECOUP_BENCH_CACHE_MB ?? 64);
  const db = openEncrypted(file, Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex'), {
    cacheKiB: cacheMb * 1024,
  });
  // Resident memory and this thread's heap every few seconds (RECOUP_BENCH_TRACE=1): where the peak is.
  const trace = process.env.RECOUP_BENCH_TRACE
    ? setInterval(() => {
        const m = process.memoryUsage();
        console.log(
          `    rss ${Math.round(m.rss / 1048576)} MB, heap ${Math.round(m.heapUsed / 1048576)} MB, buffers ${Math.round(m.arrayBuffers / 1048576)} MB`,
        );
      }, 3000)
    : null;
  try {
    shapeStatementRun(db, count, today);
    const { value: s, peakMb } = await measurePeak(() => statementRun(db, today, hospital));
    if (trace) clearInterval(trace);
    report(s, peakMb, results);
    const baseline = await pdfkitBaseline(s.count);
    reportBaseline(s, baseline, results);
  } finally {
    if (trace) clearInterval(trace);
    db.close();
  }
}

/** The run's figures into `results` and the log, as the full bench and the kept-database mode print them. */
export function report(s: StatementRunFigures, peakMb: number | null, results: Record<string, number>): void {
  results.statement_run_s = round(s.ms / 1000, 1);
  results.statements_per_s = Math.round(s.count / (s.ms / 1000));
  results.statement_snapshots_mb = round(s.snapshotMb, 1);
  results.statement_prepare_s = round(s.preparedMs / 1000, 1);
  results.statement_release_s = round((s.ms - s.preparedMs) / 1000, 1);
  results.statement_run_cpu_s = round(s.cpuMs / 1000, 1);
  if (peakMb !== null) results.statement_run_peak_mb = peakMb;
  console.log(
    `Statement run: ${s.count} statements (${s.finalNotices} final notices, ${s.pages} pages, ${round(s.bytes / 1e6, 1)} MB PDF) in ${results.statement_run_s} s (CPU ${results.statement_run_cpu_s} s), ${results.statements_per_s} statements/s, ${s.threads} drawing threads; snapshots kept ${results.statement_snapshots_mb} MB${peakMb !== null ? `; peak ${peakMb} MB resident` : ''}`,
  );
}

export function reportBaseline(s: StatementRunFigures, baseline: number, results: Record<string, number>): void {
  const baselinePagesPerS = s.count / (baseline / 1000);
  results.statement_baseline_pages_per_s = Math.round(baselinePagesPerS);
  results.statements_over_baseline = round(results.statements_per_s! / baselinePagesPerS, 3);
  results.statement_run_over_baseline = round(s.ms / baseline, 2);
  // The same in CPU time (every thread of the run over the baseline's one): what a loaded machine does not blur.
  results.statement_run_cpu_over_baseline = round(s.cpuMs / baselineCpuMs, 2);
  console.log(
    `pdfkit baseline: ${s.count} one-page documents in ${round(baseline / 1000, 1)} s, CPU ${round(baselineCpuMs / 1000, 1)} s (run's CPU over it ${results.statement_run_cpu_over_baseline}×) (${results.statement_baseline_pages_per_s} pages/s, one thread); statements over baseline ${results.statements_over_baseline}; the run takes ${results.statement_run_over_baseline}× the baseline's time (target ≤ 4)`,
  );
}

/** This thread's heap in MB, collected first when node runs with --expose-gc (what is kept, not what waits). */
function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

/**
 * The drawing alone, in this thread (RECOUP_BENCH_ONLY=statement-draw RECOUP_BENCH_DB=a database a
 * run was released in): the last run's statements drawn one after another as a worker draws them
 * (renderForBatch), with the unchanging parts replayed and without (pdf/replay.ts), in turns; the
 * CPU time per statement of each.
 */
export async function statementDrawing(file: string, limit: number): Promise<void> {
  const db = openEncrypted(file, Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex'), { readonly: true });
  const stored = db
    .prepare(
      `SELECT snapshot FROM statements WHERE run_id = (SELECT max(id) FROM statement_runs WHERE status = 'released') ORDER BY id LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
  db.close();
  const snapshots = stored.map((s) => decodeSnapshot(s));
  for (let turn = 0; turn < 3; turn++) {
    for (const replay of [false, true]) {
      setReplay(replay);
      const cpu = process.cpuUsage();
      // Handed back to the event loop now and then, as a worker is between jobs: pdfkit's documents
      // leave callbacks for the next tick that hold them until then.
      for (const [i, s] of snapshots.entries()) {
        await renderForBatch(s);
        if (i % 64 === 63) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const used = process.cpuUsage(cpu);
      console.log(
        `  ${snapshots.length} statements drawn ${replay ? 'with' : 'without'} replaying: ${round((used.user + used.system) / 1000 / snapshots.length, 3)} ms CPU each; heap ${heapAfterGc()} MB`,
      );
    }
  }
  setReplay(true);
  // Where a statement's drawing goes, part by part (CPU time per statement, this thread); and, apart,
  // the encoding of its snapshot as the store keeps it, done by the drawing threads at prepare.
  const parts: Record<string, number> = {
    draw: 0,
    capture: 0,
    end: 0,
    sha256: 0,
    deflate: 0,
    'encode (at prepare)': 0,
  };
  const timed = <T>(part: string, f: () => T): T => {
    const cpu = process.cpuUsage();
    const value = f();
    const used = process.cpuUsage(cpu);
    parts[part]! += (used.user + used.system) / 1000;
    return value;
  };
  for (const s of snapshots) {
    const doc = timed('draw', () => statementDocument(s));
    const pages = timed('capture', () => capturePages(doc));
    const bytes = timed('end', () => endToBytes(doc));
    timed('sha256', () => createHash('sha256').update(bytes).digest('hex'));
    timed('deflate', () => deflatePages(pages, 3));
    timed('encode (at prepare)', () => encodeSnapshot(s));
  }
  console.log(
    `  per statement (ms CPU): ${Object.entries(parts)
      .map(([k, v]) => `${k} ${round(v / snapshots.length, 3)}`)
      .join(', ')}`,
  );
}

/**
 * `planRun` alone on a kept database, read only (RECOUP_BENCH_ONLY=statement-plan RECOUP_BENCH_DB=…):
 * its CPU time in three turns, and a hash of the plan it makes (two versions of it compare).
 */
export function statementPlanTiming(file: string, today: string): void {
  const db = openEncrypted(file, Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex'), { readonly: true });
  try {
    for (let turn = 0; turn < 3; turn++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const plan = planRun(db, today);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const hash = createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
      console.log(
        `  planRun: ${plan.due.length} due, ${plan.held.length} held, ${JSON.stringify(plan.skipped)}; ${round(ms, 0)} ms (CPU ${round((used.user + used.system) / 1000, 0)} ms); plan ${hash}; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
      );
    }
  } finally {
    db.close();
  }
}

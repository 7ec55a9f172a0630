// Where the statement run draws its statements: in worker threads, one per core, when the built
// worker script sits beside the running bundle (the app, the workspace server and the benchmark);
// in the calling thread otherwise (unit tests run the sources), or when RECOUP_RENDER_THREADS=0.
// Jobs go to the least busy worker; results come back in the order asked.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import { encodeSnapshot } from '../../store/snapshotCodec';
import { renderForBatch, type BatchStatement } from './statementPdf';

/** A statement to draw: its snapshot, or the snapshot as the store keeps it (snapshotCodec), drawn as it decodes. */
export type SnapshotInput = StatementSnapshot | string;

export interface StatementRenderer {
  /** Worker threads drawing (0: the calling thread draws). */
  readonly threads: number;
  render(snapshots: SnapshotInput[]): Promise<BatchStatement[]>;
  /** The snapshots as the store keeps them (snapshotCodec), made where they are drawn. */
  encode(snapshots: StatementSnapshot[]): Promise<string[]>;
  close(): Promise<void>;
}

export function inlineRenderer(): StatementRenderer {
  return {
    threads: 0,
    async render(snapshots) {
      const out: BatchStatement[] = [];
      for (const s of snapshots) out.push(await renderForBatch(s));
      return out;
    },
    async encode(snapshots) {
      return Promise.resolve(snapshots.map((s) => encodeSnapshot(s)));
    },
    async close() {},
  };
}

interface Pending {
  kind: 'draw' | 'encode';
  resolve(results: BatchStatement[] | string[]): void;
  reject(err: Error): void;
}

/** A job that takes longer than this is taken for a stuck worker (64 statements take well under a second). */
const JOB_TIMEOUT_MS = 120_000;

export function workerRenderer(file: string, size: number): StatementRenderer {
  let nextId = 1;
  let failure: Error | null = null;
  const workers = Array.from({ length: size }, () => ({
    worker: new Worker(file),
    pending: new Map<number, Pending>(),
  }));
  // Any worker failing fails the pool: every job waiting anywhere is refused, and so is every later one.
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of workers) {
      for (const p of w.pending.values()) p.reject(failure);
      w.pending.clear();
    }
  };
  for (const w of workers) {
    w.worker.on('message', (m: { id: number; results?: BatchStatement[] | string[]; error?: string }) => {
      const p = w.pending.get(m.id);
      if (!p) return;
      w.pending.delete(m.id);
      if (m.error !== undefined)
        p.reject(
          new Error(
            p.kind === 'draw'
              ? `A statement could not be drawn: ${m.error}`
              : `A statement could not be kept with the prepared run: ${m.error}`,
          ),
        );
      else p.resolve(m.results!);
    });
    w.worker.on('error', fail);
    w.worker.on('messageerror', fail);
    w.worker.on('exit', (code) => fail(new Error(`A statement worker stopped (exit code ${code}).`)));
  }
  // A job to the least busy worker; its answer comes back by its id.
  const send = <T extends BatchStatement[] | string[]>(
    kind: 'draw' | 'encode',
    snapshots: SnapshotInput[],
  ): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const w = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error('A statement worker did not answer; the run was stopped.')),
        JOB_TIMEOUT_MS,
      );
      w.pending.set(id, {
        kind,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      w.worker.postMessage({ id, kind, snapshots });
    });
  };
  let closed = false;
  return {
    threads: size,
    render(snapshots) {
      return send<BatchStatement[]>('draw', snapshots);
    },
    encode(snapshots) {
      return send<string[]>('encode', snapshots);
    },
    async close() {
      if (closed) return;
      closed = true;
      failure ??= new Error('The statement workers were closed.');
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/**
 * The worker script built beside the bundle (out/main/statementWorker.js), if there is one. This
 * code may sit in a shared chunk (out/main/chunks/), so the folder above is looked in too.
 */
function builtWorkerScript(): string | null {
  if (typeof __dirname !== 'string') return null;
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const file = path.join(dir, 'statementWorker.js');
    if (existsSync(file)) return file;
  }
  return null;
}

/** How many worker threads a run draws with (0: the calling thread). */
export function renderThreads(): number {
  const configured = process.env.RECOUP_RENDER_THREADS;
  const threads = configured !== undefined ? Number(configured) : availableParallelism();
  if (!builtWorkerScript() || !Number.isInteger(threads) || threads <= 0) return 0;
  return threads;
}

export function statementRenderer(): StatementRenderer {
  const threads = renderThreads();
  const file = builtWorkerScript();
  return threads > 0 && file ? workerRenderer(file, threads) : inlineRenderer();
}

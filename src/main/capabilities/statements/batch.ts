// A statement run's batch, worked a chunk at a time: the run and a reprint hand CHUNK statements at
// a time to the renderer (worker threads) and write the one ZIP-sorted PDF as its pages come, with
// the caller's hooks for progress, pause and cancel (RunCancelled); the page cache a run works
// with; and the batch's file name.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pdf } from '../../pdf/layout';
import { coalesceOutput } from '../../pdf/output';
import type { StatementRenderer } from './renderPool';
import type { Db } from '../../store/database';

/** Writes the batch into `out` as its pages come, and resolves once `out` has taken all of it. */
export function streamBatch(batch: Pdf, out: Writable): Promise<void> {
  // In pieces of some 64 KB, not a chunk for every piece of every object (pdf/output.ts: the same bytes).
  coalesceOutput(batch);
  return pipeline(batch, out);
}

export interface RunHooks {
  onProgress?(count: number, total: number): void;
  isCancelled?(): boolean;
  pause?(): Promise<void>;
  /** Where the statements are drawn; worker threads beside the built app, by default. */
  renderer?: StatementRenderer;
}

/** Statements handled a chunk at a time, drawn by the renderer meanwhile. */
export const CHUNK = 64;

export class RunCancelled extends Error {}

/**
 * The page cache of a statement run, preparing and releasing: its reads and writes go all over a
 * large book (each guarantor's accounts and ledger, the accounts' clocks, the statements' indexes),
 * and a page read again from a cache too small for them is decrypted again. At a million
 * guarantors 64 MiB -> 256 MiB took 9 of the run's 79 s of CPU off; 512 MiB took no more (issue 18).
 */
export const RUN_CACHE_KIB = 256 * 1024;

/**
 * The file name of a run's batch: the date and the run's own number, so two runs on one day never
 * share a name (issue 11). `runId` null: the run about to be made (runs are numbered in order and
 * never deleted, and one writer makes them).
 */
export function runFileName(db: Db, runDate: string, runId: number | null, again = false): string {
  const id =
    runId ?? ((db.prepare('SELECT coalesce(max(id), 0) + 1 FROM statement_runs').pluck().get() as number) || 1);
  return `statements-${runDate}-run-${id}${again ? '-again' : ''}.pdf`;
}

// A worker thread of the statement run: draws the statements it is sent, each once, and returns
// the SHA-256 of each single-statement PDF with its pages for the batch, compressed here (see
// renderPool), so that the thread writing the batch only copies them. While a run is prepared it
// makes each statement's snapshot as the store keeps it (snapshotCodec), for the same reason.
import { parentPort } from 'node:worker_threads';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import { encodeSnapshot } from '../../store/snapshotCodec';
import type { SnapshotInput } from './renderPool';
import { renderForBatch } from './statementPdf';

type Job = { id: number } & (
  { kind: 'draw'; snapshots: SnapshotInput[] } | { kind: 'encode'; snapshots: StatementSnapshot[] }
);

parentPort?.on('message', (job: Job) => {
  void (async () => {
    try {
      const results = [];
      if (job.kind === 'encode') for (const s of job.snapshots) results.push(encodeSnapshot(s));
      else for (const s of job.snapshots) results.push(await renderForBatch(s));
      parentPort?.postMessage({ id: job.id, results });
    } catch (err) {
      parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});

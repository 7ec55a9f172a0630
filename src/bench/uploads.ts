// The upload's benchmark (issue 18): the scale data set's three files sent as the workspace sends
// them (`import:upload`, base64 parts of 4 MiB, each handed to the same Uploads the channel uses)
// and imported by the real import from what the uploads hold, into a fresh encrypted database. The
// figure is the peak resident memory of the whole step (send and import): what the main process
// needs to take an extract through the workspace.
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ImportFile } from '../main/capabilities/imports';
import { asImportFile, type WrittenExtract } from '../main/demo/synthetic';
import { Uploads } from '../main/platform/uploads';
import { openEncrypted } from '../main/store/database';
import { newDataKey } from '../main/store/keySlots';
import { timedImport } from './import';
import { measurePeak } from './memory';

const PART = 4 * 1024 * 1024;
const USER = 1;

/** Sends the file in 4 MiB base64 parts, as the workspace does; answers the upload's id. */
function send(uploads: Uploads, file: string): string {
  const fd = openSync(file, 'r');
  try {
    let uploadId = '';
    const buffer = Buffer.allocUnsafe(PART);
    for (let index = 0; ; index++) {
      const read = readSync(fd, buffer, 0, PART, null);
      const last = read < PART;
      const base64 = buffer.subarray(0, read).toString('base64');
      uploadId = uploads.addChunk(USER, { uploadId, fileName: path.basename(file), index, last, base64 }).uploadId;
      if (last) return uploadId;
    }
  } finally {
    closeSync(fd);
  }
}

/** Sends the extract's files (written by importBench) and imports them; `upload_import_peak_mb`. */
export async function uploadsBench(
  extract: WrittenExtract,
  dir: string,
  options: { today: string },
  results: Record<string, number>,
): Promise<void> {
  const dbPath = path.join(dir, 'uploaded.db');
  const uploads = new Uploads(() => Date.now());
  const db = openEncrypted(dbPath, newDataKey());
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { value, peakMb } = await measurePeak(async () => {
      const files = (
        [
          ['guarantors', extract.guarantorsPath],
          ['accounts', extract.accountsPath],
          ['transactions', extract.transactionsPath],
        ] as const
      ).map(([layout, file]): ImportFile => {
        const { fileName, staged } = uploads.staged(USER, send(uploads, file));
        // The mapping the bench's files take (the source given here is not read).
        const { mapping } = asImportFile(fileName, layout, { path: file });
        return { name: fileName, layout, mapping, staged };
      });
      const sentMs = performance.now() - started;
      return { sentMs, imported: await timedImport(db, files, `${options.today}T12:00:00.000Z`) };
    });
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (peakMb !== null) results.upload_import_peak_mb = peakMb;
    console.log(
      `Upload and import (${value.imported.rows} rows): sent in ${(value.sentMs / 1000).toFixed(1)} s, imported in ${(value.imported.ms / 1000).toFixed(1)} s (CPU ${(cpuMs / 1000).toFixed(1)} s in all); peak ${peakMb ?? '?'} MB resident`,
    );
  } finally {
    db.close();
    uploads.clear();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  }
}

// The import wizard's services: run a preview or a commit of uploaded files with the clerk's
// mappings, keep the last report of each task for its error report, and the saved mappings
// (profiles).
import type { z } from 'zod';
import { csvBytes } from '../../platform/csv';
import { AppError } from '../../../shared/errors';
import {
  importMappingSchema,
  type ImportLayout,
  type ImportProfile,
  type ImportReport,
  type UploadInspection,
  type importRunInput,
  type saveProfileInput,
} from '../../../shared/schemas/import';
import type { RecoupApp } from '../../app';
import type { Encoding } from './decode';
import { sourcePieces } from './source';
import { autoMapping, runImport, type ImportFile } from './importer';
import { csvHeaders } from './csv';
import type { Db } from '../../store/database';
import { settleLedgerChange } from '../ledger';

/** How much of an upload's text is kept to read its header line. */
const HEADER_CHARS = 64 * 1024;

const lastReports = new Map<string, { userId: number; report: ImportReport; at: number }>();

export async function importFiles(
  app: RecoupApp,
  input: z.output<typeof importRunInput>,
  mode: 'preview' | 'commit',
  userId: number,
): Promise<ImportReport> {
  const layouts = input.files.map((f) => f.layout);
  if (new Set(layouts).size !== layouts.length)
    throw new AppError('invalid_input', 'Each file must hold something different.', {
      files: 'Two files have the same kind.',
    });
  if (layouts.includes('combined') && layouts.length > 1) {
    throw new AppError('invalid_input', 'A combined file is imported on its own.', {
      files: 'A combined file is imported on its own.',
    });
  }
  const files: ImportFile[] = input.files.map((f) => {
    const mapping = input.mappings[f.layout];
    if (!mapping)
      throw new AppError('invalid_input', `Map the columns of the ${f.layout} file first.`, {
        mappings: `The ${f.layout} file has no mapping.`,
      });
    // The staged upload is decrypted and decoded a chunk at a time as the import reads it.
    const { fileName, staged } = app.uploads.staged(userId, f.uploadId);
    return { name: fileName, layout: f.layout, staged, mapping };
  });
  app.jobs.start(input.jobId, userId);
  try {
    const report = await runImport(
      app.store.db,
      files,
      {
        mode,
        now: app.nowIso(),
        today: app.clock.today(),
        userId,
        source: files.map((f) => f.name).join(', '),
        // Imported payments (and new balances) move plans and promises in the import's transaction.
        afterLedgerChange: (ledger) => settleLedgerChange(app, ledger),
        deathSubscribers: app.extensions.deathSubscribers,
      },
      {
        onProgress: (count, total, phase) => app.emit({ type: 'progress', jobId: input.jobId, phase, count, total }),
        isCancelled: () => app.jobs.isCancelled(input.jobId),
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      },
    );
    lastReports.set(input.jobId, { userId, report, at: Date.now() });
    for (const [id, r] of lastReports) if (Date.now() - r.at > 3_600_000) lastReports.delete(id);
    if (report.committed) for (const f of input.files) app.uploads.discard(f.uploadId);
    return report;
  } finally {
    app.jobs.finish(input.jobId);
  }
}

/**
 * The headers of an uploaded file and the mapping Recoup suggests for them. A file that is not
 * UTF-8 is read as Windows-1252 (what older billing systems write), and the answer says so, so
 * the mapping starts with the encoding that works.
 */
export function inspectUpload(
  app: RecoupApp,
  userId: number,
  uploadId: string,
  layout: ImportLayout,
  encoding: 'utf-8' | 'windows-1252',
): UploadInspection {
  const { fileName, staged } = app.uploads.staged(userId, uploadId);
  /** The whole file decoded (so that a bad byte anywhere is found), keeping only its start. */
  const start = (used: Encoding) => {
    let text = '';
    for (const piece of sourcePieces(fileName, { staged }, used)) if (text.length < HEADER_CHARS) text += piece.text;
    return text;
  };
  let used = encoding;
  let text: string;
  try {
    text = start(encoding);
  } catch (err) {
    if (encoding !== 'utf-8' || !(err instanceof AppError) || !/not UTF-8 text/.test(err.message)) throw err;
    used = 'windows-1252';
    text = start(used);
  }
  const headers = csvHeaders(text);
  return { fileName, sizeBytes: staged.sizeBytes, headers, suggested: autoMapping(headers, layout), encoding: used };
}

/** Every listed error as CSV: file, line, column, value, reason. */
export function errorReportCsv(jobId: string, userId: number): { fileName: string; bytes: Buffer } {
  const entry = lastReports.get(jobId);
  if (!entry || entry.userId !== userId)
    throw new AppError('not_found', 'That import report is no longer here; preview the import again.');
  return {
    fileName: 'import-errors.csv',
    bytes: csvBytes(
      ['file', 'line', 'column', 'value', 'reason'],
      entry.report.errors.map((e) => [e.file, e.line, e.column, e.value, e.reason]),
    ),
  };
}

export function listProfiles(db: Db): ImportProfile[] {
  return (
    db.prepare('SELECT id, name, mapping, updated_at FROM import_profiles ORDER BY name').all() as {
      id: number;
      name: string;
      mapping: string;
      updated_at: string;
    }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    mapping: importMappingSchema.parse(JSON.parse(r.mapping)),
    updatedAt: r.updated_at,
  }));
}

export function saveProfile(db: Db, input: z.output<typeof saveProfileInput>, by: number, now: string): ImportProfile {
  const clash = db.prepare('SELECT id FROM import_profiles WHERE name = ?').get(input.name) as
    { id: number } | undefined;
  if (clash && clash.id !== input.id)
    throw new AppError('conflict', 'A profile with that name exists.', { name: 'A profile with that name exists.' });
  let id = input.id;
  if (id !== undefined) {
    const info = db
      .prepare('UPDATE import_profiles SET name = ?, layout = ?, mapping = ?, updated_at = ? WHERE id = ?')
      .run(input.name, input.mapping.layout, JSON.stringify(input.mapping), now, id);
    if (info.changes === 0) throw new AppError('not_found', 'There is no such profile.');
  } else {
    id = Number(
      db
        .prepare(
          'INSERT INTO import_profiles (name, layout, mapping, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(input.name, input.mapping.layout, JSON.stringify(input.mapping), now, by, now).lastInsertRowid,
    );
  }
  return listProfiles(db).find((p) => p.id === id)!;
}

export function deleteProfile(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM import_profiles WHERE id = ?').run(id);
  if (info.changes === 0) throw new AppError('not_found', 'There is no such profile.');
}

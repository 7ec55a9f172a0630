// Documents printed for a guarantor are kept with their bytes and hash, so any of them reprints
// exactly; printing is audited by the channel that makes the document.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FileKind } from '../../shared/schemas/files';
import type { Db } from '../store/database';

export function storeDocument(
  db: Db,
  d: {
    guarantorId: number | null;
    kind: string;
    title: string;
    fileName: string;
    mimeType: FileKind;
    bytes: Buffer;
    at: string;
    by: number | null;
  },
): number {
  const sha256 = createHash('sha256').update(d.bytes).digest('hex');
  const info = db
    .prepare(
      `INSERT INTO documents (guarantor_id, kind, title, file_name, mime_type, sha256, bytes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(d.guarantorId, d.kind, d.title, d.fileName, d.mimeType, sha256, d.bytes, d.at, d.by);
  return Number(info.lastInsertRowid);
}

/** What a kept document is (without its bytes). */
export function documentInfo(
  db: Db,
  documentId: number,
): { fileName: string; mimeType: FileKind; sizeBytes: number; guarantorId: number | null; sha256: string } {
  const row = db
    .prepare('SELECT guarantor_id, file_name, mime_type, length(bytes) AS size, sha256 FROM documents WHERE id = ?')
    .get(documentId) as
    { guarantor_id: number | null; file_name: string; mime_type: FileKind; size: number; sha256: string } | undefined;
  if (!row) throw new AppError('not_found', 'There is no such document.');
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size,
    guarantorId: row.guarantor_id,
    sha256: row.sha256,
  };
}

/** A kept document's bytes. */
export function fetchDocumentBytes(db: Db, documentId: number): Buffer {
  const bytes = db.prepare('SELECT bytes FROM documents WHERE id = ?').pluck().get(documentId) as Buffer | undefined;
  if (!bytes) throw new AppError('not_found', 'There is no such document.');
  return bytes;
}

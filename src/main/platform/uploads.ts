// Files the workspace sends for import, held in memory only (never written unencrypted to disk),
// in chunks of at most 4 MiB so that both transports carry them. They go an hour after their last
// use (checked every minute), once imported, or when their user's last session ends.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_HELD_BYTES = 400 * 1024 * 1024;
const TTL_MS = 60 * 60_000;

interface Upload {
  id: string;
  userId: number;
  fileName: string;
  chunks: Buffer[];
  size: number;
  complete: boolean;
  touchedMs: number;
}

export class Uploads {
  private readonly byId = new Map<string, Upload>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly nowMs: () => number) {
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [id, u] of this.byId) if (now - u.touchedMs > TTL_MS) this.byId.delete(id);
  }

  private held(): number {
    let n = 0;
    for (const u of this.byId.values()) n += u.size;
    return n;
  }

  addChunk(
    userId: number,
    input: { uploadId: string; fileName: string; index: number; last: boolean; base64: string },
  ): { uploadId: string; receivedBytes: number; complete: boolean } {
    this.sweep();
    let upload: Upload | undefined;
    if (input.uploadId === '') {
      if (input.index !== 0) throw new AppError('invalid_input', 'An upload starts with its first part.');
      upload = {
        id: randomBytes(12).toString('hex'),
        userId,
        fileName: input.fileName,
        chunks: [],
        size: 0,
        complete: false,
        touchedMs: this.nowMs(),
      };
      this.byId.set(upload.id, upload);
    } else {
      upload = this.byId.get(input.uploadId);
      if (!upload || upload.userId !== userId)
        throw new AppError('not_found', 'That upload has expired; choose the file again.');
      if (upload.complete) throw new AppError('not_allowed', 'That upload is already complete.');
      if (input.index !== upload.chunks.length)
        throw new AppError('invalid_input', 'A part of the file arrived out of order; choose the file again.');
    }
    const bytes = Buffer.from(input.base64, 'base64');
    if (upload.size + bytes.length > MAX_FILE_BYTES) {
      this.byId.delete(upload.id);
      throw new AppError(
        'invalid_input',
        `${input.fileName} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; split the extract into smaller files.`,
      );
    }
    if (this.held() + bytes.length > MAX_HELD_BYTES)
      throw new AppError('not_allowed', 'Too many files are waiting to be imported; import or cancel them first.');
    upload.chunks.push(bytes);
    upload.size += bytes.length;
    upload.touchedMs = this.nowMs();
    upload.complete = input.last;
    return { uploadId: upload.id, receivedBytes: upload.size, complete: upload.complete };
  }

  bytes(userId: number, uploadId: string): { fileName: string; bytes: Buffer } {
    const { fileName, parts } = this.parts(userId, uploadId);
    return { fileName, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts) };
  }

  /** The file as the parts it came in (the import decodes them one by one, never joined). */
  parts(userId: number, uploadId: string): { fileName: string; parts: readonly Buffer[] } {
    this.sweep();
    const u = this.byId.get(uploadId);
    if (!u || u.userId !== userId) throw new AppError('not_found', 'That file is no longer here; choose it again.');
    if (!u.complete) throw new AppError('invalid_input', `${u.fileName} has not finished uploading.`);
    u.touchedMs = this.nowMs();
    return { fileName: u.fileName, parts: u.chunks };
  }

  discard(uploadId: string): void {
    this.byId.delete(uploadId);
  }

  /** A user's last session ended: what they sent and did not import goes. */
  dropUser(userId: number): void {
    for (const [id, u] of this.byId) if (u.userId === userId) this.byId.delete(id);
  }

  /** Recoup stops. */
  clear(): void {
    clearInterval(this.timer);
    this.byId.clear();
  }
}

// Files the workspace sends for import, in parts of at most 4 MiB so that both transports carry
// them. Each part is sealed (AES-256-GCM, in chunks of a MiB, sealedFiles.ts) under a key of its
// own upload held only in memory, and appended to the upload's temporary file as it arrives: no
// part is kept in memory once its call returns, nothing unencrypted touches the disk, and a crash
// leaves only files nobody can read (swept when Recoup next starts). The import reads the file back
// a chunk at a time (`staged`), so an extract of any size is never whole in memory; the callers
// that take a whole file (`bytes`: remittances, rosters, 835s — small files) have a cap of their
// own. Uploads go (file deleted, key forgotten) an hour after their last use (checked every
// minute), once imported or discarded, when their user's last session ends, or when Recoup stops.
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { newSealKey, readSealedFile, sealChunk, TempFolder, type SealKey } from './sealedFiles';

const MiB = 1024 * 1024;
/** What the import accepts in one file (a million-guarantor extract's transactions are ~900 MB). */
export const MAX_FILE_BYTES = 4 * 1024 * MiB;
/** What a caller that reads a file whole (`bytes`) accepts. */
export const MAX_WHOLE_FILE_BYTES = 200 * MiB;
/** What may wait on disk in all (three extracts' worth of files). */
const MAX_HELD_BYTES = 12 * 1024 * MiB;
/** Disk space an upload must leave free in the temporary folder. */
const DISK_RESERVE_BYTES = 512 * MiB;
/** Plain bytes per sealed chunk: what the import decodes at a time. */
const CHUNK = MiB;
const TTL_MS = 60 * 60_000;

/** An upload as the import reads it: its size and its bytes a chunk at a time, checked. */
export interface StagedFile {
  sizeBytes: number;
  pieces(): Iterable<Uint8Array>;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxWholeFileBytes: number;
  maxHeldBytes: number;
  diskReserveBytes: number;
}

interface Upload {
  id: string;
  userId: number;
  fileName: string;
  file: string;
  secret: SealKey;
  /** Chunks sealed so far (the next one's index) and the file's length on disk. */
  chunks: number;
  storedBytes: number;
  /** Parts received (the next one's index) and their plain bytes. */
  parts: number;
  size: number;
  complete: boolean;
  touchedMs: number;
}

const mb = (bytes: number) => `${Math.round(bytes / MiB).toLocaleString('en-US')} MB`;

export class Uploads {
  private readonly byId = new Map<string, Upload>();
  private readonly folder = new TempFolder();
  private readonly timer: NodeJS.Timeout;
  private readonly limits: UploadLimits;

  constructor(
    private readonly nowMs: () => number,
    limits: Partial<UploadLimits> = {},
  ) {
    this.limits = {
      maxFileBytes: MAX_FILE_BYTES,
      maxWholeFileBytes: MAX_WHOLE_FILE_BYTES,
      maxHeldBytes: MAX_HELD_BYTES,
      diskReserveBytes: DISK_RESERVE_BYTES,
      ...limits,
    };
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const u of [...this.byId.values()]) if (now - u.touchedMs > TTL_MS) this.forget(u);
  }

  private held(): number {
    let n = 0;
    for (const u of this.byId.values()) n += u.size;
    return n;
  }

  private forget(u: Upload): void {
    this.byId.delete(u.id);
    u.secret.key.fill(0);
    try {
      rmSync(u.file, { force: true });
    } catch {
      // The folder goes when Recoup stops, and the file cannot be read without the key.
    }
  }

  addChunk(
    userId: number,
    input: { uploadId: string; fileName: string; index: number; last: boolean; base64: string },
  ): { uploadId: string; receivedBytes: number; complete: boolean } {
    this.sweep();
    let upload: Upload | undefined;
    if (input.uploadId === '') {
      if (input.index !== 0) throw new AppError('invalid_input', 'An upload starts with its first part.');
    } else {
      upload = this.byId.get(input.uploadId);
      if (!upload || upload.userId !== userId)
        throw new AppError('not_found', 'That upload has expired; choose the file again.');
      if (upload.complete) throw new AppError('not_allowed', 'That upload is already complete.');
      if (input.index !== upload.parts)
        throw new AppError('invalid_input', 'A part of the file arrived out of order; choose the file again.');
    }
    const bytes = Buffer.from(input.base64, 'base64');
    try {
      const fileName = upload?.fileName ?? input.fileName;
      if ((upload?.size ?? 0) + bytes.length > this.limits.maxFileBytes) {
        // It can never be complete: it goes now rather than in an hour.
        if (upload) this.forget(upload);
        throw new AppError(
          'invalid_input',
          `${fileName} is larger than ${mb(this.limits.maxFileBytes)}; split the extract into smaller files.`,
        );
      }
      if (this.held() + bytes.length > this.limits.maxHeldBytes)
        throw new AppError(
          'not_allowed',
          `Too many files are waiting to be imported (${mb(this.held())}) to take ${fileName} as well; import or cancel them first.`,
        );
      if (this.freeDisk() - bytes.length < this.limits.diskReserveBytes)
        throw new AppError('not_allowed', `There is not enough free disk space on this computer to take ${fileName}.`);
      if (!upload) {
        upload = {
          id: randomBytes(12).toString('hex'),
          userId,
          fileName,
          file: this.folder.newFile(),
          secret: newSealKey(),
          chunks: 0,
          storedBytes: 0,
          parts: 0,
          size: 0,
          complete: false,
          touchedMs: this.nowMs(),
        };
        this.byId.set(upload.id, upload);
      }
      this.append(upload, bytes, input.last);
      upload.parts++;
      upload.size += bytes.length;
      upload.touchedMs = this.nowMs();
      upload.complete = input.last;
      return { uploadId: upload.id, receivedBytes: upload.size, complete: upload.complete };
    } finally {
      bytes.fill(0);
    }
  }

  /** Free bytes where the files are kept (Infinity where the system cannot say). */
  private freeDisk(): number {
    try {
      const s = statfsSync(this.folder.path);
      return s.bavail * s.bsize;
    } catch {
      return Infinity;
    }
  }

  /**
   * Seals the part's bytes a chunk at a time onto the end of the upload's file. A write that fails
   * (a full disk) is undone, so the upload is as it was before the part.
   */
  private append(u: Upload, bytes: Buffer, last: boolean): void {
    const fd = openSync(u.file, u.storedBytes === 0 ? 'w' : 'a', 0o600);
    let chunks = u.chunks;
    let stored = u.storedBytes;
    try {
      // An empty part seals nothing, unless it ends the file (the last chunk says so).
      for (let at = 0; at < bytes.length || (last && at === 0); at += CHUNK) {
        const end = Math.min(bytes.length, at + CHUNK);
        const sealed = sealChunk(u.secret, chunks, bytes.subarray(at, end), last && end === bytes.length);
        for (let written = 0; written < sealed.length;)
          written += writeSync(fd, sealed, written, sealed.length - written);
        chunks++;
        stored += sealed.length;
      }
    } catch (err) {
      ftruncateSync(fd, u.storedBytes);
      if (u.storedBytes === 0) this.forget(u);
      throw new AppError(
        'not_allowed',
        `${u.fileName} could not be kept on this computer's disk (${(err as NodeJS.ErrnoException).code ?? 'error'}); choose the file again.`,
      );
    } finally {
      closeSync(fd);
    }
    u.chunks = chunks;
    u.storedBytes = stored;
  }

  private complete(userId: number, uploadId: string): Upload {
    this.sweep();
    const u = this.byId.get(uploadId);
    if (!u || u.userId !== userId) throw new AppError('not_found', 'That file is no longer here; choose it again.');
    if (!u.complete) throw new AppError('invalid_input', `${u.fileName} has not finished uploading.`);
    u.touchedMs = this.nowMs();
    return u;
  }

  /**
   * The file as the import reads it, a chunk at a time, decrypted and checked as it goes. The
   * reader holds a copy of the key, so an import that is reading goes on to its end even if the
   * upload is dropped meanwhile (as it did when the parts were in memory).
   */
  staged(userId: number, uploadId: string): { fileName: string; staged: StagedFile } {
    const u = this.complete(userId, uploadId);
    const { fileName, file } = u;
    const secret = { key: Buffer.from(u.secret.key), nonce: u.secret.nonce };
    return {
      fileName,
      staged: {
        sizeBytes: u.size,
        *pieces() {
          const read = readSealedFile(file, secret);
          for (;;) {
            let next: IteratorResult<Buffer>;
            try {
              next = read.next();
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code === 'ENOENT')
                throw new AppError('not_found', 'That file is no longer here; choose it again.');
              throw new AppError('invalid_input', `${fileName} could not be read back intact; choose the file again.`);
            }
            if (next.done) return;
            yield next.value;
          }
        },
      },
    };
  }

  /** The whole file in memory, for the callers that read it whole (small files only). */
  bytes(userId: number, uploadId: string): { fileName: string; bytes: Buffer } {
    const { fileName, staged } = this.staged(userId, uploadId);
    if (staged.sizeBytes > this.limits.maxWholeFileBytes)
      throw new AppError(
        'invalid_input',
        `${fileName} is larger than ${mb(this.limits.maxWholeFileBytes)}; split it into smaller files.`,
      );
    return { fileName, bytes: Buffer.concat([...staged.pieces()], staged.sizeBytes) };
  }

  /** Where an upload waits on disk (tests: it holds ciphertext, never the file). */
  storedPath(uploadId: string): string | null {
    return this.byId.get(uploadId)?.file ?? null;
  }

  discard(uploadId: string): void {
    const u = this.byId.get(uploadId);
    if (u) this.forget(u);
  }

  /** A user's last session ended: what they sent and did not import goes. */
  dropUser(userId: number): void {
    for (const u of [...this.byId.values()]) if (u.userId === userId) this.forget(u);
  }

  /** Recoup stops. */
  clear(): void {
    clearInterval(this.timer);
    for (const u of [...this.byId.values()]) this.forget(u);
    this.folder.remove();
  }
}

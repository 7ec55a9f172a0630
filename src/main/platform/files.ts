// Documents travel as files, never as base64 through the renderer. A channel that makes a document
// offers it here and answers with a handle (id, name, type, size). The bytes wait in the main
// process: a document kept in the store is read from it when fetched; any other is written to a
// temporary file encrypted with AES-256-GCM under a key held only in memory (a crash leaves
// nothing readable behind), in chunks (sealedFiles.ts), so a statement batch of any size is streamed to disk as it
// is drawn and streamed out again without ever being whole in memory or in the renderer.
//
// A handle belongs to the session that made it. The workspace fetches it with a one-time link
// (files:link, which needs the token and the session): the workspace server streams it with its
// type and file name; the desktop app opens, prints or saves it through the system's own dialogs
// (src/main/shell/electronFiles.ts). Files go when their session ends, after an hour, or when
// Recoup stops.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import type { FileHandle, FileKind } from '../../shared/schemas/files';
import type { Db } from '../store/database';
import { fetchDocumentBytes } from './documents';
import { DecryptChunks, EncryptChunks, newSealKey, TempFolder, type SealKey } from './sealedFiles';

/** Plain bytes per encrypted chunk. */
const CHUNK = 64 * 1024;
const TTL_MS = 60 * 60_000;
const LINK_TTL_MS = 2 * 60_000;
/** The owner of a file made before anyone logged in (the recovery-key sheet at set-up). */
export const SET_UP = 'set-up';

type Source = { kind: 'temp'; path: string; secret: SealKey } | { kind: 'document'; documentId: number };

interface Offered {
  handle: FileHandle;
  owner: string;
  createdMs: number;
  source: Source;
}

export class Files {
  private readonly offered = new Map<string, Offered>();
  private readonly links = new Map<string, { fileId: string; owner: string; expiresMs: number; uses: number }>();
  private readonly folder = new TempFolder();
  /** Files past their hour go even if nobody asks for anything (their keys with them). */
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly nowMs: () => number) {
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [id, f] of this.offered) if (now - f.createdMs > TTL_MS) this.forget(id);
    for (const [ticket, l] of this.links) if (now > l.expiresMs) this.links.delete(ticket);
  }

  private register(owner: string, meta: FileMeta, sizeBytes: number, source: Source): FileHandle {
    this.sweep();
    const handle: FileHandle = { fileId: randomBytes(16).toString('base64url'), ...meta, sizeBytes };
    this.offered.set(handle.fileId, { handle, owner, createdMs: this.nowMs(), source });
    return handle;
  }

  /** Offers bytes drawn in memory (a receipt, a CSV): written encrypted to a temporary file. */
  async offerBytes(owner: string, meta: FileMeta, bytes: Buffer): Promise<FileHandle> {
    return this.offerStream(owner, meta, async (out) => {
      await pipeline(Readable.from([bytes]), out);
    });
  }

  /**
   * Offers a document written as it is made (a statement batch): `write` sends its bytes into the
   * stream it is given and ends it; they are encrypted to disk as they come.
   */
  async offerStream(owner: string, meta: FileMeta, write: (out: Writable) => Promise<void>): Promise<FileHandle> {
    const secret = newSealKey();
    const file = this.folder.newFile();
    const encrypt = new EncryptChunks(secret, CHUNK);
    const written = pipeline(encrypt, createWriteStream(file, { mode: 0o600 }));
    // What the writer writes into: it finishes only once the encrypted file is flushed to disk, so
    // a writer that waits for it (the statement run, before it commits) knows the file is there.
    const pass = (bytes: Buffer, done: (err?: Error | null) => void) => {
      if (encrypt.write(bytes)) done();
      else encrypt.once('drain', () => done());
    };
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => pass(chunk, done),
      // Writes that queued while the last was passed on go on as one (a PDF writes small pieces).
      writev: (chunks, done) => pass(Buffer.concat(chunks.map((c) => c.chunk as Buffer)), done),
      final(done) {
        encrypt.end();
        written.then(() => done(), done);
      },
    });
    written.catch((err: unknown) => sink.destroy(err as Error));
    try {
      await write(sink);
      await written;
    } catch (err) {
      encrypt.destroy();
      sink.destroy();
      await written.catch(() => undefined);
      try {
        rmSync(file, { force: true });
      } finally {
        secret.key.fill(0);
      }
      throw err;
    }
    return this.register(owner, meta, encrypt.plainBytes, { kind: 'temp', path: file, secret });
  }

  /** Offers a document kept in the store (read from it when fetched, so nothing is copied). */
  offerDocument(owner: string, meta: FileMeta, documentId: number, sizeBytes: number): FileHandle {
    return this.register(owner, meta, sizeBytes, { kind: 'document', documentId });
  }

  /** The file, if it is this owner's and still here. */
  get(fileId: string, owner: string): FileHandle {
    this.sweep();
    const f = this.offered.get(fileId);
    if (!f || f.owner !== owner)
      throw new AppError('not_found', 'That document is no longer here; make it again (files last an hour).');
    return f.handle;
  }

  /**
   * A link to fetch the file, for its owner: good once, for two minutes. (The set-up's recovery-key
   * sheet, made before anyone can log in, gets three uses in ten minutes instead.)
   */
  link(fileId: string, owner: string, options: { uses?: number; ttlMs?: number } = {}): string {
    this.get(fileId, owner);
    const ticket = randomBytes(24).toString('base64url');
    this.links.set(ticket, {
      fileId,
      owner,
      expiresMs: this.nowMs() + (options.ttlMs ?? LINK_TTL_MS),
      uses: options.uses ?? 1,
    });
    return ticket;
  }

  /** Spends a link: the file it was for and who asked for it, or null when it is unknown or used. */
  redeem(fileId: string, ticket: string): { handle: FileHandle; owner: string } | null {
    this.sweep();
    const l = this.links.get(ticket);
    if (!l || l.fileId !== fileId) return null;
    if (--l.uses <= 0) this.links.delete(ticket);
    const f = this.offered.get(fileId);
    return f && f.owner === l.owner ? { handle: f.handle, owner: f.owner } : null;
  }

  /** The file's bytes as a stream (decrypted and checked chunk by chunk, or read from the store). */
  read(fileId: string, db: () => Db): Readable {
    this.sweep();
    const f = this.offered.get(fileId);
    if (!f) throw new AppError('not_found', 'That document is no longer here.');
    if (f.source.kind === 'document') return Readable.from([fetchDocumentBytes(db(), f.source.documentId)]);
    const source = createReadStream(f.source.path);
    const decrypt = new DecryptChunks(f.source.secret);
    source.on('error', (err) => decrypt.destroy(err));
    return source.pipe(decrypt);
  }

  /** The whole file in memory (tests, and the desktop's save and print of small documents). */
  async bytes(fileId: string, db: () => Db): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(fileId, db)) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  /** Where a temporary file is kept on disk (tests: it holds ciphertext, never the document). */
  storedPath(fileId: string): string | null {
    const f = this.offered.get(fileId);
    return f && f.source.kind === 'temp' ? f.source.path : null;
  }

  private forget(fileId: string): void {
    const f = this.offered.get(fileId);
    if (!f) return;
    this.offered.delete(fileId);
    if (f.source.kind === 'temp') {
      rmSync(f.source.path, { force: true });
      f.source.secret.key.fill(0);
    }
  }

  /** A session ended: its files go. */
  dropOwner(owner: string): void {
    for (const [id, f] of this.offered) if (f.owner === owner) this.forget(id);
    for (const [ticket, l] of this.links) if (l.owner === owner) this.links.delete(ticket);
  }

  clear(): void {
    clearInterval(this.timer);
    for (const id of [...this.offered.keys()]) this.forget(id);
    this.links.clear();
    this.folder.remove();
  }

  get count(): number {
    return this.offered.size;
  }
}

export interface FileMeta {
  fileName: string;
  mimeType: FileKind;
}

// Temporary files sealed with AES-256-GCM under a key held only in memory, in chunks: the documents
// Recoup offers (files.ts) and the files the workspace sends for import (uploads.ts) wait on disk
// this way, so neither is ever whole in memory and a crash leaves nothing readable behind.
//
// A file is a run of chunks, each [length u32][last u8][ciphertext][tag]. Chunk `index` is sealed
// with the nonce (the file's 8 random bytes, then the index) and with its index and last-flag as
// associated data: chunks cannot be reordered, dropped, repeated or cut off unnoticed, and nothing
// may follow the last. Chunks may be of any length up to MAX_CHUNK (a reader takes what it finds).
//
// The files live in a folder of the temporary folder named for the process; folders left by a
// Recoup that stopped without cleaning up (their keys died with it) are removed when the next starts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';

/** The secret of one file: its key and the 8 bytes its chunks' nonces start with. */
export interface SealKey {
  key: Buffer;
  nonce: Buffer;
}

export function newSealKey(): SealKey {
  return { key: randomBytes(32), nonce: randomBytes(8) };
}

/** The largest chunk a reader accepts (a damaged length is refused, not allocated). */
const MAX_CHUNK = 16 * 1024 * 1024;
const HEADER = 5;
const TAG = 16;

/** The nonce of chunk `index`: 8 random bytes of the file, then the chunk's number. */
function chunkNonce(base: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  base.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

/** The chunk's place and whether it is the last, bound into its tag (no reordering, no truncation). */
function chunkAad(index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(5);
  aad.writeUInt32BE(index, 0);
  aad[4] = last ? 1 : 0;
  return aad;
}

/** Chunk `index` of a file, sealed: header, ciphertext, tag. */
export function sealChunk(secret: SealKey, index: number, plain: Buffer, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', secret.key, chunkNonce(secret.nonce, index));
  cipher.setAAD(chunkAad(index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const header = Buffer.alloc(HEADER);
  header.writeUInt32BE(body.length, 0);
  header[4] = last ? 1 : 0;
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** A chunk's header: how long its ciphertext is and whether it is the last. */
function chunkHeader(bytes: Buffer): { length: number; last: boolean } {
  const length = bytes.readUInt32BE(0);
  if (length > MAX_CHUNK) throw new Error('the file is damaged');
  return { length, last: bytes[4] === 1 };
}

/** Chunk `index`'s plain bytes, checked against its tag (throws when anything was changed). */
function openChunk(secret: SealKey, index: number, last: boolean, body: Buffer, tag: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', secret.key, chunkNonce(secret.nonce, index));
  decipher.setAAD(chunkAad(index, last));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/**
 * Plain bytes in, sealed chunks of `chunkBytes` out (the last may be shorter, even empty).
 */
export class EncryptChunks extends Transform {
  /** Bytes not yet sealed, kept as the pieces they came in (a PDF arrives in thousands of small
   * writes; joining each to the rest would copy the pending chunk again at every write). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  plainBytes = 0;

  constructor(
    private readonly secret: SealKey,
    private readonly chunkBytes: number,
  ) {
    super();
  }

  private seal(plain: Buffer, last: boolean): void {
    this.push(sealChunk(this.secret, this.index++, plain, last));
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.plainBytes += data.length;
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes > this.chunkBytes) {
      let all = Buffer.concat(this.pending, this.pendingBytes);
      while (all.length > this.chunkBytes) {
        this.seal(all.subarray(0, this.chunkBytes), false);
        all = all.subarray(this.chunkBytes);
      }
      this.pending = [all];
      this.pendingBytes = all.length;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.seal(Buffer.concat(this.pending, this.pendingBytes), true);
    done();
  }
}

/** The reverse, as a stream: each chunk checked before a byte of it is passed on. */
export class DecryptChunks extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  private index = 0;
  private ended = false;

  constructor(private readonly secret: SealKey) {
    super();
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    try {
      while (this.pending.length >= HEADER) {
        const { length, last } = chunkHeader(this.pending);
        if (this.pending.length < HEADER + length + TAG) break;
        if (this.ended) throw new Error('the file goes on after its last part');
        const body = this.pending.subarray(HEADER, HEADER + length);
        const tag = this.pending.subarray(HEADER + length, HEADER + length + TAG);
        this.push(openChunk(this.secret, this.index++, last, body, tag));
        this.pending = this.pending.subarray(HEADER + length + TAG);
        if (last) this.ended = true;
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    done(this.ended && this.pending.length === 0 ? undefined : new Error('the file is cut short'));
  }
}

/** Reads exactly `into.length` bytes (fewer only at the end of the file). */
function readFully(fd: number, into: Buffer): number {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * The reverse, synchronously: a sealed file's plain bytes a chunk at a time, each checked before it
 * is given (the import reads its sources synchronously). Throws when the file was changed, cut
 * short, or goes on after its last chunk.
 */
export function* readSealedFile(file: string, secret: SealKey): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER);
    for (let index = 0; ; index++) {
      if (readFully(fd, header) < HEADER) throw new Error('the file is cut short');
      const { length, last } = chunkHeader(header);
      const sealed = Buffer.allocUnsafe(length + TAG);
      if (readFully(fd, sealed) < sealed.length) throw new Error('the file is cut short');
      const plain = openChunk(secret, index, last, sealed.subarray(0, length), sealed.subarray(length));
      if (last && readFully(fd, header.subarray(0, 1)) > 0) throw new Error('the file goes on after its last part');
      yield plain;
      if (last) return;
    }
  } finally {
    closeSync(fd);
  }
}

const FOLDER_PREFIX = 'recoup-files-';

/** A folder of sealed files for this process, made when first needed. */
export class TempFolder {
  private folder: string | null = null;

  get path(): string {
    if (!this.folder) {
      sweepAbandonedFolders();
      this.folder = mkdtempSync(path.join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
    }
    return this.folder;
  }

  /** A new file's name in the folder (random, so it says nothing of what it holds). */
  newFile(): string {
    return path.join(this.path, randomBytes(12).toString('hex'));
  }

  remove(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }
}

/**
 * Temporary folders left by a Recoup that stopped without cleaning up (a crash): their files are
 * ciphertext whose key died with that process, removed when the next one starts. A folder is named
 * for the process that made it, and one whose process still runs is left alone.
 */
function sweepAbandonedFolders(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processRuns(pid)) continue;
    try {
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // Another user's folder (a shared temporary folder): theirs to clear; never a reason to fail.
    }
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Issue 18: an upload waits on disk sealed in chunks under its own key held only in memory, appended
// a part at a time as it arrives, and is read back a chunk at a time (never whole in memory). The
// file on disk is ciphertext; a changed, moved or cut-off chunk is refused; the file goes with the
// upload (an hour after last use, discarded, its user's last session, Recoup stopping).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport, type ImportFile } from '../../../src/main/capabilities/imports/importer';
import { extractFiles, generateExtract } from '../../../src/main/demo/synthetic';
import { Uploads, type UploadLimits } from '../../../src/main/platform/uploads';
import type { ImportReport } from '../../../src/shared/schemas/import';
import { importHooks, setUpAndLogIn, testApp, type TestApp } from '../support';

const MiB = 1024 * 1024;
/** A sealed chunk on disk: header, a MiB of ciphertext, tag. */
const SEALED_CHUNK = 5 + MiB + 16;

let uploads: Uploads;
const apps: TestApp[] = [];
afterEach(() => {
  uploads?.clear();
  for (const a of apps.splice(0)) a.cleanup();
});

function make(limits: Partial<UploadLimits> = {}, now: () => number = () => 0): Uploads {
  uploads = new Uploads(now, limits);
  return uploads;
}

/** Sends `bytes` cut into parts of the given sizes (the rest in the last); answers the upload id. */
function send(u: Uploads, bytes: Buffer, sizes: number[] = [4 * MiB], userId = 1, fileName = 'x.csv'): string {
  let uploadId = '';
  let at = 0;
  for (let index = 0; ; index++) {
    const size = sizes[Math.min(index, sizes.length - 1)]!;
    const end = Math.min(bytes.length, at + size);
    const last = end === bytes.length;
    const base64 = bytes.subarray(at, end).toString('base64');
    uploadId = u.addChunk(userId, { uploadId, fileName, index, last, base64 }).uploadId;
    at = end;
    if (last) return uploadId;
  }
}

const readBack = (u: Uploads, id: string, userId = 1) =>
  Buffer.concat([...u.staged(userId, id).staged.pieces()].map((p) => Buffer.from(p)));

/** `size` bytes of a pattern that differs by seed and does not repeat within a chunk's reach. */
function pattern(size: number, seed = 1): Buffer {
  const block = Buffer.alloc(4099, 0).map((_, i) => (i * 131 + seed * 7 + (i >> 5)) & 0xff);
  return size === 0 ? Buffer.alloc(0) : Buffer.alloc(size, block);
}

describe('an upload staged on disk', () => {
  it('keeps only ciphertext on disk, never the text sent', () => {
    const u = make();
    const marker = 'Núñez,Jane,1980-02-14,1 Oak St';
    const text = Buffer.from(`${marker}\r\n`.repeat(60_000));
    const id = send(u, text, [MiB + 3, 777, 2 * MiB]);
    const stored = readFileSync(u.storedPath(id)!);
    expect(stored.length).toBeGreaterThan(text.length);
    expect(stored.includes(Buffer.from('Núñez'))).toBe(false);
    expect(stored.includes(Buffer.from('1980-02-14'))).toBe(false);
    expect(readBack(u, id).equals(text)).toBe(true);
    // Its folder is the one a restarted Recoup sweeps when this process is gone (sealedFiles.ts).
    expect(path.basename(path.dirname(u.storedPath(id)!))).toMatch(new RegExp(`^recoup-files-${process.pid}-`));
  });

  it('reads back what was sent, whatever the part sizes', () => {
    const u = make();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: (5 * MiB) / 2 }),
        fc.array(fc.integer({ min: 1, max: 2 * MiB }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 255 }),
        (size, sizes, seed) => {
          const bytes = pattern(size, seed);
          const id = send(u, bytes, sizes);
          expect(readBack(u, id).equals(bytes)).toBe(true);
          const whole = u.bytes(1, id);
          expect(whole.bytes.equals(bytes)).toBe(true);
          expect(u.staged(1, id).staged.sizeBytes).toBe(size);
          // Read a chunk at a time: no piece larger than a sealed chunk's MiB.
          for (const piece of u.staged(1, id).staged.pieces()) expect(piece.length).toBeLessThanOrEqual(MiB);
          u.discard(id);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it('refuses a changed byte, a moved chunk, a cut-off file or bytes after the end', () => {
    const u = make();
    const bytes = pattern(3 * MiB + 10);
    const tampered = (change: (file: string) => void) => {
      // Chunks 0 to 2 a whole MiB (two in the first part, one in the second), then 10 bytes.
      const id = send(u, bytes, [2 * MiB, 4 * MiB]);
      change(u.storedPath(id)!);
      return () => readBack(u, id);
    };
    const refused = /x\.csv could not be read back intact; choose the file again/;
    expect(
      tampered((f) => {
        const b = readFileSync(f);
        b[SEALED_CHUNK + 100] = b[SEALED_CHUNK + 100]! ^ 1;
        writeFileSync(f, b);
      }),
    ).toThrow(refused);
    // The first two chunks swapped (both a whole MiB long, so only their place differs).
    expect(
      tampered((f) => {
        const b = readFileSync(f);
        const first = Buffer.from(b.subarray(0, SEALED_CHUNK));
        b.copy(b, 0, SEALED_CHUNK, 2 * SEALED_CHUNK);
        first.copy(b, SEALED_CHUNK);
        writeFileSync(f, b);
      }),
    ).toThrow(refused);
    expect(tampered((f) => truncateSync(f, readFileSync(f).length - 10))).toThrow(refused);
    // The last chunk removed whole: the file now ends on a chunk not marked last.
    expect(tampered((f) => truncateSync(f, 3 * SEALED_CHUNK))).toThrow(refused);
    expect(tampered((f) => writeFileSync(f, Buffer.concat([readFileSync(f), Buffer.alloc(30)])))).toThrow(refused);
  });

  it('refuses a part out of order or past the size limit with today’s messages, and keeps nothing of it', () => {
    const u = make({ maxFileBytes: 10, maxHeldBytes: 16 });
    const first = u.addChunk(1, { uploadId: '', fileName: 'a.csv', index: 0, last: false, base64: b64('a,b\r\n') });
    const file = u.storedPath(first.uploadId)!;
    const size = readFileSync(file).length;
    expect(() =>
      u.addChunk(1, { uploadId: first.uploadId, fileName: 'a.csv', index: 2, last: true, base64: b64('1,2') }),
    ).toThrow('A part of the file arrived out of order; choose the file again.');
    expect(readFileSync(file).length).toBe(size);
    expect(() => u.addChunk(1, { uploadId: '', fileName: 'b.csv', index: 1, last: true, base64: '' })).toThrow(
      'An upload starts with its first part.',
    );
    // Past what may wait in all: refused, naming the file; what waits is untouched.
    u.addChunk(1, { uploadId: '', fileName: 'c.csv', index: 0, last: true, base64: b64('1234567890') });
    expect(() => u.addChunk(1, { uploadId: '', fileName: 'd.csv', index: 0, last: true, base64: b64('12') })).toThrow(
      /take d\.csv as well; import or cancel them first/,
    );
    expect(readFileSync(file).length).toBe(size);
    // The part in order still fits; one past the file's limit ends the upload (it can never finish).
    u.addChunk(1, { uploadId: first.uploadId, fileName: 'a.csv', index: 1, last: false, base64: b64('1') });
    expect(() =>
      u.addChunk(1, { uploadId: first.uploadId, fileName: 'a.csv', index: 2, last: true, base64: b64('2,3,4,5') }),
    ).toThrow('a.csv is larger than 0 MB; split the extract into smaller files.');
    expect(existsSync(file)).toBe(false);
  });

  it('a file past what may be read whole is still staged for the import, a chunk at a time', () => {
    // The real limits: 201 MiB sent in 4 MiB parts made as they are sent, never whole in memory.
    const u = make();
    const total = 201 * MiB;
    const sent = createHash('sha256');
    let uploadId = '';
    for (let index = 0, at = 0; at < total; index++, at += 4 * MiB) {
      const part = pattern(Math.min(4 * MiB, total - at), index);
      sent.update(part);
      const last = at + part.length >= total;
      uploadId = u.addChunk(1, {
        uploadId,
        fileName: 'big.csv',
        index,
        last,
        base64: part.toString('base64'),
      }).uploadId;
    }
    const read = createHash('sha256');
    let size = 0;
    for (const piece of u.staged(1, uploadId).staged.pieces()) {
      read.update(piece);
      size += piece.length;
    }
    expect(size).toBe(total);
    expect(read.digest('hex')).toBe(sent.digest('hex'));
    expect(() => u.bytes(1, uploadId)).toThrow('big.csv is larger than 200 MB; split it into smaller files.');
  }, 120_000);

  it('goes, file and all, an hour after its last use, when discarded, with its user, and when Recoup stops', () => {
    let now = 0;
    const u = make({}, () => now);
    const idle = send(u, Buffer.from('idle'));
    const used = send(u, Buffer.from('used'));
    now += 40 * 60_000;
    u.staged(1, used);
    now += 21 * 60_000;
    const other = send(u, Buffer.from('other'), undefined, 2);
    expect(() => u.staged(1, idle)).toThrow('That file is no longer here; choose it again.');
    expect(readBack(u, used).toString()).toBe('used');
    const files = { used: u.storedPath(used)!, other: u.storedPath(other)! };
    expect(u.storedPath(idle)).toBeNull();

    const discarded = send(u, Buffer.from('discarded'));
    const discardedFile = u.storedPath(discarded)!;
    u.discard(discarded);
    expect(existsSync(discardedFile)).toBe(false);

    u.dropUser(1);
    expect(existsSync(files.used)).toBe(false);
    expect(existsSync(files.other)).toBe(true);
    expect(() => u.staged(2, other)).not.toThrow();
    expect(() => u.staged(1, other)).toThrow('That file is no longer here');

    u.clear();
    expect(existsSync(files.other)).toBe(false);
    expect(existsSync(path.dirname(files.other))).toBe(false);
  });

  it('a read under way goes on to its end when the upload is dropped meanwhile', () => {
    const u = make();
    const bytes = pattern(3 * MiB);
    const id = send(u, bytes);
    const { staged } = u.staged(1, id);
    const pieces = staged.pieces()[Symbol.iterator]();
    const first = Buffer.from(pieces.next().value!);
    u.dropUser(1);
    const rest = [...{ [Symbol.iterator]: () => pieces }].map((p) => Buffer.from(p));
    expect(Buffer.concat([first, ...rest]).equals(bytes)).toBe(true);
  });
});

describe('the import of a staged upload', () => {
  const importOf = async (files: ImportFile[]): Promise<ImportReport> => {
    const t = testApp();
    apps.push(t);
    await setUpAndLogIn(t);
    const options = { mode: 'commit' as const, now: t.app.nowIso(), userId: 1, source: 'test', ...importHooks(t) };
    return runImport(t.app.store.db, files, options);
  };

  it('gives the same report as the text it holds, each file sent in many parts', async () => {
    const fromText = extractFiles(generateExtract({ seed: 7, guarantors: 3_000, today: '2026-11-26' }));
    const u = make();
    // Parts cut inside rows and characters, as the workspace's 4 MiB slices would be.
    const fromUploads = fromText.map(({ name, layout, mapping, text }): ImportFile => {
      const id = send(u, Buffer.from(text!), [700_001, 333_333, MiB], 1, name);
      return { name, layout, mapping, staged: u.staged(1, id).staged };
    });
    expect(fromUploads[2]!.staged!.sizeBytes).toBeGreaterThan(2 * MiB);
    const viaUploads = await importOf(fromUploads);
    expect(viaUploads.committed).toBe(true);
    expect({ ...viaUploads, elapsedMs: 0 }).toEqual({ ...(await importOf(fromText)), elapsedMs: 0 });
  });
});

function b64(s: string): string {
  return Buffer.from(s).toString('base64');
}

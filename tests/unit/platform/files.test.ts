// The temporary files documents wait in: encrypted in chunks under a key held only in memory, every
// chunk checked as it is read back (a changed, dropped or cut-off chunk is an error, never bytes).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Files } from '../../../src/main/platform/files';
import type { Db } from '../../../src/main/store/database';

const noDb = (): Db => {
  throw new Error('no store in this test');
};
let files: Files;
afterEach(() => files?.clear());

const meta = { fileName: 'batch.pdf', mimeType: 'application/pdf' as const };

describe('temporary document files', () => {
  it('round-trips any size, in chunks, and keeps only ciphertext on disk', async () => {
    files = new Files(() => 0);
    for (const size of [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300_001]) {
      const bytes = Buffer.alloc(size, 0).map((_, i) => (i * 31 + size) & 0xff);
      const handle = await files.offerBytes('s1', meta, Buffer.from(bytes));
      expect(handle.sizeBytes).toBe(size);
      expect((await files.bytes(handle.fileId, noDb)).equals(Buffer.from(bytes))).toBe(true);
      const stored = readFileSync(files.storedPath(handle.fileId)!);
      if (size > 100) expect(stored.includes(Buffer.from(bytes).subarray(0, 64))).toBe(false);
    }
  });

  it('streams a document written as it is made', async () => {
    files = new Files(() => 0);
    const handle = await files.offerStream('s1', meta, async (out) => {
      for (let i = 0; i < 50; i++) out.write(Buffer.alloc(10_000, i));
      out.end();
    });
    const back = await files.bytes(handle.fileId, noDb);
    expect(back.length).toBe(500_000);
    expect(back[499_999]).toBe(49);
  });

  it('a document that fails while it is written leaves nothing behind', async () => {
    files = new Files(() => 0);
    await expect(
      files.offerStream('s1', meta, async (out) => {
        out.write(Buffer.alloc(100_000, 1));
        throw new Error('drawing failed');
      }),
    ).rejects.toThrow('drawing failed');
    expect(files.count).toBe(0);
  });

  it('a failed document leaves no file in the temporary folder', async () => {
    files = new Files(() => 0);
    const kept = await files.offerBytes('s1', meta, Buffer.from('kept'));
    const folder = path.dirname(files.storedPath(kept.fileId)!);
    await expect(
      files.offerStream('s1', meta, async (out) => {
        out.write(Buffer.alloc(200_000, 1));
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('drawing failed');
      }),
    ).rejects.toThrow('drawing failed');
    expect(readdirSync(folder)).toEqual([path.basename(files.storedPath(kept.fileId)!)]);
    files.clear();
    expect(existsSync(folder)).toBe(false);
  });

  it('a writer that waits for its stream to finish finds the whole file on disk', async () => {
    files = new Files(() => 0);
    let seen = -1;
    let folder = '';
    const first = await files.offerBytes('s1', meta, Buffer.from('x'));
    folder = path.dirname(files.storedPath(first.fileId)!);
    const handle = await files.offerStream('s1', meta, async (out) => {
      out.end(Buffer.alloc(150_000, 5));
      await finished(out);
      // What the statement run does before it commits: by now the encrypted file is complete.
      const name = readdirSync(folder).find((n) => n !== path.basename(files.storedPath(first.fileId)!))!;
      seen = statSync(path.join(folder, name)).size;
    });
    expect(seen).toBe(statSync(files.storedPath(handle.fileId)!).size);
    expect(seen).toBeGreaterThan(150_000);
  });

  it('clears the folders a stopped Recoup left behind, never a running one’s', async () => {
    const dead = path.join(tmpdir(), 'recoup-files-4194999-test');
    const alive = path.join(tmpdir(), `recoup-files-${process.ppid}-test`);
    for (const d of [dead, alive]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'left'), 'ciphertext');
    }
    try {
      files = new Files(() => 0);
      await files.offerBytes('s1', meta, Buffer.from('x'));
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(path.join(alive, 'left'))).toBe(true);
    } finally {
      rmSync(dead, { recursive: true, force: true });
      rmSync(alive, { recursive: true, force: true });
    }
  });

  it('a changed byte, a dropped chunk or a cut-off file is refused', async () => {
    files = new Files(() => 0);
    const bytes = Buffer.alloc(200_000, 7);
    const read = async (change: (path: string) => void) => {
      const handle = await files.offerBytes('s1', meta, bytes);
      change(files.storedPath(handle.fileId)!);
      return files.bytes(handle.fileId, noDb);
    };
    await expect(
      read((p) => {
        const b = readFileSync(p);
        b[100] = b[100]! ^ 1;
        writeFileSync(p, b);
      }),
    ).rejects.toThrow();
    await expect(read((p) => truncateSync(p, readFileSync(p).length - 10))).rejects.toThrow();
    // The last chunk removed whole: the file now ends on a chunk not marked last.
    await expect(read((p) => truncateSync(p, 3 * (5 + 65_536 + 16)))).rejects.toThrow(/cut short/);
  });

  it('a file is its owner’s, and goes after an hour or when its owner goes', async () => {
    let now = 0;
    files = new Files(() => now);
    const a = await files.offerBytes('s1', meta, Buffer.from('a'));
    const b = await files.offerBytes('s2', meta, Buffer.from('b'));
    expect(() => files.get(a.fileId, 's2')).toThrow(/no longer here/);
    files.dropOwner('s1');
    expect(() => files.get(a.fileId, 's1')).toThrow();
    expect(files.get(b.fileId, 's2')).toEqual(b);
    now += 61 * 60_000;
    await files.offerBytes('s3', meta, Buffer.from('c'));
    expect(() => files.get(b.fileId, 's2')).toThrow();
  });

  it('a link is spent by its use and expires after two minutes', async () => {
    let now = 0;
    files = new Files(() => now);
    const f = await files.offerBytes('s1', meta, Buffer.from('x'));
    const ticket = files.link(f.fileId, 's1');
    expect(files.redeem(f.fileId, ticket)).toMatchObject({ owner: 's1' });
    expect(files.redeem(f.fileId, ticket)).toBeNull();
    const late = files.link(f.fileId, 's1');
    now += 2 * 60_000 + 1;
    expect(files.redeem(f.fileId, late)).toBeNull();
  });

  it('reads never hold a file whole when streamed', async () => {
    files = new Files(() => 0);
    const handle = await files.offerBytes('s1', meta, Buffer.alloc(1_000_000, 3));
    const sink = new PassThrough();
    let chunks = 0;
    let largest = 0;
    sink.on('data', (c: Buffer) => {
      chunks++;
      largest = Math.max(largest, c.length);
    });
    await new Promise<void>((resolve, reject) =>
      files.read(handle.fileId, noDb).on('error', reject).pipe(sink).on('finish', resolve),
    );
    expect(chunks).toBeGreaterThan(10);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });
});

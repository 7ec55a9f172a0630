import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectDataFolder, dataFolder } from '../../../src/main/store/dataFolder';
import { openEncrypted } from '../../../src/main/store/database';
import { LATEST_VERSION } from '../../../src/main/store/migrations';
import { HOSPITAL_NAME, setUpAndLogIn, SETUP, tempDir, testApp, type TestApp } from '../support';

let current: TestApp[] = [];
afterEach(() => {
  for (const t of current) t.cleanup();
  current = [];
});
function track(t: TestApp): TestApp {
  current.push(t);
  return t;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe('the encrypted store on disk', () => {
  it('holds no plaintext: the header is not "SQLite format 3" and the hospital name is in no file', async () => {
    const t = track(testApp());
    const admin = await setUpAndLogIn(t);
    await t.call(
      'users:add',
      { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
      admin,
    );
    await t.call('backup:create', {}, admin);
    const files = allFiles(t.dir);
    expect(files.some((f) => f.endsWith('recoup.db'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}backups${path.sep}`))).toBe(true);
    const header = readFileSync(path.join(t.dir, 'recoup.db')).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\u0000');
    const needles = [HOSPITAL_NAME, 'Harbor View', 'Casey Clerk', SETUP.hospital.taxId].map((s) =>
      Buffer.from(s, 'utf8'),
    );
    const needles16 = [HOSPITAL_NAME].map((s) => Buffer.from(s, 'utf16le'));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const n of [...needles, ...needles16])
        expect(bytes.includes(n), `${file} contains "${n.toString()}"`).toBe(false);
    }
    // The WAL is encrypted too.
    t.app.shutdown();
    for (const file of allFiles(t.dir)) {
      for (const n of needles) expect(readFileSync(file).includes(n)).toBe(false);
    }
  });

  it('opens with WAL, foreign keys and a large page cache', async () => {
    const t = track(testApp());
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.pragma('cache_size', { simple: true }))).toBeLessThanOrEqual(-65536);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
  });
});

describe('the data folder', () => {
  it('a default folder that does not exist yet is a first run', () => {
    const dir = path.join(tempDir(), 'not-yet');
    expect(inspectDataFolder(dataFolder(dir, false))).toEqual({ state: 'needs_setup' });
  });

  it('a configured folder that does not exist is a problem, and set-up refuses to create it', async () => {
    const dir = path.join(tempDir(), 'unplugged-drive');
    const t = track(testApp({ dir, explicit: true }));
    const status = await t.call('app:status', {});
    expect(status.state).toBe('store_problem');
    expect(status.problem?.kind).toBe('data_dir_missing');
    expect(status.problem?.message).toContain(dir);
    const r = await t.raw('setup:create', SETUP);
    expect(r.ok).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('a path that is a file is unreadable', () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(inspectDataFolder(dataFolder(file, true))).toMatchObject({
      state: 'store_problem',
      problem: { kind: 'data_dir_unreadable' },
    });
  });

  it.skipIf(process.getuid?.() === 0)('a folder without permissions is unreadable', () => {
    const dir = tempDir();
    chmodSync(dir, 0o000);
    try {
      expect(inspectDataFolder(dataFolder(dir, true))).toMatchObject({
        state: 'store_problem',
        problem: { kind: 'data_dir_unreadable' },
      });
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('a database without its key file is a problem, never a new store over the old one', async () => {
    const t = track(testApp());
    await t.call('setup:create', SETUP);
    const before = readFileSync(path.join(t.dir, 'recoup.db'));
    rmSync(path.join(t.dir, 'recoup.keys.json'));
    const status = await t.call('app:status', {});
    expect(status.problem?.kind).toBe('key_file_missing');
    const r = await t.raw('setup:create', SETUP);
    expect(r.ok).toBe(false);
    expect(readFileSync(path.join(t.dir, 'recoup.db')).equals(before)).toBe(true);
  });

  it('a key file without its database, or a damaged key file, is a problem', async () => {
    const t = track(testApp());
    await t.call('setup:create', SETUP);
    const keys = readFileSync(path.join(t.dir, 'recoup.keys.json'));
    writeFileSync(path.join(t.dir, 'recoup.keys.json'), '{ damaged');
    expect((await t.call('app:status', {})).problem?.kind).toBe('key_file_unreadable');
    writeFileSync(path.join(t.dir, 'recoup.keys.json'), keys);
    rmSync(path.join(t.dir, 'recoup.db'));
    expect((await t.call('app:status', {})).problem?.kind).toBe('database_missing');
  });

  it('a key file from another store does not open the database: a clear problem, nothing changed', async () => {
    const a = track(testApp());
    const b = track(testApp());
    await a.call('setup:create', SETUP);
    await b.call('setup:create', SETUP);
    copyFileSync(path.join(b.dir, 'recoup.keys.json'), path.join(a.dir, 'recoup.keys.json'));
    const before = readFileSync(path.join(a.dir, 'recoup.db'));
    const r = await a.raw('auth:login', { username: 'admin', password: SETUP.admin.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'store_error' } });
    const status = await a.call('app:status', {});
    expect(status.state).toBe('store_problem');
    expect(status.problem?.kind).toBe('wrong_key');
    expect(readFileSync(path.join(a.dir, 'recoup.db')).equals(before)).toBe(true);
  });

  it('a database from a newer version is refused with a clear problem', async () => {
    const t = track(testApp());
    await setUpAndLogIn(t);
    const key = t.app.store.currentKey();
    t.app.shutdown();
    const db = openEncrypted(path.join(t.dir, 'recoup.db'), key);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const r = await t.raw('auth:login', { username: 'admin', password: SETUP.admin.password });
    expect(r.ok).toBe(false);
    const status = await t.call('app:status', {});
    expect(status.problem?.kind).toBe('database_newer');
    expect(status.problem?.message).toMatch(/newer version of Recoup/);
  });

  it('files are private to the user', async () => {
    const t = track(testApp());
    await t.call('setup:create', SETUP);
    expect(statSync(path.join(t.dir, 'recoup.keys.json')).mode & 0o077).toBe(0);
  });
});

describe('clearing a problem', () => {
  it('a key file that did not open the database is forgotten once the right one is put back', async () => {
    const a = track(testApp());
    const b = track(testApp());
    await a.call('setup:create', SETUP);
    await b.call('setup:create', SETUP);
    const right = readFileSync(path.join(a.dir, 'recoup.keys.json'));
    copyFileSync(path.join(b.dir, 'recoup.keys.json'), path.join(a.dir, 'recoup.keys.json'));
    await a.raw('auth:login', { username: 'admin', password: SETUP.admin.password });
    expect((await a.call('app:status', {})).problem?.kind).toBe('wrong_key');
    writeFileSync(path.join(a.dir, 'recoup.keys.json'), right);
    expect((await a.call('app:status', {})).state).toBe('ready');
    expect((await a.raw('auth:login', { username: 'admin', password: SETUP.admin.password })).ok).toBe(true);
  });
});

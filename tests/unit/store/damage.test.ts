// Issue 10 item 4: a damaged database is noticed, and restore is reachable. Bytes are flipped in a
// copy of a store (the header page, a page in the middle, the last page) and each outcome checked:
// the damage is found at open and named as its own problem with a plain sentence, nothing more is
// written to the file, an administrator (or the recovery key) restores a chosen backup from the
// problem screen with the damaged file set aside untouched, damage met during a call stops the
// store, and a failing daily backup is reported to administrators instead of blocking log-in.
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SETUP, setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

const ADMIN = { username: SETUP.admin.username, password: SETUP.admin.password };
const PAGE = 4096;

let template: string;
let recoveryKey: string;
let backupName: string;
let t: TestApp | undefined;

beforeAll(async () => {
  const src = testApp();
  template = src.dir;
  recoveryKey = (await src.call('setup:create', { ...SETUP, demoData: true })).recoveryKey;
  const admin = (await src.call('auth:login', ADMIN)).sessionId;
  await src.call(
    'users:add',
    { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
    admin,
  );
  src.clock.advanceMs(1000);
  backupName = (await src.call('backup:create', {}, admin)).fileName;
  // No free pages: a flipped byte anywhere lands in a page in use.
  src.app.store.db.exec('VACUUM');
  await src.call('auth:logout', {}, admin);
  src.app.shutdown();
}, 60_000);
afterAll(() => rmSync(template, { recursive: true, force: true }));
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** A fresh copy of the template store. */
function copyOfStore(): TestApp {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return testApp({ dir });
}

function flipBytes(file: string, offset: number, count = 16): void {
  const fd = openSync(file, 'r+');
  try {
    const b = Buffer.alloc(count);
    readSync(fd, b, 0, count, offset);
    for (let i = 0; i < count; i++) b[i] = b[i]! ^ 0xa5;
    writeSync(fd, b, 0, count, offset);
  } finally {
    closeSync(fd);
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function dbPath(x: TestApp): string {
  return x.app.store.folder.dbPath;
}

const PLACES: [string, (size: number) => number][] = [
  ['the salt (the first bytes of the file)', () => 0],
  ['the header page (page 1, past the salt)', () => 100],
  ['a page in the middle', (size) => Math.floor(size / PAGE / 2) * PAGE + 700],
  ['the last page', (size) => size - PAGE + 1500],
];

describe('damage is found when the store opens', () => {
  for (const [where, offset] of PLACES) {
    it(`flipped bytes in ${where}: log-in is refused with the damage named plainly, and the file is not written`, async () => {
      t = copyOfStore();
      const file = dbPath(t);
      flipBytes(file, offset(statSync(file).size));
      const before = sha(file);
      const r = await t.raw('auth:login', ADMIN);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('store_error');
        expect(r.error.message).toMatch(/is damaged: part of it can no longer be read/);
        expect(r.error.message).not.toMatch(/Something went wrong/);
      }
      const status = await t.call('app:status', {});
      expect(status.state).toBe('store_problem');
      expect(status.problem?.kind).toBe('database_corrupt');
      expect(status.problem?.message).toMatch(/restore a backup from this screen/);
      // Nothing was written to it, and it stays refused.
      expect(sha(file)).toBe(before);
      expect((await t.raw('auth:login', ADMIN)).ok).toBe(false);
      expect(t.app.store.isOpen).toBe(false);
    });
  }

  it('a key file from another store (no backup opens with its key either) is still "wrong key", and says damage is possible', async () => {
    t = copyOfStore();
    rmSync(path.join(t.dir, 'backups'), { recursive: true });
    flipBytes(dbPath(t), 100);
    const r = await t.raw('auth:login', ADMIN);
    expect(r.ok).toBe(false);
    const status = await t.call('app:status', {});
    expect(status.problem?.kind).toBe('wrong_key');
    expect(status.problem?.message).toMatch(/different stores.*or the start of the database is damaged/);
  });
});

describe('restore from the problem screen', () => {
  async function damaged(): Promise<TestApp> {
    const x = copyOfStore();
    flipBytes(dbPath(x), Math.floor(statSync(dbPath(x)).size / PAGE / 2) * PAGE + 700);
    await x.raw('auth:login', ADMIN);
    return x;
  }

  it('an administrator restores a chosen backup: the damaged file is set aside untouched, owner-only, and log-in works again', async () => {
    t = await damaged();
    const damagedSha = sha(dbPath(t));
    const { backups } = await t.call('store:backups', {});
    expect(backups.map((b) => b.fileName)).toContain(backupName);
    const result = await t.call('store:restore', { by: 'administrator', fileName: backupName, ...ADMIN });
    expect(result.restoredFrom).toBe(backupName);
    expect(result.setAside).toMatch(/^recoup\.db\.damaged-\d{8}-\d{6}$/);
    const aside = path.join(t.dir, result.setAside);
    expect(sha(aside)).toBe(damagedSha);
    if (process.platform !== 'win32') expect(statSync(aside).mode & 0o777).toBe(0o600);
    expect((await t.call('app:status', {})).state).toBe('ready');
    const admin = (await t.call('auth:login', ADMIN)).sessionId;
    const events = await t.call('audit:list', { channel: 'store:restore' } as never, admin);
    expect(events.events.some((e) => e.channel === 'store:restore' && e.outcome === 'ok')).toBe(true);
  });

  it('the recovery key restores too', async () => {
    t = await damaged();
    const r = await t.call('store:restore', { by: 'recoveryKey', fileName: backupName, recoveryKey });
    expect(r.setAside).toMatch(/damaged/);
    expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
  });

  it("a clerk's password, a wrong password or a wrong recovery key restore nothing", async () => {
    t = await damaged();
    const file = dbPath(t);
    const before = sha(file);
    const clerk = await t.raw('store:restore', {
      by: 'administrator',
      fileName: backupName,
      username: 'casey',
      password: 'casey-password-1',
    });
    expect(clerk.ok).toBe(false);
    const wrong = await t.raw('store:restore', {
      by: 'administrator',
      fileName: backupName,
      username: 'admin',
      password: 'not the password',
    });
    expect(wrong.ok).toBe(false);
    const key = await t.raw('store:restore', {
      by: 'recoveryKey',
      fileName: backupName,
      recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
    });
    expect(key.ok).toBe(false);
    expect(sha(file)).toBe(before);
    expect(readdirSync(t.dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });

  it('a damaged backup is refused before anything moves', async () => {
    t = await damaged();
    const backup = path.join(t.dir, 'backups', backupName);
    flipBytes(backup, Math.floor(statSync(backup).size / PAGE / 2) * PAGE + 700);
    const before = sha(dbPath(t));
    const r = await t.raw('store:restore', { by: 'administrator', fileName: backupName, ...ADMIN });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/damaged too; choose another backup/);
    expect(sha(dbPath(t))).toBe(before);
  });

  it('audit:verify passes after a restore from the problem screen: heads of the newer backups are superseded, recorded in the heads file', async () => {
    t = await damaged();
    const { backups } = await t.call('store:backups', {});
    // The daily backup is older than backupName: restoring it leaves backupName's head past the trail's end.
    const older = backups.map((b) => b.fileName).find((f) => f.endsWith('-daily.db'))!;
    expect(older).toBeDefined();
    t.clock.advanceMs(1000);
    await t.call('store:restore', { by: 'administrator', fileName: older, ...ADMIN });
    const admin = (await t.call('auth:login', ADMIN)).sessionId;
    const v = await t.call('audit:verify', {}, admin);
    expect(v.problem).toBeNull();
    expect(v.ok).toBe(true);
    expect(v.heads.filter((h) => h.status === 'truncated' || h.status === 'rewritten')).toEqual([]);
    expect(v.heads.filter((h) => h.status === 'superseded').map((h) => h.source)).toContain(
      `the head file beside backup ${backupName}`,
    );
    // The restore is recorded outside the store, with the backup it put back.
    const heads = JSON.parse(readFileSync(path.join(t.dir, 'recoup.audit-heads.json'), 'utf8')) as {
      restores: { channel: string; restoredFrom: string; before: unknown }[];
    };
    expect(heads.restores).toMatchObject([{ channel: 'store:restore', restoredFrom: older, before: null }]);
  });

  it('the problem-screen restore writes its own audit event before the store closes: it survives a quit', async () => {
    t = await damaged();
    await t.call('store:restore', { by: 'recoveryKey', fileName: backupName, recoveryKey });
    expect(t.app.store.isOpen).toBe(false);
    t.app.shutdown();
    const again = testApp({ dir: t.dir });
    try {
      const admin = (await again.call('auth:login', ADMIN)).sessionId;
      const events = await again.call('audit:list', { channel: 'store:restore', limit: 10, offset: 0 }, admin);
      expect(events.events.map((e) => e.outcome)).toEqual(['ok']);
    } finally {
      again.app.shutdown();
    }
  });

  it('is refused when the database is not damaged (log in and use Backups)', async () => {
    t = copyOfStore();
    expect((await t.raw('store:backups', {})).ok).toBe(false);
    expect((await t.raw('store:restore', { by: 'administrator', fileName: backupName, ...ADMIN })).ok).toBe(false);
  });
});

describe('damage met while the store is open', () => {
  /** Logs in, then damages the file under the open store and empties its page cache. */
  async function openThenDamage(): Promise<{ x: TestApp; admin: string }> {
    const x = copyOfStore();
    const admin = (await x.call('auth:login', ADMIN)).sessionId;
    x.app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = dbPath(x);
    const size = statSync(file).size;
    for (let p = 2; p * PAGE < size; p++) flipBytes(file, (p - 1) * PAGE + 200, 4);
    x.app.store.db.pragma('shrink_memory');
    return { x, admin };
  }

  it('a call that meets SQLITE_CORRUPT stops the store with the plain sentence, not "Something went wrong"', async () => {
    const { x, admin } = await openThenDamage();
    t = x;
    const r = await t.raw('search:query', { query: 'Smith' } as never, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('store_error');
      expect(r.error.message).toMatch(/is damaged/);
    }
    expect(t.app.store.isOpen).toBe(false);
    expect(t.app.sessions.count).toBe(0);
    const status = await t.call('app:status', {});
    expect(status.problem?.kind).toBe('database_corrupt');
  });

  it('the check on demand from the backup screen finds it and stops the store', async () => {
    const { x, admin } = await openThenDamage();
    t = x;
    const r = await t.raw('backup:check', { full: true }, admin);
    // Either the check reports the damage, or reading the settings for the call met it first.
    if (r.ok) expect((r.value as { ok: boolean }).ok).toBe(false);
    else expect(r.error.message).toMatch(/is damaged/);
    expect(t.app.store.isOpen).toBe(false);
    expect((await t.call('app:status', {})).problem?.kind).toBe('database_corrupt');
  });

  it('a sound store passes the check on demand', async () => {
    t = copyOfStore();
    const admin = (await t.call('auth:login', ADMIN)).sessionId;
    const r = await t.call('backup:check', { full: true }, admin);
    expect(r).toMatchObject({ ok: true, mode: 'full', problems: [] });
  });

  it('a restore while logged in does not first need a copy of the damaged database: it is set aside instead', async () => {
    const { x, admin } = await openThenDamage();
    t = x;
    // Only the backup's copy is read; the restore's before-restore copy of the live file fails.
    const r = await t.raw('backup:restore', { fileName: backupName }, admin);
    if (r.ok) {
      expect((r.value as { keptAside: string }).keptAside).toMatch(/damaged|before-restore/);
      expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
    } else {
      // The settings read for the call met the damage first: the problem screen's restore then works.
      expect(r.error.message).toMatch(/is damaged/);
      const again = await t.call('store:restore', { by: 'administrator', fileName: backupName, ...ADMIN });
      expect(again.setAside).toMatch(/damaged/);
      expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
    }
  });
});

describe('a failing daily backup never blocks log-in', () => {
  it('is reported to administrators (app:status notices) and log-in goes on', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('users:add', { fullName: 'C', username: 'casey', role: 'clerk', password: 'casey-password-1' }, admin);
    await t.call('auth:logout', {}, admin);
    // The backups folder cannot be written: a file stands in its place.
    rmSync(path.join(t.dir, 'backups'), { recursive: true });
    writeFileSync(path.join(t.dir, 'backups'), 'not a folder');
    t.clock.setToday('2026-11-27');
    t.clock.advanceMs(86_400_000);
    const clerk = await t.raw('auth:login', { username: 'casey', password: 'casey-password-1' });
    expect(clerk.ok).toBe(true);
    if (clerk.ok)
      expect((await t.call('app:status', {}, (clerk.value as { sessionId: string }).sessionId)).notices).toEqual([]);
    const s = (await t.call('auth:login', ADMIN)).sessionId;
    const status = await t.call('app:status', {}, s);
    expect(status.notices).toHaveLength(1);
    expect(status.notices[0]).toMatch(/daily backup of 2026-11-27 failed/);
  });
});

describe('the integrity check at open runs once a business day per file', () => {
  it('is skipped when the store reopens the same day, runs again the next day, and after damage is found', async () => {
    t = copyOfStore();
    const store = t.app.store;
    let s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(store.integrityChecksAtOpen).toBe(1);
    await t.call('auth:logout', {}, s);
    expect(store.isOpen).toBe(false);
    // The last session ended and the store closed; the next log-in the same day reopens it
    // without reading every page again.
    s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(store.integrityChecksAtOpen).toBe(1);
    await t.call('auth:logout', {}, s);
    // The next business day, it checks again.
    t.clock.setToday('2026-12-31');
    s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(store.integrityChecksAtOpen).toBe(2);
    // Damage met by a call drops the record: once the file is put right, the next open checks.
    t.app.store.noticeDamage(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
    expect(store.isOpen).toBe(false);
    t.app.sessions.endAll();
    // (As if the administrator had put the files right: the problem is forgotten.)
    (store as unknown as { openProblem: null }).openProblem = null;
    s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(store.integrityChecksAtOpen).toBe(3);
    await t.call('auth:logout', {}, s);
  });

  it('a file put in place of the checked one (a restore, a key change) is checked at its first open', async () => {
    t = copyOfStore();
    const store = t.app.store;
    const s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(store.integrityChecksAtOpen).toBe(1);
    await t.call('backup:restore', { fileName: backupName }, s);
    expect(store.integrityChecksAtOpen).toBe(2);
  });
});

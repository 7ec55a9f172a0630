import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/main/store/database';
import { HOSPITAL_NAME, setUpAndLogIn, SETUP, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

const ADMIN = { username: SETUP.admin.username, password: SETUP.admin.password };

describe('backups', () => {
  it('a backup is an encrypted copy with the key file beside it, opened by the same data key', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const info = await t.call('backup:create', {}, admin);
    expect(info.kind).toBe('manual');
    const file = path.join(t.dir, 'backups', info.fileName);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from(HOSPITAL_NAME))).toBe(false);
    expect(existsSync(file.replace(/\.db$/, '.keys.json'))).toBe(true);
    const copy = openEncrypted(file, t.app.store.currentKey(), { mustExist: true, readonly: true });
    expect(copy.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    copy.close();
  });

  it('the first log-in of a business day makes the daily backup, once', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const daily = () => readdirSync(path.join(t.dir, 'backups')).filter((f) => f.endsWith('-daily.db'));
    expect(daily()).toHaveLength(1);
    await t.call('auth:logout', {}, admin);
    t.clock.advanceMs(3_600_000);
    await t.call('auth:login', ADMIN);
    expect(daily()).toHaveLength(1);
    t.clock.setToday('2026-11-27');
    t.clock.advanceMs(86_400_000);
    const s = (await t.call('auth:login', ADMIN)).sessionId;
    expect(daily()).toHaveLength(2);
    await t.call('auth:lock', {}, s);
    t.clock.setToday('2026-11-28');
    // (Within the session's idle end: a session idle for a day has ended.)
    t.clock.advanceMs(30 * 60_000);
    await t.call('auth:unlock', { password: ADMIN.password }, s);
    expect(daily()).toHaveLength(3);
  });

  it('keeps the newest backups as set in the policy (default 14)', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    for (let i = 0; i < 16; i++) {
      t.clock.advanceMs(1000);
      await t.call('backup:create', {}, admin);
    }
    const { backups: list, dataDir } = await t.call('backup:list', {}, admin);
    expect(dataDir).toBe(t.dir);
    expect(list).toHaveLength(14);
    expect(list[0]!.fileName > list[13]!.fileName).toBe(true);
    expect(readdirSync(path.join(t.dir, 'backups')).filter((f) => f.endsWith('.keys.json'))).toHaveLength(14);
  });

  it('never prunes the copy kept aside at a restore', async () => {
    t = testApp();
    let admin = await setUpAndLogIn(t);
    const first = await t.call('backup:create', {}, admin);
    t.clock.advanceMs(1000);
    const { keptAside } = await t.call('backup:restore', { fileName: first.fileName }, admin);
    admin = (await t.call('auth:login', ADMIN)).sessionId;
    for (let i = 0; i < 15; i++) {
      t.clock.advanceMs(1000);
      await t.call('backup:create', {}, admin);
    }
    const names = (await t.call('backup:list', {}, admin)).backups.map((b) => b.fileName);
    expect(names).toContain(keptAside);
    expect(names.filter((n) => !n.includes('before-restore'))).toHaveLength(14);
  });

  it('restore: the database returns to the backup, the current one is kept aside, everyone logs in again', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const backup = await t.call('backup:create', {}, admin);
    await t.call(
      'users:add',
      { fullName: 'After Backup', username: 'later', role: 'clerk', password: 'later-password-1' },
      admin,
    );
    t.clock.advanceMs(1000);
    const result = await t.call('backup:restore', { fileName: backup.fileName }, admin);
    expect(result.restoredFrom).toBe(backup.fileName);
    expect(result.keptAside).toMatch(/-before-restore\.db$/);
    expect(await t.raw('users:list', {}, admin)).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    const again = (await t.call('auth:login', ADMIN)).sessionId;
    expect((await t.call('users:list', {}, again)).map((u) => u.username)).toEqual(['admin']);
    // The database kept aside still has the user added after the backup.
    const aside = openEncrypted(path.join(t.dir, 'backups', result.keptAside), t.app.store.currentKey(), {
      mustExist: true,
      readonly: true,
    });
    expect(aside.prepare('SELECT username FROM users ORDER BY id').all()).toEqual([
      { username: 'admin' },
      { username: 'later' },
    ]);
    aside.close();
    // The restore itself is in the restored trail's continuation.
    const events = await t.call('audit:list', { channel: 'backup:restore', limit: 5, offset: 0 }, again);
    expect(events.events[0]?.outcome).toBe('ok');
    expect((await t.call('audit:verify', {}, again)).ok).toBe(true);
  });

  it('a damaged or foreign backup is refused and the current database is untouched', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const backup = await t.call('backup:create', {}, admin);
    const file = path.join(t.dir, 'backups', backup.fileName);
    writeFileSync(file, Buffer.alloc(8192, 7));
    await t.call(
      'users:add',
      { fullName: 'Still Here', username: 'still', role: 'clerk', password: 'still-password-1' },
      admin,
    );
    const r = await t.raw('backup:restore', { fileName: backup.fileName }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect((await t.call('users:list', {}, admin)).map((u) => u.username)).toContain('still');
    expect(await t.raw('backup:restore', { fileName: 'recoup-20200101-000000-manual.db' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.raw('backup:restore', { fileName: '../recoup.db' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('restore and the key file', () => {
  it('a user added after the backup loses their key slot with the restore', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const backup = await t.call('backup:create', {}, admin);
    await t.call(
      'users:add',
      { fullName: 'After Backup', username: 'later', role: 'clerk', password: 'later-password-1' },
      admin,
    );
    expect(t.app.store.readKeys().slots.filter((s) => s.kind === 'user')).toHaveLength(2);
    t.clock.advanceMs(1000);
    await t.call('backup:restore', { fileName: backup.fileName }, admin);
    const slots = t.app.store.readKeys().slots;
    expect(slots.filter((s) => s.kind === 'user').map((s) => s.username)).toEqual(['admin']);
    expect(slots.some((s) => s.kind === 'recovery')).toBe(true);
    expect(await t.raw('auth:login', { username: 'later', password: 'later-password-1' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    });
  });
});

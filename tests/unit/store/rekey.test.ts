// Issue 10 item 5: "change the data key" for when a person with a key leaves. The database and
// every backup kept are re-encrypted under a new key, every remaining slot gets it (without anyone's
// password), the old key opens nothing, and a failure part-way changes nothing at all.
import { closeSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/main/store/database';
import { findUserSlot, readKeyFile, unwrapSlot } from '../../../src/main/store/keySlots';
import { boot } from '../../../src/main/boot';
import { SETUP, setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

const ADMIN = { username: SETUP.admin.username, password: SETUP.admin.password };
const CLERK = { username: 'casey', password: 'casey-password-1' };
const LEAVER = { username: 'lee', password: 'lee-password-12' };

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const opens = (file: string, key: Buffer): boolean => {
  try {
    openEncrypted(file, key, { mustExist: true, readonly: true }).close();
    return true;
  } catch {
    return false;
  }
};

async function storeWithLeaver(): Promise<{ admin: string; leaverKey: Buffer; backups: string[] }> {
  t = testApp();
  const admin = await setUpAndLogIn(t);
  await t.call('users:add', { fullName: 'Casey Clerk', role: 'clerk', ...CLERK }, admin);
  await t.call('users:add', { fullName: 'Lee Leaver', role: 'supervisor', ...LEAVER }, admin);
  // What the leaver could take: the data key, unwrapped with their own password.
  const keys = readKeyFile(t.app.store.folder.keyPath);
  const leaverKey = (await unwrapSlot(keys, findUserSlot(keys, 'lee')!, LEAVER.password))!;
  t.clock.advanceMs(1000);
  await t.call('backup:create', {}, admin);
  const lee = (await t.call('users:list', {}, admin)).find((u) => u.username === 'lee')!;
  await t.call('users:disable', { userId: lee.id, reason: 'left the hospital' }, admin);
  const backups = readdirSync(path.join(t.dir, 'backups')).filter((f) => f.endsWith('.db'));
  return { admin, leaverKey, backups };
}

describe('change the data key', () => {
  it("re-encrypts the database and every backup; the leaver's key opens none; everyone left still logs in", async () => {
    const { admin, leaverKey, backups } = await storeWithLeaver();
    const x = t!;
    expect(opens(x.app.store.folder.dbPath, leaverKey)).toBe(true);
    const result = await x.call('store:changeKey', { password: ADMIN.password }, admin);
    expect(result).toEqual({ slots: 3, dropped: 0, backups: backups.length });
    expect(opens(x.app.store.folder.dbPath, leaverKey)).toBe(false);
    for (const b of backups) expect(opens(path.join(x.dir, 'backups', b), leaverKey)).toBe(false);
    // The new key opens them all, and each backup's key-file copy opens it.
    const now = x.app.store.currentKey();
    for (const b of backups) {
      expect(opens(path.join(x.dir, 'backups', b), now)).toBe(true);
      const copy = readKeyFile(path.join(x.dir, 'backups', b.replace(/\.db$/, '.keys.json')));
      expect((await unwrapSlot(copy, findUserSlot(copy, 'casey')!, CLERK.password))?.equals(now)).toBe(true);
    }
    // The session goes on; the others log in with their own passwords, unchanged.
    expect((await x.raw('users:list', {}, admin)).ok).toBe(true);
    expect((await x.raw('auth:login', CLERK)).ok).toBe(true);
    expect((await x.raw('auth:login', LEAVER)).ok).toBe(false);
    // No staging folder left behind, and the change is in the audit trail.
    expect(readdirSync(x.dir).filter((f) => f.startsWith('.rekey'))).toEqual([]);
    const events = await x.call('audit:list', { channel: 'store:changeKey' } as never, admin);
    expect(events.events.some((e) => e.channel === 'store:changeKey' && e.outcome === 'ok')).toBe(true);
  });

  it("needs the administrator's own password", async () => {
    const { admin, leaverKey } = await storeWithLeaver();
    const r = await t!.raw('store:changeKey', { password: 'not it' }, admin);
    expect(r.ok).toBe(false);
    expect(opens(t!.app.store.folder.dbPath, leaverKey)).toBe(true);
  });

  it('all or nothing: a backup that cannot be re-encrypted leaves the database, the backups and the key files as they were', async () => {
    const { admin, leaverKey, backups } = await storeWithLeaver();
    const x = t!;
    const victim = path.join(x.dir, 'backups', backups[backups.length - 1]!);
    const size = statSync(victim).size;
    const fd = openSync(victim, 'r+');
    const b = Buffer.alloc(8);
    readSync(fd, b, 0, 8, size - 2000);
    for (let i = 0; i < 8; i++) b[i] = b[i]! ^ 0xff;
    writeSync(fd, b, 0, 8, size - 2000);
    closeSync(fd);
    const keysBefore = readKeyFile(x.app.store.folder.keyPath);
    const r = await x.raw('store:changeKey', { password: ADMIN.password }, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/data key was not changed.*Nothing was changed/);
    expect(opens(x.app.store.folder.dbPath, leaverKey)).toBe(true);
    for (const name of backups)
      if (path.join(x.dir, 'backups', name) !== victim)
        expect(opens(path.join(x.dir, 'backups', name), leaverKey)).toBe(true);
    expect(readKeyFile(x.app.store.folder.keyPath)).toEqual(keysBefore);
    expect(readdirSync(x.dir).filter((f) => f.startsWith('.rekey'))).toEqual([]);
    expect((await x.raw('users:list', {}, admin)).ok).toBe(true);
  });

  it('is for administrators only', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('users:add', { fullName: 'Casey Clerk', role: 'clerk', ...CLERK }, admin);
    const clerk = (await t.call('auth:login', CLERK)).sessionId;
    const r = await t.raw('store:changeKey', { password: CLERK.password }, clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });

  it("leaves the database and every backup the owner's alone (0600), whatever the umask", async () => {
    const before = process.umask(0o022);
    try {
      const { admin, backups } = await storeWithLeaver();
      const x = t!;
      await x.call('store:changeKey', { password: ADMIN.password }, admin);
      const files = [
        x.app.store.folder.dbPath,
        x.app.store.folder.keyPath,
        ...backups.map((b) => path.join(x.dir, 'backups', b)),
        ...backups.map((b) => path.join(x.dir, 'backups', b.replace(/\.db$/, '.keys.json'))),
      ];
      for (const f of files) expect({ f, mode: statSync(f).mode & 0o777 }).toEqual({ f, mode: 0o600 });
    } finally {
      process.umask(before);
    }
  });
});

describe('start-up', () => {
  it("sets the umask so every file the process creates is the owner's alone", () => {
    const before = process.umask(0o022);
    try {
      boot({ appRoot: process.cwd(), env: { RECOUP_DATA_DIR: tempDir() } });
      expect(process.umask()).toBe(0o077);
    } finally {
      process.umask(before);
    }
  });
});

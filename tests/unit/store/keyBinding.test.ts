// Issue 10 item 5: a key slot opens only for its own user, and a disabled user loses every way in.
// Each slot binds its kind, user id and user name into its GCM tag; log-in checks the slot is the
// user row's; slots written before (format 1) are rewrapped at their owner's next log-in and
// refused once the store records that every slot is bound; disabling or resetting a user reaches
// the key-file copies beside the backups; the files the store creates are the owner's alone.
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisorApproval } from '../../../src/main/capabilities/access';
import { readMeta } from '../../../src/main/store/meta';
import {
  DEFAULT_SCRYPT,
  findUserSlot,
  normalizeRecoveryKey,
  readKeyFile,
  unwrapSlot,
  type KeyFile,
  type KeySlot,
} from '../../../src/main/store/keySlots';
import { FAST_SCRYPT, SETUP, setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

const ADMIN = { username: SETUP.admin.username, password: SETUP.admin.password };
const CLERK = { username: 'casey', password: 'casey-password-1' };

let t: TestApp | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const keyPath = (x: TestApp) => x.app.store.folder.keyPath;
const readKeys = (x: TestApp): KeyFile => JSON.parse(readFileSync(keyPath(x), 'utf8')) as KeyFile;
const writeKeys = (x: TestApp, f: KeyFile) => writeFileSync(keyPath(x), JSON.stringify(f));

async function storeWithClerk(): Promise<{ x: TestApp; admin: string }> {
  const x = testApp();
  const admin = await setUpAndLogIn(x);
  await x.call('users:add', { fullName: 'Casey Clerk', role: 'clerk', ...CLERK }, admin);
  return { x, admin };
}

/** A slot as Recoup wrote them before format 2: the tag binds the store and slot id only. */
function legacySlot(
  file: KeyFile,
  dataKey: Buffer,
  secret: string,
  owner: { userId: number | null; username: string | null; kind: 'user' | 'recovery' },
): KeySlot {
  const id = randomBytes(8).toString('hex');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = scryptSync(secret.normalize('NFKC'), salt, 32, { ...FAST_SCRYPT, maxmem: 64 * 1024 * 1024 });
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`recoup:${file.storeId}:${id}`, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    id,
    kind: owner.kind,
    userId: owner.userId,
    username: owner.username,
    kdf: { name: 'scrypt', ...FAST_SCRYPT, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('a key slot opens only for its own user', () => {
  it("relabelling one's own slot with an administrator's id and name in the key file does not log in as them", async () => {
    const { x, admin } = await storeWithClerk();
    t = x;
    await t.call('auth:logout', {}, admin);
    const keys = readKeys(t);
    const clerkSlot = keys.slots.find((s) => s.username === 'casey')!;
    const adminSlot = keys.slots.find((s) => s.username === 'admin')!;
    // The clerk's slot, labelled as the administrator's, in the administrator's place.
    const forged = { ...clerkSlot, userId: adminSlot.userId, username: 'admin' };
    writeKeys(t, { ...keys, slots: [forged, ...keys.slots.filter((s) => s.id !== adminSlot.id)] });
    const r = await t.raw('auth:login', { username: 'admin', password: CLERK.password });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('wrong_password');
    // Only the name changed (the id kept): refused just the same.
    writeKeys(t, {
      ...keys,
      slots: [{ ...clerkSlot, username: 'admin' }, ...keys.slots.filter((s) => s.id !== adminSlot.id)],
    });
    expect((await t.raw('auth:login', { username: 'admin', password: CLERK.password })).ok).toBe(false);
  });

  it('the tag covers kind, user id and user name: changing any of them makes the slot fail to open', async () => {
    const { x } = await storeWithClerk();
    t = x;
    const keys = readKeys(t);
    const clerkSlot = keys.slots.find((s) => s.username === 'casey')!;
    expect(clerkSlot.format).toBe(2);
    expect(await unwrapSlot(keys, clerkSlot, CLERK.password)).not.toBeNull();
    expect(await unwrapSlot(keys, { ...clerkSlot, userId: 1 }, CLERK.password)).toBeNull();
    expect(await unwrapSlot(keys, { ...clerkSlot, username: 'admin' }, CLERK.password)).toBeNull();
    expect(await unwrapSlot(keys, { ...clerkSlot, kind: 'recovery' }, CLERK.password)).toBeNull();
    // Claiming the old format (dropping the bound fields from the tag) does not open it either.
    expect(await unwrapSlot(keys, { ...clerkSlot, format: undefined }, CLERK.password)).toBeNull();
  });

  it("a format-1 slot is rewrapped as format 2 at its owner's log-in; once all are, the store refuses format 1", async () => {
    const { x, admin } = await storeWithClerk();
    t = x;
    const dataKey = t.app.store.currentKey();
    // A new store records from set-up that every slot is bound.
    expect(readMeta(t.app.store.db, 'key_slots_bound')).toBe('2');
    // Make it a store from before format 2: no record that slots are bound, format-1 slots.
    t.app.store.db.prepare("DELETE FROM meta WHERE key = 'key_slots_bound'").run();
    await t.call('auth:logout', {}, admin);
    let keys = readKeys(t);
    const old = (s: KeySlot) =>
      s.kind === 'recovery'
        ? s
        : legacySlot(keys, dataKey, s.username === 'admin' ? ADMIN.password : CLERK.password, {
            kind: 'user',
            userId: s.userId,
            username: s.username,
          });
    keys = { ...keys, slots: keys.slots.map(old) };
    writeKeys(t, keys);
    expect(readKeys(t).slots.filter((s) => s.format !== 2)).toHaveLength(2);

    const a = (await t.call('auth:login', ADMIN)).sessionId;
    let now = readKeys(t);
    expect(findUserSlot(now, 'admin')!.format).toBe(2);
    expect(findUserSlot(now, 'casey')!.format).toBeUndefined();
    expect(readMeta(t.app.store.db, 'key_slots_bound')).toBeNull();
    const c = (await t.call('auth:login', CLERK)).sessionId;
    now = readKeys(t);
    expect(now.slots.every((s) => s.format === 2)).toBe(true);
    expect(readMeta(t.app.store.db, 'key_slots_bound')).toBe('2');
    await t.call('auth:logout', {}, a);
    await t.call('auth:logout', {}, c);
    // Both still log in with their passwords.
    const a2 = (await t.call('auth:login', ADMIN)).sessionId;
    await t.call('auth:logout', {}, a2);

    // A format-1 slot put back by editing the key file (a downgrade) no longer opens the store.
    const downgraded = legacySlot(now, dataKey, CLERK.password, { kind: 'user', userId: 1, username: 'admin' });
    writeKeys(t, { ...now, slots: [downgraded, ...now.slots.filter((s) => s.username !== 'admin')] });
    expect((await t.raw('auth:login', { username: 'admin', password: CLERK.password })).ok).toBe(false);
    dataKey.fill(0);
  });

  it("every password set writes a format-2 slot bound to the user's id and name", async () => {
    const { x, admin } = await storeWithClerk();
    t = x;
    const users = await t.call('users:list', {}, admin);
    const casey = users.find((u) => u.username === 'casey')!;
    await t.call('users:resetPassword', { userId: casey.id, newPassword: 'a brand new password' }, admin);
    const slot = findUserSlot(readKeys(t), 'casey')!;
    expect(slot).toMatchObject({ format: 2, userId: casey.id, username: 'casey' });
  });
});

describe('a disabled user loses every way in', () => {
  it('disabling removes the slot from the live key file and from every key-file copy beside the backups', async () => {
    const { x, admin } = await storeWithClerk();
    t = x;
    t.clock.advanceMs(1000);
    await t.call('backup:create', {}, admin);
    const copies = () =>
      readdirSync(path.join(t!.dir, 'backups'))
        .filter((f) => f.endsWith('.keys.json'))
        .map((f) => readKeyFile(path.join(t!.dir, 'backups', f)));
    // The manual backup's copy holds the clerk's slot (the day's first backup was made before).
    expect(copies().filter((c) => findUserSlot(c, 'casey') !== undefined)).toHaveLength(1);
    const casey = (await t.call('users:list', {}, admin)).find((u) => u.username === 'casey')!;
    await t.call('users:disable', { userId: casey.id, reason: 'left the hospital' }, admin);
    expect(findUserSlot(readKeys(t), 'casey')).toBeUndefined();
    expect(copies().every((c) => findUserSlot(c, 'casey') === undefined)).toBe(true);
    expect(copies().every((c) => findUserSlot(c, 'admin') !== undefined)).toBe(true);
  });

  it("a password reset replaces the user's slot in every copy: the old password opens none of them", async () => {
    const { x, admin } = await storeWithClerk();
    t = x;
    t.clock.advanceMs(1000);
    await t.call('backup:create', {}, admin);
    const casey = (await t.call('users:list', {}, admin)).find((u) => u.username === 'casey')!;
    await t.call('users:resetPassword', { userId: casey.id, newPassword: 'a brand new password' }, admin);
    const dir = path.join(t.dir, 'backups');
    const withCasey = readdirSync(dir)
      .filter((n) => n.endsWith('.keys.json'))
      .map((f) => readKeyFile(path.join(dir, f)))
      .filter((c) => findUserSlot(c, 'casey'));
    expect(withCasey).toHaveLength(1);
    for (const copy of withCasey) {
      const slot = findUserSlot(copy, 'casey')!;
      expect(await unwrapSlot(copy, slot, CLERK.password)).toBeNull();
      expect(await unwrapSlot(copy, slot, 'a brand new password')).not.toBeNull();
    }
  });
});

describe("the files the store creates are the owner's alone", () => {
  it.skipIf(process.platform === 'win32')(
    'data folder and backups 0700; database, WAL, key file, backups and their key copies 0600',
    async () => {
      const parent = tempDir();
      const dir = path.join(parent, 'Recoup');
      t = testApp({ dir, explicit: false });
      const admin = await setUpAndLogIn(t);
      await t.call('backup:create', {}, admin);
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.join(dir, 'backups'))).toBe(0o700);
      expect(mode(path.join(dir, 'recoup.db'))).toBe(0o600);
      expect(mode(path.join(dir, 'recoup.keys.json'))).toBe(0o600);
      if (existsSync(path.join(dir, 'recoup.db-wal'))) expect(mode(path.join(dir, 'recoup.db-wal'))).toBe(0o600);
      for (const f of readdirSync(path.join(dir, 'backups'))) expect(mode(path.join(dir, 'backups', f))).toBe(0o600);
    },
  );
});

describe('supervisor approval', () => {
  it('an unknown user name costs a key derivation like a known one (no timing tells which names exist)', async () => {
    t = testApp();
    // Slots with the app's own cost, so a derivation is measurable.
    Object.assign(t.app, { scrypt: DEFAULT_SCRYPT });
    await setUpAndLogIn(t);
    const time = (username: string) => {
      const t0 = performance.now();
      expect(() => supervisorApproval(t!.app, { username, password: 'not the password' })).toThrow();
      return performance.now() - t0;
    };
    const known = time('admin');
    const unknown = time('nobody-by-this-name');
    expect(known).toBeGreaterThan(20);
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

describe("changing one's own password is throttled", () => {
  it('after three wrong current passwords the next try waits, even with the right one', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    for (let i = 0; i < 4; i++) {
      const r = await t.raw(
        'auth:changePassword',
        { currentPassword: `wrong ${i}`, newPassword: 'a new password 1' },
        admin,
      );
      expect(r.ok).toBe(false);
    }
    const r = await t.raw(
      'auth:changePassword',
      { currentPassword: ADMIN.password, newPassword: 'a new password 1' },
      admin,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('throttled');
    t.clock.advanceMs(2000);
    expect(
      (await t.raw('auth:changePassword', { currentPassword: ADMIN.password, newPassword: 'a new password 1' }, admin))
        .ok,
    ).toBe(true);
  });
});

describe('sessions end on the server side', () => {
  it('after the idle end without a call, and after the absolute lifetime however busy', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    t.clock.advanceMs(59 * 60_000);
    // Locked by the idle lock by now, but alive: unlock works.
    expect((await t.raw('auth:unlock', { password: ADMIN.password }, admin)).ok).toBe(true);
    t.clock.advanceMs(60 * 60_000);
    const r = await t.raw('auth:heartbeat', {}, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_logged_in');
    expect(t.app.store.isOpen).toBe(false);

    const s = (await t.call('auth:login', ADMIN)).sessionId;
    // A call every 55 minutes keeps it from the idle end, but not past 12 hours from log-in.
    for (let minutes = 55; minutes < 12 * 60; minutes += 55) {
      t.clock.advanceMs(55 * 60_000);
      await t.raw('auth:unlock', { password: ADMIN.password }, s);
      expect((await t.raw('auth:heartbeat', {}, s)).ok).toBe(true);
    }
    t.clock.advanceMs(55 * 60_000);
    expect((await t.raw('auth:heartbeat', {}, s)).ok).toBe(false);
  });

  it('a session abandoned by a closed tab ends by the sweep, and the store closes', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    expect(t.app.store.isOpen).toBe(true);
    t.clock.advanceMs(61 * 60_000);
    t.app.sweepSessions();
    expect(t.app.sessions.count).toBe(0);
    expect(t.app.store.isOpen).toBe(false);
  });
});

describe('format-1 slots of a store from before slot binding (review of issue 10 item 5)', () => {
  /**
   * A store as Recoup wrote it before format 2: every slot format 1, the recovery slot included,
   * and no record in the database. The administrator then logs in once (the first opening after
   * the update: the database records the format-1 slots as found) and their slot is rewrapped.
   * The clerk's and the recovery slots stay format 1, so the store never records "all bound".
   */
  async function oldStore(): Promise<{ x: TestApp; recoveryKey: string; dataKey: Buffer; backup: string }> {
    const x = testApp();
    const { recoveryKey } = await x.call('setup:create', SETUP);
    let admin = (await x.call('auth:login', ADMIN)).sessionId;
    await x.call('users:add', { fullName: 'Casey Clerk', role: 'clerk', ...CLERK }, admin);
    const dataKey = x.app.store.currentKey();
    x.app.store.db.prepare("DELETE FROM meta WHERE key LIKE 'key_slots%'").run();
    await x.call('auth:logout', {}, admin);
    let keys = readKeys(x);
    const secretOf = (s: KeySlot) =>
      s.kind === 'recovery'
        ? normalizeRecoveryKey(recoveryKey)
        : s.username === 'admin'
          ? ADMIN.password
          : CLERK.password;
    keys = {
      ...keys,
      slots: keys.slots.map((s) =>
        legacySlot(keys, dataKey, secretOf(s), { kind: s.kind, userId: s.userId, username: s.username }),
      ),
    };
    writeKeys(x, keys);
    expect(readKeys(x).slots.every((s) => s.format === undefined)).toBe(true);
    admin = (await x.call('auth:login', ADMIN)).sessionId;
    x.clock.advanceMs(1000);
    // A backup made now keeps a copy of the key file with the clerk's and the recovery's format-1 slots.
    const backup = (await x.call('backup:create', {}, admin)).fileName;
    await x.call('auth:logout', {}, admin);
    const now = readKeys(x);
    expect(findUserSlot(now, 'admin')!.format).toBe(2);
    expect(findUserSlot(now, 'casey')!.format).toBeUndefined();
    expect(now.slots.find((s) => s.kind === 'recovery')!.format).toBeUndefined();
    return { x, recoveryKey, dataKey, backup };
  }

  const copyPath = (x: TestApp, backup: string) => path.join(x.dir, 'backups', backup.replace(/\.db$/, '.keys.json'));

  it("a clerk's own format-1 slot relabelled with the administrator's id and name does not log in as them", async () => {
    const { x, dataKey } = await oldStore();
    t = x;
    const keys = readKeys(t);
    const adminSlot = findUserSlot(keys, 'admin')!;
    const clerkSlot = findUserSlot(keys, 'casey')!;
    const forged = { ...clerkSlot, userId: adminSlot.userId, username: 'admin' };
    writeKeys(t, { ...keys, slots: [forged, ...keys.slots.filter((s) => s.id !== adminSlot.id)] });
    const r = await t.raw('auth:login', { username: 'admin', password: CLERK.password });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('wrong_password');
    // Nothing was rewrapped as a genuine administrator's slot.
    expect(readKeys(t).slots.some((s) => s.format === 2 && s.username === 'admin')).toBe(false);
    // The genuine slots still work.
    writeKeys(t, keys);
    expect((await t.call('auth:login', CLERK)).session.user.username).toBe('casey');
    dataKey.fill(0);
  });

  it("a format-1 recovery slot written by a clerk (with the data key their own slot gives them) does not recover anyone's password", async () => {
    const { x, dataKey } = await oldStore();
    t = x;
    const keys = readKeys(t);
    // The clerk's own format-1 slot gives them the data key; with it they write a format-1
    // "recovery" slot under a recovery key of their own choosing.
    const taken = (await unwrapSlot(keys, findUserSlot(keys, 'casey')!, CLERK.password))!;
    const mine = 'CASE-YCAS-EYCA-SEYC-ASEY-CASE-YCAS-EY00';
    const forged = legacySlot(keys, taken, mine, { kind: 'recovery', userId: null, username: null });
    writeKeys(t, { ...keys, slots: [forged, ...keys.slots.filter((s) => s.kind !== 'recovery')] });
    const r = await t.raw('auth:recover', {
      recoveryKey: mine,
      username: 'admin',
      newPassword: 'taken-over-password-1',
    });
    expect(r.ok).toBe(false);
    expect((await t.raw('auth:login', { username: 'admin', password: 'taken-over-password-1' })).ok).toBe(false);
    dataKey.fill(0);
  });

  it("a format-1 slot copied from a key-file copy in backups/ and relabelled does not log in, and upgraded owners' format-1 slots leave the copies", async () => {
    const { x, recoveryKey, dataKey, backup } = await oldStore();
    t = x;
    const copy = readKeyFile(copyPath(t, backup));
    const oldClerk = findUserSlot(copy, 'casey')!;
    expect(oldClerk.format).toBeUndefined();
    // The clerk logs in: their slot is rewrapped, and the copy beside the backup follows.
    const c = (await t.call('auth:login', CLERK)).sessionId;
    await t.call('auth:logout', {}, c);
    expect(findUserSlot(readKeys(t), 'casey')!.format).toBe(2);
    const copyNow = readKeyFile(copyPath(t, backup));
    expect(copyNow.slots.some((s) => s.id === oldClerk.id)).toBe(false);
    expect(findUserSlot(copyNow, 'casey')!.format).toBe(2);
    // The copy still opens its backup with the clerk's password.
    expect(await unwrapSlot(copyNow, findUserSlot(copyNow, 'casey')!, CLERK.password)).not.toBeNull();

    // The clerk's old format-1 slot (kept from before), relabelled as the administrator's.
    const keys = readKeys(t);
    const adminSlot = findUserSlot(keys, 'admin')!;
    const forged = { ...oldClerk, userId: adminSlot.userId, username: 'admin' };
    writeKeys(t, { ...keys, slots: [forged, ...keys.slots.filter((s) => s.id !== adminSlot.id)] });
    expect((await t.raw('auth:login', { username: 'admin', password: CLERK.password })).ok).toBe(false);
    // Put back unchanged, the upgraded slot does not open the store either: its record is gone.
    writeKeys(t, { ...keys, slots: [oldClerk, ...keys.slots.filter((s) => s.username !== 'casey')] });
    expect((await t.raw('auth:login', CLERK)).ok).toBe(false);
    writeKeys(t, keys);

    // The recovery slot, used once, is upgraded too; then the store records every slot as bound.
    await t.call('auth:recover', { recoveryKey, username: 'casey', newPassword: 'casey-password-2' });
    const after = readKeys(t);
    expect(after.slots.every((s) => s.format === 2)).toBe(true);
    expect(readKeyFile(copyPath(t, backup)).slots.filter((s) => s.format !== 2)).toEqual([]);
    dataKey.fill(0);
  });

  it("a key-file copy made before its owner's upgrade loses the format-1 slot at the next opening", async () => {
    const { x, dataKey, backup } = await oldStore();
    t = x;
    // As if the copy had been made before the administrator's first log-in since the update.
    const copy = readKeyFile(copyPath(t, backup));
    const adminNow = findUserSlot(copy, 'admin')!;
    const oldAdmin = legacySlot(copy, dataKey, ADMIN.password, {
      kind: 'user',
      userId: adminNow.userId,
      username: 'admin',
    });
    writeFileSync(
      copyPath(t, backup),
      JSON.stringify({ ...copy, slots: [oldAdmin, ...copy.slots.filter((s) => s.id !== adminNow.id)] }),
    );
    const c = (await t.call('auth:login', CLERK)).sessionId;
    await t.call('auth:logout', {}, c);
    const after = readKeyFile(copyPath(t, backup));
    expect(after.slots.some((s) => s.id === oldAdmin.id)).toBe(false);
    expect(findUserSlot(after, 'admin')!.id).toBe(findUserSlot(readKeys(t), 'admin')!.id);
    // Only the recovery slot, whose owner has not upgraded, is still format 1 there.
    expect(after.slots.filter((s) => s.format !== 2).map((s) => s.kind)).toEqual(['recovery']);
    dataKey.fill(0);
  });

  it('a supervisor approval is not given by a format-1 slot relabelled as the supervisor', async () => {
    const { x, dataKey } = await oldStore();
    t = x;
    const keys = readKeys(t);
    const adminSlot = findUserSlot(keys, 'admin')!;
    await t.call('auth:login', CLERK);
    // The clerk is now format 2; put a relabelled format-1 copy of an old slot under the admin's name.
    const forged = legacySlot(keys, dataKey, CLERK.password, {
      kind: 'user',
      userId: adminSlot.userId,
      username: 'admin',
    });
    const live = readKeys(t);
    writeKeys(t, { ...live, slots: [forged, ...live.slots.filter((s) => s.id !== adminSlot.id)] });
    expect(() => supervisorApproval(t!.app, { username: 'admin', password: CLERK.password })).toThrow(/not right/);
    dataKey.fill(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../src/main/platform/sessions';
import { addUserAndLogIn, setUpAndLogIn, SETUP, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

const ADMIN = { username: SETUP.admin.username, password: SETUP.admin.password };

describe('log in and sessions (HP-01 person authentication, unique user id)', () => {
  it('a wrong password is a clear error that does not say which part was wrong', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    const r1 = await t.raw('auth:login', { username: 'admin', password: 'not the password' });
    const r2 = await t.raw('auth:login', { username: 'nobody-here', password: 'not the password' });
    expect(r1).toMatchObject({
      ok: false,
      error: { code: 'wrong_password', message: 'The user name or password is not right.' },
    });
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'wrong_password', message: 'The user name or password is not right.' },
    });
    expect(t.app.store.isOpen).toBe(false);
  });

  it('repeated failures bring a growing delay, and a success clears it', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    for (let i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      expect((await t.raw('auth:login', { username: 'admin', password: 'wrong password' })).ok).toBe(false);
    }
    // The 4th failure starts a 2 s wait; the 5th (after waiting) a 4 s wait.
    expect(await t.raw('auth:login', { username: 'admin', password: 'wrong password' })).toMatchObject({
      error: { code: 'wrong_password' },
    });
    const blocked = await t.raw('auth:login', ADMIN);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'throttled' } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/Wait 2 seconds/);
    t.clock.advanceMs(2_000);
    expect(await t.raw('auth:login', { username: 'admin', password: 'wrong password' })).toMatchObject({
      error: { code: 'wrong_password' },
    });
    const blocked2 = await t.raw('auth:login', ADMIN);
    if (!blocked2.ok) expect(blocked2.error.message).toMatch(/Wait 4 seconds/);
    t.clock.advanceMs(4_000);
    expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
    expect((await t.raw('auth:login', { username: 'admin', password: 'wrong password' })).ok).toBe(false);
    expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
  });

  it('failed log-ins before the store opened are written to the audit trail when it opens', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    await t.raw('auth:login', { username: 'admin', password: 'wrong password' });
    const admin = (await t.call('auth:login', ADMIN)).sessionId;
    const events = await t.call('audit:list', { channel: 'auth:login', limit: 10, offset: 0 }, admin);
    expect(events.events.map((e) => e.outcome)).toEqual(['ok', 'wrong_password']);
  });

  it('locks after the idle time in settings, refuses work while locked, unlocks with the password', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const settings = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { ...settings, security: { ...settings.security, idleLockMinutes: 2 } }, admin);
    t.clock.advanceMs(60_000);
    expect((await t.call('auth:heartbeat', {}, admin)).locked).toBe(false);
    t.clock.advanceMs(2 * 60_000);
    expect(await t.raw('settings:get', {}, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect((await t.call('app:status', {}, admin)).session?.locked).toBe(true);
    expect(await t.raw('auth:unlock', { password: 'wrong password' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    });
    expect((await t.call('auth:unlock', { password: ADMIN.password }, admin)).locked).toBe(false);
    expect((await t.raw('settings:get', {}, admin)).ok).toBe(true);
  });

  it('the lock button locks at once', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('auth:lock', {}, admin);
    expect(await t.raw('users:list', {}, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });

  it('log out ends the session; the last one out closes the store', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    await t.call('auth:logout', {}, admin);
    expect(await t.raw('users:list', {}, admin)).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    expect(t.app.store.isOpen).toBe(true);
    await t.call('auth:logout', {}, clerk);
    expect(t.app.store.isOpen).toBe(false);
  });

  it('a user changes their own password: the old one stops working, the new one works', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    expect(
      await t.raw('auth:changePassword', { currentPassword: 'wrong one!', newPassword: 'my new password 1' }, clerk),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_password', fields: { currentPassword: expect.any(String) } },
    });
    await t.call(
      'auth:changePassword',
      { currentPassword: 'password-for-clerk1', newPassword: 'my new password 1' },
      clerk,
    );
    expect((await t.raw('auth:login', { username: 'clerk1', password: 'password-for-clerk1' })).ok).toBe(false);
    expect((await t.raw('auth:login', { username: 'clerk1', password: 'my new password 1' })).ok).toBe(true);
    expect((await t.raw('auth:login', ADMIN)).ok).toBe(true);
  });

  it('the recovery key sets a new password when every password is lost', async () => {
    t = testApp();
    const setup = await t.call('setup:create', SETUP);
    const typed = setup.recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(
      await t.raw('auth:recover', {
        recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        username: 'admin',
        newPassword: 'recovered password',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    });
    await t.call('auth:recover', { recoveryKey: typed, username: 'admin', newPassword: 'recovered password' });
    expect(t.app.store.isOpen).toBe(false);
    expect((await t.raw('auth:login', ADMIN)).ok).toBe(false);
    const admin = (await t.call('auth:login', { username: 'admin', password: 'recovered password' })).sessionId;
    const events = await t.call('audit:list', { channel: 'auth:recover', limit: 10, offset: 0 }, admin);
    expect(events.events.map((e) => e.outcome)).toEqual(['ok', 'wrong_password']);
  });
});

describe('a password reset with the recovery key leaves its audit event in the store (HP-01)', () => {
  async function again(fn: (x: TestApp) => Promise<void>): Promise<void> {
    t.app.shutdown();
    const x = testApp({ dir: t.dir });
    try {
      await fn(x);
    } finally {
      x.app.shutdown();
    }
  }

  it('reset, quit, start again: the auth:recover event is there', async () => {
    t = testApp();
    const { recoveryKey } = await t.call('setup:create', SETUP);
    await t.call('auth:recover', { recoveryKey, username: 'admin', newPassword: 'recovered password' });
    expect(t.app.store.isOpen).toBe(false);
    await again(async (x) => {
      const admin = (await x.call('auth:login', { username: 'admin', password: 'recovered password' })).sessionId;
      const events = await x.call('audit:list', { channel: 'auth:recover', limit: 10, offset: 0 }, admin);
      expect(events.events.map((e) => [e.outcome, e.username, e.records])).toEqual([['ok', 'admin', ['user:1']]]);
    });
  });

  it('a reset refused after the key opened the store (no such user) is written before the store closes', async () => {
    t = testApp();
    const { recoveryKey } = await t.call('setup:create', SETUP);
    const r = await t.raw('auth:recover', { recoveryKey, username: 'nobody', newPassword: 'recovered password' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.app.store.isOpen).toBe(false);
    await again(async (x) => {
      const admin = (await x.call('auth:login', ADMIN)).sessionId;
      const events = await x.call('audit:list', { channel: 'auth:recover', limit: 10, offset: 0 }, admin);
      expect(events.events.map((e) => [e.outcome, e.username])).toEqual([['not_found', 'nobody']]);
    });
  });

  it('events still waiting when Recoup quits with the store open are written then', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const at = new Date(t.clock.nowMs()).toISOString();
    t.app.pendingAudit.push({
      at,
      userId: null,
      username: 'waiting',
      channel: 'auth:login',
      kind: 'auth',
      records: [],
      outcome: 'wrong_password',
      detail: null,
    });
    await again(async (x) => {
      const admin = (await x.call('auth:login', ADMIN)).sessionId;
      const events = await x.call('audit:list', { channel: 'auth:login', limit: 10, offset: 0 }, admin);
      expect(events.events.filter((e) => e.username === 'waiting').map((e) => e.outcome)).toEqual(['wrong_password']);
    });
  });

  it('events that cannot be written at quit (store closed, no key) are said in the log, not passed over', async () => {
    t = testApp();
    await t.call('auth:logout', {}, await setUpAndLogIn(t));
    expect(t.app.store.isOpen).toBe(false);
    const bad = {
      recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
      username: 'admin',
      newPassword: 'recovered password',
    };
    expect(await t.raw('auth:recover', bad)).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    const lines: string[] = [];
    (t.app as unknown as { log: (line: string) => void }).log = (line) => lines.push(line);
    t.app.shutdown();
    expect(lines.join('\n')).toMatch(
      /1 audit event\(s\) could not be written: the store is closed.*auth:recover wrong_password admin/,
    );
  });

  it('the last log-out writes its event before the store closes: it survives a quit', async () => {
    t = testApp();
    await t.call('auth:logout', {}, await setUpAndLogIn(t));
    expect(t.app.store.isOpen).toBe(false);
    expect(t.app.pendingAudit).toEqual([]);
    await again(async (x) => {
      const admin = (await x.call('auth:login', ADMIN)).sessionId;
      const events = await x.call('audit:list', { channel: 'auth:logout', limit: 10, offset: 0 }, admin);
      expect(events.events.map((e) => [e.outcome, e.username])).toEqual([['ok', 'admin']]);
    });
  });

  it('a reset while someone is logged in is written once, in the call', async () => {
    t = testApp();
    const { recoveryKey } = await t.call('setup:create', SETUP);
    await t.call('auth:login', ADMIN);
    const clerk = await t.call('auth:login', ADMIN);
    await t.call('auth:recover', { recoveryKey, username: 'admin', newPassword: 'recovered password' });
    const admin = (await t.call('auth:login', { username: 'admin', password: 'recovered password' })).sessionId;
    expect(clerk.sessionId).not.toBe(admin);
    const events = await t.call('audit:list', { channel: 'auth:recover', limit: 10, offset: 0 }, admin);
    expect(events.events.map((e) => e.outcome)).toEqual(['ok']);
    expect((await t.call('audit:verify', {}, admin)).ok).toBe(true);
  });
});

describe('users (administrators)', () => {
  it('adds users with roles; a taken user name is refused on its field', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call(
      'users:add',
      { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
      admin,
    );
    expect(
      await t.raw(
        'users:add',
        { fullName: 'Other Casey', username: 'CASEY', role: 'clerk', password: 'casey-password-2' },
        admin,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { username: 'This user name is taken.' } },
    });
    const users = await t.call('users:list', {}, admin);
    expect(users.map((u) => [u.username, u.role, u.active])).toEqual([
      ['admin', 'administrator', true],
      ['casey', 'clerk', true],
    ]);
  });

  it('enforces the minimum password length from settings', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const settings = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { ...settings, security: { ...settings.security, minPasswordLength: 16 } }, admin);
    expect(
      await t.raw(
        'users:add',
        { fullName: 'Short Pw', username: 'shortpw', role: 'clerk', password: 'only-12-char' },
        admin,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { password: 'Password must be at least 16 characters.' } },
    });
  });

  it('a password reset rewraps that user slot only', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerkSession = await addUserAndLogIn(t, admin, 'clerk');
    const keysBefore = t.app.store.readKeys();
    const clerk = (await t.call('users:list', {}, admin)).find((u) => u.username === 'clerk1')!;
    await t.call('users:resetPassword', { userId: clerk.id, newPassword: 'reset-by-admin-1' }, admin);
    const keysAfter = t.app.store.readKeys();
    expect(keysAfter.slots.filter((s) => s.userId !== clerk.id)).toEqual(
      keysBefore.slots.filter((s) => s.userId !== clerk.id),
    );
    expect(keysAfter.slots.find((s) => s.userId === clerk.id)).not.toEqual(
      keysBefore.slots.find((s) => s.userId === clerk.id),
    );
    expect(await t.raw('settings:get', {}, clerkSession)).toMatchObject({
      ok: false,
      error: { code: 'not_logged_in' },
    });
    expect((await t.raw('auth:login', { username: 'clerk1', password: 'password-for-clerk1' })).ok).toBe(false);
    expect((await t.raw('auth:login', { username: 'clerk1', password: 'reset-by-admin-1' })).ok).toBe(true);
  });

  it('the lock call is accepted when the server has already locked the session', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    t.clock.advanceMs(11 * 60_000);
    expect((await t.call('auth:lock', {}, admin)).locked).toBe(true);
  });

  it('disabling removes the slot and ends the sessions; enabling sets a new password', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerkSession = await addUserAndLogIn(t, admin, 'clerk');
    const clerk = (await t.call('users:list', {}, admin)).find((u) => u.username === 'clerk1')!;
    await t.call('users:disable', { userId: clerk.id, reason: 'left the department' }, admin);
    expect(t.app.store.readKeys().slots.some((s) => s.userId === clerk.id)).toBe(false);
    expect(await t.raw('settings:get', {}, clerkSession)).toMatchObject({
      ok: false,
      error: { code: 'not_logged_in' },
    });
    expect(await t.raw('auth:login', { username: 'clerk1', password: 'password-for-clerk1' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    });
    await t.call('users:enable', { userId: clerk.id, newPassword: 'welcome-back-1' }, admin);
    expect((await t.raw('auth:login', { username: 'clerk1', password: 'welcome-back-1' })).ok).toBe(true);
  });

  it('refuses to disable yourself or the last active administrator', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    expect(await t.raw('users:disable', { userId: 1, reason: 'x' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const second = await addUserAndLogIn(t, admin, 'administrator', 'admin2');
    await t.call('users:disable', { userId: 1, reason: 'retired' }, second);
    const adminsLeft = (await t.call('users:list', {}, second)).filter((u) => u.role === 'administrator' && u.active);
    expect(adminsLeft).toHaveLength(1);
  });
});

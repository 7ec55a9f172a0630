import { afterEach, describe, expect, it } from 'vitest';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('audit trail (HP-01 audit controls, integrity)', () => {
  it('records who, when, which channel, which records and the outcome', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call(
      'users:add',
      { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
      admin,
    );
    await t.call('backup:create', {}, admin);
    const { events, total } = await t.call('audit:list', { limit: 100, offset: 0 }, admin);
    expect(total).toBe(events.length);
    const channels = events.map((e) => e.channel).reverse();
    // The first log-in of the day wakes the day's jobs, each written to the trail (no user: Recoup).
    expect(channels).toEqual([
      'setup:create',
      'auth:login',
      'job:daily-backup',
      'job:lapse-check',
      'job:agency-recall',
      'job:estate-backfill',
      'users:add',
      'backup:create',
    ]);
    expect(events.find((e) => e.channel === 'job:daily-backup')).toMatchObject({
      userId: null,
      kind: 'export',
      outcome: 'ok',
    });
    const add = events.find((e) => e.channel === 'users:add')!;
    expect(add).toMatchObject({ userId: 1, username: 'admin', kind: 'admin', records: ['user:2'], outcome: 'ok' });
    expect(add.at).toBe('2026-11-26T14:00:00.000Z');
    expect(events.find((e) => e.channel === 'backup:create')?.kind).toBe('export');
  });

  it('filters by channel, user, outcome, kind and date', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.raw('auth:login', { username: 'admin', password: 'wrong password' });
    const list = (f: object) => t.call('audit:list', { limit: 100, offset: 0, ...f }, admin);
    expect((await list({ outcome: 'error' })).events.map((e) => e.outcome)).toEqual(['wrong_password']);
    expect((await list({ kind: 'auth' })).total).toBe(2);
    expect((await list({ userId: 1, channel: 'setup' })).total).toBe(1);
    expect((await list({ from: '2026-11-27' })).total).toBe(0);
    expect((await list({ to: '2026-11-26' })).total).toBe(7);
    expect((await list({ channel: '%' })).total).toBe(0);
    const page = await list({ limit: 1, offset: 1 });
    expect(page.events).toHaveLength(1);
    expect(page.total).toBe(7);
  });

  it('verifies an intact chain', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    for (let i = 0; i < 5; i++) await t.call('backup:create', {}, admin);
    const v = await t.call('audit:verify', {}, admin);
    expect(v).toMatchObject({ ok: true, checked: 11, firstBadId: null, problem: null, unreadable: [] });
    // The daily backup's and the five manual ones': each inside the copy and beside it, and the day's.
    expect(v.heads).toHaveLength(13);
    expect(v.heads.every((h) => h.status === 'agrees')).toBe(true);
  });

  it('detects a changed event', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('backup:create', {}, admin);
    const db = t.app.store.db;
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(`UPDATE audit_events SET username = 'someone-else' WHERE id = 2`).run();
    expect(await t.call('audit:verify', {}, admin)).toMatchObject({
      ok: false,
      firstBadId: 2,
      problem: 'Event 2 was changed after it was written.',
    });
  });

  it('detects a deleted event in the middle and at the end', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('backup:create', {}, admin);
    await t.call('backup:create', {}, admin);
    const db = t.app.store.db;
    db.exec('DROP TRIGGER audit_events_no_delete');
    const last = (db.prepare('SELECT max(id) AS id FROM audit_events').get() as { id: number }).id;
    db.prepare('DELETE FROM audit_events WHERE id = ?').run(last);
    expect((await t.call('audit:verify', {}, admin)).ok).toBe(false);
    db.prepare('DELETE FROM audit_events WHERE id = 2').run();
    expect(await t.call('audit:verify', {}, admin)).toMatchObject({ ok: false, firstBadId: 2 });
  });

  it('detects a forged event inserted with a made-up hash', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const db = t.app.store.db;
    const head = db.prepare('SELECT max(id) AS id, hash FROM audit_events').get() as { id: number; hash: string };
    db.prepare(
      `INSERT INTO audit_events (id, at, channel, kind, outcome, prev_hash, hash) VALUES (?, 't', 'x', 'read', 'ok', ?, ?)`,
    ).run(head.id + 1, head.hash, 'f'.repeat(64));
    expect((await t.call('audit:verify', {}, admin)).ok).toBe(false);
  });
});

// Business-day jobs (the daily backup, the lapse check, and later ones) run from one scheduler,
// once a business day, at the first call that finds the store open; a job that fails is logged and
// written to the audit trail, never fails the call that woke it (a failing backup must not stop
// anyone from logging in), and is tried again on the next business day.
import { afterEach, describe, expect, it } from 'vitest';
import type { DailyJob, Extensions } from '../../../src/main/platform/capability';
import { setUpAndLogIn, SETUP, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

function withJobs(jobs: DailyJob[]) {
  (t.app as { extensions: Extensions }).extensions = { ...t.app.extensions, dailyJobs: jobs };
}

const jobEvents = () =>
  t.app.store.db
    .prepare(`SELECT channel, outcome, detail FROM audit_events WHERE channel LIKE 'job:%' ORDER BY id`)
    .all() as { channel: string; outcome: string; detail: string }[];

describe('the scheduler', () => {
  it('runs the shipped jobs at the first log-in of a business day, once', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    expect(jobEvents().map((e) => e.channel)).toEqual([
      'job:daily-backup',
      'job:lapse-check',
      'job:agency-recall',
      'job:estate-backfill',
    ]);
    expect(t.app.store.listBackups().filter((b) => b.kind === 'daily')).toHaveLength(1);
    await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
    expect(jobEvents()).toHaveLength(4);
  });

  it('a job that finds the database damaged stops the store: nothing more is written to it', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const ran: string[] = [];
    let thrown = false;
    withJobs([
      {
        name: 'reads-a-bad-page',
        audit: 'export',
        run: () => {
          thrown = true;
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
        },
      },
      { name: 'after', audit: 'change', run: (_app, today) => (ran.push(today), 'ran') },
    ]);
    const events = jobEvents().length;
    const writes: string[] = [];
    const db = t.app.store.db;
    const prepare = db.prepare.bind(db);
    (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
      if (thrown && /^\s*(INSERT|UPDATE|DELETE)/i.test(sql)) writes.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    t.clock.setToday('2026-11-27');
    const r = await t.raw('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
    expect(r.ok).toBe(true);
    expect(t.app.store.isOpen).toBe(false);
    expect(t.app.store.damaged).toBe(true);
    expect(t.app.sessions.count).toBe(0);
    expect((await t.call('app:status', {})).problem?.kind).toBe('database_corrupt');
    // Neither the failed job's event nor the next job's work reached the damaged file.
    expect(thrown).toBe(true);
    expect(writes).toEqual([]);
    expect(ran).toEqual([]);
    expect(events).toBeGreaterThan(0);
  });

  it('a job that fails is reported, never blocks the log-in, and is tried again the next business day', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const ran: string[] = [];
    withJobs([
      {
        name: 'flaky',
        audit: 'export',
        run: (_app, today) => {
          ran.push(today);
          if (ran.length === 1) throw new Error('the backup disk is full');
          return `done ${today}`;
        },
      },
      { name: 'steady', audit: 'change', run: (_app, today) => `steady ${today}` },
    ]);
    t.clock.setToday('2026-11-27');
    const session = await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
    expect(session.session.user.username).toBe(SETUP.admin.username);
    await t.call('settings:get', {}, session.sessionId); // a later call the same day does not retry
    expect(jobEvents().slice(4)).toEqual([
      { channel: 'job:flaky', outcome: 'failed', detail: 'the backup disk is full' },
      { channel: 'job:steady', outcome: 'ok', detail: 'steady 2026-11-27' },
    ]);
    t.clock.setToday('2026-11-28');
    await t.call('settings:get', {}, session.sessionId);
    expect(ran).toEqual(['2026-11-27', '2026-11-28']);
    expect(jobEvents().at(-2)).toEqual({ channel: 'job:flaky', outcome: 'ok', detail: 'done 2026-11-28' });
    expect(t.app.scheduler.lastRun('flaky')).toBe('2026-11-28');
  });

  it('the day changing while Recoup is open runs the day’s jobs on the next call', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const days: string[] = [];
    withJobs([{ name: 'count', audit: 'change', run: (_app, today) => (days.push(today), 'ok') }]);
    t.clock.setToday('2026-11-27');
    await t.call('settings:get', {}, admin);
    await t.call('settings:get', {}, admin);
    expect(days).toEqual(['2026-11-27']);
  });

  it('a concurrent call (the heartbeat) does not wake the jobs; the next call that holds the store does', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const days: string[] = [];
    withJobs([{ name: 'count', audit: 'change', run: (_app, today) => (days.push(today), 'ok') }]);
    t.clock.setToday('2026-11-27');
    await t.call('auth:heartbeat', {}, admin);
    expect(days).toEqual([]);
    await t.call('settings:get', {}, admin);
    expect(days).toEqual(['2026-11-27']);
  });

  it('never runs inside another transaction; the first call after it runs what is due', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const days: string[] = [];
    withJobs([{ name: 'count', audit: 'change', run: (_app, today) => (days.push(today), 'ok') }]);
    t.clock.setToday('2026-11-27');
    const db = t.app.store.db;
    const inside = db.transaction(() => t.app.scheduler.runDue());
    expect(inside()).toEqual([]);
    expect(days).toEqual([]);
    expect(t.app.scheduler.lastRun('count')).toBeNull();
    await t.call('settings:get', {}, admin);
    expect(days).toEqual(['2026-11-27']);
    expect(t.app.scheduler.lastRun('count')).toBe('2026-11-27');
  });
});

// HP-01 audit controls: the audit trail records every change. An audited call's change and its
// audit event commit in one transaction: if the event cannot be written the change does not land,
// a crash between the two leaves neither, and a call that fails leaves nothing but its event.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../src/main/capabilities';
import { attemptEca } from '../../../src/main/capabilities/compliance/ecaGate';
import { createRouter } from '../../../src/main/ipc/router';
import type { Handlers } from '../../../src/main/platform/capability';
import { openEncrypted } from '../../../src/main/store/database';
import { AppError } from '../../../src/shared/errors';
import { COMBINED_HEADER, importSmall, SMALL_EXTRACT } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

/** A router over the app's own handlers with one replaced (a fault injected around the real one). */
function routerWith<K extends keyof Handlers>(channel: K, handler: Handlers[K]) {
  return createRouter(t.app, { ...HANDLERS, [channel]: handler }, () => undefined);
}

async function call(router: ReturnType<typeof createRouter>, channel: string, input: unknown, sessionId: string) {
  return router.dispatch({ channel, input, sessionId });
}

/** The idle-lock minutes and the settings:update events that say "ok", as the database on disk holds them. */
function onDisk(key: Buffer) {
  const db = openEncrypted(path.join(t.dir, 'recoup.db'), key, { mustExist: true, readonly: true });
  try {
    const security = JSON.parse(
      db.prepare(`SELECT value FROM settings WHERE key = 'security'`).pluck().get() as string,
    ) as { idleLockMinutes: number };
    const events = db
      .prepare(`SELECT count(*) FROM audit_events WHERE channel = 'settings:update' AND outcome = 'ok'`)
      .pluck()
      .get() as number;
    return { idleLockMinutes: security.idleLockMinutes, events };
  } finally {
    db.close();
  }
}

async function idleLockTo(admin: string, minutes: number, router = t.router) {
  const current = await t.call('settings:get', {}, admin);
  return call(router, 'settings:update', { security: { ...current.security, idleLockMinutes: minutes } }, admin);
}

describe('HP-01: an audit event commits in the transaction of the change it records', () => {
  it('a change whose event cannot be written does not land', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const db = t.app.store.db;
    // The trail refuses this one event (as a full disk or a damaged page would).
    db.exec(`CREATE TRIGGER refuse_event BEFORE INSERT ON audit_events
             WHEN NEW.channel = 'settings:update' AND NEW.outcome = 'ok'
             BEGIN SELECT RAISE(ABORT, 'the trail cannot be written'); END`);
    expect(await idleLockTo(admin, 42)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await t.call('settings:get', {}, admin)).security.idleLockMinutes).not.toBe(42);
    // The failure itself is recorded, on its own.
    const failed = await t.call('audit:list', { channel: 'settings:update', limit: 5, offset: 0 }, admin);
    expect(failed.events.map((e) => e.outcome)).toEqual(['internal']);
  });

  it('a change whose transaction fails after its event was written: neither lands', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    // After the change, the handler leaves a row that breaks a deferred foreign key: the commit,
    // after the audit event is written, fails.
    const failing = routerWith('settings:update', async (ctx, input) => {
      const value = await HANDLERS['settings:update'](ctx, input);
      const db = ctx.app.store.db;
      db.pragma('defer_foreign_keys = ON');
      db.prepare(`UPDATE settings SET updated_by = 999 WHERE key = 'security'`).run();
      return value;
    });
    expect(await idleLockTo(admin, 42, failing)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await t.call('settings:get', {}, admin)).security.idleLockMinutes).toBe(10);
    const events = await t.call('audit:list', { channel: 'settings:update', limit: 5, offset: 0 }, admin);
    expect(events.events.map((e) => e.outcome)).toEqual(['internal']);
  });

  it('a crash between the change and its event leaves neither on disk', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const key = t.app.store.currentKey();
    // The process dies after the handler's change, before the router writes the event: the
    // connection goes away as it would in a crash.
    const crashing = routerWith('settings:update', async (ctx, input) => {
      const value = await HANDLERS['settings:update'](ctx, input);
      ctx.app.store.close();
      return value;
    });
    await idleLockTo(admin, 42, crashing);
    const disk = onDisk(key);
    expect(disk).toEqual({ idleLockMinutes: 10, events: 0 });
  });

  it('a committed import never lacks its event, even if the process dies right after it', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const key = t.app.store.currentKey();
    const { uploadId } = await t.call(
      'import:upload',
      {
        uploadId: '',
        fileName: 'small.csv',
        index: 0,
        last: true,
        base64: Buffer.from(SMALL_EXTRACT).toString('base64'),
      },
      admin,
    );
    const inspected = await t.call('import:inspect', { uploadId, layout: 'combined', encoding: 'utf-8' }, admin);
    expect(inspected.headers).toEqual(COMBINED_HEADER.split(','));
    const crashing = routerWith('import:commit', async (ctx, input) => {
      const report = await HANDLERS['import:commit'](ctx, input);
      expect(report.committed).toBe(true); // the import's own unit of work finished
      ctx.app.store.close();
      return report;
    });
    const mapping = {
      layout: 'combined' as const,
      columns: inspected.suggested,
      dateFormat: 'YYYY-MM-DD' as const,
      encoding: 'utf-8' as const,
      amountSign: 'signed' as const,
      typeCodes: {},
    };
    await call(
      crashing,
      'import:commit',
      { files: [{ uploadId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'commit-crash-1' },
      admin,
    );
    const db = openEncrypted(path.join(t.dir, 'recoup.db'), key, { mustExist: true, readonly: true });
    try {
      const batches = db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
      const events = db
        .prepare(`SELECT count(*) FROM audit_events WHERE channel = 'import:commit' AND outcome = 'ok'`)
        .pluck()
        .get() as number;
      expect({ batches, events }).toEqual({ batches: 0, events: 0 });
    } finally {
      db.close();
    }
  });

  it('a statement run never commits without its event, even if the process dies right after it', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    const key = t.app.store.currentKey();
    const { runId } = await t.call('statements:prepare', { jobId: 'statements-crash-prep' }, admin);
    const crashing = routerWith('statements:release', async (ctx, input) => {
      const run = await HANDLERS['statements:release'](ctx, input);
      expect(run.count).toBeGreaterThan(0); // the run's own unit of work finished
      ctx.app.store.close();
      return run;
    });
    await call(crashing, 'statements:release', { runId, jobId: 'statements-crash-1' }, admin);
    const db = openEncrypted(path.join(t.dir, 'recoup.db'), key, { mustExist: true, readonly: true });
    try {
      const runs = db.prepare(`SELECT count(*) FROM statement_runs WHERE status = 'released'`).pluck().get() as number;
      const events = db
        .prepare(`SELECT count(*) FROM audit_events WHERE channel = 'statements:release' AND outcome = 'ok'`)
        .pluck()
        .get() as number;
      expect({ runs, events }).toEqual({ runs: 0, events: 0 });
    } finally {
      db.close();
    }
  });

  it('a call that fails after its change leaves nothing but its event', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const failing = routerWith('settings:update', async (ctx, input) => {
      await HANDLERS['settings:update'](ctx, input);
      throw new AppError('conflict', 'Someone else changed the settings.');
    });
    expect(await idleLockTo(admin, 42, failing)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.call('settings:get', {}, admin)).security.idleLockMinutes).toBe(10);
    const events = await t.call('audit:list', { channel: 'settings:update', limit: 5, offset: 0 }, admin);
    expect(events.events.map((e) => e.outcome)).toEqual(['conflict']);
  });

  it('a refusal whose record must stand (a refused ECA attempt) commits that record with its event', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { a1 } = await importSmall(t);
    const gated = routerWith('eca:check', (ctx, input) => {
      ctx.records.push(`account:${input.accountId}`);
      attemptEca(ctx.app.store.db, input.accountId, 'credit_report', ctx.app.clock.today(), ctx.app.nowIso(), 1);
      return HANDLERS['eca:check'](ctx, input);
    });
    expect(await call(gated, 'eca:check', { accountId: a1, kind: 'credit_report' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const db = t.app.store.db;
    expect(db.prepare('SELECT count(*) FROM eca_attempts WHERE allowed = 0').pluck().get()).toBe(1);
    const events = await t.call('audit:list', { channel: 'eca:check', limit: 5, offset: 0 }, admin);
    expect(events.events.map((e) => [e.outcome, e.records])).toEqual([['not_allowed', [`account:${a1}`]]]);
  });

  it('a daily job, the day it ran and its event commit together', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await t.call('auth:logout', {}, admin);
    t.clock.setToday('2026-11-27');
    t.clock.advanceMs(86_400_000);
    const session = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    const ranOn = () =>
      t.app.store.db.prepare(`SELECT value FROM meta WHERE key = 'daily_job:lapse-check'`).pluck().get();
    expect(ranOn()).toBe('2026-11-27');
    // The next day the check's event cannot be written: the check's work and its day roll back
    // with it, and it runs again at the next chance.
    t.app.store.db.exec(`CREATE TRIGGER refuse_event BEFORE INSERT ON audit_events
             WHEN NEW.channel = 'job:lapse-check' AND NEW.outcome = 'ok'
             BEGIN SELECT RAISE(ABORT, 'the trail cannot be written'); END`);
    await t.call('auth:logout', {}, session);
    t.clock.setToday('2026-11-28');
    t.clock.advanceMs(86_400_000);
    const next = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    expect(ranOn()).toBe('2026-11-27');
    const jobs = await t.call('audit:list', { channel: 'job:lapse-check', limit: 5, offset: 0 }, next);
    expect(jobs.events.map((e) => e.outcome)).toEqual(['failed', 'ok', 'ok']);
  });
});

describe('HP-01: who viewed what, and every refusal', () => {
  it('compliance:list is a read of confidential data, recorded with the issues shown', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { a1 } = await importSmall(t);
    const { id } = await t.call(
      'compliance:report',
      { category: '501r', description: 'Final notice sent without the summary.', accountId: a1 },
      admin,
    );
    await t.call('compliance:list', {}, admin);
    const events = await t.call('audit:list', { channel: 'compliance:list', limit: 5, offset: 0 }, admin);
    expect(events.events).toMatchObject([{ kind: 'read', outcome: 'ok', records: [`complianceIssue:${id}`] }]);
  });

  it('reads that name guarantors say what was read: the registers, who is held from statements, an extract', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { john } = await importSmall(t);
    await t.call('holds:place', { guarantorId: john, reason: 'dispute', note: 'ER charge' }, admin);
    await t.call('registers:month', { month: '2026-11' }, admin);
    await t.call('statements:due', {}, admin);
    const { uploadId } = await t.call(
      'import:upload',
      {
        uploadId: '',
        fileName: 'nightly.csv',
        index: 0,
        last: true,
        base64: Buffer.from(SMALL_EXTRACT).toString('base64'),
      },
      admin,
    );
    const inspected = await t.call('import:inspect', { uploadId, layout: 'combined', encoding: 'utf-8' }, admin);
    const mapping = {
      layout: 'combined' as const,
      columns: inspected.suggested,
      dateFormat: 'YYYY-MM-DD' as const,
      encoding: 'utf-8' as const,
      amountSign: 'signed' as const,
      typeCodes: {},
    };
    await t.call(
      'import:preview',
      { files: [{ uploadId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'preview-records-1' },
      admin,
    );
    const records = async (channel: string) =>
      (await t.call('audit:list', { channel, limit: 5, offset: 0 }, admin)).events[0]?.records;
    expect(await records('registers:month')).toEqual(['registers:2026-11']);
    expect(await records('statements:due')).toEqual([`guarantor:${john}`]);
    expect(await records('import:preview')).toEqual(['extract:nightly.csv']);
  });

  it('a forbidden refusal thrown by a handler (an adjustment without its approval) is recorded', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    const { a2 } = await importSmall(t);
    const refused = await t.raw(
      'ledger:adjust',
      { accountId: a2, reason: 'charity', amountCents: 25001, effectiveDate: '2026-11-26', memo: '' },
      clerk,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const events = await t.call('audit:list', { channel: 'ledger:adjust', limit: 5, offset: 0 }, admin);
    expect(events.events).toMatchObject([{ username: 'clerk1', kind: 'change', outcome: 'forbidden' }]);
  });

  it('a refusal for the role is recorded once', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    expect(await t.raw('users:list', {}, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const events = await t.call('audit:list', { channel: 'users:list', limit: 5, offset: 0 }, admin);
    expect(events.events).toMatchObject([{ username: 'clerk1', kind: 'admin', outcome: 'forbidden' }]);
  });
});

// HP-01 integrity: a rewrite of the audit chain with recomputed hashes, or a cut-off tail, is
// self-consistent, so the chain's own check passes it. Every backup records the head it was made
// at (inside the copy, in a file beside it, and the day's first in the data folder's heads file);
// audit:verify compares the chain with every one and names the backup whose head disagrees.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/store/database';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  channel: string;
  kind: string;
  records: string;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** What someone holding the data key can do: drop the triggers, change the trail, re-seal it. */
function reseal(db: Db, change: (rows: Row[]) => Row[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  const rows = change(db.prepare('SELECT * FROM audit_events ORDER BY id').all() as Row[]);
  db.prepare('DELETE FROM audit_events').run();
  let prev = '0'.repeat(64);
  const insert = db.prepare(
    `INSERT INTO audit_events (id, at, user_id, username, channel, kind, records, outcome, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((r, i) => {
    const id = i + 1;
    const canonical = JSON.stringify([
      id,
      r.at,
      r.user_id,
      r.username,
      r.channel,
      r.kind,
      JSON.parse(r.records) as string[],
      r.outcome,
      r.detail,
      prev,
    ]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    insert.run(id, r.at, r.user_id, r.username, r.channel, r.kind, r.records, r.outcome, r.detail, prev, hash);
    prev = hash;
  });
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'audit_head'`).run(`${rows.length}:${prev}`);
}

async function backup(admin: string): Promise<string> {
  t.clock.advanceMs(1000);
  return (await t.call('backup:create', {}, admin)).fileName;
}

describe('HP-01: the chain is compared with every head recorded with a backup', () => {
  it('records the head beside every backup, and the day’s first in the data folder', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t); // the day's first log-in makes the daily backup
    const manual = await backup(admin);
    const beside = JSON.parse(
      readFileSync(path.join(t.dir, 'backups', manual.replace(/\.db$/, '.audit-head.json')), 'utf8'),
    ) as { eventId: number; hash: string; count: number; backup: string };
    const db = t.app.store.db;
    const at = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck();
    expect(beside).toMatchObject({ backup: manual, count: beside.eventId, hash: at.get(beside.eventId) });
    const heads = JSON.parse(readFileSync(path.join(t.dir, 'recoup.audit-heads.json'), 'utf8')) as {
      heads: { day: string; backup: string }[];
    };
    expect(heads.heads).toHaveLength(1);
    expect(heads.heads[0]).toMatchObject({ day: '2026-11-26', backup: expect.stringMatching(/-daily\.db$/) });
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(true);
    // Each backup's own copy and its head file, and the day's line: five heads, all agreeing.
    expect(v.heads.map((h) => h.status)).toEqual(['agrees', 'agrees', 'agrees', 'agrees', 'agrees']);
  });

  it('reports a rewrite with recomputed hashes behind a backup, naming the backup', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const made = await backup(admin);
    await t.call('users:list', {}, admin);
    reseal(t.app.store.db, (rows) =>
      rows.map((r) => (r.channel === 'auth:login' ? { ...r, username: 'somebody-else' } : r)),
    );
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(false);
    expect(v.problem).toMatch(/rewritten/);
    const rewritten = v.heads.filter((h) => h.status === 'rewritten').map((h) => h.source);
    expect(rewritten).toContain(`the head file beside backup ${made}`);
    expect(rewritten).toContain(`backup ${made} itself`);
  });

  it('reports a cut-off tail behind a backup, naming the backup', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const made = await backup(admin);
    reseal(t.app.store.db, (rows) => rows.slice(0, 2));
    const v = await t.call('audit:verify', {}, admin);
    expect(v).toMatchObject({ ok: false, firstBadId: 3 });
    expect(v.problem).toMatch(/The trail ends at event 2, but .* recorded event \d+ as its last: events were cut off/);
    expect(v.heads.filter((h) => h.status === 'truncated').map((h) => h.source)).toContain(
      `the head file beside backup ${made}`,
    );
  });

  it('the day’s head in the data folder outlives the backups themselves', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await backup(admin);
    const dir = path.join(t.dir, 'backups');
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
    reseal(t.app.store.db, (rows) => rows.slice(0, 1));
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(false);
    expect(v.heads).toMatchObject([
      { status: 'truncated', source: expect.stringMatching(/^the heads file \(2026-11-26/) },
    ]);
  });

  it('a damaged heads file is reported and never overwritten', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const file = path.join(t.dir, 'recoup.audit-heads.json');
    writeFileSync(file, '{ not json');
    t.clock.setToday('2026-11-27');
    t.clock.advanceMs(86_400_000);
    // The next day's first log-in makes its daily backup; the damaged file stays as it was.
    const admin = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    await backup(admin);
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
    const v = await t.call('audit:verify', {}, admin);
    expect(v.unreadable).toEqual(['The heads file recoup.audit-heads.json in the data folder cannot be read.']);
  });

  it('after a restore, heads of the trail it replaced are listed as before the restore, not failed', async () => {
    t = testApp();
    let admin = await setUpAndLogIn(t);
    const older = await backup(admin);
    await t.call('users:list', {}, admin);
    await t.call('audit:verify', {}, admin);
    await backup(admin);
    t.clock.advanceMs(1000);
    await t.call('backup:restore', { fileName: older }, admin);
    admin = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    await backup(admin);
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(true);
    const superseded = v.heads.filter((h) => h.status === 'superseded');
    // The later manual backup (its file and its copy) and the copy kept aside at the restore.
    expect(superseded.length).toBe(4);
    expect(v.heads.filter((h) => h.status === 'truncated' || h.status === 'rewritten')).toEqual([]);
  });

  it('a cut-off tail followed by one forged restore event dated later is still reported, naming the event', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const made = await backup(admin);
    reseal(t.app.store.db, (rows) => [
      ...rows.slice(0, 2),
      {
        ...rows[1]!,
        at: '2099-01-01T00:00:00.000Z',
        channel: 'backup:restore',
        kind: 'admin',
        outcome: 'ok',
        records: JSON.stringify([`backup:${made}`]),
        detail: null,
      },
    ]);
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(false);
    expect(v.heads.filter((h) => h.status === 'superseded')).toEqual([]);
    expect(v.heads.filter((h) => h.status === 'truncated').map((h) => h.source)).toContain(
      `the head file beside backup ${made}`,
    );
    expect(v.problem).toMatch(/[Ee]vent 3\b/);
    expect(v.problem).toMatch(/heads file records no such restore|dated in the future/);
  });

  it('a forged restore event dated now, with no restore in the heads file, excuses nothing', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const made = await backup(admin);
    await t.call('users:list', {}, admin);
    const now = new Date(t.clock.nowMs()).toISOString();
    reseal(t.app.store.db, (rows) => [
      ...rows.slice(0, 1),
      { ...rows[0]!, at: now, channel: 'store:restore', kind: 'admin', outcome: 'ok', detail: null },
      ...rows.slice(1).map((r) => (r.channel === 'auth:login' ? { ...r, username: 'somebody-else' } : r)),
    ]);
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(false);
    expect(v.heads.filter((h) => h.status === 'superseded')).toEqual([]);
    expect(v.heads.filter((h) => h.status === 'rewritten').map((h) => h.source)).toContain(
      `the head file beside backup ${made}`,
    );
    expect(v.problem).toMatch(/heads file records no such restore/);
  });

  it('a restore event dated in the future fails verification even when every head agrees', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    reseal(t.app.store.db, (rows) => [
      ...rows,
      { ...rows[0]!, at: '2099-01-01T00:00:00.000Z', channel: 'backup:restore', kind: 'admin', outcome: 'ok' },
    ]);
    const v = await t.call('audit:verify', {}, admin);
    expect(v.ok).toBe(false);
    expect(v.problem).toMatch(/is dated 2099-01-01T00:00:00.000Z, in the future/);
  });

  it('the restore is recorded in the heads file: the head before it and the restore event after it', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const older = await backup(admin);
    await t.call('users:list', {}, admin);
    const before = t.app.store.db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    await backup(admin);
    t.clock.advanceMs(1000);
    await t.call('backup:restore', { fileName: older }, admin);
    const heads = JSON.parse(readFileSync(path.join(t.dir, 'recoup.audit-heads.json'), 'utf8')) as {
      restores: {
        channel: string;
        restoredFrom: string;
        before: { eventId: number };
        after: { eventId: number; hash: string };
      }[];
    };
    expect(heads.restores).toHaveLength(1);
    const r = heads.restores[0]!;
    expect(r).toMatchObject({ channel: 'backup:restore', restoredFrom: older });
    // Before: the trail as it stood (with the manual backup's event after users:list).
    expect(r.before.eventId).toBeGreaterThan(before.id);
    const login = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    const event = t.app.store.db
      .prepare('SELECT channel, hash FROM audit_events WHERE id = ?')
      .get(r.after.eventId) as {
      channel: string;
      hash: string;
    };
    expect(event).toEqual({ channel: 'backup:restore', hash: r.after.hash });
    expect((await t.call('audit:verify', {}, login)).ok).toBe(true);
  });

  it('two restores in turn, the second to a copy from before the first: every replaced head is superseded, none fails', async () => {
    t = testApp();
    let admin = await setUpAndLogIn(t);
    const first = await backup(admin);
    await t.call('users:list', {}, admin);
    const second = await backup(admin);
    t.clock.advanceMs(1000);
    await t.call('backup:restore', { fileName: second }, admin);
    admin = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    await t.call('users:list', {}, admin);
    await backup(admin);
    t.clock.advanceMs(1000);
    await t.call('backup:restore', { fileName: first }, admin);
    admin = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    const v = await t.call('audit:verify', {}, admin);
    expect(v.heads.filter((h) => h.status === 'truncated' || h.status === 'rewritten')).toEqual([]);
    expect(v.ok).toBe(true);
    // The first restore's own record is superseded by the second; the second's agrees.
    const restoreHeads = v.heads.filter((h) => h.source.startsWith('the heads file (the restore of'));
    expect(restoreHeads.map((h) => h.status)).toEqual(['superseded', 'agrees']);
  });

  it('a pruned backup takes its head file with it', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    for (let i = 0; i < 15; i++) await backup(admin);
    const dir = path.join(t.dir, 'backups');
    const names = readdirSync(dir);
    expect(names.filter((f) => f.endsWith('.audit-head.json'))).toHaveLength(14);
    for (const f of names.filter((n) => n.endsWith('.audit-head.json')))
      expect(existsSync(path.join(dir, f.replace(/\.audit-head\.json$/, '.db')))).toBe(true);
  });
});

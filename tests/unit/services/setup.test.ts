import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../../src/shared/dates';
import { SETUP, importHooks, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('first-run set-up', () => {
  it('creates the store, the administrator, and a recovery key with its printable sheet', async () => {
    t = testApp();
    expect((await t.call('app:status', {})).state).toBe('needs_setup');
    const result = await t.call('setup:create', SETUP);
    expect((await t.call('app:status', {})).state).toBe('ready');
    expect(result.recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(result.recoveryKeySheet.file.mimeType).toBe('application/pdf');
    const bytes = await t.file(result.recoveryKeySheet.file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...rest] = await pdfPages(bytes);
    expect(rest).toHaveLength(0);
    expect(page).toContain(SETUP.hospital.legalName);
    expect(page).toContain(result.recoveryKey);
    expect(page).toContain('Avery Admin (admin)');
    expect(page).toContain(formatLongDate('2026-11-26'));
    // The sheet is handed to the workspace; nothing of it is written to the data folder.
    expect(readdirSync(t.dir).sort()).toEqual(['recoup.db', 'recoup.keys.json']);
    const login = await t.call('auth:login', { username: 'admin', password: SETUP.admin.password });
    expect(login.session.user).toEqual({ id: 1, username: 'admin', fullName: 'Avery Admin', role: 'administrator' });
    const settings = await t.call('settings:get', {}, login.sessionId);
    expect(settings.hospital.legalName).toBe(SETUP.hospital.legalName);
    expect(settings.security).toEqual({ idleLockMinutes: 10, minPasswordLength: 10, backupsToKeep: 14 });
  });

  it('runs once: a second set-up is refused and changes nothing', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    const r = await t.raw('setup:create', { ...SETUP, admin: { ...SETUP.admin, username: 'intruder' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect((await t.raw('auth:login', { username: 'intruder', password: SETUP.admin.password })).ok).toBe(false);
  });

  it('bad hospital details are refused field by field and nothing is created', async () => {
    t = testApp();
    const bad = structuredClone(SETUP);
    bad.hospital.npi = '1234567890';
    bad.hospital.taxId = '12345';
    bad.hospital.financialAssistanceUrl = 'call us';
    const r = await t.raw('setup:create', bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.error.fields ?? {}).sort()).toEqual([
        'hospital.financialAssistanceUrl',
        'hospital.npi',
        'hospital.taxId',
      ]);
    }
    expect(existsSync(path.join(t.dir, 'recoup.db'))).toBe(false);
  });
});

describe('settings changes in the audit trail', () => {
  it('name the fields that changed', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    const admin = (await t.call('auth:login', { username: 'admin', password: SETUP.admin.password })).sessionId;
    const s = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { security: { ...s.security, idleLockMinutes: 5 }, posting: s.posting }, admin);
    const [event] = (await t.call('audit:list', { channel: 'settings:update', limit: 1, offset: 0 }, admin)).events;
    expect(event).toMatchObject({ records: ['settings:security'], detail: 'changed security.idleLockMinutes' });
  });
});

describe('start with demo data', () => {
  it('imports synthetic patients through the real import, and they reconcile', async () => {
    t = testApp();
    await t.call('setup:create', { ...SETUP, demoData: true });
    const admin = (await t.call('auth:login', { username: 'admin', password: SETUP.admin.password })).sessionId;
    expect(t.app.store.db.prepare('SELECT count(*) FROM guarantors').pluck().get()).toBe(400);
    expect((await t.call('ledger:verify', {}, admin)).ok).toBe(true);
    expect((await t.call('search:query', { query: 'smith' }, admin)).length).toBeGreaterThan(0);
    const [event] = (
      await t.call('audit:list', { channel: 'setup:create', kind: 'change', limit: 1, offset: 0 }, admin)
    ).events;
    expect(event?.detail).toMatch(/^demo data: 400 synthetic guarantors/);
  });

  it('the shipped sample extract imports cleanly into a store with demo data (their ids never collide)', async () => {
    t = testApp();
    await t.call('setup:create', { ...SETUP, demoData: true });
    await t.call('auth:login', { username: 'admin', password: SETUP.admin.password });
    const text = readFileSync(path.join(__dirname, '../../../resources/samples/extract-clean.csv'), 'utf8');
    const report = await runImport(
      t.app.store.db,
      [
        {
          name: 'extract-clean.csv',
          layout: 'combined',
          text,
          mapping: {
            layout: 'combined',
            columns: autoMapping(csvHeaders(text), 'combined'),
            dateFormat: 'YYYY-MM-DD',
            encoding: 'utf-8',
            amountSign: 'signed',
            typeCodes: {},
          },
        },
      ],
      { mode: 'commit', now: t.app.nowIso(), userId: 1, source: 'test', ...importHooks(t) },
    );
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.guarantors).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(t.app.store.db.prepare('SELECT count(*) FROM guarantors').pluck().get()).toBe(406);
  });
});

// Channels of administration: the audit trail, settings, backups and restore.
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, sessionOf, userOf } from '../../platform/capability';
import { auditCsv, auditLog } from './auditLog';
import { verifyAuditTrail } from '../../platform/auditHeads';
import { readSettings, settingsChanges, writeSettings } from '../../platform/settings';
import {
  backupsForDamagedStore,
  changeKey,
  checkStore,
  createBackup,
  restoreBackup,
  restoreDamagedStore,
} from './backups';

export const adminHandlers: HandlerMap<'admin'> = {
  'audit:list': (ctx, input) => auditLog(ctx.app.store.db, input),
  'audit:csv': (ctx, input) => {
    const { bytes, count } = auditCsv(ctx.app.store.db, input);
    ctx.detail = `${count} events${input.guarantor ? ` about ${input.guarantor}` : ''}`;
    return offerBytes(ctx, { fileName: `audit-log-${ctx.app.clock.today()}.csv`, mimeType: 'text/csv' }, bytes);
  },
  'audit:verify': (ctx) => {
    const { store } = ctx.app;
    // The data key opens each backup to read the head inside it (HP-01: every head it knows).
    const key = store.currentKey();
    try {
      const result = verifyAuditTrail(store.db, store.folder, key, ctx.app.nowIso());
      const compared = result.heads.filter((h) => h.status === 'agrees').length;
      ctx.detail = result.ok
        ? `chain intact, ${result.checked} events; ${compared} of ${result.heads.length} recorded heads agree`
        : result.problem;
      return result;
    } finally {
      key.fill(0);
    }
  },

  'settings:get': (ctx) => readSettings(ctx.app.store.db),
  'settings:update': (ctx, input) => {
    const db = ctx.app.store.db;
    const before = readSettings(db);
    const after = writeSettings(db, input, ctx.app.nowIso(), userOf(ctx).id);
    // The trail names what changed (not the values: the hospital identity is in the settings).
    const changed = settingsChanges(before, after, input);
    ctx.records.push(...new Set(changed.map((c) => `settings:${c.split('.')[0]}`)));
    ctx.detail = changed.length ? `changed ${changed.join(', ')}` : 'no change';
    return after;
  },
  'backup:list': (ctx) => ({
    dataDir: ctx.app.store.folder.dir,
    backupsDir: ctx.app.store.folder.backupsDir,
    backups: ctx.app.store.listBackups(),
  }),
  'backup:create': (ctx) => {
    const info = createBackup(ctx.app, 'manual');
    ctx.records.push(`backup:${info.fileName}`);
    return info;
  },
  'backup:restore': (ctx, input) => {
    ctx.records.push(`backup:${input.fileName}`);
    // The event goes into the restored trail before the restore is recorded in the heads file.
    return restoreBackup(ctx.app, input.fileName, (db) => ctx.writeOwnAudit(db));
  },
  'backup:check': (ctx, input) => {
    const result = checkStore(ctx.app, input.full);
    ctx.records.push('store:database');
    ctx.detail = result.ok
      ? `${result.mode} check passed in ${result.ms} ms`
      : `${result.mode} check found damage: ${result.problems[0] ?? ''}`.slice(0, 300);
    return result;
  },
  'store:changeKey': async (ctx, input) => {
    const result = await changeKey(ctx.app, sessionOf(ctx), input.password);
    ctx.records.push('store:data-key');
    ctx.detail = `data key changed: ${result.slots} slots given the new key, ${result.dropped} removed, ${result.backups} backups re-encrypted`;
    return result;
  },
  'store:backups': (ctx) => backupsForDamagedStore(ctx.app),
  'store:restore': async (ctx, input) => {
    ctx.records.push(`backup:${input.fileName}`);
    // Written in the restored store before it closes (no one is logged in to keep it open).
    return restoreDamagedStore(ctx.app, input, (db, setAside) => {
      ctx.records.push(`set-aside:${setAside}`);
      ctx.detail = `damaged database set aside; restored by ${input.by === 'administrator' ? 'an administrator' : 'the recovery key'}`;
      ctx.writeOwnAudit(db);
    });
  },
};

// Channels of administration: the audit trail, settings, backups and restore.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { listAudit } from '../../platform/auditTrail';
import { verifyAuditTrail } from '../../platform/auditHeads';
import { readSettings, settingsChanges, writeSettings } from '../../platform/settings';
import { createBackup, restoreBackup } from './backups';

export const adminHandlers: HandlerMap<'admin'> = {
  'audit:list': (ctx, input) => listAudit(ctx.app.store.db, input),
  'audit:verify': (ctx) => {
    const { store } = ctx.app;
    // The data key opens each backup to read the head inside it (HP-01: every head it knows).
    const key = store.currentKey();
    try {
      const result = verifyAuditTrail(store.db, store.folder, key);
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
    return restoreBackup(ctx.app, input.fileName);
  },
};

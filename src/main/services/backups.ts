// Backups on demand, once a day at the first unlock, and restore by an administrator.
import type { BackupInfo } from '../../shared/schemas/backup';
import type { RecoupApp } from '../app';
import { pruneBackups } from '../store/backup';
import { securityPolicy } from './settings';

export function createBackup(app: RecoupApp, kind: 'manual' | 'daily'): BackupInfo {
  const info = app.store.backup(kind, app.clock.nowMs());
  pruneBackups(app.store.folder.backupsDir, securityPolicy(app.store.db).backupsToKeep);
  return info;
}

/** The daily backup: made at the first log-in or unlock of a business day that has none yet. */
export function dailyBackupIfDue(app: RecoupApp): BackupInfo | null {
  const today = app.clock.today();
  const row = app.store.db.prepare(`SELECT value FROM meta WHERE key = 'last_daily_backup'`).get() as
    { value: string } | undefined;
  if (row && row.value >= today) return null;
  const info = createBackup(app, 'daily');
  app.store.db
    .prepare(
      `INSERT INTO meta (key, value) VALUES ('last_daily_backup', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    )
    .run(today);
  return info;
}

export function restoreBackup(app: RecoupApp, fileName: string): { restoredFrom: string; keptAside: string } {
  const { keptAside } = app.store.restore(fileName, app.clock.nowMs());
  // The key file stays (the data key never changes), but only users active in the restored
  // database keep a slot: one added or re-enabled after the backup can no longer log in.
  const active = new Set(app.store.db.prepare('SELECT id FROM users WHERE active = 1').pluck().all() as number[]);
  const keys = app.store.readKeys();
  const kept = keys.slots.filter((slot) => slot.kind !== 'user' || (slot.userId !== null && active.has(slot.userId)));
  if (kept.length !== keys.slots.length) app.store.writeKeys({ ...keys, slots: kept });
  // Everyone logs in again against the restored database.
  app.sessions.endAll();
  return { restoredFrom: fileName, keptAside };
}

// Backups on demand, once a business day (a daily job), and restore by an administrator.
import type { BackupInfo } from '../../../shared/schemas/backup';
import type { RecoupApp } from '../../app';
import type { DailyJob } from '../../platform/capability';
import { pruneBackups } from '../../store/backup';
import { securityPolicy } from '../../platform/settings';

export function createBackup(app: RecoupApp, kind: 'manual' | 'daily'): BackupInfo {
  const info = app.store.backup(kind, app.clock.nowMs());
  pruneBackups(app.store.folder.backupsDir, securityPolicy(app.store.db).backupsToKeep);
  return info;
}

/** The daily backup (HP-01 integrity): one encrypted copy per business day, at its first log-in. */
export const dailyBackup: DailyJob = {
  name: 'daily-backup',
  audit: 'export',
  outsideTransaction: true,
  run(app) {
    const info = createBackup(app, 'daily');
    return `daily backup ${info.fileName}`;
  },
};

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

// Backups on demand, once a business day (a daily job), and restore by an administrator.
import { AppError } from '../../../shared/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { BackupInfo, DataKeyChanged, RestoreDamagedInput, StoreCheck } from '../../../shared/schemas/backup';
import type { RecoupApp } from '../../app';
import type { DailyJob } from '../../platform/capability';
import { pruneBackups } from '../../store/backup';
import { securityPolicy } from '../../platform/settings';
import { findRecoverySlot, findUserSlot, normalizeRecoveryKey, slotBelongsTo } from '../../store/keySlots';
import { slotTrustedBy } from '../../store/slotRecord';
import { confirmOwnPassword, throttled, unwrapOrNull } from '../access';
import { changeDataKey } from '../../store/rekey';
import type { Session } from '../../platform/sessions';
import { recordRestore } from '../../platform/auditHeads';
import { chainHead } from '../../platform/auditTrail';
import type { Db } from '../../store/database';

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

/**
 * The key file stays (the data key never changes), but only users active in the restored
 * database keep a slot: one added or re-enabled after the backup can no longer log in.
 */
function keepSlotsOfActiveUsers(app: RecoupApp): void {
  const active = new Set(app.store.db.prepare('SELECT id FROM users WHERE active = 1').pluck().all() as number[]);
  const keys = app.store.readKeys();
  const kept = keys.slots.filter((slot) => slot.kind !== 'user' || (slot.userId !== null && active.has(slot.userId)));
  if (kept.length !== keys.slots.length) app.store.writeKeys({ ...keys, slots: kept });
}

/**
 * `writeEvent` writes the call's audit event into the restored trail; the restore is then
 * recorded in the data folder's heads file (outside the store), which is what lets audit:verify
 * accept the heads of the trail it replaced as superseded.
 */
export function restoreBackup(
  app: RecoupApp,
  fileName: string,
  writeEvent: (db: Db) => void,
): { restoredFrom: string; keptAside: string } {
  const before = chainHead(app.store.db);
  const nowMs = app.clock.nowMs();
  const { keptAside } = app.store.restore(fileName, nowMs);
  writeEvent(app.store.db);
  recordRestore(
    app.store.db,
    app.store.folder.dir,
    { at: new Date(nowMs).toISOString(), channel: 'backup:restore', restoredFrom: fileName, before },
    app.log,
  );
  keepSlotsOfActiveUsers(app);
  // Everyone logs in again against the restored database.
  app.sessions.endAll();
  return { restoredFrom: fileName, keptAside };
}

/** The administrator's on-demand check (the backup screen). Damage found stops the store. */
export function checkStore(app: RecoupApp, full: boolean): StoreCheck {
  const report = app.store.check(full);
  if (!report.ok) app.sessions.endAll();
  return report;
}

/** The backups to choose from on the problem screen; only while the database is damaged. */
export function backupsForDamagedStore(app: RecoupApp): { backups: BackupInfo[] } {
  if (!app.store.damaged) throw new AppError('not_allowed', 'The database is not damaged; log in to see the backups.');
  return { backups: app.store.listBackups() };
}

/**
 * Restore from the problem screen. No one can log in (the database is damaged), so the caller
 * proves they may: an administrator's password opens their own key slot, and the chosen backup
 * must name that slot's user as an active administrator; or the recovery key opens its slot.
 * Failed attempts are throttled like log-ins. The damaged file is set aside untouched.
 */
export async function restoreDamagedStore(
  app: RecoupApp,
  input: RestoreDamagedInput,
  writeEvent: (db: Db, setAside: string) => void,
): Promise<{ restoredFrom: string; setAside: string }> {
  if (!app.store.damaged)
    throw new AppError('not_allowed', 'The database is not damaged; log in and restore from Backups.');
  const throttleKey = input.by === 'administrator' ? `restore:${input.username}` : 'restore:recovery-key';
  throttled(app, throttleKey);
  const keys = app.store.readKeys();
  const slot = input.by === 'administrator' ? findUserSlot(keys, input.username) : findRecoverySlot(keys);
  const secret = input.by === 'administrator' ? input.password : normalizeRecoveryKey(input.recoveryKey);
  const key = await unwrapOrNull(keys, slot, secret);
  const refused = (): AppError => {
    app.throttle.fail(throttleKey);
    return input.by === 'administrator'
      ? new AppError('wrong_password', 'The user name or password is not right, or is not an administrator’s.', {
          password: 'The user name or password is not right, or is not an administrator’s.',
        })
      : new AppError('wrong_password', 'That recovery key is not right.', {
          recoveryKey: 'That recovery key is not right.',
        });
  };
  if (!key || !slot) throw refused();
  try {
    let allowed = input.by === 'recoveryKey';
    app.store.verifyBackup(input.fileName, key, (backup) => {
      // A format-1 slot is believed about its kind and owner only as the backup recorded it.
      if (!slotTrustedBy(backup, keys, slot)) {
        allowed = false;
        return;
      }
      if (input.by !== 'administrator') return;
      // The backup's own users table says whether this slot's owner is an active administrator.
      const row = backup
        .prepare('SELECT id, username, role, active FROM users WHERE username = ?')
        .get(input.username) as { id: number; username: string; role: string; active: number } | undefined;
      allowed =
        row !== undefined &&
        row.active === 1 &&
        roleAtLeast(row.role as 'administrator', 'administrator') &&
        slotBelongsTo(slot, row);
    });
    if (!allowed) throw refused();
    app.throttle.succeed(throttleKey);
    const nowMs = app.clock.nowMs();
    const { setAside } = app.store.restoreOverDamage(input.fileName, key, nowMs);
    try {
      // The call's event goes into the restored trail now, while the store is open, and the
      // restore into the heads file (the damaged trail was not read: no head before it).
      writeEvent(app.store.db, setAside);
      recordRestore(
        app.store.db,
        app.store.folder.dir,
        { at: new Date(nowMs).toISOString(), channel: 'store:restore', restoredFrom: input.fileName, before: null },
        app.log,
      );
      keepSlotsOfActiveUsers(app);
    } finally {
      // Everyone logs in normally against the restored database; the store closes until then
      // (the router closes it once this call's events are written: it was closed when the call came).
      app.sessions.endAll();
    }
    return { restoredFrom: input.fileName, setAside };
  } finally {
    key.fill(0);
  }
}

/**
 * Changes the data key, for when a person who held it (any user, who could unwrap it) has left:
 * the database and every backup kept are re-encrypted under a new key, sealed to every remaining
 * slot (active users and the recovery key); a disabled user's slot goes. The administrator
 * confirms with their own password. Sessions go on: the store reopens with the new key.
 */
export async function changeKey(app: RecoupApp, session: Session, password: string): Promise<DataKeyChanged> {
  await confirmOwnPassword(app, session, password);
  const active = app.store.db
    .prepare('SELECT id, username, full_name AS fullName FROM users WHERE active = 1')
    .all() as { id: number; username: string; fullName: string }[];
  const result = changeDataKey(app.store, active, app.clock.nowMs());
  return { slots: result.slots, dropped: result.dropped, backups: result.backups.length };
}

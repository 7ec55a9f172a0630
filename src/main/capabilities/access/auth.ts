// Log in, unlock, recover and change a password. The password is checked by unwrapping the user's
// key slot (AES-GCM authenticates it); the first successful log-in opens the store with the key.
import { AppError } from '../../../shared/errors';
import type { LoginResult, SessionInfo } from '../../../shared/contract';
import type { RecoupApp } from '../../app';
import {
  findRecoverySlot,
  findUserSlot,
  normalizeRecoveryKey,
  rewrapSlot,
  slotBelongsTo,
  unwrapSlot,
  withSlotReplaced,
  type KeyFile,
  type KeySlot,
} from '../../store/keySlots';
import { readMeta, writeMeta } from '../../store/meta';
import { replaceSlotInBackupKeys, upgradeBackupKeys } from '../../store/backupKeys';
import { ensureSlotRecord, forgetSlot, SLOTS_BOUND, slotTrusted } from '../../store/slotRecord';
import { appendAudit } from '../../platform/auditTrail';
import { SET_UP } from '../../platform/files';
import type { Session } from '../../platform/sessions';
import type { Db } from '../../store/database';
import { securityPolicy } from '../../platform/settings';
import { findUser, findUserByName, recordLogin, sessionUser, setPassword, checkPasswordPolicy } from './users';

const WRONG = 'The user name or password is not right.';

/** The meta key set once every slot of the key file binds its owner (slot format 2). */
export { SLOTS_BOUND };

/** Refuses the attempt while this name (or the budget across all names) must wait. */
export function throttled(app: RecoupApp, key: string, what = 'failed attempts'): void {
  const wait = app.throttle.waitMs(key);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      'throttled',
      `Too many ${what}. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
    );
  }
}

function flushPendingAudit(app: RecoupApp): void {
  while (app.pendingAudit.length > 0) appendAudit(app.store.db, app.pendingAudit.shift()!);
}

/** Unwraps a slot with a secret; a missing slot costs the same derivation so timing tells nothing. */
export async function unwrapOrNull(keys: KeyFile, slot: KeySlot | undefined, secret: string): Promise<Buffer | null> {
  if (!slot) {
    const decoy = keys.slots[0];
    if (decoy) await unwrapSlot(keys, decoy, `${secret}\u0000decoy`);
    return null;
  }
  return unwrapSlot(keys, slot, secret);
}

function openWith(app: RecoupApp, key: Buffer): void {
  const wasOpen = app.store.isOpen;
  app.store.open(key);
  if (!wasOpen) {
    flushPendingAudit(app);
    // A store from before format-1 slots were recorded: record them now, as found (slotRecord.ts);
    // and no copy beside the backups keeps a format-1 slot of an owner already upgraded.
    const live = app.store.readKeys();
    ensureSlotRecord(app.store.db, live);
    upgradeBackupKeys(app.store.folder.backupsDir, live, app.log);
  }
}

/**
 * After a slot opened: a format-1 slot (its owner not bound by its tag) is believed only when the
 * database recorded this exact slot, kind and owner included (slotRecord.ts); it is then rewrapped
 * as format 2 with the same secret, its record dropped, and its copies beside the backups replaced.
 * Once the store records that every slot is bound, a format-1 slot can only be a downgrade made by
 * editing the key file, and is refused.
 */
async function upgradeSlot(
  app: RecoupApp,
  keys: KeyFile,
  slot: KeySlot,
  key: Buffer,
  secret: string,
): Promise<boolean> {
  const db = app.store.db;
  if (slot.format === 2) {
    if (readMeta(db, SLOTS_BOUND) === null && keys.slots.every((s) => s.format === 2)) writeMeta(db, SLOTS_BOUND, '2');
    return true;
  }
  if (!slotTrusted(db, keys, slot)) return false;
  const fresh = await rewrapSlot(keys, slot, key, secret, app.nowIso(), app.scrypt);
  const current = app.store.readKeys();
  const next = withSlotReplaced(current, slot.id, fresh);
  app.store.writeKeys(next);
  forgetSlot(db, slot.id);
  replaceSlotInBackupKeys(app.store.folder.backupsDir, keys.storeId, slot.id, fresh, app.log);
  if (next.slots.every((s) => s.format === 2)) writeMeta(db, SLOTS_BOUND, '2');
  return true;
}

export async function login(app: RecoupApp, username: string, password: string): Promise<LoginResult> {
  throttled(app, username);
  const keys = app.store.readKeys();
  const slot = findUserSlot(keys, username);
  const key = await unwrapOrNull(keys, slot, password);
  if (!key || !slot) {
    app.throttle.fail(username);
    throw new AppError('wrong_password', WRONG, { password: WRONG });
  }
  try {
    openWith(app, key);
    const db = app.store.db;
    const user = findUserByName(db, username);
    // The slot must be this user's own: its bound id and name are the row's.
    if (!user || !user.active || !slotBelongsTo(slot, user) || !(await upgradeSlot(app, keys, slot, key, password))) {
      app.throttle.fail(username);
      if (app.sessions.count === 0) app.store.close();
      throw new AppError('wrong_password', WRONG, { password: WRONG });
    }
    app.throttle.succeed(username);
    recordLogin(db, user.id, app.nowIso());
    const session = app.sessions.start(sessionUser(user));
    // The recovery-key sheet made at set-up is not kept past the first log-in.
    app.files.dropOwner(SET_UP);
    const policy = securityPolicy(db);
    return { sessionId: session.id, session: app.sessions.info(session, policy.idleLockMinutes) };
  } finally {
    key.fill(0);
  }
}

/** Checks a logged-in user's own password against their own slot (unlock, password change). */
async function checkOwnPassword(
  app: RecoupApp,
  session: Session,
  password: string,
  throttleKey: string,
): Promise<boolean> {
  throttled(app, throttleKey);
  const keys = app.store.readKeys();
  const slot = findUserSlot(keys, session.user.username);
  const key = await unwrapOrNull(keys, slot, password);
  const ok =
    key !== null && slot !== undefined && slotBelongsTo(slot, session.user) && slotTrusted(app.store.db, keys, slot);
  key?.fill(0);
  if (ok) app.throttle.succeed(throttleKey);
  else app.throttle.fail(throttleKey);
  return ok;
}

/** A logged-in user confirms a grave action with their own password (throttled like an unlock). */
export async function confirmOwnPassword(app: RecoupApp, session: Session, password: string): Promise<void> {
  if (!(await checkOwnPassword(app, session, password, `confirm:${session.user.id}`))) {
    throw new AppError('wrong_password', 'That password is not right.', { password: 'That password is not right.' });
  }
}

export async function unlock(app: RecoupApp, session: Session, password: string): Promise<SessionInfo> {
  if (!(await checkOwnPassword(app, session, password, session.user.username))) {
    throw new AppError('wrong_password', 'That password is not right.', { password: 'That password is not right.' });
  }
  session.locked = false;
  app.sessions.touch(session);
  return app.sessions.info(session, securityPolicy(app.store.db).idleLockMinutes);
}

/**
 * Sets a new password for a user with the recovery key shown at set-up (every password lost).
 * `writeEvent` writes the call's audit event in the same transaction as the new password (HP-01):
 * the store may have been opened by this call alone. The store is left open; the router closes it
 * once the call's events are written, when it was closed when the call came.
 */
export async function recover(
  app: RecoupApp,
  recoveryKey: string,
  username: string,
  newPassword: string,
  writeEvent: (db: Db, userId: number) => void,
): Promise<number> {
  const throttleKey = `recovery:${username}`;
  throttled(app, throttleKey);
  const keys = app.store.readKeys();
  const slot = findRecoverySlot(keys);
  const secret = normalizeRecoveryKey(recoveryKey);
  const key = await unwrapOrNull(keys, slot, secret);
  if (!key || !slot) {
    app.throttle.fail(throttleKey);
    throw new AppError('wrong_password', 'That recovery key is not right.', {
      recoveryKey: 'That recovery key is not right.',
    });
  }
  try {
    openWith(app, key);
    if (!(await upgradeSlot(app, keys, slot, key, secret))) {
      app.throttle.fail(throttleKey);
      throw new AppError('wrong_password', 'That recovery key is not right.', {
        recoveryKey: 'That recovery key is not right.',
      });
    }
    const user = findUserByName(app.store.db, username);
    if (!user || !user.active) {
      throw new AppError('not_found', `There is no active user named ${username}.`, {
        username: 'There is no active user with this name.',
      });
    }
    checkPasswordPolicy(app.store.db, newPassword, 'newPassword');
    await setPassword(app, user, newPassword, () => writeEvent(app.store.db, user.id));
    app.throttle.succeed(throttleKey);
    app.sessions.endForUser(user.id);
    return user.id;
  } finally {
    key.fill(0);
  }
}

/** Changing one's own password is throttled like a log-in (under its own name), so a person at an unlocked session cannot guess the current one freely. */
export async function changePassword(
  app: RecoupApp,
  session: Session,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (!(await checkOwnPassword(app, session, currentPassword, `password:${session.user.id}`))) {
    throw new AppError('wrong_password', 'Your current password is not right.', {
      currentPassword: 'Your current password is not right.',
    });
  }
  checkPasswordPolicy(app.store.db, newPassword, 'newPassword');
  await setPassword(app, findUser(app.store.db, session.user.id), newPassword);
}

export function logout(app: RecoupApp, session: Session): void {
  app.sessions.end(session.id);
  // With nobody logged in, the store is closed and the key leaves memory.
  if (app.sessions.count === 0) app.store.close();
}

export function lock(app: RecoupApp, session: Session): SessionInfo {
  app.sessions.lock(session);
  return app.sessions.info(session, securityPolicy(app.store.db).idleLockMinutes);
}

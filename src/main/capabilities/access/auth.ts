// Log in, unlock, recover and change a password. The password is checked by unwrapping the user's
// key slot (AES-GCM authenticates it); the first successful log-in opens the store with the key.
import { AppError } from '../../../shared/errors';
import type { LoginResult, SessionInfo } from '../../../shared/contract';
import type { RecoupApp } from '../../app';
import {
  findRecoverySlot,
  findUserSlot,
  normalizeRecoveryKey,
  unwrapSlot,
  type KeyFile,
  type KeySlot,
} from '../../store/keySlots';
import { appendAudit } from '../../platform/auditTrail';
import { SET_UP } from '../../platform/files';
import type { Session } from '../../platform/sessions';
import { securityPolicy } from '../../platform/settings';
import { findUser, findUserByName, recordLogin, sessionUser, setPassword, checkPasswordPolicy } from './users';

const WRONG = 'The user name or password is not right.';

function throttled(app: RecoupApp, username: string): void {
  const wait = app.throttle.waitMs(username);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      'throttled',
      `Too many failed attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
    );
  }
}

function flushPendingAudit(app: RecoupApp): void {
  while (app.pendingAudit.length > 0) appendAudit(app.store.db, app.pendingAudit.shift()!);
}

/** Unwraps a slot with a secret; a missing slot costs the same derivation so timing tells nothing. */
function unwrapOrNull(keys: KeyFile, slot: KeySlot | undefined, secret: string): Buffer | null {
  if (!slot) {
    const decoy = keys.slots[0];
    if (decoy) unwrapSlot(keys, decoy, `${secret}\u0000decoy`);
    return null;
  }
  return unwrapSlot(keys, slot, secret);
}

function openWith(app: RecoupApp, key: Buffer): void {
  const wasOpen = app.store.isOpen;
  app.store.open(key);
  if (!wasOpen) flushPendingAudit(app);
}

export function login(app: RecoupApp, username: string, password: string): LoginResult {
  throttled(app, username);
  const keys = app.store.readKeys();
  const key = unwrapOrNull(keys, findUserSlot(keys, username), password);
  if (!key) {
    app.throttle.fail(username);
    throw new AppError('wrong_password', WRONG, { password: WRONG });
  }
  try {
    openWith(app, key);
  } finally {
    key.fill(0);
  }
  const db = app.store.db;
  const user = findUserByName(db, username);
  if (!user || !user.active) {
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
}

export function unlock(app: RecoupApp, session: Session, password: string): SessionInfo {
  const username = session.user.username;
  throttled(app, username);
  const keys = app.store.readKeys();
  const key = unwrapOrNull(keys, findUserSlot(keys, username), password);
  if (!key) {
    app.throttle.fail(username);
    throw new AppError('wrong_password', 'That password is not right.', { password: 'That password is not right.' });
  }
  key.fill(0);
  app.throttle.succeed(username);
  session.locked = false;
  app.sessions.touch(session);
  return app.sessions.info(session, securityPolicy(app.store.db).idleLockMinutes);
}

/** Sets a new password for a user with the recovery key shown at set-up (every password lost). */
export function recover(app: RecoupApp, recoveryKey: string, username: string, newPassword: string): number {
  throttled(app, `recovery:${username}`);
  const keys = app.store.readKeys();
  const key = unwrapOrNull(keys, findRecoverySlot(keys), normalizeRecoveryKey(recoveryKey));
  if (!key) {
    app.throttle.fail(`recovery:${username}`);
    throw new AppError('wrong_password', 'That recovery key is not right.', {
      recoveryKey: 'That recovery key is not right.',
    });
  }
  const wasOpen = app.store.isOpen;
  try {
    openWith(app, key);
  } finally {
    key.fill(0);
  }
  try {
    const user = findUserByName(app.store.db, username);
    if (!user || !user.active) {
      throw new AppError('not_found', `There is no active user named ${username}.`, {
        username: 'There is no active user with this name.',
      });
    }
    checkPasswordPolicy(app.store.db, newPassword, 'newPassword');
    setPassword(app, user, newPassword);
    app.throttle.succeed(`recovery:${username}`);
    app.sessions.endForUser(user.id);
    return user.id;
  } finally {
    if (!wasOpen && app.sessions.count === 0) app.store.close();
  }
}

export function changePassword(app: RecoupApp, session: Session, currentPassword: string, newPassword: string): void {
  const keys = app.store.readKeys();
  const key = unwrapOrNull(keys, findUserSlot(keys, session.user.username), currentPassword);
  if (!key) {
    throw new AppError('wrong_password', 'Your current password is not right.', {
      currentPassword: 'Your current password is not right.',
    });
  }
  key.fill(0);
  checkPasswordPolicy(app.store.db, newPassword, 'newPassword');
  setPassword(app, findUser(app.store.db, session.user.id), newPassword);
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

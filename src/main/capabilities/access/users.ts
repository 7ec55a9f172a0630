// Users: administrators add them, reset a password (rewraps that user's key slot), disable one
// (removes the slot) or enable one again with a new password.
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { NewUser, UserSummary } from '../../../shared/schemas/users';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import type { UsersRow } from '../../store/schema';
import { prepareSecret, sealSlot, withoutUserSlot, withUserSlot } from '../../store/keySlots';
import { dropUserFromBackupKeys, replaceUserInBackupKeys } from '../../store/backupKeys';
import { securityPolicy } from '../../platform/settings';

type UserRow = UsersRow;

function toSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    active: r.active === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare('SELECT * FROM users ORDER BY active DESC, full_name').all() as UserRow[]).map(toSummary);
}

export function findUser(db: Db, id: number): UserSummary {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such user.');
  return toSummary(row);
}

export function findUserByName(db: Db, username: string): UserSummary | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row ? toSummary(row) : undefined;
}

export function sessionUser(u: UserSummary): SessionUser {
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role };
}

/** The settings' minimum password length, checked by the service (the schema checks shape). */
export function checkPasswordPolicy(db: Db, password: string, field: string): void {
  const min = securityPolicy(db).minPasswordLength;
  if (password.length < min) {
    throw new AppError('invalid_input', `Password must be at least ${min} characters.`, {
      [field]: `Password must be at least ${min} characters.`,
    });
  }
}

export async function addUser(app: RecoupApp, input: NewUser, by: number | null): Promise<UserSummary> {
  const db = app.store.db;
  checkPasswordPolicy(db, input.password, 'password');
  if (findUserByName(db, input.username)) {
    throw new AppError('conflict', `The user name ${input.username} is taken.`, {
      username: 'This user name is taken.',
    });
  }
  // The derivation runs first (off the event loop); the row and the slot bound to its id then go
  // together in one transaction.
  const prepared = await prepareSecret(input.password, app.scrypt);
  const keys = app.store.readKeys();
  const key = app.store.currentKey();
  const now = app.nowIso();
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO users (username, full_name, role, active, created_at, created_by, password_changed_at)
         VALUES (?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(input.username, input.fullName, input.role, now, by, now);
    const id = Number(info.lastInsertRowid);
    const slot = sealSlot(keys, key, prepared, { kind: 'user', userId: id, username: input.username }, now);
    key.fill(0);
    app.store.writeKeys(withUserSlot(keys, slot));
    return findUser(db, id);
  })();
}

export async function resetPassword(app: RecoupApp, userId: number, newPassword: string): Promise<UserSummary> {
  const db = app.store.db;
  const user = findUser(db, userId);
  if (!user.active)
    throw new AppError('not_allowed', `${user.fullName} is disabled; enable the user with a new password instead.`);
  checkPasswordPolicy(db, newPassword, 'newPassword');
  await setPassword(app, user, newPassword);
  // Whoever was using the old password is logged out.
  app.sessions.endForUser(userId);
  return findUser(db, userId);
}

/**
 * Replaces a user's slot by one under a new password, in the live key file and in every key-file
 * copy beside a backup that held the old one (the old password then opens none of them).
 */
export async function setPassword(
  app: RecoupApp,
  user: UserSummary,
  newPassword: string,
  alsoInTransaction: () => void = () => undefined,
): Promise<void> {
  const db = app.store.db;
  const prepared = await prepareSecret(newPassword, app.scrypt);
  const keys = app.store.readKeys();
  const now = app.nowIso();
  const key = app.store.currentKey();
  let slot;
  try {
    slot = sealSlot(keys, key, prepared, { kind: 'user', userId: user.id, username: user.username }, now);
  } finally {
    key.fill(0);
  }
  db.transaction(() => {
    alsoInTransaction();
    db.prepare('UPDATE users SET password_changed_at = ? WHERE id = ?').run(now, user.id);
    app.store.writeKeys(withUserSlot(keys, slot));
  })();
  replaceUserInBackupKeys(app.store.folder.backupsDir, slot, app.log);
}

function activeAdministrators(db: Db): number {
  return (
    db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'administrator' AND active = 1`).get() as { n: number }
  ).n;
}

export function disableUser(app: RecoupApp, userId: number, reason: string, by: number): UserSummary {
  const db = app.store.db;
  const user = findUser(db, userId);
  if (userId === by) throw new AppError('not_allowed', 'You cannot disable yourself.');
  if (!user.active) return user;
  if (user.role === 'administrator' && activeAdministrators(db) <= 1) {
    throw new AppError('not_allowed', 'This is the last active administrator; add another administrator first.');
  }
  const keys = app.store.readKeys();
  db.transaction(() => {
    db.prepare('UPDATE users SET active = 0, disabled_at = ?, disabled_reason = ? WHERE id = ?').run(
      app.nowIso(),
      reason,
      userId,
    );
    app.store.writeKeys(withoutUserSlot(keys, userId));
  })();
  // The key-file copies beside the backups lose the slot too: the disabled user's password opens
  // no copy of the data key anywhere in the data folder.
  dropUserFromBackupKeys(app.store.folder.backupsDir, userId, app.log);
  app.sessions.endForUser(userId);
  return findUser(db, userId);
}

export async function enableUser(app: RecoupApp, userId: number, newPassword: string): Promise<UserSummary> {
  const db = app.store.db;
  const user = findUser(db, userId);
  if (user.active) throw new AppError('not_allowed', `${user.fullName} is already active.`);
  checkPasswordPolicy(db, newPassword, 'newPassword');
  await setPassword(app, { ...user, active: true }, newPassword, () => {
    db.prepare('UPDATE users SET active = 1, disabled_at = NULL, disabled_reason = NULL WHERE id = ?').run(userId);
  });
  return findUser(db, userId);
}

/** Active users by name, for choosing an assignee (every role may read it). */
export function userDirectory(db: Db): { id: number; fullName: string; role: Role }[] {
  return db.prepare(`SELECT id, full_name AS fullName, role FROM users WHERE active = 1 ORDER BY full_name`).all() as {
    id: number;
    fullName: string;
    role: Role;
  }[];
}

/** A user's full name (for audit details), or null when there is no such user. */
export function userFullName(db: Db, id: number): string | null {
  return (db.prepare('SELECT full_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

/** The first administrator, made with the store at set-up. */
export function insertFirstAdministrator(
  db: Db,
  u: { id: number; username: string; fullName: string },
  now: string,
): void {
  db.prepare(
    `INSERT INTO users (id, username, full_name, role, active, created_at, created_by, password_changed_at)
     VALUES (?, ?, ?, 'administrator', 1, ?, NULL, ?)`,
  ).run(u.id, u.username, u.fullName, now, now);
}

export function recordLogin(db: Db, userId: number, at: string): void {
  db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, userId);
}

// Changing the data key (when a person who held it leaves): the live database and every backup
// kept are re-encrypted under a new random key, and the new key is sealed to every remaining
// slot's public key (no one's password is needed; see keySlots.ts). All or nothing: everything is
// written and checked beside the store first (a staging folder in the data folder); only when all
// of it opens with the new key are the files renamed into place. SQLite3 Multiple Ciphers cannot
// rekey a database in WAL mode, so each copy is made (VACUUM INTO), switched to a rollback
// journal, rekeyed there (PRAGMA rekey), and opened again with the new key to check it.
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { keyFileFor, listBackups } from './backup';
import { openEncrypted } from './database';
import { checkIntegrity } from './integrity';
import { newDataKey, resealSlot, slotBelongsTo, writeKeyFile, type KeyFile, type KeySlot } from './keySlots';
import type { Store } from './store';

export interface DataKeyChange {
  /** Slots kept and resealed (active users' and the recovery key's). */
  slots: number;
  /** Slots dropped: users no longer active, or slots naming no user row. */
  dropped: number;
  /** Backups re-encrypted under the new key. */
  backups: string[];
}

/** Re-encrypts a database file in place from one key to another, then checks it opens with the new one. */
function reencrypt(file: string, from: Buffer, to: Buffer): void {
  const db = openEncrypted(file, from, { mustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey="x'${to.toString('hex')}'"`);
  } finally {
    db.close();
  }
  const check = openEncrypted(file, to, { mustExist: true, readonly: true });
  try {
    const report = checkIntegrity(check, 'quick');
    if (!report.ok) throw new Error(`${path.basename(file)} did not check out under the new key`);
  } finally {
    check.close();
  }
}

/** The slots that go on: the recovery key's, and each active user's own (bound to their row). */
function slotsToKeep(
  keys: KeyFile,
  activeUsers: { id: number; username: string }[],
): { keep: KeySlot[]; dropped: number } {
  const keep = keys.slots.filter((s) => s.kind === 'recovery' || activeUsers.some((u) => slotBelongsTo(s, u)));
  return { keep, dropped: keys.slots.length - keep.length };
}

export function changeDataKey(
  store: Store,
  activeUsers: { id: number; username: string; fullName: string }[],
  nowMs: number,
): DataKeyChange {
  const keys = store.readKeys();
  const { keep, dropped } = slotsToKeep(keys, activeUsers);
  // A slot from before format 2 has no public key to seal the new key to.
  const unsealable = keep.filter((s) => s.format !== 2);
  if (unsealable.length > 0) {
    const who = unsealable.map((s) =>
      s.kind === 'recovery'
        ? 'the recovery key (use it once)'
        : (activeUsers.find((u) => u.id === s.userId)?.fullName ?? s.username),
    );
    throw new AppError(
      'not_allowed',
      `The data key cannot be changed yet: ${who.join(', ')} must log in once first (or have their password reset), so their key slot can take a new key. Nothing was changed.`,
    );
  }

  const oldKey = store.currentKey();
  const newKey = newDataKey();
  const { folder } = store;
  const stage = path.join(folder.dir, `.rekey-${nowMs}`);
  const backups = listBackups(folder.backupsDir);
  let newKeys: KeyFile;
  try {
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { mode: 0o700 });
    newKeys = { ...keys, slots: keep.map((s) => resealSlot(keys, s, newKey)!) };
    store.db.prepare('VACUUM INTO ?').run(path.join(stage, 'recoup.db'));
    reencrypt(path.join(stage, 'recoup.db'), oldKey, newKey);
    for (const b of backups) {
      const staged = path.join(stage, b.fileName);
      copyFileSync(path.join(folder.backupsDir, b.fileName), staged);
      try {
        reencrypt(staged, oldKey, newKey);
      } catch (err) {
        throw new Error(`the backup ${b.fileName} could not be re-encrypted (${(err as Error).message})`);
      }
    }
    writeKeyFile(path.join(stage, 'recoup.keys.json'), newKeys);
    // VACUUM INTO and the copies are created with the process's default mode; they are renamed
    // into place below, so they must be the owner's alone before they are.
    for (const name of readdirSync(stage)) chmodSync(path.join(stage, name), 0o600);
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    oldKey.fill(0);
    newKey.fill(0);
    throw new AppError(
      'not_allowed',
      `The data key was not changed: ${(err as Error).message}. Nothing was changed; the store and its backups still use the current key.`,
    );
  }

  // Everything checked out: swap. The database and its key file go first (two renames, back to
  // back); then each backup with its key-file copy.
  try {
    store.close();
    for (const suffix of ['-wal', '-shm']) rmSync(folder.dbPath + suffix, { force: true });
    renameSync(path.join(stage, 'recoup.db'), folder.dbPath);
    writeKeyFile(folder.keyPath, newKeys);
    for (const b of backups) {
      const target = path.join(folder.backupsDir, b.fileName);
      renameSync(path.join(stage, b.fileName), target);
      writeKeyFile(keyFileFor(target), newKeys);
    }
    rmSync(stage, { recursive: true, force: true });
    store.open(newKey);
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
  }
  if (existsSync(stage)) rmSync(stage, { recursive: true, force: true });
  return { slots: keep.length, dropped, backups: backups.map((b) => b.fileName) };
}

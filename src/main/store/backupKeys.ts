// The key-file copies kept beside backups (recoup-<stamp>-<kind>.keys.json). They let a backup be
// opened on a rebuilt machine, so they follow the live key file where a person loses a way in: a
// disabled user's slot is removed from every copy, and a password reset replaces the user's slot
// in every copy that held one (the old password then opens none of them).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  readKeyFile,
  withoutUserSlot,
  withSlotReplaced,
  withUserSlot,
  writeKeyFile,
  type KeyFile,
  type KeySlot,
} from './keySlots';

function eachCopy(dir: string, log: (line: string) => void, change: (file: KeyFile) => KeyFile | null): number {
  if (!existsSync(dir)) return 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    // The backups folder cannot be listed (the daily backup reports why); the copies wait.
    log(`recoup: the key-file copies in ${dir} could not be listed: ${(err as Error).message}`);
    return 0;
  }
  let changed = 0;
  for (const name of names) {
    if (!name.endsWith('.keys.json') || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    try {
      const next = change(readKeyFile(p));
      if (next) {
        writeKeyFile(p, next);
        changed++;
      }
    } catch (err) {
      // A copy that cannot be read stays as it is; the live key file has already changed.
      log(`recoup: the key-file copy ${name} could not be updated: ${(err as Error).message}`);
    }
  }
  return changed;
}

/** Removes a user's slots from every key-file copy beside the backups. Returns how many changed. */
export function dropUserFromBackupKeys(dir: string, userId: number, log: (line: string) => void): number {
  return eachCopy(dir, log, (file) =>
    file.slots.some((s) => s.kind === 'user' && s.userId === userId) ? withoutUserSlot(file, userId) : null,
  );
}

/**
 * Puts a user's new slot in place of their old one in every copy that held one. A copy from
 * another store (a different store id) is left alone: the slot is bound to its own store.
 */
export function replaceUserInBackupKeys(dir: string, slot: KeySlot, log: (line: string) => void): number {
  return eachCopy(dir, log, (file) =>
    file.slots.some((s) => s.kind === 'user' && s.userId === slot.userId) ? withUserSlot(file, slot) : null,
  );
}

/**
 * A format-1 slot was rewrapped as format 2: every copy of this store's key file that holds the
 * old slot gets the new one in its place, so no format-1 slot of an upgraded owner is left beside
 * the backups to be copied back (and relabelled). The backups are under the same data key (a key
 * change re-encrypts them all and rewrites every copy), so the new slot opens them as the old did.
 */
export function replaceSlotInBackupKeys(
  dir: string,
  storeId: string,
  oldId: string,
  slot: KeySlot,
  log: (line: string) => void,
): number {
  return eachCopy(dir, log, (file) =>
    file.storeId === storeId && file.slots.some((s) => s.id === oldId && s.format !== 2)
      ? withSlotReplaced(file, oldId, slot)
      : null,
  );
}

/**
 * Every copy of this store's key file loses the format-1 slots whose owner already has a format-2
 * slot in the live key file (the same user id, or the recovery slot): that slot takes their place.
 * Run at each opening of the store, so copies made before their owner's upgrade (or before
 * Recoup kept copies in step) do not keep an unbound slot to copy back and relabel.
 */
export function upgradeBackupKeys(dir: string, live: KeyFile, log: (line: string) => void): number {
  const bound = live.slots.filter((s) => s.format === 2);
  return eachCopy(dir, log, (file) => {
    if (file.storeId !== live.storeId) return null;
    let changed = false;
    const slots: KeySlot[] = [];
    for (const s of file.slots) {
      const owner =
        s.format === 2
          ? undefined
          : bound.find((l) => l.kind === s.kind && (s.kind === 'recovery' || l.userId === s.userId));
      if (owner) changed = true;
      const kept = owner ?? s;
      if (!slots.some((x) => x.id === kept.id)) slots.push(kept);
    }
    return changed ? { ...file, slots } : null;
  });
}

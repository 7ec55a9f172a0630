// The database's record of the key file's format-1 slots. A format-1 slot's GCM tag binds only the
// store and the slot id, not its kind, user id or user name: a person who can edit the key file
// (or copy a slot from a key-file copy beside the backups) could relabel their own format-1 slot as
// an administrator's, or as the recovery slot, and their own password would then open it "as" that
// person. The key file is not encrypted, so it cannot vouch for itself; the database can, but it
// is readable only after a slot opened. So: after a format-1 slot opens, and before its kind and
// owner are believed, the encrypted database is asked which slot this exactly is (its fingerprint:
// a hash of its wrapped key, salt, iv and tag together with its kind, user id and user name). A
// slot whose fingerprint is not recorded is refused.
//
// The record is made at the first opening of a store that has none (a store written before this
// check): every format-1 slot found in the key file at that moment is recorded as it is. A slot
// relabelled before that first opening would be recorded too (docs/security.md, Known limits). A
// slot rewrapped as format 2 leaves the record, and so does any slot no longer in the key file (a
// password changed or reset, a user disabled), so an old slot put back never opens again.
import { createHash } from 'node:crypto';
import type { Db } from './database';
import type { KeyFile, KeySlot } from './keySlots';
import { readMeta, writeMeta } from './meta';

/** meta key: JSON object, slot id → fingerprint, of the format-1 slots the store trusts. */
export const FORMAT1_SLOTS = 'key_slots_format1';
/** meta key set once every slot of the key file binds its owner (format 2): format 1 is refused. */
export const SLOTS_BOUND = 'key_slots_bound';

/** A format-1 slot's identity: everything that opens it and everything it claims. */
export function slotFingerprint(storeId: string, slot: KeySlot): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        'recoup-slot-v1',
        storeId,
        slot.id,
        slot.kind,
        slot.userId,
        slot.username,
        slot.kdf.salt,
        slot.kdf.N,
        slot.kdf.r,
        slot.kdf.p,
        slot.iv,
        slot.tag,
        slot.wrappedKey,
      ]),
    )
    .digest('hex');
}

function readRecord(db: Db): Record<string, string> | null {
  const raw = readMeta(db, FORMAT1_SLOTS);
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string>;
  } catch {
    // an unreadable record trusts nothing
  }
  return {};
}

function writeRecord(db: Db, record: Record<string, string>): void {
  writeMeta(db, FORMAT1_SLOTS, JSON.stringify(record));
}

/**
 * Makes the record when the store has none: every format-1 slot of the key file, as found. A
 * store that records every slot as bound needs none (format 1 is refused there).
 */
export function ensureSlotRecord(db: Db, keys: KeyFile): void {
  if (readMeta(db, SLOTS_BOUND) !== null || readRecord(db) !== null) return;
  const record: Record<string, string> = {};
  for (const s of keys.slots) if (s.format !== 2) record[s.id] = slotFingerprint(keys.storeId, s);
  writeRecord(db, record);
}

/**
 * Whether a slot that opened may be believed about its kind and owner. Format 2: its tag vouches
 * for them. Format 1: only when the store has not recorded every slot as bound and its exact
 * fingerprint is in the record (made now, as found, when the store has none yet).
 */
export function slotTrusted(db: Db, keys: KeyFile, slot: KeySlot): boolean {
  if (slot.format === 2) return true;
  if (readMeta(db, SLOTS_BOUND) !== null) return false;
  ensureSlotRecord(db, keys);
  const record = readRecord(db) ?? {};
  return record[slot.id] === slotFingerprint(keys.storeId, slot);
}

/**
 * The same question put to a database that must not be written (a backup chosen to restore over a
 * damaged store): a backup with no record (made before there was one) cannot tell, and is believed.
 */
export function slotTrustedBy(db: Db, keys: KeyFile, slot: KeySlot): boolean {
  if (slot.format === 2) return true;
  if (readMeta(db, SLOTS_BOUND) !== null) return false;
  const record = readRecord(db);
  return record === null || record[slot.id] === slotFingerprint(keys.storeId, slot);
}

/** A format-1 slot was rewrapped as format 2: it is never accepted again. */
export function forgetSlot(db: Db, slotId: string): void {
  const record = readRecord(db);
  if (!record || !(slotId in record)) return;
  delete record[slotId];
  writeRecord(db, record);
}

/**
 * Drops from the record every slot the key file no longer holds as format 1 (a password changed or
 * reset, a user disabled, a slot upgraded). Only ever removes: the key file cannot add to it.
 */
export function pruneSlotRecord(db: Db, keys: KeyFile): void {
  const record = readRecord(db);
  if (!record) return;
  const present = new Set(keys.slots.filter((s) => s.format !== 2).map((s) => s.id));
  let changed = false;
  for (const id of Object.keys(record)) {
    if (!present.has(id)) {
      delete record[id];
      changed = true;
    }
  }
  if (changed) writeRecord(db, record);
}

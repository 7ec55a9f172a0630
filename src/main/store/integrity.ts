// Damage to the database: how it is found, named and set aside.
//
// The store is SQLCipher 4 (cipher 'sqlcipher', legacy 4): every 4 KiB page carries an
// HMAC-SHA512 over its ciphertext. A changed byte anywhere in a page makes that page fail its
// HMAC when it is read: page 1 (the header) fails the key check at open (SQLITE_NOTADB, which
// reads the same as a wrong key); any other page fails only when something reads it
// (SQLITE_CORRUPT, "unable to get the page. error code=11" in an integrity check). A query that
// never touches the page goes on working, which is how damage went unnoticed.
//
// So the check at open is PRAGMA quick_check: it reads every page of every table and index
// (every HMAC is checked), which is what finds flipped bytes; integrity_check adds the
// index-against-table comparison, which damage to an HMAC-checked page cannot reach unnoticed.
// Measured on the 2-core build machine: the demo store (400 guarantors, 1.4 MB) 17-24 ms for
// quick_check, 22-32 ms for integrity_check; ten times the demo (4,000 guarantors, 10.7 MB)
// 270-300 ms and 420-480 ms. quick_check costs about two thirds of the full check and finds the
// same flipped bytes, so it is the one every log-in that opens the store pays for; the full check
// runs on demand from the backup screen and on every backup chosen for a restore.
import { chmodSync, existsSync, renameSync } from 'node:fs';
import type { Db } from './database';

export interface IntegrityReport {
  ok: boolean;
  /** What SQLite reported (at most 20 lines); empty when ok. */
  problems: string[];
  mode: 'quick' | 'full';
  ms: number;
}

/** The sentence a person reads when the database is damaged. */
export function damagedMessage(dir: string): string {
  return `The database in ${dir} is damaged: part of it can no longer be read. Recoup has stopped using it, so nothing more is written to it. An administrator, or anyone with the recovery key, can restore a backup from this screen; the damaged file is set aside untouched for your IT staff.`;
}

/** Whether an error from SQLite means the file cannot be read as a database (damage). */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function checkIntegrity(db: Db, mode: 'quick' | 'full'): IntegrityReport {
  const started = performance.now();
  let rows: string[];
  try {
    rows = (db.pragma(mode === 'full' ? 'integrity_check(20)' : 'quick_check(20)') as Record<string, string>[]).map(
      (r) => String(Object.values(r)[0]),
    );
  } catch (err) {
    if (!isDamageError(err)) throw err;
    rows = [(err as Error).message];
  }
  const ok = rows.length === 1 && rows[0] === 'ok';
  return { ok, problems: ok ? [] : rows, mode, ms: Math.round(performance.now() - started) };
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * Renames the damaged database (and its -wal and -shm beside it) to recoup.db.damaged-<time>,
 * owner-only, without opening or changing a byte. Returns the new path of the database file.
 */
export function setAsideDamaged(dbPath: string, nowMs: number): string {
  let target = `${dbPath}.damaged-${stamp(nowMs)}`;
  for (let n = 2; existsSync(target); n++) target = `${dbPath}.damaged-${stamp(nowMs)}-${n}`;
  renameSync(dbPath, target);
  chmodSync(target, 0o600);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) {
      renameSync(dbPath + suffix, target + suffix);
      chmodSync(target + suffix, 0o600);
    }
  }
  return target;
}

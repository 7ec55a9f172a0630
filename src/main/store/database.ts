// Opens the encrypted database. Sequence (after Signal's openAndSetUpSQLCipher): cipher settings,
// the raw 256-bit key, a read of sqlite_master to prove the key, then WAL, foreign keys, a large
// page cache (encrypted reads cost several times more without one) and a busy timeout.
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'wrong_key' | 'database_corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  /** Open an existing file only; never create one. */
  mustExist?: boolean;
  readonly?: boolean;
  /** Page cache size in KiB (negative PRAGMA cache_size); default 64 MiB. */
  cacheKiB?: number;
}

export function applyCipherKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes.');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, {
      fileMustExist: options.mustExist ?? false,
      readonly: options.readonly ?? false,
      // The desktop app runs on Electron's ABI and loads the driver built for it (npm run rebuild:electron).
      ...(process.env.RECOUP_NATIVE_BINDING ? { nativeBinding: process.env.RECOUP_NATIVE_BINDING } : {}),
    });
  } catch (err) {
    throw new DatabaseOpenError('database_corrupt', `The database file cannot be opened: ${(err as Error).message}`);
  }
  try {
    applyCipherKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('wrong_key', 'The key file does not open this database.');
    }
    throw new DatabaseOpenError('database_corrupt', `The database cannot be read: ${(err as Error).message}`);
  }
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${options.cacheKiB ?? 65536}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Sets SQLite's page cache to `kib` KiB for a batch over a large book (the import, a large 835, the
 * statement run): each page it reads or writes is decrypted, and at commit encrypted, once rather
 * than again each time the cache spills it or it is read back. Answers the function that sets the
 * cache back. A cache as large already is left as it is.
 */
export function largerPageCache(db: Db, kib: number): () => void {
  const before = db.pragma('cache_size', { simple: true }) as number;
  // A negative size is in KiB (as this app sets it); a positive one in pages.
  const beforeKib = before < 0 ? -before : (before * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (beforeKib >= kib) return () => undefined;
  db.pragma(`cache_size = -${kib}`);
  return () => {
    db.pragma(`cache_size = ${before}`);
  };
}

/** Opens a plain (unencrypted) database; used only by the benchmark's encrypted-vs-plain ratio. */
export function openPlain(path: string): Db {
  const db = new Database(
    path,
    process.env.RECOUP_NATIVE_BINDING ? { nativeBinding: process.env.RECOUP_NATIVE_BINDING } : {},
  );
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('synchronous = NORMAL');
  return db;
}

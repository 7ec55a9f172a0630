// The encrypted store as one object: the data folder, its key file, and the open database.
// The database stays closed until a user's password (or the recovery key) unwraps the data key.
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StoreProblem } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { keyFileFor, listBackups, writeBackup } from './backup';
import { checkIntegrity, damagedMessage, isDamageError, setAsideDamaged, type IntegrityReport } from './integrity';
import { DatabaseOpenError, openEncrypted, type Db } from './database';
import { inspectDataFolder, type DataFolder, type FolderState } from './dataFolder';
import { readKeyFile, writeKeyFile, type KeyFile } from './keySlots';
import { LATEST_VERSION, migrate, NewerDatabaseError, schemaVersion } from './migrations';
import { pruneSlotRecord } from './slotRecord';

/**
 * The files this process found sound at open, and the business day it checked them: the check at
 * open reads every page (seconds on a large store), and the store reopens whenever the last session
 * ends, so it runs at the first open of each business day and is skipped at later opens of the same
 * file (the same path and inode: a restored or re-keyed file is a new one) that day. Damage found
 * by anything (a call, the check on demand) drops the record, so the next open checks again.
 */
const checkedAtOpen = new Map<string, { day: string; ino: number }>();

function fileIno(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}

export class Store {
  private database: Db | null = null;
  private opened = 0;
  private dataKey: Buffer | null = null;
  /**
   * A problem found while opening (wrong key, damaged or newer database), kept until the files
   * in the data folder change (the administrator put back the right ones) or the app restarts.
   */
  private openProblem: StoreProblem | null = null;
  private problemFiles = '';

  private filesSignature(): string {
    return [this.folder.dbPath, this.folder.keyPath]
      .map((p) => {
        try {
          const st = statSync(p);
          return `${st.size}:${st.mtimeMs}`;
        } catch {
          return 'missing';
        }
      })
      .join('|');
  }

  private setProblem(problem: StoreProblem): void {
    this.openProblem = problem;
    this.problemFiles = this.filesSignature();
  }

  constructor(
    readonly folder: DataFolder,
    /** The business day, for the integrity check at open (once a day per file and process). */
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** Whether this process already found this very file sound at an open today. */
  private checkedToday(): boolean {
    const seen = checkedAtOpen.get(this.folder.dbPath);
    return seen !== undefined && seen.day === this.today() && seen.ino === fileIno(this.folder.dbPath);
  }

  private recordChecked(): void {
    const ino = fileIno(this.folder.dbPath);
    if (ino !== null) checkedAtOpen.set(this.folder.dbPath, { day: this.today(), ino });
  }

  /** How many times the check at open ran (tests and the performance notes). */
  integrityChecksAtOpen = 0;

  state(): FolderState {
    if (this.openProblem && this.filesSignature() !== this.problemFiles) this.openProblem = null;
    if (this.openProblem) return { state: 'store_problem', problem: this.openProblem };
    if (this.database) return { state: 'ready' };
    return inspectDataFolder(this.folder);
  }

  /** Counts the times the store was opened (a restore reopens it): state kept per opening resets. */
  get generation(): number {
    return this.opened;
  }

  get isOpen(): boolean {
    return this.database !== null;
  }

  /** The open database; callers that reach here hold a session, so the store is open. */
  get db(): Db {
    if (!this.database) throw new AppError('not_logged_in', 'Log in to open the store.');
    return this.database;
  }

  /** A copy of the open store's data key, to wrap into a new slot. */
  currentKey(): Buffer {
    if (!this.dataKey) throw new AppError('not_logged_in', 'Log in to open the store.');
    return Buffer.from(this.dataKey);
  }

  readKeys(): KeyFile {
    return readKeyFile(this.folder.keyPath);
  }

  writeKeys(file: KeyFile): void {
    writeKeyFile(this.folder.keyPath, file);
    // A format-1 slot no longer in the key file (replaced, upgraded, removed) is never trusted again.
    if (this.database) pruneSlotRecord(this.database, file);
  }

  /** Opens the database with a data key unwrapped from a slot, and brings its schema up to date. */
  open(dataKey: Buffer): void {
    if (this.database) {
      if (this.dataKey && this.dataKey.equals(dataKey)) return;
      throw new AppError('store_error', 'The store is already open with another key.');
    }
    let db: Db;
    try {
      db = openEncrypted(this.folder.dbPath, dataKey, { mustExist: true });
    } catch (err) {
      if (err instanceof DatabaseOpenError) {
        // The first page failing its check reads the same as a wrong key. When a backup beside it
        // opens with this key, the key is right and the database's first page is damaged.
        if (err.kind === 'database_corrupt' || this.backupOpensWith(dataKey)) {
          this.damageFound(err.message);
        } else {
          this.setProblem({
            kind: 'wrong_key',
            dataDir: this.folder.dir,
            message: `The key file in ${this.folder.dir} does not open the database beside it. Either they come from different stores (put back the matching pair), or the start of the database is damaged and no backup is there to tell which. Nothing was changed.`,
          });
        }
        throw new AppError('store_error', this.openProblem!.message);
      }
      throw err;
    }
    // Every page is read and its HMAC checked before anything is written: damage anywhere in the
    // file is found here, not weeks later by the call that happens to read it (docs/security.md).
    // Once per business day per file and process (checkedAtOpen): later damage met by a call
    // still stops the store through noticeDamage.
    if (!this.checkedToday()) {
      this.integrityChecksAtOpen++;
      const check = checkIntegrity(db, 'quick');
      if (!check.ok) {
        db.close();
        this.damageFound(check.problems[0] ?? 'the integrity check failed');
        throw new AppError('store_error', this.openProblem!.message);
      }
      this.recordChecked();
    }
    try {
      migrate(db);
    } catch (err) {
      db.close();
      if (err instanceof NewerDatabaseError) {
        this.setProblem({ kind: 'database_newer', dataDir: this.folder.dir, message: err.message });
        throw new AppError('store_error', err.message);
      }
      throw err;
    }
    this.database = db;
    this.dataKey = Buffer.from(dataKey);
    this.opened++;
  }

  /** Whether any backup beside the database opens with this key (the key is this store's). */
  private backupOpensWith(key: Buffer): boolean {
    for (const b of listBackups(this.folder.backupsDir)) {
      try {
        openEncrypted(path.join(this.folder.backupsDir, b.fileName), key, { mustExist: true, readonly: true }).close();
        return true;
      } catch {
        // another store's, or damaged too: try the next
      }
    }
    return false;
  }

  /** Names the damage as the store's problem; the database is closed and stays closed. */
  private damageFound(detail: string): void {
    checkedAtOpen.delete(this.folder.dbPath);
    this.closeDatabase();
    this.setProblem({
      kind: 'database_corrupt',
      dataDir: this.folder.dir,
      message: damagedMessage(this.folder.dir),
      detail,
    });
  }

  /**
   * A call failed because the database could not be read (SQLITE_CORRUPT, SQLITE_NOTADB): the store
   * is damaged. It is closed at once (nothing more is written to it) and the problem named; the
   * caller gets the same plain sentence. Any other error: null.
   */
  noticeDamage(err: unknown): AppError | null {
    if (!isDamageError(err)) return null;
    if (this.database) this.damageFound((err as Error).message);
    return new AppError('store_error', damagedMessage(this.folder.dir));
  }

  /** The damage problem, when the store has one (restore from the problem screen needs it). */
  get damaged(): boolean {
    return this.state().state === 'store_problem' && this.openProblem?.kind === 'database_corrupt';
  }

  /** Checks the open database on demand (the backup screen): every page, and with `full`, every index against its table. */
  check(full: boolean): IntegrityReport {
    const report = checkIntegrity(this.db, full ? 'full' : 'quick');
    if (!report.ok) this.damageFound(report.problems[0] ?? 'the integrity check failed');
    else this.recordChecked();
    return report;
  }

  /** Creates a new store: the folder (when allowed), the database with its schema, and the key file. */
  create(dataKey: Buffer, keys: KeyFile, seed: (db: Db) => void): void {
    const state = inspectDataFolder(this.folder);
    if (state.state !== 'needs_setup') throw new AppError('not_allowed', 'This data folder already holds a store.');
    mkdirSync(this.folder.dir, { recursive: true, mode: 0o700 });
    let db: Db | null = null;
    try {
      db = openEncrypted(this.folder.dbPath, dataKey);
      migrate(db);
      db.transaction(() => seed(db!))();
      writeKeyFile(this.folder.keyPath, keys);
      db.close();
      db = null;
      // SQLite creates the database with the default mode; it is the owner's alone.
      chmodSync(this.folder.dbPath, 0o600);
    } catch (err) {
      db?.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.folder.dbPath + suffix, { force: true });
      rmSync(this.folder.keyPath, { force: true });
      throw err;
    }
  }

  close(): void {
    this.closeDatabase();
  }

  private closeDatabase(): void {
    try {
      this.database?.close();
    } catch {
      // a damaged database may fail its checkpoint on close; it is closed all the same
    }
    this.database = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
  }

  backup(kind: 'manual' | 'daily' | 'before-restore', nowMs: number) {
    return writeBackup(this.db, this.folder.backupsDir, this.folder.keyPath, kind, nowMs);
  }

  listBackups() {
    return listBackups(this.folder.backupsDir);
  }

  /**
   * Opens a backup read-only with a key and checks it fully before it may replace anything: the
   * key opens it, its schema is not newer, and every page and index is sound.
   */
  verifyBackup(fileName: string, key: Buffer, inspect?: (db: Db) => void): string {
    const source = path.join(this.folder.backupsDir, path.basename(fileName));
    if (path.basename(fileName) !== fileName || !existsSync(source))
      throw new AppError('not_found', `There is no backup named ${fileName}.`);
    let check: Db;
    try {
      check = openEncrypted(source, key, { mustExist: true, readonly: true });
    } catch {
      throw new AppError(
        'not_allowed',
        `${fileName} cannot be opened with this store's key: it belongs to another store or is damaged.`,
      );
    }
    try {
      if (schemaVersion(check) > LATEST_VERSION)
        throw new AppError('not_allowed', `${fileName} was written by a newer version of Recoup.`);
      const report = checkIntegrity(check, 'full');
      if (!report.ok) throw new AppError('not_allowed', `${fileName} is damaged too; choose another backup.`);
      inspect?.(check);
    } finally {
      check.close();
    }
    return source;
  }

  /** Puts a verified backup in place of the database file (copied beside it, then renamed over). */
  private putInPlace(source: string): void {
    for (const suffix of ['-wal', '-shm']) rmSync(this.folder.dbPath + suffix, { force: true });
    const staged = `${this.folder.dbPath}.restoring`;
    copyFileSync(source, staged);
    chmodSync(staged, 0o600);
    renameSync(staged, this.folder.dbPath);
  }

  /**
   * Replaces the database with a backup. The backup is first opened and checked with the current
   * data key; the current database is kept aside as a 'before-restore' backup until the restored
   * one opens, and put back if it does not. When the current database cannot be copied (it is
   * damaged after all), it is set aside untouched instead, as from the problem screen.
   */
  restore(fileName: string, nowMs: number): { keptAside: string } {
    if (!this.database || !this.dataKey) throw new AppError('not_logged_in', 'Log in to restore.');
    const key = Buffer.from(this.dataKey);
    try {
      const source = this.verifyBackup(fileName, key);
      let aside: { fileName: string; path: string; kind: 'backup' | 'set-aside' };
      try {
        const b = this.backup('before-restore', nowMs);
        aside = { fileName: b.fileName, path: path.join(this.folder.backupsDir, b.fileName), kind: 'backup' };
      } catch (err) {
        if (!isDamageError(err)) throw err;
        this.closeDatabase();
        const moved = setAsideDamaged(this.folder.dbPath, nowMs);
        aside = { fileName: path.basename(moved), path: moved, kind: 'set-aside' };
      }
      this.closeDatabase();
      this.putInPlace(source);
      try {
        this.open(key);
      } catch (err) {
        this.openProblem = null;
        if (aside.kind === 'backup') this.putInPlace(aside.path);
        else renameSync(aside.path, this.folder.dbPath);
        this.open(key);
        throw new AppError(
          'not_allowed',
          `The restored database did not open (${(err as Error).message}); the previous one was put back.`,
        );
      }
      return { keptAside: aside.fileName };
    } finally {
      key.fill(0);
    }
  }

  /**
   * Restore from the problem screen, with no one logged in: the key comes from a slot the caller
   * opened (an administrator's password or the recovery key). The backup is verified first; only
   * then is the damaged database (with its -wal and -shm) renamed aside with a timestamp, never
   * opened or changed, and the backup put in its place. The store is left open with the key.
   */
  restoreOverDamage(fileName: string, key: Buffer, nowMs: number): { setAside: string } {
    if (!this.damaged)
      throw new AppError('not_allowed', 'The database is not damaged; log in and restore from Backups.');
    const source = this.verifyBackup(fileName, key);
    const moved = setAsideDamaged(this.folder.dbPath, nowMs);
    this.putInPlace(source);
    this.openProblem = null;
    try {
      this.open(key);
    } catch (err) {
      // Leave things as they were: the damaged file back in place, and the problem named again.
      rmSync(this.folder.dbPath, { force: true });
      renameSync(moved, this.folder.dbPath);
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(moved + suffix)) renameSync(moved + suffix, this.folder.dbPath + suffix);
      this.damageFound((err as Error).message);
      throw new AppError(
        'not_allowed',
        `The restored database did not open (${(err as Error).message}); nothing was changed.`,
      );
    }
    return { setAside: path.basename(moved) };
  }
}

export { keyFileFor };

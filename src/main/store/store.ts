// The encrypted store as one object: the data folder, its key file, and the open database.
// The database stays closed until a user's password (or the recovery key) unwraps the data key.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StoreProblem } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { keyFileFor, listBackups, writeBackup } from './backup';
import { DatabaseOpenError, openEncrypted, type Db } from './database';
import { inspectDataFolder, type DataFolder, type FolderState } from './dataFolder';
import { readKeyFile, writeKeyFile, type KeyFile } from './keySlots';
import { LATEST_VERSION, migrate, NewerDatabaseError, schemaVersion } from './migrations';

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

  constructor(readonly folder: DataFolder) {}

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
        this.setProblem({
          kind: err.kind,
          dataDir: this.folder.dir,
          message:
            err.kind === 'wrong_key'
              ? `The key file in ${this.folder.dir} does not open the database beside it. They come from different stores; put back the matching pair. Nothing was changed.`
              : `The database in ${this.folder.dir} is damaged (${err.message}). Restore it from a backup.`,
        });
        throw new AppError('store_error', this.openProblem!.message);
      }
      throw err;
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
    } catch (err) {
      db?.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(this.folder.dbPath + suffix, { force: true });
      rmSync(this.folder.keyPath, { force: true });
      throw err;
    }
  }

  close(): void {
    this.database?.close();
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
   * Replaces the database with a backup. The backup is first opened and checked with the current
   * data key; the current database is kept aside as a 'before-restore' backup until the restored
   * one opens, and put back if it does not.
   */
  restore(fileName: string, nowMs: number): { keptAside: string } {
    if (!this.database || !this.dataKey) throw new AppError('not_logged_in', 'Log in to restore.');
    const source = path.join(this.folder.backupsDir, fileName);
    if (!existsSync(source)) throw new AppError('not_found', `There is no backup named ${fileName}.`);
    const key = Buffer.from(this.dataKey);
    try {
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
        const version = schemaVersion(check);
        if (version > LATEST_VERSION)
          throw new AppError('not_allowed', `${fileName} was written by a newer version of Recoup.`);
        const ok = check.pragma('quick_check', { simple: true });
        if (ok !== 'ok') throw new AppError('not_allowed', `${fileName} is damaged (${String(ok)}).`);
      } finally {
        check.close();
      }

      const aside = this.backup('before-restore', nowMs);
      const asidePath = path.join(this.folder.backupsDir, aside.fileName);
      this.close();
      for (const suffix of ['-wal', '-shm']) rmSync(this.folder.dbPath + suffix, { force: true });
      const staged = `${this.folder.dbPath}.restoring`;
      copyFileSync(source, staged);
      renameSync(staged, this.folder.dbPath);
      try {
        this.open(key);
      } catch (err) {
        this.openProblem = null;
        copyFileSync(asidePath, `${this.folder.dbPath}.restoring`);
        renameSync(`${this.folder.dbPath}.restoring`, this.folder.dbPath);
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
}

export { keyFileFor };

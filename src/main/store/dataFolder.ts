// Where the database, its key slots and its backups live, and what state that folder is in.
// A missing, unreadable or mismatched folder is reported as a typed problem for a clear screen;
// nothing here ever creates a new empty database over an old one.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { StoreProblem } from '../../shared/contract';
import { KEY_FILE_NAME, KeyFileError, readKeyFile } from './keySlots';

export const DATABASE_FILE_NAME = 'recoup.db';
export const BACKUPS_DIR_NAME = 'backups';

export interface DataFolder {
  dir: string;
  /** Set explicitly (RECOUP_DATA_DIR): a missing folder is then a problem, not a first run. */
  explicit: boolean;
  dbPath: string;
  keyPath: string;
  backupsDir: string;
}

export function dataFolder(dir: string, explicit: boolean): DataFolder {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    explicit,
    dbPath: path.join(abs, DATABASE_FILE_NAME),
    keyPath: path.join(abs, KEY_FILE_NAME),
    backupsDir: path.join(abs, BACKUPS_DIR_NAME),
  };
}

/** The per-user application data folder, as Electron's app.getPath('userData') would give it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'Recoup');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Recoup');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'Recoup');
}

export function resolveDataFolder(env: NodeJS.ProcessEnv = process.env): DataFolder {
  const given = env.RECOUP_DATA_DIR;
  return given ? dataFolder(given, true) : dataFolder(defaultDataDir(env), false);
}

export type FolderState =
  { state: 'needs_setup' } | { state: 'ready' } | { state: 'store_problem'; problem: StoreProblem };

function problem(folder: DataFolder, kind: StoreProblem['kind'], message: string): FolderState {
  return { state: 'store_problem', problem: { kind, message, dataDir: folder.dir } };
}

export function inspectDataFolder(folder: DataFolder): FolderState {
  if (!existsSync(folder.dir)) {
    if (!folder.explicit) return { state: 'needs_setup' };
    return problem(
      folder,
      'data_dir_missing',
      `The data folder ${folder.dir} does not exist. If it is on a drive that is not connected, connect it and try again; to start a new store there, create the empty folder first.`,
    );
  }
  try {
    if (!statSync(folder.dir).isDirectory()) {
      return problem(folder, 'data_dir_unreadable', `${folder.dir} is a file, not a folder.`);
    }
    accessSync(folder.dir, constants.R_OK | constants.W_OK | constants.X_OK);
    readdirSync(folder.dir);
  } catch {
    return problem(
      folder,
      'data_dir_unreadable',
      `Recoup cannot read and write the data folder ${folder.dir}. Ask your administrator to check its permissions.`,
    );
  }
  const hasDb = existsSync(folder.dbPath);
  const hasKeys = existsSync(folder.keyPath);
  if (!hasDb && !hasKeys) return { state: 'needs_setup' };
  if (hasDb && !hasKeys) {
    return problem(
      folder,
      'key_file_missing',
      `The database is in ${folder.dir} but its key file (${KEY_FILE_NAME}) is not. Put the key file back beside the database; Recoup will not start a new store over this one.`,
    );
  }
  if (!hasDb) {
    return problem(
      folder,
      'database_missing',
      `The key file is in ${folder.dir} but the database (${DATABASE_FILE_NAME}) is not. Copy the database back, or a backup from the backups folder renamed to ${DATABASE_FILE_NAME}.`,
    );
  }
  try {
    readKeyFile(folder.keyPath);
  } catch (err) {
    const why = err instanceof KeyFileError ? err.message : 'It cannot be read.';
    return problem(
      folder,
      'key_file_unreadable',
      `${why} Restore ${KEY_FILE_NAME} from a backup copy; the database is untouched.`,
    );
  }
  return { state: 'ready' };
}

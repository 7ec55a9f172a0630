// Encrypted backups. SQLite3 Multiple Ciphers refuses the online backup API between an encrypted
// source and a new target ("incompatible source and target databases"), so a backup is written
// with VACUUM INTO, which produces a consistent, compacted copy encrypted with the same cipher and
// data key. The key file is copied beside it so a backup can be opened on a rebuilt machine.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_PATTERN, type BackupInfo } from '../../shared/schemas/backup';
import type { Db } from './database';
import { recordBackupHead, removeHeadFile } from '../platform/auditHeads';

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function keyFileFor(backupPath: string): string {
  return backupPath.replace(/\.db$/, '.keys.json');
}

function backupInfo(dir: string, fileName: string): BackupInfo | null {
  const m = /^recoup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-(manual|daily|before-restore)\.db$/.exec(
    fileName,
  );
  if (!m || !BACKUP_FILE_PATTERN.test(fileName)) return null;
  const [, y, mo, d, h, mi, s, kind] = m;
  return {
    fileName,
    createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`,
    kind: kind as BackupInfo['kind'],
    sizeBytes: statSync(path.join(dir, fileName)).size,
  };
}

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => backupInfo(dir, f))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

export function writeBackup(db: Db, dir: string, keyPath: string, kind: BackupInfo['kind'], nowMs: number): BackupInfo {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let name = `recoup-${stamp(nowMs)}-${kind}.db`;
  for (let n = 2; existsSync(path.join(dir, name)); n++) name = `recoup-${stamp(nowMs)}-${n}-${kind}.db`;
  const target = path.join(dir, name);
  const partial = path.join(dir, `.partial-${name}`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    // VACUUM INTO creates the file with the default mode; a backup is the owner's alone.
    chmodSync(partial, 0o600);
    copyFileSync(keyPath, keyFileFor(target));
    chmodSync(keyFileFor(target), 0o600);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    rmSync(keyFileFor(target), { force: true });
    throw err;
  }
  // HP-01: the audit chain's head this copy was made at, beside it and (the day's first) in the
  // data folder, where verification compares the chain with it (platform/auditHeads.ts).
  recordBackupHead(db, target, path.dirname(keyPath), nowMs);
  return backupInfo(dir, name)!;
}

/**
 * Removes the oldest manual and daily backups beyond `keep` (with their key-file copies). The
 * copies kept aside at a restore are never removed automatically. Returns what was removed.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dir)
    .filter((x) => x.kind !== 'before-restore')
    .slice(keep)) {
    const p = path.join(dir, b.fileName);
    rmSync(p, { force: true });
    rmSync(keyFileFor(p), { force: true });
    removeHeadFile(p); // HP-01: its head file goes with it; the day's head stays in the heads file
    removed.push(b.fileName);
  }
  return removed;
}

// HP-01 integrity: where the audit chain's head is known besides the store itself. The chain's own
// hashes prove only that it is consistent with itself: whoever holds the data key can rewrite
// events, recompute every hash and the head in `meta`, or cut the newest events off. So every
// backup records the head it was made at, in three places the live database does not hold:
// - inside the backup (its copy of `meta`, as the copy was made);
// - beside it, `<backup>.audit-head.json` (readable without opening the backup);
// - for each day's first backup, one line of the data folder's `recoup.audit-heads.json`, which
//   outlives the backups pruned by the keep-N policy.
// verifyAuditHeads compares the chain with every one of them: a head past the chain's end is a
// truncation, a head whose hash differs from the chain's at that id is a rewrite, each named by
// the backup that recorded it.
//
// A restore (from Backups, or from the damaged-store problem screen) puts back an older trail, so
// heads recorded before it legitimately disagree. A restore event in the trail cannot excuse that
// by itself (it is a row anyone with the data key can write), so every restore also appends a
// record to the heads file, outside the encrypted store: when, which backup, the head before it
// (null when the damaged database could not be read) and after it (the restore's own event).
// Only a head recorded at or before a restore the heads file records is "superseded"; that
// record's own head is compared with the chain like any other, and a restore event dated in the
// future fails verification.
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AuditHeadCheck, AuditVerification } from '../../shared/schemas/audit';
import { openEncrypted, type Db } from '../store/database';
import { chainHead, verifyAuditChain, type ChainHead } from './auditTrail';

export const HEADS_FILE_NAME = 'recoup.audit-heads.json';
const BESIDE_SUFFIX = '.audit-head.json';

const headFields = {
  backup: z.string().min(1).max(200),
  recordedAt: z.string().min(1).max(40),
  eventId: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().min(0),
};
const besideFile = z.object({ format: z.literal('recoup-audit-head'), version: z.literal(1), ...headFields });
const headAt = z.object({ eventId: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
/** The audit channels whose ok event is a restore (each also records itself in the heads file). */
export const RESTORE_CHANNELS = ['backup:restore', 'store:restore'] as const;
const restoreRecord = z.object({
  at: z.string().min(1).max(40),
  channel: z.enum(RESTORE_CHANNELS),
  restoredFrom: z.string().min(1).max(200),
  /** The trail's head before the restore; null when the database replaced was damaged (unread). */
  before: headAt.nullable(),
  /** The head after: the restore's own event in the restored trail. */
  after: headAt,
});
type RestoreRecord = z.infer<typeof restoreRecord>;
// Version 2 adds the restores; a version-1 file (no restores yet) is read as one with none. An
// older Recoup refuses a version-2 file (reported unreadable, never overwritten) rather than
// dropping the restores it does not know.
const headsFile = z.object({
  format: z.literal('recoup-audit-heads'),
  version: z.union([z.literal(1), z.literal(2)]),
  heads: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...headFields })),
  restores: z.array(restoreRecord).default([]),
});
type HeadsFile = z.infer<typeof headsFile>;

/** The file beside a backup that records the head it was made at. */
export function headFileFor(backupPath: string): string {
  return backupPath.replace(/\.db$/, BESIDE_SUFFIX);
}

function writeAtomic(file: string, data: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function readHeadsFile(file: string): HeadsFile | null {
  if (!existsSync(file)) return { format: 'recoup-audit-heads', version: 2, heads: [], restores: [] };
  try {
    return headsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** The head and the number of events, read from the store a backup was just copied from. */
export function currentHead(db: Db): ChainHead & { count: number } {
  const h = chainHead(db);
  const count = (db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  return { ...h, count };
}

/**
 * Records the head a backup was made at: beside the backup, and in the data folder's heads file
 * when it is the first backup of its (UTC) day. Call it with the database the backup was copied
 * from, before anything else writes to it (the backup is written synchronously on the one
 * connection, so nothing can). A heads file that cannot be read is left as it is (verification
 * reports it), never overwritten.
 */
export function recordBackupHead(db: Db, backupPath: string, dataDir: string, nowMs: number): void {
  const head = currentHead(db);
  const record = {
    backup: path.basename(backupPath),
    recordedAt: new Date(nowMs).toISOString(),
    eventId: head.id,
    hash: head.hash,
    count: head.count,
  };
  writeAtomic(headFileFor(backupPath), { format: 'recoup-audit-head', version: 1, ...record });
  const file = path.join(dataDir, HEADS_FILE_NAME);
  const heads = readHeadsFile(file);
  const day = record.recordedAt.slice(0, 10);
  if (heads && !heads.heads.some((h) => h.day === day)) {
    writeAtomic(file, { ...heads, version: 2, heads: [...heads.heads, { day, ...record }] });
  }
}

/**
 * Records a restore in the data folder's heads file, outside the store: call it once the restored
 * store is open and the restore's own audit event is written (its head is the record's `after`).
 * A heads file that cannot be read is left as it is (verification reports it); the restore then
 * excuses no head, and verification says so.
 */
export function recordRestore(
  db: Db,
  dataDir: string,
  restore: { at: string; channel: RestoreRecord['channel']; restoredFrom: string; before: ChainHead | null },
  log: (line: string) => void,
): void {
  const file = path.join(dataDir, HEADS_FILE_NAME);
  const heads = readHeadsFile(file);
  if (!heads) {
    log(`recoup: the restore of ${restore.at} is not recorded: ${HEADS_FILE_NAME} cannot be read`);
    return;
  }
  const after = chainHead(db);
  const record: RestoreRecord = {
    at: restore.at,
    channel: restore.channel,
    restoredFrom: restore.restoredFrom,
    before: restore.before ? { eventId: restore.before.id, hash: restore.before.hash } : null,
    after: { eventId: after.id, hash: after.hash },
  };
  writeAtomic(file, { ...heads, version: 2, restores: [...heads.restores, record] });
}

/** A head recorded somewhere, and where. */
interface KnownHead {
  source: string;
  eventId: number;
  hash: string;
  recordedAt: string;
  /** For the head a restore record gives (its own event): the record's index in the heads file. */
  restoreIndex?: number;
}

/** Every head recorded outside the live store, the restores recorded, and what could not be read. */
function knownHeads(
  dataDir: string,
  backupsDir: string,
  key: Buffer | null,
): { heads: KnownHead[]; restores: RestoreRecord[]; unreadable: string[] } {
  const heads: KnownHead[] = [];
  const unreadable: string[] = [];
  const file = path.join(dataDir, HEADS_FILE_NAME);
  let restores: RestoreRecord[] = [];
  if (existsSync(file)) {
    const parsed = readHeadsFile(file);
    if (!parsed) unreadable.push(`The heads file ${HEADS_FILE_NAME} in the data folder cannot be read.`);
    for (const h of parsed?.heads ?? []) heads.push({ source: `the heads file (${h.day}, backup ${h.backup})`, ...h });
    restores = parsed?.restores ?? [];
    restores.forEach((r, i) =>
      heads.push({
        source: `the heads file (the restore of ${r.restoredFrom} at ${r.at})`,
        eventId: r.after.eventId,
        hash: r.after.hash,
        recordedAt: r.at,
        restoreIndex: i,
      }),
    );
  }
  const names = existsSync(backupsDir) ? readdirSync(backupsDir).sort() : [];
  for (const name of names) {
    const full = path.join(backupsDir, name);
    if (name.endsWith(BESIDE_SUFFIX)) {
      const backup = name.slice(0, -BESIDE_SUFFIX.length) + '.db';
      try {
        const h = besideFile.parse(JSON.parse(readFileSync(full, 'utf8')));
        heads.push({ source: `the head file beside backup ${backup}`, ...h });
      } catch {
        unreadable.push(`The head file beside backup ${backup} cannot be read.`);
      }
    } else if (/^recoup-.*\.db$/.test(name) && key) {
      // The backup's own copy of `meta`: its head as the copy was made.
      try {
        const copy = openEncrypted(full, key, { mustExist: true, readonly: true });
        try {
          const h = chainHead(copy);
          const at = copy.prepare('SELECT at FROM audit_events WHERE id = ?').pluck().get(h.id) as string | undefined;
          heads.push({ source: `backup ${name} itself`, eventId: h.id, hash: h.hash, recordedAt: at ?? '' });
        } finally {
          copy.close();
        }
      } catch {
        unreadable.push(`Backup ${name} cannot be opened to read its head.`);
      }
    }
  }
  return { heads, restores, unreadable };
}

/** A restore event in the trail (an ok event of a restore channel). */
interface RestoreEvent {
  id: number;
  at: string;
  channel: string;
  hash: string;
}

function restoreEvents(db: Db): RestoreEvent[] {
  const marks = RESTORE_CHANNELS.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT id, at, channel, hash FROM audit_events WHERE channel IN (${marks}) AND outcome = 'ok' ORDER BY id`,
    )
    .all(...RESTORE_CHANNELS) as RestoreEvent[];
}

/** Restore events the heads file does not record: they account for nothing (anyone with the key can write one). */
function unrecordedRestores(events: RestoreEvent[], restores: RestoreRecord[]): RestoreEvent[] {
  return events.filter((e) => !restores.some((r) => r.after.eventId === e.id && r.after.hash === e.hash));
}

/**
 * Compares the chain in `db` (already checked link by link) with every head recorded outside it.
 * A head recorded at or before a restore that the heads file records (outside the store) belongs
 * to the trail before that restore (kept in the before-restore backup, or the damaged database
 * set aside): it is listed as superseded, not failed. A restore event in the trail alone excuses
 * nothing.
 */
export function verifyAuditHeads(
  db: Db,
  folder: { dir: string; backupsDir: string },
  key: Buffer | null,
): { checks: AuditHeadCheck[]; unreadable: string[]; restores: RestoreRecord[] } {
  const { heads, restores, unreadable } = knownHeads(folder.dir, folder.backupsDir, key);
  const last = (db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number) ?? 0;
  const hashAt = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck();
  const checks = heads.map((h): AuditHeadCheck => {
    const base = { source: h.source, eventId: h.eventId, recordedAt: h.recordedAt };
    const actual = h.eventId === 0 ? null : ((hashAt.get(h.eventId) as string | undefined) ?? null);
    if (h.eventId === 0 || actual === h.hash) return { ...base, status: 'agrees', message: null };
    // The latest recorded restore made after this head was recorded (a restore record's own head
    // only by a later restore).
    const index = [...restores.keys()]
      .reverse()
      .find(
        (i) =>
          (h.restoreIndex === undefined || i > h.restoreIndex) &&
          h.recordedAt !== '' &&
          h.recordedAt <= restores[i]!.at,
      );
    const restore = index === undefined ? undefined : restores[index];
    if (restore) {
      return {
        ...base,
        status: 'superseded',
        message: `Recorded before the restore of ${restore.restoredFrom} at ${restore.at} (event ${restore.after.eventId}, recorded in the heads file), which put back an older copy; the events it replaced are in that restore's before-restore backup or the database set aside.`,
      };
    }
    if (h.eventId > last) {
      return {
        ...base,
        status: 'truncated',
        message: `The trail ends at event ${last}, but ${h.source} recorded event ${h.eventId} as its last: events were cut off.`,
      };
    }
    return {
      ...base,
      status: 'rewritten',
      message: `Event ${h.eventId} is not the event ${h.source} recorded: the trail was rewritten.`,
    };
  });
  return { checks, unreadable, restores };
}

/**
 * `audit:verify`: the chain checked link by link, then against every head known outside the store.
 * A truncation or rewrite behind any backup fails the check and names that backup; so does a
 * restore event dated in the future. A restore event the heads file does not record is named
 * beside any failure (it is what a forger would add to excuse one).
 */
export function verifyAuditTrail(
  db: Db,
  folder: { dir: string; backupsDir: string },
  key: Buffer | null,
  nowIso: string,
): AuditVerification {
  const chain = verifyAuditChain(db);
  const { checks, unreadable, restores } = verifyAuditHeads(db, folder, key);
  if (!chain.ok) return { ...chain, heads: checks, unreadable };
  const events = restoreEvents(db);
  const unrecorded = unrecordedRestores(events, restores);
  const note = unrecorded
    .map(
      (e) =>
        ` Event ${e.id} says it is a restore (${e.channel}, dated ${e.at}), but the heads file records no such restore, so it accounts for nothing.`,
    )
    .join('');
  const future = events.find((e) => e.at > nowIso);
  if (future) {
    return {
      ok: false,
      checked: chain.checked,
      firstBadId: future.id,
      problem: `Event ${future.id}, a restore (${future.channel}), is dated ${future.at}, in the future (it is now ${nowIso}): Recoup did not write it as it happened.${note}`,
      heads: checks,
      unreadable,
    };
  }
  const disagreeing = checks.find((c) => c.status === 'truncated' || c.status === 'rewritten');
  if (disagreeing) {
    const last = (db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number) ?? 0;
    return {
      ok: false,
      checked: chain.checked,
      firstBadId: disagreeing.status === 'truncated' ? last + 1 : disagreeing.eventId,
      problem: `${disagreeing.message ?? ''}${note}`,
      heads: checks,
      unreadable,
    };
  }
  return { ...chain, heads: checks, unreadable };
}

/** Removes the head file beside a backup (with the backup, when the keep-N policy prunes it). */
export function removeHeadFile(backupPath: string): void {
  rmSync(headFileFor(backupPath), { force: true });
}

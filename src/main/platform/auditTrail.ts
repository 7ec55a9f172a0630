// HP-01 audit controls: every call that reads or changes patient data, prints or exports writes
// one event (who, when, what channel, which records, outcome), in the transaction of the change it
// records (the router's). Each event's hash covers the one before it, and the head of the chain is
// kept in `meta`, so a changed, inserted or deleted event is detected by verifyAuditChain; the
// heads recorded with every backup (auditHeads.ts) catch a rewrite with recomputed hashes, or a
// cut-off tail, behind any of them.
import { createHash } from 'node:crypto';
import type { AuditEventView, AuditKind, AuditVerification } from '../../shared/schemas/audit';
import type { auditListInput } from '../../shared/schemas/audit';
import type { z } from 'zod';
import type { Db } from '../store/database';
import { readMeta, writeMeta } from '../store/meta';
import type { AuditEventsRow } from '../store/schema';

/** An event to write: what the audit log shows, less the id the chain gives it. */
export type AuditEventInput = Omit<AuditEventView, 'id' | 'recordLabels'>;

export const GENESIS = '0'.repeat(64);

/** Where the chain ends: its last event's id and hash (0 and the genesis hash while it is empty). */
export interface ChainHead {
  id: number;
  hash: string;
}

function eventHash(prevHash: string, id: number, e: AuditEventInput): string {
  const canonical = JSON.stringify([
    id,
    e.at,
    e.userId,
    e.username,
    e.channel,
    e.kind,
    e.records,
    e.outcome,
    e.detail,
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The head as the store recorded it (meta `audit_head`, written with every event). */
export function chainHead(db: Db): ChainHead {
  const value = readMeta(db, 'audit_head');
  if (value === null) return { id: 0, hash: GENESIS };
  const [id, hash] = value.split(':');
  return { id: Number(id), hash: hash! };
}
const head = chainHead;

/** Appends one event; call inside the caller's transaction when the event must commit with it. */
export function appendAudit(db: Db, e: AuditEventInput): number {
  const write = db.transaction(() => {
    const prev = head(db);
    // Past any row a tamperer added beyond the head, so writing never fails; verify reports it.
    const maxId = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_events').get() as { id: number }).id;
    const id = Math.max(prev.id, maxId) + 1;
    const hash = eventHash(prev.hash, id, e);
    db.prepare(
      `INSERT INTO audit_events (id, at, user_id, username, channel, kind, records, outcome, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      e.at,
      e.userId,
      e.username,
      e.channel,
      e.kind,
      JSON.stringify(e.records),
      e.outcome,
      e.detail,
      prev.hash,
      hash,
    );
    writeMeta(db, 'audit_head', `${id}:${hash}`);
    return id;
  });
  return write();
}

/** Appends events in order, in one transaction (or the caller's). */
export function appendAuditEvents(db: Db, events: readonly AuditEventInput[]): void {
  db.transaction(() => {
    for (const e of events) appendAudit(db, e);
  })();
}

/** An audit event as stored; its kind is one of AUDIT_KINDS (written only by appendAudit). */
type AuditRow = Omit<AuditEventsRow, 'kind'> & { kind: AuditKind };

function toView(r: AuditRow): AuditEventView {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    channel: r.channel,
    kind: r.kind,
    records: JSON.parse(r.records) as string[],
    recordLabels: [],
    outcome: r.outcome,
    detail: r.detail,
  };
}

/** The UTC instant of local midnight at the start of `date` plus `days` days. */
function localMidnightIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

export function listAudit(
  db: Db,
  filter: Omit<z.output<typeof auditListInput>, 'guarantor'>,
  /** Only events that touched one of these records ("guarantor:12", "account:3"). */
  recordKeys?: readonly string[],
): { events: AuditEventView[]; total: number } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (recordKeys) {
    if (recordKeys.length === 0) return { events: [], total: 0 };
    // records is a JSON array of strings: a key matches with its quotes.
    where.push(`(${recordKeys.map(() => `records LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (const k of recordKeys) args.push(`%"${k.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`);
  }
  // Business dates are the workstation's calendar days; events are stamped in UTC.
  if (filter.from) {
    where.push('at >= ?');
    args.push(localMidnightIso(filter.from, 0));
  }
  if (filter.to) {
    where.push('at < ?');
    args.push(localMidnightIso(filter.to, 1));
  }
  if (filter.userId !== undefined) {
    where.push('user_id = ?');
    args.push(filter.userId);
  }
  if (filter.channel) {
    where.push(`channel LIKE ? ESCAPE '\\'`);
    args.push(`%${filter.channel.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.kind) {
    where.push('kind = ?');
    args.push(filter.kind);
  }
  if (filter.outcome === 'ok') where.push(`outcome = 'ok'`);
  if (filter.outcome === 'error') where.push(`outcome <> 'ok'`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_events ${clause}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_events ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, filter.limit, filter.offset) as AuditRow[];
  return { events: rows.map(toView), total };
}

/** The chain's own check: every hash re-derived in order, the links, and the head in `meta`. */
export type ChainVerification = Omit<AuditVerification, 'heads' | 'unreadable'>;

/** Re-derives every hash in order and checks the links and the stored head. */
export function verifyAuditChain(db: Db): ChainVerification {
  let prevHash = GENESIS;
  let expectedId = 1;
  let checked = 0;
  const bad = (id: number | null, problem: string): ChainVerification => ({
    ok: false,
    checked,
    firstBadId: id,
    problem,
  });
  for (const r of db.prepare('SELECT * FROM audit_events ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.id !== expectedId) return bad(expectedId, `Event ${expectedId} is missing (deleted).`);
    if (r.prev_hash !== prevHash) return bad(r.id, `Event ${r.id} does not link to the event before it.`);
    const view = toView(r);
    const recomputed = eventHash(prevHash, r.id, {
      at: view.at,
      userId: view.userId,
      username: view.username,
      channel: view.channel,
      kind: view.kind,
      records: view.records,
      outcome: view.outcome,
      detail: view.detail,
    });
    if (recomputed !== r.hash) return bad(r.id, `Event ${r.id} was changed after it was written.`);
    prevHash = r.hash;
    expectedId++;
    checked++;
  }
  const h = head(db);
  if (h.id !== expectedId - 1 || h.hash !== prevHash) {
    return bad(
      expectedId,
      `The trail ends at event ${expectedId - 1} but event ${h.id} was written last (events were deleted).`,
    );
  }
  return { ok: true, checked, firstBadId: null, problem: null };
}

// The day's work queue, kept: built once per business day from every source (the live computation,
// queue.ts) and kept ranked in memory, then revalidated on every read from the audit trail. Every
// change to the store is an audited call (HP-01: the router writes each call's event in the call's
// own transaction, and a failed call leaves nothing behind), so the events since the queue was
// last brought up to date say what may have changed:
// - a read changes nothing, and neither does a session's event (log-in, lock, unlock, password);
// - a change through one of the channels below changes only the guarantors its event names
//   (`guarantor:N`): only their items are read again, from every source, and put back in rank;
// - anything else (an import, a batch, a daily job, a setting, a user, a hold...) builds the queue
//   again from the whole book.
// A write outside the trail (a service called directly: the tests, the bench) is caught when only
// reads (or failed calls) came since the last read: the connection's count of changed rows then
// says more than the audit events written since (each is its row and the chain's head,
// AUDIT_CHANGES). Such a write followed by a change of the channels below before the next read
// is not caught: nothing in the application writes outside the trail (HP-01); whatever does
// (a test, the bench) reads the queue after it, or calls forgetKeptQueue.
// The kept queue is therefore always the live computation's (tests/unit/queue/keptQueue.test.ts
// compares the two, items and order, after random changes). A clerk's page, the counts by kind and
// the total are then one pass over the kept items; marking one done reads the sources for that
// guarantor only.
//
// The queue is kept in memory, not in a table: one main process owns the store, a table would add
// the writing of every item to the day's first build, and after a restart the first read builds it
// again (as the first read of every business day does).
import { roleAtLeast } from '../../../shared/roles';
import { QUEUE_KINDS, type QueueItem, type QueueKind, type QueuePage } from '../../../shared/schemas/queue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import type { Db } from '../../store/database';
import { asQueueItem, candidates, ranked, workedOn, type Filter } from './queue';

/**
 * The channels whose changes reach no guarantor but those their audit event names as
 * `guarantor:N` (each handler names the guarantor whose activity, follow-up, promise or payment it
 * writes; a payment's ledger subscribers change that guarantor's plans, promises and holds only).
 * A channel not listed here rebuilds the queue: add one only after checking its handler.
 */
export const GUARANTOR_SCOPED_CHANNELS: ReadonlySet<string> = new Set([
  'queue:worked',
  'activity:log',
  'followUps:add',
  'followUps:close',
  'promises:add',
  'payments:post',
]);

/** The rows one audit event changes (its row and the chain's head in meta; auditTrail.ts appendAudit). */
const AUDIT_CHANGES = 2;

/** More guarantors changed than this since the last read: the whole queue is built again. */
const MOST_REVALIDATED = 5_000;

interface Kept {
  today: string;
  sources: readonly QueueSource[];
  /** The last audit event the kept items account for. */
  seen: number;
  /** The connection's count of changed rows then (SQLite's total_changes()). */
  changes: number;
  /** Every open item of every kind, before the clerk's filters (owner, role, worked today), ranked. */
  items: QueueCandidate[];
  /** What a page's pass reads of each item, by rank, kept with `items` (changed in place with them). */
  col: Columns;
}

/**
 * What a page's pass reads of each kept item, in typed arrays by rank: its kind (index in
 * QUEUE_KINDS), its owner (-1: nobody's), whether it is for supervisors and whether it was worked
 * today. A pass over 210,000 items is then a few milliseconds. The arrays may be longer than the
 * queue (room to put items in): the first `items.length` entries are the items'.
 */
interface Columns {
  /** The item's guarantor (a pass that only asks whose an item is reads no item). */
  guarantor: Float64Array;
  /** A hash of the item's key (keyHash): a key written to the work log is found without reading every item. */
  hash: Int32Array;
  kind: Uint8Array;
  owner: Int32Array;
  supervisors: Uint8Array;
  /** The items worked today (1), for the work log as it was read last (`worked`). */
  done: Uint8Array;
  /** The work log's keys today, in the order written, as last read (the `done` marks say these). */
  worked: string[];
}

const KIND_INDEX = new Map<QueueKind, number>(QUEUE_KINDS.map((k, i) => [k, i]));

function columnsFor(items: readonly QueueCandidate[], worked: readonly string[]): Columns {
  const n = items.length;
  const col: Columns = {
    guarantor: new Float64Array(n),
    hash: new Int32Array(n),
    kind: new Uint8Array(n),
    owner: new Int32Array(n),
    supervisors: new Uint8Array(n),
    done: new Uint8Array(n),
    worked: [...worked],
  };
  const keys = new Set(worked);
  for (let i = 0; i < n; i++) setColumns(col, i, items[i]!, keys);
  return col;
}

function setColumns(col: Columns, i: number, c: QueueCandidate, worked: ReadonlySet<string>): void {
  col.guarantor[i] = c.guarantorId;
  col.hash[i] = keyHash(c.key);
  col.kind[i] = KIND_INDEX.get(c.kind)!;
  col.owner[i] = c.ownerId ?? -1;
  col.supervisors[i] = c.forSupervisors ? 1 : 0;
  col.done[i] = worked.has(c.key) ? 1 : 0;
}

/** FNV-1a of a key's UTF-16 code units, as a 32-bit integer. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Room in the columns for `n` items (grown by half again when full, the items kept). */
function reserve(col: Columns, n: number): void {
  if (col.kind.length >= n) return;
  const size = Math.max(n, Math.ceil(col.kind.length * 1.5) + 16);
  const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
    const b = make(size);
    b.set(a);
    return b;
  };
  col.guarantor = grow(col.guarantor, (k) => new Float64Array(k));
  col.hash = grow(col.hash, (k) => new Int32Array(k));
  col.kind = grow(col.kind, (k) => new Uint8Array(k));
  col.owner = grow(col.owner, (k) => new Int32Array(k));
  col.supervisors = grow(col.supervisors, (k) => new Uint8Array(k));
  col.done = grow(col.done, (k) => new Uint8Array(k));
}

/** Today's work log, the keys in the order written. */
function workedKeys(db: Db, today: string): string[] {
  return db.prepare('SELECT item_key FROM work_log WHERE worked_on = ? ORDER BY rowid').pluck().all(today) as string[];
}

/**
 * Brings the `done` marks up to the work log as it is now: the keys written since the last read
 * are marked (the log only grows during a day), each found by its key's hash (no item is read
 * but those with the same hash); anything else (a key gone: a rolled-back write outside the trail, a test) marks
 * every item again.
 */
function markDone(kept: Kept, worked: readonly string[]): void {
  const { items, col } = kept;
  const had = col.worked;
  let grown = worked.length >= had.length;
  for (let i = 0; grown && i < had.length; i++) grown = worked[i] === had[i];
  if (grown && worked.length === had.length) return;
  if (grown) {
    for (const key of worked.slice(had.length)) {
      const hash = keyHash(key);
      for (let i = 0; i < items.length; i++) if (col.hash[i] === hash && items[i]!.key === key) col.done[i] = 1;
    }
  } else {
    const keys = new Set(worked);
    for (let i = 0; i < items.length; i++) col.done[i] = keys.has(items[i]!.key) ? 1 : 0;
  }
  col.worked = [...worked];
}

const keptQueues = new WeakMap<Db, Kept>();

/** What the kept queue did on its last read, for the bench and the tests. */
export interface KeptStats {
  how: 'built' | 'revalidated' | 'kept';
  guarantors: number;
  items: number;
}
let lastStats: KeptStats = { how: 'kept', guarantors: 0, items: 0 };
export function lastKeptStats(): KeptStats {
  return lastStats;
}

/**
 * For the tests: the first kept item whose columns disagree with it (null when every one agrees).
 * A column left behind when items move (a key's hash above all) shows only in rare reads, so the
 * property test asks this after every change.
 */
export function keptColumnsDisagree(db: Db): string | null {
  const kept = keptQueues.get(db);
  if (!kept) return null;
  const { items, col } = kept;
  const worked = new Set(col.worked);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (
      col.guarantor[i] !== c.guarantorId ||
      col.hash[i] !== keyHash(c.key) ||
      col.kind[i] !== KIND_INDEX.get(c.kind) ||
      col.owner[i] !== (c.ownerId ?? -1) ||
      col.supervisors[i] !== (c.forSupervisors ? 1 : 0) ||
      col.done[i] !== (worked.has(c.key) ? 1 : 0)
    )
      return `item ${i} (${c.key})`;
  }
  return null;
}

const all = () => true;

function lastAuditId(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number;
}

function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * The item in one shape, every field present in one order: the sources make theirs in a dozen
 * shapes, and a page's pass over a million guarantors' queue read them at 1–2 µs an item.
 */
function uniform(c: QueueCandidate): QueueCandidate {
  return {
    key: c.key,
    kind: c.kind,
    guarantorId: c.guarantorId,
    guarantorName: c.guarantorName,
    summary: c.summary,
    amountCents: c.amountCents,
    date: c.date,
    score: c.score,
    assignee: c.assignee,
    ownerId: c.ownerId,
    forSupervisors: c.forSupervisors === true,
    followUpId: c.followUpId,
  };
}

/** Today's items of every source (of some guarantors), in one shape, ranked. */
function ranking(db: Db, today: string, sources: readonly QueueSource[], only?: ReadonlySet<number>) {
  return candidates(db, today, all, sources, only).map(uniform).sort(ranked);
}

function build(db: Db, today: string, sources: readonly QueueSource[]): Kept {
  const seen = lastAuditId(db);
  const changes = totalChanges(db);
  const items = ranking(db, today, sources);
  const kept: Kept = { today, sources, seen, changes, items, col: columnsFor(items, workedKeys(db, today)) };
  keptQueues.set(db, kept);
  lastStats = { how: 'built', guarantors: 0, items: items.length };
  return kept;
}

/**
 * The guarantors changed since `seen` by the scoped channels, or null when some other change
 * (or too many guarantors) means building the queue again.
 */
function changedSince(db: Db, seen: number, changes: number): Set<number> | null {
  const events = db
    .prepare('SELECT channel, kind, outcome, records FROM audit_events WHERE id > ? ORDER BY id')
    .all(seen) as { channel: string; kind: string; outcome: string; records: string }[];
  // Only reads and failed calls since (each changed its event's rows alone), yet more rows changed:
  // something wrote outside the trail.
  const quiet = events.every(
    (e) => e.kind === 'read' || (e.outcome !== 'ok' && GUARANTOR_SCOPED_CHANNELS.has(e.channel)),
  );
  if (quiet && changes !== AUDIT_CHANGES * events.length) return null;
  const changed = new Set<number>();
  for (const e of events) {
    // Reads change nothing; neither do the sessions' events (a log-in, a lock, an unlock, a new
    // password: users and sessions, never an item; a clerk's own items are picked at each read).
    if (e.kind === 'read' || e.kind === 'auth') continue;
    if (!GUARANTOR_SCOPED_CHANNELS.has(e.channel)) return null;
    // A failed call of these channels rolled back whatever it wrote (none keeps a refusal's rows).
    if (e.outcome !== 'ok') continue;
    const named = (JSON.parse(e.records) as string[]).flatMap((r) =>
      r.startsWith('guarantor:') ? [Number(r.slice('guarantor:'.length))] : [],
    );
    if (named.length === 0 || named.some((id) => !Number.isSafeInteger(id))) return null;
    for (const id of named) changed.add(id);
    if (changed.size > MOST_REVALIDATED) return null;
  }
  return changed;
}

/** The item at `from`, with its columns, copied to `to`. */
function moveItem(items: QueueCandidate[], col: Columns, from: number, to: number): void {
  items[to] = items[from]!;
  col.guarantor[to] = col.guarantor[from]!;
  col.hash[to] = col.hash[from]!;
  col.kind[to] = col.kind[from]!;
  col.owner[to] = col.owner[from]!;
  col.supervisors[to] = col.supervisors[from]!;
  col.done[to] = col.done[from]!;
}

/**
 * Takes the changed guarantors' items out of the kept items (ranked) and puts `fresh` (their items
 * now) in rank, in place, their columns with them: a few items into a million guarantors' queue,
 * without copying it or making its columns again.
 */
function replaceInRank(kept: Kept, changed: ReadonlySet<number>, fresh: QueueCandidate[]): void {
  const { items, col } = kept;
  let w = 0;
  for (let r = 0; r < items.length; r++) {
    if (changed.has(col.guarantor[r]!)) continue;
    if (w !== r) moveItem(items, col, r, w);
    w++;
  }
  items.length = w;
  // `fresh` is ranked: one merge from the end puts it in place, each of its items after the kept
  // items that rank with it, as a binary search and an insertion each would (the cost is the
  // items behind the highest-ranked fresh one, once, however many guarantors changed).
  const k = fresh.length;
  if (k === 0) return;
  reserve(col, w + k);
  for (let t = 0; t < k; t++) items.push(fresh[0]!);
  const worked = new Set(col.worked);
  let i = w - 1;
  let j = k - 1;
  for (let out = w + k - 1; j >= 0; out--) {
    if (i >= 0 && ranked(items[i]!, fresh[j]!) > 0) {
      moveItem(items, col, i, out);
      i--;
    } else {
      items[out] = fresh[j]!;
      setColumns(col, out, fresh[j]!, worked);
      j--;
    }
  }
}

/**
 * Today's queue, every item, ranked: built on the day's first read (or after a change the trail
 * cannot narrow to some guarantors), otherwise the kept one with the changed guarantors' items read
 * again. Call it only where nothing of the current call has been written yet (a read, or before a
 * change's writes): what it keeps must be what is committed.
 */
export function keptQueue(db: Db, today: string, sources: readonly QueueSource[]): QueueCandidate[] {
  return current(db, today, sources).items;
}

function current(db: Db, today: string, sources: readonly QueueSource[]): Kept {
  const kept = keptQueues.get(db);
  if (!kept || kept.today !== today || kept.sources !== sources) return build(db, today, sources);
  const last = lastAuditId(db);
  const changes = totalChanges(db);
  if (last === kept.seen && changes === kept.changes) {
    lastStats = { how: 'kept', guarantors: 0, items: kept.items.length };
    return kept;
  }
  const changed = changedSince(db, kept.seen, changes - kept.changes);
  if (changed === null) return build(db, today, sources);
  if (changed.size > 0) {
    replaceInRank(kept, changed, ranking(db, today, sources, changed));
  }
  kept.seen = last;
  kept.changes = changes;
  lastStats = { how: 'revalidated', guarantors: changed.size, items: kept.items.length };
  return kept;
}

/** Forgets the kept queue (a store written outside the router: tests, the bench). */
export function forgetKeptQueue(db: Db): void {
  keptQueues.delete(db);
}

/** One page of today's queue under a filter, with the total and the counts by kind. */
export function queuePage(
  db: Db,
  today: string,
  filter: Filter,
  page: { offset: number; limit: number },
  sources: readonly QueueSource[],
): QueuePage {
  const kept = current(db, today, sources);
  const { items, col } = kept;
  // The items worked today: only those written since the last read are marked.
  markDone(kept, workedKeys(db, today));
  const done = col.done;
  // visibleTo's rule (queue.ts), on the columns: for supervisors only to them; nobody's is everyone's.
  const supervisor = roleAtLeast(filter.role, 'supervisor');
  const wanted = filter.kind === undefined ? -1 : KIND_INDEX.get(filter.kind)!;
  const byKind = new Int32Array(QUEUE_KINDS.length);
  const shown: QueueItem[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    if (col.supervisors[i] === 1 && !supervisor) continue;
    const owner = col.owner[i]!;
    if (!filter.all && owner !== -1 && owner !== filter.userId) continue;
    if (done[i] === 1) continue;
    const kind = col.kind[i]!;
    byKind[kind]!++;
    if (wanted !== -1 && kind !== wanted) continue;
    if (total >= page.offset && shown.length < page.limit) shown.push(asQueueItem(items[i]!));
    total++;
  }
  const counts = Object.fromEntries(QUEUE_KINDS.map((k, i) => [k, byKind[i]!])) as Record<QueueKind, number>;
  return { items: shown, total, counts, workedToday: workedOn(db, today, filter.all ? null : filter.userId) };
}

/**
 * The open item with this key, as the queue has it now: the guarantor's items read from every source
 * (not the whole queue); a key not among them is looked for in the kept queue as it was last
 * brought up to date (an item of another guarantor), and is otherwise no longer open.
 */
export function openItem(
  db: Db,
  today: string,
  key: string,
  guarantorId: number,
  sources: readonly QueueSource[],
): QueueCandidate | undefined {
  const theirs = candidates(db, today, all, sources, new Set([guarantorId])).find((c) => c.key === key);
  if (theirs) return theirs;
  const kept = keptQueues.get(db);
  return kept?.today === today ? kept.items.find((c) => c.key === key) : undefined;
}

// The daily work queue: everything due today for this clerk or all clerks, from every capability
// that puts items in it (their queueSources), ranked by score (shared/rules/workQueue.ts) and then
// by date. An item worked today leaves the queue for the rest of the business day (a lapse or
// default that happens again is a new item); it comes back tomorrow if it still needs work.
// This is the live computation; the channels read the day's queue kept in memory (kept.ts), which
// is always equal to it.
import { AppError } from '../../../shared/errors';
import { roleAtLeast, type Role } from '../../../shared/roles';
import { QUEUE_KIND_INFO, type QueueItem, type QueueKind, type workedInput } from '../../../shared/schemas/queue';
import type { z } from 'zod';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import type { Db } from '../../store/database';
import { closeFollowUp, logActivity } from '../accounts';

export interface Filter {
  kind?: QueueKind | undefined;
  userId: number;
  all: boolean;
  /** The user's role: items for supervisors are shown only to them. */
  role: Role;
}

/**
 * Every open item of the wanted kinds today, before the clerk's own filters (owner, worked today);
 * with `only`, those of these guarantors. A kind that comes in only alone (a high balance) is left
 * out for a guarantor with any other item, so to judge it every source is read (for the same
 * guarantors: whether a guarantor is busy depends on their own items alone).
 */
export function candidates(
  db: Db,
  today: string,
  want: (k: QueueKind) => boolean,
  sources: readonly QueueSource[],
  only?: ReadonlySet<number>,
) {
  const alone = new Set(sources.flatMap((s) => s.onlyAlone ?? []));
  const needAll = [...alone].some(want);
  const read = needAll ? () => true : want;
  const all: QueueCandidate[] = [];
  for (const source of sources) {
    if (!source.kinds.some(read)) continue;
    // A source may give more than the guarantors asked for (it need not read them alone): keep theirs.
    for (const c of source.items(db, today, read, only)) if (!only || only.has(c.guarantorId)) all.push(c);
  }
  if (alone.size === 0) return all.filter((c) => want(c.kind));
  const busy = new Set(all.filter((c) => !alone.has(c.kind)).map((c) => c.guarantorId));
  return all.filter((c) => want(c.kind) && !(alone.has(c.kind) && busy.has(c.guarantorId)));
}

export function visibleTo(c: QueueCandidate, filter: Filter): boolean {
  if (c.forSupervisors && !roleAtLeast(filter.role, 'supervisor')) return false;
  // Nobody's item is everyone's: the first to work it takes the account (queue:worked writes their activity).
  return filter.all || c.ownerId === null || c.ownerId === filter.userId;
}

/** The queue's order: highest score first, then the earliest date, then the key. */
export function ranked(a: QueueItem, b: QueueItem): number {
  return b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The whole queue under a filter, every item computed now from every source (the live computation:
 * the kept queue, keptQueue below, is always equal to it; tests and the bench compare the two).
 */
export function workQueue(
  db: Db,
  today: string,
  filter: Filter,
  sources: readonly QueueSource[],
): { items: QueueItem[]; workedToday: number } {
  const worked = new Set(
    db.prepare('SELECT item_key FROM work_log WHERE worked_on = ?').pluck().all(today) as string[],
  );
  const want = (k: QueueKind) => filter.kind === undefined || filter.kind === k;
  const items: QueueItem[] = [];
  for (const c of candidates(db, today, want, sources)) {
    if (!visibleTo(c, filter) || worked.has(c.key)) continue;
    items.push(asQueueItem(c));
  }
  items.sort(ranked);
  return { items, workedToday: workedOn(db, today, filter.all ? null : filter.userId) };
}

/** The item as the workspace sees it, without its owner (copied field by field: an object rest
 * spread is several times slower, and the queue is thousands of items). */
export function asQueueItem(c: QueueCandidate): QueueItem {
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
  };
}

/** How many items were worked on a day (by one user, or by everyone). */
export function workedOn(db: Db, today: string, userId: number | null): number {
  return (
    userId === null
      ? db.prepare('SELECT count(*) FROM work_log WHERE worked_on = ?').pluck().get(today)
      : db.prepare('SELECT count(*) FROM work_log WHERE worked_on = ? AND user_id = ?').pluck().get(today, userId)
  ) as number;
}

/**
 * Marks an item of today's queue done: the work log keeps the outcome, the guarantor's activity gets
 * what was done (by whom, today), and an item from a follow-up closes that follow-up. The work often
 * resolves the item itself (a payment cures the lapsed plan): it is still marked done, on the
 * guarantor the queue showed it for. An item already marked done today is refused, and so is one
 * the queue shows for another guarantor or only to supervisors; nothing changes then. The kept
 * queue (kept.ts) learns of it from the call's audit event (`guarantor:N`) on its next read.
 */
export function markWorked(
  db: Db,
  input: z.output<typeof workedInput>,
  today: string,
  now: string,
  user: { id: number; role: Role },
  /** The open item with the key, as the queue has it now (kept.ts openItem: that guarantor's sources only). */
  openItem: (key: string, guarantorId: number) => QueueCandidate | undefined,
): { followUpId?: number } {
  if (db.prepare('SELECT 1 FROM work_log WHERE worked_on = ? AND item_key = ?').get(today, input.key))
    throw new AppError('not_allowed', 'This item was already marked done today.');
  const item = openItem(input.key, input.guarantorId);
  if (item && !visibleTo(item, { userId: user.id, all: true, role: user.role }))
    throw new AppError('not_allowed', 'This item is a supervisor’s to work.');
  if (item && item.guarantorId !== input.guarantorId)
    throw new AppError('invalid_input', 'This item is not about that guarantor.', {
      guarantorId: 'Work the item from the queue.',
    });
  db.prepare('INSERT INTO work_log (item_key, worked_on, user_id, outcome, at) VALUES (?, ?, ?, ?, ?)').run(
    input.key,
    today,
    user.id,
    input.outcome,
    now,
  );
  // logActivity refuses a guarantor who does not exist (and the transaction takes the work log back).
  logActivity(
    db,
    {
      guarantorId: input.guarantorId,
      kind: input.activityKind,
      direction: input.activityKind === 'call' ? 'outbound' : undefined,
      outcome: input.result,
      note: `Work queue${item ? `, ${QUEUE_KIND_INFO[item.kind].label.toLowerCase()}` : ''}: ${input.outcome}`,
      occurredOn: today,
    },
    user.id,
    now,
  );
  if (item?.followUpId === undefined) return {};
  closeFollowUp(db, { followUpId: item.followUpId, outcome: 'done' }, user.id, now);
  return { followUpId: item.followUpId };
}

// The daily work queue: everything due today for this clerk or all clerks, from every capability
// that puts items in it (their queueSources), ranked by score (shared/rules/workQueue.ts) and then
// by date. An item worked today leaves the queue for the rest of the business day (a lapse or
// default that happens again is a new item); it comes back tomorrow if it still needs work.
import type { QueueItem, QueueKind } from '../../../shared/schemas/queue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import type { Db } from '../../store/database';

interface Filter {
  kind?: QueueKind | undefined;
  userId: number;
  all: boolean;
}

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
  for (const source of sources) {
    if (!source.kinds.some(want)) continue;
    for (const c of source.items(db, today, want)) {
      if (!filter.all && c.ownerId !== filter.userId) continue;
      if (worked.has(c.key)) continue;
      items.push(asQueueItem(c));
    }
  }
  items.sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
  return { items, workedToday: workedOn(db, today, filter.all ? null : filter.userId) };
}

/** The item as the workspace sees it, without its owner (copied field by field: an object rest
 * spread is several times slower, and the queue is thousands of items). */
function asQueueItem(c: QueueCandidate): QueueItem {
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

export function markWorked(db: Db, key: string, outcome: string, today: string, now: string, userId: number): void {
  db.prepare('INSERT INTO work_log (item_key, worked_on, user_id, outcome, at) VALUES (?, ?, ?, ?, ?)').run(
    key,
    today,
    userId,
    outcome,
    now,
  );
}

// The work queue at scale (issue 18 item 3): the day's first build of the kept queue, a page of it,
// marking an item done, and the page after it (the worked guarantor's items read again). Called by
// the whole bench on its own database (after the plans are made), or on its own against a kept
// database:
//   RECOUP_BENCH_ONLY=queue RECOUP_BENCH_DB=/path/copy.db [RECOUP_BENCH_WRITE=1] node out/main/bench.js
// Without RECOUP_BENCH_WRITE=1 the database is opened read-only and nothing is marked done; with it
// (on a copy: the items marked done stay marked) the copy is migrated first.
// Each figure is printed as wall and CPU time (the machine is shared); the results keep wall time.
//   work_queue_build_ms   the day's first page: every source read and the queue ranked and kept
//   work_queue_page_ms    median of pages under several filters and offsets, the queue kept
//   work_queue_worked_ms  median of marking an item done (queue:worked's service and its audit event)
//   work_queue_next_ms    median of the first page after it (that guarantor's items read again)
// work_queue_median_ms (src/bench/index.ts) is still the whole queue built live, every item.
import { readFileSync } from 'node:fs';
import { forgetKeptQueue, lastKeptStats, markWorked, openItem, queuePage, workQueue } from '../main/capabilities/queue';
import type { QueueSource } from '../main/platform/capability';
import { appendAudit } from '../main/platform/auditTrail';
import { openEncrypted, type Db } from '../main/store/database';
import { migrate } from '../main/store/migrations';
import type { Role } from '../shared/roles';
import type { QueueKind } from '../shared/schemas/queue';
import { benchUser, median } from './util';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
}

/** Runs `fn`, returning its value, the wall time and this process's CPU time (ms). */
function measured<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}

const ms = (wall: number[], cpu: number[]) =>
  `median ${round(median(wall))} ms, p95 ${round(p95(wall))} ms (cpu median ${round(median(cpu))} ms) of ${wall.length}`;

export function queueBench(
  db: Db,
  today: string,
  sources: readonly QueueSource[],
  results: Record<string, number>,
  options: { write: boolean; now: string },
): void {
  const users = db.prepare('SELECT id, username, role FROM users WHERE active = 1 ORDER BY id').all() as {
    id: number;
    username: string;
    role: Role;
  }[];
  const admin = users.find((u) => u.role === 'administrator') ?? { id: 1, username: 'bench', role: 'administrator' };
  const clerk = users.find((u) => u.role === 'clerk') ?? admin;
  const everyone = { userId: admin.id, all: true, role: admin.role };

  // Before the queue was kept, every queue:list (and every queue:worked) did this: the whole queue.
  const live = measured(() => workQueue(db, today, everyone, sources).items.length);
  console.log(
    `Work queue built live, every item (as every call did before): ${round(live.wall)} ms (cpu ${round(live.cpu)} ms), ${live.value} items`,
  );

  // Where the first build goes: each source asked for every item (as the build asks them).
  if (process.env.RECOUP_BENCH_QUEUE_SOURCES === '1')
    for (const source of sources) {
      const m = measured(() => source.items(db, today, () => true).length);
      console.log(
        `  whole book, ${source.kinds.join(', ')}: ${round(m.wall)} ms (cpu ${round(m.cpu)} ms), ${m.value} items`,
      );
    }

  forgetKeptQueue(db);
  const first = measured(() => queuePage(db, today, everyone, { offset: 0, limit: 50 }, sources));
  results.work_queue_build_ms = round(first.wall);
  results.work_queue_items = first.value.total;
  console.log(
    `Work queue, the day's first page (built and kept, ${first.value.total} items): ${round(first.wall)} ms (cpu ${round(first.cpu)} ms)`,
  );

  const kinds = (Object.entries(first.value.counts) as [QueueKind, number][]).filter(([, n]) => n > 0).map(([k]) => k);
  const pages: { filter: typeof everyone & { kind?: QueueKind }; offset: number }[] = [];
  for (const offset of [0, 50, 1_000, Math.max(0, first.value.total - 50)]) pages.push({ filter: everyone, offset });
  for (const kind of kinds) pages.push({ filter: { ...everyone, kind }, offset: 0 });
  pages.push({ filter: { userId: clerk.id, all: false, role: clerk.role }, offset: 0 });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let rep = 0; rep < 3; rep++)
    for (const p of pages) {
      const m = measured(() => queuePage(db, today, p.filter, { offset: p.offset, limit: 50 }, sources));
      if (lastKeptStats().how === 'built') throw new Error('The kept queue was built again on a read alone.');
      wall.push(m.wall);
      cpu.push(m.cpu);
    }
  results.work_queue_page_ms = round(median(wall), 2);
  console.log(`  a page (${pages.length} filters and offsets): ${ms(wall, cpu)}`);

  // Where one guarantor's revalidation goes: each source asked for the top item's guarantor.
  const one = new Set([first.value.items[0]?.guarantorId ?? 1]);
  for (const source of sources) {
    const m = measured(() => source.items(db, today, () => true, one));
    console.log(`  one guarantor, ${source.kinds.join(', ')}: ${round(m.wall)} ms (cpu ${round(m.cpu)} ms)`);
  }

  if (!options.write) {
    console.log('  (read-only: nothing marked done; RECOUP_BENCH_WRITE=1 on a copy measures queue:worked)');
    return;
  }
  // Done, then the next page: as the working bar's "Done — next item" calls them. A kept database
  // made by the bench has no users: one is added to the copy to mark items done as.
  if (users.length === 0) {
    admin.id = benchUser(db, 'bench', options.now, 'administrator', 'Bench Administrator');
  }
  const workedWall: number[] = [];
  const workedCpu: number[] = [];
  const nextWall: number[] = [];
  const nextCpu: number[] = [];
  for (let i = 0; i < 10; i++) {
    const page = queuePage(db, today, everyone, { offset: 0, limit: 50 }, sources);
    const item = page.items[i * 3];
    if (!item) break;
    const worked = measured(() =>
      db.transaction(() => {
        const done = markWorked(
          db,
          { key: item.key, guarantorId: item.guarantorId, outcome: 'Bench', activityKind: 'note', result: 'noted' },
          today,
          options.now,
          admin,
          (key, guarantorId) => openItem(db, today, key, guarantorId, sources),
        );
        appendAudit(db, {
          at: options.now,
          userId: admin.id,
          username: admin.username,
          channel: 'queue:worked',
          kind: 'change',
          records: [
            item.key,
            `guarantor:${item.guarantorId}`,
            ...(done.followUpId ? [`followUp:${done.followUpId}`] : []),
          ],
          outcome: 'ok',
          detail: 'Bench',
        });
      })(),
    );
    workedWall.push(worked.wall);
    workedCpu.push(worked.cpu);
    const next = measured(() => queuePage(db, today, everyone, { offset: 0, limit: 50 }, sources));
    if (lastKeptStats().how !== 'revalidated') throw new Error(`The next page was ${lastKeptStats().how}.`);
    if (next.value.items.some((n) => n.key === item.key)) throw new Error('The item marked done is still shown.');
    nextWall.push(next.wall);
    nextCpu.push(next.cpu);
  }
  results.work_queue_worked_ms = round(median(workedWall), 2);
  results.work_queue_next_ms = round(median(nextWall), 2);
  console.log(`  marking an item done: ${ms(workedWall, workedCpu)}`);
  console.log(`  the next page (that guarantor read again): ${ms(nextWall, nextCpu)}`);
}

/** RECOUP_BENCH_ONLY=queue RECOUP_BENCH_DB=file: the queue bench on a kept database. */
export function queueBenchOnKept(today: string, sources: readonly QueueSource[]): Record<string, number> {
  const file = process.env.RECOUP_BENCH_DB;
  if (!file) throw new Error('RECOUP_BENCH_ONLY=queue needs RECOUP_BENCH_DB=/path/to/kept.db');
  const write = process.env.RECOUP_BENCH_WRITE === '1';
  const key = Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex');
  const db = openEncrypted(file, key, { readonly: !write, mustExist: true });
  key.fill(0);
  try {
    if (write) {
      const applied = migrate(db);
      if (applied.length > 0) console.log(`Migrated (${applied.join(', ')})`);
    }
    const guarantors = db.prepare('SELECT count(*) FROM guarantors').pluck().get() as number;
    console.log(`${file}: ${guarantors} guarantors`);
    const results: Record<string, number> = {};
    queueBench(db, today, sources, results, { write, now: `${today}T15:00:00.000Z` });
    return results;
  } finally {
    db.close();
  }
}

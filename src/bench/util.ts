// Small helpers every part of the benchmark uses: rounding a figure, CPU time, the median of samples, and the
// user a bench acts as (a kept database made by the bench has none).
import type { Db } from '../main/store/database';

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Milliseconds of CPU this process has spent (all its threads, user and system) since `from`, to 0.1 ms. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return round((used.user + used.system) / 1000, 1);
}

/** The middle sample (the upper of the two middle ones for an even count); 0 for none. */
export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Adds the user a bench step acts as, and answers its id. */
export function benchUser(
  db: Db,
  username: string,
  now: string,
  role: 'clerk' | 'supervisor' | 'administrator' = 'clerk',
  fullName = 'Benchmark Clerk',
): number {
  return Number(
    db
      .prepare('INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)')
      .run(username, fullName, role, now, now).lastInsertRowid,
  );
}

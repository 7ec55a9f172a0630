// The query plans of what a service runs (issue 18): every statement `run` prepares, with its
// EXPLAIN QUERY PLAN (named parameters bound to a date: the plan does not depend on the values).
import type { Db } from '../../src/main/store/database';

export function plansOf(db: Db, run: () => void): { sql: string; plan: string }[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return seen.map((sql) => {
    const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], '2026-11-26']));
    const positional = (sql.match(/\?/g) ?? []).map(() => '2026-11-26');
    const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const rows = (Object.keys(params).length > 0 ? explain.all(params) : explain.all(...positional)) as {
      detail: string;
    }[];
    return { sql, plan: rows.map((r) => r.detail).join('\n') };
  });
}

// Prepared statements, prepared once per connection: hot paths (import, posting) call the same
// SQL many thousands of times, and preparing is far costlier than running. Typed like
// db.prepare: prepared<[number], GuarantorsRow>(db, sql).get(id) is a GuarantorsRow | undefined.
// A statement is shared by every caller of the same SQL, so one that plucks always plucks.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): P extends unknown[] ? Database.Statement<P, R> : Database.Statement<[P], R> {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let stmt = byDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byDb.set(sql, stmt);
  }
  return stmt as never;
}

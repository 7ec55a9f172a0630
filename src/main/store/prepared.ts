// Prepared statements, prepared once per connection: hot paths (import, posting) call the same
// SQL many thousands of times, and preparing is far costlier than running.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
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
  return stmt;
}

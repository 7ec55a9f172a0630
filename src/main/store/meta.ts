// The `meta` table: a few named values the platform keeps beside the data (the audit chain's head,
// the day each daily job last ran). This module is the only one that writes it.
import type { Db } from './database';
import { prepared } from './prepared';

export function readMeta(db: Db, key: string): string | null {
  return prepared<[string], string>(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

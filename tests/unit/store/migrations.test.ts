import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/main/store/database';
import {
  LATEST_VERSION,
  migrate,
  MIGRATIONS,
  NewerDatabaseError,
  schemaVersion,
  type Migration,
} from '../../../src/main/store/migrations';
import { newDataKey } from '../../../src/main/store/keySlots';
import { tempDir } from '../support';

function freshDb() {
  return openEncrypted(path.join(tempDir(), 'm.db'), newDataKey());
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates users, settings, meta and an append-only audit trail', () => {
    const db = freshDb();
    expect(migrate(db, 1)).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'meta', 'settings', 'users']));
    db.prepare(
      `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('a','A','clerk','t','t')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('A','B','clerk','t','t')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (username, full_name, role, created_at, password_changed_at) VALUES ('c','C','boss','t','t')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO audit_events (id, at, channel, kind, outcome, prev_hash, hash) VALUES (1,'t','c','auth','ok','0','h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_events SET outcome = 'x'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare(`DELETE FROM audit_events`).run()).toThrow(/cannot be deleted/);
    db.close();
  });

  it('running again applies nothing', () => {
    const db = freshDb();
    migrate(db);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const db = freshDb();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    db.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = freshDb();
    const registry: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') },
      { version: LATEST_VERSION + 2, name: 'fails', up: (d) => d.exec('CREATE TABLE broken (') },
    ];
    expect(() => migrate(db, LATEST_VERSION + 2, registry)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get()).toEqual({ n: 0 });
    db.close();
  });
});

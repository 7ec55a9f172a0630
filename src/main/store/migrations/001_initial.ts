// 001: users, settings, the hash-chained audit trail, and a small meta table.
import type { Migration } from './index';

export const migration001: Migration = {
  version: 1,
  name: 'initial: users, settings, audit trail',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id                  INTEGER PRIMARY KEY,
        username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name           TEXT NOT NULL,
        role                TEXT NOT NULL CHECK (role IN ('clerk','supervisor','administrator')),
        active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at          TEXT NOT NULL,
        created_by          INTEGER REFERENCES users(id),
        password_changed_at TEXT NOT NULL,
        last_login_at       TEXT,
        disabled_at         TEXT,
        disabled_reason     TEXT
      ) STRICT;

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;

      -- HP-01 audit controls: append-only, each event hashed over the one before it.
      CREATE TABLE audit_events (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        user_id   INTEGER,
        username  TEXT,
        channel   TEXT NOT NULL,
        kind      TEXT NOT NULL,
        records   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(records)),
        outcome   TEXT NOT NULL,
        detail    TEXT,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_at ON audit_events(at);
      CREATE INDEX audit_events_user ON audit_events(user_id, at);
      CREATE INDEX audit_events_channel ON audit_events(channel, at);

      -- The trail is append-only from inside the application too.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
    `);
  },
};

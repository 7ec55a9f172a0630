// A unit of long work (an import, a statement run) that commits all or nothing across awaits. On its
// own it is a transaction; inside a call's transaction (the router opens one around every audited
// call, HP-01) it is a savepoint, so its "commit" becomes part of the call's transaction and lands
// only with the call's audit event. better-sqlite3's db.transaction() does the same for the short
// synchronous transactions of the services.
import type { Db } from '../store/database';

export interface UnitOfWork {
  commit(): void;
  /** Undoes the unit's writes; safe to call after a failed commit or twice. */
  rollback(): void;
}

let units = 0;

export function beginWork(db: Db): UnitOfWork {
  if (!db.inTransaction) {
    db.exec('BEGIN IMMEDIATE');
    return {
      commit: () => db.exec('COMMIT'),
      rollback: () => {
        if (db.inTransaction) db.exec('ROLLBACK');
      },
    };
  }
  const name = `work_${++units}`;
  db.exec(`SAVEPOINT ${name}`);
  let open = true;
  return {
    commit: () => {
      db.exec(`RELEASE ${name}`);
      open = false;
    },
    rollback: () => {
      if (!open || !db.inTransaction) return;
      open = false;
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
    },
  };
}

/**
 * The router's transaction around one audited call (HP-01): opened before the handler, its audit
 * event written last, then committed; rolled back when the call fails.
 */
export interface CallTransaction {
  readonly db: Db;
  commit(): void;
  rollback(): void;
}

export function beginCall(db: Db): CallTransaction {
  db.exec('BEGIN IMMEDIATE');
  return {
    db,
    commit: () => db.exec('COMMIT'),
    rollback: () => {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    },
  };
}

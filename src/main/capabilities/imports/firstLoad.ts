// A first large load (issue 18): when the import starts on an empty store, the secondary indexes of
// the guarantors, accounts and name tokens are dropped inside its transaction and built again once
// every row is written, before anything reads them (the balances move first, so the balance indexes
// are built once with the final figures). Building an index from all its rows (one sort) costs a
// fraction of keeping it up to date row by row, in random order, for a million guarantors (phone,
// date of birth, MRN, name tokens). The ledger's indexes are kept as the rows come: its entries come
// account by account, so they go at the end of its indexes anyway, and sorting fifteen million keys
// at the end would hold them all in memory (temporary storage is in memory: nothing unencrypted on
// disk). Unique indexes stay: the import relies on them to find a repeated id. A preview, an error
// or a cancel rolls the transaction back, and the indexes with it: they are never missing outside.
import type { Db } from '../../store/database';

/** The tables a billing extract fills. */
const FILLED = ['guarantors', 'accounts', 'ledger_entries', 'name_tokens'] as const;
/** Those whose secondary indexes wait for the end of a first load. */
const DEFERRED = ['guarantors', 'accounts', 'name_tokens'] as const;

/** True when none of the tables the import fills has a row (a first load). */
export function storeIsEmpty(db: Db): boolean {
  return FILLED.every((table) => db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1);
}

/**
 * Drops the secondary (non-unique) indexes of guarantors, accounts and name tokens; the answer builds
 * them again, each from the statement that made it. Call inside the import's transaction.
 */
export function deferIndexes(db: Db): () => void {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${DEFERRED.map(() => '?').join(', ')})
        ORDER BY name`,
    )
    .all(...DEFERRED) as { name: string; sql: string }[];
  const deferred = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\s/i.test(i.sql));
  for (const i of deferred) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
  return () => {
    for (const i of deferred) db.exec(i.sql);
  };
}

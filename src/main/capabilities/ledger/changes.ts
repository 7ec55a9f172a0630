// The one place a ledger change happens: entries are posted or reversed through a LedgerChangeWriter
// inside one transaction, and before it commits every capability's afterLedgerChange runs with
// what the change touched (a plan brought current or paid off, a promise kept; later agency and
// payroll balances). If any of it fails, none of it is saved: the money and what depends on it
// commit together.
import type { RecoupApp } from '../../app';
import type { LedgerChange } from '../../platform/capability';
import type { Db } from '../../store/database';
import { moveBalance } from '../accounts';
import { insertEntries, postEntry, reverseEntry, type NewEntry } from './entries';

export interface LedgerWhen {
  today: string;
  now: string;
  by: number | null;
}

/** A ledger change in progress, inside its transaction: what is written and what it touched. */
export class LedgerChangeWriter {
  private readonly accountIds = new Set<number>();
  private readonly guarantorIds = new Set<number>();

  constructor(
    readonly db: Db,
    readonly when: LedgerWhen,
  ) {}

  /** Posts one entry (dated by the caller, posted now by the change's user). */
  post(e: Omit<NewEntry, 'postedAt' | 'postedBy'>): number {
    const { entryId, guarantorId } = postEntry(this.db, { ...e, postedAt: this.when.now, postedBy: this.when.by });
    this.accountIds.add(e.accountId);
    this.guarantorIds.add(guarantorId);
    return entryId;
  }

  /**
   * Posts many entries at once (an agency remittance's lines), each account's balance moved once
   * by their sum. Returns the entries' ids in the order given.
   */
  postMany(entries: readonly Omit<NewEntry, 'postedAt' | 'postedBy'>[]): number[] {
    const ids = insertEntries(
      this.db,
      entries.map((e) => ({ ...e, postedAt: this.when.now, postedBy: this.when.by })),
    );
    const deltas = new Map<number, number>();
    for (const e of entries) deltas.set(e.accountId, (deltas.get(e.accountId) ?? 0) + e.amountCents);
    this.moveBalances(deltas);
    return ids;
  }

  /** Reverses one entry with an equal and opposite one (at most once). */
  reverse(entryId: number, r: { reason: string; effectiveDate: string; approvedBy?: number | null }): number {
    const done = reverseEntry(this.db, entryId, { ...r, postedAt: this.when.now, postedBy: this.when.by });
    this.accountIds.add(done.accountId);
    this.guarantorIds.add(done.guarantorId);
    return done.entryId;
  }

  /**
   * Moves balances for entries written in bulk by the caller itself (the import writes thousands
   * of entries with multi-row statements): account id -> cents, one for every account that got an
   * entry. An account whose entries net to nothing still changed (a payment and a charge of the
   * same amount: the plan sees the payment), so it is touched all the same.
   */
  moveBalances(deltas: ReadonlyMap<number, number>): void {
    // Written in account id order (the accounts' pages and their indexes by guarantor in order: at a
    // million guarantors the touched pages outgrow the page cache, and an order that comes back to a
    // page after it was spilled reads and writes it again), told to subscribers in the order given.
    const guarantorOf = new Map<number, number>();
    for (const accountId of [...deltas.keys()].sort((a, b) => a - b))
      guarantorOf.set(accountId, moveBalance(this.db, accountId, deltas.get(accountId)!, this.when.now));
    for (const accountId of deltas.keys()) {
      this.guarantorIds.add(guarantorOf.get(accountId)!);
      this.accountIds.add(accountId);
    }
  }

  /** The change so far, as subscribers see it. */
  change(): LedgerChange {
    return { ...this.when, accountIds: this.accountIds, guarantorIds: this.guarantorIds };
  }
}

function whenOf(app: RecoupApp, by: number | null): LedgerWhen {
  return { today: app.clock.today(), now: app.nowIso(), by };
}

/** Runs every capability's afterLedgerChange; call inside the change's transaction, before it commits. */
export function settleLedgerChange(app: RecoupApp, writer: LedgerChangeWriter): void {
  const change = writer.change();
  if (change.accountIds.size === 0) return;
  for (const subscriber of app.extensions.ledgerSubscribers) subscriber(writer.db, change);
}

/**
 * One ledger change, all-or-nothing: `work` posts or reverses entries through the writer (and
 * writes whatever else belongs with them, a payment's row, a decision), then what depends on the
 * ledger is brought up to date, then it all commits.
 */
export function changeLedger<T>(app: RecoupApp, by: number | null, work: (ledger: LedgerChangeWriter) => T): T {
  const db = app.store.db;
  return db.transaction(() => {
    const writer = new LedgerChangeWriter(db, whenOf(app, by));
    const result = work(writer);
    settleLedgerChange(app, writer);
    return result;
  })();
}

// The ledger: immutable entries, and the balances kept in step with them in the same transaction.
// A mistake is corrected by a reversal that points at the entry it reverses. verifyBalances
// re-derives every balance from the ledger and reports any difference.
import { AppError } from '../../../shared/errors';
import {
  LEDGER_TYPE_SIGN,
  PATIENT_MONEY_TYPES,
  type LedgerLine,
  type LedgerType,
} from '../../../shared/schemas/ledger';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { GuarantorsRow, LedgerEntriesRow, PaymentsRow } from '../../store/schema';
import { guarantorName, moveBalance } from '../accounts';

export interface NewEntry {
  accountId: number;
  type: Exclude<LedgerType, 'reversal'>;
  amountCents: number;
  effectiveDate: string;
  postedAt: string;
  postedBy: number | null;
  reference?: string;
  reasonCode?: string | null;
  memo?: string;
  externalId?: string | null;
  paymentId?: number | null;
  importBatchId?: number | null;
  approvedBy?: number | null;
}

function checkSign(type: LedgerType, amount: number): void {
  const sign = LEDGER_TYPE_SIGN[type];
  if (!Number.isSafeInteger(amount) || amount === 0)
    throw new AppError('invalid_input', 'A ledger amount is a non-zero number of cents.');
  if ((sign === 1 && amount < 0) || (sign === -1 && amount > 0)) {
    throw new AppError(
      'invalid_input',
      `A ${type.replace(/_/g, ' ')} cannot be ${amount < 0 ? 'negative' : 'positive'}.`,
    );
  }
}

/** An entry's columns as written, and its values in that order: one definition for one entry or many. */
const ENTRY_COLUMNS = `account_id, type, amount_cents, effective_date, posted_at, posted_by, reference, reason_code, memo,
                       external_id, payment_id, import_batch_id, approved_by`;
const ENTRY_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
function entryArgs(e: NewEntry): (string | number | null)[] {
  return [
    e.accountId,
    e.type,
    e.amountCents,
    e.effectiveDate,
    e.postedAt,
    e.postedBy,
    e.reference ?? '',
    e.reasonCode ?? null,
    e.memo ?? '',
    e.externalId ?? null,
    e.paymentId ?? null,
    e.importBatchId ?? null,
    e.approvedBy ?? null,
  ];
}

/**
 * Writes one entry and moves the balances; call inside the caller's transaction. Only a ledger
 * change (changes.ts) calls it, so what depends on the ledger follows in the same transaction.
 */
export function postEntry(db: Db, e: NewEntry): { entryId: number; guarantorId: number } {
  checkSign(e.type, e.amountCents);
  const info = prepared(db, `INSERT INTO ledger_entries (${ENTRY_COLUMNS}) VALUES ${ENTRY_VALUES}`).run(
    ...entryArgs(e),
  );
  const guarantorId = moveBalance(db, e.accountId, e.amountCents, e.postedAt);
  return { entryId: Number(info.lastInsertRowid), guarantorId };
}

const ENTRIES_PER_STATEMENT = 500;

/**
 * Many entries posted at once (an agency remittance's lines): a few multi-row statements instead
 * of one each. Returns their ids in the order given. The caller's LedgerChangeWriter moves the
 * balances (postMany does both).
 *
 * Each entry gets the id it would get written in the order given (one after the highest, in
 * turn), but the rows are written in account order: the ledger's indexes by account then take
 * their pages one after another, each once. At a million guarantors those pages outgrow the page
 * cache, and in the order given (a remittance's lines come back to an account many lines later)
 * each page was read, spilled and read again.
 */
export function insertEntries(db: Db, entries: readonly NewEntry[]): number[] {
  if (entries.length === 0) return [];
  for (const e of entries) checkSign(e.type, e.amountCents);
  const first = prepared<[], number>(db, 'SELECT coalesce(max(id), 0) + 1 AS next_entry_id FROM ledger_entries')
    .pluck()
    .get() as number;
  const order = entries.map((_, i) => i).sort((i, j) => entries[i]!.accountId - entries[j]!.accountId || i - j);
  for (let at = 0; at < order.length; at += ENTRIES_PER_STATEMENT) {
    const chunk = order.slice(at, at + ENTRIES_PER_STATEMENT);
    const args: (string | number | null)[] = [];
    for (const i of chunk) args.push(first + i, ...entryArgs(entries[i]!));
    prepared(
      db,
      `INSERT INTO ledger_entries (id, ${ENTRY_COLUMNS})
       VALUES ${Array.from({ length: chunk.length }, () => `(?, ${ENTRY_VALUES.slice(1)}`).join(', ')}`,
    ).run(...args);
  }
  return entries.map((_, i) => first + i);
}

type EntryRow = Pick<LedgerEntriesRow, 'id' | 'account_id' | 'type' | 'amount_cents' | 'payment_id' | 'reverses_id'>;

/**
 * Reverses one entry with an equal and opposite entry. An entry is reversed at most once; a
 * reversal made by mistake is itself reversed, which restores the original.
 */
export function reverseEntry(
  db: Db,
  entryId: number,
  r: { reason: string; effectiveDate: string; postedAt: string; postedBy: number | null; approvedBy?: number | null },
): { entryId: number; accountId: number; guarantorId: number } {
  const entry = db
    .prepare('SELECT id, account_id, type, amount_cents, payment_id, reverses_id FROM ledger_entries WHERE id = ?')
    .get(entryId) as EntryRow | undefined;
  if (!entry) throw new AppError('not_found', 'There is no such ledger entry.');
  const already = db.prepare('SELECT id FROM ledger_entries WHERE reverses_id = ?').get(entryId) as
    { id: number } | undefined;
  if (already) throw new AppError('not_allowed', 'This entry has already been reversed.');
  const info = db
    .prepare(
      `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, posted_by, reference, memo, reverses_id, payment_id, approved_by)
       VALUES (?, 'reversal', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.account_id,
      -entry.amount_cents,
      r.effectiveDate,
      r.postedAt,
      r.postedBy,
      `reverses #${entry.id}`,
      r.reason,
      entry.id,
      entry.payment_id,
      r.approvedBy ?? null,
    );
  const guarantorId = moveBalance(db, entry.account_id, -entry.amount_cents, r.postedAt);
  return { entryId: Number(info.lastInsertRowid), accountId: entry.account_id, guarantorId };
}

type LineRow = Pick<
  LedgerEntriesRow,
  | 'id'
  | 'account_id'
  | 'type'
  | 'amount_cents'
  | 'effective_date'
  | 'posted_at'
  | 'reference'
  | 'reason_code'
  | 'memo'
  | 'payment_id'
  | 'reverses_id'
> & { posted_by_name: string | null; reversed_by_id: number | null; imported: number; approved_by_name: string | null };

/** An account's ledger in posting order (effective date, then id), with the running balance. */
export function accountLedger(db: Db, accountId: number): LedgerLine[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.account_id, e.type, e.amount_cents, e.effective_date, e.posted_at, u.full_name AS posted_by_name, e.reference,
              e.reason_code, e.memo, e.payment_id, e.reverses_id, r.id AS reversed_by_id,
              e.import_batch_id IS NOT NULL AS imported, ap.full_name AS approved_by_name
         FROM ledger_entries e
         LEFT JOIN users u ON u.id = e.posted_by
         LEFT JOIN ledger_entries r ON r.reverses_id = e.id
         LEFT JOIN users ap ON ap.id = e.approved_by
        WHERE e.account_id = ?
        ORDER BY e.effective_date, e.id`,
    )
    .all(accountId) as LineRow[];
  let running = 0;
  return rows.map((r) => {
    running += r.amount_cents;
    return {
      id: r.id,
      accountId: r.account_id,
      type: r.type,
      amountCents: r.amount_cents,
      effectiveDate: r.effective_date,
      postedAt: r.posted_at,
      postedBy: r.posted_by_name,
      reference: r.reference,
      reasonCode: r.reason_code,
      memo: r.memo,
      paymentId: r.payment_id,
      reversesId: r.reverses_id,
      reversedById: r.reversed_by_id,
      imported: r.imported === 1,
      approvedBy: r.approved_by_name,
      runningBalanceCents: running,
    };
  });
}

export interface BalanceDifference {
  kind: 'account' | 'guarantor';
  id: number;
  /** The account number, or the guarantor's name and number. */
  label: string;
  storedCents: number;
  derivedCents: number;
}

/** Re-derives every account balance from the ledger and every guarantor balance from its accounts. */
export function verifyBalances(db: Db): {
  ok: boolean;
  accountsChecked: number;
  guarantorsChecked: number;
  differences: BalanceDifference[];
} {
  const accountDiffs = db
    .prepare(
      `SELECT a.id, a.account_number AS label, a.balance_cents AS stored, coalesce(l.total, 0) AS derived
         FROM accounts a
         LEFT JOIN (SELECT account_id, sum(amount_cents) AS total FROM ledger_entries GROUP BY account_id) l ON l.account_id = a.id
        WHERE a.balance_cents <> coalesce(l.total, 0)`,
    )
    .all() as { id: number; label: string; stored: number; derived: number }[];
  const guarantorDiffs = (
    db
      .prepare(
        `SELECT g.id, g.first_name, g.middle_name, g.last_name, g.external_id, g.balance_cents AS stored, coalesce(a.total, 0) AS derived
           FROM guarantors g
           LEFT JOIN (SELECT guarantor_id, sum(balance_cents) AS total FROM accounts GROUP BY guarantor_id) a ON a.guarantor_id = g.id
          WHERE g.balance_cents <> coalesce(a.total, 0)`,
      )
      .all() as (Pick<GuarantorsRow, 'id' | 'first_name' | 'middle_name' | 'last_name' | 'external_id'> & {
      stored: number;
      derived: number;
    })[]
  ).map((d) => ({ ...d, label: `${guarantorName(d)}${d.external_id ? ` (${d.external_id})` : ''}` }));
  const differences: BalanceDifference[] = [
    ...accountDiffs.map((d) => ({
      kind: 'account' as const,
      id: d.id,
      label: d.label,
      storedCents: d.stored,
      derivedCents: d.derived,
    })),
    ...guarantorDiffs.map((d) => ({
      kind: 'guarantor' as const,
      id: d.id,
      label: d.label,
      storedCents: d.stored,
      derivedCents: d.derived,
    })),
  ];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    ok: differences.length === 0,
    accountsChecked: count('SELECT count(*) AS n FROM accounts'),
    guarantorsChecked: count('SELECT count(*) AS n FROM guarantors'),
    differences,
  };
}

/**
 * SQL: true when the ledger entry under `alias` stands — it was never reversed, or its reversal was
 * itself reversed (an even number of reversals in its chain; an entry is reversed at most once, so
 * the chain is a line). The one definition plans, promises and the account screen use.
 */
export function entryStandsSql(alias: string): string {
  // Almost every entry was never reversed: one probe of the reversal index answers, and the chain
  // is counted only for the rare entry that was.
  // Its own aliases (standsRev*) never shadow the caller's: `alias` may be any name, even 'r'.
  return `(NOT EXISTS (SELECT 1 FROM ledger_entries standsRev0 WHERE standsRev0.reverses_id = ${alias}.id) OR (WITH RECURSIVE undone(id) AS (
      SELECT standsRev1.id FROM ledger_entries standsRev1 WHERE standsRev1.reverses_id = ${alias}.id
      UNION ALL SELECT standsRev2.id FROM ledger_entries standsRev2 JOIN undone ON standsRev2.reverses_id = undone.id)
    SELECT count(*) FROM undone) % 2 = 0)`;
}

/** An account's entry as it counts: a reversal counts with the entry it reverses, and a reversal of
 * a reversal with the original (followed through any chain). */
export interface CountedEntry {
  id: number;
  effective_date: string;
  amount_cents: number;
  memo: string;
  type: LedgerType;
  counts_as: LedgerType;
  /** The entry a reversal reverses (null for any other entry). */
  reverses_id: number | null;
}

const ENTRIES_AS_COUNTED = `
  WITH RECURSIVE counted(id, counts_as) AS (
    SELECT id, type FROM ledger_entries WHERE account_id = @account AND reverses_id IS NULL
    UNION ALL
    SELECT e.id, c.counts_as FROM ledger_entries e JOIN counted c ON e.reverses_id = c.id
  )
  SELECT e.id, e.effective_date, e.amount_cents, e.memo, e.type, c.counts_as, e.reverses_id
    FROM ledger_entries e JOIN counted c ON c.id = e.id
   WHERE e.effective_date <= @asOf ORDER BY e.effective_date, e.id`;

/** An account's ledger up to a date (effective date, then posting order), each entry as it counts. */
export function entriesAsCounted(db: Db, accountId: number, asOf: string): CountedEntry[] {
  return prepared(db, ENTRIES_AS_COUNTED).all({ account: accountId, asOf }) as CountedEntry[];
}

/** Records a payment (its receipt's row); its entries are posted by the same ledger change. */
export function insertPayment(db: Db, p: Omit<PaymentsRow, 'id' | 'receipt_document_id'>): number {
  return Number(
    prepared(
      db,
      `INSERT INTO payments (receipt_number, guarantor_id, method, reference, amount_cents, effective_date, received_by, created_at)
       VALUES (@receipt_number, @guarantor_id, @method, @reference, @amount_cents, @effective_date, @received_by, @created_at)`,
    ).run(p).lastInsertRowid,
  );
}

/** Links a payment to the document of its receipt (drawn once; every later print is that document). */
export function linkReceipt(db: Db, paymentId: number, documentId: number): void {
  prepared(db, 'UPDATE payments SET receipt_document_id = ? WHERE id = ?').run(documentId, paymentId);
}

/** An entry of the billing extract, written by the import with its billing-system id. */
export interface ImportedEntry {
  accountId: number;
  type: Exclude<LedgerType, 'reversal'>;
  amountCents: number;
  effectiveDate: string;
  reference: string;
  memo: string;
  externalId: string;
}

/**
 * The import's bulk write: many entries in one statement (far cheaper than one each), those whose
 * billing id is already in the ledger skipped. Returns how many were written. The caller moves the
 * balances (LedgerChangeWriter.moveBalances) in the same transaction.
 */
export function insertImportedEntries(
  db: Db,
  entries: readonly ImportedEntry[],
  by: { postedAt: string; postedBy: number | null; importBatchId: number },
): number {
  if (entries.length === 0) return 0;
  const args: (string | number | null)[] = [];
  for (const e of entries) {
    checkSign(e.type, e.amountCents);
    args.push(
      e.accountId,
      e.type,
      e.amountCents,
      e.effectiveDate,
      by.postedAt,
      by.postedBy,
      e.reference,
      e.memo,
      e.externalId,
      by.importBatchId,
    );
  }
  return prepared(
    db,
    `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, posted_by, reference, memo, external_id, import_batch_id)
     VALUES ${Array.from({ length: entries.length }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (external_id) WHERE external_id IS NOT NULL DO NOTHING`,
  ).run(...args).changes;
}

/** The entry a billing-system transaction id was imported as, if any. */
export function entryByExternalId(
  db: Db,
  externalId: string,
):
  | Pick<LedgerEntriesRow, 'id' | 'account_id' | 'type' | 'amount_cents' | 'effective_date' | 'import_batch_id'>
  | undefined {
  return prepared<
    [string],
    Pick<LedgerEntriesRow, 'id' | 'account_id' | 'type' | 'amount_cents' | 'effective_date' | 'import_batch_id'>
  >(
    db,
    'SELECT id, account_id, type, amount_cents, effective_date, import_batch_id FROM ledger_entries WHERE external_id = ?',
  ).get(externalId);
}

const PATIENT_SET: ReadonlySet<string> = new Set(PATIENT_MONEY_TYPES);
const PATIENT_LIST = PATIENT_MONEY_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * SQL, for the account under `account`: what the patient paid on it, net of refunds and reversals
 * (cents; negative when more was refunded), each entry counted as the entry it reverses, to two
 * levels. Read it with `patientPaidLongChainsSql`: an account with a longer chain (rare) is counted
 * in full by `patientPaid`, so that the set query stays one pass over the account's entries.
 */
export function patientPaidSql(account: string): string {
  return `(SELECT coalesce(-sum(e.amount_cents), 0) FROM ledger_entries e
      LEFT JOIN ledger_entries o1 ON o1.id = e.reverses_id LEFT JOIN ledger_entries o2 ON o2.id = o1.reverses_id
     WHERE e.account_id = ${account}.id AND coalesce(o2.type, o1.type, e.type) IN (${PATIENT_LIST}))`;
}

/** SQL: true when the account under `account` has a reversal chain longer than patientPaidSql follows. */
export function patientPaidLongChainsSql(account: string): string {
  return `EXISTS (SELECT 1 FROM ledger_entries e JOIN ledger_entries o1 ON o1.id = e.reverses_id
      JOIN ledger_entries o2 ON o2.id = o1.reverses_id
     WHERE e.account_id = ${account}.id AND o2.type = 'reversal')`;
}

/** What the patient paid on an account, net of refunds and reversals, followed through any chain. */
export function patientPaid(db: Db, accountId: number): number {
  let paid = 0;
  for (const e of entriesAsCounted(db, accountId, '9999-12-31'))
    if (PATIENT_SET.has(e.counts_as)) paid -= e.amount_cents;
  return paid;
}

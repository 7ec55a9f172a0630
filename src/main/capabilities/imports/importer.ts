// The billing-extract import. One pass per file inside one transaction: every row is read and
// checked, written, and counted; at the end a preview (or any error) rolls everything back and a
// commit keeps it. Preview and commit run the same code, so what the clerk previews is exactly
// what a commit does. Re-importing is idempotent: guarantors and accounts are updated in place,
// transactions are matched by their billing-system id and never doubled.
import {
  IMPORT_FIELDS,
  LAYOUT_RECORDS,
  type ImportLayout,
  type ImportLineError,
  type ImportMapping,
  type ImportReport,
} from '../../../shared/schemas/import';
import type { DeathSubscriber } from '../../platform/capability';
import { largerPageCache, type Db } from '../../store/database';
import { beginWork } from '../../platform/unitOfWork';
import { entryByExternalId, insertImportedEntries, LedgerChangeWriter, type ImportedEntry } from '../ledger';
import {
  addNameTokens,
  addressFromExtract,
  extractWriter,
  replaceNameTokens,
  type AccountFromExtract,
  type GuarantorFromExtract,
} from '../accounts';
import { csvChunks, type CsvRow } from './csv';
import { sourcePieces, sourceSize, type ImportSource } from './source';
import { fingerprint, LineList, own, SeenRows } from './seen';
import {
  readAccount,
  readGuarantor,
  readTransaction,
  requiredFields,
  RowReader,
  type AccountIncoming,
} from './records';
import {
  ACCOUNT_FIELD_OWNERS,
  ADDRESS_FIELDS,
  GUARANTOR_FIELD_OWNERS,
  mergeExtractRow,
  type ExtractValue,
  type FieldChange,
  type FieldHeld,
  type FieldKept,
} from '../../../shared/rules/extractOwnership';
import { holdChange } from './heldChanges';
import { deferIndexes, storeIsEmpty } from './firstLoad';
import { lastFapHistoryDate, recordFapFromExtract } from '../compliance';

/** A file to import: its name, what it holds, the clerk's mapping, and its text or bytes (source.ts). */
export type ImportFile = {
  name: string;
  layout: ImportLayout;
  mapping: ImportMapping;
} & ImportSource;

export interface ImportHooks {
  onProgress?(count: number, total: number, phase: string): void;
  isCancelled?(): boolean;
  /** Lets other work run between chunks (the event loop, progress delivery, a cancel). */
  pause?(): Promise<void>;
}

export class ImportCancelled extends Error {}

const MAX_LISTED_ERRORS = 1000;
const ENTRY_BATCH = 50;
/**
 * Up to 128 MiB of page cache while an import runs (only what is used is allocated). A first load
 * writes mostly at the end of its tables, so a page spilled before the commit is rarely written
 * again. The cache, once freed, stays resident (the C allocator keeps it), so it counts in every
 * later step's memory too (issue 18: at 1M the import peaked at 1,873 MB with 512 MiB and 1,329 MB
 * with 128 MiB; at 300k the same CPU time, 104.6 s against 106.5 s; 1 GiB passed 2 GB).
 */
export const IMPORT_CACHE_KIB = 128 * 1024;
const LAYOUT_ORDER: ImportLayout[] = ['guarantors', 'accounts', 'transactions', 'combined'];

function normal(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The column index of each mapped field; fields mapped to a missing column are reported. */
function resolveColumns(
  headers: string[],
  mapping: ImportMapping,
): { columns: Map<string, number>; missing: [string, string][] } {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(normal(h))) index.set(normal(h), i);
  });
  const columns = new Map<string, number>();
  const missing: [string, string][] = [];
  for (const [field, header] of Object.entries(mapping.columns)) {
    if (!header) continue;
    const i = index.get(normal(header));
    if (i === undefined) missing.push([field, header]);
    else columns.set(field, i);
  }
  return { columns, missing };
}

/** The mapping a file gets when its headers already use Recoup's field names. */
export function autoMapping(headers: string[], layout: ImportLayout): Record<string, string> {
  const byNormal = new Map(headers.map((h) => [normal(h), h]));
  const out: Record<string, string> = {};
  const records = LAYOUT_RECORDS[layout];
  for (const f of IMPORT_FIELDS) {
    if (!records.includes(f.record)) continue;
    let source = f.name;
    if (f.name === 'account_guarantor_id') source = 'guarantor_id';
    if (f.name === 'transaction_account_number') source = 'account_number';
    if (layout === 'combined' && (f.name === 'account_guarantor_id' || f.name === 'transaction_account_number'))
      continue;
    const h = byNormal.get(normal(source));
    if (h) out[f.name] = h;
  }
  return out;
}

/** What a new guarantor has where the extract gives no information. */
const NEW_GUARANTOR: Omit<GuarantorFromExtract, 'external_id' | 'last_name' | 'first_name'> = {
  mrn: null,
  middle_name: '',
  date_of_birth: null,
  address_line1: '',
  address_line2: '',
  city: '',
  state: '',
  zip: '',
  phone: '',
  email: '',
  language: 'English',
  employer: '',
  is_employee: 0,
  employee_id: null,
  pay_frequency: null,
  hourly_rate_cents: null,
  annual_salary_cents: null,
  deceased: 0,
  date_of_death: null,
  death_source: '',
  fap_status: 'unknown',
  fap_status_date: null,
  bankruptcy: 0,
  do_not_call: 0,
  do_not_mail: 0,
  do_not_email: 0,
};

/** What a new account has where the extract gives no information. */
const NEW_ACCOUNT: Omit<
  AccountFromExtract,
  'account_number' | 'guarantor_id' | 'service_from' | 'service_to' | 'service_type' | 'payer_class'
> = {
  patient_name: '',
  state_of_service: '',
  mbi: null,
  medicare_ra_date: null,
  medicaid_number: null,
  medicaid_ra_date: null,
  secondary_ra_date: null,
  deductible_cents: 0,
  coinsurance_cents: 0,
  last_illness: 0,
  first_statement_date: null,
};

function accountColumns(a: AccountIncoming): Omit<AccountIncoming, 'guarantorExternalId'> {
  const { guarantorExternalId: _, ...columns } = a;
  return columns;
}

const MAX_LISTED_CHANGES = 1000;

export async function runImport(
  db: Db,
  files: ImportFile[],
  options: {
    mode: 'preview' | 'commit';
    now: string;
    userId: number | null;
    source: string;
    /** The business date (for what runs after the ledger moves); defaults to the day of `now`. */
    today?: string;
    /**
     * Runs what depends on the ledger (settleLedgerChange: every capability's afterLedgerChange),
     * inside the import's transaction, after the balances have moved and before it commits.
     * Required, so no caller can move money without it.
     */
    afterLedgerChange: (ledger: LedgerChangeWriter) => void;
    /**
     * Issue 14: every capability's afterDeathChange (app.extensions.deathSubscribers), called inside
     * the import's transaction, after the ledger has settled, for each guarantor whose deceased flag
     * the import raised (a death has the same effects however it came in).
     */
    deathSubscribers: readonly DeathSubscriber[];
  },
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const started = Date.now();
  const today = options.today ?? options.now.slice(0, 10);
  const report: ImportReport = {
    mode: options.mode,
    committed: false,
    cancelled: false,
    rows: 0,
    guarantors: { created: 0, updated: 0, unchanged: 0 },
    accounts: { created: 0, updated: 0, unchanged: 0 },
    transactions: { created: 0, duplicates: 0 },
    changes: [],
    changeCount: 0,
    kept: [],
    keptCount: 0,
    held: [],
    heldCount: 0,
    errors: [],
    errorCount: 0,
    sample: [],
    headers: {},
    batchId: null,
    elapsedMs: 0,
  };
  // What the report keeps is copied out of the chunk of text it was read from, so that a listed
  // error does not keep its whole chunk alive.
  const error = (e: ImportLineError) => {
    report.errorCount++;
    if (report.errors.length < MAX_LISTED_ERRORS)
      report.errors.push({ ...e, value: e.value === null ? null : own(e.value), reason: own(e.reason) });
  };
  const columnLabel = (mapping: ImportMapping, field: string) => mapping.columns[field] ?? field;
  const text = (value: ExtractValue) => (value === null ? null : own(String(value)));
  /** Lists what an existing row's merge changed and kept (the report's "what changed"). */
  const noteMerge = (
    at: { file: string; line: number },
    record: 'guarantor' | 'account',
    key: string,
    merged: { changes: FieldChange[]; kept: FieldKept[]; held: FieldHeld[] },
  ) => {
    for (const c of merged.changes) {
      report.changeCount++;
      if (report.changes.length < MAX_LISTED_CHANGES)
        report.changes.push({ ...at, record, key, field: c.field, from: text(c.from), to: text(c.to) });
    }
    for (const h of merged.held) {
      report.heldCount++;
      if (report.held.length < MAX_LISTED_CHANGES)
        report.held.push({
          ...at,
          record: 'guarantor',
          key,
          field: h.field,
          from: text(h.from),
          to: text(h.to),
          reason: h.reason,
        });
    }
    for (const k of merged.kept) {
      report.keptCount++;
      if (report.kept.length < MAX_LISTED_CHANGES)
        report.kept.push({
          ...at,
          record,
          key,
          field: k.field,
          extract: text(k.extract),
          kept: text(k.kept),
          reason: k.reason,
        });
    }
  };
  /** A financial-assistance status the extract brought goes into the status history (ECA-05). */
  const fapFromExtract = (
    at: { file: string; line: number },
    guarantorId: number,
    status: GuarantorFromExtract['fap_status'],
    date: string | null,
  ) => {
    if (status === 'unknown') return;
    recordFapFromExtract(db, {
      guarantorId,
      status,
      date: date ?? today,
      note:
        `From the billing extract (${at.file}, line ${at.line})` +
        (date === null ? '; the extract gave no status date, so this is the day it was imported.' : '.'),
      by: options.userId,
      now: options.now,
    });
  };

  const ordered = [...files].sort((a, b) => LAYOUT_ORDER.indexOf(a.layout) - LAYOUT_ORDER.indexOf(b.layout));
  // Progress is measured in what is read (characters of a text, bytes of a file), across the files.
  const sizes = ordered.map((f) => sourceSize(f));
  const totalChars = sizes.reduce((n, size) => n + size, 0);

  const rows = extractWriter(db);

  // The guarantors and accounts met so far (by the billing system's ids), compactly; a transaction
  // met twice is found by the ledger's unique transaction id.
  const guarantorsSeen = new SeenRows();
  const deathsRaised = new Set<number>();
  const accountsSeen = new SeenRows();
  const deltas = new Map<number, number>();
  const lastRowid = db.prepare('SELECT last_insert_rowid()').pluck();
  /** The line of each ledger entry the import wrote, by its place among them (its id less the first's). */
  const entryLines = new LineList();
  let firstEntryId: number | null = null;

  // Ledger entries are written 50 to a statement: a bulk import is mostly transactions, and one
  // multi-row INSERT costs far less than fifty single ones. An entry whose transaction id is
  // already in the ledger (a re-import, or a line repeated in this import) is then checked on its
  // own: the entries written by one statement have consecutive ids, so the first of them with an id
  // was written for its line, and a later one is a repeat.
  let batchId = 0;
  // A transaction waiting to be written: the entry as the ledger takes it, and where it came from.
  type Pending = ImportedEntry & { line: number; file: string; column: string };
  const pendingEntries: Pending[] = [];
  const flushEntries = () => {
    const n = pendingEntries.length;
    if (n === 0) return;
    const inserted = insertImportedEntries(db, pendingEntries, {
      postedAt: options.now,
      postedBy: options.userId,
      importBatchId: batchId,
    });
    const last = inserted > 0 ? (lastRowid.get() as number) : 0;
    const firstNew = inserted > 0 ? last - inserted + 1 : Number.POSITIVE_INFINITY;
    firstEntryId ??= inserted > 0 ? firstNew : null;
    if (inserted === n) {
      for (let i = 0; i < n; i++) {
        const p = pendingEntries[i]!;
        report.transactions.created++;
        deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0) + p.amountCents);
        entryLines.set(firstNew + i - firstEntryId!, p.line);
      }
      pendingEntries.length = 0;
      return;
    }
    const claimed = new Set<string>();
    for (const p of pendingEntries) {
      const prior = entryByExternalId(db, p.externalId)!;
      if (prior.import_batch_id === batchId) {
        if (prior.id >= firstNew && !claimed.has(p.externalId)) {
          claimed.add(p.externalId);
          report.transactions.created++;
          deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0) + p.amountCents);
          entryLines.set(prior.id - firstEntryId!, p.line);
        } else {
          error({
            file: p.file,
            line: p.line,
            column: p.column,
            value: p.externalId,
            reason: `Line ${p.line}: transaction ${p.externalId} is a duplicate of line ${entryLines.get(prior.id - firstEntryId!)}.`,
          });
        }
      } else if (
        prior.account_id === p.accountId &&
        prior.type === p.type &&
        prior.amount_cents === p.amountCents &&
        prior.effective_date === p.effectiveDate
      ) {
        report.transactions.duplicates++;
      } else {
        error({
          file: p.file,
          line: p.line,
          column: p.column,
          value: p.externalId,
          reason: `Line ${p.line}: transaction ${p.externalId} was imported before with other details; the ledger cannot change it (post a correction instead).`,
        });
      }
    }
    pendingEntries.length = 0;
  };

  // A bulk import changes most pages of the ledger and its indexes: a page cache large enough to
  // hold them until commit writes (and encrypts) each page once instead of spilling it repeatedly.
  const restoreCache = largerPageCache(db, IMPORT_CACHE_KIB);
  // Inside the call's transaction (the router's, HP-01) this is a savepoint: the import commits
  // only with its audit event.
  const work = beginWork(db);
  try {
    const batch = db
      .prepare(`INSERT INTO import_batches (started_at, user_id, source, files) VALUES (?, ?, ?, ?) RETURNING id`)
      .get(
        options.now,
        options.userId,
        options.source,
        JSON.stringify(files.map((f) => ({ name: f.name, layout: f.layout }))),
      ) as { id: number };
    report.batchId = batch.id;
    batchId = batch.id;
    // A first load into an empty store builds the secondary indexes once at the end (firstLoad.ts).
    const buildIndexes = storeIsEmpty(db) ? deferIndexes(db) : null;

    let charsBefore = 0;
    for (const [fileIndex, file] of ordered.entries()) {
      const m = file.mapping;
      const state = { columns: null as Map<string, number> | null, usable: false, rows: 0, problems: 0 };
      let reader = new RowReader(new Map());
      let hasTransactionColumns = false;

      const processRow = (row: CsvRow) => {
        reader.reset(row.cells);
        const at = { file: file.name, line: row.line };
        const rowErrors = () => {
          for (const p of reader.problems) {
            const col = columnLabel(m, p.field);
            error({
              ...at,
              column: col,
              value: p.value.slice(0, 60),
              reason:
                p.value.trim() === ''
                  ? `Line ${row.line}, column ${col}: ${p.reason === 'is required' ? 'empty, but a value is required' : `empty: it ${p.reason}`}.`
                  : `Line ${row.line}, column ${col}: "${p.value.slice(0, 40)}" ${p.reason}.`,
            });
          }
          const had = reader.problems.length > 0;
          reader.problems.length = 0;
          return had;
        };

        let rowFailed = false;
        // Guarantor
        if (file.layout === 'guarantors' || file.layout === 'combined') {
          const g = readGuarantor(reader, m, today);
          rowFailed = rowErrors();
          if (!rowFailed) {
            const seen = guarantorsSeen.slot(g.external_id);
            if (seen !== undefined) {
              if (guarantorsSeen.fingerprint(seen) !== fingerprint(g)) {
                const seenFile = ordered[guarantorsSeen.file(seen)]!.name;
                error({
                  ...at,
                  column: columnLabel(m, 'guarantor_id'),
                  value: g.external_id,
                  reason: `Line ${row.line}: guarantor ${g.external_id} has different details than on line ${guarantorsSeen.line(seen)}${seenFile !== file.name ? ` of ${seenFile}` : ''}.`,
                });
              }
            } else {
              // New guarantors (the common case) cost one statement; existing ones are merged field
              // by field by who owns each fact (src/shared/rules/extractOwnership.ts).
              const fresh = { ...NEW_GUARANTOR, ...g };
              // A status given undated is as of the import's day (its history row says so).
              if (fresh.fap_status !== 'unknown' && fresh.fap_status_date === null) fresh.fap_status_date = today;
              const inserted = rows.insertGuarantor(fresh, options.now);
              let id: number;
              if (inserted !== null) {
                id = inserted;
                if (fresh.deceased === 1) deathsRaised.add(id);
                addNameTokens(db, id, g.first_name, fresh.middle_name, g.last_name);
                fapFromExtract(at, id, fresh.fap_status, fresh.fap_status_date);
                report.guarantors.created++;
              } else {
                const { id: existingId, ...existing } = rows.findGuarantor(g.external_id)!;
                id = existingId;
                const merged = mergeExtractRow(existing, g, GUARANTOR_FIELD_OWNERS, {
                  today,
                  recordedOn:
                    existing.fap_status !== 'unknown' && existing.fap_status_date === null
                      ? lastFapHistoryDate(db, id)
                      : null,
                });
                noteMerge(at, 'guarantor', g.external_id, merged);
                for (const h of merged.held)
                  holdChange(db, {
                    batchId,
                    guarantorId: id,
                    field: h.field,
                    from: h.from,
                    to: h.to,
                    ...at,
                    now: options.now,
                  });
                if (merged.changes.length === 0) report.guarantors.unchanged++;
                else {
                  const next = merged.values;
                  rows.updateGuarantor(id, next, options.now);
                  if (existing.deceased !== 1 && next.deceased === 1) deathsRaised.add(id);
                  if (
                    existing.first_name !== next.first_name ||
                    existing.middle_name !== next.middle_name ||
                    existing.last_name !== next.last_name
                  ) {
                    replaceNameTokens(db, id, next.first_name, next.middle_name, next.last_name);
                  }
                  if (merged.changes.some((c) => c.field === 'fap_status'))
                    fapFromExtract(at, id, next.fap_status, next.fap_status_date);
                  // Issue 11: a new address from the billing system ends a returned-mail hold; the
                  // address the mail came back from, brought back, holds it again.
                  if (merged.changes.some((c) => (ADDRESS_FIELDS as readonly string[]).includes(c.field)))
                    addressFromExtract(db, id, next, today, options.now, options.userId);
                  report.guarantors.updated++;
                }
              }
              guarantorsSeen.add(g.external_id, id, fingerprint(g), row.line, fileIndex);
            }
          }
        }

        // Account (a combined row whose guarantor part failed goes no further: one error, not three)
        if (!rowFailed && (file.layout === 'accounts' || file.layout === 'combined')) {
          const a = readAccount(reader, m, file.layout === 'combined' ? 'guarantor_id' : 'account_guarantor_id');
          rowFailed = rowErrors();
          if (!rowFailed) {
            const guarantorSlot = guarantorsSeen.slot(a.guarantorExternalId);
            const guarantorId =
              guarantorSlot !== undefined
                ? guarantorsSeen.id(guarantorSlot)
                : rows.guarantorIdOf(a.guarantorExternalId);
            if (guarantorId === undefined) {
              rowFailed = true;
              error({
                ...at,
                column: columnLabel(m, file.layout === 'combined' ? 'guarantor_id' : 'account_guarantor_id'),
                value: a.guarantorExternalId,
                reason: `Line ${row.line}: account ${a.account_number} names guarantor ${a.guarantorExternalId}, who is not in this import or in Recoup (unknown guarantor).`,
              });
            } else {
              const seen = accountsSeen.slot(a.account_number);
              if (seen !== undefined) {
                if (accountsSeen.fingerprint(seen) !== fingerprint(a)) {
                  const seenFile = ordered[accountsSeen.file(seen)]!.name;
                  error({
                    ...at,
                    column: columnLabel(m, 'account_number'),
                    value: a.account_number,
                    reason: `Line ${row.line}: account ${a.account_number} has different details than on line ${accountsSeen.line(seen)}${seenFile !== file.name ? ` of ${seenFile}` : ''}.`,
                  });
                }
              } else {
                const incoming = accountColumns(a);
                const inserted = rows.insertAccount(
                  { ...NEW_ACCOUNT, ...incoming, guarantor_id: guarantorId },
                  options.now,
                );
                let id: number;
                if (inserted !== null) {
                  id = inserted;
                  report.accounts.created++;
                } else {
                  const { id: existingId, ...existing } = rows.findAccount(a.account_number)!;
                  id = existingId;
                  if (existing.guarantor_id !== guarantorId) {
                    error({
                      ...at,
                      column: columnLabel(m, 'account_number'),
                      value: a.account_number,
                      reason: `Line ${row.line}: account ${a.account_number} belongs to another guarantor in Recoup; moving an account between guarantors is not done by import.`,
                    });
                  } else {
                    const merged = mergeExtractRow(existing, incoming, ACCOUNT_FIELD_OWNERS);
                    noteMerge(at, 'account', a.account_number, merged);
                    if (merged.changes.length === 0) report.accounts.unchanged++;
                    else {
                      rows.updateAccount(id, merged.values, options.now);
                      report.accounts.updated++;
                    }
                  }
                }
                accountsSeen.add(a.account_number, id, fingerprint(a), row.line, fileIndex);
              }
            }
          }
        }

        // Transaction
        const wantsTransaction =
          !rowFailed &&
          (file.layout === 'transactions' ||
            (file.layout === 'combined' &&
              hasTransactionColumns &&
              ['transaction_id', 'transaction_type', 'amount', 'effective_date'].some(
                (f) => reader.raw(f).trim() !== '',
              )));
        if (wantsTransaction) {
          const t = readTransaction(
            reader,
            m,
            file.layout === 'combined' ? 'account_number' : 'transaction_account_number',
          );
          if (!rowErrors() && t) {
            const accountSlot = accountsSeen.slot(t.accountNumber);
            const accountId =
              accountSlot !== undefined ? accountsSeen.id(accountSlot) : rows.accountIdOf(t.accountNumber);
            if (accountId === undefined) {
              error({
                ...at,
                column: columnLabel(m, file.layout === 'combined' ? 'account_number' : 'transaction_account_number'),
                value: t.accountNumber,
                reason: `Line ${row.line}: transaction ${t.externalId} is for account ${t.accountNumber}, which is not in this import or in Recoup (unknown account).`,
              });
            } else {
              pendingEntries.push({
                accountId,
                type: t.type,
                amountCents: t.amountCents,
                effectiveDate: t.effectiveDate,
                reference: t.reference,
                memo: t.memo,
                externalId: t.externalId,
                line: row.line,
                file: file.name,
                column: columnLabel(m, 'transaction_id'),
              });
              if (pendingEntries.length === ENTRY_BATCH) flushEntries();
            }
          }
        }

        report.rows++;
      };

      let headers: string[] = [];
      for await (const chunk of csvChunks(sourcePieces(file.name, file, m.encoding))) {
        headers = chunk.headers;
        if (state.columns === null && chunk.headers.length > 0) {
          report.headers[file.name] = chunk.headers.map(own);
          const { columns, missing } = resolveColumns(chunk.headers, m);
          for (const [field, header] of missing) {
            error({
              file: file.name,
              line: 1,
              column: header,
              value: null,
              reason: `The column "${header}" (mapped to ${field}) is not in the file's header.`,
            });
          }
          const required = requiredFields(LAYOUT_RECORDS[file.layout], file.layout);
          for (const field of required) {
            if (!columns.has(field)) {
              error({
                file: file.name,
                line: 1,
                column: null,
                value: null,
                reason: `No column is mapped to the required field ${field}.`,
              });
            }
          }
          state.columns = columns;
          state.usable = chunk.headers.length > 0 && missing.length === 0 && required.every((f) => columns.has(f));
          reader = new RowReader(columns);
          hasTransactionColumns = columns.has('transaction_id');
        }
        for (const p of chunk.problems) {
          state.problems++;
          error({ file: file.name, line: p.line, column: null, value: null, reason: `Line ${p.line} ${p.reason}.` });
        }
        for (const row of chunk.rows) {
          if (report.sample.length >= 20) break;
          report.sample.push(
            Object.fromEntries([
              ['_file', file.name],
              ['_line', String(row.line)],
              ...chunk.headers.map((h, i) => [own(h), own(row.cells[i] ?? '')]),
            ]),
          );
        }
        state.rows += chunk.rows.length;
        if (state.usable) for (const row of chunk.rows) processRow(row);
        flushEntries();
        hooks.onProgress?.(
          charsBefore + chunk.done,
          totalChars,
          `${options.mode === 'preview' ? 'Checking' : 'Importing'} ${file.name}`,
        );
        if (hooks.pause) await hooks.pause();
        if (hooks.isCancelled?.()) throw new ImportCancelled();
      }
      if (headers.length === 0) {
        error({ file: file.name, line: 1, column: null, value: null, reason: 'The file has no header line.' });
      } else if (state.rows === 0 && state.problems === 0) {
        error({ file: file.name, line: 1, column: null, value: null, reason: 'The file has a header but no rows.' });
      }
      charsBefore += sizes[fileIndex]!;
    }
    hooks.onProgress?.(totalChars, totalChars, 'Updating balances');
    const ledger = new LedgerChangeWriter(db, {
      today: options.today ?? options.now.slice(0, 10),
      now: options.now,
      by: options.userId,
    });
    ledger.moveBalances(deltas);
    if (options.mode === 'commit' && report.errorCount === 0) {
      if (buildIndexes) {
        hooks.onProgress?.(totalChars, totalChars, 'Building the search indexes');
        buildIndexes();
      }
      options.afterLedgerChange(ledger);
      for (const guarantorId of deathsRaised)
        for (const subscriber of options.deathSubscribers)
          subscriber(db, {
            guarantorId,
            deceased: true,
            today,
            now: options.now,
            by: options.userId,
            why: `The billing extract reported the death (import #${batch.id}).`,
          });
    }
    if (hooks.isCancelled?.()) throw new ImportCancelled();

    const counts = {
      rows: report.rows,
      guarantors: report.guarantors,
      accounts: report.accounts,
      transactions: report.transactions,
      errors: report.errorCount,
    };
    db.prepare('UPDATE import_batches SET finished_at = ?, counts = ? WHERE id = ?').run(
      options.now,
      JSON.stringify(counts),
      batch.id,
    );
    if (options.mode === 'commit' && report.errorCount === 0) {
      work.commit();
      report.committed = true;
    } else {
      work.rollback();
      report.batchId = null;
    }
  } catch (err) {
    work.rollback();
    report.batchId = null;
    if (err instanceof ImportCancelled) report.cancelled = true;
    else throw err;
  } finally {
    restoreCache();
  }
  hooks.onProgress?.(totalChars, totalChars, report.cancelled ? 'Cancelled' : 'Done');
  report.elapsedMs = Date.now() - started;
  return report;
}

/**
 * An import batch for a file another capability reads and writes itself (issue 15: an X12 835),
 * finished at once with its counts; ledger entries it posts carry the batch's id. Call inside the
 * caller's transaction.
 */
export function recordImportBatch(
  db: Db,
  b: { now: string; userId: number | null; source: string; fileName: string; counts: Record<string, number> },
): number {
  return (
    db
      .prepare(
        `INSERT INTO import_batches (started_at, finished_at, user_id, source, files, counts) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(b.now, b.now, b.userId, b.source, JSON.stringify([{ name: b.fileName }]), JSON.stringify(b.counts)) as {
      id: number;
    }
  ).id;
}

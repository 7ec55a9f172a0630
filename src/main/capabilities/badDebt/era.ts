// X12 835 remittances in (issue 15, X-01, X-02): each claim matched to its account by the patient
// control number (CLP01), its payment and contractual adjustments posted, its deductible,
// coinsurance and copay recorded (costSharing.ts reads them), the payer's remittance date set on
// the account. One engine serves the preview and the import: the preview runs it inside a
// savepoint and rolls it back, so what it predicts is what the import does.
//
// What posts, per claim matched and not posted before: `insurance_payment` of -CLP04 when CLP04 > 0
// and `contractual_adjustment` of -(CO + PI) when that is > 0 (claim and line levels); PR is the
// patient's and never adjusted; OA is recorded, not posted. A reversal (CLP02 22) reverses the
// entries of the earlier claim of the same account and payer claim number (CLP07). PLB is recorded,
// never posted. All of it is one ledger change: any failure and nothing of the file stands.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type {
  ClaimOutcome,
  EraAdjustmentView,
  EraClaimView,
  EraFileDetail,
  EraFileSummary,
  EraPreview,
  EraTotals,
  EraTransactionView,
  PayerRole,
} from '../../../shared/schemas/badDebt';
import type { RecoupApp } from '../../app';
import { largerPageCache, type Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type {
  RemittanceAdjustmentsRow,
  RemittanceClaimsRow,
  RemittanceFilesRow,
  RemittanceProviderAdjustmentsRow,
  RemittanceTransactionsRow,
} from '../../store/schema';
import { setRemittanceDate, type RemittanceDateField } from '../accounts';
import { recordImportBatch } from '../imports';
import { changeLedger, LedgerChangeWriter } from '../ledger';
import {
  finishFileRow,
  insertAdjustmentRow,
  insertClaimRow,
  insertFileRow,
  insertProviderAdjustmentRow,
  insertTransactionRow,
} from './eraRows';
import { read835, type Remittance835, type X12Claim, type X12Problem } from './x12';

/** X-01: CLP02 to the payer's role. */
export function payerRoleOf(status: string): PayerRole {
  switch (status) {
    case '1':
    case '19':
      return 'primary';
    case '2':
    case '20':
      return 'secondary';
    case '3':
    case '21':
      return 'tertiary';
    case '4':
      return 'denied';
    case '22':
      return 'reversal';
    default:
      return 'other';
  }
}

/** X-02: a claim's CAS sums, claim and line levels together. */
export function claimSums(c: X12Claim): {
  deductible: number;
  coinsurance: number;
  copay: number;
  contractual: number;
  other: number;
} {
  const s = { deductible: 0, coinsurance: 0, copay: 0, contractual: 0, other: 0 };
  for (const a of [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)]) {
    if (a.group === 'PR' && a.reason === '1') s.deductible += a.amountCents;
    else if (a.group === 'PR' && a.reason === '2') s.coinsurance += a.amountCents;
    else if (a.group === 'PR' && a.reason === '3') s.copay += a.amountCents;
    else if (a.group === 'CO' || a.group === 'PI') s.contractual += a.amountCents;
    else if (a.group === 'OA') s.other += a.amountCents;
  }
  return s;
}

/** Which account date a claim's remittance date goes onto (BD-04 (a)/(b), BD-10), if any. */
function raDateField(role: PayerRole, medicare: boolean, medicaid: boolean): RemittanceDateField | null {
  // Medicare's own remittance, whether it paid first or second (Medicare as secondary payer).
  if (medicare) return role === 'primary' || role === 'secondary' || role === 'tertiary' ? 'medicare_ra_date' : null;
  if (medicaid) return role === 'reversal' || role === 'other' ? null : 'medicaid_ra_date';
  return role === 'secondary' || role === 'tertiary' ? 'secondary_ra_date' : null;
}

const entryReference = (claimId: number): string => `835 claim #${claimId}`;

function problemsText(problems: X12Problem[]): string {
  const shown = problems.slice(0, 3).map((p) => `segment ${p.segment}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `The 835 cannot be imported, nothing was posted: ${shown.join('; ')}${more}`;
}

interface Source {
  fileName: string;
  sha256: string;
  model: Remittance835;
}

/** Where the file's bytes come from: an upload (the workspace's), or given (the benchmark's). */
export type EraUploadSource = (uploadId: string) => { fileName: string; bytes: Buffer };

/** UTF-8 when the bytes are (names in any script), else Latin-1 (one character a byte, as X12 counts). */
function decode(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
}

/**
 * The file last previewed, as read: the import that follows it reads the same bytes (the same
 * SHA-256) and takes this model rather than reading the file again (a 3 MB file of 20,000 claims
 * is some 400 ms of the import's time). Only one file, kept until it is imported or another is
 * read. The model is never changed after read835 (post() and the views only read it).
 */
let previewed: { sha256: string; model: Remittance835 } | null = null;

function readUpload(upload: EraUploadSource, uploadId: string, then: 'preview' | 'import'): Source {
  const { fileName, bytes } = upload(uploadId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const model = previewed?.sha256 === sha256 ? previewed.model : read835(decode(bytes));
  previewed = then === 'preview' ? { sha256, model } : null;
  return { fileName, sha256, model };
}

function earlierFile(db: Db, sha256: string): Pick<RemittanceFilesRow, 'id' | 'imported_at'> | undefined {
  return db.prepare('SELECT id, imported_at FROM remittance_files WHERE sha256 = ?').get(sha256) as
    Pick<RemittanceFilesRow, 'id' | 'imported_at'> | undefined;
}

/**
 * A large 835 touches many pages of the ledger, the accounts and the remittance tables: a page
 * cache large enough to hold them until the transaction ends writes (and encrypts) each page once
 * instead of spilling it again and again (as the extract import does).
 */
const ERA_CACHE_KIB = 512 * 1024;
function withLargeCache<T>(db: Db, claims: number, work: () => T): T {
  if (claims < 2_000) return work();
  const restore = largerPageCache(db, ERA_CACHE_KIB);
  try {
    return work();
  } finally {
    restore();
  }
}

const claimCount = (m: Remittance835): number => m.transactions.reduce((n, t) => n + t.claims.length, 0);

/** Writes the file, posts what it carries; inside `writer`'s ledger change. Returns the file's id. */
function post(app: RecoupApp, userId: number | null, writer: LedgerChangeWriter, src: Source): number {
  const db = writer.db;
  const { model } = src;
  const ic = model.interchange!;
  const now = writer.when.now;
  const claimsCount = model.transactions.reduce((n, t) => n + t.claims.length, 0);
  const batchId = recordImportBatch(db, {
    now,
    userId,
    source: 'x12-835',
    fileName: src.fileName,
    counts: { transactions: model.transactions.length, claims: claimsCount },
  });
  const fileId = insertFileRow(db, {
    fileName: src.fileName,
    sha256: src.sha256,
    interchangeControl: ic.control,
    senderId: ic.senderId,
    receiverId: ic.receiverId,
    interchangeDate: ic.date,
    importBatchId: batchId,
    importedAt: now,
    importedBy: userId,
  });
  const findAccount = prepared<[string], { id: number }>(db, 'SELECT id FROM accounts WHERE account_number = ?');
  const standing = prepared<[string], { id: number; file_id: number; imported_at: string }>(
    db,
    `SELECT c.id, f.id AS file_id, f.imported_at FROM remittance_claims c
       JOIN remittance_transactions t ON t.id = c.transaction_id JOIN remittance_files f ON f.id = t.file_id
      WHERE c.claim_key = ? AND c.outcome IN ('posted', 'recorded')
        AND NOT EXISTS (SELECT 1 FROM remittance_claims r WHERE r.reverses_claim_id = c.id)
      ORDER BY c.id LIMIT 1`,
  );
  // A reversal (CLP02 22) undoes the claim it mirrors: the same account and payer claim number
  // (CLP07), its charge and payment the negatives of the reversal's, not reversed yet.
  const priorForReversal = prepared<[number, string, number, number], { id: number }>(
    db,
    `SELECT c.id FROM remittance_claims c
      WHERE c.account_id = ? AND c.payer_claim_number = ? AND c.charge_cents = ? AND c.paid_cents = ?
        AND c.outcome IN ('posted', 'recorded') AND c.payer_role <> 'reversal'
        AND NOT EXISTS (SELECT 1 FROM remittance_claims r WHERE r.reverses_claim_id = c.id)
      ORDER BY c.id DESC LIMIT 1`,
  );
  // A reversal already applied (the same reversal sent again in another file).
  const reversalApplied = prepared<[string], { file_id: number; imported_at: string }>(
    db,
    `SELECT f.id AS file_id, f.imported_at FROM remittance_claims c
       JOIN remittance_transactions t ON t.id = c.transaction_id JOIN remittance_files f ON f.id = t.file_id
      WHERE c.claim_key = ? AND c.outcome = 'reversed_prior' ORDER BY c.id LIMIT 1`,
  );
  const entriesOf = prepared<[number, string], { id: number }>(
    db,
    `SELECT e.id FROM ledger_entries e WHERE e.account_id = ? AND e.reference = ?
        AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) ORDER BY e.id`,
  );
  const totals = { posted: 0, unmatched: 0, paid: 0, adjusted: 0 };
  // Entries wait and are posted many at a time (each account's balance moved once); a reversal
  // posts those waiting first, as it may reverse a claim earlier in this very file.
  const pending: Parameters<LedgerChangeWriter['postMany']>[0][number][] = [];
  const flush = (): void => {
    if (pending.length > 0) writer.postMany(pending.splice(0));
  };

  for (const t of model.transactions) {
    const header = transactionHeader(t);
    // The reader refuses a transaction with neither date, so a posted one always has one.
    const remittanceDate = header.remittanceDate;
    const txId = insertTransactionRow(db, { fileId, ...header });
    for (const p of t.providerAdjustments) insertProviderAdjustmentRow(db, txId, p);
    const payerKey = t.payerId !== '' ? t.payerId : t.payerName;

    // Reversals first: a correction sent beside its reversal is posted after the claim it replaces
    // is undone, whatever their order in the file.
    const ordered = [...t.claims].sort(
      (x, y) => Number(payerRoleOf(y.statusCode) === 'reversal') - Number(payerRoleOf(x.statusCode) === 'reversal'),
    );
    for (const c of ordered) {
      const role = payerRoleOf(c.statusCode);
      const { medicare, medicaid } = programOf(c.filingIndicator);
      const sums = claimSums(c);
      const claimKey = [
        payerKey,
        c.payerClaimNumber,
        c.patientControl.toUpperCase(),
        c.statusCode,
        c.chargeCents,
        c.paidCents,
      ].join('|');
      const account = c.patientControl === '' ? undefined : findAccount.get(c.patientControl);
      const lineDates = c.lines
        .map((l) => l.serviceDate)
        .filter((d): d is string => d !== null)
        .sort();
      const serviceFrom = c.statementFrom ?? lineDates[0] ?? null;
      const serviceTo = c.statementTo ?? lineDates[lineDates.length - 1] ?? serviceFrom;

      let outcome: ClaimOutcome;
      let reason = '';
      let reverses: number | null = null;
      const entries: { type: 'insurance_payment' | 'contractual_adjustment'; cents: number }[] = [];
      if (!account) {
        outcome = 'unmatched';
        reason = `No account has the patient control number ${c.patientControl || '(blank)'}.`;
      } else if (role === 'reversal') {
        const applied = reversalApplied.get(claimKey);
        const prior = applied
          ? undefined
          : priorForReversal.get(account.id, c.payerClaimNumber, -c.chargeCents, -c.paidCents);
        if (applied) {
          outcome = 'duplicate';
          reason = `Claim ${c.patientControl}: this reversal (payer claim number ${c.payerClaimNumber}) was applied from 835 file ${applied.file_id} on ${applied.imported_at.slice(0, 10)}: not applied again.`;
        } else if (!prior) {
          outcome = 'unmatched';
          reason = `Claim ${c.patientControl}: a reversal of a claim Recoup has not posted (payer claim number ${c.payerClaimNumber || 'blank'}).`;
        } else {
          outcome = 'reversed_prior';
          reverses = prior.id;
          reason = `Reverses the earlier 835 claim of payer claim number ${c.payerClaimNumber}.`;
        }
      } else {
        const before = standing.get(claimKey);
        if (before) {
          outcome = 'duplicate';
          reason = `Claim ${c.patientControl} (payer claim number ${c.payerClaimNumber}) was posted from 835 file ${before.file_id} on ${before.imported_at.slice(0, 10)}: not posted again.`;
        } else {
          if (c.paidCents > 0) entries.push({ type: 'insurance_payment', cents: c.paidCents });
          if (sums.contractual > 0) entries.push({ type: 'contractual_adjustment', cents: sums.contractual });
          outcome = entries.length > 0 ? 'posted' : 'recorded';
        }
      }

      const claimId = insertClaimRow(db, {
        transactionId: txId,
        seq: c.seq,
        patientControl: c.patientControl,
        accountId: account?.id ?? null,
        statusCode: c.statusCode,
        payerRole: role,
        filingIndicator: c.filingIndicator,
        medicare,
        medicaid,
        payerClaimNumber: c.payerClaimNumber,
        chargeCents: c.chargeCents,
        paidCents: c.paidCents,
        patientRespCents: c.patientRespCents,
        deductibleCents: sums.deductible,
        coinsuranceCents: sums.coinsurance,
        copayCents: sums.copay,
        contractualCents: sums.contractual,
        otherAdjustmentCents: sums.other,
        patientLast: c.patientLast,
        patientFirst: c.patientFirst,
        memberId: c.memberId,
        serviceFrom,
        serviceTo,
        outcome,
        reason,
        claimKey,
        reversesClaimId: reverses,
      });
      for (const a of c.adjustments) insertAdjustmentRow(db, claimId, { lineNo: 0, procedure: '', ...a });
      for (const l of c.lines)
        for (const a of l.adjustments)
          insertAdjustmentRow(db, claimId, { lineNo: l.lineNo, procedure: l.procedure, ...a });

      if (!account) {
        totals.unmatched++;
        continue;
      }
      if (outcome === 'reversed_prior') {
        flush();
        for (const e of entriesOf.all(account.id, entryReference(reverses!)))
          writer.reverse(e.id, {
            reason: `835 reversal from ${t.payerName} (payer claim number ${c.payerClaimNumber})`,
            effectiveDate: remittanceDate,
          });
        totals.posted++;
        continue;
      }
      for (const e of entries) {
        pending.push({
          accountId: account.id,
          type: e.type,
          amountCents: -e.cents,
          effectiveDate: remittanceDate,
          reference: entryReference(claimId),
          reasonCode: e.type === 'contractual_adjustment' ? 'CO' : null,
          memo: `${t.payerName} 835, claim ${c.patientControl}${c.payerClaimNumber ? ` (payer claim ${c.payerClaimNumber})` : ''}`,
          importBatchId: batchId,
        });
        if (e.type === 'insurance_payment') totals.paid += e.cents;
        else totals.adjusted += e.cents;
      }
      if (outcome === 'posted') totals.posted++;
      if (outcome === 'posted' || outcome === 'recorded') {
        const field = raDateField(role, medicare, medicaid);
        if (field) setRemittanceDate(db, account.id, field, remittanceDate, now);
      }
    }
  }
  flush();
  finishFileRow(db, fileId, {
    claims: claimsCount,
    posted: totals.posted,
    unmatched: totals.unmatched,
    paidCents: totals.paid,
    adjustedCents: totals.adjusted,
  });
  return fileId;
}

class PreviewDone extends Error {
  constructor(readonly detail: EraFileDetail) {
    super('preview');
  }
}

/** era:preview — what importing the file would do, claim by claim. Writes nothing. */
export function previewEra(
  app: RecoupApp,
  userId: number,
  uploadId: string,
  upload: EraUploadSource = (id) => app.uploads.bytes(userId, id),
): EraPreview {
  const src = readUpload(upload, uploadId, 'preview');
  const db = app.store.db;
  const base = {
    fileName: src.fileName,
    sha256: src.sha256,
    interchange: src.model.interchange,
    problems: src.model.problems,
  };
  const earlier = earlierFile(db, src.sha256);
  if (earlier) {
    const d = fileDetail(db, earlier.id);
    return {
      ...base,
      alreadyImported: { fileId: earlier.id, importedAt: earlier.imported_at },
      transactions: d.transactions,
      totals: d.totals,
    };
  }
  if (src.model.problems.length > 0) {
    return { ...base, alreadyImported: null, transactions: modelViews(src.model), totals: emptyTotals() };
  }
  try {
    withLargeCache(db, claimCount(src.model), () =>
      db.transaction(() => {
        // The same posting, rolled back; what depends on the ledger (plans, placements, estates) is
        // not brought up to date for it: it changes no claim's outcome and is thrown away.
        const writer = new LedgerChangeWriter(db, { today: app.clock.today(), now: app.nowIso(), by: userId });
        const fileId = post(app, userId, writer, src);
        throw new PreviewDone(fileDetail(db, fileId));
      })(),
    );
  } catch (e) {
    if (e instanceof PreviewDone)
      return { ...base, alreadyImported: null, transactions: e.detail.transactions, totals: e.detail.totals };
    throw e;
  }
  throw new Error('unreachable');
}

/** era:import — the file posted, all of it or nothing. A file imported before is refused. */
export function importEra(app: RecoupApp, userId: number, uploadId: string, upload?: EraUploadSource): EraFileDetail {
  const src = readUpload(upload ?? ((id) => app.uploads.bytes(userId, id)), uploadId, 'import');
  const db = app.store.db;
  const earlier = earlierFile(db, src.sha256);
  if (earlier)
    throw new AppError(
      'not_allowed',
      `This file was imported on ${earlier.imported_at.slice(0, 10)} (file ${earlier.id}): nothing was posted twice.`,
    );
  if (src.model.problems.length > 0) throw new AppError('invalid_input', problemsText(src.model.problems));
  const fileId = withLargeCache(db, claimCount(src.model), () =>
    changeLedger(app, userId, (w) => post(app, userId, w, src)),
  );
  if (!upload) app.uploads.discard(uploadId);
  return fileDetail(db, fileId);
}

// --- views

function emptyTotals(): EraTotals {
  return {
    claims: 0,
    posted: 0,
    recorded: 0,
    reversals: 0,
    unmatched: 0,
    duplicates: 0,
    paidCents: 0,
    contractualCents: 0,
  };
}

/**
 * A transaction's header as stored and shown; its remittance date is DTM*405, else BPR16 (the RA
 * date of BD-04; '' only in a file the reader refused).
 */
function transactionHeader(t: Remittance835['transactions'][number]) {
  return {
    controlNumber: t.controlNumber,
    payerName: t.payerName,
    payerId: t.payerId,
    payeeName: t.payeeName,
    payeeId: t.payeeId,
    traceNumber: t.traceNumber,
    handling: t.handling,
    paymentMethod: t.paymentMethod,
    paymentCents: t.paymentCents,
    paidOn: t.paidOn,
    remittanceDate: t.productionDate ?? t.paidOn ?? '',
  };
}

/** X-01: a claim is Medicare when CLP06 is MA or MB, Medicaid when it is MC. */
function programOf(filingIndicator: string): { medicare: boolean; medicaid: boolean } {
  return { medicare: filingIndicator === 'MA' || filingIndicator === 'MB', medicaid: filingIndicator === 'MC' };
}

/** The file as read, for a preview that cannot run (problems): nothing would post. */
function modelViews(model: Remittance835): EraTransactionView[] {
  return model.transactions.map((t) => ({
    ...transactionHeader(t),
    claims: t.claims.map((c) => {
      const sums = claimSums(c);
      const adjustments: EraAdjustmentView[] = [
        ...c.adjustments.map((a) => ({ lineNo: 0, procedure: '', ...a })),
        ...c.lines.flatMap((l) => l.adjustments.map((a) => ({ lineNo: l.lineNo, procedure: l.procedure, ...a }))),
      ].map((a) => ({
        lineNo: a.lineNo,
        procedure: a.procedure,
        groupCode: a.group,
        reasonCode: a.reason,
        amountCents: a.amountCents,
        quantity: a.quantity,
      }));
      return {
        id: null,
        seq: c.seq,
        patientControl: c.patientControl,
        accountId: null,
        accountNumber: null,
        statusCode: c.statusCode,
        payerRole: payerRoleOf(c.statusCode),
        filingIndicator: c.filingIndicator,
        ...programOf(c.filingIndicator),
        payerClaimNumber: c.payerClaimNumber,
        patientName: patientName(c.patientLast, c.patientFirst),
        memberId: c.memberId,
        serviceFrom: c.statementFrom,
        serviceTo: c.statementTo,
        chargeCents: c.chargeCents,
        paidCents: c.paidCents,
        patientRespCents: c.patientRespCents,
        deductibleCents: sums.deductible,
        coinsuranceCents: sums.coinsurance,
        copayCents: sums.copay,
        contractualCents: sums.contractual,
        otherAdjustmentCents: sums.other,
        outcome: 'unmatched' as const,
        reason: 'Nothing posts while the file has problems.',
        adjustments,
      };
    }),
    providerAdjustments: t.providerAdjustments,
  }));
}

function patientName(last: string, first: string): string {
  return [last, first].filter((s) => s !== '').join(', ');
}

export type ClaimRow = RemittanceClaimsRow & { account_number: string | null };

/** remittance_claims' columns, in the order fileDetail reads them (then the account number). */
const CLAIM_COLUMNS = [
  'id',
  'transaction_id',
  'seq',
  'patient_control',
  'account_id',
  'status_code',
  'payer_role',
  'filing_indicator',
  'medicare',
  'medicaid',
  'payer_claim_number',
  'charge_cents',
  'paid_cents',
  'patient_resp_cents',
  'deductible_cents',
  'coinsurance_cents',
  'copay_cents',
  'contractual_cents',
  'other_adjustment_cents',
  'patient_last',
  'patient_first',
  'member_id',
  'service_from',
  'service_to',
  'outcome',
  'reason',
  'claim_key',
  'reverses_claim_id',
] as const satisfies readonly (keyof RemittanceClaimsRow)[];

/** A claim read as an array (CLAIM_COLUMNS, then the account number), named. */
function claimRowOf(r: unknown[]): ClaimRow {
  const row: Record<string, unknown> = {};
  CLAIM_COLUMNS.forEach((c, i) => (row[c] = r[i]));
  row.account_number = r[CLAIM_COLUMNS.length];
  return row as unknown as ClaimRow;
}

/** A stored claim as every screen shows it (the 835's file page, the account's section). */
export function claimView(c: ClaimRow, adjustments: RemittanceAdjustmentsRow[]): EraClaimView {
  return {
    id: c.id,
    seq: c.seq,
    patientControl: c.patient_control,
    accountId: c.account_id,
    accountNumber: c.account_number,
    statusCode: c.status_code,
    payerRole: c.payer_role,
    filingIndicator: c.filing_indicator,
    medicare: c.medicare === 1,
    medicaid: c.medicaid === 1,
    payerClaimNumber: c.payer_claim_number,
    patientName: patientName(c.patient_last, c.patient_first),
    memberId: c.member_id,
    serviceFrom: c.service_from,
    serviceTo: c.service_to,
    chargeCents: c.charge_cents,
    paidCents: c.paid_cents,
    patientRespCents: c.patient_resp_cents,
    deductibleCents: c.deductible_cents,
    coinsuranceCents: c.coinsurance_cents,
    copayCents: c.copay_cents,
    contractualCents: c.contractual_cents,
    otherAdjustmentCents: c.other_adjustment_cents,
    outcome: c.outcome,
    reason: c.reason,
    adjustments: adjustments.map((a) => ({
      lineNo: a.line_no,
      procedure: a.procedure,
      groupCode: a.group_code,
      reasonCode: a.reason_code,
      amountCents: a.amount_cents,
      quantity: a.quantity,
    })),
  };
}

/** era:files — every 835 imported, newest first. */
export function listFiles(db: Db): EraFileSummary[] {
  const rows = db
    .prepare(
      `SELECT f.*, u.full_name AS by_name,
              (SELECT json_group_array(DISTINCT t.payer_name) FROM remittance_transactions t WHERE t.file_id = f.id) AS payers
         FROM remittance_files f LEFT JOIN users u ON u.id = f.imported_by ORDER BY f.id DESC`,
    )
    .all() as (RemittanceFilesRow & { by_name: string | null; payers: string | null })[];
  return rows.map(summaryOf);
}

function summaryOf(f: RemittanceFilesRow & { by_name: string | null; payers: string | null }): EraFileSummary {
  return {
    id: f.id,
    fileName: f.file_name,
    importedAt: f.imported_at,
    importedBy: f.by_name,
    interchangeDate: f.interchange_date,
    // A payer's name may hold a comma: the list travels as JSON.
    payers: f.payers ? (JSON.parse(f.payers) as string[]) : [],
    claims: f.claims,
    posted: f.posted,
    unmatched: f.unmatched,
    paidCents: f.paid_cents,
    adjustedCents: f.adjusted_cents,
  };
}

/** era:file — one 835 as imported: its transactions, every claim and what became of it. */
export function fileDetail(db: Db, fileId: number): EraFileDetail {
  const f = db
    .prepare(
      `SELECT f.*, u.full_name AS by_name,
              (SELECT json_group_array(DISTINCT t.payer_name) FROM remittance_transactions t WHERE t.file_id = f.id) AS payers
         FROM remittance_files f LEFT JOIN users u ON u.id = f.imported_by WHERE f.id = ?`,
    )
    .get(fileId) as (RemittanceFilesRow & { by_name: string | null; payers: string | null }) | undefined;
  if (!f) throw new AppError('not_found', 'There is no such 835 file.');
  const txs = db
    .prepare('SELECT * FROM remittance_transactions WHERE file_id = ? ORDER BY id')
    .all(fileId) as RemittanceTransactionsRow[];
  // A file's claims come back as arrays and are named here: 20,000 rows of 29 columns handed over as
  // objects cost some 240 ms of CPU at 1M (the driver names every property of every row), as arrays
  // about 110 (issue 18: the import returns this detail).
  const claims = (
    db
      .prepare(
        `SELECT ${CLAIM_COLUMNS.map((c) => `c.${c}`).join(', ')}, a.account_number FROM remittance_claims c
           JOIN remittance_transactions t ON t.id = c.transaction_id LEFT JOIN accounts a ON a.id = c.account_id
          WHERE t.file_id = ? ORDER BY c.transaction_id, c.seq`,
      )
      .raw()
      .all(fileId) as unknown[][]
  ).map(claimRowOf);
  const adjustments = db
    .prepare(
      `SELECT j.* FROM remittance_adjustments j JOIN remittance_claims c ON c.id = j.claim_id
         JOIN remittance_transactions t ON t.id = c.transaction_id WHERE t.file_id = ? ORDER BY j.id`,
    )
    .all(fileId) as RemittanceAdjustmentsRow[];
  const plbs = db
    .prepare(
      `SELECT p.* FROM remittance_provider_adjustments p JOIN remittance_transactions t ON t.id = p.transaction_id
        WHERE t.file_id = ? ORDER BY p.id`,
    )
    .all(fileId) as RemittanceProviderAdjustmentsRow[];
  const adjByClaim = new Map<number, RemittanceAdjustmentsRow[]>();
  for (const a of adjustments) {
    const list = adjByClaim.get(a.claim_id) ?? [];
    list.push(a);
    adjByClaim.set(a.claim_id, list);
  }
  const claimsByTx = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    const list = claimsByTx.get(c.transaction_id) ?? [];
    list.push(c);
    claimsByTx.set(c.transaction_id, list);
  }
  const totals = emptyTotals();
  const transactions: EraTransactionView[] = txs.map((t) => ({
    controlNumber: t.control_number,
    payerName: t.payer_name,
    payerId: t.payer_id,
    payeeName: t.payee_name,
    payeeId: t.payee_id,
    traceNumber: t.trace_number,
    handling: t.handling,
    paymentMethod: t.payment_method,
    paymentCents: t.payment_cents,
    paidOn: t.paid_on,
    remittanceDate: t.remittance_date,
    claims: (claimsByTx.get(t.id) ?? []).map((c) => claimView(c, adjByClaim.get(c.id) ?? [])),
    providerAdjustments: plbs
      .filter((p) => p.transaction_id === t.id)
      .map((p) => ({
        providerId: p.provider_id,
        fiscalDate: p.fiscal_date,
        reasonCode: p.reason_code,
        reference: p.reference,
        amountCents: p.amount_cents,
      })),
  }));
  for (const c of claims) {
    totals.claims++;
    if (c.outcome === 'posted') {
      totals.posted++;
      // What posted for the claim, by the posting rule (post() above): the payment and CO + PI, each when > 0.
      totals.paidCents += Math.max(0, c.paid_cents);
      totals.contractualCents += Math.max(0, c.contractual_cents);
    } else if (c.outcome === 'recorded') totals.recorded++;
    else if (c.outcome === 'reversed_prior') totals.reversals++;
    else if (c.outcome === 'unmatched') totals.unmatched++;
    else totals.duplicates++;
  }
  return { file: summaryOf(f), transactions, totals };
}

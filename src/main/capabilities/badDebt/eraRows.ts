// The one writer of the 835 tables (remittance_files, _transactions, _claims, _adjustments,
// _provider_adjustments). Rows are written once, as the file was read and posted; nothing here
// changes a row afterwards. Call inside the import's transaction.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { CasGroup } from './x12';

export interface FileRowInput {
  fileName: string;
  sha256: string;
  interchangeControl: string;
  senderId: string;
  receiverId: string;
  interchangeDate: string;
  importBatchId: number;
  importedAt: string;
  importedBy: number | null;
}

/** The file's row, its counts filled in by finishFileRow once every claim is written. */
export function insertFileRow(db: Db, f: FileRowInput): number {
  return Number(
    prepared(
      db,
      `INSERT INTO remittance_files (file_name, sha256, interchange_control, sender_id, receiver_id, interchange_date,
                                     import_batch_id, claims, posted, unmatched, paid_cents, adjusted_cents, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)`,
    ).run(
      f.fileName,
      f.sha256,
      f.interchangeControl,
      f.senderId,
      f.receiverId,
      f.interchangeDate,
      f.importBatchId,
      f.importedAt,
      f.importedBy,
    ).lastInsertRowid,
  );
}

export function finishFileRow(
  db: Db,
  fileId: number,
  c: { claims: number; posted: number; unmatched: number; paidCents: number; adjustedCents: number },
): void {
  prepared(
    db,
    'UPDATE remittance_files SET claims = ?, posted = ?, unmatched = ?, paid_cents = ?, adjusted_cents = ? WHERE id = ? AND claims = 0',
  ).run(c.claims, c.posted, c.unmatched, c.paidCents, c.adjustedCents, fileId);
}

export interface TransactionRowInput {
  fileId: number;
  controlNumber: string;
  payerName: string;
  payerId: string;
  payeeName: string;
  payeeId: string;
  traceNumber: string;
  handling: string;
  paymentMethod: string;
  paymentCents: number;
  paidOn: string | null;
  remittanceDate: string;
}

export function insertTransactionRow(db: Db, t: TransactionRowInput): number {
  return Number(
    prepared(
      db,
      `INSERT INTO remittance_transactions (file_id, control_number, payer_name, payer_id, payee_name, payee_id, trace_number,
                                            handling, payment_method, payment_cents, paid_on, remittance_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      t.fileId,
      t.controlNumber,
      t.payerName,
      t.payerId,
      t.payeeName,
      t.payeeId,
      t.traceNumber,
      t.handling,
      t.paymentMethod,
      t.paymentCents,
      t.paidOn,
      t.remittanceDate,
    ).lastInsertRowid,
  );
}

export interface ClaimRowInput {
  transactionId: number;
  seq: number;
  patientControl: string;
  accountId: number | null;
  statusCode: string;
  payerRole: string;
  filingIndicator: string;
  medicare: boolean;
  medicaid: boolean;
  payerClaimNumber: string;
  chargeCents: number;
  paidCents: number;
  patientRespCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  copayCents: number;
  contractualCents: number;
  otherAdjustmentCents: number;
  patientLast: string;
  patientFirst: string;
  memberId: string;
  serviceFrom: string | null;
  serviceTo: string | null;
  outcome: string;
  reason: string;
  claimKey: string;
  reversesClaimId: number | null;
}

export function insertClaimRow(db: Db, c: ClaimRowInput): number {
  return Number(
    prepared(
      db,
      `INSERT INTO remittance_claims (transaction_id, seq, patient_control, account_id, status_code, payer_role, filing_indicator,
                                      medicare, medicaid, payer_claim_number, charge_cents, paid_cents, patient_resp_cents,
                                      deductible_cents, coinsurance_cents, copay_cents, contractual_cents, other_adjustment_cents,
                                      patient_last, patient_first, member_id, service_from, service_to, outcome, reason, claim_key,
                                      reverses_claim_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.transactionId,
      c.seq,
      c.patientControl,
      c.accountId,
      c.statusCode,
      c.payerRole,
      c.filingIndicator,
      c.medicare ? 1 : 0,
      c.medicaid ? 1 : 0,
      c.payerClaimNumber,
      c.chargeCents,
      c.paidCents,
      c.patientRespCents,
      c.deductibleCents,
      c.coinsuranceCents,
      c.copayCents,
      c.contractualCents,
      c.otherAdjustmentCents,
      c.patientLast,
      c.patientFirst,
      c.memberId,
      c.serviceFrom,
      c.serviceTo,
      c.outcome,
      c.reason,
      c.claimKey,
      c.reversesClaimId,
    ).lastInsertRowid,
  );
}

export function insertAdjustmentRow(
  db: Db,
  claimId: number,
  a: { lineNo: number; procedure: string; group: CasGroup; reason: string; amountCents: number; quantity: string },
): void {
  prepared(
    db,
    `INSERT INTO remittance_adjustments (claim_id, line_no, procedure, group_code, reason_code, amount_cents, quantity)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(claimId, a.lineNo, a.procedure, a.group, a.reason, a.amountCents, a.quantity);
}

export function insertProviderAdjustmentRow(
  db: Db,
  transactionId: number,
  p: { providerId: string; fiscalDate: string; reasonCode: string; reference: string; amountCents: number },
): void {
  prepared(
    db,
    `INSERT INTO remittance_provider_adjustments (transaction_id, provider_id, fiscal_date, reason_code, reference, amount_cents)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(transactionId, p.providerId, p.fiscalDate, p.reasonCode, p.reference, p.amountCents);
}

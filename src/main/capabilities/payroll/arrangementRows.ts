// The only writer of deduction_arrangements and deduction_arrangement_accounts (eslint/table-owners.mjs).
import type { ArrangementMethod, ArrangementStatus } from '../../../shared/schemas/payroll';
import type { PayFrequency } from '../../../shared/rules/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

/** The authorization form last printed for an arrangement (kept among the guarantor's documents). */
export function setAuthorizationDocument(db: Db, arrangementId: number, documentId: number): void {
  prepared(db, 'UPDATE deduction_arrangements SET authorization_document_id = ? WHERE id = ?').run(
    documentId,
    arrangementId,
  );
}

export interface NewArrangement {
  guarantorId: number;
  method: ArrangementMethod;
  employeeId: number | null;
  amountCents: number;
  frequency: PayFrequency;
  firstDate: string;
  totalCents: number;
  wageCheck: string | null;
  bank: {
    holderName: string;
    accountType: 'checking' | 'savings';
    routing: string;
    last4: string;
    sealed: Buffer;
  } | null;
}

export function insertArrangement(
  db: Db,
  a: NewArrangement,
  accountIds: readonly number[],
  now: string,
  by: number,
): number {
  const id = Number(
    prepared(
      db,
      `INSERT INTO deduction_arrangements (guarantor_id, method, employee_id, amount_cents, frequency, first_date, total_cents,
         wage_check, status, bank_holder_name, bank_account_type, bank_routing, bank_account_last4, bank_account_sealed,
         created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_signature', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.guarantorId,
      a.method,
      a.employeeId,
      a.amountCents,
      a.frequency,
      a.firstDate,
      a.totalCents,
      a.wageCheck,
      a.bank?.holderName ?? null,
      a.bank?.accountType ?? null,
      a.bank?.routing ?? null,
      a.bank?.last4 ?? null,
      a.bank?.sealed ?? null,
      now,
      by,
    ).lastInsertRowid,
  );
  const add = prepared(db, 'INSERT INTO deduction_arrangement_accounts (arrangement_id, account_id) VALUES (?, ?)');
  for (const accountId of accountIds) add.run(id, accountId);
  return id;
}

/** PD-02: the signed authorization recorded; the arrangement may deduct from now on. */
export function markSigned(db: Db, id: number, signedOn: string, by: number): void {
  prepared(
    db,
    `UPDATE deduction_arrangements SET status = 'active', signed_on = ?, signed_recorded_by = ? WHERE id = ?`,
  ).run(signedOn, by, id);
}

export function setAccountHold(db: Db, arrangementId: number, accountId: number, holdId: number | null): void {
  prepared(db, 'UPDATE deduction_arrangement_accounts SET hold_id = ? WHERE arrangement_id = ? AND account_id = ?').run(
    holdId,
    arrangementId,
    accountId,
  );
}

export function markEnded(
  db: Db,
  id: number,
  status: Exclude<ArrangementStatus, 'awaiting_signature' | 'active'>,
  on: string,
  note: string,
  by: number | null,
): void {
  prepared(
    db,
    'UPDATE deduction_arrangements SET status = ?, ended_on = ?, end_note = ?, ended_by = ? WHERE id = ?',
  ).run(status, on, note, by, id);
}

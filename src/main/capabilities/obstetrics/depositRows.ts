// The only writer of ob_deposits (eslint/table-owners.mjs): money received before delivery, held
// for the patient (off the ledger: no account exists yet), then applied, refunded or reversed.
import type { PaymentMethod } from '../../../shared/schemas/ledger';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

/** A deposit's receipt number: "OB20261207-0001", numbered by the day it was keyed. */
function nextDepositReceipt(db: Db, today: string): string {
  const prefix = `OB${today.replace(/-/g, '')}-`;
  const last = prepared(
    db,
    'SELECT receipt_number FROM ob_deposits WHERE receipt_number >= ? AND receipt_number < ? ORDER BY receipt_number DESC LIMIT 1',
  )
    .pluck()
    .get(prefix, `${prefix}~`) as string | undefined;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

export function insertDeposit(
  db: Db,
  d: { caseId: number; amountCents: number; receivedOn: string; method: PaymentMethod; reference: string },
  today: string,
  now: string,
  by: number,
): { id: number; receiptNumber: string } {
  const receiptNumber = nextDepositReceipt(db, today);
  const id = Number(
    prepared(
      db,
      `INSERT INTO ob_deposits (case_id, receipt_number, amount_cents, received_on, method, reference, received_by, created_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held')`,
    ).run(d.caseId, receiptNumber, d.amountCents, d.receivedOn, d.method, d.reference, by, now).lastInsertRowid,
  );
  return { id, receiptNumber };
}

/** Applied to the delivery account: the ledger payment it became. */
export function markApplied(db: Db, depositId: number, appliedOn: string, paymentId: number, by: number): void {
  prepared(
    db,
    `UPDATE ob_deposits SET status = 'applied', applied_on = ?, payment_id = ?, closed_by = ? WHERE id = ? AND status = 'held'`,
  ).run(appliedOn, paymentId, by, depositId);
}

export function markRefunded(
  db: Db,
  depositId: number,
  r: { on: string; method: PaymentMethod; reference: string },
  by: number,
): void {
  prepared(
    db,
    `UPDATE ob_deposits SET status = 'refunded', refunded_on = ?, refund_method = ?, refund_reference = ?, closed_by = ?
      WHERE id = ? AND status = 'held'`,
  ).run(r.on, r.method, r.reference, by, depositId);
}

/** A deposit keyed by mistake (never money received): reversed with its reason, before it is applied. */
export function markReversed(db: Db, depositId: number, on: string, note: string, by: number): void {
  prepared(
    db,
    `UPDATE ob_deposits SET status = 'reversed', reversed_on = ?, reverse_note = ?, closed_by = ? WHERE id = ? AND status = 'held'`,
  ).run(on, note, by, depositId);
}

/**
 * An applied deposit whose ledger payment was reversed: reversed too (the payment stays named; the
 * day it was applied is in the note, as the table keeps "applied" only for a standing payment).
 */
export function markAppliedReversed(db: Db, depositId: number, on: string, note: string, by: number | null): void {
  prepared(
    db,
    `UPDATE ob_deposits SET status = 'reversed', applied_on = NULL, reversed_on = ?, reverse_note = ?, closed_by = ?
      WHERE id = ? AND status = 'applied'`,
  ).run(on, note, by, depositId);
}

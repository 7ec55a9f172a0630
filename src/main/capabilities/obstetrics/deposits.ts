// Deposits received before delivery (issue 17, PP-04): held for her off the ledger (there is no
// account yet, so nothing before delivery starts the 501(r) clock, ECA-05), later applied to the
// delivery account (deliveryHandlers), refunded when the arrangement is cancelled, or reversed when
// keyed by mistake. Every deposit is in exactly one state: held + applied + refunded + reversed =
// received, to the cent.
import type { z } from 'zod';
import { compareDates } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { depositInput, refundDepositsInput, reverseDepositInput } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { ObDepositsRow } from '../../store/schema';
import { withinCase } from './cases';
import { insertDeposit, markRefunded, markReversed } from './depositRows';
import { rescheduleAfterReversal, type When } from './interview';
import { caseReference, currentVersion } from './reads';
import { isLive, obCase } from './views';

function linkedAccount(db: Db, caseId: number): string | undefined {
  return prepared(
    db,
    `SELECT a.account_number FROM ob_delivery_accounts d JOIN accounts a ON a.id = d.account_id
      WHERE d.case_id = ? ORDER BY a.service_from, a.id LIMIT 1`,
  )
    .pluck()
    .get(caseId) as string | undefined;
}

/**
 * ob:deposit: money received for her before the delivery account exists (awaiting the signature,
 * paying, or delivered with no delivery account linked yet). Not a ledger entry.
 */
export function recordDeposit(
  db: Db,
  input: z.output<typeof depositInput>,
  when: When,
): { id: number; receiptNumber: string } {
  const c = obCase(db, input.caseId);
  const ref = caseReference(c.id);
  if (c.status === 'closed' || c.status === 'cancelled')
    throw new AppError(
      'not_allowed',
      `${ref} is ${c.status === 'closed' ? 'closed (trued up)' : 'cancelled'}: a payment now is posted on her account.`,
    );
  if (c.status === 'delivered' && linkedAccount(db, c.id) !== undefined)
    throw new AppError('not_allowed', 'The delivery account is linked: post the payment on it.');
  withinCase(db, c.id, input.receivedOn, when.today, 'receivedOn', 'The day it was received');
  return insertDeposit(
    db,
    {
      caseId: c.id,
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      method: input.method,
      reference: input.reference,
    },
    when.today,
    when.now,
    when.by,
  );
}

export function depositRow(db: Db, depositId: number): ObDepositsRow {
  const d = prepared(db, 'SELECT * FROM ob_deposits WHERE id = ?').get(depositId) as ObDepositsRow | undefined;
  if (!d) throw new AppError('not_found', 'There is no such deposit.');
  return d;
}

/** ob:reverseDeposit (supervisor): a held deposit keyed by mistake (never money received). */
export function reverseDeposit(db: Db, input: z.output<typeof reverseDepositInput>, when: When): number {
  const d = depositRow(db, input.depositId);
  if (d.status !== 'held')
    throw new AppError(
      'not_allowed',
      `Deposit ${d.receipt_number} is ${d.status} already: only a deposit still held can be reversed.`,
    );
  // Counted in the current schedule's "held before" (it was received before the schedule was made):
  // the schedule is made again, or the money would silently never be asked for before delivery.
  const c = obCase(db, d.case_id);
  const version = currentVersion(db, d.case_id);
  const counted = version.held_before_cents > 0 && d.created_at <= version.created_at;
  markReversed(db, d.id, when.today, input.note, when.by);
  if (counted && isLive(c.status))
    rescheduleAfterReversal(
      db,
      d.case_id,
      `Deposit ${d.receipt_number} reversed (${input.note}): the schedule asks for it again.`,
      when,
    );
  return d.case_id;
}

/** ob:refundDeposits (supervisor): every deposit still held on a cancelled arrangement goes back to her. */
export function refundDeposits(db: Db, input: z.output<typeof refundDepositsInput>, when: When): number {
  const c = obCase(db, input.caseId);
  const ref = caseReference(c.id);
  if (c.status !== 'cancelled')
    throw new AppError(
      'not_allowed',
      c.status === 'delivered' || c.status === 'closed'
        ? `${ref} is past the delivery: its deposits are applied to the delivery account, not refunded.`
        : `${ref} is not cancelled: cancel the arrangement before refunding its deposits.`,
    );
  if (compareDates(input.refundedOn, when.today) > 0)
    throw new AppError('invalid_input', 'The refund date cannot be after today.', {
      refundedOn: 'The refund date cannot be after today.',
    });
  if (c.cancelled_on !== null && compareDates(input.refundedOn, c.cancelled_on) < 0)
    throw new AppError('invalid_input', `The refund cannot be before the cancellation on ${c.cancelled_on}.`, {
      refundedOn: `The refund cannot be before the cancellation on ${c.cancelled_on}.`,
    });
  const held = prepared(
    db,
    `SELECT id, amount_cents FROM ob_deposits WHERE case_id = ? AND status = 'held' ORDER BY id`,
  ).all(c.id) as { id: number; amount_cents: number }[];
  if (held.length === 0) throw new AppError('not_allowed', `${ref} has no deposit held: nothing to refund.`);
  for (const d of held)
    markRefunded(db, d.id, { on: input.refundedOn, method: input.method, reference: input.reference }, when.by);
  return held.reduce((s, d) => s + d.amount_cents, 0);
}

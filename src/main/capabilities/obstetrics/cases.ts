// The arrangement's steps a clerk records (issue 17, PP-04): her signature on the printed
// agreement, and a cancellation (the pregnancy ends otherwise, she moves, she chooses to pay
// after delivery). EMTALA: neither says anything about her care.
import type { z } from 'zod';
import { compareDates } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { cancelInput, recordSignatureInput } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { markCancelled, markSigned } from './caseRows';
import type { When } from './interview';
import { caseReference } from './reads';
import { caseCreatedOn, isLive, obCase } from './views';

function refuse(field: string, reason: string): never {
  throw new AppError('invalid_input', reason, { [field]: reason });
}

/** A date from the case's interview day to today, or a refusal naming the field. */
export function withinCase(db: Db, caseId: number, date: string, today: string, field: string, what: string): void {
  if (compareDates(date, today) > 0) refuse(field, `${what} cannot be after today.`);
  const created = caseCreatedOn(db, caseId);
  if (compareDates(date, created) < 0) refuse(field, `${what} cannot be before the interview on ${created}.`);
}

/** ob:recordSignature: she signed the printed agreement; the arrangement is active. */
export function recordSignature(db: Db, input: z.output<typeof recordSignatureInput>, when: When): void {
  const c = obCase(db, input.caseId);
  if (c.status !== 'awaiting_signature')
    throw new AppError('not_allowed', `${caseReference(c.id)} is not awaiting a signature.`);
  if (c.agreement_document_id === null)
    throw new AppError('not_allowed', 'Print the agreement first: she signs the printed form.');
  withinCase(db, c.id, input.signedOn, when.today, 'signedOn', 'The signature date');
  markSigned(db, c.id, input.signedOn, when.by);
}

/** ob:cancel: the arrangement ends before delivery; deposits still held are then refunded (ob:refundDeposits). */
export function cancel(db: Db, input: z.output<typeof cancelInput>, when: When): void {
  const c = obCase(db, input.caseId);
  if (!isLive(c.status))
    throw new AppError(
      'not_allowed',
      `${caseReference(c.id)} is ${c.status === 'cancelled' ? 'cancelled already' : 'past the delivery'}: it cannot be cancelled.`,
    );
  withinCase(db, c.id, input.on, when.today, 'on', 'The cancellation date');
  markCancelled(db, c.id, input.on, input.note, when.by);
}

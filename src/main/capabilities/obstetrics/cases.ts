// The arrangement's steps a clerk records (issue 17, PP-04): her signature on the printed
// agreement, and a cancellation (the pregnancy ends otherwise, she moves, she chooses to pay
// after delivery). EMTALA: neither says anything about her care.
import type { z } from 'zod';
import { compareDates } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { cancelInput, recordSignatureInput } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { markCancelled, markSigned } from './caseRows';
import type { When } from './interview';
import { caseReference, currentVersion } from './reads';
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
  const version = currentVersion(db, c.id);
  // The first signature, or a revised schedule's (PP-02: a schedule protects her only in writing).
  const toSign = c.status === 'awaiting_signature' || (c.status === 'active' && c.signed_version_id !== version.id);
  if (!toSign) throw new AppError('not_allowed', `${caseReference(c.id)} is not awaiting a signature.`);
  if (c.agreement_document_id === null || c.agreement_version_id !== version.id)
    throw new AppError(
      'not_allowed',
      version.version > 1
        ? `Print the agreement of version ${version.version} first: she signs the printed form of the schedule as it stands.`
        : 'Print the agreement first: she signs the printed form.',
    );
  withinCase(db, c.id, input.signedOn, when.today, 'signedOn', 'The signature date');
  // Never dated before the schedule it signs was made.
  if (compareDates(input.signedOn, version.made_on) < 0) {
    const reason = `The signature date cannot be before version ${version.version} was made on ${version.made_on}.`;
    throw new AppError('invalid_input', reason, { signedOn: reason });
  }
  markSigned(db, c.id, input.signedOn, version.id, when.by);
}

/** ob:cancel: the arrangement ends (before delivery, or delivered with no delivery account here); deposits still held are then refunded (ob:refundDeposits). */
export function cancel(db: Db, input: z.output<typeof cancelInput>, when: When): void {
  const c = obCase(db, input.caseId);
  // A delivery recorded with no delivery account here (she delivered elsewhere, or the birth was
  // billed otherwise) ends the same way: her deposits are then refunded, never kept.
  const deliveredUnlinked =
    c.status === 'delivered' &&
    prepared(db, 'SELECT 1 FROM ob_delivery_accounts WHERE case_id = ? LIMIT 1').get(c.id) === undefined;
  if (!isLive(c.status) && !deliveredUnlinked)
    throw new AppError(
      'not_allowed',
      `${caseReference(c.id)} is ${c.status === 'cancelled' ? 'cancelled already' : 'linked to its delivery account'}: it cannot be cancelled.`,
    );
  withinCase(db, c.id, input.on, when.today, 'on', 'The cancellation date');
  markCancelled(db, c.id, input.on, input.note, when.by);
}

// What every step of a case does alike: who and when, a refusal naming its field, the status a step
// needs, the step on the guarantor's activity log, and the release of the case's litigation holds.
import { afterBusinessDateMessage } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/schemas/smallClaims';
import type { Db } from '../../store/database';
import { logActivity } from '../accounts';
import { releaseHold } from '../compliance';
import { setAccountHold } from './rows';
import { caseAccounts, caseLabel, type CaseRow } from './views';

export interface When {
  today: string;
  now: string;
  by: number;
  /** The caller's role, where a step follows an approval limit (a judgment's write-off). */
  role?: Role;
}

/** A step's refusal naming the field it is about. */
export function refuse(field: string, message: string): never {
  throw new AppError('invalid_input', message, { [field]: message });
}

export function notNow(message: string): never {
  throw new AppError('not_allowed', message);
}

export function notAfterToday(on: string, today: string, what: string): void {
  if (on > today) refuse('on', afterBusinessDateMessage(today, what));
}

export function needStatus(c: CaseRow, allowed: readonly CaseStatus[], what: string): void {
  if (!allowed.includes(c.status))
    notNow(
      `${what} only when the case is ${allowed.map((s) => CASE_STATUS_LABELS[s].toLowerCase()).join(' or ')}; ${caseLabel(c)} is ${CASE_STATUS_LABELS[c.status].toLowerCase()}.`,
    );
}

/** The case's step on the guarantor's activity log (kind note), so the account's story has it. */
export function logCaseActivity(db: Db, c: Pick<CaseRow, 'guarantor_id'>, note: string, on: string, w: When): void {
  logActivity(db, { guarantorId: c.guarantor_id, kind: 'note', outcome: 'noted', note, occurredOn: on }, w.by, w.now);
}

/** Releases the case's litigation holds (those nobody released by hand meanwhile). */
export function releaseCaseHolds(db: Db, c: CaseRow, why: string, on: string, w: When): void {
  for (const a of caseAccounts(db, c.id)) {
    if (a.hold_id === null) continue;
    const released = db.prepare('SELECT released_on FROM holds WHERE id = ?').pluck().get(a.hold_id) as
      string | null | undefined;
    if (released === null) releaseHold(db, a.hold_id, `${caseLabel(c)} ${why}`, on, w.by);
    setAccountHold(db, c.id, a.account_id, null);
  }
}

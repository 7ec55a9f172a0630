// Holds that stop or pause the collection cycle (ST-03 / ECA-05). Some are placed by a clerk with
// a reason and an end date, on the guarantor or one account; others follow from the record itself
// and are kept by Recoup: a deceased guarantor, a bankruptcy, a pending financial-assistance
// application (the guarantor), a current plan (the accounts on it), returned mail (the guarantor:
// statements and letters wait until the address is corrected; issue 11).
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { HoldReason } from '../../../shared/rules/statementCycle';
import type { HoldView, newAddressInput, placeHoldInput } from '../../../shared/schemas/holds';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { HoldsRow } from '../../store/schema';
import { guarantorRow, mailingAddress, releaseReturnedMail, setMailingAddress } from '../accounts';

type HoldRow = HoldsRow & { placed_by_name: string | null; released_by_name: string | null };

/**
 * A hold as a service places it: a clerk's reason, or a placement's ('placed_with_agency'); `owner`
 * names the matter that placed it and alone may end it (a small-claims case: "small-claims case #4").
 */
type NewHold = Omit<z.output<typeof placeHoldInput>, 'reason'> & {
  reason: Exclude<HoldReason, 'returned_mail'>;
  owner?: string;
};

export function placeHold(db: Db, input: NewHold, today: string, by: number): number {
  // Prepared once per connection: a placement batch places thousands of holds in one release.
  const g = prepared(db, 'SELECT 1 FROM guarantors WHERE id = ?').get(input.guarantorId);
  if (!g) throw new AppError('not_found', 'There is no such guarantor.');
  if (input.accountId !== undefined) {
    const a = prepared(db, 'SELECT guarantor_id FROM accounts WHERE id = ?').get(input.accountId) as
      { guarantor_id: number } | undefined;
    if (!a || a.guarantor_id !== input.guarantorId)
      throw new AppError('invalid_input', 'That account is not this guarantor’s.', {
        accountId: 'Choose one of this guarantor’s accounts.',
      });
  }
  if (input.until !== undefined && input.until < today)
    throw new AppError('invalid_input', 'A hold ends today or later.', { until: 'Choose today or a later date.' });
  return Number(
    prepared(
      db,
      'INSERT INTO holds (guarantor_id, account_id, reason, note, placed_on, until, placed_by, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      input.guarantorId,
      input.accountId ?? null,
      input.reason,
      input.note,
      today,
      input.until ?? null,
      by,
      input.owner ?? null,
    ).lastInsertRowid,
  );
}

export function releaseHold(
  db: Db,
  holdId: number,
  note: string,
  today: string,
  by: number | null,
  options: { byHand?: boolean } = {},
): number {
  const h = prepared(db, 'SELECT guarantor_id, released_on, reason, owner FROM holds WHERE id = ?').get(holdId) as
    { guarantor_id: number; released_on: string | null; reason: HoldReason; owner: string | null } | undefined;
  if (!h) throw new AppError('not_found', 'There is no such hold.');
  // The placement owns its hold: ending it by hand would restart statements while the agency works the account.
  if (options.byHand && h.reason === 'placed_with_agency')
    throw new AppError(
      'not_allowed',
      'This hold is the account’s placement with a collection agency: recall the account from the agency to end it.',
    );
  // A matter's own hold (a small-claims case's, an arrangement's) ends with the matter.
  if (options.byHand && h.owner !== null)
    throw new AppError(
      'not_allowed',
      h.owner.startsWith('small-claims case')
        ? `This hold belongs to ${h.owner}: it ends when the case is closed (satisfied, dismissed or withdrawn) or lost.`
        : `This hold belongs to ${h.owner}: it is released when that ends, not by hand.`,
    );
  if (h.released_on !== null) throw new AppError('not_allowed', 'This hold was already released.');
  prepared(db, 'UPDATE holds SET released_on = ?, released_by = ?, release_note = ? WHERE id = ?').run(
    today,
    by,
    note,
    holdId,
  );
  return h.guarantor_id;
}

/** Every hold of a guarantor, placed and automatic, with whether it stops the cycle today. */
export function holdsOf(db: Db, guarantorId: number, today: string): HoldView[] {
  const placed = (
    prepared(
      db,
      `SELECT h.*, pu.full_name AS placed_by_name, ru.full_name AS released_by_name FROM holds h
         LEFT JOIN users pu ON pu.id = h.placed_by LEFT JOIN users ru ON ru.id = h.released_by
        WHERE h.guarantor_id = ? ORDER BY h.released_on IS NOT NULL, h.placed_on DESC, h.id DESC`,
    ).all(guarantorId) as HoldRow[]
  ).map((h): HoldView => ({
    id: h.id,
    accountId: h.account_id,
    reason: h.reason,
    note: h.note,
    placedOn: h.placed_on,
    until: h.until,
    placedBy: h.placed_by_name,
    releasedOn: h.released_on,
    releasedBy: h.released_by_name,
    releaseNote: h.release_note,
    automatic: false,
    owner: h.owner,
    active: h.released_on === null && (h.until === null || h.until >= today),
  }));
  const g = prepared(db, 'SELECT deceased, bankruptcy, fap_status, mail_returned_on FROM guarantors WHERE id = ?').get(
    guarantorId,
  ) as { deceased: number; bankruptcy: number; fap_status: string; mail_returned_on: string | null } | undefined;
  if (!g) throw new AppError('not_found', 'There is no such guarantor.');
  const automatic = (reason: HoldReason, note: string): HoldView => ({
    id: null,
    accountId: null,
    reason,
    note,
    placedOn: null,
    until: null,
    placedBy: null,
    releasedOn: null,
    releasedBy: null,
    releaseNote: null,
    automatic: true,
    owner: null,
    active: true,
  });
  const notes: Record<AutomaticHold, string> = {
    deceased: 'The guarantor is recorded as deceased.',
    bankruptcy: 'The guarantor is recorded as in bankruptcy.',
    fap_pending: 'A financial-assistance application is pending (ECA-05).',
    returned_mail: `Mail came back${g.mail_returned_on ? ` on ${g.mail_returned_on}` : ''}: statements and letters wait for a corrected address.`,
  };
  const derived = automaticHoldReasons({
    deceased: g.deceased === 1,
    bankruptcy: g.bankruptcy === 1,
    fapPending: g.fap_status === 'pending',
    mailReturned: g.mail_returned_on !== null,
  }).map((r) => automatic(r, notes[r]));
  // A current plan holds the accounts on it, not the guarantor's others.
  for (const p of prepared(
    db,
    `SELECT p.id, pa.account_id FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id
      WHERE p.guarantor_id = ? AND p.status = 'current' ORDER BY p.id, pa.account_id`,
  ).all(guarantorId) as { id: number; account_id: number }[])
    derived.push({
      ...automatic(
        'plan_current',
        `Payment plan #${p.id} is current: its statements ask for the plan’s payment, with no dunning.`,
      ),
      accountId: p.account_id,
    });
  return [...derived, ...placed];
}

type AutomaticHold = 'deceased' | 'bankruptcy' | 'fap_pending' | 'returned_mail';

/**
 * The guarantor's holds that follow from the record itself, in the order they are shown. (Accounts on
 * an active plan are not held from statements: the statement asks for the plan's payment.)
 */
export function automaticHoldReasons(g: {
  deceased: boolean;
  bankruptcy: boolean;
  fapPending: boolean;
  /** Mail came back and the address is not corrected yet (issue 11). */
  mailReturned?: boolean;
}): AutomaticHold[] {
  const reasons: AutomaticHold[] = [];
  if (g.deceased) reasons.push('deceased');
  if (g.bankruptcy) reasons.push('bankruptcy');
  if (g.fapPending) reasons.push('fap_pending');
  if (g.mailReturned) reasons.push('returned_mail');
  return reasons;
}

/** A hold (`alias`) in force on the date `date` (an SQL value): not released, and not ended before it. */
function inForceSql(alias: string, date: string): string {
  return `${alias}.released_on IS NULL AND (${alias}.until IS NULL OR ${alias}.until >= ${date})`;
}

/** Every placed hold in force on a date, for the whole book (the work queue reads them at once). */
export function activePlacedHolds(
  db: Db,
  today: string,
): { guarantorId: number; accountId: number | null; reason: HoldReason }[] {
  return db
    .prepare(
      `SELECT guarantor_id AS guarantorId, account_id AS accountId, reason FROM holds h
        WHERE ${inForceSql('h', '?')} ORDER BY placed_on DESC, id DESC`,
    )
    .all(today) as { guarantorId: number; accountId: number | null; reason: HoldReason }[];
}

/**
 * The reasons of the holds in force on a guarantor as a whole, latest placed first, as one SQL value
 * (comma-separated, null for none) for a query over guarantors: `guarantorId` names its column,
 * `@runDate` the date. Read from holds_active_guarantor (migration 034), one probe a guarantor: the
 * statement run reads them with each guarantor's row rather than every hold into a map.
 */
export function placedHoldsSql(guarantorId: string): string {
  return `(SELECT group_concat(h.reason, ',' ORDER BY h.placed_on DESC, h.id DESC) FROM holds h
            WHERE h.guarantor_id = ${guarantorId} AND h.account_id IS NULL AND ${inForceSql('h', '@runDate')})`;
}

/** The holds in force on a date on single accounts, each account's reasons latest placed first (holds_active_account). */
export function activeAccountHolds(db: Db, today: string): Map<number, HoldReason[]> {
  const rows = db
    .prepare(
      `SELECT h.account_id, h.reason FROM holds h
        WHERE h.account_id IS NOT NULL AND ${inForceSql('h', '?')} ORDER BY h.placed_on DESC, h.id DESC`,
    )
    .raw()
    .all(today) as [number, HoldReason][];
  const byAccount = new Map<number, HoldReason[]>();
  for (const [accountId, reason] of rows) {
    const list = byAccount.get(accountId);
    if (list) list.push(reason);
    else byAccount.set(accountId, [reason]);
  }
  return byAccount;
}

/**
 * Issue 11: a clerk enters the corrected address of a guarantor whose mail came back. The address
 * changes, the activity log keeps the old and the new one, and the returned-mail hold ends: the
 * statements and letters held go out again. (The billing system owns the address: correct it there
 * too, or its next extract brings the old one back.)
 */
export function correctAddress(
  db: Db,
  input: z.output<typeof newAddressInput>,
  today: string,
  now: string,
  by: number,
): void {
  const g = guarantorRow(db, input.guarantorId);
  if (g.mail_returned_on === null)
    throw new AppError(
      'not_allowed',
      'This guarantor’s mail has not come back: the billing system keeps the address, and its extract brings changes.',
    );
  const before = mailingAddress(g).join(', ');
  setMailingAddress(db, input.guarantorId, input.address, now);
  const after = mailingAddress(guarantorRow(db, input.guarantorId)).join(', ');
  releaseReturnedMail(db, input.guarantorId, `by a clerk: ${before || 'none'} → ${after}`, today, now, by);
}

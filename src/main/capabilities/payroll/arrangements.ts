// Arrangements (issue 16): a payroll deduction or an automatic bank transfer over some of a
// guarantor's accounts. Created awaiting the signed authorization (nothing is deducted before it,
// PD-02); a payroll amount must pass the one wage-floor rule (PD-01); the bank account number is
// sealed (bankSeal.ts). Signing places a hold on each covered account (owned by the arrangement, so
// the statements wait while it pays them); ending it (paid, a termination, a revocation, a death, a
// clerk's stop) releases the holds and the balance goes back to the statement cycle.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { businessDateOf, formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { checkDeduction, largestDeductionFrom, scheduleDates } from '../../../shared/rules/payroll';
import type { ArrangementStatus, createArrangementInput } from '../../../shared/schemas/payroll';
import type { DeathChange, LedgerChange } from '../../platform/capability';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { DeductionArrangementsRow, EmployeesRow } from '../../store/schema';
import { guarantorRow, logActivity } from '../accounts';
import { placeHold, releaseHold } from '../compliance';
import { insertArrangement, markEnded, markSigned, setAccountHold } from './arrangementRows';
import { bankSealingKey, sealAccountNumber } from './bankSeal';
import { accountEligibility, LIVE_SQL } from './eligibility';
import { arrangementReference, coveredOwedCents, payFacts, wageFloorRows } from './reads';

export interface When {
  today: string;
  now: string;
  by: number;
}

function refuse(field: string, message: string): never {
  throw new AppError('invalid_input', message, { [field]: message });
}

export function arrangementRow(db: Db, id: number): DeductionArrangementsRow {
  const a = prepared(db, 'SELECT * FROM deduction_arrangements WHERE id = ?').get(id) as
    DeductionArrangementsRow | undefined;
  if (!a) throw new AppError('not_found', 'There is no such arrangement.');
  return a;
}

export function liveArrangementOf(db: Db, guarantorId: number): DeductionArrangementsRow | null {
  return (
    (prepared(db, `SELECT * FROM deduction_arrangements WHERE guarantor_id = ? AND status IN ${LIVE_SQL}`).get(
      guarantorId,
    ) as DeductionArrangementsRow | undefined) ?? null
  );
}

/** The employee matched to a guarantor (a person confirmed it), or null. */
export function matchedEmployee(db: Db, guarantorId: number): EmployeesRow | null {
  return (
    (prepared(db, 'SELECT * FROM employees WHERE guarantor_id = ?').get(guarantorId) as EmployeesRow | undefined) ??
    null
  );
}

type CreateInput = z.output<typeof createArrangementInput>;

/** Creates an arrangement awaiting its signed authorization (PD-02); returns its id. */
export function createArrangement(db: Db, input: CreateInput, w: When): number {
  const g = guarantorRow(db, input.guarantorId);
  if (g.deceased === 1)
    throw new AppError('not_allowed', 'The guarantor is recorded as deceased: the balance is claimed from the estate.');
  const live = liveArrangementOf(db, g.id);
  if (live)
    throw new AppError(
      'conflict',
      `${arrangementReference(live.method, live.id)} is already live for this guarantor: end it before setting up another.`,
    );
  const { eligible, ineligible } = accountEligibility(db, g.id, w.today);
  const byId = new Map(eligible.map((a) => [a.accountId, a]));
  const owedBy = new Map(ineligible.map((a) => [a.accountId, a]));
  let owed = 0;
  for (const id of input.accountIds) {
    const a = byId.get(id);
    if (!a) {
      const bad = owedBy.get(id);
      refuse(
        'accountIds',
        bad
          ? `Account ${bad.accountNumber} cannot be covered: ${bad.reason}`
          : 'Choose accounts of this guarantor that owe something.',
      );
    }
    owed += a.owedCents;
  }
  if (input.amountCents > owed)
    refuse(
      'amountCents',
      `The amount each period, ${formatCents(input.amountCents)}, is more than the chosen accounts owe (${formatCents(owed)}).`,
    );
  if (input.firstDate < w.today) refuse('firstDate', `The first date is today (${formatLongDate(w.today)}) or later.`);

  let employeeId: number | null = null;
  let frequency = input.method === 'bank' ? input.frequency : null;
  let wageCheck: string | null = null;
  let bank: Parameters<typeof insertArrangement>[1]['bank'] = null;
  if (input.method === 'payroll') {
    const e = matchedEmployee(db, g.id);
    if (!e)
      throw new AppError(
        'not_allowed',
        'The guarantor is not matched to a hospital employee: confirm the match on the roster first.',
      );
    if (e.status !== 'active')
      throw new AppError(
        'not_allowed',
        `Employee ${e.employee_number} is recorded as terminated on ${formatLongDate(e.terminated_on!)}: a payroll deduction needs an active employee.`,
      );
    // PD-01: the one rule, from the first pay date on, under every wage-floor row already on file.
    const limit = largestDeductionFrom(payFacts(e), wageFloorRows(db), input.firstDate);
    if (!limit)
      throw new AppError(
        'not_allowed',
        'The wage-floor table has no federal row in effect: a supervisor adds it first.',
      );
    const check = checkDeduction(input.amountCents, payFacts(e), limit);
    if (!check.ok)
      throw new AppError('invalid_input', check.message!, {
        amountCents: `${check.message!} ${check.limit.lines.join(' ')}`,
      });
    employeeId = e.id;
    frequency = e.pay_frequency;
    wageCheck = JSON.stringify(check.limit);
  } else {
    // The store's own sealing key (bankSeal.ts): no caller hands one in, so none can hand the wrong one.
    const key = bankSealingKey(db);
    try {
      bank = {
        holderName: input.bank.holderName,
        accountType: input.bank.accountType,
        routing: input.bank.routingNumber,
        // The last four digits shown, never the whole number: a short account number shows only two.
        last4: input.bank.accountNumber.slice(input.bank.accountNumber.length >= 8 ? -4 : -2),
        sealed: sealAccountNumber(key, input.bank.accountNumber, g.id),
      };
    } finally {
      key.fill(0);
    }
  }
  const id = insertArrangement(
    db,
    {
      guarantorId: g.id,
      method: input.method,
      employeeId,
      amountCents: input.amountCents,
      frequency: frequency!,
      firstDate: input.firstDate,
      totalCents: owed,
      wageCheck,
      bank,
    },
    input.accountIds,
    w.now,
    w.by,
  );
  logActivity(
    db,
    {
      guarantorId: g.id,
      kind: 'note',
      outcome: 'noted',
      note: `${arrangementReference(input.method, id)} set up: ${formatCents(input.amountCents)} a period from ${formatLongDate(input.firstDate)} over ${input.accountIds.length === 1 ? 'one account' : `${input.accountIds.length} accounts`} owing ${formatCents(owed)}; awaiting the signed authorization.`,
      occurredOn: w.today,
    },
    w.by,
    w.now,
  );
  return id;
}

/** The accounts an arrangement covers. */
export function coveredIds(db: Db, arrangementId: number): number[] {
  return prepared(
    db,
    'SELECT account_id FROM deduction_arrangement_accounts WHERE arrangement_id = ? ORDER BY account_id',
  )
    .pluck()
    .all(arrangementId) as number[];
}

/** The first date an arrangement deducts on or after `from` (null past 2199). */
export function firstDateFrom(
  a: Pick<DeductionArrangementsRow, 'first_date' | 'frequency'>,
  from: string,
): string | null {
  return scheduleDates(a.first_date, a.frequency, from, '2199-12-31', 1)[0] ?? null;
}

function holdOwner(a: Pick<DeductionArrangementsRow, 'method' | 'id'>): string {
  return `${arrangementReference(a.method, a.id)} ${a.method === 'payroll' ? 'payroll deduction' : 'bank transfer'}`;
}

/**
 * PD-02: the signed authorization recorded (only after its form was printed, signed between the
 * set-up and today). A payroll deduction is checked again on its next pay date (pay may have
 * changed). Each covered account is held from statements while it pays them.
 */
export function recordSignature(db: Db, id: number, signedOn: string, w: When): void {
  const a = arrangementRow(db, id);
  const ref = arrangementReference(a.method, a.id);
  if (a.status !== 'awaiting_signature') throw new AppError('not_allowed', `${ref} is not awaiting a signature.`);
  if (a.authorization_document_id === null)
    throw new AppError(
      'not_allowed',
      `Print the authorization form for ${ref} first: the signature recorded is the signature on that form (PD-02).`,
    );
  // The signature is on the form as printed: never dated before that form existed (PD-02).
  const printedAt = prepared(db, 'SELECT created_at FROM documents WHERE id = ?')
    .pluck()
    .get(a.authorization_document_id) as string | undefined;
  const printed = printedAt === undefined ? setUpOn(a, w.today) : setUpOn({ created_at: printedAt }, w.today);
  if (signedOn < printed || signedOn > w.today)
    refuse(
      'signedOn',
      `The signature is dated between the day its form was printed (${formatLongDate(printed)}) and today (${formatLongDate(w.today)}).`,
    );
  if (guarantorRow(db, a.guarantor_id).deceased === 1)
    throw new AppError('not_allowed', `The guarantor is recorded as deceased: cancel ${ref}.`);
  // An account may have gone to an agency, a court case or a plan since the set-up.
  const barred = accountEligibility(db, a.guarantor_id, w.today, a.id).ineligible.filter((x) =>
    coveredIds(db, a.id).includes(x.accountId),
  );
  if (barred.length > 0)
    throw new AppError(
      'not_allowed',
      `${barred.map((x) => `Account ${x.accountNumber}: ${x.reason}`).join(' ')} Cancel ${ref} and set up one over the accounts that can be covered.`,
    );
  if (a.method === 'payroll') {
    const e = prepared(db, 'SELECT * FROM employees WHERE id = ?').get(a.employee_id) as EmployeesRow;
    if (e.status !== 'active' || e.guarantor_id !== a.guarantor_id)
      throw new AppError(
        'not_allowed',
        `Employee ${e.employee_number} is no longer an active employee matched to this guarantor: cancel ${ref}.`,
      );
    const next = firstDateFrom(a, signedOn > w.today ? signedOn : w.today) ?? a.first_date;
    const limit = largestDeductionFrom(payFacts(e), wageFloorRows(db), next);
    const check = limit ? checkDeduction(a.amount_cents, payFacts(e), limit) : null;
    if (!check || !check.ok)
      throw new AppError(
        'not_allowed',
        `${check?.message ?? 'The wage-floor table has no federal row in effect.'} The pay on file changed since ${ref} was set up: cancel it and set up a new amount.`,
      );
  }
  markSigned(db, a.id, signedOn, w.by);
  for (const accountId of coveredIds(db, a.id)) {
    const holdId = placeHold(
      db,
      {
        guarantorId: a.guarantor_id,
        accountId,
        reason: 'plan_current',
        note: `${ref}: paid by ${a.method === 'payroll' ? 'payroll deduction' : 'automatic bank transfer'}.`,
        owner: holdOwner(a),
      },
      w.today,
      w.by,
    );
    setAccountHold(db, a.id, accountId, holdId);
  }
  logActivity(
    db,
    {
      guarantorId: a.guarantor_id,
      kind: 'note',
      outcome: 'noted',
      note: `${ref}: the signed authorization (signed ${formatLongDate(signedOn)}) is recorded; the accounts are held from statements while it pays them.`,
      occurredOn: w.today,
    },
    w.by,
    w.now,
  );
}

/** The business date an arrangement was set up (its instant on this machine's calendar; never after today). */
export function setUpOn(a: Pick<DeductionArrangementsRow, 'created_at'>, today: string): string {
  const d = businessDateOf(new Date(a.created_at));
  return d < today ? d : today;
}

export type EndStatus = Exclude<ArrangementStatus, 'awaiting_signature' | 'active'>;

/**
 * Ends a live arrangement (RUNS, the roster, a payment, a death and the clerk all end one here):
 * the status, the date and why; the covered accounts' holds released (the balance goes back to
 * the statement cycle). `now`, when given, also writes the guarantor's activity log.
 */
export function endArrangement(
  db: Db,
  id: number,
  status: EndStatus,
  on: string,
  note: string,
  by: number | null,
  now?: string,
): void {
  const a = arrangementRow(db, id);
  const ref = arrangementReference(a.method, a.id);
  if (a.status !== 'awaiting_signature' && a.status !== 'active')
    throw new AppError('not_allowed', `${ref} has ended.`);
  if (a.status === 'awaiting_signature' && status !== 'cancelled')
    throw new AppError('not_allowed', `${ref} was never signed: it can only be cancelled.`);
  if (a.status === 'active' && status === 'cancelled')
    throw new AppError('not_allowed', `${ref} is signed and active: it is revoked or stopped, not cancelled.`);
  markEnded(db, a.id, status, on, note, by);
  const holds = prepared(
    db,
    `SELECT da.hold_id FROM deduction_arrangement_accounts da JOIN holds h ON h.id = da.hold_id
      WHERE da.arrangement_id = ? AND h.released_on IS NULL`,
  )
    .pluck()
    .all(a.id) as number[];
  for (const holdId of holds) releaseHold(db, holdId, `${ref} ended: ${note}`, on, by);
  if (now !== undefined)
    logActivity(
      db,
      {
        guarantorId: a.guarantor_id,
        kind: 'note',
        outcome: 'noted',
        note: `${ref} ended (${status.replace('_', ' ')}) on ${formatLongDate(on)}: ${note}${holds.length > 0 ? ' The accounts go back to the statement cycle.' : ''}`,
        occurredOn: on,
      },
      by,
      now,
    );
}

/** A clerk ends one: revoked or stopped (active), cancelled (awaiting), on a day not after today. */
export function endByClerk(
  db: Db,
  id: number,
  reason: 'revoked' | 'stopped' | 'cancelled',
  on: string,
  note: string,
  w: When,
): void {
  const a = arrangementRow(db, id);
  if (on > w.today) refuse('on', `The day it ends is today (${formatLongDate(w.today)}) or earlier.`);
  if (on < setUpOn(a, w.today)) refuse('on', 'The day it ends is on or after the day it was set up.');
  if (a.status === 'awaiting_signature' && reason !== 'cancelled') refuse('reason', 'It was never signed: cancel it.');
  if (a.status === 'active' && reason === 'cancelled')
    refuse('reason', 'It is signed: it ends revoked (the employee wrote to revoke it) or stopped (by the hospital).');
  endArrangement(db, id, reason, on, note, w.by, w.now);
}

/**
 * A termination (the roster's or by hand): the employee's live payroll deductions end ('terminated'
 * on the termination date, or today if later; unsigned ones are cancelled). Returns how many ended.
 */
export function endPayrollArrangementsOf(
  db: Db,
  employeeId: number,
  terminatedOn: string,
  note: string,
  w: { today: string; now: string; by: number | null },
): number {
  const live = prepared(
    db,
    `SELECT id, status FROM deduction_arrangements WHERE employee_id = ? AND method = 'payroll' AND status IN ${LIVE_SQL}`,
  ).all(employeeId) as { id: number; status: string }[];
  const on = terminatedOn > w.today ? terminatedOn : w.today;
  const why = `Employment ended on ${formatLongDate(terminatedOn)}.${note ? ` ${note}` : ''}`;
  for (const a of live)
    endArrangement(db, a.id, a.status === 'active' ? 'terminated' : 'cancelled', on, why, w.by, w.now);
  return live.length;
}

/** afterLedgerChange: an arrangement whose accounts owe nothing is paid (unsigned: cancelled), its holds released. */
export function payrollAfterLedgerChange(db: Db, change: LedgerChange): void {
  if (change.guarantorIds.size === 0) return;
  const find = prepared(
    db,
    `SELECT id, status FROM deduction_arrangements WHERE guarantor_id = ? AND status IN ${LIVE_SQL}`,
  );
  for (const guarantorId of change.guarantorIds) {
    const a = find.get(guarantorId) as { id: number; status: string } | undefined;
    if (!a || coveredOwedCents(db, a.id) > 0) continue;
    if (a.status === 'active')
      endArrangement(db, a.id, 'paid', change.today, 'The accounts are paid in full.', change.by, change.now);
    else
      endArrangement(
        db,
        a.id,
        'cancelled',
        change.today,
        'The accounts were paid before the authorization was signed.',
        change.by,
        change.now,
      );
  }
}

/** afterDeathChange: a deceased guarantor's live arrangement stops (unsigned: cancelled). */
export function payrollAfterDeathChange(db: Db, change: DeathChange): void {
  const g = prepared(db, 'SELECT deceased FROM guarantors WHERE id = ?').get(change.guarantorId) as
    { deceased: number } | undefined;
  if (!g || g.deceased !== 1) return;
  const a = liveArrangementOf(db, change.guarantorId);
  if (!a) return;
  endArrangement(
    db,
    a.id,
    a.status === 'active' ? 'stopped' : 'cancelled',
    change.today,
    'The guarantor is recorded as deceased: the balance is claimed from the estate.',
    change.by,
    change.now,
  );
}

// The write-off (coordination semantics 3): a clerk proposes Medicare accounts whose clock allows
// it, a supervisor approves (one bad_debt_writeoff entry per account, BD-09: never a contractual
// adjustment) or rejects, all-or-nothing for the batch; a supervisor reverses one made by mistake;
// money received afterwards is a recovery (BD-12), reported in the period it arrives.
import { AppError } from '../../../shared/errors';
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { WriteOffStatus, WriteOffView } from '../../../shared/schemas/badDebt';
import { BAD_DEBT_RECOVERY_REASON, MEDICARE_BAD_DEBT_REASON, type PaymentMethod } from '../../../shared/schemas/ledger';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import type { BadDebtWriteoffsRow } from '../../store/schema';
import { changeLedger, checkPayment, entryStandsSql, postAccountPayment, paymentHow } from '../ledger';
import type { Role } from '../../../shared/roles';
import { badDebtPolicy } from '../../platform/settings';
import { clockOf, gatherAccounts, type AccountScope } from './clock';
import { insertProposal, markApproved, markRejected, markReversed } from './rows';

export interface When {
  today: string;
  now: string;
  by: number;
}

/**
 * SQL over ledger entry `e` (its alias): a recovery's reinstatement standing (BD-12). One definition for the
 * account view, the listing's lines and its reconciliation.
 */
export function recoveryEntrySql(e: string): string {
  return `(${e}.type = 'administrative_adjustment' AND ${e}.reason_code = '${BAD_DEBT_RECOVERY_REASON}' AND ${entryStandsSql(e)})`;
}
/** SQL over ledger entry `e`: a Medicare bad-debt write-off standing (BD-09). */
export function writeOffEntrySql(e: string): string {
  return `(${e}.type = 'bad_debt_writeoff' AND ${e}.reason_code = '${MEDICARE_BAD_DEBT_REASON}' AND ${entryStandsSql(e)})`;
}

const VIEW_SQL = `SELECT w.*, a.account_number, a.patient_name, a.guarantor_id,
       pu.full_name AS proposed_by_name, du.full_name AS decided_by_name, ru.full_name AS reversed_by_name
  FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
  LEFT JOIN users pu ON pu.id = w.proposed_by LEFT JOIN users du ON du.id = w.decided_by
  LEFT JOIN users ru ON ru.id = w.reversed_by`;

type ViewRow = BadDebtWriteoffsRow & {
  account_number: string;
  patient_name: string;
  guarantor_id: number;
  proposed_by_name: string | null;
  decided_by_name: string | null;
  reversed_by_name: string | null;
};

function toView(r: ViewRow): WriteOffView {
  return {
    id: r.id,
    accountId: r.account_id,
    accountNumber: r.account_number,
    patientName: r.patient_name,
    guarantorId: r.guarantor_id,
    status: r.status,
    ceasedOn: r.ceased_on,
    deductibleCents: r.deductible_cents,
    coinsuranceCents: r.coinsurance_cents,
    paidPriorCents: r.paid_prior_cents,
    amountCents: r.amount_cents,
    proposedNote: r.proposed_note,
    proposedAt: r.proposed_at,
    proposedBy: r.proposed_by_name,
    writtenOffOn: r.written_off_on,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
    decisionNote: r.decision_note,
    ledgerEntryId: r.ledger_entry_id,
    reversedAt: r.reversed_at,
    reversedBy: r.reversed_by_name,
    reversalReason: r.reversal_reason,
  };
}

export function writeOffViews(db: Db, where: string, params: unknown[] = []): WriteOffView[] {
  return (db.prepare(`${VIEW_SQL} WHERE ${where} ORDER BY w.id`).all(...params) as ViewRow[]).map(toView);
}

export function proposals(db: Db, status: WriteOffStatus | 'all'): WriteOffView[] {
  return status === 'all' ? writeOffViews(db, '1') : writeOffViews(db, 'w.status = ?', [status]);
}

function idsScope(ids: readonly number[]): AccountScope {
  return { where: `a.id IN (SELECT value FROM json_each(@ids))`, params: { ids: JSON.stringify(ids) } };
}

/** badDebt:propose — each account must be Medicare, not already proposed, and its clock allow a write-off. */
export function propose(
  db: Db,
  input: { accountIds: number[]; ceasedOn: string; note: string },
  w: When,
): WriteOffView[] {
  if (input.ceasedOn > w.today)
    throw new AppError('invalid_input', 'Collection effort cannot have ceased after today.', {
      ceasedOn: 'Collection effort cannot have ceased after today.',
    });
  const ids = [...new Set(input.accountIds)];
  const gathered = gatherAccounts(db, idsScope(ids));
  const refusals: string[] = [];
  const toInsert: { accountId: number; d: number; c: number; p: number; amount: number }[] = [];
  for (const id of ids) {
    const g = gathered.get(id);
    if (!g) {
      refusals.push(`Account ${id} was not found.`);
      continue;
    }
    const name = `Account ${g.account.account_number}`;
    if (g.openWriteOff) {
      refusals.push(`${name} already has a write-off ${g.openWriteOff.status}.`);
      continue;
    }
    const clock = clockOf(db, g, input.ceasedOn);
    const back = g.facts.agencyReturnedOn;
    if (!clock.medicare) refusals.push(`${name} is not a Medicare account (BD-03).`);
    else if (back !== null && input.ceasedOn < back)
      refusals.push(
        `${name} came back from the agency on ${formatLongDate(back)}: collection effort cannot have ceased before (BD-07).`,
      );
    else if (clock.firstWriteOffDate === null) refusals.push(`${name}: ${clock.summary}`);
    else if (clock.allowableCents <= 0) refusals.push(`${name} has no allowable deductible or coinsurance (BD-01).`);
    else
      toInsert.push({
        accountId: id,
        d: g.facts.deductibleCents,
        c: g.facts.coinsuranceCents,
        p: g.facts.paidPriorCents,
        amount: clock.allowableCents,
      });
  }
  if (refusals.length > 0)
    throw new AppError('not_allowed', `Nothing was proposed. ${refusals.slice(0, 5).join(' ')}`, {
      accountIds: refusals[0]!,
    });
  const made = toInsert.map((t) =>
    insertProposal(db, {
      accountId: t.accountId,
      ceasedOn: input.ceasedOn,
      deductibleCents: t.d,
      coinsuranceCents: t.c,
      paidPriorCents: t.p,
      amountCents: t.amount,
      note: input.note,
      at: w.now,
      by: w.by,
    }),
  );
  return writeOffViews(db, `w.id IN (${made.map(() => '?').join(',')})`, made);
}

/**
 * badDebt:decide — approve: the clock again on the write-off date (it must be listable, on or
 * after the date effort ceased, not after today), then ONE bad_debt_writeoff entry per account of
 * minus the allowable, in one ledger change; reject: the reason recorded. Any refusal: nothing.
 */
export function decide(
  app: RecoupApp,
  input: { writeOffIds: number[]; decision: 'approve' | 'reject'; writtenOffOn: string; note: string },
  w: When,
): WriteOffView[] {
  const db = app.store.db;
  const ids = [...new Set(input.writeOffIds)];
  const rows = db
    .prepare(`SELECT * FROM bad_debt_writeoffs WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as BadDebtWriteoffsRow[];
  const found = new Map(rows.map((r) => [r.id, r]));
  const refusals: string[] = [];
  for (const id of ids) {
    const r = found.get(id);
    if (!r) refusals.push(`Proposal ${id} was not found.`);
    else if (r.status !== 'proposed') refusals.push(`Proposal ${id} is already ${r.status}.`);
  }
  if (input.decision === 'reject') {
    if (refusals.length) throw new AppError('not_allowed', `Nothing was decided. ${refusals.join(' ')}`);
    db.transaction(() => {
      for (const id of ids) markRejected(db, id, input.note, w.now, w.by);
    })();
    return writeOffViews(db, `w.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
  }
  if (input.writtenOffOn > w.today)
    throw new AppError('invalid_input', 'A write-off cannot be dated after today.', {
      writtenOffOn: 'A write-off cannot be dated after today.',
    });
  const gathered = gatherAccounts(db, idsScope(rows.map((r) => r.account_id)));
  const approved: { row: BadDebtWriteoffsRow; amount: number; d: number; c: number; p: number }[] = [];
  for (const r of rows) {
    if (r.status !== 'proposed') continue;
    const g = gathered.get(r.account_id)!;
    const name = `Account ${g.account.account_number}`;
    if (input.writtenOffOn < r.ceased_on) {
      refusals.push(`${name}: the write-off date is before collection effort ceased (${formatLongDate(r.ceased_on)}).`);
      continue;
    }
    const clock = clockOf(db, g, input.writtenOffOn);
    const filed = exportedListingCovering(db, r.account_id, input.writtenOffOn);
    if (filed) refusals.push(`${name}: ${filed}`);
    else if (!clock.listable) refusals.push(`${name}: ${clock.summary}`);
    else if (clock.allowableCents <= 0) refusals.push(`${name} has nothing allowable left (BD-01).`);
    else
      approved.push({
        row: r,
        amount: clock.allowableCents,
        d: g.facts.deductibleCents,
        c: g.facts.coinsuranceCents,
        p: g.facts.paidPriorCents,
      });
  }
  if (refusals.length)
    throw new AppError('not_allowed', `Nothing was approved. ${refusals.slice(0, 5).join(' ')}`, {
      writeOffIds: refusals[0]!,
    });
  changeLedger(app, w.by, (ledger) => {
    for (const a of approved) {
      const entryId = ledger.post({
        accountId: a.row.account_id,
        type: 'bad_debt_writeoff',
        amountCents: -a.amount,
        effectiveDate: input.writtenOffOn,
        reasonCode: MEDICARE_BAD_DEBT_REASON,
        memo: `Deductible and coinsurance unpaid; collection effort ceased ${formatLongDate(a.row.ceased_on)}.`,
        approvedBy: w.by,
      });
      markApproved(db, a.row.id, {
        writtenOffOn: input.writtenOffOn,
        ledgerEntryId: entryId,
        deductibleCents: a.d,
        coinsuranceCents: a.c,
        paidPriorCents: a.p,
        amountCents: a.amount,
        note: input.note,
        at: w.now,
        by: w.by,
      });
    }
  });
  return writeOffViews(db, `w.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
}

/** badDebt:reverse — the entry reversed with an equal and opposite one; the write-off is off the listing. */
export function reverseWriteOff(app: RecoupApp, input: { writeOffId: number; reason: string }, w: When): WriteOffView {
  const db = app.store.db;
  const r = db.prepare('SELECT * FROM bad_debt_writeoffs WHERE id = ?').get(input.writeOffId) as
    BadDebtWriteoffsRow | undefined;
  if (!r) throw new AppError('not_found', 'That write-off was not found.');
  if (r.status !== 'approved')
    throw new AppError('not_allowed', `Only an approved write-off can be reversed; this one is ${r.status}.`);
  // A write-off in a listing already exported was filed with the cost report (BD-14): undoing it
  // would change what was filed. Money that comes in later is a recovery (BD-12).
  const filed = exportedListingCovering(db, r.account_id, r.written_off_on!);
  if (filed)
    throw new AppError(
      'not_allowed',
      `This write-off can no longer be reversed: ${filed.replace(/; date it after.*$/, '')}, and it is on that listing. Money received for it is a recovery.`,
    );
  const recovered = recoveredCents(db, r.account_id, r.written_off_on!);
  if (recovered > 0)
    throw new AppError(
      'not_allowed',
      `${formatCents(recovered)} was recovered on this write-off: reverse the recoveries first.`,
    );
  changeLedger(app, w.by, (ledger) => {
    ledger.reverse(r.ledger_entry_id!, {
      reason: `Medicare bad-debt write-off reversed: ${input.reason}`,
      effectiveDate: w.today,
      approvedBy: w.by,
    });
    markReversed(db, r.id, input.reason, w.now, w.by);
  });
  return writeOffViews(db, 'w.id = ?', [r.id])[0]!;
}

/** What was recovered (standing) on an account since its write-off. */
export function recoveredCents(db: Db, accountId: number, since: string): number {
  return db
    .prepare(
      `SELECT coalesce(sum(e.amount_cents), 0) FROM ledger_entries e
        WHERE e.account_id = ? AND e.effective_date >= ? AND ${recoveryEntrySql('e')}`,
    )
    .pluck()
    .get(accountId, since) as number;
}

/**
 * badDebt:recovery — money for an account written off (BD-12): in one ledger change the write-off
 * is reinstated by the amount (an adjustment, reason bad_debt_recovery) and the payment posted
 * (its receipt's row and entry), so the balance is right and the recovery is reported in the
 * period it arrived. At most what was written off and not yet recovered.
 */
export function recordRecovery(
  app: RecoupApp,
  input: {
    accountId: number;
    receivedOn: string;
    amountCents: number;
    method: PaymentMethod;
    reference: string;
    confirmDuplicate?: boolean;
    approval?: { username: string; password: string };
  },
  w: When & { role: Role },
): void {
  const db = app.store.db;
  const r = db
    .prepare(
      `SELECT w.*, a.guarantor_id FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
        WHERE w.account_id = ? AND w.status = 'approved'`,
    )
    .get(input.accountId) as (BadDebtWriteoffsRow & { guarantor_id: number }) | undefined;
  if (!r)
    throw new AppError(
      'not_allowed',
      'This account has no approved Medicare bad-debt write-off: post it as a payment.',
      {
        accountId: 'No approved Medicare bad-debt write-off on this account.',
      },
    );
  if (input.receivedOn > w.today)
    throw new AppError('invalid_input', 'A recovery cannot be dated after today.', {
      receivedOn: 'A recovery cannot be dated after today.',
    });
  if (input.receivedOn < r.written_off_on!) {
    const m = `A recovery is money received after the write-off of ${formatLongDate(r.written_off_on!)}.`;
    throw new AppError('invalid_input', m, { receivedOn: m });
  }
  const left = r.amount_cents - recoveredCents(db, r.account_id, r.written_off_on!);
  if (input.amountCents > left) {
    const m = `At most ${formatCents(left)} of the write-off is left to recover; post the rest as a payment.`;
    throw new AppError('invalid_input', m, { amountCents: m });
  }
  refuseInExportedPeriod(db, r.account_id, input.receivedOn, 'A recovery', 'receivedOn');
  // The checks of any payment a person keys (issue 11): the same check twice, a date before the
  // last statement.
  const approvedBy = checkPayment(
    app,
    { guarantorId: r.guarantor_id, effectiveDate: input.receivedOn, ...input },
    { id: w.by, role: w.role },
  );
  changeLedger(app, w.by, (ledger) => {
    const paid = postAccountPayment(ledger, {
      guarantorId: r.guarantor_id,
      accountId: r.account_id,
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      method: input.method,
      reference: input.reference,
      memo: `Recovery of Medicare bad debt (${paymentHow(input)})`,
      approvedBy,
    });
    // The reinstatement belongs to the payment: a bounced check (payments:reverse) takes both back,
    // so neither the balance nor the recovery reported stands without the money.
    ledger.post({
      accountId: r.account_id,
      type: 'administrative_adjustment',
      amountCents: input.amountCents,
      effectiveDate: input.receivedOn,
      reasonCode: BAD_DEBT_RECOVERY_REASON,
      memo: `For the recovery received ${formatLongDate(input.receivedOn)}.`,
      reference: input.reference,
      paymentId: paid.paymentId,
    });
  });
}

/**
 * A listing already exported for the period, CCN and setting an account's date falls in (BD-14):
 * a write-off or a recovery dated there would no longer match the listing filed with the cost
 * report. Says which, or null.
 */
export function exportedListingCovering(db: Db, accountId: number, on: string): string | null {
  const l = db
    .prepare(
      `SELECT l.period_from, l.period_to, l.setting, l.ccn, l.exported_at FROM bad_debt_listings l
         JOIN accounts a ON a.id = @accountId
        WHERE l.ccn = coalesce((SELECT f.ccn FROM bad_debt_facts f WHERE f.account_id = a.id), @defaultCcn)
          AND l.setting = CASE WHEN a.service_type = 'inpatient' THEN 'inpatient' ELSE 'outpatient' END
          AND @on BETWEEN l.period_from AND l.period_to
        ORDER BY l.id LIMIT 1`,
    )
    .get({ accountId, on, defaultCcn: badDebtPolicy(db).ccn }) as
    { period_from: string; period_to: string; setting: string; ccn: string; exported_at: string } | undefined;
  if (!l) return null;
  return `the ${l.setting} listing for CCN ${l.ccn}, ${formatLongDate(l.period_from)} to ${formatLongDate(l.period_to)}, was exported on ${formatLongDate(l.exported_at.slice(0, 10))}; date it after that period so the filed listing still matches the ledger (BD-14).`;
}

function refuseInExportedPeriod(db: Db, accountId: number, on: string, what: string, field: string): void {
  const filed = exportedListingCovering(db, accountId, on);
  if (filed) {
    const m = `${what} cannot be dated ${formatLongDate(on)}: ${filed}`;
    throw new AppError('not_allowed', m, { [field]: m });
  }
}

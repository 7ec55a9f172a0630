// The true-up (issue 17, PP-04): once the payer has decided, her real share against what she paid on
// the delivery account(s) (the deposits applied are patient payments there). It is made only while
// the ledger agrees (balance = share − paid: the payer's payment and adjustments are posted); then
// the case closes and the delivery accounts' holds are released: a remainder joins the ordinary
// statement cycle (its first statement starts the 501(r) clock then, ECA-05), a credit appears in
// compliance's credits list, to be refunded by its rule.
import { formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { obTrueUp } from '../../../shared/rules/obstetrics';
import type { TrueUpPreview } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { logActivity } from '../accounts';
import { releaseHold } from '../compliance';
import { patientPaid } from '../ledger';
import { markTruedUp } from './caseRows';
import { linkedAccounts, type When } from './delivery';
import { caseReference, currentVersion, depositTotals } from './reads';
import { obCase } from './views';

/** The latest primary remittance (posted or recorded) on file for one of the accounts: her adjudicated share. */
export function deliveryRemittance(db: Db, accountIds: readonly number[]): TrueUpPreview['remittance'] {
  if (accountIds.length === 0) return null;
  const r = prepared(
    db,
    `SELECT c.patient_resp_cents, t.payer_name, t.paid_on
       FROM remittance_claims c JOIN remittance_transactions t ON t.id = c.transaction_id
      WHERE c.account_id IN (${accountIds.map(() => '?').join(',')}) AND c.payer_role = 'primary'
        AND c.outcome IN ('posted','recorded')
      ORDER BY t.remittance_date DESC, c.id DESC LIMIT 1`,
  ).get(...accountIds) as { patient_resp_cents: number; payer_name: string; paid_on: string | null } | undefined;
  return r ? { patientRespCents: r.patient_resp_cents, payer: r.payer_name, paidOn: r.paid_on } : null;
}

/** ob:trueUpPreview: the figures, the outcome, and what stops it (null when it can be made). */
export function trueUpPreview(db: Db, caseId: number, realShareCents: number): TrueUpPreview {
  const c = obCase(db, caseId);
  const ref = caseReference(caseId);
  if (c.status === 'closed')
    throw new AppError('not_allowed', `${ref} was trued up on ${formatShortDate(c.trued_up_on ?? '')}.`);
  if (c.status !== 'delivered')
    throw new AppError(
      'not_allowed',
      c.status === 'cancelled'
        ? `${ref} is cancelled: there is nothing to true up.`
        : `Record ${ref}'s delivery first.`,
    );
  const linked = linkedAccounts(db, caseId);
  if (linked.length === 0)
    throw new AppError('not_allowed', `Link ${ref}'s delivery account first: the true-up is made on it.`);
  const paid = linked.reduce((s, a) => s + patientPaid(db, a.account_id), 0);
  const balance = linked.reduce((s, a) => s + a.balance_cents, 0);
  const expected = realShareCents - paid;
  const what = linked.length === 1 ? "The delivery account's balance is" : "The delivery accounts' balance is";
  const problem =
    balance === expected
      ? null
      : `${what} ${formatCents(balance)}; with her share of ${formatCents(realShareCents)} and ${formatCents(paid)} paid it should be ${formatCents(expected)}: the payer's payment or adjustments are not in the ledger yet.`;
  return {
    estimateCents: currentVersion(db, caseId).estimate_cents,
    realShareCents,
    paidCents: paid,
    depositsAppliedCents: depositTotals(db, caseId).appliedCents,
    balanceCents: balance,
    expectedBalanceCents: expected,
    problem,
    outcome: obTrueUp(realShareCents, paid),
    remittance: deliveryRemittance(
      db,
      linked.map((a) => a.account_id),
    ),
  };
}

/** ob:trueUp: refused while the ledger disagrees; the case closes and the delivery accounts' holds end. */
export function trueUp(db: Db, caseId: number, realShareCents: number, source: string, w: When): void {
  db.transaction(() => {
    const p = trueUpPreview(db, caseId, realShareCents);
    if (p.problem !== null) throw new AppError('not_allowed', p.problem, { realShareCents: p.problem });
    const c = obCase(db, caseId);
    const ref = caseReference(caseId);
    markTruedUp(db, caseId, { realShareCents, source, trueUp: p.outcome, on: w.today }, w.by);
    const open = prepared(db, 'SELECT released_on IS NULL FROM holds WHERE id = ?').pluck();
    for (const a of linkedAccounts(db, caseId))
      if (a.hold_id !== null && open.get(a.hold_id) === 1) releaseHold(db, a.hold_id, `${ref} trued up`, w.today, w.by);
    const outcome =
      p.outcome.outcome === 'refund'
        ? `${formatCents(p.outcome.cents)} to refund to her (the credits list)`
        : p.outcome.outcome === 'bill'
          ? `${formatCents(p.outcome.cents)} left to pay: the account returns to the statement cycle`
          : 'nothing owed either way';
    logActivity(
      db,
      {
        guarantorId: c.guarantor_id,
        kind: 'note',
        outcome: 'noted',
        note: `${ref} trued up: her share ${formatCents(realShareCents)} (${source}), ${formatCents(p.paidCents)} paid; ${outcome}.`,
        occurredOn: w.today,
      },
      w.by,
      w.now,
    );
  })();
}

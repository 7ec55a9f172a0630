// Credits and refunds (ECA-05: a patient found eligible is refunded what they paid beyond the policy
// amount). Every account in credit is owed a refund by a date: the date a financial-assistance
// decision set, or, for any other credit, the days to refund (Settings) from the day it arose. The
// worklist puts each in the work queue; past its date the item goes to the supervisors' queue with
// a higher urgency. A refund posts as a refund entry through the ledger (postRefund: the approval
// limit applies), and the account leaves the list once its credit is paid back.
import { addDays, daysBetween, formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { CreditView } from '../../../shared/schemas/fap';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { assistancePolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { guarantorName } from '../accounts';
import { patientPaid, patientPaidLongChainsSql, patientPaidSql } from '../ledger';

/** The patient's part of an account's credit: at most what they paid on it, net (ECA-05). */
function patientPart(db: Db, r: { id: number; balance: number; paid: number; long: number }): number {
  return Math.min(-r.balance, Math.max(0, r.long ? patientPaid(db, r.id) : r.paid));
}

interface CreditRow {
  account_id: number;
  account_number: string;
  balance_cents: number;
  guarantor_id: number;
  first_name: string;
  middle_name: string;
  last_name: string;
  refund_due: string | null;
  last_posted: string;
  patient_paid: number;
  long_chains: number;
}

/** Accounts in credit (optionally one guarantor's), each with its refund's due date. */
export function credits(db: Db, today: string, guarantorId?: number): CreditView[] {
  const days = assistancePolicy(db).refundWithinDays;
  // Two statements, not one with "@guarantor IS NULL OR ...": each uses its index (accounts_credit,
  // a partial index of the accounts in credit), where the OR scanned every account.
  const select = `SELECT a.id AS account_id, a.account_number, a.balance_cents, a.guarantor_id,
              g.first_name, g.middle_name, g.last_name,
              (SELECT x.refund_due FROM fap_decision_accounts x
                WHERE x.account_id = a.id AND x.refund_due IS NOT NULL ORDER BY x.history_id DESC LIMIT 1) AS refund_due,
              (SELECT max(e.effective_date) FROM ledger_entries e WHERE e.account_id = a.id AND e.amount_cents < 0) AS last_posted,
              ${patientPaidSql('a')} AS patient_paid, ${patientPaidLongChainsSql('a')} AS long_chains
         FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE a.balance_cents < 0`;
  const rows = (
    guarantorId === undefined
      ? prepared(db, `${select} ORDER BY a.guarantor_id, a.service_from, a.id`).all()
      : prepared(db, `${select} AND a.guarantor_id = ? ORDER BY a.service_from, a.id`).all(guarantorId)
  ) as CreditRow[];
  return rows.map((r) => {
    // A credit arises with the entry that made it (the latest, by its business date, that lowered
    // the balance: a partial refund does not move the date; the instant it was keyed in is not a
    // business date); a decision's refund has its own date.
    const dueDate = r.refund_due ?? addDays(r.last_posted, days);
    return {
      accountId: r.account_id,
      accountNumber: r.account_number,
      guarantorId: r.guarantor_id,
      guarantorName: guarantorName(r),
      creditCents: -r.balance_cents,
      patientCents: patientPart(db, {
        id: r.account_id,
        balance: r.balance_cents,
        paid: r.patient_paid,
        long: r.long_chains,
      }),
      dueDate,
      overdue: dueDate < today,
      fromAssistance: r.refund_due !== null,
    };
  });
}

/**
 * The guarantors owed a refund of their own money (an account in credit on which they paid): the
 * work queue's collection items leave them out, as the 501(r) gate does. The light form of credits().
 */
export function guarantorsOwedRefund(db: Db, only?: ReadonlySet<number>): Set<number> {
  const rows = prepared(
    db,
    `SELECT a.id, a.guarantor_id, a.balance_cents AS balance, ${patientPaidSql('a')} AS paid,
            ${patientPaidLongChainsSql('a')} AS long
       FROM accounts a WHERE a.balance_cents < 0${only ? ' AND a.guarantor_id IN (SELECT value FROM json_each(?))' : ''}`,
  ).all(...(only ? [JSON.stringify([...only])] : [])) as {
    id: number;
    guarantor_id: number;
    balance: number;
    paid: number;
    long: number;
  }[];
  const owed = new Set<number>();
  for (const r of rows) if (patientPart(db, r) > 0) owed.add(r.guarantor_id);
  return owed;
}

/**
 * ECA-05: a refund to the patient is at most the patient's part of the credit (what an insurer
 * overpaid goes back to the insurer). Refused with the field named otherwise.
 */
export function checkPatientRefund(db: Db, accountId: number, amountCents: number): void {
  const paid = Math.max(0, patientPaid(db, accountId));
  const balance = db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(accountId) as
    number | undefined;
  if (balance === undefined || balance >= 0) return; // postRefund says why
  const patient = Math.min(-balance, paid);
  if (amountCents > patient)
    throw new AppError(
      'invalid_input',
      patient === 0
        ? 'This credit is not money the patient paid (an insurer’s overpayment goes back to the insurer): nothing of it is refunded to the patient.'
        : `The patient’s part of this credit is ${formatCents(patient)}; the rest is not money the patient paid.`,
      { amountCents: `At most ${formatCents(patient)}.` },
    );
}

/** The credits worklist in the work queue: due ones for everyone, overdue ones for supervisors. */
export const creditsQueueSource: QueueSource = {
  kinds: ['credit_to_refund', 'refund_overdue'],
  items(db, today, want, only) {
    const items: QueueCandidate[] = [];
    // Some guarantors (the kept queue revalidating them): each one's credits by index.
    const list = only ? [...only].flatMap((g) => credits(db, today, g)) : credits(db, today);
    for (const c of list) {
      const whose =
        c.patientCents === c.creditCents
          ? ''
          : c.patientCents === 0
            ? ' (not money the patient paid: an insurer’s overpayment goes back to the insurer; an adjustment past zero is corrected)'
            : ` (${formatCents(c.patientCents)} of it the patient’s; the rest not money the patient paid)`;
      const what = `Account ${c.accountNumber} is in credit ${formatCents(c.creditCents)}${c.fromAssistance ? ' after a financial-assistance decision' : ''}${whose}`;
      if (c.overdue && want('refund_overdue')) {
        items.push({
          key: `refundOverdue:${c.accountId}:${c.dueDate}`,
          kind: 'refund_overdue',
          guarantorId: c.guarantorId,
          guarantorName: c.guarantorName,
          summary: `${what}; the refund was due ${formatShortDate(c.dueDate)}.`,
          amountCents: c.creditCents,
          date: c.dueDate,
          score: queueScore(c.creditCents, URGENCY.refundOverdue(daysBetween(c.dueDate, today))),
          assignee: null,
          ownerId: null,
          forSupervisors: true,
        });
      } else if (!c.overdue && want('credit_to_refund')) {
        items.push({
          key: `credit:${c.accountId}:${c.dueDate}`,
          kind: 'credit_to_refund',
          guarantorId: c.guarantorId,
          guarantorName: c.guarantorName,
          summary: `${what}; refund it by ${formatShortDate(c.dueDate)}.`,
          amountCents: c.creditCents,
          date: c.dueDate,
          score: queueScore(c.creditCents, URGENCY.creditToRefund(daysBetween(today, c.dueDate))),
          assignee: null,
          ownerId: null,
        });
      }
    }
    return items;
  },
};

// The delivery (issue 17, PP-04): recorded by a clerk (the schedule closes: payments not yet due are
// no longer asked for before delivery, an early delivery the same), the delivery account(s) the
// extract brought offered as candidates and confirmed by a clerk, held from statements until the
// true-up, and every deposit held for her applied to them through the ledger in one change (the
// day it meets the account is the payment's date: nothing before delivery started the 501(r)
// clock, ECA-05).
import { addDays, compareDates, daysBetween, formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { foldName } from '../../../shared/nameTokens';
import type { PaymentMethod } from '../../../shared/schemas/ledger';
import type { DeliveryCandidate } from '../../../shared/schemas/obstetrics';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { guarantorName, logActivity } from '../accounts';
import { placeHold } from '../compliance';
import { changeLedger, postPaymentParts } from '../ledger';
import { markDelivered, moveCaseGuarantor } from './caseRows';
import { insertDeliveryAccount } from './deliveryRows';
import { markApplied } from './depositRows';
import { caseReference, currentVersion } from './reads';
import { caseCreatedOn, obCase } from './views';

export interface When {
  today: string;
  now: string;
  by: number;
}

/** Days either side of the expected (or recorded) delivery date an account's service may start. */
export const CANDIDATE_WINDOW_DAYS = 60;

/** The hold's owner: the case alone ends it, at the true-up (at most 60 characters). */
export function deliveryHoldOwner(caseId: number): string {
  return `${caseReference(caseId)} obstetric prepayment`;
}

/** A name as the same-patient match compares it: NFKD, marks dropped, case folded, letters and digits only. */
function sameName(name: string): string {
  return foldName(name.normalize('NFKD')).replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface LinkedAccount {
  account_id: number;
  account_number: string;
  balance_cents: number;
  hold_id: number | null;
  service_from: string;
}

/** The delivery accounts linked to the case, oldest service first, with their balances and holds. */
export function linkedAccounts(db: Db, caseId: number): LinkedAccount[] {
  return prepared(
    db,
    `SELECT d.account_id, a.account_number, a.balance_cents, d.hold_id, a.service_from
       FROM ob_delivery_accounts d JOIN accounts a ON a.id = d.account_id
      WHERE d.case_id = ? ORDER BY a.service_from, a.id`,
  ).all(caseId) as LinkedAccount[];
}

/** ob:recordDelivery: she delivered (awaiting or active; or a date corrected before the account is linked); the schedule closes. */
export function recordDelivery(db: Db, caseId: number, deliveredOn: string, w: When): void {
  const c = obCase(db, caseId);
  const ref = caseReference(caseId);
  // A delivery recorded but not yet linked to its account may be corrected (a date typed wrong).
  const correcting = c.status === 'delivered' && linkedAccounts(db, caseId).length === 0;
  if (c.status !== 'awaiting_signature' && c.status !== 'active' && !correcting)
    throw new AppError(
      'not_allowed',
      c.status === 'cancelled'
        ? `${ref} is cancelled: a delivery cannot be recorded on it.`
        : c.status === 'closed'
          ? `${ref} is closed (trued up): its delivery date stays as it is.`
          : `${ref}'s delivery account is linked: its delivery date (${formatShortDate(c.delivered_on ?? w.today)}) stays as it is.`,
    );
  if (compareDates(deliveredOn, w.today) > 0)
    throw new AppError('invalid_input', 'The delivery date cannot be after today.', {
      deliveredOn: 'Choose today or an earlier date.',
    });
  const created = caseCreatedOn(db, caseId);
  if (compareDates(deliveredOn, created) < 0)
    throw new AppError('invalid_input', `The delivery date cannot be before ${ref} was opened (${created}).`, {
      deliveredOn: `Choose ${created} or later.`,
    });
  markDelivered(db, caseId, deliveredOn, w.by);
}

type CandidateRow = {
  id: number;
  account_number: string;
  guarantor_id: number;
  patient_name: string;
  service_type: string;
  service_from: string;
  service_to: string;
  balance_cents: number;
  first_name: string;
  middle_name: string;
  last_name: string;
  date_of_birth: string | null;
  taken_by: number | null;
};

/**
 * ob:deliveryCandidates: the obstetric and inpatient accounts whose service starts within 60 days of
 * the current version's expected delivery (or of the delivery recorded), of the case's guarantor;
 * and, when Recoup made her record at the interview, those of any other record of the same patient
 * (the same date of birth with the same last or first name): the extract's.
 */
export function deliveryCandidates(db: Db, caseId: number): DeliveryCandidate[] {
  const c = obCase(db, caseId);
  // While a change of her name or birth date from the extract waits for a supervisor, the record may
  // not be hers: nothing is offered until it is decided (a guarantor number typed wrong at the
  // interview would otherwise bring another person's accounts).
  const heldIdentity = prepared(
    db,
    `SELECT 1 FROM import_held_changes WHERE status = 'pending' AND guarantor_id = ?
        AND field IN ('last_name','first_name','date_of_birth') LIMIT 1`,
  ).get(c.guarantor_id);
  if (heldIdentity) return [];
  const anchor = c.delivered_on ?? currentVersion(db, caseId).expected_delivery;
  const anchorWord = c.delivered_on ? 'the delivery recorded' : 'the expected delivery';
  // Never a stay that began before the interview (an earlier admission is not this delivery).
  const created = caseCreatedOn(db, caseId);
  const windowFrom = addDays(anchor, -CANDIDATE_WINDOW_DAYS);
  const from = compareDates(windowFrom, created) < 0 ? created : windowFrom;
  const to = addDays(anchor, CANDIDATE_WINDOW_DAYS);
  const select = `SELECT a.id, a.account_number, a.guarantor_id, a.patient_name, a.service_type, a.service_from,
            a.service_to, a.balance_cents, g.first_name, g.middle_name, g.last_name, g.date_of_birth,
            (SELECT d.case_id FROM ob_delivery_accounts d WHERE d.account_id = a.id) AS taken_by
       FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
      WHERE a.service_type IN ('obstetric','inpatient') AND a.service_from BETWEEN ? AND ?`;
  const own = prepared(db, `${select} AND a.guarantor_id = ? ORDER BY a.service_from, a.id`).all(
    from,
    to,
    c.guarantor_id,
  ) as CandidateRow[];
  const when = (r: CandidateRow) => {
    const days = daysBetween(anchor, r.service_from);
    return days === 0
      ? `on ${anchorWord} date`
      : `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} ${anchorWord} date (${formatShortDate(anchor)})`;
  };
  const view = (r: CandidateRow, sameGuarantor: boolean, why: string): DeliveryCandidate => ({
    accountId: r.id,
    accountNumber: r.account_number,
    guarantorId: r.guarantor_id,
    guarantorName: guarantorName(r),
    sameGuarantor,
    patientName: r.patient_name,
    serviceType: r.service_type,
    serviceFrom: r.service_from,
    serviceTo: r.service_to,
    balanceCents: r.balance_cents,
    why,
    takenByCase: r.taken_by === null ? null : caseReference(r.taken_by),
  });
  const g = prepared(
    db,
    'SELECT first_name, last_name, date_of_birth, origin, external_id FROM guarantors WHERE id = ?',
  ).get(c.guarantor_id) as {
    first_name: string;
    last_name: string;
    date_of_birth: string | null;
    origin: string;
    external_id: string | null;
  };
  const last = sameName(g.last_name);
  const first = sameName(g.first_name);
  // The account's patient is she (the extract's patient name carries her first and last names), or
  // not named: a newborn's account under her as guarantor is another patient and another claim.
  const isHers = (r: CandidateRow) => {
    const patient = sameName(r.patient_name);
    return patient === '' || (patient.includes(last) && patient.includes(first));
  };
  const out = own
    .filter(isHers)
    .map((r) => view(r, true, `An ${r.service_type} account of hers whose service starts ${when(r)}.`));
  // Another record of the same patient only while hers is the one Recoup made at the interview
  // without the hospital's guarantor number; the same birth date and the same first AND last name.
  if (g.origin === 'ob_interview' && g.external_id === null && g.date_of_birth) {
    const others = prepared(
      db,
      `${select} AND a.guarantor_id <> ? AND g.date_of_birth = ? ORDER BY a.service_from, a.id`,
    ).all(from, to, c.guarantor_id, g.date_of_birth) as CandidateRow[];
    for (const r of others) {
      const sameLast = last !== '' && sameName(r.last_name) === last;
      const sameFirst = first !== '' && sameName(r.first_name) === first;
      if (!sameLast || !sameFirst || !isHers(r)) continue;
      const names = 'first and last names';
      out.push(
        view(
          r,
          false,
          `Another record of the same patient (the extract's, guarantor ${guarantorName(r)}): the same date of birth (${formatShortDate(g.date_of_birth)}) and the same ${names}; an ${r.service_type} account whose service starts ${when(r)}.`,
        ),
      );
    }
  }
  return out;
}

/** Splits a deposit over the accounts (oldest service first), each up to what it still owes; the rest on the last. */
export function splitDeposit(
  amountCents: number,
  owing: { accountId: number; cents: number }[],
): { accountId: number; cents: number }[] {
  const parts: { accountId: number; cents: number }[] = [];
  let left = amountCents;
  owing.forEach((a, i) => {
    const last = i === owing.length - 1;
    const take = last ? left : Math.min(left, Math.max(0, a.cents));
    if (take > 0) {
      parts.push({ accountId: a.accountId, cents: take });
      a.cents -= take;
      left -= take;
    }
  });
  return parts;
}

/**
 * ob:linkDelivery, all-or-nothing: the chosen accounts (current candidates, one guarantor's) become
 * the case's delivery accounts, each held from statements until the true-up; the case moves to the
 * extract's record when they are its; an undelivered case is delivered on the earliest service
 * date; every held deposit becomes a patient payment on them, in one ledger change.
 */
export function linkDelivery(app: RecoupApp, caseId: number, accountIds: readonly number[], w: When): void {
  const db = app.store.db;
  db.transaction(() => {
    const c = obCase(db, caseId);
    const ref = caseReference(caseId);
    const linked = linkedAccounts(db, caseId);
    if (linked.length > 0)
      throw new AppError(
        'not_allowed',
        `${ref} is linked to ${linked.map((l) => l.account_number).join(', ')} already.`,
      );
    if (c.status === 'cancelled' || c.status === 'closed')
      throw new AppError(
        'not_allowed',
        `${ref} is ${c.status}: a delivery account can no longer be linked${c.status === 'cancelled' ? ' (its deposits are refunded)' : ''}.`,
      );
    const offered = new Map(deliveryCandidates(db, caseId).map((k) => [k.accountId, k]));
    const chosen = [...new Set(accountIds)].map((id) => {
      const k = offered.get(id);
      if (!k) {
        const number = prepared(db, 'SELECT account_number FROM accounts WHERE id = ?').pluck().get(id) as
          string | undefined;
        throw new AppError(
          'invalid_input',
          `${number ? `Account ${number}` : 'That account'} is not a delivery candidate for ${ref}: choose one of the accounts offered.`,
          { accountIds: 'Choose one of the accounts offered.' },
        );
      }
      if (k.takenByCase !== null)
        throw new AppError('invalid_input', `Account ${k.accountNumber} is linked to ${k.takenByCase} already.`, {
          accountIds: 'Choose an account not linked to another arrangement.',
        });
      return k;
    });
    const guarantors = new Set(chosen.map((k) => k.guarantorId));
    if (guarantors.size > 1)
      throw new AppError(
        'invalid_input',
        `The delivery accounts must be one guarantor's: ${chosen.map((k) => `${k.accountNumber} is ${k.guarantorName}'s`).join(', ')}.`,
        { accountIds: 'Choose the accounts of one guarantor.' },
      );
    chosen.sort((a, b) => compareDates(a.serviceFrom, b.serviceFrom) || a.accountId - b.accountId);
    const guarantorId = chosen[0]!.guarantorId;
    if (c.status === 'awaiting_signature' || c.status === 'active')
      markDelivered(db, caseId, chosen[0]!.serviceFrom, w.by);
    if (guarantorId !== c.guarantor_id) moveCaseGuarantor(db, caseId, guarantorId);
    for (const k of chosen) {
      const holdId = placeHold(
        db,
        {
          guarantorId,
          accountId: k.accountId,
          reason: 'plan_current',
          note: `${ref}: the delivery account, out of statements until the true-up (PP-04).`,
          owner: deliveryHoldOwner(caseId),
        },
        w.today,
        w.by,
      );
      insertDeliveryAccount(db, { caseId, accountId: k.accountId, holdId, linkedOn: w.today }, w.by);
    }
    const applied = applyHeldDeposits(app, caseId, guarantorId, w);
    logActivity(
      db,
      {
        guarantorId,
        kind: 'note',
        outcome: 'noted',
        note: `${ref}: delivery account${chosen.length === 1 ? '' : 's'} ${chosen.map((k) => k.accountNumber).join(', ')} linked${applied.count > 0 ? `; ${applied.count} deposit${applied.count === 1 ? '' : 's'} (${formatCents(applied.cents)}) applied` : ''}; held from statements until the true-up.`,
        occurredOn: w.today,
      },
      w.by,
      w.now,
    );
  })();
}

/** Every held deposit of the case posted as a patient payment on its delivery accounts (one ledger change). */
function applyHeldDeposits(
  app: RecoupApp,
  caseId: number,
  guarantorId: number,
  w: When,
): { count: number; cents: number } {
  const db = app.store.db;
  const deposits = prepared(
    db,
    `SELECT id, receipt_number, amount_cents, received_on, method, reference FROM ob_deposits
      WHERE case_id = ? AND status = 'held' ORDER BY received_on, id`,
  ).all(caseId) as {
    id: number;
    receipt_number: string;
    amount_cents: number;
    received_on: string;
    method: PaymentMethod;
    reference: string;
  }[];
  if (deposits.length === 0) return { count: 0, cents: 0 };
  const owing = linkedAccounts(db, caseId).map((a) => ({ accountId: a.account_id, cents: a.balance_cents }));
  const ref = caseReference(caseId);
  changeLedger(app, w.by, (ledger) => {
    for (const d of deposits) {
      const { paymentId } = postPaymentParts(ledger, {
        guarantorId,
        amountCents: d.amount_cents,
        receivedOn: w.today,
        method: d.method,
        reference: d.receipt_number,
        memo: `${ref} deposit ${d.receipt_number} received ${d.received_on}`,
        parts: splitDeposit(d.amount_cents, owing),
      });
      markApplied(db, d.id, w.today, paymentId, w.by);
    }
  });
  return { count: deposits.length, cents: deposits.reduce((s, d) => s + d.amount_cents, 0) };
}

// Financial assistance (ECA-05). A clerk records that an application came in: the pending
// application holds the cycle and suspends every ECA until it is decided. A supervisor records the
// decision. An approval brings each open account down to what the patient owes under the policy
// with a charity adjustment; where the patient had already paid more than that, the account is
// left in credit and a refund task is opened. A decision answers a pending application; an approval
// stands (it is not undone by a later status). Every change is kept in the history.
import type { z } from 'zod';
import { addDays, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type {
  decideFapInput,
  FapDecisionResult,
  FapHistoryItem,
  recordFapApplicationInput,
} from '../../../shared/schemas/fap';
import { PATIENT_MONEY_TYPES } from '../../../shared/schemas/ledger';
import type { FapStatus } from '../../../shared/schemas/accounts';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { changeLedger, entriesAsCounted } from '../ledger';
import { addFollowUp, guarantorRow, setFapStatus } from '../accounts';

const PATIENT_SET: ReadonlySet<string> = new Set(PATIENT_MONEY_TYPES);

function notAfterToday(app: RecoupApp, date: string, field: string): void {
  if (date > app.clock.today())
    throw new AppError('invalid_input', 'The date cannot be after today.', {
      [field]: 'Choose today or an earlier date.',
    });
}

function record(db: Db, guarantorId: number, status: FapStatus, date: string, note: string, by: number, now: string) {
  setFapStatus(db, guarantorId, status, date, now);
  db.prepare(
    'INSERT INTO fap_history (guarantor_id, status, status_date, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(guarantorId, status, date, note, by, now);
}

/**
 * A status the billing extract brought (the import sets the guarantor's status by the owner rules
 * of src/shared/rules/extractOwnership.ts, in its own transaction); this keeps it in the history.
 */
export function recordFapFromExtract(
  db: Db,
  e: {
    guarantorId: number;
    status: Exclude<FapStatus, 'unknown'>;
    date: string;
    note: string;
    by: number | null;
    now: string;
  },
): void {
  // Prepared once per connection: an import may bring thousands.
  prepared(
    db,
    'INSERT INTO fap_history (guarantor_id, status, status_date, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(e.guarantorId, e.status, e.date, e.note, e.by, e.now);
}

/** The date of the guarantor's last assistance history entry (null when there is none). */
export function lastFapHistoryDate(db: Db, guarantorId: number): string | null {
  return (
    (db
      .prepare('SELECT status_date FROM fap_history WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(guarantorId) as string | undefined) ?? null
  );
}

/** An application came in (pending), or the guarantor said they will not apply. */
export function recordFapApplication(
  app: RecoupApp,
  input: z.output<typeof recordFapApplicationInput>,
  by: number,
): void {
  const db = app.store.db;
  const g = guarantorRow(db, input.guarantorId);
  notAfterToday(app, input.date, 'date');
  if (input.status === 'not_applied' && (g.fap_status === 'approved_full' || g.fap_status === 'approved_partial'))
    throw new AppError('not_allowed', 'This guarantor was approved for financial assistance; that decision stands.', {
      status: 'Record a new application instead, if one came in.',
    });
  db.transaction(() => record(db, input.guarantorId, input.status, input.date, input.note, by, app.nowIso()))();
}

/** What the patient's side has paid on an account, net of refunds and reversals (as a positive number). */
function patientPaid(db: Db, accountId: number, asOf: string): number {
  const rows = entriesAsCounted(db, accountId, asOf);
  return -rows.filter((r) => PATIENT_SET.has(r.counts_as)).reduce((t, r) => t + r.amount_cents, 0);
}

/** A supervisor records the decision; an approval adjusts the open accounts to the policy amount. */
export function decideFap(app: RecoupApp, input: z.output<typeof decideFapInput>, by: number): FapDecisionResult {
  const db = app.store.db;
  const now = app.nowIso();
  const g = guarantorRow(db, input.guarantorId);
  notAfterToday(app, input.decidedOn, 'decidedOn');
  // A decision answers a pending application (an approval cannot be taken back by a later "denied").
  if (g.fap_status !== 'pending')
    throw new AppError('not_allowed', 'There is no pending application to decide: record the application first.');
  if (g.fap_status_date && input.decidedOn < g.fap_status_date)
    throw new AppError('invalid_input', 'A decision cannot be dated before its application.', {
      decidedOn: `The application came in on ${formatLongDate(g.fap_status_date)}; choose that day or later.`,
    });
  const open = db
    .prepare(
      'SELECT id, account_number, balance_cents FROM accounts WHERE guarantor_id = ? AND balance_cents > 0 ORDER BY service_from, id',
    )
    .all(input.guarantorId) as { id: number; account_number: string; balance_cents: number }[];
  const shares = new Map(input.patientShares.map((s) => [s.accountId, s.amountCents]));
  if (input.decision === 'approved_partial') {
    for (const s of input.patientShares)
      if (!open.some((a) => a.id === s.accountId))
        throw new AppError('invalid_input', 'A share was given for an account that is not open on this guarantor.', {
          patientShares: 'Give a share only for this guarantor’s open accounts.',
        });
    const missing = open.filter((a) => !shares.has(a.id));
    if (missing.length > 0)
      throw new AppError(
        'invalid_input',
        `Give what the patient owes under the policy for account ${missing.map((a) => a.account_number).join(', ')}.`,
        { patientShares: 'Give the patient’s share for every open account.' },
      );
  } else if (input.patientShares.length > 0) {
    throw new AppError('invalid_input', 'Shares are given only for a partial approval.', {
      patientShares: 'Leave the shares out unless the approval is partial.',
    });
  }
  const result: FapDecisionResult = { adjusted: [], refunds: [] };
  // The decision and its charity adjustments are one ledger change: plans over these accounts move
  // with them (paid off, or a smaller balance), in the same transaction.
  changeLedger(app, by, (ledger) => {
    record(db, input.guarantorId, input.decision, input.decidedOn, input.note, by, now);
    if (input.decision === 'denied') return;
    for (const a of open) {
      const share = input.decision === 'approved_full' ? 0 : shares.get(a.id)!;
      // What is left to pay under the policy; below zero, the patient paid more than the policy amount.
      const owes = share - patientPaid(db, a.id, '9999-12-31');
      const writeOff = a.balance_cents - owes;
      if (writeOff <= 0) continue; // the policy amount is not less than what is billed: nothing to adjust
      ledger.post({
        accountId: a.id,
        type: 'charity_adjustment',
        amountCents: -writeOff,
        effectiveDate: input.decidedOn,
        reasonCode: 'charity',
        memo: `${input.decision === 'approved_full' ? 'Approved in full' : 'Approved in part'} (ECA-05)`,
      });
      result.adjusted.push({ accountId: a.id, accountNumber: a.account_number, amountCents: writeOff });
      if (owes < 0) {
        const followUpId = addFollowUp(
          db,
          {
            guarantorId: input.guarantorId,
            accountId: a.id,
            title: `Refund ${formatCents(-owes)} on account ${a.account_number}`,
            note: 'The patient paid more than the financial-assistance amount: refund the difference (ECA-05).',
            dueDate: addDays(app.clock.today(), 30),
          },
          by,
          now,
        );
        result.refunds.push({ accountId: a.id, accountNumber: a.account_number, amountCents: -owes, followUpId });
      }
    }
  });
  return result;
}

export function fapHistory(db: Db, guarantorId: number): FapHistoryItem[] {
  guarantorRow(db, guarantorId);
  return db
    .prepare(
      `SELECT h.id, h.status, h.status_date AS date, h.note, u.full_name AS recordedBy
         FROM fap_history h LEFT JOIN users u ON u.id = h.recorded_by WHERE h.guarantor_id = ? ORDER BY h.id DESC`,
    )
    .all(guarantorId) as FapHistoryItem[];
}

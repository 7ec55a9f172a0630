// Financial assistance (ECA-05). A clerk records that an application came in, complete or not: the
// pending application holds the cycle and suspends every ECA until it is decided; an incomplete one
// records what is missing and the date to send it by (1.501(r)-6(c)). A supervisor previews the
// discount the policy gives, account by account (src/shared/rules/fapDiscount.ts), and records the
// decision, which posts exactly what the preview showed: a charity adjustment per account, and where
// the patient had already paid more than the policy amount, the account is left in credit and the
// refund is due by a date (the credits worklist, credits.ts). A decision answers a pending application; an approval stands (it is not
// undone by a later status). Every change is kept in the history, with what its letter prints.
import type { z } from 'zod';
import { addDays, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { fapOutcome, fapTotals, type FapAccountLedger, type FapDiscount } from '../../../shared/rules/fapDiscount';
import type {
  decideFapInput,
  FapDecisionResult,
  FapHistoryItem,
  FapPreview,
  recordFapApplicationInput,
} from '../../../shared/schemas/fap';
import { PATIENT_MONEY_TYPES } from '../../../shared/schemas/ledger';
import type { FapStatus } from '../../../shared/schemas/accounts';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { assistancePolicy } from '../../platform/settings';
import { changeLedger, entriesAsCounted } from '../ledger';
import { guarantorRow, setFapStatus } from '../accounts';

const PATIENT_SET: ReadonlySet<string> = new Set(PATIENT_MONEY_TYPES);

function notAfterToday(app: RecoupApp, date: string, field: string): void {
  if (date > app.clock.today())
    throw new AppError('invalid_input', 'The date cannot be after today.', {
      [field]: 'Choose today or an earlier date.',
    });
}

function record(
  db: Db,
  guarantorId: number,
  status: FapStatus,
  date: string,
  note: string,
  by: number,
  now: string,
): number {
  setFapStatus(db, guarantorId, status, date, now);
  return Number(
    db
      .prepare(
        'INSERT INTO fap_history (guarantor_id, status, status_date, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(guarantorId, status, date, note, by, now).lastInsertRowid,
  );
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

/** An application came in (pending; incomplete: what is missing, by when), or the guarantor said they will not apply. */
export function recordFapApplication(
  app: RecoupApp,
  input: z.output<typeof recordFapApplicationInput>,
  by: number,
): { historyId: number; completeBy: string | null } {
  const db = app.store.db;
  const g = guarantorRow(db, input.guarantorId);
  notAfterToday(app, input.date, 'date');
  if (input.status === 'not_applied' && (g.fap_status === 'approved_full' || g.fap_status === 'approved_partial'))
    throw new AppError('not_allowed', 'This guarantor was approved for financial assistance; that decision stands.', {
      status: 'Record a new application instead, if one came in.',
    });
  // ECA-05: a pending application (complete, or incomplete with its period running) ends only by a
  // supervisor's decision; a clerk's "will not apply" would lift the hold and let the final notice
  // and collection actions resume.
  if (input.status === 'not_applied' && g.fap_status === 'pending')
    throw new AppError('not_allowed', 'An application is pending: only a supervisor’s decision ends it.', {
      status: 'Ask a supervisor to record the decision (a denial says why, or the application was withdrawn).',
    });
  if (input.status === 'incomplete' && !input.missing)
    throw new AppError('invalid_input', 'Say what is missing from the application: the notice names it.', {
      missing: 'Say what is missing.',
    });
  // 1.501(r)-6(c): a reasonable period to send what is missing (Settings, hospital-configurable).
  const completeBy =
    input.status === 'incomplete' ? addDays(input.date, assistancePolicy(db).incompleteApplicationDays) : null;
  const historyId = db.transaction(() => {
    // An incomplete application is pending: ECAs stay suspended while the period runs (ECA-05).
    const status = input.status === 'incomplete' ? 'pending' : input.status;
    const id = record(db, input.guarantorId, status, input.date, input.note, by, app.nowIso());
    if (completeBy)
      db.prepare('INSERT INTO fap_incomplete (history_id, missing, complete_by) VALUES (?, ?, ?)').run(
        id,
        input.missing,
        completeBy,
      );
    return id;
  })();
  return { historyId, completeBy };
}

/**
 * The accounts a decision covers, each summed by what its entries count as: every account with a
 * balance owed, and every account the patient paid off whose application period (1.501(r)-6(c):
 * 240 days from the first statement after discharge, or from the service when none was sent) had
 * not ended when the application came in (ECA-05: what they paid beyond the policy amount is
 * refunded, and paying the whole bill must not forfeit that).
 */
function openAccountLedgers(db: Db, guarantorId: number): (FapAccountLedger & { balanceCents: number })[] {
  const open = db
    .prepare(
      `SELECT a.id, a.account_number, a.balance_cents FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE a.guarantor_id = ?
          AND (a.balance_cents > 0 OR (a.balance_cents = 0 AND
               date(coalesce(a.first_statement_date, a.service_to), '+240 days') >= coalesce(g.fap_status_date, '9999-12-31')))
        ORDER BY a.service_from, a.id`,
    )
    .all(guarantorId) as { id: number; account_number: string; balance_cents: number }[];
  return open.flatMap((a) => {
    const sums = { gross: 0, payer: 0, patient: 0, other: 0 };
    for (const r of entriesAsCounted(db, a.id, '9999-12-31')) {
      if (r.counts_as === 'charge') sums.gross += r.amount_cents;
      else if (r.counts_as === 'insurance_payment' || r.counts_as === 'contractual_adjustment')
        sums.payer -= r.amount_cents;
      else if (PATIENT_SET.has(r.counts_as)) sums.patient -= r.amount_cents;
      else sums.other -= r.amount_cents;
    }
    // At zero and nothing paid by the patient: nothing to decide on this account.
    if (a.balance_cents === 0 && sums.patient <= 0) return [];
    return {
      accountId: a.id,
      accountNumber: a.account_number,
      grossChargesCents: sums.gross,
      payerCreditsCents: sums.payer,
      otherAdjustmentsCents: sums.other,
      patientPaidCents: sums.patient,
      balanceCents: a.balance_cents,
    };
  });
}

/** fap:preview (read-only): the per-account table a discount gives, exactly what a decision would post. */
export function previewFap(db: Db, guarantorId: number, discount: FapDiscount): FapPreview {
  guarantorRow(db, guarantorId);
  const agbBasisPoints = assistancePolicy(db).agbBasisPoints;
  const accounts = openAccountLedgers(db, guarantorId).map(({ balanceCents, ...a }) => {
    const o = fapOutcome(a, discount, agbBasisPoints);
    // The ledger's sums and the kept balance are one fact; a difference is a damaged store.
    if (o.balanceCents !== balanceCents)
      throw new AppError('store_error', `Account ${a.accountNumber}'s balance does not agree with its ledger.`);
    return o;
  });
  return { agbBasisPoints, accounts, totals: fapTotals(accounts) };
}

function checkDecisionInput(input: z.output<typeof decideFapInput>): FapDiscount | null {
  if (input.decision === 'denied') {
    if (!input.denialReason)
      throw new AppError('invalid_input', 'Give the reason for the denial: the letter tells the patient.', {
        denialReason: 'Give the reason.',
      });
    if (input.discount || input.previewed.length > 0)
      throw new AppError('invalid_input', 'A denial adjusts nothing: leave the discount out.', {
        discount: 'Leave the discount out of a denial.',
      });
    return null;
  }
  const discount = input.decision === 'approved_full' ? ({ kind: 'full' } as const) : input.discount;
  if (input.decision === 'approved_full' && input.discount && input.discount.kind !== 'full')
    throw new AppError('invalid_input', 'An approval in full takes the whole amount off.', {
      discount: 'Choose an approval in part for a percentage or the AGB.',
    });
  if (!discount || (input.decision === 'approved_partial' && discount.kind === 'full'))
    throw new AppError(
      'invalid_input',
      'Choose the discount the policy gives: a percentage, or the amount generally billed.',
      {
        discount: 'Choose the discount.',
      },
    );
  return discount;
}

/**
 * A supervisor records the decision. An approval posts, per open account, the charity adjustment
 * the preview showed; it is computed again here, inside the transaction, and the decision is refused
 * if it differs from the previewed table (the ledger changed meanwhile).
 */
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
  const discount = checkDecisionInput(input);
  const refundDays = assistancePolicy(db).refundWithinDays;
  // The decision and its charity adjustments are one ledger change: plans over these accounts move
  // with them (paid off, or a smaller balance), in the same transaction.
  return changeLedger(app, by, (ledger) => {
    const preview = discount ? previewFap(db, input.guarantorId, discount) : null;
    if (preview) {
      const shown = new Map(input.previewed.map((p) => [p.accountId, p]));
      const same =
        shown.size === preview.accounts.length &&
        preview.accounts.every((o) => {
          const p = shown.get(o.accountId);
          return p !== undefined && p.adjustmentCents === o.adjustmentCents && p.refundCents === o.refundCents;
        });
      if (!same)
        throw new AppError(
          'conflict',
          'The accounts changed since the preview (a payment or an adjustment was posted): look at the new amounts and confirm again.',
          { previewed: 'Preview again.' },
        );
    }
    const historyId = record(db, input.guarantorId, input.decision, input.decidedOn, input.note, by, now);
    db.prepare(
      'INSERT INTO fap_decisions (history_id, discount_kind, percent_off_bp, agb_bp, denial_reason) VALUES (?, ?, ?, ?, ?)',
    ).run(
      historyId,
      discount?.kind ?? null,
      discount?.kind === 'percent' ? discount.percentOffBasisPoints : null,
      preview?.agbBasisPoints ?? assistancePolicy(db).agbBasisPoints,
      input.decision === 'denied' ? input.denialReason : '',
    );
    const result: FapDecisionResult = { adjusted: [], refunds: [], historyId };
    for (const o of preview?.accounts ?? []) {
      if (o.adjustmentCents > 0) {
        ledger.post({
          accountId: o.accountId,
          type: 'charity_adjustment',
          amountCents: -o.adjustmentCents,
          effectiveDate: input.decidedOn,
          reasonCode: 'charity',
          memo: `${input.decision === 'approved_full' ? 'Approved in full' : 'Approved in part'} (ECA-05)`,
        });
        result.adjusted.push({
          accountId: o.accountId,
          accountNumber: o.accountNumber,
          amountCents: o.adjustmentCents,
        });
      }
      // ECA-05: refund what the patient paid beyond the policy amount; the credits worklist holds it until paid.
      const refundDue = o.refundCents > 0 ? addDays(app.clock.today(), refundDays) : null;
      if (refundDue)
        result.refunds.push({
          accountId: o.accountId,
          accountNumber: o.accountNumber,
          amountCents: o.refundCents,
          dueDate: refundDue,
        });
      db.prepare(
        `INSERT INTO fap_decision_accounts (history_id, account_id, responsibility_cents, policy_amount_cents, adjustment_cents,
                                            refund_cents, owes_cents, refund_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        historyId,
        o.accountId,
        o.responsibilityCents,
        o.policyAmountCents,
        o.adjustmentCents,
        o.refundCents,
        o.owesCents,
        refundDue,
      );
    }
    return result;
  });
}

export function fapHistory(db: Db, guarantorId: number): FapHistoryItem[] {
  guarantorRow(db, guarantorId);
  return db
    .prepare(
      `SELECT h.id, h.status, h.status_date AS date, h.note, u.full_name AS recordedBy,
              i.missing, i.complete_by AS completeBy,
              CASE WHEN i.history_id IS NOT NULL THEN 'incomplete_notice'
                   WHEN d.history_id IS NOT NULL THEN 'determination' END AS letter
         FROM fap_history h
         LEFT JOIN users u ON u.id = h.recorded_by
         LEFT JOIN fap_incomplete i ON i.history_id = h.id
         LEFT JOIN fap_decisions d ON d.history_id = h.id
        WHERE h.guarantor_id = ? ORDER BY h.id DESC`,
    )
    .all(guarantorId) as FapHistoryItem[];
}

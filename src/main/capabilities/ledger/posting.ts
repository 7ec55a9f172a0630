// Posting money: patient payments (allocated oldest-first or as the clerk says), adjustments with
// a reason (a supervisor approves those above the policy limit), and reversals with a reason.
// Every posting writes its ledger entries and balances in one transaction.
import { AppError } from '../../../shared/errors';
import { allocateOldestFirst, checkChosenAllocation } from '../../../shared/rules/allocation';
import { afterBusinessDateMessage, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { adjustmentNeedsApproval, reversalNeedsApproval } from '../../../shared/rules/adjustmentApproval';
import { backdatedIntoStatementedPeriod, likelyDuplicate, type PaymentSeen } from '../../../shared/rules/paymentChecks';
import { roleAtLeast, type Role } from '../../../shared/roles';
import {
  ADJUSTMENT_REASONS,
  BAD_DEBT_RECOVERY_REASON,
  MEDICARE_BAD_DEBT_REASON,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
  type PostAdjustmentInput,
  type PostPaymentInput,
} from '../../../shared/schemas/ledger';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { supervisorApproval } from '../access';
import { changeLedger, type LedgerChangeWriter } from './changes';
import { insertPayment } from './entries';
import { postingPolicy } from '../../platform/settings';
import { accountRows, guarantorRow } from '../accounts';

export interface Poster {
  id: number;
  role: Role;
}

function nextReceiptNumber(db: Db, today: string): string {
  const prefix = `R${today.replace(/-/g, '')}-`;
  const last = db
    .prepare(
      `SELECT receipt_number FROM payments WHERE receipt_number >= ? AND receipt_number < ? ORDER BY receipt_number DESC LIMIT 1`,
    )
    .pluck()
    .get(prefix, `${prefix}~`) as string | undefined;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/** The accounts a payment goes to first, as the capabilities say (a plan's accounts). */
function priorityAccounts(app: RecoupApp, guarantorId: number): Set<number> {
  const first = new Set<number>();
  for (const priority of app.extensions.paymentPriorities)
    for (const id of priority(app.store.db, guarantorId)) first.add(id);
  return first;
}

/**
 * Issue 11's checks of a payment as received, before it posts (any payment a person keys: at the
 * window, or a recovery): the same check posted twice is asked about, not taken silently; one
 * dated before the guarantor's last statement changes what the patient was told, so a supervisor
 * approves it. Returns the approving supervisor, if one was needed.
 */
export function checkPayment(
  app: RecoupApp,
  input: {
    guarantorId: number;
    amountCents: number;
    reference: string;
    effectiveDate: string;
    confirmDuplicate?: boolean;
    approval?: { username: string; password: string };
  },
  by: Poster,
): number | null {
  const db = app.store.db;
  if (!input.confirmDuplicate) {
    const earlier = db
      .prepare(
        `SELECT p.receipt_number AS receiptNumber, p.amount_cents AS amountCents, p.reference, p.effective_date AS effectiveDate
           FROM payments p WHERE p.guarantor_id = ? AND p.amount_cents = ?
            AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = p.id AND e.type = 'reversal')
          ORDER BY p.id DESC`,
      )
      .all(input.guarantorId, input.amountCents) as PaymentSeen[];
    const twin = likelyDuplicate(input, earlier);
    if (twin) {
      const message = `This looks like payment ${twin.receiptNumber} (${formatCents(twin.amountCents)}${twin.reference ? `, reference ${twin.reference}` : ''}, dated ${formatShortDate(twin.effectiveDate)}) posted again. Post it only if it is a second payment.`;
      throw new AppError('conflict', message, { confirmDuplicate: message });
    }
  }
  const lastStatement = db
    .prepare('SELECT max(statement_date) FROM statements WHERE guarantor_id = ?')
    .pluck()
    .get(input.guarantorId) as string | null;
  if (!backdatedIntoStatementedPeriod(input.effectiveDate, lastStatement) || roleAtLeast(by.role, 'supervisor'))
    return null;
  const why = `It is dated before the last statement (${formatShortDate(lastStatement!)}), which the patient has already been sent`;
  if (!input.approval)
    throw new AppError('forbidden', `${why}: a supervisor must approve it.`, {
      approval: `${why}: a supervisor approves it here.`,
    });
  return supervisorApproval(app, input.approval).id;
}

export function postPayment(
  app: RecoupApp,
  input: PostPaymentInput,
  by: Poster,
): { paymentId: number; receiptNumber: string; accountIds: number[] } {
  const db = app.store.db;
  const now = app.nowIso();
  guarantorRow(db, input.guarantorId);
  if (input.effectiveDate > app.clock.today()) {
    const message = afterBusinessDateMessage(app.clock.today(), 'A payment');
    throw new AppError('invalid_input', message, { effectiveDate: message });
  }
  const open = accountRows(db, input.guarantorId).map((a) => ({
    accountId: a.id,
    serviceFrom: a.service_from,
    balanceCents: a.balance_cents,
  }));
  const result =
    input.allocations.length === 0
      ? allocateOldestFirst(open, input.amountCents, priorityAccounts(app, input.guarantorId))
      : checkChosenAllocation(open, input.amountCents, input.allocations);
  if (!result.ok) throw new AppError('invalid_input', result.reason, { allocations: result.reason });
  const approvedBy = checkPayment(app, input, by);
  return changeLedger(app, by.id, (ledger) => {
    const receiptNumber = nextReceiptNumber(db, app.clock.today());
    const paymentId = insertPayment(db, {
      receipt_number: receiptNumber,
      guarantor_id: input.guarantorId,
      method: input.method,
      reference: input.reference,
      amount_cents: input.amountCents,
      effective_date: input.effectiveDate,
      received_by: by.id,
      created_at: now,
    });
    for (const part of result.allocations) {
      ledger.post({
        accountId: part.accountId,
        type: 'patient_payment',
        amountCents: -part.amountCents,
        effectiveDate: input.effectiveDate,
        reference: [receiptNumber, input.reference].filter(Boolean).join(' '),
        paymentId,
        approvedBy,
      });
    }
    return { paymentId, receiptNumber, accountIds: result.allocations.map((a) => a.accountId) };
  });
}

/**
 * An adjustment (or a reversal that lowers a balance) over the limit needs a supervisor's
 * approval, unless a supervisor posts it.
 */
function approvalFor(
  app: RecoupApp,
  approval: { username: string; password: string } | undefined,
  limit: number,
  what = 'Adjustments',
): number {
  if (!approval) {
    throw new AppError('forbidden', `${what} over ${formatCents(limit)} need a supervisor's approval.`, {
      approval: `A supervisor must approve ${what.toLowerCase()} over ${formatCents(limit)}.`,
    });
  }
  return supervisorApproval(app, approval).id;
}

export function postAdjustment(
  app: RecoupApp,
  input: PostAdjustmentInput,
  by: Poster,
): { entryId: number; guarantorId: number; approvedBy: number | null } {
  const db = app.store.db;
  const account = db.prepare('SELECT id, guarantor_id FROM accounts WHERE id = ?').get(input.accountId) as
    { id: number; guarantor_id: number } | undefined;
  if (!account) throw new AppError('not_found', 'There is no such account.');
  if (input.effectiveDate > app.clock.today()) {
    const message = afterBusinessDateMessage(app.clock.today(), 'An adjustment');
    throw new AppError('invalid_input', message, { effectiveDate: message });
  }
  const limit = postingPolicy(db).adjustmentApprovalLimitCents;
  let approvedBy: number | null = null;
  if (adjustmentNeedsApproval(by.role, input.amountCents, limit)) approvedBy = approvalFor(app, input.approval, limit);
  const reason = ADJUSTMENT_REASONS[input.reason];
  const entryId = changeLedger(app, by.id, (ledger) =>
    ledger.post({
      accountId: account.id,
      type: reason.type,
      amountCents: reason.sign * input.amountCents,
      effectiveDate: input.effectiveDate,
      reasonCode: input.reason,
      memo: input.memo,
      approvedBy,
    }),
  );
  return { entryId, guarantorId: account.guarantor_id, approvedBy };
}

/**
 * A refund of an account's credit (money paid back to the patient): a refund entry raises the
 * balance towards zero, never past it. Money leaving the hospital follows the adjustment approval
 * limit, measured on the credit being refunded: over it, a clerk needs a supervisor's approval.
 */
export function postRefund(
  app: RecoupApp,
  input: {
    accountId: number;
    amountCents: number;
    effectiveDate: string;
    reference: string;
    memo: string;
    approval?: { username: string; password: string } | undefined;
  },
  by: Poster,
): { entryId: number; guarantorId: number; approvedBy: number | null } {
  const db = app.store.db;
  const account = db
    .prepare('SELECT id, guarantor_id, balance_cents FROM accounts WHERE id = ?')
    .get(input.accountId) as { id: number; guarantor_id: number; balance_cents: number } | undefined;
  if (!account) throw new AppError('not_found', 'There is no such account.');
  if (input.effectiveDate > app.clock.today()) {
    const message = afterBusinessDateMessage(app.clock.today(), 'A refund');
    throw new AppError('invalid_input', message, { effectiveDate: message });
  }
  if (account.balance_cents >= 0)
    throw new AppError('not_allowed', 'This account is not in credit: there is nothing to refund.');
  if (input.amountCents > -account.balance_cents)
    throw new AppError(
      'invalid_input',
      `The refund cannot be more than the credit, ${formatCents(-account.balance_cents)}.`,
      {
        amountCents: `At most ${formatCents(-account.balance_cents)}.`,
      },
    );
  const limit = postingPolicy(db).adjustmentApprovalLimitCents;
  // The limit is of the credit being paid back, not of one refund: a $1,000.00 credit refunded as
  // four $250.00 refunds still needs a supervisor.
  const approvedBy = adjustmentNeedsApproval(by.role, Math.max(input.amountCents, -account.balance_cents), limit)
    ? approvalFor(app, input.approval, limit, 'Refunds')
    : null;
  const entryId = changeLedger(app, by.id, (ledger) =>
    ledger.post({
      accountId: account.id,
      type: 'refund',
      amountCents: input.amountCents,
      effectiveDate: input.effectiveDate,
      reference: input.reference,
      memo: input.memo,
      approvedBy,
    }),
  );
  return { entryId, guarantorId: account.guarantor_id, approvedBy };
}

function notAfterToday(app: RecoupApp, date: string): void {
  if (date > app.clock.today()) {
    const message = afterBusinessDateMessage(app.clock.today(), 'A reversal');
    throw new AppError('invalid_input', message, { effectiveDate: message });
  }
}

export function reverseLedgerEntry(
  app: RecoupApp,
  entryId: number,
  reason: string,
  effectiveDate: string,
  by: Poster,
  approval?: { username: string; password: string },
): { reversalId: number; guarantorId: number; approvedBy: number | null } {
  notAfterToday(app, effectiveDate);
  const db = app.store.db;
  const entry = db
    .prepare(
      'SELECT e.id, e.type, e.amount_cents, e.payment_id, a.guarantor_id FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE e.id = ?',
    )
    .get(entryId) as
    { id: number; type: string; amount_cents: number; payment_id: number | null; guarantor_id: number } | undefined;
  if (!entry) throw new AppError('not_found', 'There is no such ledger entry.');
  // An agency's payment (and its take-back) moves with the agency's remittance lines, so that the
  // lines, the scorecard and the ledger agree: the agency takes a payment back in its remittance.
  const original =
    entry.type === 'reversal'
      ? (db
          .prepare(
            `WITH RECURSIVE up(id, type, reverses_id) AS (
               SELECT id, type, reverses_id FROM ledger_entries WHERE id = ?
               UNION ALL SELECT e.id, e.type, e.reverses_id FROM ledger_entries e JOIN up ON e.id = up.reverses_id)
             SELECT type FROM up WHERE reverses_id IS NULL`,
          )
          .pluck()
          .get(entryId) as string | undefined)
      : entry.type;
  // A Medicare bad-debt write-off and a recovery's reinstatement are a supervisor's decision and
  // the listing's lines (BD-09, BD-12): they are reversed where they were made, with the write-off.
  const originalReason = db
    .prepare(
      `WITH RECURSIVE up(id, reason_code, reverses_id) AS (
         SELECT id, reason_code, reverses_id FROM ledger_entries WHERE id = ?
         UNION ALL SELECT e.id, e.reason_code, e.reverses_id FROM ledger_entries e JOIN up ON e.id = up.reverses_id)
       SELECT reason_code FROM up WHERE reverses_id IS NULL`,
    )
    .pluck()
    .get(entryId) as string | null | undefined;
  if (originalReason === MEDICARE_BAD_DEBT_REASON || originalReason === BAD_DEBT_RECOVERY_REASON)
    throw new AppError(
      'not_allowed',
      originalReason === MEDICARE_BAD_DEBT_REASON
        ? 'This is a Medicare bad-debt write-off: a supervisor reverses it on the Medicare bad debt page, so the listing and the ledger agree.'
        : 'This reinstates a Medicare bad-debt recovery: it is reversed with the recovery’s payment (reverse the payment), so the listing and the ledger agree.',
    );
  if (original === 'agency_remittance')
    throw new AppError(
      'not_allowed',
      'This is an agency’s payment: the agency takes it back in its remittance (a negative line with its transaction id), so its lines and the ledger agree.',
    );
  // A part of a split payment is reversed with the whole payment; a reversal (even of a payment
  // part) may itself be reversed, one entry at a time, to undo a mistake.
  if (entry.payment_id !== null && entry.type !== 'reversal') {
    const parts =
      (db
        .prepare(`SELECT count(*) FROM ledger_entries WHERE payment_id = ? AND type <> 'reversal'`)
        .pluck()
        .get(entry.payment_id) as number) ?? 0;
    if (parts > 1)
      throw new AppError(
        'not_allowed',
        'This entry is part of a payment split over several accounts; reverse the whole payment.',
      );
  }
  // Issue 11: a reversal that lowers the balance by more than the limit needs a supervisor, as an
  // adjustment does (a clerk reversed a $3,845 charge alone).
  const limit = postingPolicy(db).adjustmentApprovalLimitCents;
  const approvedBy = reversalNeedsApproval(by.role, entry.amount_cents, limit)
    ? approvalFor(app, approval, limit, 'Reversals that lower a balance')
    : null;
  const reversalId = changeLedger(app, by.id, (ledger) =>
    ledger.reverse(entryId, { reason, effectiveDate, approvedBy }),
  );
  return { reversalId, guarantorId: entry.guarantor_id, approvedBy };
}

/** Reverses every allocation of a payment (a bounced check, a payment posted to the wrong person). */
export function reversePayment(
  app: RecoupApp,
  paymentId: number,
  reason: string,
  effectiveDate: string,
  by: Poster,
): { guarantorId: number; reversalIds: number[] } {
  notAfterToday(app, effectiveDate);
  const db = app.store.db;
  const payment = db.prepare('SELECT id, guarantor_id FROM payments WHERE id = ?').get(paymentId) as
    { id: number; guarantor_id: number } | undefined;
  if (!payment) throw new AppError('not_found', 'There is no such payment.');
  const entries = db
    .prepare(`SELECT id FROM ledger_entries WHERE payment_id = ? AND type <> 'reversal'`)
    .pluck()
    .all(paymentId) as number[];
  const reversalIds = changeLedger(app, by.id, (ledger) =>
    entries.map((id) => ledger.reverse(id, { reason, effectiveDate })),
  );
  return { guarantorId: payment.guarantor_id, reversalIds };
}

/**
 * Lowers accounts by `cents` in all, in the order given (oldest first), never below zero on any
 * account: one entry per account touched (an adjustment, a court or estate recovery). Returns what
 * was posted where.
 */
export function postOldestFirst(
  ledger: LedgerChangeWriter,
  accounts: readonly { account_id: number; balance_cents: number }[],
  cents: number,
  entry: (accountId: number, take: number) => Parameters<LedgerChangeWriter['post']>[0],
): { entryId: number; accountId: number; cents: number }[] {
  const posted: { entryId: number; accountId: number; cents: number }[] = [];
  let left = cents;
  for (const a of accounts) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, a.balance_cents));
    if (take <= 0) continue;
    posted.push({ entryId: ledger.post(entry(a.account_id, take)), accountId: a.account_id, cents: take });
    left -= take;
  }
  return posted;
}

/**
 * A write-off lowers balances with no money coming in (a judgment's, an estate's closing): like any
 * adjustment, over the approval limit a clerk needs a supervisor's approval (issue 11). Returns who
 * approved, if anyone; `what` begins the refusal ("The judgment writes off").
 */
export function writeOffApprovedBy(
  app: RecoupApp,
  cents: number,
  role: Role,
  approval: { username: string; password: string } | undefined,
  what: string,
): number | null {
  const limit = postingPolicy(app.store.db).adjustmentApprovalLimitCents;
  if (cents <= 0 || !adjustmentNeedsApproval(role, cents, limit)) return null;
  if (!approval)
    throw new AppError(
      'forbidden',
      `${what} ${formatCents(cents)}, over the ${formatCents(limit)} a clerk may adjust alone: a supervisor approves it.`,
      { approval: `A supervisor must approve writing off ${formatCents(cents)}.` },
    );
  return supervisorApproval(app, approval).id;
}

/** Money received for a matter (a court case, an estate), as its record and its entries say it. */
export interface MatterPayment {
  amountCents: number;
  receivedOn: string;
  method: PaymentMethod;
  reference: string;
}

/** How a matter's payment came: "Check 1001". */
export function paymentHow(p: Pick<MatterPayment, 'method' | 'reference'>): string {
  return `${PAYMENT_METHOD_LABELS[p.method]}${p.reference ? ` ${p.reference}` : ''}`;
}

/**
 * A matter's money posted to its accounts oldest first as `type` (a court or an estate recovery),
 * each entry's memo naming the matter and how the money came. Inside the caller's ledger change.
 */
export function postRecovery(
  ledger: LedgerChangeWriter,
  accounts: readonly { account_id: number; balance_cents: number }[],
  p: MatterPayment,
  type: 'court_recovery' | 'estate_recovery',
  label: string,
): { entryId: number; accountId: number; cents: number }[] {
  return postOldestFirst(ledger, accounts, p.amountCents, (accountId, take) => ({
    accountId,
    type,
    amountCents: -take,
    effectiveDate: p.receivedOn,
    reference: p.reference,
    memo: `${label}: ${paymentHow(p)}.`,
  }));
}

/**
 * A patient's payment to one account inside the caller's ledger change (a bad-debt recovery,
 * issue 15): its receipt's row and its patient_payment entry, as postPayment writes them.
 */
export function postAccountPayment(
  ledger: LedgerChangeWriter,
  p: MatterPayment & { guarantorId: number; accountId: number; memo: string; approvedBy?: number | null },
): { paymentId: number; receiptNumber: string; entryId: number } {
  const receiptNumber = nextReceiptNumber(ledger.db, ledger.when.today);
  const paymentId = insertPayment(ledger.db, {
    receipt_number: receiptNumber,
    guarantor_id: p.guarantorId,
    method: p.method,
    reference: p.reference,
    amount_cents: p.amountCents,
    effective_date: p.receivedOn,
    received_by: ledger.when.by,
    created_at: ledger.when.now,
  });
  const entryId = ledger.post({
    accountId: p.accountId,
    type: 'patient_payment',
    amountCents: -p.amountCents,
    effectiveDate: p.receivedOn,
    reference: [receiptNumber, p.reference].filter(Boolean).join(' '),
    memo: p.memo,
    paymentId,
    approvedBy: p.approvedBy ?? null,
  });
  return { paymentId, receiptNumber, entryId };
}

/**
 * A patient's payment split over several accounts inside the caller's ledger change (an automatic
 * bank transfer's debit, issue 16): one receipt's row and one patient_payment entry per part, as
 * postPayment writes them.
 */
export function postPaymentParts(
  ledger: LedgerChangeWriter,
  p: MatterPayment & { guarantorId: number; parts: readonly { accountId: number; cents: number }[]; memo: string },
): { paymentId: number; receiptNumber: string; entryIds: number[] } {
  const receiptNumber = nextReceiptNumber(ledger.db, ledger.when.today);
  const paymentId = insertPayment(ledger.db, {
    receipt_number: receiptNumber,
    guarantor_id: p.guarantorId,
    method: p.method,
    reference: p.reference,
    amount_cents: p.amountCents,
    effective_date: p.receivedOn,
    received_by: ledger.when.by,
    created_at: ledger.when.now,
  });
  const entryIds = p.parts.map((part) =>
    ledger.post({
      accountId: part.accountId,
      type: 'patient_payment',
      amountCents: -part.cents,
      effectiveDate: p.receivedOn,
      reference: [receiptNumber, p.reference].filter(Boolean).join(' '),
      memo: p.memo,
      paymentId,
    }),
  );
  return { paymentId, receiptNumber, entryIds };
}

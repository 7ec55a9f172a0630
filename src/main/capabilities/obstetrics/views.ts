// What the screens, the documents and the queue show of an OB arrangement: one definition each.
// The figures come from reads.ts (caseProgress is THE definition of paid to date, next due and
// past due); once the case is delivered, closed or cancelled the schedule is closed (installments
// not yet paid are no longer due before delivery: the rest is settled at the true-up), so nothing
// is "next due" or "past due" on it any more.
import { AppError } from '../../../shared/errors';
import { documentLanguage } from '../../../shared/rules/documentLanguage';
import type { TrueUp } from '../../../shared/rules/obstetrics';
import type { ObCaseDetail, ObCaseSummary, ObDepositView, ObStatus } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { ObCasesRow, ObDepositsRow, ObVersionsRow } from '../../store/schema';
import { guarantorName, guarantorRow } from '../accounts';
import { caseProgress, caseReference, caseRow, depositTotals, versionView } from './reads';

/** The statuses whose schedule is still running (before delivery). */
export const LIVE_STATUSES: readonly ObStatus[] = ['awaiting_signature', 'active'];
/** 'open' on the cases list: not closed and not cancelled. */
export const OPEN_STATUSES: readonly ObStatus[] = ['awaiting_signature', 'active', 'delivered'];

export function isLive(status: ObStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/** The case or a clear refusal. */
export function obCase(db: Db, caseId: number): ObCasesRow {
  const c = caseRow(db, caseId);
  if (!c) throw new AppError('not_found', 'There is no such OB arrangement.');
  return c;
}

/** The day the arrangement was made: the interview's business date (its first version). */
export function caseCreatedOn(db: Db, caseId: number): string {
  const made = prepared(db, 'SELECT made_on FROM ob_versions WHERE case_id = ? ORDER BY version LIMIT 1')
    .pluck()
    .get(caseId) as string | undefined;
  if (made === undefined) throw new Error(`OB case ${caseId} has no version`);
  return made;
}

export function caseSummary(db: Db, c: ObCasesRow, today: string): ObCaseSummary {
  const { version, progress } = caseProgress(db, c.id, today);
  const totals = depositTotals(db, c.id);
  const live = isLive(c.status);
  return {
    id: c.id,
    reference: caseReference(c.id),
    guarantorId: c.guarantor_id,
    guarantorName: guarantorName(guarantorRow(db, c.guarantor_id)),
    status: c.status,
    expectedDelivery: version.expected_delivery,
    deliveryKind: version.delivery_kind,
    estimateCents: version.estimate_cents,
    heldCents: totals.heldCents,
    appliedCents: totals.appliedCents,
    nextDue: live ? progress.nextDue : null,
    // Late only under a schedule she signed: an unsigned one is revised before she signs, never chased.
    pastDueCents: c.status === 'active' ? progress.pastDueCents : 0,
    signedOn: c.signed_on,
    deliveredOn: c.delivered_on,
    createdOn: caseCreatedOn(db, c.id),
  };
}

function depositView(db: Db, d: ObDepositsRow): ObDepositView {
  const paymentReceipt =
    d.payment_id === null
      ? null
      : ((prepared(db, 'SELECT receipt_number FROM payments WHERE id = ?').pluck().get(d.payment_id) as
          string | undefined) ?? null);
  const closedOn = d.status === 'refunded' ? d.refunded_on : d.status === 'reversed' ? d.reversed_on : null;
  const closeNote =
    d.status === 'refunded'
      ? `Refunded by ${d.refund_method ?? ''}${d.refund_reference ? ` (${d.refund_reference})` : ''}`
      : d.status === 'reversed'
        ? d.reverse_note
        : null;
  return {
    id: d.id,
    receiptNumber: d.receipt_number,
    amountCents: d.amount_cents,
    receivedOn: d.received_on,
    method: d.method,
    reference: d.reference,
    status: d.status,
    appliedOn: d.applied_on,
    paymentReceipt,
    closedOn,
    closeNote,
  };
}

export function caseDetail(db: Db, caseId: number, today: string): ObCaseDetail {
  const c = obCase(db, caseId);
  const summary = caseSummary(db, c, today);
  const g = guarantorRow(db, c.guarantor_id);
  const versions = (
    prepared(db, 'SELECT * FROM ob_versions WHERE case_id = ? ORDER BY version DESC').all(caseId) as ObVersionsRow[]
  ).map((v) => versionView(db, v));
  // A closed schedule is shown as it stood the day it closed (delivery or cancellation): what was
  // not yet due then is no longer due before delivery.
  const { progress } = caseProgress(db, caseId, isLive(c.status) ? today : (c.delivered_on ?? c.cancelled_on ?? today));
  const deposits = (
    prepared(db, 'SELECT * FROM ob_deposits WHERE case_id = ? ORDER BY received_on, id').all(caseId) as ObDepositsRow[]
  ).map((d) => depositView(db, d));
  const deliveryAccounts = (
    prepared(
      db,
      `SELECT a.id AS accountId, a.account_number AS accountNumber, a.service_from AS serviceFrom,
              a.service_to AS serviceTo, a.balance_cents AS balanceCents,
              (h.id IS NOT NULL AND h.released_on IS NULL) AS held
         FROM ob_delivery_accounts d JOIN accounts a ON a.id = d.account_id
         LEFT JOIN holds h ON h.id = d.hold_id
        WHERE d.case_id = ? ORDER BY a.service_from, a.id`,
    ).all(caseId) as {
      accountId: number;
      accountNumber: string;
      serviceFrom: string;
      serviceTo: string;
      balanceCents: number;
      held: number;
    }[]
  ).map((a) => ({ ...a, held: a.held === 1 }));
  const statements = prepared(
    db,
    `SELECT id, statement_date AS statementDate, document_id AS documentId
       FROM ob_statements WHERE case_id = ? ORDER BY statement_date DESC, id DESC`,
  ).all(caseId) as { id: number; statementDate: string; documentId: number | null }[];
  const current = versions[0];
  if (!current) throw new Error(`OB case ${caseId} has no version`);
  return {
    ...summary,
    language: c.language === 'en' || c.language === 'es' ? c.language : documentLanguage(g.language),
    fapScreening: c.fap_screening,
    guarantorOrigin: g.origin,
    current,
    versions,
    progress: { paidCents: progress.paidCents, items: progress.items, remainingCents: progress.remainingCents },
    deposits,
    deliveryAccounts,
    statements,
    agreementDocumentId: c.agreement_document_id,
    cancelled: c.cancelled_on === null ? null : { on: c.cancelled_on, note: c.cancel_note ?? '' },
    trueUp:
      c.trued_up_on === null
        ? null
        : {
            realShareCents: c.real_share_cents ?? 0,
            source: c.real_share_source ?? '',
            outcome: (c.true_up_outcome ?? 'even') as TrueUp['outcome'],
            cents: c.true_up_cents ?? 0,
            truedUpOn: c.trued_up_on,
            letterDocumentId: c.true_up_letter_id,
          },
  };
}

/** ob:cases: 'open' = awaiting the signature, paying, or delivered awaiting the true-up; newest expected delivery first. */
export function caseList(db: Db, status: 'open' | 'all' | ObStatus, today: string): ObCaseSummary[] {
  const statuses: readonly ObStatus[] | null = status === 'all' ? null : status === 'open' ? OPEN_STATUSES : [status];
  const rows = (
    statuses === null
      ? prepared(db, 'SELECT * FROM ob_cases').all()
      : prepared(db, `SELECT * FROM ob_cases WHERE status IN (${statuses.map(() => '?').join(', ')})`).all(...statuses)
  ) as ObCasesRow[];
  return sortByDelivery(rows.map((c) => caseSummary(db, c, today)));
}

/** ob:guarantor: every case of a guarantor (any status). */
export function guarantorCases(db: Db, guarantorId: number, today: string): ObCaseSummary[] {
  guarantorRow(db, guarantorId);
  const rows = prepared(db, 'SELECT * FROM ob_cases WHERE guarantor_id = ?').all(guarantorId) as ObCasesRow[];
  return sortByDelivery(rows.map((c) => caseSummary(db, c, today)));
}

function sortByDelivery(list: ObCaseSummary[]): ObCaseSummary[] {
  return list.sort((a, b) =>
    a.expectedDelivery === b.expectedDelivery ? b.id - a.id : a.expectedDelivery < b.expectedDelivery ? 1 : -1,
  );
}

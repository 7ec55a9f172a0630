// Reads every part of the obstetrics capability shares: a case's reference, its current version
// (estimate and schedule), the deposits' totals, and the progress of the schedule: THE definition
// every screen, OB statement, agreement and queue item shows (paid to date, next due, past due).
import {
  obProgress,
  type ObCoverage,
  type ObEstimate,
  type ObInstallment,
  type ObProgress,
} from '../../../shared/rules/obstetrics';
import type { ObVersionView } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { ObCasesRow, ObVersionsRow } from '../../store/schema';

/** "OB-12": the reference on every document and queue item. */
export function caseReference(id: number): string {
  return `OB-${id}`;
}

export function caseRow(db: Db, caseId: number): ObCasesRow | undefined {
  return prepared(db, 'SELECT * FROM ob_cases WHERE id = ?').get(caseId) as ObCasesRow | undefined;
}

/** The latest version of a case's estimate and schedule (every case has one from its interview). */
export function currentVersion(db: Db, caseId: number): ObVersionsRow {
  const row = prepared(db, 'SELECT * FROM ob_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1').get(caseId) as
    ObVersionsRow | undefined;
  if (!row) throw new Error(`OB case ${caseId} has no version`);
  return row;
}

export function installmentsOf(db: Db, versionId: number): ObInstallment[] {
  return (
    prepared(db, 'SELECT seq, due_date, amount_cents FROM ob_installments WHERE version_id = ? ORDER BY seq').all(
      versionId,
    ) as { seq: number; due_date: string; amount_cents: number }[]
  ).map((r) => ({ seq: r.seq, dueDate: r.due_date, amountCents: r.amount_cents }));
}

export function versionView(db: Db, v: ObVersionsRow): ObVersionView {
  const madeBy =
    v.created_by === null
      ? ''
      : ((prepared(db, 'SELECT full_name FROM users WHERE id = ?').pluck().get(v.created_by) as string | undefined) ??
        '');
  return {
    id: v.id,
    version: v.version,
    reason: v.reason,
    note: v.note,
    expectedDelivery: v.expected_delivery,
    deliveryKind: v.delivery_kind,
    coverage: JSON.parse(v.coverage) as ObCoverage,
    chargesCents: v.charges_cents,
    estimate: JSON.parse(v.estimate) as ObEstimate,
    daysBefore: v.days_before,
    lastAllowed: v.last_allowed,
    firstDue: v.first_due,
    heldBeforeCents: v.held_before_cents,
    scheduledCents: v.scheduled_cents,
    emptyReason: v.empty_reason as ObVersionView['emptyReason'],
    installments: installmentsOf(db, v.id),
    madeOn: v.made_on,
    madeBy,
  };
}

export interface DepositTotals {
  /** Received and held for her now. */
  heldCents: number;
  /** Applied to the delivery account(s) (now ledger payments). */
  appliedCents: number;
  refundedCents: number;
  /** Held or applied: the money she has paid towards the delivery. */
  liveCents: number;
}

export function depositTotals(db: Db, caseId: number): DepositTotals {
  const r = prepared(
    db,
    `SELECT coalesce(sum(CASE WHEN status = 'held' THEN amount_cents END), 0) AS held,
            coalesce(sum(CASE WHEN status = 'applied' THEN amount_cents END), 0) AS applied,
            coalesce(sum(CASE WHEN status = 'refunded' THEN amount_cents END), 0) AS refunded
       FROM ob_deposits WHERE case_id = ?`,
  ).get(caseId) as { held: number; applied: number; refunded: number };
  return { heldCents: r.held, appliedCents: r.applied, refundedCents: r.refunded, liveCents: r.held + r.applied };
}

/**
 * The current schedule against the deposits: a version collects what was not yet held when it was
 * made (scheduled = estimate − held before), so the deposits counted against it are those beyond
 * `held_before_cents` (never below zero: a deposit reversed as a mistake lowers them).
 */
export function caseProgress(db: Db, caseId: number, today: string): { version: ObVersionsRow; progress: ObProgress } {
  const version = currentVersion(db, caseId);
  const paid = Math.max(0, depositTotals(db, caseId).liveCents - version.held_before_cents);
  return { version, progress: obProgress(installmentsOf(db, version.id), paid, today) };
}

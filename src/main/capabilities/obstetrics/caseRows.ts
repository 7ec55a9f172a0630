// The only writer of ob_cases, ob_versions and ob_installments (eslint/table-owners.mjs): an OB
// arrangement, each version of its estimate and schedule (never rewritten: a revision is a new
// version), and the steps of its life.
import type { DocumentLanguage } from '../../../shared/rules/documentLanguage';
import type { DeliveryKind, ObCoverage, ObEstimate, ObInstallment, TrueUp } from '../../../shared/rules/obstetrics';
import type { FapScreening, ObVersionReason } from '../../../shared/schemas/obstetrics';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

export function insertCase(
  db: Db,
  c: { guarantorId: number; language: DocumentLanguage | ''; fapScreening: FapScreening },
  now: string,
  by: number,
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO ob_cases (guarantor_id, status, language, fap_screening, created_at, created_by)
       VALUES (?, 'awaiting_signature', ?, ?, ?, ?)`,
    ).run(c.guarantorId, c.language, c.fapScreening, now, by).lastInsertRowid,
  );
}

export interface NewVersion {
  caseId: number;
  reason: ObVersionReason;
  note: string;
  expectedDelivery: string;
  deliveryKind: DeliveryKind;
  coverage: ObCoverage;
  chargesCents: number;
  selfPayDiscountBp: number;
  assistanceBp: number;
  estimate: ObEstimate;
  daysBefore: number;
  lastAllowed: string;
  firstDue: string | null;
  heldBeforeCents: number;
  scheduledCents: number;
  emptyReason: 'nothing_due' | 'too_near' | null;
  madeOn: string;
}

/** A new version (the next number) with its installments. */
export function insertVersion(
  db: Db,
  v: NewVersion,
  installments: readonly ObInstallment[],
  now: string,
  by: number,
): number {
  const version =
    (prepared(db, 'SELECT max(version) FROM ob_versions WHERE case_id = ?').pluck().get(v.caseId) as number | null) ??
    0;
  const id = Number(
    prepared(
      db,
      `INSERT INTO ob_versions (case_id, version, reason, note, expected_delivery, delivery_kind, coverage, charges_cents,
         self_pay_discount_bp, assistance_bp, estimate_cents, estimate, days_before, last_allowed, first_due,
         held_before_cents, scheduled_cents, empty_reason, made_on, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.caseId,
      version + 1,
      v.reason,
      v.note,
      v.expectedDelivery,
      v.deliveryKind,
      JSON.stringify(v.coverage),
      v.chargesCents,
      v.selfPayDiscountBp,
      v.assistanceBp,
      v.estimate.shareCents,
      JSON.stringify(v.estimate),
      v.daysBefore,
      v.lastAllowed,
      v.firstDue,
      v.heldBeforeCents,
      v.scheduledCents,
      v.emptyReason,
      v.madeOn,
      now,
      by,
    ).lastInsertRowid,
  );
  const insert = prepared(
    db,
    'INSERT INTO ob_installments (version_id, seq, due_date, amount_cents) VALUES (?, ?, ?, ?)',
  );
  for (const i of installments) insert.run(id, i.seq, i.dueDate, i.amountCents);
  return id;
}

/** The agreement printed for her to sign, and the version it shows (kept among the guarantor's documents). */
export function setAgreementDocument(db: Db, caseId: number, documentId: number, versionId: number): void {
  prepared(db, 'UPDATE ob_cases SET agreement_document_id = ?, agreement_version_id = ? WHERE id = ?').run(
    documentId,
    versionId,
    caseId,
  );
}

/** She signed the printed agreement of `versionId` (the first signature, or a revised schedule's). */
export function markSigned(db: Db, caseId: number, signedOn: string, versionId: number, by: number): void {
  prepared(
    db,
    `UPDATE ob_cases SET status = 'active', signed_on = ?, signed_version_id = ?, signed_recorded_by = ?
      WHERE id = ? AND status IN ('awaiting_signature','active')`,
  ).run(signedOn, versionId, by, caseId);
}

export function markCancelled(db: Db, caseId: number, on: string, note: string, by: number): void {
  prepared(
    db,
    `UPDATE ob_cases SET status = 'cancelled', cancelled_on = ?, cancel_note = ?, cancelled_by = ?
      WHERE id = ? AND status IN ('awaiting_signature','active','delivered')`,
  ).run(on, note, by, caseId);
}

/** The delivery happened (recorded by a clerk, or the delivery account's service date; a date corrected): the schedule closes. */
export function markDelivered(db: Db, caseId: number, deliveredOn: string, by: number): void {
  prepared(
    db,
    `UPDATE ob_cases SET status = 'delivered', delivered_on = ?, delivery_recorded_by = ?
      WHERE id = ? AND status IN ('awaiting_signature','active','delivered')`,
  ).run(deliveredOn, by, caseId);
}

export function markTruedUp(
  db: Db,
  caseId: number,
  t: { realShareCents: number; source: string; trueUp: TrueUp; on: string },
  by: number,
): void {
  prepared(
    db,
    `UPDATE ob_cases SET status = 'closed', real_share_cents = ?, real_share_source = ?, trued_up_on = ?,
            true_up_outcome = ?, true_up_cents = ?, trued_up_by = ?
      WHERE id = ? AND status = 'delivered'`,
  ).run(t.realShareCents, t.source, t.on, t.trueUp.outcome, t.trueUp.cents, by, caseId);
}

export function setTrueUpLetter(db: Db, caseId: number, documentId: number): void {
  prepared(db, 'UPDATE ob_cases SET true_up_letter_id = ? WHERE id = ?').run(documentId, caseId);
}

/** The case moves to the record the extract brought for the same patient (the first one is remembered). */
export function moveCaseGuarantor(db: Db, caseId: number, toGuarantorId: number): void {
  prepared(
    db,
    `UPDATE ob_cases SET moved_from_guarantor_id = coalesce(moved_from_guarantor_id, guarantor_id), guarantor_id = ?
      WHERE id = ?`,
  ).run(toGuarantorId, caseId);
}

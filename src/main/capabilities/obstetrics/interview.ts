// The pre-delivery interview (issue 17, PP-04): the estimate of her share by the one rule
// (src/shared/rules/obstetrics.ts) and the schedule that ends before delivery, previewed live as
// she answers and saved as the case's first version; a moved delivery date or new coverage facts
// make a new version (the old ones stay: the history). A patient registration does not know yet
// gets her guarantor record here (origin 'ob_interview'), found by search like any other.
// EMTALA: nothing here decides anything about admission or care.
import type { z } from 'zod';
import { addDays, compareDates } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { BASIS_POINTS } from '../../../shared/rules/fapDiscount';
import { obEstimate, obSchedule, type DeliveryKind, type ObCoverage } from '../../../shared/rules/obstetrics';
import type {
  EstimatePreview,
  estimateInput,
  interviewInput,
  NewPatient,
  reviseInput,
  revisePreviewInput,
} from '../../../shared/schemas/obstetrics';
import { obstetricsPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { foldName } from '../../../shared/nameTokens';
import { guarantorRow, insertGuarantorByHand } from '../accounts';
import { insertCase, insertVersion } from './caseRows';
import { caseProgress, caseReference, currentVersion, depositTotals } from './reads';
import { isLive, obCase } from './views';

export interface When {
  today: string;
  now: string;
  by: number;
}

/** The farthest an expected delivery date may be from today (a pregnancy is about 280 days). */
export const MAX_DAYS_TO_DELIVERY = 300;

interface EstimateFacts {
  expectedDelivery: string;
  deliveryKind: DeliveryKind;
  coverage: ObCoverage;
  firstDue: string | null;
}

function refuse(field: string, reason: string): never {
  throw new AppError('invalid_input', reason, { [field]: reason });
}

function checkExpectedDelivery(expectedDelivery: string, today: string): void {
  if (compareDates(expectedDelivery, today) <= 0)
    refuse('expectedDelivery', 'The expected delivery date must be after today.');
  if (compareDates(expectedDelivery, addDays(today, MAX_DAYS_TO_DELIVERY)) > 0)
    refuse('expectedDelivery', `An expected delivery date is at most ${MAX_DAYS_TO_DELIVERY} days away.`);
}

/**
 * Financial assistance already granted, as the share of her amount forgiven: all of it when
 * approved in full; the latest decision's percentage off when approved in part. An approval in part
 * to the amount generally billed (AGB) is a cap on gross charges, not a share of hers: it counts 0
 * here (the decision on the delivery account applies it after delivery).
 */
export function assistanceBpOf(db: Db, guarantorId: number | null): number {
  if (guarantorId === null) return 0;
  const g = guarantorRow(db, guarantorId);
  if (g.fap_status === 'approved_full') return BASIS_POINTS;
  if (g.fap_status !== 'approved_partial') return 0;
  const d = prepared(
    db,
    `SELECT d.discount_kind AS kind, d.percent_off_bp AS bp FROM fap_history h JOIN fap_decisions d ON d.history_id = h.id
      WHERE h.guarantor_id = ? AND h.status = 'approved_partial' ORDER BY h.id DESC LIMIT 1`,
  ).get(guarantorId) as { kind: string | null; bp: number | null } | undefined;
  if (!d) return 0;
  if (d.kind === 'full') return BASIS_POINTS;
  return d.kind === 'percent' ? (d.bp ?? 0) : 0;
}

/**
 * The estimate and the schedule as they would be saved: the charges and the self-pay discount from
 * the settings' price table, the schedule collecting the estimate less what is held already. The
 * rule's refusals name their field.
 */
export function preview(
  db: Db,
  facts: EstimateFacts,
  assistanceBp: number,
  heldCents: number,
  today: string,
  prices?: { chargesCents: number; selfPayDiscountBp: number },
): EstimatePreview {
  checkExpectedDelivery(facts.expectedDelivery, today);
  const policy = obstetricsPolicy(db);
  const chargesCents =
    prices?.chargesCents ??
    (facts.deliveryKind === 'vaginal' ? policy.vaginalChargesCents : policy.cesareanChargesCents);
  const selfPayDiscountBp = prices?.selfPayDiscountBp ?? policy.selfPayDiscountBp;
  const estimate = obEstimate({
    deliveryKind: facts.deliveryKind,
    chargesCents,
    coverage: facts.coverage,
    expectedDelivery: facts.expectedDelivery,
    selfPayDiscountBp,
    assistanceBp,
  });
  if (!estimate.ok) refuse(estimate.field, estimate.reason);
  const scheduledCents = Math.max(0, estimate.estimate.shareCents - heldCents);
  const schedule = obSchedule({
    totalCents: scheduledCents,
    firstDue: facts.firstDue,
    expectedDelivery: facts.expectedDelivery,
    daysBeforeDelivery: policy.daysBeforeDelivery,
    today,
  });
  if (!schedule.ok) refuse(schedule.field, schedule.reason);
  return {
    chargesCents,
    selfPayDiscountBp,
    assistanceBp,
    estimate: estimate.estimate,
    daysBefore: policy.daysBeforeDelivery,
    lastAllowed: schedule.lastAllowed,
    heldCents,
    scheduledCents,
    installments: schedule.installments,
    emptyReason: schedule.empty,
  };
}

/** ob:estimate: the interview's live preview (nothing saved). */
export function estimatePreview(db: Db, input: z.output<typeof estimateInput>, today: string): EstimatePreview {
  return preview(db, input, assistanceBpOf(db, input.guarantorId ?? null), 0, today);
}

/** The live case of a guarantor (awaiting the signature or paying), if any. */
export function liveCaseOf(db: Db, guarantorId: number): number | undefined {
  return prepared(
    db,
    `SELECT id FROM ob_cases WHERE guarantor_id = ? AND status IN ('awaiting_signature','active') ORDER BY id LIMIT 1`,
  )
    .pluck()
    .get(guarantorId) as number | undefined;
}

function existingPatient(db: Db, guarantorId: number): number {
  const g = guarantorRow(db, guarantorId);
  if (g.deceased === 1) refuse('guarantorId', 'This guarantor is recorded as deceased: choose the expectant patient.');
  const live = liveCaseOf(db, guarantorId);
  if (live !== undefined)
    throw new AppError('conflict', `She already has an OB arrangement, ${caseReference(live)}.`, {
      guarantorId: `She already has an OB arrangement, ${caseReference(live)}: open it to revise it.`,
    });
  return guarantorId;
}

/** A phone number as the import stores it: ten digits (a leading 1 dropped), or ''. */
function tenDigits(phone: string): string {
  let d = phone.replace(/\D/g, '');
  if (d === '') return '';
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  if (d.length !== 10) refuse('newPatient.phone', 'A phone number has 10 digits (area code first).');
  return d;
}

function newPatientRecord(db: Db, p: NewPatient, when: When): number {
  if (compareDates(p.dateOfBirth, when.today) >= 0)
    refuse('newPatient.dateOfBirth', 'The date of birth must be before today.');
  // She may be known already (the extract's record, or an earlier interview's): never a second
  // record of her, whose assistance and history the estimate would not see.
  const fold = (name: string) => foldName(name.normalize('NFKD')).replace(/[^\p{L}\p{N}]+/gu, '');
  const known = (
    prepared(db, 'SELECT id, external_id, first_name, last_name FROM guarantors WHERE date_of_birth = ?').all(
      p.dateOfBirth,
    ) as { id: number; external_id: string | null; first_name: string; last_name: string }[]
  ).find((g) => fold(g.last_name) === fold(p.lastName) && fold(g.first_name) === fold(p.firstName));
  if (known)
    refuse(
      'newPatient.lastName',
      `${p.firstName} ${p.lastName}, born ${p.dateOfBirth}, is known already${known.external_id ? ` (guarantor ${known.external_id})` : ''}: find her and choose her instead of entering a new patient.`,
    );
  const phone = tenDigits(p.phone);
  if (p.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email))
    refuse('newPatient.email', 'Enter an e-mail address like name@example.com, or leave it blank.');
  return insertGuarantorByHand(
    db,
    {
      externalId: p.guarantorNumber === '' ? null : p.guarantorNumber,
      mrn: p.mrn === '' ? null : p.mrn,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      dateOfBirth: p.dateOfBirth,
      addressLine1: p.addressLine1,
      addressLine2: p.addressLine2,
      city: p.city,
      state: p.state,
      zip: p.zip,
      phone,
      email: p.email,
      language: p.language,
    },
    when.now,
  );
}

/**
 * ob:interview: the case (awaiting her signature) with its first version. An existing guarantor
 * (alive, with no live OB arrangement) or a new patient whose record is made here. Everything is
 * checked before anything is written.
 */
export function interview(db: Db, input: z.output<typeof interviewInput>, when: When): number {
  const facts: EstimateFacts = input;
  let guarantorId: number;
  let p: EstimatePreview;
  if (input.guarantorId !== undefined) {
    guarantorId = existingPatient(db, input.guarantorId);
    p = preview(db, facts, assistanceBpOf(db, guarantorId), 0, when.today);
  } else if (input.newPatient !== undefined) {
    p = preview(db, facts, 0, 0, when.today);
    guarantorId = newPatientRecord(db, input.newPatient, when);
  } else refuse('guarantorId', 'Choose the patient: an existing guarantor or a new patient.');
  const caseId = insertCase(
    db,
    { guarantorId, language: input.language ?? '', fapScreening: input.fapScreening },
    when.now,
    when.by,
  );
  saveVersion(db, caseId, 'interview', '', facts, p, when);
  return caseId;
}

function saveVersion(
  db: Db,
  caseId: number,
  reason: 'interview' | 'date_moved' | 'estimate_revised',
  note: string,
  facts: EstimateFacts,
  p: EstimatePreview,
  when: When,
): number {
  return insertVersion(
    db,
    {
      caseId,
      reason,
      note,
      expectedDelivery: facts.expectedDelivery,
      deliveryKind: facts.deliveryKind,
      coverage: facts.coverage,
      chargesCents: p.chargesCents,
      selfPayDiscountBp: p.selfPayDiscountBp,
      assistanceBp: p.assistanceBp,
      estimate: p.estimate,
      daysBefore: p.daysBefore,
      lastAllowed: p.lastAllowed,
      firstDue: facts.firstDue,
      heldBeforeCents: p.heldCents,
      scheduledCents: p.scheduledCents,
      emptyReason: p.emptyReason,
      madeOn: when.today,
    },
    p.installments,
    when.now,
    when.by,
  );
}

function revisable(db: Db, caseId: number): number {
  const c = obCase(db, caseId);
  if (!isLive(c.status))
    throw new AppError(
      'not_allowed',
      `${caseReference(caseId)} is ${c.status === 'cancelled' ? 'cancelled' : 'past the delivery'}: its schedule cannot change.`,
    );
  return c.guarantor_id;
}

/**
 * A moved date keeps the prices the estimate was made with (the same delivery kind): a new price
 * table is not slipped in under "the date moved"; a revised estimate takes today's table.
 */
function revisionPrices(
  db: Db,
  input: { caseId: number; reason: 'date_moved' | 'estimate_revised'; deliveryKind: DeliveryKind },
): { chargesCents: number; selfPayDiscountBp: number } | undefined {
  const v = currentVersion(db, input.caseId);
  return input.reason === 'date_moved' && input.deliveryKind === v.delivery_kind
    ? { chargesCents: v.charges_cents, selfPayDiscountBp: v.self_pay_discount_bp }
    : undefined;
}

/** ob:revisePreview: the new version as it would be saved (the schedule collects the estimate less every deposit held or applied now). */
export function revisePreview(db: Db, input: z.output<typeof revisePreviewInput>, today: string): EstimatePreview {
  const guarantorId = revisable(db, input.caseId);
  return preview(
    db,
    input,
    assistanceBpOf(db, guarantorId),
    depositTotals(db, input.caseId).liveCents,
    today,
    revisionPrices(db, input),
  );
}

/**
 * A deposit counted in the current schedule was reversed (keyed by mistake): the schedule is made
 * again (a new version, the same facts and prices) so the money it no longer has is asked for again
 * before delivery, from the next payment still to come (or today).
 */
export function rescheduleAfterReversal(db: Db, caseId: number, note: string, when: When): void {
  const v = currentVersion(db, caseId);
  const { progress } = caseProgress(db, caseId, when.today);
  const next = progress.items.find((i) => i.state !== 'paid' && compareDates(i.dueDate, when.today) >= 0);
  const facts: EstimateFacts = {
    expectedDelivery: v.expected_delivery,
    deliveryKind: v.delivery_kind,
    coverage: JSON.parse(v.coverage) as ObCoverage,
    firstDue: next?.dueDate ?? when.today,
  };
  const p = preview(db, facts, v.assistance_bp, depositTotals(db, caseId).liveCents, when.today, {
    chargesCents: v.charges_cents,
    selfPayDiscountBp: v.self_pay_discount_bp,
  });
  saveVersion(db, caseId, 'estimate_revised', note, facts, p, when);
}

/** ob:revise: a new version; the earlier ones stay as they were (the history). */
export function revise(db: Db, input: z.output<typeof reviseInput>, when: When): void {
  const guarantorId = revisable(db, input.caseId);
  const p = preview(
    db,
    input,
    assistanceBpOf(db, guarantorId),
    depositTotals(db, input.caseId).liveCents,
    when.today,
    revisionPrices(db, input),
  );
  saveVersion(db, input.caseId, input.reason, input.note, input, p, when);
}

// Obstetric prepayment (issue 17, PP-04), one rule for each question:
// - the estimate of the patient's share of a delivery: the basis (the payer's expected allowed
//   amount when known, else the hospital's expected charges for the delivery kind), then the
//   deductible, the coinsurance on the rest, the copay, capped at the out-of-pocket maximum; a plan
//   year that ends before the expected delivery date means the NEW year's full deductible and
//   out-of-pocket maximum apply (what she meets this year does not count); a self-pay patient pays
//   the basis less the hospital's self-pay discount; financial assistance already granted lowers the
//   share. Each step is kept with its figures so the interview screen, the agreement and the monthly
//   statement show the same arithmetic (in English or Spanish: the steps are data, the words are
//   the wording module's);
// - the schedule: monthly payments from the first due date chosen, every one due on or before the
//   last allowed date (the expected delivery date less the configured days, PP-04: the schedule
//   ends before delivery), equal amounts to the cent with the remainder on the last;
// - progress: what the deposits held cover, installment by installment (paid to date, next due,
//   past due);
// - the true-up after adjudication: the real share against what was paid.
//
// EMTALA (PP-04 note): nothing here decides anything about admission or care. An unpaid OB schedule
// never blocks or delays care; deferring care for unpaid bills would itself be an ECA (ECA-02).
import { addDays, compareDates, formatLongDate, type BusinessDate } from '../dates';
import { type Cents } from '../money';
import { monthlyDueDate } from './planSchedule';
import { BASIS_POINTS, portion } from './fapDiscount';

export const DELIVERY_KINDS = ['vaginal', 'cesarean'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  vaginal: 'Vaginal delivery',
  cesarean: 'Cesarean delivery',
};

/** What the interview learns of the patient's coverage for the delivery. Rates in basis points (20% = 2000). */
export interface ObCoverage {
  kind: 'insured' | 'self_pay';
  /** The payer and plan, as the patient's card says (insured only). */
  payerName: string;
  /** The last day of the plan year (null: not known, or the plan year outlasts the delivery). */
  planYearEnd: BusinessDate | null;
  /** What is left of this plan year's deductible and out-of-pocket maximum. */
  deductibleRemainingCents: Cents;
  oopRemainingCents: Cents;
  /** The plan's full yearly figures: needed when the plan year ends before the delivery. */
  annualDeductibleCents: Cents | null;
  annualOopMaxCents: Cents | null;
  /** The patient's coinsurance after the deductible, in basis points. */
  coinsuranceBp: number;
  /** The copay for the delivery admission. */
  copayCents: Cents;
  /** The payer's expected allowed amount for the delivery, when the hospital knows it (else the charges are the basis). */
  allowedCents: Cents | null;
}

/** A self-pay patient's coverage: only the kind counts (the estimate is the charges less the self-pay discount). */
export const SELF_PAY_COVERAGE: ObCoverage = {
  kind: 'self_pay',
  payerName: '',
  planYearEnd: null,
  deductibleRemainingCents: 0,
  oopRemainingCents: 0,
  annualDeductibleCents: null,
  annualOopMaxCents: null,
  coinsuranceBp: 0,
  copayCents: 0,
  allowedCents: null,
};

export interface EstimateRequest {
  deliveryKind: DeliveryKind;
  /** The hospital's expected charges for the delivery kind (the price table in settings). */
  chargesCents: Cents;
  coverage: ObCoverage;
  expectedDelivery: BusinessDate;
  /** The hospital's self-pay discount, in basis points (settings). */
  selfPayDiscountBp: number;
  /** Financial assistance already granted, as the share of her amount forgiven, in basis points (0: none). */
  assistanceBp: number;
}

/** One step of the arithmetic, with its figures; the wording module says it in the patient's language. */
export type EstimateStep =
  | { step: 'charges'; kind: DeliveryKind; cents: Cents }
  | { step: 'allowed'; payerName: string; cents: Cents }
  | {
      step: 'plan_year_ends';
      planYearEnd: BusinessDate;
      expectedDelivery: BusinessDate;
      deductibleCents: Cents;
      oopCents: Cents;
    }
  | { step: 'deductible'; cents: Cents; remainingCents: Cents }
  | { step: 'coinsurance'; cents: Cents; bp: number; onCents: Cents }
  | { step: 'copay'; cents: Cents }
  | { step: 'basis_cap'; cents: Cents; beforeCents: Cents }
  | { step: 'oop_cap'; cents: Cents; beforeCents: Cents }
  | { step: 'self_pay_discount'; cents: Cents; bp: number }
  | { step: 'assistance'; cents: Cents; bp: number }
  | { step: 'share'; cents: Cents };

export interface ObEstimate {
  /** The patient's estimated share, in cents. */
  shareCents: Cents;
  /** The amount the estimate starts from (allowed amount, else charges). */
  basisCents: Cents;
  /** Which plan year's deductible and out-of-pocket figures apply. */
  planYear: 'current' | 'next' | 'none';
  steps: EstimateStep[];
}

export type EstimateResult = { ok: true; estimate: ObEstimate } | { ok: false; field: string; reason: string };

/**
 * The estimate of the patient's share (PP-04). Amounts in whole cents; the coinsurance is rounded
 * down to the cent (in the patient's favor).
 */
export function obEstimate(r: EstimateRequest): EstimateResult {
  const c = r.coverage;
  if (!(r.chargesCents > 0))
    return {
      ok: false,
      field: 'deliveryKind',
      reason: `The price table has no expected charges for a ${DELIVERY_KIND_LABELS[r.deliveryKind].toLowerCase()}: a supervisor sets them in Settings → Obstetrics.`,
    };
  const steps: EstimateStep[] = [{ step: 'charges', kind: r.deliveryKind, cents: r.chargesCents }];
  let basis = r.chargesCents;
  let share: number;
  let planYear: ObEstimate['planYear'] = 'none';
  if (c.kind === 'self_pay') {
    // What she pays is rounded down (the discount up): a fraction of a cent goes her way, as with
    // the coinsurance and the assistance.
    share = portion(basis, BASIS_POINTS - r.selfPayDiscountBp);
    const discount = basis - share;
    if (discount > 0) steps.push({ step: 'self_pay_discount', cents: discount, bp: r.selfPayDiscountBp });
  } else {
    if (c.allowedCents !== null) {
      if (c.allowedCents > r.chargesCents)
        return {
          ok: false,
          field: 'coverage.allowedCents',
          reason: 'The payer’s allowed amount cannot be more than the expected charges.',
        };
      basis = c.allowedCents;
      steps.push({ step: 'allowed', payerName: c.payerName, cents: basis });
    }
    let deductibleLeft = c.deductibleRemainingCents;
    let oopLeft = c.oopRemainingCents;
    planYear = 'current';
    if (c.planYearEnd !== null && compareDates(c.planYearEnd, r.expectedDelivery) < 0) {
      if (c.annualDeductibleCents === null)
        return {
          ok: false,
          field: 'coverage.annualDeductibleCents',
          reason:
            'The plan year ends before the delivery: enter the plan’s yearly deductible (the new year’s applies).',
        };
      if (c.annualOopMaxCents === null)
        return {
          ok: false,
          field: 'coverage.annualOopMaxCents',
          reason:
            'The plan year ends before the delivery: enter the plan’s yearly out-of-pocket maximum (the new year’s applies).',
        };
      deductibleLeft = c.annualDeductibleCents;
      oopLeft = c.annualOopMaxCents;
      planYear = 'next';
      steps.push({
        step: 'plan_year_ends',
        planYearEnd: c.planYearEnd,
        expectedDelivery: r.expectedDelivery,
        deductibleCents: deductibleLeft,
        oopCents: oopLeft,
      });
    }
    const deductible = Math.min(deductibleLeft, basis);
    steps.push({ step: 'deductible', cents: deductible, remainingCents: deductibleLeft });
    const rest = basis - deductible;
    const coinsurance = portion(rest, c.coinsuranceBp);
    steps.push({ step: 'coinsurance', cents: coinsurance, bp: c.coinsuranceBp, onCents: rest });
    if (c.copayCents > 0) steps.push({ step: 'copay', cents: c.copayCents });
    // Her part is never more than the amount the estimate starts from (a copay on a small allowed
    // amount): the step says so, so the printed arithmetic adds up.
    const sum = deductible + coinsurance + c.copayCents;
    const before = Math.min(sum, basis);
    if (before < sum) steps.push({ step: 'basis_cap', cents: before, beforeCents: sum });
    share = Math.min(before, oopLeft);
    if (share < before) steps.push({ step: 'oop_cap', cents: share, beforeCents: before });
  }
  if (r.assistanceBp > 0 && share > 0) {
    // Assistance forgives its share of her amount; what is left is never rounded up against her.
    const forgiven = share - portion(share, BASIS_POINTS - r.assistanceBp);
    if (forgiven > 0) steps.push({ step: 'assistance', cents: forgiven, bp: r.assistanceBp });
    share -= forgiven;
  }
  steps.push({ step: 'share', cents: share });
  return { ok: true, estimate: { shareCents: share, basisCents: basis, planYear, steps } };
}

/** The last day a payment may fall due: the expected delivery date less the configured days (PP-04). */
export function lastDueDate(expectedDelivery: BusinessDate, daysBeforeDelivery: number): BusinessDate {
  return addDays(expectedDelivery, -daysBeforeDelivery);
}

export interface ObInstallment {
  seq: number;
  dueDate: BusinessDate;
  amountCents: Cents;
}

export interface ScheduleRequest {
  /** What the schedule must collect: the estimate less the deposits already held. */
  totalCents: Cents;
  /** The first due date the patient chose (null when nothing is to be scheduled). */
  firstDue: BusinessDate | null;
  expectedDelivery: BusinessDate;
  daysBeforeDelivery: number;
  today: BusinessDate;
}

export type ObScheduleResult =
  | {
      ok: true;
      installments: ObInstallment[];
      lastAllowed: BusinessDate;
      /** Why there is nothing to pay before delivery: nothing to collect, or the last allowed date has passed. */
      empty: null | 'nothing_due' | 'too_near';
    }
  | { ok: false; field: string; reason: string };

/**
 * Monthly payments from the first due date, each on its day of the month (a 29th–31st falls to a
 * shorter month's last day), every one on or before the last allowed date; equal amounts to the
 * cent, the remainder on the last. When the last allowed date has already passed, nothing can be
 * scheduled: the share is settled after delivery (the true-up).
 */
export function obSchedule(r: ScheduleRequest): ObScheduleResult {
  const lastAllowed = lastDueDate(r.expectedDelivery, r.daysBeforeDelivery);
  if (r.totalCents <= 0) return { ok: true, installments: [], lastAllowed, empty: 'nothing_due' };
  if (compareDates(lastAllowed, r.today) < 0) return { ok: true, installments: [], lastAllowed, empty: 'too_near' };
  if (r.firstDue === null) return { ok: false, field: 'firstDue', reason: 'Choose the first due date.' };
  if (compareDates(r.firstDue, r.today) < 0)
    return {
      ok: false,
      field: 'firstDue',
      reason: `The first payment cannot be due before today: choose a date from ${formatLongDate(r.today)} to ${formatLongDate(lastAllowed)}.`,
    };
  if (compareDates(r.firstDue, lastAllowed) > 0)
    return {
      ok: false,
      field: 'firstDue',
      reason: `Every payment must be due by ${formatLongDate(lastAllowed)}, ${r.daysBeforeDelivery} days before the expected delivery (PP-04): choose a first due date from ${formatLongDate(r.today)} to ${formatLongDate(lastAllowed)}.`,
    };
  const day = Number(r.firstDue.slice(8, 10));
  const dates: BusinessDate[] = [];
  for (let n = 0; ; n++) {
    const due = monthlyDueDate(r.firstDue, n, day);
    if (compareDates(due, lastAllowed) > 0) break;
    dates.push(due);
  }
  // Never an installment of $0.00 (fewer cents than months: one cent a month from the first).
  const count = Math.min(dates.length, r.totalCents);
  dates.length = count;
  const each = Math.floor(r.totalCents / count);
  const installments = dates.map((dueDate, i) => ({
    seq: i + 1,
    dueDate,
    amountCents: i === count - 1 ? r.totalCents - each * (count - 1) : each,
  }));
  return { ok: true, installments, lastAllowed, empty: null };
}

export type InstallmentState = 'paid' | 'part_paid' | 'past_due' | 'due';

export interface ObProgress {
  /** What the deposits counted against this schedule cover. */
  paidCents: Cents;
  items: (ObInstallment & { coveredCents: Cents; state: InstallmentState })[];
  /** The first installment not fully covered, and what is left of it. */
  nextDue: { dueDate: BusinessDate; cents: Cents } | null;
  /** What is left of installments whose date has passed. */
  pastDueCents: Cents;
  /** What is left of the whole schedule. */
  remainingCents: Cents;
}

/**
 * What the deposits received since the schedule was made cover, oldest installment first; an
 * installment is past due once its date has passed (a reminder for the clerk's call, never a reason
 * to delay care).
 */
export function obProgress(installments: readonly ObInstallment[], paidCents: Cents, today: BusinessDate): ObProgress {
  let left = paidCents;
  let nextDue: ObProgress['nextDue'] = null;
  let pastDue = 0;
  let remaining = 0;
  const items = installments.map((i) => {
    const covered = Math.min(left, i.amountCents);
    left -= covered;
    const open = i.amountCents - covered;
    remaining += open;
    if (open > 0 && nextDue === null) nextDue = { dueDate: i.dueDate, cents: open };
    const late = open > 0 && compareDates(i.dueDate, today) < 0;
    if (late) pastDue += open;
    const state: InstallmentState = open === 0 ? 'paid' : late ? 'past_due' : covered > 0 ? 'part_paid' : 'due';
    return { ...i, coveredCents: covered, state };
  });
  return { paidCents, items, nextDue, pastDueCents: pastDue, remainingCents: remaining };
}

/**
 * What a statement dated `on` asks for: everything past due, plus the open amount of the next
 * payment to come (by its date); never less than what is already late.
 */
export function obAmountDue(progress: ObProgress, on: BusinessDate): { cents: Cents; dueDate: BusinessDate | null } {
  const next = progress.items.find((i) => i.state !== 'paid' && compareDates(i.dueDate, on) >= 0);
  const nextOpen = next ? next.amountCents - next.coveredCents : 0;
  return {
    cents: progress.pastDueCents + nextOpen,
    dueDate: next ? next.dueDate : progress.pastDueCents > 0 ? on : null,
  };
}

export type TrueUp =
  { outcome: 'refund'; cents: Cents } | { outcome: 'bill'; cents: Cents } | { outcome: 'even'; cents: 0 };

/** The real share against what she paid: a refund of the excess, the remainder to bill, or even. */
export function obTrueUp(realShareCents: Cents, paidCents: Cents): TrueUp {
  const diff = realShareCents - paidCents;
  if (diff > 0) return { outcome: 'bill', cents: diff };
  if (diff < 0) return { outcome: 'refund', cents: -diff };
  return { outcome: 'even', cents: 0 };
}

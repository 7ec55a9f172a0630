// The payment-plan schedule: one rule, used by the set-up form's preview and by the service that
// saves the plan, so what the clerk shows the patient is what is stored. Whole cents; the last
// installment takes the remainder (a remainder under a tenth of a payment joins the one before it); the installments and the down payment add up to the balance
// exactly. Monthly plans keep their day of the month, and a 29th-31st falls to the last day of a
// shorter month.
import { addDays, daysInMonth, isBusinessDate, type BusinessDate } from '../dates';

export const PLAN_FREQUENCIES = ['monthly', 'biweekly', 'weekly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

export interface ScheduleRequest {
  balanceCents: number;
  downPaymentCents: number;
  frequency: PlanFrequency;
  firstDueDate: BusinessDate;
  /** Monthly plans: the day each payment falls due (1-31); defaults to the first due date's day. */
  dayOfMonth?: number;
  /** Either the amount of each payment ... */
  installmentCents?: number;
  /** ... or the number of payments. */
  installmentCount?: number;
}

export interface Installment {
  number: number;
  dueDate: BusinessDate;
  amountCents: number;
}

export type ScheduleResult =
  { ok: true; installments: Installment[]; totalCents: number } | { ok: false; field: string; reason: string };

/** The most installments a plan may have: weekly for ten years. */
export const MAX_INSTALLMENTS = 520;

/** The due date of the n-th monthly payment (0-based) after `first`, on `day` or the month's last day. */
export function monthlyDueDate(first: BusinessDate, n: number, day: number): BusinessDate {
  const y0 = Number(first.slice(0, 4));
  const m0 = Number(first.slice(5, 7)) - 1 + n;
  const y = y0 + Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dueDate(
  request: Pick<ScheduleRequest, 'frequency' | 'firstDueDate' | 'dayOfMonth'>,
  n: number,
): BusinessDate {
  if (request.frequency === 'weekly') return addDays(request.firstDueDate, 7 * n);
  if (request.frequency === 'biweekly') return addDays(request.firstDueDate, 14 * n);
  const day = request.dayOfMonth ?? Number(request.firstDueDate.slice(8, 10));
  // The first payment falls on the chosen day on or after the first due date, never before it.
  const shift = monthlyDueDate(request.firstDueDate, 0, day) < request.firstDueDate ? 1 : 0;
  return monthlyDueDate(request.firstDueDate, n + shift, day);
}

export function computeSchedule(request: ScheduleRequest): ScheduleResult {
  const { balanceCents, downPaymentCents } = request;
  if (!Number.isSafeInteger(balanceCents) || balanceCents <= 0)
    return { ok: false, field: 'balanceCents', reason: 'There is no balance to put on a plan.' };
  if (!Number.isSafeInteger(downPaymentCents) || downPaymentCents < 0)
    return { ok: false, field: 'downPaymentCents', reason: 'The down payment cannot be negative.' };
  if (downPaymentCents >= balanceCents)
    return {
      ok: false,
      field: 'downPaymentCents',
      reason: 'The down payment pays the whole balance; no plan is needed.',
    };
  if (!isBusinessDate(request.firstDueDate))
    return { ok: false, field: 'firstDueDate', reason: 'Enter the first due date.' };
  if (
    request.frequency === 'monthly' &&
    request.dayOfMonth !== undefined &&
    (!Number.isInteger(request.dayOfMonth) || request.dayOfMonth < 1 || request.dayOfMonth > 31)
  ) {
    return { ok: false, field: 'dayOfMonth', reason: 'The day of the month is 1 to 31.' };
  }
  const remaining = balanceCents - downPaymentCents;
  let count: number;
  let regular: number;
  if (request.installmentCents !== undefined) {
    if (!Number.isSafeInteger(request.installmentCents) || request.installmentCents <= 0)
      return { ok: false, field: 'installmentCents', reason: 'Each payment must be more than zero.' };
    regular = Math.min(request.installmentCents, remaining);
    count = Math.ceil(remaining / regular);
    // Issue 11: a last payment of a few cents is no payment to ask for. A remainder smaller than a
    // tenth of a payment joins the payment before it (the last is then at most 1.1 payments).
    const remainder = remaining - regular * (count - 1);
    if (count > 1 && remainder * 10 < regular) count -= 1;
  } else if (request.installmentCount !== undefined) {
    if (!Number.isInteger(request.installmentCount) || request.installmentCount < 1)
      return { ok: false, field: 'installmentCount', reason: 'A plan has at least one payment.' };
    count = request.installmentCount;
    regular = Math.floor(remaining / count);
    if (regular === 0)
      return { ok: false, field: 'installmentCount', reason: 'That many payments would be less than a cent each.' };
  } else {
    return {
      ok: false,
      field: 'installmentCents',
      reason: 'Give the amount of each payment or the number of payments.',
    };
  }
  if (count > MAX_INSTALLMENTS)
    return {
      ok: false,
      field: request.installmentCents !== undefined ? 'installmentCents' : 'installmentCount',
      reason: `That would take ${count} payments; a plan has at most ${MAX_INSTALLMENTS}.`,
    };
  const installments: Installment[] = [];
  for (let i = 0; i < count; i++) {
    const amount = i === count - 1 ? remaining - regular * (count - 1) : regular;
    installments.push({ number: i + 1, dueDate: dueDate(request, i), amountCents: amount });
  }
  return { ok: true, installments, totalCents: downPaymentCents + remaining };
}

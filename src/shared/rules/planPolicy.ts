// PP-01: plan terms by balance tier. Each tier says, for balances up to its limit, the longest term
// in months and the smallest monthly payment. The shipped tiers follow the Hillsdale example
// (≤$500 in ≤12 months, $501-2,000 in ≤24, more in ≤36; interest-free) with the common minimums
// of $50 under $1,000 and $100 above (unconfirmed as a standard: administrators set their own).
import { daysBetween } from '../dates';
import { formatCents } from '../money';
import type { PlanFrequency } from './planSchedule';

export interface PlanTier {
  /** The tier covers balances up to and including this; null: no upper limit. */
  upToCents: number | null;
  maxMonths: number;
  minMonthlyCents: number;
}

export const DEFAULT_PLAN_TIERS: PlanTier[] = [
  { upToCents: 50_000, maxMonths: 12, minMonthlyCents: 5_000 },
  { upToCents: 99_999, maxMonths: 24, minMonthlyCents: 5_000 },
  { upToCents: 200_000, maxMonths: 24, minMonthlyCents: 10_000 },
  { upToCents: null, maxMonths: 36, minMonthlyCents: 10_000 },
];

export function tierFor(tiers: readonly PlanTier[], balanceCents: number): PlanTier {
  const found = tiers.find((t) => t.upToCents === null || balanceCents <= t.upToCents);
  if (!found)
    throw new RangeError('The plan tiers have no tier for this balance; the last tier must have no upper limit.');
  return found;
}

/** Payments per month at each frequency, for comparing a plan with a monthly tier. */
const PER_MONTH: Record<PlanFrequency, number> = { monthly: 1, biweekly: 26 / 12, weekly: 52 / 12 };

export interface TierCheck {
  within: boolean;
  tier: PlanTier;
  /** Plain reasons the plan is outside its tier, for the supervisor who approves it. */
  reasons: string[];
}

const PERIOD_DAYS: Record<Exclude<PlanFrequency, 'monthly'>, number> = { biweekly: 14, weekly: 7 };
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * How many months a plan runs: a monthly plan, its number of payments; a weekly or biweekly one,
 * the days from one period before the first payment to the last payment, in whole months.
 */
export function planMonths(p: {
  frequency: PlanFrequency;
  count: number;
  firstDueDate: string;
  lastDueDate: string;
}): number {
  if (p.frequency === 'monthly') return p.count;
  const days = daysBetween(p.firstDueDate, p.lastDueDate) + PERIOD_DAYS[p.frequency];
  return Math.max(1, Math.ceil(days / DAYS_PER_MONTH - 1e-9));
}

/**
 * PP-01: is a plan within its tier? It must not run longer than the tier's longest term, and its
 * regular payment, as a monthly equivalent, must not be below the tier's smallest monthly payment.
 */
export function checkTier(
  tiers: readonly PlanTier[],
  p: {
    balanceCents: number;
    frequency: PlanFrequency;
    count: number;
    installmentCents: number;
    firstDueDate: string;
    lastDueDate: string;
  },
): TierCheck {
  const tier = tierFor(tiers, p.balanceCents);
  const reasons: string[] = [];
  const months = planMonths(p);
  if (months > tier.maxMonths)
    reasons.push(`It runs ${months} months; for this balance the policy allows ${tier.maxMonths}.`);
  const monthly = Math.round(p.installmentCents * PER_MONTH[p.frequency]);
  if (monthly < tier.minMonthlyCents && p.count > 1) {
    reasons.push(
      `It pays about ${formatCents(monthly)} a month; for this balance the policy asks at least ${formatCents(tier.minMonthlyCents)}.`,
    );
  }
  return { within: reasons.length === 0, tier, reasons };
}

/**
 * 501(r) spirit: before a plan is made for a guarantor whose financial-assistance status is
 * unknown and whose balance is above the policy's amount, financial assistance must be offered
 * and the answer recorded ("not asked" will not do).
 */
export function mustOfferFinancialAssistance(p: {
  fapStatus: string;
  balanceCents: number;
  fapPromptAboveCents: number;
}): boolean {
  return p.fapStatus === 'unknown' && p.balanceCents > p.fapPromptAboveCents;
}

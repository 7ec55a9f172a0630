// Who may be placed with a collection agency: one rule, with the reason for every account left out.
// Placement (a referral) is not an extraordinary collection action (ECA-03), but ST-03 places it
// after the notification period and the final notice; an account the cycle or the 501(r) gate
// would stop (a hold, a current plan, a pending assistance application, a death, a bankruptcy, a
// refund the hospital owes) is not placed. BD-06: the thresholds are the same for every payer
// class — a Medicare balance goes to the agency exactly when a self-pay balance of the same amount
// would, so the payer class is not an input to the decision at all.
import { addDays, type BusinessDate } from '../dates';
import type { PlacementExclusion } from '../schemas/agencies';
import { DEFAULT_ECA_POLICY } from './ecaClock';
import type { HoldReason } from './statementCycle';

/** The hospital's placement policy (Settings, "Collection agencies"). */
export interface AgencyPolicy {
  /** An account's balance must be at least this much to be placed (cents), whatever its payer (BD-06). */
  minimumBalanceCents: number;
  /** Days after the final notice before an account may be placed (the notice's 30 days, ECA-05). */
  daysAfterFinalNotice: number;
}

export const DEFAULT_AGENCY_POLICY: AgencyPolicy = {
  minimumBalanceCents: 5_000,
  daysAfterFinalNotice: 30,
};

export interface PlacementFacts {
  balanceCents: number;
  /** ECA-05's D0: the first post-discharge statement. */
  firstStatementDate: BusinessDate | null;
  finalNoticeDate: BusinessDate | null;
  /** Holds in force on the account (its own and its guarantor's), automatic ones included. */
  holds: readonly HoldReason[];
  /** The account is on an active plan (current or lapsed, still being worked). */
  onActivePlan: boolean;
  fapPending: boolean;
  deceased: boolean;
  bankruptcy: boolean;
  /** The hospital owes the guarantor a refund of their own money. */
  refundOwed: boolean;
  /** The account is already in a draft batch or with an agency. */
  placedNow: boolean;
  /** For a chosen agency: whether it is licensed where the guarantor lives (absent: no agency chosen yet). */
  licensed?: boolean;
}

/**
 * A hold placed by hand stops a placement under its own reason where it has one (a bankruptcy, a
 * death, an application, a plan: the same reason as the guarantor's flag), else as 'hold'.
 * Returned mail does not stop it: finding a patient whose mail came back (skip tracing) is part of
 * what an agency is paid for, and that hold only stops the hospital's own mail. A
 * `placed_with_agency` hold is the placement itself ('already_placed').
 */
const HOLD_EXCLUSION: Record<HoldReason, PlacementExclusion | null> = {
  dispute: 'hold',
  in_litigation: 'hold',
  estate_claim: 'hold',
  bankruptcy: 'bankruptcy',
  deceased: 'deceased',
  fap_pending: 'assistance_pending',
  plan_current: 'current_plan',
  returned_mail: null,
  placed_with_agency: null,
};

/** Every reason the account cannot be placed today; an empty list: it can. */
export function placementExclusions(
  f: PlacementFacts,
  today: BusinessDate,
  policy: AgencyPolicy = DEFAULT_AGENCY_POLICY,
): PlacementExclusion[] {
  const out: PlacementExclusion[] = [];
  if (f.placedNow) out.push('already_placed');
  if (f.finalNoticeDate === null || f.finalNoticeDate > today) out.push('no_final_notice');
  else if (today < addDays(f.finalNoticeDate, policy.daysAfterFinalNotice)) out.push('final_notice_recent');
  // ECA-05's notification period, the 501(r) clock's own figure (ST-03: placement after it).
  if (f.firstStatementDate === null || today < addDays(f.firstStatementDate, DEFAULT_ECA_POLICY.notificationDays))
    out.push('notification_period');
  if (f.balanceCents < policy.minimumBalanceCents) out.push('below_threshold');
  const held = new Set(f.holds.map((h) => HOLD_EXCLUSION[h]));
  if (held.has('hold')) out.push('hold');
  if (f.onActivePlan || held.has('current_plan')) out.push('current_plan');
  if (f.fapPending || held.has('assistance_pending')) out.push('assistance_pending');
  if (f.deceased || held.has('deceased')) out.push('deceased');
  if (f.bankruptcy || held.has('bankruptcy')) out.push('bankruptcy');
  if (f.refundOwed) out.push('refund_owed');
  if (f.licensed === false) out.push('not_licensed');
  return out;
}

export const PLACEMENT_EXCLUSION_LABELS: Record<PlacementExclusion, string> = {
  already_placed: 'Already in a batch or with an agency',
  no_final_notice: 'No final notice sent',
  final_notice_recent: 'Final notice sent less than the waiting days ago',
  notification_period: 'Still in the 120-day notification period',
  below_threshold: 'Balance below the placement minimum',
  hold: 'On hold (dispute, litigation or estate claim)',
  current_plan: 'On a payment plan',
  assistance_pending: 'Financial-assistance application pending',
  deceased: 'Deceased',
  bankruptcy: 'Bankruptcy',
  refund_owed: 'The hospital owes the guarantor a refund',
  not_licensed: 'The agency is not licensed where the guarantor lives',
};

/**
 * Splits `count` accounts among agencies by weight (largest remainder; ties to the earlier
 * agency): how many each gets. Weights of zero get none; if every weight is zero, none are given.
 */
export function splitByWeight(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((t, w) => t + Math.max(0, w), 0);
  if (total <= 0 || count <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) * count) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = count - out.reduce((t, n) => t + n, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((weights[i] ?? 0) > 0) {
      out[i] = (out[i] ?? 0) + 1;
      left--;
    }
  }
  return out;
}

/**
 * The day a placed account comes back for want of payment: the contract's recall days after the
 * later of its placement and its last payment (to the agency or to the hospital). Recalled on or
 * after that day.
 */
export function recallDueOn(
  placedOn: BusinessDate,
  lastPaymentOn: BusinessDate | null,
  recallDays: number,
): BusinessDate {
  const from = lastPaymentOn !== null && lastPaymentOn > placedOn ? lastPaymentOn : placedOn;
  return addDays(from, recallDays);
}

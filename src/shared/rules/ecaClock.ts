// The 501(r) clock (26 CFR 1.501(r)-6), one rule used everywhere: the account header, the
// statement run, and the gate every extraordinary collection action (ECA-02) passes through.
// ECA-05: D0 is the first post-discharge statement; no ECA before D0 + 120 days, nor before 30
// days after the final (30-day) notice with the plain-language summary; the application period
// runs to at least D0 + 240 days; a pending financial-assistance application suspends ECAs.
// ECA-04: a claim against an estate is held by the same gate; a supervisor's release, with a
// reason, lets it go before the clock allows (where the probate deadline falls first).
import { formatCents } from '../money';
import { addDays, formatLongDate, type BusinessDate } from '../dates';
import type { FapStatus } from '../schemas/accounts';
import { HOLD_REASON_LABELS, type HoldReason } from './statementCycle';

export const ECA_KINDS = [
  'credit_report',
  'debt_sale',
  'civil_action',
  'lien',
  'wage_garnishment',
  'bank_levy',
  'defer_care',
  'estate_claim',
] as const;
export type EcaKind = (typeof ECA_KINDS)[number];

export const ECA_KIND_LABELS: Record<EcaKind, string> = {
  credit_report: 'Report to a credit bureau',
  debt_sale: 'Sell the debt',
  civil_action: 'Sue (including small claims)',
  lien: 'Place a lien',
  wage_garnishment: 'Garnish wages',
  bank_levy: 'Attach a bank account',
  defer_care: 'Defer or deny care for unpaid bills',
  estate_claim: 'File a claim against the estate',
};

/** The clock's figures (configurable; these are the regulation's). */
export interface EcaPolicy {
  notificationDays: number;
  noticeDays: number;
  applicationDays: number;
}
export const DEFAULT_ECA_POLICY: EcaPolicy = { notificationDays: 120, noticeDays: 30, applicationDays: 240 };

export interface EcaClockInput {
  /** The first post-discharge statement (ECA-05's D0), or null if none has gone out. */
  d0: BusinessDate | null;
  /** The final notice: the 30-day notice with the plain-language summary. */
  finalNoticeDate: BusinessDate | null;
  fapStatus: FapStatus;
  /** ECA-04: a supervisor released the estate claim, with a reason. */
  estateReleased?: boolean;
  /** Holds in force on the account (its own and the guarantor's): no collection action while one stands. */
  holds?: HoldReason[];
  /**
   * ECA-05: what the hospital owes the guarantor in refunds of their own money (cents): no
   * collection action while a refund is owed (the hospital collects nothing from someone it owes).
   */
  refundOwedCents?: number;
}

export interface EcaClock {
  d0: BusinessDate | null;
  /** D0 + 120: the end of the notification period. */
  notificationEnds: BusinessDate | null;
  finalNoticeDate: BusinessDate | null;
  /** The final notice + 30. */
  noticeDeadline: BusinessDate | null;
  /** D0 + 240: applications are accepted at least until then (and never refused as late). */
  applicationPeriodEnds: BusinessDate | null;
  /** The first day an ECA may be taken, when the clock can tell; null while a step is missing. */
  earliestEcaDate: BusinessDate | null;
  /** Why ECAs wait (plain sentences with the rule), empty when they may proceed. */
  waitingFor: string[];
}

export function ecaClock(input: EcaClockInput, policy: EcaPolicy = DEFAULT_ECA_POLICY): EcaClock {
  const notificationEnds = input.d0 ? addDays(input.d0, policy.notificationDays) : null;
  const noticeDeadline = input.finalNoticeDate ? addDays(input.finalNoticeDate, policy.noticeDays) : null;
  const applicationPeriodEnds = input.d0 ? addDays(input.d0, policy.applicationDays) : null;
  const waitingFor: string[] = [];
  if (!input.d0)
    waitingFor.push(
      'No statement has gone out since discharge, so the 120-day notification period has not begun (ECA-05).',
    );
  if (!input.finalNoticeDate)
    waitingFor.push('The 30-day final notice with the plain-language summary has not been sent (ECA-05).');
  const earliestEcaDate =
    notificationEnds && noticeDeadline ? (notificationEnds > noticeDeadline ? notificationEnds : noticeDeadline) : null;
  return {
    d0: input.d0,
    notificationEnds,
    finalNoticeDate: input.finalNoticeDate,
    noticeDeadline,
    applicationPeriodEnds,
    earliestEcaDate,
    waitingFor,
  };
}

export interface EcaDecision {
  allowed: boolean;
  /** When it becomes allowed, if the clock can say (null while a step is missing or suspended). */
  allowedFrom: BusinessDate | null;
  reasons: string[];
  clock: EcaClock;
}

/** May this ECA be taken today? Every refusal says why and, where it can, from when. */
export function ecaDecision(
  kind: EcaKind,
  input: EcaClockInput,
  today: BusinessDate,
  policy: EcaPolicy = DEFAULT_ECA_POLICY,
): EcaDecision {
  const clock = ecaClock(input, policy);
  // ECA-04: a claim against an estate waits for the clock like every ECA, unless a supervisor
  // released it (counsel's decision where the probate deadline falls before the ECA date): the
  // release answers the clock's waiting, never a hold, an application or a refund owed.
  const released = kind === 'estate_claim' && input.estateReleased === true;
  const timing = [...clock.waitingFor];
  if (clock.notificationEnds && today < clock.notificationEnds) {
    timing.push(
      `The 120-day notification period after the first statement (${formatLongDate(clock.d0!)}) runs to ${formatLongDate(clock.notificationEnds)} (ECA-05).`,
    );
  }
  if (clock.noticeDeadline && today < clock.noticeDeadline) {
    timing.push(
      `The final notice of ${formatLongDate(clock.finalNoticeDate!)} gave until ${formatLongDate(clock.noticeDeadline)} (ECA-05).`,
    );
  }
  if (kind === 'estate_claim' && !released && timing.length > 0)
    timing.push(
      'A claim against an estate goes before the clock allows only when a supervisor releases it with a reason, as where the probate deadline comes first (ECA-04).',
    );
  const reasons = released ? [] : timing;
  let allowedFrom = released ? today : clock.earliestEcaDate;
  if (input.fapStatus === 'pending') {
    reasons.push(
      'A financial-assistance application is pending: collection actions are suspended until it is decided (ECA-05).',
    );
    allowedFrom = null;
  }
  if (input.fapStatus === 'approved_full') {
    reasons.push('The patient was approved for full financial assistance: nothing is owed that an ECA could collect.');
    allowedFrom = null;
  }
  // A hold stops collection actions as it stops statements (a dispute, a bankruptcy's stay, a
  // current plan ...). A claim against the estate is what follows a death, so the deceased and
  // estate-claim holds do not stop that one. (The caller leaves out the hold Recoup keeps for a
  // pending application: the application is said above.)
  const holds = (input.holds ?? []).filter(
    (h) => !(kind === 'estate_claim' && (h === 'deceased' || h === 'estate_claim')),
  );
  if (holds.length > 0) {
    reasons.push(
      `The account is on hold (${[...new Set(holds)].map((h) => HOLD_REASON_LABELS[h].toLowerCase()).join('; ')}): no collection action while a hold stands.`,
    );
    allowedFrom = null;
  }
  if ((input.refundOwedCents ?? 0) > 0) {
    reasons.push(
      `A refund of ${formatCents(input.refundOwedCents!)} is owed to the guarantor: no collection action until it is paid (ECA-05).`,
    );
    allowedFrom = null;
  }
  return { allowed: reasons.length === 0, allowedFrom, reasons, clock };
}

// Deceased guarantors and their estates (issue 14), one rule for each question:
// - the last day to present a claim (PR-01 notice to creditors, PR-02 the bar from death), from a
//   per-state table with effective dates: the later of the publication period and a mailed notice's
//   period, never after the outer limit from death; no known estate yet, the outer limit stands;
// - the claim's priority class per account when the estate is short (PR-04: the last illness);
// - the suit deadline after a disallowance (PR-03: 60 days);
// - whether filing needs a supervisor's release first (ECA-04: the deadline falls before the
//   501(r) clock allows an ECA);
// - the estate's next reminder (30, 14 and 7 days before the deadline, a follow-up with the clerk
//   of court after filing, the suit deadline after a disallowance);
// - what an estate closing with nothing more writes off, and what it leaves for the Medicare
//   bad-debt listing (a Medicare deductible or coinsurance balance).
import { addDays, addMonths, daysBetween, formatLongDate, type BusinessDate } from '../dates';

export const DEATH_SOURCES = ['family', 'obituary', 'returned_mail', 'extract', 'other'] as const;
export type DeathSource = (typeof DEATH_SOURCES)[number];
/** How a clerk learns of a death (the extract's deaths come in by the import). */
export const CLERK_DEATH_SOURCES = [
  'family',
  'obituary',
  'returned_mail',
  'other',
] as const satisfies readonly DeathSource[];
export const DEATH_SOURCE_LABELS: Record<DeathSource, string> = {
  family: 'Family',
  obituary: 'Obituary',
  returned_mail: 'Returned mail',
  extract: 'The billing system’s extract',
  other: 'Other',
};

export const ESTATE_STATUSES = [
  'watching',
  'referred',
  'filed',
  'allowed',
  'disallowed',
  'paid_part',
  'paid',
  'closed_nothing',
  'withdrawn',
] as const;
export type EstateStatus = (typeof ESTATE_STATUSES)[number];
export const ESTATE_STATUS_LABELS: Record<EstateStatus, string> = {
  watching: 'Death recorded; no claim yet',
  referred: 'Referred to legal',
  filed: 'Claim filed',
  allowed: 'Claim allowed',
  disallowed: 'Claim disallowed',
  paid_part: 'Paid in part',
  paid: 'Paid in full',
  closed_nothing: 'Closed with nothing more',
  withdrawn: 'Withdrawn (the death was undone)',
};
/** An estate still being worked: it has a deadline, a follow-up or money to come. */
export const OPEN_ESTATE_STATUSES = [
  'watching',
  'referred',
  'filed',
  'allowed',
  'disallowed',
  'paid_part',
] as const satisfies readonly EstateStatus[];
/** Before the claim is presented: the deadline is what matters. */
export const UNFILED_ESTATE_STATUSES = ['watching', 'referred'] as const satisfies readonly EstateStatus[];

export const FILED_WITH = ['clerk', 'personal_representative'] as const;
export type FiledWith = (typeof FILED_WITH)[number];
export const FILED_WITH_LABELS: Record<FiledWith, string> = {
  clerk: 'Filed with the clerk of the probate court',
  personal_representative: 'Mailed to the personal representative',
};

/** The state a table row stands for when a state has no row of its own: the Uniform Probate Code's. */
export const UPC_DEFAULT_STATE = '*';

/** One row of the probate table (rows are added with effective dates, never changed). */
export interface ProbateRule {
  id: number;
  /** Two-letter state, or '*' (the Uniform Probate Code's figures, for a state with no row). */
  state: string;
  /** PR-01: claims are due this many months after the notice's first publication. */
  noticeMonths: number;
  /** PR-01: a creditor mailed notice has the later of the publication period and this many days from mailing. */
  mailedDays: number;
  /** PR-02: every pre-death claim is barred this many months after death. */
  outerMonths: number;
  /** How many weeks the notice is published (shown; UPC 3 weeks, ME 2). */
  publicationWeeks: number;
  /** PR-04: the class of the last illness's medical and hospital expenses, and of all other claims. */
  lastIllnessClass: number;
  generalClass: number;
  /** PR-04 (MN): a class of its own for medical expenses of the final year before death, if the state has one. */
  finalYearClass: number | null;
  /** PR-03: after a disallowance the claimant sues within this many days. */
  suitDays: number;
  effectiveFrom: BusinessDate;
  source: string;
  note: string;
}

/** The state's row in force on a date (the latest effective), else the UPC default row's. */
export function probateRuleFor(rows: readonly ProbateRule[], state: string, on: BusinessDate): ProbateRule {
  const latest = (s: string): ProbateRule | undefined =>
    rows
      .filter((r) => r.state === s && r.effectiveFrom <= on)
      .sort((a, b) =>
        a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : b.id - a.id,
      )[0];
  const own = latest(state);
  if (own) return own;
  // The UPC default stands for any state and date; before its earliest row, that earliest row.
  const fallback =
    latest(UPC_DEFAULT_STATE) ??
    rows
      .filter((r) => r.state === UPC_DEFAULT_STATE)
      .sort((a, b) =>
        a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id - b.id,
      )[0];
  if (!fallback) throw new Error('The probate table has no default row.');
  return fallback;
}

export interface DeadlineFacts {
  dateOfDeath: BusinessDate;
  /** The notice to creditors' first publication, when known. */
  firstPublishedOn: BusinessDate | null;
  /** A notice to creditors mailed to the hospital, when one came. */
  mailedNoticeOn: BusinessDate | null;
}

export type DeadlineBasis = 'outer_limit' | 'publication' | 'mailed_notice';

export interface DeadlineLine {
  /** What this date is ("4 months after the first publication on March 2, 2026"). */
  label: string;
  date: BusinessDate;
  /** The rule id it comes from. */
  rule: 'PR-01' | 'PR-02';
}

export interface ClaimDeadline {
  /** The last day to present the claim. */
  deadline: BusinessDate;
  basis: DeadlineBasis;
  rule: ProbateRule;
  /** The dates weighed, in order; the deadline is one of them. */
  lines: DeadlineLine[];
  /** One sentence: which rule produced the deadline and why. */
  explanation: string;
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

function ruleName(r: ProbateRule): string {
  return r.state === UPC_DEFAULT_STATE
    ? 'the Uniform Probate Code’s default, the state having no row of its own'
    : r.state;
}

/**
 * PR-01/PR-02: claim_deadline = min(notice deadline, death + outer limit), where the notice
 * deadline is the later of the publication period and a mailed notice's period. With no
 * publication date recorded, a mailed notice is counted alone (the earliest the deadline can be);
 * with neither, the outer limit from death stands. A month added to a day the later month lacks
 * (31 October + 4 months) falls on that month's last day.
 */
export function claimDeadline(facts: DeadlineFacts, rule: ProbateRule): ClaimDeadline {
  const lines: DeadlineLine[] = [];
  const outer = addMonths(facts.dateOfDeath, rule.outerMonths);
  const outerLine: DeadlineLine = {
    label: `${months(rule.outerMonths)} after the death on ${formatLongDate(facts.dateOfDeath)} (the outer limit)`,
    date: outer,
    rule: 'PR-02',
  };
  let notice: { date: BusinessDate; basis: DeadlineBasis } | null = null;
  if (facts.firstPublishedOn) {
    const published = addMonths(facts.firstPublishedOn, rule.noticeMonths);
    lines.push({
      label: `${months(rule.noticeMonths)} after the notice’s first publication on ${formatLongDate(facts.firstPublishedOn)}`,
      date: published,
      rule: 'PR-01',
    });
    notice = { date: published, basis: 'publication' };
  }
  if (facts.mailedNoticeOn) {
    const mailed = addDays(facts.mailedNoticeOn, rule.mailedDays);
    lines.push({
      label: `${rule.mailedDays} days after the notice mailed to the hospital on ${formatLongDate(facts.mailedNoticeOn)}${facts.firstPublishedOn ? '' : ' (no publication date recorded: counted alone)'}`,
      date: mailed,
      rule: 'PR-01',
    });
    if (!notice || mailed > notice.date) notice = { date: mailed, basis: 'mailed_notice' };
  }
  lines.push(outerLine);
  const where = ruleName(rule);
  if (!notice || outer <= notice.date) {
    const why = notice
      ? `the notice period would end later, but no claim may be presented after the outer limit`
      : `no notice to creditors is known yet, so the outer limit from death stands`;
    return {
      deadline: outer,
      basis: 'outer_limit',
      rule,
      lines,
      explanation: `${formatLongDate(outer)}: ${months(rule.outerMonths)} after the death (PR-02, ${where}); ${why}.`,
    };
  }
  const which =
    notice.basis === 'publication'
      ? `${months(rule.noticeMonths)} after the first publication`
      : `${rule.mailedDays} days after the mailed notice`;
  const later = facts.firstPublishedOn && facts.mailedNoticeOn ? ', the later of the two notice periods' : '';
  return {
    deadline: notice.date,
    basis: notice.basis,
    rule,
    lines,
    explanation: `${formatLongDate(notice.date)}: ${which}${later} (PR-01, ${where}), before the outer limit of ${formatLongDate(outer)} (PR-02).`,
  };
}

/** PR-03: after a disallowance, the last day to sue on the claim. */
export function suitDeadline(disallowedOn: BusinessDate, rule: ProbateRule): BusinessDate {
  return addDays(disallowedOn, rule.suitDays);
}

export const PRIORITY_LABELS = {
  lastIllness: 'Reasonable and necessary medical and hospital expenses of the last illness',
  finalYear: 'Medical and hospital expenses of the final year before death',
  general: 'All other claims',
} as const;

/**
 * PR-04: an account's class in the estate's order of payment: the last illness's; in a state with
 * a class for the final year's medical expenses (MN), care that ended within a year before death;
 * else all other claims.
 */
export function priorityClass(
  rule: ProbateRule,
  a: { lastIllness: boolean; serviceTo: BusinessDate; dateOfDeath: BusinessDate },
): { classNumber: number; label: string } {
  if (a.lastIllness) return { classNumber: rule.lastIllnessClass, label: PRIORITY_LABELS.lastIllness };
  if (rule.finalYearClass !== null && a.serviceTo <= a.dateOfDeath && a.serviceTo > addMonths(a.dateOfDeath, -12))
    return { classNumber: rule.finalYearClass, label: PRIORITY_LABELS.finalYear };
  return { classNumber: rule.generalClass, label: PRIORITY_LABELS.general };
}

/**
 * PR-04: care that ended within `days` of the death is suggested as the last illness (the clerk
 * confirms or corrects each account; the figure is the hospital's setting).
 */
export function suggestLastIllness(serviceTo: BusinessDate, dateOfDeath: BusinessDate, days: number): boolean {
  const before = daysBetween(serviceTo, dateOfDeath);
  return before >= 0 && before <= days;
}

/**
 * ECA-04: filing waits for the 501(r) clock like every ECA; where the deadline falls before the
 * date the clock allows (or the clock cannot say when), a supervisor must release the claim first.
 */
export function releaseNeeded(deadline: BusinessDate, ecaAllowedFrom: BusinessDate | null): boolean {
  return ecaAllowedFrom === null || deadline < ecaAllowedFrom;
}

export interface EstatePolicy {
  /** Reminders this many days before the deadline (first, second, last). */
  firstReminderDays: number;
  secondReminderDays: number;
  lastReminderDays: number;
  /** After filing, ask the clerk of court for the claim's status this often. */
  followUpEveryDays: number;
  /** PR-04: care ending this close to the death is suggested as the last illness. */
  lastIllnessDays: number;
}
export const DEFAULT_ESTATE_POLICY: EstatePolicy = {
  firstReminderDays: 30,
  secondReminderDays: 14,
  lastReminderDays: 7,
  followUpEveryDays: 30,
  lastIllnessDays: 90,
};

export type EstateReminderKind =
  'find_estate' | 'deadline_near' | 'deadline_passed' | 'follow_up' | 'suit_deadline' | 'suit_deadline_passed';

export interface EstateReminder {
  kind: EstateReminderKind;
  /** The day the reminder is for (the deadline, the follow-up's day). */
  due: BusinessDate;
  /** Whole days from today to `due` (negative: passed). */
  daysLeft: number;
  /** What to do, in a sentence. */
  text: string;
  /** 1 (most urgent) .. 4. */
  urgency: 1 | 2 | 3 | 4;
}

export interface EstateReminderFacts {
  status: EstateStatus;
  deadline: BusinessDate;
  /** The estate is known (a probate court or a personal representative is recorded). */
  estateKnown: boolean;
  filedOn: BusinessDate | null;
  disallowedOn: BusinessDate | null;
  /** The last follow-up with the clerk of court (a letter or a call), if any since filing. */
  lastFollowUpOn: BusinessDate | null;
  suitDays: number;
}

function stage(daysLeft: number, p: EstatePolicy): 1 | 2 | 3 | null {
  if (daysLeft <= p.lastReminderDays) return 1;
  if (daysLeft <= p.secondReminderDays) return 2;
  if (daysLeft <= p.firstReminderDays) return 3;
  return null;
}

function inDays(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`;
}

/** The estate's reminder today, if one is due (the work queue shows it). */
export function estateReminder(e: EstateReminderFacts, today: BusinessDate, p: EstatePolicy): EstateReminder | null {
  if (e.status === 'watching' || e.status === 'referred') {
    const daysLeft = daysBetween(today, e.deadline);
    if (daysLeft < 0)
      return {
        kind: 'deadline_passed',
        due: e.deadline,
        daysLeft,
        text: `The last day to present the claim was ${formatLongDate(e.deadline)}: ask legal whether anything can still be done, or close the estate.`,
        urgency: 1,
      };
    const s = stage(daysLeft, p);
    if (s !== null)
      return {
        kind: 'deadline_near',
        due: e.deadline,
        daysLeft,
        text: `Present the claim by ${formatLongDate(e.deadline)} (${inDays(daysLeft)}).`,
        urgency: s,
      };
    if (e.status === 'watching')
      return {
        kind: 'find_estate',
        due: e.deadline,
        daysLeft,
        text: e.estateKnown
          ? `Refer the claim to legal; the last day to present it is ${formatLongDate(e.deadline)}.`
          : `Find the probate estate (court, personal representative) and refer to legal; the claim is due by ${formatLongDate(e.deadline)}.`,
        urgency: 4,
      };
    return null;
  }
  if (e.status === 'disallowed' && e.disallowedOn) {
    const due = addDays(e.disallowedOn, e.suitDays);
    const daysLeft = daysBetween(today, due);
    if (daysLeft < 0)
      return {
        kind: 'suit_deadline_passed',
        due,
        daysLeft,
        text: `The ${e.suitDays} days to sue on the disallowed claim ended ${formatLongDate(due)}: close the estate or record legal’s decision.`,
        urgency: 2,
      };
    return {
      kind: 'suit_deadline',
      due,
      daysLeft,
      text: `The claim was disallowed: legal must sue by ${formatLongDate(due)} (${inDays(daysLeft)}) or the claim is lost (PR-03).`,
      urgency: stage(daysLeft, p) ?? 3,
    };
  }
  if ((e.status === 'filed' || e.status === 'allowed' || e.status === 'paid_part') && e.filedOn) {
    const from = e.lastFollowUpOn && e.lastFollowUpOn > e.filedOn ? e.lastFollowUpOn : e.filedOn;
    const due = addDays(from, p.followUpEveryDays);
    if (today < due) return null;
    return {
      kind: 'follow_up',
      due,
      daysLeft: daysBetween(today, due),
      text: `Ask the clerk of court for the claim’s status (last contact ${formatLongDate(from)}).`,
      urgency: 4,
    };
  }
  return null;
}

/** An account's figures when the estate closes with nothing more to pay. */
export interface ClosingAccount {
  accountId: number;
  balanceCents: number;
  payerClass: string;
  deductibleCents: number;
  coinsuranceCents: number;
  /**
   * What the patient's side paid on the account, net of refunds and reversals (the patient, an
   * agency, a court or the estate): BD-01 lowers the allowable bad debt by it.
   */
  paidCents: number;
}

/**
 * What closing an estate with nothing more does to each account with a balance: the Medicare
 * deductible and coinsurance not yet paid (BD-01: deductible + coinsurance less what was paid) is
 * left for the bad-debt listing (a bad-debt write-off, never an administrative one: BD-09; the
 * listing's capability posts it), the rest is written off with the reason. Neither is ever more
 * than the balance.
 */
export function closingSplit(a: ClosingAccount): { writeOffCents: number; badDebtCents: number } {
  if (a.balanceCents <= 0) return { writeOffCents: 0, badDebtCents: 0 };
  const unpaidShare = Math.max(0, a.deductibleCents + a.coinsuranceCents - Math.max(0, a.paidCents));
  const medicareShare = a.payerClass === 'medicare' ? Math.min(a.balanceCents, unpaidShare) : 0;
  return { writeOffCents: a.balanceCents - medicareShare, badDebtCents: medicareShare };
}

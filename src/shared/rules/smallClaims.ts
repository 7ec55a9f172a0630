// Should the hospital sue in small claims? One rule, explained line by line (rules §3; ECA-01..05).
// Every line says what it checked, what it found and the rule it comes from; the suit may be
// brought only when every line passes. The limit and the statute of limitations come from tables
// a supervisor keeps (court_limits, court_limitations), chosen by effective date; the 501(r) gate's
// answer is passed in (the service asks `checkEca`/`attemptEca`, which is the one definition).
// Amounts are integer cents; dates are business dates (YYYY-MM-DD).
import { addDays, formatLongDate, type BusinessDate } from '../dates';
import { formatCents } from '../money';

export const LIMITATION_BASES = ['written', 'open_account', 'medical_debt'] as const;
export type LimitationBasis = (typeof LIMITATION_BASES)[number];
/** What the hospital sues on: a signed financial-responsibility form, or an open account. */
export const CLAIM_BASES = ['written', 'open_account'] as const;
export type ClaimBasis = (typeof CLAIM_BASES)[number];
export const LIMITATION_BASIS_LABELS: Record<LimitationBasis, string> = {
  written: 'Written contract (signed financial-responsibility form)',
  open_account: 'Open account',
  medical_debt: 'Medical debt',
};

export const ACCRUALS = ['treatment', 'first_due', 'last_item'] as const;
export type Accrual = (typeof ACCRUALS)[number];
export const ACCRUAL_LABELS: Record<Accrual, string> = {
  treatment: 'from the date of treatment',
  first_due: 'from the date payment was first due',
  last_item: 'from the last item on the account (open-book account)',
};

/** One row of the limits table (rules §3.1): a court's limit for an entity plaintiff, from a date. */
export interface CourtLimit {
  id: number;
  state: string;
  court: string;
  entityLimitCents: number;
  individualLimitCents: number | null;
  /** California (CCP 116.231): at most `largeClaimsPerYear` filings a calendar year above this. */
  largeClaimCents: number | null;
  largeClaimsPerYear: number | null;
  filingFeeCents: number;
  serviceFeeCents: number;
  effectiveFrom: BusinessDate;
  source: string;
}

/** One row of the limitations table (rules §3.2), for claims accrued on or after `accruedFrom`. */
export interface Limitation {
  id: number;
  state: string;
  basis: LimitationBasis;
  years: number;
  accrual: Accrual;
  accruedFrom: BusinessDate;
  /** A transitional cap: the suit must be filed by this day whatever the years give (Ohio's SB 13). */
  noLaterThan?: BusinessDate | null;
  source: string;
}

/** The limit rows in force on `today`: for each court of the state, its latest row not after today. */
export function limitsInForce(rows: readonly CourtLimit[], state: string, today: BusinessDate): CourtLimit[] {
  const byCourt = new Map<string, CourtLimit>();
  for (const r of rows) {
    if (r.state !== state || r.effectiveFrom > today) continue;
    const seen = byCourt.get(r.court);
    if (!seen || r.effectiveFrom > seen.effectiveFrom || (r.effectiveFrom === seen.effectiveFrom && r.id > seen.id))
      byCourt.set(r.court, r);
  }
  return [...byCourt.values()].sort(
    (a, b) => b.entityLimitCents - a.entityLimitCents || a.court.localeCompare(b.court),
  );
}

/** Adds whole years; 29 February becomes 28 February in a common year (the earlier day: never late). */
export function addYears(date: BusinessDate, years: number): BusinessDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29') {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${String(y).padStart(4, '0')}-02-${leap ? '29' : '28'}`;
  }
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The dates an account's claim can accrue from. */
export interface AccrualDates {
  /** First day of treatment (service from). */
  treatment: BusinessDate;
  /** When payment was first due: the first statement's due date, or the last day of service when none went out. */
  firstDue: BusinessDate;
  /** The last charge or payment on the account (an open-book account runs from it). */
  lastItem: BusinessDate;
}

export function accrualDate(accrual: Accrual, d: AccrualDates): BusinessDate {
  return accrual === 'treatment' ? d.treatment : accrual === 'first_due' ? d.firstDue : d.lastItem;
}

export interface LimitationAnswer {
  /** The row that governs, or null when the state has none for the basis. */
  row: Limitation | null;
  accruedOn: BusinessDate | null;
  /** The last day a suit may be filed. */
  lastDay: BusinessDate | null;
  /** Plain words: which rule, from when, to when. */
  explanation: string;
}

/**
 * The statute of limitations for one account (rules §3.2): a medical-debt rule of the state
 * governs whatever the basis (New York, CPLR 213-d: three years from treatment); otherwise the
 * basis's row. Of a basis's rows, the one for claims accrued on or after the latest date not after
 * the accrual applies (Ohio: 8 years before 15 June 2021, 6 after, and the older claims no later than
 * 6 years from the law's start). A suit is blocked when today is after the last day. The last day is
 * the day before the anniversary (the conservative reading: never a day late).
 */
export function limitationFor(
  rows: readonly Limitation[],
  state: string,
  basis: ClaimBasis,
  dates: AccrualDates,
): LimitationAnswer {
  const pick = (b: LimitationBasis): Limitation | null => {
    let best: Limitation | null = null;
    for (const r of rows) {
      if (r.state !== state || r.basis !== b) continue;
      const accrued = accrualDate(r.accrual, dates);
      if (r.accruedFrom > accrued) continue;
      if (!best || r.accruedFrom > best.accruedFrom || (r.accruedFrom === best.accruedFrom && r.id > best.id)) best = r;
    }
    return best;
  };
  const row = pick('medical_debt') ?? pick(basis);
  if (!row)
    return {
      row: null,
      accruedOn: null,
      lastDay: null,
      explanation: `No statute of limitations is on file for ${state} (${LIMITATION_BASIS_LABELS[basis].toLowerCase()}): add it under Small claims › Rules.`,
    };
  const accruedOn = accrualDate(row.accrual, dates);
  const byYears = addDays(addYears(accruedOn, row.years), -1);
  const capped = row.noLaterThan !== undefined && row.noLaterThan !== null && row.noLaterThan < byYears;
  const lastDay = capped ? row.noLaterThan! : byYears;
  return {
    row,
    accruedOn,
    lastDay,
    explanation: `${state} ${LIMITATION_BASIS_LABELS[row.basis].toLowerCase()}: ${row.years} years ${ACCRUAL_LABELS[row.accrual]} (${formatLongDate(accruedOn)})${capped ? `, but no later than ${formatLongDate(row.noLaterThan!)}` : ''}, so the last day to file is ${formatLongDate(lastDay)}${row.source ? ` (${row.source})` : ''}.`,
  };
}

/** The economics figures (settings, smallClaims group). */
export interface SuitEconomicsPolicy {
  clerkHourlyCents: number;
  hoursPerCase: number;
  /** Of what is sued for, how much is expected back, in percent (0-100). */
  expectedRecoveryPercent: number;
}
export const DEFAULT_SUIT_ECONOMICS: SuitEconomicsPolicy = {
  clerkHourlyCents: 3500,
  hoursPerCase: 6,
  expectedRecoveryPercent: 40,
};

export interface SuitEconomics {
  claimCents: number;
  expectedRecoveryCents: number;
  filingFeeCents: number;
  serviceFeeCents: number;
  clerkCostCents: number;
  costCents: number;
  netCents: number;
}

/** Filing and service fees and the clerk's hours against the claim times the expected recovery. */
export function suitEconomics(
  claimCents: number,
  limit: Pick<CourtLimit, 'filingFeeCents' | 'serviceFeeCents'>,
  p: SuitEconomicsPolicy,
): SuitEconomics {
  const expectedRecoveryCents = Math.round((claimCents * p.expectedRecoveryPercent) / 100);
  const clerkCostCents = Math.round(p.clerkHourlyCents * p.hoursPerCase);
  const costCents = limit.filingFeeCents + limit.serviceFeeCents + clerkCostCents;
  return {
    claimCents,
    expectedRecoveryCents,
    filingFeeCents: limit.filingFeeCents,
    serviceFeeCents: limit.serviceFeeCents,
    clerkCostCents,
    costCents,
    netCents: expectedRecoveryCents - costCents,
  };
}

/** One account of a possible suit, with the facts the rule needs. */
export interface SuitAccountFacts {
  accountId: number;
  accountNumber: string;
  balanceCents: number;
  payerClass: 'self_pay' | 'medicare' | 'medicare_advantage' | 'medicaid' | 'commercial';
  /** Dual eligible (a Medicaid number on a Medicare account): QMB cost sharing may not be billed. */
  hasMedicaidNumber: boolean;
  dates: AccrualDates;
  /** The 501(r) gate's answer for a civil action on this account today (checkEca). */
  eca: { allowed: boolean; allowedFrom: BusinessDate | null; reasons: string[] };
  /** Holds in force that stop a suit and are not the gate's (a dispute is the gate's too; listed for the line). */
  disputed: boolean;
  bankrupt: boolean;
  deceased: boolean;
  onCurrentPlan: boolean;
  /** Already in an open case. */
  inOpenCase: boolean;
}

export interface SuitFacts {
  today: BusinessDate;
  /** The defendant's state (venue: where the defendant lives). */
  state: string;
  basis: ClaimBasis;
  fapStatus: 'unknown' | 'not_applied' | 'pending' | 'approved_full' | 'approved_partial' | 'denied';
  /** The court chosen, from the limits in force for the state; null when none is on file. */
  court: CourtLimit | null;
  limitations: readonly Limitation[];
  accounts: readonly SuitAccountFacts[];
  /** Cases above the large-claim threshold the hospital filed in this calendar year (California). */
  largeClaimsFiledThisYear: number;
  /** The clerk records waiving what is above the limit (the claim is then the limit). */
  waiveExcess: boolean;
  economics: SuitEconomicsPolicy;
}

export type LineState = 'pass' | 'fail' | 'wait';
export interface SuitLine {
  key:
    | 'limit'
    | 'large_claims'
    | 'limitation'
    | 'gate'
    | 'assistance'
    | 'bankruptcy'
    | 'deceased'
    | 'plan'
    | 'dispute'
    | 'medicaid'
    | 'open_case'
    | 'economics';
  label: string;
  state: LineState;
  detail: string;
  rule: string;
}

export interface SuitAccountAnswer {
  accountId: number;
  accountNumber: string;
  balanceCents: number;
  limitation: LimitationAnswer;
  /** Why this account cannot be sued for (empty when it can). */
  problems: string[];
  ecaAllowedFrom: BusinessDate | null;
}

export interface SuitDecision {
  /** Every line passes: the suit may be filed today. */
  canFile: boolean;
  /** Every line passes except the 501(r) gate's waiting period: a case can be opened and a demand sent. */
  canPrepare: boolean;
  lines: SuitLine[];
  accounts: SuitAccountAnswer[];
  balanceCents: number;
  limitCents: number | null;
  /** What would be sued for: the balance, or the limit when the excess is waived. */
  claimCents: number;
  waivedCents: number;
  /** The first day the 501(r) gate allows the suit on every account, when it can tell. */
  ecaAllowedFrom: BusinessDate | null;
  /** The earliest statute-of-limitations last day among the accounts. */
  limitationLastDay: BusinessDate | null;
  economics: SuitEconomics | null;
}

/** A Medicaid balance, or the Medicare cost sharing of a dual-eligible (QMB) patient: never billed to the patient. */
function medicaidOrQmb(a: Pick<SuitAccountFacts, 'payerClass' | 'hasMedicaidNumber'>): boolean {
  return (
    a.payerClass === 'medicaid' ||
    ((a.payerClass === 'medicare' || a.payerClass === 'medicare_advantage') && a.hasMedicaidNumber)
  );
}

function maxDate(dates: (BusinessDate | null)[]): BusinessDate | null {
  let m: BusinessDate | null = null;
  for (const d of dates) {
    if (d === null) return null;
    if (m === null || d > m) m = d;
  }
  return m;
}

/** Should we sue? Every line with what it found and the rule it applies. */
export function suitDecision(f: SuitFacts): SuitDecision {
  const lines: SuitLine[] = [];
  const balanceCents = f.accounts.reduce((t, a) => t + a.balanceCents, 0);
  const answers: SuitAccountAnswer[] = f.accounts.map((a) => ({
    accountId: a.accountId,
    accountNumber: a.accountNumber,
    balanceCents: a.balanceCents,
    limitation: limitationFor(f.limitations, f.state, f.basis, a.dates),
    problems: [],
    ecaAllowedFrom: a.eca.allowedFrom,
  }));
  const some = (pred: (a: SuitAccountFacts) => boolean) => f.accounts.filter(pred).map((a) => a.accountNumber);

  // The limit (rules §3.1): the entity limit of the court chosen, in force today.
  const limitCents = f.court?.entityLimitCents ?? null;
  let claimCents = balanceCents;
  let waivedCents = 0;
  if (f.accounts.length === 0 || balanceCents <= 0) {
    lines.push({
      key: 'limit',
      label: 'Amount within the court’s limit',
      state: 'fail',
      detail: 'Nothing is owed on the accounts chosen.',
      rule: 'Rules §3.1',
    });
  } else if (!f.court) {
    lines.push({
      key: 'limit',
      label: 'Amount within the court’s limit',
      state: 'fail',
      detail: `No small-claims court limit is on file for ${f.state || 'the defendant’s state'}: add one under Small claims › Rules.`,
      rule: 'Rules §3.1',
    });
  } else if (balanceCents <= f.court.entityLimitCents) {
    lines.push({
      key: 'limit',
      label: 'Amount within the court’s limit',
      state: 'pass',
      detail: `${formatCents(balanceCents)} is within the ${f.court.court} limit of ${formatCents(f.court.entityLimitCents)} for a business plaintiff (${f.state}, from ${formatLongDate(f.court.effectiveFrom)}).`,
      rule: `Rules §3.1${f.court.source ? `; ${f.court.source}` : ''}`,
    });
  } else if (f.waiveExcess) {
    claimCents = f.court.entityLimitCents;
    waivedCents = balanceCents - claimCents;
    lines.push({
      key: 'limit',
      label: 'Amount within the court’s limit',
      state: 'pass',
      detail: `${formatCents(balanceCents)} is over the ${f.court.court} limit of ${formatCents(f.court.entityLimitCents)}; the excess of ${formatCents(waivedCents)} is waived, so the claim is ${formatCents(claimCents)}. A waived excess cannot be collected later.`,
      rule: `Rules §3.1${f.court.source ? `; ${f.court.source}` : ''}`,
    });
  } else {
    lines.push({
      key: 'limit',
      label: 'Amount within the court’s limit',
      state: 'fail',
      detail: `${formatCents(balanceCents)} is over the ${f.court.court} limit of ${formatCents(f.court.entityLimitCents)} for a business plaintiff. Sue for the limit only by recording that the excess of ${formatCents(balanceCents - f.court.entityLimitCents)} is waived.`,
      rule: `Rules §3.1${f.court.source ? `; ${f.court.source}` : ''}`,
    });
  }

  // California: at most N filings a calendar year above the large-claim threshold (CCP 116.231).
  if (
    f.court &&
    f.court.largeClaimCents !== null &&
    f.court.largeClaimsPerYear !== null &&
    claimCents > f.court.largeClaimCents
  ) {
    const left = f.court.largeClaimsPerYear - f.largeClaimsFiledThisYear;
    lines.push({
      key: 'large_claims',
      label: `Filings over ${formatCents(f.court.largeClaimCents)} this year`,
      state: left > 0 ? 'pass' : 'fail',
      detail:
        left > 0
          ? `${f.largeClaimsFiledThisYear} of the ${f.court.largeClaimsPerYear} claims over ${formatCents(f.court.largeClaimCents)} allowed in ${f.today.slice(0, 4)} have been filed.`
          : `All ${f.court.largeClaimsPerYear} claims over ${formatCents(f.court.largeClaimCents)} allowed in ${f.today.slice(0, 4)} have been filed: sue for ${formatCents(f.court.largeClaimCents)} or less, or wait until next year.`,
      rule: `Rules §3.1${f.court.source ? `; ${f.court.source}` : ''}`,
    });
  }

  // The statute of limitations (rules §3.2), account by account.
  const expired: string[] = [];
  const unknown: string[] = [];
  for (const a of answers) {
    if (!a.limitation.lastDay) unknown.push(a.accountNumber);
    else if (f.today > a.limitation.lastDay) {
      expired.push(a.accountNumber);
      a.problems.push(`Too late to sue: the last day was ${formatLongDate(a.limitation.lastDay)}.`);
    }
  }
  const limitationLastDay = answers.reduce<BusinessDate | null>(
    (m, a) => (a.limitation.lastDay && (m === null || a.limitation.lastDay < m) ? a.limitation.lastDay : m),
    null,
  );
  lines.push({
    key: 'limitation',
    label: 'Inside the statute of limitations',
    state: unknown.length > 0 || expired.length > 0 || answers.length === 0 ? 'fail' : 'pass',
    detail:
      answers.length === 0
        ? 'No account chosen.'
        : unknown.length > 0
          ? answers.find((a) => !a.limitation.lastDay)!.limitation.explanation
          : expired.length > 0
            ? `Too late for ${expired.join(', ')}: ${answers.find((a) => expired.includes(a.accountNumber))!.limitation.explanation}`
            : answers.length === 1
              ? answers[0]!.limitation.explanation
              : `The earliest last day to file among the accounts is ${formatLongDate(limitationLastDay!)}. ${answers.map((a) => `${a.accountNumber}: ${a.limitation.explanation}`).join(' ')}`,
    rule: 'Rules §3.2',
  });

  // The 501(r) gate (ECA-01..05): a civil action, small claims included, is an ECA.
  const gateRefused = f.accounts.filter((a) => !a.eca.allowed);
  // The first day the gate allows the suit on every account: allowed today, it is the clock's own
  // earliest day (D0 + 120 or the notice + 30), not today.
  const ecaAllowedFrom =
    gateRefused.length === 0
      ? (maxDate(f.accounts.map((a) => a.eca.allowedFrom)) ?? f.today)
      : maxDate(gateRefused.map((a) => a.eca.allowedFrom));
  for (const a of gateRefused) {
    const answer = answers.find((x) => x.accountId === a.accountId)!;
    answer.problems.push(...a.eca.reasons);
  }
  // Waiting only for time to pass (no hold, no missing step) is "wait": a demand can go out now.
  const onlyWaiting = gateRefused.length > 0 && ecaAllowedFrom !== null && ecaAllowedFrom > f.today;
  lines.push({
    key: 'gate',
    label: '501(r): notices given and waiting periods over',
    state: gateRefused.length === 0 ? 'pass' : onlyWaiting ? 'wait' : 'fail',
    detail:
      gateRefused.length === 0
        ? 'The first statement went out more than 120 days ago and the final notice’s 30 days have passed on every account: a civil action is allowed.'
        : onlyWaiting
          ? `A suit is allowed from ${formatLongDate(ecaAllowedFrom!)}. ${[...new Set(gateRefused.flatMap((a) => a.eca.reasons))].join(' ')}`
          : [...new Set(gateRefused.flatMap((a) => a.eca.reasons))].join(' '),
    rule: 'ECA-01, ECA-02, ECA-05',
  });

  // Financial assistance screened (ECA-01: reasonable efforts to determine eligibility).
  const fapOk = f.fapStatus === 'not_applied' || f.fapStatus === 'denied' || f.fapStatus === 'approved_partial';
  lines.push({
    key: 'assistance',
    label: 'Financial assistance screened',
    state: fapOk ? 'pass' : 'fail',
    detail:
      f.fapStatus === 'unknown'
        ? 'The guarantor has not been screened for financial assistance: screen first.'
        : f.fapStatus === 'pending'
          ? 'A financial-assistance application is pending: no suit until it is decided.'
          : f.fapStatus === 'approved_full'
            ? 'The guarantor was approved for full financial assistance: nothing is owed that a suit could collect.'
            : f.fapStatus === 'approved_partial'
              ? 'Screened: partial assistance was approved and is already applied to the balance.'
              : f.fapStatus === 'denied'
                ? 'Screened: the application was denied.'
                : 'Screened: told about financial assistance, the guarantor did not apply.',
    rule: 'ECA-01; rules §3.3',
  });

  const yesNo = (key: SuitLine['key'], label: string, hit: string[], bad: string, good: string, rule: string) =>
    lines.push({
      key,
      label,
      state: hit.length > 0 ? 'fail' : 'pass',
      detail: hit.length > 0 ? `${bad} (${hit.join(', ')}).` : good,
      rule,
    });
  yesNo(
    'bankruptcy',
    'No bankruptcy',
    some((a) => a.bankrupt),
    'A bankruptcy is recorded: the automatic stay forbids a suit',
    'No bankruptcy is recorded.',
    'Rules §3.3',
  );
  yesNo(
    'deceased',
    'Guarantor living',
    some((a) => a.deceased),
    'The guarantor is recorded as deceased: the claim goes to the estate, not to small claims',
    'No death is recorded.',
    'Rules §3.3; §4',
  );
  yesNo(
    'plan',
    'No current payment plan',
    some((a) => a.onCurrentPlan),
    'A payment plan is current on these accounts',
    'No payment plan is current.',
    'PP-02',
  );
  yesNo(
    'dispute',
    'No dispute',
    some((a) => a.disputed),
    'The balance is disputed: resolve the dispute first',
    'No dispute is recorded.',
    'ST-01',
  );
  yesNo(
    'medicaid',
    'Not a Medicaid or QMB balance',
    some(medicaidOrQmb),
    'A Medicaid balance, or the Medicare cost sharing of a dual-eligible (QMB) patient, may not be billed to the patient',
    'No Medicaid or dual-eligible (QMB) balance.',
    'Rules §3.3; BD-10',
  );
  yesNo(
    'open_case',
    'Not already in court',
    some((a) => a.inOpenCase),
    'Already in an open small-claims case',
    'None of the accounts is in an open case.',
    'Rules §3',
  );
  for (const a of f.accounts) {
    const answer = answers.find((x) => x.accountId === a.accountId)!;
    if (a.bankrupt) answer.problems.push('Bankruptcy recorded.');
    if (a.deceased) answer.problems.push('Guarantor deceased.');
    if (a.onCurrentPlan) answer.problems.push('On a current payment plan.');
    if (a.disputed) answer.problems.push('Balance disputed.');
    if (medicaidOrQmb(a)) answer.problems.push('Medicaid or dual-eligible (QMB) balance.');
    if (a.inOpenCase) answer.problems.push('Already in an open case.');
  }

  // The economics: is it worth it?
  const economics = f.court && claimCents > 0 ? suitEconomics(claimCents, f.court, f.economics) : null;
  if (economics) {
    lines.push({
      key: 'economics',
      label: 'Worth the cost',
      state: economics.netCents > 0 ? 'pass' : 'fail',
      detail: `Expected back: ${f.economics.expectedRecoveryPercent}% of ${formatCents(claimCents)} = ${formatCents(economics.expectedRecoveryCents)}. ${
        economics.filingFeeCents === 0 && economics.serviceFeeCents === 0
          ? `Costs: the clerk’s ${f.economics.hoursPerCase} hours at ${formatCents(f.economics.clerkHourlyCents)} = ${formatCents(economics.costCents)}; no filing or service fee is on file for ${f.court?.court ?? 'the court'} (add them under Small claims › Rules).`
          : `Costs: filing ${formatCents(economics.filingFeeCents)} + service ${formatCents(economics.serviceFeeCents)} + the clerk’s ${f.economics.hoursPerCase} hours at ${formatCents(f.economics.clerkHourlyCents)} = ${formatCents(economics.costCents)}.`
      } ${economics.netCents > 0 ? `Net ${formatCents(economics.netCents)}.` : `It would cost ${formatCents(-economics.netCents)} more than it is expected to bring back.`}`,
      rule: 'Rules §3',
    });
  }

  const blocking = lines.filter((l) => l.state === 'fail');
  const canPrepare = blocking.length === 0;
  const canFile = canPrepare && lines.every((l) => l.state === 'pass');
  return {
    canFile,
    canPrepare,
    lines,
    accounts: answers,
    balanceCents,
    limitCents,
    claimCents,
    waivedCents,
    ecaAllowedFrom,
    limitationLastDay,
    economics,
  };
}

/** The court-packet declaration's wording: a plain declaration, or Texas Rule 185 sworn account. */
export const DECLARATION_KINDS = ['standard', 'tx_rule_185'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/** The case's reminders: serve by, hearing in 7 days and tomorrow, ready to file, judgment unpaid. */
export interface CaseReminderFacts {
  status: 'open' | 'demand_sent' | 'filed' | 'served' | 'judgment' | 'satisfied' | 'dismissed' | 'withdrawn' | 'lost';
  fileAfter: BusinessDate | null;
  filedOn: BusinessDate | null;
  servedOn: BusinessDate | null;
  hearingOn: BusinessDate | null;
  judgmentOn: BusinessDate | null;
  /** What is still owed on the judgment (cents). */
  judgmentOwedCents: number;
}
export interface CaseReminderPolicy {
  /** Serve at least this many days before the hearing (CA CCP 116.340: 15 days in the county). */
  serveDaysBeforeHearing: number;
  /** Without a hearing date, serve within this many days of filing. */
  serveDaysAfterFiling: number;
  /** A judgment unpaid this many days after it was entered comes back to the clerk. */
  judgmentFollowUpDays: number;
}
export const DEFAULT_CASE_REMINDERS: CaseReminderPolicy = {
  serveDaysBeforeHearing: 15,
  serveDaysAfterFiling: 30,
  judgmentFollowUpDays: 30,
};
export type CaseReminderKind = 'ready_to_file' | 'serve_by' | 'hearing_week' | 'hearing_tomorrow' | 'judgment_unpaid';
export interface CaseReminder {
  kind: CaseReminderKind;
  /** The date that drives it. */
  date: BusinessDate;
  text: string;
}

/** The reminder a case puts in the work queue today, if any (the most pressing one). */
export function caseReminder(c: CaseReminderFacts, today: BusinessDate, p: CaseReminderPolicy): CaseReminder | null {
  // The letter said the hospital would file after its date: from the next day.
  if (c.status === 'demand_sent' && c.fileAfter && today > c.fileAfter)
    return {
      kind: 'ready_to_file',
      date: addDays(c.fileAfter, 1),
      text: `The demand letter’s date (${formatLongDate(c.fileAfter)}) has passed: file or close the case.`,
    };
  if ((c.status === 'filed' || c.status === 'served') && c.hearingOn && c.hearingOn >= today) {
    if (c.hearingOn <= addDays(today, 1))
      return {
        kind: 'hearing_tomorrow',
        date: c.hearingOn,
        text: `Hearing ${c.hearingOn === today ? 'today' : 'tomorrow'}: bring the court packet, the testimony sheet and the original records.`,
      };
    if (c.hearingOn <= addDays(today, 7))
      return {
        kind: 'hearing_week',
        date: c.hearingOn,
        text: `Hearing on ${formatLongDate(c.hearingOn)}: print the packet and the testimony sheet; check service was proved.`,
      };
  }
  // Once the hearing's day has passed, serving for it is moot: the judgment or a continuance is next.
  if (c.status === 'filed' && !c.servedOn && c.filedOn && !(c.hearingOn && c.hearingOn < today)) {
    const by = c.hearingOn
      ? addDays(c.hearingOn, -p.serveDaysBeforeHearing)
      : addDays(c.filedOn, p.serveDaysAfterFiling);
    if (addDays(today, 7) >= by)
      return {
        kind: 'serve_by',
        date: by,
        text: `Serve the defendant by ${formatLongDate(by)} and record how and when.`,
      };
  }
  if (c.status === 'judgment' && c.judgmentOn && c.judgmentOwedCents > 0) {
    const due = addDays(c.judgmentOn, p.judgmentFollowUpDays);
    if (today >= due)
      return {
        kind: 'judgment_unpaid',
        date: due,
        text: `The judgment of ${formatLongDate(c.judgmentOn)} is unpaid (${formatCents(c.judgmentOwedCents)}): ask for payment or consider a post-judgment action.`,
      };
  }
  return null;
}

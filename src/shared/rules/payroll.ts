// Employee-patients (issue 16), one rule for each question:
// - the largest payroll deduction a pay period can take without bringing pay below the minimum wage
//   or cutting into overtime in any workweek (PD-01: 29 CFR 531.35, 531.37(b); FOH 30c10), under
//   the federal and the state minimum in effect on the pay date (the higher stands), a salaried
//   exempt employee's salary level (29 CFR 541.600/541.602, unconfirmed) and a state's limit on
//   deductions as a share of a period's pay (unconfirmed: the hospital's table), with its arithmetic
//   in sentences a clerk can read to the employee;
// - whether an amount is allowed (the same figures), and whether a deduction payroll reports for a
//   period's real hours and pay kept the floor;
// - the pay dates (or debit dates) of an arrangement, from its first date and its frequency;
// - what a period expects to take (never more than the accounts still owe).
//
// Workweeks: a deduction taken from one paycheck is spread over the workweeks the paycheck pays
// for; a period that can be short (a semimonthly period of 13 days, February 16–28; a monthly one
// of 28 days) holds fewer weeks, so the limit is computed for the shortest period the frequency can
// have: the amount is safe in every period, not only in an average one.
import { addDays, addMonths, daysInMonth, formatLongDate, type BusinessDate } from '../dates';
import { formatCents, type Cents } from '../money';

export const PAY_FREQUENCIES = ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const;
export type PayFrequency = (typeof PAY_FREQUENCIES)[number];
export const PAY_FREQUENCY_LABELS: Record<PayFrequency, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  semimonthly: 'Twice a month',
  monthly: 'Monthly',
};

export const PAY_TYPES = ['hourly', 'salary'] as const;
export type PayType = (typeof PAY_TYPES)[number];

/** What the roster says of an employee's pay. Hours are hundredths of an hour a week (40 h = 4000). */
export interface PayFacts {
  payType: PayType;
  hourlyRateCents: Cents | null;
  annualSalaryCents: Cents | null;
  weeklyHoursCenti: number;
  exempt: boolean;
  payFrequency: PayFrequency;
  workState: string;
}

/** One row of the wage-floor table: 'US' is the federal row; a state's row adds to it. */
export interface WageFloorRow {
  jurisdiction: string;
  effectiveFrom: BusinessDate;
  minimumWageCents: Cents;
  /** The weekly salary an exempt employee's pay must stay at or above (null: none set here). */
  exemptWeeklySalaryCents: Cents | null;
  /** At most this share of a period's pay, in basis points (null: no state limit). */
  deductionLimitBp: number | null;
  source: string;
}

/** The rows in effect on a date for a work state. */
export interface FloorInEffect {
  federal: WageFloorRow;
  state: WageFloorRow | null;
}

/** The latest row on or before `on` for the federal table and for `state`; null without a federal row. */
export function floorOn(rows: readonly WageFloorRow[], state: string, on: BusinessDate): FloorInEffect | null {
  // The latest row stands; a figure it leaves blank (an exempt salary level, a deduction limit) is
  // the latest earlier row's: a new minimum wage never silently drops the other figures.
  const latest = (j: string): WageFloorRow | null => {
    const mine = rows
      .filter((r) => r.jurisdiction === j && r.effectiveFrom <= on)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
    if (mine.length === 0) return null;
    const carried = <K extends 'exemptWeeklySalaryCents' | 'deductionLimitBp'>(k: K): WageFloorRow[K] =>
      mine.find((r) => r[k] !== null)?.[k] ?? null;
    return {
      ...mine[0]!,
      exemptWeeklySalaryCents: carried('exemptWeeklySalaryCents'),
      deductionLimitBp: carried('deductionLimitBp'),
    };
  };
  const federal = latest('US');
  if (!federal) return null;
  return { federal, state: state.toUpperCase() === 'US' ? null : latest(state.toUpperCase()) };
}

/** A fraction of weeks (13/7 for the shortest semimonthly period). */
export interface Weeks {
  num: number;
  den: number;
}

/** The workweeks the shortest period of a frequency pays for. */
export const SHORTEST_PERIOD_WEEKS: Record<PayFrequency, Weeks & { days: number; note: string }> = {
  weekly: { num: 1, den: 1, days: 7, note: 'a weekly paycheck pays for one workweek' },
  biweekly: { num: 2, den: 1, days: 14, note: 'a paycheck every two weeks pays for two workweeks' },
  semimonthly: {
    num: 13,
    den: 7,
    days: 13,
    note: 'the shortest half-month (February 16–28, 13 days) holds 13/7 of a workweek',
  },
  monthly: { num: 4, den: 1, days: 28, note: 'the shortest month (February, 28 days) holds four workweeks' },
};

/** Straight-time hours a workweek counts toward the deduction: never the overtime (29 CFR 531.37(b)). */
export const STRAIGHT_TIME_CENTI = 4000;

export type LimitBinding = 'minimum_wage' | 'exempt_salary' | 'state_limit' | 'no_headroom';

export interface DeductionLimit {
  /** The largest amount a period may take (whole cents, rounded down). */
  maxCents: Cents;
  /** Which test set it. */
  binding: LimitBinding;
  /** The minimum wage that stands (the higher of federal and state) and where it comes from. */
  minimumWageCents: Cents;
  minimumFrom: 'federal' | 'state';
  /** Exempt salaried employees: the weekly salary level that stands. */
  exemptWeeklySalaryCents: Cents | null;
  weeks: Weeks;
  /** The arithmetic, one sentence per step, for the screen and the employee. */
  lines: string[];
}

function hoursText(centi: number): string {
  const h = centi / 100;
  return Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, '');
}

function weeksText(w: Weeks): string {
  return w.den === 1 ? `${w.num}` : `${w.num}/${w.den}`;
}

/** "1 week", "2 weeks", "13/7 weeks" (a fraction of weeks reads as weeks). */
function weeksOf(w: Weeks, word = 'week'): string {
  return `${weeksText(w)} ${w.num === w.den ? word : `${word}s`}`;
}

/** floor(a / b) for non-negative integers held exactly in doubles. */
function floorDiv(a: number, b: number): number {
  return a <= 0 ? 0 : Math.floor(a / b);
}

/**
 * PD-01: the largest deduction for one pay period. Without `actual`, for the employee's usual hours
 * in the shortest period of their pay frequency; with `actual` (the hours payroll reports for a
 * period and the weeks it paid for), for that period.
 */
export function largestDeduction(
  pay: PayFacts,
  floor: FloorInEffect,
  actual?: { hoursCenti: number; weeks: Weeks; overtimeCenti?: number },
): DeductionLimit {
  const fedMin = floor.federal.minimumWageCents;
  const stateMin = floor.state?.minimumWageCents ?? null;
  const minimumFrom = stateMin !== null && stateMin > fedMin ? 'state' : 'federal';
  const minimum = minimumFrom === 'state' ? stateMin! : fedMin;
  const weeks: Weeks = actual?.weeks ?? {
    num: SHORTEST_PERIOD_WEEKS[pay.payFrequency].num,
    den: SHORTEST_PERIOD_WEEKS[pay.payFrequency].den,
  };
  const lines: string[] = [];
  const minLine =
    minimumFrom === 'state'
      ? `${pay.workState}’s minimum wage, ${formatCents(minimum)} an hour, is above the federal ${formatCents(fedMin)} and stands.`
      : stateMin !== null
        ? `The federal minimum wage, ${formatCents(fedMin)} an hour, stands (${pay.workState}’s is ${formatCents(stateMin)}).`
        : `The federal minimum wage, ${formatCents(fedMin)} an hour, stands (no minimum for ${pay.workState} is on file).`;
  const exemptTest =
    pay.exempt &&
    pay.payType === 'salary' &&
    pay.annualSalaryCents !== null &&
    (floor.federal.exemptWeeklySalaryCents !== null || (floor.state?.exemptWeeklySalaryCents ?? null) !== null);
  // An exempt salary is held to its salary level, not to an hourly minimum: that line would mislead.
  if (!exemptTest) lines.push(minLine);
  if (actual)
    lines.push(`This period paid for ${hoursText(actual.hoursCenti)} hours over ${weeksOf(weeks, 'workweek')}.`);
  else lines.push(`The limit is for the shortest pay period: ${SHORTEST_PERIOD_WEEKS[pay.payFrequency].note}.`);

  const fedExempt = floor.federal.exemptWeeklySalaryCents;
  const stateExempt = floor.state?.exemptWeeklySalaryCents ?? null;
  const exemptLevel = fedExempt === null && stateExempt === null ? null : Math.max(fedExempt ?? 0, stateExempt ?? 0);

  let wageMax: number;
  let binding: LimitBinding;
  // Gross pay of the period (for a state's share limit): straight time only, never the overtime.
  let periodPay: number;

  // With no exempt salary level on file, the exempt employee is held to the minimum-wage test.
  if (pay.exempt && pay.payType === 'salary' && pay.annualSalaryCents !== null && exemptLevel !== null) {
    // 29 CFR 541.602 (unconfirmed): the salary must stay at or above the exempt salary level each week.
    const annual = pay.annualSalaryCents;
    const level = exemptLevel;
    // (annual/52 − level) × weeks, in cents, rounded down.
    wageMax = floorDiv((annual - 52 * level) * weeks.num, 52 * weeks.den);
    periodPay = floorDiv(annual * weeks.num, 52 * weeks.den);
    lines.push(
      `An exempt salary of ${formatCents(annual)} a year is ${formatCents(floorDiv(annual, 52))} a week; it must stay at or above ${formatCents(level)} a week.`,
    );
    lines.push(
      `Largest deduction: (${formatCents(annual)} ÷ 52 − ${formatCents(level)}) × ${weeksOf(weeks)} = ${formatCents(wageMax)}.`,
    );
    binding = wageMax > 0 ? 'exempt_salary' : 'no_headroom';
  } else {
    const hoursCenti = actual ? actual.hoursCenti : pay.weeklyHoursCenti;
    // Straight-time hours: at most 40 a workweek (overtime is never touched: 29 CFR 531.37(b)).
    // With the overtime hours payroll reports, the straight-time hours are exact (hours − overtime);
    // without them, at most 40 a workweek of the period's total.
    const straightCenti = actual
      ? Math.min(Math.max(0, hoursCenti - (actual.overtimeCenti ?? 0)) * weeks.den, STRAIGHT_TIME_CENTI * weeks.num) // over den: × weeks.den below
      : Math.min(hoursCenti, STRAIGHT_TIME_CENTI) * weeks.num; // over den
    // The regular rate: the hourly rate, or a salary's weekly pay over the hours it pays for.
    // headroom = straight hours × (rate − minimum), as one fraction, rounded down once.
    if (pay.payType === 'hourly' && pay.hourlyRateCents !== null) {
      const rate = pay.hourlyRateCents;
      wageMax = floorDiv(straightCenti * (rate - minimum), 100 * weeks.den);
      periodPay = floorDiv(straightCenti * rate, 100 * weeks.den);
      lines.push(
        actual
          ? `Straight-time hours: ${hoursText(Math.round(straightCenti / weeks.den))} (at most 40 a workweek; overtime is never touched).`
          : `Straight-time hours: ${hoursText(Math.min(hoursCenti, STRAIGHT_TIME_CENTI))} a week (at most 40; overtime is never touched) × ${weeksOf(weeks)}.`,
      );
      lines.push(
        `Each straight-time hour pays ${formatCents(rate)}, ${formatCents(Math.max(0, rate - minimum))} above the minimum; ` +
          `largest deduction: ${formatCents(Math.max(0, rate - minimum))} × those hours = ${formatCents(wageMax)}.`,
      );
    } else {
      const annual = pay.annualSalaryCents ?? 0;
      const weeklyHours = Math.max(1, pay.weeklyHoursCenti);
      // rate = annual / 52 / (weeklyHours / 100) cents an hour.
      // headroom = straightCenti/den/100 × (annual × 100 / (52 × weeklyHours) − minimum)
      //          = (straightCenti × annual × 100 − straightCenti × minimum × 52 × weeklyHours) / (100 × den × 52 × weeklyHours)
      const denom = 100 * weeks.den * 52 * weeklyHours;
      wageMax = floorDiv(straightCenti * annual * 100 - straightCenti * minimum * 52 * weeklyHours, denom);
      periodPay = floorDiv(straightCenti * annual * 100, denom);
      const rate = Math.floor((annual * 100) / (52 * weeklyHours));
      lines.push(
        `A salary of ${formatCents(annual)} a year for ${hoursText(weeklyHours)} hours a week is ${formatCents(rate)} an hour; ` +
          `straight-time hours count at most 40 a workweek (overtime is never touched).`,
      );
      lines.push(
        `Largest deduction: the straight-time pay above the minimum over ${weeksOf(weeks)} = ${formatCents(wageMax)}.`,
      );
    }
    binding = wageMax > 0 ? 'minimum_wage' : 'no_headroom';
  }
  wageMax = Math.max(0, wageMax);

  let maxCents = wageMax;
  const limitBp = floor.state?.deductionLimitBp ?? null;
  if (limitBp !== null) {
    const stateMax = floorDiv(periodPay * limitBp, 10_000);
    lines.push(
      `${pay.workState} limits a deduction to ${(limitBp / 100).toFixed(2).replace(/\.00$/, '')}% of a period’s pay: ` +
        `${formatCents(periodPay)} × ${(limitBp / 100).toFixed(2).replace(/\.00$/, '')}% = ${formatCents(stateMax)}.`,
    );
    if (stateMax < maxCents) {
      maxCents = stateMax;
      binding = stateMax > 0 ? 'state_limit' : 'no_headroom';
    }
  }
  lines.push(
    maxCents > 0
      ? `The largest amount allowed each pay period is ${formatCents(maxCents)}.`
      : 'No deduction is allowed: the pay leaves nothing above the floor. Offer an automatic bank transfer or a payment plan instead.',
  );
  return {
    maxCents,
    binding,
    minimumWageCents: minimum,
    minimumFrom,
    exemptWeeklySalaryCents: exemptLevel,
    weeks,
    lines,
  };
}

/**
 * PD-01 over the life of an arrangement: the largest amount from `from` on, under every wage-floor
 * row already on file that comes into effect later (a state's new minimum from August 1 binds an
 * arrangement set up in July). The smallest limit stands, with the date it starts from said first.
 * Null without a federal row on `from`.
 */
export function largestDeductionFrom(
  pay: PayFacts,
  rows: readonly WageFloorRow[],
  from: BusinessDate,
): (DeductionLimit & { from: BusinessDate; later: boolean }) | null {
  const state = pay.workState.toUpperCase();
  const dates = [
    from,
    ...new Set(
      rows
        .filter((r) => r.effectiveFrom > from && (r.jurisdiction === 'US' || r.jurisdiction === state))
        .map((r) => r.effectiveFrom),
    ),
  ].sort();
  let best: (DeductionLimit & { from: BusinessDate; later: boolean }) | null = null;
  for (const d of dates) {
    const floor = floorOn(rows, state, d);
    if (!floor) continue;
    const limit = largestDeduction(pay, floor);
    if (best === null || limit.maxCents < best.maxCents) best = { ...limit, from: d, later: d !== from };
  }
  if (best && best.later)
    best = {
      ...best,
      lines: [
        `From ${formatLongDate(best.from)} (a wage-floor row already on file) the floor is higher, and the limit smaller:`,
        ...best.lines,
      ],
    };
  return best;
}

export interface DeductionCheck {
  ok: boolean;
  limit: DeductionLimit;
  /** Why the amount is refused (null when it is allowed). */
  message: string | null;
}

/** PD-01: whether `amountCents` may be taken each pay period. */
export function checkDeduction(
  amountCents: Cents,
  pay: PayFacts,
  floor: FloorInEffect | DeductionLimit,
): DeductionCheck {
  const limit = 'maxCents' in floor ? floor : largestDeduction(pay, floor);
  if (amountCents <= limit.maxCents) return { ok: true, limit, message: null };
  const from =
    'later' in limit && limit.later === true && 'from' in limit && typeof limit.from === 'string'
      ? ` from ${formatLongDate(limit.from)}`
      : '';
  return {
    ok: false,
    limit,
    message:
      limit.maxCents === 0
        ? `No payroll deduction is allowed for this employee's pay${from} (PD-01): it leaves nothing above the wage floor.`
        : limit.binding === 'state_limit'
          ? `${formatCents(amountCents)} a pay period is more than ${pay.workState} allows a deduction to take${from}: the largest amount allowed is ${formatCents(limit.maxCents)}.`
          : `${formatCents(amountCents)} a pay period could bring pay below the wage floor${from} (PD-01): the largest amount allowed is ${formatCents(limit.maxCents)}.`,
  };
}

/** The weeks a real pay period paid for, from its first and last days (inclusive). */
export function weeksBetween(from: BusinessDate, to: BusinessDate): Weeks {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return days % 7 === 0 ? { num: days / 7, den: 1 } : { num: days, den: 7 };
}

/**
 * The dates an arrangement deducts (or debits) on, from `first`, between `from` and `to`
 * inclusive: every 7 or 14 days; twice a month on the first date's day and 15 days later (the
 * 15th and the month's last day when the first date is either); monthly on the first date's day
 * (the month's last day when it has fewer days).
 */
export function scheduleDates(
  first: BusinessDate,
  frequency: PayFrequency,
  from: BusinessDate,
  to: BusinessDate,
  limit = 1000,
): BusinessDate[] {
  const out: BusinessDate[] = [];
  const push = (d: BusinessDate): boolean => {
    if (d > to) return false;
    if (d >= from && d >= first) out.push(d);
    return out.length < limit;
  };
  if (frequency === 'weekly' || frequency === 'biweekly') {
    const step = frequency === 'weekly' ? 7 : 14;
    let d = first;
    if (from > first) {
      const days = Math.floor((Date.parse(`${from}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
      d = addDays(first, Math.floor(days / step) * step);
    }
    for (; push(d); d = addDays(d, step));
    return out;
  }
  const [fy, fm, fd] = first.split('-').map(Number) as [number, number, number];
  const lastOfFirst = fd === daysInMonth(fy, fm);
  const dayIn = (y: number, m: number, day: number | 'last'): BusinessDate => {
    const last = daysInMonth(y, m);
    const d = day === 'last' ? last : Math.min(day, last);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  // Days of the month the arrangement falls on.
  let days: (number | 'last')[];
  if (frequency === 'monthly') days = [lastOfFirst ? 'last' : fd];
  else if (fd === 15 || lastOfFirst) days = [15, 'last'];
  else if (fd < 15) days = [fd, fd + 15];
  else days = [fd - 15, fd];
  const [sy, sm] = (from > first ? from : first).split('-').map(Number) as [number, number];
  let month = addMonths(`${sy}-${String(sm).padStart(2, '0')}-01`, 0);
  for (;;) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    for (const day of days) {
      const d = dayIn(y, m, day);
      if (!push(d)) return out;
    }
    month = addMonths(month, 1);
  }
}

/** A period's expected deduction: the arrangement's amount, never more than what is still owed. */
export function expectedDeduction(amountCents: Cents, owedCents: Cents): Cents {
  return Math.max(0, Math.min(amountCents, owedCents));
}

/** The federal row shipped with Recoup (29 U.S.C. 206(a)(1)(C); 29 CFR 541.600, the 2019 level). */
export const FEDERAL_WAGE_FLOOR: WageFloorRow = {
  jurisdiction: 'US',
  effectiveFrom: '2020-01-01',
  minimumWageCents: 725,
  exemptWeeklySalaryCents: 68_400,
  deductionLimitBp: null,
  source: 'FLSA 29 U.S.C. 206(a)(1)(C) ($7.25 since 2009-07-24); 29 CFR 541.600 ($684 a week since 2020-01-01)',
};

// Medicare bad debt (issue 15), one rule for each question:
// - an account's bad-debt clock: each criterion met or not (BD-01 scope, BD-03 exclusions, BD-04
//   first bill, BD-05 120 days of effort, BD-07 agency, BD-10 dual eligible, BD-11 indigent non-dual)
//   and the first date it can be written off, together the four criteria of BD-02 as far as a
//   record can show them (the third and fourth, "actually uncollectible" and "no likelihood of
//   recovery", are the supervisor's judgment at approval, made on this record);
// - the allowable amount (BD-01: deductible + coinsurance - amounts paid, never more than is owed);
// - the listing's lines checked as the cost-report reviewer checks them (Exhibit 2A validations,
//   rules §1.2), before anything is exported (BD-14).
// Pure: the caller gathers the facts from the store.
import { addDays, daysBetween, formatLongDate, type BusinessDate } from '../dates';
import type { Cents } from '../money';

/** The hospital's figures; those the brief marks unconfirmed are settings (domain rules, header). */
export interface BadDebtPolicy {
  /** BD-04: the first bill goes out at most this many days after the latest remittance. */
  firstBillDays: number;
  /** BD-05: collection effort lasts at least this many days from the first bill or latest payment. */
  collectionDays: number;
  /** BD-10: "AD" (alternative documentation) may stand in for a Medicaid RA date (unconfirmed when). */
  alternativeDocumentationAllowed: boolean;
  /** BD-11: the 120-day rules are skipped for dual and indigent rows (CRC; unconfirmed in the regulation). */
  indigentSkipsClock: boolean;
}

export const DEFAULT_BAD_DEBT_POLICY: BadDebtPolicy = {
  firstBillDays: 120,
  collectionDays: 120,
  alternativeDocumentationAllowed: true,
  indigentSkipsClock: true,
};

/** An account's facts as the store holds them, gathered by the caller. */
export interface BadDebtFacts {
  payerClass: 'self_pay' | 'medicare' | 'medicare_advantage' | 'medicaid' | 'commercial';
  /** BD-03: the provider-based physician's professional component is excluded. */
  professionalComponent: boolean;
  medicareRaDate: BusinessDate | null;
  secondaryRaDate: BusinessDate | null;
  /** BD-04 (c): notice that the secondary payer does not cover it (unconfirmed as a trigger). */
  secondaryDeniedOn: BusinessDate | null;
  /** A Medicaid number: the beneficiary is dual eligible (BD-10). */
  medicaidNumber: string | null;
  medicaidRaDate: BusinessDate | null;
  /** "AD" recorded in place of the Medicaid RA (BD-10). */
  medicaidAd: boolean;
  /** The latest indigence determination (BD-11), if any. */
  indigence: {
    determinedOn: BusinessDate;
    indigent: boolean;
    noOtherSource: boolean;
    selfDeclarationOnly: boolean;
  } | null;
  /** Every bill (statement) sent to the beneficiary listing the account, any order. */
  billDates: readonly BusinessDate[];
  /** The latest payment from the patient's side (patient, agency, estate, court, payroll), if any. */
  lastPaymentDate: BusinessDate | null;
  /** At an agency now; and the latest date it came back from one. */
  atAgency: boolean;
  agencyReturnedOn: BusinessDate | null;
  /** An estate closed with nothing more (issue 14): collection effort ceased that day. */
  estateClosedOn: BusinessDate | null;
  deductibleCents: Cents;
  coinsuranceCents: Cents;
  /** Paid toward the deductible and coinsurance by anyone but Medicare (Exhibit 2A col 22). */
  paidPriorCents: Cents;
  /** What the account owes now. */
  balanceCents: Cents;
}

export type CriterionState = 'met' | 'not_met' | 'waiting' | 'not_applicable';

export interface Criterion {
  rule: 'BD-01' | 'BD-03' | 'BD-04' | 'BD-05' | 'BD-07' | 'BD-10' | 'BD-11';
  label: string;
  state: CriterionState;
  /** In a sentence, why, with the dates weighed. */
  detail: string;
  /** The first date this criterion allows a write-off (waiting or met), where it has one. */
  from: BusinessDate | null;
}

export type BadDebtKind = 'ordinary' | 'dual' | 'indigent';

export interface BadDebtClock {
  /** A Medicare (fee-for-service) account at all; the others are not on the listing. */
  medicare: boolean;
  kind: BadDebtKind;
  criteria: Criterion[];
  /** BD-01. */
  allowableCents: Cents;
  /** The latest remittance date that starts the first-bill clock (BD-04). */
  latestRemittance: BusinessDate | null;
  /** The first bill counted (on or after the latest remittance). */
  firstBill: BusinessDate | null;
  /** The first date the account can be written off; null while something other than time stands in the way. */
  firstWriteOffDate: BusinessDate | null;
  /** Everything met on `on` (a write-off dated `on` would be listable). */
  listable: boolean;
  /** In a sentence, where the account stands. */
  summary: string;
}

/** BD-01: the unpaid deductible and coinsurance, never more than the account owes, never below nothing. */
export function allowableBadDebt(
  f: Pick<BadDebtFacts, 'deductibleCents' | 'coinsuranceCents' | 'paidPriorCents' | 'balanceCents'>,
): Cents {
  const unpaid = f.deductibleCents + f.coinsuranceCents - f.paidPriorCents;
  return Math.max(0, Math.min(unpaid, f.balanceCents));
}

function latest(dates: readonly (BusinessDate | null)[]): BusinessDate | null {
  let best: BusinessDate | null = null;
  for (const d of dates) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

/** The kind of account (BD-10 dual, BD-11 indigent non-dual, else ordinary). */
export function badDebtKind(f: Pick<BadDebtFacts, 'medicaidNumber' | 'indigence'>): BadDebtKind {
  if (f.medicaidNumber !== null && f.medicaidNumber.trim() !== '') return 'dual';
  if (f.indigence !== null && f.indigence.indigent) return 'indigent';
  return 'ordinary';
}

/**
 * The account's bad-debt clock on `on` (BD-02's criteria as a record shows them). A write-off dated
 * `on` is listable when every criterion is met or not applicable.
 */
export function badDebtClock(f: BadDebtFacts, policy: BadDebtPolicy, on: BusinessDate): BadDebtClock {
  const kind = badDebtKind(f);
  const allowableCents = allowableBadDebt(f);
  const criteria: Criterion[] = [];

  // BD-03: only Medicare fee-for-service facility balances.
  const medicare = f.payerClass === 'medicare';
  if (!medicare) {
    const detail =
      f.payerClass === 'medicare_advantage'
        ? 'Medicare Advantage (Part C) balances are not Medicare bad debt.'
        : 'Not a Medicare account: only Medicare deductible and coinsurance are listed.';
    criteria.push({ rule: 'BD-03', label: 'Not excluded', state: 'not_met', detail, from: null });
  } else if (f.professionalComponent) {
    criteria.push({
      rule: 'BD-03',
      label: 'Not excluded',
      state: 'not_met',
      detail: 'The provider-based physician’s professional component is excluded (PRM-I §324).',
      from: null,
    });
  } else {
    criteria.push({
      rule: 'BD-03',
      label: 'Not excluded',
      state: 'met',
      detail: 'Medicare fee-for-service, the facility’s own charges.',
      from: null,
    });
  }

  // BD-01: deductible and coinsurance left unpaid.
  criteria.push({
    rule: 'BD-01',
    label: 'Unpaid deductible or coinsurance',
    state: allowableCents > 0 ? 'met' : 'not_met',
    detail:
      f.deductibleCents + f.coinsuranceCents === 0
        ? 'No Medicare deductible or coinsurance is recorded (the remittance’s PR-1 and PR-2).'
        : allowableCents > 0
          ? 'Deductible and coinsurance less what was paid, no more than the account owes.'
          : 'The deductible and coinsurance are paid, or the account owes nothing.',
    from: null,
  });

  const latestRemittance = latest([f.medicareRaDate, f.secondaryRaDate, f.secondaryDeniedOn, f.medicaidRaDate]);
  const sortedBills = [...f.billDates].sort();
  const firstBill = latestRemittance === null ? null : (sortedBills.find((d) => d >= latestRemittance) ?? null);

  // BD-10 / BD-11: the indigent rows' own proof.
  if (kind === 'dual') {
    const hasRa = f.medicaidRaDate !== null;
    const hasAd = f.medicaidAd && policy.alternativeDocumentationAllowed;
    criteria.push({
      rule: 'BD-10',
      label: 'Medicaid billed (dual eligible)',
      state: hasRa || hasAd ? 'met' : 'not_met',
      detail: hasRa
        ? `Medicaid’s remittance is dated ${formatLongDate(f.medicaidRaDate!)}.`
        : hasAd
          ? 'Alternative documentation ("AD") is recorded in place of the Medicaid remittance.'
          : 'Bill the State Medicaid program and record its remittance (or "AD") before listing.',
      // The Medicaid remittance is the first day it can be listed; "AD" carries no date.
      from: hasRa ? f.medicaidRaDate : null,
    });
  } else {
    const d = f.indigence;
    criteria.push({
      rule: 'BD-11',
      label: 'Indigence determined (not dual)',
      state: kind === 'ordinary' ? 'not_applicable' : d!.noOtherSource && !d!.selfDeclarationOnly ? 'met' : 'not_met',
      detail:
        kind === 'ordinary'
          ? d !== null
            ? `The determination of ${formatLongDate(d.determinedOn)} did not find the beneficiary indigent.`
            : 'Not claimed as indigent: the collection-effort rules apply.'
          : d!.selfDeclarationOnly
            ? 'A signed self-declaration of inability to pay is not proof: weigh the beneficiary’s total resources.'
            : !d!.noOtherSource
              ? 'The determination must find that no other source is legally responsible.'
              : `Determined indigent on ${formatLongDate(d!.determinedOn)}, total resources weighed.`,
      // The determination is the first day an indigent account can be written off.
      from: kind === 'indigent' ? d!.determinedOn : null,
    });
  }

  // BD-04 / BD-05 apply to ordinary rows (and to every row unless the setting skips them for indigent ones).
  const clockApplies = kind === 'ordinary' || !policy.indigentSkipsClock;
  let effortFrom: BusinessDate | null = null;
  if (!clockApplies) {
    criteria.push({
      rule: 'BD-04',
      label: 'First bill within 120 days',
      state: 'not_applicable',
      detail: 'Not applied to dual-eligible or indigent accounts.',
      from: null,
    });
    criteria.push({
      rule: 'BD-05',
      label: '120 days of collection effort',
      state: 'not_applicable',
      detail: 'Not applied to dual-eligible or indigent accounts.',
      from: null,
    });
  } else {
    if (latestRemittance === null) {
      criteria.push({
        rule: 'BD-04',
        label: 'First bill within 120 days',
        state: 'waiting',
        detail: 'No Medicare remittance is recorded yet: the first bill follows it.',
        from: null,
      });
    } else {
      const due = addDays(latestRemittance, policy.firstBillDays);
      if (firstBill === null) {
        criteria.push({
          rule: 'BD-04',
          label: 'First bill within 120 days',
          state: on > due ? 'not_met' : 'waiting',
          detail:
            on > due
              ? `No bill went out by ${formatLongDate(due)}, ${policy.firstBillDays} days after the remittance of ${formatLongDate(latestRemittance)}.`
              : `Send the first bill by ${formatLongDate(due)} (${policy.firstBillDays} days after the remittance of ${formatLongDate(latestRemittance)}).`,
          from: null,
        });
      } else {
        const days = daysBetween(latestRemittance, firstBill);
        criteria.push({
          rule: 'BD-04',
          label: 'First bill within 120 days',
          state: days <= policy.firstBillDays ? 'met' : 'not_met',
          detail: `First bill ${formatLongDate(firstBill)}, ${days} days after the remittance of ${formatLongDate(latestRemittance)}.`,
          from: null,
        });
      }
    }

    if (f.estateClosedOn !== null) {
      effortFrom = f.estateClosedOn;
      criteria.push({
        rule: 'BD-05',
        label: '120 days of collection effort',
        state: on >= f.estateClosedOn ? 'met' : 'waiting',
        detail: `The patient died and the estate closed with nothing more on ${formatLongDate(f.estateClosedOn)}.`,
        from: f.estateClosedOn,
      });
    } else if (firstBill === null) {
      criteria.push({
        rule: 'BD-05',
        label: '120 days of collection effort',
        state: 'waiting',
        detail: 'The 120 days start with the first bill.',
        from: null,
      });
    } else {
      const paidLater = f.lastPaymentDate !== null && f.lastPaymentDate > firstBill;
      const start = paidLater ? f.lastPaymentDate! : firstBill;
      effortFrom = addDays(start, policy.collectionDays);
      criteria.push({
        rule: 'BD-05',
        label: '120 days of collection effort',
        state: on >= effortFrom ? 'met' : 'waiting',
        detail: paidLater
          ? `A payment on ${formatLongDate(start)} started a new ${policy.collectionDays} days: they end ${formatLongDate(effortFrom)}.`
          : `${policy.collectionDays} days from the first bill of ${formatLongDate(start)} end ${formatLongDate(effortFrom)}.`,
        from: effortFrom,
      });
    }
  }

  // BD-07: not at an agency; written off no earlier than it came back.
  criteria.push(
    f.atAgency
      ? {
          rule: 'BD-07',
          label: 'Not at a collection agency',
          state: 'not_met',
          detail: 'Still placed with an agency: recall it, and write it off when effort has stopped.',
          from: null,
        }
      : f.agencyReturnedOn !== null
        ? {
            rule: 'BD-07',
            label: 'Not at a collection agency',
            state: on >= f.agencyReturnedOn ? 'met' : 'waiting',
            detail: `Back from the agency on ${formatLongDate(f.agencyReturnedOn)}.`,
            from: f.agencyReturnedOn,
          }
        : {
            rule: 'BD-07',
            label: 'Not at a collection agency',
            state: 'met',
            detail: 'Never placed with an agency.',
            from: null,
          },
  );

  const blocked = criteria.some((c) => c.state === 'not_met');
  // Only time stands between a waiting criterion with a date and being met.
  const timeOnly = criteria.every((c) => c.state !== 'not_met' && (c.state !== 'waiting' || c.from !== null));
  const firstWriteOffDate = blocked || !timeOnly ? null : (latest(criteria.map((c) => c.from)) ?? on);
  const listable = !blocked && criteria.every((c) => c.state === 'met' || c.state === 'not_applicable');
  const firstNotMet = criteria.find((c) => c.state === 'not_met');
  const firstWaiting = criteria.find((c) => c.state === 'waiting');
  const summary = listable
    ? 'Every criterion is met: it can be written off as Medicare bad debt.'
    : firstNotMet
      ? `${firstNotMet.rule}: ${firstNotMet.detail}`
      : firstWriteOffDate !== null
        ? `It can be written off from ${formatLongDate(firstWriteOffDate)}.`
        : `${firstWaiting!.rule}: ${firstWaiting!.detail}`;
  return {
    medicare,
    kind,
    criteria,
    allowableCents,
    latestRemittance,
    firstBill,
    firstWriteOffDate,
    listable,
    summary,
  };
}

// --- the listing (Exhibit 2A, rules §1.2)

/** One line of the listing: the 24 columns, and what the checks need that is not printed. */
export interface ListingLine {
  /** 1-based, as printed. */
  line: number;
  /** A write-off in the period, or a recovery in the period of one written off in an earlier period (BD-12). */
  kind: 'writeoff' | 'recovery';
  accountId: number;
  lastName: string; // col 1
  firstName: string; // col 2
  serviceFrom: BusinessDate; // col 3
  serviceTo: BusinessDate; // col 4
  accountNumber: string; // col 5
  mbi: string; // col 6
  medicaidNumber: string; // col 7 ('' if not dual)
  indigentNonDual: boolean; // col 8
  medicareRaDate: BusinessDate | null; // col 9
  /** col 10: a date, or "AD". */
  medicaidRaDate: BusinessDate | 'AD' | null;
  secondaryRaDate: BusinessDate | null; // col 11
  /** col 12: the beneficiary's responsibility (deductible + coinsurance), or "QMB". */
  beneficiaryResponsibilityCents: Cents;
  qmb: boolean;
  firstBillDate: BusinessDate | null; // col 13
  arWriteOffDate: BusinessDate | null; // col 14
  sentToAgency: boolean; // col 15a
  agencyReturnDate: BusinessDate | null; // col 15
  ceasedOn: BusinessDate | null; // col 16
  medicareWriteOffDate: BusinessDate | null; // col 17
  recoveriesCents: Cents; // col 18
  /** col 19: the fiscal year end of the period the recovered write-off was claimed in. */
  recoveryFye: BusinessDate | null;
  deductibleCents: Cents; // col 20
  coinsuranceCents: Cents; // col 21
  paidPriorCents: Cents; // col 22
  allowableCents: Cents; // col 23
  comments: string; // col 24
  /** Not printed: for the BD-05 check. */
  lastPaymentDate: BusinessDate | null;
  /**
   * Not printed: the latest remittance the clock weighed for BD-04 (Medicare, secondary, a
   * secondary's denial, Medicaid); absent, the latest of columns 9 and 11.
   */
  latestRemittance?: BusinessDate | null;
  /** Not printed: the estate closed with nothing more on this day (collection effort ceased, BD-05). */
  estateClosedOn?: BusinessDate | null;
}

export interface ListingHeader {
  providerName: string;
  ccn: string;
  subproviderCcn: string;
  periodFrom: BusinessDate;
  periodTo: BusinessDate;
  setting: 'inpatient' | 'outpatient';
  preparer: string;
  preparedOn: BusinessDate;
  totalAllowableCents: Cents;
  totalDualCents: Cents;
}

export interface ListingProblem {
  /** The line it is on (0: the header). */
  line: number;
  /** The Exhibit 2A column, as printed ("17", "15a"), or '' for the whole line or header. */
  column: string;
  message: string;
}

/** The header's totals: column 23 summed, all lines and the dual-eligible lines. */
export function listingTotals(lines: readonly ListingLine[]): { totalAllowableCents: Cents; totalDualCents: Cents } {
  let total = 0;
  let dual = 0;
  for (const l of lines) {
    total += l.allowableCents;
    if (l.medicaidNumber !== '') dual += l.allowableCents;
  }
  return { totalAllowableCents: total, totalDualCents: dual };
}

/**
 * The reviewer's checks (rules §1.2), every problem with its line and column. `listedBefore`
 * holds "account|from|to" of lines written off in earlier listings (an earlier period or year):
 * such a line may come back only as a recovery.
 */
export function listingProblems(
  header: ListingHeader,
  lines: readonly ListingLine[],
  policy: BadDebtPolicy,
  listedBefore: ReadonlySet<string>,
): ListingProblem[] {
  const problems: ListingProblem[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    const p = (column: string, message: string) => problems.push({ line: l.line, column, message });
    if (l.serviceTo < l.serviceFrom) p('4', 'The last date of service is before the first.');
    const key = listingKey(l);
    if (l.kind === 'writeoff') {
      if (seen.has(key)) p('5', `Account ${l.accountNumber} with these dates of service is listed twice.`);
      seen.add(key);
      if (listedBefore.has(key))
        p('5', `Account ${l.accountNumber} with these dates of service was listed in an earlier period.`);
      const w = l.medicareWriteOffDate;
      if (w === null) p('17', 'The Medicare write-off date is missing.');
      else {
        if (w < header.periodFrom || w > header.periodTo)
          p('17', 'The Medicare write-off date is outside the cost-reporting period.');
        if (l.arWriteOffDate !== null && w < l.arWriteOffDate)
          p('17', 'The Medicare write-off date is before the A/R write-off date (column 14).');
        if (l.agencyReturnDate !== null && w < l.agencyReturnDate)
          p('17', 'The Medicare write-off date is before the account came back from the agency (column 15).');
        if (l.ceasedOn !== null && w < l.ceasedOn)
          p('17', 'The Medicare write-off date is before collection effort ceased (column 16).');
      }
      if (l.sentToAgency && l.agencyReturnDate === null)
        p('15', 'Sent to an agency but no return date: it may still be there (BD-07).');
      if (l.ceasedOn !== null && l.agencyReturnDate !== null && l.ceasedOn < l.agencyReturnDate)
        p('16', 'Collection effort ceased before the account came back from the agency (BD-07).');
      const dual = l.medicaidNumber !== '';
      if (dual && l.medicaidRaDate === null)
        p('10', 'A dual-eligible line needs the Medicaid remittance date or "AD" (BD-10).');
      if (!dual && !l.indigentNonDual) {
        // The same remittance the clock weighed (BD-04), so an approved write-off never fails here.
        const ras = [l.medicareRaDate, l.secondaryRaDate].filter((d): d is string => d !== null);
        const ra =
          l.latestRemittance !== undefined ? l.latestRemittance : ras.length ? ras.sort()[ras.length - 1]! : null;
        if (l.firstBillDate === null) p('13', 'The date of the first bill is missing (BD-04).');
        else if (ra !== null && daysBetween(ra, l.firstBillDate) > policy.firstBillDays)
          p('13', `The first bill went out more than ${policy.firstBillDays} days after the remittance (BD-04).`);
        else if (ra !== null && l.firstBillDate < ra)
          p('13', 'The first bill counted is before the remittance (BD-04).');
        const estateClosed = l.estateClosedOn ?? null;
        if (estateClosed !== null && w !== null) {
          // The patient died and the estate closed with nothing more: effort ceased then (BD-05 as the clock judges it).
          if (w < estateClosed) p('17', 'Written off before the estate closed (BD-05).');
        } else if (l.firstBillDate !== null && w !== null) {
          const start =
            l.lastPaymentDate !== null && l.lastPaymentDate > l.firstBillDate ? l.lastPaymentDate : l.firstBillDate;
          if (daysBetween(start, w) < policy.collectionDays)
            p(
              '17',
              `Written off less than ${policy.collectionDays} days after the first bill or the latest payment (BD-05).`,
            );
        }
      }
      const cap = l.deductibleCents + l.coinsuranceCents - l.recoveriesCents - l.paidPriorCents;
      if (l.allowableCents > cap) p('23', 'The allowable amount is more than columns 20 + 21 − 18 − 22 (BD-01).');
      if (l.allowableCents <= 0 && l.recoveriesCents === 0) p('23', 'The allowable amount is nothing.');
    } else {
      if (l.recoveriesCents <= 0) p('18', 'A recovery line needs the amount recovered.');
      if (l.recoveryFye === null) p('19', 'A recovery line needs the fiscal year end of the period it was claimed in.');
      if (l.allowableCents !== -l.recoveriesCents)
        p('23', 'A prior-period recovery line carries minus the recovery (BD-12).');
    }
  }
  const totals = listingTotals(lines);
  if (totals.totalAllowableCents !== header.totalAllowableCents)
    problems.push({ line: 0, column: '23', message: 'The header’s total is not the sum of column 23.' });
  if (totals.totalDualCents !== header.totalDualCents)
    problems.push({
      line: 0,
      column: '23',
      message: 'The header’s dual-eligible total is not the sum of the dual lines.',
    });
  return problems;
}

/** An account and its dates of service: a line may appear once (rules §1.2). */
export function listingKey(l: Pick<ListingLine, 'accountNumber' | 'serviceFrom' | 'serviceTo'>): string {
  return `${l.accountNumber.toUpperCase()}|${l.serviceFrom}|${l.serviceTo}`;
}

/** Exhibit 2A's columns in order, as headed on every export. */
export const EXHIBIT_2A_COLUMNS = [
  ['1', 'Beneficiary last name'],
  ['2', 'Beneficiary first name'],
  ['3', 'Service from'],
  ['4', 'Service to'],
  ['5', 'Patient account number'],
  ['6', 'MBI or HICN'],
  ['7', 'Medicaid number'],
  ['8', 'Indigent non-dual (Y/N)'],
  ['9', 'Medicare RA date'],
  ['10', 'Medicaid RA date (or AD)'],
  ['11', 'Secondary payer RA date'],
  ['12', 'Beneficiary responsibility (or QMB)'],
  ['13', 'Date first bill sent'],
  ['14', 'A/R write-off date'],
  ['15a', 'Sent to collection agency (Y/N)'],
  ['15', 'Date returned from agency'],
  ['16', 'Date collection efforts ceased'],
  ['17', 'Medicare write-off date'],
  ['18', 'Recoveries'],
  ['19', 'FYE of the period the recovery relates to'],
  ['20', 'Deductible'],
  ['21', 'Coinsurance'],
  ['22', 'Amounts paid prior'],
  ['23', 'Allowable Medicare bad debt'],
  ['24', 'Comments'],
] as const;

/**
 * The cost-reporting period a date falls in, from the fiscal year end ('MM-DD'): the FYE is the
 * period's last day (BD-09, col 19).
 */
export function costReportPeriod(date: BusinessDate, fiscalYearEnd: string): { from: BusinessDate; to: BusinessDate } {
  const year = Number(date.slice(0, 4));
  const thisYearEnd = clampMonthDay(year, fiscalYearEnd);
  const to = date <= thisYearEnd ? thisYearEnd : clampMonthDay(year + 1, fiscalYearEnd);
  const previousEnd = clampMonthDay(Number(to.slice(0, 4)) - 1, fiscalYearEnd);
  return { from: addDays(previousEnd, 1), to };
}

function clampMonthDay(year: number, monthDay: string): BusinessDate {
  // 02-29 in a year without it is the 28th.
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The one bad-debt rule (src/shared/rules/badDebt.ts) case by case, dates counted by hand in the
// comments: the clock (BD-01, BD-03, BD-04, BD-05, BD-07, BD-10, BD-11), the listing's checks
// (rules §1.2) and the cost-report period.
import { describe, expect, it } from 'vitest';
import {
  badDebtClock,
  costReportPeriod,
  DEFAULT_BAD_DEBT_POLICY,
  listingKey,
  listingProblems,
  listingTotals,
  type BadDebtFacts,
  type ListingHeader,
  type ListingLine,
} from '../../../src/shared/rules/badDebt';

const P = DEFAULT_BAD_DEBT_POLICY;

/** An ordinary Medicare account: RA 2026-01-10, first bill 2026-02-01 (22 days later). */
const base: BadDebtFacts = {
  payerClass: 'medicare',
  professionalComponent: false,
  medicareRaDate: '2026-01-10',
  secondaryRaDate: null,
  secondaryDeniedOn: null,
  medicaidNumber: null,
  medicaidRaDate: null,
  medicaidAd: false,
  indigence: null,
  billDates: ['2026-03-01', '2026-02-01'],
  lastPaymentDate: null,
  atAgency: false,
  agencyReturnedOn: null,
  estateClosedOn: null,
  deductibleCents: 30_000,
  coinsuranceCents: 10_000,
  paidPriorCents: 5_000,
  balanceCents: 50_000,
};
const state = (f: BadDebtFacts, rule: string, on = '2026-12-31') =>
  badDebtClock(f, P, on).criteria.find((c) => c.rule === rule)?.state;

describe('badDebtClock: BD-04 first bill within 120 days of the latest remittance', () => {
  it('a first bill 22 days after the RA is met; 120 days of effort from it end 2026-06-01', () => {
    // 2026-02-01 + 120: Feb 1 -> Feb 28 is 27, -> Mar 31 is 58, -> Apr 30 is 88, -> May 31 is 119, -> Jun 1 is 120.
    const c = badDebtClock(base, P, '2026-05-31');
    expect(state(base, 'BD-04')).toBe('met');
    expect(c.firstBill).toBe('2026-02-01');
    expect(c.firstWriteOffDate).toBe('2026-06-01');
    expect(c.listable).toBe(false);
    expect(badDebtClock(base, P, '2026-06-01').listable).toBe(true);
  });
  it('a first bill exactly 120 days after the RA is met; 121 days is not met and nothing can be written off', () => {
    // 2026-01-10 + 120: Jan 10 -> Jan 31 is 21, -> Feb 28 is 49, -> Mar 31 is 80, -> Apr 30 is 110, -> May 10 is 120.
    const on120 = { ...base, billDates: ['2026-05-10'] };
    const on121 = { ...base, billDates: ['2026-05-11'] };
    expect(state(on120, 'BD-04')).toBe('met');
    expect(state(on121, 'BD-04')).toBe('not_met');
    expect(badDebtClock(on121, P, '2026-12-31').firstWriteOffDate).toBeNull();
    expect(badDebtClock(on121, P, '2026-12-31').listable).toBe(false);
  });
  it('no bill yet: waiting until RA + 120 (2026-05-10), not met the day after', () => {
    const none = { ...base, billDates: [] };
    expect(state(none, 'BD-04', '2026-05-10')).toBe('waiting');
    expect(state(none, 'BD-04', '2026-05-11')).toBe('not_met');
    expect(badDebtClock(none, P, '2026-05-10').firstWriteOffDate).toBeNull();
  });
  it('the latest remittance counts: a secondary RA of 2026-03-15 makes the bill of 2026-03-01 too early', () => {
    // Bills before the latest RA do not count; 2026-03-20 is 5 days after it.
    const f = { ...base, secondaryRaDate: '2026-03-15', billDates: ['2026-03-01', '2026-03-20'] };
    const c = badDebtClock(f, P, '2026-12-31');
    expect(c.latestRemittance).toBe('2026-03-15');
    expect(c.firstBill).toBe('2026-03-20');
    // 2026-03-20 + 120: -> Mar 31 is 11, -> Apr 30 is 41, -> May 31 is 72, -> Jun 30 is 102, -> Jul 18 is 120.
    expect(c.firstWriteOffDate).toBe('2026-07-18');
  });
  it('no remittance yet: BD-04 waits and there is no write-off date', () => {
    const f = { ...base, medicareRaDate: null };
    expect(state(f, 'BD-04')).toBe('waiting');
    expect(badDebtClock(f, P, '2026-12-31').firstWriteOffDate).toBeNull();
  });
});

describe('badDebtClock: BD-05 a payment inside the 120 days restarts them', () => {
  it('a payment on 2026-04-15 moves the first write-off date from 2026-06-01 to 2026-08-13', () => {
    // 2026-04-15 + 120: -> Apr 30 is 15, -> May 31 is 46, -> Jun 30 is 76, -> Jul 31 is 107, -> Aug 13 is 120.
    const f = { ...base, lastPaymentDate: '2026-04-15' };
    expect(badDebtClock(f, P, '2026-08-12').listable).toBe(false);
    expect(badDebtClock(f, P, '2026-08-12').firstWriteOffDate).toBe('2026-08-13');
    expect(badDebtClock(f, P, '2026-08-13').listable).toBe(true);
  });
  it('a payment before the first bill does not move it', () => {
    const f = { ...base, lastPaymentDate: '2026-01-20' };
    expect(badDebtClock(f, P, '2026-06-01').firstWriteOffDate).toBe('2026-06-01');
  });
});

describe('badDebtClock: BD-07 agency', () => {
  it('still placed: not met, no date', () => {
    const f = { ...base, atAgency: true };
    expect(state(f, 'BD-07')).toBe('not_met');
    expect(badDebtClock(f, P, '2026-12-31').firstWriteOffDate).toBeNull();
  });
  it('returned 2026-07-01: the write-off waits for it (later than effort ending 2026-06-01)', () => {
    const f = { ...base, agencyReturnedOn: '2026-07-01' };
    expect(badDebtClock(f, P, '2026-06-15').firstWriteOffDate).toBe('2026-07-01');
    expect(badDebtClock(f, P, '2026-06-15').listable).toBe(false);
    expect(badDebtClock(f, P, '2026-07-01').listable).toBe(true);
  });
});

describe('badDebtClock: BD-10 dual eligible', () => {
  const dual = { ...base, medicaidNumber: 'MC1234', billDates: [] };
  it('with the Medicaid RA: met, and the 120-day rules do not apply (listable at once)', () => {
    const f = { ...dual, medicaidRaDate: '2026-03-01' };
    const c = badDebtClock(f, P, '2026-03-02');
    expect(c.kind).toBe('dual');
    expect(state(f, 'BD-10')).toBe('met');
    expect(state(f, 'BD-04')).toBe('not_applicable');
    expect(state(f, 'BD-05')).toBe('not_applicable');
    expect(c.listable).toBe(true);
    // The first day it can be written off is the Medicaid remittance's, whatever day one looks.
    expect(c.firstWriteOffDate).toBe('2026-03-01');
    expect(badDebtClock(f, P, '2026-09-30').firstWriteOffDate).toBe('2026-03-01');
  });
  it('with "AD" instead: met while the setting allows it, not met when it does not', () => {
    const f = { ...dual, medicaidAd: true };
    expect(state(f, 'BD-10')).toBe('met');
    expect(
      badDebtClock(f, { ...P, alternativeDocumentationAllowed: false }, '2026-12-31').criteria.find(
        (c) => c.rule === 'BD-10',
      )?.state,
    ).toBe('not_met');
  });
  it('without either: not met, nothing can be written off', () => {
    expect(state(dual, 'BD-10')).toBe('not_met');
    expect(badDebtClock(dual, P, '2026-12-31').firstWriteOffDate).toBeNull();
  });
});

describe('badDebtClock: BD-11 indigent non-dual', () => {
  const d = { determinedOn: '2026-02-10', indigent: true, noOtherSource: true, selfDeclarationOnly: false };
  it('with a determination weighing resources: met, clock not applied', () => {
    const f = { ...base, billDates: [], indigence: d };
    const c = badDebtClock(f, P, '2026-02-11');
    expect(c.kind).toBe('indigent');
    expect(state(f, 'BD-11')).toBe('met');
    expect(c.listable).toBe(true);
    // From the determination on, whatever day one looks.
    expect(badDebtClock(f, P, '2026-08-01').firstWriteOffDate).toBe('2026-02-10');
  });
  it('with a self-declaration only: not met (BD-11: not proof)', () => {
    const f = { ...base, indigence: { ...d, selfDeclarationOnly: true } };
    expect(state(f, 'BD-11')).toBe('not_met');
    expect(badDebtClock(f, P, '2026-12-31').listable).toBe(false);
  });
  it('a determination that another source is responsible: not met', () => {
    expect(state({ ...base, indigence: { ...d, noOtherSource: false } }, 'BD-11')).toBe('not_met');
  });
});

describe('badDebtClock: BD-03 exclusions, BD-01 amount, estates', () => {
  it('Medicare Advantage is excluded', () => {
    const c = badDebtClock({ ...base, payerClass: 'medicare_advantage' }, P, '2026-12-31');
    expect(c.medicare).toBe(false);
    expect(c.criteria.find((x) => x.rule === 'BD-03')?.state).toBe('not_met');
    expect(c.listable).toBe(false);
  });
  it('the professional component is excluded', () => {
    expect(state({ ...base, professionalComponent: true }, 'BD-03')).toBe('not_met');
  });
  it('allowable = deductible + coinsurance - paid, never more than the balance', () => {
    // 300.00 + 100.00 - 50.00 = 350.00; the balance 500.00 does not cap it; 200.00 does.
    expect(badDebtClock(base, P, '2026-12-31').allowableCents).toBe(35_000);
    expect(badDebtClock({ ...base, balanceCents: 20_000 }, P, '2026-12-31').allowableCents).toBe(20_000);
    expect(state({ ...base, paidPriorCents: 40_000 }, 'BD-01')).toBe('not_met');
  });
  it('an estate closed with nothing on 2026-03-15 ends the effort that day', () => {
    const f = { ...base, estateClosedOn: '2026-03-15' };
    expect(badDebtClock(f, P, '2026-03-14').firstWriteOffDate).toBe('2026-03-15');
    expect(badDebtClock(f, P, '2026-03-15').listable).toBe(true);
  });
});

describe('costReportPeriod', () => {
  it('FYE 06-30', () => {
    expect(costReportPeriod('2026-03-15', '06-30')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(costReportPeriod('2026-06-30', '06-30')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(costReportPeriod('2026-07-01', '06-30')).toEqual({ from: '2026-07-01', to: '2027-06-30' });
  });
  it('FYE 12-31', () => {
    expect(costReportPeriod('2026-01-01', '12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(costReportPeriod('2026-12-31', '12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('FYE 02-29 in a non-leap year is the 28th', () => {
    // 2027 is not a leap year: its period ends 2027-02-28; 2026's ended 2026-02-28, so it began 2026-03-01.
    expect(costReportPeriod('2027-02-28', '02-29')).toEqual({ from: '2026-03-01', to: '2027-02-28' });
    // 2028 is: the period from 2027-03-01 ends 2028-02-29.
    expect(costReportPeriod('2027-03-01', '02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(costReportPeriod('2028-02-29', '02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

// --- the listing's checks (rules §1.2)

function line(over: Partial<ListingLine> = {}): ListingLine {
  return {
    line: 1,
    kind: 'writeoff',
    accountId: 1,
    lastName: 'Marsh',
    firstName: 'Eleanor',
    serviceFrom: '2026-01-12',
    serviceTo: '2026-01-12',
    accountNumber: 'M2',
    mbi: '1EG4TE5MK73',
    medicaidNumber: '',
    indigentNonDual: false,
    medicareRaDate: '2026-01-20',
    medicaidRaDate: null,
    secondaryRaDate: null,
    beneficiaryResponsibilityCents: 34_000,
    qmb: false,
    firstBillDate: '2026-02-02',
    arWriteOffDate: '2026-07-01',
    sentToAgency: false,
    agencyReturnDate: null,
    ceasedOn: '2026-06-30',
    medicareWriteOffDate: '2026-07-01',
    recoveriesCents: 0,
    recoveryFye: null,
    deductibleCents: 24_000,
    coinsuranceCents: 10_000,
    paidPriorCents: 0,
    allowableCents: 34_000,
    comments: '',
    lastPaymentDate: null,
    ...over,
  };
}
function header(lines: ListingLine[], over: Partial<ListingHeader> = {}): ListingHeader {
  return {
    providerName: 'Saint Brigid',
    ccn: '123456',
    subproviderCcn: '',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    setting: 'outpatient',
    preparer: 'Pat',
    preparedOn: '2027-01-15',
    ...listingTotals(lines),
    ...over,
  };
}
const problems = (lines: ListingLine[], listedBefore = new Set<string>(), h = header(lines)) =>
  listingProblems(h, lines, P, listedBefore).map((p) => `${p.line}:${p.column}`);

describe('listingProblems', () => {
  it('a good line has none', () => {
    expect(problems([line()])).toEqual([]);
  });
  it('service to before from (col 4)', () => {
    expect(problems([line({ serviceTo: '2026-01-11' })])).toEqual(['1:4']);
  });
  it('the same account and dates twice, or listed in an earlier period (col 5)', () => {
    expect(problems([line(), line({ line: 2 })].map((l) => l))).toEqual(['2:5']);
    expect(problems([line()], new Set([listingKey(line())]))).toEqual(['1:5']);
  });
  it('col 17 outside the period, before col 14, before col 15, before col 16, missing', () => {
    expect(problems([line({ medicareWriteOffDate: '2027-01-02', arWriteOffDate: '2027-01-02' })])).toEqual(['1:17']);
    expect(problems([line({ arWriteOffDate: '2026-07-02' })])).toEqual(['1:17']);
    expect(problems([line({ sentToAgency: true, agencyReturnDate: '2026-07-05', ceasedOn: '2026-07-05' })])).toContain(
      '1:17',
    );
    expect(problems([line({ ceasedOn: '2026-07-02' })])).toEqual(['1:17']);
    expect(problems([line({ medicareWriteOffDate: null })])).toEqual(['1:17']);
  });
  it('sent to an agency without a return date (col 15); ceased before it came back (col 16)', () => {
    expect(problems([line({ sentToAgency: true })])).toEqual(['1:15']);
    expect(problems([line({ sentToAgency: true, agencyReturnDate: '2026-06-30', ceasedOn: '2026-06-29' })])).toEqual([
      '1:16',
    ]);
  });
  it('a dual line needs col 10; "AD" will do', () => {
    expect(problems([line({ medicaidNumber: 'MC1' })])).toEqual(['1:10']);
    expect(problems([line({ medicaidNumber: 'MC1', medicaidRaDate: 'AD' })])).toEqual([]);
  });
  it('BD-04 on ordinary lines: no first bill, or one more than 120 days after the RA (col 13)', () => {
    expect(problems([line({ firstBillDate: null })])).toEqual(['1:13']);
    // 2026-01-20 + 121 = 2026-05-21 (written off 2026-10-01, more than 120 days after that bill).
    const late = { arWriteOffDate: '2026-10-01', medicareWriteOffDate: '2026-10-01' };
    expect(problems([line({ ...late, firstBillDate: '2026-05-21' })])).toEqual(['1:13']);
    expect(problems([line({ ...late, firstBillDate: '2026-05-20' })])).toEqual([]);
    // Not checked on an indigent line.
    expect(problems([line({ firstBillDate: null, indigentNonDual: true })])).toEqual([]);
  });
  it('the checks weigh the remittance and the estate as the clock does (a write-off the clock allowed passes)', () => {
    // A secondary payer's denial on 2026-05-15 is the latest remittance (BD-04 (c)): a first bill on
    // 2026-06-01 is 17 days after it, though 132 days after the Medicare RA of column 9.
    const late = { arWriteOffDate: '2026-10-01', medicareWriteOffDate: '2026-10-01', ceasedOn: '2026-10-01' };
    expect(problems([line({ ...late, firstBillDate: '2026-06-01' })])).toEqual(['1:13']);
    expect(problems([line({ ...late, firstBillDate: '2026-06-01', latestRemittance: '2026-05-15' })])).toEqual([]);
    // The estate closed with nothing more on 2026-03-01: effort ceased then, though the first bill
    // of 2026-02-02 is only 36 days before a write-off of 2026-03-10 (BD-05 as the clock judges it).
    const estate = { arWriteOffDate: '2026-03-10', medicareWriteOffDate: '2026-03-10', ceasedOn: '2026-03-01' };
    expect(problems([line(estate)])).toEqual(['1:17']);
    expect(problems([line({ ...estate, estateClosedOn: '2026-03-01' })])).toEqual([]);
    expect(problems([line({ ...estate, estateClosedOn: '2026-03-11' })])).toEqual(['1:17']);
  });
  it('BD-05: written off 119 days after the latest payment (col 17)', () => {
    // Payment 2026-03-04 + 119 = 2026-07-01.
    expect(problems([line({ lastPaymentDate: '2026-03-04' })])).toEqual(['1:17']);
    expect(problems([line({ lastPaymentDate: '2026-03-03' })])).toEqual([]);
  });
  it('col 23 more than 20 + 21 - 18 - 22, or nothing', () => {
    expect(problems([line({ allowableCents: 34_001 })])).toEqual(['1:23']);
    expect(problems([line({ paidPriorCents: 1 })])).toEqual(['1:23']);
    expect(problems([line({ allowableCents: 0 })])).toEqual(['1:23']);
  });
  it('a recovery line needs col 18, col 19 and col 23 = minus col 18', () => {
    const r = line({ kind: 'recovery', recoveriesCents: 5_000, recoveryFye: '2025-12-31', allowableCents: -5_000 });
    expect(problems([r])).toEqual([]);
    expect(problems([{ ...r, recoveryFye: null }])).toEqual(['1:19']);
    expect(problems([{ ...r, allowableCents: -4_000 }])).toEqual(['1:23']);
    expect(problems([{ ...r, recoveriesCents: 0, allowableCents: 0 }])).toEqual(['1:18']);
  });
  it("the header's totals must be the column sums", () => {
    const ls = [line(), line({ line: 2, accountNumber: 'M3', medicaidNumber: 'MC9', medicaidRaDate: '2026-02-01' })];
    expect(problems(ls)).toEqual([]);
    expect(problems(ls, new Set(), header(ls, { totalAllowableCents: 1 }))).toEqual(['0:23']);
    expect(problems(ls, new Set(), header(ls, { totalDualCents: 0 }))).toEqual(['0:23']);
  });
});

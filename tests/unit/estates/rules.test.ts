// THE deadline rule (PR-01/PR-02), state by state, with every date computed by hand (the arithmetic
// in the comments); the row in force by state and date with the UPC default '*'; the priority
// classes (PR-04) including Iowa's and Minnesota's; the suit deadline (PR-03); the reminders at
// 30, 14 and 7 days, after filing and after a disallowance; the release ECA-04 asks for; the
// closing's write-off and bad-debt split. The table's figures are the ones migration 022 seeds
// (checked against the store in estates.test.ts).
import { describe, expect, it } from 'vitest';
import {
  claimDeadline,
  closingSplit,
  DEFAULT_ESTATE_POLICY,
  estateReminder,
  priorityClass,
  probateRuleFor,
  releaseNeeded,
  suggestLastIllness,
  suitDeadline,
  type EstateReminderFacts,
  type ProbateRule,
} from '../../../src/shared/rules/estates';

let nextId = 1;
/** A row: state, notice months, mailed days, outer months, last-illness class, general class, final-year class, suit days, from. */
function row(
  state: string,
  noticeMonths: number,
  mailedDays: number,
  outerMonths: number,
  lastIllnessClass = 4,
  generalClass = 6,
  finalYearClass: number | null = null,
  suitDays = 60,
  effectiveFrom = '1900-01-01',
): ProbateRule {
  return {
    id: nextId++,
    state,
    noticeMonths,
    mailedDays,
    outerMonths,
    publicationWeeks: 3,
    lastIllnessClass,
    generalClass,
    finalYearClass,
    suitDays,
    effectiveFrom,
    source: `${state} statute`,
    note: '',
  };
}

// As seeded by migration 022.
const UPC = row('*', 4, 60, 12);
const AZ = row('AZ', 4, 60, 24);
const ME = row('ME', 4, 60, 9);
const MT = row('MT', 4, 30, 12);
const UT = row('UT', 3, 60, 12);
const VT = row('VT', 4, 60, 36);
const IL = row('IL', 6, 90, 24);
const FL = row('FL', 3, 30, 24, 4, 6, null, 30);
const IA = row('IA', 4, 60, 12, 5, 8);
const MN = row('MN', 4, 60, 12, 4, 7, 5);
const TABLE = [UPC, AZ, ME, MT, UT, VT, IL, FL, IA, MN];

const deadline = (
  rule: ProbateRule,
  dateOfDeath: string,
  firstPublishedOn: string | null,
  mailedNoticeOn: string | null,
) => claimDeadline({ dateOfDeath, firstPublishedOn, mailedNoticeOn }, rule);

describe('the claim deadline (PR-01, PR-02)', () => {
  it.each([
    // [what, rule, death, first publication, mailed notice, deadline, basis]
    // No estate known: the outer limit from death stands. 2026-01-10 + 12 months = 2027-01-10.
    ['UPC, nothing known', UPC, '2026-01-10', null, null, '2027-01-10', 'outer_limit'],
    // 2026-03-02 + 4 months = 2026-07-02, before the outer limit 2027-01-10.
    ['UPC, publication', UPC, '2026-01-10', '2026-03-02', null, '2026-07-02', 'publication'],
    // Mailed 2026-06-15 + 60 days: June has 15 days left (to Jun 30), July 31 (46), then 14 more:
    // 2026-08-14, later than the publication's 2026-07-02.
    ['UPC, a later mailed notice', UPC, '2026-01-10', '2026-03-02', '2026-06-15', '2026-08-14', 'mailed_notice'],
    // Mailed 2026-03-01 + 60 days: Mar 31 (30), Apr 30 (60) = 2026-04-30, earlier than 2026-07-02:
    // the later of the two is the publication's.
    ['UPC, an earlier mailed notice', UPC, '2026-01-10', '2026-03-02', '2026-03-01', '2026-07-02', 'publication'],
    // A mailed notice with no publication recorded is counted alone: 2026-05-01 + 60 days = May 31
    // (30) + 30 = 2026-06-30.
    ['UPC, only a mailed notice', UPC, '2026-01-10', null, '2026-05-01', '2026-06-30', 'mailed_notice'],
    // Published 2026-11-20 + 4 months = 2027-03-20, after the outer limit 2027-01-10: capped.
    ['UPC, publication past the outer limit', UPC, '2026-01-10', '2026-11-20', null, '2027-01-10', 'outer_limit'],
    // A month without the day: 2025-10-31 + 4 months = 2026-02-28 (2026 is not a leap year).
    ['UPC, Oct 31 + 4 months', UPC, '2025-09-01', '2025-10-31', null, '2026-02-28', 'publication'],
    // In a leap year: 2027-10-31 + 4 months = 2028-02-29.
    ['UPC, Oct 31 + 4 months, leap year', UPC, '2027-10-01', '2027-10-31', null, '2028-02-29', 'publication'],
    // A death on a leap day: 2024-02-29 + 12 months = 2025-02-28.
    ['UPC, death on Feb 29', UPC, '2024-02-29', null, null, '2025-02-28', 'outer_limit'],
    // 2026-03-31 + 24 months = 2028-03-31; 2026-08-31 + 24 months = 2028-08-31.
    ['AZ, two years from death', AZ, '2026-03-31', null, null, '2028-03-31', 'outer_limit'],
    // Arizona's notice period is the UPC's: 2026-05-31 + 4 months = 2026-09-30 (September has 30).
    ['AZ, publication on May 31', AZ, '2026-03-31', '2026-05-31', null, '2026-09-30', 'publication'],
    // Utah, 3 months: 2026-05-31 + 3 = 2026-08-31, before 2027-02-01.
    ['UT, three months', UT, '2026-02-01', '2026-05-31', null, '2026-08-31', 'publication'],
    // Utah: 2026-11-30 + 3 months = 2027-02-28, after the one-year bar 2027-02-01: the bar wins.
    ['UT, the one-year bar', UT, '2026-02-01', '2026-11-30', null, '2027-02-01', 'outer_limit'],
    // Montana, a mailed notice gives 30 days: 2026-05-20 + 30 = May 31 (11) + 19 = 2026-06-19,
    // later than the publication's 2026-02-02 + 4 months = 2026-06-02.
    ['MT, 30 days after a mailed notice', MT, '2026-01-05', '2026-02-02', '2026-05-20', '2026-06-19', 'mailed_notice'],
    // The same facts under the UPC's 60 days: 2026-05-20 + 60 = May 31 (11), Jun 30 (41), + 19 = 2026-07-19.
    [
      'UPC, 60 days after the same notice',
      UPC,
      '2026-01-05',
      '2026-02-02',
      '2026-05-20',
      '2026-07-19',
      'mailed_notice',
    ],
    // Vermont, three years: 2026-01-15 + 36 months = 2029-01-15.
    ['VT, three years from death', VT, '2026-01-15', null, null, '2029-01-15', 'outer_limit'],
    // Illinois, 2 years: 2026-01-15 + 24 = 2028-01-15.
    ['IL, two years from death', IL, '2026-01-15', null, null, '2028-01-15', 'outer_limit'],
    // Illinois, 6 months from publication: 2026-02-27 + 6 = 2026-08-27; mailed 2026-07-01 + 90 days
    // = Jul 31 (30), Aug 31 (61), + 29 = 2026-09-29, the later.
    ['IL, 90 days after a mailed notice', IL, '2026-01-15', '2026-02-27', '2026-07-01', '2026-09-29', 'mailed_notice'],
    // Florida, 3 months: 2026-03-31 + 3 = 2026-06-30; mailed 2026-05-15 + 30 = 2026-06-14, earlier.
    ['FL, three months from publication', FL, '2026-01-15', '2026-03-31', '2026-05-15', '2026-06-30', 'publication'],
    // Florida, 2 years: 2026-01-15 + 24 = 2028-01-15.
    ['FL, two years from death', FL, '2026-01-15', null, null, '2028-01-15', 'outer_limit'],
  ] as const)('%s', (_what, rule, death, published, mailed, expected, basis) => {
    const d = deadline(rule, death, published, mailed);
    expect(d.deadline).toBe(expected);
    expect(d.basis).toBe(basis);
    expect(d.rule).toBe(rule);
    // The deadline is one of the dates weighed, and the outer limit is always among them (last).
    expect(d.lines.map((l) => l.date)).toContain(expected);
    expect(d.lines.at(-1)?.rule).toBe('PR-02');
    expect(d.lines.length).toBe(1 + (published ? 1 : 0) + (mailed ? 1 : 0));
  });

  it('says which rule produced the deadline and why', () => {
    expect(deadline(UPC, '2026-01-10', null, null).explanation).toBe(
      'January 10, 2027: 12 months after the death (PR-02, the Uniform Probate Code’s default, the state having no row of its own); no notice to creditors is known yet, so the outer limit from death stands.',
    );
    expect(deadline(MT, '2026-01-05', '2026-02-02', '2026-05-20').explanation).toBe(
      'June 19, 2026: 30 days after the mailed notice, the later of the two notice periods (PR-01, MT), before the outer limit of January 5, 2027 (PR-02).',
    );
    expect(deadline(UT, '2026-02-01', '2026-11-30', null).explanation).toBe(
      'February 1, 2027: 12 months after the death (PR-02, UT); the notice period would end later, but no claim may be presented after the outer limit.',
    );
    expect(deadline(UPC, '2026-01-10', '2026-03-02', '2026-06-15').lines).toEqual([
      { label: '4 months after the notice’s first publication on March 2, 2026', date: '2026-07-02', rule: 'PR-01' },
      { label: '60 days after the notice mailed to the hospital on June 15, 2026', date: '2026-08-14', rule: 'PR-01' },
      { label: '12 months after the death on January 10, 2026 (the outer limit)', date: '2027-01-10', rule: 'PR-02' },
    ]);
  });
});

describe('the row in force (state and date)', () => {
  const MT2027 = row('MT', 4, 45, 12, 4, 6, null, 60, '2027-01-01');
  const TX2027 = row('TX', 4, 60, 48, 4, 6, null, 60, '2027-01-01');
  const rows = [...TABLE, MT2027, TX2027];

  it.each([
    // [state, date of death, the row]
    ['CA', '2026-05-01', UPC], // no California row: the UPC default
    ['MN', '2026-05-01', MN],
    ['MT', '2026-12-31', MT], // the new Montana row starts the next day
    ['MT', '2027-01-01', MT2027],
    ['TX', '2026-12-31', UPC], // Texas has no row in force yet: the default
    ['TX', '2027-06-30', TX2027],
  ] as const)('%s on %s', (state, on, expected) => {
    expect(probateRuleFor(rows, state, on)).toBe(expected);
  });

  it('a row added for a date judges deaths from then: Montana 45 days from 2027', () => {
    // 2027-03-01 + 4 months = 2027-07-01; mailed 2027-06-10 + 45 days = Jun 30 (20) + 25 = 2027-07-25.
    const d = deadline(probateRuleFor(rows, 'MT', '2027-01-20'), '2027-01-20', '2027-03-01', '2027-06-10');
    expect([d.deadline, d.basis]).toEqual(['2027-07-25', 'mailed_notice']);
    // Texas from 2027 has 48 months: 2027-02-15 + 48 = 2031-02-15.
    expect(deadline(probateRuleFor(rows, 'TX', '2027-02-15'), '2027-02-15', null, null).deadline).toBe('2031-02-15');
  });

  it('a death long past is judged too: the seeded rows stand from 1900', () => {
    // 2022-06-01 in Maine: + 9 months = 2023-03-01 (the outer limit; nothing published is known).
    const d = deadline(probateRuleFor(rows, 'ME', '2022-06-01'), '2022-06-01', null, null);
    expect([d.deadline, d.basis]).toEqual(['2023-03-01', 'outer_limit']);
    // Maine: published 2022-07-15 + 4 months = 2022-11-15, before 2023-03-01.
    expect(deadline(ME, '2022-06-01', '2022-07-15', null).deadline).toBe('2022-11-15');
  });

  it('before the earliest default row, the earliest default row stands for every state', () => {
    const late = row('*', 4, 60, 12, 4, 6, null, 60, '2000-01-01');
    expect(probateRuleFor([late, MN], 'CA', '1995-03-01')).toBe(late);
  });

  it('needs a default row', () => {
    expect(() => probateRuleFor([MN], 'CA', '2026-01-01')).toThrow(/no default row/);
  });
});

describe('the priority class (PR-04)', () => {
  const death = '2026-04-15';
  it.each([
    // [rule, last illness, service to, class]
    [UPC, true, '2026-04-10', 4],
    [UPC, false, '2026-04-10', 6],
    [IA, true, '2026-04-10', 5], // Iowa: court costs come first
    [IA, false, '2026-04-10', 8],
    [MN, true, '2025-01-01', 4], // the clerk's last illness counts whatever the dates
    // Minnesota's final year: care ending after 2025-04-15 (death - 12 months) and by the death.
    [MN, false, '2025-04-16', 5],
    [MN, false, '2025-04-15', 7], // exactly a year before: not within it
    [MN, false, '2026-04-15', 5],
    [MN, false, '2026-04-16', 7], // after the death
  ] as const)('%o, last illness %s, care to %s: class %i', (rule, lastIllness, serviceTo, classNumber) => {
    expect(priorityClass(rule, { lastIllness, serviceTo, dateOfDeath: death }).classNumber).toBe(classNumber);
  });

  it('names each class', () => {
    expect(priorityClass(MN, { lastIllness: false, serviceTo: '2026-01-01', dateOfDeath: death }).label).toBe(
      'Medical and hospital expenses of the final year before death',
    );
    expect(priorityClass(UPC, { lastIllness: true, serviceTo: '2026-01-01', dateOfDeath: death }).label).toBe(
      'Reasonable and necessary medical and hospital expenses of the last illness',
    );
  });

  it.each([
    // Care ending 2026-01-15: Jan 15 -> Apr 15 = 16 + 28 + 31 + 15 = 90 days: suggested; a day earlier, 91: not.
    ['2026-01-15', true],
    ['2026-01-14', false],
    ['2026-04-15', true],
    ['2026-04-16', false],
  ] as const)('care ending %s is suggested as the last illness: %s', (serviceTo, yes) => {
    expect(suggestLastIllness(serviceTo, death, 90)).toBe(yes);
  });
});

describe('the suit deadline (PR-03) and the release (ECA-04)', () => {
  it('counts the suit days from the disallowance', () => {
    // 2026-06-01 + 60 = Jun 30 (29) + 31 = 2026-07-31; Florida's 30: 2026-07-01.
    expect(suitDeadline('2026-06-01', UPC)).toBe('2026-07-31');
    expect(suitDeadline('2026-06-01', FL)).toBe('2026-07-01');
  });

  it('asks for a release when the deadline comes before the 501(r) clock, or the clock cannot say', () => {
    expect(releaseNeeded('2026-06-01', '2026-06-02')).toBe(true);
    expect(releaseNeeded('2026-06-02', '2026-06-02')).toBe(false);
    expect(releaseNeeded('2027-04-15', '2026-06-02')).toBe(false);
    expect(releaseNeeded('2027-04-15', null)).toBe(true);
  });
});

describe('the estate’s reminder', () => {
  const base: EstateReminderFacts = {
    status: 'watching',
    deadline: '2026-08-14',
    estateKnown: false,
    filedOn: null,
    disallowedOn: null,
    lastFollowUpOn: null,
    suitDays: 60,
  };
  const at = (facts: Partial<EstateReminderFacts>, today: string) =>
    estateReminder({ ...base, ...facts }, today, DEFAULT_ESTATE_POLICY);

  it.each([
    // Deadline 2026-08-14. 2026-07-14 is 31 days before (Jul 14 -> Aug 14): no deadline reminder yet.
    ['2026-07-14', 'watching', 'find_estate', 31, 4],
    ['2026-07-14', 'referred', null, null, null],
    ['2026-07-15', 'referred', 'deadline_near', 30, 3], // 30 days
    ['2026-07-30', 'referred', 'deadline_near', 15, 3],
    ['2026-07-31', 'watching', 'deadline_near', 14, 2], // 14 days
    ['2026-08-06', 'referred', 'deadline_near', 8, 2],
    ['2026-08-07', 'referred', 'deadline_near', 7, 1], // 7 days
    ['2026-08-14', 'watching', 'deadline_near', 0, 1],
    ['2026-08-15', 'referred', 'deadline_passed', -1, 1],
  ] as const)('on %s, %s: %s', (today, status, kind, daysLeft, urgency) => {
    const r = at({ status }, today);
    if (kind === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ kind, daysLeft, urgency, due: '2026-08-14' });
  });

  it('says what to do in a sentence', () => {
    expect(at({}, '2026-08-07')?.text).toBe('Present the claim by August 14, 2026 (in 7 days).');
    expect(at({}, '2026-08-13')?.text).toBe('Present the claim by August 14, 2026 (tomorrow).');
    expect(at({ estateKnown: true }, '2026-06-01')?.text).toBe(
      'Refer the claim to legal; the last day to present it is August 14, 2026.',
    );
  });

  it('follows up with the clerk of court every 30 days after filing', () => {
    const filed = { status: 'filed', filedOn: '2026-05-01' } as const;
    // 2026-05-01 + 30 = 2026-05-31.
    expect(at(filed, '2026-05-30')).toBeNull();
    expect(at(filed, '2026-05-31')).toMatchObject({ kind: 'follow_up', due: '2026-05-31', daysLeft: 0, urgency: 4 });
    // The last contact 2026-05-31: next due 2026-06-30.
    expect(at({ ...filed, lastFollowUpOn: '2026-05-31' }, '2026-06-29')).toBeNull();
    expect(at({ ...filed, status: 'paid_part', lastFollowUpOn: '2026-05-31' }, '2026-07-02')).toMatchObject({
      kind: 'follow_up',
      due: '2026-06-30',
      daysLeft: -2,
    });
    expect(at({ ...filed, status: 'paid' }, '2026-09-01')).toBeNull();
  });

  it('watches the suit deadline after a disallowance', () => {
    const d = { status: 'disallowed', filedOn: '2026-05-01', disallowedOn: '2026-06-01' } as const;
    // 2026-06-01 + 60 = 2026-07-31.
    expect(at(d, '2026-06-01')).toMatchObject({ kind: 'suit_deadline', due: '2026-07-31', daysLeft: 60, urgency: 3 });
    expect(at(d, '2026-07-24')).toMatchObject({ kind: 'suit_deadline', daysLeft: 7, urgency: 1 });
    expect(at(d, '2026-08-01')).toMatchObject({ kind: 'suit_deadline_passed', daysLeft: -1, urgency: 2 });
  });
});

describe('the closing’s split', () => {
  const a = (balanceCents: number, payerClass: string, deductibleCents = 0, coinsuranceCents = 0, paidCents = 0) =>
    closingSplit({ accountId: 1, balanceCents, payerClass, deductibleCents, coinsuranceCents, paidCents });
  it.each([
    // Medicare $400.00 owed, deductible $240.00 + coinsurance $100.00 = $340.00 to the bad-debt listing, $60.00 written off.
    ['Medicare, more owed than the deductible and coinsurance', a(40_000, 'medicare', 24_000, 10_000), 6_000, 34_000],
    // Medicare $200.00 owed, less than $340.00: all of it to the listing.
    ['Medicare, less owed', a(20_000, 'medicare', 24_000, 10_000), 0, 20_000],
    // BD-01: $100.00 paid on the account lowers the allowable to $340.00 - $100.00 = $240.00 of the
    // $300.00 owed; $60.00 written off.
    ['Medicare, part paid by the patient or the estate', a(30_000, 'medicare', 24_000, 10_000, 10_000), 6_000, 24_000],
    // Paid more than the deductible and coinsurance: nothing is Medicare bad debt.
    ['Medicare, the shares paid in full', a(5_000, 'medicare', 24_000, 10_000, 40_000), 5_000, 0],
    ['self-pay', a(65_000, 'self_pay'), 65_000, 0],
    ['Medicare Advantage is not Medicare’s bad debt', a(40_000, 'medicare_advantage', 24_000, 10_000), 40_000, 0],
    ['nothing owed', a(0, 'medicare', 24_000, 10_000), 0, 0],
    ['a credit', a(-500, 'self_pay'), 0, 0],
  ] as const)('%s', (_what, split, writeOffCents, badDebtCents) => {
    expect(split).toEqual({ writeOffCents, badDebtCents });
  });
});

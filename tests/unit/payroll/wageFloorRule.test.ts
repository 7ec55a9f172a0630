// PD-01: the wage-floor rule, case by case, each figure computed by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import {
  checkDeduction,
  FEDERAL_WAGE_FLOOR,
  floorOn,
  largestDeduction,
  scheduleDates,
  weeksBetween,
  type FloorInEffect,
  type PayFacts,
  type WageFloorRow,
} from '../../../src/shared/rules/payroll';

const FEDERAL: FloorInEffect = { federal: FEDERAL_WAGE_FLOOR, state: null };

function hourly(rateCents: number, hours: number, payFrequency: PayFacts['payFrequency'] = 'weekly'): PayFacts {
  return {
    payType: 'hourly',
    hourlyRateCents: rateCents,
    annualSalaryCents: null,
    weeklyHoursCenti: hours * 100,
    exempt: false,
    payFrequency,
    workState: 'TX',
  };
}

function salary(annualCents: number, exempt: boolean, payFrequency: PayFacts['payFrequency'] = 'weekly'): PayFacts {
  return {
    payType: 'salary',
    hourlyRateCents: null,
    annualSalaryCents: annualCents,
    weeklyHoursCenti: 4000,
    exempt,
    payFrequency,
    workState: 'TX',
  };
}

function stateRow(
  jurisdiction: string,
  effectiveFrom: string,
  minimumWageCents: number,
  limitBp: number | null = null,
): WageFloorRow {
  return {
    jurisdiction,
    effectiveFrom,
    minimumWageCents,
    exemptWeeklySalaryCents: null,
    deductionLimitBp: limitBp,
    source: 'test',
  };
}

describe('PD-01 largestDeduction, hourly', () => {
  it('at the federal minimum ($7.25) nothing may be deducted', () => {
    // 40 h × ($7.25 − $7.25) = $0.00
    const l = largestDeduction(hourly(725, 40), FEDERAL);
    expect(l.maxCents).toBe(0);
    expect(l.binding).toBe('no_headroom');
    expect(l.lines.at(-1)).toMatch(/No deduction is allowed/);
  });

  it('near it: $7.50 × 40 h weekly leaves $10.00', () => {
    // 40 h × ($7.50 − $7.25) = 40 × $0.25 = $10.00
    const l = largestDeduction(hourly(750, 40), FEDERAL);
    expect(l.maxCents).toBe(1_000);
    expect(l.binding).toBe('minimum_wage');
    expect(l.minimumFrom).toBe('federal');
    expect(l.lines).toContain('Straight-time hours: 40 a week (at most 40; overtime is never touched) × 1 week.');
    expect(l.lines.at(-1)).toBe('The largest amount allowed each pay period is $10.00.');
  });

  it('an overtime week counts only 40 straight-time hours (50 h gives what 40 h gives)', () => {
    // min(50, 40) = 40 h × $0.25 = $10.00; the 10 overtime hours are never touched
    expect(largestDeduction(hourly(750, 50), FEDERAL).maxCents).toBe(1_000);
  });

  it('biweekly: two workweeks', () => {
    // 40 h × 2 weeks × $0.25 = $20.00
    const l = largestDeduction(hourly(750, 40, 'biweekly'), FEDERAL);
    expect(l.maxCents).toBe(2_000);
    expect(l.lines[2]).toContain('× 2 weeks.');
  });

  it('semimonthly: the shortest half-month holds 13/7 of a workweek', () => {
    // 40 h × 13/7 × $0.25 = 4000 × 13 × 25 / 700 = 1,300,000 / 700 = 1857.14 -> $18.57 (rounded down)
    const l = largestDeduction(hourly(750, 40, 'semimonthly'), FEDERAL);
    expect(l.maxCents).toBe(1_857);
    expect(l.weeks).toEqual({ num: 13, den: 7 });
    expect(l.lines[2]).toContain('× 13/7 weeks.');
  });

  it('monthly: the shortest month holds four workweeks', () => {
    // 40 h × 4 × $0.25 = $40.00
    expect(largestDeduction(hourly(750, 40, 'monthly'), FEDERAL).maxCents).toBe(4_000);
  });

  it('a state minimum above the federal stands, from its effective date (a later row not yet in effect)', () => {
    const rows = [FEDERAL_WAGE_FLOOR, stateRow('WA', '2026-01-01', 800), stateRow('WA', '2027-01-01', 900)];
    const pay = { ...hourly(1_000, 40), workState: 'WA' };
    // 2026-06-01: WA $8.00 stands; 40 h × ($10.00 − $8.00) = $80.00 (the 2027 row is not in effect yet)
    const june = largestDeduction(pay, floorOn(rows, 'WA', '2026-06-01')!);
    expect(june.maxCents).toBe(8_000);
    expect(june.minimumFrom).toBe('state');
    expect(june.minimumWageCents).toBe(800);
    expect(june.lines[0]).toBe('WA’s minimum wage, $8.00 an hour, is above the federal $7.25 and stands.');
    // 2027-01-01: WA $9.00; 40 h × $1.00 = $40.00
    expect(largestDeduction(pay, floorOn(rows, 'WA', '2027-01-01')!).maxCents).toBe(4_000);
    // 2025-12-31: no WA row yet, the federal $7.25; 40 h × $2.75 = $110.00
    expect(largestDeduction(pay, floorOn(rows, 'WA', '2025-12-31')!).maxCents).toBe(11_000);
  });

  it('a state minimum below the federal: the federal stands', () => {
    // 40 h × ($7.50 − $7.25) = $10.00; the state's $5.15 does not lower it
    const rows = [FEDERAL_WAGE_FLOOR, stateRow('GA', '2020-01-01', 515)];
    const l = largestDeduction({ ...hourly(750, 40), workState: 'GA' }, floorOn(rows, 'GA', '2026-01-01')!);
    expect(l.maxCents).toBe(1_000);
    expect(l.minimumFrom).toBe('federal');
  });

  it('a state deduction limit binds when it is below the wage headroom', () => {
    // headroom: 40 h × ($20.00 − $7.25) = $510.00; the period's pay 40 × $20.00 = $800.00;
    // NY limit 10%: $800.00 × 10% = $80.00 < $510.00 -> $80.00
    const rows = [FEDERAL_WAGE_FLOOR, stateRow('NY', '2020-01-01', 725, 1_000)];
    const l = largestDeduction({ ...hourly(2_000, 40), workState: 'NY' }, floorOn(rows, 'NY', '2026-01-01')!);
    expect(l.maxCents).toBe(8_000);
    expect(l.binding).toBe('state_limit');
    expect(l.lines).toContain('NY limits a deduction to 10% of a period’s pay: $800.00 × 10% = $80.00.');
  });

  it('without a federal row there is no floor to judge by', () => {
    expect(floorOn([stateRow('WA', '2020-01-01', 800)], 'WA', '2026-01-01')).toBeNull();
  });
});

describe('PD-01 largestDeduction, salaried', () => {
  it('exempt above the $684 weekly level: the salary above it', () => {
    // $52,000.00 ÷ 52 = $1,000.00 a week; − $684.00 = $316.00 weekly
    const l = largestDeduction(salary(5_200_000, true), FEDERAL);
    expect(l.maxCents).toBe(31_600);
    expect(l.binding).toBe('exempt_salary');
    expect(l.lines).toContain('Largest deduction: ($52,000.00 ÷ 52 − $684.00) × 1 week = $316.00.');
    // biweekly: $316.00 × 2 = $632.00
    expect(largestDeduction(salary(5_200_000, true, 'biweekly'), FEDERAL).maxCents).toBe(63_200);
  });

  it('exempt below the $684 weekly level: nothing', () => {
    // $30,000.00 ÷ 52 = $576.92 a week < $684.00 -> $0.00
    const l = largestDeduction(salary(3_000_000, true), FEDERAL);
    expect(l.maxCents).toBe(0);
    expect(l.binding).toBe('no_headroom');
  });

  it('salaried non-exempt: the regular rate against the minimum', () => {
    // $41,600.00 ÷ 52 = $800.00 a week ÷ 40 h = $20.00 an hour; 40 × ($20.00 − $7.25) = $510.00
    const l = largestDeduction(salary(4_160_000, false), FEDERAL);
    expect(l.maxCents).toBe(51_000);
    expect(l.binding).toBe('minimum_wage');
  });
});

describe('PD-01 a period as payroll reports it (actual hours)', () => {
  it('a short week: 30 h × $0.25 = $7.50', () => {
    const l = largestDeduction(hourly(750, 40), FEDERAL, { hoursCenti: 3_000, weeks: { num: 1, den: 1 } });
    expect(l.maxCents).toBe(750);
    expect(l.lines[1]).toBe('This period paid for 30 hours over 1 workweek.');
  });

  it('70 h over a 13-day half-month: 70 × $0.25 = $17.50 (under 40 × 13/7 = 74.29 straight-time hours)', () => {
    // min(70 × 7, 40 × 13) / 7 = min(490, 520) / 7 = 70 h; 70 × $0.25 = $17.50
    const weeks = weeksBetween('2026-02-16', '2026-02-28');
    expect(weeks).toEqual({ num: 13, den: 7 });
    expect(largestDeduction(hourly(750, 40, 'semimonthly'), FEDERAL, { hoursCenti: 7_000, weeks }).maxCents).toBe(
      1_750,
    );
  });

  it('90 h over two weeks: only 80 straight-time hours count', () => {
    // min(90, 80) = 80 h × $0.25 = $20.00
    expect(
      largestDeduction(hourly(750, 40, 'biweekly'), FEDERAL, { hoursCenti: 9_000, weeks: { num: 2, den: 1 } }).maxCents,
    ).toBe(2_000);
  });
});

describe('PD-01 checkDeduction', () => {
  it('allows the largest amount and refuses a cent more, naming the largest', () => {
    expect(checkDeduction(1_000, hourly(750, 40), FEDERAL)).toMatchObject({ ok: true, message: null });
    const refused = checkDeduction(1_001, hourly(750, 40), FEDERAL);
    expect(refused.ok).toBe(false);
    expect(refused.message).toBe(
      '$10.01 a pay period could bring pay below the wage floor (PD-01): the largest amount allowed is $10.00.',
    );
  });

  it('at the minimum: no deduction at all', () => {
    expect(checkDeduction(1, hourly(725, 40), FEDERAL).message).toBe(
      "No payroll deduction is allowed for this employee's pay (PD-01): it leaves nothing above the wage floor.",
    );
  });
});

describe('scheduleDates', () => {
  const far = '2030-12-31';
  it('weekly: every 7 days from the first date', () => {
    expect(scheduleDates('2026-07-03', 'weekly', '2026-07-01', '2026-07-31')).toEqual([
      '2026-07-03',
      '2026-07-10',
      '2026-07-17',
      '2026-07-24',
      '2026-07-31',
    ]);
    // From a later day: the dates keep their step from the first date.
    expect(scheduleDates('2026-07-03', 'weekly', '2026-07-20', '2026-08-01')).toEqual(['2026-07-24', '2026-07-31']);
  });

  it('biweekly: every 14 days', () => {
    expect(scheduleDates('2026-07-03', 'biweekly', '2026-07-01', '2026-08-31')).toEqual([
      '2026-07-03',
      '2026-07-17',
      '2026-07-31',
      '2026-08-14',
      '2026-08-28',
    ]);
  });

  it('semimonthly: the 15th and the month’s last day (February 28)', () => {
    expect(scheduleDates('2026-01-15', 'semimonthly', '2026-01-01', far, 6)).toEqual([
      '2026-01-15',
      '2026-01-31',
      '2026-02-15',
      '2026-02-28',
      '2026-03-15',
      '2026-03-31',
    ]);
  });

  it('semimonthly from another day: that day and 15 days apart', () => {
    expect(scheduleDates('2026-01-10', 'semimonthly', '2026-01-01', far, 4)).toEqual([
      '2026-01-10',
      '2026-01-25',
      '2026-02-10',
      '2026-02-25',
    ]);
    // The 20th: the 5th and the 20th (the 5th of January is before the first date).
    expect(scheduleDates('2026-01-20', 'semimonthly', '2026-01-01', far, 3)).toEqual([
      '2026-01-20',
      '2026-02-05',
      '2026-02-20',
    ]);
  });

  it('monthly on a month end: the last day of each month', () => {
    expect(scheduleDates('2026-01-31', 'monthly', '2026-01-01', far, 4)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('monthly in the leap year 2028: February 29', () => {
    expect(scheduleDates('2028-01-31', 'monthly', '2028-01-01', far, 3)).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
    // The 30th: February has no 30th, its last day stands in; March is the 30th again.
    expect(scheduleDates('2028-01-30', 'monthly', '2028-01-01', far, 3)).toEqual([
      '2028-01-30',
      '2028-02-29',
      '2028-03-30',
    ]);
    expect(scheduleDates('2028-02-15', 'semimonthly', '2028-02-01', far, 2)).toEqual(['2028-02-15', '2028-02-29']);
  });
});

describe('a period as paid, overtime reported, and rows that leave a figure blank', () => {
  it('80 hours over two weeks with 10 of them overtime (50 + 30): 70 straight-time hours count', () => {
    // $10.00 an hour, federal $7.25: 70 h × $2.75 = $192.50 (the total alone would count 80 h: $220.00).
    const pay = hourly(1000, 40, 'biweekly');
    const weeks = { num: 2, den: 1 };
    expect(largestDeduction(pay, FEDERAL, { hoursCenti: 8000, weeks, overtimeCenti: 1000 }).maxCents).toBe(19_250);
    expect(largestDeduction(pay, FEDERAL, { hoursCenti: 8000, weeks }).maxCents).toBe(22_000);
  });

  it('a later federal row with no exempt level keeps the earlier level (a new minimum wage drops nothing)', () => {
    const rows: WageFloorRow[] = [
      FEDERAL_WAGE_FLOOR,
      { ...FEDERAL_WAGE_FLOOR, effectiveFrom: '2027-01-01', minimumWageCents: 900, exemptWeeklySalaryCents: null },
    ];
    const floor = floorOn(rows, 'TX', '2027-02-01')!;
    expect(floor.federal.minimumWageCents).toBe(900);
    expect(floor.federal.exemptWeeklySalaryCents).toBe(68_400);
    // Exempt $36,000 a year biweekly: ($36,000 ÷ 52 − $684) × 2 = ($692.307… − $684) × 2 = $16.61.
    expect(largestDeduction(salary(3_600_000, true, 'biweekly'), floor).maxCents).toBe(1_661);
  });

  it('an exempt employee with no exempt level on file at all is held to the minimum wage', () => {
    const floor: FloorInEffect = { federal: { ...FEDERAL_WAGE_FLOOR, exemptWeeklySalaryCents: null }, state: null };
    // $36,000 a year for 40 h a week is $17.3077 an hour; over the two weeks' 80 straight-time hours:
    // 80 × ($17.3077 − $7.25) = $804.615…, rounded down $804.61.
    const limit = largestDeduction(salary(3_600_000, true, 'biweekly'), floor);
    expect(limit.binding).toBe('minimum_wage');
    expect(limit.maxCents).toBe(80_461);
  });
});

describe('the refusal names what binds', () => {
  it('a state limit says the state, not the wage floor; an exempt salary is not told the hourly minimum', () => {
    const floor: FloorInEffect = {
      federal: FEDERAL_WAGE_FLOOR,
      state: { ...FEDERAL_WAGE_FLOOR, jurisdiction: 'TX', deductionLimitBp: 1000, minimumWageCents: 725 },
    };
    // $20.00 × 40 h weekly = $800.00; 10% = $80.00 (the wage floor would allow 40 × $12.75 = $510.00).
    const check = checkDeduction(9_000, hourly(2000, 40), floor);
    expect(check.limit.binding).toBe('state_limit');
    expect(check.message).toBe(
      '$90.00 a pay period is more than TX allows a deduction to take: the largest amount allowed is $80.00.',
    );
    const exempt = largestDeduction(salary(5_200_000, true), FEDERAL);
    expect(exempt.lines.some((l) => l.includes('minimum wage'))).toBe(false);
  });
});

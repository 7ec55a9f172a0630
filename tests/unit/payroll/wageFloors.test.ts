// The wage-floor table (PD-01): rows from a date, added by a supervisor; a row in effect is never
// replaced, one still ahead may be; payroll:limit judges an employee on a date by the rows then.
import { afterEach, describe, expect, it } from 'vitest';
import { footprint, payrollWorld, refusal, ROSTER_CSV, type PayrollWorld } from './world';

let w: PayrollWorld;
afterEach(() => w?.t.cleanup());

const texas = (effectiveFrom: string, minimumWageCents: number, deductionLimitBp: number | null = null) => ({
  jurisdiction: 'tx',
  effectiveFrom,
  minimumWageCents,
  exemptWeeklySalaryCents: null,
  deductionLimitBp,
  source: 'Texas Minimum Wage Act (test figures)',
});

describe('the wage-floor table', () => {
  it('ships the federal row; a supervisor adds a state row; a clerk may not', async () => {
    w = await payrollWorld();
    const rows = await w.t.call('payroll:wageFloors', {}, w.clerk);
    expect(rows).toMatchObject([
      { jurisdiction: 'US', effectiveFrom: '2020-01-01', minimumWageCents: 725, exemptWeeklySalaryCents: 68_400 },
    ]);
    expect(await w.t.raw('payroll:setWageFloor', texas('2026-01-01', 800), w.clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const after = await w.t.call('payroll:setWageFloor', texas('2026-01-01', 800), w.supervisor);
    expect(after.map((r) => [r.jurisdiction, r.effectiveFrom, r.minimumWageCents, r.createdBy])).toEqual([
      ['US', '2020-01-01', 725, null],
      ['TX', '2026-01-01', 800, 'Test supervisor'],
    ]);
  });

  it('a row in effect is never replaced; one still ahead is', async () => {
    w = await payrollWorld();
    await w.t.call('payroll:setWageFloor', texas('2026-01-01', 800), w.supervisor);
    const before = footprint(w);
    const refused = await refusal(w.t.call('payroll:setWageFloor', texas('2026-01-01', 850), w.supervisor));
    expect(refused.code).toBe('conflict');
    expect(refused.fields?.effectiveFrom).toMatch(/later date/);
    expect(footprint(w)).toBe(before);
    // Today 2026-07-01: a row from 2027-01-01 is ahead, and a second one on that date replaces it.
    await w.t.call('payroll:setWageFloor', texas('2027-01-01', 900), w.supervisor);
    const replaced = await w.t.call('payroll:setWageFloor', texas('2027-01-01', 950), w.supervisor);
    expect(replaced.filter((r) => r.jurisdiction === 'TX').map((r) => [r.effectiveFrom, r.minimumWageCents])).toEqual([
      ['2027-01-01', 950],
      ['2026-01-01', 800],
    ]);
  });

  it('payroll:limit judges the employee by the rows in effect on the date', async () => {
    w = await payrollWorld();
    await w.importRoster(ROSTER_CSV);
    const e100 = w.emp('E100'); // weekly, $15.00 an hour, 40 h, TX
    // Federal only: 40 × ($15.00 − $7.25) = $310.00
    expect((await w.t.call('payroll:limit', { employeeId: e100 }, w.clerk)).maxCents).toBe(31_000);
    await w.t.call('payroll:setWageFloor', texas('2027-01-01', 1_200), w.supervisor);
    // From 2027-01-01: 40 × ($15.00 − $12.00) = $120.00. An arrangement starting on 2026-12-31 runs
    // into 2027, so its limit is the 2027 row's, said with its date.
    const before = await w.t.call('payroll:limit', { employeeId: e100, on: '2026-12-31' }, w.clerk);
    expect(before.maxCents).toBe(12_000);
    expect(before.lines[0]).toBe(
      'From January 1, 2027 (a wage-floor row already on file) the floor is higher, and the limit smaller:',
    );
    const later = await w.t.call('payroll:limit', { employeeId: e100, on: '2027-01-01' }, w.clerk);
    expect(later).toMatchObject({ maxCents: 12_000, minimumFrom: 'state', minimumWageCents: 1_200 });
    // An arrangement's first date in 2027 is judged by the 2027 row: $120.01 refused.
    await w.t.call('payroll:confirmMatch', { employeeId: e100, guarantorId: w.jane }, w.clerk);
    const refused = await refusal(
      w.t.call(
        'payroll:createArrangement',
        {
          method: 'payroll',
          guarantorId: w.jane,
          accountIds: [w.acct('A1')],
          amountCents: 12_001,
          firstDate: '2027-01-01',
        },
        w.clerk,
      ),
    );
    expect(refused.message).toMatch(/the largest amount allowed is \$120\.00\.$/);
    // A state limit binding: 10% of 40 × $15.00 = $60.00 from 2028.
    await w.t.call('payroll:setWageFloor', texas('2028-01-01', 1_200, 1_000), w.supervisor);
    expect(await w.t.call('payroll:limit', { employeeId: e100, on: '2028-01-01' }, w.clerk)).toMatchObject({
      maxCents: 6_000,
      binding: 'state_limit',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDateOf,
  daysBetween,
  formatLongDate,
  formatShortDate,
  isBusinessDate,
} from '../../../src/shared/dates';
import { systemClock } from '../../../src/main/clock';

describe('business dates', () => {
  it.each([
    ['2026-11-26', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['26-11-2026', false],
    ['2026-1-5', false],
    ['', false],
  ])('%s is a real date: %s', (d, ok) => expect(isBusinessDate(d)).toBe(ok));

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 120)).toBe('2026-05-01');
    expect(daysBetween('2026-01-01', '2026-05-01')).toBe(120);
    expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1); // across a DST change
  });

  it('formats for letters and screens', () => {
    expect(formatLongDate('2026-11-26')).toBe('November 26, 2026');
    expect(formatShortDate('2026-01-05')).toBe('01/05/2026');
    expect(businessDateOf(new Date('2026-11-27T03:00:00Z'), 'America/Chicago')).toBe('2026-11-26');
  });

  it('RECOUP_TODAY fixes the business date; a malformed one is refused', () => {
    expect(systemClock('2027-03-01').today()).toBe('2027-03-01');
    expect(systemClock('2027-03-01').fixed).toBe(true);
    expect(() => systemClock('03/01/2027')).toThrow(/YYYY-MM-DD/);
    expect(systemClock(undefined).fixed).toBe(false);
  });
});

describe('formatLongDate', () => {
  it('writes every day of four years as the en-US long date does', () => {
    for (let date = '2024-01-01'; date < '2028-01-01'; date = addDays(date, 1)) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const expected = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      });
      expect(formatLongDate(date)).toBe(expected);
    }
  });
});

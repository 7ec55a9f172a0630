import { describe, expect, it } from 'vitest';
import { assertCents, formatCents, parseDollars, sumCents } from '../../../src/shared/money';

describe('money is integer cents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [123456, '$1,234.56'],
    [-500, '-$5.00'],
  ])('formats %i as %s', (cents, text) => expect(formatCents(cents)).toBe(text));

  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['$1,234.56', 123456],
    [' -3.5 ', -350],
    ['0.07', 7],
    ['0.1', 10],
  ])('parses "%s" to %i cents exactly', (text, cents) => expect(parseDollars(text)).toBe(cents));

  it.each(['', 'abc', '1.234', '1..2', '--1', '1e5', '12.3.4', '99999999999999'])('refuses "%s"', (text) =>
    expect(parseDollars(text)).toBeNull(),
  );

  it('sums without floats and refuses fractions', () => {
    expect(sumCents([10, 20, 30])).toBe(60);
    expect(() => sumCents([10, 0.5])).toThrow(RangeError);
    expect(() => assertCents(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});

// Parsers for the values in an extract's cells. Each returns the value or throws a CellError
// with a plain reason; the importer adds the file, line and column.
import { isBusinessDate } from '../../../shared/dates';
import { MAX_CENTS } from '../../../shared/money';
import { US_STATES } from '../../../shared/schemas/hospital';

export class CellError extends Error {}

export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY';

/**
 * Control characters and Unicode direction overrides/isolates: never part of a name or an address
 * (an override reorders a printed line). Taken out of every text an extract brings.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

const HAS_CONTROL = new RegExp(CONTROLS.source);

export function text(value: string, max: number): string {
  // Most cells have none: one test, and the rewriting only when there is one.
  const v = (HAS_CONTROL.test(value) ? value.replace(CONTROLS, ' ').replace(/ {2,}/g, ' ') : value).trim();
  if (v.length > max) throw new CellError(`is longer than ${max} characters`);
  return v;
}

export function date(value: string, format: DateFormat): string | null {
  const v = value.trim();
  if (v === '') return null;
  let iso = v;
  if (format === 'MM/DD/YYYY') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    if (!m) throw new CellError(`is not a date written MM/DD/YYYY`);
    iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  if (!isBusinessDate(iso))
    throw new CellError(format === 'MM/DD/YYYY' ? 'is not a real date' : 'is not a real date written YYYY-MM-DD');
  return iso;
}

/** "1,234.56", "-12", "$5.00", "(20.00)" -> cents, exactly. */
const PLAIN_AMOUNT = /^(-?)(\d{1,13})\.(\d\d)$/;

export function dollars(value: string): number | null {
  // The common case, "-1234.56", without any rewriting.
  const plain = PLAIN_AMOUNT.exec(value);
  if (plain) {
    const cents = Number(plain[2]) * 100 + Number(plain[3]);
    if (cents > MAX_CENTS) throw new CellError('is too large');
    return plain[1] ? -cents : cents;
  }
  let v = value.trim();
  if (v === '') return null;
  let negative = false;
  if (v.startsWith('(') && v.endsWith(')')) {
    negative = true;
    v = v.slice(1, -1);
  }
  v = v.replace(/[$,\s]/g, '');
  if (v.startsWith('-')) {
    if (negative) throw new CellError('is not an amount');
    negative = true;
    v = v.slice(1);
  }
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) throw new CellError(/\.\d{3,}$/.test(v) ? 'has more than two decimals' : 'is not an amount');
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (cents > MAX_CENTS) throw new CellError('is too large');
  return negative ? -cents : cents;
}

const YES = new Set(['y', 'yes', 'true', 't', '1', 'x']);
const NO = new Set(['n', 'no', 'false', 'f', '0', '']);

export function yesNo(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new CellError('is not Y or N');
}

/** A value from a list, allowing synonyms; compared without case, spaces, dashes or underscores. */
export function choice<T extends string>(value: string, allowed: Record<string, T>, what: string): T {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const found = allowed[key];
  if (!found) throw new CellError(`is not a known ${what}`);
  return found;
}

export function synonyms<T extends string>(map: Record<T, readonly string[]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [value, words] of Object.entries(map) as [T, readonly string[]][]) {
    for (const w of [value, ...words]) out[w.toLowerCase().replace(/[\s_-]+/g, '')] = value;
  }
  return out;
}

export const SERVICE_TYPES = synonyms({
  inpatient: ['ip', 'inp', 'in patient'],
  outpatient: ['op', 'outp', 'out patient'],
  emergency: ['er', 'ed', 'emerg', 'emergency room'],
  obstetric: ['ob', 'obstetrics', 'maternity', 'l&d'],
});

export const PAYER_CLASSES = synonyms({
  self_pay: ['sp', 'self', 'selfpay', 'uninsured', 'patient'],
  medicare: ['mcr', 'medicare a', 'medicare b', 'mc'],
  medicare_advantage: ['ma', 'mcr adv', 'medicare hmo', 'part c'],
  medicaid: ['mcd', 'mdcd', 'state medicaid'],
  commercial: ['comm', 'com', 'commercial insurance', 'blue cross', 'bcbs', 'private'],
});

export const PAY_FREQUENCIES = synonyms({
  weekly: ['w', 'wk'],
  biweekly: ['bw', 'every two weeks', 'fortnightly'],
  semimonthly: ['sm', 'twice monthly'],
  monthly: ['m', 'mo'],
});

export const FAP_STATUSES = synonyms({
  unknown: [''],
  not_applied: ['none', 'not applied', 'na'],
  pending: ['applied', 'in review'],
  approved_full: ['approved', 'full', 'charity full', '100'],
  approved_partial: ['partial', 'discount', 'sliding scale'],
  denied: ['declined', 'rejected'],
});

const STATES = new Set<string>(US_STATES);

export function state(value: string): string {
  const v = value.trim().toUpperCase();
  if (v === '') return '';
  if (!STATES.has(v)) throw new CellError('is not a two-letter state code');
  return v;
}

export function zip(value: string): string {
  const v = value.trim();
  if (v === '') return '';
  if (!/^\d{5}(-?\d{4})?$/.test(v)) throw new CellError('is not a ZIP code');
  return v.length === 9 ? `${v.slice(0, 5)}-${v.slice(5)}` : v;
}

export function phone(value: string): string {
  let d = value.replace(/\D/g, '');
  if (d === '') return '';
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  if (d.length !== 10) throw new CellError('is not a 10-digit phone number');
  return d;
}

export function email(value: string): string {
  const v = value.trim();
  if (v === '') return '';
  if (v.length > 120 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) throw new CellError('is not an e-mail address');
  return v;
}

/** Medicare Beneficiary Identifier: 11 characters, letters excluding S, L, O, I, B, Z. */
export function mbi(value: string): string | null {
  const v = value.trim().toUpperCase().replace(/-/g, '');
  if (v === '') return null;
  if (
    !/^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(v)
  ) {
    throw new CellError('is not a Medicare MBI');
  }
  return v;
}

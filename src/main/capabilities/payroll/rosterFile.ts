// A roster file read by its mapping (issue 16): the upload as text, a mapping guessed from the
// headers, and every line's values checked, each bad value a problem naming its line and column.
// The roster's own words for frequencies, pay types, exemption and status are accepted, and its
// codes mapped to them. A field the line does not give (its column not mapped, or the cell empty)
// is left undefined: an employee Recoup has keeps the value on file (roster.ts decides).
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { isBusinessDate } from '../../../shared/dates';
import { parseDollars } from '../../../shared/money';
import type { PayFrequency } from '../../../shared/rules/payroll';
import { US_STATES } from '../../../shared/schemas/hospital';
import {
  ROSTER_FIELDS,
  type RosterField,
  type RosterMapping,
  type RosterProblem,
} from '../../../shared/schemas/payroll';
import { parseCsv } from '../imports';

export type UploadSource = (uploadId: string) => { fileName: string; bytes: Buffer };

/** An uploaded CSV as text (UTF-8, a byte-order mark dropped), with its SHA-256. */
export function uploadedText(
  upload: UploadSource,
  uploadId: string,
): { fileName: string; text: string; sha256: string } {
  const { fileName, bytes } = upload(uploadId);
  if (bytes.length === 0) throw new AppError('invalid_input', `${fileName} is empty.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_input', `${fileName} is not UTF-8 text: save it as CSV UTF-8 and choose it again.`);
  }
  return { fileName, text: text.replace(/^\uFEFF/, ''), sha256: createHash('sha256').update(bytes).digest('hex') };
}

const HEADER_GUESSES: Record<RosterField, string[]> = {
  employeeId: ['employeeid', 'employeenumber', 'empid', 'empno', 'employee', 'id'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  firstName: ['firstname', 'givenname', 'first'],
  fullName: ['fullname', 'name', 'employeename'],
  birthDate: ['birthdate', 'dateofbirth', 'dob'],
  payFrequency: ['payfrequency', 'frequency', 'payperiod', 'paycycle', 'freq'],
  payType: ['paytype', 'type', 'hourlyorsalary', 'paybasis'],
  hourlyRate: ['hourlyrate', 'rate', 'payrate', 'hourly'],
  annualSalary: ['annualsalary', 'salary', 'annualpay'],
  weeklyHours: ['weeklyhours', 'hours', 'hoursperweek', 'standardhours', 'usualhours'],
  exempt: ['exempt', 'flsaexempt', 'flsa', 'flsastatus'],
  workState: ['workstate', 'state', 'worklocationstate'],
  status: ['status', 'employmentstatus', 'empstatus'],
  terminatedOn: ['terminatedon', 'terminationdate', 'termdate', 'terminated'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A mapping guessed from the headers (each header used once; the clerk checks it). */
export function suggestRosterMapping(headers: readonly string[]): RosterMapping {
  const used = new Set<string>();
  const columns: RosterMapping['columns'] = {};
  for (const field of ROSTER_FIELDS) {
    for (const guess of HEADER_GUESSES[field]) {
      const h = headers.find((x) => !used.has(x) && squash(x) === guess);
      if (h) {
        columns[field] = h;
        used.add(h);
        break;
      }
    }
  }
  if (columns.lastName && columns.fullName) delete columns.fullName;
  return { columns, dateFormat: 'YYYY-MM-DD', codes: {} };
}

const FREQUENCY_WORDS: Record<string, PayFrequency> = {
  weekly: 'weekly',
  w: 'weekly',
  wk: 'weekly',
  '52': 'weekly',
  biweekly: 'biweekly',
  bw: 'biweekly',
  '26': 'biweekly',
  everytwoweeks: 'biweekly',
  fortnightly: 'biweekly',
  semimonthly: 'semimonthly',
  sm: 'semimonthly',
  '24': 'semimonthly',
  twiceamonth: 'semimonthly',
  monthly: 'monthly',
  m: 'monthly',
  mo: 'monthly',
  '12': 'monthly',
};
const PAY_TYPE_WORDS: Record<string, 'hourly' | 'salary'> = {
  hourly: 'hourly',
  h: 'hourly',
  hr: 'hourly',
  salary: 'salary',
  salaried: 'salary',
  s: 'salary',
  sal: 'salary',
};
const EXEMPT_WORDS: Record<string, boolean> = {
  y: true,
  yes: true,
  true: true,
  '1': true,
  exempt: true,
  e: true,
  n: false,
  no: false,
  false: false,
  '0': false,
  nonexempt: false,
  ne: false,
};
const STATUS_WORDS: Record<string, 'active' | 'terminated'> = {
  active: 'active',
  a: 'active',
  terminated: 'terminated',
  t: 'terminated',
  term: 'terminated',
  inactive: 'terminated',
};

function parseDate(text: string, format: RosterMapping['dateFormat']): string | null {
  let iso = text;
  if (format === 'MM/DD/YYYY') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) return null;
    iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return isBusinessDate(iso) ? iso : null;
}

/**
 * One good line's values. `undefined` = the line does not give the field (its column is not mapped,
 * or the cell is empty): an employee on file keeps what Recoup has, a new one gets the default.
 */
export interface RosterLine {
  line: number;
  employeeNumber: string;
  lastName: string;
  firstName: string | undefined;
  birthDate: string | undefined;
  payFrequency: PayFrequency;
  payType: 'hourly' | 'salary';
  hourlyRateCents: number | null;
  annualSalaryCents: number | null;
  weeklyHoursCenti: number | undefined;
  exempt: boolean | undefined;
  workState: string;
  status: 'active' | 'terminated' | undefined;
  terminatedOn: string | undefined;
  /** The line's cells as written (trimmed), by field, for the problems named later. */
  cells: Partial<Record<RosterField, string>>;
}

interface ParsedRoster {
  given: RosterLine[];
  problems: RosterProblem[];
  lines: number;
}

/** Reads every line by the mapping; every bad value is a problem naming its line and column. */
export async function readRoster(text: string, mapping: RosterMapping): Promise<ParsedRoster> {
  const { headers, rows, problems: csvProblems } = await parseCsv(text);
  const problems: RosterProblem[] = csvProblems.map((p) => ({
    line: p.line,
    column: null,
    value: null,
    reason: `The line ${p.reason}.`,
  }));
  const cols = mapping.columns;
  const index: Partial<Record<RosterField, number>> = {};
  for (const field of ROSTER_FIELDS) {
    const header = cols[field];
    if (header === undefined) continue;
    const i = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (i < 0)
      problems.push({ line: 1, column: header, value: null, reason: `The column “${header}” is not in the file.` });
    else index[field] = i;
  }
  const need = (ok: boolean, reason: string) => {
    if (!ok) problems.push({ line: 1, column: null, value: null, reason });
  };
  need(cols.employeeId !== undefined, 'Map the employee id.');
  need(cols.lastName !== undefined || cols.fullName !== undefined, 'Map the last name (or the full name).');
  need(cols.payFrequency !== undefined, 'Map the pay frequency.');
  need(cols.hourlyRate !== undefined || cols.annualSalary !== undefined, 'Map the hourly rate or the annual salary.');
  need(cols.workState !== undefined, 'Map the work state.');
  if (problems.some((p) => p.line === 1)) return { given: [], problems, lines: rows.length };

  const codes = new Map(Object.entries(mapping.codes).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const coded = (v: string) => codes.get(v.trim().toLowerCase()) ?? v;
  const given: RosterLine[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const get = (f: RosterField): string => {
      const i = index[f];
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    let bad = false;
    const problem = (f: RosterField, reason: string) => {
      bad = true;
      const value = get(f);
      problems.push({ line: row.line, column: cols[f] ?? null, value: value === '' ? null : value, reason });
    };
    const employeeNumber = get('employeeId');
    if (employeeNumber === '') problem('employeeId', 'The employee id is missing.');
    else if (employeeNumber.length > 30) problem('employeeId', 'An employee id is at most 30 characters.');
    else {
      const earlier = seen.get(employeeNumber.toLowerCase());
      if (earlier !== undefined) problem('employeeId', `Employee id ${employeeNumber} is also on line ${earlier}.`);
      else seen.set(employeeNumber.toLowerCase(), row.line);
    }

    let lastName = get('lastName');
    let firstName = get('firstName');
    if (cols.lastName === undefined) {
      const full = get('fullName');
      if (full.includes(',')) {
        lastName = full.slice(0, full.indexOf(',')).trim();
        firstName = full.slice(full.indexOf(',') + 1).trim();
      } else {
        const parts = full.split(/\s+/).filter((p) => p !== '');
        lastName = parts.pop() ?? '';
        firstName = parts.join(' ');
      }
      if (lastName === '') problem('fullName', 'The name is missing.');
    } else if (lastName === '') problem('lastName', 'The last name is missing.');
    if (lastName.length > 100)
      problem(cols.lastName ? 'lastName' : 'fullName', 'A last name is at most 100 characters.');
    if (firstName.length > 100)
      problem(cols.lastName ? 'firstName' : 'fullName', 'A first name is at most 100 characters.');

    const birthText = get('birthDate');
    const birthDate = birthText === '' ? undefined : parseDate(birthText, mapping.dateFormat);
    if (birthDate === null) problem('birthDate', `The date of birth is not a real date written ${mapping.dateFormat}.`);

    const freqText = get('payFrequency');
    const payFrequency = FREQUENCY_WORDS[squash(coded(freqText))];
    if (!payFrequency)
      problem(
        'payFrequency',
        freqText === ''
          ? 'The pay frequency is missing.'
          : 'The pay frequency is not weekly, biweekly, semimonthly or monthly (or a code mapped to one).',
      );

    const rateText = get('hourlyRate');
    const salaryText = get('annualSalary');
    const rate = rateText === '' ? null : parseDollars(rateText);
    const salary = salaryText === '' ? null : parseDollars(salaryText);
    if (rateText !== '' && (rate === null || rate <= 0 || rate > 100_000_000))
      problem('hourlyRate', 'The hourly rate is not an amount in dollars above zero (like 18.50).');
    if (salaryText !== '' && (salary === null || salary <= 0 || salary > 100_000_000_000))
      problem('annualSalary', 'The annual salary is not an amount in dollars above zero (like 52000.00).');
    const typeText = get('payType');
    let payType: 'hourly' | 'salary' | undefined;
    if (typeText !== '') {
      payType = PAY_TYPE_WORDS[squash(coded(typeText))];
      if (!payType) problem('payType', 'Hourly or salary is not H/hourly or S/salary.');
    } else if (rateText !== '' && salaryText === '') payType = 'hourly';
    else if (salaryText !== '' && rateText === '') payType = 'salary';
    else if (rateText === '' && salaryText === '')
      problem(cols.hourlyRate ? 'hourlyRate' : 'annualSalary', 'Neither an hourly rate nor an annual salary is given.');
    else problem('payType', 'Both an hourly rate and a salary are given: map hourly or salary to say which.');
    if (payType === 'hourly' && rateText === '') problem('hourlyRate', 'An hourly employee needs the hourly rate.');
    if (payType === 'salary' && salaryText === '')
      problem('annualSalary', 'A salaried employee needs the annual salary.');

    const exemptText = get('exempt');
    const exempt = exemptText === '' ? undefined : EXEMPT_WORDS[squash(coded(exemptText))];
    if (exemptText !== '' && exempt === undefined)
      problem('exempt', 'Exempt is not Y or N (yes/no, true/false, 1/0, exempt/non-exempt).');
    if (exempt === true && payType === 'hourly')
      problem('exempt', 'An hourly employee is not exempt: the exempt rule is for salaried employees.');

    // Missing hours are judged with what Recoup has on file (roster.ts).
    const hoursText = get('weeklyHours');
    let weeklyHoursCenti: number | undefined;
    if (hoursText !== '') {
      const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(hoursText);
      const centi = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
      if (!m || centi <= 0 || centi > 16800)
        problem('weeklyHours', 'The usual hours a week are a number above 0 and at most 168, like 40 or 37.5.');
      else weeklyHoursCenti = centi;
    }

    const stateText = get('workState').toUpperCase();
    if (!(US_STATES as readonly string[]).includes(stateText))
      problem(
        'workState',
        stateText === '' ? 'The work state is missing.' : 'The work state is not a US state code, like TX.',
      );

    // A missing termination date is judged with what Recoup has on file (roster.ts).
    const statusText = get('status');
    const status = statusText === '' ? undefined : STATUS_WORDS[squash(coded(statusText))];
    if (statusText !== '' && !status) problem('status', 'The status is not active or terminated (A or T).');
    const termText = get('terminatedOn');
    let terminatedOn: string | undefined;
    if (status === 'terminated' && termText !== '') {
      terminatedOn = parseDate(termText, mapping.dateFormat) ?? undefined;
      if (terminatedOn === undefined)
        problem('terminatedOn', `The termination date is not a real date written ${mapping.dateFormat}.`);
    }
    if (bad) continue;
    const cells: RosterLine['cells'] = {};
    for (const f of ROSTER_FIELDS) if (index[f] !== undefined) cells[f] = get(f);
    given.push({
      line: row.line,
      employeeNumber,
      lastName,
      firstName: firstName === '' ? undefined : firstName,
      birthDate: birthDate ?? undefined,
      payFrequency: payFrequency!,
      payType: payType!,
      hourlyRateCents: payType === 'hourly' ? rate : null,
      annualSalaryCents: payType === 'salary' ? salary : null,
      weeklyHoursCenti,
      exempt,
      workState: stateText,
      status,
      terminatedOn,
      cells,
    });
  }
  if (rows.length === 0) problems.push({ line: 1, column: null, value: null, reason: 'The file has no employees.' });
  return { given, problems, lines: rows.length };
}

// A small book for the payroll tests, today 2026-07-01 (a Wednesday):
// G1 Jane Smith, born 1980-02-14: A1 $500.00 (2025-01-10), A2 $300.00 (2025-06-01..03): owes $800.00.
// G2 John O'Brien-Núñez, born 1950-07-04: A3 $1,200.00.
// The roster (ROSTER_CSV):
// E100 Jane Smith 1980-02-14, weekly, $15.00 an hour, 40 h, TX: exact match to G1 (birth date and names);
//      the rule's largest weekly deduction 40 × ($15.00 − $7.25) = $310.00.
// E200 John O'Brien-Nunez 1950-07-04, biweekly, salary $41,600.00, 40 h, non-exempt, TX: exact to G2
//      (the name folded: "obriennunez").
// E300 Jane Doe 1980-02-14, semimonthly, $20.00, 40 h, TX: likely G1 (birth date and first name: a married name?).
// E400 Jane Smith 1990-01-01, monthly, $12.00, 40 h, TX: the name alone agrees with G1 -> no candidate.
import { importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import type { RosterMapping } from '../../../src/shared/schemas/payroll';

export const TODAY = '2026-07-01';

export const ROSTER_HEADER =
  'Emp ID,Last Name,First Name,DOB,Frequency,Rate,Salary,Hours,Exempt,State,Status,Term Date';
export const ROSTER_LINES = {
  E100: 'E100,Smith,Jane,1980-02-14,W,15.00,,40,N,TX,A,',
  E200: "E200,O'Brien-Nunez,John,1950-07-04,BW,,41600.00,40,N,TX,A,",
  E300: 'E300,Doe,Jane,1980-02-14,SM,20.00,,40,N,TX,A,',
  E400: 'E400,Smith,Jane,1990-01-01,M,12.00,,40,N,TX,A,',
};
export const ROSTER_CSV = [ROSTER_HEADER, ...Object.values(ROSTER_LINES)].join('\r\n');

export const MAPPING: RosterMapping = {
  columns: {
    employeeId: 'Emp ID',
    lastName: 'Last Name',
    firstName: 'First Name',
    birthDate: 'DOB',
    payFrequency: 'Frequency',
    hourlyRate: 'Rate',
    annualSalary: 'Salary',
    weeklyHours: 'Hours',
    exempt: 'Exempt',
    workState: 'State',
    status: 'Status',
    terminatedOn: 'Term Date',
  },
  dateFormat: 'YYYY-MM-DD',
  codes: {},
};

export interface PayrollWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  supervisor: string;
  jane: number;
  john: number;
  acct: (n: string) => number;
  emp: (n: string) => number;
  upload: (text: string, fileName?: string) => Promise<string>;
  importRoster: (text: string) => Promise<unknown>;
}

export async function payrollWorld(): Promise<PayrollWorld> {
  const t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  const { jane, john } = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const emp = (n: string) => db.prepare('SELECT id FROM employees WHERE employee_number = ?').pluck().get(n) as number;
  const upload = async (text: string, fileName = 'roster.csv') =>
    (
      await t.call(
        'import:upload',
        { uploadId: '', fileName, index: 0, last: true, base64: Buffer.from(text, 'utf8').toString('base64') },
        clerk,
      )
    ).uploadId;
  const importRoster = async (text: string) =>
    t.call('payroll:rosterImport', { uploadId: await upload(text), mapping: MAPPING }, clerk);
  return { t, admin, clerk, supervisor, jane, john, acct, emp, upload, importRoster };
}

/** What a refused call must leave as it was. */
export function footprint(w: PayrollWorld): string {
  const db = w.t.app.store.db;
  const tables = [
    'employees',
    'employee_match_rejections',
    'roster_imports',
    'wage_floors',
    'deduction_arrangements',
    'deduction_arrangement_accounts',
    'holds',
    'ledger_entries',
    'activities',
  ];
  return JSON.stringify(tables.map((name) => db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()));
}

/** A call's refusal: its code, message and fields. */
export async function refusal(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    return (e as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  }
  throw new Error('the call was not refused');
}

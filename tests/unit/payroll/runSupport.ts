// Test support for pay-period runs (helper RUNS): a store with the small extract (Jane Smith: A1
// $500.00 from 2025-01-10, A2 $300.00 from 2025-06-01; John O'Brien-Núñez: A3 $1,200.00), and
// employees and arrangements written straight into the tables (the roster's and the arrangements'
// own services come from another helper; these rows are what they would write).
import { bankSealingKey, sealAccountNumber } from '../../../src/main/capabilities/payroll/bankSeal';
import { importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import type { Db } from '../../../src/main/store/database';

export interface RunWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  jane: number;
  john: number;
  a1: number;
  a2: number;
  a3: number;
  db: Db;
}

export interface EmployeeFacts {
  number: string;
  lastName?: string;
  firstName?: string;
  birthDate?: string | null;
  frequency?: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
  rateCents?: number | null;
  salaryCents?: number | null;
  hoursCenti?: number;
  exempt?: boolean;
  state?: string;
  guarantorId?: number | null;
  status?: 'active' | 'terminated';
}

export function addEmployee(db: Db, e: EmployeeFacts): number {
  const hourly = e.salaryCents === undefined || e.salaryCents === null;
  return Number(
    db
      .prepare(
        `INSERT INTO employees (employee_number, last_name, first_name, birth_date, pay_frequency, pay_type, hourly_rate_cents,
           annual_salary_cents, weekly_hours_centi, exempt, work_state, status, terminated_on, termination_source, guarantor_id, matched_on,
           created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')`,
      )
      .run(
        e.number,
        e.lastName ?? 'Smith',
        e.firstName ?? 'Jane',
        e.birthDate === undefined ? '1980-02-14' : e.birthDate,
        e.frequency ?? 'biweekly',
        hourly ? 'hourly' : 'salary',
        hourly ? (e.rateCents ?? 2000) : null,
        hourly ? null : e.salaryCents,
        e.hoursCenti ?? 4000,
        e.exempt ? 1 : 0,
        e.state ?? 'TX',
        e.status ?? 'active',
        e.status === 'terminated' ? '2026-06-15' : null,
        e.status === 'terminated' ? 'roster' : null,
        e.guarantorId ?? null,
        e.guarantorId ? '2026-06-01' : null,
      ).lastInsertRowid,
  );
}

export interface ArrangementFacts {
  guarantorId: number;
  accountIds: number[];
  method?: 'payroll' | 'bank';
  employeeId?: number;
  amountCents: number;
  frequency?: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
  firstDate: string;
  signedOn?: string | null;
  status?: 'awaiting_signature' | 'active' | 'revoked';
  createdAt?: string;
  bank?: { holder: string; routing: string; account: string; type: 'checking' | 'savings' };
}

export function addArrangement(t: TestApp, a: ArrangementFacts): number {
  const db = t.app.store.db;
  const method = a.method ?? 'payroll';
  const status = a.status ?? (a.signedOn === null ? 'awaiting_signature' : 'active');
  let sealed: Buffer | null = null;
  if (a.bank) {
    const key = bankSealingKey(t.app.store.db);
    sealed = sealAccountNumber(key, a.bank.account, a.guarantorId);
    key.fill(0);
  }
  const id = Number(
    db
      .prepare(
        `INSERT INTO deduction_arrangements (guarantor_id, method, employee_id, amount_cents, frequency, first_date, total_cents, status,
           signed_on, ended_on, bank_holder_name, bank_account_type, bank_routing, bank_account_last4, bank_account_sealed, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, 80000, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        a.guarantorId,
        method,
        method === 'payroll' ? a.employeeId : null,
        a.amountCents,
        a.frequency ?? 'biweekly',
        a.firstDate,
        status,
        status === 'awaiting_signature' ? null : (a.signedOn ?? a.firstDate),
        status === 'revoked' ? a.firstDate : null,
        a.bank?.holder ?? null,
        a.bank?.type ?? null,
        a.bank?.routing ?? null,
        a.bank ? a.bank.account.slice(-4) : null,
        sealed,
        a.createdAt ?? '2026-06-01T00:00:00.000Z',
      ).lastInsertRowid,
  );
  for (const accountId of a.accountIds)
    db.prepare('INSERT INTO deduction_arrangement_accounts (arrangement_id, account_id) VALUES (?, ?)').run(
      id,
      accountId,
    );
  return id;
}

/** A file sent as the workspace sends it ('import:upload'); returns the upload id. */
export async function upload(t: TestApp, session: string, fileName: string, text: string): Promise<string> {
  const r = await t.call(
    'import:upload',
    { uploadId: '', fileName, index: 0, last: true, base64: Buffer.from(text, 'utf8').toString('base64') },
    session,
  );
  return r.uploadId;
}

export function balance(db: Db, accountId: number): number {
  return db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(accountId) as number;
}

export function entryCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM ledger_entries').pluck().get() as number;
}

export const BANK_SETTINGS = {
  deductionCode: 'HOSPBILL',
  finalPayDeduction: 'none' as const,
  payrollContact: 'Payroll office, ext. 4410',
  bankCompanyName: 'ST BRIGID RMC',
  bankCompanyId: '1012345678',
  bankRoutingNumber: '011000015',
  bankName: 'FIRST HARBOR BANK',
  entryDescription: 'HOSP BILL',
};

/** Five more guarantors, one account each, for runs with many arrangements. */
export const MORE_GUARANTORS = [
  'G3,M300,Lopez,Ana,1985-03-03,1 Elm St,Portland,ME,04101,2075550101,A4,2025-03-01,2025-03-01,outpatient,self_pay,,T5,charge,400.00,2025-03-01,,Visit',
  'G4,M400,Chen,Bo,1979-04-04,2 Elm St,Portland,ME,04101,2075550102,A5,2025-04-01,2025-04-01,outpatient,self_pay,,T6,charge,250.00,2025-04-01,,Visit',
  'G5,M500,Diaz,Cy,1990-05-05,3 Elm St,Portland,ME,04101,2075550103,A6,2025-05-01,2025-05-01,outpatient,self_pay,,T7,charge,100.00,2025-05-01,,Visit',
  'G6,M600,Evans,Di,1991-06-06,4 Elm St,Portland,ME,04101,2075550104,A7,2025-06-01,2025-06-01,outpatient,self_pay,,T8,charge,100.00,2025-06-01,,Visit',
  'G6,M600,Evans,Di,1991-06-06,4 Elm St,Portland,ME,04101,2075550104,A7,2025-06-01,2025-06-01,outpatient,self_pay,,T9,insurance_payment,-100.00,2025-07-01,EOB 9,Insurer',
  'G7,M700,Fox,Ed,1992-07-07,5 Elm St,Portland,ME,04101,2075550105,A8,2025-07-01,2025-07-01,outpatient,self_pay,,T10,charge,30.00,2025-07-01,,Visit',
];

export async function bigWorld(today = '2026-07-01'): Promise<BigWorld> {
  const { SMALL_EXTRACT } = await import('../accounts/fixtures');
  const t = testApp({ today });
  const admin = await setUpAndLogIn(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  const small = await importSmall(t, [SMALL_EXTRACT, ...MORE_GUARANTORS].join('\r\n'));
  const db = t.app.store.db;
  const g = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  const a = (num: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(num) as number;
  return {
    t,
    admin,
    clerk,
    db,
    jane: small.jane,
    john: small.john,
    a1: small.a1,
    a2: small.a2,
    a3: small.a3,
    ana: g('G3'),
    bo: g('G4'),
    cy: g('G5'),
    di: g('G6'),
    ed: g('G7'),
    a4: a('A4'),
    a5: a('A5'),
    a6: a('A6'),
    a7: a('A7'),
    a8: a('A8'),
  };
}
export interface BigWorld extends RunWorld {
  ana: number;
  bo: number;
  cy: number;
  di: number;
  ed: number;
  a4: number;
  a5: number;
  a6: number;
  a7: number;
  a8: number;
}

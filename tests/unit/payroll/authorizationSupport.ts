// The authorization forms' tests: a small book (two guarantors whose covered accounts owe $412.37 and
// $300.00), an employee on the roster matched to the first, and arrangements written straight into
// the store as payroll's arrangement service records them (test setup only: the set-up service is
// another helper's). Today 2026-11-26.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { sealAccountNumber } from '../../../src/main/capabilities/payroll/bankSeal';
import { setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

export const TODAY = '2026-11-26';

const line = (
  g: string,
  last: string,
  first: string,
  acct: string,
  from: string,
  to: string,
  tx: string,
  amount: string,
) =>
  `${g},M-${g},${last},${first},1984-03-09,12 Oak St,Portland,ME,04101,(207) 555-0142,${acct},${from},${to},outpatient,self_pay,,${tx},charge,${amount},${to},,Visit`;

/**
 * P1 Rosa Delgado: R1 $250.00 (2026-03-02), R2 $162.37 (2026-05-10 – 2026-05-12): $412.37.
 * P2 Tomás Ibáñez: B1 $300.00 (2026-02-14). P3 Omar Haddad: O1 $90.00.
 */
export const AUTH_EXTRACT = [
  COMBINED_HEADER,
  line('P1', 'Delgado', 'Rosa', 'R1', '2026-03-02', '2026-03-02', 'T1', '250.00'),
  line('P1', 'Delgado', 'Rosa', 'R2', '2026-05-10', '2026-05-12', 'T2', '162.37'),
  line('P2', 'Ibáñez', 'Tomás', 'B1', '2026-02-14', '2026-02-14', 'T3', '300.00'),
  line('P3', 'Haddad', 'Omar', 'O1', '2026-04-20', '2026-04-20', 'T4', '90.00'),
].join('\r\n');

/** The bank account number the tests seal: it must never print. */
export const FULL_ACCOUNT_NUMBER = '004417736789';

export interface AuthWorld {
  t: TestApp;
  admin: string;
  gid: (ext: string) => number;
  acct: (n: string) => number;
  employeeId: number;
}

export async function authWorld(): Promise<AuthWorld> {
  const t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, AUTH_EXTRACT);
  const db = t.app.store.db;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const now = t.app.nowIso();
  const employeeId = Number(
    db
      .prepare(
        `INSERT INTO employees (employee_number, last_name, first_name, birth_date, pay_frequency, pay_type,
           hourly_rate_cents, annual_salary_cents, weekly_hours_centi, exempt, work_state, status,
           guarantor_id, matched_on, created_at, updated_at)
         VALUES ('E-20417', 'Delgado', 'Rosa', '1984-03-09', 'biweekly', 'hourly', 1850, NULL, 4000, 0, 'TX',
           'active', ?, ?, ?, ?)`,
      )
      .run(gid('P1'), TODAY, now, now).lastInsertRowid,
  );
  return { t, admin, gid, acct, employeeId };
}

/** A payroll arrangement awaiting its signature, as the set-up service writes one. */
export function payrollArrangement(
  w: AuthWorld,
  o: { guarantor?: string; accounts?: string[]; amountCents?: number; firstDate?: string } = {},
): number {
  const db = w.t.app.store.db;
  const accounts = o.accounts ?? ['R1', 'R2'];
  const total = accounts.reduce(
    (s, n) => s + (db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(w.acct(n)) as number),
    0,
  );
  const id = Number(
    db
      .prepare(
        `INSERT INTO deduction_arrangements (guarantor_id, method, employee_id, amount_cents, frequency, first_date,
           total_cents, status, created_at, created_by)
         VALUES (?, 'payroll', ?, ?, 'biweekly', ?, ?, 'awaiting_signature', ?, 1)`,
      )
      .run(
        w.gid(o.guarantor ?? 'P1'),
        w.employeeId,
        o.amountCents ?? 5_000,
        o.firstDate ?? '2026-12-04',
        total,
        w.t.app.nowIso(),
      ).lastInsertRowid,
  );
  for (const n of accounts)
    db.prepare('INSERT INTO deduction_arrangement_accounts (arrangement_id, account_id) VALUES (?, ?)').run(
      id,
      w.acct(n),
    );
  return id;
}

/** A bank-transfer arrangement awaiting its signature: the account number sealed, its last four kept. */
export function bankArrangement(
  w: AuthWorld,
  o: { amountCents?: number; firstDate?: string; frequency?: string; type?: 'checking' | 'savings' } = {},
): number {
  const db = w.t.app.store.db;
  const g = w.gid('P2');
  const key = w.t.app.store.currentKey();
  const sealed = sealAccountNumber(key, FULL_ACCOUNT_NUMBER, g);
  key.fill(0);
  const id = Number(
    db
      .prepare(
        `INSERT INTO deduction_arrangements (guarantor_id, method, amount_cents, frequency, first_date, total_cents,
           status, bank_holder_name, bank_account_type, bank_routing, bank_account_last4, bank_account_sealed,
           created_at, created_by)
         VALUES (?, 'bank', ?, ?, ?, 30000, 'awaiting_signature', 'Tomás Ibáñez', ?, '011000015', '6789', ?, ?, 1)`,
      )
      .run(
        g,
        o.amountCents ?? 7_500,
        o.frequency ?? 'monthly',
        o.firstDate ?? '2026-12-31',
        o.type ?? 'checking',
        sealed,
        w.t.app.nowIso(),
      ).lastInsertRowid,
  );
  db.prepare('INSERT INTO deduction_arrangement_accounts (arrangement_id, account_id) VALUES (?, ?)').run(
    id,
    w.acct('B1'),
  );
  return id;
}

/**
 * A form's pages read back with pdftotext in the order they were drawn (-raw: each boxed field's
 * label then its value), whitespace made single spaces. PAYROLL_PDF_DIR keeps the file to look at.
 */
export function formPages(bytes: Buffer, keep?: string): string[] {
  const file = path.join(tempDir('recoup-form-'), 'form.pdf');
  writeFileSync(file, bytes);
  if (keep && process.env.PAYROLL_PDF_DIR) writeFileSync(path.join(process.env.PAYROLL_PDF_DIR, `${keep}.pdf`), bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map((p) => p.replace(/\s+/g, ' '));
}

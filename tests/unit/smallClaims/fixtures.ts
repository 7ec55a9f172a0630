// A small book for small-claims tests, with real statement runs (so the packet can reprint the
// recorded statements and final notice byte for byte). Statements went out 2026-02-02 (D0),
// 2026-03-04, 2026-04-03 and the final notice 2026-05-03 (naming a credit report, a civil action,
// wage garnishment and a bank levy; not a lien). The 501(r) gate allows a suit from 2026-06-02 (D0 + 120 = notice + 30). The world is left
// on 2026-05-20, when the gate is still waiting.
//
// G1 José García Ruiz (Spanish, CA): C1 charge $2,400.00, insurance paid $600.00, contractual
//    adjustment $300.00 -> $1,500.00; C2 emergency charge $450.00. Total $1,950.00.
// G2 王 小明 (CA): C3 $7,000.00, over California's $6,250.00 entity limit.
// G3 Ngozi Okafor (NY): N1 treated 2022-12-01, $900.00: New York's three years from treatment
//    (CPLR 213-d) ended 2025-11-30, too late.
// G4 Minh Nguyen (TX): X1 $1,200.00 (a Texas justice court; Rule 185 sworn account).
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, sendStatements, setUpAndLogIn, testApp, type TestApp } from '../support';

export const STATEMENT_DATES = ['2026-02-02', '2026-03-04', '2026-04-03', '2026-05-03'] as const;
export const GATE_OPENS = '2026-06-02';
export const COURT_TODAY = '2026-05-20';

const row = (
  g: string,
  last: string,
  first: string,
  city: string,
  state: string,
  zip: string,
  acct: string,
  from: string,
  serviceType: string,
  tx: string,
  type: string,
  amount: string,
  memo: string,
) =>
  `${g},M${g},${last},${first},1980-03-14,12 Olive Ave,${city},${state},${zip},3105550100,${acct},${from},${from},${serviceType},self_pay,,${tx},${type},${amount},${from},,${memo}`;

export const COURT_EXTRACT = [
  COMBINED_HEADER,
  row(
    'G1',
    'García Ruiz',
    'José',
    'Los Angeles',
    'CA',
    '90012',
    'C1',
    '2026-01-05',
    'outpatient',
    'T1',
    'charge',
    '2400.00',
    'Outpatient surgery',
  ),
  row(
    'G1',
    'García Ruiz',
    'José',
    'Los Angeles',
    'CA',
    '90012',
    'C1',
    '2026-01-05',
    'outpatient',
    'T2',
    'insurance_payment',
    '-600.00',
    'Blue Shield',
  ),
  row(
    'G1',
    'García Ruiz',
    'José',
    'Los Angeles',
    'CA',
    '90012',
    'C1',
    '2026-01-05',
    'outpatient',
    'T3',
    'contractual_adjustment',
    '-300.00',
    'Blue Shield contract',
  ),
  row(
    'G1',
    'García Ruiz',
    'José',
    'Los Angeles',
    'CA',
    '90012',
    'C2',
    '2026-01-20',
    'emergency',
    'T4',
    'charge',
    '450.00',
    'Emergency visit',
  ),
  row(
    'G2',
    '王',
    '小明',
    'San Gabriel',
    'CA',
    '91776',
    'C3',
    '2026-01-08',
    'inpatient',
    'T5',
    'charge',
    '7000.00',
    'Inpatient stay',
  ),
  row(
    'G3',
    'Okafor',
    'Ngozi',
    'Albany',
    'NY',
    '12207',
    'N1',
    '2022-12-01',
    'outpatient',
    'T6',
    'charge',
    '900.00',
    'Outpatient visit',
  ),
  row(
    'G4',
    'Nguyen',
    'Minh',
    'Houston',
    'TX',
    '77002',
    'X1',
    '2026-01-12',
    'outpatient',
    'T7',
    'charge',
    '1200.00',
    'Outpatient visit',
  ),
].join('\r\n');

export interface CourtWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  supervisor: string;
  acct: (n: string) => number;
  gid: (ext: string) => number;
}

/** The book imported, four statement runs sent, everyone screened (did not apply), three users. */
export async function courtWorld(): Promise<CourtWorld> {
  const t = testApp({ today: STATEMENT_DATES[0] });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, COURT_EXTRACT);
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  db.prepare("UPDATE guarantors SET language = 'Spanish' WHERE external_id = 'G1'").run();
  db.prepare("UPDATE guarantors SET fap_status = 'not_applied', fap_status_date = '2026-02-02'").run();
  // The final notice names what the hospital may do: report, sue, and after a judgment garnish wages
  // or levy a bank account (not a lien, nor a sale of the debt: those wait for a notice naming them).
  const settings = await t.call('settings:get', {}, admin);
  await t.call(
    'settings:update',
    {
      statements: {
        ...settings.statements,
        intendedActions: ['credit_report', 'civil_action', 'wage_garnishment', 'bank_levy'],
      },
    },
    admin,
  );
  for (const [i, date] of STATEMENT_DATES.entries()) {
    t.clock.setToday(date);
    await sendStatements(t, admin, `court-statements-${i}`);
  }
  t.clock.setToday(COURT_TODAY);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  return { t, admin, clerk, supervisor, acct, gid };
}

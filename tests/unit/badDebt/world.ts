// A small Medicare book for the bad-debt service tests, imported through the billing extract:
//
// B1 "Marsh, Eleanor" (guarantor G1) outpatient Medicare 2026-01-12, charge $1,200.00, Medicare paid
//    $800.00 -> owes $400.00; RA 2026-01-20; deductible $240.00 + coinsurance $100.00 = $340.00
//    allowable; first bill 2026-02-02 (13 days after the RA), so the 120 days end 2026-06-02.
// B2 "Chidi Okafor" (G2) outpatient Medicare 2026-02-10, charge $2,000.00, paid $1,500.00 -> owes
//    $500.00; RA 2026-02-20; deductible $300.00 + coinsurance $150.00 = $450.00; first bill
//    2026-03-01, 120 days end 2026-06-29.
// B3 "Chidi Okafor" (G2) outpatient Medicare Advantage 2026-02-11, owes $300.00 (BD-03: excluded).
// B4 "Marsh, Eleanor" (G1) inpatient Medicare 2026-03-02..2026-03-05, charge $5,000.00, paid
//    $3,400.00 -> owes $1,600.00; RA 2026-03-20; deductible $1,600.00; first bill 2026-04-01.
//
// Settings: CCN 123456, fiscal year ending 12-31. Today 2026-11-26.
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

const HEADER = `${COMBINED_HEADER},patient_name,mbi,medicare_ra_date,deductible,coinsurance`;

export function extractRow(
  g: string,
  last: string,
  first: string,
  acct: string,
  from: string,
  to: string,
  serviceType: string,
  payer: string,
  firstBill: string,
  tx: string,
  type: string,
  amount: string,
  on: string,
  patient: string,
  ra: string,
  deductible: string,
  coinsurance: string,
): string {
  return `${g},M${g},${last},${first},1948-09-30,45 Lake St,Portland,ME,04101,2075550100,${acct},${from},${to},${serviceType},${payer},${firstBill},${tx},${type},${amount},${on},,,${patient},1EG4TE5MK7${acct.slice(-1)},${ra},${deductible},${coinsurance}`;
}

export function extract(rows: string[]): string {
  return [HEADER, ...rows].join('\r\n');
}

export const WORLD_EXTRACT = extract([
  extractRow(
    'G1',
    'Marsh',
    'Eleanor',
    'B1',
    '2026-01-12',
    '2026-01-12',
    'outpatient',
    'medicare',
    '2026-02-02',
    'T1',
    'charge',
    '1200.00',
    '2026-01-12',
    '"Marsh, Eleanor"',
    '2026-01-20',
    '240.00',
    '100.00',
  ),
  extractRow(
    'G1',
    'Marsh',
    'Eleanor',
    'B1',
    '2026-01-12',
    '2026-01-12',
    'outpatient',
    'medicare',
    '2026-02-02',
    'T2',
    'insurance_payment',
    '-800.00',
    '2026-01-20',
    '"Marsh, Eleanor"',
    '2026-01-20',
    '240.00',
    '100.00',
  ),
  extractRow(
    'G2',
    'Okafor',
    'Chidi',
    'B2',
    '2026-02-10',
    '2026-02-10',
    'outpatient',
    'medicare',
    '2026-03-01',
    'T3',
    'charge',
    '2000.00',
    '2026-02-10',
    'Chidi Okafor',
    '2026-02-20',
    '300.00',
    '150.00',
  ),
  extractRow(
    'G2',
    'Okafor',
    'Chidi',
    'B2',
    '2026-02-10',
    '2026-02-10',
    'outpatient',
    'medicare',
    '2026-03-01',
    'T4',
    'insurance_payment',
    '-1500.00',
    '2026-02-20',
    'Chidi Okafor',
    '2026-02-20',
    '300.00',
    '150.00',
  ),
  extractRow(
    'G2',
    'Okafor',
    'Chidi',
    'B3',
    '2026-02-11',
    '2026-02-11',
    'outpatient',
    'medicare_advantage',
    '2026-03-01',
    'T5',
    'charge',
    '300.00',
    '2026-02-11',
    'Chidi Okafor',
    '2026-02-20',
    '100.00',
    '50.00',
  ),
  extractRow(
    'G1',
    'Marsh',
    'Eleanor',
    'B4',
    '2026-03-02',
    '2026-03-05',
    'inpatient',
    'medicare',
    '2026-04-01',
    'T6',
    'charge',
    '5000.00',
    '2026-03-05',
    '"Marsh, Eleanor"',
    '2026-03-20',
    '1600.00',
    '0.00',
  ),
  extractRow(
    'G1',
    'Marsh',
    'Eleanor',
    'B4',
    '2026-03-02',
    '2026-03-05',
    'inpatient',
    'medicare',
    '2026-04-01',
    'T7',
    'insurance_payment',
    '-3400.00',
    '2026-03-20',
    '"Marsh, Eleanor"',
    '2026-03-20',
    '1600.00',
    '0.00',
  ),
]);

export interface BadDebtWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  sup: string;
  supId: number;
  ids: Record<'B1' | 'B2' | 'B3' | 'B4', number>;
  g1: number;
  g2: number;
}

export async function badDebtWorld(today = '2026-11-26'): Promise<BadDebtWorld> {
  const t = testApp({ today });
  const admin = await setUpAndLogIn(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const sup = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  const settings = await t.call('settings:get', {}, admin);
  await t.call('settings:update', { badDebt: { ...settings.badDebt, ccn: '123456', fiscalYearEnd: '12-31' } }, admin);
  await importSmall(t, WORLD_EXTRACT);
  const db = t.app.store.db;
  const id = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const g = (n: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(n) as number;
  return {
    t,
    admin,
    clerk,
    sup,
    supId: db.prepare("SELECT id FROM users WHERE username = 'sup1'").pluck().get() as number,
    ids: { B1: id('B1'), B2: id('B2'), B3: id('B3'), B4: id('B4') },
    g1: g('G1'),
    g2: g('G2'),
  };
}

export function balance(w: BadDebtWorld, accountId: number): number {
  return w.t.app.store.db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(accountId) as number;
}

// A small book for estate tests, with real statement runs (D0 2026-02-02, then 2026-03-04,
// 2026-04-03 and the final notice 2026-05-03), so the 501(r) clock for an estate claim (an ECA,
// ECA-04) runs from real dates: it allows one from 2026-06-02 (D0 + 120 = notice + 30).
//
// E1 Eleanor Marsh (Minnesota: the probate row 4 months / 60 days / 12 months; last illness class
//    4, final year class 5, others class 7):
//    M1 inpatient self-pay, 2026-01-05..2026-01-09, charge $3,000.00 -> placed with Acme Recovery
//       (by hand on 2026-06-05, released by the supervisor).
//    M2 outpatient Medicare, 2026-01-12..2026-01-12, charge $1,200.00, Medicare paid $800.00 ->
//       $400.00, of which deductible $240.00 + coinsurance $100.00 = $340.00 (the bad-debt share
//       at a closing with nothing; the other $60.00 is written off).
//    M3 emergency self-pay, 2026-01-20..2026-01-21, charge $650.00.
//    Total owed $4,050.00. A current monthly plan over M2 and M3 ($1,050.00, 6 instalments from
//    2026-07-01) and an open promise of $50.00 due 2026-06-30.
// E2 李 美玲 (Spanish, California: no row, so the Uniform Probate Code's default '*'):
//    L1 outpatient self-pay 2026-01-15, charge $820.00.
//
// The world is left on 2026-06-10 (ESTATE_TODAY): nothing recorded about a death yet.
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, sendStatements, setUpAndLogIn, testApp, type TestApp } from '../support';

export const ESTATE_STATEMENT_DATES = ['2026-02-02', '2026-03-04', '2026-04-03', '2026-05-03'] as const;
/** The 501(r) clock allows an estate claim from this day (D0 2026-02-02 + 120 days; final notice + 30). */
export const ESTATE_GATE_OPENS = '2026-06-02';
export const PLACED_ON = '2026-06-05';
export const ESTATE_TODAY = '2026-06-10';

const HEADER = `${COMBINED_HEADER},deductible,coinsurance`;

const row = (
  g: string,
  last: string,
  first: string,
  city: string,
  state: string,
  zip: string,
  acct: string,
  from: string,
  to: string,
  serviceType: string,
  payer: string,
  tx: string,
  type: string,
  amount: string,
  memo: string,
  deductible = '',
  coinsurance = '',
) =>
  `${g},M${g},${last},${first},1948-09-30,45 Lake St,${city},${state},${zip},6125550100,${acct},${from},${to},${serviceType},${payer},,${tx},${type},${amount},${to},,${memo},${deductible},${coinsurance}`;

export const ESTATE_EXTRACT = [
  HEADER,
  row(
    'E1',
    'Marsh',
    'Eleanor',
    'Minneapolis',
    'MN',
    '55401',
    'M1',
    '2026-01-05',
    '2026-01-09',
    'inpatient',
    'self_pay',
    'T1',
    'charge',
    '3000.00',
    'Inpatient stay',
  ),
  row(
    'E1',
    'Marsh',
    'Eleanor',
    'Minneapolis',
    'MN',
    '55401',
    'M2',
    '2026-01-12',
    '2026-01-12',
    'outpatient',
    'medicare',
    'T2',
    'charge',
    '1200.00',
    'Outpatient procedure',
    '240.00',
    '100.00',
  ),
  row(
    'E1',
    'Marsh',
    'Eleanor',
    'Minneapolis',
    'MN',
    '55401',
    'M2',
    '2026-01-12',
    '2026-01-12',
    'outpatient',
    'medicare',
    'T3',
    'insurance_payment',
    '-800.00',
    'Medicare',
    '240.00',
    '100.00',
  ),
  row(
    'E1',
    'Marsh',
    'Eleanor',
    'Minneapolis',
    'MN',
    '55401',
    'M3',
    '2026-01-20',
    '2026-01-21',
    'emergency',
    'self_pay',
    'T4',
    'charge',
    '650.00',
    'Emergency visit',
  ),
  row(
    'E2',
    '李',
    '美玲',
    'San Gabriel',
    'CA',
    '91776',
    'L1',
    '2026-01-15',
    '2026-01-15',
    'outpatient',
    'self_pay',
    'T5',
    'charge',
    '820.00',
    'Outpatient visit',
  ),
].join('\r\n');

export interface EstateWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  supervisor: string;
  acct: (n: string) => number;
  gid: (ext: string) => number;
  agencyId: number;
  planId: number;
  promiseId: number;
  placementId: number;
}

/**
 * The book imported, four statement runs sent, everyone screened (did not apply), three users, an
 * agency with M1 placed, E1's plan over M2 and M3 and an open promise. Today 2026-06-10.
 */
export async function estateWorld(): Promise<EstateWorld> {
  const t = testApp({ today: ESTATE_STATEMENT_DATES[0] });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, ESTATE_EXTRACT);
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  db.prepare("UPDATE guarantors SET language = 'Spanish' WHERE external_id = 'E2'").run();
  db.prepare("UPDATE guarantors SET fap_status = 'not_applied', fap_status_date = '2026-02-02'").run();
  for (const [i, date] of ESTATE_STATEMENT_DATES.entries()) {
    t.clock.setToday(date);
    await sendStatements(t, admin, `estate-statements-${i}`);
  }
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');

  t.clock.setToday(PLACED_ON);
  const { agencyId } = await t.call(
    'agencies:save',
    {
      name: 'Acme Recovery',
      baaSignedOn: '2026-01-15',
      recallDays: 180,
      remittanceMethod: 'gross',
      sharePercent: 100,
      licenceStates: ['MN', 'CA'],
    },
    supervisor,
  );
  await t.call('agencies:setFee', { agencyId, kind: 'primary', rateBp: 2500, effectiveFrom: '2026-01-01' }, supervisor);
  const { batchIds } = await t.call(
    'placements:build',
    { kind: 'primary', method: 'hand', agencyId, accountIds: [acct('M1')] },
    clerk,
  );
  await t.call('placements:release', { batchId: batchIds[0] as number }, supervisor);
  const placementId = db
    .prepare("SELECT id FROM placements WHERE account_id = ? AND status = 'placed'")
    .pluck()
    .get(acct('M1')) as number;

  t.clock.setToday(ESTATE_TODAY);
  const plan = await t.call(
    'plans:create',
    {
      guarantorId: gid('E1'),
      accountIds: [acct('M2'), acct('M3')],
      fapAnswer: 'declined',
      downPaymentCents: 0,
      frequency: 'monthly',
      firstDueDate: '2026-07-01',
      installmentCount: 6,
    },
    clerk,
  );
  const { id: promiseId } = await t.call(
    'promises:add',
    { guarantorId: gid('E1'), amountCents: 5_000, dueDate: '2026-06-30' },
    clerk,
  );
  return { t, admin, clerk, supervisor, acct, gid, agencyId, planId: plan.id, promiseId, placementId };
}

/** An account's balance as the ledger has it: the sum of its entries. */
export function ledgerSum(w: EstateWorld, accountId: number): number {
  return w.t.app.store.db
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE account_id = ?')
    .pluck()
    .get(accountId) as number;
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

/** What a refused step must leave as it was: the estate tables, plans, promises, placements, holds, ledger, activity. */
export function footprint(w: EstateWorld): string {
  const db = w.t.app.store.db;
  const tables = [
    'deaths',
    'death_effects',
    'estates',
    'estate_accounts',
    'estate_events',
    'estate_documents',
    'eca_attempts',
    'eca_releases',
    'plans',
    'plan_events',
    'promises',
    'placements',
    'holds',
    'ledger_entries',
    'activities',
    'accounts',
    'guarantors',
  ];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

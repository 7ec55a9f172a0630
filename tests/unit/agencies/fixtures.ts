// A small delinquent book for agency tests. Business date 2026-12-01. Every account's first
// statement (D0) was 2026-06-01 (notification period ended 2026-09-29) unless said otherwise; final
// notices as listed. The shipped agency policy: $50.00 minimum, 30 days after the final notice.
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';

export const AGENCY_TODAY = '2026-12-01';

const row = (
  g: string,
  last: string,
  first: string,
  acct: string,
  payer: string,
  serviceType: string,
  firstStatement: string,
  tx: string,
  amount: string,
) =>
  `${g},M${g},${last},${first},1970-01-01,1 Elm St,Augusta,ME,04330,2075550100,${acct},2026-04-01,2026-04-02,${serviceType},${payer},${firstStatement},${tx},charge,${amount},2026-04-02,,Room and board`;

/**
 * P1 Ames $1,000.00 self-pay, P2 Baker $500.00 Medicare, P3 Cole $49.99 (below the minimum),
 * P4 王 小明 $800.00 obstetric commercial, P5 Dunn $700.00 (final notice only 2026-11-15),
 * P6 Ellis $900.00 (no final notice), P7 Ford $600.00 (disputed), P8 Gray $400.00 (assistance pending),
 * P9 Hale $650.00 Medicare Advantage, P10 Íñiguez $300.00 Medicaid.
 */
export const AGENCY_EXTRACT = [
  COMBINED_HEADER,
  row('G1', 'Ames', 'Ann', 'P1', 'self_pay', 'outpatient', '2026-06-01', 'T1', '1000.00'),
  row('G2', 'Baker', 'Bo', 'P2', 'medicare', 'inpatient', '2026-06-01', 'T2', '500.00'),
  row('G3', 'Cole', 'Cy', 'P3', 'self_pay', 'outpatient', '2026-06-01', 'T3', '49.99'),
  row('G4', '王', '小明', 'P4', 'commercial', 'obstetric', '2026-06-01', 'T4', '800.00'),
  row('G5', 'Dunn', 'Di', 'P5', 'self_pay', 'outpatient', '2026-06-01', 'T5', '700.00'),
  row('G6', 'Ellis', 'Ed', 'P6', 'self_pay', 'outpatient', '2026-06-01', 'T6', '900.00'),
  row('G7', 'Ford', 'Flo', 'P7', 'self_pay', 'outpatient', '2026-06-01', 'T7', '600.00'),
  row('G8', 'Gray', 'Gus', 'P8', 'self_pay', 'outpatient', '2026-06-01', 'T8', '400.00'),
  row('G9', 'Hale', 'Hal', 'P9', 'medicare_advantage', 'outpatient', '2026-06-01', 'T9', '650.00'),
  row('G10', 'Íñiguez', 'Inés', 'P10', 'medicaid', 'emergency', '2026-06-01', 'T10', '300.00'),
].join('\r\n');

export interface AgencyWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  supervisor: string;
  acct: (n: string) => number;
  gid: (ext: string) => number;
}

/** The book imported, final notices recorded, a dispute and a pending application, three users. */
export async function agencyWorld(): Promise<AgencyWorld> {
  const t = testApp({ today: AGENCY_TODAY });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, AGENCY_EXTRACT);
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  // The final notices the statement run would have recorded (the run itself is tested elsewhere).
  db.prepare(
    "UPDATE accounts SET final_notice_date = '2026-09-01' WHERE account_number IN ('P1','P2','P3','P4','P7','P8','P9','P10')",
  ).run();
  db.prepare("UPDATE accounts SET final_notice_date = '2026-11-15' WHERE account_number = 'P5'").run();
  db.prepare(
    "UPDATE guarantors SET fap_status = 'pending', fap_status_date = '2026-11-20' WHERE external_id = 'G8'",
  ).run();
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  await t.call('holds:place', { guarantorId: gid('G7'), reason: 'dispute', note: 'Says she paid' }, clerk);
  return { t, admin, clerk, supervisor, acct, gid };
}

/** An agency with a BAA and a primary fee of `rateBp` from 2026-01-01; returns its id. */
export async function addAgency(
  w: AgencyWorld,
  name = 'Acme Recovery',
  opts: { rateBp?: number; method?: 'gross' | 'net'; share?: number; recallDays?: number } = {},
): Promise<number> {
  const { agencyId } = await w.t.call(
    'agencies:save',
    {
      name,
      baaSignedOn: '2026-01-15',
      recallDays: opts.recallDays ?? 180,
      remittanceMethod: opts.method ?? 'gross',
      sharePercent: opts.share ?? 100,
      licenceStates: ['ME'],
    },
    w.supervisor,
  );
  await w.t.call(
    'agencies:setFee',
    { agencyId, kind: 'primary', rateBp: opts.rateBp ?? 2500, effectiveFrom: '2026-01-01' },
    w.supervisor,
  );
  return agencyId;
}

/** Places the accounts with the agency by hand and releases the batch; returns the batch id. */
export async function placeByHand(w: AgencyWorld, agencyId: number, accounts: string[]): Promise<number> {
  const { batchIds } = await w.t.call(
    'placements:build',
    { kind: 'primary', method: 'hand', agencyId, accountIds: accounts.map(w.acct) },
    w.clerk,
  );
  const batchId = batchIds[0] as number;
  await w.t.call('placements:release', { batchId }, w.supervisor);
  return batchId;
}

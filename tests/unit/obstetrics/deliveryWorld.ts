// A small book for the delivery and true-up tests (issue 17), today 2027-03-01:
// G1 María García, born 1995-04-02 (the extract's record):
//   D1 obstetric, service 2026-12-17 (60 days before the expected 2027-02-15: the window's first day), $3,000.00
//   D2 inpatient, service 2027-04-16 (60 days after: the window's last day), $500.00
//   X1 obstetric 2026-12-16 (61 days before: out), $100.00; X2 inpatient 2027-04-17 (out), $100.00;
//   X3 outpatient 2027-02-15 (not a delivery's kind), $100.00.
// G2 Ana Garcia, born 1995-04-02: N1 obstetric 2027-02-10, $800.00 (the same birth date and last name).
// G3 Maria Lopez, born 1995-04-02: L1 inpatient 2027-02-12, $700.00 (the same birth date and first name).
// G4 Maria Garcia, born 1995-04-03: B1 obstetric 2027-02-11, $900.00 (another birth date: never offered).
// G9 Maria Garcia, born 1995-04-02: Z1 outpatient 2025-01-05, $50.00; made 'ob_interview' by the
//   world (the record Recoup makes at an interview before registration's extract knows her).
// Cases are written with the row writers (caseRows, depositRows) as the interview would save them.
import { changeLedger } from '../../../src/main/capabilities/ledger';
import { insertCase, insertVersion, markSigned } from '../../../src/main/capabilities/obstetrics/caseRows';
import { currentVersion } from '../../../src/main/capabilities/obstetrics/reads';
import { insertDeposit } from '../../../src/main/capabilities/obstetrics/depositRows';
import { obEstimate, obSchedule, SELF_PAY_COVERAGE, type ObCoverage } from '../../../src/shared/rules/obstetrics';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

export const TODAY = '2027-03-01';
export const EXPECTED = '2027-02-15';

const G1 = 'G1,M100,García,María,1995-04-02,12 Oak St,Portland,ME,04101,2075550142';
const row = (g: string, acct: string, from: string, type: string, cents: string, tx: string) =>
  `${g},${acct},${from},${from},${type},self_pay,,${tx},charge,${cents},${from},,Delivery`;

export const DELIVERY_EXTRACT = [
  COMBINED_HEADER,
  row(G1, 'D1', '2026-12-17', 'obstetric', '3000.00', 'T1'),
  row(G1, 'D2', '2027-04-16', 'inpatient', '500.00', 'T2'),
  row(G1, 'X1', '2026-12-16', 'obstetric', '100.00', 'T3'),
  row(G1, 'X2', '2027-04-17', 'inpatient', '100.00', 'T4'),
  row(G1, 'X3', '2027-02-15', 'outpatient', '100.00', 'T5'),
  row('G2,M200,Garcia,Ana,1995-04-02,3 Elm St,Portland,ME,04101,', 'N1', '2027-02-10', 'obstetric', '800.00', 'T6'),
  row('G3,M300,Lopez,Maria,1995-04-02,4 Elm St,Portland,ME,04101,', 'L1', '2027-02-12', 'inpatient', '700.00', 'T7'),
  row('G4,M400,Garcia,Maria,1995-04-03,5 Elm St,Portland,ME,04101,', 'B1', '2027-02-11', 'obstetric', '900.00', 'T8'),
  row('G9,,Garcia,Maria,1995-04-02,12 Oak St,Portland,ME,04101,', 'Z1', '2025-01-05', 'outpatient', '50.00', 'T9'),
].join('\r\n');

export const SELF_PAY: ObCoverage = SELF_PAY_COVERAGE;

export interface DeliveryWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  by: number;
  g: (externalId: string) => number;
  acct: (n: string) => number;
  balance: (n: string) => number;
  /** A case as the interview saves it (made 2026-10-01, $3,000.00 self-pay, monthly from 2026-11-01), signed unless told. */
  openCase: (guarantor: string, o?: { expected?: string; signed?: boolean; madeOn?: string }) => number;
  deposit: (caseId: number, cents: number, receivedOn: string, method?: 'cash' | 'check') => string;
  /** A payer's payment (or adjustment) posted on an account. */
  post: (
    n: string,
    cents: number,
    type?: 'insurance_payment' | 'contractual_adjustment' | 'patient_payment' | 'charge',
  ) => void;
}

export async function deliveryWorld(): Promise<DeliveryWorld> {
  const t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, DELIVERY_EXTRACT);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const db = t.app.store.db;
  const by = db.prepare("SELECT id FROM users WHERE username = 'clerk1'").pluck().get() as number;
  const g = (x: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(x) as number;
  db.prepare("UPDATE guarantors SET origin = 'ob_interview', external_id = NULL WHERE external_id = 'G9'").run();
  const g9 = db.prepare("SELECT id FROM guarantors WHERE origin = 'ob_interview'").pluck().get() as number;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const balance = (n: string) =>
    db.prepare('SELECT balance_cents FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const openCase: DeliveryWorld['openCase'] = (guarantor, o = {}) => {
    const expected = o.expected ?? EXPECTED;
    const madeOn = o.madeOn ?? '2026-10-01';
    const est = obEstimate({
      deliveryKind: 'vaginal',
      chargesCents: 300_000,
      coverage: SELF_PAY,
      expectedDelivery: expected,
      selfPayDiscountBp: 0,
      assistanceBp: 0,
    });
    if (!est.ok) throw new Error(est.reason);
    const firstDue = '2026-11-01';
    const s = obSchedule({
      totalCents: est.estimate.shareCents,
      firstDue,
      expectedDelivery: expected,
      daysBeforeDelivery: 30,
      today: madeOn,
    });
    if (!s.ok) throw new Error(s.reason);
    return db.transaction(() => {
      const caseId = insertCase(
        db,
        { guarantorId: guarantor === 'G9' ? g9 : g(guarantor), language: '', fapScreening: 'declined' },
        t.app.nowIso(),
        by,
      );
      insertVersion(
        db,
        {
          caseId,
          reason: 'interview',
          note: '',
          expectedDelivery: expected,
          deliveryKind: 'vaginal',
          coverage: SELF_PAY,
          chargesCents: 300_000,
          selfPayDiscountBp: 0,
          assistanceBp: 0,
          estimate: est.estimate,
          daysBefore: 30,
          lastAllowed: s.lastAllowed,
          firstDue,
          heldBeforeCents: 0,
          scheduledCents: est.estimate.shareCents,
          emptyReason: s.empty,
          madeOn,
        },
        s.installments,
        t.app.nowIso(),
        by,
      );
      if (o.signed !== false) markSigned(db, caseId, madeOn, currentVersion(db, caseId).id, by);
      return caseId;
    })();
  };
  const deposit: DeliveryWorld['deposit'] = (caseId, cents, receivedOn, method = 'check') =>
    insertDeposit(
      db,
      { caseId, amountCents: cents, receivedOn, method, reference: method === 'check' ? 'CK 101' : '' },
      receivedOn,
      t.app.nowIso(),
      by,
    ).receiptNumber;
  const post: DeliveryWorld['post'] = (n, cents, type = 'insurance_payment') =>
    changeLedger(t.app, by, (l) =>
      l.post({
        accountId: acct(n),
        type,
        amountCents: type === 'charge' ? cents : -cents,
        effectiveDate: t.app.clock.today(),
        reference: 'ERA 1',
        memo: 'Payer',
      }),
    );
  return {
    t,
    admin,
    clerk,
    by,
    g: (x) => (x === 'G9' ? g9 : g(x)),
    acct,
    balance,
    openCase,
    deposit,
    post,
  };
}

/** What a refused call must leave as it was. */
export function footprint(w: DeliveryWorld): string {
  const db = w.t.app.store.db;
  const tables = [
    'ob_cases',
    'ob_deposits',
    'ob_delivery_accounts',
    'holds',
    'ledger_entries',
    'payments',
    'accounts',
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

/**
 * 835 claims on file as the ERA import records them (issue 15): one file, a transaction per claim
 * (its payer and payment date), each claim posted.
 */
export function remittance(
  w: DeliveryWorld,
  claims: { account: string; role: 'primary' | 'secondary'; respCents: number; payer?: string; paidOn?: string }[],
): void {
  const db = w.t.app.store.db;
  const batch = db
    .prepare("INSERT INTO import_batches (started_at, source, files) VALUES ('2027-02-20T10:00:00Z', 'test', '[]')")
    .run().lastInsertRowid;
  const file = db
    .prepare(
      `INSERT INTO remittance_files (file_name, sha256, interchange_control, sender_id, receiver_id, interchange_date,
         import_batch_id, claims, posted, unmatched, paid_cents, adjusted_cents, imported_at)
       VALUES ('a.835', ?, '1', 'S', 'R', '2027-02-20', ?, ?, ?, 0, 0, 0, '2027-02-20T10:00:00Z')`,
    )
    .run(`sha${String(batch)}`, batch, claims.length, claims.length).lastInsertRowid;
  for (const [i, c] of claims.entries()) {
    const paidOn = c.paidOn ?? '2027-02-18';
    const tx = db
      .prepare(
        `INSERT INTO remittance_transactions (file_id, control_number, payer_name, handling, payment_cents, paid_on, remittance_date)
         VALUES (?, ?, ?, 'I', 0, ?, ?)`,
      )
      .run(file, String(i + 1), c.payer ?? 'Acme Health', paidOn, paidOn).lastInsertRowid;
    db.prepare(
      `INSERT INTO remittance_claims (transaction_id, seq, patient_control, account_id, status_code, payer_role, medicare,
         medicaid, charge_cents, paid_cents, patient_resp_cents, outcome, claim_key)
       VALUES (?, 1, ?, ?, '1', ?, 0, 0, 300000, 0, ?, 'posted', ?)`,
    ).run(tx, c.account, w.acct(c.account), c.role, c.respCents, `k${String(tx)}`);
  }
}

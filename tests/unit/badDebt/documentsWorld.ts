// A small book for the auditor's documents (BD-06, BD-08), built as the office builds it: an
// extract imported, four statement runs sent (2025-02-10, 03-12, 04-11 and the final notice 05-11),
// calls and letters logged, a payment posted; and the rows other helpers' services will write
// (an 835 claim with its CAS adjustments, an agency placement, a write-off approved with its
// bad-debt ledger entry) written straight in with SQL.
//
// M1 José Ángel Núñez-García: Medicare inpatient 2025-01-10..14, charge $2,000.00; Medicare paid
//    $1,500.00 (RA 2025-02-01; PR-1 $400.00, PR-2 $100.00) -> $500.00; he paid $50.00 on 2025-03-20
//    -> $450.00; placed with Harbor Recovery 2025-06-15, returned 2025-08-01; written off 2025-09-15
//    ($450.00: deductible + coinsurance − $50.00), effort ceased 2025-09-10.
// M2 王小明: Medicare outpatient 2025-01-20, $300.00, dual eligible (Medicaid MCD-88).
// M3 अनिल शर्मा: Medicare outpatient 2025-01-22, $250.00.
// C1 Ирина Петрова: commercial 2025-01-15, $800.00; placed 2025-06-15.
// S1 محمد عبد الله: self-pay 2025-01-18, $120.00.
import { changeLedger } from '../../../src/main/capabilities/ledger';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addAgency, place } from '../agencies/remittanceSupport';
import { addUserAndLogIn, sendStatements, setUpAndLogIn, testApp, type TestApp } from '../support';

export const DOC_STATEMENT_DATES = ['2025-02-10', '2025-03-12', '2025-04-11', '2025-05-11'] as const;

const HEADER = `${COMBINED_HEADER},mbi,medicaid_number,medicare_ra_date,deductible,coinsurance`;

function row(
  g: string,
  last: string,
  first: string,
  acct: string,
  from: string,
  to: string,
  type: string,
  payer: string,
  tx: string,
  txType: string,
  amount: string,
  medicare: { mbi?: string; medicaid?: string; ra?: string; deductible?: string; coinsurance?: string } = {},
): string {
  return `${g},M${g},${last},${first},1950-03-14,12 Olive Ave,Portland,ME,04101,2075550100,${acct},${from},${to},${type},${payer},,${tx},${txType},${amount},${from},,Care,${medicare.mbi ?? ''},${medicare.medicaid ?? ''},${medicare.ra ?? ''},${medicare.deductible ?? ''},${medicare.coinsurance ?? ''}`;
}

const MCR1 = { mbi: '1EG4TE5MK73', ra: '2025-02-01', deductible: '400.00', coinsurance: '100.00' };

export const DOCS_EXTRACT = [
  HEADER,
  row(
    'G1',
    'Núñez-García',
    'José Ángel',
    'M1',
    '2025-01-10',
    '2025-01-14',
    'inpatient',
    'medicare',
    'T1',
    'charge',
    '2000.00',
    MCR1,
  ),
  row(
    'G1',
    'Núñez-García',
    'José Ángel',
    'M1',
    '2025-01-10',
    '2025-01-14',
    'inpatient',
    'medicare',
    'T2',
    'insurance_payment',
    '-1500.00',
    MCR1,
  ),
  row('G2', '王', '小明', 'M2', '2025-01-20', '2025-01-20', 'outpatient', 'medicare', 'T3', 'charge', '300.00', {
    mbi: '2FH5UF6NK84',
    medicaid: 'MCD-88',
  }),
  row('G3', 'शर्मा', 'अनिल', 'M3', '2025-01-22', '2025-01-22', 'outpatient', 'medicare', 'T4', 'charge', '250.00', {
    mbi: '3GJ6VG7PM95',
  }),
  row('G4', 'Петрова', 'Ирина', 'C1', '2025-01-15', '2025-01-15', 'outpatient', 'commercial', 'T5', 'charge', '800.00'),
  row('G5', 'عبد الله', 'محمد', 'S1', '2025-01-18', '2025-01-18', 'outpatient', 'self_pay', 'T6', 'charge', '120.00'),
].join('\r\n');

export interface DocsWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  acct: (n: string) => number;
  gid: (ext: string) => number;
}

export async function docsWorld(): Promise<DocsWorld> {
  const t = testApp({ today: DOC_STATEMENT_DATES[0] });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, DOCS_EXTRACT);
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  db.prepare("UPDATE guarantors SET fap_status = 'not_applied', fap_status_date = '2025-02-01'").run();
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');

  // The 835 Medicare paid on M1 (ERA's rows; written here as eraRows.ts will write them).
  const batch = db.prepare('SELECT max(id) FROM import_batches').pluck().get() as number;
  const file = Number(
    db
      .prepare(
        `INSERT INTO remittance_files (file_name, sha256, interchange_control, sender_id, receiver_id, interchange_date,
           import_batch_id, claims, posted, unmatched, paid_cents, adjusted_cents, imported_at, imported_by)
         VALUES ('ra.835', 'abc', '000000001', 'MEDICARE', 'STBRIGID', '2025-02-01', ?, 1, 1, 0, 150000, 0, '2025-02-02T12:00:00Z', 1)`,
      )
      .run(batch).lastInsertRowid,
  );
  const tx = Number(
    db
      .prepare(
        `INSERT INTO remittance_transactions (file_id, control_number, payer_name, handling, payment_cents, remittance_date)
         VALUES (?, '0001', 'Medicare Part A (Noridian)', 'C', 150000, '2025-02-01')`,
      )
      .run(file).lastInsertRowid,
  );
  const claim = Number(
    db
      .prepare(
        `INSERT INTO remittance_claims (transaction_id, seq, patient_control, account_id, status_code, payer_role, filing_indicator,
           medicare, medicaid, payer_claim_number, charge_cents, paid_cents, patient_resp_cents, deductible_cents, coinsurance_cents,
           service_from, service_to, outcome, claim_key)
         VALUES (?, 1, 'M1', ?, '1', 'primary', 'MA', 1, 0, 'ICN-55501', 200000, 150000, 50000, 40000, 10000,
           '2025-01-10', '2025-01-14', 'posted', 'M1|ICN-55501')`,
      )
      .run(tx, acct('M1')).lastInsertRowid,
  );
  const adj = db.prepare(
    `INSERT INTO remittance_adjustments (claim_id, line_no, group_code, reason_code, amount_cents) VALUES (?, 0, ?, ?, ?)`,
  );
  adj.run(claim, 'PR', '1', 40000);
  adj.run(claim, 'PR', '2', 10000);

  for (const [i, date] of DOC_STATEMENT_DATES.entries()) {
    if (i === 2) {
      // José pays $50.00 by check between the second and the third statement.
      t.clock.setToday('2025-03-20');
      await t.call(
        'payments:post',
        { guarantorId: gid('G1'), method: 'check', reference: '1042', amountCents: 5000, effectiveDate: '2025-03-20' },
        clerk,
      );
    }
    t.clock.setToday(date);
    await sendStatements(t, admin, `docs-statements-${i}`);
  }

  const log = (g: string, a: string | null, kind: 'call' | 'letter', occurredOn: string, note: string) =>
    t.call(
      'activity:log',
      {
        guarantorId: gid(g),
        ...(a ? { accountId: acct(a) } : {}),
        kind,
        direction: 'outbound',
        outcome: kind === 'call' ? 'left_message' : 'reached',
        note,
        occurredOn,
      },
      clerk,
    );
  t.clock.setToday('2025-05-20');
  await log('G1', 'M1', 'call', '2025-03-01', 'Reminded of the balance after Medicare');
  await log('G1', null, 'letter', '2025-04-20', 'Letter about all accounts');
  await log('G4', 'C1', 'call', '2025-03-02', 'Asked for payment');
  await log('G4', 'C1', 'letter', '2025-04-21', 'Balance letter');
  await log('G3', 'M3', 'call', '2025-03-03', 'Asked for payment');

  const agency = addAgency(t, 'Harbor Recovery', 'gross', 2500);
  place(t, agency, acct('M1'), '2025-06-15', {
    rateBp: 2500,
    placedCents: 45000,
    returnedOn: '2025-08-01',
    returnReason: 'no_payment',
  });
  place(t, agency, acct('C1'), '2025-06-15', { rateBp: 2500, placedCents: 80000 });

  // M1 written off as Medicare bad debt: the entry posted through the ledger, the decision recorded
  // as rows.ts will record it.
  t.clock.setToday('2025-09-15');
  const supervisorId = 1;
  const entryId = changeLedger(t.app, supervisorId, (ledger) =>
    ledger.post({
      accountId: acct('M1'),
      type: 'bad_debt_writeoff',
      amountCents: -45000,
      effectiveDate: '2025-09-15',
      reasonCode: 'medicare_bad_debt',
      memo: 'Medicare bad debt',
      approvedBy: supervisorId,
    }),
  );
  const clerkId = db.prepare("SELECT id FROM users WHERE username = 'clerk1'").pluck().get() as number;
  db.prepare(
    `INSERT INTO bad_debt_writeoffs (account_id, status, ceased_on, deductible_cents, coinsurance_cents, paid_prior_cents,
       amount_cents, proposed_note, proposed_at, proposed_by, written_off_on, decided_at, decided_by, decision_note, ledger_entry_id)
     VALUES (?, 'approved', '2025-09-10', 40000, 10000, 5000, 45000, 'Back from the agency with nothing paid',
       '2025-09-11T14:00:00Z', ?, '2025-09-15', '2025-09-15T15:00:00Z', ?, 'Collection effort exhausted', ?)`,
  ).run(acct('M1'), clerkId, supervisorId, entryId);
  t.clock.setToday('2025-10-01');
  return { t, admin, clerk, acct, gid };
}

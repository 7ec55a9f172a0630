// A small, hand-made extract for account tests: two guarantors, three accounts, known balances.
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { importHooks, type TestApp } from '../support';

export const COMBINED_HEADER =
  'guarantor_id,mrn,last_name,first_name,date_of_birth,address_line1,city,state,zip,phone,account_number,service_from,service_to,service_type,payer_class,first_statement_date,transaction_id,transaction_type,amount,effective_date,reference,memo';

/** Jane Q Smith: A1 ($500.00, 2025-01-10), A2 ($300.00, 2025-06-01). John O'Brien-Núñez: A3 ($1,200.00). */
export const SMALL_EXTRACT = [
  COMBINED_HEADER,
  'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01,T1,charge,500.00,2025-01-10,,Clinic visit',
  'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A2,2025-06-01,2025-06-03,inpatient,commercial,2025-07-15,T2,charge,1000.00,2025-06-03,,Room and board',
  'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A2,2025-06-01,2025-06-03,inpatient,commercial,2025-07-15,T3,insurance_payment,-700.00,2025-07-01,EOB 77,Insurer',
  "G2,M200,O'Brien-Núñez,John,1950-07-04,1 Main St,Bangor,ME,04401,2075550199,A3,2026-10-01,2026-10-01,emergency,medicare,,T4,charge,1200.00,2026-10-01,,ER level 4",
].join('\r\n');

export async function importSmall(t: TestApp, text = SMALL_EXTRACT) {
  const report = await runImport(
    t.app.store.db,
    [
      {
        name: 'small.csv',
        layout: 'combined',
        text,
        mapping: {
          layout: 'combined',
          columns: autoMapping(csvHeaders(text), 'combined'),
          dateFormat: 'YYYY-MM-DD',
          encoding: 'utf-8',
          amountSign: 'signed',
          typeCodes: {},
        },
      },
    ],
    { mode: 'commit', now: t.app.nowIso(), userId: 1, source: 'test', ...importHooks(t) },
  );
  if (!report.committed) throw new Error(report.errors.map((e) => e.reason).join('\n'));
  const id = (sql: string, v: string) => t.app.store.db.prepare(sql).pluck().get(v) as number;
  return {
    report,
    jane: id('SELECT id FROM guarantors WHERE external_id = ?', 'G1'),
    john: id('SELECT id FROM guarantors WHERE external_id = ?', 'G2'),
    a1: id('SELECT id FROM accounts WHERE account_number = ?', 'A1'),
    a2: id('SELECT id FROM accounts WHERE account_number = ?', 'A2'),
    a3: id('SELECT id FROM accounts WHERE account_number = ?', 'A3'),
  };
}

// Issue 15, the 835 import's tests: the five real files read from ../shared/fixtures/x12-835 (never
// copied into the project; licence and source in its NOTICE.md), a small book whose account
// numbers are those files' patient control numbers, and uploads as the workspace sends them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

export const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/x12-835');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'latin1');
}

export const ERA_TODAY = '2026-12-01';

const row = (g: string, last: string, first: string, acct: string, payer: string, type: string, amount: string) =>
  `${g},M${g},${last},${first},1940-01-01,1 Elm St,Augusta,ME,04330,2075550100,${acct},2026-03-01,2026-03-04,${type},${payer},,T${acct},charge,${amount},2026-03-04,,Hospital services`;

/**
 * Accounts named as the fixtures' claims (CLP01) with their charges: 5554555444 Budd $800.00 and
 * 8765432112 Settle $1,200.00 (managed-care.835); 666123 Jones $211,366.97 (medicare-part-a.835,
 * inpatient) and 777777 Border $15,000.00; L0004828311 Townsend and 0001000053 Baki
 * (secondary-payment.835); 0001000054 Island (tertiary); 0001000055 Burck (cob).
 */
export const ERA_EXTRACT = [
  COMBINED_HEADER,
  row('G1', 'Budd', 'William', '5554555444', 'commercial', 'outpatient', '800.00'),
  row('G2', 'Settle', 'Susan', '8765432112', 'commercial', 'outpatient', '1200.00'),
  row('G3', 'Jones', 'Sam', '666123', 'medicare', 'inpatient', '211366.97'),
  row('G4', 'Border', 'Liz', '777777', 'medicare', 'outpatient', '15000.00'),
  row('G5', 'Townsend', 'William', 'L0004828311', 'medicare', 'inpatient', '10323.64'),
  row('G6', 'Baki', 'Angi', '0001000053', 'medicare', 'outpatient', '751.50'),
  row('G7', 'Island', 'Ellis', '0001000054', 'medicare', 'outpatient', '1766.50'),
  row('G8', 'Burck', 'Raymond', '0001000055', 'medicare', 'outpatient', '541.00'),
].join('\r\n');

export interface EraWorld {
  t: TestApp;
  clerk: string;
  acct: (n: string) => number;
  balance: (n: string) => number;
  account: (n: string) => {
    medicare_ra_date: string | null;
    secondary_ra_date: string | null;
    medicaid_ra_date: string | null;
  };
}

export async function eraWorld(extract = ERA_EXTRACT): Promise<EraWorld> {
  const t = testApp({ today: ERA_TODAY });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, extract);
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const db = t.app.store.db;
  const acct = (n: string) => db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const balance = (n: string) =>
    db.prepare('SELECT balance_cents FROM accounts WHERE account_number = ?').pluck().get(n) as number;
  const account = (n: string) =>
    db
      .prepare('SELECT medicare_ra_date, secondary_ra_date, medicaid_ra_date FROM accounts WHERE account_number = ?')
      .get(n) as ReturnType<EraWorld['account']>;
  return { t, clerk, acct, balance, account };
}

/** A file sent as the workspace sends it ('import:upload'); returns the upload id. */
export async function upload(
  t: TestApp,
  session: string,
  fileName: string,
  text: string,
  encoding: BufferEncoding = 'latin1',
): Promise<string> {
  const r = await t.call(
    'import:upload',
    { uploadId: '', fileName, index: 0, last: true, base64: Buffer.from(text, encoding).toString('base64') },
    session,
  );
  return r.uploadId;
}

/** Uploads and imports; returns the file's detail. */
export async function importText(w: EraWorld, name: string, text: string) {
  const uploadId = await upload(w.t, w.clerk, name, text);
  return w.t.call('era:import', { uploadId }, w.clerk);
}

export function count(t: TestApp, table: string): number {
  return t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Everything the import may change, to compare before and after a refused import. */
export function snapshot(t: TestApp): string {
  const db = t.app.store.db;
  return JSON.stringify({
    ledger: db.prepare('SELECT * FROM ledger_entries ORDER BY id').all(),
    accounts: db
      .prepare(
        'SELECT id, balance_cents, medicare_ra_date, secondary_ra_date, medicaid_ra_date FROM accounts ORDER BY id',
      )
      .all(),
    guarantors: db.prepare('SELECT id, balance_cents FROM guarantors ORDER BY id').all(),
    files: count(t, 'remittance_files'),
    claims: count(t, 'remittance_claims'),
    adjustments: count(t, 'remittance_adjustments'),
    batches: count(t, 'import_batches'),
  });
}

/**
 * An 835 written with other separators: element `el`, component `comp`, segment `seg` and what
 * follows each segment (`gap`: '' none, '\r\n', '\n', or trailing spaces). The ISA keeps its fixed
 * width, so the separators it declares are the new ones.
 */
export function reseparate(text: string, el: string, comp: string, seg: string, gap: string): string {
  const segments = text
    .split('~')
    .map((s) => s.replace(/^\s+/, ''))
    .filter((s) => s !== '');
  return segments
    .map((s) => {
      const fields = s.split('*');
      // ISA11 (repetition) kept apart from the new separators; ISA16 is the component separator.
      if (fields[0] === 'ISA') [fields[11], fields[16]] = ['{', comp];
      const out = fields.map((f, i) => (fields[0] === 'ISA' && i === 16 ? f : f.split(':').join(comp))).join(el);
      return out + seg + gap;
    })
    .join('');
}

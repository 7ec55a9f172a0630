// Guarantors and their accounts as stored: the rows, a guarantor's name and mailing address as
// every document prints them.
import { AppError } from '../../../shared/errors';
import { fullName } from '../../../shared/names';
import { matchName } from '../../../shared/nameTokens';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { AccountsRow, GuarantorsRow } from '../../store/schema';
import { addNameTokens } from './search';

/** A guarantor as stored (the row type is generated from the migrations: src/main/store/schema.ts). */
export type GuarantorRow = GuarantorsRow;
/** An account as stored. */
export type AccountRow = AccountsRow;

/** What a guarantor is called (src/shared/names.ts), from a row's name columns. */
export function guarantorName(r: Pick<GuarantorsRow, 'first_name' | 'middle_name' | 'last_name'>): string {
  return fullName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name });
}

/** The guarantor's mailing address as printed on letters, receipts and statements: blank lines left out. */
export function mailingAddress(
  g: Pick<GuarantorsRow, 'address_line1' | 'address_line2' | 'city' | 'state' | 'zip'>,
): string[] {
  return [
    g.address_line1,
    g.address_line2,
    [g.city, g.state].filter(Boolean).join(', ') + (g.zip ? ` ${g.zip}` : ''),
  ].filter((l) => l.trim() !== '');
}

export function guarantorRow(db: Db, guarantorId: number): GuarantorRow {
  const g = prepared(db, 'SELECT * FROM guarantors WHERE id = ?').get(guarantorId) as GuarantorRow | undefined;
  if (!g) throw new AppError('not_found', 'There is no such guarantor.');
  return g;
}

export function accountRows(db: Db, guarantorId: number): AccountRow[] {
  return db
    .prepare('SELECT * FROM accounts WHERE guarantor_id = ? ORDER BY service_from, id')
    .all(guarantorId) as AccountRow[];
}

// ---- Writes. This module is the only one that writes the guarantors and accounts tables
// (eslint/table-owners.mjs): the import's rows, balances moved by the ledger, the 501(r) clock's
// dates set by the statement run, and the financial-assistance status.

/** The guarantor columns the billing extract carries (the import writes these, and only these). */
export const GUARANTOR_EXTRACT_COLUMNS = [
  'external_id',
  'mrn',
  'last_name',
  'first_name',
  'middle_name',
  'date_of_birth',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip',
  'phone',
  'email',
  'language',
  'employer',
  'is_employee',
  'employee_id',
  'pay_frequency',
  'hourly_rate_cents',
  'annual_salary_cents',
  'deceased',
  'date_of_death',
  'death_source',
  'fap_status',
  'fap_status_date',
  'bankruptcy',
  'do_not_call',
  'do_not_mail',
  'do_not_email',
] as const satisfies readonly (keyof GuarantorsRow)[];
export type GuarantorFromExtract = Pick<GuarantorsRow, (typeof GUARANTOR_EXTRACT_COLUMNS)[number]> & {
  external_id: string;
};

/** The account columns the billing extract carries. */
export const ACCOUNT_EXTRACT_COLUMNS = [
  'account_number',
  'guarantor_id',
  'patient_name',
  'service_from',
  'service_to',
  'service_type',
  'payer_class',
  'state_of_service',
  'mbi',
  'medicare_ra_date',
  'medicaid_number',
  'medicaid_ra_date',
  'secondary_ra_date',
  'deductible_cents',
  'coinsurance_cents',
  'last_illness',
  'first_statement_date',
] as const satisfies readonly (keyof AccountsRow)[];
export type AccountFromExtract = Pick<AccountsRow, (typeof ACCOUNT_EXTRACT_COLUMNS)[number]>;

/**
 * A guarantor's last and first names as the payroll match compares them (matchName), stored beside
 * the names (match_last, match_first: migration 033) wherever this module writes a name, so the
 * match reads them from the date-of-birth index (payroll/matching.ts, pendingMatches).
 */
function matchKeys(g: Pick<GuarantorsRow, 'last_name' | 'first_name'>): [string, string] {
  return [matchName(g.last_name), matchName(g.first_name)];
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * The statements the import writes guarantors and accounts with, prepared once per import: insert
 * a new row (null when the billing id is already in Recoup), read the stored one, update it. A
 * guarantor's names are written with their payroll match keys (matchKeys).
 */
export function extractWriter(db: Db) {
  const gCols = GUARANTOR_EXTRACT_COLUMNS.join(', ');
  const aCols = ACCOUNT_EXTRACT_COLUMNS.join(', ');
  const insertGuarantor = db.prepare<unknown[], { id: number }>(
    `INSERT INTO guarantors (${gCols}, match_last, match_first, created_at, updated_at)
     VALUES (${placeholders(GUARANTOR_EXTRACT_COLUMNS.length + 4)})
     ON CONFLICT (external_id) DO NOTHING RETURNING id`,
  );
  const findGuarantor = db.prepare<[string], GuarantorFromExtract & { id: number }>(
    `SELECT id, ${gCols} FROM guarantors WHERE external_id = ?`,
  );
  const updateGuarantor = db.prepare(
    `UPDATE guarantors SET (${gCols}, match_last, match_first, updated_at) = (${placeholders(GUARANTOR_EXTRACT_COLUMNS.length + 3)})
      WHERE id = ?`,
  );
  const guarantorIdOf = db.prepare<[string], number>('SELECT id FROM guarantors WHERE external_id = ?').pluck();
  const insertAccount = db.prepare<unknown[], { id: number }>(
    `INSERT INTO accounts (${aCols}, created_at, updated_at) VALUES (${placeholders(ACCOUNT_EXTRACT_COLUMNS.length + 2)})
     ON CONFLICT (account_number) DO NOTHING RETURNING id`,
  );
  const findAccount = db.prepare<[string], AccountFromExtract & { id: number }>(
    `SELECT id, ${aCols} FROM accounts WHERE account_number = ?`,
  );
  const updateAccount = db.prepare(
    `UPDATE accounts SET (${aCols}, updated_at) = (${placeholders(ACCOUNT_EXTRACT_COLUMNS.length + 1)}) WHERE id = ?`,
  );
  const accountIdOf = db.prepare<[string], number>('SELECT id FROM accounts WHERE account_number = ?').pluck();
  const gValues = (g: GuarantorFromExtract) => GUARANTOR_EXTRACT_COLUMNS.map((c) => g[c]);
  const aValues = (a: AccountFromExtract) => ACCOUNT_EXTRACT_COLUMNS.map((c) => a[c]);
  return {
    insertGuarantor: (g: GuarantorFromExtract, now: string) =>
      insertGuarantor.get(...gValues(g), ...matchKeys(g), now, now)?.id ?? null,
    findGuarantor: (externalId: string) => findGuarantor.get(externalId),
    updateGuarantor: (id: number, g: GuarantorFromExtract, now: string) => {
      updateGuarantor.run(...gValues(g), ...matchKeys(g), now, id);
    },
    guarantorIdOf: (externalId: string) => guarantorIdOf.get(externalId),
    insertAccount: (a: AccountFromExtract, now: string) => insertAccount.get(...aValues(a), now, now)?.id ?? null,
    findAccount: (accountNumber: string) => findAccount.get(accountNumber),
    updateAccount: (id: number, a: AccountFromExtract, now: string) => {
      updateAccount.run(...aValues(a), now, id);
    },
    accountIdOf: (accountNumber: string) => accountIdOf.get(accountNumber),
  };
}

/** The guarantor fields a supervisor may approve an extract's change of (identity and flags). */
export type HeldGuarantorField =
  | 'last_name'
  | 'first_name'
  | 'middle_name'
  | 'date_of_birth'
  | 'deceased'
  | 'bankruptcy'
  | 'do_not_call'
  | 'do_not_mail'
  | 'do_not_email';

/**
 * Applies one change a supervisor approved (the import held it). Lifting "deceased" also clears
 * the date and source of the death.
 */
export function applyApprovedGuarantorChange(
  db: Db,
  guarantorId: number,
  field: HeldGuarantorField,
  value: string | number | null,
  now: string,
): void {
  prepared(db, `UPDATE guarantors SET ${field} = ?, updated_at = ? WHERE id = ?`).run(value, now, guarantorId);
  // A name approved is stored with its match key (matchKeys).
  if ((field === 'last_name' || field === 'first_name') && typeof value === 'string')
    prepared(db, `UPDATE guarantors SET ${field === 'last_name' ? 'match_last' : 'match_first'} = ? WHERE id = ?`).run(
      matchName(value),
      guarantorId,
    );
  if (field === 'deceased' && value === 0)
    prepared(db, `UPDATE guarantors SET date_of_death = NULL, death_source = '' WHERE id = ?`).run(guarantorId);
}

/**
 * Records a death on the guarantor (the estates capability decides; issue 14), or lifts it (null):
 * the flag every query of the cycle reads, with the date and source.
 */
export function setDeceased(
  db: Db,
  guarantorId: number,
  death: { dateOfDeath: string; source: string } | null,
  now: string,
): void {
  prepared(
    db,
    'UPDATE guarantors SET deceased = ?, date_of_death = ?, death_source = ?, updated_at = ? WHERE id = ?',
  ).run(death ? 1 : 0, death?.dateOfDeath ?? null, death?.source ?? '', now, guarantorId);
}

/**
 * Moves an account's balance and its guarantor's balance by `delta` cents; returns the guarantor.
 * Only the ledger calls it, in the transaction that writes the entries (balances follow the ledger).
 */
export function moveBalance(db: Db, accountId: number, delta: number, at: string): number {
  // A read then an update, not UPDATE … RETURNING: inside a savepoint (every call is one, in the
  // router's transaction) RETURNING costs several times as much, and a large 835 moves 20,000.
  const row = prepared<[number], { guarantor_id: number }>(db, 'SELECT guarantor_id FROM accounts WHERE id = ?').get(
    accountId,
  );
  if (!row) throw new AppError('not_found', 'There is no such account.');
  prepared(db, 'UPDATE accounts SET balance_cents = balance_cents + ?, updated_at = ? WHERE id = ?').run(
    delta,
    at,
    accountId,
  );
  prepared(db, 'UPDATE guarantors SET balance_cents = balance_cents + ?, updated_at = ? WHERE id = ?').run(
    delta,
    at,
    row.guarantor_id,
  );
  return row.guarantor_id;
}

/** Which remittance date of an account an 835 claim sets (issue 15, BD-04 and BD-10). */
export type RemittanceDateField = 'medicare_ra_date' | 'secondary_ra_date' | 'medicaid_ra_date';

/**
 * Issue 15: a payer's remittance date onto the account, 'latest' semantics: a date already later
 * (from the extract or an earlier 835) stays, so an older remittance never moves it back. Returns
 * whether the account's date changed.
 */
export function setRemittanceDate(
  db: Db,
  accountId: number,
  field: RemittanceDateField,
  date: string,
  now: string,
): boolean {
  if (field !== 'medicare_ra_date' && field !== 'secondary_ra_date' && field !== 'medicaid_ra_date')
    throw new AppError('invalid_input', `${String(field)} is not a remittance date.`);
  const info = prepared(
    db,
    `UPDATE accounts SET ${field} = ?, updated_at = ? WHERE id = ? AND (${field} IS NULL OR ${field} < ?)`,
  ).run(date, now, accountId, date);
  return info.changes > 0;
}

/**
 * ECA-05: the account's first statement (D0) and its final notice, set once by the statement run
 * that sent them (a date already set is never moved).
 */
/**
 * D0 on an account that had none; a final notice's date on one that had none, with the ECAs the
 * notice named (ECA-05: an action it did not name waits for a notice that names it).
 */
export function setCollectionClock(
  db: Db,
  accountId: number,
  statementDate: string,
  finalNotice: { actions: readonly string[] } | null,
): void {
  prepared(db, 'UPDATE accounts SET first_statement_date = ? WHERE id = ? AND first_statement_date IS NULL').run(
    statementDate,
    accountId,
  );
  if (finalNotice)
    prepared(
      db,
      'UPDATE accounts SET final_notice_date = ?, final_notice_actions = ? WHERE id = ? AND final_notice_date IS NULL',
    ).run(statementDate, JSON.stringify(finalNotice.actions), accountId);
}

/** The guarantor's financial-assistance status (its history is compliance's fap_history). */
export function setFapStatus(
  db: Db,
  guarantorId: number,
  status: GuarantorsRow['fap_status'],
  date: string,
  now: string,
): void {
  prepared(db, 'UPDATE guarantors SET fap_status = ?, fap_status_date = ?, updated_at = ? WHERE id = ?').run(
    status,
    date,
    now,
    guarantorId,
  );
}

/**
 * Issue 11: the guarantor's mail came back (a clerk logged it). Statements and letters are held
 * until the address is corrected (compliance/holds.ts, returned_mail); the first return counts.
 */
export function markMailReturned(db: Db, guarantorId: number, on: string, now: string): void {
  const g = prepared<[number], AddressParts>(
    db,
    'SELECT address_line1, address_line2, city, state, zip FROM guarantors WHERE id = ?',
  ).get(guarantorId) as AddressParts | undefined;
  prepared(
    db,
    `UPDATE guarantors SET mail_returned_on = coalesce(mail_returned_on, ?), bounced_address = ?, updated_at = ?
      WHERE id = ?`,
  ).run(on, g ? addressKey(g) : null, now, guarantorId);
}

type AddressParts = { address_line1: string; address_line2: string; city: string; state: string; zip: string };

/**
 * An address as the post office reads it, to compare two: letter case, spaces and punctuation, and
 * a ZIP+4 against its five digits, make no difference.
 */
export function addressKey(a: AddressParts): string {
  const norm = (s: string | null | undefined) =>
    (s ?? '').toUpperCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
  return [norm(a.address_line1), norm(a.address_line2), norm(a.city), norm(a.state), (a.zip ?? '').slice(0, 5)].join(
    '|',
  );
}

/** The address the guarantor's mail last came back from, as addressKey() writes it (null when none). */
export function bouncedAddress(db: Db, guarantorId: number): string | null {
  return (
    (prepared<[number], string | null>(db, 'SELECT bounced_address FROM guarantors WHERE id = ?')
      .pluck()
      .get(guarantorId) as string | null | undefined) ?? null
  );
}

/** The address is corrected: the returned-mail hold ends. Returns the date the mail had come back, if it had. */
export function clearMailReturned(db: Db, guarantorId: number, now: string): string | null {
  const on = prepared<[number], string | null>(db, 'SELECT mail_returned_on FROM guarantors WHERE id = ?')
    .pluck()
    .get(guarantorId) as string | null | undefined;
  if (!on) return null;
  prepared(db, 'UPDATE guarantors SET mail_returned_on = NULL, updated_at = ? WHERE id = ?').run(now, guarantorId);
  return on;
}

/** A corrected mailing address entered by a clerk (issue 11: mail came back). */
export function setMailingAddress(
  db: Db,
  guarantorId: number,
  a: { line1: string; line2: string; city: string; state: string; zip: string },
  now: string,
): void {
  prepared(
    db,
    'UPDATE guarantors SET address_line1 = ?, address_line2 = ?, city = ?, state = ?, zip = ?, updated_at = ? WHERE id = ?',
  ).run(a.line1, a.line2, a.city, a.state, a.zip, now, guarantorId);
}

/** A guarantor a clerk records by hand (issue 17: an expectant patient the extract does not know yet). */
export interface GuarantorByHand {
  /** The hospital's guarantor number when registration has given one (the extract then updates this record); else null. */
  externalId: string | null;
  mrn: string | null;
  lastName: string;
  firstName: string;
  middleName: string;
  dateOfBirth: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  zip: string;
  /** Ten digits, as the import stores phone numbers (or ''). */
  phone: string;
  email: string;
  language: string;
}

/**
 * Issue 17: the guarantor record Recoup makes at an OB interview (origin 'ob_interview'), written
 * as the import writes a new one, and put in the name search the same way. A guarantor number
 * another record has already is refused (that record is the patient: choose it instead).
 */
export function insertGuarantorByHand(db: Db, g: GuarantorByHand, now: string): number {
  if (g.externalId !== null) {
    const other = prepared<[string], number>(db, 'SELECT id FROM guarantors WHERE external_id = ?')
      .pluck()
      .get(g.externalId);
    if (other !== undefined)
      throw new AppError('conflict', `Guarantor number ${g.externalId} is another guarantor's: search for her there.`, {
        'newPatient.guarantorNumber': 'Another guarantor has this number: search for her instead.',
      });
  }
  const id = Number(
    prepared(
      db,
      `INSERT INTO guarantors (external_id, mrn, last_name, first_name, middle_name, date_of_birth, address_line1,
         address_line2, city, state, zip, phone, email, language, origin, match_last, match_first, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ob_interview', ?, ?, ?, ?)`,
    ).run(
      g.externalId,
      g.mrn,
      g.lastName,
      g.firstName,
      g.middleName,
      g.dateOfBirth,
      g.addressLine1,
      g.addressLine2,
      g.city,
      g.state,
      g.zip,
      g.phone,
      g.email,
      g.language,
      ...matchKeys({ last_name: g.lastName, first_name: g.firstName }),
      now,
      now,
    ).lastInsertRowid,
  );
  addNameTokens(db, id, g.firstName, g.middleName, g.lastName);
  return id;
}

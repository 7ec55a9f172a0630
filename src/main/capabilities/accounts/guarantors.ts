// Guarantors and their accounts as stored: the rows, a guarantor's name and mailing address as
// every document prints them.
import { AppError } from '../../../shared/errors';
import type { AccountView, GuarantorHeader } from '../../../shared/schemas/accounts';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

export interface GuarantorRow {
  id: number;
  external_id: string | null;
  mrn: string | null;
  last_name: string;
  first_name: string;
  middle_name: string;
  date_of_birth: string | null;
  address_line1: string;
  address_line2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  language: string;
  employer: string;
  is_employee: number;
  employee_id: string | null;
  pay_frequency: string | null;
  hourly_rate_cents: number | null;
  annual_salary_cents: number | null;
  deceased: number;
  date_of_death: string | null;
  death_source: string;
  fap_status: GuarantorHeader['fapStatus'];
  fap_status_date: string | null;
  bankruptcy: number;
  do_not_call: number;
  do_not_mail: number;
  do_not_email: number;
  balance_cents: number;
}

export interface AccountRow {
  id: number;
  account_number: string;
  patient_name: string;
  service_from: string;
  service_to: string;
  service_type: AccountView['serviceType'];
  payer_class: AccountView['payerClass'];
  state_of_service: string;
  mbi: string | null;
  medicare_ra_date: string | null;
  medicaid_number: string | null;
  medicaid_ra_date: string | null;
  secondary_ra_date: string | null;
  deductible_cents: number;
  coinsurance_cents: number;
  last_illness: number;
  first_statement_date: string | null;
  final_notice_date: string | null;
  balance_cents: number;
}

export function guarantorName(r: { last_name: string; first_name: string; middle_name: string }): string {
  return `${r.first_name}${r.middle_name ? ` ${r.middle_name}` : ''} ${r.last_name}`;
}

/** The guarantor's mailing address as printed on letters, receipts and statements: blank lines left out. */
export function mailingAddress(g: {
  address_line1: string;
  address_line2: string;
  city: string;
  state: string;
  zip: string;
}): string[] {
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

// From a row's cells to a guarantor, account or transaction record, field by field, with a plain
// reason for each bad cell. The column a field reads from comes from the clerk's mapping.
import type { ImportMapping, RecordKind } from '../../../shared/schemas/import';
import { IMPORT_FIELDS } from '../../../shared/schemas/import';
import type { LedgerType } from '../../../shared/schemas/ledger';
import { LEDGER_TYPE_SIGN, LEDGER_TYPES } from '../../../shared/schemas/ledger';
import * as v from './values';
import type { AccountsRow, GuarantorsRow } from '../../store/schema';

export interface CellProblem {
  field: string;
  value: string;
  reason: string;
}

export class RowReader {
  readonly problems: CellProblem[] = [];
  constructor(
    private readonly columns: Map<string, number>,
    private cells: string[] = [],
  ) {}

  reset(cells: string[]): this {
    this.cells = cells;
    this.problems.length = 0;
    return this;
  }

  raw(field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  /** Reads a field through a parser; a failure is recorded and the fallback returned. */
  read<T>(field: string, parse: (raw: string) => T, fallback: T, required = false): T {
    const raw = this.raw(field);
    if (required && raw.trim() === '') {
      this.problems.push({ field, value: raw, reason: 'is required' });
      return fallback;
    }
    try {
      return parse(raw);
    } catch (err) {
      this.problems.push({ field, value: raw, reason: err instanceof v.CellError ? err.message : 'cannot be read' });
      return fallback;
    }
  }

  fail(field: string, reason: string): void {
    this.problems.push({ field, value: this.raw(field), reason });
  }
}

export interface GuarantorRecord {
  externalId: string;
  mrn: string | null;
  lastName: string;
  firstName: string;
  middleName: string;
  dateOfBirth: string | null;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  language: string;
  employer: string;
  isEmployee: boolean;
  employeeId: string | null;
  payFrequency: GuarantorsRow['pay_frequency'];
  hourlyRateCents: number | null;
  annualSalaryCents: number | null;
  deceased: boolean;
  dateOfDeath: string | null;
  deathSource: string;
  fapStatus: GuarantorsRow['fap_status'];
  fapStatusDate: string | null;
  bankruptcy: boolean;
  doNotCall: boolean;
  doNotMail: boolean;
  doNotEmail: boolean;
}

export interface AccountRecord {
  accountNumber: string;
  guarantorExternalId: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  serviceType: AccountsRow['service_type'];
  payerClass: AccountsRow['payer_class'];
  stateOfService: string;
  mbi: string | null;
  medicareRaDate: string | null;
  medicaidNumber: string | null;
  medicaidRaDate: string | null;
  secondaryRaDate: string | null;
  deductibleCents: number;
  coinsuranceCents: number;
  lastIllness: boolean;
  firstStatementDate: string | null;
}

export interface TransactionRecord {
  externalId: string;
  accountNumber: string;
  type: Exclude<LedgerType, 'reversal'>;
  amountCents: number;
  effectiveDate: string;
  reference: string;
  memo: string;
}

const nonNegative = (raw: string) => {
  const c = v.dollars(raw);
  if (c !== null && c < 0) throw new v.CellError('cannot be negative');
  return c;
};

// Parsers made once, not per row (an import reads millions of cells).
const text40 = (x: string) => v.text(x, 40);
const text60 = (x: string) => v.text(x, 60);
const text80 = (x: string) => v.text(x, 80);
const text120 = (x: string) => v.text(x, 120);
const text200 = (x: string) => v.text(x, 200);
const text40OrNull = (x: string) => v.text(x, 40) || null;
const isoDate = (x: string) => v.date(x, 'YYYY-MM-DD');
const usDate = (x: string) => v.date(x, 'MM/DD/YYYY');
const dateParser = (format: v.DateFormat) => (format === 'MM/DD/YYYY' ? usDate : isoDate);
const isoDateRequired = (x: string) => v.date(x, 'YYYY-MM-DD') ?? '';
const usDateRequired = (x: string) => v.date(x, 'MM/DD/YYYY') ?? '';
const requiredDateParser = (format: v.DateFormat) => (format === 'MM/DD/YYYY' ? usDateRequired : isoDateRequired);
const languageOrEnglish = (x: string) => v.text(x, 40) || 'English';
const payFrequency = (x: string) => (x.trim() === '' ? null : v.choice(x, v.PAY_FREQUENCIES, 'pay frequency'));
const fapStatus = (x: string) =>
  x.trim() === '' ? 'unknown' : v.choice(x, v.FAP_STATUSES, 'financial-assistance status');
const serviceType = (x: string) => v.choice(x, v.SERVICE_TYPES, 'service type');
const payerClass = (x: string) => v.choice(x, v.PAYER_CLASSES, 'payer class');
const nonNegativeOrZero = (x: string) => nonNegative(x) ?? 0;

/** Only the fields the mapping names are read; an unmapped optional field keeps its default. */
export function readGuarantor(r: RowReader, m: ImportMapping): GuarantorRecord {
  const date = dateParser(m.dateFormat);
  const g: GuarantorRecord = {
    externalId: r.read('guarantor_id', text40, '', true),
    mrn: r.read('mrn', text40OrNull, null),
    lastName: r.read('last_name', text80, '', true),
    firstName: r.read('first_name', text80, '', true),
    middleName: r.read('middle_name', text80, ''),
    dateOfBirth: r.read('date_of_birth', date, null),
    addressLine1: r.read('address_line1', text120, ''),
    addressLine2: r.read('address_line2', text120, ''),
    city: r.read('city', text80, ''),
    state: r.read('state', v.state, ''),
    zip: r.read('zip', v.zip, ''),
    phone: r.read('phone', v.phone, ''),
    email: r.read('email', v.email, ''),
    language: r.read('language', languageOrEnglish, 'English'),
    employer: r.read('employer', text120, ''),
    isEmployee: r.read('is_employee', v.yesNo, false),
    employeeId: r.read('employee_id', text40OrNull, null),
    payFrequency: r.read('pay_frequency', payFrequency, null),
    hourlyRateCents: r.read('hourly_rate', nonNegative, null),
    annualSalaryCents: r.read('annual_salary', nonNegative, null),
    deceased: r.read('deceased', v.yesNo, false),
    dateOfDeath: r.read('date_of_death', date, null),
    deathSource: r.read('death_source', text80, ''),
    fapStatus: r.read('fap_status', fapStatus, 'unknown'),
    fapStatusDate: r.read('fap_status_date', date, null),
    bankruptcy: r.read('bankruptcy', v.yesNo, false),
    doNotCall: r.read('do_not_call', v.yesNo, false),
    doNotMail: r.read('do_not_mail', v.yesNo, false),
    doNotEmail: r.read('do_not_email', v.yesNo, false),
  };
  if (g.dateOfDeath && !g.deceased) g.deceased = true;
  if (g.dateOfBirth && g.dateOfDeath && g.dateOfDeath < g.dateOfBirth)
    r.fail('date_of_death', 'is before the date of birth');
  return g;
}

export function readAccount(
  r: RowReader,
  m: ImportMapping,
  guarantorField: 'guarantor_id' | 'account_guarantor_id',
): AccountRecord {
  const date = dateParser(m.dateFormat);
  const requiredDate = requiredDateParser(m.dateFormat);
  const a: AccountRecord = {
    accountNumber: r.read('account_number', text40, '', true),
    guarantorExternalId: r.read(guarantorField, text40, '', true),
    patientName: r.read('patient_name', text120, ''),
    serviceFrom: r.read('service_from', requiredDate, '', true),
    serviceTo: r.read('service_to', requiredDate, '', true),
    // A fallback is never written: a cell that fails makes its row an error.
    serviceType: r.read('service_type', serviceType, 'outpatient', true),
    payerClass: r.read('payer_class', payerClass, 'self_pay', true),
    stateOfService: r.read('state_of_service', v.state, ''),
    mbi: r.read('mbi', v.mbi, null),
    medicareRaDate: r.read('medicare_ra_date', date, null),
    medicaidNumber: r.read('medicaid_number', text40OrNull, null),
    medicaidRaDate: r.read('medicaid_ra_date', date, null),
    secondaryRaDate: r.read('secondary_ra_date', date, null),
    deductibleCents: r.read('deductible', nonNegativeOrZero, 0),
    coinsuranceCents: r.read('coinsurance', nonNegativeOrZero, 0),
    lastIllness: r.read('last_illness', v.yesNo, false),
    firstStatementDate: r.read('first_statement_date', date, null),
  };
  if (a.serviceFrom && a.serviceTo && a.serviceTo < a.serviceFrom)
    r.fail('service_to', 'is before the service-from date');
  return a;
}

const RECOUP_TYPES = new Set<string>(LEDGER_TYPES.filter((t) => t !== 'reversal'));

/** Common billing-system codes; a profile adds the hospital's own. */
export const DEFAULT_TYPE_CODES: Record<string, Exclude<LedgerType, 'reversal'>> = {
  chg: 'charge',
  charge: 'charge',
  pmt: 'patient_payment',
  pay: 'patient_payment',
  pp: 'patient_payment',
  ins: 'insurance_payment',
  ip: 'insurance_payment',
  adj: 'contractual_adjustment',
  ca: 'contractual_adjustment',
  chr: 'charity_adjustment',
  fap: 'charity_adjustment',
  bd: 'bad_debt_writeoff',
  wo: 'bad_debt_writeoff',
  ref: 'refund',
  aa: 'administrative_adjustment',
};

export function readTransaction(
  r: RowReader,
  m: ImportMapping,
  accountField: 'account_number' | 'transaction_account_number',
): TransactionRecord | null {
  const code = r.raw('transaction_type').trim();
  const custom = m.typeCodes[code] ?? m.typeCodes[code.toUpperCase()] ?? m.typeCodes[code.toLowerCase()];
  let type: Exclude<LedgerType, 'reversal'> | null = null;
  if (code === '') r.fail('transaction_type', 'is required');
  else if (custom && RECOUP_TYPES.has(custom)) type = custom as Exclude<LedgerType, 'reversal'>;
  else if (RECOUP_TYPES.has(code.toLowerCase())) type = code.toLowerCase() as Exclude<LedgerType, 'reversal'>;
  else if (DEFAULT_TYPE_CODES[code.toLowerCase()]) type = DEFAULT_TYPE_CODES[code.toLowerCase()]!;
  else r.fail('transaction_type', 'is not a known transaction type (map the code in the profile)');

  const t = {
    externalId: r.read('transaction_id', text60, '', true),
    accountNumber: r.read(accountField, text40, '', true),
    amount: r.read('amount', v.dollars, null, true),
    effectiveDate: r.read('effective_date', requiredDateParser(m.dateFormat), '', true),
    reference: r.read('reference', text60, ''),
    memo: r.read('memo', text200, ''),
  };
  if (type === null || t.amount === null) return null;
  let amount = t.amount;
  const sign = LEDGER_TYPE_SIGN[type];
  if (amount === 0) {
    r.fail('amount', 'is zero');
    return null;
  }
  if (m.amountSign === 'by_type' && sign !== 0) {
    if (amount < 0) {
      r.fail('amount', 'is negative; this profile expects positive amounts with the sign taken from the type');
      return null;
    }
    amount *= sign;
  } else if ((sign === 1 && amount < 0) || (sign === -1 && amount > 0)) {
    r.fail(
      'amount',
      `has the wrong sign for a ${type.replace(/_/g, ' ')} (${sign === 1 ? 'it raises' : 'it lowers'} the balance)`,
    );
    return null;
  }
  return {
    externalId: t.externalId,
    accountNumber: t.accountNumber,
    type,
    amountCents: amount,
    effectiveDate: t.effectiveDate,
    reference: t.reference,
    memo: t.memo,
  };
}

/** The fields a layout needs mapped before any row is read. */
export function requiredFields(records: RecordKind[], layout: string): string[] {
  return IMPORT_FIELDS.filter((f) => f.required && records.includes(f.record))
    .map((f) => f.name)
    .filter(
      (name) => !(layout === 'combined' && (name === 'account_guarantor_id' || name === 'transaction_account_number')),
    );
}

// From a row's cells to a guarantor, account or transaction record, field by field, with a plain
// reason for each bad cell. The column a field reads from comes from the clerk's mapping.
import type { ImportMapping, RecordKind } from '../../../shared/schemas/import';
import { IMPORT_FIELDS } from '../../../shared/schemas/import';
import { ADDRESS_FIELDS } from '../../../shared/rules/extractOwnership';
import type { LedgerType } from '../../../shared/schemas/ledger';
import { LEDGER_TYPE_SIGN, LEDGER_TYPES } from '../../../shared/schemas/ledger';
import * as v from './values';
import type { AccountsRow } from '../../store/schema';
import type { AccountFromExtract, GuarantorFromExtract } from '../accounts';

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

  /**
   * Reads an optional field: undefined when the file has no such column or the cell is empty (no
   * information), else the parsed value; a failure is recorded (and undefined returned).
   */
  opt<T>(field: string, parse: (raw: string) => T): T | undefined {
    const i = this.columns.get(field);
    if (i === undefined) return undefined;
    const raw = this.cells[i] ?? '';
    if (raw.trim() === '') return undefined;
    try {
      return parse(raw);
    } catch (err) {
      this.problems.push({ field, value: raw, reason: err instanceof v.CellError ? err.message : 'cannot be read' });
      return undefined;
    }
  }

  fail(field: string, reason: string): void {
    this.problems.push({ field, value: this.raw(field), reason });
  }
}

/**
 * A guarantor as an extract row gives it, in the stored row's column names. Only the fields the
 * row carries are present: an unmapped column or an empty cell is no information (the owner of
 * each field decides what a value does: src/shared/rules/extractOwnership.ts).
 */
export type GuarantorIncoming = Partial<Omit<GuarantorFromExtract, 'external_id'>> & {
  external_id: string;
  last_name: string;
  first_name: string;
};

/** An account as an extract row gives it; as for guarantors, only the fields the row carries. */
export type AccountIncoming = Partial<Omit<AccountFromExtract, 'guarantor_id'>> & {
  account_number: string;
  guarantorExternalId: string;
  service_from: string;
  service_to: string;
  service_type: AccountsRow['service_type'];
  payer_class: AccountsRow['payer_class'];
};

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
const isoDate = (x: string) => v.date(x, 'YYYY-MM-DD');
const usDate = (x: string) => v.date(x, 'MM/DD/YYYY');
const dateParser = (format: v.DateFormat) => (format === 'MM/DD/YYYY' ? usDate : isoDate);
const isoDateRequired = (x: string) => v.date(x, 'YYYY-MM-DD') ?? '';
const usDateRequired = (x: string) => v.date(x, 'MM/DD/YYYY') ?? '';
const requiredDateParser = (format: v.DateFormat) => (format === 'MM/DD/YYYY' ? usDateRequired : isoDateRequired);
const payFrequency = (x: string) => (x.trim() === '' ? null : v.choice(x, v.PAY_FREQUENCIES, 'pay frequency'));
const fapStatus = (x: string) => v.choice(x, v.FAP_STATUSES, 'financial-assistance status');
const serviceType = (x: string) => v.choice(x, v.SERVICE_TYPES, 'service type');
const payerClass = (x: string) => v.choice(x, v.PAYER_CLASSES, 'payer class');

const yesNo01 = (x: string): 0 | 1 => (v.yesNo(x) ? 1 : 0);
const moneyOrNull = (x: string) => nonNegative(x);

/**
 * A date of something that has happened to the person: not after the import's business day. A
 * status date in the future would close a pending application for good (ECA-05); a date of death
 * or of birth in the future is no fact. (An account's first statement or remittance date is not
 * checked so: a later one only starts a clock later, and the owner rules keep the earliest D0.)
 */
const pastDateParser = (format: v.DateFormat, today: string) => {
  const date = dateParser(format);
  return (x: string) => {
    const d = date(x);
    if (d !== null && d > today) throw new v.CellError(`is after today (${today}): it cannot have happened yet`);
    return d;
  };
};

/**
 * A cell that holds only a placeholder ("-", "N/A") reads as empty: no information, like an empty
 * cell — never a value that blanks what Recoup has.
 */
const given = <T>(value: T | undefined): T | undefined => (value === '' || value === null ? undefined : value);

/** Only the fields the row carries are read; the owner rules decide what each does to Recoup's row. */
export function readGuarantor(r: RowReader, m: ImportMapping, today: string): GuarantorIncoming {
  const date = pastDateParser(m.dateFormat, today);
  const g: GuarantorIncoming = {
    external_id: r.read('guarantor_id', text40, '', true),
    last_name: r.read('last_name', text80, '', true),
    first_name: r.read('first_name', text80, '', true),
  };
  const set = <K extends keyof GuarantorIncoming>(key: K, value: GuarantorIncoming[K] | undefined) => {
    const v = given(value);
    if (v !== undefined) g[key] = v;
  };
  set('mrn', r.opt('mrn', text40));
  set('middle_name', r.opt('middle_name', text80));
  set('date_of_birth', r.opt('date_of_birth', date));
  set('address_line1', r.opt('address_line1', text120));
  set('address_line2', r.opt('address_line2', text120));
  set('city', r.opt('city', text80));
  set('state', r.opt('state', v.state));
  set('zip', r.opt('zip', v.zip));
  set('phone', r.opt('phone', v.phone));
  set('email', r.opt('email', v.email));
  set('language', r.opt('language', text40));
  set('employer', r.opt('employer', text120));
  set('is_employee', r.opt('is_employee', yesNo01));
  set('employee_id', r.opt('employee_id', text40));
  set('pay_frequency', r.opt('pay_frequency', payFrequency));
  set('hourly_rate_cents', r.opt('hourly_rate', moneyOrNull));
  set('annual_salary_cents', r.opt('annual_salary', moneyOrNull));
  set('deceased', r.opt('deceased', yesNo01));
  set('date_of_death', r.opt('date_of_death', date));
  set('death_source', r.opt('death_source', text80));
  set('fap_status', r.opt('fap_status', fapStatus));
  set('fap_status_date', r.opt('fap_status_date', date));
  set('bankruptcy', r.opt('bankruptcy', yesNo01));
  set('do_not_call', r.opt('do_not_call', yesNo01));
  set('do_not_mail', r.opt('do_not_mail', yesNo01));
  set('do_not_email', r.opt('do_not_email', yesNo01));
  // A row that gives address line 1 gives the whole address: an empty cell in another address
  // column the file carries clears the old value (src/shared/rules/extractOwnership.ts, `address`).
  if (g.address_line1 !== undefined)
    for (const field of ADDRESS_FIELDS) if (g[field] === undefined && r.has(field)) g[field] = '';
  if (g.date_of_death) g.deceased = 1;
  if (g.date_of_birth && g.date_of_death && g.date_of_death < g.date_of_birth)
    r.fail('date_of_death', 'is before the date of birth');
  return g;
}

export function readAccount(
  r: RowReader,
  m: ImportMapping,
  guarantorField: 'guarantor_id' | 'account_guarantor_id',
): AccountIncoming {
  const date = dateParser(m.dateFormat);
  const requiredDate = requiredDateParser(m.dateFormat);
  const a: AccountIncoming = {
    account_number: r.read('account_number', text40, '', true),
    guarantorExternalId: r.read(guarantorField, text40, '', true),
    service_from: r.read('service_from', requiredDate, '', true),
    service_to: r.read('service_to', requiredDate, '', true),
    // A fallback is never written: a cell that fails makes its row an error.
    service_type: r.read('service_type', serviceType, 'outpatient', true),
    payer_class: r.read('payer_class', payerClass, 'self_pay', true),
  };
  const set = <K extends keyof AccountIncoming>(key: K, value: AccountIncoming[K] | undefined) => {
    const v = given(value);
    if (v !== undefined) a[key] = v;
  };
  set('patient_name', r.opt('patient_name', text120));
  set('state_of_service', r.opt('state_of_service', v.state));
  set('mbi', r.opt('mbi', v.mbi));
  set('medicare_ra_date', r.opt('medicare_ra_date', date));
  set('medicaid_number', r.opt('medicaid_number', text40));
  set('medicaid_ra_date', r.opt('medicaid_ra_date', date));
  set('secondary_ra_date', r.opt('secondary_ra_date', date));
  set('deductible_cents', r.opt('deductible', moneyOrNull) ?? undefined);
  set('coinsurance_cents', r.opt('coinsurance', moneyOrNull) ?? undefined);
  set('last_illness', r.opt('last_illness', yesNo01));
  set('first_statement_date', r.opt('first_statement_date', date));
  if (a.service_from && a.service_to && a.service_to < a.service_from)
    r.fail('service_to', 'is before the service-from date');
  // ECA-05: D0 is the first statement after discharge; one dated before it is not that statement.
  if (a.first_statement_date && a.service_to && a.first_statement_date < a.service_to)
    r.fail(
      'first_statement_date',
      'is before the discharge (service-to) date: it cannot be the first statement after discharge',
    );
  return a;
}

// Court costs are recorded by Recoup itself (small claims), never brought in by the extract.
const RECOUP_TYPES = new Set<string>(LEDGER_TYPES.filter((t) => t !== 'reversal' && t !== 'court_costs'));

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

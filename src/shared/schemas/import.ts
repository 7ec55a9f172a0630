// The billing-extract import: its fields (the columns a clerk maps), layouts, options, and the
// report a preview or commit returns. docs/import-format.md documents the same fields.
import { z } from 'zod';
import { idSchema, requiredText } from './text';

export const IMPORT_LAYOUTS = ['combined', 'guarantors', 'accounts', 'transactions'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

export type RecordKind = 'guarantor' | 'account' | 'transaction';

export interface ImportField {
  name: string;
  label: string;
  record: RecordKind;
  required: boolean;
  /** What the value looks like, for the mapping screen and the format document. */
  format: string;
}

const f = (name: string, label: string, record: RecordKind, required: boolean, format: string): ImportField => ({
  name,
  label,
  record,
  required,
  format,
});

export const IMPORT_FIELDS: readonly ImportField[] = [
  f('guarantor_id', 'Guarantor id (billing system)', 'guarantor', true, 'text, up to 40'),
  f('mrn', 'Medical record number', 'guarantor', false, 'text, up to 40'),
  f('last_name', 'Last name', 'guarantor', true, 'text, up to 80'),
  f('first_name', 'First name', 'guarantor', true, 'text, up to 80'),
  f('middle_name', 'Middle name', 'guarantor', false, 'text, up to 80'),
  f('date_of_birth', 'Date of birth', 'guarantor', false, 'date'),
  f('address_line1', 'Street address', 'guarantor', false, 'text, up to 120'),
  f('address_line2', 'Address line 2', 'guarantor', false, 'text, up to 120'),
  f('city', 'City', 'guarantor', false, 'text, up to 80'),
  f('state', 'State', 'guarantor', false, 'two-letter code'),
  f('zip', 'ZIP code', 'guarantor', false, '12345 or 12345-6789'),
  f('phone', 'Phone', 'guarantor', false, '10 digits, any punctuation'),
  f('email', 'E-mail', 'guarantor', false, 'address, up to 120'),
  f('language', 'Preferred language', 'guarantor', false, 'text, up to 40'),
  f('employer', 'Employer', 'guarantor', false, 'text, up to 120'),
  f('is_employee', 'Hospital employee', 'guarantor', false, 'Y or N'),
  f('employee_id', 'Employee id', 'guarantor', false, 'text, up to 40'),
  f('pay_frequency', 'Pay frequency', 'guarantor', false, 'weekly, biweekly, semimonthly, monthly'),
  f('hourly_rate', 'Hourly rate', 'guarantor', false, 'dollars, e.g. 18.50'),
  f('annual_salary', 'Annual salary', 'guarantor', false, 'dollars, e.g. 52000.00'),
  f('deceased', 'Deceased', 'guarantor', false, 'Y or N'),
  f('date_of_death', 'Date of death', 'guarantor', false, 'date'),
  f('death_source', 'Source of death notice', 'guarantor', false, 'text, up to 80'),
  f(
    'fap_status',
    'Financial-assistance status',
    'guarantor',
    false,
    'unknown, not_applied, pending, approved_full, approved_partial, denied',
  ),
  f('fap_status_date', 'Financial-assistance status date', 'guarantor', false, 'date'),
  f('bankruptcy', 'Bankruptcy', 'guarantor', false, 'Y or N'),
  f('do_not_call', 'Do not call', 'guarantor', false, 'Y or N'),
  f('do_not_mail', 'Do not mail', 'guarantor', false, 'Y or N'),
  f('do_not_email', 'Do not e-mail', 'guarantor', false, 'Y or N'),

  f('account_number', 'Account number', 'account', true, 'text, up to 40'),
  f('account_guarantor_id', 'Guarantor id of the account', 'account', true, 'the guarantor id'),
  f('patient_name', 'Patient name', 'account', false, 'text, up to 120'),
  f('service_from', 'Service from', 'account', true, 'date'),
  f('service_to', 'Service to (discharge)', 'account', true, 'date'),
  f('service_type', 'Service type', 'account', true, 'inpatient, outpatient, emergency, obstetric'),
  f('payer_class', 'Payer class', 'account', true, 'self_pay, medicare, medicare_advantage, medicaid, commercial'),
  f('state_of_service', 'State of service', 'account', false, 'two-letter code'),
  f('mbi', 'Medicare MBI', 'account', false, '11 characters'),
  f('medicare_ra_date', 'Medicare remittance date', 'account', false, 'date'),
  f('medicaid_number', 'Medicaid number', 'account', false, 'text, up to 40'),
  f('medicaid_ra_date', 'Medicaid remittance date', 'account', false, 'date'),
  f('secondary_ra_date', 'Secondary payer remittance date', 'account', false, 'date'),
  f('deductible', 'Medicare deductible', 'account', false, 'dollars'),
  f('coinsurance', 'Medicare coinsurance', 'account', false, 'dollars'),
  f('last_illness', 'Last illness', 'account', false, 'Y or N'),
  f('first_statement_date', 'First post-discharge statement date', 'account', false, 'date'),

  f('transaction_id', 'Transaction id (billing system)', 'transaction', true, 'text, up to 60'),
  f('transaction_account_number', 'Account number of the transaction', 'transaction', true, 'the account number'),
  f('transaction_type', 'Transaction type', 'transaction', true, 'a Recoup type or a mapped code'),
  f('amount', 'Amount', 'transaction', true, 'dollars, e.g. 1234.56, -20.00 or (20.00)'),
  f('effective_date', 'Effective date', 'transaction', true, 'date'),
  f('reference', 'Reference', 'transaction', false, 'text, up to 60'),
  f('memo', 'Description', 'transaction', false, 'text, up to 200'),
];

export const IMPORT_FIELD_NAMES = IMPORT_FIELDS.map((x) => x.name);

/** Which records a layout's rows carry. */
export const LAYOUT_RECORDS: Record<ImportLayout, RecordKind[]> = {
  combined: ['guarantor', 'account', 'transaction'],
  guarantors: ['guarantor'],
  accounts: ['account'],
  transactions: ['transaction'],
};

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY'] as const;
export const ENCODINGS = ['utf-8', 'windows-1252'] as const;

const columnName = z.string().max(120, 'A column name is at most 120 characters.');

export const importMappingSchema = z.object({
  layout: z.enum(IMPORT_LAYOUTS, { error: 'Choose what the file holds.' }),
  /** Recoup field -> the file's column header. */
  columns: z
    .partialRecord(z.enum(IMPORT_FIELD_NAMES as [string, ...string[]]), columnName)
    .refine((c) => Object.keys(c).length <= IMPORT_FIELDS.length),
  dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  encoding: z.enum(ENCODINGS).default('utf-8'),
  /** signed: payments are negative in the file; by_type: amounts are positive and the type gives the sign. */
  amountSign: z.enum(['signed', 'by_type']).default('signed'),
  /** The billing system's transaction codes -> Recoup types (besides Recoup's own type names). */
  typeCodes: z.record(z.string().max(20), z.string().max(40)).default({}),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const uploadChunkInput = z.object({
  /** Empty for the first chunk; then the id the first answer gave. */
  uploadId: z.string().max(64).default(''),
  fileName: requiredText('File name', 200),
  index: z.number().int().min(0).max(100_000),
  last: z.boolean(),
  /** Up to 4 MiB of the file, base64. */
  base64: z
    .string()
    .max(6_000_000, 'A chunk is at most 4 MiB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A chunk is sent as base64.'),
});

export const importRunInput = z.object({
  /** The uploads, one per file: for combined one file; otherwise any of the three. */
  files: z
    .array(z.object({ uploadId: z.string().min(1).max(64), layout: z.enum(IMPORT_LAYOUTS) }))
    .min(1, 'Choose a file to import.')
    .max(3, 'At most three files: guarantors, accounts and transactions.'),
  mappings: z.partialRecord(z.enum(IMPORT_LAYOUTS), importMappingSchema),
  /** The id the workspace uses to follow progress and to cancel. */
  jobId: z.string().min(8).max(64),
});

export const saveProfileInput = z.object({
  id: idSchema.optional(),
  name: requiredText('Profile name', 80),
  mapping: importMappingSchema,
});

/** importProfiles:save as the clerk names it; the mapping and the profile updated come from the screen. */
export const saveProfileForm = saveProfileInput.pick({ name: true });

export interface ImportLineError {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** A field of a guarantor or account the import changed (from -> to), with the line that said so. */
export interface ImportChange {
  file: string;
  line: number;
  record: 'guarantor' | 'account';
  /** The guarantor id or account number. */
  key: string;
  field: string;
  from: string | null;
  to: string | null;
}

/** A field where the extract said otherwise and Recoup kept its own fact (docs/import-format.md). */
export interface ImportKept {
  file: string;
  line: number;
  record: 'guarantor' | 'account';
  key: string;
  field: string;
  extract: string | null;
  kept: string | null;
  reason: string;
}

/** A change the extract asked for that waits for a supervisor instead of being applied. */
export interface ImportHeld {
  file: string;
  line: number;
  record: 'guarantor';
  key: string;
  field: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface ImportReport {
  mode: 'preview' | 'commit';
  committed: boolean;
  cancelled: boolean;
  rows: number;
  guarantors: { created: number; updated: number; unchanged: number };
  accounts: { created: number; updated: number; unchanged: number };
  transactions: { created: number; duplicates: number };
  /** Each field changed on a guarantor or account already in Recoup (the first 1,000). */
  changes: ImportChange[];
  changeCount: number;
  /** Each fact Recoup kept against the extract, with the reason (the first 1,000). */
  kept: ImportKept[];
  keptCount: number;
  /** Each change held for a supervisor's approval: a new name or date of birth, a flag lifted. */
  held: ImportHeld[];
  heldCount: number;
  errors: ImportLineError[];
  /** When there are more errors than listed. */
  errorCount: number;
  /** The first rows as read, for the preview table. */
  sample: Record<string, string>[];
  headers: Record<string, string[]>;
  batchId: number | null;
  elapsedMs: number;
}

export interface ImportProfile {
  id: number;
  name: string;
  mapping: ImportMapping;
  updatedAt: string;
}

export const inspectUploadInput = z.object({
  uploadId: z.string().min(1).max(64),
  layout: z.enum(IMPORT_LAYOUTS),
  encoding: z.enum(ENCODINGS).default('utf-8'),
});

export interface UploadInspection {
  fileName: string;
  sizeBytes: number;
  headers: string[];
  /** Recoup field -> header, where the file's headers already use Recoup's names. */
  suggested: Record<string, string>;
  /** The encoding the file reads in: UTF-8, or Windows-1252 when it is not UTF-8. */
  encoding: (typeof ENCODINGS)[number];
}

export const jobInput = z.object({ jobId: z.string().min(8).max(64) });
export const profileIdInput = z.object({ id: idSchema });

/** A change an extract asked for that waits for a supervisor (docs/import-format.md). */
export interface HeldChange {
  id: number;
  guarantorId: number;
  guarantor: string;
  guarantorNumber: string | null;
  field: string;
  from: string | null;
  to: string | null;
  file: string;
  line: number;
  heldAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  decidedBy: string | null;
  decidedAt: string | null;
  note: string;
}

export const heldChangesInput = z.object({
  status: z.enum(['pending', 'decided']).default('pending'),
});

export const decideHeldChangeInput = z.object({
  id: idSchema,
  decision: z.enum(['approve', 'reject'], { error: 'Choose approve or reject.' }),
  note: z.string().trim().max(500, 'At most 500 characters.').default(''),
});

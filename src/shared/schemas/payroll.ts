// Employee-patients (issue 16): the channels' inputs (each field checked with a message naming it)
// and the views they answer with. Money is integer cents, dates business dates, hours hundredths
// of an hour.
import { z } from 'zod';
import { businessDateSchema, type BusinessDate } from '../dates';
import { positiveCents } from '../money';
import {
  PAY_FREQUENCIES,
  type DeductionLimit,
  type PayFrequency,
  type PayType,
  type WageFloorRow,
} from '../rules/payroll';
import { DOCUMENT_LANGUAGES } from '../rules/documentLanguage';
import { idSchema, optionalText, requiredText } from './text';

const uploadId = z.string().min(1, 'Choose a file.').max(64);

// --- Mapping profiles (like the extract's): Recoup's field -> the file's column header

/** The roster's fields (PD-01 needs the pay facts; the match needs the birth date). */
export const ROSTER_FIELDS = [
  'employeeId',
  'lastName',
  'firstName',
  'fullName',
  'birthDate',
  'payFrequency',
  'payType',
  'hourlyRate',
  'annualSalary',
  'weeklyHours',
  'exempt',
  'workState',
  'status',
  'terminatedOn',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  employeeId: 'Employee id',
  lastName: 'Last name',
  firstName: 'First name',
  fullName: 'Full name (instead of last and first)',
  birthDate: 'Date of birth',
  payFrequency: 'Pay frequency',
  payType: 'Hourly or salary',
  hourlyRate: 'Hourly rate',
  annualSalary: 'Annual salary',
  weeklyHours: 'Usual hours a week',
  exempt: 'Exempt (FLSA)',
  workState: 'Work state',
  status: 'Active or terminated',
  terminatedOn: 'Termination date',
};

/** The deduction file Recoup writes for payroll: which fields, in which order, under which headers. */
export const DEDUCTION_FILE_FIELDS = [
  'employeeId',
  'employeeName',
  'payDate',
  'amount',
  'deductionCode',
  'reference',
  'remainingBalance',
] as const;
export type DeductionFileField = (typeof DEDUCTION_FILE_FIELDS)[number];
export const DEDUCTION_FILE_FIELD_LABELS: Record<DeductionFileField, string> = {
  employeeId: 'Employee id',
  employeeName: 'Employee name',
  payDate: 'Pay date',
  amount: 'Deduction amount',
  deductionCode: 'Deduction code',
  reference: 'Arrangement reference',
  remainingBalance: 'Balance left (goal)',
};

/** Payroll's confirmation of what it deducted. */
export const CONFIRMATION_FIELDS = [
  'employeeId',
  'payDate',
  'amountDeducted',
  'hoursWorked',
  'overtimeHours',
  'grossPay',
  'reference',
] as const;
export type ConfirmationField = (typeof CONFIRMATION_FIELDS)[number];
export const CONFIRMATION_FIELD_LABELS: Record<ConfirmationField, string> = {
  employeeId: 'Employee id',
  payDate: 'Pay date',
  amountDeducted: 'Amount deducted',
  hoursWorked: 'Hours worked in the period',
  overtimeHours: 'Overtime hours in the period (over 40 in a workweek)',
  grossPay: 'Gross pay for the period',
  reference: 'Arrangement reference',
};

export const PROFILE_KINDS = ['roster', 'deductions', 'confirmation'] as const;
export type PayrollProfileKind = (typeof PROFILE_KINDS)[number];

const columnName = z.string().trim().min(1, 'Name the column.').max(120, 'A column name is at most 120 characters.');
export const PAYROLL_DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY'] as const;
/** How amounts are written: dollars with two decimals (12.50) or whole cents (1250). */
export const AMOUNT_FORMATS = ['dollars', 'cents'] as const;

export const rosterMappingSchema = z.object({
  columns: z.partialRecord(z.enum(ROSTER_FIELDS), columnName),
  dateFormat: z.enum(PAYROLL_DATE_FORMATS).default('YYYY-MM-DD'),
  /** The roster's own words for the pay frequencies and statuses (besides Recoup's own). */
  codes: z.record(z.string().trim().max(40), z.string().max(40)).default({}),
});
export type RosterMapping = z.infer<typeof rosterMappingSchema>;

export const deductionFileMappingSchema = z.object({
  /** The fields in the file's order, each with its header. */
  columns: z
    .array(z.object({ field: z.enum(DEDUCTION_FILE_FIELDS), header: columnName }))
    .min(1, 'The file needs at least one column.')
    .max(DEDUCTION_FILE_FIELDS.length)
    .refine((cols) => cols.some((c) => c.field === 'employeeId'), 'The file needs the employee id.')
    .refine((cols) => cols.some((c) => c.field === 'amount'), 'The file needs the deduction amount.')
    .refine((cols) => new Set(cols.map((c) => c.field)).size === cols.length, 'Each field appears once.'),
  dateFormat: z.enum(PAYROLL_DATE_FORMATS).default('YYYY-MM-DD'),
  amountFormat: z.enum(AMOUNT_FORMATS).default('dollars'),
});
export type DeductionFileMapping = z.infer<typeof deductionFileMappingSchema>;

export const confirmationMappingSchema = z.object({
  columns: z
    .partialRecord(z.enum(CONFIRMATION_FIELDS), columnName)
    .refine((c) => c.employeeId !== undefined, 'Map the employee id.')
    .refine((c) => c.amountDeducted !== undefined, 'Map the amount deducted.'),
  dateFormat: z.enum(PAYROLL_DATE_FORMATS).default('YYYY-MM-DD'),
  amountFormat: z.enum(AMOUNT_FORMATS).default('dollars'),
});
export type ConfirmationMapping = z.infer<typeof confirmationMappingSchema>;

export const saveProfileInput = z.discriminatedUnion('kind', [
  z.object({
    id: idSchema.optional(),
    kind: z.literal('roster'),
    name: requiredText('Profile name', 80),
    mapping: rosterMappingSchema,
  }),
  z.object({
    id: idSchema.optional(),
    kind: z.literal('deductions'),
    name: requiredText('Profile name', 80),
    mapping: deductionFileMappingSchema,
  }),
  z.object({
    id: idSchema.optional(),
    kind: z.literal('confirmation'),
    name: requiredText('Profile name', 80),
    mapping: confirmationMappingSchema,
  }),
]);
export const profileIdInput = z.object({ profileId: idSchema });
export const profilesInput = z.object({ kind: z.enum(PROFILE_KINDS).optional() });

export type PayrollProfile =
  | { id: number; kind: 'roster'; name: string; mapping: RosterMapping; updatedAt: string }
  | { id: number; kind: 'deductions'; name: string; mapping: DeductionFileMapping; updatedAt: string }
  | { id: number; kind: 'confirmation'; name: string; mapping: ConfirmationMapping; updatedAt: string };

// --- The roster

/** payroll:rosterInspect — the uploaded file's headers and a mapping guessed from them. */
export const rosterInspectInput = z.object({ uploadId });
export interface RosterInspection {
  fileName: string;
  headers: string[];
  lines: number;
  suggested: RosterMapping;
}

export const rosterImportInput = z.object({ uploadId, mapping: rosterMappingSchema });

export interface RosterProblem {
  /** The file's line (1 = the header). */
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** payroll:rosterPreview (nothing changes) and payroll:rosterImport (all-or-nothing). */
export interface RosterReport {
  fileName: string;
  lines: number;
  added: number;
  updated: number;
  unchanged: number;
  terminated: number;
  /** Terminations a roster recorded, lifted by this file saying active (a rehire). */
  rehired: number;
  /** Terminations a clerk recorded by hand, kept although this file says active (no roster lifts them). */
  keptTerminated: number;
  /** Matched employees whose last name this file changes (a married name; the match stays). */
  renamed: number;
  /** Arrangements a termination in this file ends (payroll deductions stop, the balance back to statements). */
  arrangementsEnded: number;
  /** Employees now awaiting a person's confirmation of a match. */
  toConfirm: number;
  problems: RosterProblem[];
  /** Set once imported. */
  importId: number | null;
}

export const EMPLOYEE_STATUSES = ['active', 'terminated'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const employeesInput = z.object({
  query: optionalText('Search', 100).default(''),
  match: z.enum(['all', 'matched', 'to_confirm', 'unmatched']).default('all'),
  status: z.enum(['all', ...EMPLOYEE_STATUSES]).default('all'),
});
export const employeeInput = z.object({ employeeId: idSchema });

export interface EmployeeSummary {
  id: number;
  employeeNumber: string;
  name: string;
  birthDate: BusinessDate | null;
  payFrequency: PayFrequency;
  workState: string;
  status: EmployeeStatus;
  terminatedOn: BusinessDate | null;
  guarantorId: number | null;
  guarantorName: string | null;
  /** Candidates awaiting a person (0 once matched). */
  candidates: number;
  liveArrangementId: number | null;
}

/** Why a guarantor may be this employee: never the name alone. */
export const MATCH_KINDS = ['exact', 'likely'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export interface MatchCandidate {
  guarantorId: number;
  name: string;
  birthDate: BusinessDate | null;
  guarantorNumber: string;
  kind: MatchKind;
  /** What agrees and what does not, in words ("Employee id and date of birth agree"). */
  reasons: string[];
  /** Already matched to another employee (cannot be confirmed). */
  takenBy: string | null;
}

export interface EmployeeDetail extends EmployeeSummary {
  firstName: string;
  lastName: string;
  payType: PayType;
  hourlyRateCents: number | null;
  annualSalaryCents: number | null;
  weeklyHoursCenti: number;
  exempt: boolean;
  matchedOn: BusinessDate | null;
  matchedBy: string | null;
  matches: MatchCandidate[];
  /** The rule's largest amount for this employee today (null while the wage floor has no federal row). */
  limit: DeductionLimit | null;
  updatedAt: string;
}

export const confirmMatchInput = z.object({ employeeId: idSchema, guarantorId: idSchema });
export const unmatchInput = z.object({
  employeeId: idSchema,
  note: requiredText('Why', 300, 'Say why the match is undone.'),
});
export const terminateInput = z.object({
  employeeId: idSchema,
  terminatedOn: businessDateSchema,
  note: optionalText('Note', 300).default(''),
});

// --- The wage floor (PD-01)

export interface WageFloorView extends WageFloorRow {
  id: number;
  createdAt: string;
  createdBy: string | null;
}

export const setWageFloorInput = z.object({
  jurisdiction: z
    .string({ error: 'Choose the state (or US for the federal row).' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'A state is its two-letter code, such as TX; US is the federal row.'),
  effectiveFrom: businessDateSchema,
  minimumWageCents: positiveCents('Minimum wage').refine(
    (c) => c <= 100_000,
    'A minimum wage is at most $1,000.00 an hour.',
  ),
  exemptWeeklySalaryCents: positiveCents('Exempt weekly salary').nullable().default(null),
  /** A state's limit on a deduction, as basis points of a period's pay (2500 = 25%). */
  deductionLimitBp: z
    .number({ error: 'The limit is a percentage.' })
    .int('The limit has at most two decimals.')
    .min(1, 'The limit is more than 0%.')
    .max(10_000, 'The limit is at most 100%.')
    .nullable()
    .default(null),
  source: requiredText('Source', 300, 'Name the law or notice the figure comes from.'),
});

/** payroll:limit — the largest amount for an employee on a date (the first pay date). */
export const limitInput = z.object({ employeeId: idSchema, on: businessDateSchema.optional() });

// --- Arrangements

export const ARRANGEMENT_METHODS = ['payroll', 'bank'] as const;
export type ArrangementMethod = (typeof ARRANGEMENT_METHODS)[number];
export const ARRANGEMENT_METHOD_LABELS: Record<ArrangementMethod, string> = {
  payroll: 'Payroll deduction',
  bank: 'Automatic bank transfer',
};
export const ARRANGEMENT_STATUSES = [
  'awaiting_signature',
  'active',
  'paid',
  'terminated',
  'revoked',
  'stopped',
  'cancelled',
] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const ARRANGEMENT_STATUS_LABELS: Record<ArrangementStatus, string> = {
  awaiting_signature: 'Awaiting the signed authorization',
  active: 'Active',
  paid: 'Paid in full',
  terminated: 'Ended: employment ended',
  revoked: 'Ended: revoked',
  stopped: 'Ended: stopped by the hospital',
  cancelled: 'Cancelled before signing',
};

/** ABA routing number: 9 digits with the check digit 3-7-1 (the transfer file would be refused otherwise). */
export function routingNumberValid(r: string): boolean {
  if (!/^\d{9}$/.test(r)) return false;
  const d = r.split('').map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

export const bankDetailsSchema = z.object({
  holderName: requiredText('Account holder', 22, 'Enter the account holder’s name.'),
  routingNumber: z
    .string({ error: 'Enter the routing number.' })
    .trim()
    .regex(/^\d{9}$/, 'A routing number is 9 digits.')
    .refine(routingNumberValid, 'That routing number’s check digit is wrong: read it again from the check.'),
  accountNumber: z
    .string({ error: 'Enter the account number.' })
    .trim()
    .regex(/^\d{4,17}$/, 'An account number is 4 to 17 digits.'),
  accountType: z.enum(['checking', 'savings'], { error: 'Choose checking or savings.' }),
});

const arrangementBase = {
  guarantorId: idSchema,
  accountIds: z
    .array(idSchema)
    .min(1, 'Choose at least one account.')
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'Each account once.'),
  amountCents: positiveCents('Amount each period'),
  firstDate: businessDateSchema,
};
export const createArrangementInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('payroll'), ...arrangementBase }),
  z.object({
    method: z.literal('bank'),
    ...arrangementBase,
    frequency: z.enum(PAY_FREQUENCIES, { error: 'Choose how often to debit.' }),
    bank: bankDetailsSchema,
  }),
]);

export const arrangementInput = z.object({ arrangementId: idSchema });
export const arrangementsInput = z.object({
  method: z.enum(['all', ...ARRANGEMENT_METHODS]).default('all'),
  status: z.enum(['live', 'ended', 'all']).default('live'),
});
export const authorizationInput = z.object({
  arrangementId: idSchema,
  /** Left out: the guarantor's recorded language. */
  language: z.enum(DOCUMENT_LANGUAGES).optional(),
});
export const recordSignatureInput = z.object({ arrangementId: idSchema, signedOn: businessDateSchema });
export const END_REASONS = ['revoked', 'stopped', 'cancelled'] as const;
export const endArrangementInput = z.object({
  arrangementId: idSchema,
  reason: z.enum(END_REASONS, { error: 'Choose why it ends.' }),
  /** The day the revocation was received (or the hospital stopped it). */
  on: businessDateSchema,
  note: requiredText('Note', 300, 'Say what happened.'),
});

export interface ArrangementSummary {
  id: number;
  /** "PD-12" or "ABT-12": the reference on every file and form. */
  reference: string;
  method: ArrangementMethod;
  status: ArrangementStatus;
  guarantorId: number;
  guarantorName: string;
  employeeNumber: string | null;
  amountCents: number;
  frequency: PayFrequency;
  firstDate: BusinessDate;
  /** What the covered accounts owe now. */
  owedCents: number;
  /** The next date it deducts or debits (null when ended or paid). */
  nextDate: BusinessDate | null;
}

export interface ArrangementLineHistory {
  runId: number;
  runDate: BusinessDate;
  expectedCents: number;
  deductedCents: number | null;
  outcome: RunLineOutcome | null;
}

export interface ArrangementDetail extends ArrangementSummary {
  accounts: { accountId: number; accountNumber: string; serviceDates: string; owedCents: number }[];
  totalCents: number;
  /** Deductions (or debits) of the full amount it takes to pay what the accounts owe now, and the date of the last. */
  periods: number;
  lastDate: BusinessDate | null;
  signedOn: BusinessDate | null;
  endedOn: BusinessDate | null;
  endNote: string | null;
  /** Payroll: the wage-floor check as made at setup (and as it stands today). */
  wageCheckAtSetup: DeductionLimit | null;
  limitToday: DeductionLimit | null;
  /** Bank: never the full account number. */
  bank: {
    holderName: string;
    routingNumber: string;
    accountMasked: string;
    accountType: 'checking' | 'savings';
  } | null;
  authorizationDocumentId: number | null;
  history: ArrangementLineHistory[];
  createdAt: string;
  createdBy: string | null;
}

/** payroll:guarantor — what the account page shows and the set-up dialog starts from. */
export const guarantorPayrollInput = z.object({ guarantorId: idSchema });
export interface GuarantorPayroll {
  guarantorId: number;
  employee: EmployeeSummary | null;
  /** Employees a person could confirm as this guarantor. */
  possibleEmployees: { employeeId: number; employeeNumber: string; name: string; kind: MatchKind; reasons: string[] }[];
  live: ArrangementDetail | null;
  ended: ArrangementSummary[];
  /** Accounts an arrangement could cover (owing, with the hospital: not at an agency, in court, in an estate or on a plan). */
  eligibleAccounts: { accountId: number; accountNumber: string; serviceDates: string; owedCents: number }[];
  /** Accounts that owe but cannot be covered, each with why. */
  ineligibleAccounts: { accountId: number; accountNumber: string; owedCents: number; reason: string }[];
  limit: DeductionLimit | null;
}

// --- Pay periods (runs)

export const RUN_LINE_OUTCOMES = ['deducted', 'short', 'missed', 'returned'] as const;
export type RunLineOutcome = (typeof RUN_LINE_OUTCOMES)[number];
export const RUN_LINE_OUTCOME_LABELS: Record<RunLineOutcome, string> = {
  deducted: 'Deducted in full',
  short: 'Less than expected',
  missed: 'Not deducted',
  returned: 'Returned by the bank',
};

export const runPreviewInput = z.object({ method: z.enum(ARRANGEMENT_METHODS), runDate: businessDateSchema });
export const createRunInput = runPreviewInput.extend({ profileId: idSchema.optional() });
export const runInput = z.object({ runId: idSchema });
export const runsInput = z.object({ method: z.enum(['all', ...ARRANGEMENT_METHODS]).default('all') });

export interface RunPreviewLine {
  arrangementId: number;
  reference: string;
  guarantorName: string;
  employeeNumber: string | null;
  expectedCents: number;
  owedCents: number;
}
export interface RunPreview {
  method: ArrangementMethod;
  runDate: BusinessDate;
  lines: RunPreviewLine[];
  /** Live arrangements left out of this date, each with why (not signed yet, first date later, not its day...). */
  leftOut: { arrangementId: number; reference: string; guarantorName: string; reason: string }[];
  expectedCents: number;
  /** A run for this date already exists. */
  existingRunId: number | null;
}

export interface RunLineView {
  id: number;
  arrangementId: number;
  reference: string;
  guarantorId: number;
  guarantorName: string;
  employeeNumber: string | null;
  expectedCents: number;
  deductedCents: number | null;
  hoursCenti: number | null;
  grossCents: number | null;
  outcome: RunLineOutcome | null;
  returnCode: string | null;
  resolvedOn: BusinessDate | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}
export interface RunSummary {
  id: number;
  method: ArrangementMethod;
  runDate: BusinessDate;
  status: 'sent' | 'reconciled';
  lines: number;
  expectedCents: number;
  deductedCents: number | null;
  /** Lines short, missed or returned and not yet resolved. */
  open: number;
  fileName: string;
  createdAt: string;
}
export interface RunDetail extends RunSummary {
  lineViews: RunLineView[];
  confirmationName: string | null;
  reconciledAt: string | null;
  reconciledBy: string | null;
  /** The ledger's payroll deductions (or bank payments) posted for this run: equal to deductedCents. */
  postedCents: number;
}

export const confirmationInput = z.object({ runId: idSchema, uploadId, mapping: confirmationMappingSchema });
export interface ConfirmationProblem {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}
export interface ConfirmationPreview {
  runId: number;
  lines: {
    lineId: number;
    reference: string;
    guarantorName: string;
    expectedCents: number;
    deductedCents: number;
    outcome: RunLineOutcome;
  }[];
  /** Lines of the run the file does not mention: missed. */
  missing: { lineId: number; reference: string; guarantorName: string; expectedCents: number }[];
  deductedCents: number;
  expectedCents: number;
  problems: ConfirmationProblem[];
}

/** payroll:settle — a bank run settled, with the debits the bank returned (NACHA return codes). */
export const settleInput = z.object({
  runId: idSchema,
  settledOn: businessDateSchema,
  returns: z
    .array(
      z.object({
        lineId: idSchema,
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^R(0[1-9]|[1-9]\d)$/, 'A return code is R and two digits from R01 to R99, such as R01.'),
      }),
    )
    .max(10_000)
    .default([]),
});

export const resolveLineInput = z.object({
  lineId: idSchema,
  note: requiredText('What was done', 300, 'Say what was done about it.'),
});

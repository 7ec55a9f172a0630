// Collection agencies (issue 12): the agency and its contract, its file layouts, placement batches,
// placements and recalls, an agency's ECA requests, remittances and the scorecard. Rules ECA-01..03,
// BD-06, BD-07 and HP-02 in shared/brief/domain-rules.md; docs/agency-files.md documents the files.
import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { centsField, nonNegativeCents } from '../money';
import { type ECA_KINDS } from '../rules/ecaClock';
import type { FileHandle } from './files';
import { supervisorApprovalSchema } from './users';
import { idSchema, optionalText, requiredText } from './text';

export const PLACEMENT_KINDS = ['primary', 'secondary', 'legal'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  legal: 'Legal',
};

export const REMITTANCE_METHODS = ['gross', 'net'] as const;
export type RemittanceMethod = (typeof REMITTANCE_METHODS)[number];
export const REMITTANCE_METHOD_LABELS: Record<RemittanceMethod, string> = {
  gross: 'Gross: remits everything and invoices its fee',
  net: 'Net: keeps its fee and remits the rest',
};

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
  'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH',
  'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI',
] as const; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// The agency and its contract

export const agencyFields = z.object({
  name: requiredText('Agency name', 120),
  contactName: optionalText('Contact name', 120).default(''),
  contactPhone: optionalText('Contact phone', 40).default(''),
  contactEmail: optionalText('Contact e-mail', 120).default(''),
  address: optionalText('Address', 300).default(''),
  licenceStates: z
    .array(z.enum(US_STATES, { error: 'Choose states from the list.' }))
    .max(US_STATES.length)
    .refine((s) => new Set(s).size === s.length, 'Each state once.')
    .default([]),
  /** HP-02: the business associate agreement's signing date; no placement without one. */
  baaSignedOn: businessDateSchema.nullable().default(null),
  /** Recall an account after this many days without a payment. */
  recallDays: z
    .number({ error: 'Recall days is a number.' })
    .int('Recall days is a whole number.')
    .min(30, 'Recall after at least 30 days without a payment.')
    .max(1095, 'Recall after at most 1,095 days (three years).'),
  remittanceMethod: z.enum(REMITTANCE_METHODS, { error: 'Choose how the agency remits.' }),
  /** The agency's share of a placement built "by share" (percent; the active agencies' shares are weighed). */
  sharePercent: z
    .number({ error: 'Share is a number.' })
    .int('Share is a whole percentage.')
    .min(0, 'Share is at least 0.')
    .max(100, 'Share is at most 100.'),
});

export const saveAgencyInput = agencyFields.extend({
  /** Absent: a new agency. */
  agencyId: idSchema.optional(),
});
export type SaveAgencyInput = z.output<typeof saveAgencyInput>;

export const agencyInput = z.object({ agencyId: idSchema });

export const setAgencyActiveInput = z.object({
  agencyId: idSchema,
  active: z.boolean(),
  note: requiredText('Reason', 300, 'Say why.'),
});

export const setFeeInput = z.object({
  agencyId: idSchema,
  kind: z.enum(PLACEMENT_KINDS, { error: 'Choose the placement kind.' }),
  /** Basis points: 2500 = 25.00% of what is collected. */
  rateBp: z
    .number({ error: 'The fee is a number.' })
    .int('The fee has at most two decimals.')
    .min(0, 'The fee is at least 0%.')
    .max(10_000, 'The fee is at most 100%.'),
  effectiveFrom: businessDateSchema,
});
export type SetFeeInput = z.output<typeof setFeeInput>;

// ---------------------------------------------------------------------------------------------
// File layouts (placement, recall, remittance), CSV or fixed-width, like the import's profiles

export const AGENCY_FILES = ['placement', 'recall', 'remittance'] as const;
export type AgencyFile = (typeof AGENCY_FILES)[number];

export interface LayoutField {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'amount';
  /** A layout of this file must carry it. */
  required: boolean;
}
const lf = (name: string, label: string, kind: LayoutField['kind'], required = false): LayoutField => ({
  name,
  label,
  kind,
  required,
});

/**
 * HP-02 minimum necessary: what a placement file may carry. Identifiers, the guarantor (to reach
 * them), the account number, dates of service, the balance and the payer status; never
 * diagnoses, procedures, the service type (an obstetric stay says too much) or notes.
 */
export const PLACEMENT_FILE_FIELDS: readonly LayoutField[] = [
  lf('account_number', 'Account number', 'text', true),
  lf('guarantor_id', 'Guarantor id (billing system)', 'text'),
  lf('mrn', 'Medical record number', 'text'),
  lf('last_name', 'Guarantor last name', 'text', true),
  lf('first_name', 'Guarantor first name', 'text', true),
  lf('middle_name', 'Guarantor middle name', 'text'),
  lf('date_of_birth', 'Guarantor date of birth', 'date'),
  lf('address_line1', 'Street address', 'text'),
  lf('address_line2', 'Address line 2', 'text'),
  lf('city', 'City', 'text'),
  lf('state', 'State', 'text'),
  lf('zip', 'ZIP code', 'text'),
  lf('phone', 'Phone', 'text'),
  lf('patient_name', 'Patient name', 'text'),
  lf('service_from', 'Service from', 'date'),
  lf('service_to', 'Service to', 'date'),
  lf('balance', 'Balance placed', 'amount', true),
  lf('payer_class', 'Payer status', 'text'),
  lf('first_statement_date', 'First statement date', 'date'),
  lf('final_notice_date', 'Final notice date', 'date'),
  lf('placement_kind', 'Placement kind', 'text'),
  lf('placed_on', 'Placed on', 'date'),
];

export const RECALL_FILE_FIELDS: readonly LayoutField[] = [
  lf('account_number', 'Account number', 'text', true),
  lf('guarantor_id', 'Guarantor id (billing system)', 'text'),
  lf('last_name', 'Guarantor last name', 'text'),
  lf('first_name', 'Guarantor first name', 'text'),
  lf('placed_on', 'Placed on', 'date'),
  lf('recalled_on', 'Recalled on', 'date', true),
  lf('recall_reason', 'Recall reason', 'text', true),
  lf('balance', 'Balance now', 'amount'),
];

export const REMITTANCE_FILE_FIELDS: readonly LayoutField[] = [
  lf('account_number', 'Account number', 'text', true),
  lf('paid_on', 'Date paid', 'date', true),
  lf('collected', 'Collected from the patient', 'amount', true),
  lf('fee', 'Agency fee', 'amount'),
  lf('remitted', 'Remitted to the hospital', 'amount'),
  lf('agency_reference', 'Agency transaction id', 'text'),
];

export const AGENCY_FILE_FIELDS: Record<AgencyFile, readonly LayoutField[]> = {
  placement: PLACEMENT_FILE_FIELDS,
  recall: RECALL_FILE_FIELDS,
  remittance: REMITTANCE_FILE_FIELDS,
};

export const LAYOUT_DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'YYYYMMDD', 'MMDDYYYY'] as const;
export type LayoutDateFormat = (typeof LAYOUT_DATE_FORMATS)[number];
/** dollars: 1234.56 (a minus sign when negative); cents: 123456. */
export const LAYOUT_AMOUNT_FORMATS = ['dollars', 'cents'] as const;
export const CSV_DELIMITERS = ['comma', 'pipe', 'semicolon', 'tab'] as const;
export const CSV_DELIMITER_CHARS: Record<(typeof CSV_DELIMITERS)[number], string> = {
  comma: ',',
  pipe: '|',
  semicolon: ';',
  tab: '\t',
};

const layoutFieldName = z.string().max(40);
const csvLayout = z.object({
  format: z.literal('csv'),
  delimiter: z.enum(CSV_DELIMITERS).default('comma'),
  header: z.boolean().default(true),
  dateFormat: z.enum(LAYOUT_DATE_FORMATS).default('YYYY-MM-DD'),
  amounts: z.enum(LAYOUT_AMOUNT_FORMATS).default('dollars'),
  columns: z
    .array(z.object({ field: layoutFieldName, heading: requiredText('Column heading', 60) }))
    .min(1, 'Give at least one column.')
    .max(40, 'At most 40 columns.'),
});
const fixedLayout = z.object({
  format: z.literal('fixed'),
  dateFormat: z.enum(LAYOUT_DATE_FORMATS).default('YYYYMMDD'),
  amounts: z.enum(LAYOUT_AMOUNT_FORMATS).default('cents'),
  columns: z
    .array(
      z.object({
        field: layoutFieldName,
        /** 1-based position of the first character. */
        start: z.number().int('A start is a whole number.').min(1, 'Columns start at 1.').max(4000),
        width: z.number().int('A width is a whole number.').min(1, 'A width is at least 1.').max(200),
      }),
    )
    .min(1, 'Give at least one column.')
    .max(40, 'At most 40 columns.'),
});
export const agencyLayoutSchema = z.discriminatedUnion('format', [csvLayout, fixedLayout], {
  error: 'Choose CSV or fixed-width.',
});
export type AgencyLayout = z.output<typeof agencyLayoutSchema>;

/** What is wrong with a layout for a file, as messages keyed by the layout's path; none: it is good. */
export function layoutProblems(file: AgencyFile, layout: AgencyLayout): Record<string, string> {
  const fields = AGENCY_FILE_FIELDS[file];
  const known = new Map(fields.map((f) => [f.name, f]));
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  layout.columns.forEach((c, i) => {
    if (!known.has(c.field))
      problems[`columns.${i}.field`] =
        file === 'placement'
          ? `A placement file may not carry “${c.field}” (HP-02: only the minimum necessary).`
          : `“${c.field}” is not a field of the ${file} file.`;
    else if (seen.has(c.field)) problems[`columns.${i}.field`] = `${known.get(c.field)?.label} is given twice.`;
    seen.add(c.field);
  });
  for (const f of fields)
    if (f.required && !seen.has(f.name)) problems.columns = `The ${file} file must carry ${f.label.toLowerCase()}.`;
  if (file === 'remittance' && !seen.has('fee') && !seen.has('remitted') && problems.columns === undefined)
    problems.columns = 'The remittance file must carry the fee or the amount remitted.';
  if (layout.format === 'fixed') {
    const spans = layout.columns.map((c, i) => ({ i, from: c.start, to: c.start + c.width - 1 }));
    spans.sort((a, b) => a.from - b.from);
    for (let k = 1; k < spans.length; k++) {
      const prev = spans[k - 1];
      const cur = spans[k];
      if (prev && cur && cur.from <= prev.to)
        problems[`columns.${cur.i}.start`] = `This column overlaps another (positions ${prev.from}–${prev.to}).`;
    }
  } else {
    const headings = new Set<string>();
    layout.columns.forEach((c, i) => {
      const h = c.heading.toLowerCase();
      if (headings.has(h)) problems[`columns.${i}.heading`] = `The heading “${c.heading}” is used twice.`;
      headings.add(h);
    });
  }
  return problems;
}

export const setLayoutInput = z
  .object({
    agencyId: idSchema,
    file: z.enum(AGENCY_FILES),
    layout: agencyLayoutSchema,
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(layoutProblems(v.file, v.layout)))
      ctx.addIssue({
        code: 'custom',
        path: ['layout', ...path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))],
        message,
      });
  });

/**
 * What the default placement layout leaves out (HP-02, minimum necessary): the agency reaches the
 * guarantor with a name, an address and a phone; the medical record number, the date of birth and
 * the patient's name are added to an agency's layout only when its contract needs them.
 */
const NOT_IN_DEFAULT_PLACEMENT = new Set([
  'mrn',
  'date_of_birth',
  'patient_name',
  'first_statement_date',
  'placement_kind',
]);

/** The layout an agency gets until one is recorded: CSV, a header, the file's fields (the placement file's minimum). */
export function defaultLayout(file: AgencyFile): AgencyLayout {
  return {
    format: 'csv',
    delimiter: 'comma',
    header: true,
    dateFormat: 'YYYY-MM-DD',
    amounts: 'dollars',
    columns: AGENCY_FILE_FIELDS[file]
      .filter((f) => file !== 'placement' || !NOT_IN_DEFAULT_PLACEMENT.has(f.name))
      .map((f) => ({ field: f.name, heading: f.name })),
  };
}

// ---------------------------------------------------------------------------------------------
// Views of agencies

export interface AgencyFeeView {
  kind: PlacementKind;
  rateBp: number;
  effectiveFrom: string;
  recordedAt: string;
  recordedBy: string | null;
}

export interface AgencyView {
  id: number;
  name: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  licenceStates: string[];
  baaSignedOn: string | null;
  recallDays: number;
  remittanceMethod: RemittanceMethod;
  sharePercent: number;
  active: boolean;
  /** The fee in force today per kind (null: none recorded yet). */
  feesToday: Record<PlacementKind, number | null>;
  /** Accounts with the agency now, and their balance. */
  placedCount: number;
  placedCents: number;
  /** HP-02 and the contract: why nothing can be placed with it today, if so. */
  cannotPlace: string | null;
}

export interface AgencyHistoryView {
  at: string;
  by: string | null;
  what: string;
}

export interface AgencyDetail extends AgencyView {
  fees: AgencyFeeView[];
  layouts: Record<AgencyFile, { layout: AgencyLayout; recordedAt: string | null; recordedBy: string | null }>;
  history: AgencyHistoryView[];
}

// ---------------------------------------------------------------------------------------------
// Placement

export const PLACEMENT_EXCLUSIONS = [
  'no_final_notice',
  'final_notice_recent',
  'notification_period',
  'below_threshold',
  'hold',
  'current_plan',
  'assistance_pending',
  'deceased',
  'bankruptcy',
  'refund_owed',
  'already_placed',
  'not_licensed',
] as const;
export type PlacementExclusion = (typeof PLACEMENT_EXCLUSIONS)[number];

export const PLACEMENT_BUILD_METHODS = ['share', 'score', 'hand'] as const;
export type PlacementBuildMethod = (typeof PLACEMENT_BUILD_METHODS)[number];
export const PLACEMENT_BUILD_METHOD_LABELS: Record<PlacementBuildMethod, string> = {
  share: 'By agency share',
  score: 'By scorecard (net-back per dollar placed)',
  hand: 'By hand',
};

export const eligibleInput = z.object({
  /** Only accounts of this guarantor (the account screen); absent: everyone. */
  guarantorId: idSchema.optional(),
  /** At most this many rows of each list (the counts are of all). */
  limit: z.number().int().min(1).max(5000).default(500),
});

export interface PlacementCandidateView {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  guarantorName: string;
  /** Where the guarantor lives: an agency licensed there takes the account. */
  guarantorState: string;
  payerClass: string;
  balanceCents: number;
  finalNoticeDate: string | null;
  /** The queue's score for the account (money weighted by urgency), used by "by score". */
  reasons: PlacementExclusion[];
}

export interface EligibleView {
  eligibleCount: number;
  eligibleCents: number;
  eligible: PlacementCandidateView[];
  leftOutCount: number;
  leftOutByReason: Record<PlacementExclusion, number>;
  leftOut: PlacementCandidateView[];
}

export const buildBatchInput = z
  .object({
    kind: z.enum(PLACEMENT_KINDS, { error: 'Choose the placement kind.' }),
    method: z.enum(PLACEMENT_BUILD_METHODS, { error: 'Choose how to build the batch.' }),
    /** By hand: the agency and the accounts. */
    agencyId: idSchema.optional(),
    accountIds: z.array(idSchema).max(50_000).optional(),
    /** By share or score: at most this many accounts in all (largest balances first). */
    maxAccounts: z.number().int().min(1).max(200_000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'hand') {
      if (v.agencyId === undefined) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Choose the agency.' });
      if (!v.accountIds || v.accountIds.length === 0)
        ctx.addIssue({ code: 'custom', path: ['accountIds'], message: 'Choose at least one account.' });
    }
  });
export type BuildBatchInput = z.output<typeof buildBatchInput>;

export const batchInput = z.object({ batchId: idSchema });

export const removeFromBatchInput = z.object({
  batchId: idSchema,
  placementIds: z.array(idSchema).min(1, 'Choose at least one account.').max(50_000),
});

export const releaseBatchInput = z.object({
  batchId: idSchema,
  /** A supervisor's user name and password, when the session is a clerk's. */
  approval: supervisorApprovalSchema.optional(),
});

export const PLACEMENT_STATUSES = ['proposed', 'dropped', 'placed', 'returned'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const RETURN_REASONS = [
  'no_payment',
  'paid_in_full',
  'paid_at_hospital',
  'assistance_approved',
  'dispute',
  'bankruptcy',
  'deceased',
  'complaint',
  'contract_ended',
  'balance_adjusted',
  'not_eligible',
  'removed',
  'cancelled',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  no_payment: 'No payment within the recall days',
  paid_in_full: 'Paid in full',
  paid_at_hospital: 'Paid at the hospital',
  assistance_approved: 'Financial assistance approved',
  dispute: 'Disputed',
  bankruptcy: 'Bankruptcy',
  deceased: 'Deceased',
  complaint: 'Complaint',
  contract_ended: 'Contract ended',
  balance_adjusted: 'Nothing owed after an adjustment',
  not_eligible: 'No longer eligible at release',
  removed: 'Taken out of the batch',
  cancelled: 'Batch cancelled',
  other: 'Other',
};
/** The reasons a clerk recalls an account for by hand. */
export const HAND_RECALL_REASONS = [
  'paid_at_hospital',
  'assistance_approved',
  'dispute',
  'bankruptcy',
  'deceased',
  'complaint',
  'contract_ended',
  'other',
] as const satisfies readonly ReturnReason[];

export interface PlacementRowView {
  id: number;
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  guarantorName: string;
  payerClass: string;
  status: PlacementStatus;
  proposedCents: number;
  placedOn: string | null;
  placedCents: number | null;
  balanceCents: number;
  feeRateBp: number | null;
  returnedOn: string | null;
  returnReason: ReturnReason | null;
  returnNote: string;
  /** The last payment since placement (to the agency or the hospital), and the day it comes back unless paid. */
  lastPaymentOn: string | null;
  recallDueOn: string | null;
}

export interface PlacementBatchView {
  id: number;
  agencyId: number;
  agencyName: string;
  kind: PlacementKind;
  method: PlacementBuildMethod;
  status: 'draft' | 'released' | 'cancelled';
  builtOn: string;
  builtBy: string | null;
  releasedOn: string | null;
  releasedBy: string | null;
  /** The supervisor whose name and password released a clerk's batch (null: released in their own session). */
  approvedBy: string | null;
  accountCount: number;
  totalCents: number;
  /** The placement file was written (released batches). */
  hasFile: boolean;
}

export interface PlacementBatchDetail extends PlacementBatchView {
  rows: PlacementRowView[];
}

export interface ReleaseResult {
  batchId: number;
  placed: number;
  placedCents: number;
  /** Accounts that were no longer eligible at release, with why; they are not placed. */
  dropped: { accountNumber: string; reasons: PlacementExclusion[] }[];
  file: FileHandle;
}

export const recallInput = z.object({
  placementIds: z.array(idSchema).min(1, 'Choose at least one account.').max(50_000),
  reason: z.enum(HAND_RECALL_REASONS, { error: 'Choose why the account comes back.' }),
  note: optionalText('Note', 500).default(''),
});

export interface RecallResult {
  recalled: number;
  /** One recall file per agency. */
  files: { recallFileId: number; agencyName: string; count: number; file: FileHandle }[];
}

export interface RecallFileView {
  id: number;
  agencyId: number;
  agencyName: string;
  madeOn: string;
  madeBy: string | null;
  automatic: boolean;
  count: number;
}
export const recallFileInput = z.object({ recallFileId: idSchema });

/** Where each of a guarantor's accounts stands with agencies (the account screen). */
export interface AccountPlacementView {
  placementId: number;
  accountId: number;
  accountNumber: string;
  agencyId: number;
  agencyName: string;
  kind: PlacementKind;
  status: PlacementStatus;
  placedOn: string | null;
  placedCents: number | null;
  returnedOn: string | null;
  returnReason: ReturnReason | null;
  lastPaymentOn: string | null;
  /** Placed: the date it comes back unless paid (the contract's recall days). */
  recallDueOn: string | null;
  collectedCents: number;
}

export const placementsListInput = z.object({
  agencyId: idSchema.optional(),
  /** placed: with an agency now; returned: came back. */
  status: z.enum(['placed', 'returned']).default('placed'),
  limit: z.number().int().min(1).max(5000).default(500),
});

// ---------------------------------------------------------------------------------------------
// An agency's request for an extraordinary collection action (ECA-01: it is the hospital's own)

/** What an agency may ask to do (ECA-02): each is the hospital's own ECA (ECA-01). */
export const AGENCY_ECA_KINDS = [
  'credit_report',
  'civil_action',
  'wage_garnishment',
  'bank_levy',
  'lien',
  'debt_sale',
] as const satisfies readonly (typeof ECA_KINDS)[number][];
export const agencyEcaInput = z.object({
  placementId: idSchema,
  kind: z.enum(AGENCY_ECA_KINDS, { error: 'Choose the action the agency asks for.' }),
  note: optionalText('Note', 500).default(''),
});
export interface AgencyEcaRequestView {
  id: number;
  placementId: number;
  accountNumber: string;
  agencyName: string;
  kind: (typeof ECA_KINDS)[number];
  requestedOn: string;
  allowed: boolean;
  allowedFrom: string | null;
  reasons: string[];
  note: string;
}

// ---------------------------------------------------------------------------------------------
// Remittances

export const remittanceLineInput = z.object({
  accountNumber: requiredText('Account number', 40),
  paidOn: businessDateSchema,
  /** What the agency collected from the patient; negative for a payment the agency takes back. */
  collectedCents: centsField('Collected').refine((c) => c !== 0, 'Collected cannot be zero.'),
  /** The agency's fee as it states it; absent: the contract's rate. */
  feeCents: centsField('Fee').optional(),
  agencyReference: optionalText('Agency transaction id', 60).default(''),
});

const remittanceHeader = {
  agencyId: idSchema,
  reference: requiredText('Remittance number', 60),
  receivedOn: businessDateSchema,
};

export const remittanceInput = z.union([
  z.object({ ...remittanceHeader, source: z.literal('file'), uploadId: z.string().min(1).max(64) }),
  z.object({
    ...remittanceHeader,
    source: z.literal('keyed'),
    lines: z
      .array(remittanceLineInput)
      .min(1, 'Key in at least one line.')
      .max(200, 'Key in at most 200 lines; import a file for more.'),
  }),
]);
export type RemittanceInput = z.output<typeof remittanceInput>;

export interface RemittanceLineProblem {
  line: number;
  field: string | null;
  reason: string;
}

export interface RemittancePreview {
  agencyName: string;
  method: RemittanceMethod;
  lineCount: number;
  collectedCents: number;
  feeCents: number;
  remittedCents: number;
  problems: RemittanceLineProblem[];
  /** Already posted (the same reference, or the same file): nothing would be posted. */
  alreadyPosted: { remittanceId: number; reference: string } | null;
}

export interface RemittanceView {
  id: number;
  agencyId: number;
  agencyName: string;
  reference: string;
  method: RemittanceMethod;
  receivedOn: string;
  source: 'file' | 'keyed';
  lineCount: number;
  collectedCents: number;
  feeCents: number;
  remittedCents: number;
  postedAt: string;
  postedBy: string | null;
  chequeCents: number | null;
  invoiceCents: number | null;
  reconciledOn: string | null;
}

export interface RemittanceLineView {
  lineNo: number;
  accountNumber: string;
  guarantorName: string;
  paidOn: string;
  collectedCents: number;
  feeCents: number;
  remittedCents: number;
  agencyReference: string;
}

export interface ReconciliationView {
  remittanceId: number;
  /** What the lines say should have come (gross: collected; net: collected less fees). */
  expectedChequeCents: number;
  chequeCents: number | null;
  chequeDifferenceCents: number | null;
  /** Fees the agency earned: on its lines, and on payments made to the hospital while placed. */
  expectedInvoiceCents: number;
  invoiceCents: number | null;
  invoiceDifferenceCents: number | null;
  /** Each difference in words, for the clerk. */
  differences: string[];
}

export interface RemittanceDetail extends RemittanceView {
  lines: RemittanceLineView[];
  reconciliation: ReconciliationView;
}

export const remittanceIdInput = z.object({ remittanceId: idSchema });

export const reconcileInput = z.object({
  remittanceId: idSchema,
  chequeCents: nonNegativeCents('Cheque or transfer amount'),
  chequeReference: requiredText('Cheque or transfer reference', 60),
  invoiceCents: nonNegativeCents('Invoice amount'),
  invoiceReference: optionalText('Invoice number', 60).default(''),
  note: optionalText('Note', 500).default(''),
});

/** A payment made to the hospital on an account while it was with an agency: the fee it earns. */
export interface DirectPaymentView {
  accountId: number;
  accountNumber: string;
  guarantorName: string;
  agencyName: string;
  paidOn: string;
  amountCents: number;
  feeRateBp: number;
  feeCents: number;
}

export const directPaymentsInput = z.object({
  agencyId: idSchema,
  from: businessDateSchema,
  to: businessDateSchema,
});

// ---------------------------------------------------------------------------------------------
// The scorecard

export const scorecardInput = z.object({
  kind: z.enum(PLACEMENT_KINDS).default('primary'),
  /** Placement months from and to (YYYY-MM). */
  fromMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM.'),
  toMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM.'),
});

export interface ScorecardRow {
  agencyId: number;
  agencyName: string;
  /** YYYY-MM; null on the agency's total row. */
  placementMonth: string | null;
  placedCount: number;
  placedCents: number;
  collectedCents: number;
  feeCents: number;
  netBackCents: number;
  /** Collected / placed, in basis points. */
  recoveryBp: number;
  /** Net-back / placed, in basis points: what a dollar placed earns the hospital. */
  netBackBp: number;
  /** Collected in months 0, 1, 2 … 11 after placement, and 12 and later. */
  collectedByMonth: number[];
  /** Median days from placement to the first payment, of the accounts that paid. */
  medianDaysToFirstPayment: number | null;
  recalled: number;
  complaints: number;
}

export interface ScorecardView {
  kind: PlacementKind;
  fromMonth: string;
  toMonth: string;
  rows: ScorecardRow[];
  /** Each agency's totals, best net-back per dollar placed first. */
  totals: ScorecardRow[];
}

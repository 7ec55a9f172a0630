// Medicare bad debt (issue 15): the channels' inputs (each field checked with a message naming it)
// and the views they answer with. Money is integer cents, dates business dates.
import { z } from 'zod';
import { businessDateSchema, type BusinessDate } from '../dates';
import { nonNegativeCents, positiveCents } from '../money';
import type { BadDebtClock, ListingHeader, ListingLine, ListingProblem } from '../rules/badDebt';
import { PAYMENT_METHODS } from './ledger';
import { idSchema, optionalText, requiredText } from './text';
import { supervisorApprovalSchema } from './users';

// --- X12 835 remittances (era: electronic remittance advice)

/** era:preview / era:import — one 835 file, uploaded first by import:upload. */
export const eraFileInput = z.object({ uploadId: z.string().min(1, 'Choose an 835 file.').max(64) });
export const eraFileIdInput = z.object({ fileId: idSchema });

export const PAYER_ROLES = ['primary', 'secondary', 'tertiary', 'denied', 'reversal', 'other'] as const;
export type PayerRole = (typeof PAYER_ROLES)[number];
/** A claim's payer role (CLP02, X-01) with its program, as every screen shows it. */
export const PAYER_ROLE_LABELS: Record<PayerRole, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
  denied: 'Denied',
  reversal: 'Reversal',
  other: 'Other',
};
export function claimRoleText(c: { payerRole: PayerRole; medicare: boolean; medicaid: boolean }): string {
  return `${PAYER_ROLE_LABELS[c.payerRole]}${c.medicare ? ', Medicare' : c.medicaid ? ', Medicaid' : ''}`;
}
export const CLAIM_OUTCOMES = ['posted', 'recorded', 'reversed_prior', 'unmatched', 'duplicate'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];
export const CLAIM_OUTCOME_LABELS: Record<ClaimOutcome, string> = {
  posted: 'Posted',
  recorded: 'Recorded (nothing to post)',
  reversed_prior: 'Reversal posted',
  unmatched: 'Not matched',
  duplicate: 'Already posted',
};

export interface EraAdjustmentView {
  /** 0: the claim level (loop 2100); 1..: the service line (loop 2110). */
  lineNo: number;
  procedure: string;
  groupCode: 'PR' | 'CO' | 'OA' | 'PI' | 'CR';
  reasonCode: string;
  amountCents: number;
  quantity: string;
}

export interface EraClaimView {
  /** Null in a preview (nothing stored yet). */
  id: number | null;
  seq: number;
  patientControl: string;
  accountId: number | null;
  accountNumber: string | null;
  statusCode: string;
  payerRole: PayerRole;
  filingIndicator: string;
  medicare: boolean;
  medicaid: boolean;
  payerClaimNumber: string;
  patientName: string;
  memberId: string;
  serviceFrom: BusinessDate | null;
  serviceTo: BusinessDate | null;
  chargeCents: number;
  paidCents: number;
  patientRespCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  copayCents: number;
  contractualCents: number;
  otherAdjustmentCents: number;
  outcome: ClaimOutcome;
  /** Why it was not posted (unmatched, duplicate) or what was done (a reversal). */
  reason: string;
  adjustments: EraAdjustmentView[];
}

export interface EraTransactionView {
  controlNumber: string;
  payerName: string;
  payerId: string;
  payeeName: string;
  payeeId: string;
  traceNumber: string;
  /** BPR01: I remittance information only, C payment with it, and others. */
  handling: string;
  paymentMethod: string;
  paymentCents: number;
  paidOn: BusinessDate | null;
  /** The remittance advice's date (DTM*405, else BPR16): the RA date of BD-04. */
  remittanceDate: BusinessDate;
  claims: EraClaimView[];
  providerAdjustments: {
    providerId: string;
    fiscalDate: BusinessDate;
    reasonCode: string;
    reference: string;
    amountCents: number;
  }[];
}

export interface EraTotals {
  claims: number;
  posted: number;
  recorded: number;
  reversals: number;
  unmatched: number;
  duplicates: number;
  /** Sum of the insurance payments posted (positive cents). */
  paidCents: number;
  /** Sum of the contractual adjustments posted (positive cents). */
  contractualCents: number;
}

/** A problem reading the file: the segment (1-based, in file order) and what is wrong. */
export interface EraProblem {
  segment: number;
  message: string;
}

export interface EraPreview {
  fileName: string;
  sha256: string;
  /** The same file was imported before: nothing would post. */
  alreadyImported: { fileId: number; importedAt: string } | null;
  interchange: { control: string; senderId: string; receiverId: string; date: BusinessDate } | null;
  transactions: EraTransactionView[];
  totals: EraTotals;
  /** Problems that stop the import (nothing posts while any stands). */
  problems: EraProblem[];
}

export interface EraFileSummary {
  id: number;
  fileName: string;
  importedAt: string;
  importedBy: string | null;
  interchangeDate: BusinessDate;
  payers: string[];
  claims: number;
  posted: number;
  unmatched: number;
  paidCents: number;
  adjustedCents: number;
}

export interface EraFileDetail {
  file: EraFileSummary;
  transactions: EraTransactionView[];
  totals: EraTotals;
}

// --- the account's bad-debt clock and facts

export const badDebtAccountInput = z.object({ accountId: idSchema });

const ccnSchema = z
  .string({ error: 'Enter the CCN.' })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{6}$/, 'A CCN is 6 letters or digits, such as 123456.');

/** badDebt:setFacts — what the listing needs that the extract does not carry. */
export const badDebtFactsInput = z
  .object({
    accountId: idSchema,
    professionalComponent: z.boolean(),
    qmb: z.boolean(),
    /** '' : the hospital's CCN. */
    ccn: z.union([z.literal(''), ccnSchema]).default(''),
    medicaidAd: z.boolean(),
    medicaidAdNote: optionalText('Alternative documentation', 300).default(''),
    secondaryDeniedOn: businessDateSchema.nullable().default(null),
  })
  .refine((f) => !f.medicaidAd || f.medicaidAdNote !== '', {
    message: 'Say what the alternative documentation is.',
    path: ['medicaidAdNote'],
  });
export type BadDebtFactsInput = z.output<typeof badDebtFactsInput>;

/** badDebt:indigence — BD-11: the hospital's own determination, total resources weighed. */
export const indigenceInput = z.object({
  accountId: idSchema,
  determinedOn: businessDateSchema,
  assetsCents: nonNegativeCents('Assets'),
  liabilitiesCents: nonNegativeCents('Liabilities'),
  monthlyIncomeCents: nonNegativeCents('Monthly income'),
  monthlyExpensesCents: nonNegativeCents('Monthly expenses'),
  householdSize: z
    .number({ error: 'Household size is a number.' })
    .int('Household size is a whole number.')
    .min(1, 'Household size is at least 1.')
    .max(20, 'Household size is at most 20.'),
  extenuating: optionalText('Extenuating circumstances', 1000).default(''),
  noOtherSource: z.boolean(),
  selfDeclarationOnly: z.boolean(),
  indigent: z.boolean(),
  note: optionalText('Note', 500).default(''),
});
export type IndigenceInput = z.output<typeof indigenceInput>;

export interface IndigenceView {
  id: number;
  determinedOn: BusinessDate;
  assetsCents: number;
  liabilitiesCents: number;
  monthlyIncomeCents: number;
  monthlyExpensesCents: number;
  householdSize: number;
  extenuating: string;
  noOtherSource: boolean;
  selfDeclarationOnly: boolean;
  indigent: boolean;
  note: string;
  determinedBy: string | null;
  createdAt: string;
}

export const WRITE_OFF_STATUSES = ['proposed', 'approved', 'rejected', 'reversed'] as const;
export type WriteOffStatus = (typeof WRITE_OFF_STATUSES)[number];

export interface WriteOffView {
  id: number;
  accountId: number;
  accountNumber: string;
  patientName: string;
  guarantorId: number;
  status: WriteOffStatus;
  ceasedOn: BusinessDate;
  deductibleCents: number;
  coinsuranceCents: number;
  paidPriorCents: number;
  amountCents: number;
  proposedNote: string;
  proposedAt: string;
  proposedBy: string | null;
  writtenOffOn: BusinessDate | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string;
  ledgerEntryId: number | null;
  reversedAt: string | null;
  reversedBy: string | null;
  reversalReason: string;
}

export interface BadDebtAccountView {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  patientName: string;
  serviceFrom: BusinessDate;
  serviceTo: BusinessDate;
  setting: 'inpatient' | 'outpatient';
  payerClass: string;
  mbi: string | null;
  medicaidNumber: string | null;
  /** The CCN the account is reported under ('' : none set yet). */
  ccn: string;
  balanceCents: number;
  facts: Omit<BadDebtFactsInput, 'accountId'>;
  clock: BadDebtClock;
  indigence: IndigenceView[];
  writeOffs: WriteOffView[];
  /** The account's 835 claims, newest first. */
  remittances: EraClaimView[];
  /** Money received after the write-off (BD-12), from the ledger. */
  recoveries: { entryId: number; receivedOn: BusinessDate; amountCents: number; type: string }[];
}

/** badDebt:candidates — the Medicare accounts and where each stands, for proposing write-offs. */
export const candidatesInput = z.object({
  on: businessDateSchema.optional(),
  setting: z.enum(['inpatient', 'outpatient', 'all']).default('all'),
  /** 'listable': only those a write-off dated `on` would list; 'open': every Medicare account that owes. */
  show: z.enum(['listable', 'open']).default('listable'),
});

export interface BadDebtCandidate {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  patientName: string;
  serviceFrom: BusinessDate;
  serviceTo: BusinessDate;
  setting: 'inpatient' | 'outpatient';
  ccn: string;
  kind: 'ordinary' | 'dual' | 'indigent';
  balanceCents: number;
  allowableCents: number;
  firstWriteOffDate: BusinessDate | null;
  listable: boolean;
  summary: string;
  /** A write-off already proposed or approved. */
  writeOffStatus: WriteOffStatus | null;
}

/** badDebt:propose — the clerk proposes accounts; collection effort ceased on `ceasedOn` (col 16). */
export const proposeInput = z.object({
  accountIds: z.array(idSchema).min(1, 'Choose at least one account.').max(500, 'Propose at most 500 at once.'),
  ceasedOn: businessDateSchema,
  note: optionalText('Note', 500).default(''),
});

export const proposalsInput = z.object({ status: z.enum([...WRITE_OFF_STATUSES, 'all']).default('proposed') });

/** badDebt:decide — a supervisor approves (posting the write-off, dated `writtenOffOn`) or rejects. */
export const decideInput = z
  .object({
    writeOffIds: z.array(idSchema).min(1, 'Choose at least one proposal.').max(500, 'Decide at most 500 at once.'),
    decision: z.enum(['approve', 'reject'], { error: 'Approve or reject.' }),
    writtenOffOn: businessDateSchema,
    note: optionalText('Note', 500).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.note !== '', {
    message: 'Say why the proposal is rejected.',
    path: ['note'],
  });

/** badDebt:reverse — a supervisor reverses a write-off made by mistake (the ledger entry is reversed). */
export const reverseWriteOffInput = z.object({
  writeOffId: idSchema,
  reason: requiredText('Reason', 500, 'Say why the write-off is reversed.'),
});

/** badDebt:recovery — money received for an account written off as bad debt (BD-12). */
export const recoveryInput = z.object({
  accountId: idSchema,
  receivedOn: businessDateSchema,
  amountCents: positiveCents('Amount received'),
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
  /** The clerk confirms a second payment that looks like one already posted (issue 11). */
  confirmDuplicate: z.boolean().default(false),
  /** A supervisor's approval of a recovery dated before the guarantor's last statement (issue 11). */
  approval: supervisorApprovalSchema.optional(),
});

// --- the listing (BD-14)

export const listingInput = z
  .object({
    ccn: ccnSchema,
    periodFrom: businessDateSchema,
    periodTo: businessDateSchema,
    setting: z.enum(['inpatient', 'outpatient'], { error: 'Choose inpatient or outpatient.' }),
  })
  .refine((l) => l.periodTo >= l.periodFrom, { message: 'The period ends before it begins.', path: ['periodTo'] });

export const LISTING_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];

export const exportListingInput = z
  .object({
    ccn: ccnSchema,
    periodFrom: businessDateSchema,
    periodTo: businessDateSchema,
    setting: z.enum(['inpatient', 'outpatient'], { error: 'Choose inpatient or outpatient.' }),
    format: z.enum(LISTING_FORMATS, { error: 'Choose PDF, Excel or CSV.' }),
    preparer: requiredText('Prepared by', 120, 'Enter who prepared the listing.'),
  })
  .refine((l) => l.periodTo >= l.periodFrom, { message: 'The period ends before it begins.', path: ['periodTo'] });

export interface ListingReconciliation {
  /** Bad-debt write-offs in the ledger dated in the period (this CCN and setting), net of reversals. */
  ledgerWriteOffCents: number;
  /** Recoveries in the ledger received in the period on accounts written off (BD-12). */
  ledgerRecoveriesCents: number;
  /** Write-offs less recoveries: what column 23 must total. */
  ledgerNetCents: number;
  listingCents: number;
  agrees: boolean;
}

export interface ListingView {
  header: ListingHeader;
  lines: ListingLine[];
  /** The reviewer's checks; nothing exports while any stands. */
  problems: ListingProblem[];
  reconciliation: ListingReconciliation;
  /** BD-13: what Medicare would pay of the total (before the cap of 413.89(h)). */
  paymentRatePercent: number;
  expectedReimbursementCents: number;
}

export interface ListingRecord {
  id: number;
  ccn: string;
  periodFrom: BusinessDate;
  periodTo: BusinessDate;
  setting: 'inpatient' | 'outpatient';
  format: ListingFormat;
  lines: number;
  totalAllowableCents: number;
  totalDualCents: number;
  sha256: string;
  preparedBy: string;
  exportedAt: string;
  exportedBy: string | null;
}

/** badDebt:effortEvidence — BD-06: Medicare and non-Medicare accounts treated alike, over a period. */
export const effortEvidenceInput = z
  .object({ periodFrom: businessDateSchema, periodTo: businessDateSchema })
  .refine((l) => l.periodTo >= l.periodFrom, { message: 'The period ends before it begins.', path: ['periodTo'] });

export type { ListingHeader, ListingLine, ListingProblem };

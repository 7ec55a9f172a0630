// Small-claims court (issue 13): the channels' inputs (each field checked with a message naming it)
// and the views they answer with. Money is integer cents, dates business dates (YYYY-MM-DD).
import { z } from 'zod';
import { businessDateSchema, type BusinessDate } from '../dates';
import { nonNegativeCents, positiveCents } from '../money';
import type { EcaKind } from '../rules/ecaClock';
import {
  ACCRUALS,
  CLAIM_BASES,
  DECLARATION_KINDS,
  LIMITATION_BASES,
  type CaseReminderKind,
  type ClaimBasis,
  type CourtLimit,
  type Limitation,
  type SuitDecision,
} from '../rules/smallClaims';
import { US_STATES } from './hospital';
import { PAYMENT_METHODS } from './ledger';
import { idSchema, optionalText, requiredText } from './text';
import { supervisorApprovalSchema } from './users';

export const CASE_STATUSES = [
  'open',
  'demand_sent',
  'filed',
  'served',
  'judgment',
  'satisfied',
  'dismissed',
  'withdrawn',
  'lost',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** A case still being worked (the account is held from statements once it is filed). */
export const OPEN_CASE_STATUSES = [
  'open',
  'demand_sent',
  'filed',
  'served',
  'judgment',
] as const satisfies readonly CaseStatus[];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Opened',
  demand_sent: 'Demand sent',
  filed: 'Filed',
  served: 'Served',
  judgment: 'Judgment for the hospital',
  satisfied: 'Satisfied',
  dismissed: 'Dismissed',
  withdrawn: 'Withdrawn before filing',
  lost: 'Judgment for the defendant',
};

export const SERVICE_METHODS = ['personal', 'substituted', 'certified_mail', 'sheriff', 'process_server'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  personal: 'Personal service',
  substituted: 'Substituted service',
  certified_mail: 'Certified mail (by the court clerk)',
  sheriff: 'Sheriff or marshal',
  process_server: 'Registered process server',
};

/** The actions after a judgment that are ECAs (ECA-02): each passes the 501(r) gate. */
export const POST_JUDGMENT_KINDS = ['wage_garnishment', 'bank_levy', 'lien'] as const satisfies readonly EcaKind[];
export type PostJudgmentKind = (typeof POST_JUDGMENT_KINDS)[number];

const stateCode = z.enum(US_STATES, { error: 'Choose a state.' });
const accountIds = z
  .array(idSchema)
  .min(1, 'Choose at least one account to sue for.')
  .max(200, 'At most 200 accounts in one case.')
  .refine((ids) => new Set(ids).size === ids.length, 'An account is chosen twice.');
const basis = z.enum(CLAIM_BASES, { error: 'Choose what the claim rests on: a signed form or an open account.' });

/** smallClaims:check — should we sue? (accountIds absent: every open account of the guarantor). */
export const suitCheckInput = z.object({
  guarantorId: idSchema,
  accountIds: accountIds.optional(),
  courtId: idSchema.optional(),
  basis: basis.default('open_account'),
  waiveExcess: z.boolean().default(false),
});
export type SuitCheckInput = z.input<typeof suitCheckInput>;

/** smallClaims:open — open a case from a check that passes (the gate may still be waiting). */
export const openCaseInput = z
  .object({
    guarantorId: idSchema,
    accountIds,
    courtId: idSchema,
    basis,
    courtName: requiredText('Court name', 160),
    courtAddress: optionalText('Court address', 300).default(''),
    county: requiredText('County', 80),
    waiveExcess: z.boolean().default(false),
    waiverNote: optionalText('Why the excess is waived', 500).default(''),
  })
  .refine((v) => !v.waiveExcess || v.waiverNote.trim().length > 0, {
    message: 'Say why the excess over the limit is waived.',
    path: ['waiverNote'],
  });
export type OpenCaseInput = z.input<typeof openCaseInput>;

export const caseInput = z.object({ caseId: idSchema });

/** smallClaims:demand — the demand letter before filing (its file-after date computed). */
export const demandInput = z.object({ caseId: idSchema });

/** smallClaims:packet — the court packet, one PDF. */
export const packetInput = z.object({
  caseId: idSchema,
  declaration: z.enum(DECLARATION_KINDS, { error: 'Choose the declaration’s wording.' }).default('standard'),
});

const timeText = z
  .string()
  .trim()
  .max(20, 'Give the time like 9:00 AM.')
  .refine((t) => t === '' || /^(1[0-2]|0?[1-9]):[0-5]\d\s?(AM|PM|am|pm)$/.test(t), 'Give the time like 9:00 AM.');

/** smallClaims:record — what happened in the case, one event at a time. */
export const caseEventInput = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('filed'),
    caseId: idSchema,
    on: businessDateSchema,
    caseNumber: requiredText('Case number', 60),
    filingFeeCents: nonNegativeCents('Filing fee paid'),
  }),
  z.object({
    event: z.literal('served'),
    caseId: idSchema,
    on: businessDateSchema,
    method: z.enum(SERVICE_METHODS, { error: 'Choose how the defendant was served.' }),
    serviceFeeCents: nonNegativeCents('Service fee paid'),
  }),
  z.object({
    event: z.literal('hearing'),
    caseId: idSchema,
    on: businessDateSchema,
    time: timeText,
    place: requiredText('Hearing place', 200),
  }),
  z.object({
    event: z.literal('continued'),
    caseId: idSchema,
    on: businessDateSchema,
    time: timeText,
    place: requiredText('Hearing place', 200),
    reason: requiredText('Why the hearing was continued', 300),
  }),
  z.object({
    event: z.literal('judgment'),
    caseId: idSchema,
    on: businessDateSchema,
    outcome: z.enum(['plaintiff', 'defendant'], { error: 'Choose for whom the judgment was given.' }),
    amountCents: nonNegativeCents('Judgment amount'),
    costsCents: nonNegativeCents('Costs awarded'),
    interestRateBp: z
      .number({ error: 'Interest rate is a number.' })
      .int('Interest rate is in hundredths of a percent.')
      .min(0, 'Interest rate cannot be negative.')
      .max(5000, 'Interest rate is at most 50%.'),
    /**
     * What the judgment writes off (the excess over the award, or everything for the defendant)
     * follows the adjustment approval limit: over it, a clerk needs a supervisor's approval.
     */
    approval: supervisorApprovalSchema.optional(),
  }),
  z.object({
    event: z.literal('closed'),
    caseId: idSchema,
    on: businessDateSchema,
    outcome: z.enum(['satisfied', 'dismissed', 'withdrawn'], { error: 'Choose how the case ended.' }),
    note: optionalText('Note', 500).default(''),
  }),
  z.object({
    event: z.literal('note'),
    caseId: idSchema,
    on: businessDateSchema,
    note: requiredText('Note', 1000),
  }),
]);
export type CaseEventInput = z.input<typeof caseEventInput>;

/** smallClaims:payment — a payment after judgment (posted as court recovery, oldest account first). */
export const judgmentPaymentInput = z.object({
  caseId: idSchema,
  receivedOn: businessDateSchema,
  amountCents: positiveCents('Amount received'),
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
});

/** smallClaims:postJudgment — a garnishment, levy or lien, through the 501(r) gate. */
export const postJudgmentInput = z.object({
  caseId: idSchema,
  kind: z.enum(POST_JUDGMENT_KINDS, { error: 'Choose the action.' }),
  note: optionalText('Note', 500).default(''),
});

/** smallClaims:reports — open cases, hearings in the week from a date, outcomes. */
export const reportsInput = z.object({ weekOf: businessDateSchema.optional() });

/** smallClaims:setLimit — a supervisor adds a limit row (a change is a new row from a date). */
export const setLimitInput = z
  .object({
    state: stateCode,
    court: requiredText('Court', 120),
    entityLimitCents: positiveCents('Limit for a business plaintiff'),
    individualLimitCents: positiveCents('Limit for a person').nullable().default(null),
    largeClaimCents: positiveCents('Large-claim threshold').nullable().default(null),
    largeClaimsPerYear: z
      .number({ error: 'Large claims a year is a number.' })
      .int('Large claims a year is a whole number.')
      .min(0, 'Large claims a year cannot be negative.')
      .max(1000, 'At most 1000.')
      .nullable()
      .default(null),
    filingFeeCents: nonNegativeCents('Filing fee'),
    serviceFeeCents: nonNegativeCents('Service fee'),
    effectiveFrom: businessDateSchema,
    source: optionalText('Source', 300).default(''),
  })
  .refine((v) => (v.largeClaimCents === null) === (v.largeClaimsPerYear === null), {
    message: 'Give both the large-claim threshold and how many such claims a year, or neither.',
    path: ['largeClaimsPerYear'],
  });

/** smallClaims:setLimitation — a supervisor adds a statute-of-limitations row. */
export const setLimitationInput = z.object({
  state: stateCode,
  basis: z.enum(LIMITATION_BASES, { error: 'Choose the basis.' }),
  years: z
    .number({ error: 'Years is a number.' })
    .int('Years is a whole number.')
    .min(1, 'At least 1 year.')
    .max(30, 'At most 30 years.'),
  accrual: z.enum(ACCRUALS, { error: 'Choose when the period starts.' }),
  accruedFrom: businessDateSchema,
  /** A transitional cap (Ohio's SB 13): the last day to file whatever the years give. */
  noLaterThan: businessDateSchema.nullable().default(null),
  source: optionalText('Source', 300).default(''),
});

// ---------------------------------------------------------------------------------------------
// Views

/** The check, explained line by line, with the courts of the defendant's state to choose from. */
export interface SuitCheckView {
  guarantorId: number;
  guarantorName: string;
  state: string;
  county: string;
  basis: ClaimBasis;
  /** The courts in force for the state (the limits table), largest limit first. */
  courts: CourtLimit[];
  courtId: number | null;
  /** The guarantor's open accounts that could be chosen (balance > 0), with the chosen ones marked. */
  accounts: {
    accountId: number;
    accountNumber: string;
    serviceFrom: string;
    serviceTo: string;
    balanceCents: number;
    chosen: boolean;
  }[];
  decision: SuitDecision;
}

export interface CaseAccountView {
  accountId: number;
  accountNumber: string;
  patientName: string;
  serviceFrom: BusinessDate;
  serviceTo: BusinessDate;
  /** When the case was opened. */
  openedBalanceCents: number;
  /** From the ledger, today. */
  balanceCents: number;
}

export interface CaseEventView {
  id: number;
  kind: string;
  on: BusinessDate;
  /** In plain words. */
  text: string;
  at: string;
  by: string | null;
}

export interface CaseActionView {
  id: number;
  kind: PostJudgmentKind;
  requestedOn: BusinessDate;
  allowed: boolean;
  reasons: string[];
  note: string;
}

export interface CaseSummary {
  caseId: number;
  guarantorId: number;
  guarantorName: string;
  status: CaseStatus;
  state: string;
  courtName: string;
  county: string;
  caseNumber: string | null;
  claimCents: number;
  /** What the case's accounts owe today (the ledger). */
  balanceCents: number;
  openedOn: BusinessDate;
  filedOn: BusinessDate | null;
  hearingOn: BusinessDate | null;
  hearingTime: string;
  /** The next thing to do, in plain words. */
  next: string;
}

export interface CaseDetail extends CaseSummary {
  courtAddress: string;
  basis: ClaimBasis;
  court: CourtLimit;
  balanceAtOpenCents: number;
  waivedCents: number;
  waiverNote: string;
  demandSentOn: BusinessDate | null;
  fileAfter: BusinessDate | null;
  demandDocumentId: number | null;
  filingFeeCents: number;
  servedOn: BusinessDate | null;
  serviceMethod: ServiceMethod | null;
  serviceFeeCents: number;
  hearingPlace: string;
  judgmentOn: BusinessDate | null;
  judgmentCents: number | null;
  costsCents: number | null;
  interestRateBp: number | null;
  /** Recovered since filing: the patient's money on the case's accounts (the ledger). */
  recoveredCents: number;
  /** Still owed on the judgment: judgment + costs − recovered since judgment (never below 0). */
  judgmentOwedCents: number;
  closedOn: BusinessDate | null;
  closeNote: string;
  accounts: CaseAccountView[];
  events: CaseEventView[];
  actions: CaseActionView[];
  /** The reminder in the work queue today, if any. */
  reminder: { kind: CaseReminderKind; date: BusinessDate; text: string } | null;
  /** The check as it stands today (before filing; after filing, for the record). */
  check: SuitDecision;
}

export interface SmallClaimsReports {
  weekOf: BusinessDate;
  weekTo: BusinessDate;
  open: CaseSummary[];
  hearings: CaseSummary[];
  outcomes: {
    byStatus: { status: CaseStatus; cases: number; claimCents: number; recoveredCents: number; costCents: number }[];
    claimCents: number;
    recoveredCents: number;
    /** Filing and service fees paid. */
    costCents: number;
    /** Court costs awarded (posted to the ledger). */
    costsAwardedCents: number;
  };
}

export interface SmallClaimsRules {
  limits: (CourtLimit & { inForce: boolean; recordedAt: string; recordedBy: string | null })[];
  limitations: (Limitation & { recordedAt: string; recordedBy: string | null })[];
}

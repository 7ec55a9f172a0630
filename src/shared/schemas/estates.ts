// Deceased guarantors and their estates (issue 14): the channels' inputs (each field checked with a
// message naming it) and the views they answer with. Money is integer cents, dates business dates.
import { z } from 'zod';
import { businessDateSchema, type BusinessDate } from '../dates';
import { positiveCents } from '../money';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../rules/documentLanguage';
import {
  CLERK_DEATH_SOURCES,
  FILED_WITH,
  type ClaimDeadline,
  type DeathSource,
  type EstateReminder,
  type EstateStatus,
  type FiledWith,
  type ProbateRule,
} from '../rules/estates';
import { US_STATES } from './hospital';
import { PAYMENT_METHODS } from './ledger';
import { idSchema, optionalText, requiredText } from './text';
import { supervisorApprovalSchema } from './users';

const stateCode = z.enum(US_STATES, { error: 'Choose a state.' });

/** estates:recordDeath — a clerk records a death (the extract's deaths come in by the import). */
export const recordDeathInput = z.object({
  guarantorId: idSchema,
  dateOfDeath: businessDateSchema,
  source: z.enum(CLERK_DEATH_SOURCES, { error: 'Choose how the death became known.' }),
  note: optionalText('Note', 500).default(''),
});

/** estates:undoDeath — a supervisor undoes a death recorded by mistake; the history is kept. */
export const undoDeathInput = z.object({
  guarantorId: idSchema,
  reason: requiredText('Reason', 500, 'Say why the death is undone.'),
});

export const estateInput = z.object({ estateId: idSchema });

/** estates:details — the estate record; the deadline is computed again from it. */
export const estateDetailsInput = z.object({
  estateId: idSchema,
  state: stateCode,
  county: optionalText('County', 80).default(''),
  courtName: optionalText('Probate court', 160).default(''),
  courtAddress: optionalText('Court’s address', 300).default(''),
  caseNumber: optionalText('Probate case number', 60).default(''),
  prName: optionalText('Personal representative', 160).default(''),
  prAddress: optionalText('Personal representative’s address', 300).default(''),
  attorneyName: optionalText('Estate’s attorney', 160).default(''),
  attorneyAddress: optionalText('Attorney’s address', 300).default(''),
  letterLanguage: z.enum(DOCUMENT_LANGUAGES, { error: 'Choose the letters’ language.' }).default('en'),
  firstPublishedOn: businessDateSchema.nullable().default(null),
  mailedNoticeOn: businessDateSchema.nullable().default(null),
});

/** estates:lastIllness — PR-04: which claimed accounts are the last illness's care. */
export const lastIllnessInput = z.object({
  estateId: idSchema,
  accounts: z
    .array(z.object({ accountId: idSchema, lastIllness: z.boolean({ error: 'Say yes or no.' }) }))
    .min(1, 'Choose at least one account.')
    .max(500, 'At most 500 accounts.'),
});

/** estates:refer — the referral memo to the legal department. */
export const referInput = z.object({
  estateId: idSchema,
  note: optionalText('Note for legal', 1000).default(''),
});

/** estates:release — ECA-04: a supervisor releases the claim with a reason (the deadline comes first). */
export const releaseInput = z.object({
  estateId: idSchema,
  reason: requiredText('Reason', 500, 'Say why the claim may go before the 501(r) clock allows.'),
});

/** estates:file — the claim presented: through the 501(r) gate, the statement of claim and its cover letter. */
export const fileClaimInput = z.object({
  estateId: idSchema,
  on: businessDateSchema,
  filedWith: z.enum(FILED_WITH, { error: 'Choose where the claim goes.' }),
  /** The statement of claim carries the sworn wording (an affidavit: amount justly due, payments credited, no offsets). */
  sworn: z.boolean().default(false),
  /** PR-03: if contingent or unliquidated, the nature of the uncertainty. */
  contingency: optionalText('Contingency', 500).default(''),
  /** PR-03: if secured, the security. */
  security: optionalText('Security', 500).default(''),
});

/** estates:record — what the court or the representative answered, or a follow-up call. */
export const estateEventInput = z.discriminatedUnion(
  'event',
  [
    z.object({
      estateId: idSchema,
      event: z.literal('allowed'),
      on: businessDateSchema,
      // A claim allowed for nothing is a disallowance: record that instead (its 60 days run, PR-03).
      allowedCents: positiveCents('Amount allowed'),
    }),
    z.object({ estateId: idSchema, event: z.literal('disallowed'), on: businessDateSchema }),
    z.object({
      estateId: idSchema,
      event: z.literal('call'),
      on: businessDateSchema,
      note: requiredText('What was said', 1000, 'Say what the clerk of court said.'),
    }),
    z.object({
      estateId: idSchema,
      event: z.literal('note'),
      on: businessDateSchema,
      note: requiredText('Note', 1000, 'Write the note.'),
    }),
  ],
  { error: 'Choose what happened.' },
);

/** estates:payment — money from the estate, posted as estate recoveries oldest account first. */
export const estatePaymentInput = z.object({
  estateId: idSchema,
  receivedOn: businessDateSchema,
  amountCents: positiveCents('Amount received'),
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
  reference: optionalText('Reference', 60).default(''),
});

/**
 * estates:close — the estate closes with nothing more: the remainder is written off with the
 * reason (a Medicare deductible or coinsurance balance is left for the bad-debt listing). Over the
 * adjustment approval limit a clerk needs a supervisor's approval.
 */
export const closeEstateInput = z.object({
  estateId: idSchema,
  on: businessDateSchema,
  note: requiredText('Reason', 500, 'Say why the estate closes with nothing more.'),
  approval: supervisorApprovalSchema.optional(),
});

/** estates:document — a recorded estate document again, byte for byte. */
export const estateDocumentInput = z.object({ estateDocumentId: idSchema });

/** estates:setRule — a new row of the probate table from a date (nothing is changed or deleted). */
const smallWhole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} is a number.` })
    .int(`${label} is a whole number.`)
    .min(min, `${label} is at least ${min}.`)
    .max(max, `${label} is at most ${max}.`);
export const setProbateRuleInput = z.object({
  state: stateCode,
  noticeMonths: smallWhole('Months after publication', 1, 24),
  mailedDays: smallWhole('Days after a mailed notice', 0, 365),
  outerMonths: smallWhole('Months after death (outer limit)', 1, 120),
  publicationWeeks: smallWhole('Weeks of publication', 1, 8),
  lastIllnessClass: smallWhole('Class of the last illness', 1, 12),
  generalClass: smallWhole('Class of other claims', 1, 12),
  finalYearClass: smallWhole('Class of the final year’s care', 1, 12).nullable().default(null),
  suitDays: smallWhole('Days to sue after a disallowance', 1, 365),
  effectiveFrom: businessDateSchema,
  source: requiredText('Source', 200, 'Name the statute or source.'),
  note: optionalText('Note', 500).default(''),
});

// ---------------------------------------------------------------- views

export interface DeathView {
  id: number;
  dateOfDeath: BusinessDate;
  source: DeathSource;
  note: string;
  recordedOn: BusinessDate;
  recordedBy: string | null;
  undoneOn: BusinessDate | null;
  undoneBy: string | null;
  undoReason: string | null;
}

export interface EstateSummary {
  id: number;
  guarantorId: number;
  guarantorName: string;
  dateOfDeath: BusinessDate;
  status: EstateStatus;
  state: string;
  deadline: BusinessDate;
  /** What the claimed accounts owe now (their ledger balances). */
  owedCents: number;
  claimCents: number | null;
  /** ECA-04: the deadline falls before the 501(r) clock allows and no supervisor has released the claim. */
  releaseNeeded: boolean;
  reminder: EstateReminder | null;
}

export interface EstateAccountView {
  accountId: number;
  accountNumber: string;
  patientName: string;
  serviceFrom: BusinessDate;
  serviceTo: BusinessDate;
  serviceType: string;
  payerClass: string;
  /** The account's ledger balance now. */
  balanceCents: number;
  /** The balance claimed at filing. */
  claimCents: number | null;
  lastIllness: boolean;
  /** PR-04: care ending within the setting's days of the death (a suggestion the clerk confirms). */
  suggestedLastIllness: boolean;
  priority: { classNumber: number; label: string };
  /** Estate recoveries posted to the account. */
  recoveredCents: number;
  writtenOffCents: number;
  badDebtCents: number;
  /** The 501(r) gate for a claim on this account today. */
  eca: { allowed: boolean; allowedFrom: BusinessDate | null; released: boolean; reasons: string[] };
}

export interface EstateEventView {
  id: number;
  kind: string;
  on: BusinessDate;
  /** What happened, in a sentence. */
  text: string;
  by: string | null;
}

export type EstateDocumentKind = 'referral_memo' | 'statement_of_claim' | 'cover_letter' | 'follow_up_letter';
export const ESTATE_DOCUMENT_LABELS: Record<EstateDocumentKind, string> = {
  referral_memo: 'Referral memo to legal',
  statement_of_claim: 'Statement of claim',
  cover_letter: 'Cover letter',
  follow_up_letter: 'Follow-up letter to the clerk of court',
};

export interface EstateDocumentView {
  id: number;
  kind: EstateDocumentKind;
  madeOn: BusinessDate;
  language: DocumentLanguage;
  /** The kept document (the guarantor's documents list has it too). */
  documentId: number | null;
}

export interface EstateDetail extends EstateSummary {
  death: DeathView;
  county: string;
  courtName: string;
  courtAddress: string;
  caseNumber: string;
  prName: string;
  prAddress: string;
  attorneyName: string;
  attorneyAddress: string;
  letterLanguage: DocumentLanguage;
  firstPublishedOn: BusinessDate | null;
  mailedNoticeOn: BusinessDate | null;
  /** The deadline with the dates weighed and the rule that produced it. */
  deadlineInfo: ClaimDeadline;
  /** The earliest day the 501(r) clock allows a claim on every account (null: it cannot say). */
  ecaAllowedFrom: BusinessDate | null;
  /** Every claimed account is released by a supervisor (ECA-04). */
  released: boolean;
  referredOn: BusinessDate | null;
  filedOn: BusinessDate | null;
  filedWith: FiledWith | null;
  sworn: boolean;
  contingency: string;
  security: string;
  allowedOn: BusinessDate | null;
  allowedCents: number | null;
  disallowedOn: BusinessDate | null;
  /** PR-03: the last day to sue after a disallowance. */
  suitDeadline: BusinessDate | null;
  closedOn: BusinessDate | null;
  closeNote: string;
  recoveredCents: number;
  accounts: EstateAccountView[];
  events: EstateEventView[];
  documents: EstateDocumentView[];
}

/** What the workspace shows on every account of a guarantor: the deaths recorded and the estate. */
export interface GuarantorEstate {
  deaths: DeathView[];
  estate: EstateDetail | null;
}

export interface ProbateRuleRow extends ProbateRule {
  recordedAt: string;
  recordedBy: string | null;
}

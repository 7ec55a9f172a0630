// Financial-assistance applications and decisions (ECA-05): a clerk records that an application
// came in, complete or not (ECAs suspend while it is pending), or that none was made; a supervisor
// previews the discount per account and records the decision. An approval brings each open account
// down to what the patient owes under the policy (src/shared/rules/fapDiscount.ts).
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, type BusinessDate } from '../dates';
import { dollarsText, nonNegativeCents, positiveCents, typedCents } from '../money';
import { approvalField } from './ledger';
import { supervisorApprovalSchema } from './users';
import type { FapAccountOutcome, FapTotals } from '../rules/fapDiscount';
import { choice } from './formFields';
import { idSchema, optionalText } from './text';

export const recordFapApplicationInput = z.object({
  guarantorId: idSchema,
  /**
   * `incomplete`: an application came in without everything the policy asks for. It is pending
   * (ECAs stay suspended, ECA-05) and the written notice names what is missing and the date by which
   * to send it (26 CFR 1.501(r)-6(c)).
   */
  status: z.enum(['pending', 'incomplete', 'not_applied'], { error: 'Choose whether an application came in.' }),
  date: businessDateSchema,
  note: optionalText('Note', 300).default(''),
  /** For an incomplete application: what the applicant still has to send. */
  missing: optionalText('What is missing', 500).default(''),
});

export const FAP_DECISIONS = ['approved_full', 'approved_partial', 'denied'] as const;

const PERCENT_OFF = z
  .number({ error: 'The percentage is a number.' })
  .int('The percentage has at most two decimals.')
  .min(1, 'The percentage off must be more than 0.')
  .max(9_999, 'A percentage of 100 is an approval in full.');

/** The discount the policy gives (src/shared/rules/fapDiscount.ts). */
export const fapDiscountSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('full') }),
    z.object({
      kind: z.literal('percent'),
      percentOffBasisPoints: PERCENT_OFF,
    }),
    z.object({ kind: z.literal('agb') }),
  ],
  { error: 'Choose the discount the policy gives.' },
);

export const previewFapInput = z.object({ guarantorId: idSchema, discount: fapDiscountSchema });

/** What the preview showed for one account: the decision posts exactly this or nothing. */
export const previewedAccountSchema = z.object({
  accountId: idSchema,
  adjustmentCents: nonNegativeCents('Adjustment'),
  refundCents: nonNegativeCents('Refund'),
});

export const decideFapInput = z.object({
  guarantorId: idSchema,
  decision: z.enum(FAP_DECISIONS, { error: 'Choose the decision.' }),
  decidedOn: businessDateSchema,
  note: optionalText('Note', 300).default(''),
  /** Approvals: the discount (approved in full is always `full`). */
  discount: fapDiscountSchema.optional(),
  /** Approvals: the per-account table the supervisor saw (fap:preview). */
  previewed: z.array(previewedAccountSchema).max(500, 'Too many accounts.').default([]),
  /** A denial: the reason, printed in the letter to the patient. */
  denialReason: optionalText('Reason', 500).default(''),
});

// The forms: each is its channel's schema as the clerk types it, less the guarantor.

/** fap:record, less the guarantor: what happened and when (not after the business date). */
export function recordFapApplicationForm(today: BusinessDate) {
  const shape = recordFapApplicationInput.shape;
  return z
    .object({
      status: choice(shape.status),
      date: dateNotAfter(today, 'It', shape.date),
      note: shape.note,
      missing: shape.missing,
    })
    .superRefine((v, ctx) => {
      if (v.status === 'incomplete' && !v.missing)
        ctx.addIssue({ code: 'custom', path: ['missing'], message: 'Say what is missing: the notice names it.' });
    });
}

export const DISCOUNT_KINDS = ['percent', 'agb'] as const;

/**
 * fap:decide and fap:preview, less the guarantor and the previewed table. A partial approval asks
 * for the discount: a percentage off what the patient was responsible for, or the amount generally
 * billed; a denial asks for the reason the letter gives.
 */
export function decideFapForm(today: BusinessDate) {
  const shape = decideFapInput.shape;
  return z
    .object({
      decision: choice(shape.decision),
      decidedOn: dateNotAfter(today, 'A decision', shape.decidedOn),
      note: shape.note,
      discountKind: z.string(),
      percentOff: z.string(),
      denialReason: shape.denialReason,
    })
    .transform(({ discountKind, percentOff, ...v }, ctx) => {
      const discount = formDiscount(v.decision, discountKind, percentOff);
      if (!discount.ok) {
        ctx.addIssue({ code: 'custom', path: [discount.field], message: discount.message });
        return z.NEVER;
      }
      if (v.decision === 'denied' && !v.denialReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['denialReason'],
          message: 'Give the reason: the letter tells the patient.',
        });
        return z.NEVER;
      }
      return { ...v, discount: discount.discount };
    });
}

type FormDiscount =
  | { ok: true; discount: z.output<typeof fapDiscountSchema> | undefined }
  | { ok: false; field: 'discountKind' | 'percentOff'; message: string };

/** The discount the decision form describes (also what the dialog previews as it is typed). */
export function formDiscount(decision: string, discountKind: string, percentOff: string): FormDiscount {
  if (decision === 'approved_full') return { ok: true, discount: { kind: 'full' } };
  if (decision !== 'approved_partial') return { ok: true, discount: undefined };
  if (discountKind === 'agb') return { ok: true, discount: { kind: 'agb' } };
  if (discountKind !== 'percent')
    return { ok: false, field: 'discountKind', message: 'Choose the discount the policy gives.' };
  const bp = /^\s*\d{1,3}(\.\d{1,2})?\s*%?\s*$/.test(percentOff) ? typedCents(percentOff.replace('%', '')) : null;
  if (bp === null)
    return { ok: false, field: 'percentOff', message: 'Write the percentage off as a number such as 60 or 62.50.' };
  // The channel's own field says what is out of bounds, in the same words.
  const checked = PERCENT_OFF.safeParse(bp);
  if (!checked.success) return { ok: false, field: 'percentOff', message: checked.error.issues[0]!.message };
  return { ok: true, discount: { kind: 'percent', percentOffBasisPoints: bp } };
}

export interface FapDecisionResult {
  /** Charity adjustments posted, per account. */
  adjusted: { accountId: number; accountNumber: string; amountCents: number }[];
  /** Accounts where the patient had paid more than the policy amount: a refund due by a date each (the credits worklist). */
  refunds: { accountId: number; accountNumber: string; amountCents: number; dueDate: string }[];
  /** The fap_history row of the decision (its letter prints from it). */
  historyId: number;
}

/** fap:preview: the per-account table for a discount, before anything posts. */
export interface FapPreview {
  agbBasisPoints: number;
  accounts: FapAccountOutcome[];
  totals: FapTotals;
}

export interface FapHistoryItem {
  id: number;
  status: string;
  date: string;
  note: string;
  recordedBy: string | null;
  /** An incomplete application: what is missing and the date to send it by. */
  missing: string | null;
  completeBy: string | null;
  /** The printable letter for this entry: the notice of what is missing, or the determination. */
  letter: 'incomplete_notice' | 'determination' | null;
}

export const fapLetterInput = z.object({ historyId: idSchema });

/**
 * An account in credit, and the refund it is owed: from a financial-assistance decision (refund the
 * patient what they paid beyond the policy amount, ECA-05) or any other credit; due a set number of
 * days after it arose (Settings), escalated to supervisors when overdue.
 */
export interface CreditView {
  accountId: number;
  accountNumber: string;
  guarantorId: number;
  guarantorName: string;
  creditCents: number;
  /**
   * The patient's part of the credit: at most what the patient paid on the account, net of refunds
   * (ECA-05 refunds the patient's money). The rest came from a payer (an insurer's overpayment) and
   * goes back to the payer, not to the patient.
   */
  patientCents: number;
  /** The date the refund is due by. */
  dueDate: string;
  overdue: boolean;
  /** A financial-assistance decision made this refund. */
  fromAssistance: boolean;
}

export const creditsInput = z.object({ guarantorId: idSchema.optional() });

/** credits:refund — a refund of (part of) an account's credit, posted as a refund ledger entry. */
export const postRefundInput = z.object({
  accountId: idSchema,
  amountCents: positiveCents('Refund amount'),
  effectiveDate: businessDateSchema,
  /** The check number or other reference of the money sent. */
  reference: optionalText('Check number or reference', 60).default(''),
  memo: optionalText('Memo', 300).default(''),
  /** A supervisor's user name and password, when the refund is above the approval limit. */
  approval: supervisorApprovalSchema.optional(),
});

/** credits:refund, less the account: the amount in dollars, and a supervisor's approval when needed. */
export function postRefundForm(today: BusinessDate, needsApproval: boolean) {
  const shape = postRefundInput.shape;
  return z
    .object({
      amount: dollarsText('Refund amount', shape.amountCents),
      effectiveDate: dateNotAfter(today, 'A refund', shape.effectiveDate),
      reference: shape.reference,
      memo: shape.memo,
      approval: approvalField(needsApproval),
    })
    .transform(({ amount, ...v }) => ({ ...v, amountCents: amount }));
}

/** Main's refusals of credits:refund, on the refund form's fields. */
export const POST_REFUND_ALIASES = { amountCents: 'amount', approval: 'approval.password' } as const;

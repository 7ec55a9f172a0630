// Financial-assistance applications and decisions (ECA-05): a clerk records that an application
// came in (ECAs suspend while it is pending) or that none was made; a supervisor records the
// decision. An approval brings each open account down to what the patient owes under the policy.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, type BusinessDate } from '../dates';
import { dollarsText, nonNegativeCents } from '../money';
import { choice } from './formFields';
import { idSchema, optionalText } from './text';

export const recordFapApplicationInput = z.object({
  guarantorId: idSchema,
  status: z.enum(['pending', 'not_applied'], { error: 'Choose whether an application came in.' }),
  date: businessDateSchema,
  note: optionalText('Note', 300).default(''),
});

export const FAP_DECISIONS = ['approved_full', 'approved_partial', 'denied'] as const;

/** One open account's patient share under a partial approval. */
export const patientShareSchema = z.object({
  accountId: idSchema,
  amountCents: nonNegativeCents('Amount the patient owes'),
});

export const decideFapInput = z.object({
  guarantorId: idSchema,
  decision: z.enum(FAP_DECISIONS, { error: 'Choose the decision.' }),
  decidedOn: businessDateSchema,
  note: optionalText('Note', 300).default(''),
  /**
   * Partial approval: per open account, everything the patient is responsible for under the
   * policy (what they have paid counts towards it).
   */
  patientShares: z.array(patientShareSchema).max(500, 'Too many accounts.').default([]),
});

// The forms: each is its channel's schema as the clerk types it, less the guarantor.

/** fap:record, less the guarantor: what happened and when (not after the business date). */
export function recordFapApplicationForm(today: BusinessDate) {
  const shape = recordFapApplicationInput.shape;
  return z.object({
    status: choice(shape.status),
    date: dateNotAfter(today, 'It', shape.date),
    note: shape.note,
  });
}

/**
 * fap:decide, less the guarantor. A partial approval asks, per open account, what the patient owes
 * under the policy, in dollars (`shares`, one row per open account); other decisions send none.
 */
export function decideFapForm(today: BusinessDate) {
  const shape = decideFapInput.shape;
  const share = dollarsText('Amount the patient owes', patientShareSchema.shape.amountCents);
  return z
    .object({
      decision: choice(shape.decision),
      decidedOn: dateNotAfter(today, 'A decision', shape.decidedOn),
      note: shape.note,
      shares: z.array(z.object({ accountId: idSchema, amount: z.string() })),
    })
    .transform(({ shares, ...v }, ctx) => {
      if (v.decision !== 'approved_partial') return { ...v, patientShares: [] };
      let typedWell = true;
      const patientShares = shares.map((s, i) => {
        const cents = share.safeParse(s.amount);
        if (cents.success) return { accountId: s.accountId, amountCents: cents.data };
        typedWell = false;
        for (const issue of cents.error.issues)
          ctx.addIssue({ code: 'custom', path: ['shares', i, 'amount'], message: issue.message });
        return { accountId: s.accountId, amountCents: 0 };
      });
      return typedWell ? { ...v, patientShares } : z.NEVER;
    });
}

export interface FapDecisionResult {
  /** Charity adjustments posted, per account. */
  adjusted: { accountId: number; accountNumber: string; amountCents: number }[];
  /** Accounts where the patient had paid more than the policy amount: a refund task each. */
  refunds: { accountId: number; accountNumber: string; amountCents: number; followUpId: number }[];
}

export interface FapHistoryItem {
  id: number;
  status: string;
  date: string;
  note: string;
  recordedBy: string | null;
}

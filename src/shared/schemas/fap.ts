// Financial-assistance applications and decisions (ECA-05): a clerk records that an application
// came in (ECAs suspend while it is pending) or that none was made; a supervisor records the
// decision. An approval brings each open account down to what the patient owes under the policy.
import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { nonNegativeCentsSchema } from '../money';
import { idSchema, optionalText } from './text';

export const recordFapApplicationInput = z.object({
  guarantorId: idSchema,
  status: z.enum(['pending', 'not_applied'], { error: 'Choose whether an application came in.' }),
  date: businessDateSchema,
  note: optionalText('Note', 300).default(''),
});

export const FAP_DECISIONS = ['approved_full', 'approved_partial', 'denied'] as const;

export const decideFapInput = z.object({
  guarantorId: idSchema,
  decision: z.enum(FAP_DECISIONS, { error: 'Choose the decision.' }),
  decidedOn: businessDateSchema,
  note: optionalText('Note', 300).default(''),
  /**
   * Partial approval: per open account, everything the patient is responsible for under the
   * policy (what they have paid counts towards it).
   */
  patientShares: z
    .array(z.object({ accountId: idSchema, amountCents: nonNegativeCentsSchema }))
    .max(500, 'Too many accounts.')
    .default([]),
});

export interface FapDecisionResult {
  /** Charity adjustments posted, per account. */
  adjusted: { accountId: number; accountNumber: string; amountCents: number }[];
  /** Accounts where the patient had paid more than the policy amount: a refund task each. */
  refunds: { accountId: number; accountNumber: string; amountCents: number; taskId: number }[];
}

export interface FapHistoryItem {
  id: number;
  status: string;
  date: string;
  note: string;
  recordedBy: string | null;
}

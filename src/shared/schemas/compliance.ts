import { z } from 'zod';
import { blankAsAbsent, choice, idChoice } from './formFields';
import { chosenId, idSchema, optionalText, requiredText } from './text';

export const COMPLIANCE_CATEGORIES = ['501r', 'privacy', 'billing', 'collections', 'other'] as const;
export const COMPLIANCE_CATEGORY_LABELS: Record<(typeof COMPLIANCE_CATEGORIES)[number], string> = {
  '501r': '501(r) notices and collection actions',
  privacy: 'Privacy and confidentiality (HIPAA)',
  billing: 'Billing accuracy',
  collections: 'Collection practices',
  other: 'Other',
};

export const reportIssueInput = z.object({
  category: z.enum(COMPLIANCE_CATEGORIES, { error: 'Choose a category.' }),
  description: requiredText('What happened', 4000, 'Say what happened.'),
  accountId: idSchema.optional(),
  /** Or the account as the clerk knows it, by its number. */
  accountNumber: optionalText('Account number', 40).optional(),
});

export const assignIssueInput = z.object({ issueId: idSchema, assigneeId: chosenId('Choose who reviews it.') });
export const resolveIssueInput = z.object({ issueId: idSchema, resolution: requiredText('Resolution', 4000) });

// The forms: each is its channel's schema as the clerk types it, less the issue it is about.

/** compliance:report: the account number is optional (empty: none). */
export const reportIssueForm = z.object({
  category: choice(reportIssueInput.shape.category),
  description: reportIssueInput.shape.description,
  accountNumber: blankAsAbsent(reportIssueInput.shape.accountNumber),
});

/** compliance:assign, less the issue: the reviewer picked from the directory. */
export const assignIssueForm = z.object({ assigneeId: idChoice(assignIssueInput.shape.assigneeId) });

/** compliance:resolve, less the issue. */
export const resolveIssueForm = resolveIssueInput.omit({ issueId: true });

export interface ComplianceIssueView {
  id: number;
  category: (typeof COMPLIANCE_CATEGORIES)[number];
  description: string;
  accountNumber: string | null;
  reportedOn: string;
  reportedBy: string | null;
  status: 'open' | 'in_review' | 'resolved';
  assignee: string | null;
  resolution: string | null;
  resolvedOn: string | null;
  resolvedBy: string | null;
}

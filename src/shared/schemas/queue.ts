// The daily work queue: the kinds of item each capability puts in it (with the label a clerk
// reads), the filter, an item as the queue shows it, and marking one worked.
import { z } from 'zod';
import { requiredText } from './text';

/** Every kind of queue item; a capability that adds a source adds its kinds here. */
export const QUEUE_KINDS = ['lapsed_plan', 'defaulted_plan', 'broken_promise', 'follow_up'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  lapsed_plan: 'Lapsed plan',
  defaulted_plan: 'Defaulted plan',
  broken_promise: 'Broken promise',
  follow_up: 'Follow-up due',
};

export const queueInput = z.object({
  kind: z.enum(QUEUE_KINDS).optional(),
  /** 'me': items assigned to or made by the user; 'all': everyone's. */
  assignee: z.enum(['me', 'all']).default('me'),
});

export interface QueueItem {
  key: string;
  kind: QueueKind;
  guarantorId: number;
  guarantorName: string;
  /** What the clerk needs to know at a glance. */
  summary: string;
  amountCents: number;
  /** The date that drives it: cure deadline, default date, promise due date, follow-up due date. */
  date: string;
  score: number;
  assignee: string | null;
}

export const workedInput = z.object({
  key: z.string().min(3).max(80),
  outcome: requiredText('The outcome', 300),
});

/** queue:worked, less the item: the outcome recorded. */
export const workedForm = workedInput.omit({ key: true });

// The daily work queue: the kinds of item each capability puts in it (with the label a clerk
// reads), the filter, an item as the queue shows it, and marking one worked.
import { z } from 'zod';
import { requiredText } from './text';

/** Every kind of queue item; a capability that adds a source adds its kinds here. */
export const QUEUE_KINDS = ['lapsed_plan', 'defaulted_plan', 'broken_promise', 'follow_up', 'new_address'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
/**
 * How the queue shows each kind: its label on an item, its name in the filter, and its badge's tone
 * (warn, bad, info). A capability that adds a kind of item adds it here, once.
 */
export const QUEUE_KIND_INFO: Record<QueueKind, { label: string; filterLabel: string; tone: 'warn' | 'bad' | 'info' }> =
  {
    lapsed_plan: { label: 'Lapsed plan', filterLabel: 'Lapsed plans', tone: 'warn' },
    defaulted_plan: { label: 'Defaulted plan', filterLabel: 'Defaulted plans', tone: 'bad' },
    broken_promise: { label: 'Broken promise', filterLabel: 'Broken promises', tone: 'bad' },
    follow_up: { label: 'Follow-up due', filterLabel: 'Follow-ups due', tone: 'info' },
    new_address: { label: 'New address needed', filterLabel: 'New addresses needed', tone: 'warn' },
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

// The daily work queue: the kinds of item each capability puts in it (with the label a clerk
// reads), the filter, an item as the queue shows it, and marking one worked.
import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_OUTCOMES } from './accounts';
import { idSchema, requiredText } from './text';

/** Every kind of queue item; a capability that adds a source adds its kinds here. */
export const QUEUE_KINDS = [
  'lapsed_plan',
  'defaulted_plan',
  'broken_promise',
  'follow_up',
  'final_notice_passed',
  'no_payment',
  'high_balance',
  'assistance_pending',
  'credit_to_refund',
  'refund_overdue',
  'new_address',
  'court_case',
  'estate',
  'bad_debt',
  'payroll',
  'obstetrics',
] as const;
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
    final_notice_passed: { label: 'Final notice passed', filterLabel: 'Final notices passed', tone: 'bad' },
    no_payment: { label: 'No payment', filterLabel: 'No payment since the statement', tone: 'warn' },
    high_balance: { label: 'High balance', filterLabel: 'High balances', tone: 'info' },
    assistance_pending: { label: 'Assistance to decide', filterLabel: 'Assistance to decide', tone: 'warn' },
    credit_to_refund: { label: 'Credit to refund', filterLabel: 'Credits to refund', tone: 'info' },
    refund_overdue: { label: 'Refund overdue', filterLabel: 'Refunds overdue', tone: 'bad' },
    new_address: { label: 'New address needed', filterLabel: 'New addresses needed', tone: 'warn' },
    court_case: { label: 'Small-claims case', filterLabel: 'Small-claims cases', tone: 'warn' },
    estate: { label: 'Estate', filterLabel: 'Estates (deaths and probate claims)', tone: 'bad' },
    bad_debt: {
      label: 'Medicare bad debt',
      filterLabel: 'Medicare bad debt (first bills due, write-offs to approve)',
      tone: 'warn',
    },
    payroll: {
      label: 'Payroll deduction',
      filterLabel: 'Payroll deductions and bank transfers (matches, signatures, missed deductions)',
      tone: 'warn',
    },
    obstetrics: {
      label: 'Obstetric prepayment',
      filterLabel: 'Obstetric prepayment (agreements, payments, deliveries, true-ups, deposits to refund)',
      tone: 'info',
    },
  };

/** The most items one page of the queue holds, and how many a page holds unless asked. */
export const QUEUE_PAGE_MOST = 100;
export const QUEUE_PAGE_SIZE = 50;

export const queueInput = z.object({
  kind: z.enum(QUEUE_KINDS).optional(),
  /** 'me': items assigned to or made by the user; 'all': everyone's. */
  assignee: z.enum(['me', 'all']).default('me'),
  /** The page: the items from `offset` (0: the top of the queue), at most `limit` of them. */
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().min(1).max(QUEUE_PAGE_MOST).default(QUEUE_PAGE_SIZE),
});

/** queue:list's answer: one page of the queue under the filter, how many it holds, and by kind. */
export interface QueuePage {
  /** The page, highest score first. */
  items: QueueItem[];
  /** Every item under the filter (the pages together). */
  total: number;
  /** The items of each kind under the assignee filter, before the kind filter (the kinds' menu). */
  counts: Record<QueueKind, number>;
  /** Items marked done today, by the user ('me') or by everyone ('all'). */
  workedToday: number;
}

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

/**
 * queue:worked: the item, and what the clerk did about it. It goes on the guarantor's activity (what
 * they did, how it came out, the outcome typed as its note), and an item that came from a follow-up
 * closes the follow-up.
 */
export const workedInput = z.object({
  key: z.string().min(3).max(80),
  /** The item's guarantor: its activity gets the outcome, even when the work resolved the item meanwhile. */
  guarantorId: idSchema,
  outcome: requiredText('The outcome', 300),
  activityKind: z.enum(ACTIVITY_KINDS, { error: 'Choose call, letter, visit or note.' }).default('note'),
  result: z.enum(ACTIVITY_OUTCOMES, { error: 'Choose how it came out.' }).default('noted'),
});

/** queue:worked, less the item: the outcome recorded. */
export const workedForm = workedInput.omit({ key: true, guarantorId: true });

// A plan's terms as the clerk types them (set-up and re-schedule share them), and what they come
// to: the schedule from the shared rule computeSchedule and the PP-01 tier check from checkTier,
// exactly as main computes them when the plan is saved, so the preview is the plan.
import { z } from 'zod';
import { formatCents, parseDollars } from '../../../../shared/money';
import { checkTier, type PlanTier, type TierCheck } from '../../../../shared/rules/planPolicy';
import {
  computeSchedule,
  monthlyDueDate,
  PLAN_FREQUENCIES,
  type Installment,
  type PlanFrequency,
  type ScheduleRequest,
} from '../../../../shared/rules/planSchedule';
import { roleAtLeast, type Role } from '../../../../shared/roles';
import { FAP_ANSWERS, type createPlanInput } from '../../../../shared/schemas/plans';

export const FREQUENCY_LABELS: Record<PlanFrequency, string> = {
  monthly: 'Monthly',
  biweekly: 'Every two weeks',
  weekly: 'Weekly',
};

export const FREQUENCY_OPTIONS = PLAN_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }));

export type FapAnswer = (typeof FAP_ANSWERS)[number];

/** The form's fields; money as typed dollars, numbers as typed text. */
export interface PlanTermsValues {
  /** Set-up: the accounts the plan covers. Re-schedule: accounts to add to the plan. */
  accountIds: string[];
  downPayment: string;
  basis: 'amount' | 'count';
  installmentAmount: string;
  installmentCount: string;
  frequency: PlanFrequency;
  dayOfMonth: string;
  firstDueDate: string;
  fapAnswer: FapAnswer | '';
  approval: { username: string; password: string; reason: string };
  exceptionReason: string;
  /** Re-schedule only. */
  reason: string;
  reage: boolean;
}

/** computeSchedule's field -> the form field the clerk typed it in. */
const FORM_FIELD: Record<string, keyof PlanTermsValues> = {
  balanceCents: 'accountIds',
  downPaymentCents: 'downPayment',
  firstDueDate: 'firstDueDate',
  dayOfMonth: 'dayOfMonth',
  installmentCents: 'installmentAmount',
  installmentCount: 'installmentCount',
};

/** Channel field -> form field, for main's refusals. */
export const TERMS_ALIASES = {
  downPaymentCents: 'downPayment',
  installmentCents: 'installmentAmount',
  approval: 'approval.password',
  addAccountIds: 'accountIds',
} as const;

export const TERMS_FIELDS = [
  'accountIds',
  'downPayment',
  'installmentAmount',
  'installmentCount',
  'frequency',
  'dayOfMonth',
  'firstDueDate',
  'fapAnswer',
  'approval.username',
  'approval.password',
  'approval.reason',
  'exceptionReason',
  'reason',
  'reage',
] as const;

/** A month from today, on today's day of the month (or the month's last day). */
export function aMonthFrom(today: string): string {
  return monthlyDueDate(today, 1, Number(today.slice(8, 10)));
}

type Problem = { field: keyof PlanTermsValues; reason: string };

function dollarsOf(text: string, label: string, field: keyof PlanTermsValues): number | Problem {
  const cents = text.trim() ? parseDollars(text) : 0;
  if (cents === null || cents < 0) return { field, reason: `Write the ${label} in dollars and cents, like 125.00.` };
  return cents;
}

const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'reason' in x;

/** The schedule rule's request from what is typed, or the first field that is not yet usable. */
export function scheduleRequest(v: PlanTermsValues, balanceCents: number): ScheduleRequest | Problem {
  const down = dollarsOf(v.downPayment, 'down payment', 'downPayment');
  if (isProblem(down)) return down;
  if (!v.firstDueDate) return { field: 'firstDueDate', reason: 'Enter the first due date.' };
  const request: ScheduleRequest = {
    balanceCents,
    downPaymentCents: down,
    frequency: v.frequency,
    firstDueDate: v.firstDueDate,
  };
  if (v.frequency === 'monthly') {
    const day = Number(v.dayOfMonth);
    if (!v.dayOfMonth.trim() || !Number.isInteger(day))
      return { field: 'dayOfMonth', reason: 'The day of the month is 1 to 31.' };
    request.dayOfMonth = day;
  }
  if (v.basis === 'amount') {
    if (!v.installmentAmount.trim()) return { field: 'installmentAmount', reason: 'Enter the amount of each payment.' };
    const each = dollarsOf(v.installmentAmount, 'amount of each payment', 'installmentAmount');
    if (isProblem(each)) return each;
    request.installmentCents = each;
  } else {
    const n = Number(v.installmentCount);
    if (!v.installmentCount.trim() || !Number.isInteger(n))
      return { field: 'installmentCount', reason: 'Enter the number of payments, a whole number.' };
    request.installmentCount = n;
  }
  return request;
}

export type Preview =
  | { ok: true; request: ScheduleRequest; installments: Installment[]; totalCents: number; tier: TierCheck }
  | { ok: false; field: keyof PlanTermsValues; reason: string };

/** The full schedule and the tier check, as main will work them out. */
export function previewOf(v: PlanTermsValues, balanceCents: number, tiers: readonly PlanTier[]): Preview {
  const request = scheduleRequest(v, balanceCents);
  if (isProblem(request)) return { ok: false, ...request };
  const schedule = computeSchedule(request);
  if (!schedule.ok) return { ok: false, field: FORM_FIELD[schedule.field] ?? 'accountIds', reason: schedule.reason };
  const first = schedule.installments[0]!;
  const last = schedule.installments.at(-1)!;
  const tier = checkTier(tiers, {
    balanceCents,
    frequency: request.frequency,
    count: schedule.installments.length,
    installmentCents: first.amountCents,
    firstDueDate: first.dueDate,
    lastDueDate: last.dueDate,
  });
  return { ok: true, request, installments: schedule.installments, totalCents: schedule.totalCents, tier };
}

export interface TermsContext {
  mode: 'create' | 'reschedule';
  today: string;
  role: Role;
  tiers: readonly PlanTier[];
  /** The plan's balance for the accounts chosen. */
  balanceOf: (accountIds: readonly string[]) => number;
  /** Set-up only: financial assistance must be offered first above this balance (FAP status unknown). */
  fapPromptAboveCents: number | null;
}

/** Must the clerk record that financial assistance was offered before this plan is saved? */
export function fapRequired(ctx: TermsContext, balanceCents: number): boolean {
  return ctx.mode === 'create' && ctx.fapPromptAboveCents !== null && balanceCents > ctx.fapPromptAboveCents;
}

const issue = (c: z.RefinementCtx, path: string, message: string) =>
  c.addIssue({ code: 'custom', path: path.split('.'), message });

/** The form's schema: the same checks main makes, said on the fields before the round trip. */
export function termsSchema(ctx: TermsContext) {
  const text = z.string();
  return z
    .object({
      accountIds: z.array(z.string()),
      downPayment: text,
      basis: z.enum(['amount', 'count']),
      installmentAmount: text,
      installmentCount: text,
      frequency: z.enum(PLAN_FREQUENCIES),
      dayOfMonth: text,
      firstDueDate: text,
      fapAnswer: z.union([z.enum(FAP_ANSWERS), z.literal('')]),
      approval: z.object({ username: text, password: text, reason: text }),
      exceptionReason: text,
      reason: text.max(300, 'The reason is at most 300 characters.'),
      reage: z.boolean(),
    })
    .superRefine((v, c) => {
      if (ctx.mode === 'create' && v.accountIds.length === 0)
        return issue(c, 'accountIds', 'Choose the accounts the plan covers.');
      if (v.firstDueDate && v.firstDueDate < ctx.today)
        return issue(c, 'firstDueDate', 'The first payment cannot be due before today.');
      const balance = ctx.balanceOf(v.accountIds);
      const preview = previewOf(v, balance, ctx.tiers);
      if (!preview.ok) return issue(c, preview.field, preview.reason);
      if (fapRequired(ctx, balance) && (v.fapAnswer === '' || v.fapAnswer === 'not_asked'))
        issue(c, 'fapAnswer', 'Offer financial assistance and record the answer.');
      if (ctx.mode === 'reschedule' && !v.reason.trim()) issue(c, 'reason', 'Say why the plan is re-scheduled.');
      if (preview.tier.within) return;
      if (roleAtLeast(ctx.role, 'supervisor')) {
        if (!v.exceptionReason.trim()) issue(c, 'exceptionReason', 'Say why this plan is an exception.');
        return;
      }
      if (!v.approval.username.trim()) issue(c, 'approval.username', 'Enter the supervisor’s user name.');
      if (!v.approval.password) issue(c, 'approval.password', 'Enter the supervisor’s password.');
      if (!v.approval.reason.trim()) issue(c, 'approval.reason', 'Say why this plan is an exception.');
    });
}

type Terms = Omit<z.input<typeof createPlanInput>, 'guarantorId' | 'accountIds' | 'fapAnswer'>;

/** The terms part of plans:create and plans:reschedule, from a valid form. */
export function termsInput(v: PlanTermsValues, preview: Extract<Preview, { ok: true }>, role: Role): Terms {
  const r = preview.request;
  const terms: Terms = {
    downPaymentCents: r.downPaymentCents,
    frequency: r.frequency,
    firstDueDate: r.firstDueDate,
  };
  if (r.dayOfMonth !== undefined) terms.dayOfMonth = r.dayOfMonth;
  if (r.installmentCents !== undefined) terms.installmentCents = r.installmentCents;
  if (r.installmentCount !== undefined) terms.installmentCount = r.installmentCount;
  if (!preview.tier.within) {
    if (roleAtLeast(role, 'supervisor')) terms.exceptionReason = v.exceptionReason.trim();
    else
      terms.approval = {
        username: v.approval.username.trim(),
        password: v.approval.password,
        reason: v.approval.reason.trim(),
      };
  }
  return terms;
}

/** "12 monthly payments of $285.89 (the last $285.94)". */
export function paymentsPhrase(frequency: PlanFrequency, installments: readonly { amountCents: number }[]): string {
  const n = installments.length;
  const first = installments[0]?.amountCents ?? 0;
  const last = installments.at(-1)?.amountCents ?? 0;
  const how = { monthly: 'monthly', biweekly: 'every-two-weeks', weekly: 'weekly' }[frequency];
  const what = `${n} ${how} payment${n === 1 ? '' : 's'} of ${formatCents(first)}`;
  return n > 1 && last !== first ? `${what} (the last ${formatCents(last)})` : what;
}

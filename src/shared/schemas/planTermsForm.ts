// A plan's terms as the clerk types them (set-up and re-schedule share them), and what they come
// to. Each typed field is read by the channel's own field (createPlanInput's), the schedule comes
// from the shared rule computeSchedule and the PP-01 tier check from checkTier, exactly as main
// works them out when the plan is saved: the preview is the plan, and the form refuses what main
// refuses, in its words.
import { z } from 'zod';
import { dateNotBefore, typedDate, type BusinessDate } from '../dates';
import { dollarsText, type Cents } from '../money';
import { checkTier, mustOfferFinancialAssistance, type PlanTier, type TierCheck } from '../rules/planPolicy';
import { computeSchedule, type Installment, type PlanFrequency, type ScheduleRequest } from '../rules/planSchedule';
import { roleAtLeast, type Role } from '../roles';
import { wholeNumberText } from './formFields';
import {
  createPlanInput,
  planApprovalSchema,
  reschedulePlanInput,
  type FAP_ANSWERS,
  type PlanTermField,
} from './plans';

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

const terms = createPlanInput.shape;

/** Each typed term, read by the channel's own field. */
const TYPED = {
  downPayment: dollarsText('Down payment', terms.downPaymentCents, { blankIs: 0 }),
  installmentAmount: dollarsText('Amount of each payment', terms.installmentCents.unwrap()),
  installmentCount: wholeNumberText(terms.installmentCount.unwrap(), 'Enter the number of payments, a whole number.'),
  dayOfMonth: wholeNumberText(terms.dayOfMonth.unwrap(), 'The day of the month is 1 to 31.'),
  firstDueDate: typedDate(terms.firstDueDate, 'Enter the first due date.'),
};

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

type Problem = { field: keyof PlanTermsValues; reason: string };

const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'reason' in x;

/** A typed term through its field: the value, or the field's first refusal. */
function read<T>(schema: z.ZodType<T, string>, text: string, field: keyof PlanTermsValues): T | Problem {
  const parsed = schema.safeParse(text);
  return parsed.success ? parsed.data : { field, reason: parsed.error.issues[0]?.message ?? 'Check this field.' };
}

/** The schedule rule's request from what is typed, or the first field that is not yet usable. */
export function scheduleRequest(v: PlanTermsValues, balanceCents: Cents): ScheduleRequest | Problem {
  const down = read(TYPED.downPayment, v.downPayment, 'downPayment');
  if (isProblem(down)) return down;
  const firstDueDate = read(TYPED.firstDueDate, v.firstDueDate, 'firstDueDate');
  if (isProblem(firstDueDate)) return firstDueDate;
  const request: ScheduleRequest = { balanceCents, downPaymentCents: down, frequency: v.frequency, firstDueDate };
  if (v.frequency === 'monthly') {
    const day = read(TYPED.dayOfMonth, v.dayOfMonth, 'dayOfMonth');
    if (isProblem(day)) return day;
    request.dayOfMonth = day;
  }
  if (v.basis === 'amount') {
    const each = read(TYPED.installmentAmount, v.installmentAmount, 'installmentAmount');
    if (isProblem(each)) return each;
    request.installmentCents = each;
  } else {
    const count = read(TYPED.installmentCount, v.installmentCount, 'installmentCount');
    if (isProblem(count)) return count;
    request.installmentCount = count;
  }
  return request;
}

export type Preview =
  | { ok: true; request: ScheduleRequest; installments: Installment[]; totalCents: Cents; tier: TierCheck }
  | { ok: false; field: keyof PlanTermsValues; reason: string };

/** The full schedule and the tier check, as main will work them out. */
export function previewOf(v: PlanTermsValues, balanceCents: Cents, tiers: readonly PlanTier[]): Preview {
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
  today: BusinessDate;
  role: Role;
  tiers: readonly PlanTier[];
  /** The plan's balance for the accounts chosen. */
  balanceOf: (accountIds: readonly string[]) => Cents;
  /** Set-up only: the guarantor's financial-assistance status and the policy's amount to offer it above. */
  fap: { status: string; promptAboveCents: Cents } | null;
}

/** Must the clerk record that financial assistance was offered before this plan is saved? */
export function fapRequired(ctx: TermsContext, balanceCents: Cents): boolean {
  return (
    ctx.mode === 'create' &&
    ctx.fap !== null &&
    mustOfferFinancialAssistance({
      fapStatus: ctx.fap.status,
      balanceCents,
      fapPromptAboveCents: ctx.fap.promptAboveCents,
    })
  );
}

type Terms = Pick<z.input<typeof createPlanInput>, PlanTermField>;

/** What a valid terms form gives: the terms and the rest of plans:create or plans:reschedule. */
export interface PlanTermsOutput {
  /** Set-up: the plan's accounts. Re-schedule: the accounts added. */
  accountIds: number[];
  fapAnswer: FapAnswer;
  reason: string;
  reage: boolean;
  terms: Terms;
  /** The schedule the clerk saw, for the message once it is saved. */
  installments: Installment[];
}

/** The form's schema: the channel's fields and main's rules, said on the fields before the round trip. */
export function planTermsForm(ctx: TermsContext) {
  const text = z.string();
  const firstDue = dateNotBefore(ctx.today, 'The first payment cannot be due before today.', terms.firstDueDate);
  const accounts: z.ZodType<number[]> =
    ctx.mode === 'create' ? terms.accountIds : reschedulePlanInput.shape.addAccountIds;
  return z
    .object({
      accountIds: z.array(z.string()),
      downPayment: text,
      basis: z.enum(['amount', 'count']),
      installmentAmount: text,
      installmentCount: text,
      frequency: terms.frequency,
      dayOfMonth: text,
      firstDueDate: text,
      fapAnswer: z.union([terms.fapAnswer, z.literal('')]),
      approval: z.object({ username: text, password: text, reason: text }),
      exceptionReason: text,
      reason: text,
      reage: z.boolean(),
    })
    .transform((v, c): PlanTermsOutput => {
      const issue = (path: string, message: string) => c.addIssue({ code: 'custom', path: path.split('.'), message });
      const firstIssue = (path: string, error: z.ZodError) => issue(path, error.issues[0]?.message ?? '');
      const chosen = accounts.safeParse(v.accountIds.map(Number));
      if (!chosen.success) {
        firstIssue('accountIds', chosen.error);
        return z.NEVER;
      }
      const due = v.firstDueDate ? firstDue.safeParse(v.firstDueDate) : null;
      if (due && !due.success) {
        firstIssue('firstDueDate', due.error);
        return z.NEVER;
      }
      const balance = ctx.balanceOf(v.accountIds);
      const preview = previewOf(v, balance, ctx.tiers);
      if (!preview.ok) {
        issue(preview.field, preview.reason);
        return z.NEVER;
      }
      let refused = false;
      const refuse = (path: string, message: string) => {
        issue(path, message);
        refused = true;
      };
      if (fapRequired(ctx, balance) && (v.fapAnswer === '' || v.fapAnswer === 'not_asked'))
        refuse('fapAnswer', 'Offer financial assistance and record the answer.');
      const reason = reschedulePlanInput.shape.reason.safeParse(v.reason);
      if (ctx.mode === 'reschedule' && !reason.success) refuse('reason', reason.error.issues[0]?.message ?? '');
      const r = preview.request;
      const out: Terms = { downPaymentCents: r.downPaymentCents, frequency: r.frequency, firstDueDate: r.firstDueDate };
      if (r.dayOfMonth !== undefined) out.dayOfMonth = r.dayOfMonth;
      if (r.installmentCents !== undefined) out.installmentCents = r.installmentCents;
      if (r.installmentCount !== undefined) out.installmentCount = r.installmentCount;
      if (!preview.tier.within) {
        // Outside the tier: a supervisor gives the reason; a clerk, a supervisor's approval with it.
        if (roleAtLeast(ctx.role, 'supervisor')) {
          const why = planApprovalSchema.shape.reason.safeParse(v.exceptionReason);
          if (why.success) out.exceptionReason = why.data;
          else refuse('exceptionReason', why.error.issues[0]?.message ?? '');
        } else {
          const approval = planApprovalSchema.safeParse(v.approval);
          if (approval.success) out.approval = approval.data;
          else for (const i of approval.error.issues) refuse(`approval.${i.path.join('.')}`, i.message);
        }
      }
      if (refused) return z.NEVER;
      return {
        accountIds: chosen.data,
        fapAnswer: v.fapAnswer || 'not_asked',
        reason: reason.success ? reason.data : '',
        reage: v.reage,
        terms: out,
        installments: preview.installments,
      };
    });
}

/** plans:create from a valid form. */
export function toCreatePlanInput(guarantorId: number, out: PlanTermsOutput): z.input<typeof createPlanInput> {
  return { guarantorId, accountIds: out.accountIds, fapAnswer: out.fapAnswer, ...out.terms };
}

/** plans:reschedule from a valid form. */
export function toReschedulePlanInput(planId: number, out: PlanTermsOutput): z.input<typeof reschedulePlanInput> {
  return { planId, addAccountIds: out.accountIds, reason: out.reason, reage: out.reage, ...out.terms };
}

// The plan forms share their channels' schemas and rules: the terms form reads each typed term
// with createPlanInput's own field and works the schedule and the PP-01 tier out with the rules
// main applies (computeSchedule, checkTier); the policy form reads each value with the policy
// schema's field and the tiers with its tier rules. Round trips, limits and rules, by hand.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_PLAN_TIERS } from '../../../src/shared/rules/planPolicy';
import { computeSchedule } from '../../../src/shared/rules/planSchedule';
import { planPolicyForm, toPolicyForm } from '../../../src/shared/schemas/planPolicyForm';
import {
  planTermsForm,
  previewOf,
  toCreatePlanInput,
  toReschedulePlanInput,
  type PlanTermsValues,
  type TermsContext,
} from '../../../src/shared/schemas/planTermsForm';
import {
  addPromiseForm,
  addPromiseInput,
  cancelPlanForm,
  cancelPlanInput,
  createPlanInput,
  DEFAULT_PLAN_POLICY,
  planApprovalSchema,
  reschedulePlanInput,
  setPlanPolicyInput,
  signedForm,
  signedInput,
} from '../../../src/shared/schemas/plans';
import { workedForm, workedInput } from '../../../src/shared/schemas/queue';

const TODAY = '2026-03-02';

function messageAt(result: z.ZodSafeParseResult<unknown>, path: string): string | null {
  if (result.success) return null;
  return result.error.issues.find((i) => i.path.join('.') === path)?.message ?? null;
}

/** Two accounts the clerk may put on a plan: $700.00 and $500.00. */
const BALANCES = new Map([
  ['21', 70_000],
  ['22', 50_000],
]);

function context(over: Partial<TermsContext> = {}): TermsContext {
  return {
    mode: 'create',
    today: TODAY,
    role: 'clerk',
    tiers: DEFAULT_PLAN_TIERS,
    balanceOf: (ids) => ids.reduce((s, id) => s + (BALANCES.get(id) ?? 0), 0),
    fap: null,
    ...over,
  };
}

/** $1,200.00 less $200.00 down, in 10 monthly payments on the 2nd: 10 × $100.00. */
const TYPED: PlanTermsValues = {
  accountIds: ['21', '22'],
  downPayment: '200.00',
  basis: 'count',
  installmentAmount: '',
  installmentCount: '10',
  frequency: 'monthly',
  dayOfMonth: '2',
  firstDueDate: '2026-04-02',
  fapAnswer: '',
  approval: { username: '', password: '', reason: '' },
  exceptionReason: '',
  reason: '',
  reage: false,
};

/** $1,200.00 in 24 monthly payments of $50.00: the $1,000.01–$2,000 tier asks $100.00 a month (PP-01). */
const OUTSIDE: PlanTermsValues = { ...TYPED, downPayment: '0', installmentCount: '24' };

describe('plan terms: round trip to plans:create and plans:reschedule', () => {
  it('PP-01 within the tier: 10 × $100.00 after $200.00 down on $1,200.00', () => {
    const out = planTermsForm(context()).parse(TYPED);
    expect(out.installments).toHaveLength(10);
    expect(out.installments.every((i) => i.amountCents === 10_000)).toBe(true);
    expect(out.installments.at(-1)?.dueDate).toBe('2027-01-02');
    expect(createPlanInput.parse(toCreatePlanInput(5, out))).toEqual({
      guarantorId: 5,
      accountIds: [21, 22],
      fapAnswer: 'not_asked',
      downPaymentCents: 20_000,
      frequency: 'monthly',
      dayOfMonth: 2,
      firstDueDate: '2026-04-02',
      installmentCount: 10,
    });
  });

  it('a re-schedule: $600.00 every two weeks at $150.00 (4 payments), with the reason', () => {
    const ctx = context({ mode: 'reschedule', balanceOf: () => 60_000 });
    const out = planTermsForm(ctx).parse({
      ...TYPED,
      accountIds: [],
      downPayment: '',
      basis: 'amount',
      installmentAmount: '150',
      frequency: 'biweekly',
      firstDueDate: '2026-03-16',
      reason: ' Lost hours at work ',
    });
    expect(out.installments.map((i) => i.dueDate)).toEqual(['2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27']);
    expect(reschedulePlanInput.parse(toReschedulePlanInput(8, out))).toEqual({
      planId: 8,
      addAccountIds: [],
      reason: 'Lost hours at work',
      reage: false,
      downPaymentCents: 0,
      frequency: 'biweekly',
      firstDueDate: '2026-03-16',
      installmentCents: 15_000,
    });
  });

  it('PP-01 outside the tier, a clerk: a supervisor’s approval goes with the terms', () => {
    const out = planTermsForm(context()).parse({
      ...OUTSIDE,
      approval: { username: ' sam ', password: 'password-for-sam', reason: ' Lost his job ' },
    });
    expect(createPlanInput.parse(toCreatePlanInput(5, out))).toMatchObject({
      installmentCount: 24,
      approval: { username: 'sam', password: 'password-for-sam', reason: 'Lost his job' },
    });
  });

  it('PP-01 outside the tier, a supervisor: their own reason for the exception', () => {
    const out = planTermsForm(context({ role: 'supervisor' })).parse({ ...OUTSIDE, exceptionReason: ' Hardship ' });
    expect(createPlanInput.parse(toCreatePlanInput(5, out))).toMatchObject({ exceptionReason: 'Hardship' });
    expect(out.terms.approval).toBeUndefined();
  });

  it('the preview is the schedule main computes', () => {
    const preview = previewOf(TYPED, 120_000, DEFAULT_PLAN_TIERS);
    const main = computeSchedule({
      balanceCents: 120_000,
      downPaymentCents: 20_000,
      frequency: 'monthly',
      dayOfMonth: 2,
      firstDueDate: '2026-04-02',
      installmentCount: 10,
    });
    expect(preview.ok && main.ok && preview.installments).toEqual(main.ok && main.installments);
    expect(preview.ok && preview.tier.within).toBe(true);
  });
});

describe('plan terms: the channel’s limits and main’s rules, on the fields', () => {
  const terms = (over: Partial<PlanTermsValues>, ctx: Partial<TermsContext> = {}) =>
    planTermsForm(context(ctx)).safeParse({ ...TYPED, ...over });
  const CREATE = {
    guarantorId: 5,
    accountIds: [21],
    fapAnswer: 'not_asked',
    downPaymentCents: 0,
    frequency: 'monthly',
    firstDueDate: '2026-04-02',
    installmentCount: 10,
  };

  // [rule, form's refusal, its field, channel's refusal, its field, the words both use]
  const agree: [string, z.ZodSafeParseResult<unknown>, string, z.ZodSafeParseResult<unknown>, string, string][] = [
    [
      'the accounts the plan covers',
      terms({ accountIds: [] }),
      'accountIds',
      createPlanInput.safeParse({ ...CREATE, accountIds: [] }),
      'accountIds',
      'Choose the accounts the plan covers.',
    ],
    [
      'a down payment not negative',
      terms({ downPayment: '-5.00' }),
      'downPayment',
      createPlanInput.safeParse({ ...CREATE, downPaymentCents: -500 }),
      'downPaymentCents',
      'The down payment cannot be negative.',
    ],
    [
      'a day of the month 1 to 31',
      terms({ dayOfMonth: '32' }),
      'dayOfMonth',
      createPlanInput.safeParse({ ...CREATE, dayOfMonth: 32 }),
      'dayOfMonth',
      'The day of the month is 1 to 31.',
    ],
    [
      'at least one payment',
      terms({ installmentCount: '0' }),
      'installmentCount',
      createPlanInput.safeParse({ ...CREATE, installmentCount: 0 }),
      'installmentCount',
      'A plan has at least one payment.',
    ],
    [
      'at most 520 payments',
      terms({ installmentCount: '521' }),
      'installmentCount',
      createPlanInput.safeParse({ ...CREATE, installmentCount: 521 }),
      'installmentCount',
      'A plan has at most 520 payments.',
    ],
    [
      'each payment more than $0.00',
      terms({ basis: 'amount', installmentAmount: '0.00' }),
      'installmentAmount',
      createPlanInput.safeParse({ ...CREATE, installmentCount: undefined, installmentCents: 0 }),
      'installmentCents',
      'The amount of each payment must be more than $0.00.',
    ],
    [
      'a real first due date',
      terms({ firstDueDate: '2026-04-31' }),
      'firstDueDate',
      createPlanInput.safeParse({ ...CREATE, firstDueDate: '2026-04-31' }),
      'firstDueDate',
      'Enter a real date as YYYY-MM-DD.',
    ],
    [
      're-schedule: a reason',
      terms({ accountIds: [], reason: ' ' }, { mode: 'reschedule', balanceOf: () => 60_000 }),
      'reason',
      reschedulePlanInput.safeParse({ ...CREATE, planId: 8, reason: ' ' }),
      'reason',
      'Reason is required.',
    ],
    [
      'outside the tier: the supervisor’s user name',
      planTermsForm(context()).safeParse(OUTSIDE),
      'approval.username',
      planApprovalSchema.safeParse({ username: '', password: '', reason: '' }),
      'username',
      'Enter the supervisor’s user name.',
    ],
    [
      'outside the tier: the supervisor’s password',
      planTermsForm(context()).safeParse(OUTSIDE),
      'approval.password',
      planApprovalSchema.safeParse({ username: '', password: '', reason: '' }),
      'password',
      'Enter the supervisor’s password.',
    ],
    [
      'outside the tier: why it is an exception',
      planTermsForm(context()).safeParse(OUTSIDE),
      'approval.reason',
      planApprovalSchema.safeParse({ username: '', password: '', reason: '' }),
      'reason',
      'Say why this plan is an exception.',
    ],
    [
      'outside the tier, a supervisor: why it is an exception',
      planTermsForm(context({ role: 'supervisor' })).safeParse(OUTSIDE),
      'exceptionReason',
      planApprovalSchema.shape.reason.safeParse(''),
      '',
      'Say why this plan is an exception.',
    ],
  ];
  it.each(agree)('%s', (_rule, form, formPath, channel, channelPath, message) => {
    expect(messageAt(channel, channelPath)).toBe(message);
    expect(messageAt(form, formPath)).toBe(message);
  });

  // [rule, typed, context, field, the words main's rules use]
  const rules: [string, Partial<PlanTermsValues>, Partial<TermsContext>, string, string | null][] = [
    [
      'the first payment today or later',
      { firstDueDate: '2026-03-01' },
      {},
      'firstDueDate',
      'The first payment cannot be due before today.',
    ],
    ['the first payment today', { firstDueDate: TODAY }, {}, 'firstDueDate', null],
    [
      'a down payment of the whole $1,200.00',
      { downPayment: '1,200.00' },
      {},
      'downPayment',
      'The down payment pays the whole balance; no plan is needed.',
    ],
    [
      '$1,000.00 in 100,000 payments of a cent',
      { downPayment: '200', basis: 'amount', installmentAmount: '0.01' },
      {},
      'installmentAmount',
      'That would take 100000 payments; a plan has at most 520.',
    ],
    [
      'FAP unknown, $1,200.00 over the $500.00 prompt: assistance offered first',
      {},
      { fap: { status: 'unknown', promptAboveCents: 50_000 } },
      'fapAnswer',
      'Offer financial assistance and record the answer.',
    ],
    [
      'FAP unknown, "not asked" is no answer',
      { fapAnswer: 'not_asked' },
      { fap: { status: 'unknown', promptAboveCents: 50_000 } },
      'fapAnswer',
      'Offer financial assistance and record the answer.',
    ],
    [
      'FAP unknown, the answer recorded',
      { fapAnswer: 'declined' },
      { fap: { status: 'unknown', promptAboveCents: 50_000 } },
      'fapAnswer',
      null,
    ],
    [
      'FAP unknown, $1,200.00 under a $1,500.00 prompt',
      {},
      { fap: { status: 'unknown', promptAboveCents: 150_000 } },
      'fapAnswer',
      null,
    ],
    ['FAP denied: no prompt', {}, { fap: { status: 'denied', promptAboveCents: 50_000 } }, 'fapAnswer', null],
  ];
  it.each(rules)('%s', (_rule, typed, ctx, field, message) => {
    expect(messageAt(terms(typed, ctx), field)).toBe(message);
  });
});

describe('plan policy: round trip to planPolicy:set, and the limits agree', () => {
  const policyForm = planPolicyForm(TODAY);
  const shown = toPolicyForm(TODAY, DEFAULT_PLAN_POLICY);
  const withPolicy = (over: object) => ({ ...shown, policy: { ...shown.policy, ...over } });
  const tiers = (i: number, cell: object) => shown.policy.tiers.map((t, j) => (j === i ? { ...t, ...cell } : t));
  const channel = (over: object) =>
    setPlanPolicyInput.safeParse({ effectiveFrom: TODAY, policy: { ...DEFAULT_PLAN_POLICY, ...over } });
  const channelTiers = (i: number, cell: object) =>
    DEFAULT_PLAN_POLICY.tiers.map((t, j) => (j === i ? { ...t, ...cell } : t));

  it('the policy shown, saved unchanged, is the policy', () => {
    expect(shown.policy.tiers[0]).toEqual({ upTo: '500.00', maxMonths: '12', minMonthly: '50.00' });
    expect(shown.policy.tiers.at(-1)?.upTo).toBe('');
    expect(setPlanPolicyInput.parse(policyForm.parse(shown))).toEqual({
      effectiveFrom: TODAY,
      policy: DEFAULT_PLAN_POLICY,
    });
  });

  it('$100.00 typed as the prompt is 10,000 cents; a new tier limit of $999.99 is 99,999 cents', () => {
    const out = policyForm.parse(withPolicy({ fapPromptAbove: '100', tiers: tiers(1, { upTo: '999.99' }) }));
    expect(out.policy.fapPromptAboveCents).toBe(10_000);
    expect(out.policy.tiers[1]?.upToCents).toBe(99_999);
    expect(out.policy.tiers.at(-1)?.upToCents).toBeNull();
  });

  const agree: [string, z.ZodSafeParseResult<unknown>, string, z.ZodSafeParseResult<unknown>, string, string][] = [
    [
      'PP-01: tier limits rise',
      policyForm.safeParse(withPolicy({ tiers: tiers(1, { upTo: '400.00' }) })),
      'policy.tiers',
      channel({ tiers: channelTiers(1, { upToCents: 40_000 }) }),
      'policy.tiers',
      'Tier limits must rise from one tier to the next.',
    ],
    [
      'PP-01: a limit above $0.00',
      policyForm.safeParse(withPolicy({ tiers: tiers(0, { upTo: '0.00' }) })),
      'policy.tiers.0.upTo',
      channel({ tiers: channelTiers(0, { upToCents: 0 }) }),
      'policy.tiers.0.upToCents',
      'The limit must be more than $0.00.',
    ],
    [
      'PP-01: the longest term at most 120 months',
      policyForm.safeParse(withPolicy({ tiers: tiers(2, { maxMonths: '121' }) })),
      'policy.tiers.2.maxMonths',
      channel({ tiers: channelTiers(2, { maxMonths: 121 }) }),
      'policy.tiers.2.maxMonths',
      'At most 120 months.',
    ],
    [
      'PP-01: the smallest monthly payment not negative',
      policyForm.safeParse(withPolicy({ tiers: tiers(3, { minMonthly: '-1' }) })),
      'policy.tiers.3.minMonthly',
      channel({ tiers: channelTiers(3, { minMonthlyCents: -100 }) }),
      'policy.tiers.3.minMonthlyCents',
      'The smallest monthly payment cannot be negative.',
    ],
    [
      'PP-02: grace at most 60 days',
      policyForm.safeParse(withPolicy({ graceDays: '61' })),
      'policy.graceDays',
      channel({ graceDays: 61 }),
      'policy.graceDays',
      'Grace days: at most 60.',
    ],
    [
      'PP-02: at most 12 missed payments',
      policyForm.safeParse(withPolicy({ missedToDefault: '13' })),
      'policy.missedToDefault',
      channel({ missedToDefault: 13 }),
      'policy.missedToDefault',
      'At most 12 missed payments.',
    ],
    [
      'PP-03: at most 60 re-ages in 5 years',
      policyForm.safeParse(withPolicy({ reage: { ...shown.policy.reage, maxPer5Years: '61' } })),
      'policy.reage.maxPer5Years',
      channel({ reage: { ...DEFAULT_PLAN_POLICY.reage, maxPer5Years: 61 } }),
      'policy.reage.maxPer5Years',
      'Re-ages in 5 years: at most 60.',
    ],
  ];
  it.each(agree)('%s', (_rule, form, formPath, channelResult, channelPath, message) => {
    expect(messageAt(channelResult, channelPath)).toBe(message);
    expect(messageAt(form, formPath)).toBe(message);
  });

  it('refuses a rising-limit error, a past date and a blank count at once, each on its field', () => {
    const r = planPolicyForm(TODAY).safeParse({
      effectiveFrom: '2026-03-01',
      policy: {
        ...shown.policy,
        tiers: tiers(1, { upTo: '400.00' }),
        reage: { ...shown.policy.reage, maxPer12Months: '' },
      },
    });
    expect(messageAt(r, 'policy.tiers')).toBe('Tier limits must rise from one tier to the next.');
    expect(messageAt(r, 'effectiveFrom')).toBe('Choose today or a later date; plans already made keep their terms.');
    expect(messageAt(r, 'policy.reage.maxPer12Months')).toBe('Enter the re-ages as a whole number.');
  });
});

describe('the small plan forms', () => {
  it.each([
    ['signed on the day the plan was made', '2026-02-01', null],
    ['signed today', TODAY, null],
    [
      'signed before the plan was made',
      '2026-01-31',
      'The agreement cannot be signed before the plan was made (02/01/2026).',
    ],
    ['signed tomorrow', '2026-03-03', 'The signing cannot be dated after the business date, 03/02/2026.'],
  ])('plans:signed, %s', (_rule, signedOn, message) => {
    const r = signedForm(TODAY, '2026-02-01').safeParse({ signedOn });
    expect(messageAt(r, 'signedOn')).toBe(message);
    if (r.success) expect(signedInput.parse({ planId: 3, ...r.data })).toEqual({ planId: 3, signedOn });
  });

  it('plans:cancel and queue:worked: the channel’s reason and outcome, and their words', () => {
    expect(cancelPlanInput.parse({ planId: 3, ...cancelPlanForm.parse({ reason: ' Paid elsewhere ' }) })).toEqual({
      planId: 3,
      reason: 'Paid elsewhere',
    });
    expect(messageAt(cancelPlanForm.safeParse({ reason: '' }), 'reason')).toBe('Reason is required.');
    expect(messageAt(workedForm.safeParse({ outcome: '' }), 'outcome')).toBe('The outcome is required.');
    expect(messageAt(workedInput.safeParse({ key: 'plan:1', guarantorId: 5, outcome: '' }), 'outcome')).toBe(
      'The outcome is required.',
    );
    // What was done and how it came out go on the guarantor's activity: a note, noted, unless chosen.
    expect(
      workedInput.parse({
        key: 'plan:1',
        guarantorId: 5,
        ...workedForm.parse({ outcome: ' Called; will pay Friday ' }),
      }),
    ).toEqual({
      key: 'plan:1',
      guarantorId: 5,
      outcome: 'Called; will pay Friday',
      activityKind: 'note',
      result: 'noted',
    });
    expect(workedForm.parse({ outcome: 'Left a message', activityKind: 'call', result: 'left_message' })).toEqual({
      outcome: 'Left a message',
      activityKind: 'call',
      result: 'left_message',
    });
    expect(messageAt(workedForm.safeParse({ outcome: 'x', result: 'shouted' }), 'result')).toBe(
      'Choose how it came out.',
    );
  });

  it.each([
    ['$50.00 by next Monday', '50', '2026-03-09', null, null],
    ['nothing typed', '', '2026-03-09', 'promiseAmount', 'Enter the amount promised.'],
    ['no date', '50', '', 'promiseDue', 'Enter the date it is promised by.'],
    ['yesterday', '50', '2026-03-01', 'promiseDue', 'A promise falls due today or later (03/02/2026 or after).'],
  ])('promises:add, %s', (_rule, promiseAmount, promiseDue, path, message) => {
    const r = addPromiseForm(TODAY).safeParse({ promiseAmount, promiseDue });
    if (path === null) {
      expect(r.success).toBe(true);
      expect(addPromiseInput.parse({ guarantorId: 5, ...r.data })).toEqual({
        guarantorId: 5,
        amountCents: 5_000,
        dueDate: '2026-03-09',
      });
    } else expect(messageAt(r, path)).toBe(message);
  });
});

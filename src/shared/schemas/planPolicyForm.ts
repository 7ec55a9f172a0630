// The plan policy as an administrator types it: money in dollars, counts as typed text. Each typed
// value is read by the policy schema's own field (its bounds and messages), the tiers then by the
// schema's tier rules (the last without a limit, the limits rising), so the form gives exactly
// planPolicy:set's input and refuses what main refuses, on the field it was typed in.
import { z } from 'zod';
import { dateNotBefore, type BusinessDate } from '../dates';
import { dollarsText, formatDecimal } from '../money';
import { wholeNumberText } from './formFields';
import { MAX_TIERS, planTierSchema, setPlanPolicyInput, type PlanPolicy } from './plans';

export interface TierRow {
  upTo: string;
  maxMonths: string;
  minMonthly: string;
}

export interface PolicyFormValues {
  effectiveFrom: string;
  policy: {
    tiers: TierRow[];
    graceDays: string;
    cureDays: string;
    missedToDefault: string;
    overpayment: PlanPolicy['overpayment'];
    fapPromptAbove: string;
    reage: {
      minAccountAgeMonths: string;
      consecutivePayments: string;
      maxPer12Months: string;
      maxPer5Years: string;
    };
  };
}

/** Main's refusals of planPolicy:set: each channel path with money in cents -> the form's path. */
export const POLICY_ALIASES: Record<string, string> = {
  'policy.fapPromptAboveCents': 'policy.fapPromptAbove',
  ...Object.fromEntries(
    Array.from({ length: MAX_TIERS }, (_, i) => [
      [`policy.tiers.${i}.upToCents`, `policy.tiers.${i}.upTo`],
      [`policy.tiers.${i}.minMonthlyCents`, `policy.tiers.${i}.minMonthly`],
    ]).flat(),
  ),
};

export const POLICY_FIELDS = [
  'effectiveFrom',
  'policy.tiers',
  ...Array.from({ length: MAX_TIERS }, (_, i) => [
    `policy.tiers.${i}.upTo`,
    `policy.tiers.${i}.maxMonths`,
    `policy.tiers.${i}.minMonthly`,
  ]).flat(),
  'policy.graceDays',
  'policy.cureDays',
  'policy.missedToDefault',
  'policy.overpayment',
  'policy.fapPromptAbove',
  'policy.reage.minAccountAgeMonths',
  'policy.reage.consecutivePayments',
  'policy.reage.maxPer12Months',
  'policy.reage.maxPer5Years',
] as const;

/** The policy in force as the form shows it, to start from or to go back to. */
export function toPolicyForm(effectiveFrom: BusinessDate, p: PlanPolicy): PolicyFormValues {
  return {
    effectiveFrom,
    policy: {
      tiers: p.tiers.map((t) => ({
        upTo: t.upToCents === null ? '' : formatDecimal(t.upToCents),
        maxMonths: String(t.maxMonths),
        minMonthly: formatDecimal(t.minMonthlyCents),
      })),
      graceDays: String(p.graceDays),
      cureDays: String(p.cureDays),
      missedToDefault: String(p.missedToDefault),
      overpayment: p.overpayment,
      fapPromptAbove: formatDecimal(p.fapPromptAboveCents),
      reage: {
        minAccountAgeMonths: String(p.reage.minAccountAgeMonths),
        consecutivePayments: String(p.reage.consecutivePayments),
        maxPer12Months: String(p.reage.maxPer12Months),
        maxPer5Years: String(p.reage.maxPer5Years),
      },
    },
  };
}

const policy = setPlanPolicyInput.shape.policy.shape;
const tier = planTierSchema.shape;
const reage = policy.reage.shape;

const TIER_CELLS = {
  upTo: dollarsText('Limit', tier.upToCents.unwrap()),
  maxMonths: wholeNumberText(tier.maxMonths, 'Enter the longest term as a whole number.'),
  minMonthly: dollarsText('Smallest monthly payment', tier.minMonthlyCents),
};

/**
 * The tier rows: each cell through its field (the last row covers every larger balance: it has no
 * limit), then the rows together through the policy's tier rules.
 */
const tierRows = z
  .array(z.object({ upTo: z.string(), maxMonths: z.string(), minMonthly: z.string() }))
  .transform((rows, ctx) => {
    let typedWell = true;
    const cell = <T>(schema: z.ZodType<T, string>, text: string, path: [number, keyof TierRow]): T => {
      const parsed = schema.safeParse(text);
      if (parsed.success) return parsed.data;
      typedWell = false;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path, message: issue.message });
      return undefined as T;
    };
    const tiers = rows.map((row, i) => ({
      upToCents: i === rows.length - 1 ? null : cell(TIER_CELLS.upTo, row.upTo, [i, 'upTo']),
      maxMonths: cell(TIER_CELLS.maxMonths, row.maxMonths, [i, 'maxMonths']),
      minMonthlyCents: cell(TIER_CELLS.minMonthly, row.minMonthly, [i, 'minMonthly']),
    }));
    return typedWell ? tiers : z.NEVER;
  })
  .pipe(policy.tiers);

/** planPolicy:set as the Settings screen types it; the new version starts today or later. */
export function planPolicyForm(today: BusinessDate) {
  return z
    .object({
      effectiveFrom: dateNotBefore(
        today,
        'Choose today or a later date; plans already made keep their terms.',
        setPlanPolicyInput.shape.effectiveFrom,
      ),
      policy: z.object({
        tiers: tierRows,
        graceDays: wholeNumberText(policy.graceDays, 'Enter the grace days as a whole number.'),
        cureDays: wholeNumberText(policy.cureDays, 'Enter the days to cure as a whole number.'),
        missedToDefault: wholeNumberText(policy.missedToDefault, 'Enter the missed payments as a whole number.'),
        overpayment: policy.overpayment,
        fapPromptAbove: dollarsText('Amount', policy.fapPromptAboveCents),
        reage: z.object({
          minAccountAgeMonths: wholeNumberText(reage.minAccountAgeMonths, 'Enter the months as a whole number.'),
          consecutivePayments: wholeNumberText(reage.consecutivePayments, 'Enter the payments as a whole number.'),
          maxPer12Months: wholeNumberText(reage.maxPer12Months, 'Enter the re-ages as a whole number.'),
          maxPer5Years: wholeNumberText(reage.maxPer5Years, 'Enter the re-ages as a whole number.'),
        }),
      }),
    })
    .transform(
      ({ effectiveFrom, policy: { fapPromptAbove, ...p } }) =>
        ({ effectiveFrom, policy: { ...p, fapPromptAboveCents: fapPromptAbove } }) satisfies z.input<
          typeof setPlanPolicyInput
        >,
    );
}

// The plan policy as an administrator types it: money in dollars, counts as typed text. The form
// turns it into the policy and checks it with the shared schema (the one main checks with), then
// shows each refusal on the field it was typed in.
import { z } from 'zod';
import { formatDecimal, parseDollars } from '../../../../shared/money';
import { setPlanPolicyInput, type PlanPolicy } from '../../../../shared/schemas/plans';

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

export const MAX_TIERS = 12;

/** Schema field (cents) -> form field (dollars). */
const MONEY_FIELDS: Record<string, string> = {
  upToCents: 'upTo',
  minMonthlyCents: 'minMonthly',
  fapPromptAboveCents: 'fapPromptAbove',
};

export function formPathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'string' ? (MONEY_FIELDS[p] ?? p) : String(p))).join('.');
}

/** For main's refusals: each channel path with money in cents -> the form's path. */
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

export function toForm(effectiveFrom: string, p: PlanPolicy): PolicyFormValues {
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

type Issue = { path: string; message: string };

/**
 * A whole number within the shared schema's bounds, said in words first: the schema's own
 * messages for these fields are zod's defaults ("Too small: expected number to be >=1").
 */
function wholeOf(text: string, path: string, label: string, [min, max]: [number, number], issues: Issue[]): number {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(n)) issues.push({ path, message: `Enter ${label} as a whole number.` });
  else if (n < min || n > max)
    issues.push({ path, message: `${label[0]!.toUpperCase()}${label.slice(1)} is ${min} to ${max}.` });
  return n;
}

function centsOf(text: string, path: string, label: string, issues: Issue[]): number {
  const cents = parseDollars(text);
  if (cents === null) issues.push({ path, message: `Write ${label} in dollars and cents, like 500.00.` });
  return cents ?? 0;
}

export function policyFormSchema(today: string) {
  const text = z.string();
  const tier = z.object({ upTo: text, maxMonths: text, minMonthly: text });
  return z
    .object({
      effectiveFrom: text,
      policy: z.object({
        tiers: z.array(tier),
        graceDays: text,
        cureDays: text,
        missedToDefault: text,
        overpayment: z.enum(['pay_ahead', 'shorten_term']),
        fapPromptAbove: text,
        reage: z.object({
          minAccountAgeMonths: text,
          consecutivePayments: text,
          maxPer12Months: text,
          maxPer5Years: text,
        }),
      }),
    })
    .transform((v, ctx) => {
      const issues: Issue[] = [];
      if (v.effectiveFrom && v.effectiveFrom < today)
        issues.push({
          path: 'effectiveFrom',
          message: 'Choose today or a later date; plans already made keep their terms.',
        });
      const p = v.policy;
      const r = p.reage;
      const R = 'policy.reage';
      const last = p.tiers.length - 1;
      const input = {
        effectiveFrom: v.effectiveFrom,
        policy: {
          // The last tier covers every larger balance: it has no upper limit.
          tiers: p.tiers.map((t, i) => ({
            upToCents: i === last ? null : centsOf(t.upTo, `policy.tiers.${i}.upTo`, 'the limit', issues),
            maxMonths: wholeOf(t.maxMonths, `policy.tiers.${i}.maxMonths`, 'the longest term', [1, 120], issues),
            minMonthlyCents: centsOf(t.minMonthly, `policy.tiers.${i}.minMonthly`, 'the payment', issues),
          })),
          graceDays: wholeOf(p.graceDays, 'policy.graceDays', 'the grace days', [0, 60], issues),
          cureDays: wholeOf(p.cureDays, 'policy.cureDays', 'the days to cure', [0, 90], issues),
          missedToDefault: wholeOf(p.missedToDefault, 'policy.missedToDefault', 'the missed payments', [1, 12], issues),
          overpayment: p.overpayment,
          fapPromptAboveCents: centsOf(p.fapPromptAbove, 'policy.fapPromptAbove', 'the amount', issues),
          reage: {
            minAccountAgeMonths: wholeOf(
              r.minAccountAgeMonths,
              `${R}.minAccountAgeMonths`,
              'the months',
              [0, 120],
              issues,
            ),
            consecutivePayments: wholeOf(
              r.consecutivePayments,
              `${R}.consecutivePayments`,
              'the payments',
              [1, 12],
              issues,
            ),
            maxPer12Months: wholeOf(r.maxPer12Months, `${R}.maxPer12Months`, 'the re-ages', [0, 12], issues),
            maxPer5Years: wholeOf(r.maxPer5Years, `${R}.maxPer5Years`, 'the re-ages', [0, 60], issues),
          },
        },
      };
      const parsed = setPlanPolicyInput.safeParse(input);
      if (!parsed.success)
        for (const issue of parsed.error.issues) issues.push({ path: formPathOf(issue.path), message: issue.message });
      // A money field already refused as typed keeps that message.
      const seen = new Set<string>();
      for (const issue of issues) {
        if (seen.has(issue.path)) continue;
        seen.add(issue.path);
        ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
      }
      return issues.length || !parsed.success ? z.NEVER : parsed.data;
    });
}

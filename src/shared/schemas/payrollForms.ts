// The payroll forms (issue 16): each is its channel's schema (schemas/payroll.ts) as the clerk types
// it: money as dollars and cents (dollarsText), dates as YYYY-MM-DD, accounts as ticked boxes, the
// bank details as the channel's own bankDetailsSchema (the routing number's check digit included),
// so a form refuses what main refuses, in the same words.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, dateNotBefore, typedDate, type BusinessDate } from '../dates';
import { dollarsText, positiveCents } from '../money';
import { PAY_FREQUENCIES } from '../rules/payroll';
import {
  bankDetailsSchema,
  endArrangementInput,
  resolveLineInput,
  setWageFloorInput,
  terminateInput,
  unmatchInput,
  type ArrangementMethod,
} from './payroll';
import { choice } from './formFields';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The set-up dialog: the method, the ticked accounts, the amount in dollars, the first date, a bank's details. */
export function setUpArrangementForm(today: BusinessDate) {
  return z
    .object({
      method: z.enum(['payroll', 'bank'], { error: 'Choose payroll deduction or bank transfer.' }),
      accounts: z.record(z.string(), z.boolean()),
      amount: dollarsText('Amount each period', positiveCents('Amount each period')),
      firstDate: dateNotBefore(today, 'The first date cannot be before the business date.', businessDateSchema),
      frequency: z.string(),
      holderName: z.string(),
      routingNumber: z.string(),
      accountNumber: z.string(),
      accountType: z.string(),
    })
    .superRefine(
      (v, ctx) => {
        if (!Object.values(v.accounts ?? {}).some(Boolean))
          ctx.addIssue({ code: 'custom', path: ['accounts'], message: 'Choose at least one account.' });
        if (v.method !== 'bank') return;
        if (!(PAY_FREQUENCIES as readonly string[]).includes(v.frequency))
          ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'Choose how often to debit.' });
        const bank = bankDetailsSchema.safeParse({
          holderName: v.holderName,
          routingNumber: v.routingNumber,
          accountNumber: v.accountNumber,
          accountType: v.accountType === '' ? undefined : v.accountType,
        });
        if (!bank.success)
          for (const issue of bank.error.issues)
            ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      },
      // Checked even while another field is wrong, so every message shows at once.
      { when: (payload) => isRecord(payload.value) },
    )
    .transform((v) => ({
      method: v.method as ArrangementMethod,
      accountIds: Object.entries(v.accounts)
        .filter(([, ticked]) => ticked)
        .map(([id]) => Number(id)),
      amountCents: v.amount,
      firstDate: v.firstDate,
      frequency: v.frequency as (typeof PAY_FREQUENCIES)[number],
      bank: {
        holderName: v.holderName.trim(),
        routingNumber: v.routingNumber.trim(),
        accountNumber: v.accountNumber.trim(),
        accountType: v.accountType as 'checking' | 'savings',
      },
    }));
}
export type SetUpArrangementValues = z.input<ReturnType<typeof setUpArrangementForm>>;
/** Main's refusals on the channel's fields, shown on the form's. */
export const SET_UP_ALIASES = {
  amountCents: 'amount',
  accountIds: 'accounts',
  'bank.holderName': 'holderName',
  'bank.routingNumber': 'routingNumber',
  'bank.accountNumber': 'accountNumber',
  'bank.accountType': 'accountType',
} as const;

/** The signed authorization came back: signed on a day not after today. */
export function signatureForm(today: BusinessDate) {
  return z.object({ signedOn: dateNotAfter(today, 'The signature', businessDateSchema) });
}

/** An arrangement ends: revoked, stopped or cancelled, on a day not after today, with a note. */
export function endArrangementForm(today: BusinessDate) {
  return z.object({
    reason: choice(endArrangementInput.shape.reason),
    on: dateNotAfter(today, 'The end', businessDateSchema),
    note: endArrangementInput.shape.note,
  });
}

export const unmatchForm = z.object({ note: unmatchInput.shape.note });

export function terminateForm() {
  return z.object({
    terminatedOn: typedDate(terminateInput.shape.terminatedOn),
    note: terminateInput.shape.note,
  });
}

export const resolveLineForm = z.object({ note: resolveLineInput.shape.note });

/** A wage-floor row as the supervisor types it: dollars, an optional exempt salary and a percentage limit. */
export const wageFloorForm = z
  .object({
    jurisdiction: setWageFloorInput.shape.jurisdiction,
    effectiveFrom: typedDate(setWageFloorInput.shape.effectiveFrom),
    minimumWage: dollarsText('Minimum wage', setWageFloorInput.shape.minimumWageCents),
    exemptWeeklySalary: z.string(),
    deductionLimitPercent: z.string(),
    source: setWageFloorInput.shape.source,
  })
  .superRefine(
    (v, ctx) => {
      if (
        v.exemptWeeklySalary.trim() !== '' &&
        !/^\s*\$?\d{1,7}(\.\d{1,2})?\s*$/.test(v.exemptWeeklySalary.replace(/,/g, ''))
      )
        ctx.addIssue({
          code: 'custom',
          path: ['exemptWeeklySalary'],
          message: 'Write the exempt weekly salary in dollars and cents, like 684.00, or leave it blank.',
        });
      if (v.deductionLimitPercent.trim() !== '' && !/^\s*\d{1,3}(\.\d{1,2})?\s*%?\s*$/.test(v.deductionLimitPercent))
        ctx.addIssue({
          code: 'custom',
          path: ['deductionLimitPercent'],
          message: 'Write the limit as a percentage such as 25 or 12.5, or leave it blank.',
        });
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((v) => {
    const cents = (t: string) => {
      const [whole, frac = ''] = t.replace(/[$,\s%]/g, '').split('.');
      return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
    };
    return {
      jurisdiction: v.jurisdiction,
      effectiveFrom: v.effectiveFrom,
      minimumWageCents: v.minimumWage,
      exemptWeeklySalaryCents: v.exemptWeeklySalary.trim() === '' ? null : cents(v.exemptWeeklySalary),
      deductionLimitBp: v.deductionLimitPercent.trim() === '' ? null : cents(v.deductionLimitPercent),
      source: v.source,
    };
  })
  .pipe(
    setWageFloorInput.extend({
      exemptWeeklySalaryCents: setWageFloorInput.shape.exemptWeeklySalaryCents.unwrap(),
      deductionLimitBp: setWageFloorInput.shape.deductionLimitBp.unwrap(),
    }),
  );
export const WAGE_FLOOR_ALIASES = {
  minimumWageCents: 'minimumWage',
  exemptWeeklySalaryCents: 'exemptWeeklySalary',
  deductionLimitBp: 'deductionLimitPercent',
} as const;

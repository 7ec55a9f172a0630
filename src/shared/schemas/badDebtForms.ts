// The Medicare bad-debt forms (issue 15): each is its channel's schema (schemas/badDebt.ts) as the
// clerk types it: money as dollars and cents (dollarsText), whole numbers in boxes, dates as
// YYYY-MM-DD, a blank optional date as none. The channel's own fields check what was typed, so a
// form refuses what main refuses, in the same words.
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, type BusinessDate } from '../dates';
import { dollarsText } from '../money';
import {
  badDebtFactsInput,
  decideInput,
  indigenceInput,
  proposeInput,
  recoveryInput,
  reverseWriteOffInput,
  type BadDebtFactsInput,
} from './badDebt';
import { choice, wholeNumberText } from './formFields';

const facts = badDebtFactsInput.shape;

/** badDebt:setFacts — the account's facts the extract does not carry. */
export const factsForm = z
  .object({
    professionalComponent: facts.professionalComponent,
    qmb: facts.qmb,
    ccn: z.string().pipe(facts.ccn.removeDefault()),
    medicaidAd: facts.medicaidAd,
    medicaidAdNote: z.string().pipe(facts.medicaidAdNote.removeDefault()),
    secondaryDeniedOn: z
      .string()
      .transform((t) => (t.trim() === '' ? null : t))
      .pipe(z.union([z.null(), businessDateSchema])),
  })
  .refine((f) => !f.medicaidAd || f.medicaidAdNote !== '', {
    message: 'Say what the alternative documentation is.',
    path: ['medicaidAdNote'],
  });
export type FactsFormValues = z.input<typeof factsForm>;

export function toFactsForm(f: Omit<BadDebtFactsInput, 'accountId'>): FactsFormValues {
  return { ...f, secondaryDeniedOn: f.secondaryDeniedOn ?? '' };
}

const ind = indigenceInput.shape;

/** badDebt:indigence — BD-11: the hospital's own determination, every resource weighed. */
export function indigenceForm(today: BusinessDate) {
  return z.object({
    determinedOn: dateNotAfter(today, 'The date of the determination', businessDateSchema, 'Enter the date.'),
    assets: dollarsText('Assets', ind.assetsCents),
    liabilities: dollarsText('Liabilities', ind.liabilitiesCents),
    monthlyIncome: dollarsText('Monthly income', ind.monthlyIncomeCents),
    monthlyExpenses: dollarsText('Monthly expenses', ind.monthlyExpensesCents),
    householdSize: wholeNumberText(ind.householdSize, 'Household size is a whole number.'),
    extenuating: z.string().pipe(ind.extenuating.removeDefault()),
    noOtherSource: ind.noOtherSource,
    selfDeclarationOnly: ind.selfDeclarationOnly,
    indigent: ind.indigent,
    note: z.string().pipe(ind.note.removeDefault()),
  });
}
export type IndigenceFormValues = z.input<ReturnType<typeof indigenceForm>>;
/** Channel field -> form field. */
export const INDIGENCE_ALIASES = {
  assetsCents: 'assets',
  liabilitiesCents: 'liabilities',
  monthlyIncomeCents: 'monthlyIncome',
  monthlyExpensesCents: 'monthlyExpenses',
} as const;

const rec = recoveryInput.shape;

/** badDebt:recovery — money received on an account written off (BD-12). */
export function recoveryForm(today: BusinessDate) {
  return z.object({
    receivedOn: dateNotAfter(today, 'The day received', businessDateSchema, 'Enter the day received.'),
    amount: dollarsText('Amount received', rec.amountCents),
    method: choice(rec.method),
    reference: z.string().pipe(rec.reference.removeDefault()),
  });
}
export type RecoveryFormValues = z.input<ReturnType<typeof recoveryForm>>;

/** badDebt:propose — the day collection effort ceased (column 16) and a note. */
export function proposeForm(today: BusinessDate) {
  return z.object({
    ceasedOn: dateNotAfter(today, 'The day collection effort ceased', proposeInput.shape.ceasedOn),
    note: z.string().pipe(proposeInput.shape.note.removeDefault()),
  });
}

/** badDebt:decide, approving: the write-off's date (column 17). */
export function approveForm(today: BusinessDate) {
  return z.object({
    writtenOffOn: dateNotAfter(today, 'The write-off date', businessDateSchema),
    note: z.string().pipe(decideInput.shape.note.removeDefault()),
  });
}

/** badDebt:decide, rejecting: the reason is required. */
export const rejectForm = z.object({
  note: z.string().trim().min(1, 'Say why the proposal is rejected.').max(500, 'At most 500 characters.'),
});

/** badDebt:reverse — a supervisor's reason. */
export const reverseForm = z.object({ reason: reverseWriteOffInput.shape.reason });

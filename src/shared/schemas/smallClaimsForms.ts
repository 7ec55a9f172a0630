// The small-claims forms (issue 13): each is its channel's schema (schemas/smallClaims.ts) as the
// clerk types it: money as dollars and cents (dollarsText), rates as percentages (percentText),
// whole numbers in boxes, dates as YYYY-MM-DD. The channel's own fields then check what was typed,
// so a form refuses what main refuses, in the same words; main's refusals land on the same fields
// (the ALIASES name the form's field for a channel field the form shows differently).
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, typedDate, type BusinessDate } from '../dates';
import { dollarsText, nonNegativeCents, positiveCents } from '../money';
import { CLAIM_BASES, DECLARATION_KINDS } from '../rules/smallClaims';
import { choice, wholeNumberText } from './formFields';
import { approvalField } from './ledger';
import { percentText } from './settings';
import {
  caseEventInput,
  judgmentPaymentInput,
  openCaseInput,
  postJudgmentInput,
  setLimitationInput,
  setLimitInput,
  type OpenCaseInput,
} from './smallClaims';
import { chosenId } from './text';

/** The fields of one kind of case event, as the channel checks them. */
function eventShape<E extends (typeof caseEventInput.options)[number]['shape']['event']['value']>(event: E) {
  const option = caseEventInput.options.find((o) => o.shape.event.value === event)!;
  return option.shape as Extract<
    (typeof caseEventInput.options)[number],
    { shape: { event: z.ZodLiteral<E> } }
  >['shape'];
}

// ---------------------------------------------------------------------------------------------
// Should we sue? and open a case (smallClaims:check, smallClaims:open)

/** The question and, when the answer allows it, the case: accounts ticked one box each (`chosen.a<id>`). */
export function openForm(guarantorId: number) {
  return z
    .object({
      chosen: z.record(z.string(), z.boolean()),
      courtId: z.string(),
      basis: z.enum(CLAIM_BASES, { error: 'Choose what the claim rests on: a signed form or an open account.' }),
      waiveExcess: z.boolean(),
      waiverNote: z.string(),
      courtName: z.string(),
      courtAddress: z.string(),
      county: z.string(),
    })
    .transform(({ chosen, courtId, ...rest }): OpenCaseInput => ({
      ...rest,
      guarantorId,
      accountIds: chosenAccounts(chosen),
      courtId: courtId === '' ? Number.NaN : Number(courtId),
    }))
    .pipe(
      z
        .object({ ...openCaseInput.shape, courtId: chosenId('Choose the court.') })
        .refine((v) => !v.waiveExcess || v.waiverNote.trim().length > 0, {
          message: 'Say why the excess over the limit is waived.',
          path: ['waiverNote'],
        }),
    );
}
export type OpenFormValues = z.input<ReturnType<typeof openForm>>;

/** The ids of the ticked accounts, in the order shown. */
export function chosenAccounts(chosen: Record<string, boolean> | undefined): number[] {
  return Object.entries(chosen ?? {})
    .filter(([, on]) => on)
    .map(([key]) => Number(key.slice(1)));
}

// ---------------------------------------------------------------------------------------------
// The case's steps (smallClaims:record, :payment, :postJudgment, :packet)

const filed = eventShape('filed');
export function filedForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'The filing', businessDateSchema),
    caseNumber: filed.caseNumber,
    filingFee: dollarsText('Filing fee paid', nonNegativeCents('Filing fee paid')),
  });
}

const served = eventShape('served');
export function servedForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'Service', businessDateSchema),
    method: choice(served.method),
    serviceFee: dollarsText('Service fee paid', nonNegativeCents('Service fee paid')),
  });
}

const hearing = eventShape('hearing');
export const hearingForm = z.object({
  on: typedDate(businessDateSchema, 'Enter the hearing date.'),
  time: hearing.time,
  place: hearing.place,
});

const continued = eventShape('continued');
export const continuedForm = z.object({
  on: typedDate(businessDateSchema, 'Enter the new hearing date.'),
  time: continued.time,
  place: continued.place,
  reason: continued.reason,
});

const judgment = eventShape('judgment');
/** `needsApproval`: what the judgment writes off is over the clerk's adjustment limit (or main asked). */
export function judgmentForm(today: BusinessDate, needsApproval = false) {
  return z.object({
    on: dateNotAfter(today, 'The judgment', businessDateSchema),
    outcome: choice(judgment.outcome),
    amount: dollarsText('Judgment amount', nonNegativeCents('Judgment amount'), { blankIs: 0 }),
    costs: dollarsText('Costs awarded', nonNegativeCents('Costs awarded'), { blankIs: 0 }),
    interestRate: percentText('interest rate', judgment.interestRateBp),
    approval: approvalField(needsApproval),
  });
}

const closed = eventShape('closed');
export function closedForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'The closing', businessDateSchema),
    outcome: choice(closed.outcome),
    note: closed.note,
  });
}

const note = eventShape('note');
export function noteForm(today: BusinessDate) {
  return z.object({ on: dateNotAfter(today, 'The note', businessDateSchema), note: note.note });
}

export function paymentForm(today: BusinessDate) {
  return z.object({
    receivedOn: dateNotAfter(today, 'The payment', businessDateSchema),
    amount: dollarsText('Amount received', positiveCents('Amount received')),
    method: choice(judgmentPaymentInput.shape.method),
    reference: judgmentPaymentInput.shape.reference,
  });
}

export const postJudgmentForm = z.object({
  kind: choice(postJudgmentInput.shape.kind),
  note: postJudgmentInput.shape.note,
});

export const packetForm = z.object({
  declaration: z.enum(DECLARATION_KINDS, { error: 'Choose the declaration’s wording.' }),
});

// ---------------------------------------------------------------------------------------------
// The limit and limitation tables (smallClaims:setLimit, :setLimitation; supervisors)

const limit = setLimitInput.shape;
/** A blank optional amount is "none" (null). */
const optionalDollars = (label: string) =>
  z
    .string()
    .transform((t) => (t.trim() === '' ? null : t))
    .pipe(z.union([z.null(), dollarsText(label, positiveCents(label))]));

export const limitForm = z
  .object({
    state: choice(limit.state),
    court: limit.court,
    entityLimit: dollarsText('Limit for a business plaintiff', positiveCents('Limit for a business plaintiff')),
    individualLimit: optionalDollars('Limit for a person'),
    largeClaim: optionalDollars('Large-claim threshold'),
    largeClaimsPerYear: z
      .string()
      .transform((t) => (t.trim() === '' ? null : t))
      .pipe(
        z.union([
          z.null(),
          wholeNumberText(
            z.number().int().min(0, 'Large claims a year cannot be negative.').max(1000, 'At most 1000.'),
            'Large claims a year is a whole number.',
          ),
        ]),
      ),
    filingFee: dollarsText('Filing fee', nonNegativeCents('Filing fee')),
    serviceFee: dollarsText('Service fee', nonNegativeCents('Service fee')),
    effectiveFrom: typedDate(businessDateSchema, 'Enter the date the limit applies from.'),
    source: limit.source,
  })
  .refine((v) => (v.largeClaim === null) === (v.largeClaimsPerYear === null), {
    message: 'Give both the large-claim threshold and how many such claims a year, or neither.',
    path: ['largeClaimsPerYear'],
  });

export const LIMIT_ALIASES = {
  entityLimitCents: 'entityLimit',
  individualLimitCents: 'individualLimit',
  largeClaimCents: 'largeClaim',
  filingFeeCents: 'filingFee',
  serviceFeeCents: 'serviceFee',
} as const;

export const limitationForm = z.object({
  state: choice(setLimitationInput.shape.state),
  basis: choice(setLimitationInput.shape.basis),
  years: wholeNumberText(setLimitationInput.shape.years, 'Years is a whole number.'),
  accrual: choice(setLimitationInput.shape.accrual),
  accruedFrom: typedDate(businessDateSchema, 'Enter the date of the claims it applies to.'),
  source: setLimitationInput.shape.source,
});

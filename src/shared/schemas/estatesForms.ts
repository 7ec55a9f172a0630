// The estates forms (issue 14): each is its channel's schema (schemas/estates.ts) as the clerk
// types it: money as dollars and cents (dollarsText), whole numbers in boxes, dates as YYYY-MM-DD,
// a blank optional date as none. The channel's own fields then check what was typed, so a form
// refuses what main refuses, in the same words; main's refusals land on the same fields (the
// ALIASES name the form's field for a channel field the form shows differently).
import { z } from 'zod';
import { businessDateSchema, dateNotAfter, typedDate, type BusinessDate } from '../dates';
import { dollarsText, nonNegativeCents, positiveCents } from '../money';
import {
  closeEstateInput,
  estateDetailsInput,
  estateEventInput,
  estatePaymentInput,
  fileClaimInput,
  recordDeathInput,
  referInput,
  releaseInput,
  setProbateRuleInput,
  undoDeathInput,
} from './estates';
import { choice, wholeNumberText } from './formFields';
import { approvalField } from './ledger';

/** The fields of one kind of estate event, as the channel checks them. */
function eventShape<E extends (typeof estateEventInput.options)[number]['shape']['event']['value']>(event: E) {
  const option = estateEventInput.options.find((o) => o.shape.event.value === event)!;
  return option.shape as Extract<
    (typeof estateEventInput.options)[number],
    { shape: { event: z.ZodLiteral<E> } }
  >['shape'];
}

/** An optional date typed in a box: blank is none (null); a date is not after today. */
function optionalDateNotAfter(today: BusinessDate, what: string) {
  return z
    .string()
    .transform((t) => (t.trim() === '' ? null : t))
    .pipe(z.union([z.null(), dateNotAfter(today, what, businessDateSchema)]));
}

// ---------------------------------------------------------------------------------------------
// The death (estates:recordDeath, estates:undoDeath)

export function recordDeathForm(today: BusinessDate) {
  return z.object({
    dateOfDeath: dateNotAfter(today, 'The date of death', businessDateSchema, 'Enter the date of death.'),
    source: choice(recordDeathInput.shape.source),
    note: recordDeathInput.shape.note,
  });
}

export const undoDeathForm = z.object({ reason: undoDeathInput.shape.reason });

// ---------------------------------------------------------------------------------------------
// The estate record (estates:details)

const details = estateDetailsInput.shape;
export function detailsForm(today: BusinessDate) {
  return z.object({
    state: choice(details.state),
    county: details.county,
    courtName: details.courtName,
    courtAddress: details.courtAddress,
    caseNumber: details.caseNumber,
    prName: details.prName,
    prAddress: details.prAddress,
    attorneyName: details.attorneyName,
    attorneyAddress: details.attorneyAddress,
    letterLanguage: choice(details.letterLanguage.unwrap()),
    firstPublishedOn: optionalDateNotAfter(today, 'The first publication'),
    mailedNoticeOn: optionalDateNotAfter(today, 'The mailed notice'),
  });
}
export type DetailsFormValues = z.input<ReturnType<typeof detailsForm>>;

// ---------------------------------------------------------------------------------------------
// The referral, the release, the filing (estates:refer, :release, :file)

export const referForm = z.object({ note: referInput.shape.note });
export const releaseForm = z.object({ reason: releaseInput.shape.reason });

export function fileForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'The filing', businessDateSchema),
    filedWith: choice(fileClaimInput.shape.filedWith),
    sworn: z.boolean(),
    contingency: fileClaimInput.shape.contingency,
    security: fileClaimInput.shape.security,
  });
}

// ---------------------------------------------------------------------------------------------
// What the court answered, a call, a note (estates:record)

export function allowedForm(today: BusinessDate) {
  return z.object({
    on: dateNotAfter(today, 'The allowance', eventShape('allowed').on),
    allowed: dollarsText('Amount allowed', nonNegativeCents('Amount allowed')),
  });
}
export const ALLOWED_ALIASES = { allowedCents: 'allowed' } as const;

export function disallowedForm(today: BusinessDate) {
  return z.object({ on: dateNotAfter(today, 'The disallowance', eventShape('disallowed').on) });
}

export function callForm(today: BusinessDate) {
  return z.object({ on: dateNotAfter(today, 'The call', eventShape('call').on), note: eventShape('call').note });
}

export function estateNoteForm(today: BusinessDate) {
  return z.object({ on: dateNotAfter(today, 'The note', eventShape('note').on), note: eventShape('note').note });
}

// ---------------------------------------------------------------------------------------------
// Money from the estate, the closing (estates:payment, estates:close)

export function estatePaymentForm(today: BusinessDate) {
  return z.object({
    receivedOn: dateNotAfter(today, 'The payment', businessDateSchema),
    amount: dollarsText('Amount received', positiveCents('Amount received')),
    method: choice(estatePaymentInput.shape.method),
    reference: estatePaymentInput.shape.reference,
  });
}
export const PAYMENT_ALIASES = { amountCents: 'amount' } as const;

/** `needsApproval`: what the closing writes off is over the clerk's adjustment limit (or main asked). */
export function closeForm(today: BusinessDate, needsApproval = false) {
  return z.object({
    on: dateNotAfter(today, 'The closing', businessDateSchema),
    note: closeEstateInput.shape.note,
    approval: approvalField(needsApproval),
  });
}

// ---------------------------------------------------------------------------------------------
// The probate table (estates:setRule; supervisors)

const rule = setProbateRuleInput.shape;
const whole = <T extends z.ZodType<unknown, number>>(label: string, field: T) =>
  wholeNumberText(field, `${label} is a whole number.`);
export const probateRuleForm = z.object({
  state: choice(rule.state),
  noticeMonths: whole('Months after publication', rule.noticeMonths),
  mailedDays: whole('Days after a mailed notice', rule.mailedDays),
  outerMonths: whole('Months after death (outer limit)', rule.outerMonths),
  publicationWeeks: whole('Weeks of publication', rule.publicationWeeks),
  lastIllnessClass: whole('Class of the last illness', rule.lastIllnessClass),
  generalClass: whole('Class of other claims', rule.generalClass),
  finalYearClass: z
    .string()
    .transform((t) => (t.trim() === '' ? null : t))
    .pipe(z.union([z.null(), whole('Class of the final year’s care', rule.finalYearClass.unwrap().unwrap())])),
  suitDays: whole('Days to sue after a disallowance', rule.suitDays),
  effectiveFrom: typedDate(rule.effectiveFrom, 'Enter the date the row applies from.'),
  source: rule.source,
  note: rule.note,
});
export type ProbateRuleFormValues = z.input<typeof probateRuleForm>;

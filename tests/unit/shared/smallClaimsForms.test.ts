// The small-claims screens' forms (issue 13) are their channels' schemas as the clerk types them:
// what a valid form gives is the channel's input, and what the channel refuses the form refuses in
// the same words, on the field the clerk typed. Money is typed in dollars (cents out), interest
// rates in per cent (basis points out), optional amounts left blank are "none" (null).
import { describe, expect, it } from 'vitest';
import {
  caseEventInput,
  judgmentPaymentInput,
  openCaseInput,
  setLimitationInput,
  setLimitInput,
} from '../../../src/shared/schemas/smallClaims';
import {
  chosenAccounts,
  filedForm,
  judgmentForm,
  limitationForm,
  limitForm,
  openForm,
  paymentForm,
} from '../../../src/shared/schemas/smallClaimsForms';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const TODAY = '2027-01-08';

describe('Should we sue? and open a case', () => {
  const typed = {
    chosen: { a3: true, a4: false, a7: true },
    courtId: '12',
    basis: 'open_account' as const,
    waiveExcess: false,
    waiverNote: '',
    courtName: ' District Court, small claims ',
    courtAddress: '',
    county: 'Cumberland',
  };

  it('gives the ticked accounts, the court and the case as smallClaims:open takes them', () => {
    const out = openForm(41).parse(typed);
    expect(out).toEqual({
      guarantorId: 41,
      accountIds: [3, 7],
      courtId: 12,
      basis: 'open_account',
      courtName: 'District Court, small claims',
      courtAddress: '',
      county: 'Cumberland',
      waiveExcess: false,
      waiverNote: '',
    });
    expect(openCaseInput.parse(out)).toEqual(out);
  });

  it('refuses no account, no court, no county and a waiver without its reason, each on its field', () => {
    const r = openForm(41).safeParse({
      ...typed,
      chosen: { a3: false },
      courtId: '',
      county: ' ',
      waiveExcess: true,
      waiverNote: '',
    });
    expect(messages(r)).toMatchObject({
      accountIds: 'Choose at least one account to sue for.',
      courtId: 'Choose the court.',
      county: 'County is required.',
    });
    const w = openForm(41).safeParse({ ...typed, waiveExcess: true, waiverNote: '  ' });
    expect(messages(w)).toEqual({ waiverNote: 'Say why the excess over the limit is waived.' });
    expect(
      openForm(41).parse({ ...typed, waiveExcess: true, waiverNote: 'Over the limit; the rest is written off.' }),
    ).toMatchObject({ waiveExcess: true, waiverNote: 'Over the limit; the rest is written off.' });
  });

  it('reads the boxes in the order shown, only the ticked ones', () => {
    expect(chosenAccounts({ a10: true, a2: false, a5: true })).toEqual([10, 5]);
    expect(chosenAccounts(undefined)).toEqual([]);
  });
});

describe('the case steps', () => {
  it('the filing: fee typed in dollars, never dated after the business date', () => {
    const ok = filedForm(TODAY).parse({ on: TODAY, caseNumber: 'SC-2027-0019', filingFee: '75' });
    expect(ok).toEqual({ on: TODAY, caseNumber: 'SC-2027-0019', filingFee: 7500 });
    expect(
      caseEventInput.safeParse({
        event: 'filed',
        caseId: 1,
        on: ok.on,
        caseNumber: ok.caseNumber,
        filingFeeCents: ok.filingFee,
      }).success,
    ).toBe(true);
    expect(messages(filedForm(TODAY).safeParse({ on: '2027-01-09', caseNumber: '', filingFee: '-1' }))).toEqual({
      on: 'The filing cannot be dated after the business date, 01/08/2027.',
      caseNumber: 'Case number is required.',
      filingFee: 'The filing fee paid cannot be negative.',
    });
  });

  it('the judgment: the interest rate in per cent is basis points; blank costs are none', () => {
    const out = judgmentForm(TODAY).parse({
      on: TODAY,
      outcome: 'plaintiff',
      amount: '3,430.73',
      costs: '',
      interestRate: '7.5',
    });
    expect(out).toEqual({ on: TODAY, outcome: 'plaintiff', amount: 343073, costs: 0, interestRate: 750 });
    const r = judgmentForm(TODAY).safeParse({ on: TODAY, outcome: '', amount: '1', costs: '0', interestRate: '51' });
    expect(Object.keys(messages(r)).sort()).toEqual(['interestRate', 'outcome']);
    expect(messages(r).interestRate).toBe('Interest rate is at most 50%.');
  });

  it('a payment after judgment: more than nothing, in dollars, with how it was paid', () => {
    const out = paymentForm(TODAY).parse({ receivedOn: TODAY, amount: '3535.73', method: 'check', reference: '4471' });
    expect(judgmentPaymentInput.parse({ caseId: 1, ...out, amountCents: out.amount })).toMatchObject({
      amountCents: 353573,
      method: 'check',
    });
    expect(
      messages(paymentForm(TODAY).safeParse({ receivedOn: TODAY, amount: '0', method: '', reference: '' })),
    ).toEqual({ amount: 'The amount received must be more than $0.00.', method: 'Choose how it was paid.' });
  });
});

describe('the court rules', () => {
  const limit = {
    state: 'ME',
    court: 'District Court, small claims',
    entityLimit: '6000',
    individualLimit: '',
    largeClaim: '',
    largeClaimsPerYear: '',
    filingFee: '75.00',
    serviceFee: '30',
    effectiveFrom: '2023-01-01',
    source: '14 M.R.S. §7482',
  };

  it('a limit row: blank optional amounts are none, and the row is what smallClaims:setLimit takes', () => {
    const v = limitForm.parse(limit);
    expect(v).toMatchObject({ entityLimit: 600000, individualLimit: null, largeClaim: null, largeClaimsPerYear: null });
    const input = {
      state: v.state,
      court: v.court,
      entityLimitCents: v.entityLimit,
      individualLimitCents: v.individualLimit,
      largeClaimCents: v.largeClaim,
      largeClaimsPerYear: v.largeClaimsPerYear,
      filingFeeCents: v.filingFee,
      serviceFeeCents: v.serviceFee,
      effectiveFrom: v.effectiveFrom,
      source: v.source,
    };
    expect(setLimitInput.parse(input)).toEqual(input);
  });

  it('a large-claim threshold needs its yearly count (California, CCP 116.231), and the other way round', () => {
    expect(messages(limitForm.safeParse({ ...limit, largeClaim: '2500' }))).toEqual({
      largeClaimsPerYear: 'Give both the large-claim threshold and how many such claims a year, or neither.',
    });
    expect(limitForm.parse({ ...limit, largeClaim: '2500', largeClaimsPerYear: '2' })).toMatchObject({
      largeClaim: 250000,
      largeClaimsPerYear: 2,
    });
    expect(messages(limitForm.safeParse({ ...limit, state: '', entityLimit: '0' }))).toEqual({
      state: 'Choose a state.',
      entityLimit: 'The limit for a business plaintiff must be more than $0.00.',
    });
  });

  it('a statute of limitations: whole years, within the channel’s bounds', () => {
    const row = {
      state: 'ME',
      basis: 'open_account',
      years: '6',
      accrual: 'first_due',
      accruedFrom: '1900-01-01',
      source: '14 M.R.S. §752',
    };
    expect(setLimitationInput.parse(limitationForm.parse(row))).toMatchObject({ years: 6, accrual: 'first_due' });
    expect(messages(limitationForm.safeParse({ ...row, years: 'six' }))).toEqual({ years: 'Years is a whole number.' });
    expect(messages(limitationForm.safeParse({ ...row, years: '31' }))).toEqual({ years: 'At most 30 years.' });
  });
});

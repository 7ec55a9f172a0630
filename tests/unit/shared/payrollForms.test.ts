// The payroll screens' forms (issue 16) are their channels' schemas as the clerk types them: what a
// valid form gives is the channel's input (createArrangementInput, setWageFloorInput, ...), and
// what the channel refuses the form refuses in the same words, on the field the clerk typed. Money
// is typed in dollars (cents out), a percentage as typed (basis points out), accounts as ticked
// boxes (ids out), the bank's routing number checked by its ABA check digit.
import { describe, expect, it } from 'vitest';
import { createArrangementInput, endArrangementInput, setWageFloorInput } from '../../../src/shared/schemas/payroll';
import {
  endArrangementForm,
  setUpArrangementForm,
  signatureForm,
  wageFloorForm,
  type SetUpArrangementValues,
} from '../../../src/shared/schemas/payrollForms';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const TODAY = '2026-07-01';

const PAYROLL: SetUpArrangementValues = {
  method: 'payroll',
  accounts: { '11': true, '12': false, '13': true },
  amount: '50.00',
  firstDate: '2026-07-03',
  frequency: '',
  holderName: '',
  routingNumber: '',
  accountNumber: '',
  accountType: '',
};

describe('the set-up form (payroll:createArrangement)', () => {
  it('a payroll deduction: the ticked accounts, the amount in cents; bank fields ignored', () => {
    const v = setUpArrangementForm(TODAY).parse(PAYROLL);
    expect(v.accountIds).toEqual([11, 13]);
    expect(v.amountCents).toBe(5000);
    expect(v.firstDate).toBe('2026-07-03');
    // What the screen sends for a payroll deduction is the channel's input.
    const input = createArrangementInput.parse({
      method: 'payroll',
      guarantorId: 7,
      accountIds: v.accountIds,
      amountCents: v.amountCents,
      firstDate: v.firstDate,
    });
    expect(input.amountCents).toBe(5000);
  });

  it('refuses no account ticked, an amount not in dollars, a first date before today', () => {
    const r = setUpArrangementForm(TODAY).safeParse({
      ...PAYROLL,
      accounts: { '11': false },
      amount: '12.345',
      firstDate: '2026-06-30',
    });
    const m = messages(r);
    expect(m.accounts).toBe('Choose at least one account.');
    expect(m.amount).toBe('Write the amount each period in dollars and cents, like 125.00.');
    expect(m.firstDate).toBe('The first date cannot be before the business date.');
  });

  it('a bank transfer: the routing number’s check digit (3-7-1) and the other details, in the channel’s words', () => {
    const bank = {
      ...PAYROLL,
      method: 'bank' as const,
      frequency: 'monthly',
      holderName: 'Grace Okafor',
      routingNumber: '011000015', // 3(0+0+0)+7(1+0+1)+(1+0+5) = 20: valid
      accountNumber: '123456789',
      accountType: 'checking',
    };
    const v = setUpArrangementForm(TODAY).parse(bank);
    expect(v.bank).toEqual({
      holderName: 'Grace Okafor',
      routingNumber: '011000015',
      accountNumber: '123456789',
      accountType: 'checking',
    });
    expect(v.frequency).toBe('monthly');
    // One digit off: 3(0)+7(2)+(1+0+6) = 21, not a multiple of 10.
    const wrong = messages(setUpArrangementForm(TODAY).safeParse({ ...bank, routingNumber: '011000016' }));
    expect(wrong.routingNumber).toBe('That routing number’s check digit is wrong: read it again from the check.');
    const missing = messages(
      setUpArrangementForm(TODAY).safeParse({ ...bank, frequency: '', accountNumber: '12', accountType: '' }),
    );
    expect(missing.frequency).toBe('Choose how often to debit.');
    expect(missing.accountNumber).toBe('An account number is 4 to 17 digits.');
    expect(missing.accountType).toBe('Choose checking or savings.');
  });
});

describe('the wage-floor form (payroll:setWageFloor)', () => {
  it('dollars to cents, a percentage to basis points, blanks to null', () => {
    const v = wageFloorForm.parse({
      jurisdiction: 'in',
      effectiveFrom: '2026-09-01',
      minimumWage: '9.00',
      exemptWeeklySalary: '',
      deductionLimitPercent: '12.5',
      source: 'Indiana notice of 2026',
    });
    expect(v).toEqual({
      jurisdiction: 'IN',
      effectiveFrom: '2026-09-01',
      minimumWageCents: 900,
      exemptWeeklySalaryCents: null,
      deductionLimitBp: 1250,
      source: 'Indiana notice of 2026',
    });
    expect(setWageFloorInput.parse(v)).toEqual(v);
    const exempt = wageFloorForm.parse({
      jurisdiction: 'US',
      effectiveFrom: '2027-01-01',
      minimumWage: '7.25',
      exemptWeeklySalary: '1,128.00',
      deductionLimitPercent: '',
      source: '29 CFR 541.600',
    });
    expect(exempt.exemptWeeklySalaryCents).toBe(112_800);
    expect(exempt.deductionLimitBp).toBeNull();
  });

  it('refuses what the channel refuses, on the field typed', () => {
    const m = messages(
      wageFloorForm.safeParse({
        jurisdiction: 'Indiana',
        effectiveFrom: '',
        minimumWage: 'nine',
        exemptWeeklySalary: 'lots',
        deductionLimitPercent: '125.5.5',
        source: '',
      }),
    );
    expect(m.jurisdiction).toBe('A state is its two-letter code, such as TX; US is the federal row.');
    expect(m.effectiveFrom).toBe('Enter the date.');
    expect(m.minimumWage).toBe('Write the minimum wage in dollars and cents, like 125.00.');
    expect(m.exemptWeeklySalary).toBe(
      'Write the exempt weekly salary in dollars and cents, like 684.00, or leave it blank.',
    );
    expect(m.deductionLimitPercent).toBe('Write the limit as a percentage such as 25 or 12.5, or leave it blank.');
    expect(m.source).toBe('Name the law or notice the figure comes from.');
    // Over 100%: the channel's own bound.
    const over = messages(
      wageFloorForm.safeParse({
        jurisdiction: 'TX',
        effectiveFrom: '2026-09-01',
        minimumWage: '7.25',
        exemptWeeklySalary: '',
        deductionLimitPercent: '150',
        source: 'x',
      }),
    );
    expect(over.deductionLimitBp).toBe('The limit is at most 100%.');
  });
});

describe('the signature and end forms', () => {
  it('a signature is not dated after today', () => {
    expect(signatureForm(TODAY).parse({ signedOn: TODAY })).toEqual({ signedOn: TODAY });
    expect(messages(signatureForm(TODAY).safeParse({ signedOn: '2026-07-02' })).signedOn).toMatch(
      /^The signature cannot be dated after the business date/,
    );
  });

  it('an end: its reason, a day not after today and a note, as the channel takes them', () => {
    const v = endArrangementForm(TODAY).parse({ reason: 'revoked', on: TODAY, note: 'Letter received.' });
    expect(endArrangementInput.parse({ arrangementId: 3, ...v }).reason).toBe('revoked');
    const m = messages(endArrangementForm(TODAY).safeParse({ reason: '', on: '2026-07-09', note: '' }));
    expect(m.reason).toBe('Choose why it ends.');
    expect(m.on).toMatch(/^The end cannot be dated after the business date/);
    expect(m.note).toBe('Say what happened.');
  });
});

// The estates screens' forms (issue 14) are their channels' schemas as the clerk types them: what a
// valid form gives is the channel's input, and what the channel refuses the form refuses in the
// same words, on the field the clerk typed. Money is typed in dollars (cents out), blank optional
// dates are "none" (null), whole numbers are typed in boxes, dates are not after the business date.
import { describe, expect, it } from 'vitest';
import {
  closeEstateInput,
  estateDetailsInput,
  estateEventInput,
  estatePaymentInput,
  fileClaimInput,
  recordDeathInput,
  setProbateRuleInput,
} from '../../../src/shared/schemas/estates';
import {
  allowedForm,
  closeForm,
  detailsForm,
  estatePaymentForm,
  fileForm,
  probateRuleForm,
  recordDeathForm,
} from '../../../src/shared/schemas/estatesForms';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const TODAY = '2026-12-15';

describe('recording a death', () => {
  it('gives estates:recordDeath its fields (with the guarantor)', () => {
    const out = recordDeathForm(TODAY).parse({ dateOfDeath: '2026-11-20', source: 'family', note: ' Ana called ' });
    expect(out).toEqual({ dateOfDeath: '2026-11-20', source: 'family', note: 'Ana called' });
    expect(recordDeathInput.parse({ guarantorId: 4, ...out })).toEqual({ guarantorId: 4, ...out });
  });

  it('refuses a blank date, a date after today and no source, each on its field', () => {
    expect(messages(recordDeathForm(TODAY).safeParse({ dateOfDeath: '', source: '', note: '' }))).toEqual({
      dateOfDeath: 'Enter the date of death.',
      source: 'Choose how the death became known.',
    });
    expect(
      messages(recordDeathForm(TODAY).safeParse({ dateOfDeath: '2026-12-16', source: 'obituary', note: '' })),
    ).toEqual({ dateOfDeath: 'The date of death cannot be dated after the business date, 12/15/2026.' });
  });
});

describe('the estate record', () => {
  const typed = {
    state: 'ME',
    county: 'Cumberland',
    courtName: 'Cumberland County Probate Court',
    courtAddress: '',
    caseNumber: '2026-0871',
    prName: 'Ana Flores',
    prAddress: '',
    attorneyName: '',
    attorneyAddress: '',
    letterLanguage: 'es',
    firstPublishedOn: '2026-11-27',
    mailedNoticeOn: '',
  };

  it('gives a blank notice date as none (null), and estates:details takes the rest as typed', () => {
    const out = detailsForm(TODAY).parse(typed);
    expect(out.firstPublishedOn).toBe('2026-11-27');
    expect(out.mailedNoticeOn).toBeNull();
    expect(out.letterLanguage).toBe('es');
    expect(estateDetailsInput.parse({ estateId: 1, ...out })).toEqual({ estateId: 1, ...out });
  });

  it('refuses no state and a notice date after today, each on its field', () => {
    expect(messages(detailsForm(TODAY).safeParse({ ...typed, state: '', mailedNoticeOn: '2026-12-20' }))).toEqual({
      state: 'Choose a state.',
      mailedNoticeOn: 'The mailed notice cannot be dated after the business date, 12/15/2026.',
    });
  });
});

describe('filing, the answer, money and the closing', () => {
  it('gives estates:file its fields; where the claim goes is asked for', () => {
    const out = fileForm(TODAY).parse({ on: TODAY, filedWith: 'clerk', sworn: true, contingency: '', security: '' });
    expect(fileClaimInput.parse({ estateId: 2, ...out })).toEqual({ estateId: 2, ...out });
    expect(
      messages(fileForm(TODAY).safeParse({ on: TODAY, filedWith: '', sworn: false, contingency: '', security: '' })),
    ).toEqual({ filedWith: 'Choose where the claim goes.' });
  });

  it('reads the amount allowed in dollars, to the cent', () => {
    const out = allowedForm(TODAY).parse({ on: TODAY, allowed: '3,430.73' });
    expect(out).toEqual({ on: TODAY, allowed: 343073 });
    expect(estateEventInput.parse({ estateId: 2, event: 'allowed', on: out.on, allowedCents: out.allowed })).toEqual({
      estateId: 2,
      event: 'allowed',
      on: TODAY,
      allowedCents: 343073,
    });
    expect(messages(allowedForm(TODAY).safeParse({ on: TODAY, allowed: '12.345' }))).toEqual({
      allowed: 'Write the amount allowed in dollars and cents, like 125.00.',
    });
  });

  it('refuses a payment of nothing and gives a payment in cents', () => {
    const form = estatePaymentForm(TODAY);
    const out = form.parse({ receivedOn: TODAY, amount: '1000.00', method: 'check', reference: 'Estate check 1001' });
    expect(out.amount).toBe(100000);
    expect(estatePaymentInput.parse({ estateId: 2, ...out, amountCents: out.amount }).amountCents).toBe(100000);
    expect(messages(form.safeParse({ receivedOn: TODAY, amount: '0.00', method: '', reference: '' }))).toEqual({
      amount: 'The amount received must be more than $0.00.',
      method: 'Choose how it was paid.',
    });
  });

  it('asks a supervisor’s approval only when it is needed, and a reason always', () => {
    const blank = { on: TODAY, note: 'Insolvent.', approval: { username: '', password: '' } };
    expect(closeForm(TODAY, false).parse(blank)).toEqual({ on: TODAY, note: 'Insolvent.', approval: undefined });
    expect(Object.keys(messages(closeForm(TODAY, true).safeParse(blank)))).toEqual(
      expect.arrayContaining(['approval.username', 'approval.password']),
    );
    expect(messages(closeForm(TODAY, false).safeParse({ ...blank, note: ' ' }))).toEqual({
      note: 'Say why the estate closes with nothing more.',
    });
    const approved = closeForm(TODAY, true).parse({ ...blank, approval: { username: 'sam', password: 'pw' } });
    expect(closeEstateInput.parse({ estateId: 2, ...approved }).approval).toEqual({ username: 'sam', password: 'pw' });
  });
});

describe('a row of the probate table', () => {
  const typed = {
    state: 'NH',
    noticeMonths: '6',
    mailedDays: '60',
    outerMonths: '12',
    publicationWeeks: '3',
    lastIllnessClass: '4',
    generalClass: '6',
    finalYearClass: '',
    suitDays: '60',
    effectiveFrom: '2026-01-01',
    source: 'RSA 556:3',
    note: '',
  };

  it('gives the whole numbers as numbers and a blank final-year class as none', () => {
    const out = probateRuleForm.parse(typed);
    expect(out).toMatchObject({ noticeMonths: 6, outerMonths: 12, finalYearClass: null });
    expect(setProbateRuleInput.parse(out)).toEqual(out);
    expect(probateRuleForm.parse({ ...typed, finalYearClass: '5' }).finalYearClass).toBe(5);
  });

  it('refuses a word for a number and a number out of range, in the channel’s words', () => {
    expect(messages(probateRuleForm.safeParse({ ...typed, noticeMonths: 'four', outerMonths: '0' }))).toEqual({
      noticeMonths: 'Months after publication is a whole number.',
      outerMonths: 'Months after death (outer limit) is at least 1.',
    });
  });
});

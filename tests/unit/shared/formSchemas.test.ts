// Forms and channels share one schema: each form's schema comes from its channel's, so what a
// valid form gives is exactly the channel's input (the round trip), a value the channel refuses
// the form refuses with the same message (the limits agree), and the split of a payment is the
// allocation rule main applies. Amounts are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dateNotAfter, dateNotBefore, businessDateSchema } from '../../../src/shared/dates';
import { dollarsText, nonNegativeCents, positiveCents } from '../../../src/shared/money';
import { allocateOldestFirst, checkChosenAllocation } from '../../../src/shared/rules/allocation';
import {
  addFollowUpForm,
  addFollowUpInput,
  logActivityForm,
  logActivityInput,
} from '../../../src/shared/schemas/accounts';
import {
  assignIssueForm,
  assignIssueInput,
  reportIssueForm,
  reportIssueInput,
  resolveIssueForm,
  resolveIssueInput,
} from '../../../src/shared/schemas/compliance';
import {
  decideFapForm,
  decideFapInput,
  recordFapApplicationForm,
  recordFapApplicationInput,
} from '../../../src/shared/schemas/fap';
import { wholeNumberText } from '../../../src/shared/schemas/formFields';
import { placeHoldForm, placeHoldInput, releaseHoldForm, releaseHoldInput } from '../../../src/shared/schemas/holds';
import type { Hospital } from '../../../src/shared/schemas/hospital';
import { saveProfileForm, saveProfileInput } from '../../../src/shared/schemas/import';
import {
  allocationSchema,
  postAdjustmentForm,
  postAdjustmentInput,
  postPaymentForm,
  postPaymentInput,
  reverseEntryForm,
  reverseEntryInput,
  reversePaymentForm,
  reversePaymentInput,
} from '../../../src/shared/schemas/ledger';
import { addPromiseInput } from '../../../src/shared/schemas/plans';
import {
  DEFAULT_POSTING_POLICY,
  DEFAULT_SECURITY_POLICY,
  DEFAULT_STATEMENT_POLICY,
  DEFAULT_QUEUE_POLICY,
  DEFAULT_ASSISTANCE_POLICY,
  DEFAULT_AGENCY_SETTINGS,
  DEFAULT_SMALL_CLAIMS_POLICY,
  DEFAULT_ESTATES_POLICY,
  DEFAULT_BAD_DEBT_SETTINGS,
  DEFAULT_PAYROLL_POLICY,
  DEFAULT_OBSTETRICS_POLICY,
  settingsForm,
  toSettingsForm,
  updateSettingsInput,
  type Settings,
} from '../../../src/shared/schemas/settings';
import { setupForm, setupInput } from '../../../src/shared/schemas/setup';
import {
  addUserForm,
  changePasswordForm,
  changePasswordInput,
  disableUserForm,
  disableUserInput,
  newPasswordForm,
  newPasswordSchema,
  newUserSchema,
  PASSWORDS_DIFFER,
  recoverForm,
  recoverInput,
  resetPasswordInput,
} from '../../../src/shared/schemas/users';

/** The business date of every case. */
const TODAY = '2026-03-02';

/** The first message at `path` ("split.a12"), or null when the parse has none there. */
function messageAt(result: z.ZodSafeParseResult<unknown>, path: string): string | null {
  if (result.success) return null;
  return result.error.issues.find((i) => i.path.join('.') === path)?.message ?? null;
}

const long = (n: number) => 'x'.repeat(n);

const HOSPITAL: Hospital = {
  legalName: 'Saint Brigid Regional Medical Center',
  address: { line1: '400 Harbor View Road', line2: '', city: 'Portland', state: 'ME', zip: '04101' },
  phone: '207-555-0100',
  taxId: '01-2345678',
  npi: '1234567893',
  remitTo: { line1: 'PO Box 9120', line2: 'Patient Accounts', city: 'Portland', state: 'ME', zip: '04104-9120' },
  financialAssistancePhone: '207-555-0199',
  financialAssistanceUrl: 'https://stbrigid.example.org/financial-assistance',
};

/** Two open accounts: $120.00 (oldest) and $45.50; $165.50 owed. */
const ACCOUNTS = [
  { id: 11, serviceFrom: '2025-06-01', balanceCents: 12_000 },
  { id: 12, serviceFrom: '2025-09-15', balanceCents: 4_550 },
];
const OPEN = ACCOUNTS.map((a) => ({ accountId: a.id, serviceFrom: a.serviceFrom, balanceCents: a.balanceCents }));

const PAYMENT = {
  method: 'check',
  reference: ' Check 1001 ',
  amount: '17.34',
  effectiveDate: TODAY,
  allocation: 'oldest' as 'oldest' | 'split',
  split: { a11: '', a12: '' },
};
const payment = postPaymentForm({ today: TODAY, accounts: ACCOUNTS });

describe('money typed as dollars: dollarsText reads the text, the channel field bounds it', () => {
  const amount = dollarsText('Amount', positiveCents('Amount'));
  const limit = dollarsText('Approval limit', nonNegativeCents('Approval limit'));
  const down = dollarsText('Down payment', nonNegativeCents('Down payment'), { blankIs: 0 });
  it.each([
    ['125', amount, 12_500],
    ['125.5', amount, 12_550],
    [' $1,234.56 ', amount, 123_456],
    ['0.01', amount, 1],
    ['0.00', limit, 0],
    ['', down, 0],
    ['10000000000.00', amount, 1_000_000_000_000], // $10 billion: MAX_CENTS exactly
  ])('"%s" is %i cents', (text, schema, cents) => expect(schema.parse(text)).toBe(cents));

  it.each([
    ['', amount, 'Enter the amount.'],
    ['  ', amount, 'Enter the amount.'],
    ['17.3x', amount, 'Write the amount in dollars and cents, like 125.00.'],
    ['1.234', amount, 'Write the amount in dollars and cents, like 125.00.'],
    ['0', amount, 'The amount must be more than $0.00.'],
    ['-5.00', amount, 'The amount must be more than $0.00.'],
    ['-0.01', limit, 'The approval limit cannot be negative.'],
    ['10000000000.01', amount, 'The amount is too large.'], // one cent past MAX_CENTS
    ['abc', limit, 'Write the approval limit in dollars and cents, like 125.00.'],
  ])('"%s" is refused: %s', (text, schema, message) => expect(messageAt(schema.safeParse(text), '')).toBe(message));
});

describe('dates typed in a form: the channel field checks them, the business date bounds them', () => {
  const notAfter = dateNotAfter(TODAY, 'A payment', businessDateSchema);
  const notBefore = dateNotBefore(TODAY, 'Today or later.', businessDateSchema, 'Enter the day.');
  it.each([
    [notAfter, '2026-03-02', null],
    [notAfter, '2026-03-01', null],
    [notAfter, '2026-03-03', 'A payment cannot be dated after the business date, 03/02/2026.'],
    [notAfter, '', 'Enter the date.'],
    [notAfter, '2026-02-30', 'Enter a real date as YYYY-MM-DD.'],
    [notBefore, '2026-03-02', null],
    [notBefore, '2026-03-01', 'Today or later.'],
    [notBefore, '', 'Enter the day.'],
  ])('%#: "%s" -> %s', (schema, text, message) => expect(messageAt(schema.safeParse(text), '')).toBe(message));

  it('whole numbers typed as text are read, then bounded by the field', () => {
    const n = wholeNumberText(nonNegativeCents('Grace'), 'Enter the grace as a whole number.');
    expect(n.parse(' 12 ')).toBe(12);
    expect(messageAt(n.safeParse(''), '')).toBe('Enter the grace as a whole number.');
    expect(messageAt(n.safeParse('1.5'), '')).toBe('Enter the grace as a whole number.');
    expect(messageAt(n.safeParse('-1'), '')).toBe('The grace cannot be negative.');
  });
});

describe('round trip: a valid form gives exactly its channel input', () => {
  interface Case {
    form: z.ZodType;
    typed: unknown;
    /** The records the dialog supplies (the guarantor, the entry, the user...). */
    context: Record<string, unknown>;
    channel: z.ZodType;
    expected: unknown;
  }
  const cases: [string, Case][] = [
    [
      'payments:post, oldest first',
      {
        form: payment,
        typed: { ...PAYMENT, amount: '100' },
        context: { guarantorId: 5 },
        channel: postPaymentInput,
        expected: {
          guarantorId: 5,
          method: 'check',
          reference: 'Check 1001',
          amountCents: 10_000,
          effectiveDate: TODAY,
          allocations: [],
          confirmDuplicate: false,
        },
      },
    ],
    [
      'payments:post, split $12.34 + $5.00 = $17.34',
      {
        form: payment,
        typed: { ...PAYMENT, allocation: 'split', split: { a11: '12.34', a12: '5.00' } },
        context: { guarantorId: 5 },
        channel: postPaymentInput,
        expected: {
          guarantorId: 5,
          method: 'check',
          reference: 'Check 1001',
          amountCents: 1_734,
          effectiveDate: TODAY,
          allocations: [
            { accountId: 11, amountCents: 1_234 },
            { accountId: 12, amountCents: 500 },
          ],
          confirmDuplicate: false,
        },
      },
    ],
    [
      'payments:post, split $40.00 + $0.00: the empty part is left out',
      {
        form: payment,
        typed: { ...PAYMENT, amount: '40', allocation: 'split', split: { a11: '40.00', a12: '0.00' } },
        context: { guarantorId: 5 },
        channel: postPaymentInput,
        expected: {
          guarantorId: 5,
          method: 'check',
          reference: 'Check 1001',
          amountCents: 4_000,
          effectiveDate: TODAY,
          allocations: [{ accountId: 11, amountCents: 4_000 }],
          confirmDuplicate: false,
        },
      },
    ],
    [
      'ledger:adjust, within the limit: no approval sent',
      {
        form: postAdjustmentForm({ today: TODAY, needsApproval: false }),
        typed: {
          reason: 'billing_error',
          amount: '300.00',
          effectiveDate: TODAY,
          memo: ' wrong code ',
          approval: { username: 'typed', password: 'but not asked' },
        },
        context: { accountId: 9 },
        channel: postAdjustmentInput,
        expected: {
          accountId: 9,
          reason: 'billing_error',
          amountCents: 30_000,
          effectiveDate: TODAY,
          memo: 'wrong code',
        },
      },
    ],
    [
      'ledger:adjust, over the limit: the supervisor approves',
      {
        form: postAdjustmentForm({ today: TODAY, needsApproval: true }),
        typed: {
          reason: 'rebill',
          amount: '1,250.5',
          effectiveDate: '2026-02-27',
          memo: '',
          approval: { username: ' sam ', password: 'password-for-sam' },
        },
        context: { accountId: 9 },
        channel: postAdjustmentInput,
        expected: {
          accountId: 9,
          reason: 'rebill',
          amountCents: 125_050,
          effectiveDate: '2026-02-27',
          memo: '',
          approval: { username: 'sam', password: 'password-for-sam' },
        },
      },
    ],
    [
      'ledger:reverse',
      {
        form: reverseEntryForm(TODAY),
        typed: { reason: ' Posted to the wrong account ', effectiveDate: TODAY },
        context: { entryId: 3 },
        channel: reverseEntryInput,
        expected: { entryId: 3, reason: 'Posted to the wrong account', effectiveDate: TODAY },
      },
    ],
    [
      'payments:reverse',
      {
        form: reversePaymentForm(TODAY),
        typed: { reason: 'Check returned unpaid', effectiveDate: '2026-03-01' },
        context: { paymentId: 4 },
        channel: reversePaymentInput,
        expected: { paymentId: 4, reason: 'Check returned unpaid', effectiveDate: '2026-03-01' },
      },
    ],
    [
      'tasks:add, assigned, about all accounts',
      {
        form: addFollowUpForm,
        typed: { title: ' Call back about the plan ', dueDate: '2026-03-10', assigneeId: '2', accountId: '', note: '' },
        context: { guarantorId: 5 },
        channel: addFollowUpInput,
        expected: { guarantorId: 5, title: 'Call back about the plan', dueDate: '2026-03-10', assigneeId: 2, note: '' },
      },
    ],
    [
      'fap:record',
      {
        form: recordFapApplicationForm(TODAY),
        typed: { status: 'pending', date: TODAY, note: ' Brought in at the desk ', missing: '' },
        context: { guarantorId: 5 },
        channel: recordFapApplicationInput,
        expected: { guarantorId: 5, status: 'pending', date: TODAY, note: 'Brought in at the desk', missing: '' },
      },
    ],
    [
      'fap:record, incomplete: what is missing',
      {
        form: recordFapApplicationForm(TODAY),
        typed: { status: 'incomplete', date: TODAY, note: '', missing: ' Last two pay stubs ' },
        context: { guarantorId: 5 },
        channel: recordFapApplicationInput,
        expected: { guarantorId: 5, status: 'incomplete', date: TODAY, note: '', missing: 'Last two pay stubs' },
      },
    ],
    [
      'fap:decide, approved in part: 62.50% off',
      {
        form: decideFapForm(TODAY),
        typed: {
          decision: 'approved_partial',
          decidedOn: TODAY,
          note: '',
          discountKind: 'percent',
          percentOff: '62.50',
          denialReason: '',
        },
        context: { guarantorId: 5 },
        channel: decideFapInput,
        expected: {
          guarantorId: 5,
          decision: 'approved_partial',
          decidedOn: TODAY,
          note: '',
          denialReason: '',
          discount: { kind: 'percent', percentOffBasisPoints: 6_250 },
          previewed: [],
        },
      },
    ],
    [
      'fap:decide, approved in part: the amount generally billed',
      {
        form: decideFapForm(TODAY),
        typed: {
          decision: 'approved_partial',
          decidedOn: TODAY,
          note: '',
          discountKind: 'agb',
          percentOff: 'x',
          denialReason: '',
        },
        context: { guarantorId: 5 },
        channel: decideFapInput,
        expected: {
          guarantorId: 5,
          decision: 'approved_partial',
          decidedOn: TODAY,
          note: '',
          denialReason: '',
          discount: { kind: 'agb' },
          previewed: [],
        },
      },
    ],
    [
      'fap:decide, denied: the reason, no discount whatever was typed',
      {
        form: decideFapForm(TODAY),
        typed: {
          decision: 'denied',
          decidedOn: TODAY,
          note: '',
          discountKind: 'percent',
          percentOff: 'x',
          denialReason: ' Income above 400% FPL ',
        },
        context: { guarantorId: 5 },
        channel: decideFapInput,
        expected: {
          guarantorId: 5,
          decision: 'denied',
          decidedOn: TODAY,
          note: '',
          denialReason: 'Income above 400% FPL',
          previewed: [],
        },
      },
    ],
    [
      'holds:place, all accounts, open-ended',
      {
        form: placeHoldForm,
        typed: { reason: 'dispute', accountId: '', note: ' Says it was billed twice ', until: '' },
        context: { guarantorId: 5 },
        channel: placeHoldInput,
        expected: { guarantorId: 5, reason: 'dispute', note: 'Says it was billed twice' },
      },
    ],
    [
      'holds:place, one account, until a date',
      {
        form: placeHoldForm,
        typed: { reason: 'in_litigation', accountId: '12', note: '', until: '2026-06-30' },
        context: { guarantorId: 5 },
        channel: placeHoldInput,
        expected: { guarantorId: 5, reason: 'in_litigation', accountId: 12, note: '', until: '2026-06-30' },
      },
    ],
    [
      'holds:release',
      {
        form: releaseHoldForm,
        typed: { note: 'Dispute settled' },
        context: { holdId: 6 },
        channel: releaseHoldInput,
        expected: { holdId: 6, note: 'Dispute settled' },
      },
    ],
    [
      'compliance:report, with an account number',
      {
        form: reportIssueForm,
        typed: { category: 'billing', description: ' Billed twice ', accountNumber: ' A1000001 ' },
        context: {},
        channel: reportIssueInput,
        expected: { category: 'billing', description: 'Billed twice', accountNumber: 'A1000001' },
      },
    ],
    [
      'compliance:report, without one',
      {
        form: reportIssueForm,
        typed: { category: 'other', description: 'Letter sent to the wrong address', accountNumber: '  ' },
        context: {},
        channel: reportIssueInput,
        expected: { category: 'other', description: 'Letter sent to the wrong address' },
      },
    ],
    [
      'compliance:assign',
      {
        form: assignIssueForm,
        typed: { assigneeId: '3' },
        context: { issueId: 1 },
        channel: assignIssueInput,
        expected: { issueId: 1, assigneeId: 3 },
      },
    ],
    [
      'compliance:resolve',
      {
        form: resolveIssueForm,
        typed: { resolution: 'Refunded and apologised' },
        context: { issueId: 1 },
        channel: resolveIssueInput,
        expected: { issueId: 1, resolution: 'Refunded and apologised' },
      },
    ],
    [
      'users:add: the second copy of the password stays in the form',
      {
        form: addUserForm(10),
        typed: {
          fullName: ' Casey Clerk ',
          username: 'casey',
          role: 'clerk',
          password: 'correct horse battery',
          confirmPassword: 'correct horse battery',
        },
        context: {},
        channel: newUserSchema,
        expected: { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'correct horse battery' },
      },
    ],
    [
      'users:resetPassword',
      {
        form: newPasswordForm(10),
        typed: { newPassword: 'staple battery horse', confirmPassword: 'staple battery horse' },
        context: { userId: 2 },
        channel: resetPasswordInput,
        expected: { userId: 2, newPassword: 'staple battery horse' },
      },
    ],
    [
      'users:disable',
      {
        form: disableUserForm,
        typed: { reason: ' Left the hospital on 11/30 ' },
        context: { userId: 2 },
        channel: disableUserInput,
        expected: { userId: 2, reason: 'Left the hospital on 11/30' },
      },
    ],
    [
      'auth:changePassword',
      {
        form: changePasswordForm(12),
        typed: {
          currentPassword: 'old password 1',
          newPassword: 'new password 12',
          confirmPassword: 'new password 12',
        },
        context: {},
        channel: changePasswordInput,
        expected: { currentPassword: 'old password 1', newPassword: 'new password 12' },
      },
    ],
    [
      'auth:recover',
      {
        form: recoverForm,
        typed: {
          recoveryKey: ' ABCD-EFGH-JKMN-PQRS ',
          username: 'admin',
          newPassword: 'a new long password',
          confirmPassword: 'a new long password',
        },
        context: {},
        channel: recoverInput,
        expected: { recoveryKey: 'ABCD-EFGH-JKMN-PQRS', username: 'admin', newPassword: 'a new long password' },
      },
    ],
    [
      'setup:create',
      {
        form: setupForm,
        typed: {
          hospital: HOSPITAL,
          admin: {
            fullName: 'Avery Admin',
            username: 'admin',
            password: 'correct horse battery',
            confirmPassword: 'correct horse battery',
          },
          demoData: true,
        },
        context: {},
        channel: setupInput,
        expected: {
          hospital: HOSPITAL,
          admin: { fullName: 'Avery Admin', username: 'admin', password: 'correct horse battery' },
          demoData: true,
        },
      },
    ],
    [
      'importProfiles:save',
      {
        form: saveProfileForm,
        typed: { name: ' Meditech combined ' },
        context: { mapping: { layout: 'combined', columns: {} } },
        channel: saveProfileInput,
        expected: {
          name: 'Meditech combined',
          mapping: {
            layout: 'combined',
            columns: {},
            dateFormat: 'YYYY-MM-DD',
            encoding: 'utf-8',
            amountSign: 'signed',
            typeCodes: {},
          },
        },
      },
    ],
  ];

  it.each(cases)('%s', (_rule, { form, typed, context, channel, expected }) => {
    const out = form.parse(typed) as object;
    expect(channel.parse({ ...context, ...out })).toEqual(expected);
  });

  it('activity:log with a promise to pay gives promises:add too', () => {
    const { activity, promise } = logActivityForm(TODAY).parse({
      kind: 'call',
      direction: 'outbound',
      outcome: 'promised_to_pay',
      accountId: '11',
      note: '',
      occurredOn: TODAY,
      promiseAmount: '50.00',
      promiseDue: '2026-03-09',
    });
    expect(logActivityInput.parse({ guarantorId: 5, ...activity })).toEqual({
      guarantorId: 5,
      kind: 'call',
      direction: 'outbound',
      outcome: 'promised_to_pay',
      accountId: 11,
      note: '',
      occurredOn: TODAY,
    });
    expect(addPromiseInput.parse({ guarantorId: 5, ...promise, activityId: 77 })).toEqual({
      guarantorId: 5,
      amountCents: 5_000,
      dueDate: '2026-03-09',
      activityId: 77,
    });
  });

  it('activity:log of a letter: no direction, no account, no promise (whatever its fields hold)', () => {
    const { activity, promise } = logActivityForm(TODAY).parse({
      kind: 'letter',
      direction: 'outbound',
      outcome: 'sent',
      accountId: '',
      note: ' Final notice copy ',
      occurredOn: '2026-02-28',
      promiseAmount: 'not asked',
      promiseDue: '',
    });
    expect(promise).toBeNull();
    expect(logActivityInput.parse({ guarantorId: 5, ...activity })).toEqual({
      guarantorId: 5,
      kind: 'letter',
      outcome: 'sent',
      note: 'Final notice copy',
      occurredOn: '2026-02-28',
    });
  });

  it('settings:update: the settings shown, saved unchanged, are the settings', () => {
    const settings: Settings = {
      hospital: HOSPITAL,
      security: DEFAULT_SECURITY_POLICY,
      posting: DEFAULT_POSTING_POLICY,
      statements: DEFAULT_STATEMENT_POLICY,
      queue: DEFAULT_QUEUE_POLICY,
      assistance: DEFAULT_ASSISTANCE_POLICY,
      agencies: DEFAULT_AGENCY_SETTINGS,
      smallClaims: DEFAULT_SMALL_CLAIMS_POLICY,
      estates: DEFAULT_ESTATES_POLICY,
      badDebt: DEFAULT_BAD_DEBT_SETTINGS,
      payroll: DEFAULT_PAYROLL_POLICY,
      obstetrics: { ...DEFAULT_OBSTETRICS_POLICY, vaginalChargesCents: 1_250_000, selfPayDiscountBp: 3_000 },
    };
    const typed = toSettingsForm(settings);
    expect(typed.posting.adjustmentApprovalLimit).toBe('250.00'); // 25,000 cents
    expect(typed.queue.highBalance).toBe('5000.00'); // 500,000 cents
    expect(typed.statements.minimumBalance).toBe('5.00'); // 500 cents
    expect(updateSettingsInput.parse(settingsForm.parse(typed))).toEqual(settings);
    // $300.00 typed as the limit is 30,000 cents; one action ticked is the one named.
    const changed = settingsForm.parse({
      ...typed,
      posting: { adjustmentApprovalLimit: '300' },
      statements: {
        ...typed.statements,
        actions: { ...typed.statements.actions, credit_report: false, civil_action: false, lien: true },
      },
      assistance: { ...typed.assistance, agbPercent: '45.5' },
    });
    expect(typed.assistance.agbPercent).toBe('100.00'); // 10,000 basis points: caps nothing until set
    expect(updateSettingsInput.parse(changed).assistance?.agbBasisPoints).toBe(4_550);
    expect(updateSettingsInput.parse(changed).posting?.adjustmentApprovalLimitCents).toBe(30_000);
    expect(updateSettingsInput.parse(changed).statements?.intendedActions).toEqual(['lien']);
    expect(settingsForm.parse({ ...typed, queue: { highBalance: '2,500' } }).queue?.highBalanceCents).toBe(250_000);
    // The price table typed in dollars; the self-pay discount as a percentage (PP-04).
    expect(typed.obstetrics.vaginalCharges).toBe('12500.00');
    expect(typed.obstetrics.selfPayDiscountPercent).toBe('30.00');
    const ob = settingsForm.parse({
      ...typed,
      obstetrics: { ...typed.obstetrics, cesareanCharges: '18,400.50', selfPayDiscountPercent: '0' },
    }).obstetrics;
    expect(ob?.cesareanChargesCents).toBe(1_840_050);
    expect(ob?.selfPayDiscountBp).toBe(0);
  });
});

describe('limits agree: what the channel refuses, the form refuses in the same words', () => {
  const settings = toSettingsForm({
    hospital: HOSPITAL,
    security: DEFAULT_SECURITY_POLICY,
    posting: DEFAULT_POSTING_POLICY,
    statements: DEFAULT_STATEMENT_POLICY,
    queue: DEFAULT_QUEUE_POLICY,
    assistance: DEFAULT_ASSISTANCE_POLICY,
    agencies: DEFAULT_AGENCY_SETTINGS,
    smallClaims: DEFAULT_SMALL_CLAIMS_POLICY,
    estates: DEFAULT_ESTATES_POLICY,
    badDebt: DEFAULT_BAD_DEBT_SETTINGS,
    payroll: DEFAULT_PAYROLL_POLICY,
    obstetrics: DEFAULT_OBSTETRICS_POLICY,
  });
  const noneTicked = Object.fromEntries(Object.keys(settings.statements.actions).map((k) => [k, false]));
  const PAY = { guarantorId: 5, method: 'check', reference: '', amountCents: 1_734, effectiveDate: TODAY };
  const ADJUST = { accountId: 9, reason: 'billing_error', amountCents: 30_000, effectiveDate: TODAY, memo: '' };
  const adjust = (over: object, needsApproval = false) =>
    postAdjustmentForm({ today: TODAY, needsApproval }).safeParse({
      reason: 'billing_error',
      amount: '300.00',
      effectiveDate: TODAY,
      memo: '',
      approval: { username: '', password: '' },
      ...over,
    });
  const activity = (over: object) =>
    logActivityForm(TODAY).safeParse({
      kind: 'call',
      direction: 'outbound',
      outcome: 'reached',
      accountId: '',
      note: '',
      occurredOn: TODAY,
      promiseAmount: '',
      promiseDue: '',
      ...over,
    });
  const ACTIVITY = { guarantorId: 5, kind: 'call', outcome: 'reached', note: '', occurredOn: TODAY };

  // [rule, form's refusal, its field, channel's refusal, its field, the words both use]
  const cases: [string, z.ZodSafeParseResult<unknown>, string, z.ZodSafeParseResult<unknown>, string, string][] = [
    [
      'payment: how it was paid',
      payment.safeParse({ ...PAYMENT, method: '' }),
      'method',
      postPaymentInput.safeParse({ ...PAY, method: '' }),
      'method',
      'Choose how it was paid.',
    ],
    [
      'payment: reference at most 60 characters',
      payment.safeParse({ ...PAYMENT, reference: long(61) }),
      'reference',
      postPaymentInput.safeParse({ ...PAY, reference: long(61) }),
      'reference',
      'Reference must be at most 60 characters.',
    ],
    [
      'payment: more than $0.00',
      payment.safeParse({ ...PAYMENT, amount: '0.00' }),
      'amount',
      postPaymentInput.safeParse({ ...PAY, amountCents: 0 }),
      'amountCents',
      'The amount must be more than $0.00.',
    ],
    [
      'payment: at most $10 billion',
      payment.safeParse({ ...PAYMENT, amount: '10000000000.01' }),
      'amount',
      postPaymentInput.safeParse({ ...PAY, amountCents: 1_000_000_000_001 }),
      'amountCents',
      'The amount is too large.',
    ],
    [
      'payment: a real date',
      payment.safeParse({ ...PAYMENT, effectiveDate: '2026-02-30' }),
      'effectiveDate',
      postPaymentInput.safeParse({ ...PAY, effectiveDate: '2026-02-30' }),
      'effectiveDate',
      'Enter a real date as YYYY-MM-DD.',
    ],
    [
      'payment: a split part above $0.00',
      payment.safeParse({ ...PAYMENT, allocation: 'split', split: { a11: '17.35', a12: '-0.01' } }),
      'split.a12',
      allocationSchema.safeParse({ accountId: 12, amountCents: -1 }),
      'amountCents',
      'The allocated amount must be more than $0.00.',
    ],
    [
      'adjustment: a reason',
      adjust({ reason: '' }),
      'reason',
      postAdjustmentInput.safeParse({ ...ADJUST, reason: '' }),
      'reason',
      'Choose a reason.',
    ],
    [
      'adjustment: memo at most 300 characters',
      adjust({ memo: long(301) }),
      'memo',
      postAdjustmentInput.safeParse({ ...ADJUST, memo: long(301) }),
      'memo',
      'Memo must be at most 300 characters.',
    ],
    [
      'adjustment: the supervisor’s user name',
      adjust({ approval: { username: ' ', password: 'pw' } }, true),
      'approval.username',
      postAdjustmentInput.safeParse({ ...ADJUST, approval: { username: ' ', password: 'pw' } }),
      'approval.username',
      'Enter the supervisor’s user name.',
    ],
    [
      'adjustment: the supervisor’s user name at most 40 characters',
      adjust({ approval: { username: long(41), password: 'pw' } }, true),
      'approval.username',
      postAdjustmentInput.safeParse({ ...ADJUST, approval: { username: long(41), password: 'pw' } }),
      'approval.username',
      'Supervisor user name must be at most 40 characters.',
    ],
    [
      'adjustment: the supervisor’s password',
      adjust({ approval: { username: 'sam', password: '' } }, true),
      'approval.password',
      postAdjustmentInput.safeParse({ ...ADJUST, approval: { username: 'sam', password: '' } }),
      'approval.password',
      'Enter the supervisor’s password.',
    ],
    [
      'reversal: a reason',
      reverseEntryForm(TODAY).safeParse({ reason: ' ', effectiveDate: TODAY }),
      'reason',
      reverseEntryInput.safeParse({ entryId: 3, reason: ' ', effectiveDate: TODAY }),
      'reason',
      'Reason is required.',
    ],
    [
      'payment reversal: reason at most 300 characters',
      reversePaymentForm(TODAY).safeParse({ reason: long(301), effectiveDate: TODAY }),
      'reason',
      reversePaymentInput.safeParse({ paymentId: 4, reason: long(301), effectiveDate: TODAY }),
      'reason',
      'Reason must be at most 300 characters.',
    ],
    [
      'activity: the outcome',
      activity({ outcome: '' }),
      'outcome',
      logActivityInput.safeParse({ ...ACTIVITY, outcome: '' }),
      'outcome',
      'Choose the outcome.',
    ],
    [
      'activity: a note of at most 2,000 characters',
      activity({ note: long(2001) }),
      'note',
      logActivityInput.safeParse({ ...ACTIVITY, note: long(2001) }),
      'note',
      'Note must be at most 2,000 characters.',
    ],
    [
      'activity: the amount promised',
      activity({ outcome: 'promised_to_pay', promiseAmount: '0', promiseDue: '2026-03-09' }),
      'promiseAmount',
      addPromiseInput.safeParse({ guarantorId: 5, amountCents: 0, dueDate: '2026-03-09' }),
      'amountCents',
      'The amount promised must be more than $0.00.',
    ],
    [
      'task: what to do',
      addFollowUpForm.safeParse({ title: '', dueDate: '2026-03-10', assigneeId: '', accountId: '', note: '' }),
      'title',
      addFollowUpInput.safeParse({ guarantorId: 5, title: '', dueDate: '2026-03-10' }),
      'title',
      'Say what is to be done.',
    ],
    [
      'task: the title at most 200 characters',
      addFollowUpForm.safeParse({ title: long(201), dueDate: '2026-03-10', assigneeId: '', accountId: '', note: '' }),
      'title',
      addFollowUpInput.safeParse({ guarantorId: 5, title: long(201), dueDate: '2026-03-10' }),
      'title',
      'What to do must be at most 200 characters.',
    ],
    [
      'application: a note of at most 300 characters',
      recordFapApplicationForm(TODAY).safeParse({ status: 'pending', date: TODAY, note: long(301), missing: '' }),
      'note',
      recordFapApplicationInput.safeParse({ guarantorId: 5, status: 'pending', date: TODAY, note: long(301) }),
      'note',
      'Note must be at most 300 characters.',
    ],
    [
      'decision: a percentage of 100 is an approval in full',
      decideFapForm(TODAY).safeParse({
        decision: 'approved_partial',
        decidedOn: TODAY,
        note: '',
        discountKind: 'percent',
        percentOff: '100',
        denialReason: '',
      }),
      'percentOff',
      decideFapInput.safeParse({
        guarantorId: 5,
        decision: 'approved_partial',
        decidedOn: TODAY,
        discount: { kind: 'percent', percentOffBasisPoints: 10_000 },
      }),
      'discount.percentOffBasisPoints',
      'A percentage of 100 is an approval in full.',
    ],
    [
      'hold: why the cycle stops',
      placeHoldForm.safeParse({ reason: '', accountId: '', note: '', until: '' }),
      'reason',
      placeHoldInput.safeParse({ guarantorId: 5, reason: '' }),
      'reason',
      'Choose why the cycle stops.',
    ],
    [
      'hold: a real "until" date',
      placeHoldForm.safeParse({ reason: 'dispute', accountId: '', note: '', until: '2026-13-01' }),
      'until',
      placeHoldInput.safeParse({ guarantorId: 5, reason: 'dispute', until: '2026-13-01' }),
      'until',
      'Enter a real date as YYYY-MM-DD.',
    ],
    [
      'hold release: why',
      releaseHoldForm.safeParse({ note: '' }),
      'note',
      releaseHoldInput.safeParse({ holdId: 6, note: '' }),
      'note',
      'Say why the hold is released.',
    ],
    [
      'issue: what happened',
      reportIssueForm.safeParse({ category: 'billing', description: ' ', accountNumber: '' }),
      'description',
      reportIssueInput.safeParse({ category: 'billing', description: ' ' }),
      'description',
      'Say what happened.',
    ],
    [
      'issue: an account number of at most 40 characters',
      reportIssueForm.safeParse({ category: 'billing', description: 'x', accountNumber: long(41) }),
      'accountNumber',
      reportIssueInput.safeParse({ category: 'billing', description: 'x', accountNumber: long(41) }),
      'accountNumber',
      'Account number must be at most 40 characters.',
    ],
    [
      'issue: who reviews it',
      assignIssueForm.safeParse({ assigneeId: '' }),
      'assigneeId',
      assignIssueInput.safeParse({ issueId: 1 }),
      'assigneeId',
      'Choose who reviews it.',
    ],
    [
      'issue: the resolution at most 4,000 characters',
      resolveIssueForm.safeParse({ resolution: long(4001) }),
      'resolution',
      resolveIssueInput.safeParse({ issueId: 1, resolution: long(4001) }),
      'resolution',
      'Resolution must be at most 4,000 characters.',
    ],
    [
      'user: a user name of letters, digits, dots, dashes and underscores',
      addUserForm(10).safeParse({
        fullName: 'Casey',
        username: 'casey clerk',
        role: 'clerk',
        password: 'correct horse battery',
        confirmPassword: 'correct horse battery',
      }),
      'username',
      newUserSchema.safeParse({ fullName: 'Casey', username: 'casey clerk', role: 'clerk', password: 'x' }),
      'username',
      'User name may use letters, digits, dots, dashes and underscores.',
    ],
    [
      'user: the password at least the minimum in Settings (12)',
      addUserForm(12).safeParse({
        fullName: 'Casey',
        username: 'casey',
        role: 'clerk',
        password: 'abcdefghijk',
        confirmPassword: 'abcdefghijk',
      }),
      'password',
      newPasswordSchema(12).safeParse('abcdefghijk'),
      '',
      'Password must be at least 12 characters.',
    ],
    [
      'disable: a reason',
      disableUserForm.safeParse({ reason: '' }),
      'reason',
      disableUserInput.safeParse({ userId: 2, reason: '' }),
      'reason',
      'Reason is required.',
    ],
    [
      'profile: a name',
      saveProfileForm.safeParse({ name: ' ' }),
      'name',
      saveProfileInput.safeParse({ name: ' ', mapping: { layout: 'combined', columns: {} } }),
      'name',
      'Profile name is required.',
    ],
    [
      'settings: the approval limit, not negative',
      settingsForm.safeParse({ ...settings, posting: { adjustmentApprovalLimit: '-1.00' } }),
      'posting.adjustmentApprovalLimit',
      updateSettingsInput.safeParse({ posting: { adjustmentApprovalLimitCents: -100 } }),
      'posting.adjustmentApprovalLimitCents',
      'The approval limit cannot be negative.',
    ],
    [
      'settings: the final notice names an action',
      settingsForm.safeParse({ ...settings, statements: { ...settings.statements, actions: noneTicked } }),
      'statements.actions',
      updateSettingsInput.safeParse({ statements: { ...DEFAULT_STATEMENT_POLICY, intendedActions: [] } }),
      'statements.intendedActions',
      'Tick at least one action the final notice names.',
    ],
    [
      'settings: at least 7 days between statements',
      settingsForm.safeParse({ ...settings, statements: { ...settings.statements, daysBetween: 6 } }),
      'statements.daysBetween',
      updateSettingsInput.safeParse({ statements: { ...DEFAULT_STATEMENT_POLICY, daysBetween: 6 } }),
      'statements.daysBetween',
      'At least 7 days.',
    ],
    [
      'set-up: the hospital’s legal name',
      setupForm.safeParse({
        hospital: { ...HOSPITAL, legalName: '' },
        admin: { fullName: 'A', username: 'admin', password: 'correct horse battery', confirmPassword: 'x' },
      }),
      'hospital.legalName',
      setupInput.safeParse({
        hospital: { ...HOSPITAL, legalName: '' },
        admin: { fullName: 'A', username: 'admin', password: 'correct horse battery' },
      }),
      'hospital.legalName',
      'Legal name is required.',
    ],
  ];

  it.each(cases)('%s', (_rule, form, formPath, channel, channelPath, message) => {
    expect(messageAt(channel, channelPath)).toBe(message);
    expect(messageAt(form, formPath)).toBe(message);
  });

  it.each([
    ['a payment', payment.safeParse({ ...PAYMENT, effectiveDate: '2026-03-03' }), 'effectiveDate', 'A payment'],
    ['an adjustment', adjust({ effectiveDate: '2026-03-03' }), 'effectiveDate', 'An adjustment'],
    ['an activity', activity({ occurredOn: '2026-03-03' }), 'occurredOn', 'An activity'],
  ])('the form keeps %s to the business date', (_what, result, path, what) =>
    expect(messageAt(result, path)).toBe(`${what} cannot be dated after the business date, 03/02/2026.`),
  );

  it('the two copies of a new password must match', () => {
    const r = newPasswordForm(10).safeParse({ newPassword: 'staple battery horse', confirmPassword: 'staple horse' });
    expect(messageAt(r, 'confirmPassword')).toBe(PASSWORDS_DIFFER);
  });
});

describe('the split of a payment is the allocation rule main applies', () => {
  // [rule, amount typed, spread, split typed, where the refusal shows, the words]
  const cases: [string, string, 'oldest' | 'split', { a11: string; a12: string }, string | null, string | null][] = [
    ['split $12.34 + $5.00 = $17.34', '17.34', 'split', { a11: '12.34', a12: '5.00' }, null, null],
    [
      'split $12.34 + $4.96 = $17.30, short of $17.34',
      '17.34',
      'split',
      { a11: '12.34', a12: '4.96' },
      'splitTotal',
      "The allocations add up to $17.30, not the payment's $17.34.",
    ],
    [
      'split $12.34 + $5.01 = $17.35, over $17.34',
      '17.34',
      'split',
      { a11: '12.34', a12: '5.01' },
      'splitTotal',
      "The allocations add up to $17.35, not the payment's $17.34.",
    ],
    [
      'nothing split of $17.34',
      '17.34',
      'split',
      { a11: '', a12: '0.00' },
      'splitTotal',
      "The allocations add up to $0.00, not the payment's $17.34.",
    ],
    [
      'a split part not in dollars',
      '17.34',
      'split',
      { a11: '12.34', a12: '4.9x' },
      'split.a12',
      'Write the allocated amount in dollars and cents, like 125.00.',
    ],
    ['oldest first, $165.50: all that is owed', '165.50', 'oldest', { a11: '', a12: '' }, null, null],
    [
      'oldest first, $165.51: a cent more than the $120.00 + $45.50 owed',
      '165.51',
      'oldest',
      { a11: '', a12: '' },
      'splitTotal',
      'The payment is more than the $165.50 owed. Choose the split to say which account takes the excess (it will show as a credit balance), or lower the amount.',
    ],
    ['a split may leave a credit: $200.00 to the first account', '200', 'split', { a11: '200', a12: '' }, null, null],
  ];

  it.each(cases)('%s', (_rule, amount, allocation, split, path, message) => {
    const result = payment.safeParse({ ...PAYMENT, amount, allocation, split });
    if (path === null) expect(result.success).toBe(true);
    else expect(messageAt(result, path)).toBe(message);
  });

  it('says what main says for the same split', () => {
    // $12.34 + $4.96 = $17.30 against $17.34, as main checks the allocations it is sent.
    const server = checkChosenAllocation(OPEN, 1_734, [
      { accountId: 11, amountCents: 1_234 },
      { accountId: 12, amountCents: 496 },
    ]);
    const form = payment.safeParse({ ...PAYMENT, allocation: 'split', split: { a11: '12.34', a12: '4.96' } });
    expect(server.ok).toBe(false);
    expect(messageAt(form, 'splitTotal')).toBe(server.ok ? null : server.reason);
    // $165.51 oldest first against $165.50 owed.
    const oldest = allocateOldestFirst(OPEN, 16_551);
    expect(messageAt(payment.safeParse({ ...PAYMENT, amount: '165.51' }), 'splitTotal')).toBe(
      oldest.ok ? null : oldest.reason,
    );
  });
});

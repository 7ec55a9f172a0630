// The collection agencies' forms (issue 12) are their channels' schemas as the clerk types them:
// what a valid form gives is the channel's input (the round trip), and what the channel refuses
// the form refuses in the same words. Percentages typed like 25 or 25.50 are basis points.
import { describe, expect, it } from 'vitest';
import {
  buildBatchInput,
  defaultLayout,
  reconcileInput,
  remittanceInput,
  saveAgencyInput,
  setFeeInput,
  setLayoutInput,
} from '../../../src/shared/schemas/agencies';
import {
  agencyEcaForm,
  agencyForm,
  buildForm,
  directPaymentsForm,
  feeForm,
  keyedRemittanceForm,
  layoutForm,
  recallForm,
  reconcileForm,
  releaseBatchForm,
  toAgencyForm,
  toLayoutForm,
} from '../../../src/shared/schemas/agencyForms';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('the agency form', () => {
  const typed = {
    ...toAgencyForm(null),
    name: 'Lakeside Recovery',
    licenceStates: 'il, in;wi',
    baaSignedOn: '2026-12-15',
    recallDays: '180',
    remittanceMethod: 'gross',
    sharePercent: '60',
  };

  it('gives the channel its input: states upper-cased and listed, the date, whole numbers', () => {
    const out = agencyForm.parse(typed);
    expect(out).toEqual({
      name: 'Lakeside Recovery',
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      address: '',
      licenceStates: ['IL', 'IN', 'WI'],
      baaSignedOn: '2026-12-15',
      recallDays: 180,
      remittanceMethod: 'gross',
      sharePercent: 60,
    });
    expect(saveAgencyInput.parse(out)).toEqual(out);
  });

  it('a blank agreement date is none (HP-02: nothing is placed until it is signed)', () => {
    expect(agencyForm.parse({ ...typed, baaSignedOn: '' }).baaSignedOn).toBeNull();
  });

  it('refuses what the channel refuses, in its words, and names a state not on the list', () => {
    expect(messages(agencyForm.safeParse({ ...typed, recallDays: '29' }))).toEqual({
      recallDays: 'Recall after at least 30 days without a payment.',
    });
    expect(messages(saveAgencyInput.safeParse({ ...agencyForm.parse(typed), recallDays: 29 }))).toEqual({
      recallDays: 'Recall after at least 30 days without a payment.',
    });
    expect(messages(agencyForm.safeParse({ ...typed, sharePercent: '12.5' }))).toEqual({
      sharePercent: 'Share is a whole percentage.',
    });
    expect(messages(agencyForm.safeParse({ ...typed, licenceStates: 'IL, XX, ZZ' }))).toEqual({
      licenceStates: 'Give two-letter state codes, like IL, IN; not XX, ZZ.',
    });
    expect(messages(agencyForm.safeParse({ ...typed, remittanceMethod: '' }))).toEqual({
      remittanceMethod: 'Choose how the agency remits.',
    });
  });

  it('shows an agency as recorded', () => {
    const back = toAgencyForm({
      id: 3,
      name: 'Lakeside Recovery',
      contactName: 'Dee',
      contactPhone: '',
      contactEmail: '',
      address: '',
      licenceStates: ['IL', 'IN'],
      baaSignedOn: null,
      recallDays: 240,
      remittanceMethod: 'net',
      sharePercent: 40,
      active: true,
      feesToday: { primary: 2500, secondary: null, legal: null },
      placedCount: 0,
      placedCents: 0,
      cannotPlace: 'No business associate agreement.',
    });
    expect(back).toMatchObject({ licenceStates: 'IL, IN', baaSignedOn: '', recallDays: '240', sharePercent: '40' });
    expect(agencyForm.parse(back)).toMatchObject({ licenceStates: ['IL', 'IN'], baaSignedOn: null, recallDays: 240 });
  });
});

describe('the fee form: a percentage typed is basis points', () => {
  const cases: [string, number][] = [
    ['25', 2500],
    ['25.5', 2550],
    ['25.50', 2550],
    ['0', 0],
    ['100', 10_000],
    ['33.33 %', 3333],
  ];
  for (const [typed, bp] of cases)
    it(`${typed} -> ${bp}`, () => {
      const out = feeForm.parse({ kind: 'primary', rate: typed, effectiveFrom: '2027-01-07' });
      expect(out.rate).toBe(bp);
      expect(setFeeInput.parse({ agencyId: 1, ...out, rateBp: out.rate }).rateBp).toBe(bp);
    });

  it('refuses more than 100%, three decimals, a blank kind and a blank date', () => {
    expect(messages(feeForm.safeParse({ kind: 'primary', rate: '100.01', effectiveFrom: '2027-01-07' }))).toEqual({
      rate: 'The fee is at most 100%.',
    });
    expect(messages(feeForm.safeParse({ kind: 'legal', rate: '25.555', effectiveFrom: '2027-01-07' }))).toEqual({
      rate: 'Write the fee as a number such as 45 or 62.50.',
    });
    expect(messages(feeForm.safeParse({ kind: '', rate: '25', effectiveFrom: '' }))).toEqual({
      kind: 'Choose the placement kind.',
      effectiveFrom: 'Enter the date the fee applies from.',
    });
  });
});

describe('the layout form', () => {
  it('a recorded layout comes back as it was (CSV and fixed-width)', () => {
    const csv = defaultLayout('placement');
    expect(layoutForm('placement').parse(toLayoutForm(csv))).toEqual(csv);
    const fixed = {
      format: 'fixed' as const,
      dateFormat: 'YYYYMMDD' as const,
      amounts: 'cents' as const,
      columns: [
        { field: 'account_number', start: 1, width: 12 },
        { field: 'recalled_on', start: 13, width: 8 },
        { field: 'recall_reason', start: 21, width: 20 },
      ],
    };
    const out = layoutForm('recall').parse(toLayoutForm(fixed));
    expect(out).toEqual(fixed);
    expect(setLayoutInput.parse({ agencyId: 1, file: 'recall', layout: out }).layout).toEqual(fixed);
  });

  it('refuses a start that is not whole, overlapping columns, and a required field left out, on their columns', () => {
    const form = toLayoutForm({
      format: 'fixed',
      dateFormat: 'YYYYMMDD',
      amounts: 'cents',
      columns: [
        { field: 'account_number', start: 1, width: 12 },
        { field: 'recalled_on', start: 10, width: 8 },
        { field: 'recall_reason', start: 21, width: 20 },
      ],
    });
    expect(messages(layoutForm('recall').safeParse(form))).toEqual({
      'columns.1.start': 'This column overlaps another (positions 1–12).',
    });
    form.columns[1]!.start = 'x';
    expect(messages(layoutForm('recall').safeParse(form))).toEqual({ 'columns.1.start': 'A start is a whole number.' });
    const csv = toLayoutForm(defaultLayout('placement'));
    csv.columns = csv.columns.filter((c) => c.field !== 'balance');
    expect(messages(layoutForm('placement').safeParse(csv))).toEqual({
      columns: 'The placement file must carry balance placed.',
    });
  });

  it('HP-02: a placement layout may not carry a field outside the minimum necessary', () => {
    const csv = toLayoutForm(defaultLayout('placement'));
    csv.columns.push({ field: 'service_type', heading: 'service_type', start: '', width: '' });
    expect(messages(layoutForm('placement').safeParse(csv))).toEqual({
      [`columns.${csv.columns.length - 1}.field`]:
        'A placement file may not carry “service_type” (HP-02: only the minimum necessary).',
    });
  });
});

describe('the placement forms', () => {
  it('by hand: the agency and the accounts ticked; by share: at most so many accounts', () => {
    const hand = buildForm.parse({
      kind: 'primary',
      method: 'hand',
      agencyId: '4',
      maxAccounts: '',
      accountIds: [7, 9],
    });
    expect(hand).toEqual({ kind: 'primary', method: 'hand', agencyId: 4, accountIds: [7, 9] });
    expect(buildBatchInput.parse(hand)).toEqual(hand);
    expect(
      buildForm.parse({ kind: 'legal', method: 'share', agencyId: '4', maxAccounts: '250', accountIds: [7] }),
    ).toEqual({ kind: 'legal', method: 'share', maxAccounts: 250 });
  });

  it('by hand without an agency or an account is refused as the channel refuses it', () => {
    expect(
      messages(buildForm.safeParse({ kind: 'primary', method: 'hand', agencyId: '', maxAccounts: '', accountIds: [] })),
    ).toEqual({
      agencyId: 'Choose the agency.',
      accountIds: 'Choose at least one account.',
    });
    expect(
      messages(
        buildForm.safeParse({ kind: 'primary', method: 'score', agencyId: '', maxAccounts: '1.5', accountIds: [] }),
      ),
    ).toEqual({
      maxAccounts: 'The most accounts is a whole number.',
    });
  });

  it('a clerk gives a supervisor’s user name and password; a supervisor gives none', () => {
    expect(messages(releaseBatchForm(true).safeParse({ approval: { username: '', password: '' } }))).toEqual({
      'approval.username': 'Enter the supervisor’s user name.',
      'approval.password': 'Enter the supervisor’s password.',
    });
    expect(releaseBatchForm(false).parse({ approval: { username: '', password: '' } })).toEqual({
      approval: undefined,
    });
  });

  it('a recall needs its reason; an ECA request its action (an agency may not ask to defer care)', () => {
    expect(messages(recallForm.safeParse({ reason: '', note: '' }))).toEqual({
      reason: 'Choose why the account comes back.',
    });
    expect(recallForm.parse({ reason: 'dispute', note: ' Says billed twice ' })).toEqual({
      reason: 'dispute',
      note: 'Says billed twice',
    });
    expect(messages(agencyEcaForm.safeParse({ kind: 'defer_care', note: '' }))).toEqual({
      kind: 'Choose the action the agency asks for.',
    });
  });
});

describe('the remittance forms', () => {
  it('keyed lines give the channel its input: dollars as cents, a blank fee absent', () => {
    const out = keyedRemittanceForm.parse({
      agencyId: '2',
      reference: 'LRS-001',
      receivedOn: '2027-01-20',
      lines: [
        { accountNumber: 'A1', paidOn: '2027-01-15', collected: '200.00', fee: '', agencyReference: '' },
        { accountNumber: 'A2', paidOn: '2027-01-16', collected: '-35.10', fee: '-8.95', agencyReference: 'T9' },
      ],
    });
    expect(out).toEqual({
      agencyId: 2,
      reference: 'LRS-001',
      receivedOn: '2027-01-20',
      source: 'keyed',
      lines: [
        { accountNumber: 'A1', paidOn: '2027-01-15', collectedCents: 20_000, agencyReference: '' },
        { accountNumber: 'A2', paidOn: '2027-01-16', collectedCents: -3510, feeCents: -895, agencyReference: 'T9' },
      ],
    });
    expect(remittanceInput.parse(out)).toEqual(out);
  });

  it('refuses a line collecting nothing, an amount not in dollars, and no agency', () => {
    expect(
      messages(
        keyedRemittanceForm.safeParse({
          agencyId: '',
          reference: 'R',
          receivedOn: '2027-01-20',
          lines: [{ accountNumber: 'A1', paidOn: '2027-01-15', collected: '0.00', fee: 'ten', agencyReference: '' }],
        }),
      ),
    ).toEqual({
      agencyId: 'Choose the agency.',
      'lines.0.collected': 'Collected cannot be zero.',
      'lines.0.fee': 'Write the fee in dollars and cents, like 125.00.',
    });
  });

  it('the reconciliation: dollars as cents, the cheque reference required', () => {
    const out = reconcileForm.parse({
      cheque: '1,199.50',
      chequeReference: 'CHK 1',
      invoice: '0',
      invoiceReference: '',
      note: '',
    });
    expect(out).toEqual({ cheque: 119_950, chequeReference: 'CHK 1', invoice: 0, invoiceReference: '', note: '' });
    const { cheque, invoice, ...rest } = out;
    expect(reconcileInput.parse({ remittanceId: 1, chequeCents: cheque, invoiceCents: invoice, ...rest })).toBeTruthy();
    expect(
      messages(
        reconcileForm.safeParse({ cheque: '-1', chequeReference: '', invoice: '', invoiceReference: '', note: '' }),
      ),
    ).toEqual({
      // The channel's own words, naming the field (reconcileInput's nonNegativeCents).
      cheque: 'The cheque or transfer amount cannot be negative.',
      chequeReference: 'Cheque or transfer reference is required.',
      invoice: 'Enter the invoice amount.',
    });
  });

  it('direct payments: the period runs forward', () => {
    expect(messages(directPaymentsForm.safeParse({ agencyId: 1, from: '2027-02-01', to: '2027-01-31' }))).toEqual({
      to: 'The end of the period is on or after its start.',
    });
    expect(directPaymentsForm.parse({ agencyId: 1, from: '2027-01-01', to: '2027-01-31' })).toBeTruthy();
  });
});

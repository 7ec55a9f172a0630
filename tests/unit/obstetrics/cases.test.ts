// Issue 17 (PP-04) with a real encrypted store: the interview for an existing guarantor and for a
// new patient (her record made by hand and found by search), the estimate preview, the refusals
// naming their fields (bad input changes nothing), one live arrangement per guarantor, assistance
// already granted, revisions keeping their history and counting the deposits held, the signature
// on the printed agreement, cancellation, and the lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { casesWorld, COVERAGE, ESTIMATE, footprint, NEW_PATIENT, refusal, TODAY, type CasesWorld } from './casesWorld';

let w: CasesWorld;
beforeEach(async () => {
  w = await casesWorld();
});
afterEach(() => w.t.cleanup());

const count = (table: string) => w.t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('ob:estimate: the interview’s live preview', () => {
  it('shows the estimate with its arithmetic and the schedule, and saves nothing', async () => {
    const before = footprint(w.t);
    const p = await w.t.call('ob:estimate', { guarantorId: w.jane, ...ESTIMATE }, w.clerk);
    expect(p).toMatchObject({
      chargesCents: 1_200_000,
      selfPayDiscountBp: 0,
      assistanceBp: 0,
      daysBefore: 30,
      lastAllowed: '2027-04-15',
      heldCents: 0,
      scheduledCents: 360_000,
      emptyReason: null,
      installments: [
        { seq: 1, dueDate: '2027-01-15', amountCents: 90_000 },
        { seq: 2, dueDate: '2027-02-15', amountCents: 90_000 },
        { seq: 3, dueDate: '2027-03-15', amountCents: 90_000 },
        { seq: 4, dueDate: '2027-04-15', amountCents: 90_000 },
      ],
    });
    expect(p.estimate.shareCents).toBe(360_000);
    expect(p.estimate.steps.map((s) => s.step)).toEqual(['charges', 'deductible', 'coinsurance', 'share']);
    expect(footprint(w.t)).toBe(before);
  });

  it('uses the settings’ price table and self-pay discount', async () => {
    await w.t.call(
      'settings:update',
      {
        obstetrics: {
          daysBeforeDelivery: 45,
          vaginalChargesCents: 1_000_000,
          cesareanChargesCents: 1_500_001,
          selfPayDiscountBp: 2500,
          trueUpAfterDays: 45,
          obContact: '',
        },
      },
      w.admin,
    );
    const p = await w.t.call(
      'ob:estimate',
      {
        ...ESTIMATE,
        deliveryKind: 'cesarean',
        coverage: { ...COVERAGE, kind: 'self_pay', payerName: '' },
        firstDue: '2027-01-31',
      },
      w.clerk,
    );
    // $15,000.01 less 25%: she pays 75% = $11,250.0075 rounded down, $11,250.00.
    expect(p.chargesCents).toBe(1_500_001);
    expect(p.estimate.shareCents).toBe(1_125_000);
    // 45 days before 2027-05-15 is 2027-03-31: Jan 31, Feb 28, Mar 31.
    expect(p.lastAllowed).toBe('2027-03-31');
    expect(p.installments.map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2027-01-31', 375_000],
      ['2027-02-28', 375_000],
      ['2027-03-31', 375_000],
    ]);
  });

  it('a delivery too near for any payment before it: the whole share is settled after delivery', async () => {
    // Expected 2027-01-01: the last allowed date 2026-12-02 has passed.
    const p = await w.t.call('ob:estimate', { ...ESTIMATE, expectedDelivery: '2027-01-01', firstDue: null }, w.clerk);
    expect(p.emptyReason).toBe('too_near');
    expect(p.installments).toEqual([]);
    expect(p.scheduledCents).toBe(360_000);
  });
});

describe('ob:interview for a guarantor the extract brought', () => {
  it('opens the case awaiting her signature with its first version', async () => {
    const c = await w.t.call('ob:interview', { guarantorId: w.jane, ...ESTIMATE, fapScreening: 'will_apply' }, w.clerk);
    expect(c).toMatchObject({
      reference: `OB-${c.id}`,
      guarantorId: w.jane,
      guarantorName: 'Jane Smith',
      status: 'awaiting_signature',
      expectedDelivery: '2027-05-15',
      deliveryKind: 'vaginal',
      estimateCents: 360_000,
      heldCents: 0,
      appliedCents: 0,
      nextDue: { dueDate: '2027-01-15', cents: 90_000 },
      pastDueCents: 0,
      signedOn: null,
      deliveredOn: null,
      createdOn: TODAY,
      language: 'en',
      fapScreening: 'will_apply',
      guarantorOrigin: 'extract',
      deposits: [],
      deliveryAccounts: [],
      statements: [],
      agreementDocumentId: null,
      cancelled: null,
      trueUp: null,
    });
    expect(c.versions).toHaveLength(1);
    expect(c.current).toMatchObject({
      version: 1,
      reason: 'interview',
      note: '',
      coverage: COVERAGE,
      chargesCents: 1_200_000,
      lastAllowed: '2027-04-15',
      firstDue: '2027-01-15',
      heldBeforeCents: 0,
      scheduledCents: 360_000,
      madeOn: TODAY,
      madeBy: 'Test clerk',
    });
    expect(c.progress.items.map((i) => [i.dueDate, i.amountCents, i.state])).toEqual([
      ['2027-01-15', 90_000, 'due'],
      ['2027-02-15', 90_000, 'due'],
      ['2027-03-15', 90_000, 'due'],
      ['2027-04-15', 90_000, 'due'],
    ]);
    expect(c.progress.remainingCents).toBe(360_000);
    // ob:case answers the same.
    expect(await w.t.call('ob:case', { caseId: c.id }, w.clerk)).toEqual(c);
  });

  it('the language asked for is kept on the case', async () => {
    const c = await w.t.call(
      'ob:interview',
      { guarantorId: w.jane, ...ESTIMATE, fapScreening: 'declined', language: 'es' },
      w.clerk,
    );
    expect(c.language).toBe('es');
  });

  it('one live arrangement per guarantor: a second interview is refused, naming OB-n', async () => {
    const first = await w.interviewJane();
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call('ob:interview', { guarantorId: w.jane, ...ESTIMATE, fapScreening: 'declined' }, w.clerk),
    );
    expect(r.message).toBe(`She already has an OB arrangement, OB-${first}.`);
    expect(r.fields?.guarantorId).toContain(`OB-${first}`);
    expect(footprint(w.t)).toBe(before);
    // Once cancelled, a new arrangement may be made.
    await w.t.call('ob:cancel', { caseId: first, on: TODAY, note: 'She chose to pay after delivery.' }, w.clerk);
    const second = await w.interviewJane();
    expect(second).not.toBe(first);
  });

  it('a deceased guarantor is refused', async () => {
    w.t.app.store.db
      .prepare(`UPDATE guarantors SET deceased = 1, date_of_death = '2026-01-01' WHERE id = ?`)
      .run(w.john);
    const r = await refusal(
      w.t.call('ob:interview', { guarantorId: w.john, ...ESTIMATE, fapScreening: 'declined' }, w.clerk),
    );
    expect(r.fields?.guarantorId).toMatch(/deceased/);
    expect(count('ob_cases')).toBe(0);
  });
});

describe('ob:interview for a new patient: Recoup makes her guarantor record', () => {
  it('is made with origin ob_interview, her language, and found by search (name and phone)', async () => {
    const guarantorsBefore = count('guarantors');
    const c = await w.t.call(
      'ob:interview',
      { newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'applied' },
      w.clerk,
    );
    expect(count('guarantors')).toBe(guarantorsBefore + 1);
    expect(c.guarantorOrigin).toBe('ob_interview');
    expect(c.guarantorName).toBe('María José Núñez-García');
    expect(c.language).toBe('es');
    const g = w.t.app.store.db.prepare('SELECT * FROM guarantors WHERE id = ?').get(c.guarantorId) as Record<
      string,
      unknown
    >;
    expect(g).toMatchObject({
      external_id: null,
      mrn: null,
      last_name: 'Núñez-García',
      first_name: 'María',
      middle_name: 'José',
      date_of_birth: '1995-08-21',
      address_line1: '77 Elm St',
      address_line2: 'Apt 2',
      city: 'Portland',
      state: 'ME',
      zip: '04102',
      phone: '2075550177',
      email: 'maria@example.org',
      language: 'Spanish',
      origin: 'ob_interview',
      fap_status: 'unknown',
      balance_cents: 0,
    });
    for (const query of ['nunez maria', 'Núñez', 'garcia', '(207) 555-0177', '1995-08-21']) {
      const found = await w.t.call('search:query', { query }, w.clerk);
      expect(
        found.map((f) => f.guarantorId),
        query,
      ).toContain(c.guarantorId);
    }
    // She has a live arrangement now, like anyone.
    const r = await refusal(
      w.t.call('ob:interview', { guarantorId: c.guarantorId, ...ESTIMATE, fapScreening: 'declined' }, w.clerk),
    );
    expect(r.message).toBe(`She already has an OB arrangement, OB-${c.id}.`);
  });

  it('keeps the guarantor number registration gave (the extract then updates this record) and the MRN', async () => {
    const c = await w.t.call(
      'ob:interview',
      { newPatient: { ...NEW_PATIENT, guarantorNumber: 'G77', mrn: 'M777' }, ...ESTIMATE, fapScreening: 'declined' },
      w.clerk,
    );
    const g = w.t.app.store.db.prepare('SELECT external_id, mrn FROM guarantors WHERE id = ?').get(c.guarantorId);
    expect(g).toEqual({ external_id: 'G77', mrn: 'M777' });
  });

  it('the extract bringing her guarantor number later fills this same record (no second guarantor)', async () => {
    const c = await w.t.call(
      'ob:interview',
      { newPatient: { ...NEW_PATIENT, guarantorNumber: 'G77' }, ...ESTIMATE, fapScreening: 'declined' },
      w.clerk,
    );
    const guarantors = count('guarantors');
    await importSmall(
      w.t,
      [
        COMBINED_HEADER,
        'G77,M777,Núñez-García,María,1995-08-21,77 Elm St,Portland,ME,04102,2075550177,A77,2027-05-14,2027-05-16,obstetric,commercial,,T77,charge,14000.00,2027-05-16,,Delivery',
      ].join('\r\n'),
    );
    expect(count('guarantors')).toBe(guarantors);
    const a = w.t.app.store.db.prepare(`SELECT guarantor_id FROM accounts WHERE account_number = 'A77'`).pluck().get();
    expect(a).toBe(c.guarantorId);
    const g = w.t.app.store.db.prepare('SELECT mrn, origin FROM guarantors WHERE id = ?').get(c.guarantorId);
    expect(g).toEqual({ mrn: 'M777', origin: 'ob_interview' });
  });

  it('refuses a guarantor number another guarantor has, and writes nothing', async () => {
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call(
        'ob:interview',
        { newPatient: { ...NEW_PATIENT, guarantorNumber: 'G1' }, ...ESTIMATE, fapScreening: 'declined' },
        w.clerk,
      ),
    );
    expect(r.fields?.['newPatient.guarantorNumber']).toMatch(/Another guarantor has this number/);
    expect(footprint(w.t)).toBe(before);
  });

  it.each([
    [{ phone: '555-0177' }, 'newPatient.phone', 'A phone number has 10 digits (area code first).'],
    [{ email: 'maria at example' }, 'newPatient.email', /e-mail address/],
    [{ dateOfBirth: TODAY }, 'newPatient.dateOfBirth', 'The date of birth must be before today.'],
    [{ zip: '4102' }, 'newPatient.zip', 'A ZIP code is 5 digits (or ZIP+4).'],
    [{ lastName: '  ' }, 'newPatient.lastName', /Last name/],
  ])('refuses %o, naming %s, and writes nothing', async (change, field, message) => {
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call(
        'ob:interview',
        { newPatient: { ...NEW_PATIENT, ...change }, ...ESTIMATE, fapScreening: 'declined' },
        w.clerk,
      ),
    );
    expect(r.code).toBe('invalid_input');
    if (typeof message === 'string') expect(r.fields?.[field]).toBe(message);
    else expect(r.fields?.[field]).toMatch(message);
    expect(footprint(w.t)).toBe(before);
  });

  it('the estimate is checked before her record is made: a bad first due date writes no guarantor', async () => {
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call(
        'ob:interview',
        { newPatient: NEW_PATIENT, ...ESTIMATE, firstDue: '2027-04-16', fapScreening: 'declined' },
        w.clerk,
      ),
    );
    expect(r.fields?.firstDue).toBe(
      'Every payment must be due by April 15, 2027, 30 days before the expected delivery (PP-04): choose a first due date from December 7, 2026 to April 15, 2027.',
    );
    expect(footprint(w.t)).toBe(before);
  });
});

describe('the interview’s refusals name their field and change nothing', () => {
  const cases: [string, Record<string, unknown>, string, string | RegExp][] = [
    [
      'expected delivery today',
      { expectedDelivery: TODAY },
      'expectedDelivery',
      'The expected delivery date must be after today.',
    ],
    [
      'expected delivery 301 days away',
      { expectedDelivery: '2027-10-04' },
      'expectedDelivery',
      'An expected delivery date is at most 300 days away.',
    ],
    [
      'first due before today',
      { firstDue: '2026-12-06' },
      'firstDue',
      'The first payment cannot be due before today: choose a date from December 7, 2026 to April 15, 2027.',
    ],
    ['no first due date', { firstDue: null }, 'firstDue', 'Choose the first due date.'],
    [
      'allowed above the charges',
      { coverage: { ...COVERAGE, allowedCents: 1_200_001 } },
      'coverage.allowedCents',
      /cannot be more than the expected charges/,
    ],
    [
      'plan year ends before delivery without the yearly deductible',
      { coverage: { ...COVERAGE, planYearEnd: '2026-12-31', annualOopMaxCents: 600_000 } },
      'coverage.annualDeductibleCents',
      /yearly deductible/,
    ],
    [
      'insured without a payer',
      { coverage: { ...COVERAGE, payerName: '' } },
      'coverage.payerName',
      'Name the payer and plan.',
    ],
    ['coinsurance above 100%', { coverage: { ...COVERAGE, coinsuranceBp: 10_001 } }, 'coverage.coinsuranceBp', /100%/],
  ];
  it.each(cases)('%s', async (_, change, field, message) => {
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call(
        'ob:interview',
        { guarantorId: w.jane, ...ESTIMATE, fapScreening: 'declined', ...change } as never,
        w.clerk,
      ),
    );
    expect(r.code).toBe('invalid_input');
    if (typeof message === 'string') expect(r.fields?.[field]).toBe(message);
    else expect(r.fields?.[field]).toMatch(message);
    expect(footprint(w.t)).toBe(before);
  });

  it('300 days away is accepted', async () => {
    const p = await w.t.call('ob:estimate', { ...ESTIMATE, expectedDelivery: '2027-10-03' }, w.clerk);
    expect(p.lastAllowed).toBe('2027-09-03');
  });

  it('the price table not set: refused, naming the delivery kind and Settings → Obstetrics', async () => {
    await w.t.call(
      'settings:update',
      {
        obstetrics: {
          daysBeforeDelivery: 30,
          vaginalChargesCents: 1_200_000,
          cesareanChargesCents: 0,
          selfPayDiscountBp: 0,
          trueUpAfterDays: 45,
          obContact: '',
        },
      },
      w.admin,
    );
    const r = await refusal(w.t.call('ob:estimate', { ...ESTIMATE, deliveryKind: 'cesarean' }, w.clerk));
    expect(r.fields?.deliveryKind).toBe(
      'The price table has no expected charges for a cesarean delivery: a supervisor sets them in Settings → Obstetrics.',
    );
  });

  it('both an existing guarantor and a new patient: refused', async () => {
    const r = await refusal(
      w.t.call(
        'ob:interview',
        { guarantorId: w.jane, newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'declined' },
        w.clerk,
      ),
    );
    expect(r.fields?.guarantorId).toBe('Choose the patient: an existing guarantor or a new patient.');
    expect(count('guarantors')).toBe(2);
  });
});

describe('financial assistance already granted lowers the estimate', () => {
  async function decide(decision: 'approved_full' | 'approved_partial', discount: object) {
    const guarantorId = w.jane;
    await w.t.call('fap:record', { guarantorId, status: 'pending', date: TODAY, note: '' }, w.clerk);
    const preview = await w.t.call('fap:preview', { guarantorId, discount: discount as never }, w.supervisor);
    await w.t.call(
      'fap:decide',
      {
        guarantorId,
        decision,
        decidedOn: TODAY,
        discount: discount as never,
        previewed: preview.accounts.map((a) => ({
          accountId: a.accountId,
          adjustmentCents: a.adjustmentCents,
          refundCents: a.refundCents,
        })),
      },
      w.supervisor,
    );
  }

  it('approved in full: 100%, nothing to pay before delivery', async () => {
    await decide('approved_full', { kind: 'full' });
    const c = await w.t.call('ob:interview', { guarantorId: w.jane, ...ESTIMATE, fapScreening: 'approved' }, w.clerk);
    expect(c.current.estimate.shareCents).toBe(0);
    expect(c.current.emptyReason).toBe('nothing_due');
    expect(c.current.installments).toEqual([]);
    expect(c.nextDue).toBeNull();
    const row = w.t.app.store.db.prepare('SELECT assistance_bp FROM ob_versions WHERE case_id = ?').pluck().get(c.id);
    expect(row).toBe(10_000);
  });

  it('approved in part, 25% off: $3,600.00 less $900.00 = $2,700.00', async () => {
    await decide('approved_partial', { kind: 'percent', percentOffBasisPoints: 2500 });
    const p = await w.t.call('ob:estimate', { guarantorId: w.jane, ...ESTIMATE }, w.clerk);
    expect(p.assistanceBp).toBe(2500);
    expect(p.estimate.shareCents).toBe(270_000);
    expect(p.installments.map((i) => i.amountCents)).toEqual([67_500, 67_500, 67_500, 67_500]);
  });

  it('a new patient has none', async () => {
    const c = await w.t.call(
      'ob:interview',
      { newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'declined' },
      w.clerk,
    );
    expect(c.current.estimate.shareCents).toBe(360_000);
  });
});

describe('revisions: a new version, the old ones kept, the deposits held counted', () => {
  it('the date moved: $1,000.00 held, the schedule collects $2,600.00 from the new first due date', async () => {
    const caseId = await w.interviewJane();
    const v1 = (await w.t.call('ob:case', { caseId }, w.clerk)).current;
    for (const amountCents of [60_000, 40_000])
      await w.t.call('ob:deposit', { caseId, amountCents, receivedOn: TODAY, method: 'cash', reference: '' }, w.clerk);
    const change = {
      caseId,
      reason: 'date_moved' as const,
      ...ESTIMATE,
      expectedDelivery: '2027-06-20',
      firstDue: '2027-02-10',
    };
    const before = footprint(w.t);
    const p = await w.t.call('ob:revisePreview', change, w.clerk);
    expect(footprint(w.t)).toBe(before);
    expect(p).toMatchObject({ heldCents: 100_000, scheduledCents: 260_000, lastAllowed: '2027-05-21' });
    const c = await w.t.call('ob:revise', { ...change, note: 'Her OB moved the date (call of Dec 7).' }, w.clerk);
    expect(c.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'date_moved'],
      [1, 'interview'],
    ]);
    // The first version is exactly as it was.
    expect(c.versions[1]).toEqual(v1);
    expect(c.current).toMatchObject({
      expectedDelivery: '2027-06-20',
      note: 'Her OB moved the date (call of Dec 7).',
      heldBeforeCents: 100_000,
      scheduledCents: 260_000,
      installments: [
        { seq: 1, dueDate: '2027-02-10', amountCents: 65_000 },
        { seq: 2, dueDate: '2027-03-10', amountCents: 65_000 },
        { seq: 3, dueDate: '2027-04-10', amountCents: 65_000 },
        { seq: 4, dueDate: '2027-05-10', amountCents: 65_000 },
      ],
    });
    expect(c.expectedDelivery).toBe('2027-06-20');
    expect(p.installments).toEqual(c.current.installments);
    // The deposits made before this version are in its held before; the next ones count against it.
    expect(c.progress.paidCents).toBe(0);
    expect(c.heldCents).toBe(100_000);
    const after = await w.t.call(
      'ob:deposit',
      { caseId, amountCents: 70_000, receivedOn: TODAY, method: 'check', reference: '1042' },
      w.clerk,
    );
    expect(after.progress.paidCents).toBe(70_000);
    expect(after.progress.items.map((i) => i.state)).toEqual(['paid', 'part_paid', 'due', 'due']);
    expect(after.nextDue).toEqual({ dueDate: '2027-03-10', cents: 60_000 });
  });

  it('the estimate revised to less than is held: nothing left to schedule', async () => {
    const caseId = await w.interviewJane();
    await w.t.call(
      'ob:deposit',
      { caseId, amountCents: 300_000, receivedOn: TODAY, method: 'card', reference: '' },
      w.clerk,
    );
    const c = await w.t.call(
      'ob:revise',
      {
        caseId,
        reason: 'estimate_revised',
        ...ESTIMATE,
        coverage: { ...COVERAGE, oopRemainingCents: 250_000 },
        firstDue: null,
        note: 'The payer says $2,500.00 is left of her maximum.',
      },
      w.clerk,
    );
    expect(c.current).toMatchObject({ scheduledCents: 0, emptyReason: 'nothing_due', installments: [] });
    expect(c.estimateCents).toBe(250_000);
    expect(c.nextDue).toBeNull();
  });

  it('a note is required; a cancelled case cannot be revised', async () => {
    const caseId = await w.interviewJane();
    const noNote = await refusal(
      w.t.call('ob:revise', { caseId, reason: 'date_moved', ...ESTIMATE, note: '' }, w.clerk),
    );
    expect(noNote.fields?.note).toBeDefined();
    await w.t.call('ob:cancel', { caseId, on: TODAY, note: 'Moved away.' }, w.clerk);
    const before = footprint(w.t);
    const r = await refusal(
      w.t.call('ob:revise', { caseId, reason: 'date_moved', ...ESTIMATE, note: 'New date.' }, w.clerk),
    );
    expect(r.message).toBe(`OB-${caseId} is cancelled: its schedule cannot change.`);
    expect(footprint(w.t)).toBe(before);
  });
});

describe('ob:recordSignature: only on the printed agreement', () => {
  it('refused until the agreement was printed, then between the interview and today', async () => {
    const caseId = await w.interviewJane();
    const r = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk));
    expect(r.message).toBe('Print the agreement first: she signs the printed form.');
    w.printAgreement(caseId);
    const future = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: '2026-12-08' }, w.clerk));
    expect(future.fields?.signedOn).toBe('The signature date cannot be after today.');
    const early = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: '2026-12-06' }, w.clerk));
    expect(early.fields?.signedOn).toBe(`The signature date cannot be before the interview on ${TODAY}.`);
    const c = await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    expect(c).toMatchObject({ status: 'active', signedOn: TODAY });
    expect(c.agreementDocumentId).not.toBeNull();
    const again = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk));
    expect(again.message).toBe(`OB-${caseId} is not awaiting a signature.`);
  });

  it('signed days after the interview', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    w.t.clock.setToday('2026-12-20');
    const c = await w.t.call('ob:recordSignature', { caseId, signedOn: '2026-12-15' }, w.clerk);
    expect(c.signedOn).toBe('2026-12-15');
  });
});

describe('ob:cancel', () => {
  it('ends a live arrangement: nothing next due or past due any more', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    const future = await refusal(w.t.call('ob:cancel', { caseId, on: '2026-12-08', note: 'x' }, w.clerk));
    expect(future.fields?.on).toBe('The cancellation date cannot be after today.');
    const c = await w.t.call('ob:cancel', { caseId, on: TODAY, note: 'She moved out of state.' }, w.clerk);
    expect(c).toMatchObject({
      status: 'cancelled',
      cancelled: { on: TODAY, note: 'She moved out of state.' },
      nextDue: null,
      pastDueCents: 0,
    });
    const again = await refusal(w.t.call('ob:cancel', { caseId, on: TODAY, note: 'again' }, w.clerk));
    expect(again.message).toBe(`OB-${caseId} is cancelled already: it cannot be cancelled.`);
  });
});

describe('the lists', () => {
  it('ob:cases (open: newest expected delivery first; all; by status) and ob:guarantor', async () => {
    const jane = await w.interviewJane();
    const maria = (
      await w.t.call(
        'ob:interview',
        {
          newPatient: NEW_PATIENT,
          ...ESTIMATE,
          expectedDelivery: '2027-07-01',
          firstDue: '2027-01-01',
          fapScreening: 'declined',
        },
        w.clerk,
      )
    ).id;
    const john = (
      await w.t.call(
        'ob:interview',
        {
          guarantorId: w.john,
          ...ESTIMATE,
          expectedDelivery: '2027-03-01',
          firstDue: '2027-01-01',
          fapScreening: 'declined',
        },
        w.clerk,
      )
    ).id;
    await w.t.call('ob:cancel', { caseId: john, on: TODAY, note: 'Entered for the wrong person.' }, w.clerk);
    const open = await w.t.call('ob:cases', { status: 'open' }, w.clerk);
    expect(open.map((c) => [c.id, c.expectedDelivery])).toEqual([
      [maria, '2027-07-01'],
      [jane, '2027-05-15'],
    ]);
    expect((await w.t.call('ob:cases', { status: 'all' }, w.clerk)).map((c) => c.id)).toEqual([maria, jane, john]);
    expect((await w.t.call('ob:cases', { status: 'cancelled' }, w.clerk)).map((c) => c.id)).toEqual([john]);
    const janes = await w.t.call('ob:guarantor', { guarantorId: w.jane }, w.clerk);
    expect(janes).toHaveLength(1);
    expect(janes[0]).toMatchObject({ id: jane, reference: `OB-${jane}`, estimateCents: 360_000, createdOn: TODAY });
    expect(await w.t.call('ob:guarantor', { guarantorId: w.john }, w.clerk)).toMatchObject([
      { id: john, status: 'cancelled' },
    ]);
  });

  it('a closed schedule stands as it was the day it closed: nothing past due after delivery', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    // An early delivery on 2027-02-01 (DELIVERY records it with caseRows.markDelivered).
    w.t.app.store.db
      .prepare(`UPDATE ob_cases SET status = 'delivered', delivered_on = '2027-02-01' WHERE id = ?`)
      .run(caseId);
    w.t.clock.setToday('2027-04-20');
    const c = await w.t.call('ob:case', { caseId }, w.clerk);
    // As of Feb 1: Jan 15 had passed unpaid; the rest were not yet due and no longer are.
    expect(c.progress.items.map((i) => i.state)).toEqual(['past_due', 'due', 'due', 'due']);
    expect(c.nextDue).toBeNull();
    expect(c.pastDueCents).toBe(0);
    expect((await w.t.call('ob:cases', { status: 'open' }, w.clerk)).map((s) => s.status)).toEqual(['delivered']);
  });

  it('past due shows once an installment’s date has passed (under a signed schedule)', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    await w.t.call(
      'ob:deposit',
      { caseId, amountCents: 50_000, receivedOn: TODAY, method: 'cash', reference: '' },
      w.clerk,
    );
    w.t.clock.setToday('2027-01-16');
    const [s] = await w.t.call('ob:guarantor', { guarantorId: w.jane }, w.clerk);
    expect(s).toMatchObject({
      nextDue: { dueDate: '2027-01-15', cents: 40_000 },
      pastDueCents: 40_000,
      heldCents: 50_000,
    });
  });
});

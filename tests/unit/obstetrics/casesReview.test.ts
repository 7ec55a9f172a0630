// The review's findings on the cases (issue 17), each a case computed by hand on the standard
// interview (casesWorld: $3,600.00, Jan 15 – Apr 15 at $900.00, last allowed 2027-04-15):
// - she signs the printed agreement of the schedule as it stands (a revision asks for a new
//   signature; PP-02: a schedule protects her only in writing);
// - a deposit counted in a revised schedule and then reversed is asked for again (a new version);
// - a moved date keeps the prices the estimate was made with;
// - a new patient already known (the same birth date and names) is never entered twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casesWorld, ESTIMATE, NEW_PATIENT, OB_SETTINGS, refusal, TODAY, type CasesWorld } from './casesWorld';

let w: CasesWorld;
beforeEach(async () => {
  w = await casesWorld();
});
afterEach(() => w.t.cleanup());

const deposit = (caseId: number, amountCents: number) =>
  w.t.call('ob:deposit', { caseId, amountCents, receivedOn: TODAY, method: 'cash', reference: '' }, w.clerk);

describe('the signature is of the printed schedule as it stands', () => {
  it('printed v1, revised to v2: the signature waits for v2’s print', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    await w.t.call(
      'ob:revise',
      { caseId, reason: 'date_moved', ...ESTIMATE, expectedDelivery: '2027-06-15', note: 'Moved at the 20-week visit' },
      w.clerk,
    );
    const r = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk));
    expect(r.message).toBe(
      'Print the agreement of version 2 first: she signs the printed form of the schedule as it stands.',
    );
    w.printAgreement(caseId);
    const signed = await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    expect(signed.status).toBe('active');
  });

  it('an active case revised stays active; the revised schedule is signed again on its own print', async () => {
    const caseId = await w.interviewJane();
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    const again = await refusal(w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk));
    expect(again.message).toBe(`OB-${caseId} is not awaiting a signature.`);
    await w.t.call(
      'ob:revise',
      { caseId, reason: 'date_moved', ...ESTIMATE, expectedDelivery: '2027-06-15', note: 'Moved' },
      w.clerk,
    );
    expect((await w.t.call('ob:case', { caseId }, w.clerk)).status).toBe('active');
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    const row = w.t.app.store.db
      .prepare(
        'SELECT signed_version_id = (SELECT max(id) FROM ob_versions WHERE case_id = ?) FROM ob_cases WHERE id = ?',
      )
      .pluck()
      .get(caseId, caseId);
    expect(row).toBe(1);
  });

  it('the agreement is not printed for signing while its payments are already late', async () => {
    const caseId = await w.interviewJane();
    w.t.clock.setToday('2027-01-20'); // Jan 15's $900.00 is late
    const r = await refusal(w.t.call('ob:agreement', { caseId }, w.clerk));
    expect(r.message).toBe(
      `OB-${caseId}'s schedule has payments due before today: revise it (a new first due date) before she signs.`,
    );
  });
});

describe('a deposit counted in a revised schedule, then reversed', () => {
  it('$300.00 held, revised ($3,300.00 scheduled), the $300.00 reversed: a new version schedules $3,600.00 again', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 30_000);
    await w.t.call(
      'ob:revise',
      { caseId, reason: 'date_moved', ...ESTIMATE, expectedDelivery: '2027-06-15', note: 'Moved' },
      w.clerk,
    );
    const v2 = (await w.t.call('ob:case', { caseId }, w.clerk)).current;
    expect([v2.version, v2.heldBeforeCents, v2.scheduledCents]).toEqual([2, 30_000, 330_000]);
    const depositId = w.t.app.store.db
      .prepare('SELECT id FROM ob_deposits WHERE case_id = ?')
      .pluck()
      .get(caseId) as number;
    const d = await w.t.call('ob:reverseDeposit', { depositId, note: 'Keyed on the wrong patient' }, w.supervisor);
    expect(d.current).toMatchObject({
      version: 3,
      reason: 'estimate_revised',
      heldBeforeCents: 0,
      scheduledCents: 360_000,
    });
    expect(d.current.note).toMatch(/reversed \(Keyed on the wrong patient\): the schedule asks for it again\.$/);
    // From the next payment still to come (v2's first, 2027-01-15): the last allowed is 2027-05-16.
    expect(d.current.installments.reduce((s, i) => s + i.amountCents, 0)).toBe(360_000);
    expect(d.current.installments[0]!.dueDate).toBe('2027-01-15');
    expect(d.progress.remainingCents).toBe(360_000);
  });

  it('a deposit received after the schedule was made is reversed without a new version', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 30_000);
    const depositId = w.t.app.store.db
      .prepare('SELECT id FROM ob_deposits WHERE case_id = ?')
      .pluck()
      .get(caseId) as number;
    const d = await w.t.call('ob:reverseDeposit', { depositId, note: 'Bounced' }, w.supervisor);
    expect(d.current.version).toBe(1);
    expect(d.progress.remainingCents).toBe(360_000);
  });
});

describe('a moved date keeps its prices', () => {
  it('the price table raised to $13,000.00 after the interview: "date moved" keeps $12,000.00, "estimate revised" takes the new', async () => {
    const caseId = await w.interviewJane();
    await w.t.call('settings:update', { obstetrics: { ...OB_SETTINGS, vaginalChargesCents: 1_300_000 } }, w.admin);
    const change = { caseId, ...ESTIMATE, expectedDelivery: '2027-06-15' };
    const moved = await w.t.call('ob:revisePreview', { ...change, reason: 'date_moved' }, w.clerk);
    expect([moved.chargesCents, moved.estimate.shareCents]).toEqual([1_200_000, 360_000]);
    // $1,500.00 + 20% of $11,500.00 ($2,300.00) = $3,800.00.
    const revised = await w.t.call('ob:revisePreview', { ...change, reason: 'estimate_revised' }, w.clerk);
    expect([revised.chargesCents, revised.estimate.shareCents]).toEqual([1_300_000, 380_000]);
  });
});

describe('a new patient already known', () => {
  it('Jane Smith born 1980-02-14 typed as new (accents and case aside) is refused, nothing written', async () => {
    const r = await refusal(
      w.t.call(
        'ob:interview',
        {
          newPatient: { ...NEW_PATIENT, lastName: 'SMITH', firstName: 'Jané', dateOfBirth: '1980-02-14' },
          ...ESTIMATE,
          fapScreening: 'declined',
        },
        w.clerk,
      ),
    );
    expect(r.message).toBe(
      'Jané SMITH, born 1980-02-14, is known already (guarantor G1): find her and choose her instead of entering a new patient.',
    );
    expect(r.fields?.['newPatient.lastName']).toBeDefined();
    expect(w.t.app.store.db.prepare('SELECT count(*) FROM ob_cases').pluck().get()).toBe(0);
  });
});

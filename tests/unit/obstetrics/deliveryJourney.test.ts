// Issue 17 from the interview to the true-up through the channels (CASES's services, then
// DELIVERY's): a patient registration does not know yet is interviewed (Recoup makes her record),
// signs, pays three deposits; the extract later brings its own record of her with the delivery
// account; the clerk confirms it (the case moves to the extract's record, the deposits become
// payments); the payer's remittance is posted; the true-up bills the rest into the ordinary cycle.
// The standard interview (casesWorld.ts): $3,600.00, $900.00 due 2027-01-15, 02-15, 03-15, 04-15.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { changeLedger } from '../../../src/main/capabilities/ledger';
import { obstetricsQueueSource } from '../../../src/main/capabilities/obstetrics/queueSource';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { casesWorld, ESTIMATE, NEW_PATIENT, refusal, type CasesWorld } from './casesWorld';

let w: CasesWorld;
beforeEach(async () => {
  w = await casesWorld();
});
afterEach(() => w.t.cleanup());

// The extract's own record of her (guarantor G77, the name as registration typed it, no accents),
// with the delivery account: obstetric, 2027-05-13..15, $12,000.00.
const EXTRACT = [
  COMBINED_HEADER,
  'G77,M777,Nunez-Garcia,Maria,1995-08-21,77 Elm St,Portland,ME,04102,2075550177,OB900,2027-05-13,2027-05-15,obstetric,commercial,,T900,charge,12000.00,2027-05-15,,Delivery',
].join('\r\n');

it('goes from the interview of a new patient to the true-up, to the cent', async () => {
  const { t, clerk } = w;
  const db = t.app.store.db;
  const made = await t.call(
    'ob:interview',
    { newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'will_apply' },
    clerk,
  );
  const caseId = made.id;
  expect(made.guarantorOrigin).toBe('ob_interview');
  w.printAgreement(caseId);
  await t.call('ob:recordSignature', { caseId, signedOn: '2026-12-07' }, clerk);
  for (const [on, cents] of [
    ['2027-01-15', 90_000],
    ['2027-02-14', 90_000],
    ['2027-03-20', 50_000],
  ] as const) {
    t.clock.setToday(on);
    await t.call('ob:deposit', { caseId, amountCents: cents, receivedOn: on, method: 'card', reference: '' }, clerk);
  }
  // She delivered; the extract brings registration's record of her.
  t.clock.setToday('2027-05-20');
  await importSmall(t, EXTRACT);
  const extractRecord = db.prepare("SELECT id FROM guarantors WHERE external_id = 'G77'").pluck().get() as number;
  const account = db.prepare("SELECT id FROM accounts WHERE account_number = 'OB900'").pluck().get() as number;
  const queue = () => obstetricsQueueSource.items(db, t.clock.today(), () => true).map((i) => i.key);
  expect(queue()).toContain(`obstetrics:link:${caseId}`);
  const candidates = await t.call('ob:deliveryCandidates', { caseId }, clerk);
  expect(candidates).toMatchObject([
    { accountId: account, accountNumber: 'OB900', guarantorId: extractRecord, sameGuarantor: false, takenByCase: null },
  ]);
  expect(candidates[0]!.why).toMatch(/^Another record of the same patient .* the same first and last names;/);

  const linked = await t.call('ob:linkDelivery', { caseId, accountIds: [account] }, clerk);
  expect(linked).toMatchObject({
    guarantorId: extractRecord,
    status: 'delivered',
    deliveredOn: '2027-05-13',
    heldCents: 0,
    appliedCents: 230_000,
  });
  expect(linked.deliveryAccounts).toMatchObject([{ accountNumber: 'OB900', balanceCents: 970_000, held: true }]);
  expect(linked.deposits.every((d) => d.status === 'applied' && d.appliedOn === '2027-05-20')).toBe(true);
  expect(queue()).not.toContain(`obstetrics:link:${caseId}`);
  // A payment now goes on the account, not on the case.
  const r = await refusal(
    t.call('ob:deposit', { caseId, amountCents: 100, receivedOn: '2027-05-20', method: 'cash', reference: '' }, clerk),
  );
  expect(r.message).toMatch(/linked/);

  // The payer allowed $10,000.00 and paid $6,400.00: her share is $3,600.00, of which $2,300.00 paid.
  // As the ERA import posts them (one ledger change each).
  const post = (type: 'insurance_payment' | 'contractual_adjustment', cents: number) =>
    changeLedger(t.app, null, (l) =>
      l.post({ accountId: account, type, amountCents: -cents, effectiveDate: '2027-05-20', memo: 'Acme PPO' }),
    );
  post('contractual_adjustment', 200_000);
  post('insurance_payment', 640_000);
  const preview = await t.call('ob:trueUpPreview', { caseId, realShareCents: 360_000 }, clerk);
  expect(preview).toMatchObject({
    estimateCents: 360_000,
    paidCents: 230_000,
    depositsAppliedCents: 230_000,
    balanceCents: 130_000,
    expectedBalanceCents: 130_000,
    problem: null,
    outcome: { outcome: 'bill', cents: 130_000 },
  });
  const closed = await t.call('ob:trueUp', { caseId, realShareCents: 360_000, source: 'Acme PPO EOB' }, clerk);
  expect(closed.status).toBe('closed');
  expect(closed.deliveryAccounts).toMatchObject([{ balanceCents: 130_000, held: false }]);
  expect(queue()).toEqual([]);
});

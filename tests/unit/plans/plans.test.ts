// Payment plans end to end through the channels, moving the business date day by day.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { LedgerChangeWriter } from '../../../src/main/capabilities/ledger';
import { refreshAfterLedgerChange } from '../../../src/main/capabilities/plans/lapseEngine';

let t: TestApp;
afterEach(() => t?.cleanup());

// Jane: A1 $500.00 and A2 $300.00 (2025), FAP status unknown.
async function ready(today = '2026-11-26') {
  t = testApp({ today });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  return { admin, clerk, ...ids };
}

const monthly = (guarantorId: number, accountIds: number[], extra: object = {}) => ({
  guarantorId,
  accountIds,
  fapAnswer: 'declined' as const,
  downPaymentCents: 0,
  frequency: 'monthly' as const,
  firstDueDate: '2026-12-15',
  installmentCount: 4,
  ...extra,
});

async function pay(session: string, guarantorId: number, cents: number, date: string) {
  return t.call(
    'payments:post',
    { guarantorId, method: 'cash', reference: '', amountCents: cents, effectiveDate: date, allocations: [] },
    session,
  );
}

function moveTo(date: string) {
  t.clock.setToday(date);
}

describe('setting up a plan', () => {
  it('within the tier: the schedule adds up to the balance and the plan starts current', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', monthly(jane, [a1, a2], { downPaymentCents: 8_000 }), clerk);
    expect(plan).toMatchObject({
      status: 'current',
      balanceCents: 80_000,
      downPaymentCents: 8_000,
      installmentCount: 4,
      withinTier: true,
      fapAnswer: 'declined',
      policyEffectiveFrom: '1900-01-01',
    });
    expect(plan.progress.installments.map((i) => [i.number, i.dueDate, i.amountCents])).toEqual([
      [0, '2026-11-26', 8_000],
      [1, '2026-12-15', 18_000],
      [2, '2027-01-15', 18_000],
      [3, '2027-02-15', 18_000],
      [4, '2027-03-15', 18_000],
    ]);
    expect(plan.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('asks that financial assistance be offered first when the status is unknown and the balance is large', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    expect(await t.raw('plans:create', monthly(jane, [a1, a2], { fapAnswer: 'not_asked' }), clerk)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { fapAnswer: expect.any(String) } },
    });
    // $300 is under the $500 threshold.
    expect(
      (await t.raw('plans:create', monthly(jane, [a2], { fapAnswer: 'not_asked', installmentCount: 3 }), clerk)).ok,
    ).toBe(true);
  });

  it('outside the tier it needs a supervisor, who gives the reason; the approval is recorded', async () => {
    const { admin, clerk, jane, a1, a2 } = await ready();
    await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    const long = monthly(jane, [a1, a2], { installmentCount: 30 }); // $800 over 30 months: the tier allows 24 and $50 a month
    expect(await t.raw('plans:create', long, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('It runs 30 months') },
    });
    expect(
      await t.raw(
        'plans:create',
        { ...long, approval: { username: 'sam', password: 'wrong', reason: 'hardship' } },
        clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    const plan = await t.call(
      'plans:create',
      { ...long, approval: { username: 'sam', password: 'password-for-sam', reason: 'Hardship: lost job' } },
      clerk,
    );
    expect(plan).toMatchObject({
      withinTier: false,
      approvedBy: 'Test supervisor',
      approvalReason: 'Hardship: lost job',
    });
  });

  it('refuses accounts already on a plan, or not the guarantor’s', async () => {
    const { clerk, jane, a1, a3 } = await ready();
    await t.call('plans:create', monthly(jane, [a1], { installmentCount: 5 }), clerk);
    expect(await t.raw('plans:create', monthly(jane, [a1]), clerk)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await t.raw('plans:create', monthly(jane, [a3]), clerk)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('prints the agreement with the terms, the full schedule, what a missed payment does, and the FAP notice', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', monthly(jane, [a1, a2], { downPaymentCents: 8_000 }), clerk);
    const pdf = await t.call('plans:agreement', { planId: plan.id }, clerk);
    const text = (await pdfPages(await t.file(pdf))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Payment plan agreement');
    expect(text).toContain('A down payment of $80.00 is due today. Then 4 monthly payments of $180.00');
    expect(text).toMatch(/within 10 days of its due date/);
    expect(text).toMatch(/20 days from that letter/);
    expect(text).toContain('Financial assistance');
    expect(text).toMatch(/Payment 4\s+03\/15\/2027\s+\$180\.00/);
    expect(text).toContain('Responsible party');
    const signed = await t.call('plans:signed', { planId: plan.id, signedOn: '2026-11-26' }, clerk);
    expect(signed.agreementSignedOn).toBe('2026-11-26');
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.documents.map((d) => d.title)).toContain(`Payment plan agreement #${plan.id}`);
  });
});

describe('the lapse engine, day by day (PP-02: 10 grace days, 20 to cure, 2 missed default)', () => {
  it('lapses, queues one letter, is cured by a payment, lapses again, and defaults', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk); // 4 x $200 from Dec 15
    const status = async () => (await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status;

    moveTo('2026-12-25'); // last day of grace
    await t.call('plans:runDaily', {}, clerk);
    expect(await status()).toBe('current');

    moveTo('2026-12-26');
    // The day's first call runs the day's lapse check (the scheduler): the plan lapses at once.
    expect(await status()).toBe('lapsed');
    const again = await t.call('plans:runDaily', {}, clerk); // checked again the same day: nothing more
    expect(again).toMatchObject({ firstRunToday: false, lapsed: 0, lettersQueued: 0, defaulted: 0, cured: 0 });

    const queue = await t.call('queue:list', { assignee: 'me' }, clerk);
    expect(queue.items.map((i) => i.kind)).toEqual(['lapsed_plan']);
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(1);
    const letters = await t.call('letters:lapseBatch', {}, clerk);
    expect(letters.count).toBe(1);
    const text = (await pdfPages(await t.file(letters))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Your payment plan needs attention');
    expect(text).toContain('please pay $200.00 by January 15, 2027');
    expect(await t.raw('letters:lapseBatch', {}, clerk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const [batch] = await t.call('letters:batches', {}, clerk);
    expect(batch!.title).toBe('Lapse letters of 12/26/2026: 1 letter');
    expect(await t.file(await t.call('documents:get', { documentId: batch!.documentId }, clerk))).toEqual(
      await t.file(letters),
    );

    moveTo('2027-01-05');
    await pay(clerk, jane, 20_000, '2027-01-05');
    await t.call('plans:runDaily', {}, clerk);
    expect(await status()).toBe('current');

    moveTo('2027-01-26'); // January's payment unpaid past grace
    await t.call('plans:runDaily', {}, clerk);
    expect(await status()).toBe('lapsed');
    moveTo('2027-02-15');
    await t.call('plans:runDaily', {}, clerk);
    expect(await status()).toBe('lapsed'); // cure deadline Feb 15
    moveTo('2027-02-16');
    expect(await status()).toBe('defaulted');
    const [view] = await t.call('plans:list', { guarantorId: jane }, clerk);
    expect(view!.events.map((e) => [e.onDate, e.kind])).toEqual([
      ['2026-11-26', 'created'],
      ['2026-12-26', 'lapsed'],
      ['2027-01-05', 'current'],
      ['2027-01-26', 'lapsed'],
      ['2027-02-16', 'defaulted'],
    ]);
    expect(view!.events.at(-1)!.reason).toMatch(/after the cure deadline 02\/15\/2027/);
    expect(view).toMatchObject({ lapsedOn: '2027-01-26', cureDeadline: '2027-02-15' });
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.accounts[0]!.nextStep).toMatch(
      /^Payment plan #\d+ defaulted on February 16, 2027; the account is back in the collection cycle\. Next: statements continue/,
    );
    const q = await t.call('queue:list', { assignee: 'all' }, clerk);
    expect(q.items.map((i) => i.kind)).toContain('defaulted_plan');
  });

  it('a payment that brings a lapsed plan current does so at once, and its reversal lapses it again', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    const status = async () => (await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status;
    expect(await status()).toBe('lapsed');
    const p = await pay(clerk, jane, 20_000, '2026-12-26');
    expect(await status()).toBe('current');
    await t.call(
      'payments:reverse',
      { paymentId: p.paymentId, reason: 'card charged back', effectiveDate: '2026-12-26' },
      clerk,
    );
    expect(await status()).toBe('lapsed');
  });

  it('a reversed payment does not count', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-15');
    const p = await pay(clerk, jane, 20_000, '2026-12-15');
    moveTo('2026-12-20');
    expect(
      await t.raw(
        'payments:reverse',
        { paymentId: p.paymentId, reason: 'check bounced', effectiveDate: '2026-12-21' },
        clerk,
      ),
    ).toMatchObject({ ok: false, error: { fields: { effectiveDate: expect.any(String) } } });
    await t.call(
      'payments:reverse',
      { paymentId: p.paymentId, reason: 'check bounced', effectiveDate: '2026-12-20' },
      clerk,
    );
    moveTo('2026-12-26');
    const status = async () => (await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status;
    expect(await status()).toBe('lapsed');
  });

  it('is paid in full', async () => {
    const { clerk, jane, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a2], { installmentCount: 3 }), clerk);
    moveTo('2026-12-10');
    await pay(clerk, jane, 80_000, '2026-12-10'); // oldest first: A1 then A2 — A2 gets $300
    const [plan] = await t.call('plans:list', { guarantorId: jane }, clerk);
    expect(plan).toMatchObject({ status: 'completed', statusSince: '2026-12-10' });
    expect(plan!.events.at(-1)).toMatchObject({ kind: 'completed', reason: 'Paid in full.' });
  });
});

describe('re-scheduling, re-aging and cancelling keep the history', () => {
  it('adding a new balance makes a new schedule; the old plan is kept as replaced', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const old = await t.call('plans:create', monthly(jane, [a1], { installmentCount: 5 }), clerk);
    const next = await t.call(
      'plans:reschedule',
      {
        planId: old.id,
        addAccountIds: [a2],
        reason: 'new balance added',
        reage: false,
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-12-20',
        installmentCount: 8,
      },
      clerk,
    );
    expect(next).toMatchObject({
      status: 'current',
      balanceCents: 80_000,
      replacesPlanId: old.id,
      accountIds: [a1, a2],
    });
    const all = await t.call('plans:list', { guarantorId: jane }, clerk);
    expect(all.find((p) => p.id === old.id)).toMatchObject({ status: 'replaced' });
    expect(all.find((p) => p.id === old.id)!.events.at(-1)!.reason).toContain(`new plan #${next.id}`);
  });

  it('PP-03: re-aging needs the debt open 9 months and the last 3 payments made', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', monthly(jane, [a1, a2], { installmentCount: 8 }), clerk);
    moveTo('2027-01-26');
    await t.call('plans:runDaily', {}, clerk);
    const terms = {
      addAccountIds: [],
      reason: 'back on track',
      reage: true,
      downPaymentCents: 0,
      frequency: 'monthly' as const,
      firstDueDate: '2027-02-15',
      installmentCount: 6,
    };
    expect(await t.raw('plans:reschedule', { planId: plan.id, ...terms }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('3 payments of $100.00') },
    });
    expect(await t.raw('plans:reschedule', { planId: plan.id, ...terms, reage: false }, clerk)).toMatchObject({
      ok: true,
    });
  });

  it('cancelling keeps the plan and says why', async () => {
    const { clerk, jane, a1 } = await ready();
    const plan = await t.call('plans:create', monthly(jane, [a1], { installmentCount: 5 }), clerk);
    const cancelled = await t.call('plans:cancel', { planId: plan.id, reason: 'insurance paid the balance' }, clerk);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.events.at(-1)).toMatchObject({ kind: 'cancelled', reason: 'insurance paid the balance' });
  });
});

describe('plan policy, effective-dated', () => {
  it('applies to new plans from its date; plans made before keep theirs', async () => {
    const { admin, clerk, jane, john, a1, a3 } = await ready();
    await t.call('plans:create', monthly(jane, [a1], { installmentCount: 5 }), clerk);
    const { current } = await t.call('planPolicy:get', {}, clerk);
    expect(await t.raw('planPolicy:set', { effectiveFrom: '2026-11-25', policy: current.policy }, admin)).toMatchObject(
      { ok: false, error: { fields: { effectiveFrom: expect.any(String) } } },
    );
    await t.call('planPolicy:set', { effectiveFrom: '2026-12-01', policy: { ...current.policy, graceDays: 3 } }, admin);
    moveTo('2026-12-01');
    const after = await t.call(
      'plans:create',
      { ...monthly(john, [a3]), fapAnswer: 'will_apply', installmentCount: 12 },
      clerk,
    );
    expect(after.policyEffectiveFrom).toBe('2026-12-01');
    expect((await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.policyEffectiveFrom).toBe('1900-01-01');
  });
});

describe('promises to pay', () => {
  it('are kept by payments and broken when the day passes, and a broken one goes to the queue', async () => {
    const { clerk, jane, john } = await ready();
    await t.call('promises:add', { guarantorId: jane, amountCents: 5_000, dueDate: '2026-11-30' }, clerk);
    await t.call('promises:add', { guarantorId: john, amountCents: 10_000, dueDate: '2026-11-30' }, clerk);
    moveTo('2026-11-29');
    await pay(clerk, jane, 5_000, '2026-11-29'); // kept at once, when the payment is posted
    expect(await t.call('plans:runDaily', {}, clerk)).toMatchObject({ promisesKept: 0, promisesBroken: 0 });
    moveTo('2026-12-01'); // the day's check (run by the first call) breaks John's promise
    expect((await t.call('promises:list', { guarantorId: john }, clerk))[0]).toMatchObject({
      status: 'broken',
      resolvedOn: '2026-12-01',
    });
    expect((await t.call('promises:list', { guarantorId: jane }, clerk))[0]).toMatchObject({
      status: 'kept',
      paidCents: 5_000,
    });
    const q = await t.call('queue:list', { assignee: 'me' }, clerk);
    expect(q.items).toMatchObject([
      { kind: 'broken_promise', guarantorName: "John O'Brien-Núñez", amountCents: 10_000 },
    ]);
    await t.call(
      'queue:worked',
      { key: q.items[0]!.key, guarantorId: john, outcome: 'called; will pay Friday' },
      clerk,
    );
    const after = await t.call('queue:list', { assignee: 'me' }, clerk);
    expect(after).toMatchObject({ items: [], workedToday: 1 });
  });
});

describe('the work queue ranks money at stake and urgency', () => {
  it('a larger past-due lapse near its cure deadline comes before an overdue follow-up', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    await t.call('followUps:add', { guarantorId: jane, title: 'Call back', note: '', dueDate: '2026-12-20' }, clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk); // lapsed; the letter gives until Jan 15 to cure
    moveTo('2027-01-13'); // the cure deadline is within 3 days
    await t.call('plans:runDaily', {}, clerk);
    const q = await t.call('queue:list', { assignee: 'me' }, clerk);
    expect(q.items.map((i) => i.kind)).toEqual(['lapsed_plan', 'follow_up']);
    expect(q.items[0]!.score).toBeCloseTo(Math.log10(1 + 800) * 3, 2);
    expect(q.items[1]!.score).toBeCloseTo(Math.log10(1 + 800) * 2.5, 2);
    expect((await t.call('queue:list', { assignee: 'me', kind: 'follow_up' }, clerk)).items).toHaveLength(1);
  });
});

describe('plans and the rest of the ledger', () => {
  it('a payment posted oldest-first goes to the plan’s accounts before older ones', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a2], { installmentCount: 3 }), clerk); // A2 is newer than A1
    await pay(clerk, jane, 10_000, '2026-11-26');
    const bal = (id: number) =>
      t.app.store.db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id);
    expect([bal(a1), bal(a2)]).toEqual([50_000, 20_000]);
  });

  it('a plan whose accounts are cleared by an adjustment is complete', async () => {
    const { admin, clerk, jane, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a2], { installmentCount: 3 }), clerk);
    await t.call(
      'ledger:adjust',
      { accountId: a2, reason: 'charity', amountCents: 30_000, effectiveDate: '2026-11-26', memo: 'FAP approved' },
      admin,
    );
    await t.call('plans:runDaily', {}, clerk);
    const [plan] = await t.call('plans:list', { guarantorId: jane }, clerk);
    expect(plan).toMatchObject({ status: 'completed' });
    expect(plan!.events.at(-1)!.reason).toBe('The plan’s accounts have no balance left.');
  });

  it('no letter goes to a plan brought current before the letters were printed', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(1);
    await pay(clerk, jane, 20_000, '2026-12-26');
    expect((await t.call('letters:pending', {}, clerk)).count).toBe(0);
    expect(await t.raw('letters:lapseBatch', {}, clerk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a promise is kept the moment the payment is posted', async () => {
    const { clerk, jane } = await ready();
    await t.call('promises:add', { guarantorId: jane, amountCents: 5_000, dueDate: '2026-11-30' }, clerk);
    await pay(clerk, jane, 5_000, '2026-11-26');
    expect((await t.call('promises:list', { guarantorId: jane }, clerk))[0]).toMatchObject({ status: 'kept' });
  });

  it('a new plan over a defaulted plan’s accounts replaces it', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const first = await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    moveTo('2027-01-26');
    await t.call('plans:runDaily', {}, clerk);
    expect((await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status).toBe('defaulted');
    await t.call('plans:create', monthly(jane, [a1, a2], { firstDueDate: '2027-02-15' }), clerk);
    const old = (await t.call('plans:list', { guarantorId: jane }, clerk)).find((p) => p.id === first.id)!;
    expect(old.status).toBe('replaced');
    expect(old.events.at(-1)!.reason).toMatch(/A new plan #\d+ covers its accounts\./);
  });

  it('PP-03: a defaulted plan is re-aged after three installments’ worth of payments', async () => {
    const { clerk, jane, a1, a2 } = await ready('2026-11-26');
    const plan = await t.call('plans:create', monthly(jane, [a1, a2], { installmentCount: 8 }), clerk); // $100 a month
    moveTo('2027-01-26');
    await t.call('plans:runDaily', {}, clerk); // lapsed
    moveTo('2027-02-26');
    await t.call('plans:runDaily', {}, clerk); // defaulted (two missed)
    await pay(clerk, jane, 30_000, '2027-02-26'); // three payments' worth in one sum
    const reaged = await t.call(
      'plans:reschedule',
      {
        planId: plan.id,
        addAccountIds: [],
        reason: 'paid three months; back on track',
        reage: true,
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2027-03-15',
        installmentCount: 5,
      },
      clerk,
    );
    expect(reaged).toMatchObject({ status: 'current', reaged: true, replacesPlanId: plan.id });
  });

  it('an import that brings a payment moves the plan at once', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    const text = `${COMBINED_HEADER}\r\nG1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01,T99,patient_payment,-200.00,2026-12-26,CASHIER,Payment at the window`;
    const id = (
      await t.call(
        'import:upload',
        { uploadId: '', fileName: 'pay.csv', index: 0, last: true, base64: Buffer.from(text).toString('base64') },
        clerk,
      )
    ).uploadId;
    const inspected = await t.call('import:inspect', { uploadId: id, layout: 'combined', encoding: 'utf-8' }, clerk);
    await t.call(
      'import:commit',
      {
        files: [{ uploadId: id, layout: 'combined' }],
        mappings: {
          combined: {
            layout: 'combined',
            columns: inspected.suggested,
            dateFormat: 'YYYY-MM-DD',
            encoding: 'utf-8',
            amountSign: 'signed',
            typeCodes: {},
          },
        },
        jobId: 'import-pay-01',
      },
      clerk,
    );
    expect((await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status).toBe('current');
  });

  it('a change touching many guarantors takes the same step in one batch: the lapsed plan is current at once', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk);
    moveTo('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    const status = async () => (await t.call('plans:list', { guarantorId: jane }, clerk))[0]!.status;
    expect(await status()).toBe('lapsed');
    // A payment posted without bringing the plans up to date, then the batched step (from 0 guarantors).
    const db = t.app.store.db;
    db.transaction(() => {
      const writer = new LedgerChangeWriter(db, { today: '2026-12-26', now: '2026-12-26T12:00:00.000Z', by: null });
      writer.post({ accountId: a1, type: 'patient_payment', amountCents: -20_000, effectiveDate: '2026-12-26' });
      refreshAfterLedgerChange(db, writer.change(), 0);
    })();
    expect(await status()).toBe('current');
  });

  it('the batched step decides the promises of the guarantors the change touched, and only theirs', async () => {
    const { clerk, jane, john, a1 } = await ready();
    await t.call('promises:add', { guarantorId: jane, amountCents: 5_000, dueDate: '2026-11-30' }, clerk);
    await t.call('promises:add', { guarantorId: john, amountCents: 10_000, dueDate: '2026-11-30' }, clerk);
    const db = t.app.store.db;
    // On 2026-12-01 Jane's payment of 2026-11-28 is posted; John is not touched (his promise, due
    // 2026-11-30 and unpaid, would break if his were decided: the daily run does that, not this step).
    db.transaction(() => {
      const writer = new LedgerChangeWriter(db, { today: '2026-12-01', now: '2026-12-01T12:00:00.000Z', by: null });
      writer.post({ accountId: a1, type: 'patient_payment', amountCents: -5_000, effectiveDate: '2026-11-28' });
      refreshAfterLedgerChange(db, writer.change(), 0);
    })();
    const statusOf = (g: number) =>
      db.prepare('SELECT status, resolved_on FROM promises WHERE guarantor_id = ?').get(g) as {
        status: string;
        resolved_on: string | null;
      };
    expect(statusOf(jane)).toEqual({ status: 'kept', resolved_on: '2026-12-01' });
    expect(statusOf(john)).toEqual({ status: 'open', resolved_on: null });
  });
});

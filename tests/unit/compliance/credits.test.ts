// ECA-05: a patient found eligible is refunded what they paid beyond the policy amount. Every
// account in credit is on the credits worklist with the date its refund is due (a decision's own
// date, or the days to refund from Settings after the credit arose); in the work queue it is
// everyone's until that date, then the supervisors' with a higher urgency. A refund posts as a refund
// entry under the approval limit, never beyond the credit, and the account leaves the list.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, SETUP, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor');
  const ids = await importSmall(t);
  return { admin, clerk, supervisor, ...ids };
}

/** Jane pays $200.00 on A1 and is approved in full: A1 is $200.00 in credit, due back 2026-12-26. */
async function approvedAfterPaying(clerk: string, supervisor: string, jane: number, a1: number) {
  await t.call(
    'payments:post',
    {
      guarantorId: jane,
      method: 'check',
      reference: '1001',
      amountCents: 20_000,
      effectiveDate: '2026-11-01',
      allocations: [{ accountId: a1, amountCents: 20_000 }],
    },
    clerk,
  );
  await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
  const discount = { kind: 'full' } as const;
  const p = await t.call('fap:preview', { guarantorId: jane, discount }, supervisor);
  await t.call(
    'fap:decide',
    {
      guarantorId: jane,
      decision: 'approved_full',
      decidedOn: '2026-11-26',
      discount,
      previewed: p.accounts.map((a) => ({
        accountId: a.accountId,
        adjustmentCents: a.adjustmentCents,
        refundCents: a.refundCents,
      })),
    },
    supervisor,
  );
}

const kinds = async (session: string) =>
  (await t.call('queue:list', { assignee: 'me' }, session)).items
    .filter((i) => i.kind === 'credit_to_refund' || i.kind === 'refund_overdue')
    .map((i) => [i.kind, i.date, i.amountCents, i.score]);

describe('ECA-05: the credits worklist', () => {
  it('a refund from a decision: everyone’s until it is due, then the supervisors’ with a higher urgency', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await approvedAfterPaying(clerk, supervisor, jane, a1);
    expect(await t.call('credits:list', {}, clerk)).toEqual([
      expect.objectContaining({ accountNumber: 'A1', creditCents: 20_000, dueDate: '2026-12-26', overdue: false }),
    ]);
    // $200.00: log10(201) = 2.3032; 30 days to go: urgency 1.5 → 3.45.
    expect(await kinds(clerk)).toEqual([['credit_to_refund', '2026-12-26', 20_000, 3.45]]);
    // In its last week: urgency 2 → 4.61.
    t.clock.setToday('2026-12-20');
    expect(await kinds(clerk)).toEqual([['credit_to_refund', '2026-12-26', 20_000, 4.61]]);
    // Overdue by 15 days: urgency 3 + 15/15 = 4 → 9.21, and only supervisors see it.
    t.clock.setToday('2027-01-10');
    expect(await kinds(clerk)).toEqual([]);
    expect(await kinds(supervisor)).toEqual([['refund_overdue', '2026-12-26', 20_000, 9.21]]);
  });

  it('any other credit is due the days to refund (Settings) after it arose', async () => {
    const { admin, clerk, john, a3 } = await ready();
    const settings = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { assistance: { ...settings.assistance, refundWithinDays: 10 } }, admin);
    // John paid $100.00 on A3; then two billing-error corrections take what is left of its $1,200.00
    // $50.00 past zero on 2026-11-26: the patient's $50.00 is due back 2026-12-06.
    await t.call(
      'payments:post',
      {
        guarantorId: john,
        method: 'check',
        reference: '3001',
        amountCents: 10_000,
        effectiveDate: '2026-11-20',
        allocations: [{ accountId: a3, amountCents: 10_000 }],
      },
      admin,
    );
    await t.call(
      'ledger:adjust',
      {
        accountId: a3,
        reason: 'billing_error',
        amountCents: 110_000,
        effectiveDate: '2026-11-26',
        memo: 'billed twice',
      },
      admin,
    );
    await t.call(
      'ledger:adjust',
      { accountId: a3, reason: 'billing_error', amountCents: 5_000, effectiveDate: '2026-11-26', memo: 'again' },
      admin,
    );
    expect(await t.call('credits:list', { guarantorId: john }, clerk)).toEqual([
      expect.objectContaining({
        accountNumber: 'A3',
        creditCents: 5_000,
        patientCents: 5_000,
        dueDate: '2026-12-06',
        fromAssistance: false,
      }),
    ]);
    // A part refunded a day later leaves the rest due on the same date.
    t.clock.advanceMs(24 * 3600 * 1000);
    t.clock.setToday('2026-11-27');
    const again = (await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password }))
      .sessionId;
    await t.call('credits:refund', { accountId: a3, amountCents: 2_000, effectiveDate: '2026-11-27' }, again);
    expect(await t.call('credits:list', { guarantorId: john }, again)).toEqual([
      expect.objectContaining({ accountNumber: 'A3', creditCents: 3_000, dueDate: '2026-12-06' }),
    ]);
  });

  it('a refund posts as a refund entry, needs approval over the limit, never exceeds the credit, and clears the item', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await approvedAfterPaying(clerk, supervisor, jane, a1);
    const refund = { accountId: a1, effectiveDate: '2026-11-26', reference: 'check 2201' };
    // Over the $250.00 limit? $200.00 is not: but more than the $200.00 credit is refused.
    expect(await t.raw('credits:refund', { ...refund, amountCents: 20_001 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { amountCents: 'At most $200.00.' } },
    });
    const db = t.app.store.db;
    db.prepare(
      `UPDATE settings SET value = json_set(value, '$.adjustmentApprovalLimitCents', 10000) WHERE key = 'posting'`,
    ).run();
    // Now $200.00 is over a $100.00 limit: a clerk needs a supervisor's approval, and cannot split
    // the credit into refunds under the limit either (the limit is of the credit refunded).
    expect(await t.raw('credits:refund', { ...refund, amountCents: 20_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { approval: expect.any(String) } },
    });
    expect(await t.raw('credits:refund', { ...refund, amountCents: 5_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { approval: expect.any(String) } },
    });
    const r = await t.call('credits:refund', { ...refund, amountCents: 20_000 }, supervisor);
    expect(db.prepare('SELECT type, amount_cents, reference FROM ledger_entries WHERE id = ?').get(r.entryId)).toEqual({
      type: 'refund',
      amount_cents: 20_000,
      reference: 'check 2201',
    });
    expect(db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(a1)).toBe(0);
    expect(await t.call('credits:list', {}, clerk)).toEqual([]);
    expect(await kinds(clerk)).toEqual([]);
    // Nothing left to refund.
    expect(await t.raw('credits:refund', { ...refund, amountCents: 100 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await t.call('ledger:verify', {}, supervisor)).toMatchObject({ ok: true });
  });

  it('ECA-05: an insurer’s overpayment is not refunded to the patient; the queue says whose money it is', async () => {
    const { admin, clerk, jane, a2 } = await ready();
    // A2 (the $1,000.00 stay the insurer paid $700.00 of) is paid $500.00 more by the insurer: -$200.00.
    await t.call(
      'ledger:adjust',
      {
        accountId: a2,
        reason: 'billing_error',
        amountCents: 50_000,
        effectiveDate: '2026-11-26',
        memo: 'insurer paid twice',
      },
      admin,
    );
    expect(
      (await t.call('credits:list', { guarantorId: jane }, clerk)).map((c) => [c.creditCents, c.patientCents]),
    ).toEqual([[20_000, 0]]);
    expect(
      await t.raw('credits:refund', { accountId: a2, amountCents: 20_000, effectiveDate: '2026-11-26' }, admin),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { amountCents: 'At most $0.00.' } },
    });
    const [item] = (await t.call('queue:list', { assignee: 'all' }, admin)).items.filter(
      (i) => i.kind === 'credit_to_refund',
    );
    expect(item!.summary).toContain('not money the patient paid');
  });
});

describe('the credits worklist at scale', () => {
  it('finds the accounts in credit by their partial index, all or one guarantor’s (EXPLAIN QUERY PLAN)', async () => {
    await ready();
    const db = t.app.store.db;
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((r) => r.detail).join('\n');
    const base = `SELECT a.id FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id WHERE a.balance_cents < 0`;
    expect(plan(`${base} AND a.guarantor_id = ? ORDER BY a.service_from, a.id`)).toMatch(/USING INDEX accounts_credit/);
    expect(
      plan(
        `SELECT x.refund_due FROM fap_decision_accounts x WHERE x.account_id = ? ORDER BY x.history_id DESC LIMIT 1`,
      ),
    ).toMatch(/USING INDEX fap_decision_accounts_account/);
  });
});

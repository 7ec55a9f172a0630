import { afterEach, describe, expect, it } from 'vitest';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp, sendStatements } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from './fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp();
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  return { admin, clerk, ...ids };
}

const balances = (t: TestApp, ...ids: number[]) =>
  ids.map((id) => t.app.store.db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id));
const guarantorBalance = (t: TestApp, id: number) =>
  t.app.store.db.prepare('SELECT balance_cents FROM guarantors WHERE id = ?').pluck().get(id);

describe('posting patient payments', () => {
  it('oldest first by default: the older account is paid down before the newer one', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    expect(balances(t, a1, a2)).toEqual([50000, 30000]);
    const r = await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '1042',
        amountCents: 60000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    expect(r.receiptNumber).toBe('R20261126-0001');
    expect(balances(t, a1, a2)).toEqual([0, 20000]);
    expect(guarantorBalance(t, jane)).toBe(20000);
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
  });

  it('the clerk may choose the split; it must add up and stay with the guarantor', async () => {
    const { clerk, jane, a1, a2, a3 } = await ready();
    const base = {
      guarantorId: jane,
      method: 'card' as const,
      reference: '',
      amountCents: 10000,
      effectiveDate: '2026-11-26',
    };
    expect(
      await t.raw(
        'payments:post',
        {
          ...base,
          allocations: [
            { accountId: a1, amountCents: 4000 },
            { accountId: a2, amountCents: 5000 },
          ],
        },
        clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: "The allocations add up to $90.00, not the payment's $100.00." },
    });
    expect(
      await t.raw('payments:post', { ...base, allocations: [{ accountId: a3, amountCents: 10000 }] }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await t.call(
      'payments:post',
      {
        ...base,
        allocations: [
          { accountId: a1, amountCents: 2500 },
          { accountId: a2, amountCents: 7500 },
        ],
      },
      clerk,
    );
    expect(balances(t, a1, a2)).toEqual([47500, 22500]);
  });

  it('refuses an overpayment by default, a future date, and changes nothing', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const base = { guarantorId: jane, method: 'cash' as const, reference: '', allocations: [] };
    expect(
      await t.raw('payments:post', { ...base, amountCents: 80001, effectiveDate: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('more than the $800.00 owed') } });
    expect(
      await t.raw('payments:post', { ...base, amountCents: 100, effectiveDate: '2026-11-27' }, clerk),
    ).toMatchObject({ ok: false, error: { fields: { effectiveDate: expect.any(String) } } });
    expect(balances(t, a1, a2)).toEqual([50000, 30000]);
    expect(t.app.store.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
  });

  it('prints a receipt showing where the money went, kept with the guarantor documents', async () => {
    const { clerk, jane } = await ready();
    const r = await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '1042',
        amountCents: 60000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    expect(r.receiptProblem).toBeNull();
    const [page] = await pdfPages(await t.file(r.receipt!));
    expect(page).toContain('Payment receipt');
    expect(page).toContain('R20261126-0001');
    expect(page).toContain('Jane Smith');
    expect(page).toContain('Check (1042)');
    expect(page).toContain('$600.00');
    expect(page).toMatch(/A1\s+01\/10\/2025\s+\$500\.00\s+\$0\.00/);
    expect(page).toMatch(/A2\s+06\/01\/2025 – 06\/03\/2025\s+\$100\.00\s+\$200\.00/);
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.documents.map((d) => d.title)).toEqual(['Payment receipt R20261126-0001']);
    const again = await t.call('documents:get', { documentId: ws.documents[0]!.id }, clerk);
    expect(await t.file(again)).toEqual(await t.file(r.receipt!));
  });

  it('reversing a payment restores every account it touched, once', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const r = await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '1042',
        amountCents: 60000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    await t.call(
      'payments:reverse',
      { paymentId: r.paymentId, reason: 'check returned unpaid', effectiveDate: '2026-11-26' },
      clerk,
    );
    expect(balances(t, a1, a2)).toEqual([50000, 30000]);
    expect(
      await t.raw('payments:reverse', { paymentId: r.paymentId, reason: 'again', effectiveDate: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.payments[0]?.reversed).toBe(true);
    const a1Ledger = ws.accounts.find((a) => a.id === a1)!.ledger;
    expect(a1Ledger.map((l) => [l.type, l.amountCents, l.runningBalanceCents])).toEqual([
      ['charge', 50000, 50000],
      ['patient_payment', -50000, 0],
      ['reversal', 50000, 50000],
    ]);
    expect(a1Ledger[1]!.reversedById).toBe(a1Ledger[2]!.id);
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
  });

  it('one entry of a split payment is not reversed alone; a reversal made by mistake is itself reversed', async () => {
    const { admin, clerk, jane } = await ready();
    const r = await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '',
        amountCents: 60000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    const entry = t.app.store.db
      .prepare('SELECT id FROM ledger_entries WHERE payment_id = ? LIMIT 1')
      .pluck()
      .get(r.paymentId) as number;
    expect(
      await t.raw('ledger:reverse', { entryId: entry, reason: 'x', effectiveDate: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('reverse the whole payment') } });
    const charge = t.app.store.db
      .prepare(`SELECT id FROM ledger_entries WHERE type = 'charge' LIMIT 1`)
      .pluck()
      .get() as number;
    // Issue 11: reversing a $500.00 charge lowers the balance by more than the $250.00 limit, so a
    // clerk needs a supervisor's approval, as for an adjustment.
    expect(
      await t.raw(
        'ledger:reverse',
        { entryId: charge, reason: 'charged to the wrong patient', effectiveDate: '2026-11-26' },
        clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { approval: expect.any(String) } } });
    await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    const { reversalId, approvedBy } = await t.call(
      'ledger:reverse',
      {
        entryId: charge,
        reason: 'charged to the wrong patient',
        effectiveDate: '2026-11-26',
        approval: { username: 'sam', password: 'password-for-sam' },
      },
      clerk,
    );
    expect(approvedBy).toEqual(expect.any(Number));
    expect(t.app.store.db.prepare('SELECT approved_by FROM ledger_entries WHERE id = ?').pluck().get(reversalId)).toBe(
      approvedBy,
    );
    const before = balances(t, 1);
    await t.call(
      'ledger:reverse',
      { entryId: reversalId, reason: 'reversed the wrong charge', effectiveDate: '2026-11-26' },
      clerk,
    );
    expect(balances(t, 1)).toEqual([(before[0] as number) + 50000]);
    expect(
      await t.raw('ledger:reverse', { entryId: reversalId, reason: 'again', effectiveDate: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('the ledger cannot be edited or deleted, even from SQL', async () => {
    await ready();
    const db = t.app.store.db;
    expect(() => db.prepare('UPDATE ledger_entries SET amount_cents = 1').run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/cannot be deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at) VALUES (1, 'charge', -5, '2026-01-01', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at) VALUES (1, 'charge', 10.5, '2026-01-01', 'x')`,
        )
        .run(),
    ).toThrow();
  });
});

describe('adjustments', () => {
  it('go the way their reason says, with the reason recorded', async () => {
    const { clerk, a1, a2 } = await ready();
    await t.call(
      'ledger:adjust',
      { accountId: a1, reason: 'small_balance', amountCents: 400, effectiveDate: '2026-11-26', memo: '' },
      clerk,
    );
    await t.call(
      'ledger:adjust',
      { accountId: a2, reason: 'rebill', amountCents: 1000, effectiveDate: '2026-11-26', memo: 'late charge' },
      clerk,
    );
    expect(balances(t, a1, a2)).toEqual([49600, 31000]);
    const rows = t.app.store.db
      .prepare(`SELECT type, amount_cents, reason_code FROM ledger_entries WHERE reason_code IS NOT NULL ORDER BY id`)
      .all();
    expect(rows).toEqual([
      { type: 'administrative_adjustment', amount_cents: -400, reason_code: 'small_balance' },
      { type: 'administrative_adjustment', amount_cents: 1000, reason_code: 'rebill' },
    ]);
  });

  it('above the limit, a clerk needs a supervisor to approve with their password', async () => {
    const { admin, clerk, a2 } = await ready();
    await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    const base = {
      accountId: a2,
      reason: 'charity' as const,
      amountCents: 25001,
      effectiveDate: '2026-11-26',
      memo: '',
    };
    expect(await t.raw('ledger:adjust', base, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { approval: expect.stringContaining('$250.00') } },
    });
    expect(
      await t.raw('ledger:adjust', { ...base, approval: { username: 'sam', password: 'wrong password' } }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    expect(
      await t.raw(
        'ledger:adjust',
        { ...base, approval: { username: 'clerk1', password: 'password-for-clerk1' } },
        clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ok = await t.call(
      'ledger:adjust',
      { ...base, approval: { username: 'sam', password: 'password-for-sam' } },
      clerk,
    );
    expect(ok.approvedBy).not.toBeNull();
    expect(balances(t, a2)).toEqual([30000 - 25001]);
    // At or under the limit, and for supervisors, no approval is needed.
    await t.call('ledger:adjust', { ...base, amountCents: 25000, reason: 'small_balance' }, clerk);
    expect(
      (await t.call('ledger:adjust', { ...base, amountCents: 1000, reason: 'rebill' }, admin)).approvedBy,
    ).toBeNull();
  });
});

describe('balance check', () => {
  it('re-derives every balance from the ledger and reports a difference', async () => {
    const { admin, a1 } = await ready();
    expect(await t.call('ledger:verify', {}, admin)).toMatchObject({
      ok: true,
      accountsChecked: 3,
      guarantorsChecked: 2,
    });
    t.app.store.db.prepare('UPDATE accounts SET balance_cents = balance_cents + 1 WHERE id = ?').run(a1);
    const r = await t.call('ledger:verify', {}, admin);
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual({
      kind: 'account',
      id: a1,
      label: 'A1',
      storedCents: 50001,
      derivedCents: 50000,
    });
  });
});

describe('undoing a mistaken payment reversal', () => {
  it('each reversal line can be reversed; the payment shows as not reversed once all are', async () => {
    const { admin, clerk, jane } = await ready();
    const r = await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '',
        amountCents: 60000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    const { reversalIds } = await t.call(
      'payments:reverse',
      { paymentId: r.paymentId, reason: 'wrong guarantor', effectiveDate: '2026-11-26' },
      clerk,
    );
    // Undoing a reversal lowers the balance again: a part over the limit needs a supervisor (issue 11).
    await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    for (const id of reversalIds)
      await t.call(
        'ledger:reverse',
        {
          entryId: id,
          reason: 'it was the right guarantor',
          effectiveDate: '2026-11-26',
          approval: { username: 'sam', password: 'password-for-sam' },
        },
        clerk,
      );
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.payments[0]?.reversed).toBe(false);
    expect(ws.guarantor.balanceCents).toBe(20000);
  });
});

describe('issue 11: what a clerk may post alone', () => {
  const check = (jane: number, extra: object = {}) => ({
    guarantorId: jane,
    method: 'check' as const,
    reference: 'Check 4417',
    amountCents: 12_500,
    effectiveDate: '2026-11-26',
    allocations: [],
    ...extra,
  });

  it('the same check posted twice is asked about, and posted only when the clerk says it is a second payment', async () => {
    const { clerk, jane } = await ready();
    const first = await t.call('payments:post', check(jane), clerk);
    expect(await t.raw('payments:post', check(jane, { reference: '#4417' }), clerk)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: { confirmDuplicate: expect.stringContaining(`payment ${first.receiptNumber}`) },
      },
    });
    expect(guarantorBalance(t, jane)).toBe(67_500);
    await t.call('payments:post', check(jane, { confirmDuplicate: true }), clerk);
    expect(guarantorBalance(t, jane)).toBe(55_000);
  });

  it('a payment dated before the last statement needs a supervisor; after it, none', async () => {
    const { admin, clerk, jane } = await ready();
    t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
    await sendStatements(t, admin, 'statements-backdate-1');
    expect(await t.raw('payments:post', check(jane, { effectiveDate: '2026-08-26' }), clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { approval: expect.any(String) } },
    });
    await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    const r = await t.call(
      'payments:post',
      check(jane, { effectiveDate: '2026-08-26', approval: { username: 'sam', password: 'password-for-sam' } }),
      clerk,
    );
    const approvedBy = t.app.store.db
      .prepare('SELECT DISTINCT approved_by FROM ledger_entries WHERE payment_id = ?')
      .pluck()
      .all(r.paymentId);
    expect(approvedBy).toEqual([expect.any(Number)]);
    // Dated the statement's day: the clerk posts it alone.
    await t.call('payments:post', check(jane, { reference: 'Check 4418', effectiveDate: '2026-11-26' }), clerk);
  });
});

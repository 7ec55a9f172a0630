// Financial assistance and the 501(r) clock (ECA-05): a pending application holds the cycle and
// suspends ECAs until it is decided; an approval brings the open accounts down to the policy
// amount, with a refund task where the patient had paid more; a denial resumes the clock.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor');
  const ids = await importSmall(t);
  // A1: D0 2025-02-01 (imported), final notice 2025-06-01: ECAs allowed from 2025-07-01.
  t.app.store.db.prepare(`UPDATE accounts SET final_notice_date = '2025-06-01' WHERE id = ?`).run(ids.a1);
  return { admin, clerk, supervisor, ...ids };
}

const balances = (guarantorId: number) =>
  t.app.store.db
    .prepare('SELECT account_number, balance_cents FROM accounts WHERE guarantor_id = ? ORDER BY id')
    .raw()
    .all(guarantorId);

describe('ECA-05: a financial-assistance application', () => {
  it('pending: ECAs suspend and the cycle holds; denied: the clock resumes where it was', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    expect((await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, clerk)).allowed).toBe(true);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20', note: 'mailed in' }, clerk);
    const suspended = await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, clerk);
    expect(suspended).toMatchObject({ allowed: false, allowedFrom: null });
    expect(suspended.reasons.join(' ')).toMatch(/application is pending/);
    expect((await t.call('statements:due', {}, clerk)).held).toEqual([
      expect.objectContaining({ guarantorId: jane, holds: ['fap_pending'], accountsOnly: false }),
    ]);
    // Only a supervisor records the decision.
    expect(
      await t.raw('fap:decide', { guarantorId: jane, decision: 'denied', decidedOn: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await t.call('fap:decide', { guarantorId: jane, decision: 'denied', decidedOn: '2026-11-26' }, supervisor),
    ).toEqual({ adjusted: [], refunds: [] });
    expect((await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, clerk)).allowed).toBe(true);
    expect(balances(jane)).toEqual([
      ['A1', 50_000],
      ['A2', 30_000],
    ]);
    expect((await t.call('fap:history', { guarantorId: jane }, clerk)).map((h) => [h.status, h.date])).toEqual([
      ['denied', '2026-11-26'],
      ['pending', '2026-11-20'],
    ]);
  });

  it('approved in full: every open account comes to zero with a charity adjustment, and ECAs have nothing to collect', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const r = await t.call(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26', note: 'income under 200% FPL' },
      supervisor,
    );
    expect(r.adjusted.map((a) => [a.accountNumber, a.amountCents])).toEqual([
      ['A1', 50_000],
      ['A2', 30_000],
    ]);
    expect(r.refunds).toEqual([]);
    expect(balances(jane)).toEqual([
      ['A1', 0],
      ['A2', 0],
    ]);
    const ledger = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ledger.guarantor).toMatchObject({ fapStatus: 'approved_full', fapStatusDate: '2026-11-26' });
    expect((await t.call('eca:check', { accountId: a1, kind: 'credit_report' }, clerk)).allowed).toBe(false);
    expect(await t.call('ledger:verify', {}, supervisor)).toMatchObject({ ok: true });
  });

  it('approved after the patient paid more than the policy amount: the account goes to credit and a refund task opens', async () => {
    const { clerk, supervisor, jane, a1, a2 } = await ready();
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
    // Under the policy the patient owes $150.00 on A1 (already paid $200.00) and $100.00 on A2.
    const r = await t.call(
      'fap:decide',
      {
        guarantorId: jane,
        decision: 'approved_partial',
        decidedOn: '2026-11-26',
        patientShares: [
          { accountId: a1, amountCents: 15_000 },
          { accountId: a2, amountCents: 10_000 },
        ],
      },
      supervisor,
    );
    expect(r.adjusted.map((a) => [a.accountNumber, a.amountCents])).toEqual([
      ['A1', 35_000],
      ['A2', 20_000],
    ]);
    expect(r.refunds).toEqual([expect.objectContaining({ accountNumber: 'A1', amountCents: 5_000 })]);
    expect(balances(jane)).toEqual([
      ['A1', -5_000],
      ['A2', 10_000],
    ]);
    const ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.followUps.map((x) => x.title)).toContain('Refund $50.00 on account A1');
  });

  it('counts a payment whose reversal was itself reversed as paid', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'cash',
        reference: '',
        amountCents: 10_000,
        effectiveDate: '2026-11-02',
        allocations: [{ accountId: a1, amountCents: 10_000 }],
      },
      clerk,
    );
    const db = t.app.store.db;
    const entry = () => db.prepare('SELECT max(id) FROM ledger_entries WHERE account_id = ?').pluck().get(a1) as number;
    await t.call(
      'ledger:reverse',
      { entryId: entry(), reason: 'posted to the wrong guarantor', effectiveDate: '2026-11-03' },
      clerk,
    );
    await t.call(
      'ledger:reverse',
      { entryId: entry(), reason: 'it was the right guarantor', effectiveDate: '2026-11-04' },
      clerk,
    );
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const r = await t.call(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26' },
      supervisor,
    );
    expect(r.refunds).toEqual([expect.objectContaining({ accountNumber: 'A1', amountCents: 10_000 })]);
    expect(balances(jane)).toEqual([
      ['A1', -10_000],
      ['A2', 0],
    ]);
  });

  it('refuses a decision without a pending application, and an approval taken back', async () => {
    const { clerk, supervisor, jane } = await ready();
    expect(
      await t.raw('fap:decide', { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26' }, supervisor),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('record the application first') },
    });
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    await t.call('fap:decide', { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26' }, supervisor);
    expect(
      await t.raw('fap:decide', { guarantorId: jane, decision: 'denied', decidedOn: '2026-11-26' }, supervisor),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(
      await t.raw('fap:record', { guarantorId: jane, status: 'not_applied', date: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', fields: { status: expect.any(String) } } });
    expect((await t.call('fap:history', { guarantorId: jane }, clerk)).map((h) => h.status)).toEqual([
      'approved_full',
      'pending',
    ]);
  });

  it('refuses a partial approval without a share for every open account, and changes nothing', async () => {
    const { clerk, supervisor, jane, a1, a3 } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const missing = await t.raw(
      'fap:decide',
      {
        guarantorId: jane,
        decision: 'approved_partial',
        decidedOn: '2026-11-26',
        patientShares: [{ accountId: a1, amountCents: 0 }],
      },
      supervisor,
    );
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('A2') },
    });
    const foreign = await t.raw(
      'fap:decide',
      {
        guarantorId: jane,
        decision: 'approved_partial',
        decidedOn: '2026-11-26',
        patientShares: [{ accountId: a3, amountCents: 0 }],
      },
      supervisor,
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const early = await t.raw(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-19' },
      supervisor,
    );
    expect(early).toMatchObject({
      ok: false,
      error: { fields: { decidedOn: expect.stringContaining('November 20, 2026') } },
    });
    const future = await t.raw(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-27' },
      supervisor,
    );
    expect(future).toMatchObject({ ok: false, error: { fields: { decidedOn: expect.any(String) } } });
    expect(balances(jane)).toEqual([
      ['A1', 50_000],
      ['A2', 30_000],
    ]);
    expect((await t.call('fap:history', { guarantorId: jane }, supervisor)).map((h) => h.status)).toEqual(['pending']);
  });
});

// Financial assistance and the 501(r) clock (ECA-05): a pending application (complete or not) holds
// the cycle and suspends ECAs until it is decided; an approval, previewed account by account, brings
// the open accounts down to the policy amount (src/shared/rules/fapDiscount.ts), with a refund due
// (the credits worklist) where the patient had paid more; a denial resumes the clock.
// Fixture: A1 gross $500.00, nothing paid; A2 gross $1,000.00 less $700.00 insurance = $300.00.
import { afterEach, describe, expect, it } from 'vitest';
import type { FapDiscount } from '../../../src/shared/rules/fapDiscount';
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

/** What the dialog does: preview the discount, then decide with the table it showed. */
async function approve(
  supervisor: string,
  guarantorId: number,
  decision: 'approved_full' | 'approved_partial',
  discount: FapDiscount,
) {
  const preview = await t.call('fap:preview', { guarantorId, discount }, supervisor);
  const previewed = preview.accounts.map((a) => ({
    accountId: a.accountId,
    adjustmentCents: a.adjustmentCents,
    refundCents: a.refundCents,
  }));
  return t.call('fap:decide', { guarantorId, decision, decidedOn: '2026-11-26', discount, previewed }, supervisor);
}

async function pay(clerk: string, guarantorId: number, accountId: number, amountCents: number) {
  await t.call(
    'payments:post',
    {
      guarantorId,
      method: 'check',
      reference: '1001',
      amountCents,
      effectiveDate: '2026-11-01',
      allocations: [{ accountId, amountCents }],
    },
    clerk,
  );
}

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
    const denial = {
      guarantorId: jane,
      decision: 'denied',
      decidedOn: '2026-11-26',
      denialReason: 'Income above the limit',
    } as const;
    // Only a supervisor records the decision.
    expect(await t.raw('fap:decide', denial, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The letter gives the reason: a denial without one is refused.
    expect(await t.raw('fap:decide', { ...denial, denialReason: '' }, supervisor)).toMatchObject({
      ok: false,
      error: { fields: { denialReason: expect.any(String) } },
    });
    expect(await t.call('fap:decide', denial, supervisor)).toMatchObject({ adjusted: [], refunds: [] });
    expect((await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, clerk)).allowed).toBe(true);
    expect(balances(jane)).toEqual([
      ['A1', 50_000],
      ['A2', 30_000],
    ]);
    const history = await t.call('fap:history', { guarantorId: jane }, clerk);
    expect(history.map((h) => [h.status, h.date, h.letter])).toEqual([
      ['denied', '2026-11-26', 'determination'],
      ['pending', '2026-11-20', null],
    ]);
  });

  it('1.501(r)-6(c): an incomplete application is pending (ECAs suspended) with what is missing and the date to send it', async () => {
    const { clerk, jane, a1 } = await ready();
    const r = await t.call(
      'fap:record',
      { guarantorId: jane, status: 'incomplete', date: '2026-11-20', missing: 'Last two pay stubs' },
      clerk,
    );
    expect(r.completeBy).toBe('2026-12-20'); // 30 days (Settings) after 2026-11-20
    expect((await t.call('eca:check', { accountId: a1, kind: 'civil_action' }, clerk)).allowed).toBe(false);
    const [h] = await t.call('fap:history', { guarantorId: jane }, clerk);
    expect(h).toMatchObject({
      status: 'pending',
      missing: 'Last two pay stubs',
      completeBy: '2026-12-20',
      letter: 'incomplete_notice',
    });
    // What is missing is asked for: bad input changes nothing.
    expect(
      await t.raw('fap:record', { guarantorId: jane, status: 'incomplete', date: '2026-11-21', missing: '' }, clerk),
    ).toMatchObject({ ok: false, error: { fields: { missing: expect.any(String) } } });
    expect(await t.call('fap:history', { guarantorId: jane }, clerk)).toHaveLength(1);
  });

  it('approved in full: every open account comes to zero with a charity adjustment, and ECAs have nothing to collect', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const r = await approve(supervisor, jane, 'approved_full', { kind: 'full' });
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

  it('70% off after the patient paid $200.00 on A1: A1 policy $150.00, refund $50.00; A2 policy $90.00 still owed', async () => {
    const { clerk, supervisor, jane, a1, a2 } = await ready();
    await pay(clerk, jane, a1, 20_000);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    // A1: 30% of $500.00 = $150.00; paid $200.00 → adjust $350.00, refund $50.00.
    // A2: 30% of $300.00 = $90.00 → adjust $210.00, owes $90.00.
    const preview = await t.call(
      'fap:preview',
      { guarantorId: jane, discount: { kind: 'percent', percentOffBasisPoints: 7_000 } },
      supervisor,
    );
    expect(
      preview.accounts.map((a) => [
        a.accountNumber,
        a.policyAmountCents,
        a.adjustmentCents,
        a.refundCents,
        a.owesCents,
      ]),
    ).toEqual([
      ['A1', 15_000, 35_000, 5_000, 0],
      ['A2', 9_000, 21_000, 0, 9_000],
    ]);
    expect(preview.totals).toEqual({ adjustmentCents: 56_000, refundCents: 5_000, owesCents: 9_000 });
    const r = await approve(supervisor, jane, 'approved_partial', { kind: 'percent', percentOffBasisPoints: 7_000 });
    expect(r.adjusted.map((a) => [a.accountNumber, a.amountCents])).toEqual([
      ['A1', 35_000],
      ['A2', 21_000],
    ]);
    expect(r.refunds).toEqual([expect.objectContaining({ accountNumber: 'A1', amountCents: 5_000 })]);
    expect(balances(jane)).toEqual([
      ['A1', -5_000],
      ['A2', 9_000],
    ]);
    // The refund is on the credits worklist, due 30 days (Settings) from 2026-11-26.
    expect(r.refunds[0]!.dueDate).toBe('2026-12-26');
    expect(await t.call('credits:list', { guarantorId: jane }, clerk)).toEqual([
      expect.objectContaining({ accountNumber: 'A1', creditCents: 5_000, dueDate: '2026-12-26', fromAssistance: true }),
    ]);
    // ECA-05: while the $50.00 is owed back, no collection action on what Jane still owes (A2).
    const gate = await t.call('eca:check', { accountId: a2, kind: 'civil_action' }, clerk);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons).toContain(
      'A refund of $50.00 is owed to the guarantor: no collection action until it is paid (ECA-05).',
    );
    expect(await t.call('ledger:verify', {}, supervisor)).toMatchObject({ ok: true });
  });

  it('ECA-05: an account the patient paid off in full is refunded too (approved in full: A2’s $300.00 back)', async () => {
    const { clerk, supervisor, jane, a2 } = await ready();
    // A2 ($300.00) paid in full before the application; A1 still owes $500.00.
    await pay(clerk, jane, a2, 30_000);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    // A2's first statement of 2025-07-15: its application period (240 days, 1.501(r)-6(c)) ended
    // 2026-03-12, before this application: the paid-off account is not the decision's.
    expect(
      (await t.call('fap:preview', { guarantorId: jane, discount: { kind: 'full' } }, supervisor)).accounts.map(
        (a) => a.accountNumber,
      ),
    ).toEqual(['A1']);
    // Its first statement went out 2026-10-01 instead: the period runs to 2027-05-29, and it is.
    t.app.store.db.prepare(`UPDATE accounts SET first_statement_date = '2026-10-01' WHERE id = ?`).run(a2);
    const preview = await t.call('fap:preview', { guarantorId: jane, discount: { kind: 'full' } }, supervisor);
    // Before: only accounts with a balance were decided, and paying the whole bill forfeited the refund.
    expect(preview.accounts.map((a) => [a.accountNumber, a.adjustmentCents, a.refundCents, a.owesCents])).toEqual([
      ['A1', 50_000, 0, 0],
      ['A2', 30_000, 30_000, 0],
    ]);
    await approve(supervisor, jane, 'approved_full', { kind: 'full' });
    expect(balances(jane)).toEqual([
      ['A1', 0],
      ['A2', -30_000],
    ]);
    expect(
      (await t.call('credits:list', { guarantorId: jane }, clerk)).map((c) => [c.accountNumber, c.creditCents]),
    ).toEqual([['A2', 30_000]]);
  });

  it('issue 11: the percentage is of everything the patient owed, not the balance: 50% off after $200.00 paid makes no refund', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await pay(clerk, jane, a1, 20_000);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    // A1: 50% of $500.00 = $250.00; paid $200.00 → owes $50.00. (50% of the $300.00 balance, less
    // the $200.00 paid, was the old reading: a $50.00 refund the policy never gave.)
    const r = await approve(supervisor, jane, 'approved_partial', { kind: 'percent', percentOffBasisPoints: 5_000 });
    expect(r.refunds).toEqual([]);
    expect(balances(jane)).toEqual([
      ['A1', 5_000],
      ['A2', 15_000],
    ]);
  });

  it('1.501(r)-5: the AGB percentage (Settings) caps what a patient who qualifies is charged', async () => {
    const { admin, clerk, supervisor, jane } = await ready();
    const settings = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { assistance: { ...settings.assistance, agbBasisPoints: 4_500 } }, admin);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    // 10% off: A1 would be $450.00, above AGB 45% of $500.00 = $225.00 → $225.00.
    // A2: 90% of $300.00 = $270.00, below AGB 45% of $1,000.00 = $450.00 → $270.00.
    const pct = await t.call(
      'fap:preview',
      { guarantorId: jane, discount: { kind: 'percent', percentOffBasisPoints: 1_000 } },
      supervisor,
    );
    expect(pct.agbBasisPoints).toBe(4_500);
    expect(pct.accounts.map((a) => [a.accountNumber, a.policyAmountCents, a.agbLimited])).toEqual([
      ['A1', 22_500, true],
      ['A2', 27_000, false],
    ]);
    // AGB chosen: A1 $225.00; A2 AGB $450.00 is above the $300.00 owed: nothing to adjust.
    const r = await approve(supervisor, jane, 'approved_partial', { kind: 'agb' });
    expect(r.adjusted.map((a) => [a.accountNumber, a.amountCents])).toEqual([['A1', 27_500]]);
    expect(balances(jane)).toEqual([
      ['A1', 22_500],
      ['A2', 30_000],
    ]);
  });

  it('posts exactly what the preview showed: the ledger changed meanwhile, the decision is refused and nothing changes', async () => {
    const { clerk, supervisor, jane, a1 } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const discount = { kind: 'percent', percentOffBasisPoints: 5_000 } as const;
    const preview = await t.call('fap:preview', { guarantorId: jane, discount }, supervisor);
    await pay(clerk, jane, a1, 30_000); // A1 now: 50% of $500.00 = $250.00, paid $300.00 → a $50.00 refund
    const stale = await t.raw(
      'fap:decide',
      {
        guarantorId: jane,
        decision: 'approved_partial',
        decidedOn: '2026-11-26',
        discount,
        previewed: preview.accounts.map((a) => ({
          accountId: a.accountId,
          adjustmentCents: a.adjustmentCents,
          refundCents: a.refundCents,
        })),
      },
      supervisor,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', fields: { previewed: expect.any(String) } } });
    expect(balances(jane)).toEqual([
      ['A1', 20_000],
      ['A2', 30_000],
    ]);
    expect((await t.call('fap:history', { guarantorId: jane }, clerk)).map((h) => h.status)).toEqual(['pending']);
    // Without a preview an approval is refused too.
    expect(
      await t.raw(
        'fap:decide',
        { guarantorId: jane, decision: 'approved_partial', decidedOn: '2026-11-26', discount },
        supervisor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const r = await approve(supervisor, jane, 'approved_partial', discount);
    expect(r.refunds).toEqual([expect.objectContaining({ accountNumber: 'A1', amountCents: 5_000 })]);
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
    const r = await approve(supervisor, jane, 'approved_full', { kind: 'full' });
    expect(r.refunds).toEqual([expect.objectContaining({ accountNumber: 'A1', amountCents: 10_000 })]);
    expect(balances(jane)).toEqual([
      ['A1', -10_000],
      ['A2', 0],
    ]);
  });

  it('ECA-05: a clerk cannot end a pending application by recording that the guarantor will not apply', async () => {
    const { clerk, jane } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    expect(
      await t.raw('fap:record', { guarantorId: jane, status: 'not_applied', date: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(t.app.store.db.prepare('SELECT fap_status FROM guarantors WHERE id = ?').pluck().get(jane)).toBe('pending');
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
    await approve(supervisor, jane, 'approved_full', { kind: 'full' });
    expect(
      await t.raw(
        'fap:decide',
        { guarantorId: jane, decision: 'denied', decidedOn: '2026-11-26', denialReason: 'x' },
        supervisor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(
      await t.raw('fap:record', { guarantorId: jane, status: 'not_applied', date: '2026-11-26' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', fields: { status: expect.any(String) } } });
    expect((await t.call('fap:history', { guarantorId: jane }, clerk)).map((h) => h.status)).toEqual([
      'approved_full',
      'pending',
    ]);
  });

  it('refuses a partial approval without its discount, or dated outside the application, and changes nothing', async () => {
    const { clerk, supervisor, jane } = await ready();
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-20' }, clerk);
    const noDiscount = await t.raw(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_partial', decidedOn: '2026-11-26' },
      supervisor,
    );
    expect(noDiscount).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { discount: expect.any(String) } },
    });
    const fullAsPartial = await t.raw(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26', discount: { kind: 'agb' } },
      supervisor,
    );
    expect(fullAsPartial).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
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

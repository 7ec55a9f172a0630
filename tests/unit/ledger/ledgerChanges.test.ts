// A ledger change and what depends on it commit together (issue 9): a payment, an adjustment, a
// reversal, a financial-assistance decision or an import moves the guarantor's plans and promises
// in its own transaction; if any of that fails, the money is not saved either. A receipt is drawn
// after the payment is saved: if drawing it fails, the clerk is told the payment stands, and the
// receipt prints later (a retry would otherwise post the payment twice).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ReceiptPdf from '../../../src/main/capabilities/ledger/receiptPdf';
import type { Extensions } from '../../../src/main/platform/capability';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { pdfPages } from '../pdfText';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

// The receipt's drawing fails when a test says so; everything else is the real app.
const drawing = vi.hoisted(() => ({ fail: 0, damaged: false }));
vi.mock('../../../src/main/capabilities/ledger/receiptPdf', async (original) => {
  const real = await original<typeof ReceiptPdf>();
  return {
    ...real,
    paymentReceipt: (...args: Parameters<typeof real.paymentReceipt>) => {
      if (drawing.damaged)
        return Promise.reject(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
      if (drawing.fail > 0) {
        drawing.fail--;
        return Promise.reject(new Error('the printer font is missing'));
      }
      return real.paymentReceipt(...args);
    },
  };
});

let t: TestApp;
afterEach(() => {
  drawing.fail = 0;
  drawing.damaged = false;
  t?.cleanup();
});

async function ready() {
  t = testApp();
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  return { admin, clerk, ...ids };
}

const cash = (guarantorId: number, amountCents: number) => ({
  guarantorId,
  method: 'cash' as const,
  reference: '',
  amountCents,
  effectiveDate: '2026-11-26',
  allocations: [],
});

const planOver = (guarantorId: number, accountIds: number[]) => ({
  guarantorId,
  accountIds,
  fapAnswer: 'declined' as const,
  downPaymentCents: 0,
  frequency: 'monthly' as const,
  firstDueDate: '2026-12-15',
  installmentCount: 4,
});

const count = (sql: string) => t.app.store.db.prepare(sql).pluck().get() as number;

describe('the receipt after the money', () => {
  it('a receipt that cannot be drawn leaves the payment saved once, says so, and prints later', async () => {
    const { clerk, jane } = await ready();
    const before = count(`SELECT balance_cents FROM guarantors WHERE id = ${jane}`);
    drawing.fail = 1;
    const posted = await t.call('payments:post', cash(jane, 12_500), clerk);
    expect(posted.receipt).toBeNull();
    expect(posted.receiptProblem).toMatch(
      /^The payment was saved as receipt R20261126-0001, but its receipt could not be printed\. Do not post it again/,
    );
    expect(count('SELECT count(*) FROM payments')).toBe(1);
    expect(count(`SELECT balance_cents FROM guarantors WHERE id = ${jane}`)).toBe(before - 12_500);
    expect(count(`SELECT count(*) FROM documents WHERE kind = 'payment_receipt'`)).toBe(0);
    // The audit trail says what happened: the payment, with its receipt not printed.
    const [event] = t.app.store.db
      .prepare(`SELECT outcome, detail FROM audit_events WHERE channel = 'payments:post'`)
      .all() as { outcome: string; detail: string }[];
    expect(event).toEqual({ outcome: 'ok', detail: 'receipt R20261126-0001 not printed' });

    const receipt = await t.call('payments:receipt', { paymentId: posted.paymentId }, clerk);
    expect((await pdfPages(await t.file(receipt))).join(' ')).toContain('R20261126-0001');
    const again = await t.call('payments:receipt', { paymentId: posted.paymentId }, clerk);
    expect(await t.file(again)).toEqual(await t.file(receipt));
    expect(count(`SELECT count(*) FROM documents WHERE kind = 'payment_receipt'`)).toBe(1);
    expect(count('SELECT count(*) FROM payments')).toBe(1);
  });

  it('a receipt that fails because the database is damaged stops the store instead of carrying on', async () => {
    const { clerk, jane } = await ready();
    drawing.damaged = true;
    const r = await t.raw('payments:post', cash(jane, 12_500), clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('store_error');
      expect(r.error.message).toMatch(/is damaged/);
    }
    expect(t.app.store.isOpen).toBe(false);
    expect((await t.call('app:status', {})).problem?.kind).toBe('database_corrupt');
  });
});

describe('what depends on the ledger moves in the same transaction', () => {
  it('an adjustment that clears a plan’s accounts completes the plan at once', async () => {
    const { admin, clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', planOver(jane, [a1, a2]), clerk);
    for (const [accountId, amountCents] of [
      [a1, 50_000],
      [a2, 30_000],
    ] as const) {
      await t.call(
        'ledger:adjust',
        { accountId, reason: 'small_balance', amountCents, effectiveDate: '2026-11-26', memo: 'written off' },
        admin,
      );
    }
    const [view] = await t.call('plans:list', { guarantorId: jane }, clerk);
    expect(view).toMatchObject({ id: plan.id, status: 'completed' });
    expect(view!.events.at(-1)!.reason).toBe('The plan’s accounts have no balance left.');
  });

  it('a financial-assistance approval in full completes the plan over the accounts it clears', async () => {
    const { admin, clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', planOver(jane, [a1, a2]), clerk);
    await t.call('fap:record', { guarantorId: jane, status: 'pending', date: '2026-11-26', note: '' }, clerk);
    const discount = { kind: 'full' } as const;
    const preview = await t.call('fap:preview', { guarantorId: jane, discount }, admin);
    const previewed = preview.accounts.map((a) => ({
      accountId: a.accountId,
      adjustmentCents: a.adjustmentCents,
      refundCents: a.refundCents,
    }));
    await t.call(
      'fap:decide',
      { guarantorId: jane, decision: 'approved_full', decidedOn: '2026-11-26', discount, previewed },
      admin,
    );
    expect((await t.call('plans:list', { guarantorId: jane }, clerk))[0]).toMatchObject({
      id: plan.id,
      status: 'completed',
    });
  });

  it('a promise is kept by the payment that pays it, in the payment’s transaction', async () => {
    const { clerk, jane } = await ready();
    const { id } = await t.call(
      'promises:add',
      { guarantorId: jane, amountCents: 5_000, dueDate: '2026-11-30' },
      clerk,
    );
    await t.call('payments:post', cash(jane, 5_000), clerk);
    expect(t.app.store.db.prepare('SELECT status, resolved_on FROM promises WHERE id = ?').get(id)).toEqual({
      status: 'kept',
      resolved_on: '2026-11-26',
    });
  });

  it('if what depends on the ledger fails, the money is not saved either', async () => {
    const { clerk, jane } = await ready();
    const extensions = t.app.extensions;
    (t.app as { extensions: Extensions }).extensions = {
      ...extensions,
      ledgerSubscribers: [
        ...extensions.ledgerSubscribers,
        () => {
          throw new Error('an agency balance could not be updated');
        },
      ],
    };
    const before = count(`SELECT balance_cents FROM guarantors WHERE id = ${jane}`);
    expect(await t.raw('payments:post', cash(jane, 10_000), clerk)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(count('SELECT count(*) FROM payments')).toBe(0);
    expect(count(`SELECT count(*) FROM ledger_entries WHERE type = 'patient_payment'`)).toBe(0);
    expect(count(`SELECT balance_cents FROM guarantors WHERE id = ${jane}`)).toBe(before);
  });

  it('an import whose entries net to nothing on an account still moves what depends on it', async () => {
    const { clerk, jane, a1 } = await ready();
    const { id } = await t.call(
      'promises:add',
      { guarantorId: jane, amountCents: 5_000, dueDate: '2026-11-30' },
      clerk,
    );
    const before = count(`SELECT balance_cents FROM accounts WHERE id = ${a1}`);
    // The patient's $50.00 payment and a $50.00 late charge on A1, in one extract: A1's balance
    // does not move, but the payment keeps the promise.
    const jane1 =
      'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01';
    await importSmall(
      t,
      [
        COMBINED_HEADER,
        `${jane1},T5,patient_payment,-50.00,2026-11-26,CHK 104,Mailed check`,
        `${jane1},T6,charge,50.00,2026-11-26,,Supply charge`,
      ].join('\r\n'),
    );
    expect(count(`SELECT balance_cents FROM accounts WHERE id = ${a1}`)).toBe(before);
    expect(t.app.store.db.prepare('SELECT status FROM promises WHERE id = ?').pluck().get(id)).toBe('kept');
  });

  it('a payment whose reversal was itself reversed counts toward the plan again', async () => {
    const { clerk, jane, a1, a2 } = await ready();
    const plan = await t.call('plans:create', planOver(jane, [a1, a2]), clerk);
    const paid = async () => (await t.call('plans:list', { guarantorId: jane }, clerk)).find((p) => p.id === plan.id)!;
    const posted = await t.call('payments:post', cash(jane, 20_000), clerk);
    expect((await paid()).progress.paidCents).toBe(20_000);

    const { reversalIds } = await t.call(
      'payments:reverse',
      { paymentId: posted.paymentId, reason: 'Check returned unpaid', effectiveDate: '2026-11-26' },
      clerk,
    );
    expect((await paid()).progress.paidCents).toBe(0);

    // The bank honoured the check after all: the reversal is reversed, and the payment stands.
    await t.call(
      'ledger:reverse',
      { entryId: reversalIds[0]!, reason: 'Check honoured on re-presentment', effectiveDate: '2026-11-26' },
      clerk,
    );
    expect((await paid()).progress.paidCents).toBe(20_000);
    const { payments } = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(payments).toEqual([expect.objectContaining({ id: posted.paymentId, reversed: false })]);
  });
});

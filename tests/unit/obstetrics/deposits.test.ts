// Issue 17 (PP-04): deposits received before delivery, with a real encrypted store. Held for her
// off the ledger (receipt numbers OB20261207-0001 …), reversed by a supervisor when keyed by
// mistake, refunded by a supervisor once the arrangement is cancelled; every cent received is in
// exactly one state (a fast-check property); and nothing here writes a ledger entry or a payment or
// touches an account's first statement date (nothing before delivery starts the 501(r) clock, ECA-05).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casesWorld, ESTIMATE, footprint, NEW_PATIENT, refusal, TODAY, type CasesWorld } from './casesWorld';

let w: CasesWorld;
beforeEach(async () => {
  w = await casesWorld();
});
afterEach(() => w.t.cleanup());

const deposit = (caseId: number, amountCents: number, extra: Record<string, unknown> = {}) =>
  w.t.call(
    'ob:deposit',
    { caseId, amountCents, receivedOn: TODAY, method: 'cash', reference: '', ...extra } as never,
    w.clerk,
  );

/** The ledger and the 501(r) clock: what nothing here may touch. */
function ledgerAndClock(): string {
  const db = w.t.app.store.db;
  return JSON.stringify([
    db.prepare('SELECT * FROM ledger_entries ORDER BY id').all(),
    db.prepare('SELECT * FROM payments ORDER BY id').all(),
    db.prepare('SELECT id, first_statement_date, final_notice_date, balance_cents FROM accounts ORDER BY id').all(),
    db.prepare('SELECT id, balance_cents FROM guarantors ORDER BY id').all(),
  ]);
}

describe('ob:deposit', () => {
  it('holds the money for her with a receipt number of the day; paid to date follows', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 50_000);
    const c = await deposit(caseId, 45_000, { method: 'check', reference: '1042' });
    expect(c.deposits).toEqual([
      {
        id: expect.any(Number),
        receiptNumber: 'OB20261207-0001',
        amountCents: 50_000,
        receivedOn: TODAY,
        method: 'cash',
        reference: '',
        status: 'held',
        appliedOn: null,
        paymentReceipt: null,
        closedOn: null,
        closeNote: null,
      },
      expect.objectContaining({
        receiptNumber: 'OB20261207-0002',
        amountCents: 45_000,
        method: 'check',
        reference: '1042',
      }),
    ]);
    expect(c.heldCents).toBe(95_000);
    expect(c.progress.paidCents).toBe(95_000);
    // $950.00 pays the first $900.00 and $50.00 of the second.
    expect(c.progress.items.map((i) => [i.state, i.coveredCents])).toEqual([
      ['paid', 90_000],
      ['part_paid', 5_000],
      ['due', 0],
      ['due', 0],
    ]);
    expect(c.nextDue).toEqual({ dueDate: '2027-02-15', cents: 85_000 });
    // The next day's numbering starts again.
    w.t.clock.setToday('2026-12-08');
    const next = await deposit(caseId, 1_000, { receivedOn: '2026-12-08' });
    expect(next.deposits.at(-1)?.receiptNumber).toBe('OB20261208-0001');
  });

  it('a deposit received on a day before today (keyed late) is accepted back to the interview day', async () => {
    const caseId = await w.interviewJane();
    w.t.clock.setToday('2026-12-20');
    const c = await deposit(caseId, 10_000, { receivedOn: TODAY });
    expect(c.deposits[0]).toMatchObject({ receivedOn: TODAY, receiptNumber: 'OB20261220-0001' });
  });

  it('refuses a date after today or before the interview, naming receivedOn, and writes nothing', async () => {
    const caseId = await w.interviewJane();
    const before = footprint(w.t);
    const late = await refusal(deposit(caseId, 10_000, { receivedOn: '2026-12-08' }));
    expect(late.fields?.receivedOn).toBe('The day it was received cannot be after today.');
    const early = await refusal(deposit(caseId, 10_000, { receivedOn: '2026-12-06' }));
    expect(early.fields?.receivedOn).toBe(`The day it was received cannot be before the interview on ${TODAY}.`);
    const zero = await refusal(deposit(caseId, 0));
    expect(zero.fields?.amountCents).toBeDefined();
    const method = await refusal(deposit(caseId, 100, { method: 'bitcoin' }));
    expect(method.fields?.method).toBe('Choose how it was paid.');
    expect(footprint(w.t)).toBe(before);
  });

  it('is accepted while awaiting the signature, active, and delivered with no account linked yet', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 100);
    w.printAgreement(caseId);
    await w.t.call('ob:recordSignature', { caseId, signedOn: TODAY }, w.clerk);
    await deposit(caseId, 200);
    // Delivered (DELIVERY records it; its writer is caseRows.markDelivered).
    w.t.app.store.db
      .prepare(`UPDATE ob_cases SET status = 'delivered', delivered_on = ? WHERE id = ?`)
      .run(TODAY, caseId);
    const c = await deposit(caseId, 300);
    expect(c.heldCents).toBe(600);
    // Delivered: the schedule is closed, nothing is next due.
    expect(c.nextDue).toBeNull();
  });

  it('is refused once the delivery account is linked (post it on the account), and on a cancelled case', async () => {
    const caseId = await w.interviewJane();
    const db = w.t.app.store.db;
    const a1 = db.prepare(`SELECT id FROM accounts WHERE account_number = 'A1'`).pluck().get() as number;
    db.prepare(`UPDATE ob_cases SET status = 'delivered', delivered_on = ?, signed_on = ? WHERE id = ?`).run(
      TODAY,
      TODAY,
      caseId,
    );
    db.prepare('INSERT INTO ob_delivery_accounts (case_id, account_id, linked_on) VALUES (?, ?, ?)').run(
      caseId,
      a1,
      TODAY,
    );
    const before = footprint(w.t);
    const linked = await refusal(deposit(caseId, 100));
    expect(linked.message).toBe('The delivery account is linked: post the payment on it.');
    expect(footprint(w.t)).toBe(before);

    const other = (
      await w.t.call('ob:interview', { newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'declined' }, w.clerk)
    ).id;
    await w.t.call('ob:cancel', { caseId: other, on: TODAY, note: 'She moved.' }, w.clerk);
    const cancelled = await refusal(deposit(other, 100));
    expect(cancelled.message).toBe(`OB-${other} is cancelled: a payment now is posted on her account.`);
  });
});

describe('ob:reverseDeposit (supervisor): a held deposit keyed by mistake', () => {
  it('reverses it with the note; paid to date drops; a second reversal is refused', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 90_000);
    const c = await deposit(caseId, 9_000);
    const mistake = c.deposits[1]!.id;
    const clerk = await refusal(w.t.call('ob:reverseDeposit', { depositId: mistake, note: 'Typed twice.' }, w.clerk));
    expect(clerk.code).toBe('forbidden');
    const noNote = await refusal(w.t.call('ob:reverseDeposit', { depositId: mistake, note: '' }, w.supervisor));
    expect(noNote.fields?.note).toBe('Say what the mistake was.');
    const after = await w.t.call('ob:reverseDeposit', { depositId: mistake, note: 'Typed twice.' }, w.supervisor);
    expect(after.deposits[1]).toMatchObject({ status: 'reversed', closedOn: TODAY, closeNote: 'Typed twice.' });
    expect(after.heldCents).toBe(90_000);
    expect(after.progress.items.map((i) => i.state)).toEqual(['paid', 'due', 'due', 'due']);
    const again = await refusal(w.t.call('ob:reverseDeposit', { depositId: mistake, note: 'Again.' }, w.supervisor));
    expect(again.message).toBe(
      `Deposit ${after.deposits[1]!.receiptNumber} is reversed already: only a deposit still held can be reversed.`,
    );
    const missing = await refusal(w.t.call('ob:reverseDeposit', { depositId: 9999, note: 'x' }, w.supervisor));
    expect(missing.code).toBe('not_found');
  });
});

describe('ob:refundDeposits (supervisor): a cancelled arrangement’s held deposits go back', () => {
  it('only on a cancelled case; marks every held deposit refunded; a reversed one stays reversed', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 50_000);
    await deposit(caseId, 25_000);
    const c = await deposit(caseId, 1_234);
    await w.t.call('ob:reverseDeposit', { depositId: c.deposits[2]!.id, note: 'Wrong patient.' }, w.supervisor);
    const input = { caseId, refundedOn: TODAY, method: 'check' as const, reference: 'CK 5512' };
    const notCancelled = await refusal(w.t.call('ob:refundDeposits', input, w.supervisor));
    expect(notCancelled.message).toBe(
      `OB-${caseId} is not cancelled: cancel the arrangement before refunding its deposits.`,
    );
    await w.t.call('ob:cancel', { caseId, on: TODAY, note: 'She chose another hospital.' }, w.clerk);
    const byClerk = await refusal(w.t.call('ob:refundDeposits', input, w.clerk));
    expect(byClerk.code).toBe('forbidden');
    const future = await refusal(w.t.call('ob:refundDeposits', { ...input, refundedOn: '2026-12-08' }, w.supervisor));
    expect(future.fields?.refundedOn).toBe('The refund date cannot be after today.');
    const before = await refusal(w.t.call('ob:refundDeposits', { ...input, refundedOn: '2026-12-06' }, w.supervisor));
    expect(before.fields?.refundedOn).toBe(`The refund cannot be before the cancellation on ${TODAY}.`);
    const done = await w.t.call('ob:refundDeposits', input, w.supervisor);
    expect(done.deposits.map((d) => [d.amountCents, d.status, d.closedOn])).toEqual([
      [50_000, 'refunded', TODAY],
      [25_000, 'refunded', TODAY],
      [1_234, 'reversed', TODAY],
    ]);
    expect(done.deposits[0]!.closeNote).toBe('Refunded by check (CK 5512)');
    expect(done.heldCents).toBe(0);
    const row = w.t.app.store.db
      .prepare('SELECT refund_method, refund_reference, closed_by FROM ob_deposits WHERE id = ?')
      .get(done.deposits[0]!.id);
    expect(row).toMatchObject({ refund_method: 'check', refund_reference: 'CK 5512', closed_by: expect.any(Number) });
    const nothing = await refusal(w.t.call('ob:refundDeposits', input, w.supervisor));
    expect(nothing.message).toBe(`OB-${caseId} has no deposit held: nothing to refund.`);
  });

  it('refused on a delivered case: its deposits are applied, not refunded', async () => {
    const caseId = await w.interviewJane();
    await deposit(caseId, 100);
    w.t.app.store.db
      .prepare(`UPDATE ob_cases SET status = 'delivered', delivered_on = ?, signed_on = ? WHERE id = ?`)
      .run(TODAY, TODAY, caseId);
    const r = await refusal(
      w.t.call('ob:refundDeposits', { caseId, refundedOn: TODAY, method: 'cash', reference: '' }, w.supervisor),
    );
    expect(r.message).toBe(
      `OB-${caseId} is past the delivery: its deposits are applied to the delivery account, not refunded.`,
    );
  });
});

describe('deposits are conserved to the cent (fast-check)', () => {
  it('held + applied + refunded + reversed = received, after any deposits, reversals, cancellation and refund', async () => {
    const db = w.t.app.store.db;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('deposit' as const), cents: fc.integer({ min: 1, max: 5_000_000 }) }),
      fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), fc.boolean(), async (ops, cancelAndRefund) => {
        n++;
        const caseId = (
          await w.t.call(
            'ob:interview',
            { newPatient: { ...NEW_PATIENT, firstName: `María${n}` }, ...ESTIMATE, fapScreening: 'declined' },
            w.clerk,
          )
        ).id;
        let received = 0;
        for (const o of ops) {
          if (o.kind === 'deposit') {
            await deposit(caseId, o.cents);
            received += o.cents;
          } else {
            const held = db
              .prepare(`SELECT id FROM ob_deposits WHERE case_id = ? AND status = 'held' ORDER BY id`)
              .pluck()
              .all(caseId) as number[];
            if (held.length > 0)
              await w.t.call(
                'ob:reverseDeposit',
                { depositId: held[o.pick % held.length]!, note: 'Mistake.' },
                w.supervisor,
              );
          }
        }
        let c = await w.t.call('ob:case', { caseId }, w.clerk);
        if (cancelAndRefund) {
          c = await w.t.call('ob:cancel', { caseId, on: TODAY, note: 'Ended.' }, w.clerk);
          if (c.heldCents > 0)
            c = await w.t.call(
              'ob:refundDeposits',
              { caseId, refundedOn: TODAY, method: 'check', reference: '' },
              w.supervisor,
            );
          expect(c.heldCents).toBe(0);
        }
        const by = (status: string) =>
          c.deposits.filter((d) => d.status === status).reduce((s, d) => s + d.amountCents, 0);
        expect(by('held') + by('applied') + by('refunded') + by('reversed')).toBe(received);
        expect(c.heldCents).toBe(by('held'));
        expect(c.appliedCents).toBe(by('applied'));
        // Paid to date against the (only) version: what is live, never below zero.
        expect(c.progress.paidCents).toBe(by('held') + by('applied'));
        const sums = db
          .prepare(`SELECT coalesce(sum(amount_cents), 0) FROM ob_deposits WHERE case_id = ?`)
          .pluck()
          .get(caseId);
        expect(sums).toBe(received);
        if (cancelAndRefund) expect(by('refunded') + by('reversed')).toBe(received);
      }),
      { numRuns: 25 },
    );
  });
});

describe('nothing before delivery touches the ledger or the 501(r) clock (ECA-05)', () => {
  it('interview, deposits, revision, signature, reversal, cancellation and refund write no ledger entry, no payment, no first statement date', async () => {
    const before = ledgerAndClock();
    const jane = await w.interviewJane();
    await deposit(jane, 90_000);
    const c = await deposit(jane, 5_000);
    await w.t.call(
      'ob:revise',
      {
        caseId: jane,
        reason: 'date_moved',
        ...ESTIMATE,
        expectedDelivery: '2027-05-30',
        note: 'New date from her OB.',
      },
      w.clerk,
    );
    w.printAgreement(jane);
    await w.t.call('ob:recordSignature', { caseId: jane, signedOn: TODAY }, w.clerk);
    await w.t.call('ob:reverseDeposit', { depositId: c.deposits[1]!.id, note: 'Typed twice.' }, w.supervisor);
    await w.t.call('ob:cancel', { caseId: jane, on: TODAY, note: 'Ended.' }, w.clerk);
    await w.t.call(
      'ob:refundDeposits',
      { caseId: jane, refundedOn: TODAY, method: 'cash', reference: '' },
      w.supervisor,
    );
    const maria = await w.t.call(
      'ob:interview',
      { newPatient: NEW_PATIENT, ...ESTIMATE, fapScreening: 'declined' },
      w.clerk,
    );
    await deposit(maria.id, 12_345);
    expect(ledgerAndClock()).toBe(
      // Only the new guarantor row appears (balance 0): accounts, entries and payments are as they were.
      JSON.stringify([
        ...JSON.parse(before).slice(0, 3),
        [...(JSON.parse(before)[3] as unknown[]), { id: maria.guarantorId, balance_cents: 0 }],
      ]),
    );
    const first = w.t.app.store.db
      .prepare('SELECT count(*) FROM accounts WHERE first_statement_date IS NOT NULL')
      .pluck()
      .get();
    expect(first).toBe(2); // A1 and A2 from the extract; A3 has none and still has none.
  });
});

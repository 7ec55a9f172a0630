// Issue 17 (PP-04), semantics 7: the delivery recorded, the delivery-account candidates, the link
// (holds placed, the case moved to the extract's record) and every held deposit applied through the
// ledger to the cent. Figures by hand from deliveryWorld.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRun } from '../../../src/main/capabilities/statements';
import { caseDetail } from '../../../src/main/capabilities/obstetrics/views';
import { deliveryWorld, footprint, refusal, TODAY, type DeliveryWorld } from './deliveryWorld';

let w: DeliveryWorld;
beforeEach(async () => {
  w = await deliveryWorld();
});
afterEach(() => w.t.cleanup());

const db = () => w.t.app.store.db;
const status = (caseId: number) =>
  db()
    .prepare('SELECT status, delivered_on, guarantor_id, moved_from_guarantor_id FROM ob_cases WHERE id = ?')
    .get(caseId) as {
    status: string;
    delivered_on: string | null;
    guarantor_id: number;
    moved_from_guarantor_id: number | null;
  };

describe('ob:recordDelivery (semantics 7)', () => {
  it('closes the schedule: the case is delivered, nothing is next or past due any more (an early delivery alike)', async () => {
    const caseId = w.openCase('G1', { expected: '2027-04-20' });
    // Monthly from 2026-11-01 to 2027-03-21 (30 days before 2027-04-20): 2026-11-01 .. 2027-03-01, five of $600.00.
    const before = caseDetail(db(), caseId, TODAY);
    expect(before.nextDue).toEqual({ dueDate: '2026-11-01', cents: 60_000 });
    expect(before.pastDueCents).toBe(4 * 60_000);
    const d = await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-27' }, w.clerk);
    expect(d.status).toBe('delivered');
    expect(d.deliveredOn).toBe('2027-02-27');
    expect(d.nextDue).toBeNull();
    expect(d.pastDueCents).toBe(0);
  });

  it('refuses a date after today or before the interview, and a case delivered already, changing nothing', async () => {
    const caseId = w.openCase('G1');
    const was = footprint(w);
    const late = await refusal(w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-03-02' }, w.clerk));
    expect(late.fields?.deliveredOn).toBe('Choose today or an earlier date.');
    const early = await refusal(w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2026-09-30' }, w.clerk));
    expect(early.message).toBe('The delivery date cannot be before OB-1 was opened (2026-10-01).');
    expect(footprint(w)).toBe(was);
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2026-10-01' }, w.clerk);
    // A date typed wrong is corrected while no delivery account is linked; never after.
    const corrected = await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-16' }, w.clerk);
    expect(corrected.deliveredOn).toBe('2027-02-16');
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D2')] }, w.clerk);
    const again = await refusal(w.t.call('ob:recordDelivery', { caseId, deliveredOn: TODAY }, w.clerk));
    expect(again.message).toBe("OB-1's delivery account is linked: its delivery date (02/16/2027) stays as it is.");
  });

  it('delivered with no delivery account here (she delivered elsewhere): cancelled, and the deposits refunded', async () => {
    const caseId = w.openCase('G2');
    w.deposit(caseId, 50_000, '2026-11-01');
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2026-10-20' }, w.clerk);
    const d = await w.t.call('ob:cancel', { caseId, on: TODAY, note: 'Delivered at County General' }, w.clerk);
    expect(d.status).toBe('cancelled');
    const r = await w.t.call(
      'ob:refundDeposits',
      { caseId, refundedOn: TODAY, method: 'check', reference: '8812' },
      w.admin,
    );
    expect(r.heldCents).toBe(0);
    // Linked, it cannot be cancelled: its deposits are on the account.
    const linked = w.openCase('G1');
    await w.t.call('ob:linkDelivery', { caseId: linked, accountIds: [w.acct('D1')] }, w.clerk);
    const no = await refusal(w.t.call('ob:cancel', { caseId: linked, on: TODAY, note: 'x' }, w.clerk));
    expect(no.message).toBe(`OB-${linked} is linked to its delivery account: it cannot be cancelled.`);
  });
});

describe('ob:deliveryCandidates (semantics 7)', () => {
  it('offers her obstetric and inpatient accounts within 60 days of the expected date, edges included', async () => {
    const caseId = w.openCase('G1');
    const c = await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk);
    expect(c.map((k) => k.accountNumber)).toEqual(['D1', 'D2']);
    expect(c.every((k) => k.sameGuarantor && k.takenByCase === null)).toBe(true);
    expect(c[0]!.why).toBe(
      'An obstetric account of hers whose service starts 60 days before the expected delivery date (02/15/2027).',
    );
    expect(c[0]!.balanceCents).toBe(300_000);
  });

  it('uses the delivery date once recorded', async () => {
    const caseId = w.openCase('G1');
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-16' }, w.clerk);
    // 2026-12-17 is now 61 days before: out; 2027-04-17 is 60 days after: in.
    const c = await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk);
    expect(c.map((k) => k.accountNumber)).toEqual(['D2', 'X2']);
  });

  it('for a record made at the interview, offers the other records of the same patient (birth date and both names), never another birth date', async () => {
    const caseId = w.openCase('G9');
    const c = await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk);
    // Ana Garcia (the same last name) and Maria Lopez (the same first name) are other people.
    expect(c.map((k) => [k.accountNumber, k.sameGuarantor])).toEqual([
      ['D1', false],
      ['D2', false],
    ]);
    expect(c.find((k) => k.accountNumber === 'D1')!.why).toMatch(
      /same date of birth \(04\/02\/1995\) and the same first and last names;/,
    );
    // G4 Maria Garcia born 1995-04-03: the name alone never offers her account.
    expect(c.some((k) => k.accountNumber === 'B1')).toBe(false);
    // The extract's own record (origin 'extract') is offered only its own accounts.
    const own = w.openCase('G2');
    expect((await w.t.call('ob:deliveryCandidates', { caseId: own }, w.clerk)).map((k) => k.accountNumber)).toEqual([
      'N1',
    ]);
  });

  it('shows an account linked to another case as taken', async () => {
    const other = w.openCase('G1');
    await w.t.call('ob:linkDelivery', { caseId: other, accountIds: [w.acct('D1')] }, w.clerk);
    const caseId = w.openCase('G9');
    const c = await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk);
    expect(c.find((k) => k.accountNumber === 'D1')!.takenByCase).toBe(`OB-${other}`);
    const r = await refusal(w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk));
    expect(r.message).toBe(`Account D1 is linked to OB-${other} already.`);
  });

  it("never offers a newborn's account, a stay before the interview, or anything while her identity change waits", async () => {
    const db = w.t.app.store.db;
    const caseId = w.openCase('G1');
    db.prepare("UPDATE accounts SET patient_name = 'GARCIA, BABY GIRL' WHERE account_number = 'D2'").run();
    db.prepare("UPDATE accounts SET patient_name = 'García, María' WHERE account_number = 'D1'").run();
    expect((await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk)).map((k) => k.accountNumber)).toEqual(['D1']);
    // An interview on 2027-02-09: N1 (service 2027-02-10) is after it; moved to 2027-02-08, it began before it.
    const late = w.openCase('G2', { madeOn: '2027-02-09' });
    expect((await w.t.call('ob:deliveryCandidates', { caseId: late }, w.clerk)).map((k) => k.accountNumber)).toEqual([
      'N1',
    ]);
    db.prepare(
      "UPDATE accounts SET service_from = '2027-02-08', service_to = '2027-02-08' WHERE account_number = 'N1'",
    ).run();
    expect(await w.t.call('ob:deliveryCandidates', { caseId: late }, w.clerk)).toEqual([]);
    // A change of her birth date held for a supervisor: nothing is offered until it is decided.
    db.prepare(
      `INSERT INTO import_held_changes (batch_id, guarantor_id, field, from_value, to_value, file, line, held_at)
       VALUES ((SELECT max(id) FROM import_batches), ?, 'date_of_birth', '1995-04-02', '1980-01-01', 'x.csv', 2, 't')`,
    ).run(w.g('G1'));
    expect(await w.t.call('ob:deliveryCandidates', { caseId }, w.clerk)).toEqual([]);
  });
});

describe('ob:linkDelivery (semantics 7)', () => {
  it('refuses an account that is not a candidate, and accounts of two guarantors, changing nothing', async () => {
    const caseId = w.openCase('G9');
    w.deposit(caseId, 10_000, '2026-11-01');
    const was = footprint(w);
    const x = await refusal(w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('X1')] }, w.clerk));
    expect(x.message).toBe(
      `Account X1 is not a delivery candidate for OB-${caseId}: choose one of the accounts offered.`,
    );
    expect(x.fields?.accountIds).toBeDefined();
    const b = await refusal(w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('B1')] }, w.clerk));
    expect(b.message).toMatch(/^Account B1 is not a delivery candidate/);
    // Ana Garcia's account (the same last name and birth date only) is not hers.
    const two = await refusal(
      w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1'), w.acct('N1')] }, w.clerk),
    );
    expect(two.message).toBe(
      `Account N1 is not a delivery candidate for OB-${caseId}: choose one of the accounts offered.`,
    );
    expect(footprint(w)).toBe(was);
  });

  it("moves the case to the extract's record, delivers it on the earliest service date, holds the accounts out of statements", async () => {
    const caseId = w.openCase('G9');
    const d = await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D2'), w.acct('D1')] }, w.clerk);
    const s = status(caseId);
    expect(s).toEqual({
      status: 'delivered',
      delivered_on: '2026-12-17',
      guarantor_id: w.g('G1'),
      moved_from_guarantor_id: w.g('G9'),
    });
    expect(d.guarantorId).toBe(w.g('G1'));
    expect(d.deliveryAccounts.map((a) => [a.accountNumber, a.held])).toEqual([
      ['D1', true],
      ['D2', true],
    ]);
    const holds = db().prepare('SELECT account_id, reason, owner, released_on FROM holds ORDER BY account_id').all();
    expect(holds).toEqual([
      {
        account_id: w.acct('D1'),
        reason: 'plan_current',
        owner: `OB-${caseId} obstetric prepayment`,
        released_on: null,
      },
      {
        account_id: w.acct('D2'),
        reason: 'plan_current',
        owner: `OB-${caseId} obstetric prepayment`,
        released_on: null,
      },
    ]);
    // The statement run leaves D1 and D2 off G1's statement; X1, X2, X3 stay on it.
    const due = planRun(db(), TODAY).due.find((g) => g.guarantorId === w.g('G1'))!;
    expect(due.accounts.map((a) => a.accountId).sort()).toEqual([w.acct('X1'), w.acct('X2'), w.acct('X3')].sort());
    const again = await refusal(w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk));
    expect(again.message).toBe(`OB-${caseId} is linked to D1, D2 already.`);
    // The account page names the arrangement that holds it; the hold is not released by hand.
    const page = await w.t.call('accounts:open', { guarantorId: w.g('G1') }, w.clerk);
    expect(page.accounts.find((x) => x.id === w.acct('D1'))!.nextStep).toBe(
      `On hold (OB-${caseId} obstetric prepayment active): no statements and no collection actions while it stands.`,
    );
    const holdId = db().prepare('SELECT id FROM holds WHERE account_id = ?').pluck().get(w.acct('D1')) as number;
    const byHand = await w.t.raw('holds:release', { holdId, note: 'try' }, w.clerk);
    expect(byHand).toMatchObject({
      ok: false,
      error: {
        message: `This hold belongs to OB-${caseId} obstetric prepayment: it is released when that ends, not by hand.`,
      },
    });
  });

  it('applies every held deposit to the cent: oldest service first, each up to its balance, the rest on the last (a credit)', async () => {
    const caseId = w.openCase('G1');
    const r1 = w.deposit(caseId, 100_000, '2026-11-01');
    const r2 = w.deposit(caseId, 250_000, '2026-12-01', 'cash');
    const r3 = w.deposit(caseId, 60_000, '2027-01-05');
    const d = await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1'), w.acct('D2')] }, w.clerk);
    // D1 $3,000.00, D2 $500.00: $1,000.00 -> D1; $2,500.00 -> D1 $2,000.00 + D2 $500.00; $600.00 -> D2 (credit).
    expect(w.balance('D1')).toBe(0);
    expect(w.balance('D2')).toBe(-60_000);
    const entries = db()
      .prepare(
        `SELECT a.account_number AS acct, e.amount_cents AS cents, e.effective_date AS on_, e.memo, p.amount_cents AS paid,
                p.method, p.reference
           FROM ledger_entries e JOIN accounts a ON a.id = e.account_id JOIN payments p ON p.id = e.payment_id
          WHERE e.type = 'patient_payment' ORDER BY e.id`,
      )
      .all();
    expect(entries).toEqual([
      {
        acct: 'D1',
        cents: -100_000,
        on_: TODAY,
        memo: `OB-${caseId} deposit ${r1} received 2026-11-01`,
        paid: 100_000,
        method: 'check',
        reference: r1,
      },
      {
        acct: 'D1',
        cents: -200_000,
        on_: TODAY,
        memo: `OB-${caseId} deposit ${r2} received 2026-12-01`,
        paid: 250_000,
        method: 'cash',
        reference: r2,
      },
      {
        acct: 'D2',
        cents: -50_000,
        on_: TODAY,
        memo: `OB-${caseId} deposit ${r2} received 2026-12-01`,
        paid: 250_000,
        method: 'cash',
        reference: r2,
      },
      {
        acct: 'D2',
        cents: -60_000,
        on_: TODAY,
        memo: `OB-${caseId} deposit ${r3} received 2027-01-05`,
        paid: 60_000,
        method: 'check',
        reference: r3,
      },
    ]);
    const deposits = db()
      .prepare(
        `SELECT d.receipt_number, d.status, d.applied_on, p.amount_cents FROM ob_deposits d JOIN payments p ON p.id = d.payment_id ORDER BY d.id`,
      )
      .all();
    expect(deposits).toEqual([
      { receipt_number: r1, status: 'applied', applied_on: TODAY, amount_cents: 100_000 },
      { receipt_number: r2, status: 'applied', applied_on: TODAY, amount_cents: 250_000 },
      { receipt_number: r3, status: 'applied', applied_on: TODAY, amount_cents: 60_000 },
    ]);
    expect(d.heldCents).toBe(0);
    expect(d.appliedCents).toBe(410_000);
    // Nothing of it starts the 501(r) clock: the delivery accounts have had no statement.
    expect(
      db()
        .prepare(
          "SELECT count(*) FROM accounts WHERE account_number IN ('D1','D2') AND first_statement_date IS NOT NULL",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('is all-or-nothing: a failure inside the ledger change leaves no hold, no link and no deposit applied', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 100_000, '2026-11-01');
    const was = footprint(w);
    // A trigger makes the ledger refuse the entry (as a failing subscriber would).
    db().exec(
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON ledger_entries WHEN NEW.type = 'patient_payment' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const r = await w.t.raw('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    expect(r.ok).toBe(false);
    db().exec('DROP TRIGGER boom');
    expect(footprint(w)).toBe(was);
    // Without the failure the same call links and applies.
    expect((await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk)).appliedCents).toBe(
      100_000,
    );
  });
});

describe('an applied deposit reversed on the ledger (afterLedgerChange)', () => {
  it('a $1,000.00 deposit applied to D1, its payment reversed (the check bounced): the deposit is reversed too, the case counts nothing applied', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 100_000, '2026-11-01');
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    const row = db()
      .prepare(
        `SELECT d.payment_id, p.receipt_number FROM ob_deposits d JOIN payments p ON p.id = d.payment_id WHERE d.case_id = ?`,
      )
      .get(caseId) as { payment_id: number; receipt_number: string };
    const before = (await w.t.call('ob:case', { caseId }, w.clerk)).appliedCents;
    expect(before).toBe(100_000);
    await w.t.call(
      'payments:reverse',
      { paymentId: row.payment_id, reason: 'Check returned unpaid', effectiveDate: TODAY },
      w.admin,
    );
    const d = await w.t.call('ob:case', { caseId }, w.clerk);
    expect([d.appliedCents, d.heldCents]).toEqual([0, 0]);
    expect(d.deposits[0]).toMatchObject({
      status: 'reversed',
      closeNote: `Its payment ${row.receipt_number} (applied ${TODAY}) was reversed on the ledger.`,
    });
    // The account owes its $3,000.00 again, as the ledger says.
    expect(d.deliveryAccounts[0]!.balanceCents).toBe(300_000);
  });
});

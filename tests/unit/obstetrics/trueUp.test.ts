// Issue 17 (PP-04), semantics 8: the true-up after adjudication, both ways and even; refused while
// the ledger disagrees (balance ≠ share − paid); the holds released: a remainder joins the ordinary
// statement cycle (its first statement, not this, starts the 501(r) clock: ECA-05), a credit shows
// in compliance's credits list. Figures by hand from deliveryWorld.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credits } from '../../../src/main/capabilities/compliance';
import { planRun } from '../../../src/main/capabilities/statements';
import { deliveryWorld, footprint, refusal, remittance, TODAY, type DeliveryWorld } from './deliveryWorld';

let w: DeliveryWorld;
beforeEach(async () => {
  w = await deliveryWorld();
});
afterEach(() => w.t.cleanup());

const db = () => w.t.app.store.db;
const holds = () =>
  db().prepare('SELECT account_id, released_on, release_note FROM holds ORDER BY account_id').all() as {
    account_id: number;
    released_on: string | null;
    release_note: string | null;
  }[];

/** D1 and D2 ($3,500.00) linked with $4,100.00 of deposits applied: D1 $0.00, D2 −$600.00. */
async function overpaid(): Promise<number> {
  const caseId = w.openCase('G1');
  w.deposit(caseId, 100_000, '2026-11-01');
  w.deposit(caseId, 250_000, '2026-12-01');
  w.deposit(caseId, 60_000, '2027-01-05');
  await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1'), w.acct('D2')] }, w.clerk);
  return caseId;
}

describe('ob:trueUpPreview and ob:trueUp (semantics 8)', () => {
  it('a refund: refused until the payer is in the ledger, then the case closes and the credit is in the credits list', async () => {
    const caseId = await overpaid();
    const early = await w.t.call('ob:trueUpPreview', { caseId, realShareCents: 300_000 }, w.clerk);
    // Share $3,000.00, paid $4,100.00: the balance should be −$1,100.00; it is −$600.00 (the payer's $500.00 missing).
    expect(early).toMatchObject({
      estimateCents: 300_000,
      realShareCents: 300_000,
      paidCents: 410_000,
      depositsAppliedCents: 410_000,
      balanceCents: -60_000,
      expectedBalanceCents: -110_000,
      outcome: { outcome: 'refund', cents: 110_000 },
      remittance: null,
    });
    const problem =
      "The delivery accounts' balance is -$600.00; with her share of $3,000.00 and $4,100.00 paid it should be -$1,100.00: the payer's payment or adjustments are not in the ledger yet.";
    expect(early.problem).toBe(problem);
    const was = footprint(w);
    const r = await refusal(w.t.call('ob:trueUp', { caseId, realShareCents: 300_000, source: 'EOB' }, w.clerk));
    expect(r.message).toBe(problem);
    expect(footprint(w)).toBe(was);

    w.post('D1', 50_000, 'insurance_payment');
    const ready = await w.t.call('ob:trueUpPreview', { caseId, realShareCents: 300_000 }, w.clerk);
    expect(ready.problem).toBeNull();
    expect(ready.balanceCents).toBe(-110_000);
    const d = await w.t.call('ob:trueUp', { caseId, realShareCents: 300_000, source: 'Acme EOB 2027-02-20' }, w.clerk);
    expect(d.status).toBe('closed');
    expect(d.trueUp).toEqual({
      realShareCents: 300_000,
      source: 'Acme EOB 2027-02-20',
      outcome: 'refund',
      cents: 110_000,
      truedUpOn: TODAY,
      letterDocumentId: null,
    });
    expect(holds().every((h) => h.released_on === TODAY && h.release_note === `OB-${caseId} trued up`)).toBe(true);
    expect(d.deliveryAccounts.every((a) => !a.held)).toBe(true);
    const c = credits(db(), TODAY, w.g('G1'));
    expect(c.map((x) => [x.accountNumber, x.creditCents])).toEqual([
      ['D1', 50_000],
      ['D2', 60_000],
    ]);
    const again = await refusal(w.t.call('ob:trueUp', { caseId, realShareCents: 300_000, source: 'EOB' }, w.clerk));
    expect(again.message).toBe(`OB-${caseId} was trued up on 03/01/2027.`);
  });

  it('a bill: the hold is released and the account joins the statement cycle, its first statement date still empty', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 100_000, '2026-11-01');
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    expect(w.balance('D1')).toBe(200_000);
    const guarantorDue = () => planRun(db(), TODAY).due.find((g) => g.guarantorId === w.g('G1'))!;
    expect(guarantorDue().accounts.some((a) => a.accountId === w.acct('D1'))).toBe(false);
    // Share $2,500.00, paid $1,000.00: the balance must be $1,500.00; the payer's $500.00 adjustment posted.
    w.post('D1', 50_000, 'contractual_adjustment');
    const p = await w.t.call('ob:trueUpPreview', { caseId, realShareCents: 250_000 }, w.clerk);
    expect(p).toMatchObject({
      paidCents: 100_000,
      balanceCents: 150_000,
      expectedBalanceCents: 150_000,
      problem: null,
    });
    expect(p.outcome).toEqual({ outcome: 'bill', cents: 150_000 });
    const d = await w.t.call('ob:trueUp', { caseId, realShareCents: 250_000, source: 'EOB' }, w.clerk);
    expect(d.trueUp?.outcome).toBe('bill');
    expect(d.trueUp?.cents).toBe(150_000);
    expect(holds()[0]!.released_on).toBe(TODAY);
    expect(guarantorDue().accounts.some((a) => a.accountId === w.acct('D1'))).toBe(true);
    expect(
      db().prepare("SELECT first_statement_date FROM accounts WHERE account_number = 'D1'").pluck().get(),
    ).toBeNull();
  });

  it('even: nothing owed either way', async () => {
    const caseId = w.openCase('G1');
    w.deposit(caseId, 300_000, '2026-11-01');
    await w.t.call('ob:linkDelivery', { caseId, accountIds: [w.acct('D1')] }, w.clerk);
    const d = await w.t.call('ob:trueUp', { caseId, realShareCents: 300_000, source: 'EOB' }, w.clerk);
    expect(d.trueUp).toMatchObject({ outcome: 'even', cents: 0 });
    expect(w.balance('D1')).toBe(0);
  });

  it('prefills the adjudicated share from the latest primary remittance on file for a delivery account', async () => {
    const caseId = await overpaid();
    remittance(w, [
      { account: 'D1', role: 'primary', respCents: 280_000, payer: 'Acme Health', paidOn: '2027-02-18' },
      // A secondary payer's claim is not her share; another account's claim is not the delivery's.
      { account: 'D1', role: 'secondary', respCents: 1_000, payer: 'Second Payer', paidOn: '2027-02-25' },
      { account: 'X1', role: 'primary', respCents: 5_000, payer: 'Second Payer', paidOn: '2027-02-25' },
    ]);
    const p = await w.t.call('ob:trueUpPreview', { caseId, realShareCents: 280_000 }, w.clerk);
    expect(p.remittance).toEqual({ patientRespCents: 280_000, payer: 'Acme Health', paidOn: '2027-02-18' });
  });

  it('refuses a case not delivered, or delivered without its delivery account linked', async () => {
    const caseId = w.openCase('G1');
    expect((await refusal(w.t.call('ob:trueUpPreview', { caseId, realShareCents: 1 }, w.clerk))).message).toBe(
      `Record OB-${caseId}'s delivery first.`,
    );
    await w.t.call('ob:recordDelivery', { caseId, deliveredOn: '2027-02-14' }, w.clerk);
    expect((await refusal(w.t.call('ob:trueUp', { caseId, realShareCents: 1, source: 'EOB' }, w.clerk))).message).toBe(
      `Link OB-${caseId}'s delivery account first: the true-up is made on it.`,
    );
  });
});

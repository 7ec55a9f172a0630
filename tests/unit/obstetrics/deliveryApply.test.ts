// Issue 17, semantics 7: applying the held deposits is money moved, never made or lost. For any
// deposits and any balances of the delivery accounts: the deposits' sum = the new patient_payment
// entries' sum = the fall in the accounts' balances, and held + applied after = held before.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDelivery, splitDeposit } from '../../../src/main/capabilities/obstetrics/delivery';
import { depositTotals } from '../../../src/main/capabilities/obstetrics/reads';
import { deliveryWorld, TODAY, type DeliveryWorld } from './deliveryWorld';

let w: DeliveryWorld;
beforeAll(async () => {
  w = await deliveryWorld();
});
afterAll(() => w.t.cleanup());

class Rollback extends Error {}

describe('splitDeposit (semantics 7)', () => {
  it('fills the oldest account first up to its balance and puts the rest on the last', () => {
    const owing = [
      { accountId: 1, cents: 300 },
      { accountId: 2, cents: 0 },
      { accountId: 3, cents: 50 },
    ];
    expect(splitDeposit(320, owing)).toEqual([
      { accountId: 1, cents: 300 },
      { accountId: 3, cents: 20 },
    ]);
    expect(splitDeposit(100, owing)).toEqual([{ accountId: 3, cents: 100 }]);
    expect(owing.map((o) => o.cents)).toEqual([0, 0, -70]);
  });
});

describe('applying the deposits (property)', () => {
  it('moves exactly the deposits onto the accounts, whatever the deposits and balances', () => {
    const db = w.t.app.store.db;
    const ids = ['D1', 'D2'].map(w.acct);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 0, maxLength: 6 }),
        fc.tuple(fc.integer({ min: -50_000, max: 5_000_000 }), fc.integer({ min: -50_000, max: 5_000_000 })),
        fc.boolean(),
        (deposits, balances, both) => {
          try {
            db.transaction(() => {
              // The balances wanted, by a charge (or a payer's payment) on each account.
              ids.forEach((id, i) => {
                const now = db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id) as number;
                const delta = balances[i]! - now;
                if (delta !== 0) w.post(['D1', 'D2'][i]!, Math.abs(delta), delta > 0 ? 'charge' : 'insurance_payment');
              });
              const caseId = w.openCase('G1');
              deposits.forEach((c, i) => w.deposit(caseId, c, `2026-11-${String(i + 1).padStart(2, '0')}`));
              const chosen = both ? ids : [ids[0]!];
              const before = depositTotals(db, caseId);
              const sumBefore = chosen.reduce(
                (s, id) =>
                  s + (db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id) as number),
                0,
              );
              const lastEntry = db.prepare('SELECT coalesce(max(id), 0) FROM ledger_entries').pluck().get() as number;
              linkDelivery(w.t.app, caseId, chosen, { today: TODAY, now: w.t.app.nowIso(), by: w.by });
              const after = depositTotals(db, caseId);
              const sumAfter = chosen.reduce(
                (s, id) =>
                  s + (db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id) as number),
                0,
              );
              const posted = db
                .prepare(
                  "SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE id > ? AND type = 'patient_payment'",
                )
                .pluck()
                .get(lastEntry) as number;
              const total = deposits.reduce((s, c) => s + c, 0);
              expect(0 - posted).toBe(total);
              expect(sumBefore - sumAfter).toBe(total);
              expect(after.heldCents).toBe(0);
              expect(after.heldCents + after.appliedCents).toBe(before.heldCents);
              // No part is zero or negative; an account goes into credit only as the last one.
              const parts = db
                .prepare(
                  "SELECT account_id, amount_cents FROM ledger_entries WHERE id > ? AND type = 'patient_payment'",
                )
                .all(lastEntry) as { account_id: number; amount_cents: number }[];
              expect(parts.every((p) => p.amount_cents < 0)).toBe(true);
              if (chosen.length === 2) {
                const first = db
                  .prepare('SELECT balance_cents FROM accounts WHERE id = ?')
                  .pluck()
                  .get(ids[0]) as number;
                expect(first).toBe(balances[0]! > 0 ? Math.max(0, balances[0]! - total) : balances[0]!);
              }
              throw new Rollback();
            })();
          } catch (e) {
            if (!(e instanceof Rollback)) throw e;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

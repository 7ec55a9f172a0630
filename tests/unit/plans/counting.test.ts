// Issue 11 item 2 (PP-01..03): a plan counts each dollar once. What a plan covers is the balance
// its accounts owed when it was made; what has been paid on it is the patient's payments posted
// after (progress.ts, paidTowardPlanSql) — one definition the screen, the agreement, the lapse
// letter and the lapse engine share. A property test drives random payments, reversals and
// adjustments before and after set-up through the channels and checks them against the ledger.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { planProgress } from '../../../src/shared/rules/planProgress';
import { importSmall } from '../accounts/fixtures';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t); // Jane: A1 $500.00, A2 $300.00
  return { admin, ...ids };
}

const plan = (guarantorId: number, accountIds: number[]) => ({
  guarantorId,
  accountIds,
  fapAnswer: 'declined' as const,
  downPaymentCents: 0,
  frequency: 'monthly' as const,
  firstDueDate: '2026-12-15',
  installmentCount: 4,
});

async function pay(session: string, guarantorId: number, cents: number, date: string) {
  return t.call(
    'payments:post',
    {
      guarantorId,
      method: 'cash',
      reference: '',
      amountCents: cents,
      effectiveDate: date,
      allocations: [],
      confirmDuplicate: true,
    },
    session,
  );
}

const janeBalance = (jane: number) =>
  t.app.store.db.prepare('SELECT balance_cents FROM guarantors WHERE id = ?').pluck().get(jane) as number;

describe('a plan counts each dollar once', () => {
  it('a plan made after a same-day payment does not count that payment again', async () => {
    const { admin, jane, a1, a2 } = await ready();
    await pay(admin, jane, 20_000, '2026-11-26');
    const p = await t.call('plans:create', plan(jane, [a1, a2]), admin);
    expect(p.balanceCents).toBe(60_000);
    // Before the fix: the $200 paid before set-up was counted toward the plan.
    expect(p.progress).toMatchObject({ state: 'current', paidCents: 0, owedCents: 60_000 });
    expect(p.progress.owedCents).toBe(janeBalance(jane));
    // A payment after set-up, the same day, counts once.
    await pay(admin, jane, 15_000, '2026-11-26');
    const [after] = await t.call('plans:list', { guarantorId: jane }, admin);
    expect(after!.progress).toMatchObject({ paidCents: 15_000, owedCents: 45_000 });
    expect(after!.progress.owedCents).toBe(janeBalance(jane));
  });

  it('a credit on one of the plan’s accounts is refunded, not taken off what the plan asks (ECA-05)', async () => {
    const { admin, jane, a1, a2 } = await ready();
    await t.call('plans:create', plan(jane, [a1, a2]), admin); // $800.00 in four payments of $200.00
    // A1 was billed $600.00 too much: $500.00 - $600.00 = a $100.00 credit. A2 still owes $300.00.
    await t.call(
      'ledger:adjust',
      {
        accountId: a1,
        reason: 'billing_error',
        amountCents: 60_000,
        effectiveDate: '2026-11-26',
        memo: 'billed twice',
      },
      admin,
    );
    const [view] = await t.call('plans:list', { guarantorId: jane }, admin);
    // Before: the credit was netted, and the plan asked for $200.00 in all while the $100.00 was
    // also to be refunded.
    expect(view!.progress).toMatchObject({
      owedCents: 30_000,
      nextDue: { dueDate: '2026-12-15', amountCents: 20_000 },
    });
    expect(janeBalance(jane)).toBe(20_000);
    expect((await t.call('credits:list', { guarantorId: jane }, admin)).map((c) => c.creditCents)).toEqual([10_000]);
  });

  it('what a plan still asks for never exceeds what its accounts owe; accounts owing nothing complete it', () => {
    const terms = {
      installments: [
        { number: 1, dueDate: '2026-12-15', amountCents: 25_000 },
        { number: 2, dueDate: '2027-01-15', amountCents: 25_000 },
      ],
      overpayment: 'pay_ahead' as const,
      graceDays: 10,
      cureDays: 15,
      missedToDefault: 2,
    };
    // Insurance paid $300 of the $500 after set-up: $200 is what the plan still asks.
    const lowered = planProgress(terms, [], '2027-01-30', 20_000);
    expect(lowered).toMatchObject({ owedCents: 20_000, pastDueCents: 20_000, state: 'defaulted' });
    expect(planProgress(terms, [], '2026-12-01', 20_000).nextDue).toEqual({
      dueDate: '2026-12-15',
      amountCents: 20_000,
    });
    expect(planProgress(terms, [], '2026-12-01', 0)).toMatchObject({ state: 'completed', owedCents: 0, nextDue: null });
    // Without a cap (what the accounts owe not known), the schedule stands.
    expect(planProgress(terms, [{ date: '2026-12-10', amountCents: 10_000 }], '2026-12-01')).toMatchObject({
      owedCents: 50_000,
    });
  });
});

// One step of a clerk's day, before or after the plan is made.
type Step =
  { kind: 'pay'; cents: number } | { kind: 'reverse'; which: number } | { kind: 'adjust'; cents: number; up: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), cents: fc.integer({ min: 1, max: 30_000 }) }),
  fc.record({ kind: fc.constant('reverse' as const), which: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constant('adjust' as const), cents: fc.integer({ min: 1, max: 9_000 }), up: fc.boolean() }),
);

describe('property: the plan agrees with the ledger, whatever happens before and after set-up', () => {
  it('paid = the standing payments posted after set-up; still owed = what is left, never more than the accounts owe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 5 }), fc.array(step, { maxLength: 6 }), async (before, after) => {
        t?.cleanup();
        const { admin, jane, a1, a2 } = await ready();
        const payments: { id: number; cents: number; afterSetUp: boolean; reversed: boolean }[] = [];
        const run = async (s: Step, afterSetUp: boolean) => {
          if (s.kind === 'pay') {
            if (s.cents > janeBalance(jane)) return; // a payment above the balance is refused
            const r = await pay(admin, jane, s.cents, '2026-11-26');
            payments.push({ id: r.paymentId!, cents: s.cents, afterSetUp, reversed: false });
          } else if (s.kind === 'reverse') {
            const target = payments.filter((p) => !p.reversed)[s.which];
            if (!target) return;
            await t.call(
              'payments:reverse',
              { paymentId: target.id, reason: 'returned check', effectiveDate: '2026-11-26' },
              admin,
            );
            target.reversed = true;
          } else {
            const a1Balance = t.app.store.db
              .prepare('SELECT balance_cents FROM accounts WHERE id = ?')
              .pluck()
              .get(a1) as number;
            // A billing-error correction may take A1 past zero: a credit, refunded, never applied.
            if (!s.up && s.cents > a1Balance + 5_000) return;
            await t.call(
              'ledger:adjust',
              {
                accountId: a1,
                reason: s.up ? 'rebill' : 'billing_error',
                amountCents: s.cents,
                effectiveDate: '2026-11-26',
                memo: '',
              },
              admin,
            );
          }
        };
        for (const s of before) await run(s, false);
        const setUpBalance = janeBalance(jane);
        if (setUpBalance < 10_000) return; // too little left for a plan of four payments
        // Any balance: outside the policy's tiers the administrator gives the exception's reason.
        const made = await t.call('plans:create', { ...plan(jane, [a1, a2]), exceptionReason: 'property test' }, admin);
        expect(made.balanceCents).toBe(setUpBalance);
        for (const s of after) await run(s, true);

        const [view] = await t.call('plans:list', { guarantorId: jane }, admin);
        const paidAfter = payments.filter((p) => p.afterSetUp && !p.reversed).reduce((sum, p) => sum + p.cents, 0);
        // What the plan's accounts owe: a credit counts as nothing (it is refunded, ECA-05).
        const balanceOf = (id: number) =>
          t.app.store.db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(id) as number;
        const accountsOwe = Math.max(0, balanceOf(a1)) + Math.max(0, balanceOf(a2));
        const scheduled = view!.progress.installments.reduce((sum, i) => sum + i.amountCents, 0);
        expect(scheduled).toBe(setUpBalance);
        expect(view!.progress.paidCents).toBe(Math.min(paidAfter, scheduled));
        expect(view!.progress.owedCents).toBe(Math.max(0, Math.min(scheduled - view!.progress.paidCents, accountsOwe)));
        expect(view!.progress.pastDueCents).toBeLessThanOrEqual(view!.progress.owedCents);
        // Nothing but payments moved: the plan's "still owed" is the balance, to the cent.
        if (before.concat(after).every((s) => s.kind === 'pay')) expect(view!.progress.owedCents).toBe(accountsOwe);
        expect(verifyBalances(t.app.store.db).ok).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

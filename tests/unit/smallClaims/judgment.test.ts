// The judgment and what follows (issue 13): the ledger made to say what the court awarded, in the
// same change (the excess adjusted off oldest account first, court costs as their own entry), payments
// as court recovery, post-judgment actions through the 501(r) gate (kept with the case and in the
// register, refused or allowed), satisfaction only when nothing is owed, a judgment for the
// defendant ending the case. Every figure agrees with the ledger to the cent.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';
import {
  activeLitigationHolds,
  caCourtId,
  demandRecorded,
  footprint,
  LA_COURT,
  ledgerSum,
  openG1,
  refusal,
  register,
} from './caseSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

async function filed(world: CourtWorld, open: () => Promise<number> = () => openG1(world)): Promise<number> {
  const caseId = await open();
  demandRecorded(world, caseId, COURT_TODAY, '2026-06-01');
  world.t.clock.setToday(GATE_OPENS);
  await world.t.call(
    'smallClaims:record',
    { event: 'filed', caseId, on: GATE_OPENS, caseNumber: '26SMCV00412', filingFeeCents: 7_500 },
    world.clerk,
  );
  return caseId;
}

/** The test book's supervisor (support.ts addUserAndLogIn), approving a judgment's write-off. */
const SUPERVISOR_APPROVAL = { username: 'sup1', password: 'password-for-sup1' };

const judgment = (
  caseId: number,
  on: string,
  amountCents: number,
  costsCents: number,
  outcome: 'plaintiff' | 'defendant' = 'plaintiff',
  approval?: { username: string; password: string },
) =>
  ({
    event: 'judgment',
    caseId,
    on,
    outcome,
    amountCents,
    costsCents,
    interestRateBp: 1000,
    ...(approval ? { approval } : {}),
  }) as const;

describe('a judgment for the hospital', () => {
  it('adjusts what is above the award off the oldest account and posts the costs, agreeing with the ledger', async () => {
    w = await courtWorld();
    const { t, clerk, acct } = w;
    const caseId = await filed(w);
    t.clock.setToday('2026-07-15');
    const before = footprint(w);
    const tooMuch = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-07-15', 195_001, 0), clerk));
    expect(tooMuch.fields?.amountCents).toContain('cannot be more than the claim, $1,950.00');
    const nothing = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-07-15', 0, 0), clerk));
    expect(Object.keys(nothing.fields ?? {})).toEqual(['amountCents']);
    const early = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-06-01', 100_000, 0), clerk));
    expect(early.fields?.on).toContain('June 2, 2026 or later');
    const future = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-07-16', 100_000, 0), clerk));
    expect(future.fields?.on).toBe('A judgment cannot be dated after the business date, 07/15/2026.');
    expect(footprint(w)).toBe(before);

    // $1,800.00 awarded of the $1,950.00 owed, $75.00 costs, 10% interest.
    const c = await t.call('smallClaims:record', judgment(caseId, '2026-07-15', 180_000, 7_500), clerk);
    expect(c).toMatchObject({
      status: 'judgment',
      judgmentOn: '2026-07-15',
      judgmentCents: 180_000,
      costsCents: 7_500,
      interestRateBp: 1000,
      balanceCents: 187_500,
      judgmentOwedCents: 187_500,
    });
    // C1 (served 2026-01-05, the oldest): $1,500.00 − $150.00 + $75.00 = $1,425.00; C2 untouched.
    expect(c.accounts.map((a) => [a.accountNumber, a.balanceCents])).toEqual([
      ['C1', 142_500],
      ['C2', 45_000],
    ]);
    expect(ledgerSum(w, acct('C1'))).toBe(142_500);
    expect(ledgerSum(w, acct('C2'))).toBe(45_000);
    const posted = t.app.store.db
      .prepare(
        "SELECT type, amount_cents, effective_date FROM ledger_entries WHERE account_id = ? AND effective_date = '2026-07-15' ORDER BY id",
      )
      .all(acct('C1'));
    expect(posted).toEqual([
      { type: 'administrative_adjustment', amount_cents: -15_000, effective_date: '2026-07-15' },
      { type: 'court_costs', amount_cents: 7_500, effective_date: '2026-07-15' },
    ]);
    expect(c.events.at(-1)!.text).toBe(
      'Judgment for the hospital: $1,800.00 and $75.00 in court costs, interest at 10.00% a year (recorded, not computed). The accounts owed $1,950.00: $150.00 above the judgment is adjusted off and can never be collected.',
    );
    expect(c.next).toContain('Collect the judgment: $1,875.00 is still owed');
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
    // A second judgment is refused.
    const again = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-07-15', 1_000, 0), clerk));
    expect(again.code).toBe('not_allowed');
  });

  it('adjusts the waived excess off: it can never be collected', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const caseId = await filed(w, async () => {
      const r = await t.call(
        'smallClaims:open',
        {
          guarantorId: gid('G2'),
          accountIds: [acct('C3')],
          courtId: caCourtId(w!),
          basis: 'written',
          ...LA_COURT,
          waiveExcess: true,
          waiverNote: 'Cheaper than a civil suit.',
        },
        clerk,
      );
      return r.caseId;
    });
    t.clock.setToday('2026-07-15');
    // Writing off $750.00 is over the $250.00 a clerk may adjust alone: a supervisor approves it.
    const alone = await refusal(t.call('smallClaims:record', judgment(caseId, '2026-07-15', 625_000, 0), clerk));
    expect(alone.code).toBe('forbidden');
    expect(alone.fields?.approval).toBe('A supervisor must approve writing off $750.00.');
    const c = await t.call(
      'smallClaims:record',
      judgment(caseId, '2026-07-15', 625_000, 0, 'plaintiff', SUPERVISOR_APPROVAL),
      clerk,
    );
    // The write-off names its reason and who approved it.
    expect(
      t.app.store.db
        .prepare(
          "SELECT reason_code, approved_by IS NOT NULL AS approved FROM ledger_entries WHERE type = 'administrative_adjustment' ORDER BY id DESC LIMIT 1",
        )
        .get(),
    ).toEqual({ reason_code: 'court_judgment', approved: 1 });
    expect(c.judgmentOwedCents).toBe(625_000);
    expect(ledgerSum(w, acct('C3'))).toBe(625_000);
  });
});

describe('a judgment above what is still owed', () => {
  it('collects only what the accounts owe and says so', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = await filed(w);
    t.clock.setToday('2026-06-10');
    await t.call(
      'smallClaims:payment',
      { caseId, receivedOn: '2026-06-10', amountCents: 45_000, method: 'cash', reference: '' },
      clerk,
    );
    t.clock.setToday('2026-07-15');
    const c = await t.call('smallClaims:record', judgment(caseId, '2026-07-15', 195_000, 0), clerk);
    expect(c).toMatchObject({ judgmentOwedCents: 150_000, recoveredCents: 45_000 });
    expect(c.events.at(-1)!.text).toContain(
      'The accounts owe $1,500.00, less than the award (payments since the filing): only that is collected.',
    );
  });
});

describe('after the judgment', () => {
  it('takes payments as court recovery, asks the gate for actions, and is satisfied only when paid', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const caseId = await filed(w);
    t.clock.setToday('2026-07-15');
    await t.call('smallClaims:record', judgment(caseId, '2026-07-15', 180_000, 7_500), clerk);
    t.clock.setToday('2026-07-20');
    const pay = (amountCents: number, receivedOn = '2026-07-20') =>
      t.call('smallClaims:payment', { caseId, receivedOn, amountCents, method: 'check', reference: 'CHK 77' }, clerk);
    const before = footprint(w);
    const over = await refusal(pay(187_501));
    expect(over.fields?.amountCents).toContain('The case’s accounts owe $1,875.00');
    const beforeFiling = await refusal(pay(1_000, '2026-06-01'));
    expect(beforeFiling.fields?.receivedOn).toContain('post it from the account screen');
    const tomorrow = await refusal(pay(1_000, '2026-07-21'));
    expect(Object.keys(tomorrow.fields ?? {})).toEqual(['receivedOn']);
    expect(footprint(w)).toBe(before);

    let c = await pay(50_000);
    // Oldest first: C1 $1,425.00 → $925.00.
    expect(c.accounts.map((a) => a.balanceCents)).toEqual([92_500, 45_000]);
    expect(c).toMatchObject({ recoveredCents: 50_000, judgmentOwedCents: 137_500, balanceCents: 137_500 });
    expect(
      t.app.store.db
        .prepare("SELECT account_id, amount_cents, reference FROM ledger_entries WHERE type = 'court_recovery'")
        .all(),
    ).toEqual([{ account_id: acct('C1'), amount_cents: -50_000, reference: 'CHK 77' }]);

    // A wage garnishment: the gate allows it on both accounts (the case's own holds are no bar).
    c = await t.call('smallClaims:postJudgment', { caseId, kind: 'wage_garnishment', note: 'Employer: Acme' }, clerk);
    expect(c.actions).toEqual([
      expect.objectContaining({ kind: 'wage_garnishment', requestedOn: '2026-07-20', allowed: true, reasons: [] }),
    ]);
    for (const a of ['C1', 'C2'])
      expect(register(w, acct(a)).at(-1)).toMatchObject({
        kind: 'wage_garnishment',
        attempted_on: '2026-07-20',
        allowed: 1,
      });

    // A dispute on C2 stops a bank levy: kept with the case and in the register, nothing else changes.
    await t.call(
      'holds:place',
      { guarantorId: gid('G1'), accountId: acct('C2'), reason: 'dispute', note: 'Says C2 was paid' },
      clerk,
    );
    const beforeLevy = footprint(w);
    const levy = await refusal(t.call('smallClaims:postJudgment', { caseId, kind: 'bank_levy', note: '' }, clerk));
    expect(levy.code).toBe('not_allowed');
    expect(levy.message).toContain('account C2');
    expect(register(w, acct('C2')).at(-1)).toMatchObject({ kind: 'bank_levy', allowed: 0 });
    // All or nothing: C1 is not asked (the register never shows a levy allowed on a step not taken).
    expect(register(w, acct('C1')).filter((r) => r.kind === 'bank_levy')).toEqual([]);
    c = await t.call('smallClaims:case', { caseId }, clerk);
    expect(c.actions).toHaveLength(2);
    expect(c.actions[1]).toMatchObject({ kind: 'bank_levy', allowed: false });
    expect(c.actions[1]!.reasons[0]).toMatch(/^Account C2: /);
    const afterLevy = JSON.parse(footprint(w)) as unknown[];
    const was = JSON.parse(beforeLevy) as unknown[];
    // Only court_actions (index 3) gained the refusal.
    expect(afterLevy.filter((_, i) => i !== 3)).toEqual(was.filter((_, i) => i !== 3));

    const early = await refusal(
      t.call(
        'smallClaims:record',
        { event: 'closed', caseId, on: '2026-07-20', outcome: 'satisfied', note: '' },
        clerk,
      ),
    );
    expect(early.message).toContain('$1,375.00 is still owed');
    c = await pay(137_500);
    expect(c).toMatchObject({ judgmentOwedCents: 0, recoveredCents: 187_500 });
    expect(c.next).toContain('close the case as satisfied');
    c = await t.call(
      'smallClaims:record',
      { event: 'closed', caseId, on: '2026-07-20', outcome: 'satisfied', note: 'Satisfaction filed.' },
      clerk,
    );
    expect(c.status).toBe('satisfied');
    expect(activeLitigationHolds(w, gid('G1'))).toEqual([]);
    // The dispute is not the case's hold: it stays.
    const holds = await t.call('holds:list', { guarantorId: gid('G1') }, clerk);
    expect(holds.filter((h) => h.active).map((h) => h.reason)).toEqual(['dispute']);
    const noMore = await refusal(pay(1));
    expect(noMore.code).toBe('not_allowed');
  });
});

describe('a judgment for the defendant', () => {
  it('adjusts the accounts to nothing, releases the holds and closes the case', async () => {
    w = await courtWorld();
    const { t, clerk, acct, gid } = w;
    const caseId = await filed(w);
    t.clock.setToday('2026-07-15');
    const withAmount = await refusal(
      t.call('smallClaims:record', judgment(caseId, '2026-07-15', 100, 0, 'defendant'), clerk),
    );
    expect(Object.keys(withAmount.fields ?? {})).toEqual(['amountCents']);
    const c = await t.call(
      'smallClaims:record',
      judgment(caseId, '2026-07-15', 0, 0, 'defendant', SUPERVISOR_APPROVAL),
      clerk,
    );
    expect(c).toMatchObject({ status: 'lost', closedOn: '2026-07-15', balanceCents: 0, judgmentOwedCents: 0 });
    expect(ledgerSum(w, acct('C1'))).toBe(0);
    expect(ledgerSum(w, acct('C2'))).toBe(0);
    expect(activeLitigationHolds(w, gid('G1'))).toEqual([]);
    expect(c.next).toBe('Nothing: the case is closed (judgment for the defendant on July 15, 2026).');
  });
});

describe('the case’s figures are the ledger’s (property)', () => {
  it('over random payments and judgments, owed and recovered equal the ledger sums to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 60_000 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 195_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.integer({ min: 1, max: 80_000 }), { maxLength: 3 }),
        async (before, award, costs, after) => {
          const world = await courtWorld();
          try {
            const { t, clerk, acct } = world;
            const caseId = await filed(world);
            const ids = [acct('C1'), acct('C2')];
            const owedNow = () => ids.reduce((s, id) => s + Math.max(0, ledgerSum(world, id)), 0);
            let paid = 0;
            t.clock.setToday('2026-06-10');
            for (const cents of before) {
              const amount = Math.min(cents, owedNow());
              if (amount <= 0) break;
              await t.call(
                'smallClaims:payment',
                { caseId, receivedOn: '2026-06-10', amountCents: amount, method: 'cash', reference: '' },
                clerk,
              );
              paid += amount;
            }
            t.clock.setToday('2026-07-15');
            const owedBefore = owedNow();
            let c = await t.call(
              'smallClaims:record',
              judgment(caseId, '2026-07-15', award, costs, 'plaintiff', SUPERVISOR_APPROVAL),
              clerk,
            );
            expect(c.judgmentOwedCents).toBe(Math.min(award, owedBefore) + costs);
            t.clock.setToday('2026-07-20');
            for (const cents of after) {
              const amount = Math.min(cents, owedNow());
              if (amount <= 0) break;
              c = await t.call(
                'smallClaims:payment',
                { caseId, receivedOn: '2026-07-20', amountCents: amount, method: 'card', reference: '' },
                clerk,
              );
              paid += amount;
            }
            c = await t.call('smallClaims:case', { caseId }, clerk);
            expect(c.judgmentOwedCents).toBe(owedNow());
            expect(c.balanceCents).toBe(owedNow());
            expect(c.accounts.map((a) => a.balanceCents)).toEqual(ids.map((id) => ledgerSum(world, id)));
            expect(c.recoveredCents).toBe(paid);
            expect(verifyBalances(t.app.store.db).ok).toBe(true);
          } finally {
            world.t.cleanup();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});

// Issue 15, X-02: for any 835 (generated), each matched claim moves its account's balance by exactly
// -(paid + CO + PI) where those are positive, PR and OA never; unmatched claims move nothing; and
// the balances still agree with the ledger.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasGroup } from '../../../src/main/capabilities/badDebt/x12';
import { write835, type CasTriplet, type Write835Claim } from '../../../src/main/capabilities/badDebt/x12Write';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { eraWorld, importText, type EraWorld } from './eraSupport';

const ACCOUNTS = ['5554555444', '8765432112', '666123', '777777', 'L0004828311', '0001000053'];

const triplet = fc.tuple(
  fc.constantFrom<CasGroup>('PR', 'CO', 'OA', 'PI'),
  fc.constantFrom('1', '2', '3', '45', 'A2', '23'),
  fc.integer({ min: 1, max: 500_00 }),
) as fc.Arbitrary<CasTriplet>;

const claimArb = fc.record({
  patientControl: fc.oneof(fc.constantFrom(...ACCOUNTS), fc.constantFrom('NOPE1', 'NOPE2')),
  status: fc.constantFrom('1', '2', '3', '19', '4'),
  filing: fc.constantFrom('MA', 'MB', 'MC', '12', 'CI'),
  paidCents: fc.integer({ min: 0, max: 2_000_00 }),
  cas: fc.array(triplet, { maxLength: 4 }),
  lineCas: fc.array(triplet, { maxLength: 7 }),
});

let w: EraWorld;
beforeAll(async () => {
  w = await eraWorld();
});
afterAll(() => w.t.cleanup());

describe('generated 835s', () => {
  it('balances move by exactly minus (paid + CO + PI) of the matched claims', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(claimArb, { minLength: 1, maxLength: 8 }), async (claims) => {
        n++;
        const before = new Map(ACCOUNTS.map((a) => [a, w.balance(a)]));
        const expected = new Map(ACCOUNTS.map((a) => [a, 0]));
        const written: Write835Claim[] = claims.map((c, i) => {
          const contractual = [...c.cas, ...c.lineCas]
            .filter(([g]) => g === 'CO' || g === 'PI')
            .reduce((s, [, , cents]) => s + cents, 0);
          if (expected.has(c.patientControl))
            expected.set(c.patientControl, expected.get(c.patientControl)! - c.paidCents - contractual);
          return {
            patientControl: c.patientControl,
            status: c.status,
            filing: c.filing,
            chargeCents: 900_00,
            paidCents: c.paidCents,
            // Each claim its own: nothing here is a duplicate of another run's claim.
            payerClaimNumber: `R${n}C${i}`,
            cas: c.cas,
            lines:
              c.lineCas.length > 0
                ? [{ procedure: 'HC:99213', chargeCents: 900_00, paidCents: c.paidCents, cas: c.lineCas }]
                : [],
          };
        });
        const text = write835([{ payerName: 'GENERATED', date: '2026-11-01', claims: written }], {
          control: String(n),
        });
        await importText(w, `g${n}.835`, text);
        for (const a of ACCOUNTS) expect(w.balance(a) - before.get(a)!).toBe(expected.get(a));
      }),
      { numRuns: 40 },
    );
    expect(verifyBalances(w.t.app.store.db).ok).toBe(true);
  });
});

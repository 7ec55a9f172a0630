// BD-14: for any accounts, payments, write-offs and recoveries, the listing's column 23 total is
// the ledger's bad-debt figure for the period (write-offs dated in it less recoveries received in
// it), to the cent — the figure computed here straight from the ledger, not by the listing's code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLedger } from '../../../src/main/capabilities/ledger';
import { buildListing } from '../../../src/main/capabilities/badDebt/listing';
import { saveFacts } from '../../../src/main/capabilities/badDebt/rows';
import {
  decide,
  propose,
  recordRecovery,
  recoveredCents,
  reverseWriteOff,
} from '../../../src/main/capabilities/badDebt/writeOffs';
import { addDays } from '../../../src/shared/dates';
import { importSmall } from '../accounts/fixtures';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { extract, extractRow } from './world';

const TODAY = '2027-12-31';
let t: TestApp;
let run = 0;
beforeAll(async () => {
  t = testApp({ today: TODAY });
  const admin = await setUpAndLogIn(t);
  const s = await t.call('settings:get', {}, admin);
  await t.call('settings:update', { badDebt: { ...s.badDebt, ccn: '999999', fiscalYearEnd: '12-31' } }, admin);
});
afterAll(() => t.cleanup());

const accountArb = fc.record({
  deductible: fc.integer({ min: 1_000, max: 50_000 }),
  coinsurance: fc.integer({ min: 0, max: 20_000 }),
  medicarePaid: fc.integer({ min: 1, max: 90_000 }),
  payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 70 }), cents: fc.integer({ min: 1, max: 5_000 }) }), {
    maxLength: 2,
  }),
  writeOffDay: fc.integer({ min: 0, max: 150 }),
  /** Reversed by a supervisor (when nothing was recovered on it): off the listing and the ledger. */
  reversed: fc.boolean(),
  recoveries: fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 330 }), cents: fc.integer({ min: 1, max: 8_000 }) }),
    {
      maxLength: 3,
    },
  ),
});

const dollars = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

describe('the listing reconciles to the ledger (property)', () => {
  it('column 23 total = bad-debt write-offs in the period less recoveries in it, to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountArb, { minLength: 1, maxLength: 5 }), async (accounts) => {
        run += 1;
        const ccn = `R${String(run).padStart(5, '0')}`;
        const db = t.app.store.db;
        const rows = accounts.flatMap((a, i) => {
          const acct = `P${run}X${i}`;
          const owed = a.deductible + a.coinsurance;
          const charge = owed + a.medicarePaid;
          const r = (tx: string, type: string, amount: string, on: string) =>
            extractRow(
              `PG${run}X${i}`,
              'Doe',
              `Jo${i}`,
              acct,
              '2026-01-02',
              '2026-01-02',
              i % 2 ? 'outpatient' : 'emergency',
              'medicare',
              '2026-01-15',
              tx,
              type,
              amount,
              on,
              `"Doe${i}, Jo"`,
              '2026-01-05',
              dollars(a.deductible),
              dollars(a.coinsurance),
            );
          return [
            r(`${acct}-c`, 'charge', dollars(charge), '2026-01-02'),
            r(`${acct}-m`, 'insurance_payment', `-${dollars(a.medicarePaid)}`, '2026-01-05'),
          ];
        });
        await importSmall(t, extract(rows));
        const ids = accounts.map(
          (_, i) =>
            db.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(`P${run}X${i}`) as number,
        );
        const when = { today: TODAY, now: t.app.nowIso(), by: 1 };
        for (const [i, a] of accounts.entries()) {
          const id = ids[i]!;
          saveFacts(
            db,
            {
              accountId: id,
              professionalComponent: false,
              qmb: false,
              ccn,
              medicaidAd: false,
              medicaidAdNote: '',
              secondaryDeniedOn: null,
            },
            when.now,
            null,
          );
          // Payments leave at least a cent of deductible and coinsurance unpaid.
          let left = a.deductible + a.coinsurance - 1;
          changeLedger(t.app, null, (ledger) => {
            for (const p of a.payments) {
              const cents = Math.min(p.cents, left);
              if (cents <= 0) continue;
              left -= cents;
              ledger.post({
                accountId: id,
                type: 'patient_payment',
                amountCents: -cents,
                effectiveDate: addDays('2026-01-16', p.day),
              });
            }
          });
          // Written off 2026-08-01 .. 2026-12-29 (every payment's 120 days end by 2026-07-25).
          const on = addDays('2026-08-01', a.writeOffDay);
          const [proposal] = propose(db, { accountIds: [id], ceasedOn: on, note: '' }, when);
          decide(t.app, { writeOffIds: [proposal!.id], decision: 'approve', writtenOffOn: on, note: '' }, when);
          const amount = db
            .prepare('SELECT amount_cents FROM bad_debt_writeoffs WHERE id = ?')
            .pluck()
            .get(proposal!.id) as number;
          for (const r of a.recoveries) {
            const receivedOn = addDays(on, r.day);
            if (receivedOn > TODAY) continue;
            const cents = Math.min(r.cents, amount - recoveredCents(db, id, on));
            if (cents <= 0) continue;
            recordRecovery(
              t.app,
              { accountId: id, receivedOn, amountCents: cents, method: 'cash', reference: '', confirmDuplicate: true },
              { ...when, role: 'supervisor' },
            );
          }
          if (a.reversed && recoveredCents(db, id, on) === 0)
            reverseWriteOff(t.app, { writeOffId: proposal!.id, reason: 'mistake' }, when);
        }
        const inList = `(SELECT value FROM json_each('${JSON.stringify(ids)}'))`;
        for (const [from, to] of [
          ['2026-01-01', '2026-12-31'],
          ['2027-01-01', '2027-12-31'],
        ] as const) {
          for (const setting of ['inpatient', 'outpatient'] as const) {
            const settingSql =
              setting === 'inpatient' ? "a.service_type = 'inpatient'" : "a.service_type <> 'inpatient'";
            const ledger = db
              .prepare(
                `SELECT coalesce(-sum(e.amount_cents), 0)
                   FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
                  WHERE e.account_id IN ${inList} AND ${settingSql} AND e.effective_date BETWEEN ? AND ?
                    AND (e.type = 'bad_debt_writeoff' OR (e.type = 'administrative_adjustment' AND e.reason_code = 'bad_debt_recovery'))
                    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)`,
              )
              .pluck()
              .get(from, to) as number;
            const view = buildListing(db, { ccn, periodFrom: from, periodTo: to, setting }, TODAY);
            const col23 = view.lines.reduce((s, l) => s + l.allowableCents, 0);
            expect(col23).toBe(ledger);
            expect(view.header.totalAllowableCents).toBe(ledger);
            expect(view.reconciliation.agrees).toBe(true);
            expect(view.problems).toEqual([]);
          }
        }
      }),
      { numRuns: 25, seed: 1506 },
    );
  }, 120_000);
});

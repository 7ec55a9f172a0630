// The scorecard (issue 12 item 5) on a small data set whose every figure is computed by hand:
// on screen, as CSV and as a PDF read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/shared/dates';
import {
  median,
  monthsSincePlacement,
  monthsSincePlacementSql,
  MONEY_SQL,
  netBackPerDollarPlaced,
} from '../../../src/main/capabilities/agencies/scorecard';
import { importSmall, SMALL_EXTRACT } from '../accounts/fixtures';
import { setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';
import { addAgency, place } from './remittanceSupport';

let t: TestApp;
afterEach(() => t?.cleanup());

const keyed = (agencyId: number, reference: string, receivedOn: string, lines: object[]) =>
  ({ agencyId, reference, receivedOn, source: 'keyed', lines }) as never;

/**
 * Acme (gross, 25.00%): A1 placed 2026-01-10 ($500.00), A2 placed 2026-01-20 ($300.00) and
 * returned 2026-05-01 after a complaint. Northway (net, 33.33%): A3 placed 2026-02-03 ($1,200.00);
 * it had A3 before, from 2025-11-01 to 2025-12-01 (outside the months asked), has A2 as a
 * secondary placement from 2026-06-01 (another kind of paper), and had A4 ($100.00) from 2026-02-20
 * until it was paid in full at the hospital on 2026-04-01.
 */
async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const { jane, john, a1, a2, a3 } = await importSmall(
    t,
    `${SMALL_EXTRACT}\r\nG2,M200,O'Brien-Núñez,John,1950-07-04,1 Main St,Bangor,ME,04401,2075550199,A4,2026-01-05,2026-01-05,outpatient,self_pay,,T5,charge,100.00,2026-01-05,,Clinic visit`,
  );
  const a4 = t.app.store.db.prepare("SELECT id FROM accounts WHERE account_number = 'A4'").pluck().get() as number;
  const acme = addAgency(t, 'Acme Recovery', 'gross', 2500);
  const northway = addAgency(t, 'Northway Collections', 'net', 3333);
  place(t, acme, a1, '2026-01-10', { rateBp: 2500, placedCents: 50_000 });
  place(t, acme, a2, '2026-01-20', {
    rateBp: 2500,
    placedCents: 30_000,
    returnedOn: '2026-05-01',
    returnReason: 'complaint',
  });
  place(t, northway, a3, '2025-11-01', { rateBp: 3333, placedCents: 120_000, returnedOn: '2025-12-01' });
  place(t, northway, a3, '2026-02-03', { rateBp: 3333, placedCents: 120_000 });
  // Paid in full at the hospital (month 1, 40 days; Northway's fee $33.33): back, but not a recall.
  place(t, northway, a4, '2026-02-20', {
    rateBp: 3333,
    placedCents: 10_000,
    returnedOn: '2026-04-01',
    returnReason: 'paid_in_full',
  });
  await t.call(
    'payments:post',
    {
      guarantorId: john,
      method: 'cash',
      amountCents: 10_000,
      effectiveDate: '2026-04-01',
      allocations: [{ accountId: a4, amountCents: 10_000 }],
    } as never,
    admin,
  );
  place(t, northway, a2, '2026-06-01', { kind: 'secondary', rateBp: 3333, placedCents: 30_000 });
  await t.call(
    'remittances:post',
    keyed(acme, 'ACME-MAR', '2026-03-01', [
      { accountNumber: 'A1', paidOn: '2026-01-25', collectedCents: 10_000 }, // month 0, 15 days; fee 2500
      { accountNumber: 'A1', paidOn: '2026-02-10', collectedCents: 5000 }, // month 1; fee 1250
      { accountNumber: 'A2', paidOn: '2026-02-19', collectedCents: 3333 }, // month 0, 30 days; fee 833
    ]),
    admin,
  );
  // Paid at the hospital while with Acme: month 2, and Acme's fee of 25% is $5.00.
  await t.call(
    'payments:post',
    {
      guarantorId: jane,
      method: 'check',
      amountCents: 2000,
      effectiveDate: '2026-03-15',
      allocations: [{ accountId: a1, amountCents: 2000 }],
    } as never,
    admin,
  );
  await t.call(
    'remittances:post',
    keyed(northway, 'NW-JUN', '2026-06-30', [
      { accountNumber: 'A3', paidOn: '2026-06-03', collectedCents: 1001 }, // month 4, 120 days; fee 334
    ]),
    admin,
  );
  return { admin };
}

const months = (m: Record<number, number>) => Array.from({ length: 13 }, (_, i) => m[i] ?? 0);

const ACME = {
  agencyName: 'Acme Recovery',
  placedCount: 2,
  placedCents: 80_000,
  collectedCents: 20_333, // 10,000 + 5,000 + 3,333 + 2,000 paid at the hospital
  feeCents: 5083, // 2,500 + 1,250 + 833 + 500
  netBackCents: 15_250,
  recoveryBp: 2542, // 20,333 / 80,000 = 25.416%
  netBackBp: 1906, // 15,250 / 80,000 = 19.0625%
  collectedByMonth: months({ 0: 13_333, 1: 5000, 2: 2000 }),
  medianDaysToFirstPayment: 22.5, // 15 and 30 days
  recalled: 1,
  complaints: 1,
};
const NORTHWAY = {
  agencyName: 'Northway Collections',
  placedCount: 2,
  placedCents: 130_000,
  collectedCents: 11_001, // 1,001 remitted + 10,000 paid at the hospital
  feeCents: 3667, // 334 + 3,333
  netBackCents: 7334,
  recoveryBp: 846, // 11,001 / 130,000 = 8.4623%
  netBackBp: 564, // 7,334 / 130,000 = 5.6415%
  collectedByMonth: months({ 1: 10_000, 4: 1001 }),
  medianDaysToFirstPayment: 80, // 120 days (A3) and 40 days (A4)
  recalled: 0, // A4 came back paid in full: not a recall
  complaints: 0,
};

describe('the agency scorecard', () => {
  it('months since placement and the median are counted as the guide says', () => {
    expect(monthsSincePlacement('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsSincePlacement('2026-01-31', '2026-03-01')).toBe(1);
    expect(monthsSincePlacement('2026-01-10', '2026-02-10')).toBe(1);
    expect(monthsSincePlacement('2025-01-10', '2026-03-10')).toBe(12);
    expect(monthsSincePlacement('2024-01-10', '2026-03-10')).toBe(12);
    expect(median([])).toBeNull();
    expect(median([30, 15])).toBe(22.5);
    expect(median([9, 1, 4])).toBe(4);
  });

  it('the set query counts months since placement as the function does, across month and year ends', () => {
    const db = new Database(':memory:');
    try {
      const sql = db.prepare(
        `SELECT ${monthsSincePlacementSql('?1', '?2')} AS m`.replaceAll('?1', '@placed').replaceAll('?2', '@paid'),
      );
      const placedDays = ['2024-01-31', '2024-02-29', '2025-03-15', '2025-12-01', '2025-12-31'];
      for (const placed of placedDays)
        for (let d = -3; d < 800; d += 7) {
          const paid = addDays(placed, d);
          expect([placed, paid, (sql.get({ placed, paid }) as { m: number }).m]).toEqual([
            placed,
            paid,
            monthsSincePlacement(placed, paid),
          ]);
        }
    } finally {
      db.close();
    }
  });

  it('puts agencies side by side, best net-back per dollar placed first, with every figure by hand', async () => {
    const { admin } = await ready();
    const s = await t.call('agencies:scorecard', { kind: 'primary', fromMonth: '2026-01', toMonth: '2026-11' }, admin);
    expect(s.totals).toEqual([
      { agencyId: expect.any(Number), placementMonth: null, ...ACME },
      { agencyId: expect.any(Number), placementMonth: null, ...NORTHWAY },
    ]);
    expect(s.rows).toEqual([
      { agencyId: expect.any(Number), placementMonth: '2026-01', ...ACME },
      { agencyId: expect.any(Number), placementMonth: '2026-02', ...NORTHWAY },
    ]);
    // Only the months asked: February alone has Northway's placement and none of Acme's.
    const feb = await t.call(
      'agencies:scorecard',
      { kind: 'primary', fromMonth: '2026-02', toMonth: '2026-02' },
      admin,
    );
    expect(feb.totals.map((r) => r.agencyName)).toEqual(['Northway Collections']);
    // Another kind of paper: Northway's secondary placement of A2, nothing collected yet.
    const secondary = await t.call(
      'agencies:scorecard',
      { kind: 'secondary', fromMonth: '2026-01', toMonth: '2026-11' },
      admin,
    );
    expect(secondary.totals).toMatchObject([
      {
        agencyName: 'Northway Collections',
        placedCount: 1,
        placedCents: 30_000,
        collectedCents: 0,
        medianDaysToFirstPayment: null,
      },
    ]);
    // The same figure for placing "by scorecard" (placements from a day to today).
    const byAgency = netBackPerDollarPlaced(t.app.store.db, 'primary', '2026-01-01', '2026-11-26');
    expect([...byAgency.values()]).toEqual([1906, 564]);
    expect([...netBackPerDollarPlaced(t.app.store.db, 'primary', '2026-01-15', '2026-11-26').values()]).toEqual([
      // Acme's A1 (placed 01/10) is before the day: A2 alone, $33.33 less $8.33 on $300.00 = 8.33%.
      833, 564,
    ]);
    const refused = await t.raw(
      'agencies:scorecard',
      { kind: 'primary', fromMonth: '2026-05', toMonth: '2026-01' },
      admin,
    );
    expect(refused.ok ? null : refused.error.fields).toEqual({ toMonth: 'The last month is before the first.' });
  });

  it('reads placements and the patient’s money from their covering indexes (migration 020)', async () => {
    const { admin } = await ready();
    await t.call('agencies:scorecard', { kind: 'primary', fromMonth: '2026-01', toMonth: '2026-11' }, admin);
    const plan = (
      t.app.store.db
        .prepare(`EXPLAIN QUERY PLAN ${MONEY_SQL}`)
        .all({ kind: 'primary', from: '2026-01-01', to: '2026-12-01', today: '2026-11-26' }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toContain(
      'SEARCH p USING COVERING INDEX placements_kind_placed (kind=? AND placed_on>? AND placed_on<?)',
    );
    expect(plan).toContain('SEARCH e USING COVERING INDEX ledger_patient_money (account_id=? AND effective_date>?)');
    expect(plan).toContain('SEARCH l USING COVERING INDEX agency_remittance_lines_placement (placement_id=?)');
  });

  it('as CSV, one line per agency and per agency and month', async () => {
    const { admin } = await ready();
    const csv = (
      await t.file(
        await t.call('agencies:scorecardCsv', { kind: 'primary', fromMonth: '2026-01', toMonth: '2026-11' }, admin),
      )
    ).toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFagency,placement_month,kind,accounts_placed,placed,collected,fees,net_back,recovery_percent,net_back_per_dollar_placed,' +
        'collected_month_0,collected_month_1,collected_month_2,collected_month_3,collected_month_4,collected_month_5,collected_month_6,' +
        'collected_month_7,collected_month_8,collected_month_9,collected_month_10,collected_month_11,collected_month_12_plus,' +
        'median_days_to_first_payment,recalls,complaints',
    );
    expect(lines[1]).toBe(
      'Acme Recovery,all,primary,2,800.00,203.33,50.83,152.50,25.42,0.1906,133.33,50.00,20.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,22.5,1,1',
    );
    expect(lines[4]).toBe(
      'Northway Collections,2026-02,primary,2,1300.00,110.01,36.67,73.34,8.46,0.0564,0.00,100.00,0.00,0.00,10.01,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,80,0,0',
    );
    expect(lines).toHaveLength(6);
  });

  it('as a landscape PDF whose text reads back with pdftotext', async () => {
    const { admin } = await ready();
    const bytes = await t.file(
      await t.call('agencies:scorecardPdf', { kind: 'primary', fromMonth: '2026-01', toMonth: '2026-11' }, admin),
    );
    const dir = tempDir('recoup-scorecard-');
    try {
      const file = path.join(dir, 'scorecard.pdf');
      writeFileSync(file, bytes);
      if (process.env.RECOUP_KEEP_PDF) writeFileSync(process.env.RECOUP_KEEP_PDF, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Agency scorecard: primary placements');
      expect(flat).toContain('Acme Recovery brings the hospital the most per dollar placed: 19.06¢ after its fees.');
      expect(flat).toMatch(/Acme Recovery 2 \$800\.00 \$203\.33 \$50\.83 \$152\.50 25\.42% 19\.06¢ 22\.5 1 1/);
      expect(flat).toMatch(/Northway Collections 2 \$1,300\.00 \$110\.01 \$36\.67 \$73\.34 8\.46% 5\.64¢ 80 0 0/);
      expect(flat).toMatch(/Acme Recovery All \$133\.33 \$50\.00 \$20\.00 — — /);
      expect(flat).toMatch(/Page 1 of \d/);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+792 x 612/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

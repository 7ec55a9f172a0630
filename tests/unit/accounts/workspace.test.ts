import { afterEach, describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingBucket, bucketForDays } from '../../../src/shared/rules/aging';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from './fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('the account workspace', () => {
  it('shows the guarantor, balance and aging, each account with its ledger and running balance', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { jane, a2 } = await importSmall(t);
    const ws = await t.call('accounts:open', { guarantorId: jane }, admin);
    expect(ws.guarantor).toMatchObject({
      name: 'Jane Smith',
      mrn: 'M100',
      dateOfBirth: '1980-02-14',
      phone: '2075550142',
      balanceCents: 80000,
      fapStatus: 'unknown',
      deceased: null,
      employee: null,
    });
    // A1 served 2025-01-10 and A2 2025-06-03 are both over 180 days old on 2026-11-26.
    expect(ws.guarantor.aging).toEqual({ '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '121-180': 0, '180+': 80000 });
    expect(ws.accounts.map((a) => [a.accountNumber, a.balanceCents])).toEqual([
      ['A1', 50000],
      ['A2', 30000],
    ]);
    expect(
      ws.accounts.find((a) => a.id === a2)!.ledger.map((l) => [l.type, l.amountCents, l.runningBalanceCents]),
    ).toEqual([
      ['charge', 100000, 100000],
      ['insurance_payment', -70000, 30000],
    ]);
    const audit = await t.call('audit:list', { channel: 'accounts:open', limit: 1, offset: 0 }, admin);
    expect(audit.events[0]?.records).toEqual([`guarantor:${jane}`]);
  });

  it('logs calls, letters, visits and notes, and keeps follow-up tasks with an assignee', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { jane, a1, a3 } = await importSmall(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    await t.call(
      'activity:log',
      {
        guarantorId: jane,
        accountId: a1,
        kind: 'call',
        direction: 'outbound',
        outcome: 'promised_to_pay',
        note: 'Will pay $50 Friday',
        occurredOn: '2026-11-26',
      },
      clerk,
    );
    expect(
      await t.raw(
        'activity:log',
        { guarantorId: jane, accountId: a3, kind: 'note', outcome: 'noted', note: '', occurredOn: '2026-11-26' },
        clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { fields: { accountId: expect.any(String) } },
    });
    const { id: followUpId } = await t.call(
      'followUps:add',
      { guarantorId: jane, title: 'Check the $50 arrived', note: '', dueDate: '2026-11-30' },
      clerk,
    );
    let ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.activities).toMatchObject([
      { kind: 'call', outcome: 'promised_to_pay', note: 'Will pay $50 Friday', by: 'Test clerk' },
    ]);
    expect(ws.followUps).toMatchObject([
      { id: followUpId, title: 'Check the $50 arrived', dueDate: '2026-11-30', assignee: 'Test clerk', status: 'open' },
    ]);
    await t.call('followUps:close', { followUpId, outcome: 'done' }, clerk);
    expect(await t.raw('followUps:close', { followUpId, outcome: 'done' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    ws = await t.call('accounts:open', { guarantorId: jane }, clerk);
    expect(ws.followUps[0]?.status).toBe('done');
  });
});

describe('aging', () => {
  it.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-120'],
    [120, '91-120'],
    [121, '121-180'],
    [180, '121-180'],
    [181, '180+'],
    [-5, '0-30'],
  ])('%i days old is in %s', (days, bucket) => expect(bucketForDays(days)).toBe(bucket));

  it('the report puts each balance in its bucket by payer class, and its total is the sum of the balances', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    const byService = await t.call('reports:aging', { basis: 'service_date' }, admin);
    expect(byService.asOf).toBe('2026-11-26');
    expect(byService.totals.totalCents).toBe(200000);
    expect(byService.balancesTotalCents).toBe(200000);
    const medicare = byService.rows.find((r) => r.payerClass === 'medicare')!;
    expect(medicare.buckets['31-60']).toBe(120000); // served 2026-10-01: 56 days
    expect(agingBucket('2026-10-01', '2026-11-26')).toBe('31-60');
    expect(byService.rows.find((r) => r.payerClass === 'self_pay')!.buckets['180+']).toBe(50000);
    const byStatement = await t.call('reports:aging', { basis: 'first_statement_date' }, admin);
    expect(byStatement.columns).toEqual([...AGING_BUCKETS, 'not_yet_billed']);
    expect(byStatement.totals.buckets.not_yet_billed).toBe(120000);
    expect(byStatement.totals.totalCents).toBe(200000);
    for (const report of [byService, byStatement]) {
      const sumRows = report.rows.reduce((s, r) => s + r.totalCents, 0);
      const sumBuckets = report.columns.reduce((s, c) => s + report.totals.buckets[c], 0);
      expect(sumRows).toBe(report.totals.totalCents);
      expect(sumBuckets).toBe(report.totals.totalCents);
    }
  });

  it('as of an earlier date, from the ledger as it stood then', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    const then = await t.call('reports:aging', { basis: 'service_date', asOf: '2025-06-30' }, admin);
    // A1 ($500, served 2025-01-10) and A2 ($1,000 before the insurer paid on 2025-07-01); A3 not yet served.
    expect(then.totals).toMatchObject({ totalCents: 150_000, accountCount: 2 });
    expect(then.totals.buckets['121-180']).toBe(50_000);
    expect(then.totals.buckets['0-30']).toBe(100_000);
    expect(then.balancesTotalCents).toBe(150_000);
    const byStatement = await t.call('reports:aging', { basis: 'first_statement_date', asOf: '2025-06-30' }, admin);
    expect(byStatement.totals.buckets.not_yet_billed).toBe(100_000); // A2's first statement went out 2025-07-15
    expect(byStatement.totals.buckets['121-180']).toBe(50_000);
  });

  it('as PDF and CSV, with the same totals', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    const csv = (await t.file(await t.call('reports:agingCsv', { basis: 'service_date' }, admin))).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'payer_class,accounts,bucket_0-30,bucket_31-60,bucket_61-90,bucket_91-120,bucket_121-180,bucket_180+,total',
    );
    expect(lines.at(-1)).toBe('total,3,0.00,1200.00,0.00,0.00,0.00,800.00,2000.00');
    const pdf = await t.call('reports:agingPdf', { basis: 'service_date' }, admin);
    const pages = await pdfPages(await t.file(pdf));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Accounts receivable aging');
    expect(pages[0]).toMatch(
      /Total\s+3\s+\$0\.00\s+\$1,200\.00\s+\$0\.00\s+\$0\.00\s+\$0\.00\s+\$800\.00\s+\$2,000\.00/,
    );
  });
});

// The aging report's drill-down (issue 11 item 8): the accounts behind every figure of the report,
// paged, whose total and count equal the figure to the cent, by either basis and as of any date.
import { afterEach, describe, expect, it } from 'vitest';
import { AGING_PAGE_SIZE } from '../../../src/shared/schemas/reports';
import { type PAYER_CLASSES } from '../../../src/shared/schemas/accounts';
import { SETUP, testApp, type TestApp } from '../support';
import { importSmall } from './fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function logIn(demoData: boolean) {
  t = testApp({ today: '2026-11-26' });
  await t.call('setup:create', { ...SETUP, demoData });
  return (await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password })).sessionId;
}

describe('the drill-down of the aging report', () => {
  it('lists a figure’s accounts with guarantor, balance, age and last payment, a page at a time', async () => {
    const s = await logIn(false);
    const { jane } = await importSmall(t);
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'cash',
        reference: '',
        amountCents: 2_000,
        effectiveDate: '2026-11-20',
        allocations: [],
      },
      s,
    );
    // Jane's A1 ($500.00 less $20.00, served 01/10/2025) and A2 ($300.00, 06/03/2025) are over 180 days.
    const page = await t.call('reports:agingAccounts', { basis: 'service_date', column: '180+' }, s);
    expect(page).toMatchObject({ accountCount: 2, totalCents: 78_000, column: '180+', payerClass: null, offset: 0 });
    expect(
      page.accounts.map((a) => [a.guarantorName, a.accountNumber, a.balanceCents, a.ageDays, a.lastPaymentDate]),
    ).toEqual([
      // 01/10/2025 to 11/26/2026: 365 + 320 = 685 days; 06/03/2025 to 11/26/2026: 365 + 176 = 541 days.
      // The payment went oldest-first, to A1.
      ['Jane Smith', 'A1', 48_000, 685, '2026-11-20'],
      ['Jane Smith', 'A2', 30_000, 541, null],
    ]);
    const second = await t.call(
      'reports:agingAccounts',
      { basis: 'service_date', column: '180+', offset: 1, limit: 1 },
      s,
    );
    expect(second.accounts.map((a) => a.accountNumber)).toEqual(['A2']);
    expect(second.accountCount).toBe(2);
    const selfPay = await t.call('reports:agingAccounts', { basis: 'service_date', payerClass: 'self_pay' }, s);
    expect(selfPay.accounts.map((a) => a.accountNumber)).toEqual(['A1']);
    // Not yet billed by first-statement date: John's A3 has no first statement.
    const unbilled = await t.call(
      'reports:agingAccounts',
      { basis: 'first_statement_date', column: 'not_yet_billed' },
      s,
    );
    expect(unbilled.accounts).toMatchObject([{ accountNumber: 'A3', agingDate: null, ageDays: null }]);
    expect(await t.raw('reports:agingAccounts', { basis: 'service_date', column: '200+' }, s)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { column: 'Choose an age column of the report.' } },
    });
  });

  it('every figure of the report, with the demo data, equals its drill-down to the cent', async () => {
    const s = await logIn(true);
    for (const basis of ['service_date', 'first_statement_date'] as const) {
      for (const asOf of ['2026-11-26', '2026-06-30']) {
        const report = await t.call('reports:aging', { basis, asOf }, s);
        const figure = (column?: (typeof report.columns)[number], payerClass?: (typeof PAYER_CLASSES)[number]) =>
          t.call('reports:agingAccounts', { basis, asOf, column, payerClass, limit: 1 }, s);
        for (const row of report.rows) {
          for (const c of report.columns) {
            const d = await figure(c, row.payerClass);
            expect(d.totalCents, `${basis} ${asOf} ${row.payerClass} ${c}`).toBe(row.buckets[c]);
          }
          const whole = await figure(undefined, row.payerClass);
          expect([whole.totalCents, whole.accountCount]).toEqual([row.totalCents, row.accountCount]);
        }
        for (const c of report.columns) expect((await figure(c)).totalCents).toBe(report.totals.buckets[c]);
        const all = await figure();
        expect([all.totalCents, all.accountCount]).toEqual([report.totals.totalCents, report.totals.accountCount]);
      }
    }
    // A page's accounts add up, page after page, to the figure.
    const report = await t.call('reports:aging', { basis: 'service_date' }, s);
    let sum = 0;
    let seen = 0;
    for (let offset = 0; ; offset += AGING_PAGE_SIZE) {
      const page = await t.call('reports:agingAccounts', { basis: 'service_date', column: '180+', offset }, s);
      sum += page.accounts.reduce((n, a) => n + a.balanceCents, 0);
      seen += page.accounts.length;
      if (page.accounts.length < AGING_PAGE_SIZE) break;
    }
    expect(sum).toBe(report.totals.buckets['180+']);
    expect(seen).toBe(
      (await t.call('reports:agingAccounts', { basis: 'service_date', column: '180+' }, s)).accountCount,
    );
    expect(seen).toBeGreaterThan(AGING_PAGE_SIZE);
  });
});

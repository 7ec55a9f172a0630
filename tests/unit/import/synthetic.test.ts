import { describe, expect, it } from 'vitest';
import { extractFiles, generateExtract } from '../../../src/main/demo/synthetic';
import { runImport } from '../../../src/main/capabilities/imports/importer';
import { parseCsv } from '../../../src/main/capabilities/imports/csv';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { setUpAndLogIn, testApp, importHooks } from '../support';

export const filesOf = (x: ReturnType<typeof generateExtract>) => extractFiles(x);

describe('synthetic data', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateExtract({ seed: 7, guarantors: 50, today: '2026-11-26' });
    const b = generateExtract({ seed: 7, guarantors: 50, today: '2026-11-26' });
    const c = generateExtract({ seed: 8, guarantors: 50, today: '2026-11-26' });
    expect(a).toEqual(b);
    expect(a.transactionsCsv).not.toEqual(c.transactionsCsv);
  });

  it('has the shape of a real extract: about 1.5 accounts and 10 entries an account, the payer mix, deceased and employees', async () => {
    const x = generateExtract({ seed: 1, guarantors: 2000, today: '2026-11-26' });
    expect(x.counts.guarantors).toBe(2000);
    expect(x.counts.accounts / x.counts.guarantors).toBeGreaterThan(1.3);
    expect(x.counts.accounts / x.counts.guarantors).toBeLessThan(1.7);
    expect(x.counts.transactions / x.counts.accounts).toBeGreaterThan(6);
    const accounts = await parseCsv(x.accountsCsv);
    const payer = accounts.headers.indexOf('payer_class');
    const type = accounts.headers.indexOf('service_type');
    const share = (col: number, value: string) =>
      accounts.rows.filter((r) => r.cells[col] === value).length / accounts.rows.length;
    expect(share(payer, 'self_pay')).toBeGreaterThan(0.15);
    expect(share(payer, 'medicare')).toBeGreaterThan(0.1);
    expect(share(type, 'obstetric')).toBeGreaterThan(0.03);
    const guarantors = await parseCsv(x.guarantorsCsv);
    const flag = (name: string) =>
      guarantors.rows.filter((r) => r.cells[guarantors.headers.indexOf(name)] === 'Y').length;
    expect(flag('deceased')).toBeGreaterThan(0);
    expect(flag('is_employee')).toBeGreaterThan(0);
  });

  it('imports cleanly through the real import, and every balance re-derives from its ledger', async () => {
    const t = testApp();
    await setUpAndLogIn(t);
    const x = generateExtract({ seed: 3, guarantors: 300, today: '2026-11-26' });
    const report = await runImport(t.app.store.db, filesOf(x), {
      ...importHooks(t),
      mode: 'commit',
      now: t.app.nowIso(),
      userId: 1,
      source: 'test',
    });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.guarantors.created).toBe(300);
    expect(report.accounts.created).toBe(x.counts.accounts);
    expect(report.transactions.created).toBe(x.counts.transactions);
    const check = verifyBalances(t.app.store.db);
    expect(check.ok).toBe(true);
    const negative = t.app.store.db.prepare('SELECT count(*) FROM accounts WHERE balance_cents < 0').pluck().get();
    expect(negative).toBe(0);
    t.cleanup();
  });
});

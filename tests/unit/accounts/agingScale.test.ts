// The aging report at a million guarantors (issue 18 item 3): as of today the report, its check and
// the choice of a drill-down page read the covering index accounts_aging (migration 027), never the
// accounts table; a page chosen that way is the page the whole figure's order gives.
import { afterEach, describe, expect, it } from 'vitest';
import { agingAccounts, agingReport } from '../../../src/main/capabilities/accounts';
import type { Db } from '../../../src/main/store/database';
import { plansOf } from '../queryPlans';
import { SETUP, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

async function demoStore(): Promise<Db> {
  t = testApp({ today: '2026-11-26' });
  await t.call('setup:create', { ...SETUP, demoData: true });
  await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
  return t.app.store.db;
}

describe('the aging report reads an index, not the accounts', () => {
  it('both bases as of today: the report and its check read accounts_aging alone', async () => {
    const db = await demoStore();
    for (const basis of ['service_date', 'first_statement_date'] as const) {
      const statements = plansOf(db, () => agingReport(db, basis, '2026-11-26', '2026-11-26'));
      expect(statements).toHaveLength(2);
      for (const { sql, plan } of statements) {
        expect(plan, sql).toMatch(/SCAN (a|accounts) USING COVERING INDEX accounts_aging/);
        // Summed by payer class and date in the index's order: the service date sorts only the sums.
        if (basis === 'service_date') expect(plan.match(/TEMP B-TREE/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the drill-down picks its page from the index and reads only the page’s accounts', async () => {
    const db = await demoStore();
    const statements = plansOf(db, () =>
      agingAccounts(db, { basis: 'service_date', column: '180+', limit: 25, offset: 0 }, '2026-11-26'),
    );
    // The figure's sums, the page's smallest balance, the page's accounts: from the index alone.
    for (const { sql, plan } of statements.slice(0, 3))
      expect(plan, sql).toMatch(/SCAN (a|accounts) USING COVERING INDEX accounts_aging/);
    // The page: its accounts by id, each with its guarantor.
    const page = statements[3]!.plan;
    expect(page).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(page).toMatch(/SEARCH g USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(page).not.toMatch(/SCAN a\b/);
  });

  it('every page, through ties of the balance, is the page of the whole figure in order', async () => {
    const db = await demoStore();
    for (const basis of ['service_date', 'first_statement_date'] as const) {
      const whole = db
        .prepare(
          `SELECT account_number FROM accounts WHERE balance_cents <> 0 ORDER BY balance_cents DESC, account_number`,
        )
        .pluck()
        .all() as string[];
      const balances = db
        .prepare('SELECT balance_cents FROM accounts WHERE balance_cents <> 0')
        .pluck()
        .all() as number[];
      // The demo data has accounts with the same balance: the order of ties is the account number.
      expect(new Set(balances).size).toBeLessThan(balances.length);
      for (const limit of [3, 7, 50]) {
        for (let offset = 0; offset < whole.length + limit; offset += limit) {
          const page = agingAccounts(db, { basis, limit, offset }, '2026-11-26');
          expect(
            page.accounts.map((a) => a.accountNumber),
            `${basis} ${offset}+${limit}`,
          ).toEqual(whole.slice(offset, offset + limit));
          expect(page.accountCount).toBe(whole.length);
        }
      }
    }
  });
});

// The bad-debt candidates at a million guarantors (issue 18 item 3): the patient's payments of
// every Medicare account that owes (BD-05: each restarts the 120 days; column 22 counts them, BD-10)
// are read from the covering partial index ledger_patient_paid (migration 029), agency remittances
// included, never from the ledger table; the cost sharing (BD-01) comes from the account rows
// already read and the claims' sums, without reading the accounts a second time. The figures are
// the same as the ledger table's.
import { afterEach, describe, expect, it } from 'vitest';
import { candidates } from '../../../src/main/capabilities/badDebt';
import { medicareCostSharing } from '../../../src/main/capabilities/badDebt/costSharing';
import {
  gatherAccount,
  gatherAccounts,
  gatherAccountsInChunks,
  MEDICARE_OWING,
} from '../../../src/main/capabilities/badDebt/clock';
import { plansOf } from '../queryPlans';
import { badDebtWorld, type BadDebtWorld } from './world';

let w: BadDebtWorld;
afterEach(() => w?.t.cleanup());

const TODAY = '2026-11-26';

/** Patient-side money of every kind on B1 and B2, one of them reversed (it then counts for nothing). */
function payments(w: BadDebtWorld): void {
  const db = w.t.app.store.db;
  const add = db.prepare(
    `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reverses_id)
     VALUES (?, ?, ?, ?, '2026-11-01T00:00:00Z', ?)`,
  );
  add.run(w.ids.B1, 'patient_payment', -2_000, '2026-05-01', null);
  add.run(w.ids.B1, 'agency_remittance', -3_000, '2026-07-20', null);
  add.run(w.ids.B2, 'payroll_deduction', -1_000, '2026-04-02', null);
  add.run(w.ids.B2, 'court_recovery', -500, '2026-05-03', null);
  const late = Number(add.run(w.ids.B2, 'estate_recovery', -700, '2026-09-09', null).lastInsertRowid);
  add.run(w.ids.B2, 'reversal', 700, '2026-09-10', late);
}

describe('bad-debt candidates read indexes, not the ledger table', () => {
  it('the payments from ledger_patient_paid alone, the cost sharing without a second read of the accounts', async () => {
    w = await badDebtWorld();
    const db = w.t.app.store.db;
    const statements = plansOf(db, () => candidates(db, { setting: 'all', show: 'open' }, TODAY));
    const paid = statements.find((s) => s.sql.includes('AS last_on'));
    expect(paid?.plan, paid?.sql).toMatch(/SEARCH e USING COVERING INDEX ledger_patient_paid \(account_id=\?\)/);
    expect(paid?.plan).not.toMatch(/ledger_account/);
    // The accounts' ids come from an index; their rows are read once, a chunk of ids at a time
    // (SELECT a.* by a range of ids); every other statement reads them by id or from an index, and
    // the facts' tables by the chunk's range of account ids.
    expect(statements.filter((s) => /SCAN a\b(?! USING)/.test(s.plan))).toEqual([]);
    const ids = statements.find((s) => /^SELECT a\.id FROM accounts a/.test(s.sql));
    expect(ids?.plan, ids?.sql).toMatch(/SCAN a USING COVERING INDEX/);
    const rows = statements.filter((s) => /^SELECT a\.\* FROM accounts a/.test(s.sql));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    for (const table of ['placements_account', 'indigence_account', 'remittance_claims_account'])
      expect(statements.map((s) => s.plan).join('\n')).toMatch(new RegExp(`INDEX ${table} \\(account_id>\\? AND`));
    const sharing = statements.find((s) => s.sql.includes('deductible_cents'));
    expect(sharing?.plan, sharing?.sql).toMatch(/INDEX remittance_claims_account/);
  });

  it('BD-05 and column 22: every kind of patient money counts as the ledger table says, agency remittances too', async () => {
    w = await badDebtWorld();
    payments(w);
    const db = w.t.app.store.db;
    const viaIndex = candidates(db, { setting: 'all', show: 'open' }, TODAY);
    const facts = [...gatherAccounts(db, MEDICARE_OWING).values()].map((g) => [g.account.account_number, g.facts]);
    // B1's last payment is the agency's remittance; B2's the court recovery (the estate's was reversed).
    expect(Object.fromEntries(facts.map(([n, f]) => [n, (f as { lastPaymentDate: string }).lastPaymentDate]))).toEqual({
      B1: '2026-07-20',
      B2: '2026-05-03',
      B4: null,
    });
    // The same figures from the ledger table: without the index the planner reads ledger_account.
    db.exec('DROP INDEX ledger_patient_paid');
    expect(candidates(db, { setting: 'all', show: 'open' }, TODAY)).toEqual(viaIndex);
    expect([...gatherAccounts(db, MEDICARE_OWING).values()].map((g) => [g.account.account_number, g.facts])).toEqual(
      facts,
    );
  });

  it('gathered a chunk of accounts at a time: the same candidates, in the same order, as all at once', async () => {
    w = await badDebtWorld();
    payments(w);
    const db = w.t.app.store.db;
    const whole = candidates(db, { setting: 'all', show: 'open' }, TODAY, 1_000_000);
    expect(whole.length).toBeGreaterThan(2);
    for (const chunk of [1, 2]) {
      expect(candidates(db, { setting: 'all', show: 'open' }, TODAY, chunk)).toEqual(whole);
      expect(candidates(db, { setting: 'all', show: 'listable' }, TODAY, chunk)).toEqual(
        candidates(db, { setting: 'all', show: 'listable' }, TODAY, 1_000_000),
      );
    }
    // One chunk of one account holds only that account's facts (BD-01/BD-05 as for the one account).
    const [first] = gatherAccountsInChunks(db, MEDICARE_OWING, 1);
    expect([...first!.keys()]).toEqual([whole[0]!.accountId]);
    expect(first!.get(whole[0]!.accountId)?.facts).toEqual(gatherAccount(db, whole[0]!.accountId)?.facts);
  });

  it('BD-01: the cost sharing of the many is the one account’s, 835 or extract', async () => {
    w = await badDebtWorld();
    const db = w.t.app.store.db;
    for (const g of gatherAccounts(db, MEDICARE_OWING).values())
      expect(g.costSharing).toEqual(medicareCostSharing(db, g.account.id));
  });
});

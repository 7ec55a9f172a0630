// The statement run's selection and fingerprint at a million guarantors (issue 18 items 3 and 5):
// planRun reads the guarantors with a balance in the run's order (ZIP, name) from the index
// guarantors_statement_order and their accounts from accounts_statement (migration 028), with no
// sort and no read of either table; runFingerprint's parts are each one probe of an index's end.
// Who is due, in what order, and every figure stay those of the former queries (ST-03).
import { afterEach, describe, expect, it } from 'vitest';
import { planRun } from '../../../src/main/capabilities/statements';
import { runFingerprint } from '../../../src/main/capabilities/statements/release';
import type { Db } from '../../../src/main/store/database';
import { plansOf } from '../queryPlans';
import { SETUP, testApp, type TestApp } from '../support';

const TODAY = '2026-11-26';
let t: TestApp;
afterEach(() => t?.cleanup());

async function demoStore(): Promise<Db> {
  t = testApp({ today: TODAY });
  await t.call('setup:create', { ...SETUP, demoData: true });
  await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
  return t.app.store.db;
}

describe('the statement run’s selection reads indexes, not the tables (ST-03)', () => {
  it('planRun: the guarantors in ZIP and name order and their accounts, each from a covering index', async () => {
    const db = await demoStore();
    const statements = plansOf(db, () => planRun(db, TODAY));
    // One query: the guarantors in the run's order, each with its accounts in service-date order.
    const selection = statements.find((s) => /FROM guarantors g LEFT JOIN accounts a/.test(s.sql))!;
    expect(selection.plan, selection.sql).toMatch(/^SCAN g USING COVERING INDEX guarantors_statement_order$/m);
    expect(selection.plan, selection.sql).toMatch(
      /SEARCH a USING COVERING INDEX accounts_statement \(guarantor_id=\?\)/,
    );
    expect(selection.plan, selection.sql).toMatch(/SEARCH sa USING COVERING INDEX statement_accounts_account/);
    expect(selection.plan, selection.sql).not.toMatch(/TEMP B-TREE/);
    expect(selection.plan, selection.sql).not.toMatch(/SCAN s\b/);
    // The last statement: once per guarantor (not per account row), one probe of statements_guarantor.
    const last = statements.find((s) => /FROM statements WHERE guarantor_id = \?/.test(s.sql))!;
    expect(last.plan, last.sql).toMatch(/SEARCH statements USING INDEX statements_guarantor \(guarantor_id=\?\)/);
    expect(last.plan, last.sql).not.toMatch(/TEMP B-TREE/);
    // The covered guarantors (issue 11): counted from accounts_open.
    const covered = statements.find((s) => /count\(DISTINCT guarantor_id\)/.test(s.sql))!;
    expect(covered.plan, covered.sql).toMatch(/SCAN accounts USING COVERING INDEX accounts_open/);
    // No statement of the selection reads the guarantors or the accounts table whole.
    for (const { sql, plan } of statements) expect(plan, sql).not.toMatch(/SCAN (g|a|guarantors|accounts)$/m);
  });

  it('runFingerprint: each part one probe, the guarantors’ last change from guarantors_updated', async () => {
    const db = await demoStore();
    const [fingerprint] = plansOf(db, () => runFingerprint(db));
    expect(fingerprint!.plan).toMatch(/SEARCH guarantors USING COVERING INDEX guarantors_updated/);
    expect(fingerprint!.plan).not.toMatch(/SCAN (guarantors|ledger_entries|plan_events|statements|import_batches)\b/);
  });

  it('the fingerprint is the former one, and moves with any change to a guarantor', async () => {
    const db = await demoStore();
    const former = () =>
      JSON.stringify(
        db
          .prepare(
            `SELECT (SELECT coalesce(max(id), 0) FROM ledger_entries) AS ledger,
                    (SELECT coalesce(max(id), 0) FROM holds) AS holds,
                    (SELECT count(*) FROM holds WHERE released_on IS NOT NULL) AS released,
                    (SELECT coalesce(max(updated_at), '') FROM guarantors) AS guarantors,
                    (SELECT coalesce(max(id), 0) FROM plan_events) AS plans,
                    (SELECT coalesce(max(id), 0) FROM statements) AS statements,
                    (SELECT coalesce(max(id), 0) FROM import_batches) AS imports`,
          )
          .get(),
      );
    const before = runFingerprint(db);
    expect(before).toBe(former());
    db.prepare(
      `UPDATE guarantors SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = (SELECT min(id) FROM guarantors)`,
    ).run();
    expect(runFingerprint(db)).not.toBe(before);
    expect(runFingerprint(db)).toBe(former());
  });

  it('who is due, in what order, held and skipped: exactly what the former queries give', async () => {
    const db = await demoStore();
    // Some guarantors whose credits cover what they owe, and some with no balance at all.
    db.exec(`UPDATE guarantors SET balance_cents = -1 WHERE id % 7 = 0`);
    db.exec(`UPDATE guarantors SET balance_cents = 0 WHERE id % 11 = 0`);
    const plan = planRun(db, TODAY);
    const formerOrder = db
      .prepare(`SELECT id FROM guarantors NOT INDEXED WHERE balance_cents > 0 ORDER BY zip, last_name, first_name, id`)
      .pluck()
      .all() as number[];
    const formerCovered = db
      .prepare(
        `SELECT count(*) FROM guarantors g NOT INDEXED WHERE g.balance_cents <= 0
            AND EXISTS (SELECT 1 FROM accounts a WHERE a.guarantor_id = g.id AND a.balance_cents > 0)`,
      )
      .pluck()
      .get() as number;
    expect(formerCovered).toBeGreaterThan(0);
    const decided = [
      ...plan.due.map((d) => d.guarantorId),
      ...plan.held.filter((h) => !h.accountsOnly).map((h) => h.guarantorId),
    ];
    // Every due guarantor in the run's order (ZIP, name, id).
    const due = plan.due.map((d) => d.guarantorId);
    expect(due).toEqual(formerOrder.filter((id) => due.includes(id)));
    expect(new Set(decided).size).toBeLessThanOrEqual(formerOrder.length);
    const s = plan.skipped;
    expect(
      plan.due.length +
        plan.held.filter((h) => !h.accountsOnly).length +
        s.belowMinimum +
        s.notYet +
        s.cycleComplete +
        s.creditOrZero,
    ).toBe(formerOrder.length + formerCovered);
    // Each due guarantor's accounts: those with a balance, in service-date order.
    for (const d of plan.due) {
      const former = db
        .prepare(
          `SELECT id FROM accounts NOT INDEXED WHERE guarantor_id = ? AND balance_cents <> 0 ORDER BY service_from, id`,
        )
        .pluck()
        .all(d.guarantorId) as number[];
      const shown = d.accounts.map((a) => a.accountId);
      expect(shown).toEqual(former.filter((id) => shown.includes(id)));
    }
  });
  it('the same plan, figure for figure, as the tables read without the indexes of 028', async () => {
    const db = await demoStore();
    db.exec(`UPDATE guarantors SET balance_cents = -1 WHERE id % 7 = 0`);
    // Names and ZIPs that tie, so the order's later keys decide.
    db.exec(`UPDATE guarantors SET zip = '04101' WHERE id % 3 = 0`);
    db.exec(`UPDATE guarantors SET last_name = 'Smith' WHERE id % 5 = 0`);
    const withIndexes = planRun(db, TODAY);
    expect(withIndexes.due.length).toBeGreaterThan(0);
    db.exec('DROP INDEX guarantors_statement_order; DROP INDEX accounts_statement; DROP INDEX guarantors_updated');
    expect(planRun(db, TODAY)).toEqual(withIndexes);
  });
});

// The statement run's selection and fingerprint at a million guarantors (issue 18 items 3 and 5):
// planRun reads the guarantors with a balance in the run's order (ZIP, name) from the index
// guarantors_statement_order and their accounts from accounts_statement (migration 028), with no
// sort and no read of either table; runFingerprint's parts are each one probe of an index's end.
// Who is due, in what order, and every figure stay those of the former queries (ST-03).
import { afterEach, describe, expect, it } from 'vitest';
import { planRun } from '../../../src/main/capabilities/statements';
import { HELD_LISTED } from '../../../src/main/capabilities/statements/runPlan';
import { formerPlan } from './formerPlan';
import { runFingerprint } from '../../../src/main/capabilities/statements/preparedRun';
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
  it('planRun: the guarantors in ZIP and name order with their holds, and their accounts, each from a covering index', async () => {
    const db = await demoStore();
    const statements = plansOf(db, () => planRun(db, TODAY));
    // The guarantors in the run's order, each with the reasons of the holds placed on them (034).
    const selection = statements.find((s) => /FROM guarantors g WHERE g\.balance_cents > 0/.test(s.sql))!;
    expect(selection.plan, selection.sql).toMatch(/^SCAN g USING COVERING INDEX guarantors_statement_order$/m);
    expect(selection.plan, selection.sql).toMatch(
      /SEARCH h USING COVERING INDEX holds_active_guarantor \(guarantor_id=\?\)/,
    );
    expect(selection.plan, selection.sql).not.toMatch(/SCAN h\b/);
    // A guarantor's accounts (only for one not held whole): accounts_statement and each account's statements sent.
    const accounts = statements.find((s) => /FROM accounts a WHERE a\.guarantor_id = \?/.test(s.sql))!;
    expect(accounts.plan, accounts.sql).toMatch(/SEARCH a USING COVERING INDEX accounts_statement \(guarantor_id=\?\)/);
    expect(accounts.plan, accounts.sql).toMatch(/SEARCH sa USING COVERING INDEX statement_accounts_account/);
    // The holds on single accounts: their own index, not a walk of every hold.
    const accountHolds = statements.find((s) => /FROM holds h\s+WHERE h\.account_id IS NOT NULL/.test(s.sql))!;
    expect(accountHolds.plan, accountHolds.sql).toMatch(/(SEARCH|SCAN) h USING COVERING INDEX holds_active_account/);
    for (const q of [selection, accounts]) expect(q.plan, q.sql).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // The last statement: once per guarantor who may be due, one probe of the UNIQUE
    // (guarantor_id, statement_date) index.
    const last = statements.find((s) => /FROM statements WHERE guarantor_id = \?/.test(s.sql))!;
    expect(last.plan, last.sql).toMatch(
      /SEARCH statements USING INDEX sqlite_autoindex_statements_1 \(guarantor_id=\?\)/,
    );
    expect(last.plan, last.sql).not.toMatch(/TEMP B-TREE/);
    // The covered guarantors (issue 11): counted from accounts_open.
    const covered = statements.find((s) => /count\(DISTINCT guarantor_id\)/.test(s.sql))!;
    expect(covered.plan, covered.sql).toMatch(/SCAN accounts USING COVERING INDEX accounts_open/);
    // No statement of the selection reads the guarantors, the accounts or the holds table whole.
    for (const { sql, plan } of statements) expect(plan, sql).not.toMatch(/SCAN (g|a|h|guarantors|accounts|holds)$/m);
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
    expect(plan.held.length).toBe(plan.heldCount.guarantors + plan.heldCount.accountsOnly);
    // Every due guarantor in the run's order (ZIP, name, id).
    const due = plan.due.map((d) => d.guarantorId);
    expect(due).toEqual(formerOrder.filter((id) => due.includes(id)));
    expect(new Set(decided).size).toBeLessThanOrEqual(formerOrder.length);
    const s = plan.skipped;
    expect(
      plan.due.length + plan.heldCount.guarantors + s.belowMinimum + s.notYet + s.cycleComplete + s.creditOrZero,
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
    db.exec(
      'DROP INDEX guarantors_statement_order; DROP INDEX accounts_statement; DROP INDEX guarantors_updated; DROP INDEX holds_active_guarantor; DROP INDEX holds_active_account',
    );
    expect(planRun(db, TODAY)).toEqual(withIndexes);
  });

  it('held guarantors: the plan the former reading gives (every hold into a map, every account read), listed and counted', async () => {
    const db = await demoStore();
    const ids = db.prepare('SELECT id FROM guarantors WHERE balance_cents > 0 ORDER BY id').pluck().all() as number[];
    const accountOf = db
      .prepare('SELECT id FROM accounts WHERE guarantor_id = ? AND balance_cents > 0 ORDER BY id')
      .pluck();
    const hold = db.prepare(
      `INSERT INTO holds (guarantor_id, account_id, reason, note, placed_on, until, released_on) VALUES (?, ?, ?, 'test', ?, ?, ?)`,
    );
    // Holds of every kind: whole and on one account; two on one guarantor (placed on different days,
    // and on one day); released; ended before the run date; ending on it; the automatic ones.
    ids.forEach((id, i) => {
      const account = accountOf.get(id) as number;
      if (i % 9 === 0) hold.run(id, null, 'dispute', '2026-10-01', null, null);
      if (i % 9 === 0 && i % 2 === 0) hold.run(id, null, 'in_litigation', '2026-11-01', null, null);
      if (i % 9 === 0 && i % 3 === 0) hold.run(id, null, 'estate_claim', '2026-11-01', null, null);
      if (i % 11 === 1) hold.run(id, account, 'dispute', '2026-10-05', null, null);
      if (i % 13 === 2) hold.run(id, null, 'bankruptcy', '2026-09-01', null, '2026-10-01');
      if (i % 13 === 3) hold.run(id, null, 'dispute', '2026-09-01', '2026-11-25', null);
      if (i % 13 === 4) hold.run(id, account, 'fap_pending', '2026-09-01', TODAY, null);
    });
    db.exec(
      `UPDATE guarantors SET deceased = 1 WHERE id IN (SELECT id FROM guarantors WHERE balance_cents > 0 AND id % 17 = 0)`,
    );
    db.exec(`UPDATE guarantors SET fap_status = 'pending' WHERE balance_cents > 0 AND id % 19 = 0`);
    db.exec(`UPDATE guarantors SET mail_returned_on = '2026-11-01' WHERE balance_cents > 0 AND id % 23 = 0`);
    const plan = planRun(db, TODAY);
    const former = formerPlan(db, TODAY);
    expect(plan.heldCount.guarantors).toBeGreaterThan(10);
    expect(plan.heldCount.accountsOnly).toBeGreaterThan(0);
    expect(plan.held.length).toBeLessThan(HELD_LISTED);
    expect({ ...plan, heldCount: undefined }).toEqual({ ...former, heldCount: undefined });
    // Counted: whole and some accounts, and the whole ones by each reason they are held for.
    expect(plan.heldCount.guarantors).toBe(former.held.filter((h) => !h.accountsOnly).length);
    expect(plan.heldCount.accountsOnly).toBe(former.held.filter((h) => h.accountsOnly).length);
    const byReason: Record<string, number> = {};
    for (const h of former.held.filter((h) => !h.accountsOnly))
      for (const r of new Set(h.holds)) byReason[r] = (byReason[r] ?? 0) + 1;
    expect(plan.heldCount.byReason).toEqual(byReason);
    expect(plan.heldCount.byReason.in_litigation).toBeGreaterThan(0);
    // Two holds on one guarantor: latest placed first, as the holds register lists them.
    // (i % 18 = 0: a dispute of 1 October, then a litigation and an estate claim of 1 November, placed in that order.)
    expect(plan.held.some((h) => h.holds.join() === 'estate_claim,in_litigation,dispute')).toBe(true);
    // Named up to the limit, in the run's order; counted all the same.
    const few = planRun(db, TODAY, 3);
    expect(few.held).toEqual(plan.held.slice(0, 3));
    expect(few.heldCount).toEqual(plan.heldCount);
    expect(few.due).toEqual(plan.due);
    expect(few.skipped).toEqual(plan.skipped);
  });
});

// planRun reads how many statements have shown each account in its cycle only for a guarantor who is
// due (issue 18: the selection counted them for every account row of every guarantor with a
// balance). Who is due, each account's step and number, the held and the skipped (ST-03, ECA-05 per
// account, PP-01) stay exactly those of the former query, which this test keeps as its oracle.
import { afterEach, describe, expect, it } from 'vitest';
import { planRun, type RunPlan } from '../../../src/main/capabilities/statements/run';
import { statementDue, type AccountCycleState, type HoldReason } from '../../../src/shared/rules/statementCycle';
import { addDays } from '../../../src/shared/dates';
import { activePlacedHolds, automaticHoldReasons } from '../../../src/main/capabilities/compliance';
import { activePlanAccounts } from '../../../src/main/capabilities/plans';
import { guarantorName } from '../../../src/main/capabilities/accounts';
import { statementPolicy } from '../../../src/main/platform/settings';
import type { Db } from '../../../src/main/store/database';
import { SETUP, testApp, type TestApp } from '../support';

const TODAY = '2026-11-26';
let t: TestApp;
afterEach(() => t?.cleanup());

/** planRun as it was before issue 18's change: every account row with its count, in the one query. */
function formerPlanRun(db: Db, runDate: string): RunPlan {
  const policy = statementPolicy(db);
  const guarantorHolds = new Map<number, HoldReason[]>();
  const accountHolds = new Map<number, HoldReason[]>();
  const onPlan = new Set(activePlanAccounts(db));
  for (const h of activePlacedHolds(db, runDate)) {
    const map = h.accountId === null ? guarantorHolds : accountHolds;
    const key = h.accountId ?? h.guarantorId;
    map.set(key, [...(map.get(key) ?? []), h.reason]);
  }
  const plan: RunPlan = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0, creditOrZero: 0 },
  };
  let owingOnAnAccount = db
    .prepare('SELECT count(DISTINCT guarantor_id) FROM accounts WHERE balance_cents > 0')
    .pluck()
    .get() as number;
  type Row = {
    id: number;
    zip: string;
    first_name: string;
    middle_name: string;
    last_name: string;
    deceased: number;
    bankruptcy: number;
    fap_status: string;
    mail_returned_on: string | null;
    account_id: number | null;
    balance_cents: number;
    final_sent: number;
    sent: number;
  };
  const rows = db
    .prepare(
      `SELECT g.id, g.zip, g.first_name, g.middle_name, g.last_name, g.deceased, g.bankruptcy, g.fap_status,
              g.mail_returned_on,
              a.id AS account_id, a.balance_cents, a.final_notice_date IS NOT NULL AS final_sent,
              (SELECT count(*) FROM statement_accounts sa WHERE sa.account_id = a.id AND sa.step <> 'after_notice') AS sent
         FROM guarantors g LEFT JOIN accounts a ON a.guarantor_id = g.id AND abs(a.balance_cents) > 0
        WHERE g.balance_cents > 0
        ORDER BY g.zip, g.last_name, g.first_name, g.id, a.service_from, a.id`,
    )
    .all() as Row[];
  const lastStatement = db.prepare(
    'SELECT statement_date AS last_date, ledger_mark AS last_mark FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC LIMIT 1',
  );
  for (let i = 0; i < rows.length;) {
    const g = rows[i]!;
    const list: AccountCycleState[] = [];
    let owing = false;
    for (; i < rows.length && rows[i]!.id === g.id; i++) {
      const a = rows[i]!;
      if (a.account_id === null) continue;
      if (a.balance_cents > 0) owing = true;
      list.push({
        accountId: a.account_id,
        balanceCents: a.balance_cents,
        sentCount: a.sent,
        finalNoticeSent: a.final_sent === 1,
        holds: accountHolds.get(a.account_id) ?? [],
        onPlan: onPlan.has(a.account_id),
      });
    }
    if (owing) owingOnAnAccount--;
    const name = guarantorName(g as Parameters<typeof guarantorName>[0]);
    const holds = [
      ...automaticHoldReasons({
        deceased: g.deceased === 1,
        bankruptcy: g.bankruptcy === 1,
        fapPending: g.fap_status === 'pending',
        mailReturned: g.mail_returned_on !== null,
      }),
      ...(guarantorHolds.get(g.id) ?? []),
    ];
    const last = lastStatement.get(g.id) as { last_date: string; last_mark: number | null } | undefined;
    const lastDate = holds.length > 0 ? null : (last?.last_date ?? null);
    const lastMark = holds.length > 0 ? null : (last?.last_mark ?? null);
    const d = statementDue({ lastStatementDate: lastDate, holds, accounts: list }, runDate, policy);
    if (d.due) {
      const shown = new Set(d.accounts.map((a) => a.accountId));
      const cents = list
        .filter((a) => shown.has(a.accountId) && a.balanceCents > 0)
        .reduce((s, a) => s + a.balanceCents, 0);
      plan.due.push({
        guarantorId: g.id,
        zip: g.zip,
        name,
        kind: d.kind,
        number: d.number,
        lastStatementDate: lastDate,
        lastLedgerMark: lastMark,
        accounts: d.accounts,
        balanceCents: cents,
      });
      plan.dueCents += cents;
      if (d.heldAccounts.length > 0)
        plan.held.push({
          guarantorId: g.id,
          name,
          holds: [...new Set(d.heldAccounts.flatMap((h) => h.holds))],
          accountsOnly: true,
        });
    } else if (d.why === 'held') plan.held.push({ guarantorId: g.id, name, holds: d.holds ?? [], accountsOnly: false });
    else if (d.why === 'below_minimum') plan.skipped.belowMinimum++;
    else if (d.why === 'not_yet') plan.skipped.notYet++;
    else if (d.why === 'cycle_complete') plan.skipped.cycleComplete++;
    else if (d.why === 'credit_or_zero') plan.skipped.creditOrZero++;
  }
  plan.skipped.creditOrZero += owingOnAnAccount;
  return plan;
}

/** The demo data with every kind of case the run decides between, chosen by id. */
async function variedStore(): Promise<Db> {
  t = testApp({ today: TODAY });
  await t.call('setup:create', { ...SETUP, demoData: true });
  await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
  const db = t.app.store.db;
  // Guarantor-level holds: placed by hand, and following from the record.
  db.exec(`INSERT INTO holds (guarantor_id, reason, note, placed_on)
           SELECT id, CASE id % 3 WHEN 0 THEN 'dispute' WHEN 1 THEN 'in_litigation' ELSE 'estate_claim' END, 'test', '2026-10-01'
             FROM guarantors WHERE id % 13 = 1`);
  db.exec(`UPDATE guarantors SET deceased = 1 WHERE id % 17 = 3`);
  db.exec(`UPDATE guarantors SET bankruptcy = 1 WHERE id % 29 = 6`);
  db.exec(`UPDATE guarantors SET fap_status = 'pending' WHERE id % 19 = 4`);
  db.exec(`UPDATE guarantors SET mail_returned_on = '2026-11-01' WHERE id % 23 = 5`);
  // A hold that has ended, and one not yet placed: neither holds.
  db.exec(`INSERT INTO holds (guarantor_id, reason, note, placed_on, until)
           SELECT id, 'dispute', 'ended', '2026-09-01', '2026-10-01' FROM guarantors WHERE id % 31 = 7`);
  // Account-level holds.
  db.exec(`INSERT INTO holds (guarantor_id, account_id, reason, note, placed_on)
           SELECT guarantor_id, id, 'dispute', 'test', '2026-10-01' FROM accounts WHERE id % 9 = 2`);
  // Credits, small balances and final notices already sent.
  db.exec(`UPDATE accounts SET balance_cents = -2500 WHERE id % 10 = 3`);
  db.exec(`UPDATE accounts SET balance_cents = 120 WHERE id % 14 = 5`);
  db.exec(`UPDATE accounts SET final_notice_date = '2026-09-01' WHERE id % 8 = 4`);
  // Prior statements: one, three (so the next is the final notice), after-notice steps, and one too recent.
  const run = db.prepare(
    `INSERT INTO statement_runs (run_date, started_at, finished_at, counts) VALUES (?, ?, ?, '{}') RETURNING id`,
  );
  const statement = db.prepare(
    `INSERT INTO statements (run_id, guarantor_id, statement_date, number_in_cycle, kind, due_date, amount_due_cents, snapshot, sha256)
     VALUES (?, ?, ?, ?, 'regular', ?, 1000, '{}', 'test') RETURNING id`,
  );
  const shown = db.prepare(
    `INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents) VALUES (?, ?, ?, ?, 0)`,
  );
  const accountsOf = db.prepare('SELECT id FROM accounts WHERE guarantor_id = ? ORDER BY id').pluck();
  const guarantors = db.prepare('SELECT id FROM guarantors ORDER BY id').pluck().all() as number[];
  const runs = new Map<number, number>();
  const runOn = (days: number) => {
    if (!runs.has(days)) {
      const date = addDays(TODAY, -days);
      runs.set(days, (run.get(date, `${date}T12:00:00.000Z`, `${date}T12:00:00.000Z`) as { id: number }).id);
    }
    return { runId: runs.get(days)!, date: addDays(TODAY, -days) };
  };
  for (const g of guarantors) {
    const history = g % 4 === 0 ? [40] : g % 4 === 1 ? [95, 65, 35] : g % 4 === 2 ? [10] : [];
    history.forEach((days, n) => {
      const { runId, date } = runOn(days);
      const id = (statement.get(runId, g, date, n + 1, addDays(date, 21)) as { id: number }).id;
      for (const a of accountsOf.all(g) as number[]) {
        const after = a % 8 === 4 && n === history.length - 1;
        shown.run(id, a, after ? 'after_notice' : 'regular', after ? null : n + 1);
      }
    });
  }
  return db;
}

describe('planRun reads the cycle counts for the due alone (ST-03, issue 18)', () => {
  it('gives the plan of the former query, figure for figure, across holds, credits, notices and history', async () => {
    const db = await variedStore();
    for (const date of [TODAY, addDays(TODAY, 31), addDays(TODAY, 70)]) {
      const plan = planRun(db, date);
      expect(plan).toEqual(formerPlanRun(db, date));
    }
    // The cases are all there.
    const plan = planRun(db, TODAY);
    expect(plan.due.some((d) => d.kind === 'final_notice')).toBe(true);
    expect(plan.due.some((d) => d.kind === 'regular' && d.number > 1)).toBe(true);
    expect(plan.due.some((d) => d.accounts.some((a) => a.step === 'credit'))).toBe(true);
    expect(plan.due.some((d) => d.accounts.some((a) => a.step === 'after_notice'))).toBe(true);
    expect(plan.held.some((h) => h.accountsOnly)).toBe(true);
    expect(plan.held.some((h) => !h.accountsOnly)).toBe(true);
    expect(plan.skipped.notYet).toBeGreaterThan(0);
    expect(plan.skipped.belowMinimum).toBeGreaterThan(0);
    expect(plan.skipped.creditOrZero).toBeGreaterThan(0);
  });

  it('reads no count for a guarantor who is held, skipped or not yet due', async () => {
    const db = await variedStore();
    const plan = planRun(db, TODAY);
    const counted: number[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      if (!/FROM statement_accounts WHERE account_id = \?/.test(sql)) return stmt;
      const get = stmt.get.bind(stmt);
      stmt.get = ((id: number) => (counted.push(id), get(id))) as typeof stmt.get;
      return stmt;
    }) as Db['prepare'];
    try {
      expect(planRun(db, TODAY)).toEqual(plan);
    } finally {
      db.prepare = prepare;
    }
    const numbered = new Set(
      plan.due.flatMap((d) => d.accounts.filter((a) => a.number !== null).map((a) => a.accountId)),
    );
    expect(counted.length).toBeGreaterThan(0);
    expect(new Set(counted)).toEqual(numbered);
  });
});

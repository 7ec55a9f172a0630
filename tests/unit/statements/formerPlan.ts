// The statement run's plan as planRun made it before migration 034 (issue 18), kept to check the
// plan made now against: every placed hold read into a map, every guarantor's accounts read with it,
// a held guarantor's as well. The same decisions (ST-03), the same order, the same held list.
import { guarantorName } from '../../../src/main/capabilities/accounts';
import { activePlacedHolds, automaticHoldReasons } from '../../../src/main/capabilities/compliance';
import { activePlanAccounts } from '../../../src/main/capabilities/plans';
import type { RunPlan } from '../../../src/main/capabilities/statements/runPlan';
import { statementPolicy } from '../../../src/main/platform/settings';
import type { Db } from '../../../src/main/store/database';
import type { GuarantorsRow } from '../../../src/main/store/schema';
import { statementDue, type AccountCycleState, type HoldReason } from '../../../src/shared/rules/statementCycle';

type GuarantorDue = Pick<
  GuarantorsRow,
  | 'id'
  | 'zip'
  | 'first_name'
  | 'middle_name'
  | 'last_name'
  | 'deceased'
  | 'bankruptcy'
  | 'fap_status'
  | 'mail_returned_on'
>;

export function formerPlan(db: Db, runDate: string): Omit<RunPlan, 'heldCount'> {
  const policy = statementPolicy(db);
  const guarantorHolds = new Map<number, HoldReason[]>();
  const accountHolds = new Map<number, HoldReason[]>();
  // PP-01/PP-02: accounts on an active plan get the plan's payment on a monthly statement, not dunning.
  const onPlan = new Set(activePlanAccounts(db));
  for (const h of activePlacedHolds(db, runDate)) {
    const map = h.accountId === null ? guarantorHolds : accountHolds;
    const key = h.accountId ?? h.guarantorId;
    map.set(key, [...(map.get(key) ?? []), h.reason]);
  }
  const plan: Omit<RunPlan, 'heldCount'> = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0, creditOrZero: 0 },
  };
  // Issue 11: guarantors who owe on an account but whose credits cover it get no statement at all:
  // those with an account above zero (counted from accounts_open) less those among the guarantors
  // with a balance (counted as they are read).
  let owingOnAnAccount = db
    .prepare('SELECT count(DISTINCT guarantor_id) FROM accounts WHERE balance_cents > 0')
    .pluck()
    .get() as number;
  // The guarantors with a balance in the run's order (ZIP, name) from the index
  // guarantors_statement_order, each with its accounts with a balance in service-date order from the
  // index accounts_statement (migration 028, whose condition 'abs(balance_cents) > 0', the accounts
  // of '<> 0', this repeats word for word): no sort, no read of either table, and a guarantor's rows
  // handled as they come (issue 18: at a million guarantors, holding every account at once cost
  // more in garbage collection than the reading).
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
    .iterate() as IterableIterator<
    GuarantorDue & { account_id: number | null; balance_cents: number; final_sent: number; sent: number }
  >;
  // The last statement (its date and the ledger entry it covered), once per guarantor from the
  // statements' UNIQUE (guarantor_id, statement_date) index (statements_guarantor before migration
  // 037; in the query above it ran for every account row of the guarantor).
  const lastStatement = db.prepare(
    'SELECT statement_date AS last_date, ledger_mark AS last_mark FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC LIMIT 1',
  );
  let next = rows.next();
  while (!next.done) {
    const g = next.value;
    const list: AccountCycleState[] = [];
    let owing = false;
    for (; !next.done && next.value.id === g.id; next = rows.next()) {
      const a = next.value;
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
    const name = guarantorName(g);
    const holds = [
      ...automaticHoldReasons({
        deceased: g.deceased === 1,
        bankruptcy: g.bankruptcy === 1,
        fapPending: g.fap_status === 'pending',
        mailReturned: g.mail_returned_on !== null,
      }),
      ...(guarantorHolds.get(g.id) ?? []),
    ];
    // The last statement matters only to a guarantor who may be due: one held (or owing nothing)
    // is decided without it (statementDue looks at the holds before the date), so it is not read
    // (issue 18: a run at a million guarantors with many held read it for each of them).
    const last =
      holds.length > 0
        ? undefined
        : (lastStatement.get(g.id) as { last_date: string; last_mark: number | null } | undefined);
    const lastDate = last?.last_date ?? null;
    const lastMark = last?.last_mark ?? null;
    const d = statementDue({ lastStatementDate: lastDate, holds, accounts: list }, runDate, policy);
    if (d.due) {
      // What the guarantor owes on the accounts shown (a credit is refunded, not subtracted; a plan's
      // payment may ask for less).
      const shown = new Set(d.accounts.map((a) => a.accountId));
      const cents = list
        .filter((a) => shown.has(a.accountId) && a.balanceCents > 0)
        .reduce((t, a) => t + a.balanceCents, 0);
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

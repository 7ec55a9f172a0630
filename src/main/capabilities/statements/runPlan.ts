// The monthly statement run (ST-03): who is due (and who is held, and why); one statement per
// guarantor covering all their open accounts, credits listed with their refunds (issue 11), printed as one PDF sorted
// by ZIP code. This is the run's plan; the run is prepared (prepare.ts), proved and released
// (release.ts), where each statement is recorded with its number in the cycle, its amounts, the
// snapshot it was printed from, the SHA-256 of its PDF and the last ledger entry it covered. Past
// runs: pastRuns.ts.
import {
  statementDue,
  type AccountCycleState,
  type AccountStep,
  type HoldReason,
} from '../../../shared/rules/statementCycle';
import type { Db } from '../../store/database';
import type { GuarantorsRow } from '../../store/schema';
import { guarantorName } from '../accounts';
import { activeAccountHolds, automaticHoldReasons, placedHoldsSql } from '../compliance';
import { activePlanAccounts } from '../plans';
import { statementPolicy } from '../../platform/settings';

export interface DueStatement {
  guarantorId: number;
  zip: string;
  name: string;
  kind: 'regular' | 'final_notice';
  number: number;
  lastStatementDate: string | null;
  /** The last ledger entry the last statement covered (null before marks were kept). */
  lastLedgerMark: number | null;
  /** The accounts the statement shows, each with its step in its own cycle. */
  accounts: AccountStep[];
  balanceCents: number;
}

export interface RunPlan {
  runDate: string;
  due: DueStatement[];
  dueCents: number;
  /**
   * Guarantors held whole, and guarantors with some accounts held (those accounts are left off): the
   * first HELD_LISTED of them in the run's order, by name. `heldCount` counts them all.
   */
  held: { guarantorId: number; name: string; holds: HoldReason[]; accountsOnly: boolean }[];
  heldCount: HeldCount;
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number; creditOrZero: number };
}

/** How many held guarantors a plan names. The proof and the preview list them; a book of a million may hold more. */
export const HELD_LISTED = 1_000;

/** Every held guarantor counted: held whole, with some accounts held, and the whole ones by each reason. */
export interface HeldCount {
  guarantors: number;
  accountsOnly: number;
  byReason: Partial<Record<HoldReason, number>>;
}

/** A guarantor row of the run's selection, as its columns come (raw: no object a row). */
type GuarantorDue = [
  id: number,
  zip: string,
  firstName: string,
  middleName: string,
  lastName: string,
  deceased: number,
  bankruptcy: number,
  fapStatus: GuarantorsRow['fap_status'],
  mailReturnedOn: string | null,
  placedHolds: string | null,
];

/** An account of a guarantor who may be due: its id, balance, whether its final notice went, statements of its cycle sent. */
type AccountDue = [id: number, balanceCents: number, finalSent: number, sent: number];

/**
 * Who is due a statement on the run date, and who is held or skipped, and why: one pass over the
 * guarantors with a balance, and for each one not held whole, their accounts and last statement.
 * `heldListed`: how many held guarantors to name (HELD_LISTED).
 */
export function planRun(db: Db, runDate: string, heldListed = HELD_LISTED): RunPlan {
  const policy = statementPolicy(db);
  const accountHolds = activeAccountHolds(db, runDate);
  // PP-01/PP-02: accounts on an active plan get the plan's payment on a monthly statement, not dunning.
  const onPlan = new Set(activePlanAccounts(db));
  const plan: RunPlan = {
    runDate,
    due: [],
    dueCents: 0,
    held: [],
    heldCount: { guarantors: 0, accountsOnly: 0, byReason: {} },
    skipped: { belowMinimum: 0, notYet: 0, cycleComplete: 0, creditOrZero: 0 },
  };
  const listHeld = (h: RunPlan['held'][number]) => {
    if (plan.held.length < heldListed) plan.held.push(h);
  };
  // A guarantor held whole, counted once for each reason they are held for.
  const byReason = plan.heldCount.byReason;
  const countHeldWhole = (holds: HoldReason[]) => {
    plan.heldCount.guarantors++;
    for (const reason of new Set(holds)) byReason[reason] = (byReason[reason] ?? 0) + 1;
  };
  // Issue 11: guarantors who owe on an account but whose credits cover it get no statement at all:
  // those with an account above zero (counted from accounts_open) less those among the guarantors
  // with a balance (counted as they are read).
  let owingOnAnAccount = db
    .prepare('SELECT count(DISTINCT guarantor_id) FROM accounts WHERE balance_cents > 0')
    .pluck()
    .get() as number;
  // The guarantors with a balance in the run's order (ZIP, name) from the index
  // guarantors_statement_order (migration 028), each with the reasons of the holds placed on them
  // (holds_active_guarantor, migration 034): no sort, no read of either table.
  const guarantors = db
    .prepare(
      `SELECT g.id, g.zip, g.first_name, g.middle_name, g.last_name, g.deceased, g.bankruptcy, g.fap_status,
              g.mail_returned_on, ${placedHoldsSql('g.id')} AS placed
         FROM guarantors g WHERE g.balance_cents > 0 ORDER BY g.zip, g.last_name, g.first_name, g.id`,
    )
    .raw()
    .iterate({ runDate }) as IterableIterator<GuarantorDue>;
  // A guarantor's accounts with a balance in service-date order, from accounts_statement (whose
  // condition 'abs(balance_cents) > 0', the accounts of '<> 0', this repeats word for word), with the
  // statements of each account's cycle sent: read only for a guarantor not held whole (issue 18: at a
  // million guarantors, reading every held guarantor's accounts was most of the plan's time).
  const accountsOf = db
    .prepare(
      `SELECT a.id, a.balance_cents, a.final_notice_date IS NOT NULL,
              (SELECT count(*) FROM statement_accounts sa WHERE sa.account_id = a.id AND sa.step <> 'after_notice')
         FROM accounts a WHERE a.guarantor_id = ? AND abs(a.balance_cents) > 0 ORDER BY a.service_from, a.id`,
    )
    .raw();
  // The last statement (its date and the ledger entry it covered), from the statements' UNIQUE
  // (guarantor_id, statement_date) index.
  const lastStatement = db.prepare(
    'SELECT statement_date AS last_date, ledger_mark AS last_mark FROM statements WHERE guarantor_id = ? ORDER BY statement_date DESC LIMIT 1',
  );
  for (const [
    id,
    zip,
    firstName,
    middleName,
    lastName,
    deceased,
    bankruptcy,
    fap,
    mailReturned,
    placed,
  ] of guarantors) {
    const nameOf = () => guarantorName({ first_name: firstName, middle_name: middleName, last_name: lastName });
    const holds: HoldReason[] = [
      ...automaticHoldReasons({
        deceased: deceased === 1,
        bankruptcy: bankruptcy === 1,
        fapPending: fap === 'pending',
        mailReturned: mailReturned !== null,
      }),
      ...(placed === null ? [] : (placed.split(',') as HoldReason[])),
    ];
    if (holds.length > 0) {
      // Held whole (statementDue: a guarantor owing on some account and held gets no statement). A
      // guarantor's balance is the sum of its accounts' (accounts/rows.ts moveBalance moves both),
      // so with it above zero some account owes: the accounts need not be read to know it.
      owingOnAnAccount--;
      countHeldWhole(holds);
      listHeld({ guarantorId: id, name: nameOf(), holds, accountsOnly: false });
      continue;
    }
    const list: AccountCycleState[] = [];
    let owing = false;
    for (const [accountId, balanceCents, finalSent, sent] of accountsOf.all(id) as AccountDue[]) {
      if (balanceCents > 0) owing = true;
      list.push({
        accountId,
        balanceCents,
        sentCount: sent,
        finalNoticeSent: finalSent === 1,
        holds: accountHolds.get(accountId) ?? [],
        onPlan: onPlan.has(accountId),
      });
    }
    if (owing) owingOnAnAccount--;
    const last = lastStatement.get(id) as { last_date: string; last_mark: number | null } | undefined;
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
      const name = nameOf();
      plan.due.push({
        guarantorId: id,
        zip,
        name,
        kind: d.kind,
        number: d.number,
        lastStatementDate: lastDate,
        lastLedgerMark: lastMark,
        accounts: d.accounts,
        balanceCents: cents,
      });
      plan.dueCents += cents;
      if (d.heldAccounts.length > 0) {
        plan.heldCount.accountsOnly++;
        listHeld({
          guarantorId: id,
          name,
          holds: [...new Set(d.heldAccounts.flatMap((h) => h.holds))],
          accountsOnly: true,
        });
      }
    } else if (d.why === 'held') {
      // Every account owing is held on its own: held whole, for those accounts' reasons.
      countHeldWhole(d.holds ?? []);
      listHeld({ guarantorId: id, name: nameOf(), holds: d.holds ?? [], accountsOnly: false });
    } else if (d.why === 'below_minimum') plan.skipped.belowMinimum++;
    else if (d.why === 'not_yet') plan.skipped.notYet++;
    else if (d.why === 'cycle_complete') plan.skipped.cycleComplete++;
    else if (d.why === 'credit_or_zero') plan.skipped.creditOrZero++;
  }
  plan.skipped.creditOrZero += owingOnAnAccount;
  return plan;
}

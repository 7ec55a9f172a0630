// What payroll puts in the work queue (kind 'payroll', issue 16): an employee the roster brought
// who may be a guarantor and waits for a person to confirm or reject the match (never by name
// alone); an arrangement still waiting for its signed authorization 7 days after it was set up
// (PD-02: nothing is deducted until it is recorded); a line of a run that was short, missed or
// returned by the bank and is not yet resolved; and a pay (or debit) date within 3 days with an
// active arrangement and no run made for it yet. Scored with the queue's one formula on what the
// arrangement's accounts owe (the guarantor's balance for a match); nobody's, so everyone's.
import { addDays, daysBetween, formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { achReturnLabel } from '../../../shared/rules/achReturns';
import { largestDeductionFrom, scheduleDates, type PayFrequency } from '../../../shared/rules/payroll';
import { queueScore } from '../../../shared/rules/workQueue';
import { RUN_LINE_OUTCOME_LABELS, type RunLineOutcome } from '../../../shared/schemas/payroll';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { pendingMatches } from './matching';
import type { Db } from '../../store/database';
import { sortedName } from '../../../shared/names';
import { guarantorName } from '../accounts';
import {
  activeCoveredOwedCents,
  arrangementReference,
  coveredOwedCents,
  payFacts,
  wageFloorRows,
  type PayFactsRow,
} from './reads';
import { setUpOn } from './arrangements';
import type { EmployeesRow } from '../../store/schema';

/** Days after set-up an unsigned authorization comes into the queue. */
export const SIGNATURE_WAIT_DAYS = 7;
/** Days ahead a pay or debit date without a run comes into the queue. */
export const RUN_DUE_DAYS = 3;
/** Days back a date that passed with no run stays in the queue (a month: a monthly schedule's one). */
export const MISSED_DATE_DAYS = 31;
/** Days after its date a run without payroll's confirmation (or the bank's settlement) comes into the queue. */
export const ANSWER_WAIT_DAYS = 3;

type Named = { first_name: string; middle_name: string; last_name: string };

/** A payroll item, scored; built field by field (a rest and a spread cost more than the rest of an item at 1M). */
function item(c: {
  key: string;
  guarantorId: number;
  guarantorName: string;
  summary: string;
  amountCents: number;
  date: string;
  urgency: number;
}): QueueCandidate {
  return {
    key: c.key,
    guarantorId: c.guarantorId,
    guarantorName: c.guarantorName,
    summary: c.summary,
    amountCents: c.amountCents,
    date: c.date,
    kind: 'payroll',
    score: queueScore(Math.max(c.amountCents, 100), c.urgency),
    assignee: null,
    ownerId: null,
  };
}

function matchesToConfirm(db: Db): QueueCandidate[] {
  // The candidates as the roster offers them, judged by the one match rule (pendingMatches: the
  // employee id on the guarantor, or the date of birth with the last or first name, never the name
  // alone); never one rejected, never one matched already. The first per employee.
  const out: QueueCandidate[] = [];
  for (const { employee: e, guarantor: g, judged } of pendingMatches(db, 'active', 'first')) {
    out.push(
      item({
        key: `payroll:match:${e.id}`,
        guarantorId: g.id,
        guarantorName: guarantorName(g),
        summary: `Employee ${e.employee_number} (${sortedName({ firstName: e.first_name, middleName: '', lastName: e.last_name })}) may be this guarantor (${judged.kind}: ${judged.reasons[0]}) Confirm or reject the match on the Payroll page.`,
        amountCents: Math.max(0, g.balance_cents),
        date: e.updated_at.slice(0, 10),
        urgency: 1.25,
      }),
    );
  }
  return out;
}

function awaitingSignature(db: Db, today: string): QueueCandidate[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.method, a.guarantor_id, a.created_at, g.first_name, g.middle_name, g.last_name
         FROM deduction_arrangements a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE a.status = 'awaiting_signature' ORDER BY a.id`,
    )
    .all() as ({
    id: number;
    method: 'payroll' | 'bank';
    guarantor_id: number;
    created_at: string;
  } & Named)[];
  const waited = addDays(today, -SIGNATURE_WAIT_DAYS);
  // The set-up's business date (the instant's day on the workstation's calendar, never after today).
  return rows.flatMap((a) => {
    const since = setUpOn(a, today);
    if (since > waited) return [];
    return item({
      key: `payroll:signature:${a.id}`,
      guarantorId: a.guarantor_id,
      guarantorName: guarantorName(a),
      summary: `${arrangementReference(a.method, a.id)} has waited ${daysBetween(since, today)} days for the signed authorization (set up ${formatLongDate(since)}); nothing is ${a.method === 'payroll' ? 'deducted' : 'debited'} until it is recorded (PD-02).`,
      amountCents: coveredOwedCents(db, a.id),
      date: since,
      urgency: 1.5,
    });
  });
}

function openLines(db: Db): QueueCandidate[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.expected_cents, l.deducted_cents, l.outcome, l.return_code, r.run_date, a.id AS arrangement_id,
              a.method, a.guarantor_id, g.first_name, g.middle_name, g.last_name
         FROM deduction_run_lines l JOIN deduction_runs r ON r.id = l.run_id
         JOIN deduction_arrangements a ON a.id = l.arrangement_id JOIN guarantors g ON g.id = a.guarantor_id
        WHERE l.outcome IN ('short','missed','returned') AND l.resolved_on IS NULL ORDER BY l.id`,
    )
    .all() as ({
    id: number;
    expected_cents: number;
    deducted_cents: number | null;
    outcome: RunLineOutcome;
    return_code: string | null;
    run_date: string;
    arrangement_id: number;
    method: 'payroll' | 'bank';
    guarantor_id: number;
  } & Named)[];
  return rows.map((l) => {
    const ref = arrangementReference(l.method, l.arrangement_id);
    const what =
      l.outcome === 'returned'
        ? `the debit of ${formatLongDate(l.run_date)} (${formatCents(l.expected_cents)}) came back: ${achReturnLabel(l.return_code ?? '')}`
        : `pay date ${formatLongDate(l.run_date)}: ${formatCents(l.deducted_cents ?? 0)} deducted of ${formatCents(l.expected_cents)} (${RUN_LINE_OUTCOME_LABELS[l.outcome].toLowerCase()})`;
    return item({
      key: `payroll:line:${l.id}`,
      guarantorId: l.guarantor_id,
      guarantorName: guarantorName(l),
      summary: `${ref}: ${what}. Find out why and resolve the line on the Payroll page.`,
      amountCents: l.expected_cents - (l.deducted_cents ?? 0),
      date: l.run_date,
      urgency: l.outcome === 'returned' ? 2.5 : 2,
    });
  });
}

function runsDue(db: Db, today: string, owedOf: (arrangementId: number) => number): QueueCandidate[] {
  const until = addDays(today, RUN_DUE_DAYS);
  const missedFrom = addDays(today, -MISSED_DATE_DAYS);
  const yesterday = addDays(today, -1);
  const rows = db
    .prepare(
      `SELECT a.id, a.method, a.guarantor_id, a.first_date, a.frequency, a.signed_on, g.first_name, g.middle_name, g.last_name
         FROM deduction_arrangements a JOIN guarantors g ON g.id = a.guarantor_id
        WHERE a.status = 'active' ORDER BY a.id`,
    )
    .all() as ({
    id: number;
    method: 'payroll' | 'bank';
    guarantor_id: number;
    first_date: string;
    frequency: PayFrequency;
    signed_on: string;
  } & Named)[];
  const runOf = db.prepare('SELECT 1 FROM deduction_runs WHERE method = ? AND run_date = ?');
  // Asked of every arrangement, for a few dates: each method and date read once.
  const runs = new Map<string, boolean>();
  const hasRun = {
    get(method: string, date: string): boolean {
      const key = `${method}|${date}`;
      let has = runs.get(key);
      if (has === undefined) runs.set(key, (has = runOf.get(method, date) !== undefined));
      return has;
    },
  };
  const out: QueueCandidate[] = [];
  const hasLine = db.prepare(
    'SELECT 1 FROM deduction_run_lines l JOIN deduction_runs r ON r.id = l.run_id WHERE l.arrangement_id = ? AND r.run_date = ?',
  );
  for (const a of rows) {
    // A date gone by (within MISSED_DATE_DAYS) with no file: nothing was taken that day.
    const since = [missedFrom, a.signed_on, a.first_date].sort().at(-1)!;
    for (const gone of scheduleDates(a.first_date, a.frequency, since, yesterday)) {
      // A run of that date that left it out said why; only a date with no run at all is missed.
      if (hasLine.get(a.id, gone) || hasRun.get(a.method, gone)) continue;
      const owed = owedOf(a.id);
      if (owed === 0) break;
      out.push(
        item({
          key: `payroll:missedDate:${a.id}:${gone}`,
          guarantorId: a.guarantor_id,
          guarantorName: guarantorName(a),
          summary: `${arrangementReference(a.method, a.id)}: the ${a.method === 'payroll' ? 'pay' : 'debit'} date ${formatLongDate(gone)} passed with no ${a.method === 'payroll' ? 'deduction' : 'transfer'} file, so nothing was taken that day; the schedule ends a period later. Make the next date's file on time.`,
          amountCents: owed,
          date: gone,
          urgency: 1.5,
        }),
      );
    }
    const from = [today, a.signed_on, a.first_date].sort().at(-1)!;
    const next = scheduleDates(a.first_date, a.frequency, from, until, 1)[0];
    if (!next || hasRun.get(a.method, next)) continue;
    const owed = owedOf(a.id);
    if (owed === 0) continue;
    const days = daysBetween(today, next);
    out.push(
      item({
        key: `payroll:due:${a.id}:${next}`,
        guarantorId: a.guarantor_id,
        guarantorName: guarantorName(a),
        summary: `${arrangementReference(a.method, a.id)}: the ${a.method === 'payroll' ? 'pay' : 'debit'} date ${formatLongDate(next)} is ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} and no ${a.method === 'payroll' ? 'deduction' : 'transfer'} file has been made for it.`,
        amountCents: owed,
        date: next,
        urgency: days <= 1 ? 3 : 2,
      }),
    );
  }
  return out;
}

/**
 * A run sent whose answer has not come back some days after its date: payroll's confirmation (the
 * money taken from pay is not on the accounts yet) or the bank's settlement. One item for the run,
 * on the guarantor whose line is largest.
 */
function answersOverdue(db: Db, today: string): QueueCandidate[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.method, r.run_date, r.expected_cents, count(l.id) AS lines,
              (SELECT a.guarantor_id FROM deduction_run_lines l2 JOIN deduction_arrangements a ON a.id = l2.arrangement_id
                WHERE l2.run_id = r.id ORDER BY l2.expected_cents DESC, l2.id LIMIT 1) AS guarantor_id
         FROM deduction_runs r JOIN deduction_run_lines l ON l.run_id = r.id
        WHERE r.status = 'sent' AND r.run_date <= ?
        GROUP BY r.id ORDER BY r.run_date, r.id`,
    )
    .all(addDays(today, -ANSWER_WAIT_DAYS)) as {
    id: number;
    method: 'payroll' | 'bank';
    run_date: string;
    expected_cents: number;
    lines: number;
    guarantor_id: number;
  }[];
  const named = db.prepare('SELECT first_name, middle_name, last_name FROM guarantors WHERE id = ?');
  return rows.map((r) => {
    const days = daysBetween(r.run_date, today);
    const what =
      r.method === 'payroll'
        ? `payroll's confirmation of the deductions of ${formatLongDate(r.run_date)} (${r.lines} deduction${r.lines === 1 ? '' : 's'}, ${formatCents(r.expected_cents)}) has not come back ${days} days after pay day: the money taken from pay is not on the accounts yet. Upload it on the Payroll page (Pay periods).`
        : `the bank transfers of ${formatLongDate(r.run_date)} (${r.lines} debit${r.lines === 1 ? '' : 's'}, ${formatCents(r.expected_cents)}) are not settled ${days} days after the debit date: settle the run with any returns on the Payroll page (Pay periods).`;
    return item({
      key: `payroll:answer:${r.id}`,
      guarantorId: r.guarantor_id,
      guarantorName: guarantorName(named.get(r.guarantor_id) as Named),
      summary: `The ${r.method === 'payroll' ? 'payroll deduction' : 'bank transfer'} run of ${formatLongDate(r.run_date)}: ${what}`,
      amountCents: r.expected_cents,
      date: r.run_date,
      urgency: 3,
    });
  });
}

/**
 * An active payroll deduction that can take nothing now or from a wage-floor row already on file
 * (its accounts stay held out of statements while it stands), and one whose employee works in a
 * state with no row on file (the federal minimum is used: a supervisor adds the state's).
 */
function floorProblems(db: Db, today: string, owedOf: (arrangementId: number) => number): QueueCandidate[] {
  // Only what the rule reads (a row's every column costs as much to hand over as to read); the
  // guarantor's name is read for an item made, not for every arrangement.
  const rows = db
    .prepare(
      `SELECT a.id AS arrangement_id, a.guarantor_id, a.first_date, a.signed_on, e.employee_number, e.pay_type,
              e.hourly_rate_cents, e.annual_salary_cents, e.weekly_hours_centi, e.exempt, e.pay_frequency, e.work_state
         FROM deduction_arrangements a JOIN employees e ON e.id = a.employee_id
        WHERE a.status = 'active' AND a.method = 'payroll' ORDER BY a.id`,
    )
    .all() as (PayFactsRow &
    Pick<EmployeesRow, 'employee_number'> & {
      arrangement_id: number;
      guarantor_id: number;
      first_date: string;
      signed_on: string;
    })[];
  if (rows.length === 0) return [];
  const named = db.prepare('SELECT first_name, middle_name, last_name FROM guarantors WHERE id = ?');
  const floors = wageFloorRows(db);
  const states = new Set(floors.map((f) => f.jurisdiction));
  // PD-01's limit depends only on the pay facts and the date: worked out once for each pair.
  const limits = new Map<string, ReturnType<typeof largestDeductionFrom>>();
  const limitOf = (e: PayFactsRow, from: string) => {
    const pay = payFacts(e);
    // Every fact but the state is a number, a flag or a fixed word: with the state last, one key per facts.
    const key = `${from}|${pay.payType}|${pay.payFrequency}|${pay.hourlyRateCents}|${pay.annualSalaryCents}|${pay.weeklyHoursCenti}|${pay.exempt}|${pay.workState}`;
    if (!limits.has(key)) limits.set(key, largestDeductionFrom(pay, floors, from));
    return limits.get(key)!;
  };
  const out: QueueCandidate[] = [];
  for (const r of rows) {
    const ref = arrangementReference('payroll', r.arrangement_id);
    const owed = owedOf(r.arrangement_id);
    if (owed === 0) continue;
    const from = [today, r.signed_on, r.first_date].sort().at(-1)!;
    const limit = limitOf(r, from);
    const nothing = limit !== null && limit.maxCents === 0;
    const noStateRow = !states.has(r.work_state.toUpperCase());
    if (!nothing && !noStateRow) continue;
    const name = guarantorName(named.get(r.guarantor_id) as Named);
    if (nothing)
      out.push(
        item({
          key: `payroll:nothing:${r.arrangement_id}`,
          guarantorId: r.guarantor_id,
          guarantorName: name,
          summary: `${ref} can take nothing${limit.from > today ? ` from ${formatLongDate(limit.from)}` : ''}: the pay on file leaves nothing above the wage floor (PD-01), yet its accounts stay out of statements while it stands. End it and offer a bank transfer or a payment plan.`,
          amountCents: owed,
          date: limit.from,
          urgency: 2.5,
        }),
      );
    if (noStateRow)
      out.push(
        item({
          key: `payroll:stateRow:${r.arrangement_id}`,
          guarantorId: r.guarantor_id,
          guarantorName: name,
          summary: `${ref}: no wage-floor row for ${r.work_state}, where employee ${r.employee_number} works, is on file, so the federal minimum is used. A supervisor adds ${r.work_state}'s minimum wage (and any deduction limit) on the Payroll page, even if it is the federal one.`,
          amountCents: owed,
          date: today,
          urgency: 2,
        }),
      );
  }
  return out;
}

export const payrollQueueSource: QueueSource = {
  kinds: ['payroll'],
  items(db, today, want) {
    if (!want('payroll')) return [];
    const owedOf = activeCoveredOwedCents(db);
    return [
      ...matchesToConfirm(db),
      ...awaitingSignature(db, today),
      ...openLines(db),
      ...runsDue(db, today, owedOf),
      ...answersOverdue(db, today),
      ...floorProblems(db, today, owedOf),
    ];
  },
};

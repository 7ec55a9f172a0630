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
import { scheduleDates, type PayFrequency } from '../../../shared/rules/payroll';
import { queueScore } from '../../../shared/rules/workQueue';
import { RUN_LINE_OUTCOME_LABELS, type RunLineOutcome } from '../../../shared/schemas/payroll';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { pendingMatches } from './matching';
import type { Db } from '../../store/database';
import { sortedName } from '../../../shared/names';
import { guarantorName } from '../accounts';
import { arrangementReference, coveredOwedCents } from './reads';

/** Days after set-up an unsigned authorization comes into the queue. */
export const SIGNATURE_WAIT_DAYS = 7;
/** Days ahead a pay or debit date without a run comes into the queue. */
export const RUN_DUE_DAYS = 3;

type Named = { first_name: string; middle_name: string; last_name: string };

function item(
  c: Omit<QueueCandidate, 'kind' | 'assignee' | 'ownerId' | 'score'> & { urgency: number },
): QueueCandidate {
  const { urgency, ...rest } = c;
  return {
    ...rest,
    kind: 'payroll',
    score: queueScore(Math.max(c.amountCents, 100), urgency),
    assignee: null,
    ownerId: null,
  };
}

function matchesToConfirm(db: Db): QueueCandidate[] {
  // The candidates as the roster offers them, judged by the one match rule (pendingMatches: the
  // employee id on the guarantor, or the date of birth with the last or first name, never the name
  // alone); never one rejected, never one matched already. The first per employee.
  const seen = new Set<number>();
  const out: QueueCandidate[] = [];
  for (const { employee: e, guarantor: g, judged } of pendingMatches(db)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
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
        WHERE a.status = 'awaiting_signature' AND substr(a.created_at, 1, 10) <= ? ORDER BY a.id`,
    )
    .all(addDays(today, -SIGNATURE_WAIT_DAYS)) as ({
    id: number;
    method: 'payroll' | 'bank';
    guarantor_id: number;
    created_at: string;
  } & Named)[];
  return rows.map((a) => {
    const since = a.created_at.slice(0, 10);
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

function runsDue(db: Db, today: string): QueueCandidate[] {
  const until = addDays(today, RUN_DUE_DAYS);
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
  const hasRun = db.prepare('SELECT 1 FROM deduction_runs WHERE method = ? AND run_date = ?');
  const out: QueueCandidate[] = [];
  for (const a of rows) {
    const from = [today, a.signed_on, a.first_date].sort().at(-1)!;
    const next = scheduleDates(a.first_date, a.frequency, from, until, 1)[0];
    if (!next || hasRun.get(a.method, next)) continue;
    const owed = coveredOwedCents(db, a.id);
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

export const payrollQueueSource: QueueSource = {
  kinds: ['payroll'],
  items(db, today, want) {
    if (!want('payroll')) return [];
    return [...matchesToConfirm(db), ...awaitingSignature(db, today), ...openLines(db), ...runsDue(db, today)];
  },
};

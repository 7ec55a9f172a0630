// Matching the roster's employees to guarantors (issue 16): Recoup offers candidates, a person
// confirms; never by name alone. A candidate is a guarantor with (a) the employee id on file (exact
// when the birth dates agree or one is missing, likely when they differ); (b) the same date of birth
// and last name (exact with the first name too, else likely); (c) the same date of birth and first
// name under another last name (likely: a married name). A rejected pair is never offered again; a
// guarantor matched to another employee is shown as taken and cannot be confirmed.
import { AppError } from '../../../shared/errors';
import { matchName } from '../../../shared/nameTokens';
import { formatShortDate } from '../../../shared/dates';
import type { MatchCandidate, MatchKind } from '../../../shared/schemas/payroll';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { EmployeesRow, GuarantorsRow } from '../../store/schema';
import { guarantorName, guarantorRow, logActivity } from '../accounts';
import { clearMatch, insertRejection, setMatch, setTerminated } from './rosterRows';
import { endPayrollArrangementsOf } from './arrangements';

/** A name as the match compares it (one definition, shared with the guarantors' writer). */
export { matchName };

const withMatchName = new WeakSet<Db>();
/** matchName for SQL to call (one definition), registered once per connection. */
export function registerMatchName(db: Db): void {
  if (withMatchName.has(db)) return;
  db.function('recoup_match_name', { deterministic: true }, (name) =>
    typeof name === 'string' ? matchName(name) : null,
  );
  withMatchName.add(db);
}

/**
 * Whether a text column's name, as matchName folds it, is `key` (itself a matchName), in SQL: a
 * name of plain ASCII letters (most of them) folds to its lower case, so it is `key` exactly when
 * equal to it under NOCASE, compared without leaving the query; any other calls matchName itself.
 * True for every pair matchName says agree (tests/unit/payroll/lookups.test.ts); judgeMatch
 * decides after it.
 */
export function sameMatchNameSql(column: string, key: string): string {
  return `(${key} <> '' AND (${column} = ${key} COLLATE NOCASE OR (${column} GLOB '*[^A-Za-z]*' AND recoup_match_name(${column}) = ${key})))`;
}

export function employeeName(e: Pick<EmployeesRow, 'first_name' | 'last_name'>): string {
  return [e.first_name, e.last_name].filter((p) => p.trim() !== '').join(' ');
}

export function employeeRow(db: Db, employeeId: number): EmployeesRow {
  const e = prepared(db, 'SELECT * FROM employees WHERE id = ?').get(employeeId) as EmployeesRow | undefined;
  if (!e) throw new AppError('not_found', 'There is no such employee.');
  return e;
}

type GuarantorFacts = Pick<
  GuarantorsRow,
  'id' | 'first_name' | 'middle_name' | 'last_name' | 'date_of_birth' | 'external_id' | 'employee_id' | 'is_employee'
>;

/** Why `g` may be employee `e`, or null when nothing but a name would tie them. */
export function judgeMatch(
  e: Pick<EmployeesRow, 'employee_number' | 'birth_date' | 'first_name' | 'last_name'>,
  g: Pick<GuarantorsRow, 'employee_id' | 'date_of_birth' | 'first_name' | 'last_name'> &
    Partial<Pick<GuarantorsRow, 'is_employee'>>,
): Judged | null {
  const lastKey = matchName(e.last_name);
  const firstKey = matchName(e.first_name);
  return judgeFacts(e, g, {
    sameLast: lastKey !== '' && lastKey === matchName(g.last_name),
    sameFirst: firstKey !== '' && firstKey === matchName(g.first_name),
  });
}

type Judged = { kind: MatchKind; reasons: string[] };

/**
 * judgeMatch with the names already compared as matchName folds them (by judgeMatch, or in SQL
 * from the names stored folded: judgedPairs): the one match rule.
 */
function judgeFacts(
  e: Pick<EmployeesRow, 'employee_number' | 'birth_date'>,
  g: Pick<GuarantorsRow, 'employee_id' | 'date_of_birth'> & Partial<Pick<GuarantorsRow, 'is_employee'>>,
  { sameLast, sameFirst }: { sameLast: boolean; sameFirst: boolean },
): Judged | null {
  const sameId =
    g.employee_id !== null && g.employee_id.trim().toLowerCase() === e.employee_number.trim().toLowerCase();
  const bothBirth = e.birth_date !== null && g.date_of_birth !== null;
  const sameBirth = bothBirth && e.birth_date === g.date_of_birth;
  if (sameId) {
    // An id on a guarantor the billing system does not flag as a hospital employee may be another
    // employer's: never more than likely.
    if (g.is_employee === 0 && (!bothBirth || sameBirth))
      return {
        kind: 'likely',
        reasons: [
          `The employee id ${e.employee_number} is on the guarantor’s record, but the billing system does not flag the guarantor as a hospital employee${bothBirth ? ' (the dates of birth agree)' : ''}.`,
        ],
      };
    if (!bothBirth)
      return {
        kind: 'exact',
        reasons: [
          `The employee id ${e.employee_number} is on the guarantor’s record; a date of birth is missing on one side.`,
        ],
      };
    return sameBirth
      ? { kind: 'exact', reasons: [`The employee id ${e.employee_number} and the date of birth agree.`] }
      : {
          kind: 'likely',
          reasons: [
            `The employee id ${e.employee_number} is on the guarantor’s record, but the dates of birth differ (${formatShortDate(e.birth_date!)} and ${formatShortDate(g.date_of_birth!)}).`,
          ],
        };
  }
  if (!sameBirth) return null;
  if (sameLast)
    return sameFirst
      ? { kind: 'exact', reasons: ['The date of birth, last name and first name agree.'] }
      : { kind: 'likely', reasons: ['The date of birth and last name agree; the first name differs.'] };
  if (sameFirst)
    return {
      kind: 'likely',
      reasons: ['The date of birth and first name agree; the last name differs (a married name?).'],
    };
  return null;
}

function takenBy(db: Db, guarantorId: number, employeeId: number): string | null {
  const other = prepared(db, 'SELECT * FROM employees WHERE guarantor_id = ? AND id <> ?').get(
    guarantorId,
    employeeId,
  ) as EmployeesRow | undefined;
  return other ? `Employee ${other.employee_number} (${employeeName(other)})` : null;
}

/** The guarantors a person could confirm as this employee (rejected pairs left out), exact first. */
export function matchCandidates(db: Db, e: EmployeesRow): MatchCandidate[] {
  const rows = prepared(
    db,
    // Two index lookups (the employee id, the birth date), never a read of every guarantor.
    `SELECT id, first_name, middle_name, last_name, date_of_birth, external_id, employee_id, is_employee FROM guarantors
      WHERE id IN (SELECT id FROM guarantors WHERE employee_id = ? COLLATE NOCASE
                   UNION SELECT id FROM guarantors WHERE date_of_birth = ?)
        AND id NOT IN (SELECT guarantor_id FROM employee_match_rejections WHERE employee_id = ?)
      ORDER BY id`,
  ).all(e.employee_number, e.birth_date, e.id) as GuarantorFacts[];
  const out: MatchCandidate[] = [];
  for (const g of rows) {
    const judged = judgeMatch(e, g);
    if (!judged) continue;
    out.push({
      guarantorId: g.id,
      name: guarantorName(g),
      birthDate: g.date_of_birth,
      guarantorNumber: g.external_id ?? String(g.id),
      kind: judged.kind,
      reasons: judged.reasons,
      takenBy: takenBy(db, g.id, e.id),
    });
  }
  return out.sort((a, b) => (a.kind === b.kind ? a.guarantorId - b.guarantorId : a.kind === 'exact' ? -1 : 1));
}

/** An unmatched active employee and a guarantor a person could confirm as them (the one match rule). */
export interface PendingMatch {
  employee: Pick<EmployeesRow, 'id' | 'employee_number' | 'birth_date' | 'first_name' | 'last_name' | 'updated_at'>;
  guarantor: Pick<
    GuarantorsRow,
    | 'id'
    | 'first_name'
    | 'middle_name'
    | 'last_name'
    | 'date_of_birth'
    | 'employee_id'
    | 'is_employee'
    | 'balance_cents'
  >;
  judged: { kind: MatchKind; reasons: string[] };
}

/** An unmatched employee and a guarantor a person could confirm as them, by ids (pendingPairs). */
export interface PendingPair {
  employeeId: number;
  guarantorId: number;
}

interface PairRow {
  employee_key: number;
  employee_number: string;
  birth_date: string | null;
  guarantor_key: number;
  g_birth: string | null;
  g_employee_id: string | null;
  same_last: 0 | 1;
  same_first: 0 | 1;
}

/**
 * Whether the guarantor's name in `column` agrees with the employee's `key` (a matchName) as
 * matchName folds them: compared as stored folded (`stored`: match_last or match_first, written
 * with the names by accounts/rows.ts since migration 033), or, for a row without it (written before
 * 033 or by hand), by sameMatchNameSql. 1 or 0, exactly judgeMatch's comparison.
 */
function sameNameSql(stored: string, column: string, key: string): string {
  return `coalesce(${key} <> '' AND ${stored} = ${key}, ${sameMatchNameSql(column, key)})`;
}

/**
 * Every pair openCandidates counts, for all employees at once (ordered by employee, then
 * guarantor): employees not matched yet (the active ones, or all for the employee list), each
 * guarantor with the employee id on file (NOCASE) or the same date of birth, judged by the one
 * rule (judgeFacts), never a rejected pair, never a guarantor matched to an employee.
 *
 * A date of birth alone never makes a match (the rule wants the last or the first name too, or the
 * employee id), so of the guarantors born on an employee's date of birth only those whose last or
 * first name agrees as matchName folds it, or with an employee id on file (the rule compares ids
 * trimmed, which the join on the id does not), are kept. They are read from guarantors_match
 * (migration 033: the date of birth, the names stored folded, the employee id), an index of the
 * match's own as narrow as it can be: at a million guarantors some 34–39 share each date of birth
 * (600,000 entries for 15,000 unmatched employees), and what one queue reads of it stays in the
 * page cache for the next (a wider index, or two, did not: every page decrypted again each time,
 * 0.2–0.3 s a queue). A row without its names stored folded (guarantors_match_unset: none once 033
 * has filled them and rows.ts writes them) is compared as before (sameNameSql). CROSS JOIN keeps
 * each join's order (the index named is the one read). What comes back is the pair's ids, dates,
 * employee ids and whether each name agrees: no guarantor's row is read and no name folded again
 * here. A pair found twice comes twice; every pair is judged by the one rule, so what is offered
 * is what it was.
 */
function judgedPairs(db: Db, employees: 'active' | 'all'): PairRow[] {
  registerMatchName(db);
  const status = employees === 'active' ? `AND e.status = 'active'` : '';
  const pair = `e.id AS employee_key, e.employee_number, e.birth_date, g.id AS guarantor_key, g.date_of_birth AS g_birth,
      g.employee_id AS g_employee_id`;
  // The names compared as sameNameSql compares them; where both are stored (guarantors_match), the
  // stored ones alone, which is the same and keeps the read to that index.
  const flags = `${pair}, ${sameNameSql('g.match_last', 'g.last_name', 'e.last_key')} AS same_last,
      ${sameNameSql('g.match_first', 'g.first_name', 'e.first_key')} AS same_first`;
  const storedFlags = `${pair}, (e.last_key <> '' AND g.match_last = e.last_key) AS same_last,
      (e.first_key <> '' AND g.match_first = e.first_key) AS same_first`;
  const stored = 'g.match_last IS NOT NULL AND g.match_first IS NOT NULL';
  const keys = `coalesce(e.match_last, recoup_match_name(e.last_name)) AS last_key,
      coalesce(e.match_first, recoup_match_name(e.first_name)) AS first_key`;
  const rows = prepared(
    db,
    `WITH unmatched AS MATERIALIZED (
       SELECT e.id, e.employee_number, e.birth_date, ${keys}
         FROM employees e WHERE e.birth_date IS NOT NULL AND e.guarantor_id IS NULL ${status}),
     pairs AS (
       SELECT ${flags} FROM guarantors g CROSS JOIN (SELECT e.*, ${keys} FROM employees e) e ON e.employee_number = g.employee_id
        WHERE g.employee_id IS NOT NULL AND e.guarantor_id IS NULL ${status}
       UNION ALL
       SELECT ${storedFlags} FROM unmatched e CROSS JOIN guarantors g INDEXED BY guarantors_match
           ON g.date_of_birth = e.birth_date
        WHERE ${stored} AND (g.employee_id IS NOT NULL OR (e.last_key <> '' AND g.match_last = e.last_key)
                             OR (e.first_key <> '' AND g.match_first = e.first_key))
       UNION ALL
       SELECT ${flags} FROM unmatched e CROSS JOIN guarantors g INDEXED BY guarantors_match_unset
           ON g.date_of_birth = e.birth_date
        WHERE (g.match_last IS NULL OR g.match_first IS NULL))
     SELECT * FROM pairs p
      WHERE NOT EXISTS (SELECT 1 FROM employee_match_rejections r
                         WHERE r.employee_id = p.employee_key AND r.guarantor_id = p.guarantor_key)
        AND NOT EXISTS (SELECT 1 FROM employees o WHERE o.guarantor_id = p.guarantor_key)
      ORDER BY p.employee_key, p.guarantor_key`,
  ).all() as PairRow[];
  const out: PairRow[] = [];
  for (const r of rows) {
    // A pair found twice comes twice, side by side (the same facts): once.
    const last = out[out.length - 1];
    if (last && last.employee_key === r.employee_key && last.guarantor_key === r.guarantor_key) continue;
    if (judgeFacts(...pairFacts(r))) out.push(r);
  }
  return out;
}

/** judgeFacts' arguments from a pair (the guarantor's hospital-employee flag when its row was read). */
function pairFacts(r: PairRow, isEmployee?: number): Parameters<typeof judgeFacts> {
  return [
    { employee_number: r.employee_number, birth_date: r.birth_date },
    {
      employee_id: r.g_employee_id,
      date_of_birth: r.g_birth,
      ...(isEmployee === undefined ? {} : { is_employee: isEmployee }),
    },
    { sameLast: r.same_last === 1, sameFirst: r.same_first === 1 },
  ];
}

/** The pairs awaiting a person (judgedPairs), by ids: what the roster and the employee list count. */
export function pendingPairs(db: Db, employees: 'active' | 'all' = 'active'): PendingPair[] {
  return judgedPairs(db, employees).map((r) => ({ employeeId: r.employee_key, guarantorId: r.guarantor_key }));
}

/**
 * The pairs awaiting a person with the employee's and the guarantor's facts (each one's row read,
 * and judged with the guarantor's hospital-employee flag: the kind and the reasons shown);
 * `first`: only each employee's first (the queue's item), so only those rows are read.
 */
export function pendingMatches(
  db: Db,
  employees: 'active' | 'all' = 'active',
  which: 'every' | 'first' = 'every',
): PendingMatch[] {
  const employeeOf = prepared(
    db,
    'SELECT id, employee_number, birth_date, first_name, last_name, updated_at FROM employees WHERE id = ?',
  );
  const guarantorOf = prepared(
    db,
    `SELECT id, first_name, middle_name, last_name, date_of_birth, employee_id, is_employee, balance_cents
       FROM guarantors WHERE id = ?`,
  );
  const out: PendingMatch[] = [];
  let previous = -1;
  for (const r of judgedPairs(db, employees)) {
    if (which === 'first' && r.employee_key === previous) continue;
    previous = r.employee_key;
    const employee = employeeOf.get(r.employee_key) as PendingMatch['employee'];
    const guarantor = guarantorOf.get(r.guarantor_key) as PendingMatch['guarantor'];
    out.push({ employee, guarantor, judged: judgeFacts(...pairFacts(r, guarantor.is_employee))! });
  }
  return out;
}

/** Candidates awaiting a person: 0 once matched; taken guarantors do not count. */
export function openCandidates(db: Db, e: EmployeesRow): number {
  if (e.guarantor_id !== null) return 0;
  return matchCandidates(db, e).filter((c) => c.takenBy === null).length;
}

/** The employees a person could confirm as this guarantor (unmatched ones, the pair not rejected). */
export function employeesForGuarantor(
  db: Db,
  guarantorId: number,
): { employee: EmployeesRow; candidate: MatchCandidate }[] {
  const g = guarantorRow(db, guarantorId);
  const rows = prepared(
    db,
    `SELECT * FROM employees WHERE guarantor_id IS NULL
        AND (employee_number = ? COLLATE NOCASE OR (birth_date IS NOT NULL AND birth_date = ?))
      ORDER BY id`,
  ).all(g.employee_id ?? '', g.date_of_birth) as EmployeesRow[];
  const out: { employee: EmployeesRow; candidate: MatchCandidate }[] = [];
  for (const e of rows) {
    const c = matchCandidates(db, e).find((m) => m.guarantorId === guarantorId);
    if (c) out.push({ employee: e, candidate: c });
  }
  return out;
}

export interface MatchWhen {
  today: string;
  now: string;
  by: number;
}

function candidateOrRefuse(db: Db, e: EmployeesRow, guarantorId: number): MatchCandidate {
  const c = matchCandidates(db, e).find((m) => m.guarantorId === guarantorId);
  if (!c)
    throw new AppError(
      'not_allowed',
      `That guarantor is not a candidate for employee ${e.employee_number}: a match needs the employee id or the date of birth to agree, never the name alone.`,
      { guarantorId: 'Choose one of the candidates shown.' },
    );
  return c;
}

/** A person confirms the match: the guarantor is this employee from now on (a roster never clears it). */
export function confirmMatch(db: Db, employeeId: number, guarantorId: number, w: MatchWhen): void {
  const e = employeeRow(db, employeeId);
  if (e.guarantor_id === guarantorId) throw new AppError('not_allowed', 'This match is already confirmed.');
  if (e.guarantor_id !== null)
    throw new AppError(
      'not_allowed',
      `Employee ${e.employee_number} is already matched to another guarantor: a supervisor undoes that match first.`,
    );
  const c = candidateOrRefuse(db, e, guarantorId);
  if (c.takenBy)
    throw new AppError('not_allowed', `${c.name} is already matched to ${c.takenBy}: one guarantor is one employee.`, {
      guarantorId: `Already matched to ${c.takenBy}.`,
    });
  setMatch(db, e.id, guarantorId, w.today, w.by, w.now);
  logActivity(
    db,
    {
      guarantorId,
      kind: 'note',
      outcome: 'noted',
      note: `Confirmed as hospital employee ${e.employee_number} (${employeeName(e)}): ${c.reasons.join(' ')}`,
      occurredOn: w.today,
    },
    w.by,
    w.now,
  );
}

/** A person says the candidate is not this employee: the pair is never offered again. */
export function rejectMatch(db: Db, employeeId: number, guarantorId: number, w: MatchWhen): void {
  const e = employeeRow(db, employeeId);
  if (e.guarantor_id === guarantorId)
    throw new AppError('not_allowed', 'This match is confirmed: a supervisor undoes it first.');
  candidateOrRefuse(db, e, guarantorId);
  insertRejection(db, e.id, guarantorId, w.today, w.by);
}

/** A supervisor undoes a confirmed match (only without a live arrangement through it). */
export function unmatch(db: Db, employeeId: number, note: string, w: MatchWhen): void {
  const e = employeeRow(db, employeeId);
  if (e.guarantor_id === null) throw new AppError('not_allowed', `Employee ${e.employee_number} is not matched.`);
  const live = prepared(
    db,
    `SELECT id FROM deduction_arrangements WHERE employee_id = ? AND status IN ('awaiting_signature','active')`,
  ).get(e.id) as { id: number } | undefined;
  if (live)
    throw new AppError(
      'not_allowed',
      `Payroll deduction PD-${live.id} is live through this match: end it first, then undo the match.`,
    );
  const guarantorId = e.guarantor_id;
  clearMatch(db, e.id, w.now);
  logActivity(
    db,
    {
      guarantorId,
      kind: 'note',
      outcome: 'noted',
      note: `The match to hospital employee ${e.employee_number} was undone: ${note}`,
      occurredOn: w.today,
    },
    w.by,
    w.now,
  );
}

/**
 * A termination entered by hand: Recoup's own fact, which no roster lifts (roster.ts counts a line
 * saying active as kept terminated). Payroll deductions end, the balance back to statements.
 */
export function terminateByHand(db: Db, employeeId: number, terminatedOn: string, note: string, w: MatchWhen): number {
  const e = employeeRow(db, employeeId);
  if (e.status === 'terminated')
    throw new AppError('not_allowed', `Employee ${e.employee_number} is already recorded as terminated.`);
  if (e.birth_date !== null && terminatedOn < e.birth_date)
    throw new AppError('invalid_input', 'The termination date is before the date of birth.', {
      terminatedOn: 'Check the date.',
    });
  setTerminated(db, e.id, terminatedOn, w.now);
  return endPayrollArrangementsOf(db, e.id, terminatedOn, note, w);
}

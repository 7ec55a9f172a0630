// Find anyone fast: by name (partial words, any order), account number, MRN, phone or date of
// birth. Results carry enough to pick the right person and nothing more (HP-02 minimum necessary).
import type { Db } from '../../store/database';
import type { GuarantorsRow } from '../../store/schema';
import { sortedName } from '../../../shared/names';
import { nameTokens, queryWords } from '../../../shared/nameTokens';
import { prepared } from '../../store/prepared';
import type { SearchResult } from '../../../shared/schemas/accounts';

// How names are folded into tokens, and queries into words, is one shared rule.
export { nameTokens } from '../../../shared/nameTokens';

export function replaceNameTokens(db: Db, guarantorId: number, ...names: string[]): void {
  prepared(db, 'DELETE FROM name_tokens WHERE guarantor_id = ?').run(guarantorId);
  addNameTokens(db, guarantorId, ...names);
}

/**
 * Tokens for a new guarantor (nothing to remove first), each with what the search reads beside it
 * (migration 026): the guarantor's last and first name as stored, for the order of the results,
 * and all of its tokens, each after a space, to check a query's other words against.
 */
export function addNameTokens(db: Db, guarantorId: number, ...names: string[]): void {
  const tokens = nameTokens(...names);
  if (tokens.length === 0) return;
  const written = prepared(
    db,
    `INSERT OR IGNORE INTO name_tokens (token, guarantor_id, last_name, first_name, all_tokens)
     SELECT v.column1, g.id, g.last_name, g.first_name, ? FROM (VALUES ${tokens.map(() => '(?)').join(', ')}) v
       JOIN guarantors g ON g.id = ?`,
  ).run(allTokens(tokens), ...tokens, guarantorId);
  if (written.changes === 0 && prepared(db, 'SELECT 1 FROM guarantors WHERE id = ?').get(guarantorId) === undefined)
    throw new Error(`No guarantor ${guarantorId} to store name tokens for.`);
}

/** A guarantor's tokens as one string, each after a space: a query word begins one of them when instr(all_tokens, ' ' || word). */
function allTokens(tokens: readonly string[]): string {
  return ` ${tokens.join(' ')}`;
}

/** What a clerk sees of a guarantor found (HP-02 minimum necessary), read only for the (at most 25) guarantors shown. */
const RESULT_SQL = `SELECT g.id, g.last_name, g.first_name, g.middle_name, g.date_of_birth, g.city, g.state, g.mrn, g.phone,
  g.balance_cents, g.deceased, (SELECT count(*) FROM accounts a WHERE a.guarantor_id = g.id) AS account_count
  FROM guarantors g WHERE g.id = ?`;

type Row = Pick<
  GuarantorsRow,
  | 'id'
  | 'last_name'
  | 'first_name'
  | 'middle_name'
  | 'date_of_birth'
  | 'city'
  | 'state'
  | 'mrn'
  | 'phone'
  | 'balance_cents'
  | 'deceased'
> & { account_count: number };

function toResult(r: Row, matchedOn: SearchResult['matchedOn'], detail?: string): SearchResult {
  return {
    guarantorId: r.id,
    name: sortedName({ firstName: r.first_name, middleName: r.middle_name, lastName: r.last_name }),
    dateOfBirth: r.date_of_birth,
    cityState: [r.city, r.state].filter(Boolean).join(', '),
    mrn: r.mrn,
    phoneLast4: r.phone ? r.phone.slice(-4) : null,
    balanceCents: r.balance_cents,
    accountCount: r.account_count,
    deceased: r.deceased === 1,
    matchedOn,
    matchedDetail: detail ?? null,
  };
}

const LIMIT = 25;

/** Past every string that starts with `prefix` (the highest code point, so no name character sorts after it). */
function upperBound(prefix: string): string {
  return `${prefix}\u{10ffff}`;
}

/** Runs one statement of a search and returns its rows (the plans test runs them with EXPLAIN too). */
type Run = <T>(sql: string, args: readonly unknown[]) => T[];

/** A guarantor found, before its row is read: its id, and the account number it was found by. */
interface Found {
  id: number;
  matched?: string;
}

// Each way of finding someone selects only ids (and the account number matched), in the order the
// clerk sees them, from an index where it can: the guarantor's row and its account count are read
// for the (at most 25) guarantors shown, not for every candidate.
const BY_DATE_OF_BIRTH = `SELECT g.id FROM guarantors g WHERE g.date_of_birth = ?
  ORDER BY g.last_name, g.first_name, g.id LIMIT ?`;
const BY_ACCOUNT_NUMBER = `SELECT a.guarantor_id AS id, a.account_number AS matched FROM accounts a
  WHERE a.account_number >= ? AND a.account_number < ? ORDER BY a.account_number LIMIT ?`;
// MRN, whole or its beginning (identifiers compare without regard to case).
const BY_MRN = `SELECT g.id FROM guarantors g WHERE g.mrn >= ? AND g.mrn < ? ORDER BY g.mrn, g.id LIMIT ?`;
const BY_PHONE = `SELECT g.id FROM guarantors g WHERE g.phone = ? ORDER BY g.id LIMIT ?`;
const BY_PHONE_BEGINNING = `SELECT g.id FROM guarantors g WHERE g.phone >= ? AND g.phone < ? AND length(g.phone) = 10
  ORDER BY g.phone, g.id LIMIT ?`;
const BY_PHONE_LAST_FOUR = `SELECT g.id FROM guarantors g WHERE g.phone_last4 = ?
  ORDER BY g.last_name, g.first_name, g.id LIMIT ?`;

/**
 * Names: the token rows the first (longest) word begins, read in order from the token index, each
 * kept when every other word begins one of its guarantor's tokens too (all_tokens, beside the
 * token: no other table is read), ordered by the names stored beside the token. A guarantor with
 * several tokens the word begins has several rows, side by side in this order: they are counted
 * once in byName below (not with DISTINCT, whose b-tree of every row in the range costs ten times
 * the sort that keeps only the first rows).
 */
function byNameSql(words: number): string {
  const others = Array.from({ length: words - 1 }, () => 'AND instr(t.all_tokens, ?) > 0').join(' ');
  return `SELECT t.guarantor_id AS id FROM name_tokens t WHERE t.token >= ? AND t.token < ? ${others}
  ORDER BY t.last_name, t.first_name, t.guarantor_id LIMIT ?`;
}

/** The first LIMIT guarantors whose tokens the words begin, in the order of their names. */
function byName(run: Run, words: readonly [string, ...string[]]): Found[] {
  const [first, ...rest] = words;
  const args = [first, upperBound(first), ...rest.map((w) => ` ${w}`)];
  for (let rows = LIMIT * 4; ; rows *= 8) {
    const found = run<Found>(byNameSql(words.length), [...args, rows]);
    const ids = [...new Set(found.map((r) => r.id))];
    if (ids.length >= LIMIT || found.length < rows) return ids.slice(0, LIMIT).map((id) => ({ id }));
  }
}

export function search(db: Db, query: string): SearchResult[] {
  return searchWith(query, (sql, args) => prepared(db, sql).all(...args) as never[]);
}

/**
 * The statements a search for `query` runs, each with its query plan (EXPLAIN QUERY PLAN, one line
 * per step): how the tests prove that every way of finding someone reads an index.
 */
export function searchPlans(db: Db, query: string): { sql: string; plan: string[] }[] {
  const plans = new Map<string, string[]>();
  searchWith(query, (sql, args) => {
    if (!plans.has(sql))
      plans.set(
        sql,
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
      );
    return prepared(db, sql).all(...args) as never[];
  });
  return [...plans].map(([sql, plan]) => ({ sql, plan }));
}

function searchWith(query: string, run: Run): SearchResult[] {
  const q = query.trim();
  if (q.length === 0) return [];
  const found = new Map<number, { on: SearchResult['matchedOn']; detail: string | undefined }>();
  const add = (rows: Found[], on: SearchResult['matchedOn']) => {
    for (const r of rows) if (!found.has(r.id) && found.size < LIMIT) found.set(r.id, { on, detail: r.matched });
  };
  const results = () => [...found].map(([id, m]) => toResult(run<Row>(RESULT_SQL, [id])[0]!, m.on, m.detail));

  // A date: date of birth.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(q)
    ? q
    : us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
      : null;
  if (iso) {
    add(run(BY_DATE_OF_BIRTH, [iso, LIMIT]), 'date_of_birth');
    return results();
  }

  const compact = q.replace(/\s+/g, '');
  // Account number (exact, then prefix) and MRN: identifiers with a digit in them.
  if (/\d/.test(compact) && /^[A-Za-z0-9-]+$/.test(compact)) {
    add(run(BY_ACCOUNT_NUMBER, [compact, upperBound(compact), LIMIT]), 'account_number');
    add(run(BY_MRN, [compact, upperBound(compact), LIMIT]), 'mrn');
    const digits = compact.replace(/\D/g, '');
    if (digits.length === compact.replace(/-/g, '').length) {
      if (digits.length >= 10) add(run(BY_PHONE, [digits.slice(-10), LIMIT]), 'phone');
      else if (digits.length >= 7) add(run(BY_PHONE_BEGINNING, [digits, upperBound(digits), LIMIT]), 'phone');
      // The last four of a phone number, as clerks often ask for it.
      else if (digits.length === 4) add(run(BY_PHONE_LAST_FOUR, [digits, LIMIT]), 'phone');
    }
    if (found.size > 0) return results();
  }
  // Phone written with punctuation: (207) 555-0142.
  const phoneDigits = q.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(q) && phoneDigits.length >= 10) {
    add(run(BY_PHONE, [phoneDigits.slice(-10), LIMIT]), 'phone');
    return results();
  }

  // Names: every word is the start of one of the person's names, in any order (a part of a
  // Chinese, Japanese or Korean name is the start of one of its stored suffixes).
  const words = queryWords(q);
  if (words.length === 0) return results();
  words.sort((a, b) => b.length - a.length);
  add(byName(run, words as [string, ...string[]]), 'name');
  return results();
}

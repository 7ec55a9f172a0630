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

/** Tokens for a new guarantor (nothing to remove first). */
export function addNameTokens(db: Db, guarantorId: number, ...names: string[]): void {
  const tokens = nameTokens(...names);
  if (tokens.length === 0) return;
  const args: (string | number)[] = [];
  for (const t of tokens) args.push(t, guarantorId);
  prepared(
    db,
    `INSERT OR IGNORE INTO name_tokens (token, guarantor_id) VALUES ${tokens.map(() => '(?, ?)').join(', ')}`,
  ).run(...args);
}

const RESULT_COLUMNS = `g.id, g.last_name, g.first_name, g.middle_name, g.date_of_birth, g.city, g.state, g.mrn, g.phone, g.balance_cents,
  g.deceased, (SELECT count(*) FROM accounts a WHERE a.guarantor_id = g.id) AS account_count`;

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

export function search(db: Db, query: string): SearchResult[] {
  const q = query.trim();
  if (q.length === 0) return [];
  const results = new Map<number, SearchResult>();
  const add = (rows: Row[], on: SearchResult['matchedOn'], detail?: (r: Row) => string) => {
    for (const r of rows)
      if (!results.has(r.id) && results.size < LIMIT) results.set(r.id, toResult(r, on, detail?.(r)));
  };

  // A date: date of birth.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(q)
    ? q
    : us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
      : null;
  if (iso) {
    add(
      db
        .prepare(
          `SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.date_of_birth = ? ORDER BY g.last_name, g.first_name LIMIT ?`,
        )
        .all(iso, LIMIT) as Row[],
      'date_of_birth',
    );
    return [...results.values()];
  }

  const compact = q.replace(/\s+/g, '');
  // Account number (exact, then prefix) and MRN: identifiers with a digit in them.
  if (/\d/.test(compact) && /^[A-Za-z0-9-]+$/.test(compact)) {
    const acct = db
      .prepare(
        `SELECT ${RESULT_COLUMNS}, a.account_number AS matched FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id
          WHERE a.account_number >= ? AND a.account_number < ? ORDER BY a.account_number LIMIT ?`,
      )
      .all(compact, upperBound(compact), LIMIT) as (Row & { matched: string })[];
    add(acct, 'account_number', (r) => (r as Row & { matched: string }).matched);
    // MRN, whole or its beginning (identifiers compare without regard to case).
    add(
      db
        .prepare(`SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.mrn >= ? AND g.mrn < ? ORDER BY g.mrn LIMIT ?`)
        .all(compact, upperBound(compact), LIMIT) as Row[],
      'mrn',
    );
    const digits = compact.replace(/\D/g, '');
    if (digits.length === compact.replace(/-/g, '').length) {
      if (digits.length >= 10) {
        add(
          db
            .prepare(`SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.phone = ? LIMIT ?`)
            .all(digits.slice(-10), LIMIT) as Row[],
          'phone',
        );
      } else if (digits.length >= 7) {
        add(
          db
            .prepare(
              `SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.phone >= ? AND g.phone < ? AND length(g.phone) = 10 LIMIT ?`,
            )
            .all(digits, upperBound(digits), LIMIT) as Row[],
          'phone',
        );
      } else if (digits.length === 4) {
        // The last four of a phone number, as clerks often ask for it.
        add(
          db
            .prepare(
              `SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.phone_last4 = ? ORDER BY g.last_name, g.first_name LIMIT ?`,
            )
            .all(digits, LIMIT) as Row[],
          'phone',
        );
      }
    }
    if (results.size > 0) return [...results.values()];
  }
  // Phone written with punctuation: (207) 555-0142.
  const phoneDigits = q.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(q) && phoneDigits.length >= 10) {
    add(
      db
        .prepare(`SELECT ${RESULT_COLUMNS} FROM guarantors g WHERE g.phone = ? LIMIT ?`)
        .all(phoneDigits.slice(-10), LIMIT) as Row[],
      'phone',
    );
    return [...results.values()];
  }

  // Names: every word is the start of one of the person's names, in any order (a part of a
  // Chinese, Japanese or Korean name is the start of one of its stored suffixes).
  const words = queryWords(q);
  if (words.length === 0) return [...results.values()];
  words.sort((a, b) => b.length - a.length);
  const [first, ...rest] = words as [string, ...string[]];
  const conditions = rest
    .map(
      () => `AND EXISTS (SELECT 1 FROM name_tokens t2 WHERE t2.guarantor_id = g.id AND t2.token >= ? AND t2.token < ?)`,
    )
    .join(' ');
  const args: string[] = [first, upperBound(first)];
  for (const w of rest) args.push(w, upperBound(w));
  const rows = db
    .prepare(
      `SELECT ${RESULT_COLUMNS} FROM guarantors g
        WHERE g.id IN (SELECT t.guarantor_id FROM name_tokens t WHERE t.token >= ? AND t.token < ?) ${conditions}
        ORDER BY g.last_name, g.first_name, g.id LIMIT ?`,
    )
    .all(...args, LIMIT) as Row[];
  add(rows, 'name');
  return [...results.values()];
}

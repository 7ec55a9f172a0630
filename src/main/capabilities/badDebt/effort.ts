// The hospital's collection-effort evidence (BD-06): Medicare and non-Medicare patients' balances
// are collected alike. Two parts: the policy (the statement cycle, the final notice, the agency
// placement minimum and wait, from settings: one of each, with no payer class in them, so the
// same for every payer class, which is BD-06's test), and what the store shows was done for the
// accounts billed in a period, Medicare against the rest: statements per account, letters and calls
// per account, the share placed with an agency, and the median days from the first bill to a
// write-off or placement. One query over the store (aggregate SQL, one row per account billed),
// so a big store answers in one pass.
import type { BusinessDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { BadDebtPolicySettings } from '../../../shared/schemas/settings';
import type { AgencyPolicySettings, StatementPolicy } from '../../../shared/schemas/settings';
import type { Db } from '../../store/database';
import { agencyPolicy, badDebtPolicy, hospitalIdentity, statementPolicy } from '../../platform/settings';
import type { Hospital } from '../../../shared/schemas/hospital';
import { entryStandsSql } from '../ledger';

/** The collection policy as settings hold it: one for every payer class (BD-06). */
export interface CollectionPolicy {
  daysBetweenStatements: number;
  statementsBeforeFinalNotice: number;
  minimumStatementCents: number;
  dueInDays: number;
  agencyMinimumCents: number;
  agencyDaysAfterFinalNotice: number;
  firstBillDays: number;
  collectionDays: number;
  /** The policy in plain sentences, as the documents print it. */
  sentences: string[];
}

export function collectionPolicy(
  s: StatementPolicy,
  a: AgencyPolicySettings,
  b: Pick<BadDebtPolicySettings, 'firstBillDays' | 'collectionDays'>,
): CollectionPolicy {
  return {
    daysBetweenStatements: s.daysBetween,
    statementsBeforeFinalNotice: s.regularStatements,
    minimumStatementCents: s.minimumBalanceCents,
    dueInDays: s.dueInDays,
    agencyMinimumCents: a.minimumBalanceCents,
    agencyDaysAfterFinalNotice: a.daysAfterFinalNotice,
    firstBillDays: b.firstBillDays,
    collectionDays: b.collectionDays,
    sentences: [
      `Statements: every guarantor who owes ${formatCents(s.minimumBalanceCents)} or more gets a statement every ${s.daysBetween} days, each due ${s.dueInDays} days after its date; after ${s.regularStatements} statement${s.regularStatements === 1 ? '' : 's'} an account gets the final notice (the 30-day notice of IRS §501(r), with the plain-language summary of financial assistance).`,
      `Agency placement: an account owing ${formatCents(a.minimumBalanceCents)} or more, ${a.daysAfterFinalNotice} days or more after its final notice and past the 120-day notification period, with no hold, plan, pending assistance, death or bankruptcy, goes to a collection agency; it comes back when the agency returns it.`,
      `Medicare bad debt: the first bill goes out within ${b.firstBillDays} days of the latest remittance (BD-04); an account is written off no sooner than ${b.collectionDays} days after the first bill or the latest payment (BD-05), and never while it is at an agency (BD-07).`,
      'These settings are the hospital’s one statement cycle, final notice and placement policy: none of them has a payer class, so Medicare and non-Medicare balances are billed, noticed and placed by the same rules (BD-06; PRM-I §310).',
    ],
  };
}

export interface EffortGroup {
  /** Accounts billed in the period (a Recoup statement listing them, or the billing system's first bill, dated in it). */
  accounts: number;
  /** Bills sent for the account up to the period's end (Recoup's statements and the billing system's first bill), per account. */
  statementsPerAccount: number;
  /** Letters and calls (the account's own and the guarantor's about all accounts) per account. */
  lettersPerAccount: number;
  callsPerAccount: number;
  /** Share (0..1) ever placed with an agency by the period's end. */
  placedShare: number;
  /** Median days from the first bill to the first placement or bad-debt write-off; null: none reached either. */
  medianDaysToWriteOffOrPlacement: number | null;
  /** How many reached a write-off or placement (the median's count). */
  reached: number;
}

export interface EffortEvidence {
  hospital: Hospital;
  periodFrom: BusinessDate;
  periodTo: BusinessDate;
  printedOn: BusinessDate;
  printedBy: string;
  policy: CollectionPolicy;
  medicare: EffortGroup;
  nonMedicare: EffortGroup;
  /** True when the figures show them treated alike; false when they differ or cannot be compared. */
  alike: boolean;
  /** False when either group had no account billed in the period: the figures cannot show it. */
  comparable: boolean;
  /** In plain words: whether they were treated alike, and why the figures say so. */
  sentence: string;
}

/** Medicare and the rest are called alike when their averages are this close (and the policy is one). */
const STATEMENTS_CLOSE = 0.5;
const CONTACTS_CLOSE = 0.5;
const PLACED_CLOSE = 0.1;

interface Row {
  medicare: number;
  statements: number;
  letters: number;
  calls: number;
  placed: number;
  days: number | null;
}

export function effortEvidence(
  db: Db,
  periodFrom: BusinessDate,
  periodTo: BusinessDate,
  today: BusinessDate,
  printedBy: string,
): EffortEvidence {
  // One row per account billed in the period, each figure an aggregate over its own rows.
  const rows = db
    .prepare(
      `WITH sent AS (
         -- Every bill: Recoup's statements, and the billing system's first bill (the extract's
         -- first_statement_date) when no Recoup statement listed the account that day.
         SELECT sa.account_id AS id, s.statement_date AS d FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id
         UNION ALL
         SELECT a.id, a.first_statement_date FROM accounts a
          WHERE a.first_statement_date IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id
                             WHERE sa.account_id = a.id AND s.statement_date = a.first_statement_date)),
       billed AS (SELECT DISTINCT id FROM sent WHERE d BETWEEN @from AND @to),
       bills AS (
         SELECT id, count(*) AS n, min(d) AS first FROM sent
          WHERE id IN (SELECT id FROM billed) AND d <= @to GROUP BY id),
       own AS (
         SELECT account_id AS id, sum(kind = 'letter') AS letters, sum(kind = 'call') AS calls FROM activities
          WHERE account_id IN (SELECT id FROM billed) AND occurred_on <= @to GROUP BY account_id),
       shared AS (
         SELECT guarantor_id, sum(kind = 'letter') AS letters, sum(kind = 'call') AS calls FROM activities
          WHERE account_id IS NULL AND occurred_on <= @to GROUP BY guarantor_id),
       placed AS (
         SELECT account_id AS id, min(placed_on) AS first FROM placements
          WHERE placed_on IS NOT NULL AND placed_on <= @to AND account_id IN (SELECT id FROM billed) GROUP BY account_id),
       written AS (
         SELECT e.account_id AS id, min(e.effective_date) AS first FROM ledger_entries e
          WHERE e.type = 'bad_debt_writeoff' AND e.effective_date <= @to AND e.account_id IN (SELECT id FROM billed)
            AND ${entryStandsSql('e')}
          GROUP BY e.account_id)
       SELECT a.payer_class = 'medicare' AS medicare,
              b.n AS statements,
              coalesce(o.letters, 0) + coalesce(sh.letters, 0) AS letters,
              coalesce(o.calls, 0) + coalesce(sh.calls, 0) AS calls,
              p.id IS NOT NULL AS placed,
              CAST(julianday(CASE WHEN p.first IS NULL THEN w.first WHEN w.first IS NULL THEN p.first
                                  WHEN p.first < w.first THEN p.first ELSE w.first END)
                   - julianday(min(b.first, coalesce(a.first_statement_date, b.first))) AS INTEGER) AS days
         FROM billed
         JOIN accounts a ON a.id = billed.id
         JOIN bills b ON b.id = billed.id
         LEFT JOIN own o ON o.id = billed.id
         LEFT JOIN shared sh ON sh.guarantor_id = a.guarantor_id
         LEFT JOIN placed p ON p.id = billed.id
         LEFT JOIN written w ON w.id = billed.id`,
    )
    .all({ from: periodFrom, to: periodTo }) as Row[];
  const medicare = group(rows.filter((r) => r.medicare === 1));
  const nonMedicare = group(rows.filter((r) => r.medicare !== 1));
  const policy = collectionPolicy(statementPolicy(db), agencyPolicy(db), badDebtPolicy(db));
  const { alike, comparable, sentence } = verdict(medicare, nonMedicare);
  return {
    hospital: hospitalIdentity(db),
    periodFrom,
    periodTo,
    printedOn: today,
    printedBy,
    policy,
    medicare,
    nonMedicare,
    alike,
    comparable,
    sentence,
  };
}

function group(rows: Row[]): EffortGroup {
  const n = rows.length;
  const avg = (f: (r: Row) => number) => (n === 0 ? 0 : rows.reduce((s, r) => s + f(r), 0) / n);
  const days = rows
    .map((r) => r.days)
    .filter((d): d is number => d !== null && d >= 0)
    .sort((x, y) => x - y);
  const mid = days.length >> 1;
  return {
    accounts: n,
    statementsPerAccount: avg((r) => r.statements),
    lettersPerAccount: avg((r) => r.letters),
    callsPerAccount: avg((r) => r.calls),
    placedShare: avg((r) => r.placed),
    medianDaysToWriteOffOrPlacement:
      days.length === 0 ? null : days.length % 2 === 1 ? days[mid]! : Math.round((days[mid - 1]! + days[mid]!) / 2),
    reached: days.length,
  };
}

const one = (x: number) => x.toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

function verdict(m: EffortGroup, o: EffortGroup): { alike: boolean; comparable: boolean; sentence: string } {
  if (m.accounts === 0 || o.accounts === 0) {
    const none =
      m.accounts === 0 && o.accounts === 0
        ? 'No account'
        : m.accounts === 0
          ? 'No Medicare account'
          : 'No non-Medicare account';
    return {
      alike: false,
      comparable: false,
      sentence: `${none} was billed in the period, so these figures cannot show that Medicare and non-Medicare accounts were treated alike: there is nothing to compare. Choose a period in which both were billed. The policy below is the same for every payer class.`,
    };
  }
  const differences: string[] = [];
  if (Math.abs(m.statementsPerAccount - o.statementsPerAccount) > STATEMENTS_CLOSE)
    differences.push(`statements per account (${one(m.statementsPerAccount)} against ${one(o.statementsPerAccount)})`);
  const mContacts = m.lettersPerAccount + m.callsPerAccount;
  const oContacts = o.lettersPerAccount + o.callsPerAccount;
  if (Math.abs(mContacts - oContacts) > CONTACTS_CLOSE)
    differences.push(`letters and calls per account (${one(mContacts)} against ${one(oContacts)})`);
  if (Math.abs(m.placedShare - o.placedShare) > PLACED_CLOSE)
    differences.push(`the share placed with an agency (${pct(m.placedShare)} against ${pct(o.placedShare)})`);
  if (differences.length === 0)
    return {
      alike: true,
      comparable: true,
      sentence: `Medicare and non-Medicare accounts were treated alike: the same policy, and in the period ${one(m.statementsPerAccount)} against ${one(o.statementsPerAccount)} statements per account, ${one(mContacts)} against ${one(oContacts)} letters and calls, and ${pct(m.placedShare)} against ${pct(o.placedShare)} placed with an agency.`,
    };
  return {
    alike: false,
    comparable: true,
    sentence: `The policy is the same for every payer class, but in the period Medicare accounts differ from the others in ${differences.join('; ')}. Review why before claiming Medicare bad debt for the period (BD-06).`,
  };
}

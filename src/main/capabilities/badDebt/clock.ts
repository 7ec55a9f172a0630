// An account's bad-debt facts gathered from the store (coordination semantics 2) and its clock by
// the one rule (src/shared/rules/badDebt.ts). One gatherer serves one account (the account view,
// a proposal) and thousands (the candidates, the listing): every fact is one grouped query over
// the accounts selected, never a query per account.
import { MEDICARE_BAD_DEBT_REASON, PATIENT_MONEY_TYPES } from '../../../shared/schemas/ledger';
import { badDebtClock, type BadDebtClock, type BadDebtFacts } from '../../../shared/rules/badDebt';
import type { Db } from '../../store/database';
import type { AccountsRow, BadDebtFactsRow } from '../../store/schema';
import { badDebtPolicy } from '../../platform/settings';
import { entryStandsSql } from '../ledger';
import { estateClosings } from '../estates';
import { costSharingOf, medicareClaimSumsOf, type CostSharing } from './costSharing';

/** Patient-side money (semantics 2): what restarts BD-05 and counts in column 22. Refunds are not payments. */
const PATIENT_PAYMENT_TYPES = PATIENT_MONEY_TYPES.filter((t) => t !== 'refund')
  .map((t) => `'${t}'`)
  .join(', ');

/**
 * SQL joined to ledger entries `e`, and the condition over it: posted before the account's approved
 * write-off (money after it is a recovery, BD-12: it neither restarts the clock nor counts as paid
 * before). On the write-off's own day, what was posted before the write-off entry came before it.
 * A join on the approved write-off by the account's index, not a scan per entry.
 */
// (status IN ('proposed', 'approved') as the partial index bad_debt_writeoffs_open says it, so the
// join searches it by account.)
const APPROVED_WRITE_OFF_JOIN = `LEFT JOIN bad_debt_writeoffs wo ON wo.account_id = e.account_id
    AND wo.status IN ('proposed', 'approved') AND wo.status = 'approved'`;
const BEFORE_WRITE_OFF = `(wo.account_id IS NULL OR e.effective_date < wo.written_off_on
    OR (e.effective_date = wo.written_off_on AND e.id < wo.ledger_entry_id))`;

export interface GatheredAccount {
  account: AccountsRow;
  facts: BadDebtFacts;
  recorded: BadDebtFactsRow | null;
  costSharing: CostSharing;
  /** Ever placed with an agency (Exhibit 2A col 15a). */
  sentToAgency: boolean;
  /** The write-off proposed or approved, if any. */
  openWriteOff: { id: number; status: 'proposed' | 'approved'; writtenOffOn: string | null } | null;
}

/** The scope of a gathering: SQL over `a` (accounts) and its parameters. */
export interface AccountScope {
  where: string;
  params?: Record<string, unknown>;
}

export const oneAccount = (accountId: number): AccountScope => ({ where: 'a.id = @accountId', params: { accountId } });
/** Semantics 2: Medicare (fee-for-service) accounts that owe. */
export const MEDICARE_OWING: AccountScope = { where: "a.payer_class = 'medicare' AND a.balance_cents > 0" };

function byAccount<T>(rows: readonly (T & { id: number })[]): Map<number, T & { id: number }> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every selected account's facts, in a handful of grouped queries. */
export function gatherAccounts(db: Db, scope: AccountScope): Map<number, GatheredAccount> {
  const p = scope.params ?? {};
  const w = scope.where;
  const accounts = db.prepare(`SELECT a.* FROM accounts a WHERE ${w} ORDER BY a.id`).all(p) as AccountsRow[];
  if (accounts.length === 0) return new Map();

  const recorded = byAccount(
    db
      .prepare(`SELECT f.*, f.account_id AS id FROM bad_debt_facts f JOIN accounts a ON a.id = f.account_id WHERE ${w}`)
      .all(p) as (BadDebtFactsRow & { id: number })[],
  );
  // BD-04: the bills sent listing the account (statements are written when released), and the
  // extract's first statement date.
  const bills = new Map<number, string[]>();
  for (const r of db
    .prepare(
      `SELECT DISTINCT sa.account_id AS id, s.statement_date AS d
         FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id JOIN accounts a ON a.id = sa.account_id
        WHERE ${w}`,
    )
    .all(p) as { id: number; d: string }[]) {
    const list = bills.get(r.id) ?? [];
    list.push(r.d);
    bills.set(r.id, list);
  }
  // From the accounts chosen to their entries (CROSS JOIN keeps that order): the ledger is read
  // by account, never scanned whole for a few thousand accounts, and from the partial index of
  // the patient's payments (ledger_patient_paid, migration 029, whose WHERE is this query's type
  // list word for word) with every column read: not from every entry of the account in the table.
  const payments = byAccount(
    db
      .prepare(
        `SELECT e.account_id AS id, max(e.effective_date) AS last_on, -sum(e.amount_cents) AS paid
           FROM accounts a CROSS JOIN ledger_entries e ON e.account_id = a.id ${APPROVED_WRITE_OFF_JOIN}
          WHERE ${w} AND e.type IN (${PATIENT_PAYMENT_TYPES}) AND ${BEFORE_WRITE_OFF} AND ${entryStandsSql('e')}
          GROUP BY e.account_id`,
      )
      .all(p) as { id: number; last_on: string; paid: number }[],
  );
  // Column 22: what secondary and tertiary payers paid, and the State Medicaid program whatever its
  // role (a crossover often comes as CLP02 1; BD-10); a reversal of such a claim nets it out.
  const otherPayers = byAccount(
    db
      .prepare(
        `SELECT c.account_id AS id, sum(c.paid_cents) AS paid
           FROM remittance_claims c JOIN accounts a ON a.id = c.account_id
           LEFT JOIN remittance_claims o ON o.id = c.reverses_claim_id
          WHERE ${w} AND c.medicare = 0 AND (
                ((c.payer_role IN ('secondary', 'tertiary') OR (c.medicaid = 1 AND c.payer_role = 'primary'))
                  AND c.outcome IN ('posted', 'recorded'))
             OR (c.outcome = 'reversed_prior'
                  AND (o.payer_role IN ('secondary', 'tertiary') OR (o.medicaid = 1 AND o.payer_role = 'primary'))))
          GROUP BY c.account_id`,
      )
      .all(p) as { id: number; paid: number }[],
  );
  const agency = byAccount(
    db
      .prepare(
        `SELECT pl.account_id AS id, max(pl.status = 'placed') AS at_agency, max(pl.returned_on) AS returned_on
           FROM placements pl JOIN accounts a ON a.id = pl.account_id
          WHERE ${w} AND pl.status IN ('placed', 'returned')
          GROUP BY pl.account_id`,
      )
      .all(p) as { id: number; at_agency: number; returned_on: string | null }[],
  );
  const indigence = byAccount(
    db
      .prepare(
        `SELECT d.account_id AS id, d.determined_on, d.indigent, d.no_other_source, d.self_declaration_only
           FROM indigence_determinations d JOIN accounts a ON a.id = d.account_id
          WHERE ${w} AND d.id = (SELECT max(x.id) FROM indigence_determinations x WHERE x.account_id = d.account_id)`,
      )
      .all(p) as {
      id: number;
      determined_on: string;
      indigent: number;
      no_other_source: number;
      self_declaration_only: number;
    }[],
  );
  const writeOffs = byAccount(
    db
      .prepare(
        `SELECT w.account_id AS id, w.id AS write_off_id, w.status, w.written_off_on
           FROM bad_debt_writeoffs w JOIN accounts a ON a.id = w.account_id
          WHERE ${w} AND w.status IN ('proposed', 'approved')`,
      )
      .all(p) as { id: number; write_off_id: number; status: 'proposed' | 'approved'; written_off_on: string | null }[],
  );
  const estates = estateClosings(db, w, p);
  const claimSums = medicareClaimSumsOf(db, w, p);

  const out = new Map<number, GatheredAccount>();
  for (const a of accounts) {
    const f = recorded.get(a.id) ?? null;
    const pay = payments.get(a.id);
    const ag = agency.get(a.id);
    const ind = indigence.get(a.id);
    const cs = costSharingOf(a, claimSums.get(a.id));
    const wo = writeOffs.get(a.id);
    const billDates = [...(bills.get(a.id) ?? [])];
    if (a.first_statement_date !== null && !billDates.includes(a.first_statement_date))
      billDates.push(a.first_statement_date);
    out.set(a.id, {
      account: a,
      recorded: f,
      costSharing: cs,
      sentToAgency: ag !== undefined,
      openWriteOff: wo ? { id: wo.write_off_id, status: wo.status, writtenOffOn: wo.written_off_on } : null,
      facts: {
        payerClass: a.payer_class,
        professionalComponent: f?.professional_component === 1,
        medicareRaDate: a.medicare_ra_date,
        secondaryRaDate: a.secondary_ra_date,
        secondaryDeniedOn: f?.secondary_denied_on ?? null,
        medicaidNumber: a.medicaid_number,
        medicaidRaDate: a.medicaid_ra_date,
        medicaidAd: f?.medicaid_ad === 1,
        indigence: ind
          ? {
              determinedOn: ind.determined_on,
              indigent: ind.indigent === 1,
              noOtherSource: ind.no_other_source === 1,
              selfDeclarationOnly: ind.self_declaration_only === 1,
            }
          : null,
        billDates,
        lastPaymentDate: pay?.last_on ?? null,
        atAgency: (ag?.at_agency ?? 0) === 1,
        agencyReturnedOn: ag?.returned_on ?? null,
        estateClosedOn: estates.get(a.id) ?? null,
        deductibleCents: cs.deductibleCents,
        coinsuranceCents: cs.coinsuranceCents,
        paidPriorCents: Math.max(0, (pay?.paid ?? 0) + (otherPayers.get(a.id)?.paid ?? 0)),
        balanceCents: a.balance_cents,
      },
    });
  }
  return out;
}

/** How many accounts the chunked gathering holds at a time. */
export const GATHER_CHUNK = 20_000;

/**
 * The scope's accounts gathered a chunk of ids at a time, in id order (issue 18: at a million
 * guarantors the Medicare accounts that owe are some 300,000, and gathering them at once held every
 * row and fact in memory together). Each chunk is gatherAccounts over the scope narrowed to an id
 * range, so the facts and the rule are the same as gathering them all at once.
 */
export function* gatherAccountsInChunks(
  db: Db,
  scope: AccountScope,
  size: number = GATHER_CHUNK,
): Generator<Map<number, GatheredAccount>> {
  // The ids from the scope's index where it has one (MEDICARE_OWING: accounts_medicare_owing),
  // sorted here: ORDER BY would have the planner read the table in id order instead.
  const ids = Float64Array.from(
    db
      .prepare(`SELECT a.id FROM accounts a WHERE ${scope.where}`)
      .pluck()
      .all(scope.params ?? {}) as number[],
  ).sort();
  for (let i = 0; i < ids.length; i += size) {
    const last = Math.min(i + size, ids.length) - 1;
    yield gatherAccounts(db, {
      where: `(${scope.where}) AND a.id BETWEEN @chunkFirst AND @chunkLast`,
      params: { ...scope.params, chunkFirst: ids[i], chunkLast: ids[last] },
    });
  }
}

/** One account's facts (not found: undefined). */
export function gatherAccount(db: Db, accountId: number): GatheredAccount | undefined {
  return gatherAccounts(db, oneAccount(accountId)).get(accountId);
}

/** The account's clock on `on` with the hospital's policy. */
export function clockOf(db: Db, g: GatheredAccount, on: string): BadDebtClock {
  return badDebtClock(g.facts, badDebtPolicy(db), on);
}

/**
 * The clock as it stands for the account, the one the screen and the auditor's packet show: an
 * account written off is judged on its Medicare write-off date with what it owed before the
 * write-off (what the auditor tests, BD-09; judged today it would owe nothing and fail BD-01); any
 * other account on `today`.
 */
export function standingClock(db: Db, g: GatheredAccount, today: string): { clock: BadDebtClock; on: string } {
  const wo = g.openWriteOff;
  if (wo?.status !== 'approved' || wo.writtenOffOn === null) return { clock: clockOf(db, g, today), on: today };
  const writtenOff = db
    .prepare(
      `SELECT coalesce(-sum(e.amount_cents), 0) FROM ledger_entries e
        WHERE e.account_id = ? AND e.type = 'bad_debt_writeoff' AND e.reason_code = '${MEDICARE_BAD_DEBT_REASON}'
          AND ${entryStandsSql('e')}`,
    )
    .pluck()
    .get(g.account.id) as number;
  const facts = { ...g.facts, balanceCents: g.facts.balanceCents + writtenOff };
  return { clock: badDebtClock(facts, badDebtPolicy(db), wo.writtenOffOn), on: wo.writtenOffOn };
}

/** The listing's setting of an account (semantics 4). */
export function settingOf(serviceType: AccountsRow['service_type']): 'inpatient' | 'outpatient' {
  return serviceType === 'inpatient' ? 'inpatient' : 'outpatient';
}

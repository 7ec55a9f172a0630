// The only writer of the small-claims tables but the demand letters' (eslint/table-owners.mjs): the
// services decide (check.ts, cases.ts, tables.ts); these write the rows. The limit and limitation
// tables are only ever added to; a case's story is its events, each kept.
import {
  OPEN_CASE_STATUSES,
  type CaseStatus,
  type PostJudgmentKind,
  type ServiceMethod,
} from '../../../shared/schemas/smallClaims';
import type { Accrual, ClaimBasis, LimitationBasis } from '../../../shared/rules/smallClaims';
import type { Db } from '../../store/database';

/** The statuses of a case still being worked, for SQL. */
export const OPEN_STATUSES_SQL = OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(',');

export function insertLimit(
  db: Db,
  r: {
    state: string;
    court: string;
    entityLimitCents: number;
    individualLimitCents: number | null;
    largeClaimCents: number | null;
    largeClaimsPerYear: number | null;
    filingFeeCents: number;
    serviceFeeCents: number;
    effectiveFrom: string;
    source: string;
  },
  at: string,
  by: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO court_limits (state, court, entity_limit_cents, individual_limit_cents, large_claim_cents, large_claims_per_year,
           filing_fee_cents, service_fee_cents, effective_from, source, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.state,
        r.court,
        r.entityLimitCents,
        r.individualLimitCents,
        r.largeClaimCents,
        r.largeClaimsPerYear,
        r.filingFeeCents,
        r.serviceFeeCents,
        r.effectiveFrom,
        r.source,
        at,
        by,
      ).lastInsertRowid,
  );
}

export function insertLimitation(
  db: Db,
  r: {
    state: string;
    basis: LimitationBasis;
    years: number;
    accrual: Accrual;
    accruedFrom: string;
    noLaterThan: string | null;
    source: string;
  },
  at: string,
  by: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO court_limitations (state, basis, years, accrual, accrued_from, no_later_than, source, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.state, r.basis, r.years, r.accrual, r.accruedFrom, r.noLaterThan, r.source, at, by).lastInsertRowid,
  );
}

export function insertCase(
  db: Db,
  c: {
    guarantorId: number;
    courtLimitId: number;
    courtName: string;
    courtAddress: string;
    county: string;
    basis: ClaimBasis;
    balanceCents: number;
    claimCents: number;
    waivedCents: number;
    waiverNote: string;
    openedOn: string;
    at: string;
    by: number;
  },
  accounts: readonly { accountId: number; balanceCents: number }[],
): number {
  const caseId = Number(
    db
      .prepare(
        `INSERT INTO court_cases (guarantor_id, court_limit_id, court_name, court_address, county, basis, balance_cents, claim_cents,
           waived_cents, waiver_note, status, opened_on, opened_at, opened_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        c.guarantorId,
        c.courtLimitId,
        c.courtName,
        c.courtAddress,
        c.county,
        c.basis,
        c.balanceCents,
        c.claimCents,
        c.waivedCents,
        c.waiverNote,
        c.openedOn,
        c.at,
        c.by,
      ).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO court_case_accounts (case_id, account_id, balance_cents) VALUES (?, ?, ?)');
  for (const a of accounts) insert.run(caseId, a.accountId, a.balanceCents);
  return caseId;
}

/** The columns a step of the case sets (each step names only its own). */
export interface CaseChange {
  status?: CaseStatus;
  /** Lowered at filing when payments since the case was opened leave less owed than the claim. */
  claim_cents?: number;
  waived_cents?: number;
  demand_sent_on?: string;
  file_after?: string;
  filed_on?: string;
  case_number?: string;
  filing_fee_cents?: number;
  served_on?: string;
  service_method?: ServiceMethod;
  service_fee_cents?: number;
  hearing_on?: string;
  hearing_time?: string;
  hearing_place?: string;
  judgment_on?: string;
  judgment_cents?: number;
  costs_cents?: number;
  interest_rate_bp?: number;
  closed_on?: string;
  close_note?: string;
}

const CHANGEABLE = new Set<keyof CaseChange>([
  'status',
  'claim_cents',
  'waived_cents',
  'demand_sent_on',
  'file_after',
  'filed_on',
  'case_number',
  'filing_fee_cents',
  'served_on',
  'service_method',
  'service_fee_cents',
  'hearing_on',
  'hearing_time',
  'hearing_place',
  'judgment_on',
  'judgment_cents',
  'costs_cents',
  'interest_rate_bp',
  'closed_on',
  'close_note',
]);

export function changeCase(db: Db, caseId: number, change: CaseChange): void {
  const keys = (Object.keys(change) as (keyof CaseChange)[]).filter((k) => change[k] !== undefined);
  for (const k of keys) if (!CHANGEABLE.has(k)) throw new Error(`court_cases.${k} is not changed here`);
  if (keys.length === 0) return;
  db.prepare(`UPDATE court_cases SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
    ...keys.map((k) => change[k]!),
    caseId,
  );
}

export type CaseEventKind =
  | 'opened'
  | 'demand'
  | 'filed'
  | 'served'
  | 'hearing'
  | 'continued'
  | 'judgment'
  | 'payment'
  | 'post_judgment'
  | 'closed'
  | 'note';

export function insertEvent(
  db: Db,
  caseId: number,
  kind: CaseEventKind,
  onDate: string,
  detail: Record<string, unknown>,
  at: string,
  by: number | null,
): number {
  return Number(
    db
      .prepare('INSERT INTO court_case_events (case_id, kind, on_date, detail, at, by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(caseId, kind, onDate, JSON.stringify(detail), at, by).lastInsertRowid,
  );
}

/** The litigation hold filing placed on a case's account (or null when it was released). */
export function setAccountHold(db: Db, caseId: number, accountId: number, holdId: number | null): void {
  db.prepare('UPDATE court_case_accounts SET hold_id = ? WHERE case_id = ? AND account_id = ?').run(
    holdId,
    caseId,
    accountId,
  );
}

export function insertAction(
  db: Db,
  a: {
    caseId: number;
    kind: PostJudgmentKind;
    requestedOn: string;
    allowed: boolean;
    reasons: string[];
    note: string;
    at: string;
    by: number;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO court_actions (case_id, kind, requested_on, allowed, reasons, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.caseId, a.kind, a.requestedOn, a.allowed ? 1 : 0, JSON.stringify(a.reasons), a.note, a.at, a.by)
      .lastInsertRowid,
  );
}

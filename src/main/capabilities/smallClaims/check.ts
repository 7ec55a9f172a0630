// Should we sue? The facts the one rule (src/shared/rules/smallClaims.ts, suitDecision) needs, read
// from the store: the limit and limitation tables, each account's accrual dates, the 501(r) gate's
// answer (checkEca: nothing is written; the suit itself asks attemptEca when it is filed), the holds,
// the plans, the financial-assistance screening, the open cases, California's count of large claims.
import { AppError } from '../../../shared/errors';
import {
  limitsInForce,
  suitDecision,
  type ClaimBasis,
  type CourtLimit,
  type Limitation,
  type SuitAccountFacts,
  type SuitDecision,
} from '../../../shared/rules/smallClaims';
import type { SuitCheckView } from '../../../shared/schemas/smallClaims';
import type { Db } from '../../store/database';
import { smallClaimsPolicy } from '../../platform/settings';
import { guarantorName, guarantorRow } from '../accounts';
import { checkEca, holdsOf } from '../compliance';
import { entryStandsSql } from '../ledger';
import { currentPlanAccounts } from '../plans';
import { OPEN_STATUSES_SQL } from './rows';

interface LimitRow {
  id: number;
  state: string;
  court: string;
  entity_limit_cents: number;
  individual_limit_cents: number | null;
  large_claim_cents: number | null;
  large_claims_per_year: number | null;
  filing_fee_cents: number;
  service_fee_cents: number;
  effective_from: string;
  source: string;
}

export function limitOf(r: LimitRow): CourtLimit {
  return {
    id: r.id,
    state: r.state,
    court: r.court,
    entityLimitCents: r.entity_limit_cents,
    individualLimitCents: r.individual_limit_cents,
    largeClaimCents: r.large_claim_cents,
    largeClaimsPerYear: r.large_claims_per_year,
    filingFeeCents: r.filing_fee_cents,
    serviceFeeCents: r.service_fee_cents,
    effectiveFrom: r.effective_from,
    source: r.source,
  };
}

const LIMIT_COLUMNS = `id, state, court, entity_limit_cents, individual_limit_cents, large_claim_cents, large_claims_per_year,
  filing_fee_cents, service_fee_cents, effective_from, source`;

/** Every limit row of a state (all dates: the rule picks the one in force). */
export function limitRows(db: Db, state?: string): CourtLimit[] {
  const sql = `SELECT ${LIMIT_COLUMNS} FROM court_limits${state === undefined ? '' : ' WHERE state = ?'} ORDER BY state, court, effective_from, id`;
  const stmt = db.prepare(sql);
  return ((state === undefined ? stmt.all() : stmt.all(state)) as LimitRow[]).map(limitOf);
}

export function limitById(db: Db, id: number): CourtLimit {
  const r = db.prepare(`SELECT ${LIMIT_COLUMNS} FROM court_limits WHERE id = ?`).get(id) as LimitRow | undefined;
  if (!r) throw new AppError('not_found', 'There is no such court in the limits table.');
  return limitOf(r);
}

export function limitationRows(db: Db, state?: string): Limitation[] {
  const sql = `SELECT id, state, basis, years, accrual, accrued_from AS accruedFrom, no_later_than AS noLaterThan, source FROM court_limitations${
    state === undefined ? '' : ' WHERE state = ?'
  } ORDER BY state, basis, accrued_from, id`;
  const stmt = db.prepare(sql);
  return (state === undefined ? stmt.all() : stmt.all(state)) as Limitation[];
}

interface AccountFactsRow {
  id: number;
  account_number: string;
  balance_cents: number;
  payer_class: SuitAccountFacts['payerClass'];
  medicaid_number: string | null;
  service_from: string;
  service_to: string;
  service_first_due: string | null;
  last_item: string | null;
}

/** The guarantor's accounts with a balance (and a case's own, paid or not), with their accrual dates (rules §3.2). */
function accountFacts(db: Db, guarantorId: number, caseId: number): AccountFactsRow[] {
  return db
    .prepare(
      `SELECT a.id, a.account_number, a.balance_cents, a.payer_class, a.medicaid_number, a.service_from, a.service_to,
              (SELECT s.due_date FROM statement_accounts sa JOIN statements s ON s.id = sa.statement_id
                WHERE sa.account_id = a.id ORDER BY s.statement_date, s.id LIMIT 1) AS service_first_due,
              (SELECT max(e.effective_date) FROM ledger_entries e
                WHERE e.account_id = a.id AND e.type IN ('charge','patient_payment','payroll_deduction','agency_remittance','court_recovery','estate_recovery')
                  AND ${entryStandsSql('e')}) AS last_item
         FROM accounts a WHERE a.guarantor_id = ?
          AND (a.balance_cents > 0 OR a.id IN (SELECT account_id FROM court_case_accounts WHERE case_id = ?))
        ORDER BY a.service_from, a.id`,
    )
    .all(guarantorId, caseId) as AccountFactsRow[];
}

/** Cases whose claim is over the threshold filed in the calendar year of `today` (CCP 116.231). */
export function largeClaimsFiled(
  db: Db,
  state: string,
  thresholdCents: number,
  today: string,
  exceptCaseId?: number,
): number {
  return db
    .prepare(
      `SELECT count(*) FROM court_cases c JOIN court_limits l ON l.id = c.court_limit_id
        WHERE l.state = ? AND c.claim_cents > ? AND c.filed_on IS NOT NULL AND substr(c.filed_on, 1, 4) = ? AND c.id <> ?`,
    )
    .pluck()
    .get(state, thresholdCents, today.slice(0, 4), exceptCaseId ?? 0) as number;
}

export interface SuitQuestion {
  guarantorId: number;
  /** The accounts to sue for; absent: every account with a balance. */
  accountIds?: readonly number[];
  /** The court chosen; absent: the court with the largest limit in force for the state. */
  courtId?: number;
  basis: ClaimBasis;
  waiveExcess: boolean;
  /** A case asking about itself (its own accounts are not "already in a case"; its own filing not counted). */
  caseId?: number;
  /** The case's litigation holds: no bar to its own next step. */
  ownHoldIds?: ReadonlyMap<number, number>;
}

/** The check, with the facts it judged: the screen shows it line by line. */
export function suitCheck(db: Db, q: SuitQuestion, today: string): SuitCheckView {
  const g = guarantorRow(db, q.guarantorId);
  const state = g.state;
  const all = accountFacts(db, q.guarantorId, q.caseId ?? 0);
  const chosenIds = q.accountIds ? new Set(q.accountIds) : new Set(all.map((a) => a.id));
  if (q.accountIds) {
    // A case's accounts may be paid down to nothing since it was opened: they stay in its check.
    const known = new Set(all.map((a) => a.id));
    const missing = q.accountIds.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new AppError('invalid_input', 'Choose accounts of this guarantor that still owe something.', {
        accountIds: 'Choose accounts of this guarantor that still owe something.',
      });
  }
  const courts = limitsInForce(limitRows(db, state), state, today);
  let court: CourtLimit | null = null;
  if (q.courtId !== undefined) {
    const chosen = limitById(db, q.courtId);
    if (chosen.state !== state)
      throw new AppError('invalid_input', `That court is not in ${state || 'the guarantor’s state'}.`, {
        courtId: `Choose a court in ${state || 'the guarantor’s state'}.`,
      });
    court = courts.find((c) => c.court === chosen.court) ?? null;
  } else court = courts[0] ?? null;

  const holds = holdsOf(db, q.guarantorId, today).filter((h) => h.active);
  const onPlan = new Set(currentPlanAccounts(db, q.guarantorId).map((p) => p.accountId));
  const inCase = new Set(
    db
      .prepare(
        `SELECT ca.account_id FROM court_case_accounts ca JOIN court_cases c ON c.id = ca.case_id
          WHERE c.guarantor_id = ? AND c.status IN (${OPEN_STATUSES_SQL}) AND c.id <> ?`,
      )
      .pluck()
      .all(q.guarantorId, q.caseId ?? 0) as number[],
  );
  const rows = all.filter((a) => chosenIds.has(a.id));
  const facts: SuitAccountFacts[] = rows.map((a) => {
    const onAccount = (reason: string) =>
      holds.some(
        (h) =>
          h.reason === reason &&
          (h.accountId === null || h.accountId === a.id) &&
          !(q.ownHoldIds && h.id !== null && q.ownHoldIds.get(a.id) === h.id),
      );
    const eca = checkEca(db, a.id, 'civil_action', today, { ownHoldId: q.ownHoldIds?.get(a.id) });
    return {
      accountId: a.id,
      accountNumber: a.account_number,
      balanceCents: Math.max(0, a.balance_cents),
      payerClass: a.payer_class,
      hasMedicaidNumber: (a.medicaid_number ?? '').trim() !== '',
      dates: {
        treatment: a.service_from,
        firstDue: a.service_first_due ?? a.service_to,
        lastItem: a.last_item ?? a.service_to,
      },
      eca: { allowed: eca.allowed, allowedFrom: eca.allowedFrom, reasons: eca.reasons },
      disputed: onAccount('dispute'),
      bankrupt: g.bankruptcy === 1 || onAccount('bankruptcy'),
      deceased: g.deceased === 1 || onAccount('deceased'),
      onCurrentPlan: onPlan.has(a.id),
      inOpenCase: inCase.has(a.id),
    };
  });
  const policy = smallClaimsPolicy(db);
  const decision: SuitDecision = suitDecision({
    today,
    state,
    basis: q.basis,
    fapStatus: g.fap_status,
    court,
    limitations: limitationRows(db, state),
    accounts: facts,
    largeClaimsFiledThisYear:
      court && court.largeClaimCents !== null ? largeClaimsFiled(db, state, court.largeClaimCents, today, q.caseId) : 0,
    waiveExcess: q.waiveExcess,
    economics: {
      clerkHourlyCents: policy.clerkHourlyCents,
      hoursPerCase: policy.hoursPerCase,
      expectedRecoveryPercent: policy.expectedRecoveryPercent,
    },
  });
  return {
    guarantorId: g.id,
    guarantorName: guarantorName(g),
    state,
    county: '',
    basis: q.basis,
    courts,
    courtId: court?.id ?? null,
    accounts: all.map((a) => ({
      accountId: a.id,
      accountNumber: a.account_number,
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      balanceCents: a.balance_cents,
      chosen: chosenIds.has(a.id),
    })),
    decision,
  };
}

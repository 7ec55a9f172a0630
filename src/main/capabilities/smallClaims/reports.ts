// The small-claims reports (issue 13 item 6): the open cases, the hearings of a week, and the outcomes
// by status with what was claimed, what was recovered (the patient's money on the case's accounts
// from the filing to the close, from the ledger), the fees paid (filing and service) and the court
// costs awarded. Each figure is the one the case screen shows (views.ts).
import { addDays } from '../../../shared/dates';
import { CASE_STATUSES, type CaseStatus, type SmallClaimsReports } from '../../../shared/schemas/smallClaims';
import type { Db } from '../../store/database';
import { caseSummaries, recoveredCents } from './views';

export function smallClaimsReports(db: Db, today: string, weekOf: string = today): SmallClaimsReports {
  const weekTo = addDays(weekOf, 6);
  const open = caseSummaries(db, today, { open: true });
  const hearings = open
    .filter((c) => c.hearingOn !== null && c.hearingOn >= weekOf && c.hearingOn <= weekTo)
    .filter((c) => c.status === 'filed' || c.status === 'served')
    .sort((a, b) => a.hearingOn!.localeCompare(b.hearingOn!) || a.caseId - b.caseId);
  const rows = db
    .prepare(
      `SELECT id, status, claim_cents, filed_on, closed_on, filing_fee_cents + service_fee_cents AS fees,
              coalesce(costs_cents, 0) AS costs FROM court_cases ORDER BY id`,
    )
    .all() as {
    id: number;
    status: CaseStatus;
    claim_cents: number;
    filed_on: string | null;
    closed_on: string | null;
    fees: number;
    costs: number;
  }[];
  const by = new Map<CaseStatus, { cases: number; claimCents: number; recoveredCents: number; costCents: number }>();
  let costsAwardedCents = 0;
  for (const r of rows) {
    const s = by.get(r.status) ?? { cases: 0, claimCents: 0, recoveredCents: 0, costCents: 0 };
    s.cases += 1;
    s.claimCents += r.claim_cents;
    s.recoveredCents += recoveredCents(db, r);
    s.costCents += r.fees;
    by.set(r.status, s);
    costsAwardedCents += r.costs;
  }
  const byStatus = CASE_STATUSES.filter((s) => by.has(s)).map((status) => ({ status, ...by.get(status)! }));
  const total = (k: 'claimCents' | 'recoveredCents' | 'costCents') => byStatus.reduce((t, s) => t + s[k], 0);
  return {
    weekOf,
    weekTo,
    open,
    hearings,
    outcomes: {
      byStatus,
      claimCents: total('claimCents'),
      recoveredCents: total('recoveredCents'),
      costCents: total('costCents'),
      costsAwardedCents,
    },
  };
}

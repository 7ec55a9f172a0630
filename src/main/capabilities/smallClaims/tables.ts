// The limit and limitation tables a supervisor keeps (rules §3.1, §3.2). A change is a new row from a
// date; nothing is changed or deleted, so the row that judged a case stays readable (a case keeps the
// id of its court's row).
import type { z } from 'zod';
import { formatCents } from '../../../shared/money';
import { limitsInForce } from '../../../shared/rules/smallClaims';
import type { SmallClaimsRules, setLimitationInput, setLimitInput } from '../../../shared/schemas/smallClaims';
import type { Db } from '../../store/database';
import { limitationRows, limitRows } from './check';
import { insertLimit, insertLimitation } from './rows';
import { refuse } from './steps';

/** Both tables, every row, with who recorded it and whether a limit row is the one in force today. */
export function smallClaimsRules(db: Db, today: string): SmallClaimsRules {
  const recorded = (table: 'court_limits' | 'court_limitations') =>
    new Map(
      (
        db
          .prepare(`SELECT t.id, t.recorded_at, u.full_name FROM ${table} t LEFT JOIN users u ON u.id = t.recorded_by`)
          .all() as { id: number; recorded_at: string; full_name: string | null }[]
      ).map((r) => [r.id, { recordedAt: r.recorded_at, recordedBy: r.full_name }]),
    );
  const limits = limitRows(db);
  const inForce = new Set<number>();
  for (const state of new Set(limits.map((l) => l.state)))
    for (const l of limitsInForce(limits, state, today)) inForce.add(l.id);
  const limitWho = recorded('court_limits');
  const limitationWho = recorded('court_limitations');
  return {
    limits: limits.map((l) => ({ ...l, inForce: inForce.has(l.id), ...limitWho.get(l.id)! })),
    limitations: limitationRows(db).map((l) => ({ ...l, ...limitationWho.get(l.id)! })),
  };
}

/** A supervisor adds a court's limit from a date (a court's earlier rows stay, for the cases they judged). */
export function addLimit(db: Db, input: z.output<typeof setLimitInput>, at: string, by: number): number {
  if (input.largeClaimCents !== null && input.largeClaimCents >= input.entityLimitCents)
    refuse(
      'largeClaimCents',
      `The large-claim threshold is below the limit for a business plaintiff (${formatCents(input.entityLimitCents)}).`,
    );
  const court = input.court.trim();
  const same = db
    .prepare('SELECT 1 FROM court_limits WHERE state = ? AND court = ? AND effective_from = ?')
    .get(input.state, court, input.effectiveFrom);
  if (same)
    refuse(
      'effectiveFrom',
      `${court} (${input.state}) already has a limit from that date: a change takes a new date (rows are never changed).`,
    );
  return insertLimit(db, { ...input, court, source: input.source.trim() }, at, by);
}

/** A supervisor adds a statute-of-limitations row for claims accrued from a date. */
export function addLimitation(db: Db, input: z.output<typeof setLimitationInput>, at: string, by: number): number {
  const twice = db
    .prepare('SELECT 1 FROM court_limitations WHERE state = ? AND basis = ? AND accrued_from = ? AND recorded_at = ?')
    .get(input.state, input.basis, input.accruedFrom, at);
  if (twice) refuse('accruedFrom', 'That row was recorded a moment ago: check the table before adding it again.');
  return insertLimitation(db, { ...input, source: input.source.trim() }, at, by);
}

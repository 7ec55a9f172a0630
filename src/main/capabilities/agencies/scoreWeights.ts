// "By scorecard": each agency's weight for a new batch is what a dollar placed with it has earned
// the hospital (net-back per dollar placed, in basis points) on the same kind of paper placed in
// the last twelve months; an agency with nothing placed in that time gets none.
import { addDays } from '../../../shared/dates';
import { basisPoints } from '../../../shared/rules/agencyFees';
import type { PlacementKind } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';

export function scoreWeights(db: Db, kind: PlacementKind, agencyIds: readonly number[], today: string): number[] {
  const from = addDays(today, -365);
  const rows = db
    .prepare(
      `SELECT p.agency_id, sum(p.placed_cents) AS placed,
              coalesce(sum((SELECT sum(l.collected_cents - l.fee_cents) FROM agency_remittance_lines l WHERE l.placement_id = p.id)), 0) AS net
         FROM placements p WHERE p.kind = ? AND p.placed_on >= ? AND p.placed_on IS NOT NULL GROUP BY p.agency_id`,
    )
    .all(kind, from) as { agency_id: number; placed: number; net: number }[];
  const by = new Map(rows.map((r) => [r.agency_id, basisPoints(Math.max(0, r.net), r.placed)]));
  return agencyIds.map((id) => by.get(id) ?? 0);
}

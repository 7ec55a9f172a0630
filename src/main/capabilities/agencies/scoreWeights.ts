// "By scorecard": each agency's weight for a new batch is what a dollar placed with it has earned
// the hospital on the same kind of paper placed in the last twelve months (net-back per dollar
// placed, in basis points: the scorecard's own figure, netBackPerDollarPlaced); an agency with
// nothing placed in that time gets none.
import { addDays } from '../../../shared/dates';
import type { PlacementKind } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { netBackPerDollarPlaced } from './scorecard';

export function scoreWeights(db: Db, kind: PlacementKind, agencyIds: readonly number[], today: string): number[] {
  const byAgency = netBackPerDollarPlaced(db, kind, addDays(today, -365), today);
  return agencyIds.map((id) => Math.max(0, byAgency.get(id) ?? 0));
}

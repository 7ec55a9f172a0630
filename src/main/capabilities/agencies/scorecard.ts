// The scorecard to choose agencies (issue 12 item 5): for one kind of paper, per agency and per
// month of placement, what was placed and what came of it, agencies side by side with the best
// net-back per dollar placed first (docs/user-guide/agency-scorecard.md says what each figure is).
//  - placed: accounts placed (or placed and since returned) in the month, and their balance then;
//  - collected: the agency's remittance lines on those placements (a take-back counts negative)
//    and the payments made to the hospital while they were placed (directPayments.ts's rule);
//  - fees: each line's fee, and the contract's fee on each direct payment at the placement's rate;
//  - net-back: collected less fees; recovery: collected / placed; net-back per dollar placed:
//    net-back / placed (both in basis points, agencyFees.ts's rounding);
//  - by months since placement: month 0 runs from the day placed to the day before the same day
//    of the next month, and so on; the 13th column is month 12 and later;
//  - days to first payment: from the day placed to the first money (of either kind); the median of
//    the accounts that paid (the mean of the middle two when their number is even);
//  - recalls: placements returned for any reason but paid in full; complaints: returned for a complaint.
// Set-based: two queries over the placements of the months (an index on kind and day placed, and
// the patient's money read from its own index), summed per placement in SQL and per agency here.
import { addDays, daysBetween } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { agencyFee, basisPoints, netBackCents } from '../../../shared/rules/agencyFees';
import type { PlacementKind, ScorecardRow, ScorecardView } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { DIRECT_PAYMENT_WHERE, directPaymentsJoinSql } from './directPayments';

export const MONTH_BUCKETS = 13;

/** Whole calendar months from the day placed to the day paid (0 in the first month), at most 12. */
export function monthsSincePlacement(placedOn: string, paidOn: string): number {
  const [y1, m1, d1] = placedOn.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = paidOn.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.min(Math.max(months, 0), MONTH_BUCKETS - 1);
}

/** SQL: monthsSincePlacement of two date columns, for set queries (a test holds it to the function). */
export function monthsSincePlacementSql(placedOn: string, paidOn: string): string {
  const part = (d: string, from: number, len: number) => `CAST(substr(${d}, ${from}, ${len}) AS INTEGER)`;
  return `min(${MONTH_BUCKETS - 1}, max(0, (${part(paidOn, 1, 4)} - ${part(placedOn, 1, 4)}) * 12 + ${part(paidOn, 6, 2)} - ${part(placedOn, 6, 2)} - (substr(${paidOn}, 9, 2) < substr(${placedOn}, 9, 2))))`;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The day after a month's last day: '2026-12' -> '2027-01-01'. */
function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const registered = new WeakSet<Db>();
/** The fee rule, for the scorecard's SQL to call (one definition: agencyFee), registered once per connection. */
function withScorecardFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('recoup_agency_fee', { deterministic: true }, (cents, rateBp) =>
    agencyFee(Number(cents), Number(rateBp)),
  );
  registered.add(db);
}

const PLACED = `p.kind = @kind AND p.status IN ('placed','returned') AND p.placed_on >= @from AND p.placed_on < @to`;

/** The money on the placements, per placement and month since placement. */
export const MONEY_SQL = `WITH ps AS (SELECT p.id, p.agency_id, p.account_id, p.placed_on, p.returned_on, coalesce(p.fee_rate_bp, 0) AS rate
                   FROM placements p WHERE ${PLACED}),
     money(placement_id, agency_id, placed_on, bucket, paid_on, amount, fee) AS (
       SELECT ps.id, ps.agency_id, ps.placed_on, ${monthsSincePlacementSql('ps.placed_on', 'l.paid_on')}, l.paid_on, l.collected_cents,
              l.fee_cents
         FROM ps JOIN agency_remittance_lines l ON l.placement_id = ps.id
       UNION ALL
       SELECT p.id, p.agency_id, p.placed_on, ${monthsSincePlacementSql('p.placed_on', 'e.effective_date')}, e.effective_date,
              -e.amount_cents, recoup_agency_fee(-e.amount_cents, p.rate)
         FROM ps p ${directPaymentsJoinSql('p')}
        WHERE ${DIRECT_PAYMENT_WHERE})
     SELECT placement_id, agency_id, placed_on, bucket, sum(amount) AS collected, sum(fee) AS fee,
            min(CASE WHEN amount > 0 THEN paid_on END) AS first_paid
       FROM money GROUP BY placement_id, bucket`;

interface Group {
  row: ScorecardRow;
  days: number[];
}

function emptyRow(agencyId: number, agencyName: string, month: string | null): ScorecardRow {
  return {
    agencyId,
    agencyName,
    placementMonth: month,
    placedCount: 0,
    placedCents: 0,
    collectedCents: 0,
    feeCents: 0,
    netBackCents: 0,
    recoveryBp: 0,
    netBackBp: 0,
    collectedByMonth: Array.from({ length: MONTH_BUCKETS }, () => 0),
    medianDaysToFirstPayment: null,
    recalled: 0,
    complaints: 0,
  };
}

export function agencyScorecard(
  db: Db,
  input: { kind: PlacementKind; fromMonth: string; toMonth: string },
  today: string,
): ScorecardView {
  if (input.toMonth < input.fromMonth)
    throw new AppError('invalid_input', 'The last month is before the first.', {
      toMonth: 'The last month is before the first.',
    });
  const { rows, totals } = score(db, input.kind, `${input.fromMonth}-01`, monthAfter(input.toMonth), today);
  return { kind: input.kind, fromMonth: input.fromMonth, toMonth: input.toMonth, rows, totals };
}

/**
 * Each agency's net-back per dollar placed (basis points) on the kind of paper placed from `from`
 * to `today`: the scorecard's own figure, for placing "by scorecard".
 */
export function netBackPerDollarPlaced(db: Db, kind: PlacementKind, from: string, today: string): Map<number, number> {
  return new Map(score(db, kind, from, addDays(today, 1), today).totals.map((t) => [t.agencyId, t.netBackBp]));
}

/** The scorecard's rows for placements made from `from` up to (not including) `to`. */
function score(
  db: Db,
  kind: PlacementKind,
  from: string,
  to: string,
  today: string,
): { rows: ScorecardRow[]; totals: ScorecardRow[] } {
  const params = { kind, from, to, today };
  const groups = new Map<string, Group>();
  const totals = new Map<number, Group>();
  const groupOf = (agencyId: number, name: string, month: string): [Group, Group] => {
    const key = `${agencyId}/${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { row: emptyRow(agencyId, name, month), days: [] }));
    let t = totals.get(agencyId);
    if (!t) totals.set(agencyId, (t = { row: emptyRow(agencyId, name, null), days: [] }));
    return [g, t];
  };

  const names = new Map<number, string>();
  const placedParams = { kind: params.kind, from: params.from, to: params.to };
  for (const p of prepared<
    [typeof placedParams],
    { agency_id: number; name: string; month: string; n: number; placed: number; recalled: number; complaints: number }
  >(
    db,
    `SELECT p.agency_id, ag.name, substr(p.placed_on, 1, 7) AS month, count(*) AS n, sum(p.placed_cents) AS placed,
            sum(p.status = 'returned' AND p.return_reason <> 'paid_in_full') AS recalled,
            sum(p.return_reason = 'complaint') AS complaints
       FROM placements p JOIN agencies ag ON ag.id = p.agency_id
      WHERE ${PLACED}
      GROUP BY p.agency_id, month`,
  ).iterate(placedParams)) {
    names.set(p.agency_id, p.name);
    for (const g of groupOf(p.agency_id, p.name, p.month)) {
      g.row.placedCount += p.n;
      g.row.placedCents += p.placed;
      g.row.recalled += p.recalled;
      g.row.complaints += p.complaints;
    }
  }

  // Every payment on those placements, the agency's lines and the direct ones, summed per
  // placement and month since placement in one pass; the fee on a direct payment is agencyFee itself,
  // called from SQL.
  withScorecardFunctions(db);
  const firstPaid = new Map<
    number,
    { agencyId: number; name: string; month: string; placedOn: string; paidOn: string }
  >();
  for (const m of prepared<
    [typeof params],
    {
      placement_id: number;
      agency_id: number;
      placed_on: string;
      bucket: number;
      collected: number;
      fee: number;
      first_paid: string | null;
    }
  >(db, MONEY_SQL).iterate(params)) {
    const month = m.placed_on.slice(0, 7);
    const name = names.get(m.agency_id) ?? '';
    for (const g of groupOf(m.agency_id, name, month)) {
      g.row.collectedCents += m.collected;
      g.row.feeCents += m.fee;
      g.row.collectedByMonth[m.bucket]! += m.collected;
    }
    if (m.first_paid !== null) {
      const f = firstPaid.get(m.placement_id);
      if (!f || m.first_paid < f.paidOn)
        firstPaid.set(m.placement_id, {
          agencyId: m.agency_id,
          name,
          month,
          placedOn: m.placed_on,
          paidOn: m.first_paid,
        });
    }
  }
  for (const f of firstPaid.values())
    for (const g of groupOf(f.agencyId, f.name, f.month)) g.days.push(daysBetween(f.placedOn, f.paidOn));

  const finish = (g: Group): ScorecardRow => {
    const r = g.row;
    r.netBackCents = netBackCents(r.collectedCents, r.feeCents);
    r.recoveryBp = basisPoints(r.collectedCents, r.placedCents);
    r.netBackBp = basisPoints(r.netBackCents, r.placedCents);
    r.medianDaysToFirstPayment = median(g.days);
    return r;
  };
  const totalRows = [...totals.values()]
    .map(finish)
    .sort(
      (a, b) =>
        b.netBackBp - a.netBackBp || b.netBackCents - a.netBackCents || a.agencyName.localeCompare(b.agencyName),
    );
  const rank = new Map(totalRows.map((t, i) => [t.agencyId, i]));
  const rows = [...groups.values()]
    .map(finish)
    .sort(
      (a, b) =>
        (rank.get(a.agencyId) ?? 0) - (rank.get(b.agencyId) ?? 0) ||
        (a.placementMonth ?? '').localeCompare(b.placementMonth ?? ''),
    );
  return { rows, totals: totalRows };
}

// The only writer of bad_debt_listings: each listing exported for a cost report (BD-14), as
// exported — its CCN, period, setting, format, lines and totals, the file's SHA-256 and who
// prepared it — and the list of them.
import type { ListingFormat, ListingRecord, ListingView } from '../../../shared/schemas/badDebt';
import type { Db } from '../../store/database';
import type { BadDebtListingsRow } from '../../store/schema';

export function recordListing(
  db: Db,
  view: ListingView,
  format: ListingFormat,
  sha256: string,
  at: string,
  by: number | null,
): number {
  const h = view.header;
  return Number(
    db
      .prepare(
        `INSERT INTO bad_debt_listings (ccn, period_from, period_to, setting, format, lines, total_allowable_cents,
           total_dual_cents, sha256, prepared_by, exported_at, exported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        h.ccn,
        h.periodFrom,
        h.periodTo,
        h.setting,
        format,
        view.lines.length,
        h.totalAllowableCents,
        h.totalDualCents,
        sha256,
        h.preparer,
        at,
        by,
      ).lastInsertRowid,
  );
}

export function listingRecords(db: Db): ListingRecord[] {
  const rows = db
    .prepare(
      `SELECT l.*, u.full_name AS by_name FROM bad_debt_listings l LEFT JOIN users u ON u.id = l.exported_by
        ORDER BY l.id DESC`,
    )
    .all() as (BadDebtListingsRow & { by_name: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    ccn: r.ccn,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    setting: r.setting,
    format: r.format,
    lines: r.lines,
    totalAllowableCents: r.total_allowable_cents,
    totalDualCents: r.total_dual_cents,
    sha256: r.sha256,
    preparedBy: r.prepared_by,
    exportedAt: r.exported_at,
    exportedBy: r.by_name,
  }));
}

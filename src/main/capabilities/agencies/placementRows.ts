// The only writer of placement_batches, placements and recall_files (eslint/table-owners.mjs): the
// services (placement.ts, recall.ts) and the ledger subscriber decide; these write the rows.
import type { PlacementKind, PlacementBuildMethod, ReturnReason } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';

export function insertBatch(
  db: Db,
  b: { agencyId: number; kind: PlacementKind; method: PlacementBuildMethod; today: string; at: string; by: number },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO placement_batches (agency_id, kind, method, status, built_on, built_at, built_by)
         VALUES (?, ?, ?, 'draft', ?, ?, ?)`,
      )
      .run(b.agencyId, b.kind, b.method, b.today, b.at, b.by).lastInsertRowid,
  );
}

export function insertProposed(
  db: Db,
  batchId: number,
  agencyId: number,
  kind: PlacementKind,
  rows: readonly { accountId: number; guarantorId: number; balanceCents: number }[],
): void {
  const insert = prepared(
    db,
    `INSERT INTO placements (batch_id, agency_id, account_id, guarantor_id, kind, status, proposed_cents)
     VALUES (?, ?, ?, ?, ?, 'proposed', ?)`,
  );
  for (const r of rows) insert.run(batchId, agencyId, r.accountId, r.guarantorId, kind, r.balanceCents);
}

/** A draft's row taken out, or not placed at release: it never went to the agency. */
export function dropProposed(
  db: Db,
  placementId: number,
  reason: ReturnReason,
  note: string,
  today: string,
  by: number,
) {
  prepared(
    db,
    `UPDATE placements SET status = 'dropped', return_reason = ?, return_note = ?, returned_on = ?, returned_by = ?
      WHERE id = ? AND status = 'proposed'`,
  ).run(reason, note, today, by, placementId);
}

export function markPlaced(
  db: Db,
  placementId: number,
  p: { placedOn: string; placedCents: number; feeRateBp: number; holdId: number },
): void {
  prepared(
    db,
    `UPDATE placements SET status = 'placed', placed_on = ?, placed_cents = ?, fee_rate_bp = ?, hold_id = ?
      WHERE id = ? AND status = 'proposed'`,
  ).run(p.placedOn, p.placedCents, p.feeRateBp, p.holdId, placementId);
}

export function releaseBatchRow(
  db: Db,
  batchId: number,
  r: { today: string; at: string; by: number; approvedBy: number | null; documentId: number },
): void {
  db.prepare(
    `UPDATE placement_batches SET status = 'released', released_on = ?, released_at = ?, released_by = ?, approved_by = ?,
            file_document_id = ? WHERE id = ? AND status = 'draft'`,
  ).run(r.today, r.at, r.by, r.approvedBy, r.documentId, batchId);
}

export function cancelBatchRow(db: Db, batchId: number, today: string, by: number): void {
  db.prepare(
    `UPDATE placement_batches SET status = 'cancelled', cancelled_on = ?, cancelled_by = ? WHERE id = ? AND status = 'draft'`,
  ).run(today, by, batchId);
}

/** A placed account comes back (BD-07: the date is kept); it is told to the agency in its next recall file. */
export function markReturned(
  db: Db,
  placementId: number,
  r: { reason: ReturnReason; note: string; today: string; by: number | null },
): void {
  prepared(
    db,
    `UPDATE placements SET status = 'returned', returned_on = ?, return_reason = ?, return_note = ?, returned_by = ?
      WHERE id = ? AND status = 'placed'`,
  ).run(r.today, r.reason, r.note, r.by, placementId);
}

/** The account's last payment since its placement (null: none, or all reversed). */
export function setLastPayment(db: Db, placementId: number, paidOn: string | null): void {
  prepared(db, `UPDATE placements SET last_payment_on = ? WHERE id = ?`).run(paidOn, placementId);
}

export function insertRecallFile(
  db: Db,
  f: { agencyId: number; today: string; at: string; by: number | null; automatic: boolean; documentId: number },
  placementIds: readonly number[],
): number {
  const id = Number(
    db
      .prepare(
        'INSERT INTO recall_files (agency_id, made_on, made_at, made_by, automatic, document_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(f.agencyId, f.today, f.at, f.by, f.automatic ? 1 : 0, f.documentId).lastInsertRowid,
  );
  const mark = prepared(db, 'UPDATE placements SET recall_file_id = ? WHERE id = ? AND recall_file_id IS NULL');
  for (const p of placementIds) mark.run(id, p);
  return id;
}

// Recall: an account comes back from the agency, by hand for a reason, automatically after the
// contract's recall days without a payment (a business-day job), or when it is paid in full (the
// ledger subscriber). The date it came back is kept (BD-07: an account still at an agency cannot be
// written off as bad debt); the placement's hold ends, so the account is the hospital's again. Every
// return is told to the agency in a recall file in its layout, kept in the encrypted store.
import { AppError } from '../../../shared/errors';
import { recallDueOn } from '../../../shared/rules/agencyPlacement';
import { RETURN_REASON_LABELS, type RecallFileView, type ReturnReason } from '../../../shared/schemas/agencies';
import type { DailyJob } from '../../platform/capability';
import { storeDocument } from '../../platform/documents';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { releaseHold } from '../compliance';
import { agencyRow, layoutOf } from './agencies';
import { writeLayout } from './layouts';
import { agencyFileName } from './placement';
import { insertRecallFile, markReturned } from './placementRows';

interface OpenPlacement {
  id: number;
  agency_id: number;
  account_number: string;
  hold_id: number | null;
  status: string;
}

/** Ends a placement: returned with the reason, its hold released. Call inside a transaction. */
export function returnPlacement(
  db: Db,
  p: Pick<OpenPlacement, 'id' | 'hold_id'>,
  r: { reason: ReturnReason; note: string; today: string; by: number | null },
): void {
  markReturned(db, p.id, r);
  if (p.hold_id !== null) {
    const open = db.prepare('SELECT 1 FROM holds WHERE id = ? AND released_on IS NULL').get(p.hold_id);
    if (open)
      releaseHold(
        db,
        p.hold_id,
        `Back from the agency: ${RETURN_REASON_LABELS[r.reason].toLowerCase()}${r.note ? ` (${r.note})` : ''}.`,
        r.today,
        r.by,
      );
  }
}

/**
 * The recall files for these agencies: each lists every account returned and not yet told to the
 * agency (recalled by hand or automatically, or paid in full). Agencies with nothing to tell get none.
 */
export function writeRecallFiles(
  db: Db,
  agencyIds: Iterable<number>,
  w: { today: string; at: string; by: number | null; automatic: boolean },
): { recallFileId: number; agencyId: number; agencyName: string; count: number; documentId: number }[] {
  const out: { recallFileId: number; agencyId: number; agencyName: string; count: number; documentId: number }[] = [];
  for (const agencyId of new Set(agencyIds)) {
    const agency = agencyRow(db, agencyId);
    const rows = db
      .prepare(
        `SELECT p.id, a.account_number, g.external_id AS guarantor_id, g.last_name, g.first_name, p.placed_on,
                p.returned_on AS recalled_on, p.return_reason AS recall_reason, a.balance_cents AS balance
           FROM placements p JOIN accounts a ON a.id = p.account_id JOIN guarantors g ON g.id = p.guarantor_id
          WHERE p.agency_id = ? AND p.status = 'returned' AND p.recall_file_id IS NULL ORDER BY a.account_number`,
      )
      .all(agencyId) as ({ id: number } & Record<string, string | number | null>)[];
    if (rows.length === 0) continue;
    const layout = layoutOf(db, agencyId, 'recall');
    const bytes = writeLayout(
      'recall',
      layout,
      rows.map(({ id: _id, ...r }) => r),
    );
    const documentId = storeDocument(db, {
      guarantorId: null,
      kind: 'agency_recall_file',
      title: `Recall file: ${agency.name}, ${rows.length} account${rows.length === 1 ? '' : 's'}`,
      fileName: agencyFileName('recall', agency.name, nextRecallFileId(db), w.today, layout.format),
      mimeType: layout.format === 'csv' ? 'text/csv' : 'text/plain',
      bytes,
      at: w.at,
      by: w.by,
    });
    const recallFileId = insertRecallFile(
      db,
      { agencyId, today: w.today, at: w.at, by: w.by, automatic: w.automatic, documentId },
      rows.map((r) => r.id),
    );
    out.push({ recallFileId, agencyId, agencyName: agency.name, count: rows.length, documentId });
  }
  return out;
}

/** The number the next recall file gets (inside the writer's transaction: one writer at a time). */
function nextRecallFileId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM recall_files').pluck().get() as number) ?? 1;
}

/** A clerk recalls accounts for a reason; one recall file per agency. All or nothing. */
export function recallByHand(
  db: Db,
  placementIds: readonly number[],
  reason: ReturnReason,
  note: string,
  w: { today: string; at: string; by: number },
): { recalled: number; accountIds: number[]; files: ReturnType<typeof writeRecallFiles> } {
  return db.transaction(() => {
    const agencies = new Set<number>();
    const accountIds: number[] = [];
    const find = prepared(
      db,
      `SELECT p.id, p.agency_id, p.account_id, a.account_number, p.hold_id, p.status FROM placements p
         JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
    );
    for (const id of new Set(placementIds)) {
      const p = find.get(id) as (OpenPlacement & { account_id: number }) | undefined;
      if (!p) throw new AppError('not_found', 'One of the accounts chosen was never placed.');
      if (p.status !== 'placed')
        throw new AppError('not_allowed', `Account ${p.account_number} is not with an agency now.`, {
          placementIds: 'Choose accounts that are with an agency.',
        });
      returnPlacement(db, p, { reason, note, today: w.today, by: w.by });
      agencies.add(p.agency_id);
      accountIds.push(p.account_id);
    }
    const files = writeRecallFiles(db, agencies, { ...w, automatic: false });
    return { recalled: accountIds.length, accountIds, files };
  })();
}

/**
 * Issue 14: a death recalls every account of the guarantor still at an agency (reason deceased),
 * each agency told in a recall file. Inside the death's transaction; returns the placements recalled.
 */
export function recallForDeath(
  db: Db,
  guarantorId: number,
  note: string,
  w: { today: string; at: string; by: number | null },
): { placementId: number; accountId: number; agencyId: number }[] {
  const placed = db
    .prepare(
      `SELECT id, agency_id, account_id, hold_id FROM placements WHERE guarantor_id = ? AND status = 'placed' ORDER BY id`,
    )
    .all(guarantorId) as { id: number; agency_id: number; account_id: number; hold_id: number | null }[];
  for (const p of placed) returnPlacement(db, p, { reason: 'deceased', note, today: w.today, by: w.by });
  writeRecallFiles(
    db,
    placed.map((p) => p.agency_id),
    { ...w, automatic: false },
  );
  return placed.map((p) => ({ placementId: p.id, accountId: p.account_id, agencyId: p.agency_id }));
}

/**
 * The automatic recall (a business-day job): every placed account whose recall day has come
 * (recallDueOn: the contract's days after the later of placement and the last payment) comes back;
 * then every agency with returns not yet told gets its recall file.
 */
export function automaticRecall(
  db: Db,
  today: string,
  at: string,
): { recalled: number; files: number; failed: string[] } {
  return db.transaction(() => {
    const due = (
      db
        .prepare(
          `SELECT p.id, p.agency_id, p.hold_id, p.placed_on, p.last_payment_on, p.recall_days
             FROM placements p WHERE p.status = 'placed'`,
        )
        .all() as {
        id: number;
        agency_id: number;
        hold_id: number | null;
        placed_on: string;
        last_payment_on: string | null;
        recall_days: number;
      }[]
    ).filter((p) => recallDueOn(p.placed_on, p.last_payment_on, p.recall_days) <= today);
    for (const p of due) returnPlacement(db, p, { reason: 'no_payment', note: '', today, by: null });
    const pending = (
      db
        .prepare(`SELECT DISTINCT agency_id FROM placements WHERE status = 'returned' AND recall_file_id IS NULL`)
        .all() as { agency_id: number }[]
    ).map((r) => r.agency_id);
    // Each agency's file on its own: one agency's layout that cannot take a value (a column too
    // narrow) does not stop the others'; its returns wait, still to be told, and the job says so.
    let files = 0;
    const failed: string[] = [];
    for (const agencyId of pending) {
      try {
        files += db.transaction(() => writeRecallFiles(db, [agencyId], { today, at, by: null, automatic: true }))()
          .length;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failed.push(`${agencyRow(db, agencyId).name}: ${err.message}`);
      }
    }
    return { recalled: due.length, files, failed };
  })();
}

export const agencyRecallJob: DailyJob = {
  name: 'agency-recall',
  audit: 'change',
  run(app, today) {
    const r = automaticRecall(app.store.db, today, app.nowIso());
    const failed = r.failed.length > 0 ? ` Not written (fix the agency's recall layout): ${r.failed.join(' ')}` : '';
    return `Agency recall: ${r.recalled} account${r.recalled === 1 ? '' : 's'} past the recall days; ${r.files} recall file${r.files === 1 ? '' : 's'} written.${failed}`;
  },
};

export function recallFiles(db: Db): RecallFileView[] {
  return (
    db
      .prepare(
        `SELECT f.id, f.agency_id, ag.name, f.made_on, u.full_name, f.automatic,
                (SELECT count(*) FROM placements p WHERE p.recall_file_id = f.id) AS count
           FROM recall_files f JOIN agencies ag ON ag.id = f.agency_id LEFT JOIN users u ON u.id = f.made_by
          ORDER BY f.id DESC LIMIT 500`,
      )
      .all() as {
      id: number;
      agency_id: number;
      name: string;
      made_on: string;
      full_name: string | null;
      automatic: number;
      count: number;
    }[]
  ).map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.name,
    madeOn: r.made_on,
    madeBy: r.full_name,
    automatic: r.automatic === 1,
    count: r.count,
  }));
}

/** A recall file's kept document, and the accounts it lists (for the export's audit event). */
export function recallFileDocument(db: Db, recallFileId: number): { documentId: number; accountIds: number[] } {
  const r = db.prepare('SELECT document_id FROM recall_files WHERE id = ?').get(recallFileId) as
    { document_id: number | null } | undefined;
  if (!r || r.document_id === null) throw new AppError('not_found', 'There is no such recall file.');
  const accountIds = db
    .prepare('SELECT account_id FROM placements WHERE recall_file_id = ? ORDER BY id')
    .pluck()
    .all(recallFileId) as number[];
  return { documentId: r.document_id, accountIds };
}

// Agencies and placed accounts for the remittance and scorecard tests, written straight into a
// test store (the rows the placement service writes when a supervisor releases a batch: status
// placed, the day placed, the balance placed and the fee rate in force), so that these tests do not
// depend on the placement rules.
import type { PlacementKind, RemittanceMethod } from '../../../src/shared/schemas/agencies';
import type { TestApp } from '../support';

export function addAgency(
  t: TestApp,
  name: string,
  method: RemittanceMethod,
  rateBp: number,
  kind: PlacementKind = 'primary',
): number {
  const db = t.app.store.db;
  const id = Number(
    db
      .prepare(
        `INSERT INTO agencies (name, baa_signed_on, recall_days, remittance_method, created_at, updated_at)
         VALUES (?, '2024-01-02', 180, ?, '2024-01-02T12:00:00Z', '2024-01-02T12:00:00Z')`,
      )
      .run(name, method).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO agency_fees (agency_id, kind, rate_bp, effective_from, recorded_at) VALUES (?, ?, ?, '2024-01-02', '2024-01-02T12:00:00Z')`,
  ).run(id, kind, rateBp);
  return id;
}

export interface PlaceOptions {
  kind?: PlacementKind;
  rateBp: number;
  placedCents: number;
  returnedOn?: string;
  returnReason?: string;
}

/** An account placed with an agency on a day (and, if told, returned on another), as a released batch leaves it. */
export function place(t: TestApp, agencyId: number, accountId: number, placedOn: string, o: PlaceOptions): number {
  const db = t.app.store.db;
  const kind = o.kind ?? 'primary';
  const batch = Number(
    db
      .prepare(
        `INSERT INTO placement_batches (agency_id, kind, method, status, built_on, built_at, released_on, released_at)
         VALUES (?, ?, 'hand', 'released', ?, ?, ?, ?)`,
      )
      .run(agencyId, kind, placedOn, `${placedOn}T12:00:00Z`, placedOn, `${placedOn}T12:00:00Z`).lastInsertRowid,
  );
  const guarantor = db.prepare('SELECT guarantor_id FROM accounts WHERE id = ?').pluck().get(accountId) as number;
  return Number(
    db
      .prepare(
        `INSERT INTO placements (batch_id, agency_id, account_id, guarantor_id, kind, status, proposed_cents, placed_on,
                                 placed_cents, fee_rate_bp, returned_on, return_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        batch,
        agencyId,
        accountId,
        guarantor,
        kind,
        o.returnedOn ? 'returned' : 'placed',
        o.placedCents,
        placedOn,
        o.placedCents,
        o.rateBp,
        o.returnedOn ?? null,
        o.returnedOn ? (o.returnReason ?? 'no_payment') : null,
      ).lastInsertRowid,
  );
}

/** A file sent as the workspace sends it ('import:upload'); returns the upload id. */
export async function upload(t: TestApp, session: string, fileName: string, text: string): Promise<string> {
  const r = await t.call(
    'import:upload',
    { uploadId: '', fileName, index: 0, last: true, base64: Buffer.from(text, 'utf8').toString('base64') },
    session,
  );
  return r.uploadId;
}

export function balances(t: TestApp): Record<string, number> {
  const rows = t.app.store.db
    .prepare(
      `SELECT 'account ' || account_number AS k, balance_cents AS v FROM accounts
       UNION ALL SELECT 'guarantor ' || external_id, balance_cents FROM guarantors`,
    )
    .all() as { k: string; v: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

export function count(t: TestApp, table: string): number {
  return t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

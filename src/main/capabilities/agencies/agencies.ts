// Agencies and their contracts: the agency's record, its fees per placement kind from a date, its
// file layouts, and whether it is active. Nothing is deleted: every change is a row of
// agency_history (before and after), a fee or a layout is a new row from its date, and a
// deactivated agency keeps its placements, remittances and scorecard. HP-02: without a business
// associate agreement on file nothing is placed with the agency.
import { AppError } from '../../../shared/errors';
import { feeRateOn, type FeeRate } from '../../../shared/rules/agencyFees';
import {
  AGENCY_FILES,
  agencyLayoutSchema,
  defaultLayout,
  PLACEMENT_KIND_LABELS,
  PLACEMENT_KINDS,
  type AgencyDetail,
  type AgencyFile,
  type AgencyLayout,
  type AgencyView,
  type PlacementKind,
  type SaveAgencyInput,
  type SetFeeInput,
} from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import type { AgenciesRow } from '../../store/schema';

type AgencyRecord = Omit<SaveAgencyInput, 'agencyId'>;

function recordOf(r: AgenciesRow): AgencyRecord {
  return {
    name: r.name,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    address: r.address,
    licenceStates: JSON.parse(r.licence_states) as AgencyRecord['licenceStates'],
    baaSignedOn: r.baa_signed_on,
    recallDays: r.recall_days,
    remittanceMethod: r.remittance_method,
    sharePercent: r.share_percent,
  };
}

export function agencyRow(db: Db, agencyId: number): AgenciesRow {
  const row = db.prepare('SELECT * FROM agencies WHERE id = ?').get(agencyId) as AgenciesRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such agency.');
  return row;
}

function history(
  db: Db,
  agencyId: number,
  at: string,
  by: number | null,
  what: string,
  before: unknown,
  after: unknown,
) {
  db.prepare('INSERT INTO agency_history (agency_id, at, by, what, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    agencyId,
    at,
    by,
    what,
    before === null ? null : JSON.stringify(before),
    JSON.stringify(after),
  );
}

/** Adds an agency or changes one; the change is kept in its history. */
export function saveAgency(db: Db, input: SaveAgencyInput, at: string, by: number): number {
  const { agencyId, ...record } = input;
  const clash = db
    .prepare('SELECT id FROM agencies WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(record.name, agencyId ?? null) as { id: number } | undefined;
  if (clash)
    throw new AppError('conflict', `An agency named ${record.name} is already on file.`, {
      name: 'Another agency has this name.',
    });
  // The record's columns, named once for the insert and the update.
  const columns = {
    name: record.name,
    contact_name: record.contactName,
    contact_phone: record.contactPhone,
    contact_email: record.contactEmail,
    address: record.address,
    licence_states: JSON.stringify(record.licenceStates),
    baa_signed_on: record.baaSignedOn,
    recall_days: record.recallDays,
    remittance_method: record.remittanceMethod,
    share_percent: record.sharePercent,
  };
  const names = Object.keys(columns);
  return db.transaction(() => {
    if (agencyId === undefined) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO agencies (${names.join(', ')}, created_at, created_by, updated_at)
             VALUES (${names.map((n) => `@${n}`).join(', ')}, @at, @by, @at)`,
          )
          .run({ ...columns, at, by }).lastInsertRowid,
      );
      history(db, id, at, by, 'Agency added', null, record);
      return id;
    }
    const before = recordOf(agencyRow(db, agencyId));
    db.prepare(
      `UPDATE agencies SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @at WHERE id = @id`,
    ).run({ ...columns, at, id: agencyId });
    const changed = (Object.keys(record) as (keyof AgencyRecord)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(record[k]),
    );
    if (changed.length > 0)
      history(db, agencyId, at, by, `Changed: ${changed.map(fieldLabel).join(', ')}`, before, record);
    return agencyId;
  })();
}

const FIELD_LABELS: Record<keyof AgencyRecord, string> = {
  name: 'name',
  contactName: 'contact',
  contactPhone: 'phone',
  contactEmail: 'e-mail',
  address: 'address',
  licenceStates: 'licence states',
  baaSignedOn: 'business associate agreement',
  recallDays: 'recall days',
  remittanceMethod: 'remittance method',
  sharePercent: 'share',
};
function fieldLabel(k: keyof AgencyRecord): string {
  return FIELD_LABELS[k];
}

export function setAgencyActive(db: Db, agencyId: number, active: boolean, note: string, at: string, by: number): void {
  const row = agencyRow(db, agencyId);
  if ((row.active === 1) === active)
    throw new AppError('not_allowed', `${row.name} is already ${active ? 'active' : 'inactive'}.`);
  db.transaction(() => {
    db.prepare('UPDATE agencies SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, at, agencyId);
    history(
      db,
      agencyId,
      at,
      by,
      `${active ? 'Made active' : 'Made inactive'}: ${note}`,
      { active: !active },
      { active },
    );
  })();
}

/** A fee from a date. A rate for a date already given for that kind is refused (record a later date). */
export function setFee(db: Db, input: SetFeeInput, at: string, by: number): void {
  agencyRow(db, input.agencyId);
  const taken = db
    .prepare('SELECT rate_bp FROM agency_fees WHERE agency_id = ? AND kind = ? AND effective_from = ?')
    .get(input.agencyId, input.kind, input.effectiveFrom);
  if (taken)
    throw new AppError('conflict', 'A fee for this kind already takes effect on that date.', {
      effectiveFrom: 'A fee already takes effect on this date; give another date.',
    });
  // Placements already made keep the fee of the day they were placed (placements.fee_rate_bp).
  db.transaction(() => {
    db.prepare(
      'INSERT INTO agency_fees (agency_id, kind, rate_bp, effective_from, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(input.agencyId, input.kind, input.rateBp, input.effectiveFrom, at, by);
    history(
      db,
      input.agencyId,
      at,
      by,
      `${PLACEMENT_KIND_LABELS[input.kind]} fee ${(input.rateBp / 100).toFixed(2)}% from ${input.effectiveFrom}`,
      null,
      { kind: input.kind, rateBp: input.rateBp, effectiveFrom: input.effectiveFrom },
    );
  })();
}

export function setLayout(
  db: Db,
  agencyId: number,
  file: AgencyFile,
  layout: AgencyLayout,
  at: string,
  by: number,
): void {
  agencyRow(db, agencyId);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO agency_layouts (agency_id, file, spec, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)',
    ).run(agencyId, file, JSON.stringify(layout), at, by);
    history(db, agencyId, at, by, `The ${file} file's layout changed`, null, layout);
  })();
}

/** The agency's layout for a file: the latest recorded, or the default (CSV, every field). */
export function layoutOf(db: Db, agencyId: number, file: AgencyFile): AgencyLayout {
  const row = db
    .prepare('SELECT spec FROM agency_layouts WHERE agency_id = ? AND file = ? ORDER BY id DESC LIMIT 1')
    .get(agencyId, file) as { spec: string } | undefined;
  if (!row) return defaultLayout(file);
  const parsed = agencyLayoutSchema.safeParse(JSON.parse(row.spec));
  if (!parsed.success) throw new AppError('store_error', `The agency's ${file} layout on file is damaged.`);
  return parsed.data;
}

export function feeRates(db: Db, agencyId: number): FeeRate[] {
  return (
    db
      .prepare('SELECT kind, rate_bp, effective_from FROM agency_fees WHERE agency_id = ? ORDER BY effective_from')
      .all(agencyId) as { kind: PlacementKind; rate_bp: number; effective_from: string }[]
  ).map((r) => ({ kind: r.kind, rateBp: r.rate_bp, effectiveFrom: r.effective_from }));
}

/**
 * Why nothing of this kind can be placed with the agency on this date, or null: HP-02 (a business
 * associate agreement signed on or before the date), the agency active, a fee for the kind in force.
 */
export function cannotPlace(db: Db, row: AgenciesRow, kind: PlacementKind | null, today: string): string | null {
  if (row.active !== 1) return `${row.name} is inactive.`;
  if (row.baa_signed_on === null || row.baa_signed_on > today)
    return `${row.name} has no business associate agreement on file (HP-02): nothing can be placed with it.`;
  if (kind !== null && feeRateOn(feeRates(db, row.id), kind, today) === null)
    return `${row.name} has no ${PLACEMENT_KIND_LABELS[kind].toLowerCase()} fee in force.`;
  return null;
}

function viewOf(
  db: Db,
  r: AgenciesRow,
  today: string,
  placed: { count: number; cents: number } | undefined,
): AgencyView {
  const rates = feeRates(db, r.id);
  return {
    id: r.id,
    ...recordOf(r),
    active: r.active === 1,
    feesToday: Object.fromEntries(PLACEMENT_KINDS.map((k) => [k, feeRateOn(rates, k, today)])) as Record<
      PlacementKind,
      number | null
    >,
    placedCount: placed?.count ?? 0,
    placedCents: placed?.cents ?? 0,
    cannotPlace: cannotPlace(db, r, null, today),
  };
}

function placedNow(db: Db): Map<number, { count: number; cents: number }> {
  const rows = db
    .prepare(
      `SELECT p.agency_id, count(*) AS count, coalesce(sum(a.balance_cents), 0) AS cents
         FROM placements p JOIN accounts a ON a.id = p.account_id WHERE p.status = 'placed' GROUP BY p.agency_id`,
    )
    .all() as { agency_id: number; count: number; cents: number }[];
  return new Map(rows.map((r) => [r.agency_id, { count: r.count, cents: r.cents }]));
}

export function listAgencies(db: Db, today: string): AgencyView[] {
  const placed = placedNow(db);
  return (db.prepare('SELECT * FROM agencies ORDER BY active DESC, name COLLATE NOCASE').all() as AgenciesRow[]).map(
    (r) => viewOf(db, r, today, placed.get(r.id)),
  );
}

export function agencyDetail(db: Db, agencyId: number, today: string): AgencyDetail {
  const r = agencyRow(db, agencyId);
  const fees = db
    .prepare(
      `SELECT f.kind, f.rate_bp, f.effective_from, f.recorded_at, u.full_name FROM agency_fees f
         LEFT JOIN users u ON u.id = f.recorded_by WHERE f.agency_id = ? ORDER BY f.kind, f.effective_from DESC`,
    )
    .all(agencyId) as {
    kind: PlacementKind;
    rate_bp: number;
    effective_from: string;
    recorded_at: string;
    full_name: string | null;
  }[];
  const layouts = Object.fromEntries(
    AGENCY_FILES.map((file) => {
      const row = db
        .prepare(
          `SELECT l.recorded_at, u.full_name FROM agency_layouts l LEFT JOIN users u ON u.id = l.recorded_by
            WHERE l.agency_id = ? AND l.file = ? ORDER BY l.id DESC LIMIT 1`,
        )
        .get(agencyId, file) as { recorded_at: string; full_name: string | null } | undefined;
      return [
        file,
        {
          layout: layoutOf(db, agencyId, file),
          recordedAt: row?.recorded_at ?? null,
          recordedBy: row?.full_name ?? null,
        },
      ];
    }),
  ) as AgencyDetail['layouts'];
  const hist = db
    .prepare(
      `SELECT h.at, h.what, u.full_name FROM agency_history h LEFT JOIN users u ON u.id = h.by
        WHERE h.agency_id = ? ORDER BY h.id DESC`,
    )
    .all(agencyId) as { at: string; what: string; full_name: string | null }[];
  return {
    ...viewOf(db, r, today, placedNow(db).get(agencyId)),
    fees: fees.map((f) => ({
      kind: f.kind,
      rateBp: f.rate_bp,
      effectiveFrom: f.effective_from,
      recordedAt: f.recorded_at,
      recordedBy: f.full_name,
    })),
    layouts,
    history: hist.map((h) => ({ at: h.at, by: h.full_name, what: h.what })),
  };
}

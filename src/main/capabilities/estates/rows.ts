// The only writer of the estate tables but the documents' (eslint/table-owners.mjs): the services
// decide (deaths.ts, estates.ts, claim.ts, ...); these write the rows. The probate table is only ever
// added to; a death is undone, never deleted; an estate's story is its events, each kept.
import type { DeathSource, EstateStatus } from '../../../shared/rules/estates';
import { OPEN_ESTATE_STATUSES } from '../../../shared/rules/estates';
import type { Db } from '../../store/database';
import type { EstatesRow } from '../../store/schema';

/** The statuses of an estate still being worked, for SQL. */
export const OPEN_ESTATES_SQL = OPEN_ESTATE_STATUSES.map((s) => `'${s}'`).join(',');

export function insertProbateRule(
  db: Db,
  r: {
    state: string;
    noticeMonths: number;
    mailedDays: number;
    outerMonths: number;
    publicationWeeks: number;
    lastIllnessClass: number;
    generalClass: number;
    finalYearClass: number | null;
    suitDays: number;
    effectiveFrom: string;
    source: string;
    note: string;
  },
  at: string,
  by: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO probate_rules (state, notice_months, mailed_days, outer_months, publication_weeks, last_illness_class,
           general_class, final_year_class, suit_days, effective_from, source, note, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.state,
        r.noticeMonths,
        r.mailedDays,
        r.outerMonths,
        r.publicationWeeks,
        r.lastIllnessClass,
        r.generalClass,
        r.finalYearClass,
        r.suitDays,
        r.effectiveFrom,
        r.source,
        r.note,
        at,
        by,
      ).lastInsertRowid,
  );
}

export function insertDeath(
  db: Db,
  d: { guarantorId: number; dateOfDeath: string; source: DeathSource; note: string },
  today: string,
  now: string,
  by: number | null,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO deaths (guarantor_id, date_of_death, source, note, recorded_on, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.guarantorId, d.dateOfDeath, d.source, d.note, today, now, by).lastInsertRowid,
  );
}

export function markDeathUndone(
  db: Db,
  deathId: number,
  reason: string,
  today: string,
  now: string,
  by: number | null,
): void {
  db.prepare('UPDATE deaths SET undone_on = ?, undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?').run(
    today,
    now,
    by,
    reason,
    deathId,
  );
}

export type DeathEffectKind = 'plan' | 'promise' | 'placement';

export function insertDeathEffect(
  db: Db,
  deathId: number,
  kind: DeathEffectKind,
  refId: number,
  fromStatus: string,
): void {
  db.prepare('INSERT INTO death_effects (death_id, kind, ref_id, from_status) VALUES (?, ?, ?, ?)').run(
    deathId,
    kind,
    refId,
    fromStatus,
  );
}

export function markEffectRestored(db: Db, deathId: number, kind: DeathEffectKind, refId: number, on: string): void {
  db.prepare('UPDATE death_effects SET restored_on = ? WHERE death_id = ? AND kind = ? AND ref_id = ?').run(
    on,
    deathId,
    kind,
    refId,
  );
}

export function insertEstate(
  db: Db,
  e: {
    guarantorId: number;
    deathId: number;
    state: string;
    letterLanguage: 'en' | 'es';
    probateRuleId: number;
    deadline: string;
  },
  now: string,
  by: number | null,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO estates (guarantor_id, death_id, status, state, letter_language, probate_rule_id, deadline, created_at, created_by)
         VALUES (?, ?, 'watching', ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.guarantorId, e.deathId, e.state, e.letterLanguage, e.probateRuleId, e.deadline, now, by).lastInsertRowid,
  );
}

type EstateChange = Partial<Omit<EstatesRow, 'id' | 'guarantor_id' | 'death_id' | 'created_at' | 'created_by'>> & {
  status?: EstateStatus;
};
const ESTATE_COLUMNS = new Set<string>([
  'status',
  'state',
  'county',
  'court_name',
  'court_address',
  'case_number',
  'pr_name',
  'pr_address',
  'attorney_name',
  'attorney_address',
  'letter_language',
  'first_published_on',
  'mailed_notice_on',
  'probate_rule_id',
  'deadline',
  'referred_on',
  'filed_on',
  'filed_with',
  'claim_cents',
  'sworn',
  'contingency',
  'security',
  'allowed_on',
  'allowed_cents',
  'disallowed_on',
  'closed_on',
  'close_note',
]);

export function changeEstate(db: Db, estateId: number, change: EstateChange): void {
  const keys = (Object.keys(change) as (keyof EstateChange)[]).filter((k) => change[k] !== undefined);
  for (const k of keys) if (!ESTATE_COLUMNS.has(k)) throw new Error(`estates.${k} is not changed here`);
  if (keys.length === 0) return;
  db.prepare(`UPDATE estates SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
    ...keys.map((k) => change[k] as string | number | null),
    estateId,
  );
}

export function insertEstateAccount(db: Db, estateId: number, accountId: number, lastIllness: boolean): void {
  db.prepare('INSERT OR IGNORE INTO estate_accounts (estate_id, account_id, last_illness) VALUES (?, ?, ?)').run(
    estateId,
    accountId,
    lastIllness ? 1 : 0,
  );
}

export function changeEstateAccount(
  db: Db,
  estateId: number,
  accountId: number,
  change: {
    lastIllness?: boolean;
    claimCents?: number | null;
    writtenOffCents?: number;
    badDebtCents?: number;
    badDebtOn?: string | null;
  },
): void {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const put = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (change.lastIllness !== undefined) put('last_illness', change.lastIllness ? 1 : 0);
  if (change.claimCents !== undefined) put('claim_cents', change.claimCents);
  if (change.writtenOffCents !== undefined) put('written_off_cents', change.writtenOffCents);
  if (change.badDebtCents !== undefined) put('bad_debt_cents', change.badDebtCents);
  if (change.badDebtOn !== undefined) put('bad_debt_on', change.badDebtOn);
  if (sets.length === 0) return;
  db.prepare(`UPDATE estate_accounts SET ${sets.join(', ')} WHERE estate_id = ? AND account_id = ?`).run(
    ...values,
    estateId,
    accountId,
  );
}

export type EstateEventKind =
  | 'opened'
  | 'details'
  | 'referred'
  | 'released'
  | 'filed'
  | 'allowed'
  | 'disallowed'
  | 'payment'
  | 'follow_up'
  | 'closed'
  | 'withdrawn'
  | 'note';

export function insertEstateEvent(
  db: Db,
  estateId: number,
  kind: EstateEventKind,
  on: string,
  detail: Record<string, unknown>,
  at: string,
  by: number | null,
): number {
  return Number(
    db
      .prepare('INSERT INTO estate_events (estate_id, kind, on_date, detail, at, by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(estateId, kind, on, JSON.stringify(detail), at, by).lastInsertRowid,
  );
}

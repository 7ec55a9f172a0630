// The mapping profiles of payroll's files (the only writer of payroll_profiles): the roster's
// columns, the deduction file's columns in order, and payroll's confirmation's columns, each saved
// under a name per kind so a clerk maps a file once.
import { AppError } from '../../../shared/errors';
import {
  confirmationMappingSchema,
  deductionFileMappingSchema,
  rosterMappingSchema,
  type PayrollProfile,
  type PayrollProfileKind,
  type saveProfileInput,
} from '../../../shared/schemas/payroll';
import type { z } from 'zod';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { PayrollProfilesRow } from '../../store/schema';

function view(r: PayrollProfilesRow): PayrollProfile {
  const raw: unknown = JSON.parse(r.mapping);
  const base = { id: r.id, name: r.name, updatedAt: r.updated_at };
  if (r.kind === 'roster') return { ...base, kind: 'roster', mapping: rosterMappingSchema.parse(raw) };
  if (r.kind === 'deductions') return { ...base, kind: 'deductions', mapping: deductionFileMappingSchema.parse(raw) };
  return { ...base, kind: 'confirmation', mapping: confirmationMappingSchema.parse(raw) };
}

export function listProfiles(db: Db, kind?: PayrollProfileKind): PayrollProfile[] {
  const rows = (
    kind
      ? prepared(db, 'SELECT * FROM payroll_profiles WHERE kind = ? ORDER BY name, id').all(kind)
      : prepared(db, 'SELECT * FROM payroll_profiles ORDER BY kind, name, id').all()
  ) as PayrollProfilesRow[];
  return rows.map(view);
}

/** A profile of a kind, or a refusal naming the field. */
export function profileOf<K extends PayrollProfileKind>(
  db: Db,
  id: number,
  kind: K,
): Extract<PayrollProfile, { kind: K }> {
  const row = prepared(db, 'SELECT * FROM payroll_profiles WHERE id = ?').get(id) as PayrollProfilesRow | undefined;
  if (!row || row.kind !== kind)
    throw new AppError('not_found', 'There is no such profile.', { profileId: 'Choose a saved profile.' });
  return view(row) as Extract<PayrollProfile, { kind: K }>;
}

export function saveProfile(db: Db, input: z.output<typeof saveProfileInput>, now: string, by: number): PayrollProfile {
  const clash = prepared(db, 'SELECT id FROM payroll_profiles WHERE kind = ? AND name = ? COLLATE NOCASE').get(
    input.kind,
    input.name,
  ) as { id: number } | undefined;
  if (clash && clash.id !== input.id) {
    const message = `A ${input.kind} profile named “${input.name}” already exists: choose another name or open it.`;
    throw new AppError('conflict', message, { name: message });
  }
  const mapping = JSON.stringify(input.mapping);
  if (input.id !== undefined) {
    const row = prepared(db, 'SELECT kind FROM payroll_profiles WHERE id = ?').get(input.id) as
      { kind: string } | undefined;
    if (!row) throw new AppError('not_found', 'There is no such profile.');
    if (row.kind !== input.kind)
      throw new AppError('invalid_input', 'A profile keeps its kind: save it as a new profile.', {
        kind: 'A profile keeps its kind.',
      });
    prepared(db, 'UPDATE payroll_profiles SET name = ?, mapping = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      mapping,
      now,
      input.id,
    );
    return profileOf(db, input.id, input.kind);
  }
  const id = Number(
    prepared(
      db,
      `INSERT INTO payroll_profiles (kind, name, mapping, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(input.kind, input.name, mapping, now, by, now).lastInsertRowid,
  );
  return profileOf(db, id, input.kind);
}

/** A profile a run was written by stays (the run's file is rebuilt from it). */
export function deleteProfile(db: Db, id: number): void {
  const row = prepared(db, 'SELECT id FROM payroll_profiles WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', 'There is no such profile.');
  const used = prepared(db, 'SELECT count(*) AS n FROM deduction_runs WHERE profile_id = ?').get(id) as { n: number };
  if (used.n > 0)
    throw new AppError(
      'not_allowed',
      `This profile wrote ${used.n === 1 ? 'a deduction file' : `${used.n} deduction files`} that can be downloaded again: it stays. Save a new profile instead.`,
    );
  prepared(db, 'DELETE FROM payroll_profiles WHERE id = ?').run(id);
}

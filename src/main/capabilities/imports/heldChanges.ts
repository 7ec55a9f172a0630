// Changes an extract asked for that wait for a supervisor (issue 11, the `identity` owner and the
// lifting of a flag in src/shared/rules/extractOwnership.ts): the import records them instead of
// applying them; a supervisor approves (the change is applied then, if the record still holds what
// the extract changed) or rejects. Nothing is deleted.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { decideHeldChangeInput, HeldChange } from '../../../shared/schemas/import';
import type { DeathSubscriber } from '../../platform/capability';
import type { Db } from '../../store/database';
import type { ImportHeldChangesRow } from '../../store/schema';
import { prepared } from '../../store/prepared';
import { applyApprovedGuarantorChange, guarantorName, replaceNameTokens, type HeldGuarantorField } from '../accounts';

const HELD_FIELDS: ReadonlySet<string> = new Set<HeldGuarantorField>([
  'last_name',
  'first_name',
  'middle_name',
  'date_of_birth',
  'deceased',
  'bankruptcy',
  'do_not_call',
  'do_not_mail',
  'do_not_email',
]);
const FLAG_FIELDS: ReadonlySet<string> = new Set([
  'deceased',
  'bankruptcy',
  'do_not_call',
  'do_not_mail',
  'do_not_email',
]);

const asText = (v: string | number | null) => (v === null ? null : String(v));

/**
 * Holds one change (inside the import's transaction). The same change already waiting is not
 * recorded twice; a different change of the same field replaces the one waiting (superseded).
 * Returns false when it was already waiting.
 */
export function holdChange(
  db: Db,
  h: {
    batchId: number;
    guarantorId: number;
    field: string;
    from: string | number | null;
    to: string | number | null;
    file: string;
    line: number;
    now: string;
  },
): boolean {
  if (!HELD_FIELDS.has(h.field)) throw new Error(`${h.field} is not a field a supervisor approves`);
  const waiting = prepared<[number, string], { id: number; to_value: string | null }>(
    db,
    `SELECT id, to_value FROM import_held_changes WHERE guarantor_id = ? AND field = ? AND status = 'pending'`,
  ).all(h.guarantorId, h.field);
  if (waiting.some((w) => w.to_value === asText(h.to))) return false;
  for (const w of waiting)
    prepared(
      db,
      `UPDATE import_held_changes SET status = 'superseded', decided_at = ?, note = 'a later extract asked for another value' WHERE id = ?`,
    ).run(h.now, w.id);
  prepared(
    db,
    `INSERT INTO import_held_changes (batch_id, guarantor_id, field, from_value, to_value, file, line, held_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.batchId, h.guarantorId, h.field, asText(h.from), asText(h.to), h.file, h.line, h.now);
  return true;
}

type HeldRow = ImportHeldChangesRow & {
  first_name: string;
  middle_name: string;
  last_name: string;
  external_id: string | null;
  decided_name: string | null;
};

function view(r: HeldRow): HeldChange {
  return {
    id: r.id,
    guarantorId: r.guarantor_id,
    guarantor: guarantorName(r),
    guarantorNumber: r.external_id,
    field: r.field,
    from: r.from_value,
    to: r.to_value,
    file: r.file,
    line: r.line,
    heldAt: r.held_at,
    status: r.status,
    decidedBy: r.decided_name,
    decidedAt: r.decided_at,
    note: r.note,
  };
}

const SELECT = `SELECT h.*, g.first_name, g.middle_name, g.last_name, g.external_id, u.full_name AS decided_name
  FROM import_held_changes h JOIN guarantors g ON g.id = h.guarantor_id LEFT JOIN users u ON u.id = h.decided_by`;

/** The changes waiting (oldest first), or the last 200 decided (newest first). */
export function heldChanges(db: Db, status: 'pending' | 'decided'): HeldChange[] {
  const rows =
    status === 'pending'
      ? db.prepare(`${SELECT} WHERE h.status = 'pending' ORDER BY h.id`).all()
      : db.prepare(`${SELECT} WHERE h.status <> 'pending' ORDER BY h.decided_at DESC, h.id DESC LIMIT 200`).all();
  return (rows as HeldRow[]).map(view);
}

/** How many changes wait for a supervisor. */
export function pendingHeldCount(db: Db): number {
  return db.prepare(`SELECT count(*) FROM import_held_changes WHERE status = 'pending'`).pluck().get() as number;
}

/**
 * A supervisor's decision, in one transaction. An approval applies the change only if the record
 * still holds the value the extract changed; otherwise the change is set aside (superseded) and
 * the supervisor told why.
 */
export function decideHeldChange(
  db: Db,
  input: z.output<typeof decideHeldChangeInput>,
  by: number,
  now: string,
  /** Issue 14: an approved change of the deceased flag is a death raised or undone (app.extensions.deathSubscribers). */
  death: { today: string; subscribers: readonly DeathSubscriber[] },
): HeldChange {
  const decided = db.transaction((): HeldChange | 'changed' => {
    const row = db.prepare(`${SELECT} WHERE h.id = ?`).get(input.id) as HeldRow | undefined;
    if (!row) throw new AppError('not_found', 'There is no such held change.');
    if (row.status !== 'pending')
      throw new AppError('not_allowed', `This change was already ${row.status}; there is nothing to decide.`);
    const field = row.field as HeldGuarantorField;
    if (input.decision === 'approve') {
      const current = db.prepare(`SELECT ${field} FROM guarantors WHERE id = ?`).pluck().get(row.guarantor_id) as
        string | number | null;
      if (asText(current) !== row.from_value) {
        prepared(
          db,
          `UPDATE import_held_changes SET status = 'superseded', decided_by = ?, decided_at = ?, note = ? WHERE id = ?`,
        ).run(by, now, 'the record changed after the import; not applied', row.id);
        return 'changed';
      }
      const value = FLAG_FIELDS.has(field) ? Number(row.to_value) : row.to_value;
      applyApprovedGuarantorChange(db, row.guarantor_id, field, value, now);
      if (field === 'deceased')
        for (const subscriber of death.subscribers)
          subscriber(db, {
            guarantorId: row.guarantor_id,
            deceased: value === 1,
            today: death.today,
            now,
            by,
            why: `A supervisor approved the extract’s change of the deceased flag (held change #${row.id}).`,
          });
      if (field === 'first_name' || field === 'middle_name' || field === 'last_name') {
        const g = db
          .prepare('SELECT first_name, middle_name, last_name FROM guarantors WHERE id = ?')
          .get(row.guarantor_id) as { first_name: string; middle_name: string; last_name: string };
        replaceNameTokens(db, row.guarantor_id, g.first_name, g.middle_name, g.last_name);
      }
    }
    prepared(
      db,
      `UPDATE import_held_changes SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?`,
    ).run(input.decision === 'approve' ? 'approved' : 'rejected', by, now, input.note, row.id);
    return view(db.prepare(`${SELECT} WHERE h.id = ?`).get(row.id) as HeldRow);
  })();
  // Set aside, and said so: the "superseded" stands (the router commits it with the refusal's event).
  if (decided === 'changed')
    throw new AppError(
      'not_allowed',
      'The guarantor’s record changed after this import, so the change was set aside, not applied. Import the current extract again if it is still needed.',
      undefined,
      { keepWritten: true },
    );
  return decided;
}

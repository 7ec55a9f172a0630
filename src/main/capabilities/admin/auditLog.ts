// The audit log as a person reads it (HP-01 audit controls, issue 11: "who looked at this
// patient"): records named — a guarantor by name and number, an account by its number, a user by
// name — instead of internal ids; a filter by guarantor (their number or any of their account
// numbers: every event that touched them or one of their accounts); and the log as a CSV file.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { auditCsvInput, AuditEventView, AuditList, auditListInput } from '../../../shared/schemas/audit';
import { csvBytes } from '../../platform/csv';
import { listAudit } from '../../platform/auditTrail';
import type { Db } from '../../store/database';
import { fullName } from '../../../shared/names';

// The audit log sits below the capabilities it names (eslint/layers.mjs): it reads their rows for
// labels only, and names a guarantor as every document does (shared/names.ts).
const guarantorName = (g: { first_name: string; middle_name: string; last_name: string }) =>
  fullName({ firstName: g.first_name, middleName: g.middle_name, lastName: g.last_name });

const KIND_WORDS: Record<string, string> = {
  entry: 'ledger entry',
  payment: 'payment',
  plan: 'plan',
  promise: 'promise',
  hold: 'hold',
  followUp: 'follow-up',
  activity: 'activity',
  document: 'document',
  statement: 'statement',
  statementRun: 'statement run',
  complianceIssue: 'compliance issue',
  importProfile: 'import profile',
  importHeld: 'held import change',
  import: 'import',
  extract: 'extract file',
  registers: 'registers',
  backup: 'backup',
  planPolicy: 'plan policy',
  settings: 'settings',
};

/** The guarantor a filter names: by their number, or by one of their account numbers. */
function guarantorFilter(db: Db, text: string): { label: string; keys: string[] } {
  const wanted = text.trim();
  const g = (db
    .prepare(
      `SELECT g.id, g.first_name, g.middle_name, g.last_name, g.external_id FROM guarantors g
        WHERE g.external_id = ?
        UNION ALL
       SELECT g.id, g.first_name, g.middle_name, g.last_name, g.external_id FROM guarantors g
         JOIN accounts a ON a.guarantor_id = g.id WHERE a.account_number = ? LIMIT 1`,
    )
    .get(wanted, wanted) ?? null) as {
    id: number;
    first_name: string;
    middle_name: string;
    last_name: string;
    external_id: string | null;
  } | null;
  if (!g)
    throw new AppError('invalid_input', `No guarantor or account has the number ${wanted}.`, {
      guarantor: 'Type a guarantor number or an account number exactly as it is in Recoup.',
    });
  const accounts = db.prepare('SELECT id FROM accounts WHERE guarantor_id = ?').pluck().all(g.id) as number[];
  return {
    label: `${guarantorName(g)}${g.external_id ? ` (${g.external_id})` : ''}`,
    keys: [`guarantor:${g.id}`, ...accounts.map((a) => `account:${a}`)],
  };
}

/** Every event's records in words, looked up once per page. */
function labelled(db: Db, events: AuditEventView[]): AuditEventView[] {
  const ids = { guarantor: new Set<number>(), account: new Set<number>(), user: new Set<number>() };
  for (const e of events)
    for (const r of e.records) {
      const [kind, id] = r.split(':');
      if ((kind === 'guarantor' || kind === 'account' || kind === 'user') && /^\d+$/.test(id ?? ''))
        ids[kind].add(Number(id));
    }
  const lookup = (sql: string, set: Set<number>, label: (row: Record<string, unknown>) => string) => {
    const out = new Map<number, string>();
    if (set.size === 0) return out;
    const list = [...set];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      for (const row of db.prepare(sql.replace('?', chunk.map(() => '?').join(', '))).all(...chunk) as Record<
        string,
        unknown
      >[])
        out.set(row.id as number, label(row));
    }
    return out;
  };
  const guarantors = lookup(
    'SELECT id, first_name, middle_name, last_name, external_id FROM guarantors WHERE id IN (?)',
    ids.guarantor,
    (r) =>
      `${guarantorName(r as { first_name: string; middle_name: string; last_name: string })}${r.external_id ? ` (${String(r.external_id)})` : ''}`,
  );
  const accounts = lookup('SELECT id, account_number FROM accounts WHERE id IN (?)', ids.account, (r) =>
    String(r.account_number),
  );
  const users = lookup('SELECT id, full_name FROM users WHERE id IN (?)', ids.user, (r) => String(r.full_name));
  const label = (record: string): string => {
    const at = record.indexOf(':');
    const kind = at < 0 ? record : record.slice(0, at);
    const rest = at < 0 ? '' : record.slice(at + 1);
    const n = /^\d+$/.test(rest) ? Number(rest) : null;
    if (kind === 'guarantor' && n !== null) return guarantors.get(n) ?? `guarantor #${n}`;
    if (kind === 'account' && n !== null) return `account ${accounts.get(n) ?? `#${n}`}`;
    if (kind === 'user' && n !== null) return `user ${users.get(n) ?? `#${n}`}`;
    const word = KIND_WORDS[kind] ?? kind;
    return n !== null ? `${word} #${n}` : rest ? `${word} ${rest}` : word;
  };
  return events.map((e) => ({ ...e, recordLabels: e.records.map(label) }));
}

export function auditLog(db: Db, input: z.output<typeof auditListInput>): AuditList {
  const { guarantor, ...filter } = input;
  const g = guarantor ? guarantorFilter(db, guarantor) : null;
  const { events, total } = listAudit(db, filter, g?.keys);
  return { events: labelled(db, events), total, guarantor: g?.label ?? null };
}

/** The most events one file holds; a wider question is asked again with narrower filters. */
export const AUDIT_CSV_MAX = 100_000;

/** The events the filters find, newest first, as CSV (docs/export-format.md). */
export function auditCsv(db: Db, input: z.output<typeof auditCsvInput>): { bytes: Buffer; count: number } {
  // One query for the whole file (not a page at a time: each page would count and skip again).
  const { guarantor, ...filter } = input;
  const keys = guarantor ? guarantorFilter(db, guarantor).keys : undefined;
  const { events } = listAudit(db, { ...filter, limit: AUDIT_CSV_MAX, offset: 0 }, keys);
  const rows = labelled(db, events).map((e) => [
    e.id,
    e.at,
    e.username,
    e.channel,
    e.kind,
    e.recordLabels.join('; '),
    e.records.join('; '),
    e.outcome,
    e.detail,
  ]);
  return {
    bytes: csvBytes(['id', 'at', 'user', 'action', 'kind', 'records', 'record_keys', 'outcome', 'detail'], rows),
    count: rows.length,
  };
}

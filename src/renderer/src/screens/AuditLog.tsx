// Audit log (administrators): who did what and when, filtered and paged, and a check that no
// event was changed, inserted or removed since it was written (the hash chain), nor rewritten or
// cut off behind a backup (the heads recorded with each backup).
import { useId, useState, type FormEvent } from 'react';
import type { AuditEventView, AuditVerification } from '../../../shared/schemas/audit';
import { AUDIT_KINDS } from '../../../shared/schemas/audit';
import { messageOf } from '../api';
import { FormAlert } from '../components/Field';
import { DataTable, type Column } from '../components/DataTable';
import { formatInstant } from '../format';
import { saveFile } from '../files';
import { useChannelMutation, useChannelQuery } from '../queries';

// A page is long enough to read through by scrolling (only the rows in view are in the page).
const PAGE_SIZE = 200;

interface Filters {
  from: string;
  to: string;
  guarantor: string;
  userId: string;
  channel: string;
  outcome: 'all' | 'ok' | 'error';
  kind: string;
}

const NO_FILTERS: Filters = { from: '', to: '', guarantor: '', userId: '', channel: '', outcome: 'all', kind: '' };

function isKind(value: string): value is (typeof AUDIT_KINDS)[number] {
  return AUDIT_KINDS.some((k) => k === value);
}

function isOutcome(value: string): value is Filters['outcome'] {
  return value === 'all' || value === 'ok' || value === 'error';
}

/** What the heads recorded with the backups said (HP-01: a rewrite or cut-off behind any backup). */
function HeadsResult({ result }: { result: AuditVerification }) {
  const agree = result.heads.filter((h) => h.status === 'agrees').length;
  const before = result.heads.filter((h) => h.status === 'superseded').length;
  const disagree = result.heads.filter((h) => h.status === 'truncated' || h.status === 'rewritten');
  return (
    <>
      {result.heads.length === 0 ? (
        <p>No backup has recorded the log&rsquo;s last event yet, so only the log itself was checked.</p>
      ) : (
        <p>
          {agree} of {result.heads.length} records kept with the backups agree with it.
          {before > 0 && (
            <>
              {' '}
              {before} {before === 1 ? 'was' : 'were'} made before a restore and belong to the log the restore replaced.
            </>
          )}
        </p>
      )}
      {disagree.length > 0 && (
        <ul>
          {disagree.map((h) => (
            <li key={h.source}>{h.message}</li>
          ))}
        </ul>
      )}
      {result.unreadable.length > 0 && (
        <ul>
          {result.unreadable.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function VerifyResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <div className="verify ok" role="status">
        <strong>The audit log is intact.</strong> All {result.checked} events were checked; none was changed, added or
        removed.
        <HeadsResult result={result} />
      </div>
    );
  }
  return (
    <div className="verify bad" role="alert">
      <strong>The audit log is not intact.</strong> {result.problem}
      {result.firstBadId !== null && <> The first event that does not match is #{result.firstBadId}.</>} Tell your
      privacy officer.
      <HeadsResult result={result} />
    </div>
  );
}

const DASH = <span className="muted">—</span>;

/**
 * The records an event touched, named as a person reads them (a guarantor by name and number, an
 * account by its number): a few in the row, the rest (a list read, hundreds) on request.
 */
function Records({ labels }: { labels: string[] }) {
  if (labels.length <= 3) return labels.join(', ');
  return (
    <details>
      <summary>
        {labels.slice(0, 2).join(', ')} and {labels.length - 2} more
      </summary>
      {labels.slice(2).join(', ')}
    </details>
  );
}

const AUDIT_COLUMNS: Column<AuditEventView>[] = [
  { header: '#', className: 'num', width: '4.5rem', cell: (e) => e.id },
  { header: 'Time', className: 'nowrap', width: '12.5rem', cell: (e) => formatInstant(e.at) },
  { header: 'User', width: '8.5rem', cell: (e) => e.username ?? DASH },
  { header: 'Action', className: 'mono', width: '10.5rem', cell: (e) => e.channel },
  { header: 'Kind', className: 'nowrap', width: '5.5rem', cell: (e) => e.kind },
  { header: 'Records', width: '14rem', cell: (e) => <Records labels={e.recordLabels} /> },
  {
    header: 'Outcome',
    width: '5.5rem',
    cell: (e) => <span className={`badge ${e.outcome === 'ok' ? 'ok' : 'bad'}`}>{e.outcome}</span>,
  },
  { header: 'Detail', className: 'detail', cell: (e) => e.detail },
];

export function AuditLog() {
  const ids = {
    from: useId(),
    to: useId(),
    guarantor: useId(),
    user: useId(),
    channel: useId(),
    outcome: useId(),
    kind: useId(),
  };
  const exportCsv = useChannelMutation('audit:csv');
  const [exportError, setExportError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const verifyChain = useChannelMutation('audit:verify');
  const verifying = verifyChain.isPending;
  const users = useChannelQuery('users:list', {});
  const filter = {
    from: applied.from || undefined,
    to: applied.to || undefined,
    guarantor: applied.guarantor.trim() || undefined,
    userId: applied.userId ? Number(applied.userId) : undefined,
    channel: applied.channel.trim() || undefined,
    outcome: applied.outcome,
    kind: isKind(applied.kind) ? applied.kind : undefined,
  };
  const events = useChannelQuery('audit:list', { ...filter, limit: PAGE_SIZE, offset });
  const download = async () => {
    setExportError(null);
    try {
      await saveFile(await exportCsv.mutateAsync(filter));
    } catch (error) {
      setExportError(messageOf(error));
    }
  };

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const show = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setOffset(0);
  };
  const runVerify = async () => {
    setVerifyError(null);
    try {
      setVerify(await verifyChain.mutateAsync({}));
    } catch (error) {
      setVerifyError(messageOf(error));
    }
  };

  const total = events.value?.total ?? 0;
  const rows = events.value?.events ?? [];

  return (
    <section>
      <div className="page-head">
        <h1>Audit log</h1>
        <button type="button" className="primary" onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      {verify && <VerifyResult result={verify} />}
      <FormAlert message={verifyError} />

      <form className="filters" onSubmit={show} aria-label="Audit log filters">
        <div className="field">
          <label htmlFor={ids.from}>From date</label>
          <input id={ids.from} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>To date</label>
          <input id={ids.to} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.guarantor}>Guarantor or account number</label>
          <input
            id={ids.guarantor}
            type="text"
            value={draft.guarantor}
            maxLength={40}
            placeholder="e.g. G1000001"
            onChange={(e) => set('guarantor', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.user}>User</label>
          <select id={ids.user} value={draft.userId} onChange={(e) => set('userId', e.target.value)}>
            <option value="">Everyone</option>
            {users.value?.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.fullName} ({u.username})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.channel}>Action contains</label>
          <input
            id={ids.channel}
            type="text"
            value={draft.channel}
            maxLength={60}
            placeholder="e.g. users:"
            onChange={(e) => set('channel', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.outcome}>Outcome</label>
          <select
            id={ids.outcome}
            value={draft.outcome}
            onChange={(e) => isOutcome(e.target.value) && set('outcome', e.target.value)}
          >
            <option value="all">All</option>
            <option value="ok">Succeeded</option>
            <option value="error">Refused or failed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">All kinds</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Show events
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
              setOffset(0);
            }}
          >
            Clear
          </button>
        </div>
      </form>

      <FormAlert message={events.error ?? exportError} />
      <div className="table-head">
        <p className="muted" aria-live="polite">
          {events.value
            ? total === 0
              ? `No events${events.value.guarantor ? ` about ${events.value.guarantor}` : ''} match.`
              : `Events ${offset + 1}–${offset + rows.length} of ${total}${events.value.guarantor ? ` about ${events.value.guarantor}` : ''}, newest first`
            : 'Loading…'}
        </p>
        <button
          type="button"
          className="small"
          disabled={exportCsv.isPending || total === 0}
          onClick={() => void download()}
        >
          {exportCsv.isPending ? 'Preparing…' : 'Download CSV'}
        </button>
        <div className="pager">
          <button
            type="button"
            className="small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Newer
          </button>
          <button
            type="button"
            className="small"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Older
          </button>
        </div>
      </div>
      {events.value && (
        <DataTable
          // Another page or other filters: read from the top.
          key={`${offset} ${JSON.stringify(applied)}`}
          caption="Audit events, newest first"
          className="audit"
          scrollClassName="audit-scroll"
          virtual
          rows={rows}
          rowKey={(e) => e.id}
          columns={AUDIT_COLUMNS}
          stale={events.loading}
          empty="Change or clear the filters to see other events."
        />
      )}
    </section>
  );
}

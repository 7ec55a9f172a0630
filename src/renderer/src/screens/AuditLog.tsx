// Audit log (administrators): who did what and when, filtered and paged, and a check that no
// event was changed, inserted or removed since it was written (the hash chain).
import { useId, useState, type FormEvent } from 'react';
import type { AuditVerification } from '../../../shared/schemas/audit';
import { AUDIT_KINDS } from '../../../shared/schemas/audit';
import { call, messageOf } from '../api';
import { FormAlert } from '../components/Field';
import { useChannel } from '../components/useChannel';
import { formatInstant } from '../format';

const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  userId: string;
  channel: string;
  outcome: 'all' | 'ok' | 'error';
  kind: string;
}

const NO_FILTERS: Filters = { from: '', to: '', userId: '', channel: '', outcome: 'all', kind: '' };

function isKind(value: string): value is (typeof AUDIT_KINDS)[number] {
  return AUDIT_KINDS.some((k) => k === value);
}

function isOutcome(value: string): value is Filters['outcome'] {
  return value === 'all' || value === 'ok' || value === 'error';
}

function VerifyResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <div className="verify ok" role="status">
        <strong>The audit log is intact.</strong> All {result.checked} events were checked; none was changed, added or
        removed.
      </div>
    );
  }
  return (
    <div className="verify bad" role="alert">
      <strong>The audit log is not intact.</strong> {result.problem}
      {result.firstBadId !== null && <> The first event that does not match is #{result.firstBadId}.</>} Tell your
      privacy officer.
    </div>
  );
}

export function AuditLog() {
  const ids = { from: useId(), to: useId(), user: useId(), channel: useId(), outcome: useId(), kind: useId() };
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const users = useChannel('users:list', {});
  const events = useChannel('audit:list', {
    from: applied.from || undefined,
    to: applied.to || undefined,
    userId: applied.userId ? Number(applied.userId) : undefined,
    channel: applied.channel.trim() || undefined,
    outcome: applied.outcome,
    kind: isKind(applied.kind) ? applied.kind : undefined,
    limit: PAGE_SIZE,
    offset,
  });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const show = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setOffset(0);
  };
  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await call('audit:verify', {}));
      events.reload();
    } catch (error) {
      setVerifyError(messageOf(error));
    } finally {
      setVerifying(false);
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
          <label htmlFor={ids.channel}>Channel contains</label>
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

      <FormAlert message={events.error} />
      <div className="table-head">
        <p className="muted" aria-live="polite">
          {events.value
            ? total === 0
              ? 'No events match.'
              : `Events ${offset + 1}–${offset + rows.length} of ${total}, newest first`
            : 'Loading…'}
        </p>
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
      <table className="table audit">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Channel</th>
            <th scope="col">Kind</th>
            <th scope="col">Records</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="num">{e.id}</td>
              <td className="nowrap">{formatInstant(e.at)}</td>
              <td>{e.username ?? <span className="muted">—</span>}</td>
              <td className="mono">{e.channel}</td>
              <td>{e.kind}</td>
              <td className="mono">{e.records.join(', ')}</td>
              <td>
                <span className={`badge ${e.outcome === 'ok' ? 'ok' : 'bad'}`}>{e.outcome}</span>
              </td>
              <td className="detail">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

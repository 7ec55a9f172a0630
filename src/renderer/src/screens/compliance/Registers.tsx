// The month's 501(r) registers an auditor reads (supervisors): statements and final notices sent,
// ECA attempts allowed and refused with the clock's reasons, holds placed and released by staff,
// and the financial-assistance applications and decisions; on screen in full (only the rows in
// view are in the page), and as PDF and CSV.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { ECA_KIND_LABELS, type EcaKind } from '../../../../shared/rules/ecaClock';
import { HOLD_REASON_LABELS, type HoldReason } from '../../../../shared/rules/statementCycle';
import { FAP_STATUS_LABELS } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import type { MonthlyRegisters, RegisterKind } from '../../../../shared/schemas/registers';
import { noun } from '../../../../shared/plural';
import { call, messageOf } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { saveFile } from '../../files';
import { useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';

/** The month's counts above the registers: each figure with its words. */
function monthCounts(r: MonthlyRegisters): [number, string][] {
  const finals = r.statements.filter((s) => s.kind === 'final_notice').length;
  const allowed = r.ecaAttempts.filter((e) => e.allowed).length;
  return [
    [r.statements.length, `${noun(r.statements.length, 'statement', 'statements')} sent`],
    [finals, `${noun(finals, 'final notice', 'final notices')} among them`],
    [allowed, `${noun(allowed, 'extraordinary collection action', 'extraordinary collection actions')} allowed`],
    [r.ecaAttempts.length - allowed, 'refused by the 501(r) gate'],
    [r.holds.length, `${noun(r.holds.length, 'hold', 'holds')} placed or released`],
    [
      r.assistance.length,
      noun(
        r.assistance.length,
        'financial-assistance application or decision',
        'financial-assistance applications and decisions',
      ),
    ],
  ];
}

const DASH = <span className="muted">—</span>;

function Guarantor({ name, number }: { name: string; number: string | null }) {
  return (
    <>
      {name}
      {number && <div className="muted">{number}</div>}
    </>
  );
}

/** One register on screen: its heading, a note, and all its rows, or a sentence saying there are none. */
function RegisterTable<T>({
  title,
  label,
  note,
  empty,
  rows,
  columns,
}: {
  title: string;
  label: string;
  note?: string;
  empty: string;
  rows: T[];
  columns: Column<T>[];
}) {
  return (
    <>
      <h3>{title}</h3>
      {note && <p className="muted">{note}</p>}
      <DataTable
        caption={label}
        virtual
        scrollClassName="register-scroll"
        rows={rows}
        rowKey={(_, i) => i}
        columns={columns}
        empty={empty}
      />
    </>
  );
}

export function Registers() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [month, setMonth] = useState(today.slice(0, 7));
  const registers = useChannelQuery('registers:month', { month });
  const [viewing, setViewing] = useState<FileHandle | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = registers.value;
  const fetchFile = async (what: 'pdf' | RegisterKind) => {
    setError(null);
    setBusy(what);
    try {
      if (what === 'pdf') setViewing(await call('registers:pdf', { month }));
      else await saveFile(await call('registers:csv', { month, register: what }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="ws-section" aria-labelledby="registers">
      <h2 id="registers">501(r) registers</h2>
      <p className="muted">
        What an auditor asks for, from Recoup&rsquo;s own records: every statement and final notice sent, every
        extraordinary collection action attempted with the clock&rsquo;s decision, every hold placed or released by
        staff, every financial-assistance application and decision.
      </p>
      <div className="register-bar">
        <div className="field">
          <label htmlFor="register-month">Month</label>
          <input
            id="register-month"
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('pdf')}>
            {busy === 'pdf' ? 'Preparing…' : 'Registers PDF'}
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('statements')}>
            Statements CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('eca_attempts')}>
            ECA attempts CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('holds')}>
            Holds CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('assistance')}>
            Assistance CSV
          </button>
        </div>
      </div>
      <FormAlert message={registers.error ?? error} />
      {r && (
        <div className={registers.loading ? 'stale' : undefined} aria-busy={registers.loading}>
          <ul className="import-counts" aria-label="This month">
            {monthCounts(r).map(([n, words]) => (
              <li key={words}>
                <strong>{n.toLocaleString('en-US')}</strong> {words}
              </li>
            ))}
          </ul>

          <RegisterTable
            title="Statements and final notices sent"
            label="Statements register"
            empty="No statement was sent this month."
            rows={r.statements}
            columns={[
              { header: 'Date', width: '6.5rem', className: 'nowrap', cell: (s) => formatShortDate(s.date) },
              {
                header: 'Guarantor',
                width: '14rem',
                cell: (s) => <Guarantor name={s.guarantor} number={s.guarantorNumber} />,
              },
              {
                header: 'Statement',
                width: '8rem',
                cell: (s) => (s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`),
              },
              { header: 'Accounts (number in cycle)', cell: (s) => s.accounts },
              { header: 'Amount due', width: '8rem', className: 'num', cell: (s) => formatCents(s.amountDueCents) },
            ]}
          />
          <RegisterTable
            title="Extraordinary collection actions attempted"
            label="ECA register"
            empty="No extraordinary collection action was attempted this month."
            rows={r.ecaAttempts}
            columns={[
              { header: 'Date', width: '6.5rem', className: 'nowrap', cell: (e) => formatShortDate(e.date) },
              { header: 'Guarantor', width: '11rem', cell: (e) => e.guarantor },
              { header: 'Account', width: '8rem', cell: (e) => e.accountNumber },
              { header: 'Action', width: '9rem', cell: (e) => ECA_KIND_LABELS[e.kind as EcaKind] ?? e.kind },
              {
                header: 'Decision',
                width: '8rem',
                cell: (e) => (
                  <>
                    <span className={`badge ${e.allowed ? 'ok' : 'warn'}`}>{e.allowed ? 'Allowed' : 'Refused'}</span>
                    {e.allowedFrom && !e.allowed && <div className="muted">from {formatShortDate(e.allowedFrom)}</div>}
                  </>
                ),
              },
              { header: 'Reason', className: 'prose-cell', cell: (e) => e.why },
              { header: 'By', width: '7rem', cell: (e) => e.by ?? 'Recoup' },
            ]}
          />
          <RegisterTable
            title="Holds placed and released by staff"
            label="Holds register"
            note="The holds Recoup keeps from the record (a death, a bankruptcy, a current plan) are not events of the month; a pending application is in the financial-assistance register below."
            empty="No hold was placed or released this month."
            rows={r.holds}
            columns={[
              { header: 'Date', width: '6.5rem', className: 'nowrap', cell: (h) => formatShortDate(h.date) },
              { header: 'Event', width: '6rem', cell: (h) => (h.event === 'placed' ? 'Placed' : 'Released') },
              { header: 'Guarantor', width: '11rem', cell: (h) => h.guarantor },
              { header: 'Account', width: '8rem', cell: (h) => h.accountNumber ?? 'All accounts' },
              { header: 'Reason', width: '12rem', cell: (h) => HOLD_REASON_LABELS[h.reason as HoldReason] ?? h.reason },
              { header: 'Note', cell: (h) => h.note || DASH },
              { header: 'By', width: '8rem', cell: (h) => h.by ?? DASH },
            ]}
          />
          <RegisterTable
            title="Financial-assistance applications and decisions"
            label="Financial-assistance register"
            empty="No application or decision was recorded this month."
            rows={r.assistance}
            columns={[
              { header: 'Date', width: '6.5rem', className: 'nowrap', cell: (x) => formatShortDate(x.date) },
              {
                header: 'Guarantor',
                width: '14rem',
                cell: (x) => <Guarantor name={x.guarantor} number={x.guarantorNumber} />,
              },
              { header: 'Status', width: '12rem', cell: (x) => FAP_STATUS_LABELS[x.status] },
              { header: 'Note', cell: (x) => x.note || DASH },
              { header: 'Recorded by', width: '9rem', cell: (x) => x.by ?? DASH },
            ]}
          />
        </div>
      )}
      {viewing && <PdfViewer file={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}

// The agency scorecard (issue 12 item 5): for one kind of paper and a range of placement months,
// the agencies side by side, best net-back per dollar placed first, then each agency's months:
// accounts and dollars placed, collected, fees, net-back, recovery rate, collections by months since
// placement, days to the first payment, recalls and complaints. On screen, as a PDF and as a CSV.
import { useState } from 'react';
import { formatCents } from '../../../../shared/money';
import { scorecardInput, type PlacementKind, type ScorecardRow } from '../../../../shared/schemas/agencies';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { saveFile } from '../../files';
import { useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { KIND_OPTIONS, percent } from './common';

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const MONTH_NAMES = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
function monthLabel(month: string): string {
  return MONTH_NAMES.format(new Date(`${month}-01T12:00:00Z`));
}

function columns(first: Column<ScorecardRow>): Column<ScorecardRow>[] {
  return [
    first,
    { header: 'Accounts', className: 'num', cell: (r) => r.placedCount.toLocaleString('en-US') },
    { header: 'Placed', className: 'num', cell: (r) => formatCents(r.placedCents) },
    { header: 'Collected', className: 'num', cell: (r) => formatCents(r.collectedCents) },
    { header: 'Fees', className: 'num', cell: (r) => formatCents(r.feeCents) },
    { header: 'Net‑back', className: 'num', cell: (r) => formatCents(r.netBackCents) },
    { header: 'Recovery', className: 'num', cell: (r) => percent(r.recoveryBp) },
    { header: 'Net‑back per $ placed', className: 'num', cell: (r) => percent(r.netBackBp) },
    {
      header: 'Days to first payment',
      className: 'num',
      cell: (r) => (r.medianDaysToFirstPayment === null ? '—' : r.medianDaysToFirstPayment.toLocaleString('en-US')),
    },
    { header: 'Recalls', className: 'num', cell: (r) => r.recalled.toLocaleString('en-US') },
    { header: 'Complaints', className: 'num', cell: (r) => r.complaints.toLocaleString('en-US') },
  ];
}

/** Collections by months since placement: months 0 to 11, then 12 and later. */
function pace(rows: ScorecardRow[]): Column<ScorecardRow>[] {
  const months = Math.max(13, ...rows.map((r) => r.collectedByMonth.length));
  return [
    { header: 'Agency', rowHeader: true, cell: (r) => r.agencyName },
    ...Array.from({ length: months }, (_, i) => ({
      header: i === months - 1 ? `${i}+` : String(i),
      className: 'num',
      cell: (r: ScorecardRow) => formatCents(r.collectedByMonth[i] ?? 0),
    })),
  ];
}

export function Scorecard() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const thisMonth = today.slice(0, 7);
  const [kind, setKind] = useState<PlacementKind>('primary');
  const [fromMonth, setFromMonth] = useState(monthsBefore(thisMonth, 11));
  const [toMonth, setToMonth] = useState(thisMonth);
  const checked = scorecardInput.safeParse({ kind, fromMonth, toMonth });
  const rangeProblem = !checked.success
    ? (checked.error.issues[0]?.message ?? 'Give the months.')
    : fromMonth > toMonth
      ? 'The first month is on or before the last.'
      : null;
  const input = { kind, fromMonth, toMonth };
  const card = useChannelQuery('agencies:scorecard', input, { enabled: rangeProblem === null });
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<FileHandle | null>(null);
  const fetchFile = async (what: 'pdf' | 'csv') => {
    setError(null);
    setBusy(what);
    try {
      if (what === 'pdf') setViewing(await call('agencies:scorecardPdf', input));
      else await saveFile(await call('agencies:scorecardCsv', input));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const s = rangeProblem === null ? card.value : null;
  return (
    <section className="scorecard">
      <h1>Agency scorecard</h1>
      <p className="muted">
        Which agency earns the hospital the most per dollar placed, for the same kind of paper: net-back is what the
        agency collected less its fees.
      </p>
      <div className="register-bar">
        <div className="field">
          <label htmlFor="scorecard-kind">Placement kind</label>
          <select id="scorecard-kind" value={kind} onChange={(e) => setKind(e.target.value as PlacementKind)}>
            {KIND_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="scorecard-from">Placed from</label>
          <input
            id="scorecard-from"
            type="month"
            value={fromMonth}
            max={thisMonth}
            onChange={(e) => e.target.value && setFromMonth(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="scorecard-to">Placed to</label>
          <input
            id="scorecard-to"
            type="month"
            value={toMonth}
            max={thisMonth}
            onChange={(e) => e.target.value && setToMonth(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" disabled={!s || busy !== null} onClick={() => void fetchFile('pdf')}>
            {busy === 'pdf' ? 'Preparing…' : 'Scorecard PDF'}
          </button>
          <button type="button" disabled={!s || busy !== null} onClick={() => void fetchFile('csv')}>
            {busy === 'csv' ? 'Preparing…' : 'Scorecard CSV'}
          </button>
        </div>
      </div>
      <FormAlert message={rangeProblem ?? card.error ?? error} />
      {!s && !rangeProblem && !card.error && card.loading && (
        <p className="muted" role="status">
          Reading the scorecard…
        </p>
      )}
      {s && (
        <div className={card.loading ? 'stale' : undefined} aria-busy={card.loading}>
          <h2>
            Agencies side by side, {monthLabel(s.fromMonth)} to {monthLabel(s.toMonth)}
          </h2>
          <DataTable
            caption="Agencies side by side"
            rows={s.totals}
            rowKey={(r) => r.agencyId}
            empty="Nothing of this kind was placed in these months."
            columns={columns({ header: 'Agency', rowHeader: true, cell: (r) => r.agencyName })}
          />
          <p className="muted">
            Median days from placement to the first payment, of the accounts that paid. Best net-back per dollar placed
            first.
          </p>
          <h2>Collected by months since placement</h2>
          <p className="muted">
            Month 0 is the first month from the day placed (to the day before the same day of the next month); the last
            column is a year and later.
          </p>
          <DataTable
            caption="Collected by months since placement"
            rows={s.totals}
            rowKey={(r) => r.agencyId}
            empty="Nothing of this kind was placed in these months."
            columns={pace(s.totals)}
          />
          <h2>By placement month</h2>
          <DataTable
            caption="By agency and placement month"
            rows={s.rows}
            rowKey={(r) => `${r.agencyId}-${r.placementMonth ?? 'total'}`}
            virtual={s.rows.length > 50}
            scrollClassName={s.rows.length > 50 ? 'register-scroll' : undefined}
            empty="Nothing of this kind was placed in these months."
            columns={columns({
              header: 'Agency and month',
              rowHeader: true,
              cell: (r) => `${r.agencyName}, ${r.placementMonth ? monthLabel(r.placementMonth) : 'all months'}`,
            })}
          />
        </div>
      )}
      {viewing && <PdfViewer file={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}

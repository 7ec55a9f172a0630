// The aging report: open balances by payer class and age, as of a date, aged by service date or by
// the first post-discharge statement. Its total is shown against the sum of every account balance,
// so the clerk sees that it reconciles; the same report downloads as PDF or CSV. Each figure opens
// the list of its accounts underneath (AgingAccounts), and closing the list returns to the figure.
import { useId, useState } from 'react';
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { roleAtLeast } from '../../../shared/roles';
import { AGING_COLUMN_LABELS, type AgingBasis } from '../../../shared/rules/aging';
import { PAYER_CLASS_LABELS } from '../../../shared/schemas/accounts';
import type { AgingColumn, AgingReport as Report } from '../../../shared/schemas/reports';
import { call, messageOf } from '../api';
import { BalanceCheck } from '../components/BalanceCheck';
import { FormAlert } from '../components/Field';
import { saveFile } from '../files';
import { useChannelQuery } from '../queries';
import { useWorkspace } from '../session';
import { AgingAccounts, figureName, useAgingReport, type AgingFigure } from './AgingAccounts';

const BASIS_LABELS: Record<AgingBasis, string> = {
  service_date: 'By service date',
  first_statement_date: 'By first-statement date',
};

const figureKey = (f: AgingFigure) => `${f.payerClass ?? 'all'}/${f.column ?? 'all'}`;

/** A figure of the report, as a button that lists its accounts (a zero has none to list). */
function Figure({ cents, figure, onShow }: { cents: number; figure: AgingFigure; onShow: (f: AgingFigure) => void }) {
  if (cents === 0) return <>{formatCents(cents)}</>;
  return (
    <button
      type="button"
      className="link figure"
      data-figure={figureKey(figure)}
      aria-label={`${formatCents(cents)}: list the accounts of ${figureName(figure)}`}
      onClick={() => onShow(figure)}
    >
      {formatCents(cents)}
    </button>
  );
}

function ReportTable({ report, onShow }: { report: Report; onShow: (f: AgingFigure) => void }) {
  const cell = (cents: number, column?: AgingColumn, payerClass?: AgingFigure['payerClass']) => (
    <Figure cents={cents} figure={{ column, payerClass }} onShow={onShow} />
  );
  return (
    <div className="table-scroll">
      <table className="table aging">
        <caption>
          Open balances as of {formatLongDate(report.asOf)}, {BASIS_LABELS[report.basis].toLowerCase()}. Select an
          amount to list its accounts.
        </caption>
        <thead>
          <tr>
            <th scope="col">Payer class</th>
            {report.columns.map((c) => (
              <th key={c} scope="col" className="num">
                {AGING_COLUMN_LABELS[c]}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Accounts
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.payerClass}>
              <th scope="row">{PAYER_CLASS_LABELS[r.payerClass]}</th>
              {report.columns.map((c) => (
                <td key={c} className={r.buckets[c] === 0 ? 'num zero' : 'num'}>
                  {cell(r.buckets[c], c, r.payerClass)}
                </td>
              ))}
              <td className="num strong">{cell(r.totalCents, undefined, r.payerClass)}</td>
              <td className="num">{r.accountCount.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {report.columns.map((c) => (
              <td key={c} className="num">
                {cell(report.totals.buckets[c], c)}
              </td>
            ))}
            <td className="num" data-testid="aging-total">
              {cell(report.totals.totalCents)}
            </td>
            <td className="num">{report.totals.accountCount.toLocaleString('en-US')}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function AgingReport() {
  const ids = { basis: useId(), asOf: useId() };
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const { basis, asOf: chosenAsOf, setBasis, setAsOf, show } = useAgingReport();
  // The date field starts at today's business date; an emptied one reads as today, as main does.
  const asOf = chosenAsOf || today;
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<'pdf' | 'csv' | null>(null);
  const input = { basis, asOf: chosenAsOf || undefined };
  const report = useChannelQuery('reports:aging', input);

  const download = async (kind: 'pdf' | 'csv') => {
    setDownloadError(null);
    setDownloading(kind);
    try {
      await saveFile(await call(kind === 'pdf' ? 'reports:agingPdf' : 'reports:agingCsv', input));
    } catch (e) {
      setDownloadError(messageOf(e));
    } finally {
      setDownloading(null);
    }
  };

  const value = report.value;
  return (
    <section>
      <div className="page-head">
        <h1>Aging report</h1>
        <div className="page-actions">
          <button type="button" onClick={() => void download('pdf')} disabled={!value || downloading !== null}>
            {downloading === 'pdf' ? 'Preparing…' : 'Download PDF'}
          </button>
          <button type="button" onClick={() => void download('csv')} disabled={!value || downloading !== null}>
            {downloading === 'csv' ? 'Preparing…' : 'Download CSV'}
          </button>
        </div>
      </div>
      <form className="report-options" aria-label="Report options" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.basis}>Age</label>
          <select id={ids.basis} value={basis} onChange={(e) => setBasis(e.target.value as AgingBasis)}>
            <option value="service_date">{BASIS_LABELS.service_date}</option>
            <option value="first_statement_date">{BASIS_LABELS.first_statement_date}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.asOf}>As of</label>
          <input id={ids.asOf} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <p className="muted report-note">
          {basis === 'service_date'
            ? 'Days from the service (discharge) date to the as-of date.'
            : 'Days from the first post-discharge statement; accounts without one are “Not yet billed”.'}
        </p>
      </form>
      <FormAlert message={report.error ?? downloadError} />
      {value && (
        <div className={report.loading ? 'stale' : undefined} aria-busy={report.loading}>
          <ReportTable report={value} onShow={(figure) => show(figure)} />
          <p className="reconcile">
            Total equals the sum of all account balances: <strong>{formatCents(value.balancesTotalCents)}</strong>
          </p>
        </div>
      )}
      <AgingAccounts
        onClose={() => {
          // Back to the figure the list came from (kept while the clerk was away on an account).
          const from = useAgingReport.getState().figure;
          show(null);
          if (from) document.querySelector<HTMLButtonElement>(`button[data-figure="${figureKey(from)}"]`)?.focus();
        }}
      />
      {roleAtLeast(role, 'supervisor') && <BalanceCheck />}
    </section>
  );
}

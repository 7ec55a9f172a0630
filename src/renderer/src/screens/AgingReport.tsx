// The aging report: open balances by payer class and age, as of a date, aged by service date or by
// the first post-discharge statement. Its total is shown against the sum of every account balance,
// so the clerk sees that it reconciles; the same report downloads as PDF or CSV.
import { useId, useState } from 'react';
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { roleAtLeast } from '../../../shared/roles';
import { AGING_COLUMN_LABELS, type AgingBasis } from '../../../shared/rules/aging';
import { PAYER_CLASS_LABELS } from '../../../shared/schemas/accounts';
import type { AgingReport as Report } from '../../../shared/schemas/reports';
import { call, messageOf } from '../api';
import { BalanceCheck } from '../components/BalanceCheck';
import { FormAlert } from '../components/Field';
import { saveFile } from '../files';
import { useChannelQuery } from '../queries';
import { useWorkspace } from '../session';

const BASIS_LABELS: Record<AgingBasis, string> = {
  service_date: 'By service date',
  first_statement_date: 'By first-statement date',
};

function ReportTable({ report }: { report: Report }) {
  return (
    <div className="table-scroll">
      <table className="table aging">
        <caption>
          Open balances as of {formatLongDate(report.asOf)}, {BASIS_LABELS[report.basis].toLowerCase()}
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
                  {formatCents(r.buckets[c])}
                </td>
              ))}
              <td className="num strong">{formatCents(r.totalCents)}</td>
              <td className="num">{r.accountCount.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {report.columns.map((c) => (
              <td key={c} className="num">
                {formatCents(report.totals.buckets[c])}
              </td>
            ))}
            <td className="num" data-testid="aging-total">
              {formatCents(report.totals.totalCents)}
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
  const [basis, setBasis] = useState<AgingBasis>('service_date');
  const [asOf, setAsOf] = useState(today);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<'pdf' | 'csv' | null>(null);
  // An emptied date field reads as today, as main does.
  const input = { basis, asOf: asOf || undefined };
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
          <ReportTable report={value} />
          <p className="reconcile">
            Total equals the sum of all account balances: <strong>{formatCents(value.balancesTotalCents)}</strong>
          </p>
        </div>
      )}
      {roleAtLeast(role, 'supervisor') && <BalanceCheck />}
    </section>
  );
}

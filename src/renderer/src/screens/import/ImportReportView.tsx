// What a preview found (or a commit did): rows read, records new / updated / unchanged,
// transactions new and already in Recoup, and every problem with its file, line and column.
import { useState } from 'react';
import type { ImportReport } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { saveFile } from '../../components/saveFile';

const n = (value: number) => value.toLocaleString('en-US');

function Counts({ report }: { report: ImportReport }) {
  const { guarantors: g, accounts: a, transactions: t } = report;
  return (
    <ul className="import-counts" aria-label="Counts">
      <li>
        <strong>{n(report.rows)}</strong> rows read
      </li>
      <li>
        <strong>{n(g.created)}</strong> new guarantors
        <span>
          {n(g.updated)} updated · {n(g.unchanged)} unchanged
        </span>
      </li>
      <li>
        <strong>{n(a.created)}</strong> new accounts
        <span>
          {n(a.updated)} updated · {n(a.unchanged)} unchanged
        </span>
      </li>
      <li>
        <strong>{n(t.created)}</strong> new transactions
        <span>{n(t.duplicates)} duplicates, already in Recoup</span>
      </li>
    </ul>
  );
}

function Problems({ report, taskId }: { report: ImportReport; taskId: string }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      saveFile(await call('import:errorReport', { taskId }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="problems" aria-labelledby="import-problems">
      <div className="section-head">
        <div className="form-alert" role="alert" id="import-problems">
          <strong>
            {n(report.errorCount)} problem{report.errorCount === 1 ? '' : 's'} — nothing will be imported until they are
            fixed.
          </strong>{' '}
          To fix the file, choose Start over and choose the corrected file. To fix the mapping, change it (Back to the
          columns) and preview again.
        </div>
        <button type="button" onClick={() => void download()}>
          Download error report (CSV)
        </button>
      </div>
      <FormAlert message={error} />
      {report.errorCount > report.errors.length && (
        <p className="note" role="note">
          Only the first {n(report.errors.length)} of {n(report.errorCount)} problems are listed here and in the error
          report; fix these and preview the corrected file again to see the rest.
        </p>
      )}
      <div className="table-scroll problems-scroll">
        <table className="table problems-table">
          <colgroup>
            <col className="c-file" />
            <col className="c-line" />
            <col className="c-column" />
            <col className="c-value" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {[...report.errors]
              .sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line)
              .map((e, i) => (
                <tr key={i}>
                  <td className="mono wrap" title={e.file}>
                    {e.file}
                  </td>
                  <td className="num">{e.line}</td>
                  <td className="mono">{e.column ?? <span className="muted">—</span>}</td>
                  <td className="mono wrap">{e.value ?? <span className="muted">—</span>}</td>
                  <td className="wrap">{e.reason}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportReportView({ report, taskId }: { report: ImportReport; taskId: string }) {
  return (
    <>
      <Counts report={report} />
      {report.errorCount > 0 && <Problems report={report} taskId={taskId} />}
    </>
  );
}

/** The sentence after a commit: what was written, and that nothing was doubled. */
export function importedSentence(report: ImportReport): string {
  const { guarantors: g, accounts: a, transactions: t } = report;
  return (
    `Imported ${n(report.rows)} rows: ${n(g.created)} new and ${n(g.updated)} updated guarantors, ` +
    `${n(a.created)} new and ${n(a.updated)} updated accounts, ${n(t.created)} new transactions. ` +
    (t.duplicates > 0
      ? `${n(t.duplicates)} transactions were already in Recoup and were skipped — nothing was doubled.`
      : 'None of the transactions was in Recoup before — nothing was doubled.')
  );
}

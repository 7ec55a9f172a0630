// What a preview found (or a commit did): rows read, records new / updated / unchanged,
// transactions new and already in Recoup, and every problem with its file, line and column.
import { useMemo, useState } from 'react';
import type { ImportLineError, ImportReport } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { saveFile } from '../../files';

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

const DASH = <span className="muted">—</span>;

const PROBLEM_COLUMNS: Column<ImportLineError>[] = [
  {
    header: 'File',
    className: 'mono',
    width: '15rem',
    cell: (e) => <span title={e.file}>{e.file}</span>,
  },
  { header: 'Line', className: 'num', width: '4.5rem', cell: (e) => e.line },
  { header: 'Column', className: 'mono', width: '10.5rem', cell: (e) => e.column ?? DASH },
  { header: 'Value', className: 'mono wrap', width: '9.5rem', cell: (e) => e.value ?? DASH },
  { header: 'Problem', cell: (e) => e.reason },
];

function Problems({ report, jobId }: { report: ImportReport; jobId: string }) {
  const [error, setError] = useState<string | null>(null);
  const sorted = useMemo(
    () => [...report.errors].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line),
    [report.errors],
  );
  const download = async () => {
    setError(null);
    try {
      await saveFile(await call('import:errorReport', { jobId }));
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
      <DataTable
        caption="Problems found, by file and line"
        className="problems-table"
        scrollClassName="problems-scroll"
        virtual
        rows={sorted}
        rowKey={(_, i) => i}
        columns={PROBLEM_COLUMNS}
        empty="No problems were found."
      />
    </section>
  );
}

export function ImportReportView({ report, jobId }: { report: ImportReport; jobId: string }) {
  return (
    <>
      <Counts report={report} />
      {report.errorCount > 0 && <Problems report={report} jobId={jobId} />}
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

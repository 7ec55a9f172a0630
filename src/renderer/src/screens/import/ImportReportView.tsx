// What a preview found (or a commit did): rows read, records new / updated / unchanged,
// transactions new and already in Recoup, and every problem with its file, line and column.
import { useMemo, useState } from 'react';
import type {
  ImportChange,
  ImportHeld,
  ImportKept,
  ImportLineError,
  ImportReport,
} from '../../../../shared/schemas/import';
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

/** A stored value as the clerk reads it: an empty text is "(blank)", a flag is Yes or No. */
export function valueShown(field: string, value: string | null) {
  if (value === null || value === '') return <span className="muted">(blank)</span>;
  if (FLAGS.has(field)) return value === '1' ? 'Yes' : 'No';
  return value;
}
const FLAGS = new Set([
  'deceased',
  'bankruptcy',
  'do_not_call',
  'do_not_mail',
  'do_not_email',
  'is_employee',
  'last_illness',
]);
export const fieldLabel = (field: string) =>
  field
    .replace(/_cents$/, '')
    .replace(/_/g, ' ')
    .replace(/(\D)(\d)$/, '$1 $2');
const record = (r: { record: string; key: string }) => `${r.record === 'guarantor' ? 'Guarantor' : 'Account'} ${r.key}`;
const where = (r: { file: string; line: number }) => `${r.file}, line ${r.line}`;

const CHANGE_COLUMNS: Column<ImportChange>[] = [
  { header: 'Record', className: 'mono', width: '11rem', cell: record },
  { header: 'Field', width: '11rem', cell: (c) => fieldLabel(c.field) },
  { header: 'Was', className: 'wrap', cell: (c) => valueShown(c.field, c.from) },
  { header: 'Now', className: 'wrap', cell: (c) => valueShown(c.field, c.to) },
  { header: 'From', className: 'mono', width: '13rem', cell: where },
];

const KEPT_COLUMNS: Column<ImportKept>[] = [
  { header: 'Record', className: 'mono', width: '11rem', cell: record },
  { header: 'Field', width: '11rem', cell: (k) => fieldLabel(k.field) },
  { header: 'Recoup keeps', className: 'wrap', cell: (k) => valueShown(k.field, k.kept) },
  { header: 'The extract says', className: 'wrap', cell: (k) => valueShown(k.field, k.extract) },
  { header: 'Why', className: 'wrap', cell: (k) => k.reason },
];

const HELD_COLUMNS: Column<ImportHeld>[] = [
  { header: 'Record', className: 'mono', width: '11rem', cell: record },
  { header: 'Field', width: '11rem', cell: (h) => fieldLabel(h.field) },
  { header: 'Recoup has', className: 'wrap', cell: (h) => valueShown(h.field, h.from) },
  { header: 'The extract says', className: 'wrap', cell: (h) => valueShown(h.field, h.to) },
  { header: 'From', className: 'mono', width: '13rem', cell: where },
];

function Listed<T>({
  id,
  title,
  lead,
  rows,
  count,
  columns,
}: {
  id: string;
  title: string;
  lead: string;
  rows: T[];
  count: number;
  columns: Column<T>[];
}) {
  if (count === 0) return null;
  return (
    <section className="import-changes" aria-labelledby={id}>
      <h3 id={id}>
        {title} ({n(count)})
      </h3>
      <p className="note">{lead}</p>
      {count > rows.length && (
        <p className="note" role="note">
          The first {n(rows.length)} of {n(count)} are listed.
        </p>
      )}
      <DataTable
        caption={title}
        className="changes-table"
        scrollClassName="problems-scroll"
        virtual
        rows={rows}
        rowKey={(_, i) => i}
        columns={columns}
        empty="Nothing."
      />
    </section>
  );
}

export function ImportReportView({ report, jobId }: { report: ImportReport; jobId: string }) {
  const preview = report.mode === 'preview' && !report.committed;
  return (
    <>
      <Counts report={report} />
      {report.errorCount > 0 && <Problems report={report} jobId={jobId} />}
      {report.errorCount === 0 && (
        <>
          <Listed
            id="import-changed"
            title={preview ? 'What the import will change' : 'What the import changed'}
            lead="Guarantors and accounts already in Recoup, field by field. An empty cell in the extract changes nothing."
            rows={report.changes}
            count={report.changeCount}
            columns={CHANGE_COLUMNS}
          />
          <Listed
            id="import-held"
            title="Held for a supervisor"
            lead="A new name or date of birth for a guarantor Recoup has, or a legal or contact flag lifted: not applied by the import. A supervisor approves or rejects each on the Import screen."
            rows={report.held}
            count={report.heldCount}
            columns={HELD_COLUMNS}
          />
          <Listed
            id="import-kept"
            title="What Recoup kept"
            lead="The extract said otherwise, but the fact is Recoup’s own or newer (see the import format’s “Who owns each fact”). Take these up with the billing office if the extract is right."
            rows={report.kept}
            count={report.keptCount}
            columns={KEPT_COLUMNS}
          />
        </>
      )}
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

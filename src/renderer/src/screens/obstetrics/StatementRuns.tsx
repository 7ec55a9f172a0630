// The monthly OB statements (issue 17): the preview for a statement date (who is due one, who is
// left out and why), the run (one PDF of them all, each in the patient's language), and the past
// runs with their PDF. OB statements are requests to pay before delivery; they never start the
// 501(r) clock and never touch an account.
import { useState } from 'react';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { formatInstant } from '../../format';
import { invalidateAfter, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useOpenFile } from '../../storedDocument';
import { Notice } from '../agencies/common';
import { DASH, obCaseHref } from './common';

/** Runs the month's OB statements for a date and shows the PDF; used here and on the Statements screen. */
export function useObStatementRun(onNotice: (m: string) => void) {
  const [file, setFile] = useState<FileHandle | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (statementDate: string, count: number) => {
    setRunning(true);
    setError(null);
    try {
      const made = await call('ob:statementRun', { statementDate });
      await invalidateAfter('ob:statementRun');
      onNotice(
        `${count === 1 ? 'One OB statement' : `${count} OB statements`} made for ${formatLongDate(statementDate)}.`,
      );
      setFile(made);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };
  const viewer = file ? <PdfViewer file={file} onClose={() => setFile(null)} /> : null;
  return { run, running, error, viewer };
}

export function ObStatementRuns() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const preview = useChannelQuery(
    'ob:statementRunPreview',
    { statementDate: valid ? date : today },
    { enabled: valid },
  );
  const runs = useChannelQuery('ob:statementRuns', {});
  const runner = useObStatementRun(setNotice);
  const [file, setFile] = useState<FileHandle | null>(null);
  const pdf = useOpenFile((runId) => call('ob:statementRunPdf', { runId }), setFile);
  const p = preview.value;
  return (
    <>
      <div className="section-head">
        <h2 id="ob-statements">Monthly OB statements</h2>
      </div>
      <p className="muted">
        Once a month each patient paying before delivery gets a statement of her schedule: what she has paid, what is
        next due and when. A patient gets at most one a month.
      </p>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <div className="payroll-filters">
        <div className="field">
          <label htmlFor="ob-run-date">Statement date</label>
          <input id="ob-run-date" type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
        </div>
        <button
          type="button"
          className="primary"
          disabled={!p || p.due.length === 0 || runner.running}
          onClick={() => p && void runner.run(p.statementDate, p.due.length)}
        >
          {runner.running
            ? 'Making the statements…'
            : p && p.due.length > 0
              ? `Make ${p.due.length === 1 ? 'the OB statement' : `${p.due.length} OB statements`}`
              : 'Make the OB statements'}
        </button>
      </div>
      <FormAlert message={preview.error ?? runner.error ?? pdf.error ?? runs.error} />
      {p && (
        <>
          <DataTable
            caption={`Due an OB statement on ${formatLongDate(p.statementDate)}`}
            showCaption
            rows={p.due}
            rowKey={(d) => d.caseId}
            stale={preview.loading}
            empty="No one is due an OB statement."
            columns={[
              {
                header: 'Case',
                className: 'mono nowrap',
                rowHeader: true,
                cell: (d) => <a href={obCaseHref(d.caseId)}>{d.reference}</a>,
              },
              { header: 'Patient', cell: (d) => d.guarantorName },
              {
                header: 'Next due',
                className: 'nowrap',
                cell: (d) =>
                  d.nextDue ? `${formatCents(d.nextDue.cents)} on ${formatShortDate(d.nextDue.dueDate)}` : DASH,
              },
              {
                header: 'Past due',
                className: 'num',
                cell: (d) => (d.pastDueCents > 0 ? formatCents(d.pastDueCents) : DASH),
              },
            ]}
          />
          {p.left.length > 0 && (
            <DataTable
              caption="Left out, and why"
              showCaption
              rows={p.left}
              rowKey={(d) => d.caseId}
              empty=""
              columns={[
                {
                  header: 'Case',
                  className: 'mono nowrap',
                  rowHeader: true,
                  cell: (d) => <a href={obCaseHref(d.caseId)}>{d.reference}</a>,
                },
                { header: 'Patient', cell: (d) => d.guarantorName },
                { header: 'Why', cell: (d) => d.reason },
              ]}
            />
          )}
        </>
      )}
      <h3>Past runs</h3>
      {runs.value && (
        <DataTable
          caption="Past OB statement runs"
          rows={runs.value}
          rowKey={(r) => r.id}
          empty="No OB statement run yet."
          columns={[
            { header: 'Statement date', rowHeader: true, cell: (r) => formatShortDate(r.statementDate) },
            { header: 'Statements', className: 'num', cell: (r) => `${r.count}` },
            { header: 'Made', className: 'nowrap', cell: (r) => formatInstant(r.createdAt) },
            {
              header: 'PDF',
              headerHidden: true,
              className: 'row-actions',
              cell: (r) => (
                <button
                  type="button"
                  className="small"
                  disabled={pdf.opening === r.id}
                  aria-label={`Open the PDF of the OB statements of ${formatLongDate(r.statementDate)}`}
                  onClick={() => void pdf.open(r.id)}
                >
                  {pdf.opening === r.id ? 'Opening…' : 'Open the PDF'}
                </button>
              ),
            },
          ]}
        />
      )}
      {runner.viewer}
      {file && <PdfViewer file={file} onClose={() => setFile(null)} />}
    </>
  );
}

/** After a statement run on the Statements screen: the month's OB statements, offered with one button. */
export function ObStatementsOffer() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const preview = useChannelQuery('ob:statementRunPreview', { statementDate: today }, { enabled: today !== '' });
  const runner = useObStatementRun(setNotice);
  const due = preview.value?.due.length ?? 0;
  if (!preview.value && !notice) return null;
  if (due === 0 && !notice) return null;
  return (
    <div className="ob-offer" role="region" aria-label="Monthly OB statements">
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {due > 0 && (
        <p>
          Monthly OB statements: {due} due.{' '}
          <button
            type="button"
            className="primary"
            disabled={runner.running}
            onClick={() => void runner.run(today, due)}
          >
            {runner.running
              ? 'Making the OB statements…'
              : `Make the ${due === 1 ? 'OB statement' : `${due} OB statements`}`}
          </button>
        </p>
      )}
      <FormAlert message={runner.error ?? preview.error} />
      {runner.viewer}
    </div>
  );
}

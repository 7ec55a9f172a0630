// The day's statement run (ST-03): who is due today (final notices among them, and the money), who
// is held and why, who is skipped; then the run itself with its progress and a Cancel, the batch
// opened in the viewer and its summary. A second run the same day is told that nothing is due.
// Past runs are listed, and any run's batch prints again from what was recorded.
import { useId, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/contract';
import { formatLongDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import { HOLD_REASON_LABELS, type HoldReason } from '../../../../shared/rules/statementCycle';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { DataTable } from '../../components/DataTable';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useProgress } from '../../progress';
import { useOpenFile } from '../../storedDocument';
import { PLACES } from '../../routes';

interface RunSummary {
  count: number;
  finalNotices: number;
  amountCents: number;
  file: FileHandle;
}

function RunProgress({
  progress,
  onCancel,
  label = 'Statement run',
}: {
  progress: ProgressEvent | null;
  onCancel: () => void;
  label?: string;
}) {
  const id = useId();
  const p = progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.floor((p.count / p.total) * 100)) : 0;
  return (
    <div className="run-progress" role="group" aria-label={label}>
      <div className="progress-row">
        <label htmlFor={id}>{p ? `Statements — ${p.phase}` : 'Statements: starting…'}</label>
        <progress id={id} max={100} value={percent} />
        <span className="progress-figure">{percent}%</span>
      </div>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function PastRuns({ onOpen }: { onOpen: (file: FileHandle) => void }) {
  const runs = useChannelQuery('statements:runs', {});
  const [jobId, setJobId] = useState<string | null>(null);
  const {
    opening: printing,
    error,
    open: again,
  } = useOpenFile((runId) => {
    const id = crypto.randomUUID();
    setJobId(id);
    return call('statements:runPdf', { runId, jobId: id });
  }, onOpen);
  const progress = useProgress(printing !== null ? jobId : null);
  const cancel = () => {
    if (jobId) call('jobs:cancel', { jobId }).catch(() => undefined);
  };
  return (
    <>
      <h2>Past runs</h2>
      <FormAlert message={runs.error ?? error} />
      {printing !== null && <RunProgress progress={progress} onCancel={cancel} label="Printing the run again" />}
      {runs.value && (
        <DataTable
          caption="Past runs"
          rows={runs.value}
          rowKey={(r) => r.id}
          empty="No statements have been run yet."
          columns={[
            { header: 'Date', className: 'nowrap', cell: (r) => formatLongDate(r.runDate) },
            { header: 'Statements', className: 'num', cell: (r) => r.statements.toLocaleString('en-US') },
            { header: 'Final notices', className: 'num', cell: (r) => r.finalNotices.toLocaleString('en-US') },
            { header: 'Amount', className: 'num', cell: (r) => formatCents(r.amountCents) },
            { header: 'Run by', cell: (r) => r.by ?? <span className="muted">—</span> },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (r) => (
                <button
                  type="button"
                  className="small"
                  disabled={printing !== null}
                  aria-label={`Print the run of ${formatLongDate(r.runDate)} again`}
                  onClick={() => void again(r.id)}
                >
                  {printing === r.id ? 'Preparing…' : 'Print again'}
                </button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

export function Statements() {
  const due = useChannelQuery('statements:due', {});
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [viewing, setViewing] = useState<FileHandle | null>(null);
  const progress = useProgress(running ? jobId : null);
  const runStatements = useChannelMutation('statements:run');

  const run = async () => {
    const id = crypto.randomUUID();
    setJobId(id);
    setRunning(true);
    setError(null);
    setSummary(null);
    try {
      const result = await runStatements.mutateAsync({ jobId: id });
      setSummary(result);
      setViewing(result.file);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  const cancel = () => {
    if (!jobId) return;
    call('jobs:cancel', { jobId }).catch((e: unknown) => setError(messageOf(e)));
  };

  const value = due.value;
  return (
    <section className="statements">
      <div className="page-head">
        <h1>Statements</h1>
        <div className="page-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void run()}
            disabled={running || !value || value.dueCount === 0}
          >
            Run today’s statements
          </button>
        </div>
      </div>
      <FormAlert message={due.error ?? error} />
      {running && <RunProgress progress={progress} onCancel={cancel} />}
      {summary && (
        <div className="run-summary" role="status" aria-label="Run summary">
          <p>
            {plural(summary.count, 'statement', 'statements')} printed,{' '}
            {plural(summary.finalNotices, 'final notice', 'final notices')} among them, for{' '}
            {formatCents(summary.amountCents)} in all.
          </p>
          <button type="button" onClick={() => setViewing(summary.file)}>
            Open the batch
          </button>
        </div>
      )}
      {value && (
        <div className={due.loading ? 'stale' : undefined} aria-busy={due.loading}>
          <h2>Due {formatLongDate(value.runDate)}</h2>
          <ul className="import-counts" aria-label="Due today">
            <li>
              <strong>{value.dueCount.toLocaleString('en-US')}</strong>{' '}
              {value.dueCount === 1 ? 'statement' : 'statements'} due
            </li>
            <li>
              <strong>{value.finalNotices.toLocaleString('en-US')}</strong>{' '}
              {value.finalNotices === 1 ? 'final notice' : 'final notices'} among them
            </li>
            <li>
              <strong>{formatCents(value.dueCents)}</strong> due in all
            </li>
          </ul>
          <h2>Skipped</h2>
          <ul className="import-counts" aria-label="Skipped">
            <li>
              <strong>{value.held.filter((h) => !h.accountsOnly).length.toLocaleString('en-US')}</strong> held
            </li>
            <li>
              <strong>{value.skipped.belowMinimum.toLocaleString('en-US')}</strong> below the minimum balance
            </li>
            <li>
              <strong>{value.skipped.notYet.toLocaleString('en-US')}</strong> not due yet
            </li>
            <li>
              <strong>{value.skipped.cycleComplete.toLocaleString('en-US')}</strong> with the cycle complete
            </li>
          </ul>
          {value.held.length > 0 && (
            <DataTable
              caption="Holds: a guarantor held gets no statement; an account held is left off its guarantor’s statement"
              showCaption
              rows={value.held}
              rowKey={(h) => h.guarantorId}
              empty="No guarantor is held."
              columns={[
                {
                  header: 'Guarantor',
                  rowHeader: true,
                  cell: (h) => <a href={`#${PLACES.account.path}/${h.guarantorId}`}>{h.name}</a>,
                },
                { header: 'Held', cell: (h) => (h.accountsOnly ? 'Some accounts' : 'All accounts') },
                {
                  header: 'Why',
                  cell: (h) => h.holds.map((r) => HOLD_REASON_LABELS[r as HoldReason] ?? r).join('; '),
                },
              ]}
            />
          )}
        </div>
      )}
      <PastRuns onOpen={setViewing} />
      {viewing && <PdfViewer file={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}

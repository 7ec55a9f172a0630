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
import type { FileOut } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { useChannel } from '../../components/useChannel';
import { useProgress } from '../../progress';
import { useOpenFile } from '../../storedDocument';
import { PLACES } from '../../routes';

interface RunSummary {
  count: number;
  finalNotices: number;
  amountCents: number;
  file: FileOut;
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

function PastRuns({ onOpen }: { onOpen: (file: FileOut) => void }) {
  const runs = useChannel('statements:runs', {});
  const [taskId, setTaskId] = useState<string | null>(null);
  const {
    opening: printing,
    error,
    open: again,
  } = useOpenFile((runId) => {
    const id = crypto.randomUUID();
    setTaskId(id);
    return call('statements:runPdf', { runId, taskId: id });
  }, onOpen);
  const progress = useProgress(printing !== null ? taskId : null);
  const cancel = () => {
    if (taskId) call('task:cancel', { taskId }).catch(() => undefined);
  };
  const list = runs.value ?? [];
  return (
    <>
      <h2>Past runs</h2>
      <FormAlert message={runs.error ?? error} />
      {printing !== null && <RunProgress progress={progress} onCancel={cancel} label="Printing the run again" />}
      {runs.value && list.length === 0 && <p className="muted">No statements have been run yet.</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Past runs">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Statements
                </th>
                <th scope="col" className="num">
                  Final notices
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Run by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatLongDate(r.runDate)}</td>
                  <td className="num">{r.statements.toLocaleString('en-US')}</td>
                  <td className="num">{r.finalNotices.toLocaleString('en-US')}</td>
                  <td className="num">{formatCents(r.amountCents)}</td>
                  <td>{r.by ?? <span className="muted">—</span>}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      disabled={printing !== null}
                      aria-label={`Print the run of ${formatLongDate(r.runDate)} again`}
                      onClick={() => void again(r.id)}
                    >
                      {printing === r.id ? 'Preparing…' : 'Print again'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function Statements() {
  const due = useChannel('statements:due', {});
  const [taskId, setTaskId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [viewing, setViewing] = useState<FileOut | null>(null);
  const progress = useProgress(running ? taskId : null);
  const [runsShown, setRunsShown] = useState(0);

  const run = async () => {
    const id = crypto.randomUUID();
    setTaskId(id);
    setRunning(true);
    setError(null);
    setSummary(null);
    try {
      const result = await call('statements:run', { taskId: id });
      setSummary(result);
      setViewing(result.file);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
      due.reload();
      setRunsShown((n) => n + 1);
    }
  };

  const cancel = () => {
    if (!taskId) return;
    call('task:cancel', { taskId }).catch((e: unknown) => setError(messageOf(e)));
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
            <div className="table-scroll">
              <table className="table">
                <caption>
                  Holds: a guarantor held gets no statement; an account held is left off its guarantor&rsquo;s statement
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Guarantor</th>
                    <th scope="col">Held</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {value.held.map((h) => (
                    <tr key={h.guarantorId}>
                      <th scope="row">
                        <a href={`#${PLACES.account.path}/${h.guarantorId}`}>{h.name}</a>
                      </th>
                      <td>{h.accountsOnly ? 'Some accounts' : 'All accounts'}</td>
                      <td>{h.holds.map((r) => HOLD_REASON_LABELS[r as HoldReason] ?? r).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <PastRuns key={runsShown} onOpen={setViewing} />
      {viewing && <PdfViewer file={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}

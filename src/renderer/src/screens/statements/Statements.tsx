// The day's statement run (ST-03): who is due today (final notices among them, and the money), who
// is held and why, who is skipped. A clerk prepares the run (nothing is sent): its proof shows the
// counts by kind, the money, the accounts held and why, and a sample of pages; a supervisor
// releases it (issue 11 item 7), with its progress and a Cancel, and the batch opens in the viewer.
// A prepared run that something has changed under is stale: prepare it again. A second run the
// same day is told that nothing is due. Past runs are listed, and any run's batch prints again.
import { useId, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/contract';
import { formatLongDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import {
  HOLD_REASON_LABELS,
  heldByReason,
  heldListNote,
  type HoldReason,
} from '../../../../shared/rules/statementCycle';
import { roleAtLeast } from '../../../../shared/roles';
import type { FileHandle } from '../../../../shared/schemas/files';
import { releaseRunForm } from '../../../../shared/schemas/statementInputs';
import type { PreparedRunView } from '../../../../shared/schemas/statements';
import { call, messageOf } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useSchemaForm } from '../../forms';
import { useWorkspace } from '../../session';
import { PdfViewer } from '../../components/PdfViewer';
import { DataTable } from '../../components/DataTable';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useProgress } from '../../progress';
import { useOpenFile } from '../../storedDocument';
import { PLACES } from '../../routes';
import { ObStatementsOffer } from '../obstetrics/StatementRuns';

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
            { header: 'Prepared by', cell: (r) => r.by ?? <span className="muted">—</span> },
            { header: 'Released by', cell: (r) => r.releasedBy ?? <span className="muted">—</span> },
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

/** The release: a supervisor's session, or their user name and password typed here by the clerk. */
function ReleaseRunDialog({
  run,
  onClose,
  onReleased,
}: {
  run: PreparedRunView;
  onClose: () => void;
  onReleased: (summary: RunSummary) => void;
}) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const needsApproval = !roleAtLeast(role, 'supervisor');
  const form = useSchemaForm(releaseRunForm(needsApproval), { approval: { username: '', password: '' } });
  const release = useChannelMutation('statements:release');
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useProgress(jobId);
  const cancel = () => {
    if (jobId) call('jobs:cancel', { jobId }).catch(() => undefined);
  };
  return (
    <DialogForm
      title="Release the statement run"
      form={form}
      fields={['approval.username', 'approval.password']}
      aliases={{ approval: 'approval.username' }}
      submitLabel="Release and print"
      onClose={onClose}
      onSubmit={async ({ approval }) => {
        const id = crypto.randomUUID();
        setJobId(id);
        try {
          onReleased(await release.mutateAsync({ runId: run.runId, jobId: id, ...(approval ? { approval } : {}) }));
        } finally {
          setJobId(null);
        }
      }}
    >
      <p>
        {plural(run.statements, 'statement', 'statements')} ({plural(run.finalNotices, 'final notice', 'final notices')}
        ) for {formatCents(run.amountCents)} will be recorded as sent and printed as one batch. The 501(r) dates are
        written now.
      </p>
      {needsApproval && (
        <SupervisorApprovalFields note="Only a supervisor releases a statement run: they type their own user name and password here after reading the proof." />
      )}
      {jobId && <RunProgress progress={progress} onCancel={cancel} label="Releasing the run" />}
    </DialogForm>
  );
}

/** The run prepared and waiting: its proof, and Release, Open the proof, Discard. */
function RunProof({
  run,
  onOpen,
  onReleased,
}: {
  run: PreparedRunView;
  onOpen: (file: FileHandle) => void;
  onReleased: (summary: RunSummary) => void;
}) {
  const [releasing, setReleasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const discard = useChannelMutation('statements:discard');
  const {
    opening,
    error: proofError,
    open,
  } = useOpenFile((runId: number) => call('statements:proof', { runId }), onOpen);
  return (
    <section className="run-proof" aria-labelledby="run-proof-heading">
      <h2 id="run-proof-heading">Prepared run: proof (not sent)</h2>
      <p>
        Prepared by {run.preparedBy ?? 'unknown'} for {formatLongDate(run.runDate)}. Nothing is recorded as sent until a
        supervisor releases it.
      </p>
      {run.stale && (
        <p className="form-alert" role="alert">
          Something that decides the statements has changed since this run was prepared (a payment, a hold, an address,
          a plan, or the day). Prepare the run again and check its proof.
        </p>
      )}
      <FormAlert message={error ?? proofError} />
      <ul className="import-counts" aria-label="Proof">
        <li>
          <strong>{run.statements.toLocaleString('en-US')}</strong> {run.statements === 1 ? 'statement' : 'statements'}
        </li>
        <li>
          <strong>{run.regular.toLocaleString('en-US')}</strong> regular
        </li>
        <li>
          <strong>{run.finalNotices.toLocaleString('en-US')}</strong>{' '}
          {run.finalNotices === 1 ? 'final notice' : 'final notices'}
        </li>
        <li>
          <strong>{run.planStatements.toLocaleString('en-US')}</strong> asking for a plan’s payment
        </li>
        <li>
          <strong>{run.withCredits.toLocaleString('en-US')}</strong> with a credit to refund
        </li>
        <li>
          <strong>{formatCents(run.amountCents)}</strong> due in all
        </li>
        <li>
          <strong>{(run.heldCount.guarantors + run.heldCount.accountsOnly).toLocaleString('en-US')}</strong> held
        </li>
      </ul>
      <div className="actions">
        <button type="button" disabled={opening !== null} onClick={() => void open(run.runId)}>
          {opening !== null ? 'Preparing…' : 'Open the proof'}
        </button>
        <button type="button" className="primary" disabled={run.stale} onClick={() => setReleasing(true)}>
          Release…
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setError(null);
            discard.mutateAsync({ runId: run.runId }).catch((e: unknown) => setError(messageOf(e)));
          }}
        >
          Discard
        </button>
      </div>
      {releasing && (
        <ReleaseRunDialog
          run={run}
          onClose={() => setReleasing(false)}
          onReleased={(summary) => {
            setReleasing(false);
            onReleased(summary);
          }}
        />
      )}
    </section>
  );
}

export function Statements() {
  const heldByReasonId = useId();
  const due = useChannelQuery('statements:due', {});
  const prepared = useChannelQuery('statements:prepared', {});
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [viewing, setViewing] = useState<FileHandle | null>(null);
  const progress = useProgress(running ? jobId : null);
  const prepareRun = useChannelMutation('statements:prepare');

  const prepare = async () => {
    const id = crypto.randomUUID();
    setJobId(id);
    setRunning(true);
    setError(null);
    setSummary(null);
    try {
      await prepareRun.mutateAsync({ jobId: id });
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
  const run = prepared.value ?? null;
  return (
    <section className="statements">
      <div className="page-head">
        <h1>Statements</h1>
        <div className="page-actions">
          <button
            type="button"
            className={run && !run.stale ? undefined : 'primary'}
            onClick={() => void prepare()}
            disabled={running || !value || value.dueCount === 0}
          >
            {run ? 'Prepare today’s run again' : 'Prepare today’s run'}
          </button>
        </div>
      </div>
      <FormAlert message={due.error ?? prepared.error ?? error} />
      {running && <RunProgress progress={progress} onCancel={cancel} label="Preparing the run" />}
      {run && (
        <RunProof
          run={run}
          onOpen={setViewing}
          onReleased={(s) => {
            setSummary(s);
            setViewing(s.file);
          }}
        />
      )}
      {summary && (
        <div className="run-summary" role="status" aria-label="Run summary">
          <p>
            {plural(summary.count, 'statement', 'statements')} released and printed,{' '}
            {plural(summary.finalNotices, 'final notice', 'final notices')} among them, for{' '}
            {formatCents(summary.amountCents)} in all.
          </p>
          <button type="button" onClick={() => setViewing(summary.file)}>
            Open the batch
          </button>
        </div>
      )}
      {summary && <ObStatementsOffer />}
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
              <strong>{value.heldCount.guarantors.toLocaleString('en-US')}</strong> held
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
            <li>
              <strong>{(value.skipped.creditOrZero ?? 0).toLocaleString('en-US')}</strong> owing nothing (in credit or
              at zero)
            </li>
          </ul>
          {value.heldCount.guarantors > 0 && (
            <>
              <h3 id={heldByReasonId}>Held (no statement), by reason</h3>
              <ul className="import-counts" aria-labelledby={heldByReasonId}>
                {heldByReason(value.heldCount.byReason).map(([reason, count]) => (
                  <li key={reason}>
                    <strong>{count.toLocaleString('en-US')}</strong>{' '}
                    {HOLD_REASON_LABELS[reason as HoldReason] ?? reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {value.held.length > 0 && (
            <DataTable
              caption={`Holds: a guarantor held gets no statement; an account held is left off its guarantor’s statement${heldListNote(value.held.length, value.heldCount)}`}
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

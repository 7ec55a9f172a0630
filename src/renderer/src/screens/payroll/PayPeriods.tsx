// Each pay period (issue 16, semantics 5): a date and a method previewed (what each arrangement
// expects, and who is left out and why), the run created and its file downloaded for payroll (or
// the bank); a run opened: payroll's confirmation uploaded, checked and posted all or nothing; a
// bank run settled with the debits the bank returned; an open line (short, missed, returned)
// resolved with a note.
import { useId, useState } from 'react';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import {
  AMOUNT_FORMATS,
  ARRANGEMENT_METHOD_LABELS,
  CONFIRMATION_FIELD_LABELS,
  CONFIRMATION_FIELDS,
  PAYROLL_DATE_FORMATS,
  type ArrangementMethod,
  type ConfirmationField,
  type ConfirmationMapping,
  type ConfirmationPreview,
  type RunDetail,
  type RunLineView,
  type RunPreview,
} from '../../../../shared/schemas/payroll';
import { resolveLineForm } from '../../../../shared/schemas/payrollForms';
import { achReturnLabel, AUTHORIZATION_ENDING_RETURNS } from '../../../../shared/rules/achReturns';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, FormNotice, TextAreaField } from '../../components/Field';
import { saveFile } from '../../files';
import { formatInstant } from '../../format';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH, FileChooser, OutcomeBadge, plural, saveNamedMapping } from './common';
import { DeductionLayoutDialog } from './DeductionLayout';

export function PayPeriods() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const ids = { method: useId(), date: useId(), profile: useId() };
  const [method, setMethod] = useState<ArrangementMethod>('payroll');
  const [runDate, setRunDate] = useState(today);
  const [profileId, setProfileId] = useState('');
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openRun, setOpenRun] = useState<number | null>(null);
  const [layout, setLayout] = useState(false);
  const runs = useChannelQuery('payroll:runs', { method: 'all' });
  const profiles = useChannelQuery('payroll:profiles', { kind: 'deductions' });
  const create = useChannelMutation('payroll:createRun');

  const look = async () => {
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      setPreview(await call('payroll:runPreview', { method, runDate }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 id="payroll-periods">Pay periods</h2>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <section className="ws-section" aria-labelledby="new-run">
        <h3 id="new-run">A pay date&apos;s file</h3>
        <div className="payroll-filters">
          <div className="field">
            <label htmlFor={ids.method}>For</label>
            <select
              id={ids.method}
              value={method}
              onChange={(e) => {
                setMethod(e.target.value as ArrangementMethod);
                setPreview(null);
              }}
            >
              <option value="payroll">Payroll (deductions from pay)</option>
              <option value="bank">The bank (automatic transfers)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.date}>{method === 'payroll' ? 'Pay date' : 'Debit date'}</label>
            <input
              id={ids.date}
              type="date"
              value={runDate}
              onChange={(e) => {
                setRunDate(e.target.value);
                setPreview(null);
              }}
            />
          </div>
          <button type="button" className="primary" disabled={busy || !runDate} onClick={() => void look()}>
            {busy ? 'Looking…' : 'Show what this date takes'}
          </button>
          {method === 'payroll' && (
            <button type="button" onClick={() => setLayout(true)}>
              Payroll&apos;s layout…
            </button>
          )}
        </div>
        <FormAlert message={error} />
        {preview && (
          <div className="payroll-step">
            <p>
              {formatLongDate(preview.runDate)}: {plural(preview.lines.length, 'arrangement', 'arrangements')},{' '}
              {formatCents(preview.expectedCents)} expected.
            </p>
            <DataTable
              caption={`What ${formatShortDate(preview.runDate)} takes`}
              showCaption
              rows={preview.lines}
              rowKey={(l) => l.arrangementId}
              empty="No arrangement takes anything on this date."
              columns={[
                { header: 'Reference', className: 'mono', rowHeader: true, cell: (l) => l.reference },
                { header: 'Guarantor', cell: (l) => l.guarantorName },
                { header: 'Employee id', className: 'mono', cell: (l) => l.employeeNumber ?? DASH },
                { header: 'Owed', className: 'num', cell: (l) => formatCents(l.owedCents) },
                { header: 'Expected', className: 'num', cell: (l) => formatCents(l.expectedCents) },
              ]}
            />
            {preview.leftOut.length > 0 && (
              <>
                <h4>Left out of this date</h4>
                <ul>
                  {preview.leftOut.map((l) => (
                    <li key={l.arrangementId}>
                      <span className="mono">{l.reference}</span> {l.guarantorName}: {l.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {preview.existingRunId !== null ? (
              <p>
                This date&apos;s file was already made.{' '}
                <button type="button" className="small" onClick={() => setOpenRun(preview.existingRunId)}>
                  Open it…
                </button>
              </p>
            ) : preview.lines.length > 0 && today && preview.runDate < today ? (
              <p className="run-file-step">
                {formatLongDate(preview.runDate)} has passed: no file can be made for it now. A payroll deduction or
                bank transfer file is made for a date from today on; the table shows what this date would have taken.
              </p>
            ) : (
              preview.lines.length > 0 && (
                <div className="payroll-filters run-file-step">
                  {method === 'payroll' && (
                    <div className="field">
                      <label htmlFor={ids.profile}>File layout</label>
                      <select id={ids.profile} value={profileId} onChange={(e) => setProfileId(e.target.value)}>
                        <option value="">Recoup&apos;s layout (Employee ID, Employee Name, Pay Date, Amount…)</option>
                        {(profiles.value ?? []).map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  <button
                    type="button"
                    className="primary"
                    disabled={create.isPending}
                    onClick={async () => {
                      setError(null);
                      try {
                        const file = await create.mutateAsync({
                          method,
                          runDate,
                          ...(profileId ? { profileId: Number(profileId) } : {}),
                        });
                        setPreview(null);
                        setNotice(
                          `${file.fileName} made: send it to ${method === 'payroll' ? 'payroll' : 'the bank'}.`,
                        );
                        await saveFile(file);
                      } catch (e) {
                        setError(messageOf(e));
                      }
                    }}
                  >
                    {create.isPending ? 'Making the file…' : 'Make the file and download it'}
                  </button>
                </div>
              )
            )}
          </div>
        )}
      </section>
      <section className="ws-section" aria-labelledby="runs-list">
        <h3 id="runs-list">Files sent</h3>
        <FormAlert message={runs.error} />
        {runs.value && (
          <DataTable
            caption="Files sent"
            rows={runs.value}
            rowKey={(r) => r.id}
            stale={runs.loading}
            empty="No file has been made yet."
            columns={[
              { header: 'Date', className: 'nowrap', rowHeader: true, cell: (r) => formatShortDate(r.runDate) },
              { header: 'For', cell: (r) => (r.method === 'payroll' ? 'Payroll' : 'Bank') },
              {
                header: 'Status',
                cell: (r) =>
                  r.status === 'reconciled' ? (
                    <span className="badge ok">Reconciled</span>
                  ) : (
                    <span className="badge warn">
                      {r.method === 'payroll' ? 'Awaiting payroll' : 'Awaiting the bank'}
                    </span>
                  ),
              },
              { header: 'Lines', className: 'num', cell: (r) => r.lines },
              { header: 'Expected', className: 'num', cell: (r) => formatCents(r.expectedCents) },
              {
                header: 'Deducted',
                className: 'num',
                cell: (r) => (r.deductedCents === null ? DASH : formatCents(r.deductedCents)),
              },
              {
                header: 'Open lines',
                className: 'num',
                cell: (r) => (r.open > 0 ? <span className="badge bad">{r.open}</span> : '0'),
              },
              {
                header: 'Open',
                headerHidden: true,
                className: 'row-actions',
                cell: (r) => (
                  <button
                    type="button"
                    className="small"
                    aria-label={`Open the ${r.method} file of ${formatShortDate(r.runDate)}`}
                    onClick={() => setOpenRun(r.id)}
                  >
                    Open…
                  </button>
                ),
              },
            ]}
          />
        )}
      </section>
      {openRun !== null && <RunDialog runId={openRun} onClose={() => setOpenRun(null)} />}
      {layout && <DeductionLayoutDialog onClose={() => setLayout(false)} />}
    </>
  );
}

const DEFAULT_CONFIRMATION: ConfirmationMapping = {
  columns: { employeeId: 'Employee ID', payDate: 'Pay Date', amountDeducted: 'Amount Deducted' },
  dateFormat: 'YYYY-MM-DD',
  amountFormat: 'dollars',
};

function RunLines({ run, onResolve }: { run: RunDetail; onResolve: (line: RunLineView) => void }) {
  return (
    <DataTable
      caption="The file's lines"
      showCaption
      rows={run.lineViews}
      rowKey={(l) => l.id}
      empty="No line."
      columns={[
        { header: 'Reference', className: 'mono', rowHeader: true, cell: (l) => l.reference },
        {
          header: 'Guarantor',
          cell: (l) => <a href={`#${PLACES.account.path}/${l.guarantorId}`}>{l.guarantorName}</a>,
        },
        { header: 'Expected', className: 'num', cell: (l) => formatCents(l.expectedCents) },
        {
          header: run.method === 'payroll' ? 'Deducted' : 'Collected',
          className: 'num',
          cell: (l) => (l.deductedCents === null ? DASH : formatCents(l.deductedCents)),
        },
        {
          header: 'Outcome',
          cell: (l) => (
            <>
              <OutcomeBadge outcome={l.outcome} />
              {l.returnCode && <span> {achReturnLabel(l.returnCode)}</span>}
            </>
          ),
        },
        {
          header: 'Resolved',
          className: 'prose-cell',
          cell: (l) =>
            l.resolvedOn ? (
              `${formatShortDate(l.resolvedOn)}${l.resolvedBy ? `, ${l.resolvedBy}` : ''}: ${l.resolutionNote ?? ''}`
            ) : l.outcome && l.outcome !== 'deducted' ? (
              <button
                type="button"
                className="small"
                aria-label={`Resolve ${l.reference}`}
                onClick={() => onResolve(l)}
              >
                Resolve…
              </button>
            ) : (
              DASH
            ),
        },
      ]}
    />
  );
}

export function RunDialog({ runId, onClose }: { runId: number; onClose: () => void }) {
  const run = useChannelQuery('payroll:run', { runId });
  const [resolving, setResolving] = useState<RunLineView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = run.value;
  if (resolving)
    return (
      <ResolveDialog
        line={resolving}
        onClose={() => setResolving(null)}
        onDone={(m) => {
          setResolving(null);
          setNotice(m);
        }}
      />
    );
  return (
    <Dialog
      title={r ? `${ARRANGEMENT_METHOD_LABELS[r.method]}s of ${formatLongDate(r.runDate)}` : 'Pay period'}
      onClose={onClose}
      wide
    >
      <FormAlert message={run.error ?? error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {!r && !run.error && <p role="status">Reading…</p>}
      {r && (
        <>
          <dl className="facts">
            <dt>File</dt>
            <dd>
              {r.fileName}{' '}
              <button
                type="button"
                className="small"
                onClick={async () => {
                  setError(null);
                  try {
                    await saveFile(await call('payroll:runFile', { runId: r.id }));
                  } catch (e) {
                    setError(messageOf(e));
                  }
                }}
              >
                Download it again
              </button>
            </dd>
            <dt>Made</dt>
            <dd>{formatInstant(r.createdAt)}</dd>
            <dt>Expected</dt>
            <dd>
              {formatCents(r.expectedCents)} on {plural(r.lines, 'line', 'lines')}
            </dd>
            {r.status === 'reconciled' && (
              <>
                <dt>{r.method === 'payroll' ? 'Deducted' : 'Collected'}</dt>
                <dd>
                  {formatCents(r.deductedCents ?? 0)}; posted to the ledger {formatCents(r.postedCents)}
                </dd>
                <dt>Reconciled</dt>
                <dd>
                  {r.reconciledAt ? formatInstant(r.reconciledAt) : DASH}
                  {r.reconciledBy ? ` by ${r.reconciledBy}` : ''}
                  {r.confirmationName ? ` from ${r.confirmationName}` : ''}
                </dd>
              </>
            )}
          </dl>
          <RunLines run={r} onResolve={setResolving} />
          {r.status === 'sent' && r.method === 'payroll' && <ConfirmationStep run={r} onDone={setNotice} />}
          {r.status === 'sent' && r.method === 'bank' && <SettleStep run={r} onDone={setNotice} />}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** Payroll's confirmation: uploaded, its columns named (or a saved profile), checked, then posted. */
function ConfirmationStep({ run, onDone }: { run: RunDetail; onDone: (m: string) => void }) {
  const ids = { profile: useId(), date: useId(), amount: useId(), name: useId() };
  const profiles = useChannelQuery('payroll:profiles', { kind: 'confirmation' });
  const saveProfile = useChannelMutation('payroll:saveProfile');
  const confirm = useChannelMutation('payroll:confirm');
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ConfirmationMapping>(DEFAULT_CONFIRMATION);
  const [profileName, setProfileName] = useState('');
  const [preview, setPreview] = useState<ConfirmationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (m: ConfirmationMapping) => {
    setMapping(m);
    setPreview(null);
  };
  const check = async () => {
    if (!uploadId) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('payroll:confirmPreview', { runId: run.id, uploadId, mapping }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ws-section" aria-labelledby="confirmation">
      <h3 id="confirmation">What payroll deducted</h3>
      <p>
        Upload payroll&apos;s confirmation (a CSV): each employee&apos;s id and the amount taken, and if payroll gives
        them, the hours worked and the gross pay (each is checked against the wage floor). Nothing posts until the file
        has no problem; a line the file does not mention is a missed deduction.
      </p>
      <FileChooser
        label="Payroll's confirmation (CSV)"
        onUploaded={(id) => {
          setUploadId(id);
          setPreview(null);
        }}
      />
      {profiles.value && profiles.value.length > 0 && (
        <div className="field">
          <label htmlFor={ids.profile}>Use a saved mapping</label>
          <select
            id={ids.profile}
            defaultValue=""
            onChange={(e) => {
              const p = profiles.value?.find((x) => String(x.id) === e.target.value);
              if (p && p.kind === 'confirmation') {
                change(p.mapping);
                setProfileName(p.name);
              }
            }}
          >
            <option value="">— the columns below —</option>
            {profiles.value.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-grid">
        {CONFIRMATION_FIELDS.map((f) => (
          <ColumnInput
            key={f}
            field={f}
            value={mapping.columns[f] ?? ''}
            onChange={(v) => {
              const columns = { ...mapping.columns };
              if (v.trim()) columns[f] = v;
              else delete columns[f];
              change({ ...mapping, columns });
            }}
          />
        ))}
        <div className="field span-3">
          <label htmlFor={ids.date}>Dates are written</label>
          <select
            id={ids.date}
            value={mapping.dateFormat}
            onChange={(e) => change({ ...mapping, dateFormat: e.target.value as ConfirmationMapping['dateFormat'] })}
          >
            {PAYROLL_DATE_FORMATS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-3">
          <label htmlFor={ids.amount}>Amounts are written</label>
          <select
            id={ids.amount}
            value={mapping.amountFormat}
            onChange={(e) =>
              change({ ...mapping, amountFormat: e.target.value as ConfirmationMapping['amountFormat'] })
            }
          >
            {AMOUNT_FORMATS.map((a) => (
              <option key={a} value={a}>
                {a === 'dollars' ? 'In dollars (12.50)' : 'In cents (1250)'}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-4">
          <label htmlFor={ids.name}>Save these columns as</label>
          <input id={ids.name} type="text" value={profileName} onChange={(e) => setProfileName(e.target.value)} />
        </div>
        <div className="field span-2 align-end">
          <button
            type="button"
            onClick={async () => {
              setError(null);
              try {
                const saved = await saveNamedMapping(saveProfile.mutateAsync, profiles.value, {
                  kind: 'confirmation',
                  name: profileName,
                  mapping,
                });
                setNotice(`Mapping saved as “${saved.name}”.`);
              } catch (e) {
                setError(messageOf(e));
              }
            }}
          >
            Save the mapping
          </button>
        </div>
      </div>
      <FormNotice message={notice} />
      <div className="actions start">
        <button type="button" className="primary" disabled={!uploadId || busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check the confirmation'}
        </button>
      </div>
      <FormAlert message={error} />
      {preview && (
        <div className="payroll-step">
          <p>
            {formatCents(preview.deductedCents)} deducted of {formatCents(preview.expectedCents)} expected
            {preview.missing.length > 0 &&
              `; ${plural(preview.missing.length, 'line', 'lines')} not in the file (missed)`}
            .
          </p>
          {preview.problems.length > 0 ? (
            <DataTable
              caption="Problems in the confirmation, by line and column (nothing posts)"
              showCaption
              rows={preview.problems}
              rowKey={(_, i) => i}
              empty=""
              columns={[
                { header: 'Line', className: 'num', rowHeader: true, cell: (p) => p.line },
                { header: 'Column', cell: (p) => p.column ?? DASH },
                { header: 'Value', className: 'wrap', cell: (p) => p.value ?? DASH },
                { header: 'Problem', className: 'prose-cell', cell: (p) => p.reason },
              ]}
            />
          ) : (
            <>
              <DataTable
                caption="What posts"
                showCaption
                rows={preview.lines}
                rowKey={(l) => l.lineId}
                empty="Nothing was deducted."
                columns={[
                  { header: 'Reference', className: 'mono', rowHeader: true, cell: (l) => l.reference },
                  { header: 'Guarantor', cell: (l) => l.guarantorName },
                  { header: 'Expected', className: 'num', cell: (l) => formatCents(l.expectedCents) },
                  { header: 'Deducted', className: 'num', cell: (l) => formatCents(l.deductedCents) },
                  { header: 'Outcome', cell: (l) => <OutcomeBadge outcome={l.outcome} /> },
                ]}
              />
              <div className="actions start">
                <button
                  type="button"
                  className="primary"
                  disabled={confirm.isPending || !uploadId}
                  onClick={async () => {
                    if (!uploadId) return;
                    setError(null);
                    try {
                      const done = await confirm.mutateAsync({ runId: run.id, uploadId, mapping });
                      onDone(
                        `Reconciled: ${formatCents(done.deductedCents ?? 0)} posted to the ledger; ${plural(done.open, 'line is', 'lines are')} open.`,
                      );
                    } catch (e) {
                      setError(messageOf(e));
                    }
                  }}
                >
                  {confirm.isPending ? 'Posting…' : `Post ${formatCents(preview.deductedCents)} and reconcile`}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ColumnInput({
  field,
  value,
  onChange,
}: {
  field: ConfirmationField;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const required = field === 'employeeId' || field === 'amountDeducted';
  return (
    <div className="field span-2">
      <label htmlFor={id}>
        {CONFIRMATION_FIELD_LABELS[field]} {required ? '(column)' : '(column, optional)'}
      </label>
      <input id={id} type="text" value={value} maxLength={120} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** A bank run settled: the day the bank's settlement came, and each returned debit's code. */
function SettleStep({ run, onDone }: { run: RunDetail; onDone: (m: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const dateId = useId();
  const settle = useChannelMutation('payroll:settle');
  const [settledOn, setSettledOn] = useState(today);
  const [codes, setCodes] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="ws-section" aria-labelledby="settle">
      <h3 id="settle">What the bank collected</h3>
      <p>
        Enter the return code the bank gave for each debit it returned (R01 insufficient funds, R02 account closed…);
        leave the others blank: they post as payments. {AUTHORIZATION_ENDING_RETURNS.join(', ')} end the arrangement
        (the authorization or the account is gone).
      </p>
      <div className="field">
        <label htmlFor={dateId}>Settled on</label>
        <input id={dateId} type="date" value={settledOn} max={today} onChange={(e) => setSettledOn(e.target.value)} />
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption>Returned debits</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Guarantor</th>
              <th scope="col" className="num">
                Debit
              </th>
              <th scope="col">Return code</th>
            </tr>
          </thead>
          <tbody>
            {run.lineViews.map((l) => (
              <tr key={l.id}>
                <th scope="row" className="mono">
                  {l.reference}
                </th>
                <td>{l.guarantorName}</td>
                <td className="num">{formatCents(l.expectedCents)}</td>
                <td>
                  <input
                    type="text"
                    className="return-code"
                    aria-label={`Return code for ${l.reference}`}
                    value={codes[l.id] ?? ''}
                    maxLength={3}
                    onChange={(e) => setCodes({ ...codes, [l.id]: e.target.value })}
                  />{' '}
                  {/^R\d{2}$/i.test((codes[l.id] ?? '').trim()) && (
                    <span className="muted">{achReturnLabel((codes[l.id] ?? '').trim().toUpperCase())}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert message={error} />
      <div className="actions start">
        <button
          type="button"
          className="primary"
          disabled={settle.isPending}
          onClick={async () => {
            setError(null);
            try {
              const returns = Object.entries(codes)
                .filter(([, c]) => c.trim() !== '')
                .map(([lineId, code]) => ({ lineId: Number(lineId), code }));
              const done = await settle.mutateAsync({ runId: run.id, settledOn, returns });
              onDone(
                `Settled: ${formatCents(done.deductedCents ?? 0)} posted as payments; ${plural(returns.length, 'debit', 'debits')} returned.`,
              );
            } catch (e) {
              setError(messageOf(e));
            }
          }}
        >
          {settle.isPending ? 'Posting…' : 'Post the settlement'}
        </button>
      </div>
    </section>
  );
}

function ResolveDialog({
  line,
  onClose,
  onDone,
}: {
  line: RunLineView;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const resolve = useChannelMutation('payroll:resolveLine');
  const form = useSchemaForm(resolveLineForm, { note: '' });
  return (
    <DialogForm
      title={`Resolve ${line.reference}`}
      form={form}
      fields={['note']}
      submitLabel="Resolve the line"
      onClose={onClose}
      onSubmit={async (v) => {
        await resolve.mutateAsync({ lineId: line.id, ...v });
        onDone(`${line.reference} resolved.`);
      }}
    >
      <p>
        {line.guarantorName}: {formatCents(line.expectedCents)} expected,{' '}
        {line.deductedCents === null ? 'nothing' : formatCents(line.deductedCents)} taken. Say what was done (payroll
        asked, the employee called, the next period takes it…).
      </p>
      <TextAreaField name="note" label="What was done" rows={3} />
    </DialogForm>
  );
}

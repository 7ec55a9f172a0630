// The roster's employees (issue 16, semantics 2): the list with its filters, and an employee's
// dialog: their pay facts and today's largest deduction (PD-01), the guarantors who may be them
// (never by name alone: the reasons say what agrees), to confirm or reject, and for a matched
// employee the supervisor's "undo the match"; a termination recorded by hand.
import { useId, useState } from 'react';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import { PAY_FREQUENCY_LABELS } from '../../../../shared/rules/payroll';
import type { EmployeeDetail, EmployeeSummary, MatchCandidate } from '../../../../shared/schemas/payroll';
import { terminateForm, unmatchForm } from '../../../../shared/schemas/payrollForms';
import { messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, TextAreaField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH, LimitLines } from './common';
import { RosterImportDialog } from './RosterImport';

type Match = 'all' | 'matched' | 'to_confirm' | 'unmatched';
type Status = 'all' | 'active' | 'terminated';

function MatchCell({ e }: { e: EmployeeSummary }) {
  if (e.guarantorId !== null)
    return <a href={`#${PLACES.account.path}/${e.guarantorId}`}>{e.guarantorName ?? `Guarantor ${e.guarantorId}`}</a>;
  if (e.candidates > 0) return <span className="badge warn">{e.candidates} to confirm</span>;
  return <span className="muted">No match</span>;
}

export function Employees() {
  const ids = { query: useId(), match: useId(), status: useId() };
  const [query, setQuery] = useState('');
  const [match, setMatch] = useState<Match>('all');
  const [status, setStatus] = useState<Status>('all');
  const employees = useChannelQuery('payroll:employees', { query, match, status });
  const [open, setOpen] = useState<{ kind: 'import' } | { kind: 'employee'; id: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div className="section-head">
        <h2 id="payroll-employees">Employees</h2>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'import' })}>
          Import the roster…
        </button>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <div className="payroll-filters">
        <div className="field">
          <label htmlFor={ids.query}>Find an employee</label>
          <input
            id={ids.query}
            type="text"
            value={query}
            maxLength={100}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name or employee id"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.match}>Match</label>
          <select id={ids.match} value={match} onChange={(e) => setMatch(e.target.value as Match)}>
            <option value="all">All</option>
            <option value="to_confirm">A match to confirm</option>
            <option value="matched">Matched to a guarantor</option>
            <option value="unmatched">No match</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Employment</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="all">All</option>
            <option value="active">Active</option>
            <option value="terminated">Terminated</option>
          </select>
        </div>
      </div>
      <FormAlert message={employees.error} />
      {!employees.value && !employees.error && (
        <p className="muted" role="status">
          Loading the employees…
        </p>
      )}
      {employees.value && (
        <DataTable
          caption="Employees"
          className="employees-table"
          rows={employees.value}
          rowKey={(e) => e.id}
          stale={employees.loading}
          empty="No employee matches these filters. Import the roster to bring the hospital's employees in."
          columns={[
            { header: 'Employee id', className: 'mono nowrap', cell: (e) => e.employeeNumber },
            { header: 'Name', rowHeader: true, cell: (e) => e.name },
            { header: 'Born', className: 'nowrap', cell: (e) => (e.birthDate ? formatShortDate(e.birthDate) : DASH) },
            { header: 'Paid', cell: (e) => PAY_FREQUENCY_LABELS[e.payFrequency] },
            { header: 'State', cell: (e) => e.workState },
            {
              header: 'Employment',
              cell: (e) =>
                e.status === 'active' ? (
                  'Active'
                ) : (
                  <span className="badge bad">
                    Terminated{e.terminatedOn ? ` ${formatShortDate(e.terminatedOn)}` : ''}
                  </span>
                ),
            },
            { header: 'Guarantor', cell: (e) => <MatchCell e={e} /> },
            {
              header: 'Open',
              headerHidden: true,
              className: 'row-actions',
              cell: (e) => (
                <button
                  type="button"
                  className="small"
                  aria-label={`Open ${e.name} (${e.employeeNumber})`}
                  onClick={() => setOpen({ kind: 'employee', id: e.id })}
                >
                  Open…
                </button>
              ),
            },
          ]}
        />
      )}
      {open?.kind === 'import' && (
        <RosterImportDialog
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            setNotice(m);
          }}
        />
      )}
      {open?.kind === 'employee' && <EmployeeDialog employeeId={open.id} onClose={() => setOpen(null)} />}
    </>
  );
}

function Candidate({
  c,
  employee,
  onAnswer,
}: {
  c: MatchCandidate;
  employee: EmployeeDetail;
  onAnswer: (message: string | null, error: string | null) => void;
}) {
  const confirm = useChannelMutation('payroll:confirmMatch');
  const reject = useChannelMutation('payroll:rejectMatch');
  const busy = confirm.isPending || reject.isPending;
  const headingId = useId();
  return (
    <li aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>{c.name}</strong> <span className="mono">{c.guarantorNumber}</span>
        {c.birthDate ? `, born ${formatShortDate(c.birthDate)}` : ', no date of birth'}{' '}
        <span className={`badge ${c.kind === 'exact' ? 'ok' : 'warn'}`}>
          {c.kind === 'exact' ? 'Exact match' : 'Likely match'}
        </span>
      </p>
      <ul aria-label="Why">
        {c.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {c.takenBy ? (
        <p className="muted">Already matched to {c.takenBy}: cannot be confirmed for this employee.</p>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary small"
            disabled={busy}
            onClick={async () => {
              try {
                await confirm.mutateAsync({ employeeId: employee.id, guarantorId: c.guarantorId });
                onAnswer(`${employee.name} is ${c.name} (${c.guarantorNumber}).`, null);
              } catch (e) {
                onAnswer(null, messageOf(e));
              }
            }}
          >
            This is the employee
          </button>
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={async () => {
              try {
                await reject.mutateAsync({ employeeId: employee.id, guarantorId: c.guarantorId });
                onAnswer(`${c.name} is not ${employee.name}: not suggested again.`, null);
              } catch (e) {
                onAnswer(null, messageOf(e));
              }
            }}
          >
            Not this person
          </button>
        </div>
      )}
    </li>
  );
}

export function EmployeeDialog({ employeeId, onClose }: { employeeId: number; onClose: () => void }) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const employee = useChannelQuery('payroll:employee', { employeeId });
  const [step, setStep] = useState<'unmatch' | 'terminate' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const e = employee.value;
  if (step === 'unmatch' && e)
    return (
      <UnmatchDialog
        employee={e}
        onClose={() => setStep(null)}
        onDone={(m) => {
          setStep(null);
          setNotice(m);
        }}
      />
    );
  if (step === 'terminate' && e)
    return (
      <TerminateDialog
        employee={e}
        onClose={() => setStep(null)}
        onDone={(m) => {
          setStep(null);
          setNotice(m);
        }}
      />
    );
  return (
    <Dialog title={e ? `Employee ${e.name}` : 'Employee'} onClose={onClose} wide>
      <FormAlert message={employee.error ?? error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {!e && !employee.error && <p role="status">Reading…</p>}
      {e && (
        <div className="payroll-detail">
          <dl className="facts">
            <dt>Employee id</dt>
            <dd className="mono">{e.employeeNumber}</dd>
            <dt>Date of birth</dt>
            <dd>{e.birthDate ? formatLongDate(e.birthDate) : 'Not on the roster'}</dd>
            <dt>Pay</dt>
            <dd>
              {e.payType === 'hourly'
                ? `${formatCents(e.hourlyRateCents ?? 0)} an hour`
                : `${formatCents(e.annualSalaryCents ?? 0)} a year`}
              , {(e.weeklyHoursCenti / 100).toLocaleString('en-US')} hours a week,{' '}
              {PAY_FREQUENCY_LABELS[e.payFrequency].toLowerCase()}
              {e.exempt ? ', exempt' : ', non-exempt'}
            </dd>
            <dt>Work state</dt>
            <dd>{e.workState}</dd>
            <dt>Employment</dt>
            <dd>
              {e.status === 'active' ? 'Active' : `Terminated ${e.terminatedOn ? formatLongDate(e.terminatedOn) : ''}`}
            </dd>
            <dt>Guarantor</dt>
            <dd>
              {e.guarantorId !== null ? (
                <>
                  <a href={`#${PLACES.account.path}/${e.guarantorId}`}>{e.guarantorName}</a>
                  {e.matchedOn &&
                    ` (confirmed ${formatShortDate(e.matchedOn)}${e.matchedBy ? ` by ${e.matchedBy}` : ''})`}
                </>
              ) : (
                'Not matched'
              )}
            </dd>
          </dl>
          {e.status === 'active' && (
            <LimitLines limit={e.limit} title="Largest deduction each pay period today (PD-01)" />
          )}
          {e.guarantorId === null && (
            <section aria-labelledby="employee-matches">
              <h3 id="employee-matches">Guarantors who may be this employee</h3>
              {e.matches.length === 0 ? (
                <p className="muted">
                  No guarantor has this employee id, or this date of birth with the same last or first name. A match is
                  never made by name alone.
                </p>
              ) : (
                <ul className="candidate-list">
                  {e.matches.map((c) => (
                    <Candidate
                      key={c.guarantorId}
                      c={c}
                      employee={e}
                      onAnswer={(m, err) => {
                        setNotice(m);
                        setError(err);
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
      )}
      <div className="actions">
        {e && e.status === 'active' && (
          <button type="button" onClick={() => setStep('terminate')}>
            Record the termination…
          </button>
        )}
        {e && e.guarantorId !== null && roleAtLeast(role, 'supervisor') && (
          <button type="button" onClick={() => setStep('unmatch')}>
            Undo the match…
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function UnmatchDialog({
  employee,
  onClose,
  onDone,
}: {
  employee: EmployeeDetail;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const unmatch = useChannelMutation('payroll:unmatch');
  const form = useSchemaForm(unmatchForm, { note: '' });
  return (
    <DialogForm
      title="Undo the match"
      form={form}
      fields={['note']}
      submitLabel="Undo the match"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await unmatch.mutateAsync({ employeeId: employee.id, ...v });
        onDone(`${employee.name} is no longer matched to ${employee.guarantorName ?? 'the guarantor'}.`);
      }}
    >
      <p>For a match confirmed by mistake. Not possible while a deduction or bank transfer is live: end it first.</p>
      <TextAreaField name="note" label="Why" rows={3} />
    </DialogForm>
  );
}

function TerminateDialog({
  employee,
  onClose,
  onDone,
}: {
  employee: EmployeeDetail;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const terminate = useChannelMutation('payroll:terminate');
  const form = useSchemaForm(terminateForm(), { terminatedOn: today, note: '' });
  return (
    <DialogForm
      title="Record the termination"
      form={form}
      fields={['terminatedOn', 'note']}
      submitLabel="Record the termination"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await terminate.mutateAsync({ employeeId: employee.id, ...v });
        onDone(`${employee.name}'s employment ended; payroll deductions stop and the balance goes back to statements.`);
      }}
    >
      <p>
        Payroll told the office before the next roster. Payroll deductions for {employee.name} end on this date (or
        today, if later); the accounts go back to the statement cycle. A bank transfer is not affected.
      </p>
      <div className="form-grid">
        <TextField name="terminatedOn" label="Last day of employment" type="date" className="span-2" />
        <TextAreaField name="note" label="Note (optional)" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

// Financial assistance for one guarantor (ECA-05): the status and its history; a clerk records
// that an application came in (collection actions suspend and the cycle holds while it is pending)
// or that the guarantor will not apply; a supervisor records the decision. An approval brings each
// open account down to what the patient owes under the policy, with a refund task where the
// patient had already paid more.
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatShortDate } from '../../../../shared/dates';
import { DOLLARS_HINT, formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import { FAP_STATUS_LABELS, type AccountView, type FapStatus } from '../../../../shared/schemas/accounts';
import { decideFapForm, FAP_DECISIONS, recordFapApplicationForm } from '../../../../shared/schemas/fap';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { DataTable } from '../../components/DataTable';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';

const DECISION_LABELS: Record<(typeof FAP_DECISIONS)[number], string> = {
  approved_full: 'Approved in full: the patient owes nothing',
  approved_partial: 'Approved in part: the patient owes a reduced amount',
  denied: 'Denied',
};

function ApplicationDialog({
  guarantorId,
  onClose,
  onDone,
}: {
  guarantorId: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('fap:record');
  const schema = useMemo(() => recordFapApplicationForm(today), [today]);
  const form = useSchemaForm(schema, { status: 'pending', date: today, note: '' });
  return (
    <DialogForm
      title="Financial-assistance application"
      form={form}
      fields={['status', 'date', 'note']}
      submitLabel="Record"
      onClose={onClose}
      onSubmit={async (values) => {
        await record.mutateAsync({ guarantorId, ...values });
        onDone(
          values.status === 'pending'
            ? 'Application recorded: statements and collection actions wait for the decision (ECA-05).'
            : 'Recorded: no application.',
        );
      }}
    >
      <div className="form-grid">
        <SelectField
          name="status"
          label="What happened"
          options={[
            { value: 'pending', label: 'An application came in' },
            { value: 'not_applied', label: 'The guarantor will not apply' },
          ]}
          className="span-4"
        />
        <TextField name="date" label="Date" type="date" max={today} className="span-2" />
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

function DecisionDialog({
  guarantorId,
  accounts,
  onClose,
  onDone,
}: {
  guarantorId: number;
  accounts: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const decide = useChannelMutation('fap:decide');
  const open = accounts.filter((a) => a.balanceCents > 0);
  const openTotal = open.reduce((t, a) => t + a.balanceCents, 0);
  const schema = useMemo(() => decideFapForm(today), [today]);
  const form = useSchemaForm(schema, {
    decision: '',
    decidedOn: today,
    note: '',
    shares: open.map((a) => ({ accountId: a.id, amount: '' })),
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  return (
    <DialogForm
      title="Financial-assistance decision"
      form={form}
      fields={['decision', 'decidedOn', 'note', ...open.map((_, i) => `shares.${i}.amount` as const)]}
      aliases={{ patientShares: 'decision' }}
      submitLabel="Record the decision"
      onClose={onClose}
      onSubmit={async (decided) => {
        const d = decided.decision;
        const r = await decide.mutateAsync({ guarantorId, ...decided });
        const adjusted = r.adjusted.reduce((t, a) => t + a.amountCents, 0);
        const refunds = r.refunds.map((x) => `refund ${formatCents(x.amountCents)} on account ${x.accountNumber}`);
        onDone(
          d === 'denied'
            ? 'Decision recorded: denied. The collection cycle resumes.'
            : `Decision recorded: ${formatCents(adjusted)} adjusted as financial assistance${refunds.length ? `; a task was opened to ${refunds.join(' and ')}` : ''}.`,
        );
      }}
    >
      <div className="form-grid">
        <SelectField
          name="decision"
          label="Decision"
          placeholder="Choose…"
          options={FAP_DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
          className="span-6"
        />
        <TextField name="decidedOn" label="Decided on" type="date" max={today} className="span-3" />
      </div>
      {decision === 'approved_full' && (
        <p className="group-note">
          Each open balance goes to $0.00 as financial assistance: {formatCents(openTotal)} in all on{' '}
          {open.length === 1 ? 'one account' : `${open.length} accounts`}. Where the patient has paid anything on an
          open account, that account is left in credit and a refund task is opened.
        </p>
      )}
      {decision === 'denied' && (
        <p className="group-note">Nothing is adjusted; statements and the 501(r) clock go on where they were.</p>
      )}
      {decision === 'approved_partial' && (
        <fieldset className="group">
          <legend>What the patient owes under the policy</legend>
          <p className="group-note">
            For each open account, the whole amount the patient is responsible for under the policy. What they have
            already paid counts towards it; if they paid more, a refund task is opened. {DOLLARS_HINT} Write 0.00 where
            the patient owes nothing.
          </p>
          <div className="form-grid">
            {open.map((a, i) => (
              <TextField
                key={a.id}
                name={`shares.${i}.amount`}
                label={`Account ${a.accountNumber} (balance ${formatCents(a.balanceCents)})`}
                money
                className="span-3"
              />
            ))}
          </div>
        </fieldset>
      )}
      <TextAreaField name="note" label="Note (optional)" />
    </DialogForm>
  );
}

export function FinancialAssistance({
  guarantorId,
  status,
  statusDate,
  accounts,
  onChanged,
}: {
  guarantorId: number;
  status: FapStatus;
  statusDate: string | null;
  accounts: AccountView[];
  onChanged: (message: string) => void;
}) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const history = useChannelQuery('fap:history', { guarantorId });
  const [dialog, setDialog] = useState<'application' | 'decision' | null>(null);
  const done = (message: string) => {
    setDialog(null);
    onChanged(message);
  };
  const canDecide = roleAtLeast(role, 'supervisor');
  return (
    <section className="ws-section" aria-labelledby="ws-fap">
      <div className="section-head">
        <h2 id="ws-fap">Financial assistance</h2>
        <div className="actions">
          <button type="button" onClick={() => setDialog('application')}>
            Record an application…
          </button>
          {canDecide && status === 'pending' && (
            <button type="button" onClick={() => setDialog('decision')}>
              Record the decision…
            </button>
          )}
        </div>
      </div>
      <p>
        Status: <strong>{FAP_STATUS_LABELS[status]}</strong>
        {statusDate ? ` since ${formatShortDate(statusDate)}` : ''}.{' '}
        {status === 'pending' && 'Statements and collection actions wait for the decision (ECA-05). '}
        {!canDecide && status === 'pending' && 'A supervisor records the decision.'}
      </p>
      <FormAlert message={history.error} />
      {history.value && history.value.length > 0 && (
        <DataTable
          caption="Financial-assistance history"
          rows={history.value}
          rowKey={(h) => h.id}
          empty="No application has been recorded."
          columns={[
            { header: 'Date', className: 'nowrap', cell: (h) => formatShortDate(h.date) },
            { header: 'Status', cell: (h) => FAP_STATUS_LABELS[h.status as FapStatus] ?? h.status },
            { header: 'Note', cell: (h) => h.note || <span className="muted">—</span> },
            { header: 'Recorded by', cell: (h) => h.recordedBy ?? <span className="muted">—</span> },
          ]}
        />
      )}
      {dialog === 'application' && (
        <ApplicationDialog guarantorId={guarantorId} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'decision' && (
        <DecisionDialog guarantorId={guarantorId} accounts={accounts} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

// Financial assistance for one guarantor (ECA-05): the status and its history; a clerk records
// that an application came in, complete or not (collection actions suspend and the cycle holds while
// it is pending; an incomplete one names what is missing and the date to send it by), or that the
// guarantor will not apply; a supervisor chooses the discount the policy gives, sees per account the
// adjustment and any refund before anything posts, and records the decision. The notice of what is
// missing and the written determination print from the history.
import { useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents, formatDecimal } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import { FAP_STATUS_LABELS, type FapStatus } from '../../../../shared/schemas/accounts';
import {
  decideFapForm,
  FAP_DECISIONS,
  formDiscount,
  recordFapApplicationForm,
  type FapHistoryItem,
} from '../../../../shared/schemas/fap';
import type { FapAccountOutcome, FapDiscount } from '../../../../shared/rules/fapDiscount';
import type { FileHandle } from '../../../../shared/schemas/files';
import { ApiError, messageOf } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { DataTable } from '../../components/DataTable';
import { invalidateAfter, useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';
import { Credits } from './Credits';

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
  const form = useSchemaForm(schema, { status: 'pending', date: today, note: '', missing: '' });
  const status = useWatch({ control: form.control, name: 'status' });
  return (
    <DialogForm
      title="Financial-assistance application"
      form={form}
      fields={['status', 'date', 'missing', 'note']}
      submitLabel="Record"
      onClose={onClose}
      onSubmit={async (values) => {
        const r = await record.mutateAsync({ guarantorId, ...values });
        onDone(
          values.status === 'pending'
            ? 'Application recorded: statements and collection actions wait for the decision (ECA-05).'
            : values.status === 'incomplete'
              ? `Incomplete application recorded: collection actions wait (ECA-05). Print the notice of what is missing from the history; it asks for it by ${formatShortDate(r.completeBy ?? values.date)}.`
              : 'Recorded: no application.',
        );
      }}
    >
      <div className="form-grid">
        <SelectField
          name="status"
          label="What happened"
          options={[
            { value: 'pending', label: 'A complete application came in' },
            { value: 'incomplete', label: 'An application came in with something missing' },
            { value: 'not_applied', label: 'The guarantor will not apply' },
          ]}
          className="span-4"
        />
        <TextField name="date" label="Date" type="date" max={today} className="span-2" />
        {status === 'incomplete' && (
          <TextAreaField
            name="missing"
            label="What is missing"
            hint="Printed in the notice to the applicant, with the date to send it by (Settings: days to complete an application)."
            className="span-6"
          />
        )}
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

/** The discount typed, settled for a moment before it is previewed (each preview is a read in the audit trail). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the value is compared by its JSON
  }, [key, ms]);
  return settled;
}

function PreviewTable({ accounts }: { accounts: FapAccountOutcome[] }) {
  return (
    <DataTable
      caption="What the decision posts, account by account"
      showCaption
      rows={accounts}
      rowKey={(a) => a.accountId}
      empty="No open account: nothing to adjust."
      columns={[
        { header: 'Account', rowHeader: true, className: 'nowrap', cell: (a) => a.accountNumber },
        { header: 'Owed before (balance + paid)', className: 'num', cell: (a) => formatCents(a.responsibilityCents) },
        { header: 'Paid', className: 'num', cell: (a) => formatCents(a.patientPaidCents) },
        {
          header: 'Under the policy',
          className: 'num',
          cell: (a) => (
            <>
              {formatCents(a.policyAmountCents)}
              {a.agbLimited && <span className="muted"> (AGB limit)</span>}
            </>
          ),
        },
        { header: 'Adjustment', className: 'num', cell: (a) => formatCents(a.adjustmentCents) },
        { header: 'Refund', className: 'num', cell: (a) => formatCents(a.refundCents) },
        { header: 'Still owed', className: 'num', cell: (a) => formatCents(a.owesCents) },
      ]}
    />
  );
}

function DecisionDialog({
  guarantorId,
  onClose,
  onDone,
}: {
  guarantorId: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const decide = useChannelMutation('fap:decide');
  const schema = useMemo(() => decideFapForm(today), [today]);
  const form = useSchemaForm(schema, {
    decision: '',
    decidedOn: today,
    note: '',
    discountKind: '',
    percentOff: '',
    denialReason: '',
  });
  const [decision, discountKind, percentOff] = useWatch({
    control: form.control,
    name: ['decision', 'discountKind', 'percentOff'],
  });
  const typed = formDiscount(decision, discountKind, percentOff);
  const discount: FapDiscount | null = useSettled(typed.ok ? (typed.discount ?? null) : null);
  const preview = useChannelQuery(
    'fap:preview',
    { guarantorId, discount: discount ?? { kind: 'full' } },
    { enabled: discount !== null },
  );
  const settings = useChannelQuery('settings:get', {});
  const agb = preview.value?.agbBasisPoints ?? settings.value?.assistance.agbBasisPoints;
  const showing = discount !== null && typed.ok && JSON.stringify(typed.discount) === JSON.stringify(discount);
  return (
    <DialogForm
      title="Financial-assistance decision"
      form={form}
      fields={['decision', 'decidedOn', 'discountKind', 'percentOff', 'denialReason', 'note']}
      aliases={{
        discount: 'discountKind',
        'discount.percentOffBasisPoints': 'percentOff',
      }}
      submitLabel="Record the decision"
      wide
      onClose={onClose}
      onSubmit={async (decided) => {
        const d = decided.decision;
        let previewed: { accountId: number; adjustmentCents: number; refundCents: number }[] = [];
        if (d !== 'denied') {
          // The decision posts exactly the table on the screen; main computes it again and refuses a difference.
          if (!showing || !preview.value || preview.loading)
            throw new ApiError({
              code: 'invalid_input',
              message: 'Wait for the table of what the decision posts, look at it, then confirm.',
            });
          previewed = preview.value.accounts.map((a) => ({
            accountId: a.accountId,
            adjustmentCents: a.adjustmentCents,
            refundCents: a.refundCents,
          }));
        }
        let r;
        try {
          r = await decide.mutateAsync({ guarantorId, ...decided, previewed });
        } catch (error) {
          // The ledger changed since the preview: show the new table (main's message says to look again).
          if (error instanceof ApiError && error.code === 'conflict') await invalidateAfter('fap:decide');
          throw error;
        }
        const adjusted = r.adjusted.reduce((t, a) => t + a.amountCents, 0);
        const refunds = r.refunds.map((x) => `refund ${formatCents(x.amountCents)} on account ${x.accountNumber}`);
        onDone(
          d === 'denied'
            ? 'Decision recorded: denied. The collection cycle resumes. Print the letter from the history.'
            : `Decision recorded: ${formatCents(adjusted)} adjusted as financial assistance${refunds.length ? `; a task was opened to ${refunds.join(' and ')}` : ''}. Print the letter from the history.`,
        );
      }}
    >
      <div className="form-grid">
        <SelectField
          name="decision"
          label="Decision"
          placeholder="Choose…"
          options={FAP_DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
          className="span-4"
        />
        <TextField name="decidedOn" label="Decided on" type="date" max={today} className="span-2" />
        {decision === 'approved_partial' && (
          <>
            <SelectField
              name="discountKind"
              label="The discount the policy gives"
              placeholder="Choose…"
              options={[
                { value: 'percent', label: 'A percentage off what the patient owed' },
                {
                  value: 'agb',
                  label: `The amount generally billed${agb !== undefined ? ` (${formatDecimal(agb)}% of gross charges)` : ''}`,
                },
              ]}
              className="span-4"
            />
            {discountKind === 'percent' && (
              <TextField
                name="percentOff"
                label="Percentage off (%)"
                money
                className="span-2"
                hint="For example 60 or 62.50."
              />
            )}
          </>
        )}
      </div>
      {decision === 'approved_full' && (
        <p className="group-note">Each open balance goes to $0.00 as financial assistance.</p>
      )}
      {decision === 'approved_partial' && (
        <p className="group-note">
          The percentage is taken off everything the patient owed on each account — the balance and what they already
          paid. What they paid counts towards what they owe under the policy; only what they paid beyond it is refunded.
          Nobody who qualifies is charged more than the amount generally billed (1.501(r)-5).
        </p>
      )}
      {decision === 'denied' && (
        <>
          <p className="group-note">Nothing is adjusted; statements and the 501(r) clock go on where they were.</p>
          <TextAreaField
            name="denialReason"
            label="Reason for the denial"
            hint="Printed in the letter to the patient, with how to ask again."
          />
        </>
      )}
      {(decision === 'approved_full' || decision === 'approved_partial') && (
        <div aria-live="polite">
          <FormAlert message={preview.error} />
          {showing && preview.value && (
            <>
              <PreviewTable accounts={preview.value.accounts} />
              <p className="group-note">
                In all: {formatCents(preview.value.totals.adjustmentCents)} adjusted as financial assistance,{' '}
                {formatCents(preview.value.totals.refundCents)} to refund, {formatCents(preview.value.totals.owesCents)}{' '}
                still owed.
                {preview.value.totals.refundCents > 0 &&
                  ' Each refund goes on the credits to refund, due in the days set in Settings.'}
              </p>
            </>
          )}
        </div>
      )}
      <TextAreaField name="note" label="Note (optional)" />
    </DialogForm>
  );
}

const LETTER_LABELS = {
  incomplete_notice: 'Print the notice of what is missing',
  determination: 'Print the letter',
} as const;

function HistoryLetter({ item, onOpenPdf }: { item: FapHistoryItem; onOpenPdf: (file: FileHandle) => void }) {
  const print = useChannelMutation('fap:letter');
  const [error, setError] = useState<string | null>(null);
  if (!item.letter) return <span className="muted">—</span>;
  return (
    <>
      <button
        type="button"
        disabled={print.isPending}
        aria-label={`${LETTER_LABELS[item.letter]} of ${formatShortDate(item.date)}`}
        onClick={() => {
          setError(null);
          print.mutateAsync({ historyId: item.id }).then(onOpenPdf, (e: unknown) => setError(messageOf(e)));
        }}
      >
        {LETTER_LABELS[item.letter]}
      </button>
      <FormAlert message={error} />
    </>
  );
}

export function FinancialAssistance({
  guarantorId,
  status,
  statusDate,
  onChanged,
  onOpenPdf,
}: {
  guarantorId: number;
  status: FapStatus;
  statusDate: string | null;
  onChanged: (message: string) => void;
  onOpenPdf: (file: FileHandle) => void;
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
            {
              header: 'Note',
              cell: (h) =>
                h.missing ? (
                  <>
                    Incomplete: {h.missing}. Asked for by {formatShortDate(h.completeBy ?? h.date)}.
                    {h.note && ` ${h.note}`}
                  </>
                ) : (
                  h.note || <span className="muted">—</span>
                ),
            },
            { header: 'Recorded by', cell: (h) => h.recordedBy ?? <span className="muted">—</span> },
            { header: 'Letter', cell: (h) => <HistoryLetter item={h} onOpenPdf={onOpenPdf} /> },
          ]}
        />
      )}
      <Credits guarantorId={guarantorId} onChanged={onChanged} />
      {dialog === 'application' && (
        <ApplicationDialog guarantorId={guarantorId} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'decision' && (
        <DecisionDialog guarantorId={guarantorId} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

// Remittances (issue 12 item 4): an agency's remittance imported from its file (uploaded like the
// billing extract) or keyed in, previewed with each line's problem, and posted all-or-nothing (the
// patient's balance falls by what the patient paid; the agency's fee is the hospital's cost). A
// remittance is reconciled against the cheque or transfer and the agency's invoice, every
// difference shown. Payments made to the hospital on placed accounts are listed for an agency and
// a period, with the fee each earns, and as a CSV.
import { useEffect, useId, useState, type ComponentProps } from 'react';
import { FormProvider, useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import {
  REMITTANCE_METHOD_LABELS,
  type RemittanceInput,
  type RemittancePreview,
  type RemittanceView,
} from '../../../../shared/schemas/agencies';
import {
  directPaymentsForm,
  emptyRemittanceLine,
  fileRemittanceForm,
  keyedRemittanceForm,
  reconcileForm,
  toReconcileForm,
  type KeyedRemittanceValues,
} from '../../../../shared/schemas/agencyForms';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { showServerError } from '../../components/formErrors';
import { useSchemaForm } from '../../forms';
import { formatInstant } from '../../format';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { uploadFile } from '../import/upload';
import { Notice, percent, useSaveFile } from './common';

const DASH = <span className="muted">—</span>;

function useAgencyOptions() {
  const agencies = useChannelQuery('agencies:list', {});
  return (agencies.value ?? []).map((a) => ({ value: String(a.id), label: a.name }));
}

/** The preview of a remittance: its totals, each line's problem, or that it was posted already. */
function PreviewView({ preview }: { preview: RemittancePreview }) {
  return (
    <div className="remittance-preview" aria-label="Preview">
      <ul className="import-counts" aria-label="The remittance">
        <li>
          <strong>{preview.lineCount.toLocaleString('en-US')}</strong> {preview.lineCount === 1 ? 'line' : 'lines'} from{' '}
          {preview.agencyName}
        </li>
        <li>
          <strong>{formatCents(preview.collectedCents)}</strong> collected
        </li>
        <li>
          <strong>{formatCents(preview.feeCents)}</strong> in fees
        </li>
        <li>
          <strong>{formatCents(preview.remittedCents)}</strong> remitted ({REMITTANCE_METHOD_LABELS[preview.method]})
        </li>
      </ul>
      {preview.alreadyPosted && (
        <p className="form-alert" role="alert">
          Remittance {preview.alreadyPosted.reference} is already posted (remittance #
          {preview.alreadyPosted.remittanceId}
          ): posting it again would post nothing.
        </p>
      )}
      {preview.problems.length > 0 && (
        <>
          <p className="form-alert" role="alert">
            {plural(preview.problems.length, 'line has a problem', 'lines have problems')}: nothing is posted until
            every line is right.
          </p>
          <DataTable
            caption="Line problems"
            showCaption
            rows={preview.problems}
            rowKey={(p, i) => `${p.line}-${i}`}
            empty="No problems."
            columns={[
              { header: 'Line', className: 'num', cell: (p) => p.line },
              { header: 'Field', cell: (p) => p.field ?? DASH },
              { header: 'Problem', className: 'prose-cell', cell: (p) => p.reason },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** Preview, then post exactly what was previewed. */
function usePreviewAndPost(onPosted: (message: string, remittanceId: number) => void) {
  const [previewed, setPreviewed] = useState<{ input: RemittanceInput; preview: RemittancePreview } | null>(null);
  const post = useChannelMutation('remittances:post');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = async (input: RemittanceInput) => {
    setPreviewed({ input, preview: await call('remittances:preview', input) });
  };
  const postIt = async () => {
    if (!previewed) return;
    setError(null);
    setBusy(true);
    try {
      const { remittanceId } = await post.mutateAsync(previewed.input);
      const p = previewed.preview;
      setPreviewed(null);
      onPosted(
        `Remittance ${previewed.input.reference} posted: ${plural(p.lineCount, 'line', 'lines')}, ${formatCents(p.collectedCents)} collected.`,
        remittanceId,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const canPost = previewed !== null && previewed.preview.problems.length === 0 && !previewed.preview.alreadyPosted;
  return { previewed, setPreviewed, preview, postIt, canPost, error, busy };
}

const KEYED_FIELDS = (count: number): FieldPath<KeyedRemittanceValues>[] => [
  'agencyId',
  'reference',
  'receivedOn',
  'lines',
  ...Array.from({ length: count }, (_, i) =>
    (['accountNumber', 'paidOn', 'collected', 'fee', 'agencyReference'] as const).map(
      (k) => `lines.${i}.${k}` as const,
    ),
  ).flat(),
];

function KeyedRemittance({ onPosted }: { onPosted: (message: string, remittanceId: number) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const agencyOptions = useAgencyOptions();
  const form = useForm<KeyedRemittanceValues, unknown, RemittanceInput>({
    resolver: zodResolver(keyedRemittanceForm),
    defaultValues: { agencyId: '', reference: '', receivedOn: today, lines: [emptyRemittanceLine(today)] },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  // Posted: the form is empty again for the next remittance.
  const flow = usePreviewAndPost((message, id) => {
    form.reset({ agencyId: '', reference: '', receivedOn: today, lines: [emptyRemittanceLine(today)] });
    onPosted(message, id);
  });
  const [formError, setFormError] = useState<string | null>(null);
  // Anything changed after the preview: preview again before posting.
  const { setPreviewed } = flow;
  const { subscribe } = form;
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setPreviewed(null) }),
    [subscribe, setPreviewed],
  );
  const aliases = Object.fromEntries(
    Array.from({ length: lines.fields.length }, (_, i) => [
      [`lines.${i}.collectedCents`, `lines.${i}.collected`],
      [`lines.${i}.feeCents`, `lines.${i}.fee`],
    ]).flat(),
  );
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      await flow.preview(input);
    } catch (e) {
      setFormError(showServerError(e, form.setError, KEYED_FIELDS(lines.fields.length), aliases));
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label="Key in a remittance">
        <div className="form-grid">
          <RemittanceHeaderFields agencyOptions={agencyOptions} today={today} />
        </div>
        <fieldset className="group">
          <legend>Lines</legend>
          <p className="group-note">
            Each payment the agency collected, as its statement gives it; a negative amount takes back a payment that
            bounced. Leave the fee blank for the contract&rsquo;s rate; the agency&rsquo;s own id is optional.
          </p>
          <ol className="remittance-lines">
            {lines.fields.map((f, i) => (
              <li key={f.id} className="form-grid">
                <TextField name={`lines.${i}.accountNumber`} label={`Line ${i + 1}: account`} className="span-1" />
                <TextField name={`lines.${i}.paidOn`} label={`Line ${i + 1}: paid on`} type="date" className="span-1" />
                <TextField
                  name={`lines.${i}.collected`}
                  label={`Line ${i + 1}: collected ($)`}
                  money
                  className="span-1"
                />
                <TextField name={`lines.${i}.fee`} label={`Line ${i + 1}: fee ($)`} money className="span-1" />
                <TextField name={`lines.${i}.agencyReference`} label={`Line ${i + 1}: agency id`} className="span-1" />
                <div className="span-1 column-actions">
                  <button
                    type="button"
                    className="small"
                    disabled={lines.fields.length === 1}
                    aria-label={`Remove line ${i + 1}`}
                    onClick={() => lines.remove(i)}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => lines.append(emptyRemittanceLine(today))}>
            Add a line
          </button>
        </fieldset>
        <FormAlert message={formError ?? flow.error} />
        <PreviewPostActions flow={flow} submitting={form.formState.isSubmitting} previewLabel="Preview" />
      </form>
    </FormProvider>
  );
}

function FileRemittance({ onPosted }: { onPosted: (message: string, remittanceId: number) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const agencyOptions = useAgencyOptions();
  const fileId = useId();
  const form = useSchemaForm(fileRemittanceForm, { agencyId: '', reference: '', receivedOn: today });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; uploadId: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const flow = usePreviewAndPost((message, id) => {
    setUploaded(null);
    setFile(null);
    setFileKey((k) => k + 1);
    form.reset({ agencyId: '', reference: '', receivedOn: today });
    onPosted(message, id);
  });
  const { setPreviewed } = flow;
  const { subscribe } = form;
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setPreviewed(null) }),
    [subscribe, setPreviewed],
  );
  const submit = form.handleSubmit(async (header) => {
    setFormError(null);
    if (!file) {
      setFileError('Choose the agency’s remittance file.');
      return;
    }
    try {
      const uploadId = uploaded?.file === file ? uploaded.uploadId : await uploadFile(file, () => undefined);
      setUploaded({ file, uploadId });
      await flow.preview({ ...header, source: 'file', uploadId });
    } catch (e) {
      setFormError(showServerError(e, form.setError, ['agencyId', 'reference', 'receivedOn']));
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label="Import a remittance file">
        <div className="form-grid">
          <RemittanceHeaderFields agencyOptions={agencyOptions} today={today} />
          <div className="field span-6">
            <label htmlFor={fileId}>The agency&rsquo;s remittance file</label>
            <input
              key={fileKey}
              id={fileId}
              type="file"
              accept=".csv,.txt,.dat,text/plain,text/csv"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fileId}-error` : `${fileId}-hint`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                setPreviewed(null);
              }}
            />
            <p id={`${fileId}-hint`} className="field-hint">
              Read in the agency&rsquo;s remittance layout (its page under Agencies).
            </p>
            {fileError && (
              <p id={`${fileId}-error`} className="field-error" role="alert">
                {fileError}
              </p>
            )}
          </div>
        </div>
        <FormAlert message={formError ?? flow.error} />
        <PreviewPostActions flow={flow} submitting={form.formState.isSubmitting} previewLabel="Upload and preview" />
      </form>
    </FormProvider>
  );
}

/** The agency, the remittance number and the day received: the head of both ways to record a remittance. */
function RemittanceHeaderFields({
  agencyOptions,
  today,
}: {
  agencyOptions: ComponentProps<typeof SelectField>['options'];
  today: string;
}) {
  return (
    <>
      <SelectField name="agencyId" label="Agency" placeholder="Choose…" options={agencyOptions} className="span-2" />
      <TextField name="reference" label="Remittance number" className="span-2" />
      <TextField name="receivedOn" label="Received on" type="date" max={today} className="span-2" />
    </>
  );
}

/** The two steps of both ways to record a remittance: preview (the form's submit), then post; and the preview. */
function PreviewPostActions({
  flow,
  submitting,
  previewLabel,
}: {
  flow: ReturnType<typeof usePreviewAndPost>;
  submitting: boolean;
  previewLabel: string;
}) {
  return (
    <>
      <div className="actions start">
        <button type="submit" className={flow.previewed ? undefined : 'primary'} disabled={submitting}>
          {submitting ? 'Working…' : previewLabel}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!flow.canPost || flow.busy}
          onClick={() => void flow.postIt()}
        >
          {flow.busy ? 'Posting…' : 'Post the remittance'}
        </button>
      </div>
      {flow.previewed && <PreviewView preview={flow.previewed.preview} />}
    </>
  );
}

function RecordRemittance({ onPosted }: { onPosted: (message: string, remittanceId: number) => void }) {
  const [source, setSource] = useState<'file' | 'keyed'>('file');
  const name = useId();
  return (
    <section className="ws-section" aria-labelledby="record-remittance">
      <h2 id="record-remittance">Record a remittance</h2>
      <fieldset className="plain">
        <legend>How the remittance comes in</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name={name} checked={source === 'file'} onChange={() => setSource('file')} />
            Import a remittance file
          </label>
          <label>
            <input type="radio" name={name} checked={source === 'keyed'} onChange={() => setSource('keyed')} />
            Key in a remittance (up to 200 lines)
          </label>
        </div>
      </fieldset>
      {source === 'file' ? <FileRemittance onPosted={onPosted} /> : <KeyedRemittance onPosted={onPosted} />}
    </section>
  );
}

function ReconcileDialog({
  remittance,
  onClose,
  onDone,
}: {
  remittance: RemittanceView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const reconcile = useChannelMutation('remittances:reconcile');
  const form = useSchemaForm(reconcileForm, toReconcileForm(remittance));
  return (
    <DialogForm
      className="agency-form"
      title={`Reconcile remittance ${remittance.reference}`}
      form={form}
      fields={['cheque', 'chequeReference', 'invoice', 'invoiceReference', 'note']}
      aliases={{ chequeCents: 'cheque', invoiceCents: 'invoice' }}
      submitLabel="Reconcile"
      onClose={onClose}
      onSubmit={async ({ cheque, invoice, ...rest }) => {
        const r = await reconcile.mutateAsync({
          remittanceId: remittance.id,
          chequeCents: cheque,
          invoiceCents: invoice,
          ...rest,
        });
        onDone(
          r.differences.length === 0
            ? `Remittance ${remittance.reference} reconciled: no difference.`
            : `Remittance ${remittance.reference} reconciled with ${plural(r.differences.length, 'difference', 'differences')}.`,
        );
      }}
    >
      <p className="muted">
        What came from the agency (the cheque or transfer) and what it invoices for its fees, as their documents say.
      </p>
      <div className="form-grid">
        <TextField name="cheque" label="Cheque or transfer amount ($)" money className="span-3" />
        <TextField name="chequeReference" label="Cheque or transfer reference" className="span-3" />
        <TextField
          name="invoice"
          label="Invoice amount ($)"
          money
          hint="0.00 if the agency sent no invoice."
          className="span-3"
        />
        <TextField name="invoiceReference" label="Invoice number (optional)" className="span-3" />
        <TextAreaField name="note" label="Note (optional)" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

function Difference({ cents }: { cents: number | null }) {
  if (cents === null) return DASH;
  if (cents === 0) return <span className="badge ok">None</span>;
  return <span className="badge bad">{formatCents(cents)}</span>;
}

function RemittancePage({ remittanceId, onClose }: { remittanceId: number; onClose: () => void }) {
  const detail = useChannelQuery('remittances:get', { remittanceId });
  const [reconciling, setReconciling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const r = detail.value;
  const rec = r?.reconciliation;
  return (
    <section className="ws-section remittance-page" aria-labelledby="remittance-page">
      <div className="section-head">
        <h2 id="remittance-page">
          {r ? `Remittance ${r.reference} from ${r.agencyName}` : `Remittance #${remittanceId}`}
        </h2>
        <button type="button" onClick={onClose}>
          Close the remittance
        </button>
      </div>
      <FormAlert message={detail.error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {r && rec && (
        <>
          <dl className="facts">
            <dt>Received</dt>
            <dd>{formatShortDate(r.receivedOn)}</dd>
            <dt>Posted</dt>
            <dd>
              {formatInstant(r.postedAt)}
              {r.postedBy ? ` by ${r.postedBy}` : ''} ({r.source === 'file' ? 'from the agency’s file' : 'keyed in'})
            </dd>
            <dt>The agency remits</dt>
            <dd>{REMITTANCE_METHOD_LABELS[r.method]}</dd>
            <dt>Collected</dt>
            <dd>{formatCents(r.collectedCents)}</dd>
            <dt>Fees</dt>
            <dd>{formatCents(r.feeCents)}</dd>
            <dt>Remitted</dt>
            <dd>{formatCents(r.remittedCents)}</dd>
          </dl>
          <h3>Reconciliation</h3>
          <DataTable
            caption="Reconciliation"
            rows={[
              {
                what: 'Cheque or transfer',
                expected: rec.expectedChequeCents,
                got: rec.chequeCents,
                diff: rec.chequeDifferenceCents,
              },
              {
                what: 'Invoice for fees',
                expected: rec.expectedInvoiceCents,
                got: rec.invoiceCents,
                diff: rec.invoiceDifferenceCents,
              },
            ]}
            rowKey={(x) => x.what}
            empty="Nothing to reconcile."
            columns={[
              { header: 'What', rowHeader: true, cell: (x) => x.what },
              { header: 'Expected', className: 'num', cell: (x) => formatCents(x.expected) },
              { header: 'Received', className: 'num', cell: (x) => (x.got === null ? DASH : formatCents(x.got)) },
              { header: 'Difference', className: 'num', cell: (x) => <Difference cents={x.diff} /> },
            ]}
          />
          {r.reconciledOn ? (
            rec.differences.length > 0 ? (
              <ul className="differences" aria-label="Differences">
                {rec.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : (
              <p>Reconciled {formatShortDate(r.reconciledOn)}: no difference.</p>
            )
          ) : (
            <p className="muted">Not reconciled yet.</p>
          )}
          <div className="actions start">
            <button
              type="button"
              className={r.reconciledOn ? undefined : 'primary'}
              onClick={() => setReconciling(true)}
            >
              {r.reconciledOn ? 'Reconcile again…' : 'Reconcile…'}
            </button>
          </div>
          <h3>Lines</h3>
          <DataTable
            caption={`Lines of remittance ${r.reference}`}
            rows={r.lines}
            rowKey={(l) => l.lineNo}
            virtual={r.lines.length > 50}
            scrollClassName={r.lines.length > 50 ? 'register-scroll' : undefined}
            empty="No lines."
            columns={[
              { header: 'Line', className: 'num', cell: (l) => l.lineNo },
              { header: 'Account', className: 'mono', cell: (l) => l.accountNumber },
              { header: 'Guarantor', cell: (l) => l.guarantorName },
              { header: 'Paid', className: 'nowrap', cell: (l) => formatShortDate(l.paidOn) },
              { header: 'Collected', className: 'num', cell: (l) => formatCents(l.collectedCents) },
              { header: 'Fee', className: 'num', cell: (l) => formatCents(l.feeCents) },
              { header: 'Remitted', className: 'num', cell: (l) => formatCents(l.remittedCents) },
              { header: 'Agency id', className: 'mono', cell: (l) => l.agencyReference || DASH },
            ]}
          />
          {reconciling && (
            <ReconcileDialog
              remittance={r}
              onClose={() => setReconciling(false)}
              onDone={(message) => {
                setReconciling(false);
                setNotice(message);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function RemittanceList({ onOpen }: { onOpen: (id: number) => void }) {
  const list = useChannelQuery('remittances:list', {});
  return (
    <section className="ws-section" aria-labelledby="remittance-list">
      <h2 id="remittance-list">Remittances posted</h2>
      <FormAlert message={list.error} />
      {list.value && (
        <DataTable
          caption="Remittances posted"
          rows={list.value}
          rowKey={(r) => r.id}
          stale={list.loading}
          empty="No remittance has been posted yet."
          columns={[
            { header: 'Received', className: 'nowrap', cell: (r) => formatShortDate(r.receivedOn) },
            { header: 'Agency', cell: (r) => r.agencyName },
            { header: 'Number', rowHeader: true, className: 'mono', cell: (r) => r.reference },
            { header: 'Lines', className: 'num', cell: (r) => r.lineCount.toLocaleString('en-US') },
            { header: 'Collected', className: 'num', cell: (r) => formatCents(r.collectedCents) },
            { header: 'Fees', className: 'num', cell: (r) => formatCents(r.feeCents) },
            { header: 'Remitted', className: 'num', cell: (r) => formatCents(r.remittedCents) },
            {
              header: 'Reconciled',
              cell: (r) =>
                r.reconciledOn ? (
                  <span className="badge ok">{formatShortDate(r.reconciledOn)}</span>
                ) : (
                  <span className="badge warn">Not yet</span>
                ),
            },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (r) => (
                <button
                  type="button"
                  className="small"
                  aria-label={`Open remittance ${r.reference}`}
                  onClick={() => onOpen(r.id)}
                >
                  Open
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function DirectPayments() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const agencyOptions = useAgencyOptions();
  const [agencyId, setAgencyId] = useState('');
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const checked = directPaymentsForm.safeParse({ agencyId: Number(agencyId), from, to });
  const input = checked.success ? checked.data : null;
  const payments = useChannelQuery('remittances:directPayments', input ?? { agencyId: 1, from: today, to: today }, {
    enabled: input !== null,
  });
  const csv = useSaveFile(() => call('remittances:directPaymentsCsv', input!));
  const rows = input ? (payments.value ?? []) : [];
  const problem =
    agencyId === ''
      ? 'Choose the agency.'
      : !checked.success
        ? (checked.error.issues[0]?.message ?? 'Give the period.')
        : null;
  return (
    <section className="ws-section" aria-labelledby="direct-payments">
      <h2 id="direct-payments">Paid to the hospital while placed</h2>
      <p className="muted">
        Payments made to the hospital on an account while it was with an agency earn the agency its fee at the
        placement&rsquo;s rate.
      </p>
      <div className="register-bar">
        <div className="field">
          <label htmlFor="direct-agency">Agency</label>
          <select id="direct-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">Choose…</option>
            {agencyOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="direct-from">From</label>
          <input id="direct-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="direct-to">To</label>
          <input id="direct-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="actions">
          <button type="button" disabled={!input || csv.busy !== null} onClick={() => void csv.save(undefined)}>
            {csv.busy !== null ? 'Preparing…' : 'CSV'}
          </button>
        </div>
      </div>
      {problem ? (
        <p className="muted">{problem}</p>
      ) : (
        <>
          <FormAlert message={payments.error ?? csv.error} />
          {payments.value && (
            <>
              <ul className="import-counts" aria-label="Paid to the hospital">
                <li>
                  <strong>{rows.length.toLocaleString('en-US')}</strong> {rows.length === 1 ? 'payment' : 'payments'}
                </li>
                <li>
                  <strong>{formatCents(rows.reduce((t, p) => t + p.amountCents, 0))}</strong> paid
                </li>
                <li>
                  <strong>{formatCents(rows.reduce((t, p) => t + p.feeCents, 0))}</strong> in fees earned
                </li>
              </ul>
              <DataTable
                caption="Payments to the hospital on placed accounts"
                rows={rows}
                rowKey={(p, i) => `${p.accountNumber}-${p.paidOn}-${i}`}
                stale={payments.loading}
                empty="No payment was made to the hospital on this agency's accounts in the period."
                columns={[
                  { header: 'Paid', className: 'nowrap', cell: (p) => formatShortDate(p.paidOn) },
                  { header: 'Account', className: 'mono', cell: (p) => p.accountNumber },
                  { header: 'Guarantor', cell: (p) => p.guarantorName },
                  { header: 'Amount', className: 'num', cell: (p) => formatCents(p.amountCents) },
                  { header: 'Fee rate', className: 'num', cell: (p) => percent(p.feeRateBp) },
                  { header: 'Fee earned', className: 'num', cell: (p) => formatCents(p.feeCents) },
                ]}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

export function Remittances() {
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="remittances">
      <h1>Remittances</h1>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {open !== null && <RemittancePage key={open} remittanceId={open} onClose={() => setOpen(null)} />}
      <RecordRemittance
        onPosted={(message, id) => {
          setNotice(message);
          setOpen(id);
        }}
      />
      <RemittanceList onOpen={setOpen} />
      <DirectPayments />
    </section>
  );
}

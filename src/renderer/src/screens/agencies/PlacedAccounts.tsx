// Placed accounts (issue 12 item 3): what each agency holds now (or what came back), recalled by
// hand for a reason with a recall file per agency; the recall files made (by hand or by the daily
// recall of accounts without a payment); and an agency's requests for an extraordinary collection
// action, which go through the 501(r) gate and are recorded either way (ECA-01).
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import { ECA_KIND_LABELS } from '../../../../shared/rules/ecaClock';
import {
  AGENCY_ECA_KINDS,
  HAND_RECALL_REASONS,
  RETURN_REASON_LABELS,
  type PlacementRowView,
  type RecallResult,
} from '../../../../shared/schemas/agencies';
import { agencyEcaForm, recallForm } from '../../../../shared/schemas/agencyForms';
import { ApiError, call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { queryClient, useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { Notice, percent, useSaveFile } from './common';

const DASH = <span className="muted">—</span>;

function RecallDialog({
  rows,
  onClose,
  onRecalled,
}: {
  rows: PlacementRowView[];
  onClose: () => void;
  onRecalled: (result: RecallResult) => void;
}) {
  const recall = useChannelMutation('placements:recall');
  const form = useSchemaForm(recallForm, { reason: '', note: '' });
  return (
    <DialogForm
      className="agency-form"
      title={rows.length === 1 ? `Recall account ${rows[0]!.accountNumber}` : `Recall ${rows.length} accounts`}
      form={form}
      fields={['reason', 'note']}
      submitLabel="Recall"
      onClose={onClose}
      onSubmit={async (values) => {
        onRecalled(await recall.mutateAsync({ placementIds: rows.map((r) => r.id), ...values }));
      }}
    >
      <p>
        {rows.length === 1
          ? `The account comes back from the agency today, for ${formatCents(rows[0]!.balanceCents)}.`
          : `${plural(rows.length, 'account', 'accounts')} come back from their agencies today.`}{' '}
        A recall file in each agency&rsquo;s layout tells the agency; the date it came back is kept.
      </p>
      <SelectField
        name="reason"
        label="Why it comes back"
        placeholder="Choose…"
        options={HAND_RECALL_REASONS.map((r) => ({ value: r, label: RETURN_REASON_LABELS[r] }))}
      />
      <TextAreaField name="note" label="Note (optional)" rows={3} />
    </DialogForm>
  );
}

function EcaRequestDialog({
  row,
  agencyName,
  onClose,
  onAnswered,
}: {
  row: PlacementRowView;
  agencyName: string;
  onClose: () => void;
  onAnswered: (message: string) => void;
}) {
  const request = useChannelMutation('agencies:requestEca');
  const form = useSchemaForm(agencyEcaForm, { kind: '', note: '' });
  return (
    <DialogForm
      className="agency-form"
      title={`An agency's request on account ${row.accountNumber}`}
      form={form}
      fields={['kind', 'note']}
      submitLabel="Ask the 501(r) gate"
      onClose={onClose}
      onSubmit={async (values) => {
        const what = ECA_KIND_LABELS[values.kind].toLowerCase();
        try {
          await request.mutateAsync({ placementId: row.id, ...values });
          onAnswered(
            `Allowed: ${agencyName} may ${what} on account ${row.accountNumber}. Recorded in the ECA register.`,
          );
        } catch (e) {
          // A refusal is recorded too (the ECA register): the requests list is read again.
          await queryClient.invalidateQueries({ queryKey: ['agencies:ecaRequests'] });
          if (e instanceof ApiError && e.code === 'not_allowed') {
            onAnswered(`Refused: ${e.message} Recorded in the ECA register.`);
            return;
          }
          throw e;
        }
      }}
    >
      <p>
        An agency&rsquo;s extraordinary collection actions are the hospital&rsquo;s own (ECA-01): the request goes
        through the 501(r) gate, which allows it or says from when it would be allowed. Either way it is recorded.
      </p>
      <SelectField
        name="kind"
        label="The agency asks to"
        placeholder="Choose…"
        options={AGENCY_ECA_KINDS.map((k) => ({ value: k, label: ECA_KIND_LABELS[k] }))}
      />
      <TextAreaField name="note" label="Note (optional)" rows={3} />
    </DialogForm>
  );
}

type Open = { dialog: 'recall'; rows: PlacementRowView[] } | { dialog: 'eca'; row: PlacementRowView } | null;

function PlacedList({ onNotice }: { onNotice: (message: string) => void }) {
  const agencies = useChannelQuery('agencies:list', {});
  // One agency's accounts at a time (the first agency until another is chosen).
  const [chosenAgency, setChosenAgency] = useState<number | null>(null);
  const agencyId = chosenAgency ?? agencies.value?.[0]?.id ?? null;
  const [status, setStatus] = useState<'placed' | 'returned'>('placed');
  const list = useChannelQuery(
    'placements:list',
    { status, limit: 500, agencyId: agencyId ?? 1 },
    { enabled: agencyId !== null },
  );
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [recalled, setRecalled] = useState<RecallResult | null>(null);
  const file = useSaveFile((f: RecallResult['files'][number]) => Promise.resolve(f.file));
  const rows = agencyId === null ? [] : (list.value ?? []);
  const agencyName = agencies.value?.find((a) => a.id === agencyId)?.name ?? 'the agency';
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const placed = status === 'placed';
  return (
    <section className="ws-section" aria-labelledby="placed-list">
      <h2 id="placed-list">{placed ? `With ${agencyName} now` : `Come back from ${agencyName}`}</h2>
      <div className="register-bar">
        <div className="field">
          <label htmlFor="placed-agency">Agency</label>
          <select
            id="placed-agency"
            value={agencyId ?? ''}
            onChange={(e) => {
              setChosenAgency(Number(e.target.value));
              setChosen(new Set());
            }}
          >
            {(agencies.value ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="placed-status">Show</label>
          <select
            id="placed-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value === 'returned' ? 'returned' : 'placed');
              setChosen(new Set());
            }}
          >
            <option value="placed">Placed now</option>
            <option value="returned">Come back</option>
          </select>
        </div>
        {placed && (
          <div className="actions">
            <button
              type="button"
              disabled={chosen.size === 0}
              onClick={() => setOpen({ dialog: 'recall', rows: rows.filter((r) => chosen.has(r.id)) })}
            >
              Recall the ticked accounts…
            </button>
          </div>
        )}
      </div>
      <FormAlert message={list.error ?? agencies.error ?? file.error} />
      {recalled && (
        <div className="form-notice" role="status" aria-label="Recall summary">
          <p className="flush">
            {plural(recalled.recalled, 'account', 'accounts')} recalled.{' '}
            {recalled.files.length > 0 ? 'The recall files, one per agency:' : ''}
          </p>
          {recalled.files.length > 0 && (
            <ul className="recall-files">
              {recalled.files.map((f) => (
                <li key={f.recallFileId}>
                  {f.agencyName}: {plural(f.count, 'account', 'accounts')}{' '}
                  <button type="button" className="small" onClick={() => void file.save(f)}>
                    Download {f.file.fileName}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {agencies.value && agencies.value.length === 0 && <p className="table-empty">No agency has been added yet.</p>}
      {agencyId !== null && list.value && (
        <DataTable
          caption={placed ? 'Accounts with the agency now' : 'Accounts come back from the agency'}
          rows={rows}
          rowKey={(r) => r.id}
          stale={list.loading}
          virtual={rows.length > 50}
          scrollClassName={rows.length > 50 ? 'register-scroll' : undefined}
          empty={placed ? `No account is with ${agencyName}.` : `No account has come back from ${agencyName}.`}
          columns={[
            ...(placed
              ? [
                  {
                    header: 'Choose',
                    headerHidden: true,
                    cell: (r: PlacementRowView) => (
                      <input
                        type="checkbox"
                        checked={chosen.has(r.id)}
                        aria-label={`Choose account ${r.accountNumber}`}
                        onChange={() => toggle(r.id)}
                      />
                    ),
                  },
                ]
              : []),
            { header: 'Account', rowHeader: true, className: 'mono', cell: (r: PlacementRowView) => r.accountNumber },
            {
              header: 'Guarantor',
              cell: (r: PlacementRowView) => <a href={`#${PLACES.account.path}/${r.guarantorId}`}>{r.guarantorName}</a>,
            },
            {
              header: 'Placed',
              className: 'nowrap',
              cell: (r: PlacementRowView) => (r.placedOn ? formatShortDate(r.placedOn) : DASH),
            },
            {
              header: 'Placed for',
              className: 'num',
              cell: (r: PlacementRowView) => (r.placedCents === null ? DASH : formatCents(r.placedCents)),
            },
            {
              header: 'Fee',
              className: 'num',
              cell: (r: PlacementRowView) => (r.feeRateBp === null ? DASH : percent(r.feeRateBp)),
            },
            { header: 'Balance now', className: 'num', cell: (r: PlacementRowView) => formatCents(r.balanceCents) },
            ...(placed
              ? [
                  {
                    header: 'Recall due',
                    className: 'nowrap',
                    cell: (r: PlacementRowView) => (
                      <>
                        {r.recallDueOn ? formatShortDate(r.recallDueOn) : DASH}
                        {r.lastPaymentOn && <div className="muted">Paid {formatShortDate(r.lastPaymentOn)}</div>}
                      </>
                    ),
                  },
                  {
                    header: 'Actions',
                    headerHidden: true,
                    className: 'row-actions',
                    cell: (r: PlacementRowView) => (
                      <>
                        <button
                          type="button"
                          className="small"
                          aria-label={`Recall account ${r.accountNumber}`}
                          onClick={() => setOpen({ dialog: 'recall', rows: [r] })}
                        >
                          Recall…
                        </button>
                        <button
                          type="button"
                          className="small"
                          aria-label={`An agency's ECA request on account ${r.accountNumber}`}
                          onClick={() => setOpen({ dialog: 'eca', row: r })}
                        >
                          ECA request…
                        </button>
                      </>
                    ),
                  },
                ]
              : [
                  {
                    header: 'Came back',
                    cell: (r: PlacementRowView) => (
                      <>
                        {r.returnedOn ? formatShortDate(r.returnedOn) : DASH}
                        {r.returnReason && <div className="muted">{RETURN_REASON_LABELS[r.returnReason]}</div>}
                        {r.returnNote && <div className="muted">{r.returnNote}</div>}
                      </>
                    ),
                  },
                ]),
          ]}
        />
      )}
      {open?.dialog === 'recall' && (
        <RecallDialog
          rows={open.rows}
          onClose={() => setOpen(null)}
          onRecalled={(result) => {
            setOpen(null);
            setChosen(new Set());
            setRecalled(result);
          }}
        />
      )}
      {open?.dialog === 'eca' && (
        <EcaRequestDialog
          row={open.row}
          agencyName={agencyName}
          onClose={() => setOpen(null)}
          onAnswered={(message) => {
            setOpen(null);
            onNotice(message);
          }}
        />
      )}
    </section>
  );
}

function RecallFiles() {
  const files = useChannelQuery('recalls:list', {});
  const file = useSaveFile((recallFileId: number) => call('recalls:file', { recallFileId }));
  return (
    <section className="ws-section" aria-labelledby="recall-files">
      <h2 id="recall-files">Recall files</h2>
      <FormAlert message={files.error ?? file.error} />
      {files.value && (
        <DataTable
          caption="Recall files"
          rows={files.value}
          rowKey={(f) => f.id}
          stale={files.loading}
          empty="No account has been recalled yet."
          columns={[
            { header: 'Made', className: 'nowrap', cell: (f) => formatShortDate(f.madeOn) },
            { header: 'Agency', rowHeader: true, cell: (f) => f.agencyName },
            { header: 'By', cell: (f) => (f.automatic ? 'Daily recall (no payment)' : (f.madeBy ?? DASH)) },
            { header: 'Accounts', className: 'num', cell: (f) => f.count.toLocaleString('en-US') },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (f) => (
                <button
                  type="button"
                  className="small"
                  disabled={file.busy !== null}
                  aria-label={`Download the recall file for ${f.agencyName} of ${formatShortDate(f.madeOn)}`}
                  onClick={() => void file.save(f.id)}
                >
                  {file.busy === f.id ? 'Preparing…' : 'Download'}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function EcaRequests() {
  const requests = useChannelQuery('agencies:ecaRequests', {});
  return (
    <section className="ws-section" aria-labelledby="eca-requests">
      <h2 id="eca-requests">Agencies&rsquo; requests for collection actions</h2>
      <FormAlert message={requests.error} />
      {requests.value && (
        <DataTable
          caption="Agencies' ECA requests"
          rows={requests.value}
          rowKey={(r) => r.id}
          stale={requests.loading}
          empty="No agency has asked for an extraordinary collection action."
          columns={[
            { header: 'Asked', className: 'nowrap', cell: (r) => formatShortDate(r.requestedOn) },
            { header: 'Agency', cell: (r) => r.agencyName },
            { header: 'Account', className: 'mono', cell: (r) => r.accountNumber },
            { header: 'Action', cell: (r) => ECA_KIND_LABELS[r.kind] },
            {
              header: 'Answer',
              cell: (r) => (
                <>
                  <span className={`badge ${r.allowed ? 'ok' : 'warn'}`}>{r.allowed ? 'Allowed' : 'Refused'}</span>
                  {!r.allowed && r.allowedFrom && (
                    <div className="muted">allowed from {formatShortDate(r.allowedFrom)}</div>
                  )}
                </>
              ),
            },
            {
              header: 'Why',
              className: 'prose-cell',
              cell: (r) => [...r.reasons, r.note].filter(Boolean).join(' ') || DASH,
            },
          ]}
        />
      )}
    </section>
  );
}

export function PlacedAccounts() {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="placed">
      <h1>Placed accounts</h1>
      <Notice message={notice} warn={notice?.startsWith('Refused') ?? false} onDismiss={() => setNotice(null)} />
      <PlacedList onNotice={setNotice} />
      <RecallFiles />
      <EcaRequests />
    </section>
  );
}

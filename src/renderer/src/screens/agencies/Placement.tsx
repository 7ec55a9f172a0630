// Placement (issue 12 item 2): who may be placed today and who is left out, with the reason for
// each (one rule, src/shared/rules/agencyPlacement.ts); a clerk builds a batch (by agency share,
// by scorecard, or by hand with the accounts ticked here), reviews it (takes accounts out or
// cancels it), and a supervisor releases it: the accounts are placed and held from statements,
// and the placement file is written in the agency's layout. The batches are listed with their files.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import { roleAtLeast } from '../../../../shared/roles';
import { PLACEMENT_EXCLUSION_LABELS } from '../../../../shared/rules/agencyPlacement';
import {
  PLACEMENT_BUILD_METHOD_LABELS,
  PLACEMENT_BUILD_METHODS,
  PLACEMENT_EXCLUSIONS,
  PLACEMENT_KIND_LABELS,
  RETURN_REASON_LABELS,
  type PlacementBatchDetail,
  type PlacementBatchView,
  type PlacementCandidateView,
  type ReleaseResult,
} from '../../../../shared/schemas/agencies';
import { buildForm, releaseBatchForm } from '../../../../shared/schemas/agencyForms';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, GroupError, SelectField, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { KIND_OPTIONS, Notice, payerLabel, useSaveFile } from './common';
import { useWatch } from 'react-hook-form';

const DASH = <span className="muted">—</span>;

function guarantorLink(r: { guarantorId: number; guarantorName: string }) {
  return <a href={`#${PLACES.account.path}/${r.guarantorId}`}>{r.guarantorName}</a>;
}

const STATUS_LABELS: Record<PlacementBatchView['status'], string> = {
  draft: 'Draft',
  released: 'Released',
  cancelled: 'Cancelled',
};
const STATUS_TONES: Record<PlacementBatchView['status'], string> = { draft: 'warn', released: 'ok', cancelled: '' };

function BuildDialog({
  chosen,
  onClose,
  onBuilt,
}: {
  chosen: PlacementCandidateView[];
  onClose: () => void;
  onBuilt: (message: string, batchIds: number[]) => void;
}) {
  const agencies = useChannelQuery('agencies:list', {});
  const build = useChannelMutation('placements:build');
  const form = useSchemaForm(buildForm, {
    kind: 'primary',
    method: chosen.length > 0 ? 'hand' : 'share',
    agencyId: '',
    maxAccounts: '',
    accountIds: chosen.map((c) => c.accountId),
  });
  const method = useWatch({ control: form.control, name: 'method' });
  const placeable = (agencies.value ?? []).filter((a) => a.active && !a.cannotPlace);
  return (
    <DialogForm
      className="agency-form"
      title="Build a placement batch"
      form={form}
      fields={['kind', 'method', 'agencyId', 'maxAccounts', 'accountIds']}
      submitLabel="Build the batch"
      onClose={onClose}
      onSubmit={async (input) => {
        const { batchIds } = await build.mutateAsync(input);
        onBuilt(
          batchIds.length === 0
            ? 'No batch was built: no eligible account went to an agency.'
            : `${plural(batchIds.length, 'draft batch', 'draft batches')} built: review ${batchIds.length === 1 ? 'it' : 'them'} below; a supervisor releases them.`,
          batchIds,
        );
      }}
    >
      <p className="muted">
        The batch is a draft: nothing is placed or sent until a supervisor releases it. Only active agencies with a
        business associate agreement and a fee for the kind receive accounts, and each only guarantors living in a state
        where it is licensed.
      </p>
      <div className="form-grid">
        <SelectField name="kind" label="Placement kind" options={KIND_OPTIONS} className="span-2" />
        <SelectField
          name="method"
          label="How"
          options={PLACEMENT_BUILD_METHODS.map((m) => ({ value: m, label: PLACEMENT_BUILD_METHOD_LABELS[m] }))}
          className="span-4"
        />
        {method === 'hand' ? (
          <SelectField
            name="agencyId"
            label="Agency"
            placeholder="Choose…"
            options={placeable.map((a) => ({ value: String(a.id), label: a.name }))}
            className="span-4"
          />
        ) : (
          <TextField
            name="maxAccounts"
            label="At most this many accounts (optional)"
            type="number"
            hint="Largest balances first; blank: every eligible account."
            className="span-4"
          />
        )}
      </div>
      {method === 'hand' && (
        <>
          <p>
            {chosen.length === 0
              ? 'No account is ticked in the list of eligible accounts: close this and tick the accounts to place.'
              : `${plural(chosen.length, 'account', 'accounts')} ticked, ${formatCents(chosen.reduce((t, c) => t + c.balanceCents, 0))} in all.`}
          </p>
          <GroupError name="accountIds" />
        </>
      )}
      {method === 'share' && (
        <p className="muted">
          The eligible accounts are shared among the active agencies by their share of placements.
        </p>
      )}
      {method === 'score' && (
        <p className="muted">
          The eligible accounts go to the agency that earned the most per dollar placed (the scorecard).
        </p>
      )}
    </DialogForm>
  );
}

function Eligible({ onBuilt }: { onBuilt: (message: string, batchIds: number[]) => void }) {
  const eligible = useChannelQuery('placements:eligible', { limit: 500 });
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [building, setBuilding] = useState(false);
  const e = eligible.value;
  const rows = e?.eligible ?? [];
  const chosenRows = rows.filter((r) => chosen.has(r.accountId));
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const reasons = e ? PLACEMENT_EXCLUSIONS.filter((r) => e.leftOutByReason[r] > 0) : [];
  return (
    <section className="ws-section" aria-labelledby="placement-eligible">
      <div className="section-head">
        <h2 id="placement-eligible">Eligible today</h2>
        <button
          type="button"
          className="primary"
          disabled={!e || e.eligibleCount === 0}
          onClick={() => setBuilding(true)}
        >
          Build a batch…
        </button>
      </div>
      <FormAlert message={eligible.error} />
      {e && (
        <div className={eligible.loading ? 'stale' : undefined} aria-busy={eligible.loading}>
          <ul className="import-counts" aria-label="Eligible accounts">
            <li>
              <strong>{e.eligibleCount.toLocaleString('en-US')}</strong>{' '}
              {e.eligibleCount === 1 ? 'account may be placed' : 'accounts may be placed'}
            </li>
            <li>
              <strong>{formatCents(e.eligibleCents)}</strong> in all
            </li>
            <li>
              <strong>{e.leftOutCount.toLocaleString('en-US')}</strong> left out
            </li>
          </ul>
          <p className="muted">
            Tick accounts to place them by hand with one agency; build by share or by scorecard to give every eligible
            account to the agencies.
            {e.eligibleCount > rows.length &&
              ` The ${rows.length.toLocaleString('en-US')} largest balances are listed.`}
          </p>
          <div className="actions start tick-bar">
            <button
              type="button"
              className="small"
              disabled={rows.length === 0 || chosen.size === rows.length}
              onClick={() => setChosen(new Set(rows.map((r) => r.accountId)))}
            >
              Tick every account listed
            </button>
            <button type="button" className="small" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>
              Untick all
            </button>
            <span className="muted" aria-live="polite">
              {chosen.size === 0 ? 'None ticked.' : `${plural(chosen.size, 'account', 'accounts')} ticked.`}
            </span>
          </div>
          <DataTable
            caption="Accounts eligible for placement"
            rows={rows}
            rowKey={(r) => r.accountId}
            virtual={rows.length > 50}
            scrollClassName={rows.length > 50 ? 'register-scroll' : undefined}
            empty="No account may be placed today."
            columns={[
              {
                header: 'Choose',
                headerHidden: true,
                cell: (r) => (
                  <input
                    type="checkbox"
                    checked={chosen.has(r.accountId)}
                    aria-label={`Choose account ${r.accountNumber}`}
                    onChange={() => toggle(r.accountId)}
                  />
                ),
              },
              { header: 'Account', rowHeader: true, className: 'mono', cell: (r) => r.accountNumber },
              { header: 'Guarantor', cell: guarantorLink },
              { header: 'State', cell: (r) => r.guarantorState || DASH },
              { header: 'Payer', cell: (r) => payerLabel(r.payerClass) },
              {
                header: 'Final notice',
                className: 'nowrap',
                cell: (r) => (r.finalNoticeDate ? formatShortDate(r.finalNoticeDate) : DASH),
              },
              { header: 'Balance', className: 'num', cell: (r) => formatCents(r.balanceCents) },
            ]}
          />
          <h3>Left out, by reason</h3>
          {reasons.length === 0 ? (
            <p className="table-empty">No account is left out.</p>
          ) : (
            <ul className="import-counts" aria-label="Left out, by reason">
              {reasons.map((r) => (
                <li key={r}>
                  <strong>{e.leftOutByReason[r].toLocaleString('en-US')}</strong> {PLACEMENT_EXCLUSION_LABELS[r]}
                </li>
              ))}
            </ul>
          )}
          <DataTable
            caption="Accounts left out, with the reason for each"
            rows={e.leftOut}
            rowKey={(r) => r.accountId}
            virtual={e.leftOut.length > 50}
            scrollClassName={e.leftOut.length > 50 ? 'register-scroll' : undefined}
            empty="No account is left out."
            columns={[
              { header: 'Account', rowHeader: true, className: 'mono', cell: (r) => r.accountNumber },
              { header: 'Guarantor', cell: guarantorLink },
              { header: 'Balance', className: 'num', cell: (r) => formatCents(r.balanceCents) },
              {
                header: 'Why not',
                className: 'prose-cell',
                cell: (r) => r.reasons.map((x) => PLACEMENT_EXCLUSION_LABELS[x]).join('; '),
              },
            ]}
          />
        </div>
      )}
      {building && (
        <BuildDialog
          chosen={chosenRows}
          onClose={() => setBuilding(false)}
          onBuilt={(message, ids) => {
            setBuilding(false);
            setChosen(new Set());
            onBuilt(message, ids);
          }}
        />
      )}
    </section>
  );
}

function ReleaseDialog({
  batch,
  onClose,
  onReleased,
}: {
  batch: PlacementBatchDetail;
  onClose: () => void;
  onReleased: (result: ReleaseResult) => void;
}) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const needsApproval = !roleAtLeast(role, 'supervisor');
  const form = useSchemaForm(releaseBatchForm(needsApproval), { approval: { username: '', password: '' } });
  const release = useChannelMutation('placements:release');
  return (
    <DialogForm
      className="agency-form"
      title="Release the placement batch"
      form={form}
      fields={['approval.username', 'approval.password']}
      aliases={{ approval: 'approval.username' }}
      submitLabel="Release and write the file"
      onClose={onClose}
      onSubmit={async ({ approval }) => {
        onReleased(await release.mutateAsync({ batchId: batch.id, ...(approval ? { approval } : {}) }));
      }}
    >
      <p>
        {plural(batch.accountCount, 'account', 'accounts')} for {formatCents(batch.totalCents)} will be placed with{' '}
        {batch.agencyName} ({PLACEMENT_KIND_LABELS[batch.kind].toLowerCase()}). Each is held from statements while it is
        with the agency, and the placement file is written in the agency&rsquo;s layout. An account no longer eligible
        today is left out and said so.
      </p>
      {needsApproval && (
        <SupervisorApprovalFields note="Only a supervisor releases a placement batch: they type their own user name and password here after reviewing it." />
      )}
    </DialogForm>
  );
}

function ConfirmCancel({
  batch,
  onClose,
  onDone,
}: {
  batch: PlacementBatchDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const cancel = useChannelMutation('placements:cancel');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Cancel batch #${batch.id}`} onClose={onClose}>
      <p>
        The draft batch of {plural(batch.accountCount, 'account', 'accounts')} for {batch.agencyName} is cancelled; its
        accounts may be placed again. Nothing was sent.
      </p>
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Keep the batch
        </button>
        <button
          type="button"
          className="danger"
          disabled={cancel.isPending}
          onClick={() => {
            setError(null);
            cancel.mutateAsync({ batchId: batch.id }).then(onDone, (e: unknown) => setError(messageOf(e)));
          }}
        >
          Cancel the batch
        </button>
      </div>
    </Dialog>
  );
}

function BatchReview({
  batchId,
  onClose,
  onChanged,
}: {
  batchId: number;
  onClose: () => void;
  /** Released or cancelled: the page's notice about building it is done with. */
  onChanged: () => void;
}) {
  const detail = useChannelQuery('placements:batch', { batchId });
  const remove = useChannelMutation('placements:remove');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'release' | 'cancel' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [released, setReleased] = useState<ReleaseResult | null>(null);
  const file = useSaveFile((id: number) => call('placements:file', { batchId: id }));
  const b = detail.value;
  const draft = b?.status === 'draft';
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const takeOut = async () => {
    if (!b) return;
    setError(null);
    try {
      await remove.mutateAsync({ batchId: b.id, placementIds: [...chosen] });
      setNotice(`${plural(chosen.size, 'account', 'accounts')} taken out of the batch.`);
      setChosen(new Set());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const rows = b ? (draft ? b.rows.filter((r) => r.status === 'proposed') : b.rows) : [];
  return (
    <section className="ws-section batch-review" aria-labelledby="batch-review">
      <div className="section-head">
        <h2 id="batch-review">
          {b ? `Batch #${b.id}: ${b.agencyName}, ${PLACEMENT_KIND_LABELS[b.kind].toLowerCase()}` : `Batch #${batchId}`}
        </h2>
        <button type="button" onClick={onClose}>
          Close the batch
        </button>
      </div>
      <FormAlert message={detail.error ?? error ?? file.error} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {released && (
        <div className="form-notice" role="status" aria-label="Release summary">
          <p className="flush">
            {plural(released.placed, 'account', 'accounts')} placed for {formatCents(released.placedCents)}; the
            placement file {released.file.fileName} is written.
            {released.dropped.length > 0 &&
              ` Left out as no longer eligible: ${released.dropped
                .map((d) => `${d.accountNumber} (${d.reasons.map((r) => PLACEMENT_EXCLUSION_LABELS[r]).join('; ')})`)
                .join(', ')}.`}
          </p>
        </div>
      )}
      {b && (
        <>
          <ul className="import-counts" aria-label="The batch">
            <li>
              <strong>{b.accountCount.toLocaleString('en-US')}</strong> {b.accountCount === 1 ? 'account' : 'accounts'}
            </li>
            <li>
              <strong>{formatCents(b.totalCents)}</strong> in all
            </li>
          </ul>
          <p className="batch-facts">
            <span className={`badge ${STATUS_TONES[b.status]}`}>{STATUS_LABELS[b.status]}</span>{' '}
            {PLACEMENT_BUILD_METHOD_LABELS[b.method]}; built {formatShortDate(b.builtOn)}
            {b.builtBy ? ` by ${b.builtBy}` : ''}
            {b.releasedOn &&
              `; released ${formatShortDate(b.releasedOn)}${b.approvedBy ? ` with ${b.approvedBy}’s approval` : b.releasedBy ? ` by ${b.releasedBy}` : ''}`}
            .
          </p>
          <div className="actions start">
            {draft && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={b.accountCount === 0}
                  onClick={() => setDialog('release')}
                >
                  Release…
                </button>
                <button type="button" disabled={chosen.size === 0 || remove.isPending} onClick={() => void takeOut()}>
                  Take the ticked accounts out
                </button>
                <button type="button" className="danger" onClick={() => setDialog('cancel')}>
                  Cancel the batch…
                </button>
              </>
            )}
            {b.hasFile && (
              <button type="button" disabled={file.busy !== null} onClick={() => void file.save(b.id)}>
                {file.busy !== null ? 'Preparing…' : 'Download the placement file'}
              </button>
            )}
          </div>
          <DataTable
            caption={`Accounts in batch #${b.id}`}
            rows={rows}
            rowKey={(r) => r.id}
            stale={detail.loading}
            virtual={rows.length > 50}
            scrollClassName={rows.length > 50 ? 'register-scroll' : undefined}
            empty={draft ? 'Every account has been taken out of this batch.' : 'No account in this batch.'}
            columns={[
              ...(draft
                ? [
                    {
                      header: 'Take out',
                      headerHidden: true,
                      cell: (r: (typeof rows)[number]) => (
                        <input
                          type="checkbox"
                          checked={chosen.has(r.id)}
                          aria-label={`Take account ${r.accountNumber} out`}
                          onChange={() => toggle(r.id)}
                        />
                      ),
                    },
                  ]
                : []),
              { header: 'Account', rowHeader: true, className: 'mono', cell: (r) => r.accountNumber },
              { header: 'Guarantor', cell: guarantorLink },
              { header: 'Payer', cell: (r) => payerLabel(r.payerClass) },
              {
                header: 'Amount',
                className: 'num',
                cell: (r) => formatCents(r.placedCents ?? r.proposedCents),
              },
              ...(draft
                ? []
                : [
                    {
                      header: 'Status',
                      cell: (r: (typeof rows)[number]) =>
                        r.status === 'placed'
                          ? 'Placed'
                          : r.status === 'returned'
                            ? `Back ${r.returnedOn ? formatShortDate(r.returnedOn) : ''}: ${r.returnReason ? RETURN_REASON_LABELS[r.returnReason] : ''}`
                            : r.returnReason
                              ? `Not placed: ${RETURN_REASON_LABELS[r.returnReason]}`
                              : 'Not placed',
                    },
                  ]),
            ]}
          />
          {dialog === 'release' && (
            <ReleaseDialog
              batch={b}
              onClose={() => setDialog(null)}
              onReleased={(r) => {
                setDialog(null);
                setNotice(null);
                setReleased(r);
                onChanged();
              }}
            />
          )}
          {dialog === 'cancel' && (
            <ConfirmCancel
              batch={b}
              onClose={() => setDialog(null)}
              onDone={() => {
                setDialog(null);
                setNotice(`Batch #${b.id} cancelled.`);
                onChanged();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function Batches({ onReview }: { onReview: (batchId: number) => void }) {
  const batches = useChannelQuery('placements:batches', {});
  const file = useSaveFile((batchId: number) => call('placements:file', { batchId }));
  return (
    <section className="ws-section" aria-labelledby="placement-batches">
      <h2 id="placement-batches">Batches</h2>
      <FormAlert message={batches.error ?? file.error} />
      {batches.value && (
        <DataTable
          caption="Placement batches"
          rows={batches.value}
          rowKey={(b) => b.id}
          stale={batches.loading}
          empty="No batch has been built yet."
          columns={[
            { header: '#', className: 'num', cell: (b) => b.id },
            { header: 'Agency', rowHeader: true, cell: (b) => b.agencyName },
            { header: 'Kind', cell: (b) => PLACEMENT_KIND_LABELS[b.kind] },
            {
              header: 'Status',
              cell: (b) => <span className={`badge ${STATUS_TONES[b.status]}`}>{STATUS_LABELS[b.status]}</span>,
            },
            {
              header: 'Built',
              className: 'nowrap',
              cell: (b) => (
                <>
                  {formatShortDate(b.builtOn)}
                  {b.builtBy && <div className="muted">{b.builtBy}</div>}
                </>
              ),
            },
            {
              header: 'Released',
              className: 'nowrap',
              cell: (b) =>
                b.releasedOn ? (
                  <>
                    {formatShortDate(b.releasedOn)}
                    {(b.approvedBy ?? b.releasedBy) && <div className="muted">{b.approvedBy ?? b.releasedBy}</div>}
                  </>
                ) : (
                  DASH
                ),
            },
            { header: 'Accounts', className: 'num', cell: (b) => b.accountCount.toLocaleString('en-US') },
            { header: 'Amount', className: 'num', cell: (b) => formatCents(b.totalCents) },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (b) => (
                <>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${b.status === 'draft' ? 'Review' : 'Open'} batch #${b.id}`}
                    onClick={() => onReview(b.id)}
                  >
                    {b.status === 'draft' ? 'Review' : 'Open'}
                  </button>
                  {b.hasFile && (
                    <button
                      type="button"
                      className="small"
                      disabled={file.busy !== null}
                      aria-label={`Download the placement file of batch #${b.id}`}
                      onClick={() => void file.save(b.id)}
                    >
                      {file.busy === b.id ? 'Preparing…' : 'File'}
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

export function Placement() {
  const [reviewing, setReviewing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="placement">
      <h1>Placement</h1>
      <p className="muted">
        An account may be placed with a collection agency after its final notice&rsquo;s waiting days and the
        notification period, with a balance at least the placement minimum, and nothing that stops collection (the same
        thresholds for every payer class). A placement is not an extraordinary collection action; an agency&rsquo;s own
        requests for one go through the 501(r) gate (Placed accounts).
      </p>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {reviewing !== null && (
        <BatchReview
          key={reviewing}
          batchId={reviewing}
          onClose={() => setReviewing(null)}
          onChanged={() => setNotice(null)}
        />
      )}
      <Eligible
        onBuilt={(message, ids) => {
          setNotice(message);
          if (ids.length > 0) setReviewing(ids[0]!);
        }}
      />
      <Batches onReview={setReviewing} />
    </section>
  );
}

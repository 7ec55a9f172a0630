// Statements and the 501(r) clock for one guarantor: per account the first statement (D0), the
// final notice and the earliest day a collection action (a credit report) may be taken, or why
// not yet; the statements sent, each reprinted byte for byte; the holds that stop the cycle, the
// automatic ones kept by Recoup from the record, with "Place a hold…" and "Release…", and "New
// address…" when mail came back (issue 11: the corrected address ends the returned-mail hold).
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { HOLD_REASON_LABELS, PLACEABLE_HOLD_REASONS } from '../../../../shared/rules/statementCycle';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import { newAddressForm, placeHoldForm, releaseHoldForm, type HoldView } from '../../../../shared/schemas/holds';
import { call } from '../../api';
import { useOpenFile } from '../../storedDocument';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { DataTable } from '../../components/DataTable';
import { AddressFields } from '../../components/HospitalFields';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useSchemaForm } from '../../forms';

const dash = <span className="muted">—</span>;
const dateOrDash = (d: string | null) => (d ? formatShortDate(d) : dash);

function EarliestCollectionAction({ accountId }: { accountId: number }) {
  const check = useChannelQuery('eca:check', { accountId, kind: 'credit_report' });
  if (check.error) return <span className="error-text">{check.error}</span>;
  const d = check.value;
  if (!d) return <span className="muted">Reading…</span>;
  if (d.allowed) return <span>Allowed now</span>;
  return (
    <>
      {d.allowedFrom ? <strong>{formatShortDate(d.allowedFrom)}</strong> : <span>Not yet</span>}
      {!d.allowedFrom && d.reasons.length > 0 && (
        <ul className="plain-list muted">
          {d.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function PlaceHoldDialog({
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
  const place = useChannelMutation('holds:place');
  const form = useSchemaForm(placeHoldForm, { reason: '', accountId: '', note: '', until: '' });
  return (
    <DialogForm
      title="Place a hold"
      form={form}
      fields={['reason', 'accountId', 'note', 'until']}
      submitLabel="Place the hold"
      onClose={onClose}
      onSubmit={async (hold) => {
        await place.mutateAsync({ guarantorId, ...hold });
        onDone(`Hold placed: ${HOLD_REASON_LABELS[hold.reason]}.`);
      }}
    >
      <div className="form-grid">
        <SelectField
          name="reason"
          label="Reason"
          placeholder="Choose why the cycle stops"
          options={PLACEABLE_HOLD_REASONS.map((r) => ({ value: r, label: HOLD_REASON_LABELS[r] }))}
          className="span-3"
        />
        <SelectField
          name="accountId"
          label="Account"
          options={[
            { value: '', label: 'All accounts' },
            ...accounts.map((a) => ({ value: String(a.id), label: `Account ${a.accountNumber}` })),
          ]}
          className="span-3"
        />
        <TextField
          name="until"
          label="Until (optional)"
          type="date"
          hint="Open-ended when left empty."
          className="span-3"
        />
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

function NewAddressDialog({
  guarantorId,
  onClose,
  onDone,
}: {
  guarantorId: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const save = useChannelMutation('holds:newAddress');
  const form = useSchemaForm(newAddressForm, {
    address: { line1: '', line2: '', city: '', state: undefined, zip: '' },
  });
  return (
    <DialogForm
      title="New address"
      form={form}
      fields={['address.line1', 'address.line2', 'address.city', 'address.state', 'address.zip']}
      submitLabel="Save the address"
      onClose={onClose}
      onSubmit={async ({ address }) => {
        await save.mutateAsync({ guarantorId, address });
        onDone('Address corrected: the statements and letters held for returned mail go out again.');
      }}
    >
      <p>
        Mail to this guarantor came back. The corrected address ends the hold; the old and the new address are kept in
        the activity log. Correct it in the billing system too, or its next extract brings the old one back.
      </p>
      <AddressFields prefix="address" labels="street" />
    </DialogForm>
  );
}

function ReleaseHoldDialog({
  hold,
  onClose,
  onDone,
}: {
  hold: HoldView & { id: number };
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const release = useChannelMutation('holds:release');
  const form = useSchemaForm(releaseHoldForm, { note: '' });
  return (
    <DialogForm
      title="Release the hold"
      form={form}
      fields={['note']}
      aliases={{ note: 'note' }}
      submitLabel="Release"
      onClose={onClose}
      onSubmit={async ({ note }) => {
        await release.mutateAsync({ holdId: hold.id, note });
        onDone(`Hold released: ${HOLD_REASON_LABELS[hold.reason]}.`);
      }}
    >
      <p>{HOLD_REASON_LABELS[hold.reason]}</p>
      <TextAreaField name="note" label="Why it is released" />
    </DialogForm>
  );
}

export function StatementCycle({
  guarantorId,
  accounts,
  onOpenPdf,
  onNotice,
}: {
  guarantorId: number;
  accounts: AccountView[];
  onOpenPdf: (file: FileHandle) => void;
  onNotice: (message: string) => void;
}) {
  const statements = useChannelQuery('statements:list', { guarantorId });
  const holds = useChannelQuery('holds:list', { guarantorId });
  const [dialog, setDialog] = useState<
    { kind: 'place' } | { kind: 'address' } | { kind: 'release'; hold: HoldView & { id: number } } | null
  >(null);
  // A D0 before Recoup's first statement came with the billing extract (the billing system's statement).
  const firstSent = statements.value?.reduce<string | null>(
    (min, x) => (min === null || x.statementDate < min ? x.statementDate : min),
    null,
  );
  const accountNumber = (id: number | null) =>
    id === null ? 'All accounts' : `Account ${accounts.find((a) => a.id === id)?.accountNumber ?? id}`;
  const done = (message: string) => {
    setDialog(null);
    onNotice(message);
  };
  const { error: reprintError, open: reprint } = useOpenFile(
    (statementId) => call('statements:reprint', { statementId }),
    onOpenPdf,
  );

  return (
    <section className="ws-section" aria-labelledby="ws-statements">
      <h2 id="ws-statements">Statements and the 501(r) clock</h2>
      <FormAlert message={reprintError ?? statements.error ?? holds.error} />
      <DataTable
        caption="501(r) clock"
        rows={accounts}
        rowKey={(a) => a.id}
        empty="This guarantor has no accounts."
        columns={[
          { header: 'Account', rowHeader: true, cell: (a) => a.accountNumber },
          {
            header: 'First statement (D0)',
            cell: (a) => (
              <>
                {dateOrDash(a.firstStatementDate)}
                {a.firstStatementDate && statements.value && (!firstSent || a.firstStatementDate < firstSent) && (
                  <div className="muted">from the billing system</div>
                )}
              </>
            ),
          },
          {
            header: 'Final notice',
            cell: (a) =>
              a.finalNoticeDate ? formatShortDate(a.finalNoticeDate) : <span className="muted">Not sent</span>,
          },
          {
            header: 'Earliest collection action (credit report)',
            cell: (a) =>
              a.balanceCents > 0 ? (
                <EarliestCollectionAction accountId={a.id} />
              ) : (
                <span className="muted">None: nothing owed</span>
              ),
          },
        ]}
      />

      <h3>
        Statements sent <span className="count">{statements.value?.length ?? 0}</span>
      </h3>
      {statements.value && (
        <DataTable
          caption="Statements sent"
          rows={statements.value}
          rowKey={(x) => x.id}
          empty="No statement has been sent to this guarantor yet."
          columns={[
            { header: 'Date', className: 'nowrap', cell: (x) => formatShortDate(x.statementDate) },
            {
              header: 'Statement',
              cell: (x) => (x.kind === 'final_notice' ? 'Final notice' : `Statement ${x.numberInCycle}`),
            },
            { header: 'Due by', className: 'nowrap', cell: (x) => formatShortDate(x.dueDate) },
            { header: 'Amount due', className: 'num', cell: (x) => formatCents(x.amountDueCents) },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (x) => (
                <button
                  type="button"
                  className="small"
                  aria-label={`Reprint the statement of ${formatShortDate(x.statementDate)}`}
                  onClick={() => void reprint(x.id)}
                >
                  Reprint
                </button>
              ),
            },
          ]}
        />
      )}

      <div className="section-head">
        <h3>
          Holds <span className="count">{holds.value?.filter((h) => h.active).length ?? 0}</span>
        </h3>
        <button type="button" onClick={() => setDialog({ kind: 'place' })}>
          Place a hold…
        </button>
      </div>
      {holds.value && (
        <DataTable
          caption="Holds"
          rows={holds.value}
          rowKey={(h, i) => h.id ?? `auto-${i}`}
          rowClassName={(h) => (h.active ? undefined : 'muted')}
          empty="No hold stops the statement cycle."
          columns={[
            {
              header: 'Reason',
              cell: (h) => (
                <>
                  {/* A hold a matter owns is named by that matter, as the next-step line names it. */}
                  {holdLabel(h)}
                  {!h.active && h.releasedOn && (
                    <div className="muted">
                      Released {formatShortDate(h.releasedOn)}
                      {h.releasedBy ? ` by ${h.releasedBy}` : ''}
                      {h.releaseNote ? `: ${h.releaseNote}` : ''}
                    </div>
                  )}
                </>
              ),
            },
            { header: 'On', cell: (h) => accountNumber(h.accountId) },
            { header: 'Note', cell: (h) => h.note || dash },
            { header: 'Until', className: 'nowrap', cell: (h) => (h.until ? formatShortDate(h.until) : dash) },
            {
              header: 'Placed by',
              cell: (h) =>
                h.automatic ? (
                  <em>kept by Recoup</em>
                ) : (
                  <>
                    {h.placedBy ?? dash}
                    {h.placedOn && <div className="muted">{formatShortDate(h.placedOn)}</div>}
                  </>
                ),
            },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (h) =>
                h.active && h.reason === 'returned_mail' ? (
                  <button type="button" className="small" onClick={() => setDialog({ kind: 'address' })}>
                    New address…
                  </button>
                ) : (
                  h.active &&
                  !h.automatic &&
                  !h.owner &&
                  h.id !== null && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => setDialog({ kind: 'release', hold: { ...h, id: h.id as number } })}
                    >
                      Release…
                    </button>
                  )
                ),
            },
          ]}
        />
      )}
      {dialog?.kind === 'place' && (
        <PlaceHoldDialog guarantorId={guarantorId} accounts={accounts} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'address' && (
        <NewAddressDialog guarantorId={guarantorId} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'release' && (
        <ReleaseHoldDialog hold={dialog.hold} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

/**
 * A hold's reason as the list says it. An arrangement (a payroll deduction, an OB prepayment) holds
 * its accounts under its own name, never as "Payment plan current"; a matter's own hold (a
 * small-claims case's) keeps its reason and names the matter.
 */
function holdLabel(h: { reason: keyof typeof HOLD_REASON_LABELS; owner: string | null }): string {
  if (!h.owner) return HOLD_REASON_LABELS[h.reason];
  const owner = h.owner.charAt(0).toUpperCase() + h.owner.slice(1);
  return h.reason === 'plan_current' ? owner : `${HOLD_REASON_LABELS[h.reason]} (${h.owner})`;
}

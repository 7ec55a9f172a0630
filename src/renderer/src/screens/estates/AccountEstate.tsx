// The estate on the account workspace (issue 14): for a deceased guarantor a banner at the top,
// with the death, the estate's status and claim deadline and a link to the estate's page, and a
// supervisor's "Undo the death" for a death recorded by mistake (the history is kept); for anyone
// else, "Record a death…". Each account of the estate carries the estate's line too (estateLine).
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { roleAtLeast } from '../../../../shared/roles';
import { CLERK_DEATH_SOURCES, DEATH_SOURCE_LABELS, ESTATE_STATUS_LABELS } from '../../../../shared/rules/estates';
import type { GuarantorEstate } from '../../../../shared/schemas/estates';
import { recordDeathForm, undoDeathForm } from '../../../../shared/schemas/estatesForms';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { estateHref, openEstate } from '../../routes';
import { useWorkspace } from '../../session';
import { DaysLeft, EstateStatusBadge, OPEN_ESTATE } from './common';
import { useState } from 'react';
import './estates.css';

/** The standing death (not undone), if any. */
export function standingDeath(e: GuarantorEstate | null) {
  return e?.deaths.find((d) => d.undoneOn === null) ?? null;
}

/** One line for an account of the estate: its status and deadline, with the link. */
export function EstateLine({ estate, accountId }: { estate: GuarantorEstate | null; accountId: number }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const e = estate?.estate;
  if (!e || !standingDeath(estate) || !e.accounts.some((a) => a.accountId === accountId)) return null;
  return (
    <p className="account-estate">
      <span className="badge bad">Estate claim</span> <EstateStatusBadge status={e.status} />{' '}
      {e.filedOn ? `filed ${formatShortDate(e.filedOn)}` : <>due by {formatShortDate(e.deadline)} </>}
      {!e.filedOn && OPEN_ESTATE.has(e.status) && <DaysLeft today={today} due={e.deadline} />}{' '}
      <a href={estateHref(e.id)}>Open the estate</a>
    </p>
  );
}

/**
 * `place` 'top': the banner of a deceased guarantor, under the header (nothing otherwise);
 * 'section': the Death section among the workspace's sections, with "Record a death…" and any
 * death undone before (nothing while a death stands: the banner says it).
 */
export function AccountEstate({
  guarantorId,
  guarantorName,
  place,
  onNotice,
}: {
  guarantorId: number;
  guarantorName: string;
  place: 'top' | 'section';
  onNotice: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const estate = useChannelQuery('estates:ofGuarantor', { guarantorId });
  const [dialog, setDialog] = useState<'record' | 'undo' | null>(null);
  const v = estate.value;
  const death = standingDeath(v);
  const e = v?.estate ?? null;
  const undone = v?.deaths.filter((d) => d.undoneOn !== null) ?? [];
  return (
    <>
      {place === 'section' && <FormAlert message={estate.error} />}
      {place === 'top' && v && death && (
        <section className="estate-banner" aria-labelledby="ws-estate">
          <h2 id="ws-estate">
            {e && !OPEN_ESTATE.has(e.status) ? 'Deceased' : 'Deceased: the balance is claimed from the estate'}
          </h2>
          <p>
            {guarantorName} died on <strong>{formatLongDate(death.dateOfDeath)}</strong> (reported by{' '}
            {DEATH_SOURCE_LABELS[death.source].toLowerCase()}, recorded {formatShortDate(death.recordedOn)}). No
            statement, letter or payment plan goes to them; their plans and promises are suspended.
          </p>
          {e && (
            <p>
              Estate: <EstateStatusBadge status={e.status} />{' '}
              {e.filedOn ? (
                <>claim filed {formatLongDate(e.filedOn)}.</>
              ) : (
                <>
                  claim due by <strong>{formatLongDate(e.deadline)}</strong>{' '}
                  {OPEN_ESTATE.has(e.status) && <DaysLeft today={today} due={e.deadline} />}
                </>
              )}
              {e.releaseNeeded && (
                <>
                  {' '}
                  <span className="badge bad">Release needed</span>
                </>
              )}
            </p>
          )}
          {e?.reminder && <p>{e.reminder.text}</p>}
          <div className="actions">
            {e && (
              <button type="button" className="primary" onClick={() => openEstate(e.id)}>
                Open the estate
              </button>
            )}
            {roleAtLeast(role, 'supervisor') && (
              <button type="button" onClick={() => setDialog('undo')}>
                Undo the death…
              </button>
            )}
          </div>
        </section>
      )}
      {place === 'section' && v && !death && (
        <section className="ws-section" aria-labelledby="ws-death">
          <div className="section-head">
            <h2 id="ws-death">Death</h2>
            <button type="button" onClick={() => setDialog('record')}>
              Record a death…
            </button>
          </div>
          {undone.length === 0 ? (
            <p className="muted">No death is recorded for {guarantorName}.</p>
          ) : (
            <ul>
              {undone.map((d) => (
                <li key={d.id}>
                  A death on {formatLongDate(d.dateOfDeath)} was recorded {formatShortDate(d.recordedOn)} and undone{' '}
                  {formatShortDate(d.undoneOn!)}
                  {d.undoneBy ? ` by ${d.undoneBy}` : ''}: {d.undoReason}
                  {e && e.death.id === d.id && (
                    <>
                      {' '}
                      (<a href={estateHref(e.id)}>estate {ESTATE_STATUS_LABELS[e.status].toLowerCase()}</a>)
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {dialog === 'record' && (
        <RecordDeathDialog
          guarantorId={guarantorId}
          guarantorName={guarantorName}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            onNotice(m);
          }}
        />
      )}
      {dialog === 'undo' && death && (
        <UndoDeathDialog
          guarantorId={guarantorId}
          guarantorName={guarantorName}
          dateOfDeath={death.dateOfDeath}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            onNotice(m);
          }}
        />
      )}
    </>
  );
}

export function RecordDeathDialog({
  guarantorId,
  guarantorName,
  onClose,
  onDone,
}: {
  guarantorId: number;
  guarantorName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('estates:recordDeath');
  const form = useSchemaForm(recordDeathForm(today), { dateOfDeath: '', source: '', note: '' });
  return (
    <DialogForm
      title="Record a death"
      form={form}
      fields={['dateOfDeath', 'source', 'note']}
      submitLabel="Record the death"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        const estate = await record.mutateAsync({ guarantorId, ...v });
        onDone(
          `Death recorded. Statements and letters to ${guarantorName} stopped; plans and promises suspended; the claim is due by ${formatLongDate(estate.deadline)}.`,
        );
      }}
    >
      <p>
        At once: statements, letters and plan reminders to {guarantorName} stop, open payment plans and promises are
        suspended, accounts at a collection agency are recalled, and an estate enters the work queue with its claim
        deadline. A supervisor can undo a death recorded by mistake.
      </p>
      <div className="form-grid">
        <TextField name="dateOfDeath" label="Date of death" type="date" max={today} className="span-2" />
        <SelectField
          name="source"
          label="How the death became known"
          placeholder="Choose…"
          options={CLERK_DEATH_SOURCES.map((s) => ({
            value: s,
            label: DEATH_SOURCE_LABELS[s],
          }))}
          className="span-4"
        />
        <TextAreaField
          name="note"
          label="Note (optional)"
          rows={2}
          hint="Like: the daughter called; the obituary’s newspaper."
          className="span-6"
        />
      </div>
    </DialogForm>
  );
}

export function UndoDeathDialog({
  guarantorId,
  guarantorName,
  dateOfDeath,
  onClose,
  onDone,
}: {
  guarantorId: number;
  guarantorName: string;
  dateOfDeath: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const undo = useChannelMutation('estates:undoDeath');
  const form = useSchemaForm(undoDeathForm, { reason: '' });
  return (
    <DialogForm
      title="Undo the death"
      form={form}
      fields={['reason']}
      submitLabel="Undo the death"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await undo.mutateAsync({ guarantorId, ...v });
        onDone(`The death is undone: ${guarantorName}'s plans and promises are resumed; the estate is withdrawn.`);
      }}
    >
      <p>
        For a death recorded by mistake ({formatLongDate(dateOfDeath)}). The deceased flag is lifted, the plans and
        promises the death suspended go back to where they were, and the estate is withdrawn. Accounts recalled from a
        collection agency are not placed again. The record of the death and its undoing are kept.
      </p>
      <TextAreaField name="reason" label="Reason" rows={3} />
    </DialogForm>
  );
}

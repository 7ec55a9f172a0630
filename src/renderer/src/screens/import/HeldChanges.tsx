// Changes an extract asked for that wait for a supervisor (a new name or date of birth on a
// guarantor Recoup has, the lifting of a legal or contact flag): listed for everyone on the Import
// screen; a supervisor approves (applied then) or rejects each, with a note.
import { useState } from 'react';
import type { HeldChange } from '../../../../shared/schemas/import';
import { roleAtLeast } from '../../../../shared/roles';
import { messageOf } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { FormAlert, FormNotice } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { fieldLabel, valueShown } from './ImportReportView';

function Decide({
  change,
  onDone,
}: {
  change: HeldChange;
  onDone(message: string | null, error: string | null): void;
}) {
  const decide = useChannelMutation('importHeld:decide');
  const [note, setNote] = useState('');
  const id = `held-note-${change.id}`;
  const act = async (decision: 'approve' | 'reject') => {
    try {
      const d = await decide.mutateAsync({ id: change.id, decision, note });
      onDone(
        `${decision === 'approve' ? 'Approved' : 'Rejected'}: ${fieldLabel(d.field)} of ${d.guarantor}${decision === 'approve' ? ` is now ${d.to ?? '(blank)'}` : ` stays ${d.from ?? '(blank)'}`}.`,
        null,
      );
    } catch (e) {
      onDone(null, messageOf(e));
    }
  };
  return (
    <div className="held-decide">
      <label htmlFor={id} className="visually-hidden">
        Note on {fieldLabel(change.field)} of {change.guarantor}
      </label>
      <input
        id={id}
        placeholder="Note (optional)"
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" disabled={decide.isPending} onClick={() => void act('approve')}>
        Approve
      </button>
      <button type="button" disabled={decide.isPending} onClick={() => void act('reject')}>
        Reject
      </button>
    </div>
  );
}

export function HeldChanges() {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  const held = useChannelQuery('importHeld:list', { status: 'pending' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = held.value ?? [];
  const columns: Column<HeldChange>[] = [
    {
      header: 'Guarantor',
      cell: (h) => (
        <>
          {h.guarantor} <span className="mono muted">{h.guarantorNumber}</span>
        </>
      ),
    },
    { header: 'Field', width: '9rem', cell: (h) => fieldLabel(h.field) },
    { header: 'Recoup has', className: 'wrap', cell: (h) => valueShown(h.field, h.from) },
    { header: 'The extract says', className: 'wrap', cell: (h) => valueShown(h.field, h.to) },
    { header: 'From', className: 'mono', width: '12rem', cell: (h) => `${h.file}, line ${h.line}` },
    ...(supervisor
      ? [
          {
            header: 'Decision',
            width: '22rem',
            cell: (h: HeldChange) => (
              <Decide
                change={h}
                onDone={(message, err) => {
                  setNotice(message);
                  setError(err);
                }}
              />
            ),
          },
        ]
      : []),
  ];
  if (list.length === 0 && !notice && !held.error) return null;
  return (
    <section className="held-changes" aria-labelledby="held-changes">
      <h2 id="held-changes">Changes waiting for a supervisor ({list.length})</h2>
      <p className="note">
        An extract asked to change who a guarantor is (name, date of birth) or to lift a legal or contact flag. These
        are not applied until a supervisor approves them.
        {!supervisor && ' Ask a supervisor to review them.'}
      </p>
      <FormNotice message={notice} />
      <FormAlert message={error ?? held.error} />
      {list.length > 0 && (
        <DataTable
          caption="Changes waiting for a supervisor"
          className="changes-table"
          rows={list}
          rowKey={(h) => h.id}
          columns={columns}
          empty="Nothing waits."
        />
      )}
    </section>
  );
}

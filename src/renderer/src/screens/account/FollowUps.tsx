// Follow-up tasks (ticklers) for this guarantor: what to do, by when, by whom. Open tasks first;
// a task is closed as done or cancelled, never deleted.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import type { AccountView, FollowUpView } from '../../../../shared/schemas/accounts';
import { messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { DataTable } from '../../components/DataTable';

const STATUS_LABELS: Record<FollowUpView['status'], string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' };

interface FollowUpsProps {
  followUps: FollowUpView[];
  accounts: AccountView[];
  onAdd: () => void;
  onClosed: (message: string) => void;
}

export function FollowUps({ followUps, accounts, onAdd, onClosed }: FollowUpsProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const closeFollowUp = useChannelMutation('followUps:close');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<number | null>(null);
  const accountNumber = new Map(accounts.map((a) => [a.id, a.accountNumber]));
  const sorted = [...followUps].sort(
    (a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || a.dueDate.localeCompare(b.dueDate),
  );

  const close = async (t: FollowUpView, outcome: 'done' | 'cancelled') => {
    setError(null);
    setWorking(t.id);
    try {
      await closeFollowUp.mutateAsync({ followUpId: t.id, outcome });
      onClosed(`“${t.title}” is ${outcome === 'done' ? 'done' : 'cancelled'}.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setWorking(null);
    }
  };

  return (
    <section className="ws-section" aria-labelledby="ws-tasks">
      <div className="section-head">
        <h2 id="ws-tasks">
          Follow-up tasks <span className="count">{followUps.filter((t) => t.status === 'open').length} open</span>
        </h2>
        <button type="button" onClick={onAdd}>
          Add task…
        </button>
      </div>
      <FormAlert message={error} />
      <DataTable
        caption="Follow-up tasks, open first"
        rows={sorted}
        rowKey={(t) => t.id}
        rowClassName={(t) => (t.status === 'open' ? undefined : 'inactive')}
        empty="No follow-up tasks."
        columns={[
          {
            header: 'Due',
            className: 'nowrap',
            cell: (t) => (
              <>
                {formatShortDate(t.dueDate)}
                {t.status === 'open' && t.dueDate < today && <span className="badge bad">Overdue</span>}
              </>
            ),
          },
          {
            header: 'What to do',
            className: 'wrap',
            cell: (t) => (
              <>
                {t.title}
                {t.note && <div className="muted">{t.note}</div>}
              </>
            ),
          },
          {
            header: 'Account',
            cell: (t) => (t.accountId ? accountNumber.get(t.accountId) : <span className="muted">All</span>),
          },
          { header: 'Assigned to', cell: (t) => t.assignee ?? <span className="muted">Nobody</span> },
          { header: 'Status', cell: (t) => STATUS_LABELS[t.status] },
          {
            header: 'Actions',
            headerHidden: true,
            className: 'row-actions',
            cell: (t) =>
              t.status === 'open' && (
                <>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Mark “${t.title}” done`}
                    disabled={working === t.id}
                    onClick={() => void close(t, 'done')}
                  >
                    Done
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Cancel “${t.title}”`}
                    disabled={working === t.id}
                    onClick={() => void close(t, 'cancelled')}
                  >
                    Cancel
                  </button>
                </>
              ),
          },
        ]}
      />
    </section>
  );
}

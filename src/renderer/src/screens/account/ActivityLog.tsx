// The contact and activity log: calls, letters, visits and notes with their outcome, newest first.
import { formatShortDate } from '../../../../shared/dates';
import {
  ACTIVITY_OUTCOME_LABELS,
  type AccountView,
  type ActivityKind,
  type ActivityView,
} from '../../../../shared/schemas/accounts';
import { DataTable } from '../../components/DataTable';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  call: 'Call',
  letter: 'Letter',
  visit: 'Visit',
  note: 'Note',
};

function kindText(a: ActivityView): string {
  if (a.kind !== 'call' || !a.direction) return ACTIVITY_KIND_LABELS[a.kind];
  return a.direction === 'inbound' ? 'Call from them' : 'Call to them';
}

interface ActivityLogProps {
  activities: ActivityView[];
  accounts: AccountView[];
  onLog: () => void;
}

export function ActivityLog({ activities, accounts, onLog }: ActivityLogProps) {
  const accountNumber = new Map(accounts.map((a) => [a.id, a.accountNumber]));
  const newestFirst = [...activities].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <section className="ws-section" aria-labelledby="ws-activity">
      <div className="section-head">
        <h2 id="ws-activity">
          Activity <span className="count">{activities.length}</span>
        </h2>
        <button type="button" onClick={onLog}>
          Log activity…
        </button>
      </div>
      <DataTable
        caption="Activity, newest first"
        rows={newestFirst}
        rowKey={(a) => a.id}
        empty="No calls, letters, visits or notes yet."
        columns={[
          { header: 'Date', className: 'nowrap', cell: (a) => formatShortDate(a.occurredOn) },
          { header: 'What', className: 'nowrap', cell: (a) => kindText(a) },
          { header: 'Outcome', cell: (a) => ACTIVITY_OUTCOME_LABELS[a.outcome] },
          {
            header: 'Account',
            cell: (a) => (a.accountId ? accountNumber.get(a.accountId) : <span className="muted">All</span>),
          },
          { header: 'Note', className: 'wrap note-cell', cell: (a) => a.note },
          { header: 'By', cell: (a) => a.by ?? <span className="muted">—</span> },
        ]}
      />
    </section>
  );
}

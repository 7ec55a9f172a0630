// The contact and activity log: calls, letters, visits and notes with their outcome, newest first.
import { formatShortDate } from '../../../../shared/dates';
import {
  ACTIVITY_OUTCOME_LABELS,
  type AccountView,
  type ActivityKind,
  type ActivityView,
} from '../../../../shared/schemas/accounts';

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
      {activities.length === 0 ? (
        <p className="muted">No calls, letters, visits or notes yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
                <th scope="col">Account</th>
                <th scope="col">Note</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{formatShortDate(a.occurredOn)}</td>
                  <td className="nowrap">{kindText(a)}</td>
                  <td>{ACTIVITY_OUTCOME_LABELS[a.outcome]}</td>
                  <td>{a.accountId ? accountNumber.get(a.accountId) : <span className="muted">All</span>}</td>
                  <td className="wrap note-cell">{a.note}</td>
                  <td>{a.by ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

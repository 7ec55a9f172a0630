// Home: who is working, on which business date, the day's work queue, the ways into the work
// (search, import, aging), and for administrators the state of the users and the latest backup.
import { formatLongDate } from '../../../shared/dates';
import { roleAtLeast, ROLE_LABELS } from '../../../shared/roles';
import type { UserSummary } from '../../../shared/schemas/users';
import type { BackupInfo } from '../../../shared/schemas/backup';
import { focusSearch } from '../components/GuarantorSearch';
import { formatInstant } from '../format';
import { useChannelQuery } from '../queries';
import { hrefOf } from '../routes';
import { useWorkspace } from '../session';
import { BACKUP_KIND_LABELS } from './Backups';

function usersLine(users: UserSummary[]): string {
  const active = users.filter((u) => u.active).length;
  const disabled = users.length - active;
  return `${active} active user${active === 1 ? '' : 's'}${disabled ? `, ${disabled} disabled` : ''}`;
}

function latestBackup(backups: BackupInfo[]): BackupInfo | null {
  return backups.reduce<BackupInfo | null>(
    (latest, b) => (!latest || b.createdAt > latest.createdAt ? b : latest),
    null,
  );
}

function AdministratorSummary() {
  const users = useChannelQuery('users:list', {});
  const backups = useChannelQuery('backup:list', {});
  const latest = backups.value ? latestBackup(backups.value.backups) : null;
  return (
    <section className="panel" aria-labelledby="admin-summary">
      <h2 id="admin-summary">For administrators</h2>
      <dl className="facts">
        <dt>Users</dt>
        <dd>
          {users.error ?? (users.value ? usersLine(users.value) : '…')} · <a href={hrefOf('users')}>Manage users</a>
        </dd>
        <dt>Latest backup</dt>
        <dd>
          {backups.error ??
            (backups.value
              ? latest
                ? `${formatInstant(latest.createdAt)} (${BACKUP_KIND_LABELS[latest.kind].toLowerCase()})`
                : 'No backup yet'
              : '…')}{' '}
          · <a href={hrefOf('backup')}>Backup &amp; restore</a>
        </dd>
      </dl>
    </section>
  );
}

/** The day's work queue, first thing: how many items wait for this clerk, and the way in. */
function QueueCallout() {
  const queue = useChannelQuery('queue:list', { assignee: 'me' });
  // The total of the queue's first page (the items themselves are the Work queue screen's).
  const waiting = queue.value?.total;
  const letters = useChannelQuery('letters:pending', {}).value?.count ?? 0;
  return (
    <a className="queue-callout" href={hrefOf('queue')}>
      <strong>Today&rsquo;s work queue</strong>
      <span>
        {queue.error ??
          (waiting === undefined
            ? 'Reading the queue… (the day’s first read gathers it from every account, which takes longer)'
            : waiting === 0
              ? 'Nothing is waiting for you: no plans, promises, follow-ups or accounts to collect.'
              : `${waiting.toLocaleString('en-US')} item${waiting === 1 ? '' : 's'} waiting for you: plans, promises, follow-ups and accounts to collect, the most pressing first.`)}
        {letters > 0 && ` ${letters} lapse letter${letters === 1 ? '' : 's'} to print.`}
      </span>
    </a>
  );
}

export function Home() {
  const session = useWorkspace((s) => s.session);
  const status = useWorkspace((s) => s.status);
  if (!session) return null;
  const { user } = session;
  return (
    <section>
      <h1>Welcome, {user.fullName}</h1>
      <dl className="facts">
        <dt>Business date</dt>
        <dd>
          {status ? formatLongDate(status.today) : '…'}
          {status?.todayIsFixed && ' (fixed for this run)'}
        </dd>
        <dt>Your role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>Locks after</dt>
        <dd>
          {session.idleLockMinutes} minute{session.idleLockMinutes === 1 ? '' : 's'} without input
        </dd>
      </dl>
      <QueueCallout />
      <section className="quick-links" aria-labelledby="start-here">
        <h2 id="start-here">Start here</h2>
        <ul>
          <li>
            <button type="button" className="quick" onClick={focusSearch}>
              <strong>Find a guarantor</strong>
              <span>
                By name, account number, MRN or its start, phone or its last four digits, or date of birth. Ctrl+K from
                anywhere.
              </span>
            </button>
          </li>
          <li>
            <a className="quick" href={hrefOf('import')}>
              <strong>Import an extract</strong>
              <span>Bring in the billing system&rsquo;s accounts and transactions.</span>
            </a>
          </li>
          <li>
            <a className="quick" href={hrefOf('aging')}>
              <strong>Aging report</strong>
              <span>Open balances by payer class and age, as PDF or CSV.</span>
            </a>
          </li>
        </ul>
      </section>
      {roleAtLeast(user.role, 'administrator') && <AdministratorSummary />}
    </section>
  );
}

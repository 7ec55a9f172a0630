// Users (administrators): who may log in, with which role; add, reset a password, disable, enable.
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import type { UserSummary } from '../../../shared/schemas/users';
import { FormAlert, FormNotice } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { formatInstant } from '../format';
import { useChannelQuery } from '../queries';
import { hrefOf } from '../routes';
import { useWorkspace } from '../session';
import { AddUserDialog, DisableUserDialog, EnableUserDialog, ResetPasswordDialog } from './UserDialogs';

type Open = { dialog: 'add' } | { dialog: 'reset' | 'disable' | 'enable'; user: UserSummary } | null;

/** Reset a password or disable an active user (one's own password is changed under My password); enable a disabled one. */
function UserActions({ user: u, mine, onOpen }: { user: UserSummary; mine: boolean; onOpen: (open: Open) => void }) {
  if (!u.active)
    return (
      <button
        type="button"
        className="small"
        aria-label={`Enable ${u.fullName}`}
        onClick={() => onOpen({ dialog: 'enable', user: u })}
      >
        Enable
      </button>
    );
  return (
    <>
      {mine ? (
        // An administrator changes their own password knowing the current one.
        <a href={hrefOf('password')}>My password</a>
      ) : (
        <button
          type="button"
          className="small"
          aria-label={`Reset password of ${u.fullName}`}
          onClick={() => onOpen({ dialog: 'reset', user: u })}
        >
          Reset password
        </button>
      )}
      <button
        type="button"
        className="small"
        aria-label={`Disable ${u.fullName}`}
        onClick={() => onOpen({ dialog: 'disable', user: u })}
      >
        Disable
      </button>
    </>
  );
}

export function Users() {
  const users = useChannelQuery('users:list', {});
  const myId = useWorkspace((s) => s.session?.user.id);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <section>
      <div className="page-head">
        <h1>Users</h1>
        <button type="button" className="primary" onClick={() => setOpen({ dialog: 'add' })}>
          Add user
        </button>
      </div>
      <p className="lead">
        Everyone who works in Recoup logs in as themselves, so the audit log shows who did what. Only administrators
        manage users, settings and backups.
      </p>
      <FormNotice message={notice} />
      <FormAlert message={users.error} />
      {users.value && (
        <DataTable
          caption="Users"
          rows={users.value}
          rowKey={(u) => u.id}
          rowClassName={(u) => (u.active ? undefined : 'inactive')}
          empty="Nobody can log in yet."
          columns={[
            { header: 'Name', cell: (u) => u.fullName },
            { header: 'User name', className: 'mono', cell: (u) => u.username },
            { header: 'Role', cell: (u) => ROLE_LABELS[u.role] },
            { header: 'Status', cell: (u) => (u.active ? 'Active' : <span className="badge">Disabled</span>) },
            {
              header: 'Last log-in',
              cell: (u) => (u.lastLoginAt ? formatInstant(u.lastLoginAt) : <span className="muted">Never</span>),
            },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (u) => <UserActions user={u} mine={u.id === myId} onOpen={setOpen} />,
            },
          ]}
        />
      )}
      {open?.dialog === 'add' && <AddUserDialog onClose={close} onDone={done} />}
      {open?.dialog === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} onDone={done} />}
      {open?.dialog === 'disable' && <DisableUserDialog user={open.user} onClose={close} onDone={done} />}
      {open?.dialog === 'enable' && <EnableUserDialog user={open.user} onClose={close} onDone={done} />}
    </section>
  );
}

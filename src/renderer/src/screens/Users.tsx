// Users (administrators): who may log in, with which role; add, reset a password, disable, enable.
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import type { UserSummary } from '../../../shared/schemas/users';
import { FormAlert, FormNotice } from '../components/Field';
import { useChannel } from '../components/useChannel';
import { formatInstant } from '../format';
import { hrefOf } from '../routes';
import { useWorkspace } from '../session';
import { AddUserDialog, DisableUserDialog, EnableUserDialog, ResetPasswordDialog } from './UserDialogs';

type Open = { dialog: 'add' } | { dialog: 'reset' | 'disable' | 'enable'; user: UserSummary } | null;

export function Users() {
  const users = useChannel('users:list', {});
  const myId = useWorkspace((s) => s.session?.user.id);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    users.reload();
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
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">User name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last log-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.value.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                <td>{u.fullName}</td>
                <td className="mono">{u.username}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.active ? 'Active' : <span className="badge">Disabled</span>}</td>
                <td>{u.lastLoginAt ? formatInstant(u.lastLoginAt) : <span className="muted">Never</span>}</td>
                <td className="row-actions">
                  {u.active ? (
                    <>
                      {u.id === myId ? (
                        // An administrator changes their own password knowing the current one.
                        <a href={hrefOf('password')}>My password</a>
                      ) : (
                        <button
                          type="button"
                          className="small"
                          aria-label={`Reset password of ${u.fullName}`}
                          onClick={() => setOpen({ dialog: 'reset', user: u })}
                        >
                          Reset password
                        </button>
                      )}
                      <button
                        type="button"
                        className="small"
                        aria-label={`Disable ${u.fullName}`}
                        onClick={() => setOpen({ dialog: 'disable', user: u })}
                      >
                        Disable
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="small"
                      aria-label={`Enable ${u.fullName}`}
                      onClick={() => setOpen({ dialog: 'enable', user: u })}
                    >
                      Enable
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open?.dialog === 'add' && <AddUserDialog onClose={close} onDone={done} />}
      {open?.dialog === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} onDone={done} />}
      {open?.dialog === 'disable' && <DisableUserDialog user={open.user} onClose={close} onDone={done} />}
      {open?.dialog === 'enable' && <EnableUserDialog user={open.user} onClose={close} onDone={done} />}
    </section>
  );
}

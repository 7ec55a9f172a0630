// The Users screen's dialogs: add a user, reset a password, disable a user, enable one again.
// Each form is the channel's own schema (less the user id, which the row supplies); new passwords
// are held to the minimum in Settings, the same rule main applies.
import { useMemo } from 'react';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import { addUserForm, disableUserForm, newPasswordForm, type UserSummary } from '../../../shared/schemas/users';
import { DialogForm } from '../components/DialogForm';
import { NewPasswordFields, SelectField, TextField } from '../components/Field';
import { passwordHint, useMinPasswordLength } from '../components/passwordPolicy';
import { useChannelMutation } from '../queries';
import { useSchemaForm } from '../forms';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface UserDialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

export function AddUserDialog({ onClose, onDone }: UserDialogProps) {
  const minLength = useMinPasswordLength();
  const add = useChannelMutation('users:add');
  const schema = useMemo(() => addUserForm(minLength), [minLength]);
  const form = useSchemaForm(schema, { fullName: '', username: '', role: 'clerk', password: '', confirmPassword: '' });
  return (
    <DialogForm
      title="Add a user"
      form={form}
      fields={['fullName', 'username', 'role', 'password', 'confirmPassword']}
      submitLabel="Add user"
      onClose={onClose}
      onSubmit={async (input) => {
        const user = await add.mutateAsync(input);
        onDone(`${user.fullName} (${user.username}) was added as ${ROLE_LABELS[user.role].toLowerCase()}.`);
      }}
    >
      <TextField name="fullName" label="Full name" autoFocus spellCheck />
      <TextField name="username" label="User name" hint="Letters, digits, dots, dashes and underscores." />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} />
      <NewPasswordFields
        name="password"
        confirmName="confirmPassword"
        label="Password"
        hint={`${passwordHint(minLength)} The user can change it after logging in (My password).`}
      />
    </DialogForm>
  );
}

/** A new password typed twice (reset, enable), at least the minimum in Settings. */

function useNewPasswordForm() {
  const minLength = useMinPasswordLength();
  const schema = useMemo(() => newPasswordForm(minLength), [minLength]);
  const form = useSchemaForm(schema, { newPassword: '', confirmPassword: '' });
  return { form, hint: passwordHint(minLength) };
}

export function ResetPasswordDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const { form, hint } = useNewPasswordForm();
  const reset = useChannelMutation('users:resetPassword');
  return (
    <DialogForm
      title={`Reset the password of ${user.fullName}`}
      form={form}
      fields={['newPassword', 'confirmPassword']}
      submitLabel="Reset password"
      onClose={onClose}
      onSubmit={async ({ newPassword }) => {
        await reset.mutateAsync({ userId: user.id, newPassword });
        onDone(`The password of ${user.fullName} was reset. Give them the new password in person.`);
      }}
    >
      <p>Give the new password to {user.fullName} in person; they can change it under My password.</p>
      <NewPasswordFields name="newPassword" confirmName="confirmPassword" hint={hint} />
    </DialogForm>
  );
}

export function DisableUserDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const disable = useChannelMutation('users:disable');
  const form = useSchemaForm(disableUserForm, { reason: '' });
  return (
    <DialogForm
      title={`Disable ${user.fullName}`}
      form={form}
      fields={['reason']}
      submitLabel="Disable user"
      danger
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await disable.mutateAsync({ userId: user.id, reason });
        onDone(`${user.fullName} is disabled and can no longer log in.`);
      }}
    >
      <p>
        {user.fullName} will no longer be able to log in, and any open session ends now. Their past work stays in the
        records and the audit log.
      </p>
      <TextField name="reason" label="Reason" hint="For the audit log, e.g. “left the hospital on 11/30”." autoFocus />
    </DialogForm>
  );
}

export function EnableUserDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const { form, hint } = useNewPasswordForm();
  const enable = useChannelMutation('users:enable');
  return (
    <DialogForm
      title={`Enable ${user.fullName}`}
      form={form}
      fields={['newPassword', 'confirmPassword']}
      submitLabel="Enable user"
      onClose={onClose}
      onSubmit={async ({ newPassword }) => {
        await enable.mutateAsync({ userId: user.id, newPassword });
        onDone(`${user.fullName} is enabled again and can log in with the new password.`);
      }}
    >
      <p>A disabled user gets a new password when enabled again.</p>
      <NewPasswordFields name="newPassword" confirmName="confirmPassword" hint={hint} />
    </DialogForm>
  );
}

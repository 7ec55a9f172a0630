// The Users screen's dialogs: add a user, reset a password, disable a user, enable one again.
// Each form is the channel's own schema (less the user id, which the row supplies).
import { useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import {
  disableUserInput,
  enableUserInput,
  newUserSchema,
  resetPasswordInput,
  type UserSummary,
} from '../../../shared/schemas/users';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { FormAlert, NewPasswordFields, SelectField, TextField } from '../components/Field';
import { confirmPasswordSchema, PASSWORDS_DIFFER, showServerError } from '../components/formErrors';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface DialogFormProps<T extends FieldValues, O> {
  title: string;
  form: UseFormReturn<T, unknown, O>;
  fields: readonly FieldPath<T>[];
  submitLabel: string;
  danger?: boolean;
  onSubmit: (values: O) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog holding one form: submit, show main's refusal on the fields or above the buttons. */
function DialogForm<T extends FieldValues, O>({
  title,
  form,
  fields,
  submitLabel,
  danger,
  onSubmit,
  onClose,
  children,
}: DialogFormProps<T, O>) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(showServerError(error, form.setError, fields));
    }
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          {children}
          <FormAlert message={formError} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={danger ? 'danger' : 'primary'} disabled={form.formState.isSubmitting}>
              {submitLabel}
            </button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}

interface UserDialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

const addUserForm = newUserSchema
  .extend({ confirmPassword: confirmPasswordSchema })
  .refine((v) => v.password === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] });
type AddUserIn = z.input<typeof addUserForm>;

export function AddUserDialog({ onClose, onDone }: UserDialogProps) {
  const form = useForm<AddUserIn, unknown, z.output<typeof addUserForm>>({
    resolver: zodResolver(addUserForm),
    defaultValues: { fullName: '', username: '', role: 'clerk', password: '', confirmPassword: '' },
  });
  return (
    <DialogForm
      title="Add a user"
      form={form}
      fields={['fullName', 'username', 'role', 'password', 'confirmPassword']}
      submitLabel="Add user"
      onClose={onClose}
      onSubmit={async ({ confirmPassword: _confirm, ...input }) => {
        const user = await call('users:add', input);
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
        hint="The user can change it after logging in (My password)."
      />
    </DialogForm>
  );
}

const resetForm = resetPasswordInput
  .omit({ userId: true })
  .extend({ confirmPassword: confirmPasswordSchema })
  .refine((v) => v.newPassword === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] });
type ResetIn = z.input<typeof resetForm>;

export function ResetPasswordDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const form = useForm<ResetIn, unknown, z.output<typeof resetForm>>({
    resolver: zodResolver(resetForm),
    defaultValues: { newPassword: '', confirmPassword: '' },
  });
  return (
    <DialogForm
      title={`Reset the password of ${user.fullName}`}
      form={form}
      fields={['newPassword', 'confirmPassword']}
      submitLabel="Reset password"
      onClose={onClose}
      onSubmit={async ({ newPassword }) => {
        await call('users:resetPassword', { userId: user.id, newPassword });
        onDone(`The password of ${user.fullName} was reset. Give them the new password in person.`);
      }}
    >
      <p>Give the new password to {user.fullName} in person; they can change it under My password.</p>
      <NewPasswordFields name="newPassword" confirmName="confirmPassword" />
    </DialogForm>
  );
}

const disableForm = disableUserInput.omit({ userId: true });
type DisableIn = z.input<typeof disableForm>;

export function DisableUserDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const form = useForm<DisableIn, unknown, z.output<typeof disableForm>>({
    resolver: zodResolver(disableForm),
    defaultValues: { reason: '' },
  });
  return (
    <DialogForm
      title={`Disable ${user.fullName}`}
      form={form}
      fields={['reason']}
      submitLabel="Disable user"
      danger
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await call('users:disable', { userId: user.id, reason });
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

const enableForm = enableUserInput
  .omit({ userId: true })
  .extend({ confirmPassword: confirmPasswordSchema })
  .refine((v) => v.newPassword === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] });
type EnableIn = z.input<typeof enableForm>;

export function EnableUserDialog({ user, onClose, onDone }: UserDialogProps & { user: UserSummary }) {
  const form = useForm<EnableIn, unknown, z.output<typeof enableForm>>({
    resolver: zodResolver(enableForm),
    defaultValues: { newPassword: '', confirmPassword: '' },
  });
  return (
    <DialogForm
      title={`Enable ${user.fullName}`}
      form={form}
      fields={['newPassword', 'confirmPassword']}
      submitLabel="Enable user"
      onClose={onClose}
      onSubmit={async ({ newPassword }) => {
        await call('users:enable', { userId: user.id, newPassword });
        onDone(`${user.fullName} is enabled again and can log in with the new password.`);
      }}
    >
      <p>A disabled user gets a new password when enabled again.</p>
      <NewPasswordFields name="newPassword" confirmName="confirmPassword" />
    </DialogForm>
  );
}

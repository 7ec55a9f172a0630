// Sets a new password for a user with the recovery key printed at set-up, for when every
// administrator password is lost.
import { useState } from 'react';
import { FormProvider, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { recoverForm } from '../../../shared/schemas/users';
import { call } from '../api';
import { FormAlert, NewPasswordFields, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { useSchemaForm } from '../forms';

type RecoverIn = z.input<typeof recoverForm>;

const FIELDS: readonly FieldPath<RecoverIn>[] = ['recoveryKey', 'username', 'newPassword', 'confirmPassword'];

interface RecoverPasswordProps {
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function RecoverPassword({ onDone, onCancel }: RecoverPasswordProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useSchemaForm(recoverForm, { recoveryKey: '', username: '', newPassword: '', confirmPassword: '' });

  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      await call('auth:recover', input);
      onDone(`The password for ${input.username} is set. Log in with it.`);
    } catch (error) {
      setFormError(showServerError(error, form.setError, FIELDS));
    }
  });

  return (
    <main className="page-centered">
      <div className="card narrow">
        <p className="brand">Recoup</p>
        <h1>Use the recovery key</h1>
        <p className="lead">
          Type the recovery key from the sheet printed at set-up, the user whose password is lost, and a new password
          for that user.
        </p>
        <FormProvider {...form}>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <TextField name="recoveryKey" label="Recovery key" className="mono" autoFocus />
            <TextField name="username" label="User name" autoComplete="username" />
            <NewPasswordFields name="newPassword" confirmName="confirmPassword" />
            <FormAlert message={formError} />
            <div className="actions">
              <button type="button" onClick={onCancel}>
                Back to log in
              </button>
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                Set the new password
              </button>
            </div>
          </form>
        </FormProvider>
      </div>
    </main>
  );
}

// The lock screen (HP-01 automatic logoff): the workspace behind it is hidden and inert until the
// same user types the password again, or logs out.
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { unlockInput } from '../../../shared/schemas/users';
import { logOut, unlock } from '../actions';
import { FormAlert, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { useSchemaForm } from '../forms';

export function Lock({ fullName }: { fullName: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useSchemaForm(unlockInput, { password: '' });

  const submit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await unlock(password);
    } catch (error) {
      form.resetField('password', { keepError: true });
      setFormError(showServerError(error, form.setError, ['password']));
    }
  });

  return (
    <main className="page-centered lock">
      <div className="card narrow">
        <p className="brand">Recoup</p>
        <h1>Locked — {fullName}</h1>
        <p className="lead">The workspace was locked. Enter your password to go on where you left off.</p>
        <FormProvider {...form}>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <TextField name="password" label="Password" type="password" autoComplete="current-password" autoFocus />
            <FormAlert message={formError} />
            <div className="actions">
              <button type="button" onClick={() => void logOut()}>
                Log out
              </button>
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                Unlock
              </button>
            </div>
          </form>
        </FormProvider>
      </div>
    </main>
  );
}

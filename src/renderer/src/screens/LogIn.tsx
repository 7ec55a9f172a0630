// Log in with a user name and password, or set a new password with the recovery key.
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { loginInput } from '../../../shared/schemas/users';
import { logIn } from '../actions';
import { FormAlert, FormNotice, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { useWorkspace } from '../session';
import { RecoverPassword } from './RecoverPassword';
import { useSchemaForm } from '../forms';

export function LogIn() {
  const storedNotice = useWorkspace((s) => s.notice);
  const [recovering, setRecovering] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useSchemaForm(loginInput, { username: '', password: '' });

  if (recovering) {
    return (
      <RecoverPassword
        onDone={(message) => {
          setRecovering(false);
          setNotice(message);
        }}
        onCancel={() => setRecovering(false)}
      />
    );
  }

  const submit = form.handleSubmit(async ({ username, password }) => {
    setFormError(null);
    try {
      await logIn(username, password);
    } catch (error) {
      form.resetField('password', { keepError: true });
      setFormError(showServerError(error, form.setError, ['username', 'password']));
    }
  });

  return (
    <main className="page-centered">
      <div className="card narrow">
        <p className="brand">Recoup</p>
        <h1>Log in</h1>
        <FormNotice message={notice ?? storedNotice} />
        <FormProvider {...form}>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <TextField name="username" label="User name" autoComplete="username" autoFocus />
            <TextField name="password" label="Password" type="password" autoComplete="current-password" />
            <FormAlert message={formError} />
            <div className="actions">
              <button type="submit" className="primary wide" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? 'Logging in…' : 'Log in'}
              </button>
            </div>
          </form>
        </FormProvider>
        <p className="aside">
          Forgot every password?{' '}
          <button type="button" className="link" onClick={() => setRecovering(true)}>
            Use the recovery key
          </button>
        </p>
      </div>
    </main>
  );
}

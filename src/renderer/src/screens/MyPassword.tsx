// My password: any user changes their own password (their key slot is rewrapped; nothing else).
import { useMemo, useState } from 'react';
import { FormProvider, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { changePasswordForm } from '../../../shared/schemas/users';
import { call } from '../api';
import { FormAlert, FormNotice, NewPasswordFields, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { passwordHint, useMinPasswordLength } from '../components/passwordPolicy';
import { useSchemaForm } from '../forms';

/** The new password is held to the minimum in Settings, as main holds it. */
type ChangeForm = ReturnType<typeof changePasswordForm>;
type ChangeIn = z.input<ChangeForm>;

const FIELDS: readonly FieldPath<ChangeIn>[] = ['currentPassword', 'newPassword', 'confirmPassword'];
const EMPTY: ChangeIn = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function MyPassword() {
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const minLength = useMinPasswordLength();
  const schema = useMemo(() => changePasswordForm(minLength), [minLength]);
  const form = useSchemaForm(schema, EMPTY);

  const submit = form.handleSubmit(async (change) => {
    setFormError(null);
    setNotice(null);
    try {
      await call('auth:changePassword', change);
      form.reset(EMPTY);
      setNotice('Your password is changed. Use the new one from now on.');
    } catch (error) {
      setFormError(showServerError(error, form.setError, FIELDS));
    }
  });

  return (
    <section className="narrow-section">
      <h1>My password</h1>
      <p className="lead">
        Choose a password you do not use anywhere else. Nobody, administrators included, can see it.
      </p>
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <NewPasswordFields name="newPassword" confirmName="confirmPassword" hint={passwordHint(minLength)} />
          <FormAlert message={formError} />
          <FormNotice message={notice} />
          <div className="actions start">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Change password
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

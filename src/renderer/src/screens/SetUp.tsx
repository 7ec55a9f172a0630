// First run: the hospital's identity, then the first administrator, then the recovery key (shown
// once). One form across the two steps, checked by the shared setupInput schema.
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { SetupResult } from '../../../shared/contract';
import { setupForm } from '../../../shared/schemas/setup';
import { ApiError, call } from '../api';
import { CheckboxField, FormAlert, NewPasswordFields, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { HOSPITAL_FIELDS, HospitalFields, remitAware } from '../components/HospitalFields';
import { RecoveryKeyShown } from './RecoveryKeyShown';

type SetupFormIn = z.input<typeof setupForm>;
type SetupFormOut = z.output<typeof setupForm>;

const SETUP_FIELDS: readonly FieldPath<SetupFormIn>[] = [
  ...HOSPITAL_FIELDS,
  'admin.fullName',
  'admin.username',
  'admin.password',
  'admin.confirmPassword',
];

type Step = 'hospital' | 'admin';

export function SetUp() {
  const [step, setStep] = useState<Step>('hospital');
  const [remitSame, setRemitSame] = useState(true);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  const resolver = useMemo(() => remitAware(zodResolver(setupForm), remitSame), [remitSame]);
  const form = useForm<SetupFormIn, unknown, SetupFormOut>({
    resolver,
    mode: 'onSubmit',
    defaultValues: { demoData: false },
  });
  // Step 1 is checked with trigger(), not a submit, so react-hook-form would not re-check fields as
  // they change; after the first attempt each change re-checks its field, as after a submit.
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    if (!attempted) return;
    const subscription = form.watch((_values, { name }) => {
      if (name) void form.trigger(name);
    });
    return () => subscription.unsubscribe();
  }, [attempted, form]);

  if (result) return <RecoveryKeyShown result={result} />;

  const next = async () => {
    setAttempted(true);
    if (await form.trigger('hospital', { shouldFocus: true })) setStep('admin');
  };

  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      setResult(await call('setup:create', input));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields ?? {}).some((k) => k.startsWith('hospital.')))
        setStep('hospital');
      // Let the step's fields mount before the errors are placed and focused.
      window.setTimeout(() => setFormError(showServerError(error, form.setError, SETUP_FIELDS)));
    }
  });

  return (
    <main className="page-centered">
      <div className="card wide">
        <p className="brand">Recoup</p>
        <h1>Set up Recoup</h1>
        <ol className="steps" aria-label="Set-up steps">
          <li aria-current={step === 'hospital' ? 'step' : undefined}>1. Hospital</li>
          <li aria-current={step === 'admin' ? 'step' : undefined}>2. First administrator</li>
          <li>3. Recovery key</li>
        </ol>
        <FormProvider {...form}>
          <form
            noValidate
            onSubmit={(e) => {
              if (step === 'admin') return void submit(e);
              e.preventDefault();
              void next();
            }}
          >
            {step === 'hospital' ? (
              <>
                <p className="lead">
                  Enter the hospital&rsquo;s identity exactly as it should appear on statements and letters. An
                  administrator can change it later in Settings.
                </p>
                <HospitalFields remitSameAsAddress={remitSame} onRemitSameChange={setRemitSame} />
                <FormAlert message={formError} />
                <div className="actions">
                  <button type="submit" className="primary">
                    Next: first administrator
                  </button>
                </div>
              </>
            ) : (
              <>
                <p className="lead">
                  The first administrator adds the other users. Choose a password of at least 10 characters that you do
                  not use anywhere else.
                </p>
                <fieldset className="group">
                  <legend>First administrator</legend>
                  <div className="form-grid">
                    <TextField name="admin.fullName" label="Full name" className="span-3" autoFocus spellCheck />
                    <TextField name="admin.username" label="User name" className="span-3" autoComplete="username" />
                  </div>
                  <div className="form-grid">
                    <div className="span-3">
                      <NewPasswordFields name="admin.password" confirmName="admin.confirmPassword" label="Password" />
                    </div>
                  </div>
                </fieldset>
                <CheckboxField
                  name="demoData"
                  label="Start with demo data (synthetic patients) — to learn Recoup before importing the hospital's extract"
                  hint="Made-up guarantors, accounts and transactions; no real patient. Leave this unticked for the hospital's own workstation."
                />
                <FormAlert message={formError} />
                <div className="actions">
                  <button type="button" onClick={() => setStep('hospital')}>
                    Back
                  </button>
                  <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                    {form.formState.isSubmitting ? 'Setting up…' : 'Set up Recoup'}
                  </button>
                </div>
              </>
            )}
          </form>
        </FormProvider>
      </div>
    </main>
  );
}

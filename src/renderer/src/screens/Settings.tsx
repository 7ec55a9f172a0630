// Settings: the hospital's identity and the security policy. Everyone may read them; only an
// administrator may change them (main refuses settings:update to anyone else too).
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { roleAtLeast } from '../../../shared/roles';
import { settingsSchema, type Settings as SettingsValue } from '../../../shared/schemas/settings';
import { call } from '../api';
import { FormAlert, FormNotice, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { HOSPITAL_FIELDS, HospitalFields, remitAware, sameAddress } from '../components/HospitalFields';
import { useChannel } from '../components/useChannel';
import { useWorkspace } from '../session';

type SettingsIn = z.input<typeof settingsSchema>;

const SETTINGS_FIELDS: readonly FieldPath<SettingsIn>[] = [
  ...HOSPITAL_FIELDS,
  'security.idleLockMinutes',
  'security.minPasswordLength',
  'security.backupsToKeep',
];

function SettingsForm({ initial, canEdit }: { initial: SettingsValue; canEdit: boolean }) {
  const [remitSame, setRemitSame] = useState(() => sameAddress(initial.hospital));
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resolver = useMemo(() => remitAware(zodResolver(settingsSchema), remitSame), [remitSame]);
  const form = useForm<SettingsIn, unknown, SettingsValue>({ resolver, defaultValues: initial });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setNotice(null);
    try {
      const saved = await call('settings:update', values);
      const workspace = useWorkspace.getState();
      workspace.setHospitalName(saved.hospital.legalName);
      workspace.setIdleLockMinutes(saved.security.idleLockMinutes);
      form.reset(saved);
      setRemitSame(sameAddress(saved.hospital));
      setNotice('Settings saved.');
    } catch (error) {
      setFormError(showServerError(error, form.setError, SETTINGS_FIELDS));
    }
  });

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="plain" disabled={!canEdit}>
          <HospitalFields remitSameAsAddress={remitSame} onRemitSameChange={setRemitSame} readOnly={!canEdit} />
          <fieldset className="group">
            <legend>Security</legend>
            <div className="form-grid">
              <TextField
                name="security.idleLockMinutes"
                label="Idle lock (minutes)"
                type="number"
                numeric
                className="span-2"
                hint="The workspace locks after this many minutes without input."
              />
              <TextField
                name="security.minPasswordLength"
                label="Minimum password length"
                type="number"
                numeric
                className="span-2"
                hint="For new passwords; at least 8."
              />
              <TextField
                name="security.backupsToKeep"
                label="Backups to keep"
                type="number"
                numeric
                className="span-2"
                hint="Older backups beyond this number are removed."
              />
            </div>
          </fieldset>
        </fieldset>
        <FormAlert message={formError} />
        <FormNotice message={notice} />
        {canEdit && (
          <div className="actions start">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Save settings
            </button>
            <button
              type="button"
              disabled={!form.formState.isDirty}
              onClick={() => {
                form.reset(initial);
                setRemitSame(sameAddress(initial.hospital));
                setFormError(null);
              }}
            >
              Undo changes
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

export function Settings() {
  const role = useWorkspace((s) => s.session?.user.role);
  const settings = useChannel('settings:get', {});
  const canEdit = role !== undefined && roleAtLeast(role, 'administrator');
  return (
    <section>
      <h1>Settings</h1>
      {!canEdit && (
        <p className="note" role="note">
          Only an administrator can change these settings.
        </p>
      )}
      <FormAlert message={settings.error} />
      {settings.value && <SettingsForm initial={settings.value} canEdit={canEdit} />}
    </section>
  );
}

// Restore from the problem screen, when the database is damaged and no one can log in: choose a
// backup, prove you may (an administrator's user name and password, or the recovery key), and
// Recoup sets the damaged file aside untouched and puts the backup in its place.
import { useEffect, useId, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { restoreDamagedInput, type BackupInfo } from '../../../shared/schemas/backup';
import { call, messageOf } from '../api';
import { refreshStatus } from '../actions';
import { FormAlert, SelectField, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { formatBytes, formatInstant } from '../format';
import { useSchemaForm } from '../forms';
import { useWorkspace } from '../session';
import { BACKUP_KIND_LABELS } from './Backups';

export function RestoreDamaged() {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const byId = useId();
  const form = useSchemaForm(restoreDamagedInput, {
    by: 'administrator',
    fileName: '',
    username: '',
    password: '',
  });
  const by = useWatch({ control: form.control, name: 'by' });

  useEffect(() => {
    call('store:backups', {}).then(
      (r) => setBackups(r.backups),
      (e: unknown) => setLoadError(messageOf(e)),
    );
  }, []);

  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const result = await call('store:restore', input);
      useWorkspace
        .getState()
        .endSession(
          `Restored from ${result.restoredFrom}. The damaged database was set aside, untouched, as ${result.setAside} in the data folder. Log in.`,
        );
      await refreshStatus();
    } catch (e) {
      if (by === 'administrator') form.resetField('password', { keepError: true });
      setFormError(showServerError(e, form.setError, ['fileName', 'username', 'password', 'recoveryKey']));
    }
  });

  if (loadError) return <FormAlert message={loadError} />;
  if (!backups) return <p className="loading">Looking for backups…</p>;
  if (backups.length === 0)
    return (
      <p className="problem">
        There are no backups in this data folder&rsquo;s backups folder. If copies are kept elsewhere, copy a backup
        with its <code>.keys.json</code> file into the backups folder and try again.
      </p>
    );

  return (
    <section aria-labelledby="restore-damaged">
      <h2 id="restore-damaged">Restore a backup</h2>
      <p>
        Choose the newest backup made before the damage. Anything entered after it was made will not be in the restored
        database. The damaged file is not deleted or changed: it is renamed and left in the data folder.
      </p>
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <SelectField
            name="fileName"
            label="Backup"
            placeholder="Choose a backup"
            options={backups.map((b) => ({
              value: b.fileName,
              label: `${formatInstant(b.createdAt)} — ${BACKUP_KIND_LABELS[b.kind]} (${formatBytes(b.sizeBytes)})`,
            }))}
          />
          <fieldset className="radio-row" aria-describedby={`${byId}-hint`}>
            <legend>Who restores</legend>
            <label>
              <input type="radio" value="administrator" {...form.register('by')} />
              An administrator, with their password
            </label>
            <label>
              <input type="radio" value="recoveryKey" {...form.register('by')} />
              Anyone with the recovery key
            </label>
            <span id={`${byId}-hint`} className="field-hint">
              The administrator must be an active administrator in the chosen backup.
            </span>
          </fieldset>
          {by === 'administrator' ? (
            <>
              <TextField name="username" label="Administrator's user name" autoComplete="username" />
              <TextField name="password" label="Password" type="password" autoComplete="current-password" />
            </>
          ) : (
            <TextField name="recoveryKey" label="Recovery key" autoComplete="off" />
          )}
          <FormAlert message={formError} />
          <div className="actions start">
            <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Restoring…' : 'Set the damaged file aside and restore'}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

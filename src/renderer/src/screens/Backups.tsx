// Backup & restore (administrators): the encrypted backups in the data folder, a backup on
// demand, and a restore that keeps the current database aside and ends every session.
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { changeKeyInput, type BackupInfo } from '../../../shared/schemas/backup';
import { call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { FormAlert, FormNotice, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { useSchemaForm } from '../forms';
import { DataTable } from '../components/DataTable';
import { formatBytes, formatInstant } from '../format';
import { useChannelMutation, useChannelQuery } from '../queries';
import { useWorkspace } from '../session';
import { refreshStatus } from '../actions';

export const BACKUP_KIND_LABELS: Record<BackupInfo['kind'], string> = {
  manual: 'Manual',
  daily: 'Daily, automatic',
  'before-restore': 'Kept aside at a restore',
};

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const restore = async () => {
    setWorking(true);
    setError(null);
    try {
      const result = await call('backup:restore', { fileName: backup.fileName });
      // Main has ended every session, this one too: back to the log-in screen with the outcome.
      useWorkspace
        .getState()
        .endSession(
          `Restored from ${result.restoredFrom}; the previous database was kept as ${result.keptAside}. Log in again.`,
        );
    } catch (e) {
      setError(messageOf(e));
      setWorking(false);
    }
  };
  return (
    <Dialog title="Restore this backup?" onClose={onClose}>
      <p>
        Recoup will go back to <strong>{backup.fileName}</strong>, made {formatInstant(backup.createdAt)}. Anything
        entered after that will no longer be in the database.
      </p>
      <p>
        The current database is not deleted: it is kept aside as a backup of its own, listed here as &ldquo;
        {BACKUP_KIND_LABELS['before-restore']}&rdquo;, so this restore can itself be undone.
      </p>
      <p>Everyone who is logged in, you included, will have to log in again.</p>
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose} disabled={working}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void restore()} disabled={working}>
          {working ? 'Restoring…' : 'Restore this backup'}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Change the data key: for when a person who could log in has left (any user can unwrap the key).
 * Confirmed with the administrator's own password.
 */
function ChangeKeyDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const change = useChannelMutation('store:changeKey');
  const form = useSchemaForm(changeKeyInput, { password: '' });
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const r = await change.mutateAsync(input);
      onDone(
        `The data key was changed: ${r.backups} backup${r.backups === 1 ? '' : 's'} re-encrypted, ${r.slots} key slot${r.slots === 1 ? '' : 's'} given the new key${r.dropped ? `, ${r.dropped} removed` : ''}. Everyone logs in with the same password as before.`,
      );
    } catch (e) {
      form.resetField('password', { keepError: true });
      setFormError(showServerError(e, form.setError, ['password']));
    }
  });
  return (
    <Dialog title="Change the data key?" onClose={onClose}>
      <p>
        Do this when someone who could log in has left (disable them first). Anyone who knew a password could have taken
        a copy of the key that opens the database; after the change, that copy opens neither the database nor any backup
        in the backups folder.
      </p>
      <p>
        Recoup re-encrypts the database and every backup, and gives the new key to every active user and to the recovery
        key. Passwords and the recovery key stay the same. Copies of backups kept elsewhere (another drive) still open
        with the old key: replace them with fresh copies.
      </p>
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextField
            name="password"
            label="Your password, to confirm"
            type="password"
            autoComplete="current-password"
          />
          <FormAlert message={formError} />
          <div className="actions">
            <button type="button" onClick={onClose} disabled={form.formState.isSubmitting}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Changing the key…' : 'Change the data key'}
            </button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}

export function Backups() {
  const [changingKey, setChangingKey] = useState(false);
  const backups = useChannelQuery('backup:list', {});
  const create = useChannelMutation('backup:create');
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useChannelMutation('backup:check');
  const working = create.isPending || check.isPending;

  // Reads every page and checks every index; damage found stops the store and shows its screen.
  const checkNow = async () => {
    setError(null);
    setNotice(null);
    try {
      const result = await check.mutateAsync({ full: true });
      if (result.ok) setNotice(`The database passed a full check (${result.ms} ms). No damage was found.`);
      else {
        useWorkspace.getState().endSession(null);
        await refreshStatus();
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const backUpNow = async () => {
    setError(null);
    setNotice(null);
    try {
      const made = await create.mutateAsync({});
      setNotice(`Backup made: ${made.fileName} (${formatBytes(made.sizeBytes)}).`);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const list = backups.value ? [...backups.value.backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : null;

  return (
    <section>
      <div className="page-head">
        <h1>Backup &amp; restore</h1>
        <div className="actions">
          <button type="button" onClick={() => void checkNow()} disabled={working}>
            {check.isPending ? 'Checking…' : 'Check the database'}
          </button>
          <button type="button" onClick={() => setChangingKey(true)} disabled={working}>
            Change the data key…
          </button>
          <button type="button" className="primary" onClick={() => void backUpNow()} disabled={working}>
            {create.isPending ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </div>
      <p className="lead">
        Backups are encrypted copies of the database in the data folder&rsquo;s backups folder. Recoup makes one
        automatically at the first log-in of each day and keeps the number set in Settings. Recoup checks the database
        each time it opens; Check the database reads all of it again now.
      </p>
      {backups.value && (
        <section className="panel folders" aria-labelledby="backup-folders">
          <h2 id="backup-folders">Where they are</h2>
          <dl className="facts">
            <dt>Data folder</dt>
            <dd className="mono path">{backups.value.dataDir}</dd>
            <dt>Backups folder</dt>
            <dd className="mono path">{backups.value.backupsDir}</dd>
          </dl>
          <p>
            A backup on this machine does not survive the loss of this machine. Copy the whole backups folder, with the{' '}
            <code>.keys.json</code> file beside each backup, to a drive kept somewhere else (a locked cabinet, another
            building): a backup opens only with its keys file.
          </p>
        </section>
      )}
      <FormNotice message={notice} />
      <FormAlert message={error ?? backups.error} />
      {list && (
        <DataTable
          caption="Backups, newest first"
          rows={list}
          rowKey={(b) => b.fileName}
          empty="There are no backups yet."
          columns={[
            { header: 'File', className: 'mono', cell: (b) => b.fileName },
            { header: 'Made', cell: (b) => formatInstant(b.createdAt) },
            { header: 'Kind', cell: (b) => BACKUP_KIND_LABELS[b.kind] },
            { header: 'Size', className: 'num', cell: (b) => formatBytes(b.sizeBytes) },
            {
              header: 'Actions',
              headerHidden: true,
              className: 'row-actions',
              cell: (b) => (
                <button
                  type="button"
                  className="small"
                  aria-label={`Restore ${b.fileName}`}
                  onClick={() => setRestoring(b)}
                >
                  Restore…
                </button>
              ),
            },
          ]}
        />
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
      {changingKey && (
        <ChangeKeyDialog
          onClose={() => setChangingKey(false)}
          onDone={(message) => {
            setChangingKey(false);
            setError(null);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}

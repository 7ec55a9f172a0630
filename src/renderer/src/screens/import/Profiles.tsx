// Saved mappings ("profiles"), one per source and layout: load one onto this file, save the
// current mapping under a name, or delete one. Names are unique: saving under the loaded profile's
// own name updates it; main refuses a name another profile already has.
import { useId, useState } from 'react';
import {
  saveProfileForm,
  type ImportLayout,
  type ImportMapping,
  type ImportProfile,
} from '../../../../shared/schemas/import';
import { messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, FormNotice, TextField } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useSchemaForm } from '../../forms';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function SaveProfileDialog({
  loaded,
  mapping,
  onClose,
  onSaved,
}: {
  /** The profile loaded onto this file, if any: saving under its name updates it. */
  loaded: ImportProfile | null;
  mapping: ImportMapping;
  onClose: () => void;
  onSaved: (p: ImportProfile) => void;
}) {
  const save = useChannelMutation('importProfiles:save');
  const form = useSchemaForm(saveProfileForm, { name: loaded?.name ?? '' });
  return (
    <DialogForm
      title="Save the mapping as a profile"
      form={form}
      fields={['name']}
      submitLabel="Save profile"
      onClose={onClose}
      onSubmit={async ({ name }) => {
        const id = loaded && sameName(loaded.name, name) ? loaded.id : undefined;
        onSaved(await save.mutateAsync({ id, name, mapping }));
      }}
    >
      <TextField
        name="name"
        label="Profile name"
        autoFocus
        spellCheck
        hint={
          loaded
            ? `Each profile has its own name. Saving as “${loaded.name}” updates the profile you loaded; another name saves a new profile.`
            : 'For example the billing system and the file, “Meditech combined”. Each profile has its own name.'
        }
      />
    </DialogForm>
  );
}

function DeleteProfileDialog({
  profile,
  onClose,
  onDeleted,
}: {
  profile: ImportProfile;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const deletion = useChannelMutation('importProfiles:delete');
  const remove = async () => {
    setError(null);
    try {
      await deletion.mutateAsync({ id: profile.id });
      onDeleted();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Dialog title={`Delete the profile “${profile.name}”?`} onClose={onClose}>
      <p>The saved mapping goes; files already imported with it are not touched.</p>
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="danger" disabled={deletion.isPending} onClick={() => void remove()}>
          Delete profile
        </button>
      </div>
    </Dialog>
  );
}

interface ProfilesProps {
  layout: ImportLayout;
  mapping: ImportMapping;
  onLoad: (mapping: ImportMapping) => void;
}

export function Profiles({ layout, mapping, onLoad }: ProfilesProps) {
  const selectId = useId();
  const list = useChannelQuery('importProfiles:list', {});
  const profiles = (list.value ?? []).filter((p) => p.mapping.layout === layout);
  const [chosenId, setChosenId] = useState('');
  // The profile whose mapping is on this file now (loaded, or just saved).
  const [loadedId, setLoadedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'save' | 'delete' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = profiles.find((p) => String(p.id) === chosenId) ?? null;

  return (
    <div className="profiles">
      <div className="profiles-bar">
        <label htmlFor={selectId}>Profile</label>
        <select id={selectId} value={chosenId} onChange={(e) => setChosenId(e.target.value)}>
          <option value="">
            {profiles.length ? 'Choose a saved profile…' : 'No saved profiles for this kind of file'}
          </option>
          {profiles.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small"
          disabled={!chosen}
          onClick={() => {
            if (!chosen) return;
            onLoad({ ...chosen.mapping, layout });
            setLoadedId(chosen.id);
            setNotice(`Profile “${chosen.name}” loaded.`);
          }}
        >
          Load profile
        </button>
        <button type="button" className="small" disabled={!chosen} onClick={() => setDialog('delete')}>
          Delete…
        </button>
        <button type="button" className="small" onClick={() => setDialog('save')}>
          Save as profile…
        </button>
      </div>
      <FormAlert message={list.error} />
      <FormNotice message={notice} />
      {dialog === 'save' && (
        <SaveProfileDialog
          loaded={profiles.find((p) => p.id === loadedId) ?? null}
          mapping={mapping}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            setChosenId(String(p.id));
            setLoadedId(p.id);
            setNotice(`Saved as profile “${p.name}”.`);
          }}
        />
      )}
      {dialog === 'delete' && chosen && (
        <DeleteProfileDialog
          profile={chosen}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            setChosenId('');
            if (loadedId === chosen.id) setLoadedId(null);
            setNotice(`Profile “${chosen.name}” deleted.`);
          }}
        />
      )}
    </div>
  );
}

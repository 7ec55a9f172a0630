// Saved mappings ("profiles"), one per source and layout: load one onto this file, save the
// current mapping under a name (an existing name of the same layout is replaced), or delete one.
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ImportLayout, ImportMapping, ImportProfile } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, FormNotice, TextField } from '../../components/Field';
import { useChannel } from '../../components/useChannel';

const nameForm = z.object({
  name: z.string().trim().min(1, 'Give the profile a name.').max(80, 'At most 80 characters.'),
});

function SaveProfileDialog({
  profiles,
  mapping,
  suggestedName,
  onClose,
  onSaved,
}: {
  profiles: ImportProfile[];
  mapping: ImportMapping;
  suggestedName: string;
  onClose: () => void;
  onSaved: (p: ImportProfile) => void;
}) {
  const form = useForm<z.input<typeof nameForm>, unknown, z.output<typeof nameForm>>({
    resolver: zodResolver(nameForm),
    defaultValues: { name: suggestedName },
  });
  return (
    <DialogForm
      title="Save the mapping as a profile"
      form={form}
      fields={['name']}
      submitLabel="Save profile"
      onClose={onClose}
      onSubmit={async ({ name }) => {
        const same = profiles.find((p) => p.name === name);
        onSaved(await call('importProfiles:save', { id: same?.id, name, mapping }));
      }}
    >
      <TextField
        name="name"
        label="Profile name"
        autoFocus
        spellCheck
        hint="For example the billing system and the file, “Meditech combined”. Saving under an existing name replaces that profile."
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
  const [working, setWorking] = useState(false);
  const remove = async () => {
    setWorking(true);
    try {
      await call('importProfiles:delete', { id: profile.id });
      onDeleted();
    } catch (e) {
      setError(messageOf(e));
      setWorking(false);
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
        <button type="button" className="danger" disabled={working} onClick={() => void remove()}>
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
  const list = useChannel('importProfiles:list', {});
  const profiles = (list.value ?? []).filter((p) => p.mapping.layout === layout);
  const [chosenId, setChosenId] = useState('');
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
          profiles={profiles}
          mapping={mapping}
          suggestedName={chosen?.name ?? ''}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            setChosenId(String(p.id));
            setNotice(`Saved as profile “${p.name}”.`);
            list.reload();
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
            setNotice(`Profile “${chosen.name}” deleted.`);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

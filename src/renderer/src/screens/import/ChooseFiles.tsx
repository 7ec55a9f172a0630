// Import, step 1: what the billing system exported (one combined file, or separate guarantor,
// account and transaction files), the files themselves, and their upload with a progress bar each.
// Then main reads each file's header line and suggests a mapping.
import { useId, useState } from 'react';
import type { ImportLayout } from '../../../../shared/schemas/import';
import { call, messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { formatBytes } from '../../format';
import { LAYOUT_LABELS, mappedFile, SEPARATE_LAYOUTS, type MappedFile } from './importFiles';
import { uploadFile } from './upload';

export type Shape = 'combined' | 'separate';

function FilePicker({
  layout,
  file,
  disabled,
  onChange,
}: {
  layout: ImportLayout;
  file: File | null;
  disabled: boolean;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="field file-field">
      <label htmlFor={id}>{LAYOUT_LABELS[layout]} (CSV)</label>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        disabled={disabled}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {file && <p className="field-hint">{formatBytes(file.size)}</p>}
    </div>
  );
}

function UploadProgress({ name, sent, total }: { name: string; sent: number; total: number }) {
  const id = useId();
  const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
  return (
    <div className="progress-row">
      <label htmlFor={id}>{name}</label>
      <progress id={id} max={100} value={percent} />
      <span className="progress-figure">{percent}%</span>
    </div>
  );
}

export function ChooseFiles({ onReady }: { onReady: (files: MappedFile[]) => void }) {
  const shapeName = useId();
  const [shape, setShape] = useState<Shape>('combined');
  const [files, setFiles] = useState<Partial<Record<ImportLayout, File>>>({});
  const [sent, setSent] = useState<Partial<Record<ImportLayout, number>>>({});
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const layouts: readonly ImportLayout[] = shape === 'combined' ? ['combined'] : SEPARATE_LAYOUTS;
  const chosen = layouts.flatMap((layout) => {
    const file = files[layout];
    return file ? [{ layout, file }] : [];
  });

  const upload = async () => {
    if (chosen.length === 0) {
      setError(shape === 'combined' ? 'Choose the combined file.' : 'Choose at least one of the three files.');
      return;
    }
    setError(null);
    setWorking(true);
    setSent({});
    try {
      const ready: MappedFile[] = [];
      for (const { layout, file } of chosen) {
        const uploadId = await uploadFile(file, (bytes) => setSent((s) => ({ ...s, [layout]: bytes })));
        // Asked as UTF-8: main answers in Windows-1252 when the file is not UTF-8 text.
        const inspection = await call('import:inspect', { uploadId, layout, encoding: 'utf-8' });
        ready.push(mappedFile(layout, uploadId, inspection));
      }
      onReady(ready);
    } catch (e) {
      setError(messageOf(e));
      setWorking(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <fieldset className="group">
        <legend>What the billing system exported</legend>
        <div className="choice-list">
          <label>
            <input
              type="radio"
              name={shapeName}
              checked={shape === 'combined'}
              disabled={working}
              onChange={() => setShape('combined')}
            />
            <span>
              <strong>One combined file</strong>
              <span className="field-hint">Each row holds the guarantor, the account and one transaction.</span>
            </span>
          </label>
          <label>
            <input
              type="radio"
              name={shapeName}
              checked={shape === 'separate'}
              disabled={working}
              onChange={() => setShape('separate')}
            />
            <span>
              <strong>Separate files</strong>
              <span className="field-hint">
                Guarantors, accounts and transactions each in their own file; choose any of the three.
              </span>
            </span>
          </label>
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{shape === 'combined' ? 'The file' : 'The files'}</legend>
        <div className="file-pickers">
          {layouts.map((layout) => (
            <FilePicker
              key={layout}
              layout={layout}
              file={files[layout] ?? null}
              disabled={working}
              onChange={(file) =>
                setFiles((f) => {
                  const next = { ...f };
                  if (file) next[layout] = file;
                  else delete next[layout];
                  return next;
                })
              }
            />
          ))}
        </div>
        {working &&
          chosen.map(({ layout, file }) => (
            <UploadProgress key={layout} name={`Uploading ${file.name}`} sent={sent[layout] ?? 0} total={file.size} />
          ))}
      </fieldset>
      <FormAlert message={error} />
      <div className="actions start">
        <button type="submit" className="primary" disabled={working}>
          {working ? 'Uploading…' : 'Upload and map the columns'}
        </button>
      </div>
    </form>
  );
}

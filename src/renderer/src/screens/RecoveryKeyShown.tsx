// The recovery key, shown once after set-up. It opens the store when every password is lost, so
// the administrator must print or write it down before going on; Recoup cannot show it again.
import { useId, useState } from 'react';
import type { SetupResult } from '../../../shared/contract';
import { messageOf } from '../api';
import { refreshStatus } from '../actions';
import { FormAlert } from '../components/Field';

/**
 * The sheet was made before anyone could log in, so it came with its own link (good a few times, for
 * half an hour): the browser downloads it from Recoup, as any document.
 */
function downloadSheet(sheet: SetupResult['recoveryKeySheet']): void {
  const link = document.createElement('a');
  link.href = sheet.href;
  link.download = sheet.file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function RecoveryKeyShown({ result }: { result: SetupResult }) {
  const storedId = useId();
  const keyLabelId = useId();
  const [stored, setStored] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const proceed = async () => {
    try {
      await refreshStatus();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <main className="page-centered">
      <div className="card medium">
        <p className="brand">Recoup</p>
        <h1>Your recovery key</h1>
        <ol className="steps" aria-label="Set-up steps">
          <li>1. Hospital</li>
          <li>2. First administrator</li>
          <li aria-current="step">3. Recovery key</li>
        </ol>
        <p className="lead">
          Recoup is set up. If every administrator password is ever lost, this key is the only way back into the data.{' '}
          <strong>It is shown only now.</strong> Print the sheet or write the key down, and keep it somewhere safe, away
          from this workstation.
        </p>
        <div className="recovery-key-box" role="group" aria-labelledby={keyLabelId}>
          <span id={keyLabelId} className="recovery-key-label">
            Recovery key
          </span>
          <code className="recovery-key">{result.recoveryKey}</code>
        </div>
        <div className="actions start">
          <button type="button" onClick={() => downloadSheet(result.recoveryKeySheet)}>
            Download / print the recovery key sheet (PDF)
          </button>
        </div>
        <div className="checkbox-row emphasis">
          <input id={storedId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          <label htmlFor={storedId}>I have printed or written down the recovery key and stored it safely</label>
        </div>
        <FormAlert message={error} />
        <div className="actions">
          <button type="button" className="primary" disabled={!stored} onClick={() => void proceed()}>
            Continue to log in
          </button>
        </div>
      </div>
    </main>
  );
}

// Shows a document main made (a receipt, a report, a statement batch). In a browser the PDF is
// shown in a frame from its one-time link, with a button to save a copy; the browser's own PDF
// toolbar prints it. In the desktop app the system's viewer window, print dialog and save dialog
// take it. The document never passes through the page as bytes.
import { useEffect, useState } from 'react';
import type { FileHandle } from '../../../shared/schemas/files';
import { messageOf } from '../api';
import { fileHref, onDesktop, openFileWindow, printFile, saveFile } from '../files';
import { Dialog } from './Dialog';
import { FormAlert } from './Field';

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function PdfViewer({ file, onClose }: { file: FileHandle; onClose: () => void }) {
  const [href, setHref] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (onDesktop) return;
    let current = true;
    fileHref(file, 'inline').then(
      (h) => current && setHref(h),
      (e: unknown) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [file]);

  const run = async (action: (f: FileHandle) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action(file);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={file.fileName} onClose={onClose} wide={!onDesktop}>
      {onDesktop ? (
        <p>
          {file.fileName} ({sizeText(file.sizeBytes)}) is ready. Open it in the viewer, print it, or save a copy.
        </p>
      ) : href ? (
        <iframe className="pdf-frame" title={file.fileName} src={href} />
      ) : (
        !error && <p role="status">Opening {file.fileName}…</p>
      )}
      <FormAlert message={error} />
      <div className="actions">
        {onDesktop && (
          <>
            <button type="button" disabled={busy} onClick={() => void run(openFileWindow)}>
              Open in the viewer
            </button>
            <button type="button" disabled={busy} onClick={() => void run(printFile)}>
              Print…
            </button>
          </>
        )}
        <button type="button" disabled={busy} onClick={() => void run(saveFile)}>
          {onDesktop ? 'Save a copy…' : 'Save a copy'}
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

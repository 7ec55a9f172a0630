// Shows a document from main (a receipt, a report) in the workspace, with a button to save a copy
// for printing or filing. The PDF is a blob: address in a frame (the only frames the CSP allows),
// released when the viewer closes.
import { useEffect, useRef } from 'react';
import type { FileOut } from '../../../shared/schemas/files';
import { Dialog } from './Dialog';
import { blobOf, saveFile } from './saveFile';

export function PdfViewer({ file, onClose }: { file: FileOut; onClose: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blobOf(file));
    if (frame.current) frame.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <Dialog title={file.fileName} onClose={onClose} wide>
      <iframe ref={frame} className="pdf-frame" title={file.fileName} />
      <div className="actions">
        <button type="button" onClick={() => saveFile(file)}>
          Save a copy
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

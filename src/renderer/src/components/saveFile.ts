// Hands a document from main (base64 in the contract's FileOut) to the clerk as a download, which
// the browser or Electron saves or opens for printing.
import type { FileOut } from '../../../shared/schemas/files';

/** The file's bytes as a Blob of its type (for a download or the PDF viewer). */
export function blobOf(file: FileOut): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

export function saveFile(file: FileOut): void {
  const url = URL.createObjectURL(blobOf(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL is released a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

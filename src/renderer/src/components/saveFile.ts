// Hands a document from main (base64 in the contract's FileOut) to the clerk as a download, which
// the browser or Electron saves or opens for printing.
import type { FileOut } from '../../../shared/schemas/files';

export function saveFile(file: FileOut): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
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

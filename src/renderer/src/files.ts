// Documents come from main as handles (FileHandle), never as their bytes. The desktop app hands
// them to the system: its own viewer window, print dialog and save dialog (files:open, files:print,
// files:save). In a browser, a one-time link (files:link, asked with the token and the session)
// shows the PDF in the workspace's viewer frame or downloads the file.
import type { FileHandle } from '../../shared/schemas/files';
import { call } from './api';

/** True in the desktop app: the system's viewer, print and save dialogs are there. */
export const onDesktop = typeof window !== 'undefined' && Boolean(window.recoup);

/** A one-time address of the document, shown inline or downloaded. */
export async function fileHref(file: FileHandle, disposition: 'inline' | 'attachment'): Promise<string> {
  return (await call('files:link', { fileId: file.fileId, disposition })).href;
}

/**
 * Saves a copy where the clerk chooses: the system save dialog in the desktop app, a download in a
 * browser (the browser streams it from Recoup to disk; the page never holds it).
 */
export async function saveFile(file: FileHandle): Promise<void> {
  if (onDesktop) {
    await call('files:save', { fileId: file.fileId });
    return;
  }
  const link = document.createElement('a');
  link.href = await fileHref(file, 'attachment');
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** The system print dialog (desktop app only; a browser prints from its PDF viewer). */
export async function printFile(file: FileHandle): Promise<void> {
  await call('files:print', { fileId: file.fileId });
}

/** The document in a window of its own, in the system's PDF viewer (desktop app only). */
export async function openFileWindow(file: FileHandle): Promise<void> {
  await call('files:open', { fileId: file.fileId });
}

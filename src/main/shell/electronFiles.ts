// The desktop app's way to hand a clerk a document (platform/desktopFiles.ts): a window of its own
// showing the PDF in Chromium's viewer, the system print dialog, or the system save dialog. The
// document window loads the document's one-time app:// link (served by the app:// protocol from
// the encrypted file, never written out in plain), with no preload and the same sandbox as the
// workspace. Electron's objects are passed in, so the decisions are unit-tested in plain Node.
import { createWriteStream, rmSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileHandle } from '../../shared/schemas/files';
import type { DesktopFiles } from '../platform/desktopFiles';
import { APP_HOST, APP_SCHEME, secureWindowOptions } from './window';

/**
 * The options of a document window: the workspace window's own security preferences (sandbox,
 * context isolation, no Node, no developer tools), without its preload, with the PDF viewer, so the
 * page can show a PDF and reach nothing else.
 */
export function documentWindowOptions(file: FileHandle, show: boolean) {
  const { preload: _preload, ...secure } = secureWindowOptions('', { devTools: false }).webPreferences;
  // Chromium's PDF viewer is a plugin: the one thing this window has that the workspace does not.
  const webPreferences = { ...secure, plugins: true };
  return { title: file.fileName, width: 900, height: 1000, show, autoHideMenuBar: true, webPreferences };
}

/** The filters of the save dialog for a document of this kind. */
export function saveDialogOptions(file: FileHandle) {
  const filter =
    file.mimeType === 'application/pdf'
      ? { name: 'PDF document', extensions: ['pdf'] }
      : file.mimeType === 'text/csv'
        ? { name: 'CSV spreadsheet', extensions: ['csv'] }
        : file.mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          ? { name: 'Excel workbook', extensions: ['xlsx'] }
          : { name: 'Text', extensions: ['txt'] };
  return { title: `Save ${file.fileName}`, defaultPath: file.fileName, filters: [filter] };
}

/** The parts of a BrowserWindow a document window uses. */
export interface DocumentWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  close(): void;
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): void;
  webContents: { print(options: { silent: boolean; printBackground: boolean }, done: (ok: boolean) => void): void };
}

export interface ElectronFilesDeps {
  createWindow(options: ReturnType<typeof documentWindowOptions>): DocumentWindow;
  showSaveDialog(
    options: ReturnType<typeof saveDialogOptions>,
  ): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

const ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function electronDesktopFiles(deps: ElectronFilesDeps): DesktopFiles {
  // Every document window open now: closed when the session locks or ends.
  const open = new Set<DocumentWindow>();
  const documentWindow = async (file: FileHandle, path: string): Promise<DocumentWindow> => {
    const win = deps.createWindow(documentWindowOptions(file, false));
    open.add(win);
    win.once('closed', () => open.delete(win));
    try {
      await win.loadURL(`${ORIGIN}${path}`);
    } catch (err) {
      if (!win.isDestroyed()) win.close();
      throw err;
    }
    return win;
  };
  return {
    async open(file, path) {
      (await documentWindow(file, path)).show();
    },
    async print(file, path) {
      const win = await documentWindow(file, path);
      await new Promise<void>((resolve) =>
        win.webContents.print({ silent: false, printBackground: true }, () => {
          if (!win.isDestroyed()) win.close();
          resolve();
        }),
      );
    },
    async save(file, read: () => Readable) {
      const choice = await deps.showSaveDialog(saveDialogOptions(file));
      if (choice.canceled || !choice.filePath) return false;
      try {
        await pipeline(read(), createWriteStream(choice.filePath, { mode: 0o600 }));
      } catch (err) {
        // A copy cut short is no copy: nothing half-written is left where the clerk chose.
        rmSync(choice.filePath, { force: true });
        throw err;
      }
      return true;
    },
    closeAll() {
      for (const win of [...open]) if (!win.isDestroyed()) win.close();
      open.clear();
    },
  };
}

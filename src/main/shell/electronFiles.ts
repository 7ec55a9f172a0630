// The desktop app's way to hand a clerk a document (platform/desktopFiles.ts): a window of its own
// showing the PDF in Chromium's viewer, the system print dialog, or the system save dialog. The
// document window loads the document's one-time app:// link (served by the app:// protocol from
// the encrypted file, never written out in plain), with no preload and the same sandbox as the
// workspace. Electron's objects are passed in, so the decisions are unit-tested in plain Node.
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileHandle } from '../../shared/schemas/files';
import type { DesktopFiles } from '../platform/desktopFiles';
import { APP_HOST, APP_SCHEME, secureWindowOptions } from './window';

/**
 * The options of a document window: the workspace window's own security preferences (sandbox,
 * context isolation, no Node, the PDF viewer, no developer tools), without its preload, so the
 * page can show a PDF and reach nothing else.
 */
export function documentWindowOptions(file: FileHandle, show: boolean) {
  const { preload: _preload, ...webPreferences } = secureWindowOptions('', { devTools: false }).webPreferences;
  return { title: file.fileName, width: 900, height: 1000, show, autoHideMenuBar: true, webPreferences };
}

/** The filters of the save dialog for a document of this kind. */
export function saveDialogOptions(file: FileHandle) {
  const filter =
    file.mimeType === 'application/pdf'
      ? { name: 'PDF document', extensions: ['pdf'] }
      : file.mimeType === 'text/csv'
        ? { name: 'CSV spreadsheet', extensions: ['csv'] }
        : { name: 'Text', extensions: ['txt'] };
  return { title: `Save ${file.fileName}`, defaultPath: file.fileName, filters: [filter] };
}

/** The parts of a BrowserWindow a document window uses. */
export interface DocumentWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  close(): void;
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
  return {
    async open(file, path) {
      const win = deps.createWindow(documentWindowOptions(file, false));
      await win.loadURL(`${ORIGIN}${path}`);
      win.show();
    },
    async print(file, path) {
      const win = deps.createWindow(documentWindowOptions(file, false));
      await win.loadURL(`${ORIGIN}${path}`);
      await new Promise<void>((resolve) =>
        win.webContents.print({ silent: false, printBackground: true }, () => {
          win.close();
          resolve();
        }),
      );
    },
    async save(file, read: () => Readable) {
      const choice = await deps.showSaveDialog(saveDialogOptions(file));
      if (choice.canceled || !choice.filePath) return false;
      await pipeline(read(), createWriteStream(choice.filePath, { mode: 0o600 }));
      return true;
    },
  };
}

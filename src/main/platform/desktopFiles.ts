// What the desktop app does with a document the workspace asks for: the system's own PDF viewer
// window, print dialog and save dialog. Implemented with Electron in src/main/shell/electronFiles.ts
// and handed to the app at start; the workspace server has none (the browser does these itself).
import type { Readable } from 'node:stream';
import type { FileHandle } from '../../shared/schemas/files';

export interface DesktopFiles {
  /** Shows the document in a window of its own. `path` is its one-time app:// path. */
  open(file: FileHandle, path: string): Promise<void>;
  /** The system print dialog for the document. */
  print(file: FileHandle, path: string): Promise<void>;
  /** The system save dialog; writes the document where the user chooses. False when they cancel. */
  save(file: FileHandle, read: () => Readable): Promise<boolean>;
  /** Closes every document window (the session locked or ended). */
  closeAll(): void;
}

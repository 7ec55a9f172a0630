// Documents reach the workspace as handles, never as their bytes: the main process keeps the file
// (in the store, or encrypted in a temporary file) and the workspace opens, prints or saves it by
// its handle (files:link in a browser; files:open, files:print, files:save in the desktop app).
import { z } from 'zod';

export const FILE_KINDS = [
  'application/pdf',
  'text/csv',
  'text/plain',
  // A real Excel workbook (the Medicare bad-debt listing, issue 15).
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** A document waiting in the main process for the workspace to fetch. */
export interface FileHandle {
  /** Opaque and unguessable; good only for the session that made the document, for an hour. */
  fileId: string;
  fileName: string;
  mimeType: FileKind;
  sizeBytes: number;
}

export const fileIdInput = z.object({ fileId: z.string().min(16).max(64) }).strict();

export const fileLinkInput = z
  .object({
    fileId: z.string().min(16).max(64),
    /** Shown in the browser (inline) or handed over as a download (attachment). */
    disposition: z.enum(['inline', 'attachment']).default('attachment'),
  })
  .strict();

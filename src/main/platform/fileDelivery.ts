// Fetching a document by its one-time link, the same for the workspace server
// (GET /files/<id>?ticket=…) and the desktop app (app://recoup/files/<id>?ticket=…): the link must
// be unspent and fresh, and the session it was made for still logged in and not locked; then the
// bytes stream out with the document's type and file name.
import type { Readable } from 'node:stream';
import type { RecoupApp } from '../app';
import { SET_UP } from './files';
import { securityPolicy } from './settings';

export const FILES_PATH = '/files/';

export type Disposition = 'inline' | 'attachment';

/** The path of a document's one-time link. */
export function filePath(fileId: string, ticket: string, disposition: Disposition): string {
  return `${FILES_PATH}${encodeURIComponent(fileId)}?ticket=${encodeURIComponent(ticket)}&disposition=${disposition}`;
}

/** The document a request path names, or null when it is not a document path. */
export function fileRequest(
  pathname: string,
  search: URLSearchParams,
): { fileId: string; ticket: string; disposition: Disposition } | null {
  if (!pathname.startsWith(FILES_PATH)) return null;
  let fileId: string;
  try {
    fileId = decodeURIComponent(pathname.slice(FILES_PATH.length));
  } catch {
    return null;
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(fileId)) return null;
  const ticket = search.get('ticket') ?? '';
  return { fileId, ticket, disposition: search.get('disposition') === 'inline' ? 'inline' : 'attachment' };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266), safe for any name. */
export function contentDisposition(disposition: Disposition, fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export type Delivery =
  | { ok: true; headers: Record<string, string>; body: () => Readable }
  | { ok: false; status: 401 | 404 | 423; message: string };

export function deliverFile(
  app: RecoupApp,
  request: { fileId: string; ticket: string; disposition: Disposition },
): Delivery {
  const found = app.files.redeem(request.fileId, request.ticket);
  if (!found)
    return {
      ok: false,
      status: 404,
      message: 'This link to a document has been used or has expired. Open the document again from Recoup.',
    };
  if (found.owner !== SET_UP) {
    const session = app.sessions.get(found.owner);
    if (!session || !app.store.isOpen)
      return { ok: false, status: 401, message: 'Your session has ended. Log in again.' };
    // The idle lock applies here as on every call (HP-01 automatic logoff).
    app.sessions.lockIfIdle(session, securityPolicy(app.store.db).idleLockMinutes);
    if (session.locked) return { ok: false, status: 423, message: 'The workspace is locked.' };
  }
  const { handle } = found;
  const type = handle.mimeType === 'application/pdf' ? handle.mimeType : `${handle.mimeType}; charset=utf-8`;
  return {
    ok: true,
    headers: {
      'Content-Type': type,
      'Content-Length': String(handle.sizeBytes),
      'Content-Disposition': contentDisposition(request.disposition, handle.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The workspace may show a PDF in its own viewer frame; nothing else may frame it.
      'X-Frame-Options': 'SAMEORIGIN',
      'Content-Security-Policy': "frame-ancestors 'self'",
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
    body: () => app.files.read(handle.fileId, () => app.store.db),
  };
}

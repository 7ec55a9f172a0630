// What `app://recoup/<path>` serves: a file of the built renderer (out/renderer), the one page
// for the workspace's own routes, or nothing. Pure decisions (no electron), so every traversal
// attempt is a unit test; the Electron handler in src/main/index.ts reads the file and adds the
// headers below.
import { statSync } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './window';
import { CONTENT_SECURITY_POLICY } from './csp';

export type AppRequestResolution =
  { kind: 'file'; path: string; mimeType: string } | { kind: 'not_found' } | { kind: 'forbidden' };

/** What the renderer build contains; anything else is not served. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers on every app:// response (the same policy the workspace server sends). */
export function appResponseHeaders(mimeType?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (mimeType) headers['Content-Type'] = mimeType;
  return headers;
}

function defaultIsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The raw path of the request, before any URL normalisation (which would hide `..`). */
function rawPath(requestUrl: string): string {
  const afterScheme = requestUrl.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/\\?#]*/, '');
  return afterScheme.split(/[?#]/)[0] ?? '';
}

/** A segment that is a dot segment, or hides a separator, a NUL or a drive letter once decoded. */
function segmentRefused(segment: string): boolean {
  if (segment === '.' || segment === '..') return true;
  if (/[\\/\0:]/.test(segment)) return true;
  return false;
}

/**
 * Decide what `requestUrl` serves from `rendererDir`. Refused (forbidden): another scheme or host,
 * user info or a port, any `.`/`..` segment (plain or percent-encoded), backslashes, encoded
 * slashes, NUL bytes, drive letters, malformed escapes. A path without an extension is a route of
 * the one-page workspace and gets index.html; a file with an unknown extension, or one that is not
 * there, is not found.
 */
export function resolveAppRequest(
  rendererDir: string,
  requestUrl: string,
  isFile: (file: string) => boolean = defaultIsFile,
): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden' };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.username !== '' ||
    url.password !== '' ||
    url.port !== ''
  )
    return { kind: 'forbidden' };

  // Check the path as sent, not as the URL parser normalised it: `/../x` must be refused, not
  // quietly turned into `/x`.
  const raw = rawPath(requestUrl);
  if (raw.includes('\\') || raw.includes('\0')) return { kind: 'forbidden' };
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { kind: 'forbidden' };
    }
    if (segmentRefused(segment)) return { kind: 'forbidden' };
    if (segment !== '') segments.push(segment);
  }

  const root = path.resolve(rendererDir);
  const indexHtml = { kind: 'file', path: path.join(root, 'index.html'), mimeType: MIME_TYPES['.html']! } as const;
  const last = segments[segments.length - 1];
  if (last === undefined) return isFile(indexHtml.path) ? indexHtml : { kind: 'not_found' };

  const extension = path.extname(last).toLowerCase();
  if (extension === '') return isFile(indexHtml.path) ? indexHtml : { kind: 'not_found' };
  const mimeType = MIME_TYPES[extension];
  if (!mimeType) return { kind: 'not_found' };
  // Dotfiles are never part of the build.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not_found' };

  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return { kind: 'forbidden' };
  return isFile(file) ? { kind: 'file', path: file, mimeType } : { kind: 'not_found' };
}

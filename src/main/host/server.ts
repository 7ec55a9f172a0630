// The workspace server: the same router and renderer as the Electron app, behind a loopback-only
// HTTP server. Every API call must carry the per-start random token (Authorization: Bearer ...);
// requests whose Host or Origin is not this server are refused (DNS-rebinding protection).
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SESSION_HEADER } from '../../shared/bridge';
import type { ErrorCode, Result } from '../../shared/errors';
import { pipeline } from 'node:stream/promises';
import { constantTimeEqual } from '../store/keySlots';
import { deliverFile, fileRequest } from '../platform/fileDelivery';
import type { RecoupApp } from '../app';
import type { Router } from '../ipc/router';
import { CONTENT_SECURITY_POLICY } from '../shell/csp';

const STATUS_FOR: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_logged_in: 401,
  session_locked: 423,
  forbidden: 403,
  wrong_password: 401,
  throttled: 429,
  not_found: 404,
  conflict: 409,
  not_allowed: 409,
  store_error: 503,
  bad_transport: 401,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Largest request body accepted (an import file is sent in parts later; 50 MiB is ample). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface WorkspaceServerOptions {
  app: RecoupApp;
  router: Router;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface WorkspaceServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Result<never>);
}

/** How much of an oversized body is read and thrown away after the 413 before the socket is closed. */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;
/** How long the rest of an oversized body is waited for after the 413 before the socket is closed. */
const DRAIN_LIMIT_MS = 30_000;

const TOO_LARGE = `The request is too large: Recoup accepts at most ${MAX_BODY_BYTES / (1024 * 1024)} MiB in one call.`;

/**
 * Answers 413 at once, complete (its Content-Length says where it ends, with Connection: close),
 * before the rest of the body is read: the client can read it while it is still sending. The
 * response is ended, and the socket with it, only once the rest has been read and thrown away,
 * or DRAIN_LIMIT_BYTES or DRAIN_LIMIT_MS are past: closing earlier, with bytes still arriving,
 * makes the system reset the connection, and a reset can lose the answer already sent.
 */
function refuseTooLarge(res: http.ServerResponse): () => void {
  const text = JSON.stringify({ ok: false, error: { code: 'invalid_input', message: TOO_LARGE } });
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
  });
  res.write(text);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    res.end();
  };
  const timer = setTimeout(end, DRAIN_LIMIT_MS);
  timer.unref();
  return end;
}

/**
 * The request body as text, or null when it was over MAX_BODY_BYTES and the 413 has been sent. A
 * declared Content-Length over the limit is answered before any byte is read; a body without one
 * (chunked) is answered as soon as the count passes the limit. Either way the rest is discarded.
 */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    const chunks: Buffer[] = [];
    let finish: (() => void) | null = null;
    const tooLarge = () => {
      chunks.length = 0;
      finish = refuseTooLarge(res);
      resolve(null);
    };
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) tooLarge();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (finish) {
        if (size > DRAIN_LIMIT_BYTES) finish();
        return;
      }
      if (size > MAX_BODY_BYTES) return tooLarge();
      chunks.push(c);
    });
    req.on('end', () => (finish ? finish() : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', (err) => (finish ? finish() : reject(err)));
  });
}

export function startWorkspaceServer(options: WorkspaceServerOptions): Promise<WorkspaceServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = options.log ?? (() => undefined);
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  function hostAllowed(req: http.IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }

  function tokenOk(req: http.IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
    return constantTimeEqual(given, tokenBytes);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'not_found', 'Use POST for API calls.');
    if (!tokenOk(req)) return refuse(res, 401, 'bad_transport', 'This call did not carry the workspace token.');
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json'))
      return refuse(res, 415, 'invalid_input', 'Send the input as application/json.');
    let input: unknown;
    try {
      const body = await readBody(req, res);
      if (body === null) return; // answered 413
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      // A body that could not be read (the client went away) or is not JSON.
      return refuse(res, 400, 'invalid_input', 'The request body is not valid JSON.');
    }
    const sessionHeader = req.headers[SESSION_HEADER];
    const sessionId = typeof sessionHeader === 'string' ? sessionHeader : null;
    const result = await options.router.dispatch({ channel, input, sessionId });
    sendJson(res, result.ok ? 200 : STATUS_FOR[result.error.code], result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!tokenOk(req)) return refuse(res, 401, 'bad_transport', 'This call did not carry the workspace token.');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = options.app.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      off();
    });
  }

  /**
   * A document by its one-time link (files:link gave it, to a call that carried the token and the
   * session): streamed with its type and file name, never buffered whole.
   */
  function handleFile(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    request: NonNullable<ReturnType<typeof fileRequest>>,
  ): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'not_found', 'Not found.');
    const delivery = deliverFile(options.app, request);
    if (!delivery.ok) {
      res.writeHead(delivery.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(delivery.message);
    }
    res.writeHead(200, delivery.headers);
    if (req.method === 'HEAD') return void res.end();
    pipeline(delivery.body(), res).catch((err: unknown) => {
      log(`recoup: a document could not be sent: ${String(err)}`);
      res.destroy();
    });
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'not_found', 'Not found.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'invalid_input', 'Bad path.');
    }
    let file = path.resolve(rendererDir, `.${rel}`);
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep))
      return refuse(res, 404, 'not_found', 'Not found.');
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // The workspace is one page; unknown paths without an extension get it.
      if (path.extname(rel) !== '') return refuse(res, 404, 'not_found', 'Not found.');
      file = path.join(rendererDir, 'index.html');
    }
    if (!existsSync(file)) return refuse(res, 503, 'internal', 'The workspace is not built. Run `npm run build`.');
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    securityHeaders(res);
    if (!hostAllowed(req))
      return refuse(res, 403, 'bad_transport', 'This server answers only its own workspace on 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events') return handleEvents(req, res);
    const file = fileRequest(url.pathname, url.searchParams);
    if (file) return handleFile(req, res, file);
    const api = /^\/api\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((err: unknown) => {
        log(`recoup: API error: ${String(err)}`);
        if (!res.headersSent) refuse(res, 500, 'internal', 'Something went wrong inside Recoup.');
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) return refuse(res, 404, 'not_found', 'There is no such API path.');
    handleStatic(req, res, url.pathname);
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

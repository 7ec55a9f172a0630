// The workspace server: loopback only, the per-start token on every API call, its own Host only,
// the contract as POST /api/<channel>, the built renderer with a strict CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkspaceServer, type WorkspaceServer } from '../../../src/main/host/server';
import { SETUP, tempDir, testApp, type TestApp } from '../support';

let t: TestApp;
let server: WorkspaceServer;
let rendererDir: string;

function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (channel: string, input: unknown, extra: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...extra },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  t = testApp();
  const root = tempDir('recoup-renderer-');
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recoup</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWorkspaceServer({ app: t.app, router: t.router, rendererDir });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

describe('workspace server', () => {
  it('listens on loopback only and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the contract as POST /api/<channel> with the token', async () => {
    const res = await api('app:status', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'needs_setup', today: '2026-11-26' } });
  });

  it('refuses an API call without the token, or with a wrong one', async () => {
    const none = await request({
      method: 'POST',
      path: '/api/app:status',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'bad_transport' } });
    const wrong = await api('app:status', {}, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests for another Host or from another Origin (DNS rebinding)', async () => {
    expect((await api('app:status', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await api('app:status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request({ path: '/', headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
  });

  it('maps errors to HTTP statuses with the same { ok, error } body', async () => {
    const bad = await api('auth:login', { username: 1 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { username: expect.any(String) } },
    });
    expect((await api('users:list', {})).status).toBe(401);
    expect((await api('nope:nothing', {})).status).toBe(404);
    const notJson = await request({
      method: 'POST',
      path: '/api/app:status',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const get = await request({ path: '/api/app:status', headers: { authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
  });

  it('a script can set up, log in with the session header and call a channel', async () => {
    expect((await api('setup:create', SETUP)).status).toBe(200);
    const login = JSON.parse((await api('auth:login', { username: 'admin', password: SETUP.admin.password })).body);
    const users = await api('users:list', {}, { 'x-recoup-session': login.value.sessionId });
    expect(JSON.parse(users.body)).toMatchObject({ ok: true, value: [{ username: 'admin' }] });
  });

  it('serves the renderer with a strict CSP, falls back to index.html, and never leaves its folder', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Recoup</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await request({ path: '/users' })).body).toContain('<title>Recoup</title>');
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/missing.js',
    ]) {
      const res = await request({ path: p });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('TOP-SECRET');
    }
  });
});

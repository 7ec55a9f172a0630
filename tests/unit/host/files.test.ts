// Documents travel as files (issue 9): a channel that makes a document answers with a handle, never
// with the document's bytes; the bytes wait in the main process (in the store, or encrypted in a
// temporary file) and are fetched with a one-time link that needs the token and the session, streamed
// with their type and file name.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkspaceServer, type WorkspaceServer } from '../../../src/main/host/server';
import type { FileHandle } from '../../../src/shared/schemas/files';
import { importSmall } from '../accounts/fixtures';
import { pdfPages } from '../pdfText';
import { HOSPITAL_NAME, SETUP, setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

let t: TestApp;
let server: WorkspaceServer;
let admin: string;

function get(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

async function post(channel: string, input: unknown, session: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.token}`,
      'content-type': 'application/json',
      'x-recoup-session': session,
    },
    body: JSON.stringify(input),
  });
  return { status: res.status, text: await res.text() };
}

const link = async (file: FileHandle, session = admin, disposition: 'inline' | 'attachment' = 'attachment') =>
  (await t.call('files:link', { fileId: file.fileId, disposition }, session)).href;

beforeAll(async () => {
  t = testApp();
  admin = await setUpAndLogIn(t);
  await importSmall(t);
  const rendererDir = path.join(tempDir('recoup-renderer-'), 'renderer');
  server = await startWorkspaceServer({ app: t.app, router: t.router, rendererDir });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

describe('documents as files', () => {
  it('a statement batch comes back as a handle, not as its bytes, and streams out with its type and name', async () => {
    const prepared = await post('statements:prepare', { jobId: 'statements-files-prep' }, admin);
    const { runId } = (JSON.parse(prepared.text) as { value: { runId: number } }).value;
    const res = await post('statements:release', { runId, jobId: 'statements-files-0001' }, admin);
    expect(res.status).toBe(200);
    // The answer is a few hundred characters whatever the size of the run: no document inside it.
    expect(res.text.length).toBeLessThan(1000);
    expect(res.text).not.toContain('base64');
    const { value } = JSON.parse(res.text) as { value: { count: number; file: FileHandle } };
    expect(value.file).toMatchObject({ fileName: 'statements-2026-11-26-run-1.pdf', mimeType: 'application/pdf' });
    expect(value.file.sizeBytes).toBeGreaterThan(1000);

    // Waiting on disk, it is ciphertext: no PDF header, no hospital name.
    const stored = readFileSync(t.app.files.storedPath(value.file.fileId)!);
    expect(stored.includes('%PDF')).toBe(false);
    expect(stored.includes(HOSPITAL_NAME)).toBe(false);

    const href = await link(value.file);
    expect(href).toMatch(/^\/files\/[\w-]+\?ticket=[\w-]+&disposition=attachment$/);
    const got = await get(href);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="statements-2026-11-26-run-1.pdf"; filename*=UTF-8''statements-2026-11-26-run-1.pdf`,
    );
    expect(Number(got.headers['content-length'])).toBe(value.file.sizeBytes);
    expect(got.body.length).toBe(value.file.sizeBytes);
    expect((await pdfPages(got.body)).join(' ')).toContain('Jane');
    // The same bytes as the app itself reads.
    expect(got.body.equals(await t.file(value.file))).toBe(true);
    // The document leaving for the browser is in the audit trail: who, which file, downloaded.
    expect(
      t.app.store.db
        .prepare(
          `SELECT kind, username, records, detail FROM audit_events WHERE channel = 'files:link' ORDER BY id DESC`,
        )
        .get(),
    ).toEqual({
      kind: 'export',
      username: 'admin',
      records: JSON.stringify(['file:statements-2026-11-26-run-1.pdf']),
      detail: 'downloaded',
    });
  });

  it('a link is good once; without one, or with a made-up one, nothing is served', async () => {
    const csv = await t.call('registers:csv', { month: '2026-11', register: 'statements' }, admin);
    const href = await link(csv, admin, 'inline');
    const first = await get(href);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toMatch(/^inline; filename="register-statements-2026-11\.csv"/);
    expect(first.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await get(href)).status).toBe(404);
    expect((await get(`/files/${csv.fileId}`)).status).toBe(404);
    expect((await get(`/files/${csv.fileId}?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  it('a document is its session’s: another session cannot link it, and it goes when its session ends', async () => {
    await t.call(
      'users:add',
      { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
      admin,
    );
    const casey = (await t.call('auth:login', { username: 'casey', password: 'casey-password-1' })).sessionId;
    const csv = await t.call('reports:agingCsv', { basis: 'service_date' }, admin);
    expect(await t.raw('files:link', { fileId: csv.fileId, disposition: 'attachment' }, casey)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // A link made while logged in stops working when the session is locked, and after it ends.
    const own = await t.call('reports:agingCsv', { basis: 'service_date' }, casey);
    const href = await link(own, casey);
    await t.call('auth:lock', {}, casey);
    expect((await get(href)).status).toBe(423);
    await t.call('auth:unlock', { password: 'casey-password-1' }, casey);
    // A link fetched after the session sat idle past the lock policy: the fetch locks it (HP-01).
    const idle = await link(own, casey);
    t.app.sessions.get(casey)!.lastActivityMs -= 30 * 60_000; // past the idle lock, within the idle end (the link itself is still fresh)
    expect((await get(idle)).status).toBe(423);
    expect(t.app.sessions.get(casey)!.locked).toBe(true);
    await t.call('auth:unlock', { password: 'casey-password-1' }, casey);
    const again = await link(own, casey);
    const files = t.app.files.count;
    await t.call('auth:logout', {}, casey);
    expect(t.app.files.count).toBe(files - 1);
    expect((await get(again)).status).toBe(404);
  });

  it('the desktop actions are refused where there is no desktop, with a sentence', async () => {
    const csv = await t.call('reports:agingCsv', { basis: 'service_date' }, admin);
    expect(await t.raw('files:save', { fileId: csv.fileId }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('desktop app') },
    });
  });

  /** A store set up afresh behind its own server: the set-up's answer and its sheet's address. */
  async function freshSetUp(use: (fresh: TestApp, sheet: string, recoveryKey: string) => Promise<void>) {
    const fresh = testApp();
    const freshServer = await startWorkspaceServer({
      app: fresh.app,
      router: fresh.router,
      rendererDir: tempDir('recoup-renderer-'),
    });
    try {
      const result = await fresh.call('setup:create', SETUP);
      await use(fresh, `http://127.0.0.1:${freshServer.port}${result.recoveryKeySheet.href}`, result.recoveryKey);
    } finally {
      await freshServer.close();
      fresh.cleanup();
    }
  }

  it('the recovery-key sheet’s link lasts ten minutes, and the sheet goes at the first log-in', async () => {
    for (const ending of ['ten minutes pass', 'someone logs in'] as const) {
      await freshSetUp(async (fresh, sheet) => {
        expect((await fetch(sheet)).status).toBe(200);
        if (ending === 'ten minutes pass') fresh.clock.advanceMs(10 * 60_000 + 1);
        else await fresh.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password });
        expect((await fetch(sheet)).status).toBe(404);
        if (ending === 'someone logs in') expect(fresh.app.files.count).toBe(0);
      });
    }
  });

  it('the recovery-key sheet made at set-up comes with its own link', async () => {
    await freshSetUp(async (_fresh, sheet, recoveryKey) => {
      const res = await fetch(sheet);
      expect(res.status).toBe(200);
      const pages = await pdfPages(Buffer.from(await res.arrayBuffer()));
      expect(pages.join(' ')).toContain(recoveryKey);
      // The link is good three times (a save after a look, a retry), then spent.
      expect((await fetch(sheet)).status).toBe(200);
      expect((await fetch(sheet)).status).toBe(200);
      expect((await fetch(sheet)).status).toBe(404);
    });
  });
});

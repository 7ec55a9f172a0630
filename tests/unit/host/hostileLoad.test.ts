// Issue 10 item 7: the workspace server holds under hostile load. An oversized body gets a clear
// 413 (not a cut socket); a log-in's key derivation leaves the event loop free; failed log-ins
// over many user names meet a budget across all names as well as the per-name delay.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/main/clock';
import { MAX_BODY_BYTES, startWorkspaceServer, type WorkspaceServer } from '../../../src/main/host/server';
import { LoginThrottle } from '../../../src/main/platform/sessions';
import { DEFAULT_SCRYPT } from '../../../src/main/store/keySlots';
import { SETUP, tempDir, testApp, type TestApp } from '../support';

let t: TestApp | undefined;
let server: WorkspaceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  t?.cleanup();
  t = undefined;
});

function post(
  port: number,
  token: string,
  channel: string,
  body: Buffer | string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    // Sent in slices, as a browser streams a large upload.
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const slice = 1024 * 1024;
    let at = 0;
    const next = (): void => {
      while (at < bytes.length) {
        const ok = req.write(bytes.subarray(at, at + slice));
        at += slice;
        if (!ok) return void req.once('drain', next);
      }
      req.end();
    };
    next();
  });
}

describe('the workspace server under hostile load', () => {
  it('a body over the size limit gets a clear 413 with the { ok, error } body, and the server goes on', async () => {
    t = testApp();
    server = await startWorkspaceServer({ app: t.app, router: t.router, rendererDir: tempDir('recoup-renderer-') });
    const big = Buffer.alloc(MAX_BODY_BYTES + 2 * 1024 * 1024, 0x20);
    const res = await post(server.port, server.token, 'app:status', big);
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/too large.*50 MiB/);
    const after = await post(server.port, server.token, 'app:status', '{}');
    expect(after.status).toBe(200);
  }, 60_000);

  it('a declared Content-Length over the limit is answered 413 at once, before the body is sent', async () => {
    t = testApp();
    server = await startWorkspaceServer({ app: t.app, router: t.router, rendererDir: tempDir('recoup-renderer-') });
    const port = server.port;
    const token = server.token;
    // Declares 10 GiB, sends 4 KiB, and waits: the whole answer must come without the rest.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          [
            `POST /api/app:status HTTP/1.1`,
            `Host: 127.0.0.1:${port}`,
            `Authorization: Bearer ${token}`,
            'Content-Type: application/json',
            `Content-Length: ${10 * 1024 ** 3}`,
            '',
            '',
          ].join('\r\n'),
        );
        socket.write(Buffer.alloc(4096, 0x20));
      });
      let text = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no complete answer in 5 s; got: ${JSON.stringify(text)}`));
      }, 5000);
      socket.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        const head = text.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(text)?.[1];
        if (head >= 0 && length && text.length >= head + 4 + Number(length)) {
          clearTimeout(timer);
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      ok: boolean;
      error: { message: string };
    };
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(/too large.*50 MiB/);
    const after = await post(port, token, 'app:status', '{}');
    expect(after.status).toBe(200);
  }, 30_000);

  it("a log-in's key derivation does not block the event loop: a timer fires while it runs", async () => {
    // The app's own derivation cost (N = 2^15), not the tests' cheap one.
    t = testApp();
    await t.call('setup:create', SETUP);
    Object.assign(t.app, { scrypt: DEFAULT_SCRYPT });
    const started = performance.now();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now() - started), 5);
    // A user whose slot carries the app's parameters; a wrong password for them costs one full derivation.
    const admin = (await t.call('auth:login', { username: 'admin', password: SETUP.admin.password })).sessionId;
    await t.call(
      'users:add',
      { fullName: 'Casey Clerk', username: 'casey', role: 'clerk', password: 'casey-password-1' },
      admin,
    );
    ticks.length = 0;
    const t0 = performance.now();
    const r = await t.raw('auth:login', { username: 'casey', password: 'not the password' });
    const kdfMs = performance.now() - t0;
    clearInterval(timer);
    expect(r.ok).toBe(false);
    // The derivation took tens of milliseconds, and timers kept firing during it.
    expect(kdfMs).toBeGreaterThan(20);
    const during = ticks.filter((x) => x >= t0 - started && x <= t0 - started + kdfMs);
    expect(during.length).toBeGreaterThanOrEqual(2);
    console.log(`log-in key derivation (N=2^15): ${kdfMs.toFixed(0)} ms; timer ticks meanwhile: ${during.length}`);
  }, 30_000);
});

describe('the budget of failed attempts across all user names', () => {
  it('per name: three free failures, then a growing delay', () => {
    const clock = manualClock('2026-11-26', 0);
    const th = new LoginThrottle(clock, { capacity: 100, refillMs: 1000 });
    for (let i = 0; i < 3; i++) th.fail('a');
    expect(th.waitMs('a')).toBe(0);
    th.fail('a');
    expect(th.waitMs('a')).toBe(2000);
    expect(th.waitMs('b')).toBe(0);
  });

  it('one failure each over many names empties the budget; then every name waits for the next token', () => {
    const clock = manualClock('2026-11-26', 0);
    const th = new LoginThrottle(clock, { capacity: 5, refillMs: 10_000 });
    for (let i = 0; i < 5; i++) {
      expect(th.waitMs(`user${i}`)).toBe(0);
      th.fail(`user${i}`);
    }
    // No single name has reached its own delay, yet no name (not even a new one) may try now.
    expect(th.waitMs('someone-else')).toBe(10_000);
    expect(th.waitMs('admin')).toBe(10_000);
    clock.advanceMs(9_999);
    expect(th.waitMs('admin')).toBe(1);
    clock.advanceMs(1);
    expect(th.waitMs('admin')).toBe(0);
    th.fail('admin');
    expect(th.waitMs('x')).toBe(10_000);
    // Refilled over time, up to the capacity and no more.
    clock.advanceMs(10 * 60_000);
    for (let i = 0; i < 5; i++) {
      expect(th.waitMs(`again${i}`)).toBe(0);
      th.fail(`again${i}`);
    }
    expect(th.waitMs('again-more')).toBeGreaterThan(0);
  });

  it('log-ins and recovery attempts over many names are refused as throttled once the budget is spent', async () => {
    t = testApp();
    await t.call('setup:create', SETUP);
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r =
        i % 2 === 0
          ? await t.raw('auth:login', { username: `guess${i}`, password: 'some password' })
          : await t.raw('auth:recover', {
              recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
              username: `guess${i}`,
              newPassword: 'a new password 1',
            });
      if (!r.ok) codes.push(r.error.code);
    }
    expect(codes.slice(0, 20).every((c) => c === 'wrong_password')).toBe(true);
    expect(codes.slice(20).every((c) => c === 'throttled')).toBe(true);
    // The right password waits too until the budget has a token again.
    const admin = await t.raw('auth:login', { username: 'admin', password: SETUP.admin.password });
    expect(admin.ok).toBe(false);
    t.clock.advanceMs(15_000);
    expect((await t.raw('auth:login', { username: 'admin', password: SETUP.admin.password })).ok).toBe(true);
  });
});

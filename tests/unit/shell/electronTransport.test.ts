// The Electron transport, with fakes for ipcMain and the window: only our window's main frame on
// the app page reaches the router, only envelope-shaped payloads, rebuilt from their known fields;
// progress events go to the window while it lives; removing the transport undoes both.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Router } from '../../../src/main/ipc/router';
import {
  answerInvoke,
  registerElectronTransport,
  type InvokeCaller,
  type InvokeRegistry,
} from '../../../src/main/shell/electronTransport';
import { APP_ENTRY_URL } from '../../../src/main/shell/window';
import { BRIDGE_EVENT, BRIDGE_INVOKE } from '../../../src/shared/bridge';
import type { Envelope, WorkspaceEvent } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';

const WINDOW_ID = 7;
const contents = { id: WINDOW_ID };
const OK: Result<unknown> = { ok: true, value: 'dispatched' };

function fakeRouter(answer: () => Promise<Result<unknown>> = async () => OK) {
  const calls: Envelope[] = [];
  const router: Router = {
    dispatch: (envelope) => {
      calls.push(envelope);
      return answer();
    },
  };
  return { router, calls };
}

function caller(overrides: Partial<{ senderId: number; url: string; parent: unknown; noFrame: boolean }> = {}) {
  const frame = overrides.noFrame ? null : { url: overrides.url ?? APP_ENTRY_URL, parent: overrides.parent ?? null };
  return { sender: { id: overrides.senderId ?? WINDOW_ID }, senderFrame: frame } satisfies InvokeCaller;
}

const envelope = { channel: 'app:status', input: {}, sessionId: null };
const quiet = () => undefined;

describe('answerInvoke: who may call', () => {
  it('dispatches a call from our window main frame on the app page', async () => {
    const { router, calls } = fakeRouter();
    expect(await answerInvoke(caller(), envelope, contents, router, quiet)).toEqual(OK);
    expect(calls).toEqual([envelope]);
  });

  it.each([
    ['another window', caller({ senderId: 99 })],
    ['a subframe of our window', caller({ parent: { url: APP_ENTRY_URL } })],
    ['a frame that navigated to a remote page', caller({ url: 'https://evil.example/' })],
    ['a frame on another app host', caller({ url: 'app://evil/index.html' })],
    ['a frame on about:blank', caller({ url: 'about:blank' })],
    ['a destroyed or navigated-away frame', caller({ noFrame: true })],
  ])('refuses %s with bad_transport, never reaching the router', async (_what, from) => {
    const { router, calls } = fakeRouter();
    const answer = await answerInvoke(from, envelope, contents, router, quiet);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_transport' } });
    expect(calls).toEqual([]);
  });
});

describe('answerInvoke: what may be sent', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'app:status'],
    ['a number', 42],
    ['an array', [envelope]],
    ['no channel', { input: {} }],
    ['a non-string channel', { channel: 12, input: {} }],
    ['an empty channel', { channel: '', input: {} }],
    ['an enormous channel', { channel: 'a'.repeat(101), input: {} }],
    ['a non-string session', { channel: 'app:status', input: {}, sessionId: { id: 1 } }],
  ])('refuses %s', async (_what, payload) => {
    const { router, calls } = fakeRouter();
    const answer = await answerInvoke(caller(), payload, contents, router, quiet);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_transport' } });
    expect(calls).toEqual([]);
  });

  it('passes only channel, input and session on', async () => {
    const { router, calls } = fakeRouter();
    await answerInvoke(
      caller(),
      { channel: 'auth:login', input: { username: 'a' }, sessionId: 's1', role: 'admin', __proto__: { x: 1 } },
      contents,
      router,
      quiet,
    );
    expect(calls).toEqual([{ channel: 'auth:login', input: { username: 'a' }, sessionId: 's1' }]);
  });

  it('a missing session is null', async () => {
    const { router, calls } = fakeRouter();
    await answerInvoke(caller(), { channel: 'app:status', input: {} }, contents, router, quiet);
    expect(calls[0]?.sessionId).toBeNull();
  });

  it('a router that throws becomes an internal error, not a rejected promise', async () => {
    const { router } = fakeRouter(async () => {
      throw new Error('boom at /home/clerk/secret');
    });
    const log = vi.fn();
    const answer = await answerInvoke(caller(), envelope, contents, router, log);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('registerElectronTransport', () => {
  function setUp() {
    const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
        if (handlers.has(channel)) throw new Error('second handler');
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    } as unknown as InvokeRegistry;
    const sent: [string, unknown][] = [];
    let destroyed = false;
    const windowContents = {
      id: WINDOW_ID,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      isDestroyed: () => destroyed,
    };
    const bus = new EventEmitter();
    const onEvent = (listener: (event: WorkspaceEvent) => void) => {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    };
    const { router, calls } = fakeRouter();
    const remove = registerElectronTransport({ ipcMain, contents: windowContents, router, onEvent, log: quiet });
    return {
      handlers,
      sent,
      bus,
      calls,
      remove,
      destroy: () => {
        destroyed = true;
      },
    };
  }

  const progress: WorkspaceEvent = { type: 'progress', jobId: 't1', phase: 'import', count: 3, total: 10 };

  it('handles the bridge channel and routes checked calls', async () => {
    const t = setUp();
    expect([...t.handlers.keys()]).toEqual([BRIDGE_INVOKE]);
    const answer = await t.handlers.get(BRIDGE_INVOKE)!(caller(), envelope);
    expect(answer).toEqual(OK);
    expect(t.calls).toEqual([envelope]);
    const refused = await t.handlers.get(BRIDGE_INVOKE)!(caller({ url: 'https://evil.example/' }), envelope);
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_transport' } });
    expect(t.calls).toHaveLength(1);
  });

  it('forwards app events to the window, and not once the window is destroyed', () => {
    const t = setUp();
    t.bus.emit('event', progress);
    expect(t.sent).toEqual([[BRIDGE_EVENT, progress]]);
    t.destroy();
    t.bus.emit('event', progress);
    expect(t.sent).toHaveLength(1);
  });

  it('removing it drops the handler and the event subscription', () => {
    const t = setUp();
    t.remove();
    expect(t.handlers.size).toBe(0);
    expect(t.bus.listenerCount('event')).toBe(0);
  });
});

describe('the transport source', () => {
  it('never touches ipcRenderer and imports electron for types only', () => {
    const source = readFileSync(path.resolve(__dirname, '../../../src/main/shell/electronTransport.ts'), 'utf8');
    expect(source).not.toMatch(/ipcRenderer/);
    const electronImports = source.split('\n').filter((line) => /from 'electron'/.test(line));
    expect(electronImports.every((line) => line.startsWith('import type '))).toBe(true);
  });
});

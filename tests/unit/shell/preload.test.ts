// The sandboxed preload: its copies of the bridge channel names equal the shared ones, it imports
// nothing but electron at runtime, and it exposes exactly { invoke, on, off } as window.recoup:
// never ipcRenderer, never the IPC event. Run against a fake electron module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_EVENT, BRIDGE_INVOKE, type RecoupBridge } from '../../../src/shared/bridge';
import type { WorkspaceEvent } from '../../../src/shared/contract';

const PRELOAD = path.resolve(__dirname, '../../../src/preload/index.ts');
const source = readFileSync(PRELOAD, 'utf8');

const fake = vi.hoisted(() => {
  const exposed: [string, unknown][] = [];
  return {
    exposed,
    invokeAnswer: { current: (): Promise<unknown> => Promise.resolve({ ok: true, value: 1 }) },
    invokeCalls: [] as unknown[][],
  };
});

const ipcRenderer = vi.hoisted(() => {
  // A tiny ipcRenderer stand-in (vi.hoisted runs before imports).
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    on(channel: string, fn: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
      return this;
    },
    removeListener(channel: string, fn: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(fn);
      return this;
    },
    emit(channel: string, ...args: unknown[]) {
      for (const fn of listeners.get(channel) ?? []) fn(...args);
    },
    count(channel: string) {
      return listeners.get(channel)?.size ?? 0;
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invokeCalls.push(args);
      return fake.invokeAnswer.current();
    },
    on: ipcRenderer.on.bind(ipcRenderer),
    removeListener: ipcRenderer.removeListener.bind(ipcRenderer),
  },
}));

let bridge: RecoupBridge;

beforeAll(async () => {
  await import('../../../src/preload/index');
  expect(fake.exposed).toHaveLength(1);
  bridge = fake.exposed[0]![1] as RecoupBridge;
});

describe('preload source', () => {
  it('copies the channel names of src/shared/bridge.ts exactly', () => {
    const invoke = /const BRIDGE_INVOKE = '([^']+)';/.exec(source)?.[1];
    const event = /const BRIDGE_EVENT = '([^']+)';/.exec(source)?.[1];
    expect(invoke).toBe(BRIDGE_INVOKE);
    expect(event).toBe(BRIDGE_EVENT);
  });

  it('imports nothing but electron at runtime', () => {
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('calls exposeInMainWorld once, with exactly invoke, on and off', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(
      /exposeInMainWorld\('recoup', \{ invoke: bridge\.invoke, on: bridge\.on, off: bridge\.off \}\)/,
    );
  });
});

describe('what the page receives as window.recoup', () => {
  it('is exposed under "recoup" with exactly invoke, on and off, all functions', () => {
    const [key, api] = fake.exposed[0]!;
    expect(key).toBe('recoup');
    expect(Object.keys(api as object).sort()).toEqual(['invoke', 'off', 'on']);
    for (const value of Object.values(api as object)) expect(typeof value).toBe('function');
  });

  it('exposes nothing of ipcRenderer', () => {
    const api = fake.exposed[0]![1] as Record<string, unknown>;
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api).some((k) => /send|emit|removeAll|listeners/i.test(k))).toBe(false);
  });

  it('invoke sends the envelope on the bridge channel and returns the answer', async () => {
    const envelope = { channel: 'app:status', input: {}, sessionId: null };
    fake.invokeAnswer.current = () => Promise.resolve({ ok: true, value: 'status' });
    await expect(bridge.invoke(envelope)).resolves.toEqual({ ok: true, value: 'status' });
    expect(fake.invokeCalls.at(-1)).toEqual([BRIDGE_INVOKE, envelope]);
  });

  it('invoke answers bad_transport instead of rejecting when main cannot be reached', async () => {
    fake.invokeAnswer.current = () => Promise.reject(new Error('No handler registered for recoup:invoke'));
    await expect(bridge.invoke({ channel: 'app:status', input: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_transport' },
    });
  });

  it('on passes the event payload only, never the IPC event; off stops it', () => {
    const progress: WorkspaceEvent = { type: 'progress', jobId: 't', phase: 'p', count: 1, total: 2 };
    const seen: unknown[][] = [];
    const listener = (...args: unknown[]) => void seen.push(args);
    bridge.on(listener);
    bridge.on(listener); // a second subscription of the same listener is one subscription
    expect(ipcRenderer.count(BRIDGE_EVENT)).toBe(1);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(BRIDGE_EVENT, ipcEvent, progress);
    expect(seen).toEqual([[progress]]);
    bridge.off(listener);
    expect(ipcRenderer.count(BRIDGE_EVENT)).toBe(0);
    ipcRenderer.emit(BRIDGE_EVENT, ipcEvent, progress);
    expect(seen).toHaveLength(1);
  });

  it('on also returns an unsubscribe function (contextBridge proxies break off(sameFn))', () => {
    const listener = vi.fn();
    const unsubscribe = (bridge.on as (l: (e: WorkspaceEvent) => void) => () => void)(listener);
    expect(ipcRenderer.count(BRIDGE_EVENT)).toBe(1);
    unsubscribe();
    expect(ipcRenderer.count(BRIDGE_EVENT)).toBe(0);
  });

  it('off for a listener never added does nothing', () => {
    expect(() => bridge.off(() => undefined)).not.toThrow();
  });

  it('keeps its two listeners apart', () => {
    const a = vi.fn();
    const b = vi.fn();
    bridge.on(a);
    bridge.on(b);
    bridge.off(a);
    ipcRenderer.emit(BRIDGE_EVENT, {}, { type: 'progress', jobId: 't', phase: 'p', count: 2, total: 2 });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
    bridge.off(b);
  });
});

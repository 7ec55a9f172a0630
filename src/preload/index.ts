// The sandboxed preload: exposes `window.recoup` = { invoke, on, off } (RecoupBridge in
// src/shared/bridge.ts) and nothing else: never ipcRenderer, never an IPC event object. A
// sandboxed preload can require only electron's renderer modules, so it imports nothing else at
// runtime (types are erased).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RecoupBridge } from '../shared/bridge';
import type { Envelope, WorkspaceEvent } from '../shared/contract';
import type { Result } from '../shared/errors';

// Copies of BRIDGE_INVOKE and BRIDGE_EVENT in src/shared/bridge.ts (a unit test keeps them equal).
const BRIDGE_INVOKE = 'recoup:invoke';
const BRIDGE_EVENT = 'recoup:event';

type Listener = (event: WorkspaceEvent) => void;
type Wrapper = (ipcEvent: IpcRendererEvent, payload: WorkspaceEvent) => void;

// The renderer's listener -> the wrapper registered with ipcRenderer, so `off` removes the right
// one and the renderer never sees the IPC event (whose `sender` is ipcRenderer itself).
const wrappers = new Map<Listener, Wrapper>();

function unsubscribe(listener: Listener): void {
  const wrapper = wrappers.get(listener);
  if (!wrapper) return;
  ipcRenderer.removeListener(BRIDGE_EVENT, wrapper);
  wrappers.delete(listener);
}

const bridge: RecoupBridge = {
  invoke(envelope: Envelope): Promise<Result<unknown>> {
    return (ipcRenderer.invoke(BRIDGE_INVOKE, envelope) as Promise<Result<unknown>>).catch((): Result<unknown> => ({
      ok: false,
      error: { code: 'bad_transport', message: 'Recoup could not reach its main process. Restart Recoup.' },
    }));
  },
  on(listener: Listener): () => void {
    if (typeof listener !== 'function') return () => undefined;
    if (!wrappers.has(listener)) {
      const wrapper: Wrapper = (_ipcEvent, payload) => listener(payload);
      wrappers.set(listener, wrapper);
      ipcRenderer.on(BRIDGE_EVENT, wrapper);
    }
    // contextBridge gives every call its own proxy of a renderer function, so `off(sameFn)` from
    // the page does not find this entry; the returned function always unsubscribes this one.
    return () => unsubscribe(listener);
  },
  off(listener: Listener): void {
    unsubscribe(listener);
  },
};

contextBridge.exposeInMainWorld('recoup', { invoke: bridge.invoke, on: bridge.on, off: bridge.off });

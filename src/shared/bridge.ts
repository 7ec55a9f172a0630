// What the preload exposes to the renderer as `window.recoup` (Electron only), and the HTTP
// headers the workspace server expects. Types only: the preload imports nothing but electron.
import type { Envelope, WorkspaceEvent } from './contract';
import type { Result } from './errors';

export interface RecoupBridge {
  invoke(envelope: Envelope): Promise<Result<unknown>>;
  /**
   * Subscribes to progress events; returns the unsubscribe function. Use it rather than `off`:
   * contextBridge hands each call its own proxy of a renderer function, so `off(sameFn)` cannot
   * match what `on` saw (electron/electron#33328).
   */
  on(listener: (event: WorkspaceEvent) => void): () => void;
  off(listener: (event: WorkspaceEvent) => void): void;
}

/** IPC channel names used between preload and main (not contract channels). */
export const BRIDGE_INVOKE = 'recoup:invoke';
export const BRIDGE_EVENT = 'recoup:event';

/** Workspace server: `Authorization: Bearer <token>` on every API call, plus the session header. */
export const SESSION_HEADER = 'x-recoup-session';

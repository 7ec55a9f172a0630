// The Electron transport: the one ipcMain handler behind the preload's `invoke`, and the push of
// app events (progress) to the window. Every call is checked before the router sees it: it must
// come from our window's main frame showing the app's own page, and carry an envelope-shaped
// object. Electron's objects are passed in (index.ts gives the real ipcMain and window), so the
// checks run under unit tests in plain Node.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { BRIDGE_EVENT, BRIDGE_INVOKE } from '../../shared/bridge';
import type { Envelope, WorkspaceEvent } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Router } from '../ipc/router';
import { senderAllowed } from './window';

/** The parts of ipcMain this transport uses. */
export type InvokeRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The parts of the window's webContents this transport uses. */
export type WindowContents = Pick<WebContents, 'id' | 'send' | 'isDestroyed'>;

/** The parts of an invoke event this transport reads. */
export interface InvokeCaller {
  sender: Pick<WebContents, 'id'>;
  senderFrame: { url: string; parent: unknown } | null;
}

export interface ElectronTransportOptions {
  ipcMain: InvokeRegistry;
  contents: WindowContents;
  router: Router;
  /** RecoupApp.onEvent: subscribe to app events, returning the unsubscribe function. */
  onEvent: (listener: (event: WorkspaceEvent) => void) => () => void;
  log?: (line: string) => void;
}

const MAX_CHANNEL_LENGTH = 100;

function refused(message: string): Result<never> {
  return { ok: false, error: { code: 'bad_transport', message } };
}

/**
 * True when the call comes from our window's main frame showing app://recoup/. A frame that has
 * navigated away or been destroyed has no senderFrame (null) and is refused; so is any subframe.
 */
export function callerAllowed(caller: InvokeCaller, contents: Pick<WebContents, 'id'>): boolean {
  if (caller.sender.id !== contents.id) return false;
  const frame = caller.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return senderAllowed(frame.url);
}

/** The envelope, rebuilt from its known fields, or null when the payload is not one. */
export function envelopeFrom(payload: unknown): Envelope | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { channel, input, sessionId } = payload as Record<string, unknown>;
  if (typeof channel !== 'string' || channel.length === 0 || channel.length > MAX_CHANNEL_LENGTH) return null;
  if (sessionId !== undefined && sessionId !== null && typeof sessionId !== 'string') return null;
  return { channel, input, sessionId: sessionId ?? null };
}

/** The answer to one bridge call. */
export async function answerInvoke(
  caller: InvokeCaller,
  payload: unknown,
  contents: Pick<WebContents, 'id'>,
  router: Router,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Result<unknown>> {
  if (!callerAllowed(caller, contents)) {
    log(`recoup: refused a bridge call from ${caller.senderFrame?.url ?? 'a destroyed frame'}`);
    return refused('This call did not come from the Recoup workspace.');
  }
  const envelope = envelopeFrom(payload);
  if (!envelope) return refused('This call was not a Recoup request.');
  try {
    return await router.dispatch(envelope);
  } catch (err) {
    // The router answers every failure itself; this is the last guard so the renderer never
    // receives a raw Error from ipcMain.
    log(`recoup: bridge dispatch failed: ${(err as Error)?.stack ?? String(err)}`);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Recoup. Nothing was saved; try again.' },
    };
  }
}

/** Register the transport; returns the function that removes it (window closed, app quitting). */
export function registerElectronTransport(options: ElectronTransportOptions): () => void {
  const { ipcMain, contents, router } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  ipcMain.handle(BRIDGE_INVOKE, (event: IpcMainInvokeEvent, payload: unknown) =>
    answerInvoke(event, payload, contents, router, log),
  );
  const unsubscribe = options.onEvent((event) => {
    if (!contents.isDestroyed()) contents.send(BRIDGE_EVENT, event);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(BRIDGE_INVOKE);
  };
}

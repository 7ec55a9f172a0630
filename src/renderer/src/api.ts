// The workspace's one client for the contract. Screens call `call(channel, input)` and never
// know the transport: inside Electron the preload bridge (`window.recoup`) carries the envelope;
// in a browser against the workspace server it is `POST /api/<channel>` with the per-start token.
import { SESSION_HEADER, type RecoupBridge } from '../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput, Envelope, WorkspaceEvent } from '../../shared/contract';
import type { AppErrorShape, ErrorCode, Result } from '../../shared/errors';
import { useWorkspace } from './session';

declare global {
  interface Window {
    recoup?: RecoupBridge;
  }
}

/** A refusal from main, with the sentence to show and, for forms, the fields it belongs to. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.fields = shape.fields;
  }
}

const NOT_ANSWERING: AppErrorShape = {
  code: 'internal',
  message: 'The Recoup workspace server is not answering. Check that Recoup is still running, then try again.',
};

// The workspace server hands its token once, in the address it prints (`/?token=...`). It is kept
// for this tab only (a reload still works) and taken out of the address bar at once.
const TOKEN_KEY = 'recoup.workspaceToken';

function takeWorkspaceToken(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

interface Transport {
  invoke(envelope: Envelope): Promise<Result<unknown>>;
  subscribe(listener: (event: WorkspaceEvent) => void): () => void;
}

function electronTransport(bridge: RecoupBridge): Transport {
  return {
    invoke: (envelope) => bridge.invoke(envelope),
    // on() returns the unsubscribe: off(sameFn) cannot match through contextBridge's proxies.
    subscribe: (listener) => bridge.on(listener),
  };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

function httpTransport(token: string | null): Transport {
  const authorization = `Bearer ${token ?? ''}`;
  return {
    async invoke(envelope) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: authorization };
      if (envelope.sessionId) headers[SESSION_HEADER] = envelope.sessionId;
      let body: unknown;
      try {
        const response = await fetch(`/api/${envelope.channel}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(envelope.input ?? {}),
          cache: 'no-store',
        });
        body = await response.json();
      } catch {
        return { ok: false, error: NOT_ANSWERING };
      }
      return isResult(body) ? body : { ok: false, error: NOT_ANSWERING };
    },
    // Server-sent events read through fetch, because EventSource cannot send the token header.
    subscribe(listener) {
      const controller = new AbortController();
      const read = async (): Promise<void> => {
        const response = await fetch('/api/events', {
          headers: { Authorization: authorization },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            buffer = buffer.slice(end + 2);
            if (data) listener(JSON.parse(data) as WorkspaceEvent);
            end = buffer.indexOf('\n\n');
          }
        }
      };
      read().catch(() => undefined);
      return () => controller.abort();
    },
  };
}

const transport: Transport = window.recoup ? electronTransport(window.recoup) : httpTransport(takeWorkspaceToken());

/** Calls one channel of the contract; resolves with its value or throws an ApiError. */
export async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const sessionId = useWorkspace.getState().sessionId;
  const result = await transport.invoke({ channel, input, sessionId });
  // The contract types the value; main produced it from the same table.
  if (result.ok) return result.value as ChannelOutput<K>;
  const error = new ApiError(result.error);
  const workspace = useWorkspace.getState();
  if (sessionId && sessionId === workspace.sessionId) {
    if (error.code === 'session_locked') workspace.setLocked(true);
    if (error.code === 'not_logged_in') workspace.endSession('Your session has ended. Log in again.');
  }
  // The store stopped (a damaged database): main has ended the sessions; the status names the
  // problem and the workspace shows its screen, with the restore.
  if (error.code === 'store_error' && channel !== 'app:status') {
    const status = await transport.invoke({ channel: 'app:status', input: {}, sessionId: null }).catch(() => null);
    if (status?.ok) {
      const next = status.value as ChannelOutput<'app:status'>;
      if (next.state === 'store_problem') {
        workspace.endSession(null);
        workspace.setStatus(next);
      }
    }
  }
  throw error;
}

/** Progress events from long work (imports, statement runs); returns the unsubscribe function. */
export function subscribeToEvents(listener: (event: WorkspaceEvent) => void): () => void {
  return transport.subscribe(listener);
}

/** The sentence to show for any failure of a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the workspace. Try again; if it happens again, tell your administrator.';
}

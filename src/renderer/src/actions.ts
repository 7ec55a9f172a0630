// The few steps that change where the workspace stands (status, log-in, lock, log-out). Screens
// call these; they call the contract and update the session store.
import { call } from './api';
import { useWorkspace } from './session';
import { goTo } from './routes';

export async function refreshStatus(): Promise<void> {
  const status = await call('app:status', {});
  const workspace = useWorkspace.getState();
  workspace.setStatus(status);
  if (workspace.sessionId && status.session) workspace.setSession(status.session);
}

export async function logIn(username: string, password: string): Promise<void> {
  const result = await call('auth:login', { username, password });
  goTo('home');
  useWorkspace.getState().startSession(result);
  await refreshStatus();
}

export async function unlock(password: string): Promise<void> {
  const session = await call('auth:unlock', { password });
  useWorkspace.getState().setSession(session);
}

/** Locks now (the Lock button or the idle timer); the lock screen shows even if the call fails. */
export async function lockNow(): Promise<void> {
  try {
    const session = await call('auth:lock', {});
    useWorkspace.getState().setSession(session);
  } catch {
    useWorkspace.getState().setLocked(true);
  }
}

export async function logOut(notice: string | null = null): Promise<void> {
  try {
    await call('auth:logout', {});
  } catch {
    // The session may already be gone on the server; the workspace forgets it either way.
  }
  useWorkspace.getState().endSession(notice);
  goTo('home');
}

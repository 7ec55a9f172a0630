// What the workspace knows about where it stands: the app's status, who is logged in, and whether
// the session is locked. The session id lives only here, in memory: a reload logs the clerk out,
// and nothing that opens the store is ever written to the browser's storage.
import { create } from 'zustand';
import type { AppStatus, LoginResult, SessionInfo } from '../../shared/contract';

interface WorkspaceState {
  status: AppStatus | null;
  sessionId: string | null;
  session: SessionInfo | null;
  /** A sentence for the log-in screen (why the session ended, a restore that just finished). */
  notice: string | null;
  setStatus(status: AppStatus): void;
  startSession(result: LoginResult): void;
  setSession(session: SessionInfo): void;
  setLocked(locked: boolean): void;
  setIdleLockMinutes(minutes: number): void;
  endSession(notice?: string | null): void;
}

export const useWorkspace = create<WorkspaceState>()((set) => ({
  status: null,
  sessionId: null,
  session: null,
  notice: null,
  setStatus: (status) => set({ status }),
  startSession: (result) => set({ sessionId: result.sessionId, session: result.session, notice: null }),
  setSession: (session) => set({ session }),
  setLocked: (locked) => set((s) => (s.session ? { session: { ...s.session, locked } } : {})),
  setIdleLockMinutes: (idleLockMinutes) =>
    set((s) => (s.session ? { session: { ...s.session, idleLockMinutes } } : {})),
  endSession: (notice = null) => set({ sessionId: null, session: null, notice }),
}));

// HP-01 automatic logoff, the workspace's half: after `idleLockMinutes` without keyboard, mouse,
// pointer or wheel input, lock the session. While the clerk is active, tell the server with a
// heartbeat so its own idle check (the other half) sees the activity too.
import { useEffect } from 'react';
import { call } from './api';
import { lockNow } from './actions';
import { useWorkspace } from './session';

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * A heartbeat goes at most once a minute, and only when there was input since the last one. With a
 * very short idle limit (1 minute) once a minute could arrive just past the server's limit and lock
 * an active clerk, so the interval is never more than half the limit.
 */
export function heartbeatIntervalMs(idleLockMinutes: number): number {
  return Math.min(60_000, (idleLockMinutes * 60_000) / 2);
}

export function useIdleLock(idleLockMinutes: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const idleMs = idleLockMinutes * 60_000;
    const beatMs = heartbeatIntervalMs(idleLockMinutes);
    let lastInput = Date.now();
    let lastBeat = Date.now();
    let beatTimer: number | null = null;
    let idleTimer = 0;

    const beat = () => {
      beatTimer = null;
      lastBeat = Date.now();
      // The answer carries the current policy, so a changed idle limit reaches this session too.
      call('auth:heartbeat', {}).then(
        (session) => useWorkspace.getState().setSession(session),
        () => undefined,
      );
    };
    const onInput = () => {
      lastInput = Date.now();
      if (beatTimer === null) beatTimer = window.setTimeout(beat, Math.max(0, lastBeat + beatMs - lastInput));
    };
    // One timer for the whole idle window, re-armed for the remainder when input came meanwhile,
    // so a moving mouse costs a timestamp, not a timer.
    const checkIdle = () => {
      const idle = Date.now() - lastInput;
      if (idle >= idleMs) {
        if (beatTimer !== null) window.clearTimeout(beatTimer);
        beatTimer = null;
        void lockNow();
        return;
      }
      idleTimer = window.setTimeout(checkIdle, idleMs - idle);
    };
    idleTimer = window.setTimeout(checkIdle, idleMs);
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      window.clearTimeout(idleTimer);
      if (beatTimer !== null) window.clearTimeout(beatTimer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [idleLockMinutes, active]);
}

// Sessions and the log-in throttle. HP-01: unique user id, automatic logoff (idle lock).
import { randomBytes } from 'node:crypto';
import type { SessionInfo, SessionUser } from '../../shared/contract';
import type { Clock } from '../clock';

export interface Session {
  id: string;
  user: SessionUser;
  createdMs: number;
  lastActivityMs: number;
  locked: boolean;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    /** Told when a session ends, however it ends (its documents go with it). */
    private readonly onEnd: (session: Session) => void = () => undefined,
    /** Told when a session locks, by hand or when idle (what it shows must go from the screen). */
    private readonly onLock: (sessionId: string) => void = () => undefined,
  ) {}

  /** Locks the session now (the Lock button, or the idle lock). */
  lock(session: Session): void {
    session.locked = true;
    this.onLock(session.id);
  }

  start(user: SessionUser): Session {
    const now = this.clock.nowMs();
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      user,
      createdMs: now,
      lastActivityMs: now,
      locked: false,
    };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | null | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** Locks the session when it has been idle longer than the policy allows. Returns true if it locked now. */
  lockIfIdle(session: Session, idleLockMinutes: number): boolean {
    if (session.locked) return false;
    if (this.clock.nowMs() - session.lastActivityMs >= idleLockMinutes * 60_000) {
      this.lock(session);
      return true;
    }
    return false;
  }

  touch(session: Session): void {
    session.lastActivityMs = this.clock.nowMs();
  }

  end(id: string): void {
    const session = this.byId.get(id);
    if (session && this.byId.delete(id)) this.onEnd(session);
  }

  /** Ends every session of a user (disabled, or password reset by an administrator). */
  endForUser(userId: number): void {
    for (const [id, s] of this.byId) if (s.user.id === userId) this.end(id);
  }

  endAll(): void {
    for (const id of [...this.byId.keys()]) this.end(id);
  }

  /** Whether the user has a session open (in any window). */
  hasUser(userId: number): boolean {
    for (const s of this.byId.values()) if (s.user.id === userId) return true;
    return false;
  }

  get count(): number {
    return this.byId.size;
  }

  info(session: Session, idleLockMinutes: number): SessionInfo {
    return { user: session.user, locked: session.locked, idleLockMinutes };
  }
}

/**
 * Growing delay after repeated failed log-ins for one user name: the first FREE_ATTEMPTS failures
 * cost nothing; after that each failure doubles the wait, from 2 seconds up to 5 minutes.
 */
export class LoginThrottle {
  static readonly FREE_ATTEMPTS = 3;
  static readonly MAX_DELAY_MS = 5 * 60_000;
  private readonly failures = new Map<string, { count: number; blockedUntilMs: number }>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds to wait before this user name may try again (0 when it may try now). */
  waitMs(username: string): number {
    const f = this.failures.get(username.toLowerCase());
    return f ? Math.max(0, f.blockedUntilMs - this.clock.nowMs()) : 0;
  }

  fail(username: string): void {
    const key = username.toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, blockedUntilMs: 0 };
    f.count += 1;
    const over = f.count - LoginThrottle.FREE_ATTEMPTS;
    f.blockedUntilMs = over > 0 ? this.clock.nowMs() + Math.min(LoginThrottle.MAX_DELAY_MS, 2000 * 2 ** (over - 1)) : 0;
    this.failures.set(key, f);
  }

  succeed(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}

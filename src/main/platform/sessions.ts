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

/**
 * How long a session may live on the server, whatever the workspace does: an absolute lifetime
 * from log-in, and an end after this long without a call (beyond the idle lock, which only locks).
 * A session abandoned by a closed tab or a reload ends by itself, and with it the open store.
 */
export interface SessionLimits {
  maxAgeMs: number;
  idleEndMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxAgeMs: 12 * 3_600_000, idleEndMs: 60 * 60_000 };

/**
 * RECOUP_SESSION_HOURS (1 to 24) and RECOUP_SESSION_IDLE_END_MINUTES (5 to 480) change the
 * limits; anything else keeps the default.
 */
export function sessionLimitsFrom(env: NodeJS.ProcessEnv): SessionLimits {
  const num = (v: string | undefined, min: number, max: number): number | null => {
    const n = v === undefined || v.trim() === '' ? NaN : Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  const hours = num(env.RECOUP_SESSION_HOURS, 1, 24);
  const idle = num(env.RECOUP_SESSION_IDLE_END_MINUTES, 5, 480);
  return {
    maxAgeMs: hours === null ? DEFAULT_SESSION_LIMITS.maxAgeMs : hours * 3_600_000,
    idleEndMs: idle === null ? DEFAULT_SESSION_LIMITS.idleEndMs : idle * 60_000,
  };
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    /** Told when a session ends, however it ends (its documents go with it). */
    private readonly onEnd: (session: Session) => void = () => undefined,
    /** Told when a session locks, by hand or when idle (what it shows must go from the screen). */
    private readonly onLock: (sessionId: string) => void = () => undefined,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  private expired(session: Session): boolean {
    const now = this.clock.nowMs();
    return now - session.createdMs >= this.limits.maxAgeMs || now - session.lastActivityMs >= this.limits.idleEndMs;
  }

  /** Ends every session past its lifetime or idle end. Returns how many ended. */
  sweep(): number {
    let ended = 0;
    for (const [id, s] of [...this.byId]) {
      if (this.expired(s)) {
        this.end(id);
        ended++;
      }
    }
    return ended;
  }

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

  /** The live session with this id; one past its lifetime or idle end is ended here, not returned. */
  get(id: string | null | undefined): Session | undefined {
    const session = id ? this.byId.get(id) : undefined;
    if (session && this.expired(session)) {
      this.end(session.id);
      return undefined;
    }
    return session;
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
 * The budget of failed attempts across every user name at once: a token bucket that holds
 * `capacity` failures and gains one back every `refillMs`. When it is empty, every attempt (log-in,
 * unlock, recovery key, approval, restore, password change) waits for the next token, so a storm
 * over many names gets no more guesses than the bucket allows, and each costs no key derivation.
 */
export interface GlobalBudget {
  capacity: number;
  refillMs: number;
}

export const DEFAULT_GLOBAL_BUDGET: GlobalBudget = { capacity: 20, refillMs: 15_000 };

/**
 * Growing delay after repeated failed log-ins for one user name: the first FREE_ATTEMPTS failures
 * cost nothing; after that each failure doubles the wait, from 2 seconds up to 5 minutes. On top,
 * the global budget above.
 */
export class LoginThrottle {
  static readonly FREE_ATTEMPTS = 3;
  static readonly MAX_DELAY_MS = 5 * 60_000;
  private readonly failures = new Map<string, { count: number; blockedUntilMs: number }>();
  private tokens: number;
  private refilledAtMs: number;

  constructor(
    private readonly clock: Clock,
    readonly budget: GlobalBudget = DEFAULT_GLOBAL_BUDGET,
  ) {
    this.tokens = budget.capacity;
    this.refilledAtMs = clock.nowMs();
  }

  private refill(): void {
    const now = this.clock.nowMs();
    const gained = Math.floor((now - this.refilledAtMs) / this.budget.refillMs);
    if (gained > 0) {
      this.tokens = Math.min(this.budget.capacity, this.tokens + gained);
      this.refilledAtMs =
        this.tokens === this.budget.capacity ? now : this.refilledAtMs + gained * this.budget.refillMs;
    }
  }

  /** Milliseconds until the global budget allows another attempt (0: now). */
  globalWaitMs(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.max(1, this.refilledAtMs + this.budget.refillMs - this.clock.nowMs());
  }

  /** Milliseconds to wait before this user name may try again (0 when it may try now). */
  waitMs(username: string): number {
    const f = this.failures.get(username.toLowerCase());
    const own = f ? Math.max(0, f.blockedUntilMs - this.clock.nowMs()) : 0;
    return Math.max(own, this.globalWaitMs());
  }

  fail(username: string): void {
    const key = username.toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, blockedUntilMs: 0 };
    f.count += 1;
    const over = f.count - LoginThrottle.FREE_ATTEMPTS;
    f.blockedUntilMs = over > 0 ? this.clock.nowMs() + Math.min(LoginThrottle.MAX_DELAY_MS, 2000 * 2 ** (over - 1)) : 0;
    this.failures.set(key, f);
    this.refill();
    if (this.tokens === this.budget.capacity) this.refilledAtMs = this.clock.nowMs();
    this.tokens = Math.max(0, this.tokens - 1);
  }

  succeed(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}

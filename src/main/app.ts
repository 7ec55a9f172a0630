// The composition of one running Recoup: the store, the clock, sessions, the log-in throttle and
// the event bus. Both transports (Electron IPC and the workspace server) dispatch into one of these.
import { EventEmitter } from 'node:events';
import type { WorkspaceEvent } from '../shared/contract';
import type { Clock } from './clock';
import type { ScryptParams } from './store/keySlots';
import { DEFAULT_SCRYPT } from './store/keySlots';
import type { DataFolder } from './store/dataFolder';
import { Store } from './store/store';
import { LoginThrottle, Sessions, type GlobalBudget, type SessionLimits } from './platform/sessions';
import { Jobs, StoreLock } from './platform/jobs';
import { Uploads } from './platform/uploads';
import { Files } from './platform/files';
import type { DesktopFiles } from './platform/desktopFiles';
import { appendAuditEvents, type AuditEventInput } from './platform/auditTrail';
import { NO_EXTENSIONS, type Extensions } from './platform/capability';
import { Scheduler } from './platform/scheduler';

export interface AppConfig {
  folder: DataFolder;
  clock: Clock;
  version: string;
  /** Key-derivation cost; tests may lower it, the app never does. */
  scrypt?: ScryptParams;
  /** What the composed capabilities plug in (src/main/capabilities/index.ts). */
  extensions?: Extensions;
  /** Where failures that are not the caller's are written (stderr by default). */
  log?: (line: string) => void;
  /** A session's absolute lifetime and idle end (default 12 hours and 60 minutes). */
  sessionLimits?: SessionLimits;
  /** The budget of failed attempts across all user names (default 20, one back every 15 s). */
  loginBudget?: GlobalBudget;
}

export class Notices {
  private readonly byKey = new Map<string, string>();
  set(key: string, message: string): void {
    this.byKey.set(key, message);
  }
  clear(key: string): void {
    this.byKey.delete(key);
  }
  list(): string[] {
    return [...this.byKey.values()];
  }
}

export class RecoupApp {
  readonly store: Store;
  readonly clock: Clock;
  readonly version: string;
  readonly scrypt: ScryptParams;
  readonly sessions: Sessions;
  readonly throttle: LoginThrottle;
  readonly events = new EventEmitter();
  /** Long work holds this; other calls that touch the store wait their turn. */
  readonly lock = new StoreLock();
  readonly jobs = new Jobs();
  readonly uploads: Uploads;
  /** Documents made for the workspace, waiting to be fetched (never through the renderer as bytes). */
  readonly files: Files;
  /** The desktop app's way to open, print and save a document (null in the workspace server). */
  desktop: DesktopFiles | null = null;
  readonly extensions: Extensions;
  readonly scheduler: Scheduler;
  readonly log: (line: string) => void;
  /**
   * Audit events that happened while the store was closed (failed log-ins before anyone unlocked
   * it); written to the trail as soon as the store opens.
   */
  readonly pendingAudit: AuditEventInput[] = [];
  /** Background failures administrators are told of (app:status), by what failed; cleared when it next succeeds. */
  readonly notices = new Notices();

  constructor(config: AppConfig) {
    this.store = new Store(config.folder, () => this.clock.today());
    this.clock = config.clock;
    this.version = config.version;
    this.scrypt = config.scrypt ?? DEFAULT_SCRYPT;
    this.files = new Files(() => this.clock.nowMs());
    // A session that ends takes its documents (and its user's uploads) with it; one that locks (or ends) closes the desktop's
    // document windows, which would otherwise stay on screen over the lock (HP-01 automatic logoff).
    this.sessions = new Sessions(
      this.clock,
      (session) => {
        this.files.dropOwner(session.id);
        // Files sent for import are the user's: they go when the user's last session does.
        if (!this.sessions.hasUser(session.user.id)) this.uploads.dropUser(session.user.id);
        this.desktop?.closeAll();
      },
      () => this.desktop?.closeAll(),
      config.sessionLimits,
    );
    this.throttle = new LoginThrottle(this.clock, config.loginBudget);
    this.uploads = new Uploads(() => this.clock.nowMs());
    this.extensions = config.extensions ?? NO_EXTENSIONS;
    this.log = config.log ?? ((line) => console.error(line));
    this.scheduler = new Scheduler(this);
    // Sessions past their lifetime end even when no call arrives; the last one out closes the store.
    this.sweepTimer = setInterval(() => this.sweepSessions(), 60_000);
    this.sweepTimer.unref();
  }

  private readonly sweepTimer: ReturnType<typeof setInterval>;

  /** Ends expired sessions; with none left, the store closes and the data key leaves memory. */
  sweepSessions(): void {
    if (this.sessions.sweep() > 0 && this.sessions.count === 0 && !this.lock.busy) this.store.close();
  }

  /** ISO instant for audit and record timestamps. */
  nowIso(): string {
    return new Date(this.clock.nowMs()).toISOString();
  }

  emit(event: WorkspaceEvent): void {
    this.events.emit('event', event);
  }

  onEvent(listener: (event: WorkspaceEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  shutdown(): void {
    clearInterval(this.sweepTimer);
    this.sessions.endAll();
    this.uploads.clear();
    this.files.clear();
    this.writePendingAudit();
    this.store.close();
  }

  /**
   * Writes the audit events still waiting (see pendingAudit) before the app quits. With the store
   * closed there is no key to open it with (it left memory with the last session), so they cannot
   * be written: that is said in the log, with what they were, rather than passed over.
   */
  private writePendingAudit(): void {
    if (this.pendingAudit.length === 0) return;
    if (this.store.isOpen && !this.store.db.inTransaction) {
      try {
        appendAuditEvents(this.store.db, this.pendingAudit);
        this.pendingAudit.length = 0;
        return;
      } catch (err) {
        this.log(`recoup: audit write failed at shutdown: ${String(err)}`);
      }
    }
    const what = this.pendingAudit.map((e) => `${e.at} ${e.channel} ${e.outcome} ${e.username ?? '-'}`).join('; ');
    this.log(
      `recoup: ${this.pendingAudit.length} audit event(s) could not be written: the store is closed and its key is not in memory (${what})`,
    );
  }
}

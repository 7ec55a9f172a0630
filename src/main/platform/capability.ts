// What a capability is to the rest of the main process: the handler map of the channels it serves
// (typed from its part of the contract, so a missing or mistyped handler is a compile error), and
// the extension points it plugs into:
// - afterLedgerChange: called inside the transaction of every ledger change (a payment, an
//   adjustment, a reversal, an import's transactions), so what depends on the ledger (plan
//   progress, promises, holds, agency and payroll balances) commits or rolls back with it;
// - afterDeathChange: called inside the transaction of a death the extract raised (or a supervisor's
//   approval of the extract lowering one), and of a death a clerk records (estates calls the
//   subscribers after recording it), so a death has the same effects however it came in;
// - paymentPriority: the accounts a guarantor's payment goes to first (a plan's accounts);
// - dailyJobs: business-day work (the lapse check, the daily backup), run once per business day
//   by the one scheduler (platform/scheduler.ts), never from inside another call's handler;
// - queueSources: the items the capability puts in the clerk's daily work queue.
// The composition (src/main/capabilities/index.ts) lists the capabilities; the router merges
// their handler maps and the app collects their extension points.
import type {
  CapabilityName,
  ChannelName,
  ChannelOutput,
  ChannelsOf,
  ParsedInput,
  SessionUser,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { AuditKind } from '../../shared/schemas/audit';
import type { QueueItem, QueueKind } from '../../shared/schemas/queue';
import type { RecoupApp } from '../app';
import type { Db } from '../store/database';
import type { FileHandle } from '../../shared/schemas/files';
import { documentInfo } from './documents';
import type { FileMeta } from './files';
import type { Session } from './sessions';

export interface CallContext {
  app: RecoupApp;
  /** The caller's session; null only for public channels. */
  session: Session | null;
  /** The session id the caller presented. */
  sessionId: string | null;
  /** Records the call touched ("user:3", "account:A1001"), for the audit event. */
  records: string[];
  /** Who acted, when a public channel (log-in, set-up) establishes it. */
  actor: { id: number | null; username: string | null } | null;
  detail: string | null;
  /**
   * Writes the call's own (ok) audit event now, in `db`, from the records and detail set so far;
   * the router then writes no second one. For a handler whose work closes or replaces the store
   * (a restore, a password reset that opened the store itself): its event is written in the store
   * before it closes, in the same transaction as the change where there is one (HP-01).
   */
  writeOwnAudit: (db: Db) => void;
  /** The handler wrote the call's ok event itself (writeOwnAudit). */
  auditWritten: boolean;
}

export type Handler<K extends ChannelName> = (
  ctx: CallContext,
  input: ParsedInput<K>,
) => ChannelOutput<K> | Promise<ChannelOutput<K>>;

/** One capability's handlers: exactly the channels its part of the contract declares. */
export type HandlerMap<C extends CapabilityName> = { [K in ChannelsOf<C> & ChannelName]: Handler<K> };

/** Every channel's handler (the router's table). */
export type Handlers = { [K in ChannelName]: Handler<K> };

/** The session of a call (every non-public channel has one). */
export function sessionOf(ctx: CallContext): Session {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session;
}

/** The logged-in user of a call. */
export function userOf(ctx: CallContext): SessionUser {
  return sessionOf(ctx).user;
}

/** Whose a document a call makes is: the caller's session. (Set-up offers its sheet as SET_UP.) */
export function fileOwner(ctx: CallContext): string {
  return sessionOf(ctx).id;
}

/** Offers bytes the call drew (a CSV, a reprint) to the caller: the answer carries the handle. */
export function offerBytes(ctx: CallContext, meta: FileMeta, bytes: Buffer): Promise<FileHandle> {
  return ctx.app.files.offerBytes(fileOwner(ctx), meta, bytes);
}

/** Offers a document kept in the store (a receipt, an agreement) to the caller. */
export function offerDocument(ctx: CallContext, documentId: number): FileHandle {
  const info = documentInfo(ctx.app.store.db, documentId);
  return ctx.app.files.offerDocument(
    fileOwner(ctx),
    { fileName: info.fileName, mimeType: info.mimeType },
    documentId,
    info.sizeBytes,
  );
}

/** What a ledger change touched, handed to every subscriber inside the change's transaction. */
export interface LedgerChange {
  /** The guarantors whose accounts' ledgers changed. */
  guarantorIds: ReadonlySet<number>;
  /** The accounts whose ledgers changed. */
  accountIds: ReadonlySet<number>;
  /** The business date and instant of the change, and who made it (null: an import, the system). */
  today: string;
  now: string;
  by: number | null;
}

export type LedgerSubscriber = (db: Db, change: LedgerChange) => void;

/**
 * A death raised or lowered outside the estates capability: the extract raised a guarantor's
 * deceased flag, or a supervisor approved the extract's lowering of it (a held change). Handed to
 * every subscriber inside the transaction that changed the flag.
 */
export interface DeathChange {
  guarantorId: number;
  /** The flag as it now stands. */
  deceased: boolean;
  today: string;
  now: string;
  /** Who made the change (null: the import). */
  by: number | null;
  /** In a sentence, why (the import batch, the approval). */
  why: string;
}

export type DeathSubscriber = (db: Db, change: DeathChange) => void;

/** Business-day work: run once per business day, at the first chance the store is open. */
export interface DailyJob {
  /** Unique; the day it last ran is kept under this name. */
  name: string;
  /** How its run is written to the audit trail. */
  audit: AuditKind;
  /** Does the day's work; returns a line for the audit trail. Throwing is reported, never fatal. */
  run(app: RecoupApp, today: string): string;
  /**
   * The job's work cannot run inside a transaction (a backup's VACUUM INTO) and writes no rows of
   * its own: its record and audit event are written after it. Every other job's work, its record
   * and its audit event commit in one transaction (HP-01).
   */
  outsideTransaction?: true;
}

/** A work-queue item as a source gives it: the item, and the user it belongs to. */
export interface QueueCandidate extends QueueItem {
  /** Whose item it is (the queue shows a clerk their own unless they ask for all); null: nobody's, so everyone's. */
  ownerId: number | null;
  /** Only supervisors (and administrators) see it: a decision that is theirs to make. */
  forSupervisors?: boolean;
  /** The follow-up it came from: marking the item done closes it. */
  followUpId?: number;
}

/** Where some kinds of work-queue item come from. */
export interface QueueSource {
  kinds: readonly QueueKind[];
  /** Of its kinds, those that come in only for a guarantor with nothing else in the queue today. */
  onlyAlone?: readonly QueueKind[];
  /**
   * The open items of the wanted kinds on `today`, scored; the queue filters and ranks them. With
   * `only`, the items of those guarantors (the kept queue revalidates the guarantors a change
   * touched): a source may read just them, or give everything (the queue keeps theirs); either way
   * a guarantor's items are exactly those the whole book's read gives them.
   */
  items(db: Db, today: string, want: (kind: QueueKind) => boolean, only?: ReadonlySet<number>): QueueCandidate[];
}

/** The accounts of a guarantor a payment should go to first (before oldest-first for the rest). */
export type PaymentPriority = (db: Db, guarantorId: number) => Iterable<number>;

export interface Capability<C extends CapabilityName> {
  name: C;
  handlers: HandlerMap<C>;
  afterLedgerChange?: LedgerSubscriber;
  /** Called inside the transaction that raised or lowered a death outside the estates capability. */
  afterDeathChange?: DeathSubscriber;
  paymentPriority?: PaymentPriority;
  dailyJobs?: readonly DailyJob[];
  queueSources?: readonly QueueSource[];
}

/** What the composed capabilities plug in, gathered once when the app is made. */
export interface Extensions {
  ledgerSubscribers: readonly LedgerSubscriber[];
  deathSubscribers: readonly DeathSubscriber[];
  paymentPriorities: readonly PaymentPriority[];
  dailyJobs: readonly DailyJob[];
  queueSources: readonly QueueSource[];
}

export const NO_EXTENSIONS: Extensions = {
  ledgerSubscribers: [],
  deathSubscribers: [],
  paymentPriorities: [],
  dailyJobs: [],
  queueSources: [],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of capabilities of every name
export function collectExtensions(capabilities: readonly Capability<any>[]): Extensions {
  const jobs = capabilities.flatMap((c) => c.dailyJobs ?? []);
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`Two daily jobs are named ${j.name}.`);
    names.add(j.name);
  }
  return {
    ledgerSubscribers: capabilities.flatMap((c) => (c.afterLedgerChange ? [c.afterLedgerChange] : [])),
    deathSubscribers: capabilities.flatMap((c) => (c.afterDeathChange ? [c.afterDeathChange] : [])),
    paymentPriorities: capabilities.flatMap((c) => (c.paymentPriority ? [c.paymentPriority] : [])),
    dailyJobs: jobs,
    queueSources: capabilities.flatMap((c) => c.queueSources ?? []),
  };
}

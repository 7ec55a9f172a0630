// The one wrapper every channel goes through, whatever the transport: validate the input against
// the contract, check the session (and the idle lock) and the role, run the day's due jobs, run the
// capability's handler, write the audit event, and answer { ok, value } or
// { ok: false, error: { code, message, fields } }. The handlers come merged from every capability
// (src/main/capabilities/index.ts); the router holds no rule and no SQL of its own.
//
// HP-01: an audited call runs inside one transaction the router opens, and its audit event is the
// last thing written before that transaction commits, so a change never commits without its event
// (a crash in between loses both). Services' own transactions become savepoints inside it; long
// work (an import, a statement run) opens its unit with beginWork, which does the same. A call
// that fails is rolled back and its event written in a transaction of its own. A channel whose
// work cannot run inside a transaction says so in the contract (outsideTransaction). A handler
// whose work closes or replaces the store (a restore, the last log-out, a recovery-key reset that
// opened the store itself) writes its own event first, with ctx.writeOwnAudit, so it never waits in
// memory for a store that may not open again before Recoup quits.
import type { z } from 'zod';
import { contract, isChannelName, type Envelope } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { roleAtLeast } from '../../shared/roles';
import type { RecoupApp } from '../app';
import { appendAudit, appendAuditEvents, type AuditEventInput } from '../platform/auditTrail';
import type { CallContext, Handler, Handlers } from '../platform/capability';
import { securityPolicy } from '../platform/settings';
import { beginCall, type CallTransaction } from '../platform/unitOfWork';

/** zod issues -> { "admin.password": "message" } (the first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function invalid(error: z.ZodError): AppError {
  const fields = fieldErrors(error);
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === '_' ? first[1] : `${first[0]}: ${first[1]}`) : 'The input is not valid.';
  return new AppError('invalid_input', `Please correct the highlighted fields. ${message}`, fields);
}

export interface Router {
  dispatch(envelope: Envelope): Promise<Result<unknown>>;
}

export function createRouter(
  app: RecoupApp,
  handlers: Handlers,
  log: (msg: string) => void = (m) => console.error(m),
): Router {
  /**
   * Writes an event now, in its own transaction or in `tx` (the call's own transaction). While
   * the store is closed, or another call's transaction is open (a concurrent call during an
   * import), the event waits in memory for the next moment it can be written on its own: inside
   * someone else's transaction it would vanish if that work were rolled back.
   */
  function audit(event: Omit<AuditEventInput, 'at'>, tx: CallTransaction | null = null): void {
    const full = { ...event, at: app.nowIso() };
    if (tx) appendAudit(tx.db, full);
    else if (app.store.isOpen && !app.store.db.inTransaction) appendAudit(app.store.db, full);
    else app.pendingAudit.push(full);
  }

  /** Writes the events that waited (see audit), once no transaction is open. */
  function writePending(): void {
    if (app.pendingAudit.length === 0 || !app.store.isOpen || app.store.db.inTransaction) return;
    appendAuditEvents(app.store.db, app.pendingAudit);
    app.pendingAudit.length = 0;
  }

  /** The call's transaction, if the handler left it as it was (nothing closed or replaced the store). */
  function stillOpen(tx: CallTransaction | null): tx is CallTransaction {
    return tx !== null && app.store.isOpen && app.store.db === tx.db && tx.db.inTransaction;
  }

  async function dispatch(envelope: Envelope): Promise<Result<unknown>> {
    const name = typeof envelope?.channel === 'string' ? envelope.channel : '';
    // Calls that touch the store wait while long work (an import) holds it.
    if (isChannelName(name) && !contract[name].concurrent) return app.lock.run(() => dispatchNow(envelope));
    return dispatchNow(envelope);
  }

  async function dispatchNow(envelope: Envelope): Promise<Result<unknown>> {
    const name = typeof envelope?.channel === 'string' ? envelope.channel : '';
    if (!isChannelName(name))
      return { ok: false, error: { code: 'not_found', message: `There is no channel named "${name.slice(0, 60)}".` } };
    const spec = contract[name];
    const sessionId = typeof envelope.sessionId === 'string' ? envelope.sessionId : null;

    const parsed = spec.input.safeParse(envelope.input === undefined ? {} : envelope.input);
    if (!parsed.success) return { ok: false, error: invalid(parsed.error).toShape() };

    const auditKind = spec.audit;
    const okEvent = (): Omit<AuditEventInput, 'at'> => ({
      userId: ctx.actor?.id ?? null,
      username: ctx.actor?.username ?? usernameOf(parsed.data),
      channel: name,
      kind: auditKind || 'admin',
      records: ctx.records,
      outcome: 'ok',
      detail: ctx.detail,
    });
    const ctx: CallContext = {
      app,
      session: null,
      sessionId,
      records: [],
      actor: null,
      detail: null,
      auditWritten: false,
      writeOwnAudit(db) {
        if (!auditKind || ctx.auditWritten) return;
        appendAudit(db, { ...okEvent(), at: app.nowIso() });
        ctx.auditWritten = true;
      },
    };
    // A public call that opens the store itself (a password reset with the recovery key, a restore
    // from the problem screen) leaves it closed as it found it, but only after its events are written.
    const openAtStart = app.store.isOpen;
    /** The transaction this call opened, until it commits or rolls back. */
    let tx: CallTransaction | null = null;
    /** The role check refused the call (and wrote its event already). */
    let refusedByRole = false;
    try {
      if (spec.access !== 'public') {
        const session = app.sessions.get(sessionId);
        if (!session || !app.store.isOpen) throw new AppError('not_logged_in', 'Your session has ended. Log in again.');
        ctx.session = session;
        ctx.actor = { id: session.user.id, username: session.user.username };
        const policy = securityPolicy(app.store.db);
        if (app.sessions.lockIfIdle(session, policy.idleLockMinutes)) {
          audit({
            userId: session.user.id,
            username: session.user.username,
            channel: 'auth:idle-lock',
            kind: 'auth',
            records: [],
            outcome: 'ok',
            detail: `idle ${policy.idleLockMinutes} min`,
          });
        }
        if (session.locked && !spec.whileLocked)
          throw new AppError('session_locked', 'The workspace is locked. Enter your password to continue.');
        if (!roleAtLeast(session.user.role, spec.access)) {
          refusedByRole = true;
          audit({
            userId: session.user.id,
            username: session.user.username,
            channel: name,
            kind: auditKind || 'admin',
            records: [],
            outcome: 'forbidden',
            detail: null,
          });
          throw new AppError('forbidden', 'Your role does not allow this. Ask an administrator.');
        }
      }
      // Business-day work (the lapse check, the daily backup) runs before a user's first call of
      // the day finds the store; a job that fails is reported by the scheduler, never here. Only
      // calls that hold the store lock wake it: a concurrent call (a heartbeat, an upload slice)
      // may run while a job's transaction is open.
      if (ctx.session && !ctx.session.locked && !spec.concurrent) app.scheduler.runDue();
      if (auditKind && !spec.outsideTransaction && !spec.concurrent && app.store.isOpen) {
        writePending();
        tx = beginCall(app.store.db);
      }
      const handler = handlers[name] as Handler<typeof name>;
      const value = await handler(ctx, parsed.data as never);
      if (ctx.session && name !== 'app:status' && !ctx.session.locked) app.sessions.touch(ctx.session);
      if (tx && !stillOpen(tx)) {
        // A handler that closes or replaces the store belongs outside a transaction (the contract's
        // outsideTransaction); its event is still written, after it.
        log(`recoup: ${name} ended the transaction the router opened; its audit event is written after it`);
        tx = null;
      }
      if (auditKind && !ctx.auditWritten) audit(okEvent(), tx);
      if (tx) {
        tx.commit();
        tx = null;
      }
      // The first log-in (or unlock) of a business day wakes the day's jobs, as a call would.
      if (name === 'auth:login' || name === 'auth:unlock') app.scheduler.runDue();
      return { ok: true, value };
    } catch (err) {
      // A database that cannot be read is damaged: the store stops at once, with a plain sentence.
      const appError =
        err instanceof AppError
          ? err
          : (app.store.noticeDamage(err) ??
            new AppError(
              'internal',
              'Something went wrong inside Recoup. Nothing was saved; try again, and tell your administrator if it happens again.',
            ));
      if (appError.code === 'store_error' && !app.store.isOpen) app.sessions.endAll();
      if (!(err instanceof AppError)) log(`recoup: ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      // A refusal whose record must stand (a refused ECA attempt in its register) commits that
      // record with the refusal's event; any other failure leaves nothing of the call behind.
      const keep = err instanceof AppError && err.keepWritten && stillOpen(tx);
      if (!keep && tx) {
        try {
          if (stillOpen(tx)) tx.rollback();
        } catch (rollbackErr) {
          log(`recoup: ${name} could not roll back: ${String(rollbackErr)}`);
        }
        tx = null;
      }
      // Every failure of an audited call is recorded, and a refusal for the role on any channel
      // (the role check wrote its own event already).
      const recorded = (auditKind || appError.code === 'forbidden') && !refusedByRole;
      if (recorded && appError.code !== 'not_logged_in') {
        try {
          audit(
            {
              userId: ctx.actor?.id ?? null,
              username: ctx.actor?.username ?? usernameOf(parsed.data),
              channel: name,
              kind: auditKind || 'admin',
              records: ctx.records,
              outcome: appError.code,
              detail: null,
            },
            tx,
          );
        } catch (auditErr) {
          log(`recoup: audit write failed: ${String(auditErr)}`);
          // A kept record never commits without its event.
          if (stillOpen(tx)) tx.rollback();
          tx = null;
        }
      }
      if (tx) {
        try {
          tx.commit();
        } catch (commitErr) {
          log(`recoup: ${name} could not commit its refusal: ${String(commitErr)}`);
          if (stillOpen(tx)) tx.rollback();
        }
        tx = null;
      }
      return { ok: false, error: appError.toShape() };
    } finally {
      // Never leave a transaction open past the call (a throw between BEGIN and the try's end).
      if (stillOpen(tx)) tx.rollback();
      if (!spec.concurrent) {
        try {
          writePending();
        } catch (auditErr) {
          log(`recoup: audit write failed: ${String(auditErr)}`);
        }
      }
      // With nobody logged in, the store is closed and the data key leaves memory (after a public
      // call only if that call opened it: its events are written above, before it closes).
      const closes = spec.access !== 'public' || (auditKind && !openAtStart);
      if (app.sessions.count === 0 && app.store.isOpen && closes) app.store.close();
    }
  }

  return { dispatch };
}

function usernameOf(input: unknown): string | null {
  const u = (input as { username?: unknown } | null)?.username;
  return typeof u === 'string' ? u : null;
}

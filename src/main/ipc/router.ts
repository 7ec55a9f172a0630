// The one wrapper every channel goes through, whatever the transport: validate the input against
// the contract, check the session (and the idle lock) and the role, run the day's due jobs, run the
// capability's handler, write the audit event, and answer { ok, value } or
// { ok: false, error: { code, message, fields } }. The handlers come merged from every capability
// (src/main/capabilities/index.ts); the router holds no rule and no SQL of its own.
import type { z } from 'zod';
import { contract, isChannelName, type Envelope } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { roleAtLeast } from '../../shared/roles';
import type { RecoupApp } from '../app';
import { appendAudit, type AuditEventInput } from '../platform/auditTrail';
import type { CallContext, Handler, Handlers } from '../platform/capability';
import { securityPolicy } from '../platform/settings';

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
  function audit(event: Omit<AuditEventInput, 'at'>): void {
    const full = { ...event, at: app.nowIso() };
    if (app.store.isOpen) appendAudit(app.store.db, full);
    else app.pendingAudit.push(full);
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

    const ctx: CallContext = { app, session: null, sessionId, records: [], actor: null, detail: null };
    const auditKind = spec.audit;
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
      const handler = handlers[name] as Handler<typeof name>;
      const value = await handler(ctx, parsed.data as never);
      if (ctx.session && name !== 'app:status' && !ctx.session.locked) app.sessions.touch(ctx.session);
      if (auditKind) {
        audit({
          userId: ctx.actor?.id ?? null,
          username: ctx.actor?.username ?? usernameOf(parsed.data),
          channel: name,
          kind: auditKind,
          records: ctx.records,
          outcome: 'ok',
          detail: ctx.detail,
        });
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
      if (auditKind && appError.code !== 'forbidden' && appError.code !== 'not_logged_in') {
        try {
          audit({
            userId: ctx.actor?.id ?? null,
            username: ctx.actor?.username ?? usernameOf(parsed.data),
            channel: name,
            kind: auditKind,
            records: ctx.records,
            outcome: appError.code,
            detail: null,
          });
        } catch (auditErr) {
          log(`recoup: audit write failed: ${String(auditErr)}`);
        }
      }
      return { ok: false, error: appError.toShape() };
    } finally {
      // With nobody logged in, the store is closed and the data key leaves memory.
      if (app.sessions.count === 0 && app.store.isOpen && spec.access !== 'public') app.store.close();
    }
  }

  return { dispatch };
}

function usernameOf(input: unknown): string | null {
  const u = (input as { username?: unknown } | null)?.username;
  return typeof u === 'string' ? u : null;
}

// Channel -> service. One line of glue per channel; the rules live in the services.
import type { AppStatus } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { listAudit, verifyAuditChain } from '../services/audit';
import { changePassword, lock, login, logout, recover, unlock } from '../services/auth';
import { createBackup, restoreBackup } from '../services/backups';
import { readSettings, securityPolicy, writeSettings } from '../services/settings';
import { createStore } from '../services/setup';
import { addUser, disableUser, enableUser, listUsers, resetPassword } from '../services/users';
import { accountHandlers } from './accountHandlers';
import { importHandlers } from './importHandlers';
import { planHandlers } from './planHandlers';
import { statementHandlers } from './statementHandlers';
import type { CallContext, Handlers } from './router';

function session(ctx: CallContext) {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session;
}

function status(ctx: CallContext): AppStatus {
  const { app } = ctx;
  const folder = app.store.state();
  const s = app.sessions.get(ctx.sessionId);
  let sessionInfo = null;
  if (s && app.store.isOpen) {
    const policy = securityPolicy(app.store.db);
    app.sessions.lockIfIdle(s, policy.idleLockMinutes);
    sessionInfo = app.sessions.info(s, policy.idleLockMinutes);
  }
  return {
    state: folder.state,
    problem: folder.state === 'store_problem' ? folder.problem : null,
    today: app.clock.today(),
    todayIsFixed: app.clock.fixed,
    version: app.version,
    session: sessionInfo,
  };
}

export const handlers: Handlers = {
  'app:status': (ctx) => status(ctx),
  'setup:create': async (ctx, input) => {
    const result = await createStore(ctx.app, input);
    ctx.actor = { id: 1, username: input.admin.username };
    ctx.records.push('user:1');
    ctx.detail = 'recovery key sheet shown once';
    return result;
  },

  'auth:login': (ctx, input) => {
    const result = login(ctx.app, input.username, input.password);
    ctx.actor = { id: result.session.user.id, username: result.session.user.username };
    return result;
  },
  'auth:recover': (ctx, input) => {
    const userId = recover(ctx.app, input.recoveryKey, input.username, input.newPassword);
    ctx.records.push(`user:${userId}`);
    ctx.detail = 'password set with the recovery key';
    return { done: true };
  },
  'auth:logout': (ctx) => {
    logout(ctx.app, session(ctx));
    return { done: true };
  },
  'auth:lock': (ctx) => lock(ctx.app, session(ctx)),
  'auth:unlock': (ctx, input) => unlock(ctx.app, session(ctx), input.password),
  'auth:heartbeat': (ctx) => ctx.app.sessions.info(session(ctx), securityPolicy(ctx.app.store.db).idleLockMinutes),
  'auth:changePassword': (ctx, input) => {
    changePassword(ctx.app, session(ctx), input.currentPassword, input.newPassword);
    ctx.records.push(`user:${session(ctx).user.id}`);
    return { done: true };
  },

  'users:list': (ctx) => listUsers(ctx.app.store.db),
  'users:add': (ctx, input) => {
    const user = addUser(ctx.app, input, session(ctx).user.id);
    ctx.records.push(`user:${user.id}`);
    ctx.detail = `role ${user.role}`;
    return user;
  },
  'users:resetPassword': (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    return resetPassword(ctx.app, input.userId, input.newPassword);
  },
  'users:disable': (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    ctx.detail = input.reason;
    return disableUser(ctx.app, input.userId, input.reason, session(ctx).user.id);
  },
  'users:enable': (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    return enableUser(ctx.app, input.userId, input.newPassword);
  },

  'audit:list': (ctx, input) => listAudit(ctx.app.store.db, input),
  'audit:verify': (ctx) => {
    const result = verifyAuditChain(ctx.app.store.db);
    ctx.detail = result.ok ? `chain intact, ${result.checked} events` : result.problem;
    return result;
  },

  'settings:get': (ctx) => readSettings(ctx.app.store.db),
  'settings:update': (ctx, input) => {
    const db = ctx.app.store.db;
    const before = readSettings(db);
    const after = writeSettings(db, input, ctx.app.nowIso(), session(ctx).user.id);
    // The trail names what changed (not the values: the hospital identity is in the settings).
    const changed: string[] = [];
    for (const group of ['hospital', 'security', 'posting', 'statements'] as const) {
      if (input[group] === undefined) continue;
      const b = before[group] as Record<string, unknown>;
      const a = after[group] as Record<string, unknown>;
      for (const key of Object.keys(a))
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changed.push(`${group}.${key}`);
    }
    ctx.records.push(...new Set(changed.map((c) => `settings:${c.split('.')[0]}`)));
    ctx.detail = changed.length ? `changed ${changed.join(', ')}` : 'no change';
    return after;
  },
  'backup:list': (ctx) => ({
    dataDir: ctx.app.store.folder.dir,
    backupsDir: ctx.app.store.folder.backupsDir,
    backups: ctx.app.store.listBackups(),
  }),
  'backup:create': (ctx) => {
    const info = createBackup(ctx.app, 'manual');
    ctx.records.push(`backup:${info.fileName}`);
    return info;
  },
  'backup:restore': (ctx, input) => {
    ctx.records.push(`backup:${input.fileName}`);
    return restoreBackup(ctx.app, input.fileName);
  },
  ...accountHandlers,
  ...importHandlers,
  ...planHandlers,
  ...statementHandlers,
};

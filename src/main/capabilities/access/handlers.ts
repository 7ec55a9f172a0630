// Channels of access: log-in and the session, passwords, users.
import type { HandlerMap } from '../../platform/capability';
import { sessionOf, userOf } from '../../platform/capability';
import { securityPolicy } from '../../platform/settings';
import { changePassword, lock, login, logout, recover, unlock } from './auth';
import { addUser, disableUser, enableUser, listUsers, resetPassword, userDirectory } from './users';

export const accessHandlers: HandlerMap<'access'> = {
  'auth:login': async (ctx, input) => {
    const result = await login(ctx.app, input.username, input.password);
    ctx.actor = { id: result.session.user.id, username: result.session.user.username };
    return result;
  },
  'auth:recover': async (ctx, input) => {
    ctx.detail = 'password set with the recovery key';
    // The event is written with the new password, in its transaction, before the store closes.
    await recover(ctx.app, input.recoveryKey, input.username, input.newPassword, (db, userId) => {
      ctx.records.push(`user:${userId}`);
      ctx.writeOwnAudit(db);
    });
    return { done: true };
  },
  'auth:logout': (ctx) => {
    // The last log-out closes the store: its event is written first, or it would wait in memory.
    ctx.writeOwnAudit(ctx.app.store.db);
    logout(ctx.app, sessionOf(ctx));
    return { done: true };
  },
  'auth:lock': (ctx) => lock(ctx.app, sessionOf(ctx)),
  'auth:unlock': (ctx, input) => unlock(ctx.app, sessionOf(ctx), input.password),
  'auth:heartbeat': (ctx) => ctx.app.sessions.info(sessionOf(ctx), securityPolicy(ctx.app.store.db).idleLockMinutes),
  'auth:changePassword': async (ctx, input) => {
    await changePassword(ctx.app, sessionOf(ctx), input.currentPassword, input.newPassword);
    ctx.records.push(`user:${userOf(ctx).id}`);
    return { done: true };
  },

  'users:list': (ctx) => listUsers(ctx.app.store.db),
  'users:add': async (ctx, input) => {
    const user = await addUser(ctx.app, input, userOf(ctx).id);
    ctx.records.push(`user:${user.id}`);
    ctx.detail = `role ${user.role}`;
    return user;
  },
  'users:resetPassword': async (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    return resetPassword(ctx.app, input.userId, input.newPassword);
  },
  'users:disable': (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    ctx.detail = input.reason;
    return disableUser(ctx.app, input.userId, input.reason, userOf(ctx).id);
  },
  'users:enable': async (ctx, input) => {
    ctx.records.push(`user:${input.userId}`);
    return enableUser(ctx.app, input.userId, input.newPassword);
  },
  'users:directory': (ctx) => userDirectory(ctx.app.store.db),
};

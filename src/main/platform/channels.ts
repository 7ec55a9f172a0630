// The platform's own channels: where the workspace stands (app:status) and cancelling long work.
import type { AppStatus } from '../../shared/contract';
import type { Capability, CallContext } from './capability';
import { userOf } from './capability';
import { securityPolicy } from './settings';

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

export const platform: Capability<'platform'> = {
  name: 'platform',
  handlers: {
    'app:status': (ctx) => status(ctx),
    'task:cancel': (ctx, input) => ({ cancelled: ctx.app.jobs.cancel(input.taskId, userOf(ctx).id) }),
  },
};

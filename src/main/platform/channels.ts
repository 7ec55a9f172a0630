// The platform's own channels: where the workspace stands (app:status), fetching a document by its
// handle, and cancelling long work.
import type { AppStatus } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Capability, CallContext } from './capability';
import { fileOwner, userOf } from './capability';
import type { DesktopFiles } from './desktopFiles';
import { filePath } from './fileDelivery';
import { securityPolicy } from './settings';

function desktop(ctx: CallContext): DesktopFiles {
  if (!ctx.app.desktop)
    throw new AppError(
      'not_allowed',
      'Opening, printing and saving through the system is for the desktop app; use Open or Download.',
    );
  return ctx.app.desktop;
}

/** The caller's document and a fresh one-time path to it. */
function documentFor(ctx: CallContext, fileId: string, disposition: 'inline' | 'attachment') {
  const owner = fileOwner(ctx);
  const file = ctx.app.files.get(fileId, owner);
  ctx.records.push(`file:${file.fileName}`);
  return { file, path: filePath(fileId, ctx.app.files.link(fileId, owner), disposition) };
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
    notices: sessionInfo && sessionInfo.user.role === 'administrator' && !sessionInfo.locked ? app.notices.list() : [],
  };
}

export const platform: Capability<'platform'> = {
  name: 'platform',
  handlers: {
    'app:status': (ctx) => status(ctx),
    'files:link': (ctx, input) => {
      // The document leaves the store for the browser: shown in its viewer, or downloaded.
      ctx.detail = input.disposition === 'inline' ? 'shown in the browser' : 'downloaded';
      return { href: documentFor(ctx, input.fileId, input.disposition).path };
    },
    'files:open': async (ctx, input) => {
      const { file, path } = documentFor(ctx, input.fileId, 'inline');
      await desktop(ctx).open(file, path);
      return { done: true };
    },
    'files:print': async (ctx, input) => {
      const { file, path } = documentFor(ctx, input.fileId, 'inline');
      await desktop(ctx).print(file, path);
      return { done: true };
    },
    'files:save': async (ctx, input) => {
      const file = ctx.app.files.get(input.fileId, fileOwner(ctx));
      ctx.records.push(`file:${file.fileName}`);
      const saved = await desktop(ctx).save(file, () => ctx.app.files.read(file.fileId, () => ctx.app.store.db));
      ctx.detail = saved ? `saved ${file.fileName}` : 'save cancelled';
      return { saved };
    },
    'jobs:cancel': (ctx, input) => ({ cancelled: ctx.app.jobs.cancel(input.jobId, userOf(ctx).id) }),
  },
};

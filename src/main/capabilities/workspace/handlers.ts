// Channels of the account workspace.
import type { HandlerMap } from '../../platform/capability';
import { workspace } from './workspace';

export const workspaceHandlers: HandlerMap<'workspace'> = {
  'accounts:open': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return workspace(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
};

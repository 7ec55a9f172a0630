// The channel of set-up: the store, the first administrator, the recovery key (and its sheet).
import type { HandlerMap } from '../../platform/capability';
import { filePath } from '../../platform/fileDelivery';
import { SET_UP } from '../../platform/files';
import { createStore } from './setup';

export const setupHandlers: HandlerMap<'setup'> = {
  'setup:create': async (ctx, input) => {
    const { recoveryKey, recoveryKeySheet } = await createStore(ctx.app, input);
    ctx.actor = { id: 1, username: input.admin.username };
    ctx.records.push('user:1');
    ctx.detail = 'recovery key sheet shown once';
    // Nobody is logged in yet: the sheet is the set-up's own and comes with its link, good three
    // times within ten minutes and gone at the first log-in (it carries the key to the whole store).
    const file = await ctx.app.files.offerBytes(
      SET_UP,
      { fileName: 'recoup-recovery-key.pdf', mimeType: 'application/pdf' },
      recoveryKeySheet,
    );
    const ticket = ctx.app.files.link(file.fileId, SET_UP, { uses: 3, ttlMs: 10 * 60_000 });
    return { recoveryKey, recoveryKeySheet: { file, href: filePath(file.fileId, ticket, 'attachment') } };
  },
};

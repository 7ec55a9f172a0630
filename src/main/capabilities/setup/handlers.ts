// The channel of set-up: the store, the first administrator, the recovery key (and its sheet).
import type { HandlerMap } from '../../platform/capability';
import { offerBytes } from '../../platform/capability';
import { filePath } from '../../platform/fileDelivery';
import { SET_UP } from '../../platform/files';
import { createStore } from './setup';

export const setupHandlers: HandlerMap<'setup'> = {
  'setup:create': async (ctx, input) => {
    const { recoveryKey, recoveryKeySheet } = await createStore(ctx.app, input);
    ctx.actor = { id: 1, username: input.admin.username };
    ctx.records.push('user:1');
    ctx.detail = 'recovery key sheet shown once';
    // Nobody is logged in yet: the sheet comes with its link (a few uses, for half an hour).
    const file = await offerBytes(
      ctx,
      { fileName: 'recoup-recovery-key.pdf', mimeType: 'application/pdf' },
      recoveryKeySheet,
    );
    const ticket = ctx.app.files.link(file.fileId, SET_UP, { uses: 5, ttlMs: 30 * 60_000 });
    return { recoveryKey, recoveryKeySheet: { file, href: filePath(file.fileId, ticket, 'attachment') } };
  },
};

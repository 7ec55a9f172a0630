// Channels of the import wizard.
import { AppError } from '../../shared/errors';
import {
  deleteProfile,
  errorReportCsv,
  importFiles,
  inspectUpload,
  listProfiles,
  saveProfile,
} from '../services/imports';
import { runDaily } from '../services/plans/engine';
import type { CallContext, Handlers } from './router';

type ImportChannels =
  | 'import:upload'
  | 'import:inspect'
  | 'import:preview'
  | 'import:commit'
  | 'import:errorReport'
  | 'importProfiles:list'
  | 'importProfiles:save'
  | 'importProfiles:delete'
  | 'task:cancel';

function userId(ctx: CallContext): number {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session.user.id;
}

export const importHandlers: Pick<Handlers, ImportChannels> = {
  'import:upload': (ctx, input) => ctx.app.uploads.addChunk(userId(ctx), input),
  'import:inspect': (ctx, input) => inspectUpload(ctx.app, userId(ctx), input.uploadId, input.layout, input.encoding),
  'import:preview': async (ctx, input) => {
    const report = await importFiles(ctx.app, input, 'preview', userId(ctx));
    ctx.detail = `preview: ${report.rows} rows, ${report.errorCount} errors`;
    return report;
  },
  'import:commit': async (ctx, input) => {
    const report = await importFiles(ctx.app, input, 'commit', userId(ctx));
    if (report.batchId !== null) ctx.records.push(`import:${report.batchId}`);
    // Imported payments (and new balances) move plans and promises now, not at tomorrow's check.
    if (report.committed)
      runDaily(ctx.app.store.db, ctx.app.clock.today(), ctx.app.nowIso(), userId(ctx), { markRun: false });
    ctx.detail = report.committed
      ? `imported ${report.rows} rows: ${report.guarantors.created} new guarantors, ${report.accounts.created} new accounts, ${report.transactions.created} new transactions`
      : report.cancelled
        ? 'cancelled; nothing written'
        : `refused: ${report.errorCount} errors; nothing written`;
    return report;
  },
  'import:errorReport': (ctx, input) => errorReportCsv(input.taskId, userId(ctx)),
  'importProfiles:list': (ctx) => listProfiles(ctx.app.store.db),
  'importProfiles:save': (ctx, input) => {
    const p = saveProfile(ctx.app.store.db, input, userId(ctx), ctx.app.nowIso());
    ctx.records.push(`importProfile:${p.id}`);
    return p;
  },
  'importProfiles:delete': (ctx, input) => {
    deleteProfile(ctx.app.store.db, input.id);
    ctx.records.push(`importProfile:${input.id}`);
    return { done: true };
  },
  'task:cancel': (ctx, input) => ({ cancelled: ctx.app.tasks.cancel(input.taskId, userId(ctx)) }),
};

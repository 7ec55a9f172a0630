// Channels of the import wizard.
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, userOf } from '../../platform/capability';
import { decideHeldChange, heldChanges } from './heldChanges';
import { deleteProfile, errorReportCsv, importFiles, inspectUpload, listProfiles, saveProfile } from './wizard';

export const importsHandlers: HandlerMap<'imports'> = {
  'import:upload': (ctx, input) => ctx.app.uploads.addChunk(userOf(ctx).id, input),
  'import:inspect': (ctx, input) =>
    inspectUpload(ctx.app, userOf(ctx).id, input.uploadId, input.layout, input.encoding),
  'import:preview': async (ctx, input) => {
    const report = await importFiles(ctx.app, input, 'preview', userOf(ctx).id);
    // HP-01: the preview shows the extract's rows; the trail names the files they came from.
    ctx.records.push(...Object.keys(report.headers).map((name) => `extract:${name}`));
    ctx.detail = `preview: ${report.rows} rows, ${report.errorCount} errors`;
    return report;
  },
  'import:commit': async (ctx, input) => {
    const report = await importFiles(ctx.app, input, 'commit', userOf(ctx).id);
    if (report.batchId !== null) ctx.records.push(`import:${report.batchId}`);
    ctx.detail = report.committed
      ? `imported ${report.rows} rows: ${report.guarantors.created} new guarantors, ${report.accounts.created} new accounts, ${report.transactions.created} new transactions`
      : report.cancelled
        ? 'cancelled; nothing written'
        : `refused: ${report.errorCount} errors; nothing written`;
    return report;
  },
  'import:errorReport': (ctx, input) => {
    const report = errorReportCsv(input.jobId, userOf(ctx).id);
    return offerBytes(ctx, { fileName: report.fileName, mimeType: 'text/csv' }, report.bytes);
  },
  'importHeld:list': (ctx, input) => {
    const list = heldChanges(ctx.app.store.db, input.status);
    ctx.records.push(...new Set(list.map((h) => `guarantor:${h.guarantorId}`)));
    return list;
  },
  'importHeld:decide': (ctx, input) => {
    const decided = decideHeldChange(ctx.app.store.db, input, userOf(ctx).id, ctx.app.nowIso(), {
      today: ctx.app.clock.today(),
      subscribers: ctx.app.extensions.deathSubscribers,
    });
    ctx.records.push(`guarantor:${decided.guarantorId}`, `importHeld:${input.id}`);
    ctx.detail = `${input.decision === 'approve' ? 'approved' : 'rejected'}: ${decided.field} ${decided.from ?? '(blank)'} -> ${decided.to ?? '(blank)'}`;
    return decided;
  },
  'importProfiles:list': (ctx) => listProfiles(ctx.app.store.db),
  'importProfiles:save': (ctx, input) => {
    const p = saveProfile(ctx.app.store.db, input, userOf(ctx).id, ctx.app.nowIso());
    ctx.records.push(`importProfile:${p.id}`);
    return p;
  },
  'importProfiles:delete': (ctx, input) => {
    deleteProfile(ctx.app.store.db, input.id);
    ctx.records.push(`importProfile:${input.id}`);
    return { done: true };
  },
};

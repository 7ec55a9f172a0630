// The X12 835 channels: one line of glue each; the services decide (era.ts).
import { userOf, type HandlerMap } from '../../platform/capability';
import { fileDetail, importEra, listFiles, previewEra } from './era';

export type EraChannels = 'era:preview' | 'era:import' | 'era:files' | 'era:file';

export const eraHandlers: Pick<HandlerMap<'badDebt'>, EraChannels> = {
  'era:preview': (ctx, input) => previewEra(ctx.app, userOf(ctx).id, input.uploadId),
  'era:import': (ctx, input) => {
    const detail = importEra(ctx.app, userOf(ctx).id, input.uploadId);
    ctx.records.push(`remittance_file:${detail.file.id}`);
    ctx.detail = `835 ${detail.file.fileName}: ${detail.totals.posted} of ${detail.totals.claims} claims posted`;
    return detail;
  },
  'era:files': (ctx) => listFiles(ctx.app.store.db),
  'era:file': (ctx, input) => {
    ctx.records.push(`remittance_file:${input.fileId}`);
    return fileDetail(ctx.app.store.db, input.fileId);
  },
};

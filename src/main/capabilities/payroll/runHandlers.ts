// Mapping profiles and each pay period's run: the file out, what came back, reconciled and posted
// (helper RUNS). One line of glue per channel; each says what the call touched (the audit).
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, userOf } from '../../platform/capability';
import { endArrangement } from './arrangements';
import { checkConfirmation, confirmRun, resolveLine, settleRun } from './confirmation';
import { deleteProfile, listProfiles, saveProfile } from './profiles';
import { createRun, runDetail, runFile, runPreview, runs } from './runs';

export type RunChannels =
  | 'payroll:profiles'
  | 'payroll:saveProfile'
  | 'payroll:deleteProfile'
  | 'payroll:runPreview'
  | 'payroll:createRun'
  | 'payroll:runFile'
  | 'payroll:runs'
  | 'payroll:run'
  | 'payroll:confirmPreview'
  | 'payroll:confirm'
  | 'payroll:settle'
  | 'payroll:resolveLine';

export const runHandlers: Pick<HandlerMap<'payroll'>, RunChannels> = {
  'payroll:profiles': (ctx, input) => listProfiles(ctx.app.store.db, input.kind),
  'payroll:saveProfile': (ctx, input) => {
    const p = saveProfile(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`payrollProfile:${p.id}`);
    return p;
  },
  'payroll:deleteProfile': (ctx, input) => {
    deleteProfile(ctx.app.store.db, input.profileId);
    ctx.records.push(`payrollProfile:${input.profileId}`);
    return { done: true };
  },
  'payroll:runPreview': (ctx, input) => {
    ctx.records.push(`payrollRunDate:${input.method}:${input.runDate}`);
    return runPreview(ctx.app.store.db, input.method, input.runDate);
  },
  'payroll:createRun': async (ctx, input) => {
    const file = createRun(ctx.app, input, userOf(ctx).id);
    ctx.records.push(`payrollRun:${file.runId}`);
    ctx.detail = `${input.method === 'payroll' ? 'payroll deduction file' : 'bank transfer file'} for ${input.runDate}`;
    return offerBytes(ctx, { fileName: file.fileName, mimeType: file.mimeType }, file.bytes);
  },
  'payroll:runFile': async (ctx, input) => {
    const file = runFile(ctx.app, input.runId);
    ctx.records.push(`payrollRun:${file.runId}`);
    ctx.detail = `${file.fileName} again`;
    return offerBytes(ctx, { fileName: file.fileName, mimeType: file.mimeType }, file.bytes);
  },
  'payroll:runs': (ctx, input) => runs(ctx.app.store.db, input.method),
  'payroll:run': (ctx, input) => {
    ctx.records.push(`payrollRun:${input.runId}`);
    return runDetail(ctx.app.store.db, input.runId);
  },
  'payroll:confirmPreview': async (ctx, input) => {
    ctx.records.push(`payrollRun:${input.runId}`);
    return (await checkConfirmation(ctx.app, input, userOf(ctx).id)).preview;
  },
  'payroll:confirm': async (ctx, input) => {
    ctx.records.push(`payrollRun:${input.runId}`);
    return confirmRun(ctx.app, input, userOf(ctx).id);
  },
  'payroll:settle': (ctx, input) => {
    ctx.records.push(`payrollRun:${input.runId}`);
    return settleRun(ctx.app, input, userOf(ctx).id, endArrangement);
  },
  'payroll:resolveLine': (ctx, input) => {
    const runId = resolveLine(ctx.app.store.db, input.lineId, input.note, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`payrollRun:${runId}`, `payrollRunLine:${input.lineId}`);
    return runDetail(ctx.app.store.db, runId);
  },
};

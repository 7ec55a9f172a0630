// The roster, the matches, the wage floor and the arrangements (helper ROSTER).
import type { CallContext, HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { createArrangement, endByClerk, recordSignature, type When } from './arrangements';
import type { DocumentChannels } from './documentHandlers';
import { confirmMatch, rejectMatch, terminateByHand, unmatch } from './matching';
import { inspectRoster, runRoster, type UploadSource } from './roster';
import type { RunChannels } from './runHandlers';
import {
  arrangementDetail,
  arrangementList,
  arrangementRecords,
  employeeDetail,
  employeeList,
  employeeRecordsOf,
  guarantorPayroll,
} from './views';
import { employeeLimit, setWageFloor, wageFloorViews } from './wageFloors';

function when(ctx: CallContext): When {
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: userOf(ctx).id };
}

function uploads(ctx: CallContext): UploadSource {
  const userId = userOf(ctx).id;
  return (uploadId) => ctx.app.uploads.bytes(userId, uploadId);
}

function employeeRecords(ctx: CallContext, employeeId: number): void {
  ctx.records.push(...employeeRecordsOf(ctx.app.store.db, employeeId));
}

export const payrollHandlers: Omit<HandlerMap<'payroll'>, DocumentChannels | RunChannels> = {
  'payroll:rosterInspect': (ctx, input) => inspectRoster(uploads(ctx), input.uploadId),
  'payroll:rosterPreview': (ctx, input) => runRoster(ctx.app.store.db, uploads(ctx), input, 'preview', when(ctx)),
  'payroll:rosterImport': async (ctx, input) => {
    const report = await runRoster(ctx.app.store.db, uploads(ctx), input, 'commit', when(ctx));
    if (report.importId !== null) ctx.records.push(`roster_import:${report.importId}`);
    ctx.detail = `${report.fileName}: ${report.added} added, ${report.updated} updated, ${report.terminated} terminated`;
    ctx.app.uploads.discard(input.uploadId);
    return report;
  },
  'payroll:employees': (ctx, input) => {
    const list = employeeList(ctx.app.store.db, input);
    // HP-01: the list names the guarantors matched; the event names the first fifty shown.
    ctx.records.push(
      ...list.flatMap((e) => (e.guarantorId === null ? [] : [`guarantor:${e.guarantorId}`])).slice(0, 50),
    );
    return list;
  },
  'payroll:employee': (ctx, input) => {
    employeeRecords(ctx, input.employeeId);
    return employeeDetail(ctx.app.store.db, input.employeeId, ctx.app.clock.today());
  },
  'payroll:confirmMatch': (ctx, input) => {
    confirmMatch(ctx.app.store.db, input.employeeId, input.guarantorId, when(ctx));
    ctx.records.push(`employee:${input.employeeId}`, `guarantor:${input.guarantorId}`);
    return employeeDetail(ctx.app.store.db, input.employeeId, ctx.app.clock.today());
  },
  'payroll:rejectMatch': (ctx, input) => {
    rejectMatch(ctx.app.store.db, input.employeeId, input.guarantorId, when(ctx));
    ctx.records.push(`employee:${input.employeeId}`, `guarantor:${input.guarantorId}`);
    return employeeDetail(ctx.app.store.db, input.employeeId, ctx.app.clock.today());
  },
  'payroll:unmatch': (ctx, input) => {
    employeeRecords(ctx, input.employeeId);
    unmatch(ctx.app.store.db, input.employeeId, input.note, when(ctx));
    return employeeDetail(ctx.app.store.db, input.employeeId, ctx.app.clock.today());
  },
  'payroll:terminate': (ctx, input) => {
    employeeRecords(ctx, input.employeeId);
    terminateByHand(ctx.app.store.db, input.employeeId, input.terminatedOn, input.note, when(ctx));
    return employeeDetail(ctx.app.store.db, input.employeeId, ctx.app.clock.today());
  },
  'payroll:wageFloors': (ctx) => wageFloorViews(ctx.app.store.db),
  'payroll:setWageFloor': (ctx, input) => {
    setWageFloor(ctx.app.store.db, input, when(ctx));
    ctx.detail = `${input.jurisdiction} from ${input.effectiveFrom}`;
    return wageFloorViews(ctx.app.store.db);
  },
  'payroll:limit': (ctx, input) => {
    employeeRecords(ctx, input.employeeId);
    return employeeLimit(ctx.app.store.db, input, ctx.app.clock.today());
  },
  'payroll:guarantor': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return guarantorPayroll(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'payroll:arrangements': (ctx, input) => {
    const list = arrangementList(ctx.app.store.db, input, ctx.app.clock.today());
    // HP-01: the list names guarantors and balances; the event names the first fifty shown.
    ctx.records.push(...[...new Set(list.map((a) => `guarantor:${a.guarantorId}`))].slice(0, 50));
    return list;
  },
  'payroll:arrangement': (ctx, input) => {
    ctx.records.push(...arrangementRecords(ctx.app.store.db, input.arrangementId));
    return arrangementDetail(ctx.app.store.db, input.arrangementId, ctx.app.clock.today());
  },
  'payroll:createArrangement': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    const id = createArrangement(ctx.app.store.db, input, when(ctx));
    ctx.records.push(`arrangement:${id}`);
    return arrangementDetail(ctx.app.store.db, id, ctx.app.clock.today());
  },
  'payroll:recordSignature': (ctx, input) => {
    ctx.records.push(...arrangementRecords(ctx.app.store.db, input.arrangementId));
    recordSignature(ctx.app.store.db, input.arrangementId, input.signedOn, when(ctx));
    return arrangementDetail(ctx.app.store.db, input.arrangementId, ctx.app.clock.today());
  },
  'payroll:end': (ctx, input) => {
    ctx.records.push(...arrangementRecords(ctx.app.store.db, input.arrangementId));
    endByClerk(ctx.app.store.db, input.arrangementId, input.reason, input.on, input.note, when(ctx));
    return arrangementDetail(ctx.app.store.db, input.arrangementId, ctx.app.clock.today());
  },
};

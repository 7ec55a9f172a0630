// The small-claims channels but the documents' (documentHandlers.ts): one line of glue each (no SQL),
// saying what the call touched for the audit.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { openCase, recordCaseEvent } from './cases';
import { suitCheck } from './check';
import type { DocumentChannels } from './documentHandlers';
import { postJudgmentAction, recordCasePayment } from './judgment';
import { smallClaimsReports } from './reports';
import { addLimit, addLimitation, smallClaimsRules } from './tables';
import { caseDetail, caseRecords, caseSummaries } from './views';

export const caseHandlers: Omit<HandlerMap<'smallClaims'>, DocumentChannels> = {
  'smallClaims:check': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return suitCheck(ctx.app.store.db, input, ctx.app.clock.today());
  },
  'smallClaims:open': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`, ...input.accountIds.map((id) => `account:${id}`));
    const caseId = openCase(ctx.app.store.db, input, {
      today: ctx.app.clock.today(),
      now: ctx.app.nowIso(),
      by: userOf(ctx).id,
    });
    ctx.records.push(`courtCase:${caseId}`);
    return { caseId };
  },
  'smallClaims:cases': (ctx) => {
    const cases = caseSummaries(ctx.app.store.db, ctx.app.clock.today());
    // HP-01: the list names guarantors and balances; the event names the first fifty shown, as the queue's does.
    ctx.records.push(...[...new Set(cases.map((c) => `guarantor:${c.guarantorId}`))].slice(0, 50));
    return cases;
  },
  'smallClaims:case': (ctx, input) => {
    ctx.records.push(`courtCase:${input.caseId}`, ...caseRecords(ctx.app.store.db, input.caseId));
    return caseDetail(ctx.app.store.db, input.caseId, ctx.app.clock.today());
  },
  'smallClaims:ofGuarantor': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return caseSummaries(ctx.app.store.db, ctx.app.clock.today(), { guarantorId: input.guarantorId });
  },
  'smallClaims:record': (ctx, input) => {
    const db = ctx.app.store.db;
    // The case and its accounts are named before the step runs: a refusal's audit event names them too.
    ctx.records.push(`courtCase:${input.caseId}`, ...caseRecords(db, input.caseId));
    ctx.detail =
      input.event === 'judgment' || input.event === 'closed' ? `${input.event}: ${input.outcome}` : input.event;
    const today = ctx.app.clock.today();
    recordCaseEvent(ctx.app, input, { today, now: ctx.app.nowIso(), by: userOf(ctx).id, role: userOf(ctx).role });
    return caseDetail(db, input.caseId, today);
  },
  'smallClaims:payment': (ctx, input) => {
    const db = ctx.app.store.db;
    ctx.records.push(`courtCase:${input.caseId}`, ...caseRecords(db, input.caseId));
    const today = ctx.app.clock.today();
    recordCasePayment(ctx.app, input, { today, now: ctx.app.nowIso(), by: userOf(ctx).id });
    return caseDetail(db, input.caseId, today);
  },
  'smallClaims:postJudgment': (ctx, input) => {
    const db = ctx.app.store.db;
    ctx.records.push(`courtCase:${input.caseId}`, ...caseRecords(db, input.caseId));
    ctx.detail = input.kind;
    const today = ctx.app.clock.today();
    postJudgmentAction(db, input, { today, now: ctx.app.nowIso(), by: userOf(ctx).id });
    return caseDetail(db, input.caseId, today);
  },
  'smallClaims:reports': (ctx, input) => {
    const r = smallClaimsReports(ctx.app.store.db, ctx.app.clock.today(), input.weekOf ?? ctx.app.clock.today());
    ctx.records.push(...[...new Set([...r.hearings, ...r.open].map((c) => `guarantor:${c.guarantorId}`))].slice(0, 50));
    return r;
  },
  'smallClaims:rules': (ctx) => smallClaimsRules(ctx.app.store.db, ctx.app.clock.today()),
  'smallClaims:setLimit': (ctx, input) => {
    const id = addLimit(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`courtLimit:${id}`);
    ctx.detail = `${input.state} ${input.court} from ${input.effectiveFrom}`;
    return { done: true };
  },
  'smallClaims:setLimitation': (ctx, input) => {
    const id = addLimitation(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`courtLimitation:${id}`);
    ctx.detail = `${input.state} ${input.basis} ${input.years} years from ${input.accruedFrom}`;
    return { done: true };
  },
};

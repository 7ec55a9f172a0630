// The estates channels but the documents': one line of glue each (no SQL); the services decide,
// and each says what the call touched for the audit.
import type { CallContext, HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { recordDeath, undoDeath } from './deaths';
import type { DocumentChannels } from './documentHandlers';
import {
  closeEstate,
  recordEstateEvent,
  recordEstatePayment,
  releaseClaim,
  saveDetails,
  setLastIllness,
  type When,
} from './estates';
import { addProbateRule } from './tables';
import { estateDetail, estateRecords, estateSummaries, guarantorEstate, probateRuleRows } from './views';

function when(ctx: CallContext): When {
  const u = userOf(ctx);
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: u.id, role: u.role };
}

export const estateHandlers: Omit<HandlerMap<'estates'>, DocumentChannels> = {
  'estates:recordDeath': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    ctx.detail = input.source;
    const w = when(ctx);
    const estateId = recordDeath(ctx.app.store.db, input, w);
    // The capabilities above estates hear of a death a clerk records as they hear of the extract's
    // (a payroll deduction stops); estates' own subscriber finds the death standing and does nothing.
    for (const heard of ctx.app.extensions.deathSubscribers)
      heard(ctx.app.store.db, {
        guarantorId: input.guarantorId,
        deceased: true,
        today: w.today,
        now: w.now,
        by: w.by,
        why: 'A clerk recorded the death.',
      });
    ctx.records.push(
      ...estateRecords(ctx.app.store.db, estateId).filter((r) => r !== `guarantor:${input.guarantorId}`),
    );
    return estateDetail(ctx.app.store.db, estateId, w.today);
  },
  'estates:undoDeath': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    undoDeath(ctx.app.store.db, input.guarantorId, input.reason.trim(), when(ctx));
    return { done: true };
  },
  'estates:list': (ctx) => {
    const list = estateSummaries(ctx.app.store.db, ctx.app.clock.today());
    // HP-01: the list names guarantors and balances; the event names the first fifty shown, as the queue's does.
    ctx.records.push(...[...new Set(list.map((e) => `guarantor:${e.guarantorId}`))].slice(0, 50));
    return list;
  },
  'estates:estate': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    return estateDetail(ctx.app.store.db, input.estateId, ctx.app.clock.today());
  },
  'estates:ofGuarantor': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return guarantorEstate(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'estates:details': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    const w = when(ctx);
    saveDetails(ctx.app.store.db, input, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:lastIllness': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    const w = when(ctx);
    setLastIllness(ctx.app.store.db, input, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:release': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    const w = when(ctx);
    releaseClaim(ctx.app.store.db, input.estateId, input.reason, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:record': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    ctx.detail = input.event;
    const w = when(ctx);
    recordEstateEvent(ctx.app.store.db, input, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:payment': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    const w = when(ctx);
    recordEstatePayment(ctx.app, input, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:close': (ctx, input) => {
    ctx.records.push(...estateRecords(ctx.app.store.db, input.estateId));
    const w = when(ctx);
    closeEstate(ctx.app, input, w);
    return estateDetail(ctx.app.store.db, input.estateId, w.today);
  },
  'estates:rules': (ctx) => probateRuleRows(ctx.app.store.db),
  'estates:setRule': (ctx, input) => {
    const id = addProbateRule(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`probateRule:${id}`);
    ctx.detail = `${input.state} from ${input.effectiveFrom}`;
    return { done: true };
  },
};

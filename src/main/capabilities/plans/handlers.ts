// Channels of payment plans: the policy, plans and their papers, promises, the daily check, lapse letters.
import type { CallContext, HandlerMap } from '../../platform/capability';
import { offerDocument, userOf } from '../../platform/capability';
import { agreementFor, lapseLetterBatches, pendingLapseLetters, printLapseLetters } from './printing';
import { cancelPlan, createPlan, recordSigned, reschedulePlan } from './arrangements';
import { LAPSE_CHECK, runDaily } from './lapseEngine';
import { policyHistory, policyOn, setPolicy } from './policy';
import { planRow, planView, plansOf } from './progress';
import { addPromise, promisesOf } from './promises';

function guarantorOfPlan(ctx: CallContext, planId: number): number {
  return planRow(ctx.app.store.db, planId).guarantor_id;
}

export const plansHandlers: HandlerMap<'plans'> = {
  'planPolicy:get': (ctx) => ({
    current: policyOn(ctx.app.store.db, ctx.app.clock.today(), ctx.app.nowIso()),
    history: policyHistory(ctx.app.store.db),
  }),
  'planPolicy:set': (ctx, input) => {
    const v = setPolicy(
      ctx.app.store.db,
      input.effectiveFrom,
      input.policy,
      ctx.app.clock.today(),
      ctx.app.nowIso(),
      userOf(ctx).id,
    );
    ctx.records.push(`planPolicy:${v.id}`);
    ctx.detail = `effective ${v.effectiveFrom}`;
    return v;
  },
  'plans:create': (ctx, input) => {
    const id = createPlan(ctx.app, input, userOf(ctx));
    const view = planView(ctx.app.store.db, id, ctx.app.clock.today());
    ctx.records.push(`guarantor:${input.guarantorId}`, `plan:${id}`, ...view.accountIds.map((a) => `account:${a}`));
    ctx.detail = view.withinTier
      ? 'within policy'
      : `outside policy, approved by ${view.approvedBy}: ${view.approvalReason}`;
    return view;
  },
  'plans:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return plansOf(ctx.app.store.db, input.guarantorId, ctx.app.clock.today());
  },
  'plans:agreement': async (ctx, input) => {
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, input.planId)}`, `plan:${input.planId}`);
    return offerDocument(ctx, await agreementFor(ctx.app, input.planId, userOf(ctx).id));
  },
  'plans:signed': (ctx, input) => {
    recordSigned(ctx.app, input.planId, input.signedOn, userOf(ctx).id);
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, input.planId)}`, `plan:${input.planId}`);
    return planView(ctx.app.store.db, input.planId, ctx.app.clock.today());
  },
  'plans:reschedule': (ctx, input) => {
    const id = reschedulePlan(ctx.app, input, userOf(ctx));
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, id)}`, `plan:${input.planId}`, `plan:${id}`);
    ctx.detail = input.reason;
    return planView(ctx.app.store.db, id, ctx.app.clock.today());
  },
  'plans:cancel': (ctx, input) => {
    cancelPlan(ctx.app, input.planId, input.reason, userOf(ctx).id);
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, input.planId)}`, `plan:${input.planId}`);
    ctx.detail = input.reason;
    return planView(ctx.app.store.db, input.planId, ctx.app.clock.today());
  },
  'plans:runDaily': (ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    const last = app.scheduler.lastRun(LAPSE_CHECK);
    const r = {
      ...runDaily(app.store.db, today, app.nowIso(), userOf(ctx).id),
      firstRunToday: last === null || last < today,
    };
    app.scheduler.markDone(LAPSE_CHECK, today);
    ctx.detail = `${r.plansChecked} plans: ${r.lapsed} lapsed, ${r.cured} current again, ${r.defaulted} defaulted, ${r.completed} paid; promises ${r.promisesKept} kept, ${r.promisesBroken} broken`;
    return r;
  },
  'promises:add': (ctx, input) => {
    const id = addPromise(ctx.app.store.db, input, ctx.app.clock.today(), ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`, `promise:${id}`);
    return { id };
  },
  'promises:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return promisesOf(ctx.app.store.db, input.guarantorId);
  },
  'letters:batches': (ctx) => lapseLetterBatches(ctx.app.store.db),
  'letters:pending': (ctx) => ({ count: pendingLapseLetters(ctx.app) }),
  'letters:lapseBatch': async (ctx) => {
    const r = await printLapseLetters(ctx.app, userOf(ctx).id);
    ctx.records.push(...r.planIds.map((id) => `plan:${id}`));
    ctx.detail = `${r.count} lapse letters`;
    return { ...offerDocument(ctx, r.documentId), count: r.count };
  },
};

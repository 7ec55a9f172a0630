// Channels of payment plans, promises to pay, the work queue and lapse letters.
import { AppError } from '../../shared/errors';
import { runDaily, runDailyIfDue } from '../services/plans/engine';
import { policyHistory, policyOn, setPolicy } from '../services/plans/policy';
import { agreementFor, pendingLapseLetters, printLapseLetters } from '../services/plans/printing';
import { planView, plansOf } from '../services/plans/progress';
import { addPromise, promisesOf } from '../services/plans/promises';
import { cancelPlan, createPlan, recordSigned, reschedulePlan } from '../services/plans/setup';
import { markWorked, workQueue } from '../services/queue';
import type { CallContext, Handlers } from './router';

type PlanChannels =
  | 'planPolicy:get'
  | 'planPolicy:set'
  | 'plans:create'
  | 'plans:list'
  | 'plans:agreement'
  | 'plans:signed'
  | 'plans:reschedule'
  | 'plans:cancel'
  | 'plans:runDaily'
  | 'promises:add'
  | 'promises:list'
  | 'queue:list'
  | 'queue:worked'
  | 'letters:lapseBatch'
  | 'letters:batches';

function user(ctx: CallContext) {
  if (!ctx.session) throw new AppError('not_logged_in', 'Log in first.');
  return ctx.session.user;
}

function guarantorOfPlan(ctx: CallContext, planId: number): number {
  return ctx.app.store.db.prepare('SELECT guarantor_id FROM plans WHERE id = ?').pluck().get(planId) as number;
}

export const planHandlers: Pick<Handlers, PlanChannels> = {
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
      user(ctx).id,
    );
    ctx.records.push(`planPolicy:${v.id}`);
    ctx.detail = `effective ${v.effectiveFrom}`;
    return v;
  },
  'plans:create': (ctx, input) => {
    const id = createPlan(ctx.app, input, user(ctx));
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
    return agreementFor(ctx.app, input.planId, user(ctx).id);
  },
  'plans:signed': (ctx, input) => {
    recordSigned(ctx.app, input.planId, input.signedOn, user(ctx).id);
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, input.planId)}`, `plan:${input.planId}`);
    return planView(ctx.app.store.db, input.planId, ctx.app.clock.today());
  },
  'plans:reschedule': (ctx, input) => {
    const id = reschedulePlan(ctx.app, input, user(ctx));
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, id)}`, `plan:${input.planId}`, `plan:${id}`);
    ctx.detail = input.reason;
    return planView(ctx.app.store.db, id, ctx.app.clock.today());
  },
  'plans:cancel': (ctx, input) => {
    cancelPlan(ctx.app, input.planId, input.reason, user(ctx).id);
    ctx.records.push(`guarantor:${guarantorOfPlan(ctx, input.planId)}`, `plan:${input.planId}`);
    ctx.detail = input.reason;
    return planView(ctx.app.store.db, input.planId, ctx.app.clock.today());
  },
  'plans:runDaily': (ctx) => {
    const r = runDaily(ctx.app.store.db, ctx.app.clock.today(), ctx.app.nowIso(), user(ctx).id);
    ctx.detail = `${r.plansChecked} plans: ${r.lapsed} lapsed, ${r.cured} current again, ${r.defaulted} defaulted, ${r.completed} paid; promises ${r.promisesKept} kept, ${r.promisesBroken} broken`;
    return r;
  },
  'promises:add': (ctx, input) => {
    const id = addPromise(ctx.app.store.db, input, ctx.app.clock.today(), ctx.app.nowIso(), user(ctx).id);
    ctx.records.push(`guarantor:${input.guarantorId}`, `promise:${id}`);
    return { id };
  },
  'promises:list': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return promisesOf(ctx.app.store.db, input.guarantorId);
  },
  'queue:list': (ctx, input) => {
    const db = ctx.app.store.db;
    runDailyIfDue(db, ctx.app.clock.today(), ctx.app.nowIso());
    const q = workQueue(db, ctx.app.clock.today(), {
      kind: input.kind,
      userId: user(ctx).id,
      all: input.assignee === 'all',
    });
    ctx.records.push(...q.items.slice(0, 50).map((i) => `guarantor:${i.guarantorId}`));
    ctx.detail = `${q.items.length} items`;
    return { ...q, lettersToPrint: pendingLapseLetters(ctx.app) };
  },
  'queue:worked': (ctx, input) => {
    markWorked(ctx.app.store.db, input.key, input.outcome, ctx.app.clock.today(), ctx.app.nowIso(), user(ctx).id);
    ctx.records.push(input.key);
    ctx.detail = input.outcome;
    const today = ctx.app.clock.today();
    return {
      workedToday: ctx.app.store.db
        .prepare('SELECT count(*) FROM work_log WHERE worked_on = ? AND user_id = ?')
        .pluck()
        .get(today, user(ctx).id) as number,
    };
  },
  'letters:batches': (ctx) =>
    ctx.app.store.db
      .prepare(
        `SELECT d.id AS documentId, d.title, d.created_at AS createdAt, u.full_name AS by FROM documents d LEFT JOIN users u ON u.id = d.created_by
          WHERE d.kind = 'lapse_letters' ORDER BY d.id DESC LIMIT 60`,
      )
      .all() as { documentId: number; title: string; createdAt: string; by: string | null }[],
  'letters:lapseBatch': async (ctx) => {
    const r = await printLapseLetters(ctx.app, user(ctx).id);
    ctx.records.push(...r.planIds.map((id) => `plan:${id}`));
    ctx.detail = `${r.count} lapse letters`;
    return { ...r.file, count: r.count };
  },
};

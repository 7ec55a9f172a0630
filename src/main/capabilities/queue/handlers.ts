// Channels of the work queue.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { markWorked, workedOn, workQueue } from './queue';

export const queueHandlers: HandlerMap<'queue'> = {
  'queue:list': (ctx, input) => {
    const { app } = ctx;
    const q = workQueue(
      app.store.db,
      app.clock.today(),
      { kind: input.kind, userId: userOf(ctx).id, all: input.assignee === 'all' },
      app.extensions.queueSources,
    );
    ctx.records.push(...q.items.slice(0, 50).map((i) => `guarantor:${i.guarantorId}`));
    ctx.detail = `${q.items.length} items`;
    return q;
  },
  'queue:worked': (ctx, input) => {
    const { app } = ctx;
    markWorked(app.store.db, input.key, input.outcome, app.clock.today(), app.nowIso(), userOf(ctx).id);
    ctx.records.push(input.key);
    ctx.detail = input.outcome;
    return { workedToday: workedOn(app.store.db, app.clock.today(), userOf(ctx).id) };
  },
};

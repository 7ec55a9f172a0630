// Channels of the work queue.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { markWorked, workedOn, workQueue } from './queue';

export const queueHandlers: HandlerMap<'queue'> = {
  'queue:list': (ctx, input) => {
    const { app } = ctx;
    const user = userOf(ctx);
    const q = workQueue(
      app.store.db,
      app.clock.today(),
      { kind: input.kind, userId: user.id, all: input.assignee === 'all', role: user.role },
      app.extensions.queueSources,
    );
    ctx.records.push(...q.items.slice(0, 50).map((i) => `guarantor:${i.guarantorId}`));
    ctx.detail = `${q.items.length} items`;
    return q;
  },
  'queue:worked': (ctx, input) => {
    const { app } = ctx;
    const user = userOf(ctx);
    const item = markWorked(app.store.db, input, app.clock.today(), app.nowIso(), user, app.extensions.queueSources);
    ctx.records.push(
      input.key,
      `guarantor:${input.guarantorId}`,
      ...(item.followUpId !== undefined ? [`followUp:${item.followUpId}`] : []),
    );
    ctx.detail = input.outcome;
    return { workedToday: workedOn(app.store.db, app.clock.today(), user.id) };
  },
};

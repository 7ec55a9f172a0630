// Channels of the work queue.
import type { HandlerMap } from '../../platform/capability';
import { userOf } from '../../platform/capability';
import { openItem, queuePage } from './kept';
import { markWorked, workedOn } from './queue';

export const queueHandlers: HandlerMap<'queue'> = {
  'queue:list': (ctx, input) => {
    const { app } = ctx;
    const user = userOf(ctx);
    const q = queuePage(
      app.store.db,
      app.clock.today(),
      { kind: input.kind, userId: user.id, all: input.assignee === 'all', role: user.role },
      { offset: input.offset, limit: input.limit },
      app.extensions.queueSources,
    );
    ctx.records.push(...q.items.map((i) => `guarantor:${i.guarantorId}`));
    ctx.detail = `items ${Math.min(input.offset + 1, q.total)}–${input.offset + q.items.length} of ${q.total}`;
    return q;
  },
  'queue:worked': (ctx, input) => {
    const { app } = ctx;
    const user = userOf(ctx);
    const db = app.store.db;
    const today = app.clock.today();
    const item = markWorked(db, input, today, app.nowIso(), user, (key, guarantorId) =>
      openItem(db, today, key, guarantorId, app.extensions.queueSources),
    );
    ctx.records.push(
      input.key,
      `guarantor:${input.guarantorId}`,
      ...(item.followUpId !== undefined ? [`followUp:${item.followUpId}`] : []),
    );
    ctx.detail = input.outcome;
    return { workedToday: workedOn(db, today, user.id) };
  },
};

// The daily work queue: the items every capability puts in it (their queueSources), ranked.
import type { Capability } from '../../platform/capability';
import { collectionsQueueSource } from './collections';
import { queueHandlers } from './handlers';

export const queue: Capability<'queue'> = {
  name: 'queue',
  handlers: queueHandlers,
  queueSources: [collectionsQueueSource],
};

export { markWorked, workQueue } from './queue';
export { forgetKeptQueue, keptColumnsDisagree, keptQueue, lastKeptStats, openItem, queuePage } from './kept';

// The daily work queue: the items every capability puts in it (their queueSources), ranked.
import type { Capability } from '../../platform/capability';
import { queueHandlers } from './handlers';

export const queue: Capability<'queue'> = { name: 'queue', handlers: queueHandlers };

export { workQueue } from './queue';

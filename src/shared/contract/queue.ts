// The daily work queue: what needs a clerk today, from every capability, ranked.
import type { QueueItem } from '../schemas/queue';
import { queueInput, workedInput } from '../schemas/queue';
import { channel } from './channel';

export const queueChannels = {
  'queue:list': channel<typeof queueInput, { items: QueueItem[]; workedToday: number }>({
    input: queueInput,
    access: 'clerk',
    audit: 'read',
  }),
  'queue:worked': channel<typeof workedInput, { workedToday: number }>({
    input: workedInput,
    access: 'clerk',
    audit: 'change',
  }),
} as const;

// The daily work queue: what needs a clerk today, from every capability, ranked, a page at a time.
import type { QueuePage } from '../schemas/queue';
import { queueInput, workedInput } from '../schemas/queue';
import { channel } from './channel';

export const queueChannels = {
  'queue:list': channel<typeof queueInput, QueuePage>({
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

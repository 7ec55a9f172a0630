// Working the queue: which filter the clerk chose on the Work queue screen, and the item being
// worked now. "Work next" opens the top item's account; "Done — next item" records the outcome
// and opens the next one under the same filter, until the queue is empty.
import { create } from 'zustand';
import type { ChannelInput } from '../../../../shared/contract';
import type { QueueItem, QueueKind } from '../../../../shared/schemas/queue';
import { change, readChannel } from '../../queries';
import { goTo, openGuarantor } from '../../routes';
import { useWorkspace } from '../../session';

export interface QueueFilter {
  assignee: 'me' | 'all';
  kind: QueueKind | undefined;
}

interface QueueWorkState {
  filter: QueueFilter;
  /** The first item of the page shown on the Work queue screen (0: the top). */
  offset: number;
  /** The item open in the account workspace with the "Working the queue" bar, if any. */
  item: QueueItem | null;
  /** A new filter shows its first page. */
  setFilter(filter: QueueFilter): void;
  setOffset(offset: number): void;
  start(item: QueueItem): void;
  stop(): void;
}

export const useQueueWork = create<QueueWorkState>()((set) => ({
  filter: { assignee: 'me', kind: undefined },
  offset: 0,
  item: null,
  setFilter: (filter) => set({ filter, offset: 0 }),
  setOffset: (offset) => set({ offset }),
  start: (item) => set({ item }),
  stop: () => set({ item: null }),
}));

// A new session starts with a clean slate: nothing of the last clerk's queue work carries over.
useWorkspace.subscribe((state, previous) => {
  if (previous.sessionId && state.sessionId !== previous.sessionId)
    useQueueWork.setState({ filter: { assignee: 'me', kind: undefined }, offset: 0, item: null });
});

/** queue:list's input for a filter (no kind: every kind) and a page (none: the first). */
export function listInput(filter: QueueFilter, offset = 0) {
  return {
    assignee: filter.assignee,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(offset > 0 ? { offset } : {}),
  };
}

/** The first page of the queue under a filter, read now (the next item to work), through the screen's cache. */
export function readQueue(filter: QueueFilter) {
  return readChannel('queue:list', listInput(filter));
}

/** Opens one item's account with the working bar. */
export function workOn(item: QueueItem): void {
  useQueueWork.getState().start(item);
  openGuarantor(item.guarantorId);
}

/**
 * Opens the top item of the queue under the clerk's filter (the first item of its first page); with nothing left, goes back to the
 * queue screen. Resolves with the item opened, or null.
 */
export async function workNext(): Promise<QueueItem | null> {
  const { filter, stop } = useQueueWork.getState();
  const { items } = await readQueue(filter);
  const next = items[0] ?? null;
  if (next) workOn(next);
  else {
    stop();
    goTo('queue');
  }
  return next;
}

/** Records what was done about the item being worked (on the account's activity), then opens the next one. */
export async function finishItem(
  item: QueueItem,
  worked: Omit<ChannelInput<'queue:worked'>, 'key' | 'guarantorId'>,
): Promise<QueueItem | null> {
  await change('queue:worked', { key: item.key, guarantorId: item.guarantorId, ...worked });
  return workNext();
}

export function backToQueue(): void {
  useQueueWork.getState().stop();
  goTo('queue');
}

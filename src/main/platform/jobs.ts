// Long work (imports now, statement runs later): one at a time holds the store, reports progress
// events and can be cancelled from the workspace.
import { AppError } from '../../shared/errors';

export class LongJobs {
  private readonly cancelled = new Set<string>();
  private readonly running = new Map<string, number>();

  start(taskId: string, userId: number): void {
    if (this.running.has(taskId)) throw new AppError('conflict', 'That task is already running.');
    this.running.set(taskId, userId);
    this.cancelled.delete(taskId);
  }

  finish(taskId: string): void {
    this.running.delete(taskId);
    this.cancelled.delete(taskId);
  }

  cancel(taskId: string, userId: number): boolean {
    const owner = this.running.get(taskId);
    if (owner === undefined || owner !== userId) return false;
    this.cancelled.add(taskId);
    return true;
  }

  isCancelled(taskId: string): boolean {
    return this.cancelled.has(taskId);
  }
}

/** A first-come, first-served lock: calls that touch the store wait while long work holds it. */
export class StoreLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

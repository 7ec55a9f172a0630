// Long work (imports and statement runs): each holds the store while it runs, reports progress
// events, and can be cancelled from the workspace by the user who started it.
import { AppError } from '../../shared/errors';

export class Jobs {
  private readonly cancelled = new Set<string>();
  private readonly running = new Map<string, number>();

  start(jobId: string, userId: number): void {
    if (this.running.has(jobId)) throw new AppError('conflict', 'That task is already running.');
    this.running.set(jobId, userId);
    this.cancelled.delete(jobId);
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
    this.cancelled.delete(jobId);
  }

  cancel(jobId: string, userId: number): boolean {
    const owner = this.running.get(jobId);
    if (owner === undefined || owner !== userId) return false;
    this.cancelled.add(jobId);
    return true;
  }

  isCancelled(jobId: string): boolean {
    return this.cancelled.has(jobId);
  }
}

/** A first-come, first-served lock: calls that touch the store wait while long work holds it. */
export class StoreLock {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;

  /** True while a call holds the lock or waits for it. */
  get busy(): boolean {
    return this.held > 0;
  }

  run<T>(work: () => Promise<T> | T): Promise<T> {
    this.held++;
    const result = this.tail.then(work).finally(() => {
      this.held--;
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

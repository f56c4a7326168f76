import { ExponentialBackoff, type IBackoff, type IBackoffFactory } from 'cockatiel';

/**
 * Exponential backoff with decorrelated jitter (cockatiel's default generator) whose waits never
 * reach past `deadline` (epoch ms): a retry never makes a call cost more than its timeout.
 */
export function backoffWithin(deadline: number, initialDelayMs: number): IBackoffFactory<unknown> {
  const exponential = new ExponentialBackoff({ initialDelay: initialDelayMs });
  return { next: () => new DeadlineBackoff(exponential.next(), deadline) };
}

class DeadlineBackoff implements IBackoff<unknown> {
  constructor(
    private readonly inner: IBackoff<unknown>,
    private readonly deadline: number,
  ) {}

  get duration(): number {
    return Math.max(0, Math.min(this.inner.duration, this.deadline - Date.now()));
  }

  next(context: unknown): IBackoff<unknown> {
    return new DeadlineBackoff(this.inner.next(context), this.deadline);
  }
}

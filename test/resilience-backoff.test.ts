import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffWithin } from '../gateway/resilience/backoff-within.js';

/** The first `count` waits of a backoff. */
function waits(backoff: IBackoff<unknown>, count = 5): number[] {
  const durations: number[] = [];
  for (let i = 0; i < count; i++, backoff = backoff.next(undefined)) durations.push(backoff.duration);
  return durations;
}

describe('the backoff between retries', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never waits past the deadline', () => {
    for (const wait of waits(backoffWithin(Date.now() + 40, 1_000).next(undefined))) {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(40);
    }
  });

  it('waits nothing once the deadline has passed', () => {
    expect(backoffWithin(Date.now() - 1, 1_000).next(undefined).duration).toBe(0);
  });

  it("far from the deadline, is cockatiel's exponential backoff with decorrelated jitter, uncut", () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const bounded = waits(backoffWithin(Date.now() + 600_000, 100).next(undefined));
    const exponential = waits(new ExponentialBackoff({ initialDelay: 100 }).next());
    expect(bounded).toEqual(exponential);
    expect(bounded).toEqual([...bounded].sort((a, b) => a - b));
    expect(bounded.at(-1)).toBeGreaterThan(4 * bounded[0]!);
  });
});

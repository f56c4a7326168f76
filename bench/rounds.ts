import { load, type Request } from './load.js';
import { SETTINGS } from './settings.js';

/** Each target loaded once, briefly, before anything is measured: JIT, connection pools, caches. */
export async function warmUp(requests: Request[]): Promise<void> {
  for (const request of requests) await load(request, SETTINGS.warmUpS);
}

/**
 * `each` for every item, round after round, the order alternating (forward, reverse, forward, …):
 * whatever drifts during a run (JIT, caches, the other processes on the machine) falls on every
 * item alike.
 */
export async function inAlternatingRounds<T>(items: T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (const item of round % 2 === 0 ? items : [...items].reverse()) await each(item);
  }
}

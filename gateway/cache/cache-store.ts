import { lifetimeMs, type CachePolicy } from './cache-policy.js';

/** A subgraph answer kept for reuse. */
export interface CachedFetch {
  /** When the subgraph was asked (epoch ms): age and invalidation are measured from then. */
  fetchedAt: number;
  policy: CachePolicy;
  /** The answer's `data` as JSON text: every read parses its own copy, which the gateway may change. */
  data: string;
}

/**
 * The storage port of the fetch cache; memory (`memory-store.ts`) and Redis (`redis-store.ts`) adapt
 * it, and the same tests run against both. An entry stored before an invalidation of any of its tags
 * is never returned again.
 */
export interface CacheStore {
  /** The entry, unless it is gone or was invalidated after it was fetched. */
  get(key: string): Promise<CachedFetch | undefined>;
  /** Keeps the entry for its lifetime (`lifetimeMs`), replacing any other under the key. */
  set(key: string, entry: CachedFetch): Promise<void>;
  /** Records that the data of these tags changed at `at` (epoch ms). */
  recordInvalidation(tags: string[], at: number): Promise<void>;
  /** The latest recorded invalidation of any of these tags (epoch ms); 0 when none is. */
  invalidatedAt(tags: string[]): Promise<number>;
}

/** How much longer an entry is of any use (ms); at most 0 once it is past its last stale window. */
export function remainingLifetimeMs(entry: CachedFetch, now: number): number {
  return entry.fetchedAt + lifetimeMs(entry.policy) - now;
}

/** Whether an entry was fetched after every recorded invalidation of its tags. */
export function outlivesInvalidation(entry: CachedFetch, invalidatedAt: number): boolean {
  return entry.fetchedAt > invalidatedAt;
}

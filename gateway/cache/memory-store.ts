import { LRUCache } from 'lru-cache';
import { MAX_LIFETIME_MS } from './cache-policy.js';
import { outlivesInvalidation, remainingLifetimeMs, type CachedFetch, type CacheStore } from './cache-store.js';

export interface MemoryStoreOptions {
  maxEntries: number;
  /** Bound on the entries' size (their data's UTF-8 bytes and tags). */
  maxBytes: number;
  now: () => number;
  /** How many tags' invalidation times are remembered; beyond it see `forgottenBefore`. */
  maxTags?: number;
}

export interface MemoryStore extends CacheStore {
  /** Drops every entry, keeping what was invalidated when: for when invalidations may have been missed. */
  clear(): void;
  usage(): { entries: number; bytes: number };
}

/** The in-process store (L1): an LRU bounded by entries and bytes, on lru-cache. */
export function createMemoryStore({ maxEntries, maxBytes, now, maxTags = 100_000 }: MemoryStoreOptions): MemoryStore {
  // Ages are measured by `now` alone: lru-cache's default caches its reading for a millisecond.
  const clock = { perf: { now }, ttlResolution: 0 };
  const entries = new LRUCache<string, CachedFetch>({ max: maxEntries, maxSize: maxBytes, sizeCalculation: sizeOf, ...clock });
  /**
   * Once a tag's invalidation time is pushed out, nothing says whether an entry carrying that tag
   * predates it: every tagged entry fetched before the time forgotten is then treated as invalidated.
   */
  let forgottenBefore = 0;
  const invalidations = new LRUCache<string, number>({
    max: maxTags,
    ttl: MAX_LIFETIME_MS,
    ...clock,
    dispose: (at, _tag, reason) => {
      if (reason === 'evict') forgottenBefore = Math.max(forgottenBefore, at);
    },
  });
  const invalidatedAt = (tags: string[]) =>
    tags.reduce((latest, tag) => Math.max(latest, invalidations.get(tag) ?? forgottenBefore), 0);

  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry || outlivesInvalidation(entry, invalidatedAt(entry.policy.tags))) return entry;
      entries.delete(key);
      return undefined;
    },
    async set(key, entry) {
      const ttl = remainingLifetimeMs(entry, now());
      if (ttl > 0) entries.set(key, entry, { ttl });
    },
    async recordInvalidation(tags, at) {
      for (const tag of tags) invalidations.set(tag, Math.max(at, invalidations.get(tag) ?? 0));
    },
    invalidatedAt: async (tags) => invalidatedAt(tags),
    clear: () => entries.clear(),
    usage: () => ({ entries: entries.size, bytes: entries.calculatedSize }),
  };
}

function sizeOf(entry: CachedFetch): number {
  return Buffer.byteLength(entry.data) + entry.policy.tags.reduce((bytes, tag) => bytes + tag.length, 0) || 1;
}

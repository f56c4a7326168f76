import { outlivesInvalidation, type CacheStore } from './cache-store.js';
import type { MemoryStore } from './memory-store.js';

/**
 * Memory (L1) in front of Redis (L2). A read tries memory, then Redis, and keeps what Redis had in
 * memory too; a write and an invalidation go to both. Redis slow or gone is a miss, never a failed
 * request: its commands time out fast (`connectFailFast`), and the answer comes from memory or the subgraph.
 */
export function createTwoLevelStore(memory: MemoryStore, shared: CacheStore): CacheStore {
  const unlessRedisFails = async <T>(command: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await command();
    } catch {
      // connectFailFast has said that Redis is unreachable; /health says so while it lasts.
      return fallback;
    }
  };

  return {
    async get(key) {
      const local = await memory.get(key);
      if (local) return local;
      const entry = await unlessRedisFails(() => shared.get(key), undefined);
      // Redis knows the invalidations every instance recorded; memory may know one Redis missed while it was away.
      if (!entry || !outlivesInvalidation(entry, await memory.invalidatedAt(entry.policy.tags))) return undefined;
      await memory.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      await memory.set(key, entry);
      await unlessRedisFails(() => shared.set(key, entry), undefined);
    },
    async recordInvalidation(tags, at) {
      await memory.recordInvalidation(tags, at);
      await unlessRedisFails(() => shared.recordInvalidation(tags, at), undefined);
    },
    async invalidatedAt(tags) {
      const [local, remote] = await Promise.all([memory.invalidatedAt(tags), unlessRedisFails(() => shared.invalidatedAt(tags), 0)]);
      return Math.max(local, remote);
    },
  };
}

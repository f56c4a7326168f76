import type { PersistedQueryOptions } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { OperationRegistry } from './registry.js';

/** As much query text as Apollo Server's default (`cache: 'bounded'`) keeps, here for persisted queries alone. */
const PERSISTED_QUERY_BYTES = 30 * 2 ** 20;
/** Apollo Server prefixes each key of its persisted-query cache (`APQ_CACHE_PREFIX`, not exported). */
const APQ_KEY_PREFIX = 'apq:';

/**
 * Automatic persisted queries as Apollo Server keeps them, with the registered operations known by their
 * hash from the start: anyone may ask for one by `sha256Hash` alone, without registering it first. Other
 * documents are registered and found as before, in memory (each gateway instance its own, like Apollo's).
 */
export function registeredFirst(registry: OperationRegistry): PersistedQueryOptions {
  const registered = new LRUCache<string, string>({ maxSize: PERSISTED_QUERY_BYTES, sizeCalculation: (query) => Math.max(1, query.length) });
  return {
    cache: {
      get: async (key) => registry.byHash.get(key.slice(APQ_KEY_PREFIX.length))?.body ?? registered.get(key),
      set: async (key, query, options) => void registered.set(key, query, options?.ttl ? { ttl: options.ttl * 1000 } : {}),
      delete: async (key) => registered.delete(key),
    },
  };
}

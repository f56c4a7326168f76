import type { Redis } from 'ioredis';
import { MAX_LIFETIME_MS } from './cache-policy.js';
import { outlivesInvalidation, remainingLifetimeMs, type CachedFetch, type CacheStore } from './cache-store.js';

export interface RedisStoreOptions {
  /** Prepended to every key, so deployments (and test files) sharing a Redis never meet. */
  keyPrefix: string;
  now: () => number;
}

/**
 * The shared store (L2), on ioredis. An entry is `<prefix>entry:<key>`, expiring with its lifetime;
 * each tag's last invalidation is `<prefix>tag:<tag>` (epoch ms), expiring when no entry can be that old.
 * Reads are by key only (never KEYS or SCAN). Redis errors reach the caller: the two-level store turns them into misses.
 */
export function createRedisStore(redis: Redis, { keyPrefix, now }: RedisStoreOptions): CacheStore {
  const entryKey = (key: string) => `${keyPrefix}entry:${key}`;
  const tagKey = (tag: string) => `${keyPrefix}tag:${tag}`;

  async function invalidatedAt(tags: string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const times = await redis.mget(tags.map(tagKey));
    return times.reduce((latest: number, time) => Math.max(latest, Number(time ?? 0)), 0);
  }

  return {
    async get(key) {
      const text = await redis.get(entryKey(key));
      if (text === null) return undefined;
      const entry = deserialize(text);
      return outlivesInvalidation(entry, await invalidatedAt(entry.policy.tags)) ? entry : undefined;
    },
    async set(key, entry) {
      const ttl = Math.ceil(remainingLifetimeMs(entry, now()));
      if (ttl > 0) await redis.set(entryKey(key), serialize(entry), 'PX', ttl);
    },
    async recordInvalidation(tags, at) {
      const pipeline = redis.pipeline();
      for (const tag of tags) pipeline.set(tagKey(tag), String(at), 'PX', MAX_LIFETIME_MS);
      const results = (await pipeline.exec()) ?? [];
      const failure = results.find(([error]) => error)?.[0];
      if (failure) throw failure;
    },
    invalidatedAt,
  };
}

/** The metadata as one JSON line, then the data as it is: no escaping of a large answer inside a string. */
function serialize({ data, ...meta }: CachedFetch): string {
  return `${JSON.stringify(meta)}\n${data}`;
}

function deserialize(text: string): CachedFetch {
  const newline = text.indexOf('\n');
  return { ...(JSON.parse(text.slice(0, newline)) as Omit<CachedFetch, 'data'>), data: text.slice(newline + 1) };
}

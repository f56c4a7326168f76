import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { CachePolicy } from '../gateway/cache/cache-policy.js';
import type { CachedFetch, CacheStore } from '../gateway/cache/cache-store.js';
import { createMemoryStore } from '../gateway/cache/memory-store.js';
import { createRedisStore } from '../gateway/cache/redis-store.js';
import { createTwoLevelStore } from '../gateway/cache/two-level-store.js';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { redisIsUp, TEST_REDIS_URL } from './support/invalidation-receivers.js';

/** The storage port: the same contract for memory, Redis, and memory in front of Redis (real Redis on 6379). */
const redisUp = await redisIsUp('test/cache-store.e2e.ts');
const keyPrefix = `cache-store-test:${randomUUID()}:`;
const redis = redisUp ? new Redis(TEST_REDIS_URL) : undefined;

afterAll(async () => {
  if (!redis) return;
  // Tests may look for their own keys; the gateway never does.
  const keys = (await redis.scanStream({ match: `${keyPrefix}*` }).toArray()).flat() as string[];
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const policy = (tags: string[] = []): CachePolicy => ({ maxAgeSeconds: 60, scope: 'public', staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 60, tags });
const entry = (fetchedAt: number, tags: string[] = [], data = '{"product":{"id":"p1"}}'): CachedFetch => ({ fetchedAt, policy: policy(tags), data });
const memory = (now: () => number) => createMemoryStore({ maxEntries: 100, maxBytes: 1_000_000, now });
const inRedis = (now: () => number) => createRedisStore(redis!, { keyPrefix, now });

const adapters: [string, (now: () => number) => CacheStore, boolean][] = [
  ['memory', memory, true],
  ['Redis', inRedis, redisUp],
  ['memory in front of Redis', (now) => createTwoLevelStore(memory(now), inRedis(now)), redisUp],
];

describe.each(adapters)('the %s store', (_name, create, available) => {
  const clock = testClock();
  const store = create(clock.now);
  const key = () => `pim:${randomUUID()}`;

  it.runIf(available)('returns what was set, and nothing for a key never set', async () => {
    const [stored, never] = [key(), key()];
    await store.set(stored, entry(clock.now(), ['Product:p1']));
    expect(await store.get(stored)).toEqual(entry(clock.now(), ['Product:p1']));
    expect(await store.get(never)).toBeUndefined();
  });

  it.runIf(available)('keeps the last entry set under a key', async () => {
    const at = key();
    await store.set(at, entry(clock.now(), [], '{"v":1}'));
    await store.set(at, entry(clock.now(), [], '{"v":2}'));
    expect((await store.get(at))?.data).toBe('{"v":2}');
  });

  it.runIf(available)('does not keep an entry already past its lifetime', async () => {
    const at = key();
    await store.set(at, entry(clock.now() - 121_000));
    expect(await store.get(at)).toBeUndefined();
  });

  it.runIf(available)('never returns an entry fetched before an invalidation of one of its tags', async () => {
    const [before, after, untouched] = [key(), key(), key()];
    const tag = `Product:${randomUUID()}`;
    await store.set(before, entry(clock.now(), [tag, 'Stock:s1']));
    clock.advance(1);
    await store.recordInvalidation([tag], clock.now());
    clock.advance(1);
    await store.set(after, entry(clock.now(), [tag]));
    await store.set(untouched, entry(clock.now() - 5_000, [`Product:${randomUUID()}`]));
    expect(await store.get(before)).toBeUndefined();
    expect(await store.get(after)).toBeDefined();
    expect(await store.get(untouched)).toBeDefined();
  });

  it.runIf(available)("knows each tag's latest invalidation, 0 for none", async () => {
    const [a, b] = [`Product:${randomUUID()}`, `Product:${randomUUID()}`];
    expect(await store.invalidatedAt([a, b])).toBe(0);
    await store.recordInvalidation([a], 1_000);
    await store.recordInvalidation([b], 2_000);
    expect(await store.invalidatedAt([a])).toBe(1_000);
    expect(await store.invalidatedAt([a, b])).toBe(2_000);
  });
});

describe('the memory store', () => {
  it('is bounded by entries and by bytes, dropping the least recently used', async () => {
    const clock = testClock();
    const byEntries = createMemoryStore({ maxEntries: 2, maxBytes: 1_000_000, now: clock.now });
    for (const key of ['a', 'b', 'c']) await byEntries.set(key, entry(clock.now()));
    expect(await byEntries.get('a')).toBeUndefined();
    expect(byEntries.usage().entries).toBe(2);

    const byBytes = createMemoryStore({ maxEntries: 100, maxBytes: 100, now: clock.now });
    const forty = `"${'x'.repeat(38)}"`;
    for (const key of ['a', 'b', 'c']) await byBytes.set(key, entry(clock.now(), [], forty));
    expect(await byBytes.get('a')).toBeUndefined();
    expect(byBytes.usage()).toEqual({ entries: 2, bytes: 80 });
  });

  it('forgets entries past their lifetime on its clock', async () => {
    const clock = testClock();
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now });
    await store.set('a', entry(clock.now()));
    clock.advance(119);
    expect(await store.get('a')).toBeDefined();
    clock.advance(2);
    expect(await store.get('a')).toBeUndefined();
  });

  it('treats a tagged entry as invalidated when the invalidation of its tag was pushed out of memory', async () => {
    const clock = testClock();
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now, maxTags: 2 });
    await store.set('old', entry(clock.now(), ['Product:p1']));
    await store.set('untagged', entry(clock.now()));
    clock.advance(1);
    await store.recordInvalidation(['Product:p1'], clock.now());
    await store.recordInvalidation(['Product:p2', 'Product:p3'], clock.now());
    clock.advance(1);
    await store.set('new', entry(clock.now(), ['Product:p1']));
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('untagged')).toBeDefined();
    expect(await store.get('new')).toBeDefined();
  });
});

describe.runIf(redisUp)('the memory in front of Redis', () => {
  it('keeps in memory what it found in Redis', async () => {
    const clock = testClock();
    const front = createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now });
    const store = createTwoLevelStore(front, inRedis(clock.now));
    await inRedis(clock.now).set('shared-only', entry(clock.now()));
    expect(await front.get('shared-only')).toBeUndefined();
    expect(await store.get('shared-only')).toBeDefined();
    expect(await front.get('shared-only')).toBeDefined();
  });
});

describe('the memory in front of a Redis that is gone', () => {
  it('misses instead of failing, and keeps serving from memory', async () => {
    const clock = testClock();
    const gone = new Redis({ port: 9, host: '127.0.0.1', enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    gone.on('error', () => {});
    const store = createTwoLevelStore(createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now }), createRedisStore(gone, { keyPrefix, now: clock.now }));
    await store.set('a', entry(clock.now(), ['Product:p1']));
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('elsewhere')).toBeUndefined();
    await store.recordInvalidation(['Product:p1'], clock.now() + 1);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.invalidatedAt(['Product:p1'])).toBe(clock.now() + 1);
    gone.disconnect();
  });
});

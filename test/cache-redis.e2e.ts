import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheOptions } from '../gateway/cache/useCache.js';
import { INVALIDATION_ROUTE } from '../lib/invalidation/message.js';
import type { RunningServer } from '../lib/service/listen.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { SIGNATURE_HEADER, signBody } from '../lib/signing/signed-body.js';
import { ask, PUBLIC, startCacheableSupergraph, startCachingGateway, testClock, type CacheableSupergraph } from './fixtures/cacheable-supergraph.js';
import { redisIsUp, TEST_REDIS_URL } from './support/invalidation-receivers.js';
import { startOwnRedis } from './support/redis-server.js';

/**
 * Gateway instances sharing Redis: what one cached, another serves; an invalidation, published on
 * Redis or delivered to one instance's signed route, reaches the next read through the other,
 * which never serves the invalidated entry again. And Redis stopped under a running gateway.
 */
const FILE = 'test/cache-redis.e2e.ts';
const redisUp = await redisIsUp(FILE);
const PRODUCT = '{ product(id: "p1") { id name price } }';
const KETTLE_PRO = { product: { id: 'p1', name: 'Kettle Pro', price: 30 } };

let supergraph: CacheableSupergraph;
const calls = () => ({ catalog: supergraph.proxies.catalog.calls, pricing: supergraph.proxies.pricing.calls });

beforeAll(async () => {
  supergraph = await startCacheableSupergraph();
});
afterAll(() => supergraph?.close());
beforeEach(() => supergraph.reset());

/** Two instances on one Redis (a key prefix and a channel of this test's own), each saying when it applied an invalidation. */
async function twoInstances(redisUrl: string, options: CacheOptions = {}) {
  const clock = testClock();
  // What these tests check is sharing, not speed: a loaded test machine may take longer than production's 200 ms per command.
  const redis = { url: redisUrl, keyPrefix: `cache-redis-test:${randomUUID()}:`, channel: `cache-redis-test:${randomUUID()}`, commandTimeoutMs: 2_000 };
  const start = async () => {
    const applied: string[][] = [];
    const gateway = await startCachingGateway(supergraph, { cache: { ...options, redis, now: clock.now, onInvalidated: (tags) => applied.push(tags) } });
    // Commands are not queued while Redis connects (fail fast): wait until both connections are up.
    await vi.waitFor(async () => expect((await health(gateway)).cache).toMatchObject({ redis: 'ready', invalidations: 'subscribed' }));
    return { gateway, applied };
  };
  return { clock, channel: redis.channel, a: await start(), b: await start() };
}

const health = async (gateway: RunningServer) => (await (await fetch(`${gateway.url}/health`)).json()) as Record<string, any>;

describe.runIf(redisUp)('two instances sharing Redis', () => {
  const publisher = redisUp ? new Redis(TEST_REDIS_URL) : undefined;
  afterAll(() => publisher?.disconnect());

  it('serve from Redis what the other cached', async () => {
    const { a, b } = await twoInstances(TEST_REDIS_URL);
    await ask(a.gateway, PRODUCT);
    expect((await ask(b.gateway, PRODUCT)).data).toEqual({ product: { id: 'p1', name: 'Kettle', price: 30 } });
    expect(calls()).toEqual({ catalog: 1, pricing: 1 });
  });

  it('apply an invalidation published on Redis: the next read through the other asks the subgraph, and never serves it stale', async () => {
    const { a, b, channel, clock } = await twoInstances(TEST_REDIS_URL);
    await ask(a.gateway, PRODUCT);
    await ask(b.gateway, PRODUCT);
    supergraph.names.set('p1', 'Kettle Pro');
    await publisher!.publish(channel, JSON.stringify({ tags: ['Product:p1'] }));
    await vi.waitFor(() => expect([a.applied, b.applied]).toEqual([[['Product:p1']], [['Product:p1']]]));
    clock.advance(1);
    expect((await ask(b.gateway, PRODUCT)).data).toEqual(KETTLE_PRO);
    expect((await ask(a.gateway, PRODUCT)).data).toEqual(KETTLE_PRO);
    expect(calls()).toEqual({ catalog: 2, pricing: 2 });

    await publisher!.publish(channel, JSON.stringify({ tags: ['Product:p1'] }));
    await vi.waitFor(() => expect(b.applied).toHaveLength(2));
    supergraph.proxies.pricing.mode = 500;
    clock.advance(PUBLIC.maxAge + PUBLIC.staleWhileRevalidate + 1);
    const answer = await ask(b.gateway, PRODUCT);
    expect(answer.data).toEqual({ product: { ...KETTLE_PRO.product, price: null } });
    expect(answer.extensions).toBeUndefined();
  });

  it("apply an invalidation delivered to one instance's signed route on the other too", async () => {
    const secret = randomSecret();
    const { a, b } = await twoInstances(TEST_REDIS_URL, { invalidationSecret: secret });
    await ask(a.gateway, PRODUCT);
    await ask(b.gateway, PRODUCT);
    supergraph.names.set('p1', 'Kettle Pro');
    const body = JSON.stringify({ tags: ['Product:p1'] });
    const delivery = await fetch(`${a.gateway.url}${INVALIDATION_ROUTE}`, { method: 'POST', headers: { [SIGNATURE_HEADER]: signBody(body, secret) }, body });
    expect(delivery.status).toBe(204);
    await vi.waitFor(() => expect(b.applied).toEqual([['Product:p1']]));
    const answer = await ask(b.gateway, PRODUCT);
    expect(answer.data).toEqual(KETTLE_PRO);
    expect(answer.extensions).toBeUndefined();
  });
});

const ownRedis = await startOwnRedis(FILE);

describe.runIf(ownRedis)('a gateway whose Redis stops', () => {
  it('answers from memory and the subgraphs, says so on /health, and uses Redis again once it is back', async () => {
    const redis = ownRedis!;
    const { a, b } = await twoInstances(redis.url);
    await ask(a.gateway, PRODUCT);
    await redis.stop();

    expect((await ask(a.gateway, PRODUCT)).data?.product.name).toBe('Kettle');
    expect(calls()).toEqual({ catalog: 1, pricing: 1 });
    expect((await ask(a.gateway, '{ products { id name } }')).data?.products).toHaveLength(2);
    await vi.waitFor(async () => expect((await health(a.gateway)).cache).toMatchObject({ status: 'degraded', redis: 'unavailable', invalidations: 'unsubscribed' }));
    expect((await health(a.gateway)).status).toBe('degraded');

    await redis.start();
    for (const instance of [a, b]) {
      await vi.waitFor(async () => expect((await health(instance.gateway)).cache).toMatchObject({ status: 'pass', redis: 'ready', invalidations: 'subscribed' }), {
        timeout: 10_000,
      });
    }
    const teapot = '{ product(id: "p2") { id name } }';
    await ask(a.gateway, teapot);
    const catalogCalls = supergraph.proxies.catalog.calls;
    expect((await ask(b.gateway, teapot)).data).toEqual({ product: { id: 'p2', name: 'Teapot' } });
    expect(supergraph.proxies.catalog.calls).toBe(catalogCalls);
  });
});

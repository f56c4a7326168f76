import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../lib/service/listen.js';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { graphql, type GraphQLResponse } from './support/graphql.js';
import { redisIsUp, TEST_REDIS_URL } from './support/invalidation-receivers.js';
import { startStack, type Stack, type VendorName } from './support/stack.js';

/**
 * The storefront's listing page with the warehouse simulator stopped (its server closed): through
 * the gateway that cached the page, and through a second instance that only shares its Redis (a key
 * prefix and a channel of this file's own), the page renders whole from stale and says so. Ages
 * move with the caches' clock, never by waiting.
 */
const FILE = 'test/degradation-outage.e2e.ts';
const redisUp = await redisIsUp(FILE);

/** The stale windows every subgraph declares here; stock is fresh for 5 s (its `@cacheControl`), prices 60 s, content 600 s. */
const FRESHNESS = { staleWhileRevalidateS: 10, staleIfErrorS: 300 };
const STOCK_MAX_AGE_S = 5;
const LISTING = `{ products(first: 4) { nodes { id name price(region: "EU") { amount currency } availability(region: "EU") { available inStock complete } } } }`;
/** Where inventory's part of the page goes: its entity fetch for the listed products. */
const INVENTORY_PATH = ['products', 'nodes'];

describe.runIf(redisUp)('a vendor simulator stopped', () => {
  const clock = testClock();
  let stack: Stack;
  let a: RunningServer;
  let b: RunningServer;
  let healthy: GraphQLResponse;

  const vendorCalls = async () =>
    Object.fromEntries(
      await Promise.all(Object.entries(stack.vendors).filter(([name]) => name !== 'warehouse').map(async ([name, vendor]) => [name, (await vendor.admin.calls()).total])),
    ) as Record<Exclude<VendorName, 'warehouse'>, number>;
  async function counted(read: () => Promise<GraphQLResponse>) {
    const before = await vendorCalls();
    const answer = await read();
    const after = await vendorCalls();
    const calls = Object.fromEntries(Object.entries(after).filter(([name, count]) => count !== before[name as keyof typeof before]).map(([name, count]) => [name, count - before[name as keyof typeof before]]));
    return { answer, calls };
  }

  beforeAll(async () => {
    const channel = `degradation-outage:${randomUUID()}`;
    // What these tests check is sharing, not speed: a loaded test machine may take longer than production's 200 ms per command.
    const cache = { redis: { url: TEST_REDIS_URL, keyPrefix: `degradation-outage:${randomUUID()}:`, channel, commandTimeoutMs: 2_000 }, now: clock.now };
    stack = await startStack({ cache }, { freshness: FRESHNESS, invalidations: { redisUrl: TEST_REDIS_URL, channel } });
    a = stack.gateway;
    b = await stack.startGateway({ cache });
    for (const gateway of [a, b]) await vi.waitFor(async () => expect((await health(gateway)).cache.redis).toBe('ready'));

    healthy = await graphql(a.url, LISTING);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.products.nodes).toHaveLength(4);
    expect(healthy.data?.products.nodes.every((node: { availability: { complete: boolean } }) => node.availability.complete)).toBe(true);
    await stack.vendors.warehouse.close();
  });

  it('within the stock\'s stale-while-revalidate window: served whole from the cache, inventory\'s part stale, while one refresh runs', async () => {
    clock.advance(STOCK_MAX_AGE_S + 1);
    const storePosCalls = (await stack.vendors.storePos.admin.calls()).total;
    const answer = await graphql(a.url, LISTING);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(healthy.data);
    expect(answer.extensions?.stale).toEqual([{ path: INVENTORY_PATH, subgraph: 'inventory', ageSeconds: STOCK_MAX_AGE_S + 1, reason: 'stale-while-revalidate' }]);
    // The background refresh asks inventory, which reaches the vendors still up (its answer, without the warehouse's stock, is not kept).
    await vi.waitFor(async () => expect((await stack.vendors.storePos.admin.calls()).total).toBe(storePosCalls + 1));
  });

  it('past that window, on the instance that cached it: the page renders from stale, stale-if-error at inventory\'s path, nothing else asked', async () => {
    clock.advance(FRESHNESS.staleWhileRevalidateS);
    const age = STOCK_MAX_AGE_S + 1 + FRESHNESS.staleWhileRevalidateS;
    const { answer, calls } = await counted(() => graphql(a.url, LISTING));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(healthy.data);
    expect(answer.extensions?.stale).toEqual([{ path: INVENTORY_PATH, subgraph: 'inventory', ageSeconds: age, reason: 'stale-if-error' }]);
    // Inventory was asked (its warehouse failing, the others answering); pim and commerce were served from the cache.
    expect(calls).toEqual({ storePos: 1, dropship: 1 });
  });

  it('and on a second instance that never asked for the page: all of it from Redis, the same stale answer', async () => {
    const age = STOCK_MAX_AGE_S + 1 + FRESHNESS.staleWhileRevalidateS;
    const { answer, calls } = await counted(() => graphql(b.url, LISTING));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(healthy.data);
    expect(answer.extensions?.stale).toEqual([{ path: INVENTORY_PATH, subgraph: 'inventory', ageSeconds: age, reason: 'stale-if-error' }]);
    expect(calls).toEqual({ storePos: 1, dropship: 1 });
  });

  it('past stale-if-error: the warehouse\'s failure at the availability of each product, the rest of the page fresh, nothing stale', async () => {
    clock.advance(FRESHNESS.staleIfErrorS);
    for (const gateway of [a, b]) {
      const answer = await graphql(gateway.url, LISTING);
      expect(answer.extensions).toBeUndefined();
      const nodes = answer.data?.products.nodes as { id: string; name: string; availability: { complete: boolean } }[];
      expect(nodes.map(({ id, name }) => ({ id, name }))).toEqual(healthy.data?.products.nodes.map(({ id, name }: { id: string; name: string }) => ({ id, name })));
      expect(nodes.map((node) => node.availability.complete)).toEqual([false, false, false, false]);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(new Set(answer.errors?.map((error) => `${error.extensions?.code} ${error.extensions?.vendor}`))).toEqual(new Set(['VENDOR_UNAVAILABLE warehouse']));
    }
  });
});

const health = async (gateway: RunningServer) => (await (await fetch(`${gateway.url}/health`)).json()) as Record<string, any>;

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheOptions } from '../gateway/cache/useCache.js';
import { INVALIDATION_ROUTE } from '../lib/invalidation/message.js';
import type { RunningServer } from '../lib/service/listen.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { SIGNATURE_HEADER, signBody } from '../lib/signing/signed-body.js';
import type { Principal } from '../policies/principal.js';
import type { CacheProxy } from './fixtures/cache-proxy.js';
import {
  ask,
  PUBLIC,
  startCacheableSupergraph,
  startCachingGateway,
  testClock,
  type CacheableSupergraph,
} from './fixtures/cacheable-supergraph.js';
import { authAs } from './support/tokens.js';

/**
 * The fetch cache in memory, against real subgraphs behind proxies that send `Cache-Control` and
 * `Cache-Tag`: what is served from where, counted in subgraph calls, with a clock that moves on demand.
 */
const PRODUCT = '{ product(id: "p1") { id name price } }';
const KETTLE = { product: { id: 'p1', name: 'Kettle', price: 30 } };

let supergraph: CacheableSupergraph;
let clock: ReturnType<typeof testClock>;
const calls = () => ({ catalog: supergraph.proxies.catalog.calls, pricing: supergraph.proxies.pricing.calls });
/** Our gateway with a cold cache of its own, on this test's clock. */
const cachingGateway = (options: CacheOptions = {}) => startCachingGateway(supergraph, { cache: { now: clock.now, ...options } });
const stale = (subgraph: string, ageSeconds: number, reason: string) => ({ path: ['product'], subgraph, ageSeconds, reason });

beforeAll(async () => {
  supergraph = await startCacheableSupergraph();
});
afterAll(() => supergraph?.close());
beforeEach(() => {
  supergraph.reset();
  clock = testClock();
});

describe('within max-age', () => {
  it('answers a repeated query from the cache, calling no subgraph', async () => {
    const gateway = await cachingGateway();
    expect((await ask(gateway, PRODUCT)).data).toEqual(KETTLE);
    clock.advance(PUBLIC.maxAge - 1);
    const again = await ask(gateway, PRODUCT);
    expect(again.data).toEqual(KETTLE);
    expect(again.extensions).toBeUndefined();
    expect(calls()).toEqual({ catalog: 1, pricing: 1 });
  });

  it('makes one call to each subgraph for 100 concurrent misses of one query', async () => {
    const gateway = await cachingGateway();
    const answers = await Promise.all(Array.from({ length: 100 }, () => ask(gateway, PRODUCT)));
    expect(answers.map((answer) => answer.data)).toEqual(Array(100).fill(KETTLE));
    expect(calls()).toEqual({ catalog: 1, pricing: 1 });
  });
});

describe('within stale-while-revalidate', () => {
  it('serves stale at once, saying so, while one refresh per fetch runs; then the fresh answer', async () => {
    const gateway = await cachingGateway();
    await ask(gateway, PRODUCT);
    supergraph.names.set('p1', 'Kettle Pro');
    clock.advance(PUBLIC.maxAge + 1);
    // The refreshes reach the subgraphs and wait there: every answer meanwhile is the stale one.
    const releases = [supergraph.proxies.catalog.hold(), supergraph.proxies.pricing.hold()];
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask(gateway, PRODUCT)));
    for (const answer of answers) {
      expect(answer.data).toEqual(KETTLE);
      expect(answer.extensions?.stale).toEqual([stale('catalog', 61, 'stale-while-revalidate'), stale('pricing', 61, 'stale-while-revalidate')]);
    }
    releases.forEach((release) => release());
    await vi.waitFor(async () => expect((await ask(gateway, PRODUCT)).extensions).toBeUndefined());
    expect((await ask(gateway, PRODUCT)).data).toEqual({ product: { ...KETTLE.product, name: 'Kettle Pro' } });
    expect(calls()).toEqual({ catalog: 2, pricing: 2 });
  });
});

type Failure = [name: string, fail: (proxy: CacheProxy) => Promise<void> | void, code: string];
const failures: Failure[] = [
  ['closed', (proxy) => proxy.close(), 'SUBGRAPH_UNAVAILABLE'],
  ['dropping connections', (proxy) => void (proxy.mode = 'reset'), 'SUBGRAPH_UNAVAILABLE'],
  ['answering HTTP 500', (proxy) => void (proxy.mode = 500), 'SUBGRAPH_UNAVAILABLE'],
  ['answering VENDOR_UNAVAILABLE', (proxy) => void (proxy.mode = 'vendor-unavailable'), 'VENDOR_UNAVAILABLE'],
];

describe.each(failures)('while pricing is %s', (_name, fail, code) => {
  afterEach(() => supergraph.proxies.pricing.reopen());

  it('serves its last answer within stale-if-error, saying so', async () => {
    const gateway = await cachingGateway();
    await ask(gateway, PRODUCT);
    await fail(supergraph.proxies.pricing);
    clock.advance(PUBLIC.maxAge + PUBLIC.staleWhileRevalidate + 1);
    const answer = await ask(gateway, PRODUCT);
    expect(answer.data).toEqual(KETTLE);
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions?.stale).toEqual([stale('pricing', 121, 'stale-if-error')]);
    expect(answer.cacheControl).toBe('no-store');
  });

  it('answers the failure at its path once stale-if-error has passed', async () => {
    const gateway = await cachingGateway();
    await ask(gateway, PRODUCT);
    await fail(supergraph.proxies.pricing);
    clock.advance(PUBLIC.maxAge + PUBLIC.staleIfError + 1);
    const answer = await ask(gateway, PRODUCT);
    expect(answer.data).toEqual({ product: { ...KETTLE.product, price: null } });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(answer.extensions).toBeUndefined();
  });
});

describe('private answers', () => {
  const SESSION = '{ session { token } }';

  it("are each principal's own: under concurrent load, no token reaches another principal", async () => {
    const gateway = await cachingGateway();
    const principals: Principal[] = [
      { kind: 'customer', id: 'c1' },
      { kind: 'customer', id: 'c2' },
      { kind: 'staff', id: 's1', roles: ['service'] },
      { kind: 'agent', id: 'bot', scopes: ['cart:read'], onBehalfOf: 'c1' },
    ];
    const headers = await Promise.all(principals.map((principal) => authAs(principal)));
    const tokens = principals.map(() => new Set<string>());
    for (let round = 0; round < 3; round++) {
      const asked = headers.flatMap((header, who) => Array.from({ length: 25 }, () => ({ who, answer: ask(gateway, SESSION, header) })));
      for (const { who, answer } of asked) tokens[who]!.add((await answer).data!.session.token);
    }
    const leaks = tokens.flatMap((own, who) => [...own].filter((token) => tokens.some((other, i) => i !== who && other.has(token))));
    expect(leaks).toEqual([]);
    expect(tokens.map((own) => own.size)).toEqual([1, 1, 1, 1]);
    expect(supergraph.proxies.accounts.calls).toBe(4);
  });

  it('are not kept for the anonymous principal, who has nothing to key them to', async () => {
    const gateway = await cachingGateway();
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push((await ask(gateway, SESSION)).data!.session.token);
    expect(new Set(tokens).size).toBe(3);
    expect(supergraph.proxies.accounts.calls).toBe(3);
  });
});

describe('the Cache-Control the gateway sends', () => {
  it('lets a shared cache keep an anonymous, public answer only for what is left of its max-age', async () => {
    const gateway = await cachingGateway();
    expect((await ask(gateway, PRODUCT)).cacheControl).toBe('max-age=60, public');
    clock.advance(20);
    expect((await ask(gateway, PRODUCT)).cacheControl).toBe('max-age=40, public');
  });

  it('never makes a staff or customer answer shareable, fetched, cached, or with the cache off', async () => {
    const caching = await cachingGateway();
    const uncached = await startCachingGateway(supergraph, {});
    const principals: Principal[] = [
      { kind: 'staff', id: 's1', roles: ['pricing'] },
      { kind: 'customer', id: 'c1' },
    ];
    for (const principal of principals) {
      const headers = await authAs(principal);
      for (const gateway of [caching, caching, uncached]) expect((await ask(gateway, PRODUCT, headers)).cacheControl).toBe('no-store');
    }
  });

  it('is no-store when any fetch was private', async () => {
    const gateway = await cachingGateway();
    expect((await ask(gateway, '{ session { token } product(id: "p1") { name } }')).cacheControl).toBe('no-store');
  });
});

describe('mutations', () => {
  it('are never answered from the cache, nor the fetches that follow them', async () => {
    const gateway = await cachingGateway();
    const rename = 'mutation { rename(id: "p1", name: "Kettle Pro") { id name price } }';
    for (let i = 0; i < 2; i++) expect((await ask(gateway, rename)).data).toEqual({ rename: { id: 'p1', name: 'Kettle Pro', price: 30 } });
    expect(calls()).toEqual({ catalog: 2, pricing: 2 });
  });
});

describe('invalidation through the signed route', () => {
  const secret = randomSecret();
  const deliver = (gateway: RunningServer, body: string, signature?: string) =>
    fetch(`${gateway.url}${INVALIDATION_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
      body,
    });
  const invalidation = (...tags: string[]) => JSON.stringify({ tags });

  it('reaches the next read: the subgraph is asked again, and the invalidated entry is never served', async () => {
    const gateway = await cachingGateway({ invalidationSecret: secret });
    await ask(gateway, PRODUCT);
    supergraph.names.set('p1', 'Kettle Pro');
    const body = invalidation('Product:p1');
    expect((await deliver(gateway, body, signBody(body, secret))).status).toBe(204);
    const answer = await ask(gateway, PRODUCT);
    expect(answer.data).toEqual({ product: { ...KETTLE.product, name: 'Kettle Pro' } });
    expect(answer.extensions).toBeUndefined();
    expect(calls()).toEqual({ catalog: 2, pricing: 2 });
  });

  it('leaves no invalidated entry to serve as stale-if-error', async () => {
    const gateway = await cachingGateway({ invalidationSecret: secret });
    await ask(gateway, PRODUCT);
    const body = invalidation('Product:p1');
    expect((await deliver(gateway, body, signBody(body, secret))).status).toBe(204);
    supergraph.proxies.pricing.mode = 500;
    clock.advance(PUBLIC.maxAge + PUBLIC.staleWhileRevalidate + 1);
    const answer = await ask(gateway, PRODUCT);
    expect(answer.data).toEqual({ product: { ...KETTLE.product, price: null } });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(answer.extensions).toBeUndefined();
  });

  it('refuses missing, forged, old and replayed signatures (401), purging nothing', async () => {
    const gateway = await cachingGateway({ invalidationSecret: secret });
    await ask(gateway, PRODUCT);
    const body = invalidation('Product:p1');
    const valid = signBody(invalidation('Product:p2'), secret);
    const statuses = [
      (await deliver(gateway, body)).status,
      (await deliver(gateway, body, signBody(body, randomSecret()))).status,
      (await deliver(gateway, body, signBody(body, secret, Date.now() - 10 * 60_000))).status,
      (await deliver(gateway, body, valid)).status,
      (await deliver(gateway, invalidation('Product:p2'), valid)).status,
      (await deliver(gateway, invalidation('Product:p2'), valid)).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 204, 401]);
    expect((await ask(gateway, PRODUCT)).data).toEqual(KETTLE);
    expect(calls()).toEqual({ catalog: 1, pricing: 1 });
  });

  it('answers 400 to a signed body that is not an invalidation', async () => {
    const gateway = await cachingGateway({ invalidationSecret: secret });
    const body = '{"purge":"everything"}';
    const response = await deliver(gateway, body, signBody(body, secret));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('is not served without a secret', async () => {
    const gateway = await cachingGateway();
    const body = invalidation('Product:p1');
    expect((await deliver(gateway, body, signBody(body, secret))).status).toBe(404);
  });
});

describe('GET /health', () => {
  it('reports the memory cache beside the subgraphs', async () => {
    const gateway = await cachingGateway({ invalidationSecret: randomSecret() });
    await ask(gateway, PRODUCT);
    const health = (await (await fetch(`${gateway.url}/health`)).json()) as Record<string, any>;
    expect(health.status).toBe('pass');
    // Two fetches, and the whole answer they made.
    expect(health.cache).toEqual({ status: 'pass', memory: { entries: 3, bytes: expect.any(Number) }, invalidations: 'signed route' });
  });
});

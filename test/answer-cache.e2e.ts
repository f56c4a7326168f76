import { allow, deny } from 'graphql-shield';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayMetrics, type GatewayMetrics } from '../gateway/metrics/gateway-metrics.js';
import type { GatewayOptions } from '../gateway/server.js';
import { INVALIDATION_ROUTE } from '../lib/invalidation/message.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { SIGNATURE_HEADER, signBody } from '../lib/signing/signed-body.js';
import type { AccessPolicy } from '../policies/access/policy.js';
import { holds, signedIn } from '../policies/access/rules.js';
import { ask, PUBLIC, startCacheableSupergraph, startCachingGateway, testClock, type CacheableSupergraph } from './fixtures/cacheable-supergraph.js';
import { samples } from './support/prometheus-text.js';
import { authAs } from './support/tokens.js';

/**
 * Whole answers of public queries, reused: counted in the gateway's own metrics (`cache="response"`),
 * since the fetch cache alone would also spare the subgraphs. Real subgraphs behind cache proxies.
 */
const PRODUCT = '{ product(id: "p1") { id name price } }';
const KETTLE = { product: { id: 'p1', name: 'Kettle', price: 30 } };
const secret = randomSecret();

/** A policy over the small supergraph: prices only for the pricing team, sessions only when signed in. */
const policy: AccessPolicy = {
  fallbackRule: deny,
  rules: {
    Query: { product: allow, products: allow, session: signedIn },
    Mutation: { rename: allow },
    Product: { id: allow, name: allow, price: holds('pricing:read') },
    Session: { token: allow },
  },
};

let supergraph: CacheableSupergraph;
let clock: ReturnType<typeof testClock>;
let metrics: GatewayMetrics;
const gatewayWith = (options: Partial<GatewayOptions> = {}) =>
  startCachingGateway(supergraph, { cache: { now: clock.now, invalidationSecret: secret }, metrics: { registry: metrics }, ...options });
const answerCache = async () => samples(await metrics.render(), 'gateway_cache_').filter((line) => line.includes('cache="response"'));
const hitsAndMisses = (hits: number, misses: number) => [
  ...(hits ? [`gateway_cache_hits_total{cache="response"} ${hits}`] : []),
  ...(misses ? [`gateway_cache_misses_total{cache="response"} ${misses}`] : []),
];

beforeAll(async () => {
  supergraph = await startCacheableSupergraph();
});
afterAll(() => supergraph?.close());
beforeEach(() => {
  supergraph.reset();
  clock = testClock();
  metrics = createGatewayMetrics();
});

describe('with the access policy off', () => {
  it('reuses a public answer whole for every principal, for what is left of its max-age', async () => {
    const gateway = await gatewayWith();
    expect((await ask(gateway, PRODUCT)).data).toEqual(KETTLE);
    clock.advance(20);
    const anonymous = await ask(gateway, PRODUCT);
    const customer = await ask(gateway, PRODUCT, await authAs({ kind: 'customer', id: 'C0001' }));
    expect([anonymous.data, customer.data]).toEqual([KETTLE, KETTLE]);
    expect(anonymous.cacheControl).toBe(`max-age=${PUBLIC.maxAge - 20}, public`);
    expect(customer.cacheControl).toBe('no-store');
    expect(await answerCache()).toEqual(hitsAndMisses(2, 1));
  });

  it('keeps no answer with a private part', async () => {
    const gateway = await gatewayWith();
    const headers = await authAs({ kind: 'customer', id: 'C0001' });
    const query = '{ product(id: "p1") { name } session { token } }';
    const first = await ask(gateway, query, headers);
    const second = await ask(gateway, query, headers);
    // The fetch cache keeps the session for this customer; no whole answer was kept or served.
    expect(second.data).toEqual(first.data);
    expect(await answerCache()).toEqual(hitsAndMisses(0, 2));
  });

  it('is not served past its max-age: the fetch cache answers then, saying what is stale', async () => {
    const gateway = await gatewayWith();
    await ask(gateway, PRODUCT);
    clock.advance(PUBLIC.maxAge + 1);
    const answer = await ask(gateway, PRODUCT);
    expect(answer.data).toEqual(KETTLE);
    expect(answer.extensions?.stale?.map((stale) => stale.reason)).toEqual(['stale-while-revalidate', 'stale-while-revalidate']);
    expect(await answerCache()).toEqual(hitsAndMisses(0, 2));
  });

  it('is dropped by an invalidation of any entity in it, and never served again', async () => {
    const gateway = await gatewayWith();
    await ask(gateway, PRODUCT);
    supergraph.names.set('p1', 'Kettle Pro');
    const body = JSON.stringify({ tags: ['Product:p1'] });
    const delivered = await fetch(`${gateway.url}${INVALIDATION_ROUTE}`, { method: 'POST', headers: { [SIGNATURE_HEADER]: signBody(body, secret) }, body });
    expect(delivered.status).toBe(204);
    expect((await ask(gateway, PRODUCT)).data).toEqual({ product: { ...KETTLE.product, name: 'Kettle Pro' } });
    expect(await answerCache()).toEqual(hitsAndMisses(0, 2));
  });

  it('keeps no answer that carries an error', async () => {
    const gateway = await gatewayWith();
    supergraph.proxies.pricing.mode = 503;
    expect((await ask(gateway, PRODUCT)).errors).toHaveLength(1);
    supergraph.proxies.pricing.mode = 'forward';
    expect((await ask(gateway, PRODUCT)).data).toEqual(KETTLE);
    expect(await answerCache()).toEqual(hitsAndMisses(0, 2));
  });
});

describe('with an access policy', () => {
  it('reuses answers of operations open to everyone', async () => {
    const gateway = await gatewayWith({ policy });
    const query = '{ product(id: "p1") { id name } }';
    await ask(gateway, query);
    const again = await ask(gateway, query, await authAs({ kind: 'agent', id: 'bot', scopes: [] }));
    expect(again.data).toEqual({ product: { id: 'p1', name: 'Kettle' } });
    expect(await answerCache()).toEqual(hitsAndMisses(1, 1));
  });

  it('never reuses one that selects a field a rule guards: each principal gets its own verdict', async () => {
    const gateway = await gatewayWith({ policy });
    const pricingTeam = await ask(gateway, PRODUCT, await authAs({ kind: 'agent', id: 'pricer', scopes: ['pricing:read'] }));
    expect(pricingTeam.data).toEqual(KETTLE);
    const anonymous = await ask(gateway, PRODUCT);
    expect(anonymous.data).toEqual({ product: { id: 'p1', name: 'Kettle', price: null } });
    expect(anonymous.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['FORBIDDEN', ['product', 'price']]]);
    expect(await answerCache()).toEqual([]);
  });
});

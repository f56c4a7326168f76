import { describe, expect, it } from 'vitest';
import { fetchKeys, type SubgraphFetch } from '../gateway/cache/cache-key.js';
import { cachePolicyOf, lifetimeMs, MAX_LIFETIME_MS } from '../gateway/cache/cache-policy.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe("a subgraph answer's cache policy", () => {
  it('reads max-age, scope, both stale windows and the entity tags', () => {
    const policy = cachePolicyOf(
      headers({
        'cache-control': 'max-age=60, Private, stale-while-revalidate=30, stale-if-error="600"',
        'cache-tag': 'Product:P0042  Stock:SKU-10001-01 Availability:SKU-10001,EU',
      }),
    );
    expect(policy).toEqual({
      maxAgeSeconds: 60,
      scope: 'private',
      staleWhileRevalidateSeconds: 30,
      staleIfErrorSeconds: 600,
      tags: ['Product:P0042', 'Stock:SKU-10001-01', 'Availability:SKU-10001,EU'],
    });
    expect(lifetimeMs(policy!)).toBe(660_000);
  });

  it('is public unless private, and untagged without Cache-Tag', () => {
    expect(cachePolicyOf(headers({ 'cache-control': 'max-age=5' }))).toMatchObject({ scope: 'public', tags: [] });
  });

  it.each([
    ['no Cache-Control', {}],
    ['no-store', { 'cache-control': 'no-store' }],
    ['no-cache', { 'cache-control': 'max-age=60, no-cache' }],
    ['max-age=0 and no stale window', { 'cache-control': 'max-age=0, public' }],
    ['a max-age that is not a number', { 'cache-control': 'max-age=soon' }],
  ])('keeps nothing with %s', (_name, values: Record<string, string>) => {
    expect(cachePolicyOf(headers(values))).toBeNull();
  });

  it('serves an answer of max-age=0 stale if its windows say so', () => {
    expect(cachePolicyOf(headers({ 'cache-control': 'max-age=0, stale-if-error=60' }))).toMatchObject({ maxAgeSeconds: 0, staleIfErrorSeconds: 60 });
  });

  it('bounds every lifetime, whatever a subgraph says', () => {
    expect(lifetimeMs(cachePolicyOf(headers({ 'cache-control': 'max-age=31536000' }))!)).toBe(MAX_LIFETIME_MS);
  });
});

describe('the keys of a subgraph fetch', () => {
  const fetch: SubgraphFetch = {
    subgraph: 'pim',
    query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}',
    variables: { representations: [{ __typename: 'Product', id: 'P0001' }], region: 'EU' },
    principal: { kind: 'anonymous' },
  };

  it('are the same for the same variables in any key order, and differ by subgraph, document and variables', () => {
    const reordered = { ...fetch, variables: { region: 'EU', representations: [{ id: 'P0001', __typename: 'Product' }] } };
    expect(fetchKeys(reordered)).toEqual(fetchKeys(fetch));
    expect(fetchKeys(fetch).shared.startsWith('pim:')).toBe(true);
    const others = [
      { ...fetch, subgraph: 'commerce' },
      { ...fetch, query: `${fetch.query} ` },
      { ...fetch, variables: { ...fetch.variables, region: 'UK' } },
      { ...fetch, variables: { ...fetch.variables, representations: [{ __typename: 'Product', id: 'P0002' }] } },
    ];
    for (const other of others) expect(fetchKeys(other).shared).not.toBe(fetchKeys(fetch).shared);
  });

  it('give the anonymous principal no personal key, and one flight with everyone anonymous', () => {
    expect(fetchKeys(fetch)).toEqual({ shared: fetchKeys(fetch).shared, flight: fetchKeys(fetch).shared });
  });

  it('give every other principal a personal key of its own: id, roles, scopes and the customer an agent acts for', () => {
    const principals: SubgraphFetch['principal'][] = [
      { kind: 'customer', id: 'C0001' },
      { kind: 'customer', id: 'C0002' },
      { kind: 'staff', id: 'C0001', roles: ['service'] },
      { kind: 'staff', id: 'C0001', roles: ['service', 'pricing'] },
      { kind: 'agent', id: 'bot', scopes: ['cart:read'] },
      { kind: 'agent', id: 'bot', scopes: ['cart:read'], onBehalfOf: 'C0001' },
      { kind: 'agent', id: 'bot', scopes: ['cart:read', 'orders:read'], onBehalfOf: 'C0001' },
    ];
    const keys = principals.map((principal) => fetchKeys({ ...fetch, principal }));
    for (const key of keys) expect(key).toMatchObject({ shared: fetchKeys(fetch).shared, flight: key.personal });
    expect(new Set(keys.map((key) => key.personal)).size).toBe(principals.length);
    const sameScopesReordered = fetchKeys({ ...fetch, principal: { kind: 'agent', id: 'bot', scopes: ['orders:read', 'cart:read'], onBehalfOf: 'C0001' } });
    expect(sameScopesReordered.personal).toBe(keys[6]!.personal);
  });
});

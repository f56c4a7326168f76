import { beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * The fetch cache on the whole product (memory only), with the freshness our subgraphs declare:
 * a warm listing page asks no vendor, and with a vendor stopped it still renders, from stale, saying so.
 */
const LISTING = `{ products(first: 3) { nodes { id name price(region: "EU") { amount currency } availability(region: "EU") { inStock } } } }`;

describe('the product listing page through the fetch cache', () => {
  const clock = testClock();
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ cache: { now: clock.now } });
  });

  it('asks no vendor once warm', async () => {
    const cold = await graphql(stack.gateway.url, LISTING);
    const calls = await stack.vendorCalls();
    expect(calls).toBeGreaterThan(0);
    const warm = await graphql(stack.gateway.url, LISTING);
    expect(warm.data).toEqual(cold.data);
    expect(await stack.vendorCalls()).toBe(calls);
  });

  it('renders from stale with the PIM vendor stopped, naming what was stale and why', async () => {
    const fresh = await graphql(stack.gateway.url, LISTING);
    await stack.vendors.pim.close();
    clock.advance(3_600);
    const answer = await graphql(stack.gateway.url, LISTING);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(fresh.data);
    expect(answer.extensions?.stale).toContainEqual({ path: ['products'], subgraph: 'pim', ageSeconds: 3_600, reason: 'stale-if-error' });
  });
});

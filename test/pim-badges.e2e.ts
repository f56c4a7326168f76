import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../lib/invalidation/http-transport.js';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { createPimHttpAdapter } from '../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../subgraphs/pim/server.js';
import { createPimSimulator } from '../vendors/pim/simulator.js';
import { seedData } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startInvalidationReceiver, type InvalidationReceiver } from './support/invalidation-receivers.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/** Badges the steps put on products, as the storefront then reads them; and a product's main category. */
const seed = seedData();
const twoCategories = seed.products.find((product) => product.categories.length > 1)!;

let vendor: StartedSimulator;
let url: string;
let receiver: InvalidationReceiver;

beforeAll(async () => {
  const secret = randomSecret();
  receiver = await startInvalidationReceiver(secret);
  vendor = await startSimulator('pim', createPimSimulator);
  const invalidations = createTagPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret }), () => {});
  url = (await startGraphQL(createPimSubgraph(createPimHttpAdapter({ baseUrl: vendor.url }), { internalCallSecret: TEST_INTERNAL_CALL_SECRET, invalidations }))).url;
});

beforeEach(async () => {
  await vendor.admin.reset();
});

const SET = 'mutation ($productId: ID!, $badge: String!, $reference: String!) { setProductBadge(productId: $productId, badge: $badge, reference: $reference) { reference productId badge status } }';
const REMOVE = 'mutation ($reference: String!) { removeProductBadge(reference: $reference) { reference undone } }';
const reference = () => `${randomUUID()}:badge`;

/** Runs a step that must succeed; its result, and the tags it published. */
async function step(query: string, variables: Record<string, unknown>) {
  const before = receiver.received.length;
  const answer = await internalGraphql(url, query, variables);
  expect(answer.errors).toBeUndefined();
  return { result: Object.values(answer.data!)[0], tags: receiver.received.slice(before).map((invalidation) => invalidation.tags) };
}

async function badgeOf(productId: string) {
  const answer = await graphql(url, 'query ($id: ID!) { product(id: $id) { badge attributes { key } } }', { id: productId });
  return answer.data!.product;
}

describe('setProductBadge / removeProductBadge', () => {
  it('the badge shows on the product while it is on (not as an attribute); removing it takes it off', async () => {
    const ref = reference();
    const set = await step(SET, { productId: 'P0006', badge: 'SALE', reference: ref });
    expect(set).toEqual({ result: { reference: ref, productId: 'P0006', badge: 'SALE', status: 'SET' }, tags: [['Product:SKU-10006', 'Product:*']] });
    const shown = await badgeOf('P0006');
    expect(shown.badge).toBe('SALE');
    expect(shown.attributes.map((attribute: { key: string }) => attribute.key)).not.toContain('badge');
    expect((await graphql(url, '{ productBySku(sku: "SKU-10006") { badge } }')).data).toEqual({ productBySku: { badge: 'SALE' } });

    expect((await step(SET, { productId: 'P0006', badge: 'SALE', reference: ref })).tags).toEqual([]);
    expect(await step(REMOVE, { reference: ref })).toEqual({ result: { reference: ref, undone: true }, tags: set.tags });
    expect((await badgeOf('P0006')).badge).toBeNull();
    expect(await step(SET, { productId: 'P0006', badge: 'SALE', reference: ref })).toEqual({ result: { ...set.result, status: 'REMOVED' }, tags: [] });
  });

  it("the latest step's badge shows; removing it puts back the one before, whichever is removed first", async () => {
    const [first, second] = [reference(), reference()];
    await step(SET, { productId: 'P0008', badge: 'NEW', reference: first });
    await step(SET, { productId: 'P0008', badge: '-20%', reference: second });
    expect((await badgeOf('P0008')).badge).toBe('-20%');
    await step(REMOVE, { reference: second });
    expect((await badgeOf('P0008')).badge).toBe('NEW');
    await step(SET, { productId: 'P0008', badge: 'LAST CHANCE', reference: second });
    expect((await badgeOf('P0008')).badge).toBe('NEW');
    await step(REMOVE, { reference: first });
    expect((await badgeOf('P0008')).badge).toBeNull();
  });

  it('refuses a product the PIM does not have (reason UNKNOWN_PRODUCT), and writes nothing', async () => {
    const answer = await internalGraphql(url, SET, { productId: 'P9999', badge: 'SALE', reference: reference() });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PRODUCT' });
    expect(await vendor.admin.effects()).toEqual([]);
  });

  it.each([
    ['an empty badge', { badge: ' ' }],
    ['a badge over 40 characters', { badge: 'B'.repeat(41) }],
    ['an empty reference', { reference: '' }],
  ])('refuses %s before calling the PIM', async (_case, change) => {
    const answer = await internalGraphql(url, SET, { productId: 'P0006', badge: 'SALE', reference: reference(), ...change });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await vendor.admin.calls()).total).toBe(0);
  });
});

describe('Product.category', () => {
  it('is the first category the product is filed in, for anyone', async () => {
    const answer = await graphql(url, 'query ($id: ID!) { product(id: $id) { category { path } categories { path } } }', { id: twoCategories.id });
    expect(answer.data!.product).toEqual({
      category: { path: twoCategories.categories[0] },
      categories: twoCategories.categories.map((path) => ({ path })),
    });
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../lib/invalidation/http-transport.js';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { INTERNAL_CALL_HEADER, signInternalCall } from '../lib/subgraph/internal-calls.js';
import { createCommercetoolsAdapter } from '../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../subgraphs/commerce/server.js';
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { CURRENCY_BY_REGION, REGIONS, seedData, type Region, type SeedProduct } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startInvalidationReceiver, type InvalidationReceiver } from './support/invalidation-receivers.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/** What the commerce steps do to orders and prices, as the storefront and the orchestrator then read them. */
const seed = seedData();
const onSale = seed.products.find((product) => product.prices.EU.sale !== null)!;
const atList = seed.products.find((product) => product.prices.EU.sale === null)!;
const masterSku = (product: SeedProduct) => product.variants[0]!.sku;
const cents = (amount: number) => amount / 100;

let vendor: StartedSimulator;
let url: string;
let receiver: InvalidationReceiver;

beforeAll(async () => {
  const secret = randomSecret();
  receiver = await startInvalidationReceiver(secret);
  vendor = await startSimulator('commerce', createCommerceSimulator);
  const invalidations = createTagPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret }), () => {});
  const subgraph = createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: vendor.url }), { internalCallSecret: TEST_INTERNAL_CALL_SECRET, invalidations });
  url = (await startGraphQL(subgraph)).url;
});

beforeEach(async () => {
  await vendor.admin.reset();
});

const reference = (step: string) => `${randomUUID()}:${step}`;

/** Runs a step that must succeed; its result, and the tags it published. */
async function step(query: string, variables: Record<string, unknown>) {
  const before = receiver.received.length;
  const answer = await internalGraphql(url, query, variables);
  expect(answer.errors).toBeUndefined();
  return { result: Object.values(answer.data!)[0], tags: receiver.received.slice(before).map((invalidation) => invalidation.tags) };
}

async function refusal(query: string, variables: Record<string, unknown>) {
  const answer = await internalGraphql(url, query, variables);
  expect(answer.data).toBeNull();
  return answer.errors![0]!.extensions;
}

async function priceOf(productId: string, region: Region = 'EU') {
  const query = 'query ($reps: [_Any!]!, $region: String) { _entities(representations: $reps) { ... on Product { price(region: $region) { amount onSale list { amount } sale { amount } } } } }';
  const answer = await graphql(url, query, { reps: [{ __typename: 'Product', id: productId }], region });
  return answer.data!._entities[0].price;
}

const CREATE_ORDER = `mutation ($reference: String!, $customerId: ID!, $region: String!, $lines: [OrderLineInput!]!) {
  createOrder(reference: $reference, customerId: $customerId, region: $region, lines: $lines) { id customerId status region total { amount currency } lines { quantity variant { sku } unitPrice { amount } } }
}`;
const CANCEL_ORDER = 'mutation ($reference: String!) { cancelOrder(reference: $reference) { reference undone } }';
const SET_PRICE = `mutation ($sku: String!, $region: String!, $amount: Float!, $reference: String!) {
  setPrice(sku: $sku, region: $region, amount: $amount, reference: $reference) { reference productId sku region price { amount currency } previous { amount currency } status }
}`;
const RESTORE_PRICE = 'mutation ($reference: String!) { restorePrice(reference: $reference) { reference undone } }';
const CREATE_DISCOUNT = `mutation ($reference: String!, $skus: [String!]!, $percent: Float!, $validUntil: String!) {
  createProductDiscount(reference: $reference, skus: $skus, percent: $percent, validUntil: $validUntil) { reference skus productIds percent validUntil status }
}`;
const REMOVE_DISCOUNT = 'mutation ($reference: String!) { removeProductDiscount(reference: $reference) { reference undone } }';
const INTERNAL_PRICE = 'query ($sku: String!, $region: String!) { internalPrice(sku: $sku, region: $region) { sku productId region amount currency list { amount currency } sale { amount } cost { amount currency } } }';

describe('createOrder / cancelOrder', () => {
  it("places the order at the region's price now, numbered by its reference; the storefront reads it, CANCELLED once cancelled", async () => {
    const ref = reference('order');
    const lines = [{ sku: masterSku(atList), quantity: 3 }];
    const placed = await step(CREATE_ORDER, { reference: ref, customerId: 'C0005', region: 'US', lines });
    expect(placed.result).toEqual({
      id: ref, customerId: 'C0005', status: 'PLACED', region: 'US',
      total: { amount: cents(3 * atList.prices.US.list), currency: 'USD' },
      lines: [{ quantity: 3, variant: { sku: masterSku(atList) }, unitPrice: { amount: cents(atList.prices.US.list) } }],
    });
    expect(placed.tags).toEqual([[`Order:${ref}`, 'Customer:C0005', 'Order:*', 'Customer:*']]);
    const orders = await graphql(url, 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { orders(first: 1) { id } } } }', { reps: [{ __typename: 'Customer', id: 'C0005' }] });
    expect(orders.data!._entities[0].orders).toEqual([{ id: ref }]);

    expect((await step(CREATE_ORDER, { reference: ref, customerId: 'C0005', region: 'US', lines })).tags).toEqual([]);
    expect(await step(CANCEL_ORDER, { reference: ref })).toEqual({ result: { reference: ref, undone: true }, tags: placed.tags });
    expect((await step(CANCEL_ORDER, { reference: ref })).tags).toEqual([]);
    expect((await graphql(url, 'query ($id: ID!) { order(id: $id) { status } }', { id: ref })).data).toEqual({ order: { status: 'CANCELLED' } });
  });

  it('names the SKUs the platform does not sell (reason UNKNOWN_SKU), and orders nothing', async () => {
    const ref = reference('order');
    const lines = [{ sku: masterSku(atList), quantity: 1 }, { sku: 'SKU-99999-01', quantity: 1 }];
    const refused = await refusal(CREATE_ORDER, { reference: ref, customerId: 'C0005', region: 'EU', lines });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SKU', skus: ['SKU-99999-01'] });
    expect(await vendor.admin.effects(ref)).toEqual([]);
  });

  it.each([
    ['no lines', { lines: [] }],
    ['a quantity of 0', { lines: [{ sku: masterSku(atList), quantity: 0 }] }],
    ['an unknown region', { region: 'MARS' }],
    ['a reference over 200 characters', { reference: 'r'.repeat(201) }],
  ])('refuses %s before calling the platform', async (_case, change) => {
    const variables = { reference: reference('order'), customerId: 'C0005', region: 'EU', lines: [{ sku: masterSku(atList), quantity: 1 }], ...change };
    expect(await refusal(CREATE_ORDER, variables)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await vendor.admin.calls()).total).toBe(0);
  });
});

describe('setPrice / restorePrice', () => {
  it('sets the list price and ends the sale; restoring puts the price customers paid back', async () => {
    const before = await priceOf(onSale.id);
    expect(before).toEqual({ amount: cents(onSale.prices.EU.sale!), onSale: true, list: { amount: cents(onSale.prices.EU.list) }, sale: { amount: cents(onSale.prices.EU.sale!) } });
    const ref = reference('price');
    const set = await step(SET_PRICE, { sku: masterSku(onSale), region: 'EU', amount: 39.99, reference: ref });
    expect(set.result).toEqual({
      reference: ref, productId: onSale.id, sku: masterSku(onSale), region: 'EU',
      price: { amount: 39.99, currency: 'EUR' }, previous: { amount: cents(onSale.prices.EU.sale!), currency: 'EUR' }, status: 'APPLIED',
    });
    expect(set.tags).toEqual([[`Product:${onSale.id}`, 'Product:*']]);
    expect(await priceOf(onSale.id)).toEqual({ amount: 39.99, onSale: false, list: { amount: 39.99 }, sale: null });
    expect(await priceOf(onSale.id, 'US')).toMatchObject({ amount: cents(onSale.prices.US.sale!) });

    expect(await step(RESTORE_PRICE, { reference: ref })).toEqual({ result: { reference: ref, undone: true }, tags: set.tags });
    expect(await priceOf(onSale.id)).toEqual(before);
  });

  it('the latest change sets the price; undoing an earlier one leaves the later in place', async () => {
    const [first, second] = [reference('price'), reference('price')];
    await step(SET_PRICE, { sku: masterSku(atList), region: 'UK', amount: 20, reference: first });
    await step(SET_PRICE, { sku: masterSku(atList), region: 'UK', amount: 15, reference: second });
    await step(RESTORE_PRICE, { reference: first });
    expect(await priceOf(atList.id, 'UK')).toMatchObject({ amount: 15, onSale: false });
    await step(RESTORE_PRICE, { reference: second });
    expect(await priceOf(atList.id, 'UK')).toMatchObject({ amount: cents(atList.prices.UK.list), onSale: false });
  });

  it('refuses an unknown SKU (reason UNKNOWN_SKU) and an amount in fractions of a cent, changing nothing', async () => {
    const ref = reference('price');
    expect(await refusal(SET_PRICE, { sku: 'SKU-99999-01', region: 'EU', amount: 10, reference: ref })).toMatchObject({ reason: 'UNKNOWN_SKU', skus: ['SKU-99999-01'] });
    expect(await refusal(SET_PRICE, { sku: masterSku(atList), region: 'EU', amount: 10.005, reference: ref })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await vendor.admin.effects()).toEqual([]);
  });
});

describe('createProductDiscount / removeProductDiscount', () => {
  it('takes the percent off the list price in every region while it is on; a lower sale price stays; removing it ends it', async () => {
    const before = await Promise.all(REGIONS.map((region) => priceOf(atList.id, region)));
    const ref = reference('discount');
    const skus = [masterSku(atList), masterSku(onSale)];
    const created = await step(CREATE_DISCOUNT, { reference: ref, skus, percent: 10, validUntil: '2031-01-01' });
    expect(created.result).toEqual({ reference: ref, skus, productIds: [atList.id, onSale.id], percent: 10, validUntil: '2031-01-01T00:00:00.000Z', status: 'ACTIVE' });
    expect(created.tags).toEqual([[`Product:${atList.id}`, `Product:${onSale.id}`, 'Product:*']]);
    for (const region of REGIONS) {
      const discounted = cents(Math.round(atList.prices[region].list * 0.9));
      expect(await priceOf(atList.id, region)).toEqual({ amount: discounted, onSale: true, list: { amount: cents(atList.prices[region].list) }, sale: { amount: discounted } });
    }
    expect(await priceOf(onSale.id)).toMatchObject({ amount: cents(onSale.prices.EU.sale!) });

    expect(await step(REMOVE_DISCOUNT, { reference: ref })).toEqual({ result: { reference: ref, undone: true }, tags: created.tags });
    expect(await Promise.all(REGIONS.map((region) => priceOf(atList.id, region)))).toEqual(before);
  });

  it('beats a sale price when it takes more off', async () => {
    const ref = reference('discount');
    await step(CREATE_DISCOUNT, { reference: ref, skus: [masterSku(onSale)], percent: 30, validUntil: '2031-01-01T00:00:00Z' });
    expect(await priceOf(onSale.id)).toMatchObject({ amount: cents(Math.round(onSale.prices.EU.list * 0.7)), onSale: true });
    await step(REMOVE_DISCOUNT, { reference: ref });
  });

  it('names the SKUs the platform does not sell (reason UNKNOWN_SKU), refuses a past validUntil, and creates nothing', async () => {
    const ref = reference('discount');
    const unknown = await refusal(CREATE_DISCOUNT, { reference: ref, skus: [masterSku(atList), 'SKU-99999-01'], percent: 10, validUntil: '2031-01-01' });
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SKU', skus: ['SKU-99999-01'] });
    const past = await refusal(CREATE_DISCOUNT, { reference: ref, skus: [masterSku(atList)], percent: 10, validUntil: '2020-01-01' });
    expect(past).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await vendor.admin.effects()).toEqual([]);
  });
});

describe('internalPrice', () => {
  it.each(REGIONS)('gives the price customers pay in %s and the unit cost in its currency', async (region) => {
    const { list, sale } = onSale.prices[region];
    const cost = Math.round((onSale.costEurCents * list) / onSale.prices.EU.list);
    const currency = CURRENCY_BY_REGION[region];
    const answer = await internalGraphql(url, INTERNAL_PRICE, { sku: masterSku(onSale), region });
    expect(answer.data!.internalPrice).toEqual({
      sku: masterSku(onSale), productId: onSale.id, region, amount: cents(sale!), currency,
      list: { amount: cents(list), currency }, sale: { amount: cents(sale!) }, cost: { amount: cents(cost), currency },
    });
  });

  it('is null for a SKU the platform does not sell', async () => {
    expect((await internalGraphql(url, INTERNAL_PRICE, { sku: 'SKU-99999-01', region: 'EU' })).data).toEqual({ internalPrice: null });
  });

  it('is never cached', async () => {
    const body = JSON.stringify({ query: INTERNAL_PRICE, variables: { sku: masterSku(onSale), region: 'EU' } });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_CALL_HEADER]: signInternalCall(body, TEST_INTERNAL_CALL_SECRET) },
      body,
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

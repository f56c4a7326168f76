import { beforeAll, describe, expect, it } from 'vitest';
import { createCommercetoolsAdapter } from '../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../subgraphs/commerce/server.js';
import { createSalesforceAdapter } from '../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../subgraphs/crm/server.js';
import { createFulfillmentSubgraph } from '../subgraphs/fulfillment/server.js';
import { createWmsHttpAdapter } from '../subgraphs/fulfillment/wms-http-adapter.js';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../subgraphs/inventory/warehouse-adapter.js';
import { createPimHttpAdapter } from '../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../subgraphs/pim/server.js';
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { createDropshipSimulator } from '../vendors/dropship/simulator.js';
import { createPimSimulator } from '../vendors/pim/simulator.js';
import { seedData } from '../vendors/seed/index.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../vendors/wms/simulator.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/** Each subgraph states on every answer how long it stays fresh (`Cache-Control`) and which entities it holds (`Cache-Tag`). */
const DEFAULT_WINDOWS = 'stale-while-revalidate=60, stale-if-error=86400';
const urls = { pim: '', commerce: '', inventory: '', crm: '', fulfillment: '' };
let dropship: StartedSimulator;

beforeAll(async () => {
  const [pim, commerce, warehouse, storePos, crm, wms] = await Promise.all([
    startSimulator('pim', createPimSimulator),
    startSimulator('commerce', createCommerceSimulator),
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('crm', createCrmSimulator),
    startSimulator('wms', createWmsSimulator),
  ]);
  dropship = await startSimulator('dropship', createDropshipSimulator);
  const freshness = { staleWhileRevalidateS: 30, staleIfErrorS: 3600 };
  urls.pim = (await startGraphQL(createPimSubgraph(createPimHttpAdapter({ baseUrl: pim.url }), { freshness }))).url;
  urls.commerce = (await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: commerce.url })))).url;
  const stock = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: warehouse.url }),
    createStorePosAdapter({ baseUrl: storePos.url }),
    createDropshipAdapter({ baseUrl: dropship.url }),
  ]);
  urls.inventory = (await startGraphQL(createInventorySubgraph(stock))).url;
  urls.crm = (await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: crm.url })))).url;
  urls.fulfillment = (await startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter({ baseUrl: wms.url })))).url;
});

/** The caching headers of one answer, its tags as a list (none: no header). */
async function headersOf(subgraph: keyof typeof urls, query: string) {
  const response = await fetch(`${urls[subgraph]}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  const tags = response.headers.get('cache-tag');
  return { cacheControl: response.headers.get('cache-control'), tags: tags === null ? null : tags.split(' '), errors: body.errors };
}

const entities = (representation: string, selection: string) => `{ _entities(representations: [${representation}]) { ${selection} } }`;
const catalog = seedData().products;

describe('public product content: long-lived, shared', () => {
  it('a listing: 10 minutes, public, with the stale windows this subgraph was given, naming every product and variant', async () => {
    const answer = await headersOf('pim', '{ products(first: 2) { nodes { name variants { options { size } } } } }');
    expect(answer.cacheControl).toBe('max-age=600, public, stale-while-revalidate=30, stale-if-error=3600');
    const [first, second] = catalog;
    const expected = [first!, second!].flatMap((product) => [`Product:${product.id}`, `Product:${product.sku}`]);
    const variants = [first!, second!].flatMap((product) => product.variants.map((variant) => `ProductVariant:${variant.sku}`));
    expect(answer.tags).toEqual([...expected, ...variants]);
  });

  it('an entity fetch (`_entities`) is as cacheable as its type says', async () => {
    const answer = await headersOf('pim', entities('{ __typename: "Product", id: "P0001" }', '... on Product { name }'));
    expect(answer).toMatchObject({ cacheControl: 'max-age=600, public, stale-while-revalidate=30, stale-if-error=3600', tags: ['Product:P0001', 'Product:SKU-10001'] });
  });

  it('names a type by its type tag when it has too many entities to list', async () => {
    const answer = await headersOf('pim', '{ products(first: 100) { nodes { id variants { sku } } } }');
    expect(answer.tags).toContain('ProductVariant:*');
    expect(answer.tags).toContain('Product:P0100');
    expect(answer.tags!.join(' ').length).toBeLessThanOrEqual(4_096);
  });

  it('prices: a minute, public', async () => {
    const answer = await headersOf('commerce', entities('{ __typename: "Product", id: "P0042" }', '... on Product { price(region: "EU") { amount } }'));
    expect(answer).toMatchObject({ cacheControl: `max-age=60, public, ${DEFAULT_WINDOWS}`, tags: ['Product:P0042'] });
  });

  it('stock: 5 seconds, public, naming the stock read', async () => {
    const variant = await headersOf('inventory', entities('{ __typename: "ProductVariant", sku: "SKU-10001-01" }', '... on ProductVariant { availability(region: "EU") { available } }'));
    expect(variant).toMatchObject({ cacheControl: `max-age=5, public, ${DEFAULT_WINDOWS}`, tags: ['ProductVariant:SKU-10001-01', 'Stock:SKU-10001-01'] });
    const list = await headersOf('inventory', '{ stock(skus: ["SKU-10001-01", "SKU-10002-01"], region: "US") { available } }');
    expect(list).toMatchObject({ cacheControl: `max-age=5, public, ${DEFAULT_WINDOWS}`, tags: ['Stock:SKU-10001-01', 'Stock:SKU-10002-01'] });
  });

  it('delivery promises: 30 seconds, naming the warehouses whose capacity they were computed from; shipping options: a minute', async () => {
    const promise = await headersOf('fulfillment', entities('{ __typename: "Product", sku: "SKU-10001" }', '... on Product { deliveryPromise(region: "EU") { earliestDate } }'));
    expect(promise.cacheControl).toBe(`max-age=30, public, ${DEFAULT_WINDOWS}`);
    expect(promise.tags).toEqual(expect.arrayContaining(['Product:SKU-10001', 'Warehouse:WH-EU-HAM']));
    const options = await headersOf('fulfillment', '{ shippingOptions(region: "EU") { carrier } }');
    expect(options).toMatchObject({ cacheControl: `max-age=60, public, ${DEFAULT_WINDOWS}`, tags: null });
  });
});

describe('customer data: private, short-lived', () => {
  it('a profile: a minute, private', async () => {
    const answer = await headersOf('crm', '{ customer(id: "C0001") { name loyalty { tier } consent { email } } }');
    expect(answer).toMatchObject({ cacheControl: `max-age=60, private, ${DEFAULT_WINDOWS}`, tags: ['Customer:C0001'] });
  });

  it('a cart and orders: private, as fresh as the cart (10 seconds)', async () => {
    const answer = await headersOf('commerce', entities('{ __typename: "Customer", id: "C0001" }', '... on Customer { cart { id } orders(first: 1) { id } }'));
    expect(answer.cacheControl).toBe(`max-age=10, private, ${DEFAULT_WINDOWS}`);
    expect(answer.tags).toEqual(expect.arrayContaining(['Customer:C0001', 'Cart:CART-C0001']));
  });
});

describe('never stored', () => {
  it.each([
    ['a mutation (even one returning a cacheable type)', 'crm' as const, 'mutation { updateConsent(customerId: "C0005", consent: { sms: true }) { id name } }'],
    ['a cart change', 'commerce' as const, 'mutation { addCartItem(customerId: "C0006", sku: "SKU-10002-01", quantity: 1) { id } }'],
    ['an answer with an error', 'pim' as const, '{ products(first: 0) { nodes { id } } }'],
    ['the schema (`_service`)', 'pim' as const, '{ _service { sdl } }'],
    ['introspection', 'inventory' as const, '{ __schema { queryType { name } } }'],
  ])('%s: no-store, no tags', async (_, subgraph, query) => {
    expect(await headersOf(subgraph, query)).toMatchObject({ cacheControl: 'no-store', tags: null });
  });

  it('an answer from some of its sources only (one is down): no-store', async () => {
    await dropship.admin.setFaults({ failRate: 1 });
    try {
      const answer = await headersOf('inventory', '{ stock(skus: ["SKU-10001-01"], region: "EU") { available complete } }');
      expect(answer.errors).toHaveLength(1);
      expect(answer).toMatchObject({ cacheControl: 'no-store', tags: null });
    } finally {
      await dropship.admin.reset();
    }
  });
});

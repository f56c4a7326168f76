import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScratchDatabase, LOCAL_POSTGRES_URL, type ScratchDatabase } from '../lib/postgres/scratch-database.js';
import { seedData } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/** The composed supergraph, end to end: real simulators, real subgraphs, the real gateway, over HTTP. */
describe('the supergraph', () => {
  let stack: Stack;
  const seed = seedData();
  const customer = seed.customers[0]!;
  const cart = seed.carts.find((c) => c.customerId === customer.id)!;

  let database: ScratchDatabase;

  beforeAll(async () => {
    // The whole product, orchestration included: its PostgreSQL is needed here, never skipped.
    database = await createScratchDatabase(LOCAL_POSTGRES_URL, 'supergraph');
    stack = await startStack({}, { orchestration: { databaseUrl: database.url } });
  });
  afterAll(async () => {
    await stack?.orchestration?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await stack.resetVendors();
  });

  it('joins all five subgraphs in one query', async () => {
    const { status, data, errors } = await graphql(
      stack.gateway.url,
      `query ($id: ID!, $region: String!) {
        customer(id: $id) {
          name
          loyalty { tier points }
          cart {
            items {
              quantity
              product {
                id name
                price(region: $region) { amount currency }
                availability(region: $region) { available inStock }
                deliveryPromise(region: $region) { earliestDate }
              }
            }
          }
          orders(first: 2) { id status }
        }
      }`,
      { id: customer.id, region: cart.region },
      await authAs({ kind: 'customer', id: customer.id }),
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    const result = data!.customer;
    expect(result.name).toBe(`${customer.firstName} ${customer.lastName}`); // crm
    expect(result.loyalty).toEqual(customer.loyalty);
    expect(result.cart.items.map((i: any) => i.product.id)).toEqual(cart.items.map((i) => i.productId)); // commerce
    const first = result.cart.items[0].product;
    const product = seed.products.find((p) => p.id === first.id)!;
    expect(first.name).toBe(product.name.en); // pim
    expect(first.price.amount * 100).toBeCloseTo(product.prices[cart.region].sale ?? product.prices[cart.region].list);
    expect(typeof first.availability.available).toBe('number'); // inventory
    expect(first.deliveryPromise.earliestDate).toMatch(/^\d{4}-\d{2}-\d{2}$/); // fulfillment
    const orderIds = seed.orders.filter((o) => o.customerId === customer.id).map((o) => o.id);
    expect(result.orders.every((o: any) => orderIds.includes(o.id))).toBe(true);
  });

  it('batches entity fetches: a listing of 50 products costs each vendor at most two calls', async () => {
    const { data, errors } = await graphql(
      stack.gateway.url,
      `{ products(first: 50) { nodes { id name price { amount } availability(region: "EU") { available }
           deliveryPromise(region: "EU") { earliestDate } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.products.nodes).toHaveLength(50);
    for (const [name, vendor] of Object.entries(stack.vendors)) {
      const { total } = await vendor.admin.calls();
      expect({ name, total: Math.min(total, 2) }).toEqual({ name, total });
    }
  });

  it('answers an unknown product id with null and no error', async () => {
    const { status, data, errors } = await graphql(stack.gateway.url, '{ product(id: "P9999") { id name price { amount } } }');
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ product: null });
  });

  it('returns a partial result with a coded error at the right path when a vendor is down', async () => {
    await stack.vendors.commerce.admin.setFaults({ failRate: 1 });
    const { status, data, errors } = await graphql(
      stack.gateway.url,
      '{ product(id: "P0001") { id name price { amount } availability(region: "EU") { inStock } } }',
    );
    expect(status).toBe(200);
    expect(data!.product).toMatchObject({ id: 'P0001', name: seed.products[0]!.name.en, price: null });
    expect(typeof data!.product.availability.inStock).toBe('boolean');
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['product', 'price'],
      extensions: { code: 'VENDOR_UNAVAILABLE', vendor: 'commerce', serviceName: 'commerce' },
    });
  });

  it('rejects a malformed query with a standard parse error', async () => {
    const { status, errors } = await graphql(stack.gateway.url, '{ products(first: 2) { nodes { id }');
    expect(status).toBe(400);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects an unknown field with a standard validation error', async () => {
    const { status, errors } = await graphql(stack.gateway.url, '{ product(id: "P0001") { id colour } }');
    expect(status).toBe(400);
    expect(errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(errors![0]!.message).toContain('colour');
  });

  it('rejects a body that is not JSON with a coded error', async () => {
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('reports every subgraph reachable on GET /health', async () => {
    const health = (await (await fetch(`${stack.gateway.url}/health`)).json()) as Record<string, any>;
    expect(health.status).toBe('pass');
    expect(Object.keys(health.subgraphs).sort()).toEqual(['commerce', 'crm', 'fulfillment', 'inventory', 'orchestration', 'payments', 'pim']);
  });

  // Last: it stops a subgraph for good.
  it('keeps answering when a subgraph is down, naming it, and reports it on /health', async () => {
    await stack.subgraphs.inventory.close();
    const { status, data, errors } = await graphql(
      stack.gateway.url,
      '{ products(first: 2) { nodes { id availability(region: "EU") { inStock } } } }',
    );
    expect(status).toBe(200);
    expect(data!.products.nodes).toEqual([
      { id: 'P0001', availability: null },
      { id: 'P0002', availability: null },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['products', 'nodes'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' },
    });
    const health = (await (await fetch(`${stack.gateway.url}/health`)).json()) as Record<string, any>;
    expect(health.status).toBe('degraded');
    expect(health.subgraphs.inventory.reachable).toBe(false);
  });
});

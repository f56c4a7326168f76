import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayOptions } from '../gateway/server.js';
import type { RunningServer } from '../lib/service/listen.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { createRedisTransport } from '../lib/invalidation/redis-transport.js';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../subgraphs/inventory/warehouse-adapter.js';
import { seedData } from '../vendors/seed/index.js';
import { materialOf, plantCodes } from '../vendors/warehouse/mapping.js';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { graphql, type GraphQLResponse } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { redisIsUp, TEST_REDIS_URL } from './support/invalidation-receivers.js';
import { startGraphQL } from './support/servers.js';
import { startStack, type Stack, type VendorName } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * The whole product with two gateway instances sharing one Redis (a key prefix and a channel of this
 * file's own): its subgraphs publish what changed on that channel, and the simulators post signed
 * webhooks to their subgraphs. A change, reported by the vendor or made by a mutation through one
 * instance, reaches the next read through the other: the new data, never the invalidated entry.
 */
const FILE = 'test/degradation-invalidation.e2e.ts';
const redisUp = await redisIsUp(FILE);
const data = seedData();

interface Instance {
  gateway: RunningServer;
  /** The tags of each invalidation this instance applied, in order. */
  applied: string[][];
}

describe.runIf(redisUp)('a change reaches the next read through a second gateway instance sharing the Redis', () => {
  const clock = testClock();
  let stack: Stack;
  let a: Instance;
  let b: Instance;

  const channel = `degradation-invalidation:${randomUUID()}`;

  beforeAll(async () => {
    // What these tests check is sharing, not speed: a loaded test machine may take longer than production's 200 ms per command.
    const redis = { url: TEST_REDIS_URL, keyPrefix: `degradation-invalidation:${randomUUID()}:`, channel, commandTimeoutMs: 2_000 };
    const instance = async (start: (options: Partial<GatewayOptions>) => Promise<RunningServer>): Promise<Instance> => {
      const applied: string[][] = [];
      const gateway = await start({ cache: { redis, now: clock.now, onInvalidated: (tags) => applied.push(tags) } });
      await vi.waitFor(async () => expect((await health(gateway)).cache).toMatchObject({ redis: 'ready', invalidations: 'subscribed' }));
      return { gateway, applied };
    };
    a = await instance(async (options) => {
      stack = await startStack(options, { invalidations: { redisUrl: TEST_REDIS_URL, channel }, webhookSecret: randomSecret() });
      return stack.gateway;
    });
    b = await instance((options) => stack.startGateway(options));
  });

  /** Each simulator's call count so far. */
  const vendorCalls = async () =>
    Object.fromEntries(await Promise.all(Object.entries(stack.vendors).map(async ([name, vendor]) => [name, (await vendor.admin.calls()).total]))) as Record<VendorName, number>;
  /** What `read` cost each vendor, with its answer. */
  async function counted<T>(read: () => Promise<T>): Promise<{ answer: T; calls: Partial<Record<VendorName, number>> }> {
    const before = await vendorCalls();
    const answer = await read();
    const after = await vendorCalls();
    const calls = Object.fromEntries(Object.entries(after).filter(([name, count]) => count !== before[name as VendorName]).map(([name, count]) => [name, count - before[name as VendorName]]));
    return { answer, calls };
  }
  /** Waits until `instance` has applied an invalidation naming `tag` after its first `seen` ones. */
  const appliedAfter = (instance: Instance, seen: number, tag: string) =>
    vi.waitFor(() => expect(instance.applied.slice(seen).flat()).toContain(tag), { timeout: 5_000 });

  /** Another inventory subgraph over the stack's vendors, publishing on its channel, taking the orchestrator's signed steps. */
  async function startInventoryInstance(): Promise<RunningServer> {
    const { warehouse, storePos, dropship } = stack.vendors;
    const adapter = createCompositeInventoryAdapter([
      createWarehouseAdapter({ baseUrl: warehouse.url }),
      createStorePosAdapter({ baseUrl: storePos.url }),
      createDropshipAdapter({ baseUrl: dropship.url }),
    ]);
    const invalidations = createTagPublisher(createRedisTransport(TEST_REDIS_URL, { channel }));
    return startGraphQL(createInventorySubgraph(adapter, { invalidations, internalCallSecret: TEST_INTERNAL_CALL_SECRET }));
  }

  describe('a stock change posted by the warehouse as a signed webhook', () => {
    // A variant's stock row at an EU plant with sellable stock: more on hand is as much more available.
    const row = data.warehouseStock.find((stock) => stock.warehouseId === 'WH-EU-HAM' && stock.variantSku.startsWith('SKU-10011-') && stock.onHand - stock.allocated - stock.safetyStock > 0)!;
    const product = data.products.find((candidate) => candidate.variants.some((variant) => variant.sku === row.variantSku))!;
    const plant = plantCodes(data).get(row.warehouseId)!;
    const AVAILABILITY = `query ($id: ID!) { product(id: $id) { id availability(region: "EU") { available complete } } }`;
    const read = (instance: Instance) => graphql(instance.gateway.url, AVAILABILITY, { id: product.id });
    const availableIn = (answer: GraphQLResponse) => answer.data?.product.availability.available as number;

    it('is read through the second instance at once, fresh, for one call to each inventory vendor', async () => {
      const warm = await counted(() => read(a));
      expect(warm.answer.errors).toBeUndefined();
      expect(warm.answer.data?.product.availability.complete).toBe(true);
      expect(warm.calls).toEqual({ pim: 1, warehouse: 1, storePos: 1, dropship: 1 });

      const shared = await counted(() => read(b));
      expect(shared.answer).toEqual(warm.answer);
      expect(shared.calls).toEqual({});

      const seen = b.applied.length;
      const changed = await stack.vendors.warehouse.admin.change('stock', { material: materialOf(row.variantSku), plant, on_hand: row.onHand + 1_000 });
      expect(changed).toMatchObject({ webhook: { delivered: true, status: 200 } });
      await appliedAfter(b, seen, `Stock:${row.variantSku}`);
      await appliedAfter(a, seen, `Stock:${row.variantSku}`);
      clock.advance(1);

      const next = await counted(() => read(b));
      expect(next.answer.errors).toBeUndefined();
      expect(next.answer.extensions).toBeUndefined();
      expect(availableIn(next.answer)).toBe(availableIn(warm.answer) + 1_000);
      // Only the invalidated fetch is asked again: the product's pim data was not named by the change.
      expect(next.calls).toEqual({ warehouse: 1, storePos: 1, dropship: 1 });

      // What the second instance fetched, the first serves from Redis.
      const first = await counted(() => read(a));
      expect(first.answer).toEqual(next.answer);
      expect(first.calls).toEqual({});
    });

    it('is never served stale once invalidated, not even while the warehouse fails', async () => {
      const before = availableIn(await read(b));
      const seen = b.applied.length;
      const changed = await stack.vendors.warehouse.admin.change('stock', { material: materialOf(row.variantSku), plant, on_hand: row.onHand + 2_000 });
      expect(changed).toMatchObject({ webhook: { delivered: true, status: 200 } });
      await appliedAfter(b, seen, `Stock:${row.variantSku}`);
      await stack.vendors.warehouse.admin.setFaults({ failRate: 1, failStatus: 503 });
      try {
        // Past max-age (5 s), well within the stale windows: only the invalidation keeps the entry from being served.
        clock.advance(30);
        const answer = await read(b);
        expect(answer.extensions).toBeUndefined();
        expect(answer.data?.product.availability.complete).toBe(false);
        expect(availableIn(answer)).toBeLessThan(before);
        expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.vendor])).toEqual([['VENDOR_UNAVAILABLE', 'warehouse']]);
      } finally {
        await stack.vendors.warehouse.admin.setFaults({});
      }
      clock.advance(1);
      const recovered = await read(b);
      expect(recovered.extensions).toBeUndefined();
      expect(availableIn(recovered)).toBe(before + 1_000);
    });
  });

  describe('a change made by a mutation through one instance', () => {
    /** Customers with a cart, and without one (each test its own). */
    const customers = (hasCart: boolean) => data.customers.filter((customer) => data.carts.some((cart) => cart.customerId === customer.id) === hasCart).map(({ id }) => id);
    const CART = `query ($id: ID!) { customer(id: $id) { id cart { id items { quantity variant { sku } } } } }`;
    const ADD = 'mutation ($customerId: ID!, $sku: String!) { addCartItem(customerId: $customerId, sku: $sku, quantity: 2) { id } }';
    const quantityOf = (answer: GraphQLResponse, sku: string) =>
      (answer.data?.customer.cart?.items as { quantity: number; variant: { sku: string } }[] | undefined)?.find((item) => item.variant.sku === sku)?.quantity;

    it.each([
      ['a cart', true],
      ['no cart yet', false],
    ])("the customer's cart (private), for a customer with %s: the item added is in the next read through the other", async (_, hasCart) => {
      const customerId = customers(hasCart)[0]!;
      const me = await authAs({ kind: 'customer', id: customerId });
      const read = (instance: Instance) => graphql(instance.gateway.url, CART, { id: customerId }, me);
      const sku = 'SKU-10042-01';

      const warm = await counted(() => read(a));
      expect(warm.answer.errors).toBeUndefined();
      expect(quantityOf(warm.answer, sku)).toBeUndefined();
      const shared = await counted(() => read(b));
      expect(shared.answer).toEqual(warm.answer);
      expect(shared.calls).toEqual({});

      const seen = b.applied.length;
      const added = await graphql(a.gateway.url, ADD, { customerId, sku }, me);
      expect(added.errors).toBeUndefined();
      await appliedAfter(b, seen, `Customer:${customerId}`);
      clock.advance(1);

      const next = await counted(() => read(b));
      expect(next.answer.errors).toBeUndefined();
      expect(next.answer.extensions).toBeUndefined();
      expect(quantityOf(next.answer, sku)).toBe(2);
      expect(next.calls).toEqual({ crm: 1, commerce: 1 });
    });

    // A `cart(id)` that finds nothing is cached too: it must carry the tag of the cart it looked for,
    // or the `Cart:CART-<customer>` that the first item's mutation publishes names no entry.
    it('a cart looked up by id before it exists: the cart the first item created is in the next read through the other', async () => {
      const customerId = customers(false)[1]!;
      const me = await authAs({ kind: 'customer', id: customerId });
      const BY_ID = `query ($id: ID!) { cart(id: $id) { id items { quantity variant { sku } } } }`;
      const read = (instance: Instance) => graphql(instance.gateway.url, BY_ID, { id: `CART-${customerId}` }, me);
      expect((await read(a)).data).toEqual({ cart: null });
      expect((await counted(() => read(b))).calls).toEqual({});

      const seen = b.applied.length;
      const added = await graphql(a.gateway.url, ADD, { customerId, sku: 'SKU-10042-01' }, me);
      expect(added.data).toEqual({ addCartItem: { id: `CART-${customerId}` } });
      await appliedAfter(b, seen, `Cart:CART-${customerId}`);
      clock.advance(1);

      const next = await read(b);
      expect(next.extensions).toBeUndefined();
      expect(next.data).toEqual({ cart: { id: `CART-${customerId}`, items: [{ quantity: 2, variant: { sku: 'SKU-10042-01' } }] } });
    });

    it("stock a reservation puts aside (an orchestrator's step at an inventory instance of its own), in the storefront's next read through the other", async () => {
      const sku = 'SKU-10012-01';
      const STOCK = `query ($sku: String!) { stock(skus: [$sku], region: "EU") { sku available reserved } }`;
      const read = (instance: Instance) => graphql(instance.gateway.url, STOCK, { sku });
      const warm = await counted(() => read(a));
      const [before] = warm.answer.data?.stock;
      expect((await counted(() => read(b))).calls).toEqual({});

      const seen = b.applied.length;
      const inventory = await startInventoryInstance();
      const reserved = await internalGraphql(
        inventory.url,
        `mutation ($sku: String!) { reserveStock(sku: $sku, region: "EU", quantity: 3, reference: "DEGRADATION-1") { lines { source } } }`,
        { sku },
      );
      expect(reserved.errors).toBeUndefined();
      // The mutation publishes, and each vendor it reserved at reports the same change by webhook.
      const sources = new Set(reserved.data!.reserveStock.lines.map((line: { source: string }) => line.source)).size;
      await vi.waitFor(() => expect(b.applied.slice(seen).filter((tags) => tags.includes(`Stock:${sku}`))).toHaveLength(1 + sources), { timeout: 5_000 });
      clock.advance(1);

      const next = await counted(() => read(b));
      expect(next.answer.errors).toBeUndefined();
      expect(next.answer.extensions).toBeUndefined();
      expect(next.answer.data?.stock).toEqual([{ sku, available: before.available - 3, reserved: before.reserved + 3 }]);
      expect(next.calls).toEqual({ warehouse: 1, storePos: 1, dropship: 1 });
    });
  });
});


const health = async (gateway: RunningServer) => (await (await fetch(`${gateway.url}/health`)).json()) as Record<string, any>;

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../lib/invalidation/http-transport.js';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { serveGraphQL } from '../lib/service/graphql.js';
import type { RunningServer } from '../lib/service/listen.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { SIGNATURE_HEADER, signBody } from '../lib/signing/signed-body.js';
import { createCommercetoolsAdapter } from '../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../subgraphs/commerce/server.js';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../subgraphs/inventory/warehouse-adapter.js';
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { createDropshipSimulator } from '../vendors/dropship/simulator.js';
import { webhooksTo } from '../vendors/kit/webhooks.js';
import { seedData } from '../vendors/seed/index.js';
import { storeNumbers } from '../vendors/store-pos/catalog.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { materialOf, plantCodes } from '../vendors/warehouse/mapping.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startInvalidationReceiver, type InvalidationReceiver } from './support/invalidation-receivers.js';
import { freePort } from './support/process.js';
import { startSimulator, type StartedSimulator } from './support/servers.js';

/**
 * Simulators post signed events to their subgraph's `POST /webhooks/<vendor>`; the subgraph publishes
 * the tags of what changed to a receiver standing in for the gateway.
 */
const data = seedData();
const webhookSecret = randomSecret();
let receiver: InvalidationReceiver;
let warehouse: StartedSimulator;
let storePos: StartedSimulator;
let commerceVendor: StartedSimulator;
let inventory: RunningServer;
let commerce: RunningServer;

beforeAll(async () => {
  const invalidationSecret = randomSecret();
  receiver = await startInvalidationReceiver(invalidationSecret);
  const options = () => ({
    invalidations: createTagPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret: invalidationSecret })),
    webhookSecret,
  });
  // Each simulator needs its subgraph's URL and each subgraph its simulators': the subgraphs' ports are chosen first.
  const [inventoryPort, commercePort] = [await freePort(), await freePort()];
  const webhooks = (port: number, vendor: string) => webhooksTo({ url: `http://127.0.0.1:${port}/webhooks/${vendor}`, secret: webhookSecret });
  [warehouse, storePos, commerceVendor] = await Promise.all([
    startSimulator('warehouse', (seed) => createWarehouseSimulator(seed, webhooks(inventoryPort, 'warehouse'))),
    startSimulator('store-pos', (seed) => createStorePosSimulator(seed, webhooks(inventoryPort, 'store-pos'))),
    startSimulator('commerce', (seed) => createCommerceSimulator(seed, webhooks(commercePort, 'commerce'))),
  ]);
  const dropship = await startSimulator('dropship', createDropshipSimulator);
  const stock = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: warehouse.url }),
    createStorePosAdapter({ baseUrl: storePos.url }),
    createDropshipAdapter({ baseUrl: dropship.url }),
  ]);
  inventory = await serveGraphQL(createInventorySubgraph(stock, { ...options(), internalCallSecret: TEST_INTERNAL_CALL_SECRET }), { port: inventoryPort });
  commerce = await serveGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: commerceVendor.url }), options()), { port: commercePort });
});

afterAll(async () => {
  await Promise.all([inventory.close(), commerce.close()]);
});

const stockTags = (variantSku: string) => [`Stock:${variantSku}`, `Stock:${variantSku.slice(0, variantSku.lastIndexOf('-'))}`, 'Stock:*'];

describe('a vendor reports its own changes, and its subgraph publishes their tags', () => {
  it('warehouse: a stock movement in the ERP', async () => {
    const row = data.warehouseStock[0]!;
    const plant = plantCodes(data).get(row.warehouseId)!;
    const changed = await warehouse.admin.change('stock', { material: materialOf(row.variantSku), plant, on_hand: row.onHand + 7 });
    expect(changed).toMatchObject({ row: { on_hand: row.onHand + 7 }, webhook: { delivered: true, status: 200 } });
    expect(await receiver.next()).toEqual({ tags: stockTags(row.variantSku) });
  });

  it('store-pos: a stock count at a store', async () => {
    const level = data.storeStock[0]!;
    const storeId = storeNumbers(data).get(level.storeId)!;
    const changed = await storePos.admin.change('stock', { vendor_sku: level.variantSku, store_id: storeId, qty_on_hand: level.onHand + 3 });
    expect(changed).toMatchObject({ level: { qty_on_hand: level.onHand + 3 }, webhook: { delivered: true, status: 200 } });
    expect(await receiver.next()).toEqual({ tags: stockTags(level.variantSku) });
  });

  it('warehouse and store-pos: stock that a reservation puts aside, reported by the vendors besides the mutation itself', async () => {
    const sku = 'SKU-10010-01';
    const before = receiver.received.length;
    const reserved = await internalGraphql(inventory.url, `mutation { reserveStock(sku: "${sku}", region: "EU", quantity: 1, reference: "WEBHOOK-1") { lines { source } } }`);
    const sources = new Set(reserved.data!.reserveStock.lines.map((line: { source: string }) => line.source));
    // One publication by the mutation, one per vendor webhook (sent after the vendor answered).
    const publications = await Promise.all(Array.from({ length: 1 + sources.size }, () => receiver.next()));
    expect(publications).toEqual(Array(1 + sources.size).fill({ tags: stockTags(sku) }));
    expect(receiver.received.length).toBe(before + 1 + sources.size);
  });

  it('commerce: a price change in the merchant center, which the next read shows', async () => {
    const changed = await commerceVendor.admin.change('prices', { sku: 'SKU-10042-01', channel: 'eu-webshop', value: { centAmount: 1234 } });
    expect(changed).toMatchObject({ webhook: { delivered: true, status: 200 } });
    expect(await receiver.next()).toEqual({ tags: ['Product:P0042', 'Product:*'] });
    const read = await graphql(commerce.url, '{ _entities(representations: [{ __typename: "Product", id: "P0042" }]) { ... on Product { price(region: "EU") { amount onSale } } } }');
    expect(read.data).toEqual({ _entities: [{ price: { amount: 12.34, onSale: false } }] });
  });
});

describe('deliveries that are not the vendor\'s, or not new, are refused with nothing published', () => {
  const event = () => JSON.stringify({ specversion: '1.0', type: 'erp.materialstock.changed.v1', id: randomUUID(), data: { stock: [{ material: '000000000010001-01', plant: '1010' }] } });
  const post = (body: string, signature?: string) =>
    fetch(`${inventory.url}/webhooks/warehouse`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) }, body });

  it.each([
    ['forged (signed with another secret)', (body: string) => signBody(body, randomSecret()), 'bad signature'],
    ['stale (signed ten minutes ago)', (body: string) => signBody(body, webhookSecret, Date.now() - 600_000), 'too old'],
    ['unsigned', () => undefined, 'missing'],
    ['tampered (signed, then changed)', (body: string) => signBody(body.replace('1010', '1020'), webhookSecret), 'bad signature'],
  ])('%s: 401', async (_, sign, reason) => {
    const before = receiver.received.length;
    const body = event();
    const response = await post(body, sign(body));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: `Webhook signature refused: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(receiver.received.length).toBe(before);
  });

  it('replayed: the first delivery publishes, the same one again is 401', async () => {
    const body = event();
    const signature = signBody(body, webhookSecret);
    expect((await post(body, signature)).status).toBe(200);
    expect(await receiver.next()).toEqual({ tags: stockTags('SKU-10001-01') });
    const before = receiver.received.length;
    const replay = await post(body, signature);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ errors: [{ message: 'Webhook signature refused: replayed' }] });
    expect(receiver.received.length).toBe(before);
  });

  it('signed but not an event of the vendor: 400; an event that changes nothing cached: 200 with no tags', async () => {
    const before = receiver.received.length;
    for (const body of ['{"hello":"world"}', 'not json']) {
      const response = await post(body, signBody(body, webhookSecret));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    const plantEvent = JSON.stringify({ specversion: '1.0', type: 'erp.plant.changed.v1', id: randomUUID(), data: {} });
    const ignored = await post(plantEvent, signBody(plantEvent, webhookSecret));
    expect({ status: ignored.status, body: await ignored.json() }).toEqual({ status: 200, body: { tags: [] } });
    expect(receiver.received.length).toBe(before);
  });
});

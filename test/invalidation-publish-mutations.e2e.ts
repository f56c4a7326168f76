import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../lib/invalidation/http-transport.js';
import { createTagPublisher, type TagPublisher } from '../lib/invalidation/publisher.js';
import { randomSecret } from '../lib/signing/development-secret.js';
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
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { createDropshipSimulator } from '../vendors/dropship/simulator.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../vendors/wms/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startInvalidationReceiver, type InvalidationReceiver } from './support/invalidation-receivers.js';
import { startGraphQL, startSimulator } from './support/servers.js';

/** Every subgraph that writes, publishing to one receiver standing in for the gateway; these simulators post no webhooks. */
let receiver: InvalidationReceiver;
const urls = { commerce: '', inventory: '', crm: '', fulfillment: '' };

beforeAll(async () => {
  const secret = randomSecret();
  receiver = await startInvalidationReceiver(secret);
  const publisher = (): TagPublisher => createTagPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret }), () => {});
  const [commerce, warehouse, storePos, dropship, crm, wms] = await Promise.all([
    startSimulator('commerce', createCommerceSimulator),
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('dropship', createDropshipSimulator),
    startSimulator('crm', createCrmSimulator),
    startSimulator('wms', createWmsSimulator),
  ]);
  const inventory = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: warehouse.url }),
    createStorePosAdapter({ baseUrl: storePos.url }),
    createDropshipAdapter({ baseUrl: dropship.url }),
  ]);
  urls.commerce = (await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: commerce.url }), { invalidations: publisher() }))).url;
  const internalCallSecret = TEST_INTERNAL_CALL_SECRET;
  urls.inventory = (await startGraphQL(createInventorySubgraph(inventory, { invalidations: publisher(), internalCallSecret }))).url;
  urls.crm = (await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: crm.url }), { invalidations: publisher() }))).url;
  urls.fulfillment = (await startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter({ baseUrl: wms.url }), { invalidations: publisher(), internalCallSecret }))).url;
});

/** Step mutations are the orchestrator's: their calls are signed. */
const STEP_SUBGRAPHS: readonly (keyof typeof urls)[] = ['inventory', 'fulfillment'];
const ask = (subgraph: keyof typeof urls, mutation: string, variables: Record<string, unknown>) =>
  (STEP_SUBGRAPHS.includes(subgraph) ? internalGraphql : graphql)(urls[subgraph], mutation, variables);

/** Runs a mutation that must succeed and returns its data with what it published (in its answer's time: publishing comes first). */
async function published(subgraph: keyof typeof urls, mutation: string, variables: Record<string, unknown>) {
  const before = receiver.received.length;
  const answer = await ask(subgraph, mutation, variables);
  expect(answer.errors).toBeUndefined();
  return { data: answer.data!, tags: receiver.received.slice(before).map((invalidation) => invalidation.tags) };
}

async function publishesNothing(subgraph: keyof typeof urls, mutation: string, variables: Record<string, unknown>) {
  const before = receiver.received.length;
  const answer = await ask(subgraph, mutation, variables);
  expect(receiver.received.length).toBe(before);
  return answer;
}

const ADD = 'mutation ($customerId: ID!, $sku: String!) { addCartItem(customerId: $customerId, sku: $sku, quantity: 1) { id } }';
const REMOVE = 'mutation ($customerId: ID!, $sku: String!) { removeCartItem(customerId: $customerId, sku: $sku) { id } }';

describe('a write publishes the tags of what it changed, once its vendor has confirmed it', () => {
  it('cart changes: the cart, and its customer (whose cart may have been none)', async () => {
    const added = await published('commerce', ADD, { customerId: 'C0002', sku: 'SKU-10003-01' });
    expect(added.tags).toEqual([['Cart:CART-C0002', 'Customer:C0002', 'Cart:*', 'Customer:*']]);
    const removed = await published('commerce', REMOVE, { customerId: 'C0002', sku: 'SKU-10003-01' });
    expect(removed.tags).toEqual(added.tags);
    const refused = await publishesNothing('commerce', REMOVE, { customerId: 'C0002', sku: 'SKU-10003-01' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stock reservations: the variant\'s stock and its product\'s, when reserved and when released, not when repeated', async () => {
    const reserve = 'mutation { reserveStock(sku: "SKU-10004-01", region: "EU", quantity: 1, reference: "ORDER-PUBLISH-1") { reference } }';
    const reserved = await published('inventory', reserve, {});
    expect(reserved.tags).toEqual([['Stock:SKU-10004-01', 'Stock:SKU-10004', 'Stock:*']]);
    await publishesNothing('inventory', reserve, {});
    const release = 'mutation { releaseStockReservation(reference: "ORDER-PUBLISH-1") { undone } }';
    const released = await published('inventory', release, {});
    expect(released).toEqual({ data: { releaseStockReservation: { undone: true } }, tags: reserved.tags });
    expect((await publishesNothing('inventory', release, {})).data).toEqual({ releaseStockReservation: { undone: false } });
    await publishesNothing('inventory', 'mutation { reserveStock(sku: "SKU-10004-01", region: "EU", quantity: 1000, reference: "TOO-MUCH") { reference } }', {});
  });

  it('consent updates: the customer', async () => {
    const update = 'mutation ($id: ID!) { updateConsent(customerId: $id, consent: { sms: true }) { id } }';
    expect((await published('crm', update, { id: 'C0003' })).tags).toEqual([['Customer:C0003', 'Customer:*']]);
    expect((await publishesNothing('crm', update, { id: 'C9999' })).data).toEqual({ updateConsent: null });
  });

  it('fulfillment bookings: the capacity of the warehouse booked, when booked and when cancelled, not when repeated', async () => {
    const book = 'mutation ($date: String!) { bookFulfillment(sku: "SKU-10005-01", region: "US", date: $date, reference: "ORDER-PUBLISH-2") { warehouseId } }';
    const date = await dateWithCapacity();
    const booked = await published('fulfillment', book, { date });
    expect(booked.tags).toEqual([[`Warehouse:${booked.data.bookFulfillment.warehouseId}`, 'Warehouse:*']]);
    await publishesNothing('fulfillment', book, { date });
    const cancel = 'mutation { cancelFulfillmentBooking(reference: "ORDER-PUBLISH-2") { undone } }';
    expect((await published('fulfillment', cancel, {})).tags).toEqual(booked.tags);
    expect((await publishesNothing('fulfillment', cancel, {})).data).toEqual({ cancelFulfillmentBooking: { undone: false } });
  });

  it('still succeeds when publishing fails, and the subgraph counts and names the failure on /health', async () => {
    receiver.failWith(503);
    const answer = await graphql(urls.crm, 'mutation { updateConsent(customerId: "C0004", consent: { email: true }) { consent { email } } }');
    expect(answer).toMatchObject({ status: 200, data: { updateConsent: { consent: { email: true } } } });
    const health = await (await fetch(`${urls.crm}/health`)).json();
    expect(health).toMatchObject({ ok: true, invalidations: { via: 'http', failed: 1, lastFailure: `${receiver.url}/internal/invalidations answered HTTP 503` } });
  });
});

/** A ship date on which a US warehouse has room: about one day in eight is fully booked. */
async function dateWithCapacity(): Promise<string> {
  const days = await graphql(urls.fulfillment, '{ warehouseCapacity(from: "2032-03-01", days: 14) { date remaining warehouseId } }');
  const free = days.data!.warehouseCapacity.find((day: { remaining: number; warehouseId: string }) => day.remaining > 1 && day.warehouseId.startsWith('WH-US'));
  return free.date;
}

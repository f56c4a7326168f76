import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomSecret } from '../lib/signing/development-secret.js';
import { createFulfillmentSubgraph } from '../subgraphs/fulfillment/server.js';
import { createWmsHttpAdapter } from '../subgraphs/fulfillment/wms-http-adapter.js';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../subgraphs/inventory/warehouse-adapter.js';
import { createPaymentsSubgraph } from '../subgraphs/payments/server.js';
import { createStripeAdapter } from '../subgraphs/payments/stripe-adapter.js';
import { createDropshipSimulator } from '../vendors/dropship/simulator.js';
import { createPaymentsSimulator } from '../vendors/payments/simulator.js';
import { seedData } from '../vendors/seed/index.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../vendors/wms/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/**
 * The step contract (docs/orchestration-steps.md) for the steps of inventory, fulfillment and
 * payments, each against its real vendor simulators, counted at the vendors (`GET /_admin/effects`).
 */
type Vendor = 'warehouse' | 'storePos' | 'wms' | 'payments';
type Effects = Partial<Record<Vendor, string[]>>;

interface Operation {
  query: string;
  variables: (reference: string) => Record<string, unknown>;
}

interface Step {
  name: string;
  subgraph: () => string;
  /** Run first under the same reference (a capture needs its authorization). */
  before?: Operation;
  forward: Operation;
  compensation: Operation;
  /** The effects, per vendor, of `before` and `forward`, then of the compensation. */
  effects: { forward: Effects; compensation: Effects };
  /** The vendor write routes the forward step and its compensation take, for the "acted, response lost" fault. */
  routes: { forward: [Vendor, string][]; compensation: [Vendor, string][] };
}

const data = seedData();
const vendors = {} as Record<Vendor, StartedSimulator>;
const urls = { inventory: '', fulfillment: '', payments: '' };
/** A variant with free stock in EU warehouses and stores: reserving one more than the warehouses have takes both. */
const inEu = new Set([...data.warehouses, ...data.stores].filter((location) => location.region === 'EU').map((location) => location.id));
const variant = data.products.flatMap((product) => product.variants).find((candidate) => {
  const warehouses = data.warehouseStock.filter((row) => row.variantSku === candidate.sku && inEu.has(row.warehouseId));
  const stores = data.storeStock.filter((row) => row.variantSku === candidate.sku && inEu.has(row.storeId));
  return warehouses.some((row) => row.onHand - row.allocated - row.safetyStock > 0) && stores.some((row) => row.onHand - row.held > 0);
})!;
let reserveQuantity = 0;
let shipDate = '';

beforeAll(async () => {
  const [warehouse, storePos, dropship, wms, payments] = await Promise.all([
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('dropship', createDropshipSimulator),
    startSimulator('wms', createWmsSimulator),
    startSimulator('payments', (seed) => createPaymentsSimulator(seed)),
  ]);
  Object.assign(vendors, { warehouse, storePos, wms, payments });
  const options = { internalCallSecret: TEST_INTERNAL_CALL_SECRET };
  const stock = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: warehouse.url }),
    createStorePosAdapter({ baseUrl: storePos.url }),
    createDropshipAdapter({ baseUrl: dropship.url }),
  ]);
  urls.inventory = (await startGraphQL(createInventorySubgraph(stock, options))).url;
  urls.fulfillment = (await startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter({ baseUrl: wms.url }), options))).url;
  urls.payments = (await startGraphQL(createPaymentsSubgraph(createStripeAdapter({ baseUrl: payments.url }), options))).url;

  const stockRead = await graphql(urls.inventory, 'query ($sku: String!) { stock(skus: [$sku], region: "EU") { sources { source available } } }', { sku: variant.sku });
  const sources = stockRead.data!.stock[0].sources as { source: string; available: number }[];
  reserveQuantity = sources.filter((source) => source.source === 'WAREHOUSE').reduce((sum, source) => sum + source.available, 0) + 1;
  const days = await graphql(urls.fulfillment, '{ warehouseCapacity(from: "2033-01-01", days: 30) { warehouseId date remaining } }');
  shipDate = days.data!.warehouseCapacity.find((day: { warehouseId: string; remaining: number }) => day.warehouseId.startsWith('WH-US') && day.remaining > 2).date;
});

beforeEach(async () => {
  await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.reset()));
});

const RESERVE = 'mutation ($sku: String!, $quantity: Int!, $reference: String!) { reserveStock(sku: $sku, region: "EU", quantity: $quantity, reference: $reference) { reference quantity status lines { source locationId quantity } } }';
const RELEASE = 'mutation ($reference: String!) { releaseStockReservation(reference: $reference) { reference undone } }';
const BOOK = 'mutation ($date: String!, $reference: String!) { bookFulfillment(sku: "SKU-10005-01", region: "US", date: $date, reference: $reference) { id reference status warehouseId shipDate } }';
const CANCEL = 'mutation ($reference: String!) { cancelFulfillmentBooking(reference: $reference) { reference undone } }';
const AUTHORIZE = 'mutation ($reference: String!) { authorizePayment(customerId: "C0001", amount: 58.99, currency: "EUR", reference: $reference) { id reference customerId amount currency status } }';
const CAPTURE = 'mutation ($reference: String!) { capturePayment(reference: $reference) { id reference amount currency status } }';
const VOID = 'mutation ($reference: String!) { voidPayment(reference: $reference) { reference undone } }';
const byReference = (reference: string) => ({ reference });

const STEPS: Step[] = [
  {
    name: 'reserveStock / releaseStockReservation',
    subgraph: () => urls.inventory,
    forward: { query: RESERVE, variables: (reference) => ({ sku: variant.sku, quantity: reserveQuantity, reference }) },
    compensation: { query: RELEASE, variables: byReference },
    effects: { forward: { warehouse: ['hold'], storePos: ['hold'] }, compensation: { warehouse: ['release'], storePos: ['release'] } },
    routes: {
      forward: [['warehouse', 'POST /erp/v1/allocations'], ['storePos', 'POST /api/v2/holds']],
      compensation: [['warehouse', 'POST /erp/v1/allocations/cancel'], ['storePos', 'POST /api/v2/holds/release']],
    },
  },
  {
    name: 'bookFulfillment / cancelFulfillmentBooking',
    subgraph: () => urls.fulfillment,
    forward: { query: BOOK, variables: (reference) => ({ date: shipDate, reference }) },
    compensation: { query: CANCEL, variables: byReference },
    effects: { forward: { wms: ['booking'] }, compensation: { wms: ['cancellation'] } },
    routes: { forward: [['wms', 'POST /wms/v1/shipments']], compensation: [['wms', 'POST /wms/v1/shipments/cancel']] },
  },
  {
    name: 'authorizePayment / voidPayment',
    subgraph: () => urls.payments,
    forward: { query: AUTHORIZE, variables: byReference },
    compensation: { query: VOID, variables: byReference },
    effects: { forward: { payments: ['authorization'] }, compensation: { payments: ['void'] } },
    routes: { forward: [['payments', 'POST /v1/payment_intents']], compensation: [['payments', 'POST /v1/payment_intents/:id/cancel']] },
  },
  {
    name: 'capturePayment / voidPayment (a refund)',
    subgraph: () => urls.payments,
    before: { query: AUTHORIZE, variables: byReference },
    forward: { query: CAPTURE, variables: byReference },
    compensation: { query: VOID, variables: byReference },
    effects: { forward: { payments: ['authorization', 'capture'] }, compensation: { payments: ['refund'] } },
    routes: { forward: [['payments', 'POST /v1/payment_intents/:id/capture']], compensation: [['payments', 'POST /v1/refunds']] },
  },
];

/** A fresh reference per test, as the orchestrator makes one per action and step. */
const newReference = (step: string) => `${randomUUID()}:${step.split(' ')[0]}`;

async function effectsAt(reference: string): Promise<Effects> {
  const entries = await Promise.all(
    (Object.keys(vendors) as Vendor[]).map(async (vendor) => [vendor, (await vendors[vendor].admin.effects(reference)).map((effect) => effect.kind)] as const),
  );
  return Object.fromEntries(entries.filter(([, kinds]) => kinds.length > 0));
}

function combined(first: Effects, then: Effects): Effects {
  const vendorsOf = new Set([...Object.keys(first), ...Object.keys(then)] as Vendor[]);
  return Object.fromEntries([...vendorsOf].map((vendor) => [vendor, [...(first[vendor] ?? []), ...(then[vendor] ?? [])]]));
}

async function run(step: Step, operation: Operation, reference: string) {
  const answer = await internalGraphql(step.subgraph(), operation.query, operation.variables(reference));
  return { data: answer.data ? Object.values(answer.data)[0] : answer.data, errors: answer.errors };
}

async function runForward(step: Step, reference: string) {
  if (step.before) expect((await run(step, step.before, reference)).errors).toBeUndefined();
  return run(step, step.forward, reference);
}

/** Faults on one route of one vendor, cleared (but not the effects) after `work`. */
async function withLostResponse<T>(vendor: Vendor, route: string, work: () => Promise<T>): Promise<T> {
  await vendors[vendor].admin.setFaults({ routes: { [route]: { actedResponseLost: true } } });
  try {
    return await work();
  } finally {
    await vendors[vendor].admin.setFaults({});
  }
}

describe.each(STEPS)('$name', (step) => {
  it('the forward step twice with one reference: the same answer, one effect at the vendor', async () => {
    const reference = newReference(step.name);
    const first = await runForward(step, reference);
    expect(first.errors).toBeUndefined();
    const again = await run(step, step.forward, reference);
    expect(again).toEqual(first);
    expect(await effectsAt(reference)).toEqual(step.effects.forward);
    await run(step, step.compensation, reference);
  });

  it('the compensation twice by reference: undone, then nothing left to undo; the forward step after it does nothing', async () => {
    const reference = newReference(step.name);
    expect((await runForward(step, reference)).errors).toBeUndefined();
    expect((await run(step, step.compensation, reference)).data).toEqual({ reference, undone: true });
    expect((await run(step, step.compensation, reference)).data).toEqual({ reference, undone: false });
    await run(step, step.forward, reference);
    expect(await effectsAt(reference)).toEqual(combined(step.effects.forward, step.effects.compensation));
  });

  it('the compensation of a reference that never took effect: nothing to undo, no effect', async () => {
    const reference = newReference(step.name);
    expect(await run(step, step.compensation, reference)).toEqual({ data: { reference, undone: false }, errors: undefined });
    expect(await effectsAt(reference)).toEqual({});
  });

  it.each(step.routes.forward)('"acted, response lost" at %s %s: the retry with the reference ends with exactly one effect', async (vendor, route) => {
    const reference = newReference(step.name);
    if (step.before) expect((await run(step, step.before, reference)).errors).toBeUndefined();
    const lost = await withLostResponse(vendor, route, () => run(step, step.forward, reference));
    expect(lost.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    const retried = await run(step, step.forward, reference);
    expect(retried.errors).toBeUndefined();
    expect(await effectsAt(reference)).toEqual(step.effects.forward);
    await run(step, step.compensation, reference);
  });

  it.each(step.routes.compensation)('"acted, response lost" at %s %s: the retried compensation ends with exactly one effect', async (vendor, route) => {
    const reference = newReference(step.name);
    expect((await runForward(step, reference)).errors).toBeUndefined();
    const lost = await withLostResponse(vendor, route, () => run(step, step.compensation, reference));
    expect(lost.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    expect((await run(step, step.compensation, reference)).errors).toBeUndefined();
    expect(await effectsAt(reference)).toEqual(combined(step.effects.forward, step.effects.compensation));
  });

  it('unsigned, or signed with another secret: FORBIDDEN, and no vendor is called', async () => {
    const reference = newReference(step.name);
    for (const operation of [step.before, step.forward, step.compensation].filter((candidate) => candidate !== undefined)) {
      const unsigned = await graphql(step.subgraph(), operation.query, operation.variables(reference));
      const forged = await internalGraphql(step.subgraph(), operation.query, operation.variables(reference), randomSecret());
      for (const answer of [unsigned, forged]) {
        expect(answer.data).toBeNull();
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    const calls = await Promise.all(Object.values(vendors).map(async (vendor) => (await vendor.admin.calls()).total));
    expect(calls.every((count) => count === 0)).toBe(true);
    expect(await effectsAt(reference)).toEqual({});
  });
});

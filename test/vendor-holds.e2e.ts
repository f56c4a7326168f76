import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedData } from '../vendors/seed/index.js';
import { storeNumbers } from '../vendors/store-pos/catalog.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { materialOf, plantCodes } from '../vendors/warehouse/mapping.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../vendors/wms/simulator.js';
import { startSimulator, type StartedSimulator } from './support/servers.js';

/**
 * The writes the inventory and fulfillment subgraphs make, at the vendors themselves, each in its
 * vendor's own API: one write per caller reference, ever, and cancelling by reference.
 */
const data = seedData();
const row = data.warehouseStock.find((candidate) => candidate.onHand - candidate.allocated - candidate.safetyStock > 2)!;
const level = data.storeStock.find((candidate) => candidate.onHand - candidate.held > 2)!;

interface Vendor {
  name: string;
  simulator: () => StartedSimulator;
  create: (reference: string) => [string, Record<string, unknown>];
  cancel: (reference: string) => [string, Record<string, unknown>];
  /** The created object in a create's answer and in a cancel's. */
  created: (body: any) => { id: string; status: string };
  cancelled: (body: any) => { undone: boolean; status: string | undefined };
  statuses: { active: string; cancelled: string };
  kinds: [string, string];
}

const simulators: Record<string, StartedSimulator> = {};

const VENDORS: Vendor[] = [
  {
    name: 'warehouse (ERP allocations by external reference)',
    simulator: () => simulators.warehouse!,
    create: (reference) => ['/erp/v1/allocations', { reference, items: [{ material: materialOf(row.variantSku), plant: plantCodes(data).get(row.warehouseId), quantity: 2 }] }],
    cancel: (reference) => ['/erp/v1/allocations/cancel', { reference }],
    created: (body) => ({ id: body.allocation_id, status: body.status }),
    cancelled: (body) => ({ undone: body.status === 'CANCELLED', status: body.allocation?.status }),
    statuses: { active: 'OPEN', cancelled: 'CANCELLED' },
    kinds: ['hold', 'release'],
  },
  {
    name: 'store-pos (click & collect holds by reference)',
    simulator: () => simulators.storePos!,
    create: (reference) => ['/api/v2/holds', { reference, lines: [{ vendor_sku: level.variantSku, store_id: storeNumbers(data).get(level.storeId), qty: 2 }] }],
    cancel: (reference) => ['/api/v2/holds/release', { reference }],
    created: (body) => ({ id: body.hold_id, status: body.status }),
    cancelled: (body) => ({ undone: body.released, status: body.hold?.status }),
    statuses: { active: 'active', cancelled: 'released' },
    kinds: ['hold', 'release'],
  },
  {
    name: 'wms (shipments by client reference)',
    simulator: () => simulators.wms!,
    create: (reference) => ['/wms/v1/shipments', { item_number: 'SKU-10005-01', region_code: 'US', ship_date: '2033-02-01', client_reference: reference }],
    cancel: (reference) => ['/wms/v1/shipments/cancel', { client_reference: reference }],
    created: (body) => ({ id: body.shipment_id, status: body.status }),
    cancelled: (body) => ({ undone: body.cancelled, status: body.shipment?.status }),
    statuses: { active: 'RESERVED', cancelled: 'CANCELLED' },
    kinds: ['booking', 'cancellation'],
  },
];

beforeAll(async () => {
  [simulators.warehouse, simulators.storePos, simulators.wms] = await Promise.all([
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('wms', createWmsSimulator),
  ]);
});

beforeEach(async () => {
  await Promise.all(Object.values(simulators).map((simulator) => simulator.admin.reset()));
});

async function post(simulator: StartedSimulator, [path, body]: [string, Record<string, unknown>]) {
  const response = await fetch(`${simulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe.each(VENDORS)('$name', (vendor) => {
  const kinds = async (reference: string) => (await vendor.simulator().admin.effects(reference)).map((effect) => effect.kind);

  it('makes one write per reference: posting it again answers 200 with the first, and has no effect', async () => {
    const reference = `vendor:${randomUUID()}`;
    const first = await post(vendor.simulator(), vendor.create(reference));
    const again = await post(vendor.simulator(), vendor.create(reference));
    expect(first.status).toBe(201);
    expect(vendor.created(first.body)).toEqual({ id: expect.any(String), status: vendor.statuses.active });
    expect(again).toEqual({ status: 200, body: first.body });
    expect(await kinds(reference)).toEqual([vendor.kinds[0]]);
    await post(vendor.simulator(), vendor.cancel(reference));
  });

  it('cancels by reference once; then, and for a reference it never saw, answers that there is nothing to undo', async () => {
    const reference = `vendor:${randomUUID()}`;
    await post(vendor.simulator(), vendor.create(reference));
    const cancelled = await post(vendor.simulator(), vendor.cancel(reference));
    const again = await post(vendor.simulator(), vendor.cancel(reference));
    const unknown = await post(vendor.simulator(), vendor.cancel(`vendor:${randomUUID()}`));
    expect([cancelled, again, unknown].map(({ status }) => status)).toEqual([200, 200, 200]);
    expect(vendor.cancelled(cancelled.body)).toEqual({ undone: true, status: vendor.statuses.cancelled });
    expect(vendor.cancelled(again.body)).toEqual({ undone: false, status: vendor.statuses.cancelled });
    expect(vendor.cancelled(unknown.body)).toEqual({ undone: false, status: undefined });
    expect(await kinds(reference)).toEqual(vendor.kinds);
  });

  it('remembers a cancelled reference: posting it again returns the cancelled write and makes no new one', async () => {
    const reference = `vendor:${randomUUID()}`;
    const first = await post(vendor.simulator(), vendor.create(reference));
    await post(vendor.simulator(), vendor.cancel(reference));
    const again = await post(vendor.simulator(), vendor.create(reference));
    expect(again.status).toBe(200);
    expect(vendor.created(again.body)).toEqual({ id: vendor.created(first.body).id, status: vendor.statuses.cancelled });
    expect(await kinds(reference)).toEqual(vendor.kinds);
  });
});

describe('looking a hold up by reference', () => {
  it.each([
    ['warehouse', '/erp/v1/allocations', 'results', VENDORS[0]!],
    ['store-pos', '/api/v2/holds', 'data', VENDORS[1]!],
  ] as const)('%s: answers the hold of a reference, and none for another', async (_name, path, list, vendor) => {
    const reference = `vendor:${randomUUID()}`;
    const created = await post(vendor.simulator(), vendor.create(reference));
    const found = await (await fetch(`${vendor.simulator().url}${path}?reference=${encodeURIComponent(reference)}`)).json();
    const none = await (await fetch(`${vendor.simulator().url}${path}?reference=nothing-here`)).json();
    expect(found).toEqual({ [list]: [created.body] });
    expect(none).toEqual({ [list]: [] });
    await post(vendor.simulator(), vendor.cancel(reference));
  });
});

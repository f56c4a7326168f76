import { beforeAll, describe, expect, it } from 'vitest';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../subgraphs/inventory/warehouse-adapter.js';
import { createDropshipSimulator } from '../vendors/dropship/simulator.js';
import { seedData, type Region } from '../vendors/seed/index.js';
import { storeNumbers } from '../vendors/store-pos/catalog.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { plantCodes } from '../vendors/warehouse/mapping.js';
import { createWarehouseSimulator } from '../vendors/warehouse/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

const data = seedData();
const regionOf = new Map<string, Region>([...data.warehouses, ...data.stores].map((location) => [location.id, location.region]));
const plantOf = plantCodes(data);
const storeNumberOf = storeNumbers(data);

interface ExpectedSource {
  source: 'WAREHOUSE' | 'STORE' | 'DROPSHIP';
  locationId: string;
  available: number;
  reserved: number;
  safetyStock: number;
  leadTimeDays: number | null;
}

/** What the seed says about one variant in one region, computed independently of the subgraph. */
function expectedSources(variantSku: string, region: Region): ExpectedSource[] {
  const warehouses = data.warehouseStock
    .filter((row) => row.variantSku === variantSku && regionOf.get(row.warehouseId) === region)
    .map((row) => ({
      source: 'WAREHOUSE' as const,
      locationId: plantOf.get(row.warehouseId)!,
      available: Math.max(0, row.onHand - row.allocated - row.safetyStock),
      reserved: row.allocated,
      safetyStock: row.safetyStock,
      leadTimeDays: null,
    }));
  const stores = data.storeStock
    .filter((row) => row.variantSku === variantSku && regionOf.get(row.storeId) === region)
    .map((row) => ({
      source: 'STORE' as const,
      locationId: String(storeNumberOf.get(row.storeId)),
      available: Math.max(0, row.onHand - row.held),
      reserved: row.held,
      safetyStock: 0,
      leadTimeDays: null,
    }));
  const dropship = data.dropshipStock
    .filter((row) => row.variantSku === variantSku && row.region === region)
    .map((row) => ({ source: 'DROPSHIP' as const, locationId: region, available: row.available, reserved: 0, safetyStock: 0, leadTimeDays: row.leadTimeDays }));
  return [...warehouses, ...stores, ...dropship];
}

const sum = (sources: ExpectedSource[], figure: 'available' | 'reserved' | 'safetyStock') =>
  sources.reduce((total, source) => total + source[figure], 0);

const dropshipped = new Set(data.dropshipStock.map((row) => row.variantSku));
/** A drop-shipped product whose first variant also has store stock in the EU: every source has something to say. */
const product = data.products.find(
  (candidate) =>
    dropshipped.has(candidate.variants[0]!.sku) &&
    expectedSources(candidate.variants[0]!.sku, 'EU').some((source) => source.source === 'STORE' && source.available > 0),
)!;
const variantSku = product.variants[0]!.sku;

const VARIANT_AVAILABILITY = `query ($sku: String!, $region: String!) {
  _entities(representations: [{ __typename: "ProductVariant", sku: $sku }]) {
    ... on ProductVariant { availability(region: $region) {
      sku region available reserved safetyStock inStock complete unavailableSources
      sources { source locationId available reserved safetyStock leadTimeDays }
    } }
  }
}`;

const PRODUCT_AVAILABILITY = `query ($representations: [_Any!]!, $region: String!) {
  _entities(representations: $representations) {
    ... on Product { availability(region: $region) { sku available reserved safetyStock inStock complete } }
  }
}`;

let url: string;
let warehouse: StartedSimulator;
let storePos: StartedSimulator;
let dropship: StartedSimulator;

beforeAll(async () => {
  [warehouse, storePos, dropship] = await Promise.all([
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('dropship', createDropshipSimulator),
  ]);
  const adapter = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: warehouse.url }),
    createStorePosAdapter({ baseUrl: storePos.url }),
    createDropshipAdapter({ baseUrl: dropship.url }),
  ]);
  url = (await startGraphQL(createInventorySubgraph(adapter, { internalCallSecret: TEST_INTERNAL_CALL_SECRET }))).url;
});

async function variantAvailability(sku: string, region: string) {
  return graphql(url, VARIANT_AVAILABILITY, { sku, region });
}

describe('availability', () => {
  it('of a variant is the sum of its seed rows in the region, per source', async () => {
    const expected = expectedSources(variantSku, 'EU');
    const { data: body, errors } = await variantAvailability(variantSku, 'EU');
    expect(errors).toBeUndefined();
    const availability = body!._entities[0].availability;
    expect(availability).toMatchObject({
      sku: variantSku,
      region: 'EU',
      available: sum(expected, 'available'),
      reserved: sum(expected, 'reserved'),
      safetyStock: sum(expected, 'safetyStock'),
      inStock: sum(expected, 'available') > 0,
      complete: true,
      unavailableSources: [],
    });
    expect(availability.sources).toEqual(expected);
    expect(availability.sources.map((source: ExpectedSource) => source.source)).toContain('DROPSHIP');
  });

  it('of a product sums its variants', async () => {
    const perVariant = product.variants.map((variant) => expectedSources(variant.sku, 'US'));
    const { data: body, errors } = await graphql(url, PRODUCT_AVAILABILITY, {
      representations: [{ __typename: 'Product', sku: product.sku }],
      region: 'US',
    });
    expect(errors).toBeUndefined();
    expect(body!._entities[0].availability).toEqual({
      sku: product.sku,
      available: perVariant.reduce((total, sources) => total + sum(sources, 'available'), 0),
      reserved: perVariant.reduce((total, sources) => total + sum(sources, 'reserved'), 0),
      safetyStock: perVariant.reduce((total, sources) => total + sum(sources, 'safetyStock'), 0),
      inStock: true,
      complete: true,
    });
  });

  it('has no drop-ship source where the partner does not deliver (UK)', async () => {
    const { data: body } = await variantAvailability(variantSku, 'UK');
    const sources = body!._entities[0].availability.sources as ExpectedSource[];
    expect(sources).toEqual(expectedSources(variantSku, 'UK'));
    expect(sources.some((source) => source.source === 'DROPSHIP')).toBe(false);
  });

  it('is null without an error for a sku no system carries', async () => {
    const { data: body, errors } = await variantAvailability('SKU-99999-01', 'EU');
    expect(errors).toBeUndefined();
    expect(body!._entities[0].availability).toBeNull();
  });

  it('rejects an unknown region with BAD_USER_INPUT', async () => {
    const { errors } = await variantAvailability(variantSku, 'MARS');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.path).toEqual(['_entities', 0, 'availability']);
  });

  it('of 50 products costs each inventory system at most 2 calls', async () => {
    const products = data.products.slice(100, 150);
    await Promise.all([warehouse, storePos, dropship].map((simulator) => simulator.admin.reset()));
    const { data: body, errors } = await graphql(url, PRODUCT_AVAILABILITY, {
      representations: products.map(({ sku }) => ({ __typename: 'Product', sku })),
      region: 'EU',
    });
    expect(errors).toBeUndefined();
    for (const simulator of [warehouse, storePos, dropship]) {
      expect((await simulator.admin.calls()).total, simulator.name).toBeLessThanOrEqual(2);
    }
    const expectedAvailable = (index: number) =>
      products[index]!.variants.reduce((total, variant) => total + sum(expectedSources(variant.sku, 'EU'), 'available'), 0);
    expect(body!._entities).toHaveLength(50);
    expect(body!._entities[0].availability.available).toBe(expectedAvailable(0));
    expect(body!._entities[49].availability.available).toBe(expectedAvailable(49));
  });
});

describe('Query.stock', () => {
  it('answers variant skus in the order asked, null for unknown ones', async () => {
    const skus = [product.variants.at(-1)!.sku, 'NOPE', variantSku];
    const { data: body, errors } = await graphql(url, 'query ($skus: [String!]!) { stock(skus: $skus, region: "EU") { sku available } }', { skus });
    expect(errors).toBeUndefined();
    expect(body!.stock).toEqual([
      { sku: skus[0], available: sum(expectedSources(skus[0]!, 'EU'), 'available') },
      null,
      { sku: variantSku, available: sum(expectedSources(variantSku, 'EU'), 'available') },
    ]);
  });

  it('rejects more than 100 skus and an unknown region', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `SKU-${10001 + i}-01`);
    const query = 'query ($skus: [String!]!, $region: String!) { stock(skus: $skus, region: $region) { available } }';
    const many = await graphql(url, query, { skus: tooMany, region: 'EU' });
    const region = await graphql(url, query, { skus: [variantSku], region: 'eu' });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(region.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('one inventory system down', () => {
  const cases = [
    { vendor: 'warehouse', source: 'WAREHOUSE', simulator: () => warehouse },
    { vendor: 'store-pos', source: 'STORE', simulator: () => storePos },
    { vendor: 'dropship', source: 'DROPSHIP', simulator: () => dropship },
  ] as const;

  it.each(cases)('$vendor: answers from the others and reports VENDOR_UNAVAILABLE at the field', async ({ vendor, source, simulator }) => {
    const others = expectedSources(variantSku, 'EU').filter((expected) => expected.source !== source);
    await simulator().admin.setFaults({ failRate: 1 });
    try {
      const { data: body, errors } = await variantAvailability(variantSku, 'EU');
      expect(body!._entities[0].availability).toMatchObject({
        available: sum(others, 'available'),
        complete: false,
        unavailableSources: [source],
        sources: others,
      });
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({ path: ['_entities', 0, 'availability'], extensions: { code: 'VENDOR_UNAVAILABLE', vendor } });
    } finally {
      await simulator().admin.reset();
    }
    const { data: body, errors } = await variantAvailability(variantSku, 'EU');
    expect(errors).toBeUndefined();
    expect(body!._entities[0].availability.complete).toBe(true);
  });

  it('all of them: null at the field with an error naming each system', async () => {
    await Promise.all(cases.map(({ simulator }) => simulator().admin.setFaults({ failRate: 1 })));
    try {
      const { data: body, errors } = await variantAvailability(variantSku, 'EU');
      expect(body!._entities[0]).toEqual({ availability: null });
      expect(errors!.map((error) => error.extensions?.vendor).sort()).toEqual(['dropship', 'store-pos', 'warehouse']);
      expect(errors!.every((error) => error.extensions?.code === 'VENDOR_UNAVAILABLE')).toBe(true);
    } finally {
      await Promise.all(cases.map(({ simulator }) => simulator().admin.reset()));
    }
  });
});

describe('reservations', () => {
  const RESERVE = `mutation ($sku: String!, $region: String!, $quantity: Int!, $reference: String!) {
    reserveStock(sku: $sku, region: $region, quantity: $quantity, reference: $reference) {
      reference sku region quantity status lines { source locationId quantity }
    }
  }`;
  const RELEASE = 'mutation ($reference: String!) { releaseStockReservation(reference: $reference) { reference undone } }';
  const reserve = (quantity: number, overrides: Record<string, unknown> = {}) =>
    internalGraphql(url, RESERVE, { sku: variantSku, region: 'EU', quantity, reference: 'O-TEST-1', ...overrides });
  const release = (reference: string) => internalGraphql(url, RELEASE, { reference });
  const current = async () => (await variantAvailability(variantSku, 'EU')).data!._entities[0].availability;

  const seedSources = expectedSources(variantSku, 'EU');
  const inWarehouses = sum(seedSources.filter((source) => source.source === 'WAREHOUSE'), 'available');
  const inStores = sum(seedSources.filter((source) => source.source === 'STORE'), 'available');

  it('takes warehouse stock first, then stores, and gives it back on release by reference', async () => {
    const before = await current();
    const quantity = inWarehouses + 1;
    const { data: body, errors } = await reserve(quantity);
    expect(errors).toBeUndefined();
    const reservation = body!.reserveStock;
    expect(reservation).toMatchObject({ sku: variantSku, region: 'EU', quantity, reference: 'O-TEST-1', status: 'ACTIVE' });
    const reservedFrom = (source: string) =>
      reservation.lines.filter((line: { source: string }) => line.source === source).reduce((total: number, line: { quantity: number }) => total + line.quantity, 0);
    expect(reservedFrom('WAREHOUSE')).toBe(inWarehouses);
    expect(reservedFrom('STORE')).toBe(1);

    const during = await current();
    expect(during.available).toBe(before.available - quantity);
    expect(during.reserved).toBe(before.reserved + quantity);

    expect((await release('O-TEST-1')).data).toEqual({ releaseStockReservation: { reference: 'O-TEST-1', undone: true } });
    expect(await current()).toEqual(before);
    expect((await release('O-TEST-1')).data).toEqual({ releaseStockReservation: { reference: 'O-TEST-1', undone: false } });
  });

  it('rejects more than warehouses and stores can reserve, leaving stock untouched', async () => {
    const before = await current();
    const { data: body, errors } = await reserve(inWarehouses + inStores + 1, { reference: 'O-TEST-TOO-MUCH' });
    expect(body).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_STOCK', reservable: inWarehouses + inStores });
    expect(await current()).toEqual(before);
  });

  it.each([
    { case: 'quantity 0', quantity: 0, overrides: {} },
    { case: 'an unknown region', quantity: 1, overrides: { region: 'XX' } },
    { case: 'an empty reference', quantity: 1, overrides: { reference: ' ' } },
    { case: 'a reference of 201 characters', quantity: 1, overrides: { reference: 'r'.repeat(201) } },
    { case: 'an unknown sku', quantity: 1, overrides: { sku: 'SKU-99999-01', reference: 'O-TEST-UNKNOWN' } },
  ])('rejects $case with BAD_USER_INPUT', async ({ quantity, overrides }) => {
    const { data: body, errors } = await reserve(quantity, overrides);
    expect(body).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports VENDOR_UNAVAILABLE when the warehouse cannot be asked, and reserves nothing', async () => {
    const before = await current();
    await warehouse.admin.setFaults({ failRate: 1 });
    try {
      const { errors } = await reserve(1, { reference: 'O-TEST-DOWN' });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'warehouse' });
    } finally {
      await warehouse.admin.reset();
    }
    expect(await current()).toEqual(before);
  });

  it('keeps what a reservation that failed half-way placed: a retry with its reference completes it, a release gives it all back', async () => {
    const before = await current();
    const quantity = inWarehouses + 1;
    await storePos.admin.setFaults({ routes: { 'POST /api/v2/holds': { failRate: 1 } } });
    try {
      const { errors } = await reserve(quantity, { reference: 'O-TEST-HALF' });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'store-pos' });
    } finally {
      await storePos.admin.reset();
    }
    expect((await current()).available).toBe(before.available - inWarehouses);

    const { data: body, errors } = await reserve(quantity, { reference: 'O-TEST-HALF' });
    expect(errors).toBeUndefined();
    expect(body!.reserveStock).toMatchObject({ quantity, status: 'ACTIVE' });
    expect((await current()).available).toBe(before.available - quantity);

    expect((await release('O-TEST-HALF')).data!.releaseStockReservation.undone).toBe(true);
    expect(await current()).toEqual(before);
  });
});

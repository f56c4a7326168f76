import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../lib/service/listen.js';
import { createFulfillmentSubgraph } from '../subgraphs/fulfillment/server.js';
import { createWmsHttpAdapter } from '../subgraphs/fulfillment/wms-http-adapter.js';
import { CURRENCY_BY_REGION, seedData, type SeedProduct } from '../vendors/seed/index.js';
import { createWmsSimulator } from '../vendors/wms/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

const data = seedData();
const parcel = data.products.find((p) => p.handling === 'parcel') as SeedProduct;
const bulky = data.products.find((p) => p.handling === 'bulky') as SeedProduct;

interface WmsCalendar {
  facilities: { facility_code: string; site_ref: string }[];
  calendar: { facility_code: string; date: string; capacity_units: number; booked_units: number }[];
  carriers: { carrier_name: string; service_levels: { service_tier: string; transit_days: number }[] }[];
}

let wms: StartedSimulator;
let subgraph: RunningServer;

beforeAll(async () => {
  wms = await startSimulator('wms', createWmsSimulator);
  const adapter = createWmsHttpAdapter({ baseUrl: wms.url, timeoutMs: 2_000 });
  subgraph = await startGraphQL(createFulfillmentSubgraph(adapter, { internalCallSecret: TEST_INTERNAL_CALL_SECRET }));
});

function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

async function wmsCalendar(region: string, from: string, days = 60): Promise<WmsCalendar> {
  const response = await fetch(`${wms.url}/wms/v1/capacity-calendar?region=${region}&from=${from}&days=${days}&include=carriers`);
  return (await response.json()) as WmsCalendar;
}

/** Free units per date for a region's warehouses, in the WMS's facility order. */
function freeUnits(calendar: WmsCalendar, date: string) {
  return calendar.facilities.map((facility) => {
    const day = calendar.calendar.find((d) => d.facility_code === facility.facility_code && d.date === date);
    return { warehouseId: facility.site_ref, free: day ? day.capacity_units - day.booked_units : 0 };
  });
}

/** The rule, computed independently from the WMS's own calendar and carriers. */
async function expectedPromise(region: string, orderDate: string, isBulky: boolean) {
  const calendar = await wmsCalendar(region, orderDate);
  const units = isBulky ? 2 : 1;
  for (let i = 0; i < 60; i += 1) {
    const shipDate = addDays(orderDate, i);
    const slot = freeUnits(calendar, shipDate).find((w) => w.free >= units);
    if (!slot) continue;
    const standard = calendar.carriers.flatMap((c) =>
      c.service_levels.filter((s) => s.service_tier === 'GROUND').map((s) => ({ carrier: c.carrier_name, days: s.transit_days })),
    );
    const fastest = [...standard].sort((a, b) => a.days - b.days)[0]!;
    const slowest = Math.max(...standard.map((s) => s.days));
    return {
      region,
      shipDate,
      earliestDate: addDays(shipDate, fastest.days),
      latestDate: addDays(shipDate, slowest + (isBulky ? 1 : 0)),
      carrier: fastest.carrier,
      serviceLevel: 'STANDARD',
      warehouseId: slot.warehouseId,
    };
  }
  throw new Error(`no capacity in ${region} within 60 days of ${orderDate}`);
}

/** The first date from `from` whose free units (per warehouse of the region) pass `test`. */
async function findDate(region: string, from: string, test: (free: number[]) => boolean): Promise<string> {
  const calendar = await wmsCalendar(region, from, 90);
  for (let i = 0; i < 90; i += 1) {
    const date = addDays(from, i);
    if (test(freeUnits(calendar, date).map((w) => w.free))) return date;
  }
  throw new Error(`no matching date in ${region} from ${from}`);
}

const PROMISE_FIELDS = 'region shipDate earliestDate latestDate carrier serviceLevel warehouseId';
const ENTITIES = `query ($reps: [_Any!]!, $region: String!, $date: String) {
  _entities(representations: $reps) { ... on Product { sku deliveryPromise(region: $region, orderDate: $date) { ${PROMISE_FIELDS} } } }
}`;

function promiseOf(sku: string, region: string, date?: string) {
  return graphql(subgraph.url, ENTITIES, { reps: [{ __typename: 'Product', sku }], region, date });
}

describe('Product.deliveryPromise', () => {
  it.each([
    ['EU', '2031-03-02'],
    ['US', '2031-03-02'],
    ['UK', '2031-05-17'],
  ])('follows the rule for a parcel item in %s', async (region, orderDate) => {
    const response = await promiseOf(parcel.sku, region, orderDate);
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0]).toEqual({ sku: parcel.sku, deliveryPromise: await expectedPromise(region, orderDate, false) });
  });

  it('gives bulky items a later latest date, and needs 2 free units to ship them', async () => {
    // A day on which the US warehouse has exactly one unit left: parcels ship, bulky items wait.
    const tightDay = await findDate('US', '2031-01-01', (free) => free.every((units) => units === 1));
    const [parcelPromise, bulkyPromise] = await Promise.all([promiseOf(parcel.sku, 'US', tightDay), promiseOf(bulky.sku, 'US', tightDay)]);
    const parcelResult = parcelPromise.data?._entities[0].deliveryPromise;
    const bulkyResult = bulkyPromise.data?._entities[0].deliveryPromise;
    expect(parcelResult).toEqual(await expectedPromise('US', tightDay, false));
    expect(bulkyResult).toEqual(await expectedPromise('US', tightDay, true));
    expect(parcelResult.shipDate).toBe(tightDay);
    expect(bulkyResult.shipDate > tightDay).toBe(true);
    const slack = (p: { shipDate: string; latestDate: string }) => (Date.parse(p.latestDate) - Date.parse(p.shipDate)) / 86_400_000;
    expect(slack(bulkyResult)).toBe(slack(parcelResult) + 1);
  });

  it('is null without error for a sku the warehouse does not know', async () => {
    const response = await promiseOf('SKU-NOPE', 'EU', '2031-03-02');
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0]).toEqual({ sku: 'SKU-NOPE', deliveryPromise: null });
  });

  it.each([
    ['an unknown region', 'MARS', '2031-03-02'],
    ['a malformed date', 'EU', '02/03/2031'],
    ['an impossible date', 'EU', '2031-02-30'],
  ])('rejects %s with BAD_USER_INPUT', async (_case, region, date) => {
    const response = await promiseOf(parcel.sku, region, date);
    expect(response.data?._entities[0].deliveryPromise).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'deliveryPromise']);
  });

  it('costs the WMS at most 2 calls for 50 products', async () => {
    const products = data.products.slice(0, 50);
    await wms.admin.reset();
    const response = await graphql(subgraph.url, ENTITIES, {
      reps: products.map((p) => ({ __typename: 'Product', sku: p.sku })),
      region: 'EU',
      date: '2031-04-01',
    });
    const calls = await wms.admin.calls();
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toHaveLength(50);
    expect(calls.total).toBeLessThanOrEqual(2);
    expect(calls.byRoute).toEqual({ 'POST /wms/v1/items/lookup': 1, 'GET /wms/v1/capacity-calendar': 1 });
    const expected = { parcel: await expectedPromise('EU', '2031-04-01', false), bulky: await expectedPromise('EU', '2031-04-01', true) };
    expect(new Set(products.map((p) => p.handling))).toEqual(new Set(['parcel', 'bulky']));
    expect(response.data?._entities).toEqual(products.map((p) => ({ sku: p.sku, deliveryPromise: expected[p.handling] })));
  });
});

describe('Query.shippingOptions', () => {
  it.each(['EU', 'US', 'UK'] as const)('lists every carrier service for %s in its currency', async (region) => {
    const response = await graphql(
      subgraph.url,
      'query ($region: String!) { shippingOptions(region: $region) { carrier serviceLevel transitDays price { amount currency } } }',
      { region },
    );
    const expected = data.carriers
      .filter((c) => c.regions.includes(region))
      .flatMap((c) =>
        c.services.map((s) => ({
          carrier: c.name,
          serviceLevel: s.level.toUpperCase(),
          transitDays: s.transitDays,
          price: { amount: s.priceCents / 100, currency: CURRENCY_BY_REGION[region] },
        })),
      );
    expect(response.errors).toBeUndefined();
    expect(response.data?.shippingOptions).toEqual(expected);
  });

  it('rejects an unknown region with BAD_USER_INPUT', async () => {
    const response = await graphql(subgraph.url, '{ shippingOptions(region: "XX") { carrier } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const CAPACITY = `query ($id: ID, $from: String, $days: Int) {
  warehouseCapacity(warehouseId: $id, from: $from, days: $days) { warehouseId date capacity booked remaining }
}`;

async function remainingOn(warehouseId: string, date: string): Promise<number> {
  const response = await graphql(subgraph.url, CAPACITY, { id: warehouseId, from: date, days: 1 });
  return response.data?.warehouseCapacity[0].remaining;
}

describe('Query.warehouseCapacity', () => {
  it('returns the WMS calendar for every warehouse over the window', async () => {
    const response = await graphql(subgraph.url, CAPACITY, { from: '2031-06-01', days: 7 });
    const days = response.data?.warehouseCapacity as { warehouseId: string; date: string; capacity: number; booked: number; remaining: number }[];
    expect(response.errors).toBeUndefined();
    expect(days).toHaveLength(data.warehouses.length * 7);
    for (const warehouse of data.warehouses) {
      const own = days.filter((d) => d.warehouseId === warehouse.id);
      expect(own.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays('2031-06-01', i)));
      expect(own.every((d) => d.capacity === warehouse.dailyCapacity && d.remaining === d.capacity - d.booked)).toBe(true);
    }
    const eu = freeUnits(await wmsCalendar('EU', '2031-06-01', 1), '2031-06-01');
    expect(days.filter((d) => d.date === '2031-06-01' && d.warehouseId.startsWith('WH-EU')).map((d) => d.remaining)).toEqual(eu.map((w) => w.free));
  });

  it('narrows to one warehouse, and is empty for an unknown one', async () => {
    const one = await graphql(subgraph.url, CAPACITY, { id: 'WH-UK-CVT', from: '2031-06-01' });
    expect(one.data?.warehouseCapacity).toHaveLength(7);
    expect(new Set(one.data?.warehouseCapacity.map((d: { warehouseId: string }) => d.warehouseId))).toEqual(new Set(['WH-UK-CVT']));
    const unknown = await graphql(subgraph.url, CAPACITY, { id: 'WH-NOPE', from: '2031-06-01' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.warehouseCapacity).toEqual([]);
  });

  it.each([
    ['days 0', { days: 0 }],
    ['days 61', { days: 61 }],
    ['a bad from date', { from: '2031-13-01' }],
  ])('rejects %s with BAD_USER_INPUT', async (_case, variables) => {
    const response = await graphql(subgraph.url, CAPACITY, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const BOOK = `mutation ($sku: String!, $region: String!, $date: String!, $reference: String!) {
  bookFulfillment(sku: $sku, region: $region, date: $date, reference: $reference) { id sku region warehouseId shipDate units reference status }
}`;
const CANCEL = 'mutation ($reference: String!) { cancelFulfillmentBooking(reference: $reference) { reference undone } }';
const book = (variables: Record<string, unknown>) => internalGraphql(subgraph.url, BOOK, variables);
const cancel = async (reference: string) => (await internalGraphql(subgraph.url, CANCEL, { reference })).data?.cancelFulfillmentBooking;

describe('Mutation.bookFulfillment / cancelFulfillmentBooking', () => {
  it('reserves capacity once per reference, and cancelling by reference restores it', async () => {
    const date = await findDate('US', '2032-01-01', (free) => free.every((units) => units >= 2));
    const before = await remainingOn('WH-US-MEM', date);
    const variables = { sku: parcel.variants[0]!.sku, region: 'US', date, reference: 'ORDER-TEST-1' };
    const booked = await book(variables);
    expect(booked.errors).toBeUndefined();
    const booking = booked.data?.bookFulfillment;
    expect(booking).toMatchObject({ sku: variables.sku, region: 'US', warehouseId: 'WH-US-MEM', shipDate: date, units: 1, status: 'BOOKED' });
    expect(await remainingOn('WH-US-MEM', date)).toBe(before - 1);

    const replay = await book(variables);
    expect(replay.data?.bookFulfillment.id).toBe(booking.id);
    expect(await remainingOn('WH-US-MEM', date)).toBe(before - 1);

    expect(await cancel('ORDER-TEST-1')).toEqual({ reference: 'ORDER-TEST-1', undone: true });
    expect(await remainingOn('WH-US-MEM', date)).toBe(before);
    expect(await cancel('ORDER-TEST-1')).toEqual({ reference: 'ORDER-TEST-1', undone: false });
    expect(await cancel('ORDER-NEVER-BOOKED')).toEqual({ reference: 'ORDER-NEVER-BOOKED', undone: false });

    const afterCancel = await book(variables);
    expect(afterCancel.data?.bookFulfillment).toMatchObject({ id: booking.id, status: 'CANCELLED' });
    expect(await remainingOn('WH-US-MEM', date)).toBe(before);
  });

  it('books 2 units for a bulky item', async () => {
    const date = await findDate('UK', '2032-01-01', (free) => free.every((units) => units >= 2));
    const before = await remainingOn('WH-UK-CVT', date);
    const booked = await book({ sku: bulky.sku, region: 'UK', date, reference: 'ORDER-TEST-2' });
    expect(booked.data?.bookFulfillment.units).toBe(2);
    expect(await remainingOn('WH-UK-CVT', date)).toBe(before - 2);
    await cancel('ORDER-TEST-2');
  });

  it('refuses a full day with BAD_USER_INPUT and reason NO_CAPACITY', async () => {
    const full = await findDate('US', '2032-01-01', (free) => free.every((units) => units === 0));
    const response = await book({ sku: parcel.sku, region: 'US', date: full, reference: 'ORDER-TEST-3' });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CAPACITY' });
    expect(response.errors?.[0]?.message).toContain(full);
  });

  it.each([
    ['an unknown sku', { sku: 'SKU-NOPE' }, 'UNKNOWN_SKU'],
    ['an unknown region', { region: 'MARS' }, undefined],
    ['a bad date', { date: 'tomorrow' }, undefined],
    ['an empty reference', { reference: '  ' }, undefined],
    ['a reference of 201 characters', { reference: 'r'.repeat(201) }, undefined],
  ])('rejects %s with BAD_USER_INPUT', async (_case, override, reason) => {
    const variables = { sku: parcel.sku, region: 'EU', date: '2032-02-01', reference: 'ORDER-TEST-4', ...override };
    const response = await book(variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.reason).toBe(reason);
  });
});

describe('when the WMS is down', () => {
  it('answers VENDOR_UNAVAILABLE at the field, and recovers after reset', async () => {
    await wms.admin.setFaults({ failRate: 1 });
    try {
      const promise = await promiseOf(parcel.sku, 'EU', '2031-03-02');
      expect(promise.data?._entities[0]).toEqual({ sku: parcel.sku, deliveryPromise: null });
      expect(promise.errors?.[0]?.path).toEqual(['_entities', 0, 'deliveryPromise']);
      expect(promise.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'wms' });

      const options = await graphql(subgraph.url, '{ shippingOptions(region: "EU") { carrier } }');
      expect(options.errors?.[0]?.path).toEqual(['shippingOptions']);
      expect(options.errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');

      const booking = await book({ sku: parcel.sku, region: 'EU', date: '2032-02-01', reference: 'ORDER-TEST-5' });
      expect(booking.errors?.[0]?.path).toEqual(['bookFulfillment']);
      expect(booking.errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');
    } finally {
      await wms.admin.reset();
    }
    const recovered = await promiseOf(parcel.sku, 'EU', '2031-03-02');
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?._entities[0].deliveryPromise).toEqual(await expectedPromise('EU', '2031-03-02', false));
  });
});

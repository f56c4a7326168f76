import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, MAX_STRING_LENGTH } from '../lib/subgraph/input-bounds.js';
import { graphql } from './support/graphql.js';
import type { StartedSimulator } from './support/servers.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

beforeEach(() => stack.resetVendors());

type Subgraph = keyof Stack['subgraphs'];

/** The simulators behind each subgraph, whose call counters must stay at zero. */
const vendorsOf = (subgraph: Subgraph): StartedSimulator[] => {
  const { pim, commerce, warehouse, storePos, dropship, crm, wms, payments } = stack.vendors;
  return { pim: [pim], commerce: [commerce], inventory: [warehouse, storePos, dropship], crm: [crm], fulfillment: [wms], payments: [payments] }[subgraph];
};

/** Runs `document` with `$value` on a subgraph; returns its errors and how many vendor calls it cost. */
async function run(subgraph: Subgraph, document: string, value: unknown) {
  const { errors } = await graphql(stack.subgraphs[subgraph].url, document, { value });
  const calls = await Promise.all(vendorsOf(subgraph).map(async (vendor) => (await vendor.admin.calls()).total));
  return { errors, vendorCalls: calls.reduce((sum, count) => sum + count, 0) };
}

const NINE_HUNDRED_KB = 900 * 1024;

/** Each subgraph's root fields that take an id or a string, and the entity references it resolves. */
const cases = [
  { field: 'product(id)', subgraph: 'pim', argument: 'id', bound: MAX_ID_LENGTH, document: 'query ($value: ID!) { product(id: $value) { id } }' },
  { field: 'productBySku(sku)', subgraph: 'pim', argument: 'sku', bound: MAX_STRING_LENGTH, document: 'query ($value: String!) { productBySku(sku: $value) { id } }' },
  { field: 'cart(id)', subgraph: 'commerce', argument: 'id', bound: MAX_ID_LENGTH, document: 'query ($value: ID!) { cart(id: $value) { id } }' },
  { field: 'order(id)', subgraph: 'commerce', argument: 'id', bound: MAX_ID_LENGTH, document: 'query ($value: ID!) { order(id: $value) { id } }' },
  { field: 'customer(id)', subgraph: 'crm', argument: 'id', bound: MAX_ID_LENGTH, document: 'query ($value: ID!) { customer(id: $value) { id } }' },
  { field: 'releaseStockReservation(reference)', subgraph: 'inventory', argument: 'reference', bound: MAX_STRING_LENGTH, document: 'mutation ($value: String!) { releaseStockReservation(reference: $value) { undone } }' },
  { field: 'stock(skus)', subgraph: 'inventory', argument: 'skus[0]', bound: MAX_STRING_LENGTH, document: 'query ($value: String!) { stock(skus: [$value], region: "EU") { sku } }' },
  { field: 'cancelFulfillmentBooking(reference)', subgraph: 'fulfillment', argument: 'reference', bound: MAX_STRING_LENGTH, document: 'mutation ($value: String!) { cancelFulfillmentBooking(reference: $value) { undone } }' },
  { field: 'warehouseCapacity(warehouseId)', subgraph: 'fulfillment', argument: 'warehouseId', bound: MAX_ID_LENGTH, document: 'query ($value: ID) { warehouseCapacity(warehouseId: $value) { date } }' },
] as const;

const entityCases = [
  { subgraph: 'pim', typename: 'Product', key: 'id', bound: MAX_ID_LENGTH, fields: 'name' },
  { subgraph: 'commerce', typename: 'Product', key: 'id', bound: MAX_ID_LENGTH, fields: 'price { amount }' },
  { subgraph: 'crm', typename: 'Customer', key: 'id', bound: MAX_ID_LENGTH, fields: 'name' },
  { subgraph: 'inventory', typename: 'ProductVariant', key: 'sku', bound: MAX_STRING_LENGTH, fields: 'availability(region: "EU") { available }' },
  { subgraph: 'fulfillment', typename: 'Product', key: 'sku', bound: MAX_STRING_LENGTH, fields: 'deliveryPromise(region: "EU") { earliestDate }' },
] as const;

const sizes = (bound: number) => [bound + 1, NINE_HUNDRED_KB].map((length) => ({ length }));

describe('subgraph input bounds: arguments', () => {
  describe.each(cases)('$subgraph: $field', ({ subgraph, argument, bound, document }) => {
    it.each(sizes(bound))('refuses $length characters as BAD_USER_INPUT, with no vendor call', async ({ length }) => {
      const { errors, vendorCalls } = await run(subgraph, document, 'x'.repeat(length));
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toBe(`"${argument}" must be at most ${bound} characters, got ${length}`);
      expect(vendorCalls).toBe(0);
    });
  });

  it.each([cases[0], cases[4]])('$subgraph: $field takes an id of exactly the bound to the vendor, which knows no such id', async ({ subgraph, document }) => {
    const { errors, vendorCalls } = await run(subgraph, document, 'x'.repeat(MAX_ID_LENGTH));
    expect(errors).toBeUndefined();
    expect(vendorCalls).toBeGreaterThan(0);
  });
});

describe('subgraph input bounds: entity references from the gateway', () => {
  describe.each(entityCases)('$subgraph: $typename by $key', ({ subgraph, typename, key, bound, fields }) => {
    const document = `query ($value: [_Any!]!) { _entities(representations: $value) { ... on ${typename} { ${fields} } } }`;

    it.each(sizes(bound))('refuses a $length-character key as BAD_USER_INPUT, with no vendor call', async ({ length }) => {
      const { errors, vendorCalls } = await run(subgraph, document, [{ __typename: typename, [key]: 'x'.repeat(length) }]);
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toBe(`"representations[0].${key}" must be at most ${bound} characters, got ${length}`);
      expect(vendorCalls).toBe(0);
    });
  });
});

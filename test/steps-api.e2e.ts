import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/** The step mutations of inventory, fulfillment and payments, with an argument list each takes. */
const STEPS = [
  ['reserveStock', '(sku: "SKU-10001-01", region: "EU", quantity: 1, reference: "api:reserve") { reference }'],
  ['releaseStockReservation', '(reference: "api:reserve") { undone }'],
  ['bookFulfillment', '(sku: "SKU-10001", region: "EU", date: "2033-01-03", reference: "api:book") { id }'],
  ['cancelFulfillmentBooking', '(reference: "api:book") { undone }'],
  ['authorizePayment', '(customerId: "C0001", amount: 10, currency: "EUR", reference: "api:pay") { id }'],
  ['capturePayment', '(reference: "api:pay") { id }'],
  ['voidPayment', '(reference: "api:pay") { undone }'],
] as const;

const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');

describe('step mutations in the supergraph', () => {
  it('are composed into it, each marked @inaccessible', () => {
    const mutation = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }).getMutationType()!;
    for (const [name] of STEPS) {
      const field = mutation.getFields()[name];
      expect(field, name).toBeDefined();
      expect(field!.astNode?.directives?.map((directive) => directive.name.value), name).toContain('inaccessible');
    }
  });

  it("are absent from the gateway's API schema", async () => {
    const fields = Object.keys((await loadApiSchema(supergraphSdl)).getMutationType()!.getFields());
    expect(fields.filter((field) => STEPS.some(([name]) => name === field))).toEqual([]);
    expect(fields).toContain('addCartItem');
  });
});

describe('step mutations through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  it.each(STEPS)('%s is refused before planning, for staff too, and no vendor is called', async (name, rest) => {
    await stack.resetVendors();
    const operations = await authAs({ kind: 'staff', id: 'ops', roles: ['operations'] });
    const { status, data, errors } = await graphql(stack.gateway.url, `mutation { ${name}${rest} }`, undefined, operations);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]).toMatchObject({ message: `Cannot query field "${name}" on type "Mutation".`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const calls = await Promise.all(Object.values(stack.vendors).map(async (vendor) => (await vendor.admin.calls()).total));
    expect(calls.every((count) => count === 0)).toBe(true);
  });
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../gateway/context.js';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/** `policies/access` on the real supergraph: every rule allows someone and denies someone. */
const anonymous: Principal = { kind: 'anonymous' };
const alice: Principal = { kind: 'customer', id: 'C0001' };
const bob: Principal = { kind: 'customer', id: 'C0002' };
const serviceDesk: Principal = { kind: 'staff', id: 'staff-service', roles: ['service'] };
const pricingDesk: Principal = { kind: 'staff', id: 'staff-pricing', roles: ['pricing'] };
const operations: Principal = { kind: 'staff', id: 'staff-ops', roles: ['operations'] };
const lookupAgent: Principal = { kind: 'agent', id: 'lookup-bot', scopes: ['customers:read'] };
const supportAgent: Principal = {
  kind: 'agent',
  id: 'support-bot',
  scopes: ['customers:read', 'pii:read', 'cart:read', 'cart:write', 'orders:read', 'consent:read'],
  onBehalfOf: 'C0001',
};

describe('field-level access at the gateway', () => {
  let stack: Stack;
  const seen: GatewayContext[] = [];
  const ask = async (principal: Principal, query: string, variables?: Record<string, unknown>) =>
    graphql(stack.gateway.url, query, variables, await authAs(principal));
  const codesAt = (errors: { path?: unknown[]; extensions?: Record<string, any> }[] | undefined) =>
    (errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);

  beforeAll(async () => {
    stack = await startStack({ observe: (context) => void seen.push(context) });
  });
  beforeEach(async () => {
    await stack.resetVendors();
    seen.length = 0;
  });

  describe.each([
    ['a pricing role', pricingDesk, true],
    ['the anonymous storefront', anonymous, false],
    ['an agent without pricing scope', supportAgent, false],
  ] as const)('Product.cost, margin and supplier for %s', (_name, principal, allowed) => {
    it(allowed ? 'are returned' : 'are null with FORBIDDEN, the rest of the product returned', async () => {
      const { data, errors } = await ask(principal, '{ product(id: "P0001") { name cost { amount } margin supplier } }');
      expect(data!.product.name).toBeTypeOf('string');
      if (allowed) {
        expect(errors).toBeUndefined();
        expect(data!.product.cost.amount).toBeGreaterThan(0);
        expect(data!.product.supplier).toBeTypeOf('string');
      } else {
        expect(data!.product).toMatchObject({ cost: null, margin: null, supplier: null });
        expect(codesAt(errors).sort()).toEqual([
          ['product.cost', 'FORBIDDEN'],
          ['product.margin', 'FORBIDDEN'],
          ['product.supplier', 'FORBIDDEN'],
        ]);
      }
    });
  });

  it('never fetches a field denied by a rule of the principal alone', async () => {
    const { data } = await ask(anonymous, '{ product(id: "P0001") { name cost { amount } } }');
    expect(data!.product.cost).toBeNull();
    expect((await stack.vendors.commerce.admin.calls()).total).toBe(0);
  });

  describe.each([
    ['the customer themself', alice, 'C0001', true],
    ['an agent with pii:read acting for them', supportAgent, 'C0001', true],
    ['the service desk', serviceDesk, 'C0001', true],
    ['an agent that may look customers up but not read PII', lookupAgent, 'C0001', false],
  ] as const)('customer PII for %s', (_name, principal, id, allowed) => {
    it(allowed ? 'is returned' : 'is null with FORBIDDEN at each field', async () => {
      const { data, errors } = await ask(principal, 'query ($id: ID!) { customer(id: $id) { name email phone addresses { city } } }', { id });
      expect(data!.customer.name).toBeTypeOf('string');
      if (allowed) {
        expect(errors).toBeUndefined();
        expect(data!.customer.email).toContain('@');
      } else {
        expect(data!.customer).toMatchObject({ email: null, phone: null, addresses: null });
        expect(codesAt(errors)).toHaveLength(3);
        expect(codesAt(errors)).toContainEqual(['customer.email', 'FORBIDDEN']);
      }
    });
  });

  describe.each([
    ['another customer', bob, 'C0001'],
    ['an agent bound to another customer', supportAgent, 'C0002'],
    ['the anonymous storefront', anonymous, 'C0001'],
  ] as const)('looking up a customer as %s', (_name, principal, id) => {
    it('is denied before any vendor is asked (variables included)', async () => {
      const { data, errors } = await ask(principal, 'query ($id: ID!) { customer(id: $id) { name } }', { id });
      expect(data).toEqual({ customer: null });
      expect(codesAt(errors)).toEqual([['customer', 'FORBIDDEN']]);
      expect((await stack.vendors.crm.admin.calls()).total).toBe(0);
    });
  });

  describe.each([
    ['the customer themself', alice, true],
    ['an agent with orders:read acting for them', supportAgent, true],
    ['an agent without orders:read', lookupAgent, false],
  ] as const)('a customer’s orders for %s', (_name, principal, allowed) => {
    it(allowed ? 'are returned' : 'are withheld', async () => {
      const { data, errors } = await ask(principal, '{ customer(id: "C0001") { orders(first: 2) { id customerId status } } }');
      if (allowed) {
        expect(errors).toBeUndefined();
        expect(data!.customer.orders[0].customerId).toBe('C0001');
      } else {
        expect(data!.customer.orders).toBeNull();
        expect(codesAt(errors)).toEqual([['customer.orders', 'FORBIDDEN']]);
      }
    });
  });

  describe.each([
    ['its owner', alice, true],
    ['another customer', bob, false],
  ] as const)('a cart fetched by id for %s', (_name, principal, allowed) => {
    it(allowed ? 'is returned' : 'is withheld by the rule on its data', async () => {
      const { data, errors } = await ask(principal, '{ cart(id: "CART-C0001") { id items { quantity } } }');
      if (allowed) {
        expect(errors).toBeUndefined();
        expect(data!.cart.id).toBe('CART-C0001');
      } else {
        expect(data!.cart).toBeNull();
        expect(codesAt(errors)[0]).toEqual(['cart.id', 'FORBIDDEN']);
      }
    });
  });

  it('lists customers for the service desk, not for an agent bound to one customer', async () => {
    const listing = '{ customers(first: 2) { nodes { id } } }';
    expect((await ask(serviceDesk, listing)).data!.customers.nodes).toHaveLength(2);
    expect(codesAt((await ask(supportAgent, listing)).errors)).toEqual([['customers', 'FORBIDDEN']]);
  });

  it('keeps the rest of the answer when a root field is denied', async () => {
    const { data, errors } = await ask(anonymous, '{ products(first: 1) { nodes { id } } customers(first: 1) { totalCount } }');
    expect(data).toEqual({ products: { nodes: [{ id: 'P0001' }] }, customers: null });
    expect(codesAt(errors)).toEqual([['customers', 'FORBIDDEN']]);
  });

  it('denies inside lists at the exact index of every item', async () => {
    const { data, errors } = await ask(lookupAgent, '{ customers(first: 3) { nodes { id email } } }');
    expect(data!.customers.nodes.map((n: any) => n.email)).toEqual([null, null, null]);
    expect(codesAt(errors)).toEqual([0, 1, 2].map((i) => [`customers.nodes.${i}.email`, 'FORBIDDEN']));
  });

  it('denies at the alias the client chose, inside fragments too', async () => {
    const { data, errors } = await ask(
      lookupAgent,
      `{ who: customer(id: "C0001") { ...Contact inline: name ... on Customer { mail: email } } }
       fragment Contact on Customer { phone }`,
    );
    expect(data!.who).toMatchObject({ inline: expect.any(String), mail: null, phone: null });
    expect(codesAt(errors).sort()).toEqual([
      ['who.mail', 'FORBIDDEN'],
      ['who.phone', 'FORBIDDEN'],
    ]);
  });

  it('records every decision on the request, with rule, principal and path', async () => {
    await ask(lookupAgent, '{ customer(id: "C0001") { email } }');
    expect(seen.at(-1)!.policyDecisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'mayLookUpCustomer', coordinate: 'Query.customer', allow: true, stage: 'planning' }),
        expect.objectContaining({
          coordinate: 'Customer.email',
          path: ['customer', 'email'],
          principal: 'agent:lookup-bot',
          allow: false,
          stage: 'result',
        }),
      ]),
    );
  });

  describe('mutations', () => {
    const addToCart = 'mutation ($customerId: ID!) { addCartItem(customerId: $customerId, sku: "SKU-10001-01", quantity: 1) { customerId } }';

    it.each([
      ['the customer themself', alice],
      ['an agent with cart:write acting for them', supportAgent],
    ] as const)('lets %s change a cart', async (_name, principal) => {
      const { data, errors } = await ask(principal, addToCart, { customerId: 'C0001' });
      expect(errors).toBeUndefined();
      expect(data!.addCartItem.customerId).toBe('C0001');
    });

    it.each([
      ['another customer', bob],
      ['the anonymous storefront', anonymous],
      ['an agent without cart:write', lookupAgent],
    ] as const)('refuses %s before any vendor is called', async (_name, principal) => {
      const { data, errors } = await ask(principal, addToCart, { customerId: 'C0001' });
      expect(data).toBeNull();
      expect(codesAt(errors)).toEqual([['addCartItem', 'FORBIDDEN']]);
      expect((await stack.vendors.commerce.admin.calls()).total).toBe(0);
    });

    const reserve = 'mutation { reserveStock(sku: "SKU-10001-01", region: "EU", quantity: 1, reference: "policy-test") { reference } }';
    it('offers step mutations to no one, operations staff included: they are not in the API, and no vendor is called', async () => {
      for (const principal of [operations, supportAgent]) {
        const { data, errors } = await ask(principal, reserve);
        expect(data).toBeUndefined();
        expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      expect((await stack.vendors.warehouse.admin.calls()).total).toBe(0);
    });

    const consent = 'mutation ($id: ID!) { updateConsent(customerId: $id, consent: { sms: true }) { id } }';
    it('lets the service desk update consent, and refuses an agent bound to another customer', async () => {
      expect((await ask(serviceDesk, consent, { id: 'C0005' })).errors).toBeUndefined();
      expect(codesAt((await ask(supportAgent, consent, { id: 'C0005' })).errors)).toEqual([['updateConsent', 'FORBIDDEN']]);
    });
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexRules } from '../gateway/policy/rule-index.js';
import { accessPolicy } from '../policies/access/permissions.js';
import type { Principal } from '../policies/principal.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';
import { seedData } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * Every rule of `policies/access/permissions.ts` allows someone and denies someone, on the real
 * supergraph. The table must name every rule the policy uses: a new rule without its two tests fails.
 */
const alice: Principal = { kind: 'customer', id: 'C0001' };
const bob: Principal = { kind: 'customer', id: 'C0002' };
const anonymous: Principal = { kind: 'anonymous' };
const operations: Principal = { kind: 'staff', id: 'ops', roles: ['operations'] };
const pricing: Principal = { kind: 'staff', id: 'pricer', roles: ['pricing'] };
const service: Principal = { kind: 'staff', id: 'desk', roles: ['service'] };
const lookupAgent: Principal = { kind: 'agent', id: 'lookup-bot', scopes: ['customers:read'] };
const boundAgent: Principal = { kind: 'agent', id: 'support-bot', scopes: ['customers:read', 'consent:write', 'cart:write'], onBehalfOf: 'C0001' };
const supervisor: Principal = { kind: 'staff', id: 'lead', roles: ['supervisor'] };
const auditor: Principal = { kind: 'staff', id: 'audit', roles: ['auditor'] };
const shopBot: Principal = { kind: 'agent', id: 'shop-bot', scopes: ['orders:place', 'credits:issue'], onBehalfOf: 'C0001' };
const aliceOrder = seedData().orders.find((order) => order.customerId === 'C0001')!.id;

interface Case {
  rule: string;
  query: string;
  allowed: Principal;
  denied: Principal;
  /** Where the denial shows. */
  path: string;
}

const CASES: Case[] = [
  { rule: 'signedIn', query: '{ cart(id: "CART-C0001") { id } }', allowed: alice, denied: anonymous, path: 'cart' },
  { rule: 'mayLookUpCustomer', query: '{ customer(id: "C0001") { name } }', allowed: alice, denied: bob, path: 'customer' },
  { rule: 'and(holds(customers:read), notBoundToOneCustomer)', query: '{ customers(first: 1) { totalCount } }', allowed: lookupAgent, denied: boundAgent, path: 'customers' },
  { rule: 'holds(pricing:read)', query: '{ product(id: "P0001") { supplier } }', allowed: pricing, denied: anonymous, path: 'product.supplier' },
  { rule: 'holds(fulfillment:read)', query: '{ warehouseCapacity(days: 1) { remaining } }', allowed: operations, denied: service, path: 'warehouseCapacity' },
  { rule: 'or(isTheCustomer, holdsForThisCustomer(pii:read))', query: '{ customer(id: "C0001") { email } }', allowed: service, denied: lookupAgent, path: 'customer.email' },
  { rule: 'or(isTheCustomer, holdsForThisCustomer(consent:read))', query: '{ customer(id: "C0001") { consent { sms } } }', allowed: alice, denied: lookupAgent, path: 'customer.consent' },
  { rule: 'or(isTheCustomer, holdsForThisCustomer(cart:read))', query: '{ customer(id: "C0001") { cart { id } } }', allowed: service, denied: lookupAgent, path: 'customer.cart' },
  { rule: 'or(isTheCustomer, holdsForThisCustomer(orders:read))', query: '{ customer(id: "C0001") { orders { id } } }', allowed: alice, denied: lookupAgent, path: 'customer.orders' },
  { rule: 'ownerOr(cart:read)', query: '{ cart(id: "CART-C0001") { region } }', allowed: service, denied: bob, path: 'cart.region' },
  { rule: 'ownerOr(orders:read)', query: `{ order(id: "${aliceOrder}") { status } }`, allowed: alice, denied: bob, path: 'order.status' },
  {
    rule: 'actsForArgumentCustomer(cart:write)',
    query: 'mutation { removeCartItem(customerId: "C0001", sku: "SKU-00000-00") { customerId } }',
    allowed: boundAgent,
    denied: bob,
    path: 'removeCartItem',
  },
  {
    rule: 'actsForArgumentCustomer(consent:write)',
    query: 'mutation { updateConsent(customerId: "C0001", consent: { email: true }) { id } }',
    allowed: boundAgent,
    denied: lookupAgent,
    path: 'updateConsent',
  },
  {
    rule: 'actsForArgumentCustomer(orders:place)',
    query: 'mutation { placeOrder(customerId: "C0001", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 1 }], idempotencyKey: "k", dryRun: true) { id } }',
    allowed: shopBot,
    denied: lookupAgent,
    path: 'placeOrder',
  },
  {
    rule: 'holds(promotions:launch)',
    query: `mutation { launchPromotion(name: "Spring", productIds: ["P0001"], percent: 10, region: "EU", segment: "vip", badge: "SALE", validUntil: "2027-01-31", idempotencyKey: "k", dryRun: true) { id } }`,
    allowed: pricing,
    denied: service,
    path: 'launchPromotion',
  },
  {
    rule: 'holds(pricing:write)',
    query: 'mutation { changePrice(sku: "SKU-10002-01", region: "EU", amount: 60, idempotencyKey: "k", dryRun: true) { id } }',
    allowed: pricing,
    denied: shopBot,
    path: 'changePrice',
  },
  {
    rule: 'holds(credits:issue)',
    query: 'mutation { issueGoodwillCredit(customerId: "C0001", amount: 10, currency: "EUR", idempotencyKey: "k", dryRun: true) { id } }',
    allowed: service,
    denied: pricing,
    path: 'issueGoodwillCredit',
  },
  { rule: 'holds(actions:approve)', query: 'mutation { approveAction(id: "act_none") { id } }', allowed: supervisor, denied: service, path: 'approveAction' },
  { rule: 'holds(actions:read)', query: '{ actions(first: 1) { id } }', allowed: operations, denied: shopBot, path: 'actions' },
  { rule: 'holds(audit:read)', query: '{ auditLog(first: 1) { nodes { seq } } }', allowed: auditor, denied: supervisor, path: 'auditLog' },
];

describe('every access rule', () => {
  let stack: Stack;
  const forbiddenPaths = async (principal: Principal, query: string) => {
    const { errors } = await graphql(stack.gateway.url, query, undefined, await authAs(principal));
    return (errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));
  };

  beforeAll(async () => {
    stack = await startStack();
  });

  it('is in this table', async () => {
    const schema = await loadApiSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const used = new Set([...indexRules(schema, accessPolicy).values()].filter((rule) => !rule.open).map((rule) => rule.name));
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual([...used].sort());
  });

  it.each(CASES)('$rule allows one principal', async ({ query, allowed }) => {
    expect(await forbiddenPaths(allowed, query)).toEqual([]);
  });

  it.each(CASES)('$rule denies another, at $path', async ({ query, denied, path }) => {
    expect(await forbiddenPaths(denied, query)).toContain(path);
  });
});

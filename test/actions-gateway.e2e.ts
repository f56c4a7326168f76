import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPrincipalAssertion } from '../lib/identity/principal-assertion.js';
import type { Pool } from '../lib/postgres/pool.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { startProductStack, type ProductStack } from './support/product-stack.js';
import type { Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * An agent's session through the gateway, as the README's tour tells it: identity, the access policy,
 * the signed principal reaching the orchestrator, guardrails, the saga, an approval, and the one audit
 * log (the gateway's record of each call and the orchestrator's of each step) an auditor reads.
 */
const database = await scratchDatabaseOrSkip('test/actions-gateway.e2e.ts');

const PLACE_ORDER = `mutation PlaceOrder($customerId: ID!, $quantity: Int!, $key: String!, $dryRun: Boolean) {
  placeOrder(customerId: $customerId, region: "EU", lines: [{ sku: "SKU-10002-01", quantity: $quantity }], idempotencyKey: $key, dryRun: $dryRun) {
    id status dryRun guardrails { guardrail decision } steps { name status }
  }
}`;
const CREDIT = `mutation Credit($amount: Float!, $key: String!) {
  issueGoodwillCredit(customerId: "C0001", amount: $amount, currency: "EUR", idempotencyKey: $key) { id status }
}`;
const APPROVE = 'mutation Approve($id: ID!) { approveAction(id: $id, reason: "loyal customer") { id status approval { decision by } } }';
const AUDIT_LOG = `query Audit($key: String) {
  auditLog(filter: { idempotencyKey: $key }, first: 100) { nodes { seq principal onBehalfOf reason action step outcome decisions { kind name verdict } } }
}`;

const shopBot: Principal = { kind: 'agent', id: 'shop-bot', scopes: ['orders:place', 'credits:issue'], onBehalfOf: 'C0001' };
const supervisor: Principal = { kind: 'staff', id: 'S07', roles: ['supervisor'] };
const auditor: Principal = { kind: 'staff', id: 'A01', roles: ['auditor'] };
const REASON = { 'x-agent-reason': 'the customer asked in chat' };

let product: ProductStack;
let stack: Stack;
let pool: Pool;
const as = async (principal: Principal, query: string, variables: Record<string, unknown>, extra: Record<string, string> = {}) =>
  graphql(stack.gateway.url, query, variables, { ...(await authAs(principal)), ...extra });

beforeAll(async () => {
  if (!database) return;
  // Its agents send documents of their own over /graphql: the safelist, which would refuse them, is off here.
  product = await startProductStack(database, { safelist: null });
  ({ stack, pool } = product);
});
afterAll(() => product?.close());

describe.runIf(database)("an agent's session through the gateway", () => {
  it('plans with a dry run, then places the order once, whatever the retries', async () => {
    const dry = await as(shopBot, PLACE_ORDER, { customerId: 'C0001', quantity: 1, key: 'order-1', dryRun: true }, REASON);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.placeOrder).toMatchObject({ status: 'DRY_RUN', dryRun: true, steps: [] });

    const placed = await as(shopBot, PLACE_ORDER, { customerId: 'C0001', quantity: 1, key: 'order-1' }, REASON);
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeOrder.status).toBe('COMPLETED');
    const again = await as(shopBot, PLACE_ORDER, { customerId: 'C0001', quantity: 1, key: 'order-1' }, REASON);
    expect(again.data!.placeOrder).toEqual(placed.data!.placeOrder);
    const orders = (await stack.vendors.commerce.admin.effects()).filter((effect) => effect.kind === 'order');
    expect(orders).toHaveLength(1);
  });

  it('is refused by a guardrail, naming it and its limit, with no write at any vendor', async () => {
    await stack.resetVendors();
    const refused = await as(shopBot, PLACE_ORDER, { customerId: 'C0001', quantity: 900, key: 'order-huge' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail: 'safety-stock', limit: expect.any(String) });
    const writes = await Promise.all(Object.values(stack.vendors).map((vendor) => vendor.admin.effects()));
    expect(writes.flat()).toEqual([]);
  });

  it('is refused by the access policy for another customer, before the orchestrator is asked', async () => {
    const refused = await as(shopBot, PLACE_ORDER, { customerId: 'C0002', quantity: 1, key: 'order-other' });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const { rows } = await pool.query("SELECT 1 FROM orchestration.actions WHERE idempotency_key = 'order-other'");
    expect(rows).toEqual([]);
  });

  it('sends a large goodwill credit for approval, which a supervisor gives', async () => {
    const pending = await as(shopBot, CREDIT, { amount: 80, key: 'credit-1' }, REASON);
    expect(pending.data!.issueGoodwillCredit.status).toBe('PENDING_APPROVAL');
    const approved = await as(supervisor, APPROVE, { id: pending.data!.issueGoodwillCredit.id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveAction).toMatchObject({ status: 'COMPLETED', approval: { decision: 'APPROVED', by: 'staff:S07' } });
  });

  it('explains all of it to an auditor, and to nobody else', async () => {
    const trail = await as(auditor, AUDIT_LOG, { key: 'order-1' });
    expect(trail.errors).toBeUndefined();
    const records = trail.data!.auditLog.nodes as { principal: string; action: string; step: string | null; outcome: string; reason: string | null }[];
    // The gateway's record of each of the three calls, and the orchestrator's of the one real run's steps.
    expect(records.filter((record) => record.step === null).map((record) => record.outcome)).toEqual(['served', 'served', 'served']);
    expect(records.filter((record) => record.step !== null).map((record) => `${record.step} ${record.outcome}`)).toEqual([
      'guardrails allowed',
      'reserve-stock-1 succeeded',
      'authorize-payment succeeded',
      'create-order succeeded',
      'book-fulfillment-1 succeeded',
      'capture-payment succeeded',
      'outcome succeeded',
    ]);
    for (const record of records) expect(record).toMatchObject({ principal: 'agent:shop-bot', onBehalfOf: 'customer:C0001', action: 'placeOrder', reason: 'the customer asked in chat' });

    const nosy = await as(shopBot, AUDIT_LOG, { key: 'order-1' });
    expect(nosy.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('takes no principal from the client: a forged assertion is stripped, and the caller stays anonymous', async () => {
    const forged = signPrincipalAssertion({ principal: auditor }, randomSecret());
    const answer = await graphql(stack.gateway.url, AUDIT_LOG, { key: 'order-1' }, forged);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

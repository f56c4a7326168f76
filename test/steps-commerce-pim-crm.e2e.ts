import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomSecret } from '../lib/signing/development-secret.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';
import { createCommercetoolsAdapter } from '../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../subgraphs/commerce/server.js';
import { createSalesforceAdapter } from '../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../subgraphs/crm/server.js';
import { createPimHttpAdapter } from '../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../subgraphs/pim/server.js';
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { createPimSimulator } from '../vendors/pim/simulator.js';
import { graphql } from './support/graphql.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/**
 * The step contract (docs/orchestration-steps.md) for the steps of commerce, pim and crm, each against
 * its real vendor simulator, counted at the vendor (`GET /_admin/effects`).
 */
type Vendor = 'commerce' | 'pim' | 'crm';

interface Operation {
  query: string;
  variables: (reference: string) => Record<string, unknown>;
}

interface Step {
  name: string;
  vendor: Vendor;
  forward: Operation;
  compensation: Operation;
  /** The kinds of effect the forward step records at its vendor, then its compensation. */
  effects: { forward: string[]; compensation: string[] };
  /** The vendor's write routes of the forward step and of its compensation, for the "acted, response lost" fault. */
  routes: { forward: string; compensation: string };
}

const vendors = {} as Record<Vendor, StartedSimulator>;
const urls = {} as Record<Vendor, string>;

beforeAll(async () => {
  const [commerce, pim, crm] = await Promise.all([
    startSimulator('commerce', createCommerceSimulator),
    startSimulator('pim', createPimSimulator),
    startSimulator('crm', createCrmSimulator),
  ]);
  Object.assign(vendors, { commerce, pim, crm });
  const options = { internalCallSecret: TEST_INTERNAL_CALL_SECRET };
  urls.commerce = (await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: commerce.url }), options))).url;
  urls.pim = (await startGraphQL(createPimSubgraph(createPimHttpAdapter({ baseUrl: pim.url }), options))).url;
  urls.crm = (await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: crm.url }), options))).url;
});

beforeEach(async () => {
  await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.reset()));
});

const byReference = (reference: string) => ({ reference });
const undo = (field: string): Operation => ({ query: `mutation ($reference: String!) { ${field}(reference: $reference) { reference undone } }`, variables: byReference });

const STEPS: Step[] = [
  {
    name: 'createOrder / cancelOrder',
    vendor: 'commerce',
    forward: {
      query: `mutation ($reference: String!) { createOrder(reference: $reference, customerId: "C0003", region: "UK", lines: [{ sku: "SKU-10004-01", quantity: 2 }]) {
        id customerId status region total { amount currency } lines { quantity variant { sku } unitPrice { amount } }
      } }`,
      variables: byReference,
    },
    compensation: undo('cancelOrder'),
    effects: { forward: ['order'], compensation: ['order-state'] },
    routes: { forward: 'POST /orders/import', compensation: 'POST /orders/order-number=:orderNumber' },
  },
  {
    name: 'setPrice / restorePrice',
    vendor: 'commerce',
    forward: {
      query: 'mutation ($reference: String!) { setPrice(sku: "SKU-10002-01", region: "EU", amount: 42.5, reference: $reference) { reference productId sku region price { amount currency } previous { amount currency } status } }',
      variables: byReference,
    },
    compensation: undo('restorePrice'),
    effects: { forward: ['price-change'], compensation: ['price-revert'] },
    routes: { forward: 'POST /price-changes', compensation: 'POST /price-changes/key=:key' },
  },
  {
    name: 'createProductDiscount / removeProductDiscount',
    vendor: 'commerce',
    forward: {
      query: `mutation ($reference: String!) { createProductDiscount(reference: $reference, skus: ["SKU-10003-01", "SKU-10004-01"], percent: 15, validUntil: "2031-01-01T00:00:00Z") {
        reference skus productIds percent validUntil status
      } }`,
      variables: byReference,
    },
    compensation: undo('removeProductDiscount'),
    effects: { forward: ['product-discount'], compensation: ['product-discount-active'] },
    routes: { forward: 'POST /product-discounts', compensation: 'POST /product-discounts/key=:key' },
  },
  {
    name: 'setProductBadge / removeProductBadge',
    vendor: 'pim',
    forward: {
      query: 'mutation ($reference: String!) { setProductBadge(productId: "P0005", badge: "SALE", reference: $reference) { reference productId badge status } }',
      variables: byReference,
    },
    compensation: undo('removeProductBadge'),
    effects: { forward: ['badge'], compensation: ['badge-removal'] },
    routes: { forward: 'PATCH /api/rest/v1/reference-entities/:entity/records', compensation: 'DELETE /api/rest/v1/reference-entities/:entity/records/:code' },
  },
  {
    name: 'createCampaign / cancelCampaign',
    vendor: 'crm',
    forward: {
      query: 'mutation ($reference: String!) { createCampaign(reference: $reference, name: "15% off games", segment: "vip", productIds: ["P0002", "P0007"]) { reference name segment productIds status } }',
      variables: byReference,
    },
    compensation: undo('cancelCampaign'),
    effects: { forward: ['campaign'], compensation: ['campaign-update'] },
    routes: {
      forward: 'PATCH /services/data/v59.0/sobjects/Campaign/ExternalId__c/:externalId',
      compensation: 'PATCH /services/data/v59.0/sobjects/Campaign/ExternalId__c/:externalId',
    },
  },
  {
    name: 'grantGoodwillCredit / revokeGoodwillCredit',
    vendor: 'crm',
    forward: {
      query: `mutation ($reference: String!) { grantGoodwillCredit(customerId: "C0004", amount: 15, currency: "EUR", reason: "parcel arrived late", reference: $reference) {
        reference customerId amount currency reason status
      } }`,
      variables: byReference,
    },
    compensation: undo('revokeGoodwillCredit'),
    effects: { forward: ['goodwill-credit'], compensation: ['goodwill-credit-update'] },
    routes: {
      forward: 'PATCH /services/data/v59.0/sobjects/Goodwill_Credit__c/ExternalId__c/:externalId',
      compensation: 'PATCH /services/data/v59.0/sobjects/Goodwill_Credit__c/ExternalId__c/:externalId',
    },
  },
];

/** A fresh reference per test, as the orchestrator makes one per action and step. */
const newReference = (step: Step) => `${randomUUID()}:${step.name.split(' ')[0]}`;

async function effectsAt(step: Step, reference: string): Promise<string[]> {
  return (await vendors[step.vendor].admin.effects(reference)).map((effect) => effect.kind);
}

async function run(step: Step, operation: Operation, reference: string) {
  const answer = await internalGraphql(urls[step.vendor], operation.query, operation.variables(reference));
  return { data: answer.data ? Object.values(answer.data)[0] : answer.data, errors: answer.errors };
}

/** Runs `work` while the route answers nothing after acting; clears the faults (not the effects) after. */
async function withLostResponse<T>(step: Step, route: string, work: () => Promise<T>): Promise<T> {
  await vendors[step.vendor].admin.setFaults({ routes: { [route]: { actedResponseLost: true } } });
  try {
    return await work();
  } finally {
    await vendors[step.vendor].admin.setFaults({});
  }
}

describe.each(STEPS)('$name', (step) => {
  it('the forward step twice with one reference: the same answer, one effect at the vendor', async () => {
    const reference = newReference(step);
    const first = await run(step, step.forward, reference);
    expect(first.errors).toBeUndefined();
    expect(await run(step, step.forward, reference)).toEqual(first);
    expect(await effectsAt(step, reference)).toEqual(step.effects.forward);
  });

  it('the compensation twice by reference: undone, then nothing left to undo; the forward step after it does nothing', async () => {
    const reference = newReference(step);
    expect((await run(step, step.forward, reference)).errors).toBeUndefined();
    expect((await run(step, step.compensation, reference)).data).toEqual({ reference, undone: true });
    expect((await run(step, step.compensation, reference)).data).toEqual({ reference, undone: false });
    expect((await run(step, step.forward, reference)).errors).toBeUndefined();
    expect(await effectsAt(step, reference)).toEqual([...step.effects.forward, ...step.effects.compensation]);
  });

  it('the compensation of a reference that never took effect: nothing to undo, no effect', async () => {
    const reference = newReference(step);
    expect(await run(step, step.compensation, reference)).toEqual({ data: { reference, undone: false }, errors: undefined });
    expect(await effectsAt(step, reference)).toEqual([]);
  });

  it('"acted, response lost" on the forward write: the retry with the reference ends with exactly one effect', async () => {
    const reference = newReference(step);
    const lost = await withLostResponse(step, step.routes.forward, () => run(step, step.forward, reference));
    expect(lost.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    expect(await effectsAt(step, reference)).toEqual(step.effects.forward);
    expect((await run(step, step.forward, reference)).errors).toBeUndefined();
    expect(await effectsAt(step, reference)).toEqual(step.effects.forward);
  });

  it('"acted, response lost" on the compensation: the retry finds nothing left to undo, one effect in all', async () => {
    const reference = newReference(step);
    expect((await run(step, step.forward, reference)).errors).toBeUndefined();
    const lost = await withLostResponse(step, step.routes.compensation, () => run(step, step.compensation, reference));
    expect(lost.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    expect((await run(step, step.compensation, reference)).data).toEqual({ reference, undone: false });
    expect(await effectsAt(step, reference)).toEqual([...step.effects.forward, ...step.effects.compensation]);
  });

  it('unsigned, or signed with another secret: FORBIDDEN, and the vendor is not called', async () => {
    const reference = newReference(step);
    for (const operation of [step.forward, step.compensation]) {
      const unsigned = await graphql(urls[step.vendor], operation.query, operation.variables(reference));
      const forged = await internalGraphql(urls[step.vendor], operation.query, operation.variables(reference), randomSecret());
      for (const answer of [unsigned, forged]) {
        expect(answer.data).toBeNull();
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    expect((await vendors[step.vendor].admin.calls()).total).toBe(0);
    expect(await effectsAt(step, reference)).toEqual([]);
  });
});

/** The guardrails' internal reads, with arguments each takes. */
const INTERNAL_READS: [Vendor, string, string][] = [
  ['commerce', 'internalPrice', '{ internalPrice(sku: "SKU-10001-01", region: "EU") { amount cost { amount } } }'],
  ['crm', 'negotiatedDiscounts', '{ negotiatedDiscounts(sku: "SKU-10001-01") { customerId percentOff } }'],
];

describe('internal reads', () => {
  it.each(INTERNAL_READS)('%s %s unsigned: FORBIDDEN, and the vendor is not called; signed: answered', async (vendor, _field, query) => {
    const unsigned = await graphql(urls[vendor], query);
    expect(unsigned.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await vendors[vendor].admin.calls()).total).toBe(0);
    const signed = await internalGraphql(urls[vendor], query);
    expect(signed.errors).toBeUndefined();
  });
});

describe("the gateway's API schema", () => {
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const mutations = STEPS.flatMap((step) => [step.forward, step.compensation].map((operation) => /\{ (\w+)\(/.exec(operation.query)![1]!));
  const reads = INTERNAL_READS.map(([, field]) => field);
  const types = [
    'OrderLineInput', 'OrderCancellation', 'InternalPrice', 'PriceChange', 'PriceRestore', 'ProductDiscount', 'ProductDiscountRemoval',
    'ProductBadge', 'ProductBadgeRemoval', 'NegotiatedDiscount', 'Campaign', 'CampaignCancellation', 'GoodwillCredit', 'GoodwillCreditRevocation',
  ];

  it('the supergraph has every step and internal read, each marked @inaccessible', () => {
    const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
    const fields = [
      ...mutations.map((name) => schema.getMutationType()!.getFields()[name]),
      ...reads.map((name) => schema.getQueryType()!.getFields()[name]),
    ];
    for (const field of fields) expect(field?.astNode?.directives?.map((directive) => directive.name.value)).toContain('inaccessible');
    expect(fields).toHaveLength(mutations.length + reads.length);
  });

  it('has none of them, nor their types', async () => {
    const api = await loadApiSchema(supergraphSdl);
    expect(Object.keys(api.getMutationType()!.getFields()).filter((field) => mutations.includes(field))).toEqual([]);
    expect(Object.keys(api.getQueryType()!.getFields()).filter((field) => reads.includes(field))).toEqual([]);
    expect(types.filter((type) => api.getType(type) !== undefined)).toEqual([]);
    expect(api.getMutationType()!.getFields().addCartItem).toBeDefined();
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSalesforceAdapter } from '../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../subgraphs/crm/server.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { seedData } from '../vendors/seed/index.js';
import { negotiatedDiscountsOf } from '../vendors/seed/negotiated-discounts.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/** Campaigns and goodwill credits as the CRM keeps them, and the negotiated discounts the guardrails read. */
const seed = seedData();
const discounts = negotiatedDiscountsOf(seed);
const categoryDiscount = discounts.find((discount) => discount.category !== null)!;
const inCategoryOnly = seed.products.find((product) => product.categories.includes(categoryDiscount.category!) && !discounts.some((discount) => discount.sku === product.variants[0]!.sku))!;

let vendor: StartedSimulator;
let url: string;

beforeAll(async () => {
  vendor = await startSimulator('crm', createCrmSimulator);
  url = (await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: vendor.url }), { internalCallSecret: TEST_INTERNAL_CALL_SECRET }))).url;
});

beforeEach(async () => {
  await vendor.admin.reset();
});

const reference = (step: string) => `${randomUUID()}:${step}`;
const NEGOTIATED = 'query ($sku: String!) { negotiatedDiscounts(sku: $sku) { customerId sku category percentOff validFrom validUntil } }';
const CREATE_CAMPAIGN = 'mutation ($reference: String!, $segment: String!, $productIds: [ID!]!) { createCampaign(reference: $reference, name: "Spring", segment: $segment, productIds: $productIds) { status } }';
const CANCEL_CAMPAIGN = 'mutation ($reference: String!) { cancelCampaign(reference: $reference) { undone } }';
const GRANT = 'mutation ($customerId: ID!, $amount: Float!, $reference: String!) { grantGoodwillCredit(customerId: $customerId, amount: $amount, currency: "GBP", reason: "late", reference: $reference) { customerId amount status } }';
const REVOKE = 'mutation ($reference: String!) { revokeGoodwillCredit(reference: $reference) { undone } }';

/** A record as the CRM's sObject API answers it, by its external id. */
async function record(object: string, externalId: string) {
  return (await fetch(`${vendor.url}/services/data/v59.0/sobjects/${object}/ExternalId__c/${encodeURIComponent(externalId)}`)).json();
}

describe('negotiatedDiscounts', () => {
  it('lists the discounts in force today on a SKU, by the SKU and by its category, not those that ended', async () => {
    const [product] = seed.products;
    const sku = product!.variants[0]!.sku;
    const today = new Date().toISOString().slice(0, 10);
    const covering = discounts.filter((discount) => discount.sku === sku || product!.categories.includes(discount.category!));
    const running = covering.filter((discount) => discount.validFrom <= today && today <= discount.validUntil);
    expect(running.length).toBeGreaterThan(1);
    expect(running.length).toBeLessThan(covering.length);
    expect((await internalGraphql(url, NEGOTIATED, { sku })).data!.negotiatedDiscounts).toEqual(running);
  });

  it("covers every SKU of a discounted category, and none that no discount names", async () => {
    const inCategory = await internalGraphql(url, NEGOTIATED, { sku: inCategoryOnly.variants[0]!.sku });
    expect(inCategory.data!.negotiatedDiscounts).toEqual([categoryDiscount]);
    expect((await internalGraphql(url, NEGOTIATED, { sku: 'SKU-99999-01' })).data).toEqual({ negotiatedDiscounts: [] });
  });
});

describe('createCampaign / cancelCampaign', () => {
  it('keeps the campaign under its reference as external id, running until cancelled', async () => {
    const ref = reference('campaign');
    const created = await internalGraphql(url, CREATE_CAMPAIGN, { reference: ref, segment: 'vip', productIds: ['P0001', 'P0002'] });
    expect(created.data).toEqual({ createCampaign: { status: 'ACTIVE' } });
    expect(await record('Campaign', ref)).toMatchObject({ Name: 'Spring', Segment__c: 'vip', Product_Ids__c: 'P0001;P0002', Status: 'In Progress', IsActive: true });
    expect((await internalGraphql(url, CANCEL_CAMPAIGN, { reference: ref })).data).toEqual({ cancelCampaign: { undone: true } });
    expect(await record('Campaign', ref)).toMatchObject({ Status: 'Aborted', IsActive: false });
    const again = await internalGraphql(url, CREATE_CAMPAIGN, { reference: ref, segment: 'vip', productIds: ['P0001', 'P0002'] });
    expect(again.data).toEqual({ createCampaign: { status: 'CANCELLED' } });
  });

  it.each([
    ['a list of segments', { segment: 'vip;b2b' }],
    ['no products', { productIds: [] }],
  ])('refuses %s before calling the CRM', async (_case, change) => {
    const answer = await internalGraphql(url, CREATE_CAMPAIGN, { reference: reference('campaign'), segment: 'vip', productIds: ['P0001'], ...change });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await vendor.admin.calls()).total).toBe(0);
  });
});

describe('grantGoodwillCredit / revokeGoodwillCredit', () => {
  it("credits the customer's Contact under the reference until revoked", async () => {
    const ref = reference('credit');
    const granted = await internalGraphql(url, GRANT, { customerId: 'C0007', amount: 12.5, reference: ref });
    expect(granted.data).toEqual({ grantGoodwillCredit: { customerId: 'C0007', amount: 12.5, status: 'GRANTED' } });
    expect(await record('Goodwill_Credit__c', ref)).toMatchObject({ Customer_Number__c: 'C0007', Amount__c: 12.5, CurrencyIsoCode: 'GBP', Status__c: 'Granted' });
    expect((await internalGraphql(url, REVOKE, { reference: ref })).data).toEqual({ revokeGoodwillCredit: { undone: true } });
    expect(await record('Goodwill_Credit__c', ref)).toMatchObject({ Status__c: 'Revoked' });
  });

  it('refuses a customer the CRM does not have (reason UNKNOWN_CUSTOMER), and credits nothing', async () => {
    const ref = reference('credit');
    const answer = await internalGraphql(url, GRANT, { customerId: 'C9999', amount: 10, reference: ref });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_CUSTOMER' });
    expect(await vendor.admin.effects()).toEqual([]);
  });

  it('refuses an amount that is not above 0 in whole cents before calling the CRM', async () => {
    for (const amount of [0, -5, 1.001]) {
      const answer = await internalGraphql(url, GRANT, { customerId: 'C0007', amount, reference: reference('credit') });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await vendor.admin.calls()).total).toBe(0);
  });
});

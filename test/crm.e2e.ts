import { beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAdapter } from '../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../subgraphs/crm/server.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { seedData, type SeedCustomer } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

const CUSTOMER_FIELDS = `
  id name firstName lastName email phone segments
  loyalty { tier points }
  consent { email sms profiling }
  addresses { kind line1 city postalCode country }
  paymentMethods { id brand last4 expires display }`;

const customers = seedData().customers;
let vendor: StartedSimulator;
let subgraphUrl: string;

beforeAll(async () => {
  vendor = await startSimulator('crm vendor simulator', createCrmSimulator);
  const adapter = createSalesforceAdapter({ baseUrl: vendor.url, timeoutMs: 2_000 });
  subgraphUrl = (await startGraphQL(createCrmSubgraph(adapter))).url;
});

const query = (text: string, variables?: Record<string, unknown>) => graphql(subgraphUrl, text, variables);
const seedCustomer = (id: string) => customers.find((customer) => customer.id === id) as SeedCustomer;
const codes = (errors: { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions?.code);
const cursorAt = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

describe('crm subgraph: customer by id', () => {
  it.each(['C0001', 'C0002'])('returns seed customer %s with consent un-inverted and addresses in order', async (id) => {
    const seed = seedCustomer(id);
    const { data, errors } = await query(`query ($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`, { id });
    expect(errors).toBeUndefined();
    expect(data?.customer).toMatchObject({
      id,
      name: `${seed.firstName} ${seed.lastName}`,
      email: seed.email,
      phone: seed.phone,
      segments: seed.segments,
      loyalty: seed.loyalty,
      consent: seed.consent,
      addresses: seed.addresses.map(({ kind, line1, city, postalCode, country }) => ({
        kind: kind.toUpperCase(),
        ...{ line1, city, postalCode, country },
      })),
    });
  });

  it('exposes payment methods masked: brand, last4, MM/YYYY expiry, display label, nothing longer', async () => {
    const seed = seedCustomer('C0001');
    const { data } = await query(`{ customer(id: "C0001") { paymentMethods { id brand last4 expires display } } }`);
    const methods = data?.customer.paymentMethods as Record<string, string>[];
    expect(methods.length).toBe(seed.paymentMethods.length);
    methods.forEach((method, i) => {
      const expected = seed.paymentMethods[i]!;
      expect(method).toMatchObject({
        brand: expected.brand,
        last4: expected.last4,
        expires: `${String(expected.expMonth).padStart(2, '0')}/${expected.expYear}`,
        display: `${expected.brand} •••• ${expected.last4}`,
      });
      const { id, ...shown } = method;
      expect(id).not.toMatch(/tok_/);
      for (const value of Object.values(shown)) expect(value).not.toMatch(/\d{5,}/);
    });
    const type = await query(`{ __type(name: "PaymentMethod") { fields { name } } }`);
    const fields = type.data?.__type.fields.map((field: { name: string }) => field.name);
    expect(fields).toEqual(['id', 'brand', 'last4', 'expires', 'display']);
  });

  it('answers null without error for an unknown id', async () => {
    const { data, errors } = await query(`{ customer(id: "C9999") { id name } }`);
    expect(errors).toBeUndefined();
    expect(data?.customer).toBeNull();
  });
});

describe('crm subgraph: customers listing', () => {
  const page = `query ($first: Int, $after: String, $segment: String) {
    customers(first: $first, after: $after, segment: $segment) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
  }`;

  it('pages through all customers in order with cursors', async () => {
    const first = await query(page, { first: 3 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.customers.totalCount).toBe(customers.length);
    expect(first.data?.customers.nodes.map((n: { id: string }) => n.id)).toEqual(customers.slice(0, 3).map((c) => c.id));
    expect(first.data?.customers.pageInfo.hasNextPage).toBe(true);

    const second = await query(page, { first: 3, after: first.data?.customers.pageInfo.endCursor });
    expect(second.data?.customers.nodes.map((n: { id: string }) => n.id)).toEqual(customers.slice(3, 6).map((c) => c.id));

    const last = await query(page, { first: 5, after: cursorAt(customers.length - 2) });
    expect(last.data?.customers.nodes).toHaveLength(2);
    expect(last.data?.customers.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by segment, following the vendor batches for a page larger than one batch', async () => {
    const vips = customers.filter((c) => c.segments.includes('vip'));
    await vendor.admin.reset();
    const first = await query(page, { first: 60, segment: 'vip' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.customers.totalCount).toBe(vips.length);
    expect(first.data?.customers.nodes.map((n: { id: string }) => n.id)).toEqual(vips.slice(0, 60).map((c) => c.id));
    expect((await vendor.admin.calls()).total).toBe(2);

    const next = await query(page, { first: 10, segment: 'vip', after: first.data?.customers.pageInfo.endCursor });
    expect(next.data?.customers.nodes.map((n: { id: string }) => n.id)).toEqual(vips.slice(60, 70).map((c) => c.id));
  });

  it('counts correctly past the end and returns an empty page', async () => {
    const { data, errors } = await query(page, { first: 5, after: cursorAt(customers.length + 10) });
    expect(errors).toBeUndefined();
    expect(data?.customers).toEqual({ totalCount: customers.length, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    [{ first: 0 }],
    [{ first: 101 }],
    [{ first: 5, after: 'not-a-cursor' }],
    [{ first: 5, segment: '' }],
    [{ first: 5, segment: 'vip;b2b' }],
  ])('rejects bad arguments %j with BAD_USER_INPUT', async (variables) => {
    const { errors } = await query(page, variables);
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('crm subgraph: federation', () => {
  it('resolves 50 customer references with one vendor call', async () => {
    const ids = customers.slice(100, 150).map((c) => c.id);
    await vendor.admin.reset();
    const { data, errors } = await query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id name loyalty { tier } } } }`,
      { representations: [...ids.map((id) => ({ __typename: 'Customer', id })), { __typename: 'Customer', id: 'C9999' }] },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities.slice(0, 50).map((e: { id: string }) => e.id)).toEqual(ids);
    expect(data?._entities[10].name).toBe(`${customers[110]!.firstName} ${customers[110]!.lastName}`);
    expect(data?._entities[50]).toBeNull();
    expect((await vendor.admin.calls()).total).toBeLessThanOrEqual(2);
  });
});

describe('crm subgraph: updateConsent', () => {
  const mutation = `mutation ($id: ID!, $consent: ConsentInput!) {
    updateConsent(customerId: $id, consent: $consent) { id consent { email sms profiling } }
  }`;

  it('changes only the given fields in one vendor call, and a later read sees the change', async () => {
    const seed = seedCustomer('C0003');
    const email = !seed.consent.email;
    await vendor.admin.reset();
    const { data, errors } = await query(mutation, { id: 'C0003', consent: { email } });
    expect(errors).toBeUndefined();
    expect((await vendor.admin.calls()).total).toBe(1);
    expect(data?.updateConsent.consent).toEqual({ ...seed.consent, email });

    const read = await query(`{ customer(id: "C0003") { consent { email sms profiling } } }`);
    expect(read.data?.customer.consent).toEqual({ ...seed.consent, email });
  });

  it("returns null for an unknown customer (the CRM's 404), after one vendor call", async () => {
    await vendor.admin.reset();
    const { data, errors } = await query(mutation, { id: 'C9999', consent: { sms: true } });
    expect(errors).toBeUndefined();
    expect(data?.updateConsent).toBeNull();
    expect((await vendor.admin.calls()).total).toBe(1);
  });

  it.each([[{}], [{ email: null }]])('rejects consent %j with BAD_USER_INPUT', async (consent) => {
    const { data, errors } = await query(mutation, { id: 'C0004', consent });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(data?.updateConsent).toBeNull();
  });
});

describe('crm subgraph: vendor down', () => {
  it('answers VENDOR_UNAVAILABLE at the field, then recovers after reset', async () => {
    await vendor.admin.setFaults({ failRate: 1 });
    const down = await query(`{ customer(id: "C0001") { id name } }`);
    expect(down.data?.customer).toBeNull();
    expect(down.errors?.[0]?.path).toEqual(['customer']);
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'crm' });

    await vendor.admin.reset();
    const up = await query(`{ customer(id: "C0001") { name } }`);
    expect(up.errors).toBeUndefined();
    expect(up.data?.customer.name).toBe(`${customers[0]!.firstName} ${customers[0]!.lastName}`);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createPimHttpAdapter } from '../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../subgraphs/pim/server.js';
import { seedData } from '../vendors/seed/index.js';
import { createPimSimulator } from '../vendors/pim/simulator.js';
import { graphql } from './support/graphql.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

const seed = seedData();
let vendor: StartedSimulator;
let subgraph: string;

beforeAll(async () => {
  vendor = await startSimulator('pim vendor simulator', createPimSimulator);
  const adapter = createPimHttpAdapter({ baseUrl: vendor.url, timeoutMs: 2_000 });
  subgraph = (await startGraphQL(createPimSubgraph(adapter))).url;
});

const LIST = `query ($first: Int, $after: String, $category: String) {
  products(first: $first, after: $after, category: $category) {
    totalCount nodes { id sku } pageInfo { hasNextPage endCursor }
  }
}`;

async function vendorCalls<T>(run: () => Promise<T>): Promise<{ result: T; calls: number }> {
  await vendor.admin.reset();
  const result = await run();
  return { result, calls: (await vendor.admin.calls()).total };
}

describe('pim subgraph: listing', () => {
  it('pages through the catalog with cursors', async () => {
    const first = await graphql(subgraph, LIST, { first: 3 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.products;
    expect(page1.totalCount).toBe(seed.products.length);
    expect(page1.nodes).toEqual(seed.products.slice(0, 3).map(({ id, sku }) => ({ id, sku })));
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const second = await graphql(subgraph, LIST, { first: 4, after: page1.pageInfo.endCursor });
    expect(second.data!.products.nodes.map((p: { id: string }) => p.id)).toEqual(seed.products.slice(3, 7).map((p) => p.id));
  });

  it('ends with hasNextPage false on the last page', async () => {
    // An odd first page makes the later offsets fall between the vendor's page boundaries.
    let page = (await graphql(subgraph, LIST, { first: 7 })).data!.products;
    const seen: string[] = page.nodes.map((p: { id: string }) => p.id);
    while (page.pageInfo.hasNextPage) {
      page = (await graphql(subgraph, LIST, { first: 100, after: page.pageInfo.endCursor })).data!.products;
      seen.push(...page.nodes.map((p: { id: string }) => p.id));
    }
    expect(seen).toEqual(seed.products.map((p) => p.id));
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by category path, including sub-categories', async () => {
    const inApparel = seed.products.filter((p) => p.categories.some((c) => c.startsWith('apparel/')));
    const response = await graphql(subgraph, LIST, { first: 5, category: 'apparel' });
    expect(response.data!.products.totalCount).toBe(inApparel.length);
    expect(response.data!.products.nodes.map((p: { id: string }) => p.id)).toEqual(inApparel.slice(0, 5).map((p) => p.id));
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a bad cursor', { after: 'not-a-cursor' }],
    ['an unknown category', { category: 'garden/tools' }],
  ])('rejects %s as BAD_USER_INPUT', async (_, variables) => {
    const response = await graphql(subgraph, LIST, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the category tree with labels per locale', async () => {
    const response = await graphql(subgraph, '{ categories { path en: name de: name(locale: "de") } }');
    expect(response.data!.categories).toContainEqual({ path: 'apparel/shoes', en: 'Shoes', de: 'Schuhe' });
    expect(response.data!.categories).toContainEqual({ path: 'apparel', en: 'Apparel', de: 'Bekleidung' });
  });
});

describe('pim subgraph: single products', () => {
  const product = seed.products[41]!;
  const DETAIL = `query ($id: ID!) {
    product(id: $id) {
      id sku en: name de: name(locale: "de") description brand supplier
      categories { path } attributes(locale: "de") { key value } media { url alt kind }
      variants { sku gtin options { size color } product { id } }
    }
  }`;

  it('returns a product by id with localized texts, variants and media', async () => {
    const response = await graphql(subgraph, DETAIL, { id: product.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.product).toEqual({
      id: product.id,
      sku: product.sku,
      en: product.name.en,
      de: product.name.de,
      description: product.description.en,
      brand: product.brand,
      supplier: product.supplier,
      categories: product.categories.map((path) => ({ path })),
      attributes: product.attributes.map(({ key, value }) => ({ key, value: value.de })),
      media: product.media.map(({ url, alt }) => ({ url, alt, kind: 'IMAGE' })),
      variants: product.variants.map(({ sku, gtin, options }) => ({
        sku,
        gtin,
        options: { size: options.size ?? null, color: options.color },
        product: { id: product.id },
      })),
    });
  });

  it('finds a product by SKU', async () => {
    const response = await graphql(subgraph, 'query ($sku: String!) { productBySku(sku: $sku) { id } }', { sku: product.sku });
    expect(response.data!.productBySku).toEqual({ id: product.id });
  });

  it('answers null without error for unknown ids and SKUs', async () => {
    const response = await graphql(subgraph, '{ product(id: "P9999") { id } productBySku(sku: "SKU-0") { id } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ product: null, productBySku: null });
  });

  it('rejects an unknown locale as BAD_USER_INPUT', async () => {
    const response = await graphql(subgraph, 'query ($id: ID!) { product(id: $id) { name(locale: "fr") } }', { id: product.id });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('pim subgraph: federation entities', () => {
  const ENTITIES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product { id sku name }
      ... on ProductVariant { sku gtin product { id } }
    }
  }`;
  const products = seed.products.slice(100, 150);

  it('resolves 50 products by id with one batch', async () => {
    const representations = [...products.map(({ id }) => ({ __typename: 'Product', id })), { __typename: 'Product', id: 'P9999' }];
    const { result, calls } = await vendorCalls(() => graphql(subgraph, ENTITIES, { representations }));
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      ...products.map(({ id, sku, name }) => ({ id, sku, name: name.en })),
      null,
    ]);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('resolves 50 products by sku with one batch', async () => {
    const representations = products.map(({ sku }) => ({ __typename: 'Product', sku }));
    const { result, calls } = await vendorCalls(() => graphql(subgraph, ENTITIES, { representations }));
    expect(result.data!._entities.map((p: { id: string }) => p.id)).toEqual(products.map((p) => p.id));
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('resolves 50 variants (with their products) in at most two calls', async () => {
    const variants = seed.products.slice(200, 260).flatMap((p) => p.variants.map((v) => ({ ...v, productId: p.id }))).slice(0, 50);
    const representations = variants.map(({ sku }) => ({ __typename: 'ProductVariant', sku }));
    const { result, calls } = await vendorCalls(() => graphql(subgraph, ENTITIES, { representations }));
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(variants.map(({ sku, gtin, productId }) => ({ sku, gtin, product: { id: productId } })));
    expect(calls).toBeLessThanOrEqual(2);
  });
});

describe('pim subgraph: vendor outage', () => {
  it('reports VENDOR_UNAVAILABLE at the field and keeps answering afterwards', async () => {
    const product = seed.products[7]!;
    await vendor.admin.setFaults({ failRate: 1 });
    const down = await graphql(subgraph, 'query ($id: ID!) { product(id: $id) { id name } }', { id: product.id });
    expect(down.data).toEqual({ product: null });
    expect(down.errors?.[0]?.path).toEqual(['product']);
    expect(down.errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');
    expect(down.errors?.[0]?.extensions?.vendor).toBe('pim');

    const listing = await graphql(subgraph, LIST, { first: 2 });
    expect(listing.data).toBeNull();
    expect(listing.errors?.[0]?.path).toEqual(['products']);
    expect(listing.errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');

    await vendor.admin.reset();
    const up = await graphql(subgraph, 'query ($id: ID!) { product(id: $id) { id name } }', { id: product.id });
    expect(up.data).toEqual({ product: { id: product.id, name: product.name.en } });
  });
});

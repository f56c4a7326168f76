import { beforeAll, describe, expect, it } from 'vitest';
import { createCommercetoolsAdapter } from '../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../subgraphs/commerce/server.js';
import { createCommerceSimulator } from '../vendors/commerce/simulator.js';
import { CURRENCY_BY_REGION, REGIONS, seedData, type SeedLine, type SeedProduct, type Region } from '../vendors/seed/index.js';
import { graphql } from './support/graphql.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

const seed = seedData();
const productsById = new Map(seed.products.map((product) => [product.id, product]));
const onSale = seed.products.find((product) => product.prices.EU.sale !== null)!;
const notOnSale = seed.products.find((product) => product.prices.EU.sale === null)!;
const cents = (amount: number) => amount / 100;
const effectiveCents = (product: SeedProduct, region: Region) => product.prices[region].sale ?? product.prices[region].list;

const PRODUCT_PRICING = `query ($reps: [_Any!]!, $region: String) {
  _entities(representations: $reps) { ... on Product { id price(region: $region) { amount currency list { amount currency } sale { amount } onSale region } cost { amount currency } margin } }
}`;
const CUSTOMER_COMMERCE = `query ($reps: [_Any!]!, $first: Int) {
  _entities(representations: $reps) { ... on Customer { id
    cart { id customerId region currency updatedAt subtotal { amount currency } items { quantity product { id } variant { sku } unitPrice { amount currency } lineTotal { amount } } }
    orders(first: $first) { id customerId status placedAt region total { amount currency } lines { quantity product { id } variant { sku } unitPrice { amount } } customer { id } }
  } }
}`;
const CART_FIELDS = 'id items { quantity variant { sku } product { id } unitPrice { amount } lineTotal { amount } } subtotal { amount currency }';

let vendor: StartedSimulator;
let url: string;

beforeAll(async () => {
  vendor = await startSimulator('commerce vendor simulator', createCommerceSimulator);
  url = (await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: vendor.url, timeoutMs: 2_000 })))).url;
});

const productRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Product', id }));
const customerRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Customer', id }));

async function callsDuring(run: () => Promise<unknown>): Promise<number> {
  await vendor.admin.reset();
  await run();
  return (await vendor.admin.calls()).total;
}

describe('Product pricing', () => {
  it.each(REGIONS)('prices a product on sale and one at list price in %s, from the seed', async (region) => {
    const result = await graphql(url, PRODUCT_PRICING, { reps: productRefs([onSale.id, notOnSale.id]), region });
    expect(result.errors).toBeUndefined();
    const [sale, list] = result.data!._entities;
    const currency = CURRENCY_BY_REGION[region];
    expect(sale.price).toEqual({
      amount: cents(onSale.prices[region].sale!), currency, onSale: true, region,
      list: { amount: cents(onSale.prices[region].list), currency }, sale: { amount: cents(onSale.prices[region].sale!) },
    });
    expect(list.price).toEqual({
      amount: cents(notOnSale.prices[region].list), currency, onSale: false, region,
      list: { amount: cents(notOnSale.prices[region].list), currency }, sale: null,
    });
  });

  it('gives cost in EUR and the margin on the EU effective price', async () => {
    const result = await graphql(url, PRODUCT_PRICING, { reps: productRefs([onSale.id]), region: 'US' });
    const [product] = result.data!._entities;
    expect(product.cost).toEqual({ amount: cents(onSale.costEurCents), currency: 'EUR' });
    const eu = effectiveCents(onSale, 'EU');
    expect(product.margin).toBeCloseTo((eu - onSale.costEurCents) / eu, 4);
  });

  it('defaults to the EU price', async () => {
    const result = await graphql(url, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { price { amount currency region } } } }`, { reps: productRefs([notOnSale.id]) });
    expect(result.data!._entities[0].price).toEqual({ amount: cents(notOnSale.prices.EU.list), currency: 'EUR', region: 'EU' });
  });

  it('rejects an unknown region with BAD_USER_INPUT at the price field', async () => {
    const result = await graphql(url, PRODUCT_PRICING, { reps: productRefs([onSale.id]), region: 'MARS' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'price']);
  });

  it('answers null prices for an unknown product, without an error', async () => {
    const result = await graphql(url, PRODUCT_PRICING, { reps: productRefs(['P9999']), region: 'EU' });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]).toMatchObject({ id: 'P9999', price: null, cost: null, margin: null });
  });

  it('prices 50 products with at most 2 vendor calls', async () => {
    const ids = seed.products.slice(100, 150).map((product) => product.id);
    let prices: number[] = [];
    const calls = await callsDuring(async () => {
      const result = await graphql(url, PRODUCT_PRICING, { reps: productRefs(ids), region: 'UK' });
      prices = result.data!._entities.map((product: { price: { amount: number } }) => product.price.amount);
    });
    expect(calls).toBe(1);
    expect(prices).toEqual(ids.map((id) => cents(effectiveCents(productsById.get(id)!, 'UK'))));
  });
});

describe('Customer cart and orders', () => {
  const customer = seed.customers[0]!;
  const seedCart = seed.carts.find((cart) => cart.customerId === customer.id)!;

  it("returns the customer's cart with the seed's items, priced in the cart's region", async () => {
    const result = await graphql(url, CUSTOMER_COMMERCE, { reps: customerRefs([customer.id]) });
    expect(result.errors).toBeUndefined();
    const { cart } = result.data!._entities[0];
    const currency = CURRENCY_BY_REGION[seedCart.region];
    expect(cart).toMatchObject({ id: seedCart.id, customerId: seedCart.customerId, region: seedCart.region, currency, updatedAt: seedCart.updatedAt });
    expect(cart.items).toEqual(seedCart.items.map((item) => expectedCartItem(item, seedCart.region)));
    const subtotal = seedCart.items.reduce((sum, item) => sum + effectiveCents(productsById.get(item.productId)!, seedCart.region) * item.quantity, 0);
    expect(cart.subtotal).toEqual({ amount: cents(subtotal), currency });
  });

  it("returns the seed's orders of the customer, most recent first", async () => {
    const result = await graphql(url, CUSTOMER_COMMERCE, { reps: customerRefs([customer.id]) });
    const expected = seed.orders.filter((order) => order.customerId === customer.id).sort((a, b) => b.placedAt.localeCompare(a.placedAt));
    const { orders } = result.data!._entities[0];
    expect(orders.map((order: { id: string }) => order.id)).toEqual(expected.map((order) => order.id));
    expected.forEach((order, index) => {
      const total = order.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
      expect(orders[index]).toMatchObject({
        customerId: order.customerId, status: order.status, placedAt: order.placedAt, region: order.region, customer: { id: customer.id },
        total: { amount: cents(total), currency: CURRENCY_BY_REGION[order.region] },
        lines: order.lines.map((line) => ({ quantity: line.quantity, product: { id: line.productId }, variant: { sku: line.variantSku }, unitPrice: { amount: cents(line.unitPrice) } })),
      });
    });
  });

  it('answers a null cart and no orders for a customer the platform does not know', async () => {
    const result = await graphql(url, CUSTOMER_COMMERCE, { reps: customerRefs(['C9999']) });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]).toEqual({ id: 'C9999', cart: null, orders: [] });
  });

  it('rejects orders(first: 101) with BAD_USER_INPUT', async () => {
    const result = await graphql(url, CUSTOMER_COMMERCE, { reps: customerRefs([customer.id]), first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'orders']);
  });

  it('loads 50 customers with carts and orders in at most 2 vendor calls', async () => {
    const ids = seed.customers.slice(0, 50).map((c) => c.id);
    let data: { id: string; cart: { id: string } | null; orders: unknown[] }[] = [];
    const calls = await callsDuring(async () => {
      data = (await graphql(url, CUSTOMER_COMMERCE, { reps: customerRefs(ids), first: 100 })).data!._entities;
    });
    expect(calls).toBeLessThanOrEqual(2); // one for the carts, one for the orders
    expect(data.map((c) => c.cart?.id ?? null)).toEqual(ids.map((id) => seed.carts.find((cart) => cart.customerId === id)?.id ?? null));
    expect(data.map((c) => c.orders.length)).toEqual(ids.map((id) => seed.orders.filter((order) => order.customerId === id).length));
  });
});

describe('Query.cart, Query.order, Query.promotions', () => {
  it('finds a cart and an order by id, with their owners, and answers null for unknown ids', async () => {
    const [cart, order] = [seed.carts[1]!, seed.orders[0]!];
    const result = await graphql(url, `{ cart(id: "${cart.id}") { id customerId } order(id: "${order.id}") { id customerId status customer { id } } noCart: cart(id: "CART-NOPE") { id } noOrder: order(id: "O999999") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cart: { id: cart.id, customerId: cart.customerId },
      order: { id: order.id, customerId: order.customerId, status: order.status, customer: { id: order.customerId } },
      noCart: null, noOrder: null,
    });
  });

  it('lists the promotions, or those valid on a day', async () => {
    const day = '2027-01-15';
    const result = await graphql(url, `{ all: promotions { id code name percentOff category validFrom validTo } active: promotions(activeOn: "${day}") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.all).toEqual(seed.promotions.map(({ id, code, name, percentOff, category, validFrom, validTo }) => ({ id, code, name, percentOff, category, validFrom, validTo })));
    const instant = new Date(day).toISOString();
    expect(result.data!.active.map((p: { id: string }) => p.id)).toEqual(
      seed.promotions.filter((p) => p.validFrom <= instant && p.validTo >= instant).map((p) => p.id),
    );
  });

  it('rejects a malformed activeOn with BAD_USER_INPUT', async () => {
    const result = await graphql(url, '{ promotions(activeOn: "next tuesday") { id } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe("Cart mutations (on the customer's active cart)", () => {
  const cart = seed.carts[2]!;
  const existing = cart.items[0]!;
  const fresh = seed.products.find((product) => !cart.items.some((item) => item.productId === product.id))!;
  const freshSku = fresh.variants[0]!.sku;
  const ADD = `mutation ($customerId: ID!, $sku: String!, $quantity: Int!) { addCartItem(customerId: $customerId, sku: $sku, quantity: $quantity) { customerId ${CART_FIELDS} } }`;
  const REMOVE = `mutation ($customerId: ID!, $sku: String!) { removeCartItem(customerId: $customerId, sku: $sku) { customerId ${CART_FIELDS} } }`;
  const READ_CART = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { cart { customerId region currency ${CART_FIELDS} } } } }`;
  const itemOf = (data: { items: { quantity: number; variant: { sku: string } }[] }, sku: string) => data.items.find((item) => item.variant.sku === sku);
  const cartOf = async (customerId: string) => (await graphql(url, READ_CART, { reps: customerRefs([customerId]) })).data!._entities[0].cart;

  // Customers past the first 50 (which the batching test above reads), without a seed cart.
  const cartless = seed.customers.slice(50).filter((customer) => !seed.carts.some((c) => c.customerId === customer.id));
  const latestOrderOf = (customerId: string) =>
    seed.orders.filter((order) => order.customerId === customerId).sort((a, b) => b.placedAt.localeCompare(a.placedAt))[0];
  const shopperAbroad = cartless.find((customer) => (latestOrderOf(customer.id)?.region ?? 'EU') !== 'EU')!;
  const neverOrdered = cartless.find((customer) => latestOrderOf(customer.id) === undefined)!;
  const untouched = cartless.find((customer) => customer !== shopperAbroad && customer !== neverOrdered)!;

  it("adds a new item to the customer's cart, priced in the cart region, reading only the cart first", async () => {
    await vendor.admin.reset();
    const result = await graphql(url, ADD, { customerId: cart.customerId, sku: freshSku, quantity: 2 });
    expect(result.errors).toBeUndefined();
    expect((await vendor.admin.calls()).total).toBe(2); // the active cart, then the update
    expect(result.data!.addCartItem).toMatchObject({ id: cart.id, customerId: cart.customerId });
    const unit = effectiveCents(fresh, cart.region);
    expect(itemOf(result.data!.addCartItem, freshSku)).toEqual({ quantity: 2, variant: { sku: freshSku }, product: { id: fresh.id }, unitPrice: { amount: cents(unit) }, lineTotal: { amount: cents(unit * 2) } });
    expect(result.data!.addCartItem.items).toHaveLength(cart.items.length + 1);
  });

  it("raises the quantity of an existing item, and Customer.cart shows the change", async () => {
    const result = await graphql(url, ADD, { customerId: cart.customerId, sku: existing.variantSku, quantity: 3 });
    expect(itemOf(result.data!.addCartItem, existing.variantSku)?.quantity).toBe(existing.quantity + 3);
    expect(await cartOf(cart.customerId)).toEqual({ ...result.data!.addCartItem, region: cart.region, currency: CURRENCY_BY_REGION[cart.region] });
  });

  it("removes an item from the customer's cart", async () => {
    const result = await graphql(url, REMOVE, { customerId: cart.customerId, sku: freshSku });
    expect(result.errors).toBeUndefined();
    expect(itemOf(result.data!.removeCartItem, freshSku)).toBeUndefined();
    expect(result.data!.removeCartItem.items).toHaveLength(cart.items.length);
    expect(itemOf(await cartOf(cart.customerId), freshSku)).toBeUndefined();
  });

  it('gives a customer without a cart a new one, in the region of their latest order', async () => {
    const region = latestOrderOf(shopperAbroad.id)!.region;
    expect(await cartOf(shopperAbroad.id)).toBeNull();
    const result = await graphql(url, ADD, { customerId: shopperAbroad.id, sku: freshSku, quantity: 1 });
    expect(result.errors).toBeUndefined();
    const unit = effectiveCents(fresh, region);
    expect(result.data!.addCartItem).toMatchObject({
      id: `CART-${shopperAbroad.id}`, customerId: shopperAbroad.id,
      items: [{ quantity: 1, variant: { sku: freshSku }, product: { id: fresh.id }, unitPrice: { amount: cents(unit) } }],
      subtotal: { amount: cents(unit), currency: CURRENCY_BY_REGION[region] },
    });
    expect(await cartOf(shopperAbroad.id)).toEqual({ ...result.data!.addCartItem, region, currency: CURRENCY_BY_REGION[region] });
  });

  it('gives a customer who never ordered a new cart in EU', async () => {
    const result = await graphql(url, ADD, { customerId: neverOrdered.id, sku: freshSku, quantity: 1 });
    expect(result.errors).toBeUndefined();
    expect(await cartOf(neverOrdered.id)).toMatchObject({ customerId: neverOrdered.id, region: 'EU', currency: 'EUR', items: [{ quantity: 1, variant: { sku: freshSku } }] });
  });

  it.each([
    ['a quantity of 0', ADD, { customerId: cart.customerId, sku: freshSku, quantity: 0 }, '"quantity" must be at least 1'],
    ['a negative quantity', ADD, { customerId: cart.customerId, sku: freshSku, quantity: -1 }, '"quantity" must be at least 1'],
    ['an unknown SKU', ADD, { customerId: cart.customerId, sku: 'SKU-NOPE', quantity: 1 }, 'no product variant with SKU "SKU-NOPE"'],
    ['a malformed customer id', ADD, { customerId: 'C"1', sku: freshSku, quantity: 1 }, '"customerId" must be a customer id'],
    ['a SKU not in the cart', REMOVE, { customerId: cart.customerId, sku: freshSku }, `has no item with SKU "${freshSku}"`],
    ['a customer without a cart (remove)', REMOVE, { customerId: untouched.id, sku: freshSku }, `customer ${untouched.id} has no active cart`],
  ])('rejects %s with BAD_USER_INPUT', async (_case, mutation, variables, message) => {
    const result = await graphql(url, mutation, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it('creates no cart when adding an unknown SKU for a customer without one', async () => {
    const result = await graphql(url, ADD, { customerId: untouched.id, sku: 'SKU-NOPE', quantity: 1 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await cartOf(untouched.id)).toBeNull();
  });

  it('puts both lines into one new cart when two first adds race (the second finds the cart key taken)', async () => {
    const racer = cartless.find((customer) => ![shopperAbroad, neverOrdered, untouched].includes(customer))!;
    // Slow vendor calls make both adds read "no cart" before either creates it.
    await vendor.admin.setFaults({ latencyMs: 50 });
    try {
      const results = await Promise.all([1, 2].map((quantity) => graphql(url, ADD, { customerId: racer.id, sku: freshSku, quantity })));
      expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
    } finally {
      await vendor.admin.reset();
    }
    expect(await cartOf(racer.id)).toMatchObject({ id: `CART-${racer.id}`, items: [{ quantity: 3, variant: { sku: freshSku } }] });
  });

  it('reports VENDOR_UNAVAILABLE for a cart change while the platform is down', async () => {
    await vendor.admin.setFaults({ failRate: 1 });
    try {
      const result = await graphql(url, ADD, { customerId: cart.customerId, sku: existing.variantSku, quantity: 1 });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ path: ['addCartItem'], extensions: { code: 'VENDOR_UNAVAILABLE', vendor: 'commerce' } });
    } finally {
      await vendor.admin.reset();
    }
  });
});

describe('vendor outage', () => {
  it('reports VENDOR_UNAVAILABLE at the field, and answers again after the vendor recovers', async () => {
    await vendor.admin.setFaults({ failRate: 1 });
    try {
      const down = await graphql(url, PRODUCT_PRICING, { reps: productRefs([onSale.id]), region: 'EU' });
      expect(down.data!._entities[0].price).toBeNull();
      const priceError = down.errors!.find((error) => error.path?.join('.') === '_entities.0.price');
      expect(priceError?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'commerce' });

      const cart = await graphql(url, `{ cart(id: "${seed.carts[0]!.id}") { id } }`);
      expect(cart.data).toEqual({ cart: null });
      expect(cart.errors?.[0]).toMatchObject({ path: ['cart'], extensions: { code: 'VENDOR_UNAVAILABLE' } });
    } finally {
      await vendor.admin.reset();
    }
    const up = await graphql(url, PRODUCT_PRICING, { reps: productRefs([onSale.id]), region: 'EU' });
    expect(up.errors).toBeUndefined();
    expect(up.data!._entities[0].price.amount).toBe(cents(onSale.prices.EU.sale!));
  });
});

function expectedCartItem(item: SeedLine, region: Region) {
  const unit = effectiveCents(productsById.get(item.productId)!, region);
  return {
    quantity: item.quantity, product: { id: item.productId }, variant: { sku: item.variantSku },
    unitPrice: { amount: cents(unit), currency: CURRENCY_BY_REGION[region] }, lineTotal: { amount: cents(unit * item.quantity) },
  };
}

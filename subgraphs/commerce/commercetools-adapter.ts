import { createVendorClient, type VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { Cart, CartChange, CommerceAdapter, Order } from './adapter.js';
import { toCart, toOrder, toPricing, toPromotion } from './commercetools-mapping.js';
import type { CtCart, CtDiscountCode, CtOrder, CtPage, CtProductProjection } from './commercetools-types.js';

export interface CommercetoolsAdapterOptions {
  baseUrl: string;
  timeoutMs?: number;
}

/** The platform's largest page. */
const PAGE_LIMIT = 500;

/** The commerce port over a commercetools-style HTTP API (product projections, carts, orders, discount codes). */
export function createCommercetoolsAdapter(options: CommercetoolsAdapterOptions): CommerceAdapter {
  const client = createVendorClient({ vendor: 'commerce', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });

  const findCart = (cartId: string) => client.find<CtCart>(`/carts/key=${encodeURIComponent(cartId)}`);
  const updateCart = async (cartId: string, action: Record<string, unknown>): Promise<Cart> =>
    toCart(await client.post<CtCart>(`/carts/key=${encodeURIComponent(cartId)}`, { actions: [action] }));

  return {
    async pricingByProductIds(productIds) {
      const products = await queryAll<CtProductProjection>(client, '/product-projections', keyIn('key', productIds));
      const byKey = new Map(products.map((product) => [product.key, toPricing(product)]));
      return productIds.map((id) => byKey.get(id) ?? null);
    },

    async activeCartsByCustomerIds(customerIds) {
      const where = `${keyIn('customerId', customerIds)} and cartState = "Active"`;
      const carts = await queryAll<CtCart>(client, '/carts', where, 'lastModifiedAt desc');
      const newest = new Map<string, Cart>();
      for (const cart of carts) if (!newest.has(cart.customerId)) newest.set(cart.customerId, toCart(cart));
      return customerIds.map((id) => newest.get(id) ?? null);
    },

    async ordersByCustomerIds(customerIds) {
      const orders = await queryAll<CtOrder>(client, '/orders', keyIn('customerId', customerIds), 'createdAt desc');
      const byCustomer = new Map<string, Order[]>(customerIds.map((id) => [id, []]));
      for (const order of orders) byCustomer.get(order.customerId)?.push(toOrder(order));
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    },

    async cartById(cartId) {
      const cart = await findCart(cartId);
      return cart && toCart(cart);
    },

    async orderById(orderId) {
      const order = await client.find<CtOrder>(`/orders/order-number=${encodeURIComponent(orderId)}`);
      return order && toOrder(order);
    },

    async promotions(activeAt) {
      const where = activeAt === undefined ? undefined : `validFrom <= "${activeAt}" and validUntil >= "${activeAt}"`;
      const codes = await queryAll<CtDiscountCode>(client, '/discount-codes', where, undefined, 'cartDiscounts[*]');
      return codes.map(toPromotion);
    },

    // The vendor client reports every 4xx as an outage, so the checks the platform would answer
    // with a 400/404 are made first, with reads: a missing cart or SKU is the caller's mistake.
    async addCartItem(cartId, sku, quantity): Promise<CartChange> {
      const [cart, variants] = await Promise.all([
        findCart(cartId),
        client.get<CtPage<unknown>>('/product-projections', { where: keyIn('sku', [sku]), limit: 1 }),
      ]);
      if (cart === null) return { rejected: 'UNKNOWN_CART' };
      if (variants.total === 0) return { rejected: 'UNKNOWN_SKU' };
      return { cart: await updateCart(cartId, { action: 'addLineItem', sku, quantity }) };
    },

    async removeCartItem(cartId, sku): Promise<CartChange> {
      const cart = await findCart(cartId);
      if (cart === null) return { rejected: 'UNKNOWN_CART' };
      const line = cart.lineItems.find((item) => item.variant.sku === sku);
      if (line === undefined) return { rejected: 'SKU_NOT_IN_CART' };
      return { cart: await updateCart(cartId, { action: 'removeLineItem', lineItemId: line.id }) };
    },
  };
}

/** Every page of a query, so a batch is complete even past the platform's page limit. */
async function queryAll<T>(client: VendorClient, path: string, where?: string, sort?: string, expand?: string): Promise<T[]> {
  const results: T[] = [];
  for (let offset = 0; ; offset += PAGE_LIMIT) {
    const page = await client.get<CtPage<T>>(path, { where, sort, expand, limit: PAGE_LIMIT, offset });
    results.push(...page.results);
    if (page.count < PAGE_LIMIT || results.length >= page.total) return results;
  }
}

/**
 * `field in ("a", "b")`. Values with a quote or backslash cannot be written in the platform's
 * predicate language and cannot be its keys either, so they are left out (and come back as unknown).
 */
function keyIn(field: string, values: readonly string[]): string {
  const writable = values.filter((value) => !/["\\]/.test(value));
  return `${field} in (${(writable.length > 0 ? writable : ['']).map((value) => `"${value}"`).join(', ')})`;
}

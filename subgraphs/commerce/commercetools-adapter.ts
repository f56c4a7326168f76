import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { CommerceAdapter, Order } from './adapter.js';
import { activeCartsOf, createCartCommands } from './commercetools-carts.js';
import { createDiscountCommands } from './commercetools-discounts.js';
import { commercetoolsChangeFeed } from './commercetools-events.js';
import { toCart, toOrder, toPricing, toPromotion } from './commercetools-mapping.js';
import { createOrderCommands } from './commercetools-orders.js';
import { createPriceCommands } from './commercetools-prices.js';
import { keyIn, queryAll } from './commercetools-query.js';
import type { CtCart, CtDiscountCode, CtOrder, CtProductProjection } from './commercetools-types.js';

/** The commerce port over a commercetools-style HTTP API (product projections, carts, orders, discount codes, price changes, product discounts). */
export function createCommercetoolsAdapter(connection: VendorConnection): CommerceAdapter {
  const client = createVendorClient({ vendor: 'commerce', ...connection });

  return {
    async pricingByProductIds(productIds) {
      const products = await queryAll<CtProductProjection>(client, '/product-projections', keyIn('key', productIds));
      const byKey = new Map(products.map((product) => [product.key, toPricing(product)]));
      return productIds.map((id) => byKey.get(id) ?? null);
    },

    async activeCartsByCustomerIds(customerIds) {
      return (await activeCartsOf(client, customerIds)).map((cart) => cart && toCart(cart));
    },

    async ordersByCustomerIds(customerIds) {
      const orders = await queryAll<CtOrder>(client, '/orders', keyIn('customerId', customerIds), 'createdAt desc');
      const byCustomer = new Map<string, Order[]>(customerIds.map((id) => [id, []]));
      for (const order of orders) byCustomer.get(order.customerId)?.push(toOrder(order));
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    },

    async cartById(cartId) {
      const cart = await client.find<CtCart>(`/carts/key=${encodeURIComponent(cartId)}`);
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

    ...createCartCommands(client),
    ...createOrderCommands(client),
    ...createPriceCommands(client),
    ...createDiscountCommands(client),
    changes: commercetoolsChangeFeed,
  };
}

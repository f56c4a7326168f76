import type { SeedData } from '../seed/index.js';
import { optional } from './catalog.js';
import { toDiscountCode, toOrder } from './mapping.js';
import type { Collection } from './query.js';
import type { DiscountCode, Order, ProductProjection } from './types.js';

/** The order history: read-only, indexed by order number and by customer. */
export function createOrderBook(data: SeedData, productsByKey: ReadonlyMap<string, ProductProjection>) {
  const byNumber = new Map(data.orders.map((order) => [order.id, toOrder(order, productsByKey)]));
  const byCustomer = new Map<string, Order[]>();
  for (const order of byNumber.values()) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
  const collection: Collection<Order> = {
    all: () => byNumber.values(),
    fields: { orderNumber: (order) => order.orderNumber, customerId: (order) => order.customerId, createdAt: (order) => order.createdAt },
    indexes: {
      orderNumber: (orderNumber) => optional(byNumber.get(orderNumber)),
      customerId: (customerId) => byCustomer.get(customerId) ?? [],
    },
  };
  return { byNumber, collection };
}

/** The promotions, as discount codes each backed by one cart discount. */
export function createDiscountCodeCollection(data: SeedData): Collection<DiscountCode> {
  const byKey = new Map(data.promotions.map((promotion) => [promotion.id, toDiscountCode(promotion)]));
  return {
    all: () => byKey.values(),
    fields: { key: (code) => code.key, code: (code) => code.code, validFrom: (code) => code.validFrom, validUntil: (code) => code.validUntil },
    indexes: { key: (key) => optional(byKey.get(key)) },
  };
}

/** A discount code as returned without `expand`: references without their `obj`. */
export function withoutExpansion(code: DiscountCode): DiscountCode {
  return { ...code, cartDiscounts: code.cartDiscounts.map(({ typeId, id }) => ({ typeId, id })) };
}

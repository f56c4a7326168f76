import type { EffectsLedger } from '../kit/effects.js';
import type { SeedData } from '../seed/index.js';
import { optional } from './catalog.js';
import { invalidInput } from './errors.js';
import { toOrder } from './mapping.js';
import { platformId, storeOf, sumMoney } from './money.js';
import type { OrderImportDraft } from './order-draft.js';
import type { Pricing } from './pricing.js';
import type { Collection } from './query.js';
import type { Order, ProductProjection } from './types.js';
import { changesNothing, readUpdate, unknownAction } from './writes.js';

const ORDER_STATES: readonly Order['orderState'][] = ['Open', 'Confirmed', 'Complete', 'Cancelled'];

/** The orders, indexed by order number and by customer: the seed's history, and those imported since. */
export interface OrderBook {
  byNumber: ReadonlyMap<string, Order>;
  collection: Collection<Order>;
  /** A new order, its lines priced in its store's channel now. */
  import(draft: OrderImportDraft): Order;
  /** Applies the update actions of a `POST /orders/order-number=:orderNumber` body (`changeOrderState`). */
  update(order: Order, body: unknown): Order;
}

export function createOrderBook(data: SeedData, productsByKey: ReadonlyMap<string, ProductProjection>, pricing: Pricing, effects: EffectsLedger): OrderBook {
  const byNumber = new Map<string, Order>();
  const byCustomer = new Map<string, Order[]>();
  function add(order: Order): Order {
    byNumber.set(order.orderNumber, order);
    byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
    return order;
  }
  for (const order of data.orders) add(toOrder(order, productsByKey));

  function importOrder({ orderNumber, customerId, region, lineItems }: OrderImportDraft): Order {
    const lines = lineItems.map(({ sku, quantity }) => pricing.lineItem(orderNumber, region, sku, quantity));
    const order = add({
      id: platformId('order', orderNumber), orderNumber, version: 1, customerId, store: storeOf(region),
      orderState: 'Open', paymentState: 'Pending', shipmentState: 'Pending', returnInfo: [], lineItems: lines,
      totalPrice: sumMoney(lines.map((line) => line.totalPrice), lines[0]!.totalPrice.currencyCode), createdAt: new Date().toISOString(),
    });
    effects.record({ kind: 'order', reference: orderNumber, customerId, lines: lineItems });
    return order;
  }

  function update(order: Order, body: unknown): Order {
    for (const action of readUpdate(order, body)) {
      if (action.action !== 'changeOrderState') throw unknownAction(action);
      const orderState = action.orderState as Order['orderState'];
      if (!ORDER_STATES.includes(orderState)) throw invalidInput(`changeOrderState: unknown orderState '${String(orderState)}'.`);
      if (orderState === order.orderState) throw changesNothing(`The order '${order.orderNumber}' is already ${orderState}.`);
      Object.assign(order, { orderState, version: order.version + 1 });
      effects.record({ kind: 'order-state', reference: order.orderNumber, orderState });
    }
    return order;
  }

  const collection: Collection<Order> = {
    all: () => byNumber.values(),
    fields: { orderNumber: (order) => order.orderNumber, customerId: (order) => order.customerId, createdAt: (order) => order.createdAt },
    indexes: {
      orderNumber: (orderNumber) => optional(byNumber.get(orderNumber)),
      customerId: (customerId) => byCustomer.get(customerId) ?? [],
    },
  };
  return { byNumber, collection, import: importOrder, update };
}

import { vendorBadResponse } from '../../lib/subgraph/vendor-failures.js';
import type { Cart, Money, Order, OrderStatus, PricedLine, ProductPricing, Promotion, Region } from './adapter.js';
import type { CtCart, CtDiscountCode, CtLineItem, CtMoney, CtOrder, CtPrice, CtProductProjection, CtReference } from './commercetools-types.js';

/** Platform resources → domain values. Each region is one store, whose prices live in the channel of the same key. */
const STORE_BY_REGION: Record<Region, { key: string; currency: string }> = {
  EU: { key: 'eu-webshop', currency: 'EUR' },
  US: { key: 'us-webshop', currency: 'USD' },
  UK: { key: 'uk-webshop', currency: 'GBP' },
};
const REGION_BY_STORE_KEY = new Map(Object.entries(STORE_BY_REGION).map(([region, store]) => [store.key, region as Region]));
const COST_ATTRIBUTE = 'purchase-cost';
const CATEGORY_PREDICATE = /^categories\.key\s*=\s*"([^"]*)"$/;

export function toMoney(money: CtMoney): Money {
  return { amount: money.centAmount / 10 ** money.fractionDigits, currency: money.currencyCode };
}

export function toPricing(product: CtProductProjection): ProductPricing {
  const { prices, attributes } = product.masterVariant;
  const cost = attributes.find((attribute) => attribute.name === COST_ATTRIBUTE)?.value as CtMoney | undefined;
  return {
    productId: product.key,
    prices: prices.flatMap((price) => {
      const region = price.channel?.key === undefined ? undefined : REGION_BY_STORE_KEY.get(price.channel.key);
      if (region === undefined) return [];
      return [{ region, list: toMoney(price.value), sale: price.discounted ? toMoney(price.discounted.value) : null }];
    }),
    cost: cost ? toMoney(cost) : null,
  };
}

export function toCart(cart: CtCart): Cart {
  return {
    id: cart.key,
    customerId: cart.customerId,
    region: regionOf(cart.store, `cart ${cart.key}`),
    currency: cart.totalPrice.currencyCode,
    lines: cart.lineItems.map(toLine),
    subtotal: toMoney(cart.totalPrice),
    updatedAt: cart.lastModifiedAt,
  };
}

export function toOrder(order: CtOrder): Order {
  return {
    id: order.orderNumber,
    customerId: order.customerId,
    status: statusOf(order),
    placedAt: order.createdAt,
    region: regionOf(order.store, `order ${order.orderNumber}`),
    total: toMoney(order.totalPrice),
    lines: order.lineItems.map(toLine),
  };
}

export function toPromotion(code: CtDiscountCode): Promotion {
  const discount = code.cartDiscounts[0]?.obj;
  const category = discount ? CATEGORY_PREDICATE.exec(discount.target.predicate)?.[1] : undefined;
  return {
    id: code.key,
    code: code.code,
    name: code.name.en ?? code.code,
    percentOff: discount?.value.type === 'relative' ? (discount.value.permyriad ?? 0) / 100 : 0,
    category: category ?? null,
    validFrom: code.validFrom,
    validTo: code.validUntil,
  };
}

function toLine(line: CtLineItem): PricedLine {
  return {
    productId: line.productKey,
    variantSku: line.variant.sku,
    quantity: line.quantity,
    unitPrice: toMoney(effectivePrice(line.price)),
    lineTotal: toMoney(line.totalPrice),
  };
}

function effectivePrice(price: CtPrice): CtMoney {
  return price.discounted?.value ?? price.value;
}

/** The platform splits an order's life over order, payment, shipment and return states. */
function statusOf(order: CtOrder): OrderStatus {
  if (order.orderState === 'Cancelled') return 'CANCELLED';
  if ((order.returnInfo ?? []).length > 0) return 'RETURNED';
  if (order.shipmentState === 'Delivered') return 'DELIVERED';
  if (order.shipmentState === 'Shipped') return 'SHIPPED';
  if (order.paymentState === 'Paid') return 'PAID';
  return 'PLACED';
}

/** The store a region sells through, and the currency its carts must be in, as a CartDraft names them. */
export function cartStoreOf(region: Region): { store: CtReference; currency: string } {
  const { key, currency } = STORE_BY_REGION[region];
  return { store: { typeId: 'store', key }, currency };
}

/** The channel a region's prices live in (the key of its store), and their currency. */
export function channelOf(region: Region): CtReference {
  return { typeId: 'channel', key: STORE_BY_REGION[region].key };
}

export function currencyOf(region: Region): string {
  return STORE_BY_REGION[region].currency;
}

export function regionOf(store: CtReference, what: string): Region {
  const region = store.key === undefined ? undefined : REGION_BY_STORE_KEY.get(store.key);
  if (region === undefined) {
    throw vendorBadResponse({ vendor: 'commerce' }, `${what} in an unknown store "${store.key}"`);
  }
  return region;
}

import { REGIONS, type Region, type SeedOrder, type SeedProduct, type SeedPromotion, type SeedVariant } from '../seed/index.js';
import { centMoney, channelOf, platformId, regionMoney, storeOf, sumMoney } from './money.js';
import type { CartDiscount, DiscountCode, LineItem, Order, Price, ProductProjection, ProductVariant } from './types.js';

/** Seed data reshaped into the platform's resources. */

export function toProductProjection(product: SeedProduct): ProductProjection {
  const [master, ...others] = product.variants.map((variant, index) => toVariant(product, variant, index + 1));
  master!.attributes.push({ name: 'purchase-cost', value: centMoney(product.costEurCents, 'EUR') });
  return {
    id: platformId('product', product.id),
    key: product.id,
    version: 1,
    name: product.name,
    categories: product.categories.map((key) => ({ typeId: 'category', key })),
    masterVariant: master!,
    variants: others,
  };
}

function toVariant(product: SeedProduct, variant: SeedVariant, id: number): ProductVariant {
  const attributes = Object.entries(variant.options).map(([name, value]) => ({ name, value }));
  return { id, sku: variant.sku, prices: REGIONS.map((region) => toPrice(product, region)), attributes };
}

export function toPrice(product: SeedProduct, region: Region): Price {
  const { list, sale } = product.prices[region];
  return {
    id: platformId('price', `${product.id}:${region}`),
    value: regionMoney(list, region),
    channel: channelOf(region),
    ...(sale === null
      ? {}
      : { discounted: { value: regionMoney(sale, region), discount: { typeId: 'product-discount', id: platformId('product-discount', 'sale') } } }),
    custom: { type: { typeId: 'type', key: 'price-cost' }, fields: { costPrice: regionMoney(regionalCostCents(product, region), region) } },
  };
}

/** The purchase cost in a region's currency: the same share of the list price as in EUR. */
function regionalCostCents(product: SeedProduct, region: Region): number {
  return Math.round((product.costEurCents * product.prices[region].list) / product.prices.EU.list);
}

/** What a customer pays per unit under a price: the discounted value if there is one. */
export function effectiveCents(price: Price): number {
  return (price.discounted?.value ?? price.value).centAmount;
}

/** `owner` is the cart or order key the line belongs to: line ids are unique per owner and SKU. */
export function toLineItem(owner: string, product: ProductProjection, variant: ProductVariant, price: Price, quantity: number): LineItem {
  const { sku } = variant;
  return {
    id: platformId('line-item', `${owner}:${sku}`),
    key: sku,
    productId: product.id,
    productKey: product.key,
    variant: { id: variant.id, sku },
    price,
    quantity,
    totalPrice: centMoney(effectiveCents(price) * quantity, price.value.currencyCode),
  };
}

const ORDER_STATES: Record<SeedOrder['status'], Pick<Order, 'orderState' | 'paymentState' | 'shipmentState'>> = {
  PLACED: { orderState: 'Open', paymentState: 'Pending', shipmentState: 'Pending' },
  PAID: { orderState: 'Confirmed', paymentState: 'Paid', shipmentState: 'Ready' },
  SHIPPED: { orderState: 'Confirmed', paymentState: 'Paid', shipmentState: 'Shipped' },
  DELIVERED: { orderState: 'Complete', paymentState: 'Paid', shipmentState: 'Delivered' },
  RETURNED: { orderState: 'Complete', paymentState: 'Paid', shipmentState: 'Delivered' },
  CANCELLED: { orderState: 'Cancelled', paymentState: 'Pending', shipmentState: 'Pending' },
};

export function toOrder(order: SeedOrder, productsByKey: ReadonlyMap<string, ProductProjection>): Order {
  const lineItems = order.lines.map((line) => {
    const product = productsByKey.get(line.productId)!;
    const variant = [product.masterVariant, ...product.variants].find((v) => v.sku === line.variantSku)!;
    const price: Price = { id: platformId('price', `${order.id}:${line.variantSku}`), value: regionMoney(line.unitPrice, order.region), channel: channelOf(order.region) };
    return toLineItem(order.id, product, variant, price, line.quantity);
  });
  const currency = lineItems[0]!.totalPrice.currencyCode;
  return {
    id: platformId('order', order.id),
    orderNumber: order.id,
    version: 1,
    customerId: order.customerId,
    store: storeOf(order.region),
    ...ORDER_STATES[order.status],
    returnInfo:
      order.status === 'RETURNED'
        ? [{ items: lineItems.map((item) => ({ lineItemId: item.id, quantity: item.quantity, shipmentState: 'Returned' as const })) }]
        : [],
    lineItems,
    totalPrice: sumMoney(lineItems.map((item) => item.totalPrice), currency),
    createdAt: order.placedAt,
  };
}

export function toDiscountCode(promotion: SeedPromotion): DiscountCode {
  const discount: CartDiscount = {
    id: platformId('cart-discount', promotion.id),
    key: promotion.id,
    value: { type: 'relative', permyriad: promotion.percentOff * 100 },
    target: { type: 'lineItems', predicate: promotion.category === null ? '1 = 1' : `categories.key = "${promotion.category}"` },
  };
  return {
    id: platformId('discount-code', promotion.id),
    key: promotion.id,
    code: promotion.code,
    name: { en: promotion.name },
    isActive: true,
    validFrom: promotion.validFrom,
    validUntil: promotion.validTo,
    cartDiscounts: [{ typeId: 'cart-discount', id: discount.id, obj: discount }],
  };
}

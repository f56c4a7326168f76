/**
 * The commerce platform's own resource shapes (modelled on commercetools' HTTP API):
 * money in cents, resources addressed by a platform `id` or by our `key`, prices per channel.
 */
export interface CentPrecisionMoney {
  type: 'centPrecision';
  centAmount: number;
  currencyCode: string;
  fractionDigits: number;
}

export interface ResourceReference {
  typeId: 'channel' | 'store' | 'category' | 'product' | 'product-discount' | 'cart-discount' | 'type';
  key?: string;
  id?: string;
}

export interface Price {
  id: string;
  value: CentPrecisionMoney;
  channel: ResourceReference;
  discounted?: { value: CentPrecisionMoney; discount: ResourceReference };
  /** Custom fields of the price (type `price-cost`): what a unit costs us, in the channel's currency. */
  custom?: { type: ResourceReference; fields: { costPrice: CentPrecisionMoney } };
}

export interface ProductVariant {
  id: number;
  sku: string;
  prices: Price[];
  attributes: { name: string; value: unknown }[];
}

export interface ProductProjection {
  id: string;
  key: string;
  version: number;
  name: { en: string; de: string };
  categories: ResourceReference[];
  masterVariant: ProductVariant;
  variants: ProductVariant[];
}

export interface LineItem {
  id: string;
  /** Line items are keyed by their variant's SKU: one line per SKU. */
  key: string;
  productId: string;
  productKey: string;
  variant: { id: number; sku: string };
  price: Price;
  quantity: number;
  totalPrice: CentPrecisionMoney;
}

export interface Cart {
  id: string;
  key: string;
  version: number;
  customerId: string;
  cartState: 'Active' | 'Merged' | 'Ordered';
  store: ResourceReference;
  lineItems: LineItem[];
  totalPrice: CentPrecisionMoney;
  createdAt: string;
  lastModifiedAt: string;
}

export interface Order {
  id: string;
  orderNumber: string;
  version: number;
  customerId: string;
  store: ResourceReference;
  orderState: 'Open' | 'Confirmed' | 'Complete' | 'Cancelled';
  paymentState: 'Pending' | 'Paid';
  shipmentState: 'Pending' | 'Ready' | 'Shipped' | 'Delivered';
  returnInfo: { items: { lineItemId: string; quantity: number; shipmentState: 'Returned' }[] }[];
  lineItems: LineItem[];
  totalPrice: CentPrecisionMoney;
  createdAt: string;
}

export interface CartDiscount {
  id: string;
  key: string;
  value: { type: 'relative'; permyriad: number };
  target: { type: 'lineItems'; predicate: string };
}

export interface DiscountCode {
  id: string;
  key: string;
  code: string;
  name: { en: string };
  isActive: boolean;
  validFrom: string;
  validUntil: string;
  /** `obj` is present only with `expand=cartDiscounts[*]`. */
  cartDiscounts: (ResourceReference & { obj?: CartDiscount })[];
}

/**
 * A change of one variant's price in one channel, keyed by the caller's `key`. While `Applied`, its
 * `value` is the variant's list price there (the latest applied change wins); `Reverted` undoes it.
 */
export interface PriceChange {
  id: string;
  key: string;
  version: number;
  productKey: string;
  sku: string;
  channel: ResourceReference;
  value: CentPrecisionMoney;
  /** The price customers paid just before the change, discounts included. */
  previousPrice: Price;
  state: 'Applied' | 'Reverted';
  createdAt: string;
  lastModifiedAt: string;
}

/** A relative discount on the variants its predicate names (`sku in ("A", "B")`), while active and valid. */
export interface ProductDiscount {
  id: string;
  key: string;
  version: number;
  name: { en: string };
  value: { type: 'relative'; permyriad: number };
  predicate: string;
  sortOrder: string;
  isActive: boolean;
  validFrom?: string;
  validUntil?: string;
  createdAt: string;
  lastModifiedAt: string;
}

/** What every query endpoint answers. `missing` lists `in (...)` values that matched nothing. */
export interface PagedQueryResponse<T> {
  limit: number;
  offset: number;
  count: number;
  total: number;
  results: T[];
  missing?: string[];
}

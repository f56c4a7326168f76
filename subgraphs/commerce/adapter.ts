import type { ChangeFeed } from '../../lib/subgraph/change-feed.js';

/**
 * The commerce domain's port: prices, carts, orders and promotions, in domain terms.
 * Implementations talk to one commerce platform; resolvers know only this interface.
 */
export const REGIONS = ['EU', 'US', 'UK'] as const;
export type Region = (typeof REGIONS)[number];
/** Where a customer's first cart shops when nothing tells their region. */
export const DEFAULT_CART_REGION: Region = 'EU';

/** Money in major units (58.99), with its ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

export interface RegionalPrice {
  region: Region;
  list: Money;
  /** The reduced price while the product is on sale, else `null`. */
  sale: Money | null;
}

export interface ProductPricing {
  productId: string;
  prices: RegionalPrice[];
  /** Purchase cost, when the platform knows it. */
  cost: Money | null;
}

export interface PricedLine {
  productId: string;
  variantSku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

export interface Cart {
  id: string;
  customerId: string;
  region: Region;
  currency: string;
  lines: PricedLine[];
  subtotal: Money;
  /** ISO 8601 timestamp of the last change. */
  updatedAt: string;
}

export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURNED';

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  /** ISO 8601 timestamp. */
  placedAt: string;
  region: Region;
  total: Money;
  lines: PricedLine[];
}

export interface Promotion {
  id: string;
  code: string;
  name: string;
  percentOff: number;
  /** Category path it applies to; `null` for the whole catalog. */
  category: string | null;
  validFrom: string;
  validTo: string;
}

/** A cart change either succeeds or names why the request was not acceptable. */
export type CartChange = { cart: Cart } | { rejected: 'NO_ACTIVE_CART' | 'UNKNOWN_SKU' | 'SKU_NOT_IN_CART' };

export interface CommerceAdapter {
  /** Prices and cost per product id, in the order asked; `null` for unknown products. */
  pricingByProductIds(productIds: readonly string[]): Promise<(ProductPricing | null)[]>;
  /** Each customer's active cart (the most recently changed one), in the order asked; `null` if none. */
  activeCartsByCustomerIds(customerIds: readonly string[]): Promise<(Cart | null)[]>;
  /** Each customer's orders, most recent first, in the order asked; empty if none. */
  ordersByCustomerIds(customerIds: readonly string[]): Promise<Order[][]>;
  cartById(cartId: string): Promise<Cart | null>;
  orderById(orderId: string): Promise<Order | null>;
  /** All promotions, or only those valid at the given instant (ISO 8601). */
  promotions(activeAt?: string): Promise<Promotion[]>;
  /**
   * Adds `quantity` (> 0) of a variant to the customer's active cart, or raises the quantity of its
   * existing line. A customer without an active cart gets a new one, in the region of their most
   * recent order, or in `DEFAULT_CART_REGION` if they have never ordered.
   */
  addCartItem(customerId: string, sku: string, quantity: number): Promise<CartChange>;
  /** Removes the variant's line from the customer's active cart. */
  removeCartItem(customerId: string, sku: string): Promise<CartChange>;
  /** How the platform reports its own changes (webhooks): prices, for one. */
  readonly changes: ChangeFeed;
}

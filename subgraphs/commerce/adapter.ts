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

/** An order to place under a step's reference, which becomes its order number. */
export interface OrderRequest {
  reference: string;
  customerId: string;
  region: Region;
  lines: { sku: string; quantity: number }[];
}

/** A variant's price in a region with its cost, for guardrails. */
export interface InternalPrice {
  sku: string;
  productId: string;
  region: Region;
  list: Money;
  /** The reduced price while one applies (a sale or a product discount), else `null`. */
  sale: Money | null;
  cost: Money | null;
}

export interface PriceChangeRequest {
  reference: string;
  sku: string;
  region: Region;
  /** The new list price, in the region's currency. */
  amount: number;
}

/** A price change under a reference, as the platform has it now. */
export interface PriceChange {
  reference: string;
  productId: string;
  sku: string;
  region: Region;
  price: Money;
  /** What customers paid just before the change. */
  previous: Money;
  status: 'APPLIED' | 'RESTORED';
}

export interface ProductDiscountRequest {
  reference: string;
  skus: string[];
  /** Percentage off, above 0 and at most 100. */
  percent: number;
  /** ISO 8601 instant. */
  validUntil: string;
}

/** A product discount under a reference, as the platform has it now. */
export interface ProductDiscount {
  reference: string;
  skus: string[];
  /** The products whose prices it changes. */
  productIds: string[];
  percent: number;
  validUntil: string;
  status: 'ACTIVE' | 'REMOVED';
}

/** What a step wrote: its result as it is now, and whether this call made it (false for a repeat of its reference). */
export interface Written<T> {
  result: T;
  created: boolean;
}

/** A step the platform refused for a reason the orchestrator branches on (`extensions.reason`). */
export interface StepRefusal {
  refused: 'UNKNOWN_SKU';
  skus: string[];
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
  /**
   * Steps of orchestrated actions, each keyed by its reference at the platform: the same reference
   * again returns what the first call made, as it is now, with no second effect. Each undo names the
   * reference and returns what it changed, or `null` when there was nothing to undo.
   */
  createOrder(request: OrderRequest): Promise<Written<Order> | StepRefusal>;
  cancelOrder(reference: string): Promise<Order | null>;
  /** `null` for a SKU the platform does not sell. */
  internalPrice(sku: string, region: Region): Promise<InternalPrice | null>;
  setPrice(request: PriceChangeRequest): Promise<Written<PriceChange> | StepRefusal>;
  restorePrice(reference: string): Promise<PriceChange | null>;
  createProductDiscount(request: ProductDiscountRequest): Promise<Written<ProductDiscount> | StepRefusal>;
  removeProductDiscount(reference: string): Promise<ProductDiscount | null>;
  /** How the platform reports its own changes (webhooks): prices, for one. */
  readonly changes: ChangeFeed;
}

import DataLoader from 'dataloader';
import type { Cart, CommerceAdapter, Order, ProductPricing } from './adapter.js';

/** Per-request batching: all products (or customers) a response touches cost one vendor call each. */
export interface CommerceLoaders {
  pricingByProductId: DataLoader<string, ProductPricing | null>;
  activeCartByCustomerId: DataLoader<string, Cart | null>;
  ordersByCustomerId: DataLoader<string, Order[]>;
}

/** Keeps each vendor query's `in (...)` list, and its URL, a sensible size. */
const MAX_BATCH = 100;

export function createCommerceLoaders(adapter: CommerceAdapter): CommerceLoaders {
  return {
    pricingByProductId: new DataLoader((ids) => adapter.pricingByProductIds(ids), { maxBatchSize: MAX_BATCH }),
    activeCartByCustomerId: new DataLoader((ids) => adapter.activeCartsByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
    ordersByCustomerId: new DataLoader((ids) => adapter.ordersByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
  };
}

import type { Money, ProductPricing, Region } from './adapter.js';

/** The `Price` GraphQL type's value. */
export interface PriceView {
  amount: number;
  currency: string;
  list: Money;
  sale: Money | null;
  onSale: boolean;
  region: Region;
}

export function priceIn(pricing: ProductPricing | null, region: Region): PriceView | null {
  const price = pricing?.prices.find((candidate) => candidate.region === region);
  if (!price) return null;
  const effective = price.sale ?? price.list;
  return { amount: effective.amount, currency: effective.currency, list: price.list, sale: price.sale, onSale: price.sale !== null, region };
}

/** (EU effective price − cost) / EU effective price: cost is in EUR, and no exchange rates are known. */
export function marginOf(pricing: ProductPricing | null): number | null {
  const price = priceIn(pricing, 'EU');
  const cost = pricing?.cost;
  if (!price || !cost || cost.currency !== price.currency || price.amount <= 0) return null;
  return Math.round(((price.amount - cost.amount) / price.amount) * 10_000) / 10_000;
}

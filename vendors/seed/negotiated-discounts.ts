import type { SeedData } from './types.js';

/** A price a B2B customer negotiated: a share off one variant SKU, or off every product of a category, between two dates. */
export interface SeedNegotiatedDiscount {
  customerId: string;
  /** A variant SKU, or `null` when the discount covers a category. */
  sku: string | null;
  /** A category path, or `null` when the discount covers one SKU. */
  category: string | null;
  percentOff: number;
  /** Calendar dates (UTC), both included. */
  validFrom: string;
  validUntil: string;
}

const RUNNING = { validFrom: '2026-01-01', validUntil: '2030-12-31' };
const ENDED = { validFrom: '2025-01-01', validUntil: '2025-12-31' };

/**
 * The negotiated discounts, derived from the customers and products without drawing on the seed's
 * random sequence (so no other data moves): the first four `b2b` customers each hold one, three
 * running and one ended. The first product's first variant is covered three ways: by SKU, by its
 * category, and by an ended discount.
 */
export function negotiatedDiscountsOf({ customers, products }: Pick<SeedData, 'customers' | 'products'>): SeedNegotiatedDiscount[] {
  const b2b = customers.filter((customer) => customer.segments.includes('b2b')).slice(0, 4);
  const [first, second] = products;
  const terms = [
    { sku: first!.variants[0]!.sku, category: null, percentOff: 12, ...RUNNING },
    { sku: null, category: first!.categories[0]!, percentOff: 8, ...RUNNING },
    { sku: second!.variants[0]!.sku, category: null, percentOff: 15, ...RUNNING },
    { sku: first!.variants[0]!.sku, category: null, percentOff: 20, ...ENDED },
  ];
  return b2b.map((customer, index) => ({ customerId: customer.id, ...terms[index]! }));
}

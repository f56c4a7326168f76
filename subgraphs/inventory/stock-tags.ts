import { entityTag } from '../../lib/invalidation/message.js';

/**
 * Stock figures are tagged `Stock:<sku>`: every answer that read a variant's or a product's stock
 * names its sku (`Stock:SKU-10001-01`, `Stock:SKU-10001`), whichever type it was read for.
 */
export const STOCK = 'Stock';

export function stockTag(sku: string): string {
  return entityTag(STOCK, sku);
}

/** What a change to a variant's stock changes: its figures and its product's (`SKU-10001-01` → also `SKU-10001`). */
export function changedStockTags(variantSkus: Iterable<string>): string[] {
  const skus = [...variantSkus].flatMap((sku) => [sku, ...(/^(SKU-\d+)-\d+$/.exec(sku)?.slice(1) ?? [])]);
  return [...new Set(skus)].map(stockTag);
}

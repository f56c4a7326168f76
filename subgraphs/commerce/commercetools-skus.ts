import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import { keyIn, queryAll } from './commercetools-query.js';
import type { CtProductProjection, CtVariant } from './commercetools-types.js';

/** A variant the platform sells, with the key of its product (our product id). */
export interface SkuEntry {
  productId: string;
  variant: CtVariant;
}

/** The variants of the given SKUs the platform sells, by SKU (one query for the products that carry them). */
export async function variantsBySku(client: VendorClient, skus: readonly string[]): Promise<Map<string, SkuEntry>> {
  const products = await queryAll<CtProductProjection>(client, '/product-projections', keyIn('sku', skus));
  const entries = products.flatMap((product) =>
    [product.masterVariant, ...product.variants].map((variant): [string, SkuEntry] => [variant.sku, { productId: product.key, variant }]),
  );
  const wanted = new Set(skus);
  return new Map(entries.filter(([sku]) => wanted.has(sku)));
}

/** The SKUs the platform does not sell, in the order given. */
export async function unknownSkus(client: VendorClient, skus: readonly string[]): Promise<string[]> {
  const known = await variantsBySku(client, skus);
  return skus.filter((sku) => !known.has(sku));
}

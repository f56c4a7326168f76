import type { SeedData } from '../seed/index.js';
import { toProductProjection } from './mapping.js';
import type { Collection } from './query.js';
import type { ProductProjection, ProductVariant } from './types.js';

export interface SkuEntry {
  product: ProductProjection;
  variant: ProductVariant;
}

/** The published catalog, indexed by product key and by variant SKU. */
export interface Catalog {
  byKey: ReadonlyMap<string, ProductProjection>;
  bySku: ReadonlyMap<string, SkuEntry>;
  collection: Collection<ProductProjection>;
}

export function createCatalog(data: SeedData): Catalog {
  const byKey = new Map(data.products.map((product) => [product.id, toProductProjection(product)]));
  const bySku = new Map<string, SkuEntry>();
  for (const product of byKey.values()) {
    for (const variant of allVariants(product)) bySku.set(variant.sku, { product, variant });
  }
  const collection: Collection<ProductProjection> = {
    all: () => byKey.values(),
    fields: { key: (product) => product.key, sku: (product) => allVariants(product).map((variant) => variant.sku) },
    indexes: {
      key: (key) => optional(byKey.get(key)),
      sku: (sku) => optional(bySku.get(sku)?.product),
    },
  };
  return { byKey, bySku, collection };
}

export function allVariants(product: ProductProjection): ProductVariant[] {
  return [product.masterVariant, ...product.variants];
}

export function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

import DataLoader from 'dataloader';
import type { CatalogCategory, CatalogProduct, CatalogVariant, PimAdapter } from './adapter.js';

/** Per-request batching and caching over the PIM port: one vendor call per batch. */
export interface PimLoaders {
  productById: DataLoader<string, CatalogProduct | null>;
  productBySku: DataLoader<string, CatalogProduct | null>;
  variantBySku: DataLoader<string, CatalogVariant | null>;
  variantsOfProduct: DataLoader<string, CatalogVariant[]>;
  /** The category tree, read at most once per request. */
  categoryTree(): Promise<CatalogCategory[]>;
  /** Makes products already read (e.g. by a listing) known to both product loaders. */
  primeProducts(products: CatalogProduct[]): void;
}

/** The PIM answers at most 100 items per page, so a batch of 100 stays one call. */
const MAX_BATCH = 100;

export function createPimLoaders(adapter: PimAdapter): PimLoaders {
  const primeProducts = (products: (CatalogProduct | null)[]) => {
    for (const product of products) {
      if (!product) continue;
      productById.prime(product.id, product);
      productBySku.prime(product.sku, product);
    }
  };
  const productById: PimLoaders['productById'] = new DataLoader(
    async (ids) => {
      const products = await adapter.productsByIds(ids);
      primeProducts(products);
      return products;
    },
    { maxBatchSize: MAX_BATCH },
  );
  const productBySku: PimLoaders['productBySku'] = new DataLoader(
    async (skus) => {
      const products = await adapter.productsBySkus(skus);
      primeProducts(products);
      return products;
    },
    { maxBatchSize: MAX_BATCH },
  );
  let tree: Promise<CatalogCategory[]> | undefined;
  return {
    productById,
    productBySku,
    variantBySku: new DataLoader((skus) => adapter.variantsBySkus(skus), { maxBatchSize: MAX_BATCH }),
    variantsOfProduct: new DataLoader((skus) => adapter.variantsOfProducts(skus), { maxBatchSize: MAX_BATCH }),
    categoryTree: () => (tree ??= adapter.categories()),
    primeProducts,
  };
}

import DataLoader from 'dataloader';
import type { CacheTags } from '../../lib/subgraph/cache-tags.js';
import type { InventoryAdapter, Region, StockLookup } from './adapter.js';
import { STOCK } from './stock-tags.js';

/** A sku asked for in one region. */
export interface StockKey {
  region: Region;
  sku: string;
}

/**
 * Per request: all the skus asked for in a tick cost each inventory system one call per region.
 * Each sku read names its stock in the answer's tags.
 */
export interface InventoryLoaders {
  variantStock: DataLoader<StockKey, StockLookup, string>;
  productStock: DataLoader<StockKey, StockLookup, string>;
}

export function createInventoryLoaders(adapter: InventoryAdapter, cacheTags: CacheTags): InventoryLoaders {
  return {
    variantStock: regionalLoader(cacheTags, (region, skus) => adapter.stockOfVariants(region, skus)),
    productStock: regionalLoader(cacheTags, (region, skus) => adapter.stockOfProducts(region, skus)),
  };
}

function regionalLoader(cacheTags: CacheTags, fetch: (region: Region, skus: string[]) => Promise<StockLookup[]>) {
  return new DataLoader<StockKey, StockLookup, string>(
    async (keys) => {
      const skusByRegion = new Map<Region, string[]>();
      for (const { region, sku } of keys) {
        cacheTags.add(STOCK, sku);
        const skus = skusByRegion.get(region) ?? [];
        skus.push(sku);
        skusByRegion.set(region, skus);
      }
      const answers = new Map<string, StockLookup>();
      await Promise.all(
        [...skusByRegion].map(async ([region, skus]) => {
          const lookups = await fetch(region, skus);
          skus.forEach((sku, i) => answers.set(cacheKey({ region, sku }), lookups[i]!));
        }),
      );
      return keys.map((key) => answers.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 100 },
  );
}

function cacheKey({ region, sku }: StockKey): string {
  return `${region}\u0000${sku}`;
}

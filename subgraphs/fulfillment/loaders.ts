import DataLoader from 'dataloader';
import type { FulfillmentAdapter, FulfillmentItem, RegionOutlook } from './adapter.js';
import { PROMISE_HORIZON_DAYS } from './promise.js';

/** Per-request loaders: one item-master call for all skus, one outlook call per (region, order date). */
export interface FulfillmentLoaders {
  items: DataLoader<string, FulfillmentItem | null>;
  /** Keyed by `region|YYYY-MM-DD`: the region's capacity from that date over the promise horizon, with its services. */
  outlooks: DataLoader<string, RegionOutlook>;
}

export function outlookKey(region: string, from: string): string {
  return `${region}|${from}`;
}

export function createFulfillmentLoaders(adapter: FulfillmentAdapter): FulfillmentLoaders {
  return {
    items: new DataLoader((skus) => adapter.itemsBySkus(skus)),
    outlooks: new DataLoader((keys) =>
      Promise.all(
        keys.map((key) => {
          const [region = '', from = ''] = key.split('|');
          // One failing region must not fail the others batched with it.
          return adapter.regionOutlook(region, from, PROMISE_HORIZON_DAYS).catch((error: Error) => error);
        }),
      ),
    ),
  };
}

import { idsIn, kindOf, type ChangeFeed } from '../../lib/subgraph/change-feed.js';
import { changedStockTags } from './stock-tags.js';

/** The POS's webhook topic for store stock that changed (on hand or held). */
const LEVELS_UPDATED = 'inventory_levels/update';

/**
 * The POS's webhooks: a level update lists the store levels that changed in `levels`, each naming its
 * item by `vendor_sku`, our variant sku. Other topics change nothing cached.
 */
export const storePosChangeFeed: ChangeFeed = {
  vendor: 'store-pos',
  tagsOf(delivery) {
    if (kindOf(delivery, 'topic') !== LEVELS_UPDATED) return [];
    return changedStockTags(idsIn((delivery as { levels?: unknown }).levels, 'vendor_sku', 'levels'));
  },
};
